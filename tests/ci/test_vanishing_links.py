"""A link that vanishes while `check` walks a folder is no internal error (a reviewer's `check /` met one).

Python's ``os.path.realpath`` reads a link after it has seen it there, and raised ``FileNotFoundError`` when it was
gone by then: a process's ``/proc/PID/cwd`` as the process ended. Such a name is taken at its absolute path
(ci/discovery.py ``_real``); the files around it are still found.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.ci import discovery


def test_a_link_gone_as_it_is_read_is_walked_past(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plans = tmp_path / "plans"
    (plans / "kept").mkdir(parents=True)
    (plans / "kept" / "a.yaml").write_text("name: a\n", encoding="utf-8")
    (plans / "gone").symlink_to(plans / "kept", target_is_directory=True)
    real = os.path.realpath

    def vanishing(path: str | os.PathLike[str], *args: object, **kwargs: object) -> str:
        if os.fspath(path).endswith("gone"):
            raise FileNotFoundError(2, "No such file or directory", os.fspath(path))
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(discovery.os.path, "realpath", vanishing)
    (found,) = discovery.scenario_files([plans])
    assert found.resolve() == (plans / "kept" / "a.yaml").resolve()
    result = invoke(["validate", str(plans)])
    assert "internal error" not in result.stderr
