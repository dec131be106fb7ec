"""Every message names a file or folder to read as the user typed it: ``missing/``, not ``missing``, which pathlib
would make of it (model/spelled_paths.py). Every argument or option of every command that names a path to read, in
English and Chinese (a folder given as a file: tests/cli/test_folder_as_file.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke
from test_file_named_as_folder import PLAN, outcome, read_paths, words

from aigc_roi import api

MISSING = "{name}:1:1: cannot read file: No such file or directory\n"
MISSING_ZH = "{name}:1:1: 无法读取文件：没有该文件或目录\n"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("name", ["missing.yaml/", "missing/", "missing//", "missing/."])
@pytest.mark.parametrize(("command", "target"), read_paths())
def test_a_missing_name_keeps_its_ending(here: Path, command: str, target: str, name: str) -> None:
    line = words(command, target, name)
    english = invoke([*line, "--lang", "en"])
    assert (english.exit_code, english.stdout, english.stderr) == outcome(command, MISSING.format(name=name), "en")
    chinese = invoke([*line, "--lang", "zh"])
    assert (chinese.exit_code, chinese.stdout, chinese.stderr) == outcome(command, MISSING_ZH.format(name=name), "zh")


def test_the_library_names_them_so_too(here: Path) -> None:
    (validated,) = api.validate(["missing/"])
    assert (validated.path, [error.file for error in validated.errors]) == ("missing/", ["missing/"])
    assert api.check_run(["missing.yaml/", PLAN]).results[0].path == "missing.yaml/"
