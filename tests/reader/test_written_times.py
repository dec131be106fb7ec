"""Common ways of writing a month, a count of months and a day's retention that the format reads otherwise, each told
what to write: start: 2025年3月 (2025-03), horizon_months: 2年 (24), retention points keyed by day (次日, 7日: days:).
Before, each was told only what was expected."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_runner import invoke

PLAN = """\
name: T
acquisition: []
retention: {monthly_churn: 0.3}
"""


def _told(tmp_path: Path, text: str, lang: str = "en") -> list[str]:
    path = tmp_path / "t.yaml"
    path.write_text(text, encoding="utf-8")
    result = invoke(["validate", str(path), "--lang", lang])
    assert result.exit_code == 2
    return [line.removeprefix(f"{path}:") for line in result.stdout.splitlines()]


@pytest.mark.parametrize(("written", "meant"), [
    ("2025年3月", "2025-03"), ("2025年03月份", "2025-03"), ("2025/3", "2025-03"), ("2025.3", "2025-03"),
    ("2025.10", "2025-10"), ("2025-3", "2025-03"), ("2025-03-01", "2025-03"), ("2025年12月1日", "2025-12"),
    ("２０２５年３月", "2025-03"),
])
def test_a_start_written_as_a_date_is_told_its_month(tmp_path: Path, written: str, meant: str) -> None:
    found = f"'{written}'" if written[4] != "." else written  # 2025.3 is a YAML number, shown unquoted
    assert _told(tmp_path, PLAN + f"start: {written}\n") == [
        f"4:8: start: expected a month YYYY-MM, found {found}; did you mean '{meant}'?"]
    assert _told(tmp_path, PLAN + f"start: {written}\n", "zh") == [
        f"4:8: start: 应为 YYYY-MM 格式的月份，实际为 {found}；是否想写 '{meant}'？"]


@pytest.mark.parametrize("written", ["2025-13", "2025年13月", "March 2025"])
def test_no_month_is_offered_where_there_is_none(tmp_path: Path, written: str) -> None:
    assert _told(tmp_path, PLAN + f"start: {written}\n")[0].endswith(f"found '{written}'")


# 2 years x 12 = 24 months; 1.5 x 12 = 18; 1年半 = 12 + 6; 半年 = 6; 三 = 3 years = 36.
@pytest.mark.parametrize(("written", "months"), [("2年", 24), ("两年", 24), ("1.5年", 18), ("1年半", 18), ("半年", 6),
                                                 ("三年", 36), ("2 years", 24)])
def test_a_horizon_in_years_is_told_its_months(tmp_path: Path, written: str, months: int) -> None:
    assert _told(tmp_path, PLAN + f"horizon_months: {written}\n") == [
        f"4:17: horizon_months: expected a whole number from 1 to 120, found '{written}'; {written} is {months} months: "
        f"write {months}"]
    assert _told(tmp_path, PLAN + f"horizon_months: {written}\n", "zh") == [
        f"4:17: horizon_months: 应为 1 到 120 之间的整数，实际为 '{written}'；{written} 即 {months} 个月：请写 {months}"]


@pytest.mark.parametrize("written", ["24个月", "24 个月", "24 months", "24月"])
def test_a_horizon_in_months_with_its_unit_is_told_the_number(tmp_path: Path, written: str) -> None:
    assert _told(tmp_path, PLAN + f"horizon_months: {written}\n", "zh")[0].endswith(f"'{written}'；请写 24")


def test_years_past_the_limit_are_told_their_months_and_no_number_to_write(tmp_path: Path) -> None:
    # 20 x 12 = 240 > 120: writing 240 would be refused in turn.
    assert _told(tmp_path, PLAN + "horizon_months: 20年\n") == [
        "4:17: horizon_months: expected a whole number from 1 to 120, found '20年'; 20年 is 240 months"]


def test_other_counts_of_months_and_a_period_are_told_too(tmp_path: Path) -> None:
    text = PLAN + ("ltv_months: 1年\ntargets: {max_payback_months: 18个月}\n"
                   "monetization:\n  plans: [{name: P, price: 10, period: 2年, conversion: 0.1}]\n")
    hints = [line.split("; ", 1)[1] for line in _told(tmp_path, text)]
    assert hints == ["1年 is 12 months: write 12", "write 18", "2年 is 24 months: write 24"]


def test_retention_points_keyed_by_day_are_told_the_days_mapping(tmp_path: Path) -> None:
    text = PLAN.replace("retention: {monthly_churn: 0.3}", 'retention:\n  points: {次日: "45%", 7日: "20%"}')
    days = 'day-level retention is written as days: {1: "45%", 7: "20%"}'
    assert _told(tmp_path, text) == [
        f"4:12: retention.points[次日]: expected an age in months within 1..24, found '次日'; 次日 is day 1, not an age "
        f"in months: {days}",
        f"4:23: retention.points[7日]: expected an age in months within 1..24, found '7日'; 7日 is day 7, not an age in "
        f"months: {days}"]
    assert _told(tmp_path, text, "zh")[0].endswith('；次日 是第 1 天，不是月龄：日留存写在 days: 下：{1: "45%", 7: "20%"}')


def test_a_day_among_months_is_told_days_takes_them_apart(tmp_path: Path) -> None:
    """No mapping is offered from keys some of which are months (3): that would move month 3 to day 3."""
    text = PLAN.replace("retention: {monthly_churn: 0.3}", "retention:\n  points: {D1: 0.45, 3: 0.2}")
    assert _told(tmp_path, text)[0].endswith(
        "; D1 is day 1, not an age in months: day-level retention is written as days: such as {1: 45%, 7: 22%, "
        "30: 12%}, with at least 2 days")


@pytest.mark.parametrize(("written", "day"), [("次日", 1), ("7日", 7), ("30天", 30), ("D7", 7)])
def test_a_labelled_day_under_days_is_told_its_number(tmp_path: Path, written: str, day: int) -> None:
    text = PLAN.replace("retention: {monthly_churn: 0.3}", f"retention:\n  days: {{{written}: 0.3, 60: 0.1}}")
    assert _told(tmp_path, text)[0].endswith(f"; write {day} for {written}")


@pytest.mark.parametrize(("written", "hint"), [
    ("1个月", "write 1"), ("3 months", "write 3"), ("两个月", "write 2"), ("M6", "write 6 for M6"),
    ("第12个月", "write 12 for 第12个月"), ("1年", "1年 is 12 months: write 12"), ("12m", "write 12 for 12m"),
    ("6M", "write 6 for 6M"), ("month 3", "write 3 for month 3"), ("3mo", "write 3")])
def test_an_age_written_with_its_unit_is_told_its_number(tmp_path: Path, written: str, hint: str) -> None:
    """A cohort table labels its columns 1个月, M1, 第3个月: the keys of retention points and of a conversion by age
    are the age alone."""
    points = PLAN.replace("retention: {monthly_churn: 0.3}", f"retention:\n  points: {{{written}: 0.3, 18: 0.1}}")
    assert re.search(rf"found '?{re.escape(written)}'?; {re.escape(hint)}$", _told(tmp_path, points)[0])
    plan = PLAN + f"monetization: {{plans: [{{name: P, price: 10, period: month, conversion: {{0: 1%, {written}: 1%}}}}]}}\n"
    assert re.search(rf"expected an age in months within 0\.\.23, found '?{re.escape(written)}'?; {re.escape(hint)}$",
                     _told(tmp_path, plan)[0])


def test_an_age_past_the_horizon_is_offered_no_number(tmp_path: Path) -> None:
    text = PLAN.replace("retention: {monthly_churn: 0.3}", "retention:\n  points: {30个月: 0.3, 2年: 0.1}")
    assert _told(tmp_path, text) == [
        "4:12: retention.points[30个月]: expected an age in months within 1..24, found '30个月'",
        "4:23: retention.points[2年]: expected an age in months within 1..24, found '2年'; 2年 is 24 months: write 24"]
    assert _told(tmp_path, text, "zh")[1].endswith("；2年 即 24 个月：请写 24")
