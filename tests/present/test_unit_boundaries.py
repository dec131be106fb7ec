"""万, 亿, k and M are chosen on an amount as rounded for display: 9,999.995 shown with 2 decimals is 10,000.00,
past the 10,000 from which Chinese amounts read in 万, so it reads 1.00万.

Each pair below sits either side of a boundary once rounded (values chosen clear of binary halves).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.present.numbers import NumberStyle

ZH, EN = NumberStyle("zh"), NumberStyle("en")


@pytest.mark.parametrize(("value", "decimals", "shown"), [
    (9_999.996, 2, "1.00万"),  # 10,000.00 once rounded
    (9_999.994, 2, "9,999.99"),
    (9_999.6, 0, "1.0万"),  # a monthly table's whole units: 10,000
    (9_999.4, 0, "9,999"),
    (-9_999.996, 2, "-1.00万"),
    (99_999_996, 1, "1.00亿"),  # 9,999.9996万 is 10,000.0万 at 1 decimal
    (99_999_940, 2, "9,999.99万"),
])
def test_chinese_money_takes_its_unit_after_rounding(value: float, decimals: int, shown: str) -> None:
    assert ZH.money(value, decimals) == shown


@pytest.mark.parametrize(("value", "shown"), [
    (9_999.6, "1.0万"),  # 10,000 users once rounded to whole users
    (9_999.4, "9,999"),
    (99_999_960, "1.00亿"),  # 9,999.996万 is 10,000.0万 at 1 decimal
    (99_999_400, "9,999.9万"),
])
def test_chinese_counts_take_their_unit_after_rounding(value: float, shown: str) -> None:
    assert ZH.count(value) == shown


@pytest.mark.parametrize(("style", "largest", "unit", "shown"), [
    (EN, 9_999.6, "k", "10.0"),  # plain it would read 10,000: five digits
    (EN, 9_999.4, "", "9,999"),
    (EN, 9_999_960, "M", "10.0"),  # 9,999.96k reads 10,000.0k at 1 decimal
    (EN, 9_999_940, "k", "9,999.9"),
    (ZH, 9_999.6, "万", "1.0"),
    (ZH, 99_999_960, "亿", "1.00"),
    (ZH, 99_999_400, "万", "9,999.9"),
])
def test_a_compact_column_takes_its_unit_after_rounding(style: NumberStyle, largest: float, unit: str,
                                                       shown: str) -> None:
    assert style.compact_unit([1.0, -largest]) == unit
    assert style.in_unit(-largest, unit) == "-" + shown


def test_the_run_shows_a_spend_of_9999_995_in_wan(tmp_path: Path) -> None:
    path = tmp_path / "flat.yaml"
    path.write_text("name: f\nhorizon_months: 1\nacquisition:\n  - {name: F, type: flat, cost: 9999.995, users: 10}\n"
                    "retention: {monthly_churn: 0.5}\n", encoding="utf-8")
    result = invoke(["run", str(path), "--lang", "zh"])
    assert result.exit_code == 0, result.stderr
    spend = next(line for line in result.stdout.splitlines() if "广告支出" in line)
    assert "1.00万" in spend and "10,000" not in spend
