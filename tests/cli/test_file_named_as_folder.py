"""A file to read named with a folder's ending (``plan.yaml/``) cannot be read, as the system says, "Not a directory":
pathlib drops the ending, so ``check plan.yaml/`` checked plan.yaml while ``cat plan.yaml/`` fails. It is a file that
cannot be read, as a missing one is: a command of one result refuses it (one located line at the name as typed, exit
2), ``validate`` and ``check`` report it as one invalid file and go on with the others. Every argument or option of
every command that names a file to read, in English and Chinese; a folder named so is still a folder
(tests/cli/test_folder_as_file.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke
from test_check_zh import commit_all
from test_validate_and_check import LOSING, WINNING, write
from typer.models import TyperPath

from aigc_roi.ci import checks, parallel
from aigc_roi.ci.parallel import validate_and_check
from aigc_roi.cli.commands import COMMANDS, build_command
from aigc_roi.cli.options import FileToWrite
from aigc_roi.model.spelled_paths import spelled_path

ROOT = Path(__file__).resolve().parents[2]
PLAN = str(ROOT / "aigc_roi" / "templates" / "chat-assistant-cpa.yaml")
EXPORT = str(ROOT / "examples" / "actuals" / "bilibili.csv")
REFUSED = "{name}:1:1: cannot read file: Not a directory\n"
REFUSED_ZH = "{name}:1:1: 无法读取文件：路径中有一部分不是文件夹\n"
EACH_FILE = {"validate", "check"}
"""The commands that report each file given: one that cannot be read is one invalid file among them."""
TALLY = {"validate": "2 files, 1 invalid, 1 error\n",
         # PLAN's targets: max_payback_months, min_roi, min_ltv_to_cac and max_cac, each met.
         "check": "2 files, 1 invalid, 4 targets, 0 missed\n"}
TALLY_ZH = {"validate": "2 个文件，1 个无效，1 个错误\n", "check": "2 个文件，1 个无效，4 个目标，0 个未达成\n"}


def read_paths() -> list[tuple[str, str]]:
    """(command, parameter) for every parameter that names a path to read: any path but a file to write."""
    return [(command, param.name or "") for command in COMMANDS for param in build_command(command).params
            if isinstance(param.type, TyperPath) and not isinstance(param.type, FileToWrite)]


def words(command: str, target: str, bad: str) -> list[str]:
    """The command line with ``bad`` as ``target``'s value and readable files for the rest: every other argument,
    and one more after ``bad`` where the argument takes several (compare's two, check's valid file beside it)."""
    line = [command]
    params = build_command(command).params
    for param in params:
        if param.param_type_name == "argument":
            good = EXPORT if param.metavar == "EXPORT..." else PLAN
            line += ([bad] + ([good] if param.nargs == -1 else [])) if param.name == target else [good]
    option = next((param for param in params if param.name == target and param.param_type_name == "option"), None)
    # allocate reads its file only once told what to allocate.
    return line + ([option.opts[0], bad] if option is not None else []) + (["--budget", "10000"] * (command == "allocate"))


def outcome(command: str, line: str, lang: str) -> tuple[int, str, str]:
    """What ``command`` says of a file that cannot be read (``line``, located): refused alone on stderr, or for
    validate and check one invalid file on stdout, the other file still read, and the tally."""
    if command in EACH_FILE:
        return 2, line, (TALLY if lang == "en" else TALLY_ZH)[command]
    return 2, "", line


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "s.yaml").write_text(Path(PLAN).read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_every_command_reading_a_file_is_covered() -> None:
    # The commands README lists with a FILE, PLAN or EXPORT, and report's --base.
    assert {command for command, _ in read_paths()} == {
        "run", "compare", "breakeven", "sensitivity", "simulate", "allocate", "actuals", "validate", "check", "curves",
        "report"}
    assert ("report", "base") in read_paths() and ("actuals", "exports") in read_paths()


@pytest.mark.parametrize(("command", "target"), read_paths())
def test_a_file_with_a_trailing_slash_cannot_be_read(here: Path, command: str, target: str) -> None:
    line = words(command, target, "s.yaml/")
    english = invoke([*line, "--lang", "en"])
    assert (english.exit_code, english.stdout, english.stderr) == outcome(command, REFUSED.format(name="s.yaml/"), "en")
    chinese = invoke([*line, "--lang", "zh"])
    assert (chinese.exit_code, chinese.stdout, chinese.stderr) == outcome(command, REFUSED_ZH.format(name="s.yaml/"), "zh")


@pytest.mark.parametrize("name", ["s.yaml//", "s.yaml/.", "./s.yaml/"])
def test_every_ending_pathlib_drops_is_kept(here: Path, name: str) -> None:
    result = invoke(["check", name])
    assert (result.exit_code, result.stdout, result.stderr) == (
        2, REFUSED.format(name=name), "1 file, 1 invalid, 0 targets, 0 missed\n")


@pytest.mark.parametrize("command", sorted(EACH_FILE))
def test_the_file_beside_its_name_as_a_folder_is_still_read(here: Path, command: str) -> None:
    # One file under two names: s.yaml is read, s.yaml/ names nothing to read (ci/discovery.py reads a name once).
    result = invoke([command, "s.yaml/", "s.yaml", "-v"])
    assert result.exit_code == 2
    assert result.stdout.startswith(REFUSED.format(name="s.yaml/"))
    assert result.stderr.endswith(TALLY[command])


def test_check_json_lists_it_as_invalid(here: Path) -> None:
    result = invoke(["check", PLAN, "s.yaml/", "--format", "json"])
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    assert document["error"] is None
    assert [(entry["file"], entry["message"]) for entry in document["invalid"]] == [
        ("s.yaml/", "cannot read file: Not a directory")]
    assert [scenario["path"] for scenario in document["scenarios"]] == [PLAN]


def test_check_base_compares_nothing_for_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # s.yaml changed since HEAD; s.yaml/ names no file, so no change of s.yaml is shown for it.
    write(tmp_path, {"s.yaml": WINNING})
    commit_all(tmp_path, monkeypatch)
    write(tmp_path, {"s.yaml": LOSING})
    result = invoke(["check", "s.yaml/", "--base", "HEAD"])
    assert (result.exit_code, result.stdout) == (2, REFUSED.format(name="s.yaml/") + "No scenario changed since HEAD.\n")
    assert "s.yaml (Spec example): modified" in invoke(["check", "s.yaml/", "s.yaml", "--base", "HEAD"]).stdout


def test_check_workers_read_the_name_as_written(here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The names cross to the workers by pickle, which would give them plan.yaml to read.
    monkeypatch.setattr(checks, "POOL_FROM", 2)
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    results, checked = validate_and_check([spelled_path("s.yaml/"), Path("s.yaml")], (), 100, 0, workers=2)
    assert [(r.path, [e.message for e in r.errors]) for r in results] == [
        ("s.yaml/", ["cannot read file: Not a directory"]), ("s.yaml", [])]
    assert [c.path for c in checked] == ["s.yaml"]


def test_a_folder_with_a_slash_is_still_read(here: Path) -> None:
    (here / "plans").mkdir()
    (here / "plans" / "s.yaml").write_text(Path(PLAN).read_text(encoding="utf-8"), encoding="utf-8")
    assert invoke(["validate", "plans/"]).exit_code == 0
