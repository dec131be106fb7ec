"""A file to read named with a folder's ending (``plan.yaml/``) is refused as the system refuses it, "Not a
directory": pathlib drops the ending, so ``check plan.yaml/`` checked plan.yaml while ``cat plan.yaml/`` fails.
Every argument or option of every command that names a file to read, one located line at the name as typed, exit 2,
in English and Chinese; a folder named so is still a folder (tests/cli/test_folder_as_file.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke
from typer.models import TyperPath

from aigc_roi.cli.commands import COMMANDS, build_command
from aigc_roi.cli.options import FileToWrite

ROOT = Path(__file__).resolve().parents[2]
PLAN = str(ROOT / "aigc_roi" / "templates" / "chat-assistant-cpa.yaml")
EXPORT = str(ROOT / "examples" / "actuals" / "bilibili.csv")
REFUSED = "{name}:1:1: cannot read file: Not a directory\n"
REFUSED_ZH = "{name}:1:1: 无法读取文件：路径中有一部分不是文件夹\n"


def _read_paths() -> list[tuple[str, str]]:
    """(command, parameter) for every parameter that names a path to read: any path but a file to write."""
    return [(command, param.name or "") for command in COMMANDS for param in build_command(command).params
            if isinstance(param.type, TyperPath) and not isinstance(param.type, FileToWrite)]


def _words(command: str, target: str, bad: str) -> list[str]:
    """The command line with ``bad`` as ``target``'s value and a readable file as every other argument's."""
    words = [command]
    params = build_command(command).params
    for param in params:
        if param.param_type_name == "argument":
            words.append(bad if param.name == target else EXPORT if param.metavar == "EXPORT..." else PLAN)
    option = next((param for param in params if param.name == target and param.param_type_name == "option"), None)
    return words + ([option.opts[0], bad] if option is not None else [])


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "s.yaml").write_text(Path(PLAN).read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_every_command_reading_a_file_is_covered() -> None:
    # The commands README lists with a FILE, PLAN or EXPORT, and report's --base.
    assert {command for command, _ in _read_paths()} == {
        "run", "compare", "breakeven", "sensitivity", "simulate", "allocate", "actuals", "validate", "check", "curves",
        "report"}
    assert ("report", "base") in _read_paths() and ("actuals", "exports") in _read_paths()


@pytest.mark.parametrize(("command", "target"), _read_paths())
def test_a_file_with_a_trailing_slash_is_refused(here: Path, command: str, target: str) -> None:
    words = _words(command, target, "s.yaml/")
    english = invoke([*words, "--lang", "en"])
    assert (english.exit_code, english.stdout, english.stderr) == (2, "", REFUSED.format(name="s.yaml/"))
    chinese = invoke([*words, "--lang", "zh"])
    assert (chinese.exit_code, chinese.stdout, chinese.stderr) == (2, "", REFUSED_ZH.format(name="s.yaml/"))


@pytest.mark.parametrize("name", ["s.yaml//", "s.yaml/.", "./s.yaml/"])
def test_every_ending_pathlib_drops_is_kept(here: Path, name: str) -> None:
    result = invoke(["check", name])
    assert (result.exit_code, result.stderr) == (2, REFUSED.format(name=name))


def test_check_json_writes_its_refusal_document(here: Path) -> None:
    result = invoke(["check", PLAN, "s.yaml/", "--format", "json"])
    assert result.exit_code == 2
    assert json.loads(result.stdout)["error"] == {"message": "s.yaml/:1:1: cannot read file: Not a directory",
                                                  "option": None}


def test_a_folder_with_a_slash_is_still_read(here: Path) -> None:
    (here / "plans").mkdir()
    (here / "plans" / "s.yaml").write_text(Path(PLAN).read_text(encoding="utf-8"), encoding="utf-8")
    assert invoke(["validate", "plans/"]).exit_code == 0
