"""A ``%`` on a month or a count of months is refused (docs/formulas.md §12): QA found ``horizon_months: "600%"`` read
as 6 with no word, as ``max_payback_months``, ``ltv_months``, a milestone's ``month`` and a gate's ``after_month`` were,
where ``months: "300%"`` and ``period: "1200%"`` were refused. A percentage is no count of months, whatever it
reads as; every whole-number field now refuses it by one rule."""

from __future__ import annotations

import pytest

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.load import load_text
from aigc_roi.reader.overrides import parse_override

PLAN = """\
name: Months
horizon_months: 6
acquisition:
  - {name: A, type: cpa, bid: 20, budget: 10000}
  - {name: C, type: flat, cost: 100, users: 10}
retention: {monthly_churn: 0.3}
monetization:
  plans: [{name: S, price: 10, period: 1, conversion: 0.1}]
targets:
  min_roi: 0
gates:
  - {name: g, after_month: 2, channels: [A], min_roas: 0.3, then: [C]}
"""


def _errors(text: str, *sets: str) -> list[str]:
    with pytest.raises(ScenarioInvalid) as caught:
        load_text(text, "s.yaml", tuple(parse_override(option) for option in sets))
    return [f"{error.path}: {error.message}" for error in caught.value.errors]


def test_the_plan_is_valid() -> None:
    load_text(PLAN, "s.yaml")


@pytest.mark.parametrize(("old", "new", "error"), [
    # 600% reads as 6, within every bound: it was taken as 6 months.
    ("horizon_months: 6", 'horizon_months: "600%"',
     "horizon_months: expected a whole number from 1 to 120, found 600% (a percentage is no count of months)"),
    ("horizon_months: 6", "horizon_months: 6\nltv_months: 600%",
     "ltv_months: expected a whole number from 1 to 120, found 600% (a percentage is no count of months)"),
    ("min_roi: 0", "max_payback_months: 600%",
     "targets.max_payback_months: expected a whole number from 1 to 120, found 600% "
     "(a percentage is no count of months)"),
    # 0% is 0 either way, and still no count of months.
    ("min_roi: 0", "max_payback_delay: 0%",
     "targets.max_payback_delay: expected a whole number from 0 to 120, found 0% (a percentage is no count of months)"),
    ("min_roi: 0", 'milestones: [{month: "600%", new_users: 1}]',
     "targets.milestones[0].month: expected a month within 1..6, found 600% (a percentage is no month)"),
    ("after_month: 2", 'after_month: "200%"',
     "gates[0].after_month: expected a month within 1..5, found 200% (a percentage is no month)"),
    ("users: 10}", "users: 10, months: 300%}",
     "acquisition[1].months: expected a month within 1..6, found 300% (a percentage is no month)"),
    ("users: 10}", "users: 10, months: [1, 2%]}",
     "acquisition[1].months[1]: expected a month within 1..6, found 2% (a percentage is no month)"),
    ("name: Months", "version: 100%\nname: Months",
     "version: expected 1 (the only format version), found 100% (a percentage is no format version)"),
])
def test_a_percentage_on_a_month_is_refused(old: str, new: str, error: str) -> None:
    assert old in PLAN
    assert _errors(PLAN.replace(old, new, 1)) == [error]


def test_a_set_percentage_is_refused_at_the_option() -> None:
    with pytest.raises(ScenarioInvalid) as caught:
        load_text(PLAN, "s.yaml", (parse_override("horizon_months=600%"),))
    assert [str(error) for error in caught.value.errors] == [
        "--set horizon_months=600%:1:1: horizon_months: expected a whole number from 1 to 120, found 600% "
        "(a percentage is no count of months)"]


def test_a_full_width_percent_is_told_it_makes_no_month_either() -> None:
    """The IME's ％ read as ASCII would be the percentage refused: the hint says so, not to write 6%."""
    assert _errors(PLAN.replace("horizon_months: 6", 'horizon_months: "6％"')) == [
        "horizon_months: expected a whole number from 1 to 120, found '6％'; full-width '％' (IME input), and 6% is "
        "a percentage, not a count of months"]
    assert _errors(PLAN.replace("after_month: 2", 'after_month: "2％"')) == [
        "gates[0].after_month: expected a month within 1..5, found '2％'; full-width '％' (IME input), and 2% is "
        "a percentage, not a month"]


def test_a_period_and_a_count_are_as_they_were() -> None:
    assert _errors(PLAN.replace("period: 1", 'period: "1200%"')) == [
        "monetization.plans[0].period: expected month, quarter, year or a whole number of months from 1 to 120, "
        "found 1200%"]
    warned = load_text(PLAN.replace("min_roi: 0", "min_roi: 0\norganic_users: 500%"), "s.yaml").warnings
    assert [warning.message for warning in warned] == [
        "500% reads as 5: a % on a count divides it by 100; did you mean 500?"]


@pytest.mark.parametrize(("english", "chinese"), [
    ("expected a whole number from 1 to 120, found 600% (a percentage is no count of months)",
     "应为 1 到 120 之间的整数，实际为 600%（百分比不是月数）"),
    ("expected a month within 1..6, found 600% (a percentage is no month)",
     "应为 1..6 之内的月份，实际为 600%（百分比不是月份）"),
    ("expected 1 (the only format version), found 100% (a percentage is no format version)",
     "应为 1（唯一的格式版本），实际为 100%（百分比不是格式版本号）"),
    ("expected a whole number from 1 to 120, found '6％'; full-width '％' (IME input), and 6% is a percentage, not a "
     "count of months", "应为 1 到 120 之间的整数，实际为 '6％'；全角字符 '％'（输入法输入），且 6% 是百分比，不是月数"),
])
def test_in_chinese(english: str, chinese: str) -> None:
    assert translate(english) == chinese


def test_a_full_width_percentage_is_told_in_ascii_digits() -> None:
    """The hint writes the text read as ASCII, digits too (600%, as docs/formulas.md shows it): it kept ６００%."""
    with pytest.raises(ScenarioInvalid) as caught:
        load_text(PLAN, "s.yaml", (parse_override("horizon_months=６００％"),))
    message = caught.value.errors[0].message
    assert message == ("expected a whole number from 1 to 120, found '６００％'; full-width '％' (IME input), and 600% is "
                       "a percentage, not a count of months")
    assert translate(message) == "应为 1 到 120 之间的整数，实际为 '６００％'；全角字符 '％'（输入法输入），且 600% 是百分比，不是月数"


def test_a_full_width_share_is_told_to_write_its_ascii_form() -> None:
    """Where the text read as ASCII is valid, the hint to write it shows it in ASCII, the form the docs write."""
    errors = _errors(PLAN.replace("{name: C, type: flat, cost: 100, users: 10}",
                                  "{name: C, type: cpm, cpm: 30, ctr: １５％, cvr: 5%, budget: 100}"))
    assert errors == ["acquisition[1].ctr: expected a number from 0 to 1, found '１５％'; full-width '％' (IME input): "
                      "write 15%"]
