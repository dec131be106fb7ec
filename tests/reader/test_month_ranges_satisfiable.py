"""Every month a message asks for lies in a range that has one: QA found a gate in a 1-month plan told ``expected a
month within 1..0, found 1``, a range no month is in (spec 1.2 section 3b item 9: after_month lies in 1..horizon - 1).
Such a gate needs a longer plan, and is told so, at the option where a --set shortened the plan."""

from __future__ import annotations

import re

import pytest

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.load import load_text
from aigc_roi.reader.overrides import parse_override

ONE_MONTH = """\
name: One month
horizon_months: 1
acquisition:
  - {name: A, type: cpa, bid: 10, budget: 100}
  - {name: B, type: cpa, bid: 10, budget: 100}
retention: {monthly_churn: 0.3}
gates:
  - {name: g, after_month: AFTER, channels: [A], min_roas: 1, then: [B]}
"""
NEEDS = ("expected a horizon of at least 2 months (a gate's test month and a month after it), found horizon_months 1")


def _errors(text: str, *sets: str) -> list[str]:
    with pytest.raises(ScenarioInvalid) as caught:
        load_text(text, "s.yaml", tuple(parse_override(option) for option in sets))
    return [str(error) for error in caught.value.errors]


@pytest.mark.parametrize("after", ["1", "0", "2", "abc"])
def test_a_gate_in_a_one_month_plan_is_told_it_needs_a_longer_plan(after: str) -> None:
    """Whatever its after_month, none would do: the horizon is what to change."""
    text = ONE_MONTH.replace("AFTER", after)
    column = text.splitlines()[7].index(after) + 1
    assert _errors(text) == [f"s.yaml:8:{column}: gates[0].after_month: {NEEDS}"]


def test_a_plan_an_option_shortened_is_the_options_doing() -> None:
    text = ONE_MONTH.replace("horizon_months: 1", "horizon_months: 6").replace("AFTER", "2")
    load_text(text, "s.yaml")
    column = text.splitlines()[7].index("2,") + 1
    assert _errors(text, "horizon_months=1") == [
        f"--set horizon_months=1:1:1: gates[0].after_month: {NEEDS} (with the file at s.yaml:8:{column})"]


def test_a_two_month_plan_takes_a_gate_after_month_1() -> None:
    load_text(ONE_MONTH.replace("horizon_months: 1", "horizon_months: 2").replace("AFTER", "1"), "s.yaml")


def test_every_range_a_one_month_plan_is_told_has_a_month() -> None:
    """Months, by_month keys, retention ages, conversion ages, milestones: each range named holds its first end."""
    text = """\
name: One month
horizon_months: 1
acquisition:
  - {name: A, type: cpa, bid: {by_month: {2: 3}}, budget: 100, months: [2]}
  - {name: B, type: flat, cost: 10, users: 1, months: 1-2}
retention: {points: {2: 0.5}}
monetization:
  plans: [{name: P, price: 10, period: month, conversion: {1: 0.1}}]
targets:
  milestones: [{month: 2, new_users: 1}]
"""
    errors = _errors(text)
    assert len(errors) == 6, errors
    for error in errors:
        low, high = (int(end) for end in re.findall(r"(\d+)(?:\.\.| <= a <= b <= )(\d+)", error)[0])
        assert low <= high, error


def test_in_chinese() -> None:
    assert translate(NEEDS + " (with the file at s.yaml:8:30)") == (
        "应为至少 2 个月的周期（闸门的测试月及其后的一个月），实际为 horizon_months 1（连同文件 s.yaml:8:30 处）")
