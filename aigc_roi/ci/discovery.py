"""Which files a CI run reads: the files given, and every scenario file below each folder."""

from __future__ import annotations

import os
from collections.abc import Callable, Hashable, Sequence
from pathlib import Path

from aigc_roi.ci.errors import NoScenarioFiles
from aigc_roi.model.names import extension_of
from aigc_roi.model.spelled_paths import file_named_as_folder

SCENARIO_SUFFIXES = (".yaml", ".yml")
"""Extensions as ``extension_of`` reads them: ``Plan.YAML``, ``plan.Yml`` and ``计划.ｙａｍｌ`` are YAML files too, as
saved on Windows and macOS, whose file systems hold one name in either case."""


def found_below(relative: str) -> bool:
    """Whether a file at ``relative`` below a given folder is a scenario file the walk reads: a YAML file by its
    extension, with no hidden file or folder (``.git``, ``.github``) on the way."""
    return (extension_of(relative) in SCENARIO_SUFFIXES
            and not any(part.startswith(".") for part in Path(relative).parts))


Apart = Callable[[Sequence[Path]], Sequence[Hashable]]
"""For spellings of files met more than once, what tells each apart beside the file it names now: with `check --base`,
what it named at REF (ci/baseline.py's ``named_at_ref``)."""


def scenario_files(paths: Sequence[Path], apart: Apart | None = None,
                   empty: list[Path] | None = None) -> list[Path]:
    """Each file as given, whatever its extension, and every scenario file below each folder (``found_below``),
    sorted, each once.

    Once by the file itself, not by its spelling: ``h/dup.yaml``, ``h/../h/dup.yaml``, its absolute path and a
    symlink to it are one file, checked and counted once under the first spelling met; ``h/dup.yaml/`` is none of
    them: named as a folder, it names nothing to read, and is reported so beside ``h/dup.yaml`` checked. With
    ``apart``, spellings of one file that it tells apart are each kept: a link re-pointed since REF has a history of
    its own, which its file's first spelling does not say (QA).

    Hidden files and folders below a given folder are skipped (``.git``,
    ``.github``); symlinked folders below it are followed, each real folder
    walked once (a link loop ends). A missing path stays in the list so the loader reports it,
    and so does a path that cannot even be looked at (a name over 255 bytes)
    and a folder that cannot be read: skipping it would pass the files it
    holds unchecked. Raises NoScenarioFiles for a folder without any scenario
    file, which is almost always a mistyped CI path that would otherwise pass
    silently; with ``empty`` (`check --base`), such a folder is added to it instead, for the caller to ask
    whether it held scenario files at REF: deleted since, they are removals to report, not a mistyped path.
    """
    met: list[tuple[str, Path]] = []
    for path in paths:
        if not _is_folder(path):
            met.append((_file_key(path), path))
            continue
        found = []
        unreadable: list[OSError] = []
        # Symlinked folders below are walked too (a shared folder linked into scenarios/ holds scenarios to
        # check), each real folder once: a link back to an ancestor or to a folder already walked adds nothing.
        walked = {_real(path)}
        for folder, subfolders, names in os.walk(path, onerror=unreadable.append, followlinks=True):
            subfolders[:] = [name for name in sorted(subfolders) if not name.startswith(".")
                             and _first_visit(os.path.join(folder, name), walked)]
            found += [Path(folder, name) for name in names if found_below(name)]
        found += [Path(error.filename) if error.filename else path for error in unreadable]
        if not found and empty is not None:
            empty.append(path)
            continue
        if not found:
            raise NoScenarioFiles(f"{path}: no *.yaml or *.yml files in this folder")
        met += [(_identity(file), file) for file in sorted(found)]
    return _once(met, apart)


def _once(met: Sequence[tuple[str, Path]], apart: Apart | None) -> list[Path]:
    """Each (file, spelling) ``met`` once, in the order met: a spelling under the first of its file's, unless
    ``apart`` tells the two apart (asked only of files met under more than one spelling, once for all of them)."""
    spellings: dict[str, list[Path]] = {}
    for key, path in met:
        if path not in spellings.setdefault(key, []):
            spellings[key].append(path)
    told: dict[tuple[str, Path], Hashable] = {}
    if apart is not None:
        asked = [(key, path) for key, paths in spellings.items() if len(paths) > 1 for path in paths]
        if asked:
            told = dict(zip(asked, apart([path for _, path in asked]), strict=True))
    files: dict[tuple[str, Hashable], Path] = {}
    for key, path in met:
        files.setdefault((key, told.get((key, path))), path)
    return list(files.values())


def _file_key(path: Path) -> str:
    """What ``path``, no folder, names: its real path, but for a file named as a folder (``plan.yaml/``), which names
    nothing to read where its real path is the file's."""
    real = _identity(path)
    return real + os.sep if file_named_as_folder(path) else real


def _identity(path: Path) -> str:
    """The file ``path`` reads: its real path where that exists; else the path itself, made absolute. Two broken
    links to one missing file are two problems to report, each under its own name: by their real path they were one,
    and the second went unsaid (QA)."""
    real = _real(path)
    return real if os.path.lexists(real) else os.path.abspath(path)


def _first_visit(folder: str, walked: set[str]) -> bool:
    """Whether ``folder``'s real path is walked for the first time (and now is)."""
    real = _real(folder)
    if real in walked:
        return False
    walked.add(real)
    return True


def _real(path: str | Path) -> str:
    """``os.path.realpath``, or the absolute path where a link vanishes as it is read: Python's realpath reads a link
    after seeing it, and raised when it was gone by then (``check /`` met a process's /proc/PID/cwd as it ended)."""
    try:
        return os.path.realpath(path)
    except OSError:
        return os.path.abspath(path)


def _is_folder(path: Path) -> bool:
    """Whether ``path`` is a folder; a path the system refuses to look at (too long, no access) is not."""
    try:
        return path.is_dir()
    except OSError:
        return False
