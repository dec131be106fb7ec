"""What a month of the plan and a target say when written wrong (CI QA finding 7).

A month of the plan (a milestone's ``month``, a gate's ``after_month``) names the plan's months in every message,
whatever side it falls off; written as a date it is told which month that is, never "a range is written
low..high: 2024..06"; a target written as a range is told that a target is one number.
"""

from __future__ import annotations

import pytest

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.load import load_text

PLAN = """name: Months
horizon_months: 18
{start}acquisition:
  - {{name: CPA, type: cpa, bid: {bid}, users: 1000, months: 1}}
retention: {{monthly_churn: 0.5}}
monetization:
  purchases:
    - {{name: Item, price: 10, rate: 1}}
costs: {{serving_per_active_user: 1}}
gates:
  - {{name: Test, after_month: {after}, channels: [CPA], min_roas: {threshold}}}
targets:
  min_roi: {min_roi}
  milestones:
    - {{month: {month}, subscribers: 10}}
"""


def messages(start: str = "", bid: str = "20", after: str = "2", threshold: str = "1", min_roi: str = "0",
             month: str = "6") -> dict[str, str]:
    """Each error's message by field path, of the plan written with these values."""
    text = PLAN.format(start=f"start: {start}\n" if start else "", bid=bid, after=after, threshold=threshold,
                       min_roi=min_roi, month=month)
    with pytest.raises(ScenarioInvalid) as raised:
        load_text(text, "plan.yaml")
    return {error.path: error.message for error in raised.value.errors}


@pytest.mark.parametrize("month", ["0", "19", "-3"])
def test_a_milestone_month_off_either_end_names_the_horizon(month: str) -> None:
    assert messages(month=month) == {"targets.milestones[0].month": f"expected a month within 1..18, found {month}"}


@pytest.mark.parametrize("after", ["0", "18"])
def test_a_gate_month_off_either_end_names_the_months_before_the_last(after: str) -> None:
    # The test must leave a month after it: 1..17 of 18.
    message = messages(after=after)["gates[0].after_month"]
    assert message.startswith(f"expected a month within 1..17, found {after}")


@pytest.mark.parametrize(("written", "hint"), [
    # start 2025-01 is month 1: 2025-06 is month (2025 - 2025) x 12 + 6 - 1 + 1 = 6; 2026-03 is 12 + 3 = 15.
    ('"2025-06"', "2025-06 is month 6"),
    ("2025-06", "2025-06 is month 6"),
    ("2025-06-15", "2025-06 is month 6"),
    ('"2026-03"', "2026-03 is month 15"),
    ('"2024-06"', "2024-06 is before it"),
])
def test_a_month_written_as_a_date_is_told_which_month_it_is(written: str, hint: str) -> None:
    found = written.strip('"')
    assert messages(start="2025-01", month=written)["targets.milestones[0].month"] == (
        f"expected a month within 1..18, found '{found}'; months are counted from start (2025-01 is month 1): {hint}")


def test_without_start_a_date_is_no_month() -> None:
    assert messages(month='"2024-06"', after="2024-03") == {
        "targets.milestones[0].month": "expected a month within 1..18, found '2024-06'; "
                                       "a month of the plan is a number, 1 for its first, not a date",
        "gates[0].after_month": "expected a month within 1..17, found '2024-03'; "
                                "a month of the plan is a number, 1 for its first, not a date"}


def test_a_date_is_no_range_in_any_number() -> None:
    assert messages(bid="2024-06") == {"acquisition[0].bid": "expected a number >= 0, found '2024-06'"}
    # A range slip that is no date keeps its hint.
    assert messages(bid="300-1000") == {
        "acquisition[0].bid": "expected a number >= 0, found '300-1000'; a range is written low..high: 300..1000"}


def test_a_target_or_a_threshold_written_as_a_range() -> None:
    assert messages(min_roi='"0.1..0.3"', threshold="0.5..1") == {
        "targets.min_roi": "expected a number, found '0.1..0.3'; a target is one number, not a range",
        "gates[0].min_roas": "expected a number >= 0, found '0.5..1'; this field is one number, not a range"}


@pytest.mark.parametrize(("english", "chinese"), [
    ("expected a month within 1..18, found '2024-06'; months are counted from start (2025-01 is month 1): "
     "2024-06 is before it", "应为 1..18 之内的月份，实际为 '2024-06'；月份从 start 起算（2025-01 为第 1 月）：2024-06 在它之前"),
    ("expected a month within 1..18, found '2025-06'; months are counted from start (2025-01 is month 1): "
     "2025-06 is month 6", "应为 1..18 之内的月份，实际为 '2025-06'；月份从 start 起算（2025-01 为第 1 月）：2025-06 是第 6 月"),
    ("expected a month within 1..18, found '2024-06'; a month of the plan is a number, 1 for its first, not a date",
     "应为 1..18 之内的月份，实际为 '2024-06'；方案的月份写作数字（第一个月为 1），不是日期"),
    ("expected a number, found '0.1..0.3'; a target is one number, not a range",
     "应为数字，实际为 '0.1..0.3'；目标是一个数，不是区间"),
    ("expected a number >= 0, found '0.5..1'; this field is one number, not a range",
     "应为 ≥ 0 的数字，实际为 '0.5..1'；此字段是一个数，不是区间"),
])
def test_in_chinese(english: str, chinese: str) -> None:
    assert translate(english) == chinese
