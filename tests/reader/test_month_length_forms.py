"""Months written with 个月, which counts a length (``6个月`` is six months long, told 1-6: month_lengths.py), in
forms that were told one reading only or none:

- ``months: 3-6个月`` was told ``write 3-6``; in Chinese it is as often a length of 3 to 6 months (持续3-6个月), so
  both readings are told: months 3 to 6, or the plan's first 3 to 6 months (1-3 .. 1-6), as 6个月 is told 1-6.
- ``months: 3个月、6个月`` was told ``write [3, 6]`` as if 个月 named months: it now says they are lengths, and
  offers [3, 6] only as a reading (if it means the plan's months 3 and 6).
- ``months: 3个月后`` (after the first three months) was told nothing: the months after the first 3 run from 4 to
  the horizon; a by_month key is told key 4, where the value starts.
Counted by hand over the plan's horizon (12 or 24 months)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke
from test_chinese_words_told import first_told

from aigc_roi.reader.load import load_text

PLAN = """name: P
horizon_months: {horizon}
retention: {{monthly_churn: 0.5}}
acquisition:
  - {{name: A, type: cpa, bid: {bid}, users: 100, months: {months}}}
"""


def _plan(months: str = "all", bid: str = "20", horizon: int = 12) -> str:
    return PLAN.format(months=months, bid=bid, horizon=horizon)


def _months(months: str, horizon: int = 12) -> tuple[int, ...] | None:
    return load_text(_plan(months, horizon=horizon), "p.yaml").scenario.acquisition[0].months


@pytest.mark.parametrize("written", ["3-6个月", "3到6个月", "3个月-6个月", "三到六个月"])
def test_a_span_of_lengths_is_told_both_readings(tmp_path: Path, written: str) -> None:
    assert first_told(tmp_path, _plan(written)).endswith(
        f"found '{written}'; {written} is months 3 to 6 or a length of 3 to 6 months: write 3-6 if it means the "
        "plan's months 3 to 6, or 1-3, 1-4, 1-5 or 1-6 if it means the plan's first 3 to 6 months")
    assert _months("3-6") == (3, 4, 5, 6)
    assert _months("1-3") == (1, 2, 3) and _months("1-6") == (1, 2, 3, 4, 5, 6)


def test_a_long_span_of_lengths_and_one_past_the_horizon(tmp_path: Path) -> None:
    assert first_told(tmp_path, _plan("3-12个月")).endswith(
        "3-12个月 is months 3 to 12 or a length of 3 to 12 months: write 3-12 if it means the plan's months 3 to 12, "
        "or one of 1-3 to 1-12 if it means the plan's first 3 to 12 months")
    # Months 3 to 30 lie past a 12-month plan, a length of 3 to 12 months does not: it alone is offered.
    assert first_told(tmp_path, _plan("3-30个月")).endswith(
        "3-30个月 is months 3 to 30 or a length of 3 to 30 months: write one of 1-3 to 1-12 if it means the plan's "
        "first 3 to 12 months; month 30 is past the horizon of 12 months")


def test_months_counted_with_di_or_month_words_are_months_alone(tmp_path: Path) -> None:
    """第3-6个月 counts the plan's months; 3-6月 names months: neither is a length."""
    assert first_told(tmp_path, _plan("第3-6个月")).endswith("months of the plan are their numbers alone: write 3-6")
    assert first_told(tmp_path, _plan("3-6月")).endswith("months of the plan are their numbers alone: write 3-6")


@pytest.mark.parametrize(("written", "lengths"), [
    ("3个月、6个月", "3个月 and 6个月 are lengths of months, not months"),
    ("三个月、六个月", "三个月 and 六个月 are lengths of months, not months"),
    ("3个月、6月", "3个月 is a length of months, not a month"),
])
def test_a_list_of_lengths_is_told_so(tmp_path: Path, written: str, lengths: str) -> None:
    assert first_told(tmp_path, _plan(written)).endswith(
        f"found '{written}'; months of the plan are their numbers alone: write [3, 6] if it means the plan's months "
        f"3 and 6; {lengths}")
    assert _months("[3, 6]") == (3, 6)


def test_a_list_counted_with_di_is_months(tmp_path: Path) -> None:
    assert first_told(tmp_path, _plan("第3个月、第6个月")).endswith("months of the plan are their numbers alone: write [3, 6]")


@pytest.mark.parametrize(("written", "horizon", "hint", "months"), [
    # After the first 3 of 12: months 4, 5, ..., 12.
    ("3个月后", 12, "3个月后 is the time after the first 3 months, not a month: write 4-12 if it means the plan's "
                   "months after the first 3", "4-12"),
    ("三个月以后", 24, "三个月以后 is the time after the first 3 months, not a month: write 4-24 if it means the "
                      "plan's months after the first 3", "4-24"),
    # After the first 11 of 12: month 12 alone.
    ("11个月后", 12, "11个月后 is the time after the first 11 months, not a month: write 12 if it means the plan's "
                    "months after the first 11", "12"),
])
def test_the_months_after_some_months(tmp_path: Path, written: str, horizon: int, hint: str, months: str) -> None:
    assert first_told(tmp_path, _plan(written, horizon=horizon)).endswith(f"found '{written}'; {hint}")
    first = int(months.split("-")[0])
    assert _months(months, horizon) == tuple(range(first, horizon + 1))


def test_the_months_after_the_whole_plan_are_none(tmp_path: Path) -> None:
    told = first_told(tmp_path, _plan("12个月后"))
    assert told.endswith("12个月后 is the time after the first 12 months, not a month; month 13 is past the horizon "
                         "of 12 months")
    assert "write" not in told


def test_the_months_after_some_months_as_a_by_month_key(tmp_path: Path) -> None:
    """The value from month 4 on: key 4, and key 3 for the value before, else months 1..3 ramp to it."""
    assert first_told(tmp_path, _plan(bid="{by_month: {1: 20, 3个月后: 25}}")).endswith(
        "found '3个月后'; 3个月后 is the time after the first 3 months, not a month: write key 4, its first month; "
        "by_month runs linearly from the key before, so write the value before at key 3")


def test_in_chinese(tmp_path: Path) -> None:
    assert first_told(tmp_path, _plan("3-6个月"), "zh").endswith(
        "实际为 '3-6个月'；3-6个月 可能是第 3-6 个月，也可能是 3 到 6 个月的时长：若指方案的第 3-6 个月，请写 3-6；"
        "若指方案的前 3 到 6 个月，请写 1-3、1-4、1-5 或 1-6")
    assert first_told(tmp_path, _plan("3-12个月"), "zh").endswith("请写 1-3 到 1-12 中的一个")
    assert first_told(tmp_path, _plan("3个月、6个月"), "zh").endswith(
        "实际为 '3个月、6个月'；方案的月份只写数字：若指方案的第 3、6 个月，请写 [3, 6]；3个月、6个月 是时长，不是月份")
    assert first_told(tmp_path, _plan("3个月后"), "zh").endswith(
        "实际为 '3个月后'；3个月后 指前 3 个月之后，不是某一个月：若指方案在这之后的各月，请写 4-12")
    assert first_told(tmp_path, _plan(bid="{by_month: {1: 20, 3个月后: 25}}"), "zh").endswith(
        "3个月后 指前 3 个月之后，不是某一个月：请写键 4，即其后的第一个月；by_month 从前一个键线性过渡：请把之前的值写在键 3")


def test_set_is_told_the_same(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(_plan(), encoding="utf-8")
    result = invoke(["run", str(path), "--set", "acquisition[0].months=3-6个月"])
    assert result.exit_code == 2
    assert result.stderr.strip().endswith("or 1-3, 1-4, 1-5 or 1-6 if it means the plan's first 3 to 6 months")
