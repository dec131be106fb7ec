"""``months: 6个月`` is six months long, not month 6 (as ``6月`` or ``第6个月`` may be): it was told ``write 6``, which
runs the channel in month 6 alone. A channel's months are told the span from month 1 (``1-6``); a gate's
``after_month`` (its test runs in months 1..after_month) and a milestone's month the month the length ends on
(``两个月``, ``前两个月``, ``两个月后``: 2); a by_month key no month at all (docs/formulas.md §12)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_chinese_words_told import first_told

from aigc_roi.reader.load import load_text

PLAN = """name: P
horizon_months: 12
retention: {{monthly_churn: 0.5}}
acquisition:
  - {{name: A, type: cpa, bid: 20, users: 100, months: {months}}}
  - {{name: B, type: cpa, bid: {bid}, users: 100}}
gates:
  - {{name: G, after_month: {after}, channels: [A], min_roas: 0.1, then: [B]}}
targets:
  milestones: [{{month: {milestone}, subscribers: 1}}]
"""


def _plan(months: str = "1-2", after: str = "2", bid: str = "20", milestone: str = "6") -> str:
    return PLAN.format(months=months, after=after, bid=bid, milestone=milestone)


# (written, what it is told, the months meant, counted by hand: six months from month 1 are 1, 2, ..., 6)
LENGTHS = [
    ("6个月", "6个月 is a length of 6 months, not a month: write 1-6 if it means the plan's first 6 months", "1-6",
     (1, 2, 3, 4, 5, 6)),
    ("六个月", "六个月 is a length of 6 months, not a month: write 1-6 if it means the plan's first 6 months", "1-6",
     (1, 2, 3, 4, 5, 6)),
    ("3个月", "3个月 is a length of 3 months, not a month: write 1-3 if it means the plan's first 3 months", "1-3", (1, 2, 3)),
    ("两个月", "两个月 is a length of 2 months, not a month: write 1-2 if it means the plan's first 2 months", "1-2", (1, 2)),
    ("1个月", "1个月 is a length of 1 month, not a month: write 1 if it means the plan's first 1 month", "1", (1,)),
    ("头两个月", "months of the plan are their numbers alone: write 1-2", "1-2", (1, 2)),
    ("前两个月", "months of the plan are their numbers alone: write 1-2", "1-2", (1, 2)),
]


@pytest.mark.parametrize(("written", "hint", "meant", "months"), LENGTHS)
def test_a_channels_months_written_as_a_length(tmp_path: Path, written: str, hint: str, meant: str,
                                              months: tuple[int, ...]) -> None:
    assert first_told(tmp_path, _plan(months=written)).endswith(f"found '{written}'; {hint}")
    assert load_text(_plan(months=meant), "p.yaml").scenario.acquisition[0].months == months


def test_a_length_past_the_horizon_is_told_so(tmp_path: Path) -> None:
    """24 months of a 12-month plan: its first 12 are all of them (1-12, all); only months 13 to 24 lie past it."""
    assert first_told(tmp_path, _plan(months="24个月")).endswith(
        "found '24个月'; 24个月 is a length of 24 months, not a month: write 1-12 or all if it means the plan's first 12 "
        "months; months 13 to 24 are past the horizon of 12 months")
    assert first_told(tmp_path, _plan(months="24个月"), "zh").endswith(
        "实际为 '24个月'；24个月 是 24 个月的时长，不是某一个月：若指方案的前 12 个月，请写 1-12 或 all；第 13-24 个月超出 12 个月的期限")
    assert load_text(_plan(months="1-12"), "p.yaml").scenario.acquisition[0].months == tuple(range(1, 13))


def test_in_chinese(tmp_path: Path) -> None:
    assert first_told(tmp_path, _plan(months="6个月"), "zh").endswith(
        "实际为 '6个月'；6个月 是 6 个月的时长，不是某一个月：若指方案的前 6 个月，请写 1-6")
    assert first_told(tmp_path, _plan(after="两个月"), "zh").endswith(
        "实际为 '两个月'；两个月 是 2 个月的时长，不是某一个月：请写它结束的那个月 2")
    assert first_told(tmp_path, _plan(after="两个月后"), "zh").endswith(
        "实际为 '两个月后'；两个月后 指前 2 个月之后，不是某一个月：请写 2")


@pytest.mark.parametrize(("written", "hint"), [
    ("两个月", "两个月 is a length of 2 months, not a month: write 2, the month it ends on"),
    ("前两个月", "前两个月 is the first 2 months, not a month: write 2, the month it ends on"),
    ("两个月后", "两个月后 is the time after the first 2 months, not a month: write 2"),
    # A gate's month is 1..11 of 12: the test needs a month after it.
    ("12个月", "12个月 is a length of 12 months, not a month; month 12 is past month 11, the last this takes"),
])
def test_a_gates_month_written_as_a_length(tmp_path: Path, written: str, hint: str) -> None:
    """The test over the first two months, then the gate: after_month 2."""
    assert first_told(tmp_path, _plan(after=written)).endswith(f"found '{written}'; {hint}")
    assert load_text(_plan(after="2"), "p.yaml").scenario.gates[0].after_month == 2


def test_a_milestones_month_written_as_a_length(tmp_path: Path) -> None:
    assert first_told(tmp_path, _plan(milestone="6个月")).endswith(
        "found '6个月'; 6个月 is a length of 6 months, not a month: write 6, the month it ends on")


def test_a_by_month_key_written_as_a_length_is_offered_no_month(tmp_path: Path) -> None:
    told = first_told(tmp_path, _plan(bid="{by_month: {1: 20, 6个月: 30}}"))
    assert told.endswith("6个月 is a length of 6 months, not a month; a by_month key is one month, its number alone")
    assert "write" not in told


def test_a_plans_month_counted_with_di_is_still_that_month(tmp_path: Path) -> None:
    """第6个月 is the plan's sixth month, as before: told 6."""
    assert first_told(tmp_path, _plan(months="第6个月")).endswith("a month of the plan is its number alone: write 6")
