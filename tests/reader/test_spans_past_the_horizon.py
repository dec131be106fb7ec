"""A span of months that runs past the horizon (前30个月 of 24) was told "months 1 to 30 are past the horizon of 24
months", false of months 1 to 24, with nothing to write; now only months 25 to 30 are told past it, and the months
within are offered (1-24 or all, where the span is the plan's first months), as 3-30个月 offers 1-3 to 1-24."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.reader.load import load_text

PLAN = """\
name: T
horizon_months: 24
acquisition:
  - {name: A, type: cpa, bid: 10, budget: 1000, months: MONTHS}
retention: {monthly_churn: 0.3}
"""
EXPECTED = "acquisition[0].months: expected all, a month, a span 'a-b' or a list of months within 1..24"


def _told(tmp_path: Path, months: str, lang: str) -> str:
    path = tmp_path / "p.yaml"
    path.write_text(PLAN.replace("MONTHS", months), encoding="utf-8")
    result = invoke(["validate", str(path), "--lang", lang])
    assert result.exit_code == 2
    column = PLAN.splitlines()[3].index("MONTHS") + 1
    return result.stdout.strip().removeprefix(f"{path}:4:{column}: ")


@pytest.mark.parametrize("written", ["前30个月", "头30个月", "第1-30个月"])
def test_the_first_months_past_the_horizon(tmp_path: Path, written: str) -> None:
    assert _told(tmp_path, written, "en") == (
        f"{EXPECTED}, found '{written}'; months of the plan are their numbers alone: write 1-24 or all; months 25 to 30 "
        "are past the horizon of 24 months")
    assert _told(tmp_path, written, "zh").endswith(
        f"实际为 '{written}'；方案的月份只写数字：请写 1-24 或 all；第 25-30 个月超出 24 个月的期限")


def test_a_span_from_a_later_month_is_offered_its_months_within(tmp_path: Path) -> None:
    # Months 3 to 30 of 24: 3 to 24 are the plan's, 25 to 30 past it; no all, which would run from month 1.
    assert _told(tmp_path, "第3-30个月", "en").endswith(
        "; months of the plan are their numbers alone: write 3-24; months 25 to 30 are past the horizon of 24 months")


def test_one_month_past_is_told_as_one(tmp_path: Path) -> None:
    assert _told(tmp_path, "前25个月", "en").endswith(": write 1-24 or all; month 25 is past the horizon of 24 months")


@pytest.mark.parametrize("written", ["1-24", "all"])
def test_what_is_offered_reads_as_every_month(written: str) -> None:
    months = load_text(PLAN.replace("MONTHS", written), "p.yaml").scenario.acquisition[0].months
    assert months is None or months == tuple(range(1, 25))


def test_a_by_month_key_past_the_horizon_is_offered_its_keys_within(tmp_path: Path) -> None:
    path = tmp_path / "k.yaml"
    path.write_text(PLAN.replace("budget: 1000", 'budget: {by_month: {"前30个月": 500}}').replace(", months: MONTHS", ""),
                    encoding="utf-8")
    told = invoke(["validate", str(path)]).stdout
    assert "; a by_month key is one month, not a span: write keys 1 and 24; months 25 to 30 are past the horizon of 24 " \
           "months; the same value at both holds between them" in told
