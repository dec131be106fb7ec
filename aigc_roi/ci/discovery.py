"""Which files a CI run reads: the files given, and every scenario file below each folder."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from aigc_roi.ci.errors import NoScenarioFiles

SCENARIO_SUFFIXES = (".yaml", ".yml")


def scenario_files(paths: Sequence[Path]) -> list[Path]:
    """Each file as given and every scenario file below each folder, sorted, each once.

    Hidden files and folders below a given folder are skipped (``.git``,
    ``.github``). A missing path stays in the list so the loader reports it.
    Raises NoScenarioFiles for a folder without any scenario file, which is
    almost always a mistyped CI path that would otherwise pass silently.
    """
    files: dict[Path, None] = {}
    for path in paths:
        if not path.is_dir():
            files[path] = None
            continue
        found = []
        for folder, subfolders, names in os.walk(path):
            subfolders[:] = [name for name in subfolders if not name.startswith(".")]
            found += [Path(folder, name) for name in names
                      if name.endswith(SCENARIO_SUFFIXES) and not name.startswith(".")]
        if not found:
            raise NoScenarioFiles(f"{path}: no *.yaml or *.yml files in this folder")
        files.update(dict.fromkeys(sorted(found)))
    return list(files)
