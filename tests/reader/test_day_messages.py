"""The messages of retention days say what the field takes (docs/formulas.md §12): a share above 0 and at most 1,
a day as a number (D1 is 1; D0 is no point), the path in brackets as everywhere; en and zh."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke


def _errors(tmp_path: Path, text: str, lang: str = "en") -> list[str]:
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    result = invoke(["validate", str(path), "--lang", lang])
    assert result.exit_code == 2, result.stdout
    return [line.removeprefix(f"{path}:") for line in result.stdout.splitlines()]


def _days(days: str) -> str:
    return f"name: Days\nretention:\n  days: {days}\n"


@pytest.mark.parametrize(("days", "en", "zh"), [
    # 0 is no share of a day (a power law never reaches it), so a tiny share is told the smallest size a number has.
    ("{1: 1e-300, 7: 20%}", "3:13: retention.days[1]: expected a number from 1e-09 to 1, found 1e-300",
     "3:13: retention.days[1]: 应为 1e-09 到 1 之间的数字，实际为 1e-300"),
    ("{1: .nan, 7: 20%}", "3:13: retention.days[1]: expected a number > 0 and <= 1, found .nan",
     "3:13: retention.days[1]: 应为 > 0 且 ≤ 1 的数字，实际为 .nan"),
    ("{1: 0, 7: 20%}", "3:13: retention.days[1]: expected a number > 0 and <= 1, found 0 (a power law never reaches 0: "
                       "give the smallest share your analytics show)",
     "3:13: retention.days[1]: 应为 > 0 且 ≤ 1 的数字，实际为 0（幂律曲线不会降到 0：请填写数据中最小的比例）"),
    ("{D1: 40%, 7: 20%}", "3:10: retention.days[D1]: expected a day within 1..3653, found 'D1'; write 1 for D1",
     "3:10: retention.days[D1]: 应为 1..3653 之内的天数，实际为 'D1'；D1 请写成 1"),
    ("{Day 30: 10%, 7: 20%}", "3:10: retention.days[Day 30]: expected a day within 1..3653, found 'Day 30'; write 30 for Day 30",
     "3:10: retention.days[Day 30]: 应为 1..3653 之内的天数，实际为 'Day 30'；Day 30 请写成 30"),
    ("{D0: 100%, 1: 40%, 7: 20%}", "3:10: retention.days[D0]: expected a day within 1..3653, found 'D0'; "
                                   "D0 is 100% by definition (the day of joining): leave it out",
     "3:10: retention.days[D0]: 应为 1..3653 之内的天数，实际为 'D0'；D0 按定义为 100%（加入当天）：请删去这一项"),
    ("{0: 100%, 1: 40%, 7: 20%}", "3:10: retention.days[0]: expected a day within 1..3653, found 0; "
                                  "D0 is 100% by definition (the day of joining): leave it out",
     "3:10: retention.days[0]: 应为 1..3653 之内的天数，实际为 0；D0 按定义为 100%（加入当天）：请删去这一项"),
    ("{D9999: 1%, 1: 40%}", "3:10: retention.days[D9999]: expected a day within 1..3653, found 'D9999'",
     "3:10: retention.days[D9999]: 应为 1..3653 之内的天数，实际为 'D9999'"),
    ("{1: 40%, 1: 30%, 30: 10%}", "3:18: retention.days[1]: duplicate key '1' (first at line 3)",
     "3:18: retention.days[1]: 重复字段 '1'（首次出现在第 3 行）"),
])
def test_a_day_message_says_what_the_field_takes(tmp_path: Path, days: str, en: str, zh: str) -> None:
    assert _errors(tmp_path, _days(days))[0] == en
    assert _errors(tmp_path, _days(days), "zh")[0] == zh


def test_zero_stays_a_size_of_its_own_where_the_field_takes_0(tmp_path: Path) -> None:
    text = "name: Tiny\nretention: {monthly_churn: 1e-300}\nhorizon_months: 1e-300\n"
    assert _errors(tmp_path, text) == [
        "2:28: retention.monthly_churn: expected 0 or a number of at least 1e-09 in size, found 1e-300",
        "3:17: horizon_months: expected a whole number from 1 to 120, found 1e-300"]


def test_nan_in_a_share_says_the_share_it_should_be(tmp_path: Path) -> None:
    assert _errors(tmp_path, "name: NaN\nretention: {monthly_churn: .nan}\n") == [
        "2:28: retention.monthly_churn: expected a number from 0 to 1, found .nan"]


def test_a_duplicate_key_of_any_numbered_mapping_is_in_brackets_and_a_by_month_after_a_dot(tmp_path: Path) -> None:
    text = ("name: Dup\nretention:\n  points: {1: 40%, 1: 30%}\n"
            "acquisition:\n  - {name: A, type: cpa, users: 1, bid: {by_month: {1: 5, 1: 6}}}\n"
            "monetization:\n  plans: [{name: P, price: 1, period: month, conversion: {0: 1%, 0: 2%}}]\n")
    errors = _errors(tmp_path, text)
    assert [error.split(": ")[1] for error in errors] == [
        "retention.points[1]", "acquisition[0].bid.by_month.1", "monetization.plans[0].conversion[0]"]
