"""A folder given where one file is read (a scenario, an export) is called a folder, not "not a regular file"."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = "name: Folder\nhorizon_months: 2\nretention: {monthly_churn: 0.5}\n"
EXPORT = str(ROOT / "examples" / "actuals" / "bilibili.csv")
PLAN = str(ROOT / "aigc_roi" / "templates" / "chat-assistant-cpa.yaml")

COMMANDS = [["run", "{d}"], ["simulate", "{d}", "--samples", "20"], ["breakeven", "{d}"], ["sensitivity", "{d}"],
            ["curves", "{d}"], ["compare", "{s}", "{d}"], ["allocate", "{d}", "-b", "1000"], ["report", "{d}"],
            ["report", "{s}", "--base", "{d}"], ["actuals", "{d}", EXPORT]]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: " ".join(word for word in command if "/" not in word))
@pytest.mark.parametrize("slash", ["", "/"])
def test_a_folder_as_the_scenario_file_is_called_a_folder(tmp_path: Path, command: list[str], slash: str) -> None:
    scenario = tmp_path / "s.yaml"
    scenario.write_text(SCENARIO, encoding="utf-8")
    folder = tmp_path / "plans"
    folder.mkdir()
    args = [word.format(s=scenario, d=f"{folder}{slash}") for word in command]
    for lang, said in (("en", "is a folder, not a scenario file"), ("zh", "这是文件夹，不是方案文件")):
        result = invoke([*args, "--lang", lang])
        assert result.exit_code == 2
        assert result.stderr == f"{folder}{slash}:1:1: {said}\n"  # named as typed


def test_a_folder_as_an_export_is_called_a_folder(tmp_path: Path) -> None:
    for lang, said in (("en", "is a folder, not an export file"), ("zh", "这是文件夹，不是报表文件")):
        result = invoke(["actuals", PLAN, str(tmp_path), "--lang", lang])
        assert result.exit_code == 2
        assert f"{tmp_path}:1:1: {said}\n" in result.stderr


def test_validate_and_check_still_read_the_scenarios_in_a_folder(tmp_path: Path) -> None:
    (tmp_path / "s.yaml").write_text(SCENARIO, encoding="utf-8")
    for command in ("validate", "check"):
        result = invoke([command, str(tmp_path)])
        assert result.exit_code == 0, result.stderr
        assert result.stderr.endswith("1 file, 0 invalid, 0 errors\n") if command == "validate" else True


def test_a_folder_read_as_a_file_keeps_the_rule_of_an_unreadable_file(tmp_path: Path) -> None:
    from aigc_roi.ci.rules import rule_of
    from aigc_roi.model.errors import ScenarioError

    assert rule_of(ScenarioError(str(tmp_path), 1, 1, "", "is a folder, not a scenario file")) == "unreadable-file"
