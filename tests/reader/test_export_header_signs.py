"""A currency sign in a header's brackets (``spend (€)``, ``Cost (US$)``, ``消耗(CN¥)``) names its currency as the
same sign in a cell does (units.py ``SIGNS``): the plan's where it may mean it (``$`` of a plan in HKD), else its
first meaning, held to the plan's as a bracket's ISO code is. It was refused as no unit of money."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_files import HORIZON, refusals, written

from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.exports import read_report


@pytest.mark.parametrize(("header", "currency"), [
    ("date,campaign,spend (€)", "EUR"), ("date,campaign,spend (CN¥)", "CNY"), ("date,campaign,spend (HK$)", "HKD"),
    ("date,campaign,spend (JP¥)", "JPY"), ("Day,Campaign,Cost (US$)", "USD"), ("date,campaign,spend (£)", "GBP"),
    ("date,campaign,spend (A$)", "AUD"), ("date,campaign,spend (₩)", "KRW"), ("date,campaign,spend (NT$)", "TWD"),
    # Full-width, lower case and spaced as a header may write them.
    ("date,campaign,spend（CN￥）", "CNY"), ("date,campaign,spend (hk$)", "HKD"), ("日期,计划名称,消耗(€)", "EUR"),
    # A sign of several currencies is the plan's where it may mean it, as in a cell.
    ("date,campaign,spend ($)", "HKD"), ("date,campaign,spend ($)", "USD"), ("date,campaign,spend (¥)", "JPY"),
    ("date,campaign,spend (¥)", "CNY"), ("date,campaign,spend (￥)", "JPY"),
])
def test_a_currency_sign_in_a_header_names_the_exports_currency(tmp_path: Path, header: str, currency: str) -> None:
    report = read_report([written(tmp_path, f"{header}\n2025-01-03,dy_a,\"1,234.50\"\n")], HORIZON, currency=currency)
    assert [row.spend for row in report.rows] == [1234.5]
    (source,) = report.sources
    assert (source.currency, source.units["spend"]) == (currency, currency)


def test_a_cell_with_the_headers_sign_is_read(tmp_path: Path) -> None:
    path = written(tmp_path, "date,campaign,spend (€)\n2025-01-03,dy_a,€1.50\n2025-01-04,dy_a,\"€1,000\"\n")
    assert [row.spend for row in read_report([path], HORIZON, currency="EUR").rows] == [1.5, 1000.0]


@pytest.mark.parametrize(("header", "plan", "found"), [
    ("spend (€)", "CNY", "EUR"), ("spend (HK$)", "USD", "HKD"), ("spend (JP¥)", "CNY", "JPY"),
    ("spend (CN¥)", "JPY", "CNY"), ("spend (US$)", "HKD", "USD"),
    # $ and ¥ where the plan's is none of theirs: their first meaning, as a cell's.
    ("spend ($)", "CNY", "USD"), ("spend (¥)", "EUR", "CNY"),
])
def test_a_sign_of_another_currency_than_the_plans_is_refused_as_written(tmp_path: Path, header: str, plan: str,
                                                                          found: str) -> None:
    path = written(tmp_path, f"date,campaign,{header}\n2025-01-03,dy_a,5\n")
    sign = header.removeprefix("spend (").removesuffix(")")
    assert refusals(path, plan) == [
        f"{path}:1:3: {header}: expected money in {plan} (the plan's currency), found {sign} ({found}); actuals converts no "
        f"currency: convert the export to {plan}, or the plan to {found}"]


def test_the_refusal_of_a_sign_of_another_currency_is_chinese(tmp_path: Path) -> None:
    path = written(tmp_path, "date,campaign,spend (€)\n2025-01-03,dy_a,5\n")
    (error,) = refusals(path, "CNY")
    assert translate(error.split(": ", 2)[2]) == (
        "应为以 CNY 计的金额（方案的币种），实际为 € (EUR)；actuals 不做币种换算：请把报表换算为 CNY，或把方案换算为 EUR")


def test_spend_and_revenue_under_two_signs_are_refused(tmp_path: Path) -> None:
    path = written(tmp_path, "date,campaign,spend (€),new_users,revenue (£)\n2025-01-03,dy_a,5,1,2\n")
    assert refusals(path, "EUR") == [f"{path}:1:5: revenue (£): expected money in EUR as the spend column, found GBP"]


@pytest.mark.parametrize("sign", ["₿", "¤", "₣"])
def test_a_currency_sign_no_table_reads_is_refused_as_a_sign(tmp_path: Path, sign: str) -> None:
    """Not 'expected a unit of money': it is one, of a currency this reader knows no sign of."""
    path = written(tmp_path, f"date,campaign,spend ({sign})\n2025-01-03,dy_a,5\n")
    (error,) = refusals(path, "CNY")
    assert error == (f"{path}:1:3: spend ({sign}): expected a currency sign this reader knows, such as $, ¥, €, £, HK$ "
                     f"or CN¥, found {sign!r}; write the currency's ISO code in the brackets instead")
    assert translate(error.split(": ", 2)[2]) == (
        f"应为本工具认识的货币符号（如 $、¥、€、£、HK$、CN¥），实际为 {sign!r}；请在括号中改写该币种的 ISO 代码")


def test_a_bracket_that_is_no_unit_is_still_refused_as_no_unit(tmp_path: Path) -> None:
    path = written(tmp_path, "date,campaign,spend (千元)\n2025-01-03,dy_a,5\n")
    assert refusals(path, "CNY") == [f"{path}:1:3: spend (千元): expected a unit of money (元, 分, 万元 or a currency "
                                    "such as CNY, USD, 美元, $), found '千元'"]


@pytest.mark.parametrize(("title", "plan"), [("Currency: €", "EUR"), ("Currency: $", "HKD"), ("货币,HK$", "HKD")])
def test_a_title_lines_currency_sign_is_read_as_a_headers(tmp_path: Path, title: str, plan: str) -> None:
    """Apple writes its account's currency above the report: a sign there was refused as no currency code."""
    path = written(tmp_path, f"{title}\nDay,Campaign Name,Spend,Taps\n2025-01-03,a_a,5,1\n")
    assert read_report([path], HORIZON, currency=plan).sources[0].currency == plan


@pytest.mark.parametrize(("cell", "plan"), [("€", "EUR"), ("$", "HKD"), ("CN¥", "CNY"), ("￥", "JPY")])
def test_a_currency_cells_sign_is_read_as_a_headers(tmp_path: Path, cell: str, plan: str) -> None:
    path = written(tmp_path, f"date,campaign,currency,spend\n2025-01-03,dy_a,{cell},5\n")
    assert read_report([path], HORIZON, currency=plan).sources[0].currency == plan
