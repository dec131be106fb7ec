"""``--set 'acquisition[0].bid.by_month.6月=20'`` on a bid written once (12) offered ``{1: 12, 6月: 20}``, the worded
key kept, which followed was refused in turn with its hint; a date (``2025-08``) and a span of dates
(``2025-04~2025-06``) alike. Each month is now offered by its number, the file's key, one schedule for each reading
(6月 from a March start may be the plan's month 6 or June, month 4); a span keeps the value written once around it
(by_month runs linearly from the key before and holds its last key to the end, docs/formulas.md §14); a month past
the horizon, or a date with no start to count it from, is told so; a length (``6个月``) is told it is no month.
Months counted by hand: from start 2025-03, June is month 4, 2025-08 month 6, April to June 2025 months 2 to 4."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

PLAN = """name: P
horizon_months: 12
{start}retention: {{monthly_churn: 0.5}}
acquisition:
  - {{name: A, type: cpa, bid: 12, budget: 1万}}
"""


def _file(tmp_path: Path, start: str | None) -> str:
    path = tmp_path / "p.yaml"
    path.write_text(PLAN.format(start=f"start: {start}\n" if start else ""), encoding="utf-8")
    return str(path)


def _refused(path: str, key: str, lang: str = "en") -> str:
    result = invoke(["run", path, "--lang", lang, "--set", f"acquisition[0].bid.by_month.{key}=20"])
    assert result.exit_code == 2 and result.stdout == ""
    return result.stderr.strip()


HEAD = "cannot set one month of a value written once; replace it whole, such as acquisition[0].bid="


@pytest.mark.parametrize(("start", "key", "schedule"), [
    # 12 held through month 5, 20 from month 6 ({1: 12, 6: 20} ramped 12 to 20 over months 2 to 5).
    (None, "6月", "{by_month: {1: 12, 5: 12, 6: 20}}"),
    ("2025-01", "六月", "{by_month: {1: 12, 5: 12, 6: 20}}"),  # a January start: June is month 6 too
    ("2025-03", "M6", "{by_month: {1: 12, 5: 12, 6: 20}}"),  # counted in the plan's months: no calendar reading
    ("2025-03", "2025-08", "{by_month: {1: 12, 5: 12, 6: 20}}"),
    # April to June 2025 are months 2 to 4: 12 kept at month 1 and from month 5.
    ("2025-03", "2025-04~2025-06", "{by_month: {1: 12, 2: 20, 4: 20, 5: 12}}"),
    ("2025-03", "2025-04-2025-06", "{by_month: {1: 12, 2: 20, 4: 20, 5: 12}}"),
    # The first six months at 20, then 12 again from month 7.
    (None, "前6个月", "{by_month: {1: 20, 6: 20, 7: 12}}"),
    # After the first three months: 12 through month 3, 20 from month 4 to the end, 12.
    (None, "3个月后", "{by_month: {1: 12, 3: 12, 4: 20, 12: 20}}"),
])
def test_one_reading_is_offered_by_its_numbers(tmp_path: Path, start: str | None, key: str, schedule: str) -> None:
    path = _file(tmp_path, start)
    assert _refused(path, key).endswith(HEAD + schedule)
    followed = invoke(["run", path, "--set", f"acquisition[0].bid={schedule}"])
    assert followed.exit_code == 0, followed.output


def test_a_month_that_may_be_a_calendar_one_offers_both(tmp_path: Path) -> None:
    path = _file(tmp_path, "2025-03")
    plan, calendar = "{by_month: {1: 12, 5: 12, 6: 20}}", "{by_month: {1: 12, 3: 12, 4: 20}}"
    assert _refused(path, "6月").endswith(
        f"{HEAD}{plan} if it means the plan's month 6, or acquisition[0].bid={calendar} if it means calendar month 6 "
        "(start 2025-03 is month 1)")
    assert _refused(path, "6月", "zh").endswith(
        f"不能只设置单一取值的某个月；请整体替换，如 acquisition[0].bid={plan}（若指方案的第 6 个月）；或 "
        f"acquisition[0].bid={calendar}（若指日历上的 6 月，start 2025-03 为第 1 月）")
    for schedule in (plan, calendar):
        assert invoke(["run", path, "--set", f"acquisition[0].bid={schedule}"]).exit_code == 0


@pytest.mark.parametrize(("start", "key"), [
    ("2025-03", "2026-08"),  # month 18 of 12
    ("2025-03", "2025-01"),  # before the start
    (None, "30月"),
])
def test_a_month_outside_the_plan_is_told_so(tmp_path: Path, start: str | None, key: str) -> None:
    assert _refused(_file(tmp_path, start), key).endswith(
        "cannot set one month of a value written once; replace it whole, with months within 1..12")


def test_a_date_with_no_start_and_a_length_are_told_why(tmp_path: Path) -> None:
    path = _file(tmp_path, None)
    assert _refused(path, "2025-08").endswith(
        "cannot set one month of a value written once; a month of the plan is a number, 1 for its first, not a date")
    assert _refused(path, "6个月").endswith(
        "cannot set one month of a value written once; 6个月 is a length of 6 months, not a month; a by_month key is "
        "one month, its number alone")
    assert _refused(path, "6个月", "zh").endswith(
        "不能只设置单一取值的某个月；6个月 是 6 个月的时长，不是某一个月；by_month 的键是一个月，只写数字")
