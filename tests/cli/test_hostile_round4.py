"""QA round 4 (hostile inputs): an export overwritten by its own command, a start month no calendar holds,
an xlsx that decompresses hugely, and a few messages that misplaced or misnamed what they reported."""

from __future__ import annotations

from pathlib import Path

import pytest
from actuals_plans import two_channel_plan
from cli_runner import invoke

EXPORT = "date,campaign,spend,new_users\n2025-03-01,dy_1,100,5\n"


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# --- F4: an export of actuals is an input, never an output ----------------------------------


@pytest.mark.parametrize("option", ["-o", "--reforecast"])
@pytest.mark.parametrize("naming", ["same", "symlink", "dotdot"])
def test_actuals_never_writes_over_an_export_it_reads(tmp_path: Path, option: str, naming: str) -> None:
    plan = _write(tmp_path, "plan.yaml", two_channel_plan("P"))
    export = _write(tmp_path, "ok.csv", EXPORT)
    other = _write(tmp_path, "other.csv", EXPORT.replace("2025-03-01", "2025-03-02"))
    named = {"same": export, "symlink": tmp_path / "link.csv",
             "dotdot": tmp_path / "sub" / ".." / "ok.csv"}[naming]
    if naming == "symlink":
        named.symlink_to(export.name)
    (tmp_path / "sub").mkdir()
    result = invoke(["actuals", str(plan), str(other), str(export), option, str(named), "--force"])
    assert result.exit_code == 2, result.stderr
    assert f"{named}: is an input of this command" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert export.read_text(encoding="utf-8") == EXPORT


def test_actuals_refuses_the_plan_as_output_before_reading_the_exports(tmp_path: Path) -> None:
    plan = _write(tmp_path, "plan.yaml", two_channel_plan("P"))
    export = _write(tmp_path, "ok.csv", EXPORT)
    result = invoke(["actuals", str(plan), str(export), "-o", str(plan), "--force"])
    assert result.exit_code == 2
    # One line: no summary of the exports read before the refusal.
    assert result.stderr.strip() == f"{plan}: is an input of this command; write the result to another file"


def test_actuals_refusal_of_an_export_in_chinese(tmp_path: Path) -> None:
    plan = _write(tmp_path, "plan.yaml", two_channel_plan("P"))
    export = _write(tmp_path, "ok.csv", EXPORT)
    result = invoke(["actuals", str(plan), str(export), "--reforecast", str(export), "--force", "--lang", "zh"])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"{export}：这是本命令的输入文件；请把结果写到另一个文件"


# --- F13: start lies in the months a date (and a spreadsheet) can hold ------------------------

BASE = "name: H\nhorizon_months: 12\nretention: {monthly_churn: 0.5}\n"


@pytest.mark.parametrize(("start", "horizon", "last_start"), [
    ("0000-01", 12, "9999-01"), ("0001-01", 12, "9999-01"), ("1899-12", 12, "9999-01"),
    ("9990-02", 120, "9990-01"), ("9999-02", 12, "9999-01")])
def test_a_start_outside_1900_01_and_the_last_start_is_refused_at_the_field(
        tmp_path: Path, start: str, horizon: int, last_start: str) -> None:
    path = _write(tmp_path, "s.yaml", BASE.replace("12", str(horizon)) + f"start: {start}\n")
    result = invoke(["validate", str(path)])
    assert result.exit_code == 2
    assert result.stdout == (f"{path}:4:8: start: expected a month from 1900-01 to {last_start} "
                             f"(all {horizon} months by 9999-12), found {start}\n")


def test_the_first_and_last_starts_run_and_date_their_months(tmp_path: Path) -> None:
    for start, horizon, last in (("1900-01", 12, "1900-12"), ("9990-01", 120, "9999-12")):
        path = _write(tmp_path, "s.yaml", BASE.replace("12", str(horizon)) + f"start: {start}\n")
        result = invoke(["run", str(path), "-f", "xlsx", "-o", str(tmp_path / "out.xlsx"), "--force"])
        assert result.exit_code == 0, result.stderr
        months = invoke(["run", str(path), "-f", "json"])
        assert months.stdout.count('"label"') >= horizon
        assert f'"label": "{last}"' in months.stdout


def test_year_0_no_longer_reaches_actuals_as_an_internal_error(tmp_path: Path) -> None:
    plan = _write(tmp_path, "plan.yaml", two_channel_plan("P").replace("2025-03", "0000-01"))
    export = _write(tmp_path, "ok.csv", EXPORT)
    result = invoke(["actuals", str(plan), str(export)])
    assert result.exit_code == 2
    assert result.stderr == (f"{plan}:2:8: start: expected a month from 1900-01 to 9999-01 (all 12 months by "
                             "9999-12), found 0000-01\n")


def test_a_start_out_of_range_in_chinese(tmp_path: Path) -> None:
    path = _write(tmp_path, "s.yaml", BASE + "start: 0000-01\n")
    result = invoke(["validate", str(path), "--lang", "zh"])
    assert "1900-01 至 9999-01 之间的月份（全部 12 个月都不晚于 9999-12）" in result.stdout
    assert "expected" not in result.stdout
