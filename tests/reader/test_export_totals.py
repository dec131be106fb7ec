"""Totals rows against campaigns named like them (QA round 2, finding 1), and a column of each row's currency
(finding 4)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke
from export_files import export_errors
from export_files import write_export as _write

from aigc_roi.model.actuals import SkippedTotals
from aigc_roi.reader.exports import Horizon, read_report
from aigc_roi.reader.exports.totals import names

HORIZON = Horizon.of((2025, 3), 12)

NAMED_TOTAL = ("date,campaign,spend,new_users\n"
               "2025-03-01,Total,5000,100\n"
               "2025-03-01,Total: spring promo,3000,60\n"
               "2025-03-01,dy_main,1000,50\n"
               "2025-03-02,合计,2000,40\n"
               "2025-03-02,小计(华东),700,7\n"
               "2025-03-02,dy_main,1000,50\n")
"""A sheet of the user's own whose campaigns are called Total, 合计 ... (the QA report's TOT1_campaign_named_total.csv)."""


def _errors(paths: list[Path], **options: bool) -> list[str]:
    return export_errors(paths, HORIZON, **options)


def test_a_glob_that_names_a_totals_label_reads_the_campaign(tmp_path: Path) -> None:
    path = _write(tmp_path, "tot.csv", NAMED_TOTAL)
    report = read_report([path], HORIZON, globs=("dy_*", "Total*", "合计", "小计*"))
    # Every row a campaign: 5,000 + 3,000 + 1,000 + 2,000 + 700 + 1,000 = 12,700; 100 + 60 + 50 + 40 + 7 + 50 = 307.
    assert (sum(row.spend for row in report.rows), sum(row.users or 0 for row in report.rows)) == (12_700, 307)
    assert report.sources[0].skipped_totals == ()


def test_without_such_a_glob_the_labels_are_skipped_and_listed_with_their_spend(tmp_path: Path) -> None:
    path = _write(tmp_path, "tot.csv", NAMED_TOTAL)
    # A catch-all or another channel's glob names no totals label: the dated labels of a sheet are its subtotals.
    report = read_report([path], HORIZON, globs=("dy_*", "*", "*promo"))
    assert sum(row.spend for row in report.rows) == 2_000
    assert report.sources[0].skipped_totals == (
        SkippedTotals("Total", 1, 5_000, 2), SkippedTotals("Total: spring promo", 1, 3_000, 3),
        SkippedTotals("合计", 1, 2_000, 5), SkippedTotals("小计(华东)", 1, 700, 6))
    assert report.sources[0].totals == 4


def test_an_api_exports_dated_rows_are_campaigns_whatever_their_names(tmp_path: Path) -> None:
    # The QA report's TOT2_api_with_ids.csv: an API writes no totals rows, and these have ids besides.
    ocean = _write(tmp_path, "api.csv", "stat_time_day,campaign_name,campaign_id,stat_cost,active\n"
                                        "2025-03-01,合计,1790009,5000,400\n"
                                        "2025-03-01,dy_a,1790001,1000,80\n"
                                        "2025-03-01,Total: spring promo,1790010,3000,200\n")
    # Without ids, and with a row a person added under the last (no date: a sum, not a campaign-day).
    kuaishou = _write(tmp_path, "ks.csv", "stat_date,campaign_name,charge\n2025-03-01,小计,300\n2025-03-01,ks_a,200\n"
                                          "合计,,500\n")
    report = read_report([ocean, kuaishou], HORIZON)
    # 5,000 + 1,000 + 3,000 = 9,000 and 400 + 80 + 200 = 680 on Ocean Engine; 300 + 200 = 500 on Kuaishou.
    ocean_rows = [row for row in report.rows if row.file == str(ocean)]
    assert (sum(row.spend for row in ocean_rows), sum(row.users or 0 for row in ocean_rows)) == (9_000, 680)
    assert sum(row.spend for row in report.rows if row.file == str(kuaishou)) == 500
    assert [source.skipped_totals for source in report.sources] == [(), (SkippedTotals("合计", 1, 500, 4),)]


def test_a_consoles_totals_rows_are_skipped_its_campaigns_with_ids_read(tmp_path: Path) -> None:
    console = _write(tmp_path, "oe.csv", "日期,项目名称,计划名称,计划ID,消耗(万元)\n"
                                         "2025-03-01,拉新,合计,1790009,0.5\n"
                                         "2025-03-01,拉新,抖音A,1790001,0.1\n"
                                         "2025-03-01,,小计,-,0.6\n"
                                         "2025-03-01,,总计,N/A,0.6\n"
                                         "2025-03-02,,小计,共1条,0.1\n"
                                         ",,合计,,1.5\n")
    report = read_report([console], HORIZON, globs=("抖音*", "*"))
    # The row with an id is the campaign 合计: 0.5 万元 + 0.1 万元 = 6,000 元.
    assert sum(row.spend for row in report.rows) == 6_000
    # A day's 小计 and 总计 (a dash, N/A, a count: no id), and the undated 合计 at the bottom, in 元 as read.
    assert report.sources[0].skipped_totals == (
        SkippedTotals("小计", 2, 7_000, 4), SkippedTotals("总计", 1, 6_000, 5), SkippedTotals("合计", 1, 15_000, 7))


def test_a_totals_label_in_the_date_or_first_cell_is_a_totals_row_whatever_the_globs(tmp_path: Path) -> None:
    account = _write(tmp_path, "gdt.csv", "账户,日期,广告组名称,广告组ID,花费(元),曝光次数\n"
                                          "总计,2025-03-01,--,--,3000,15000\n"
                                          "我的账户,2025-03-01,gdt_a,301,1000,5000\n"
                                          "我的账户,2025-03-01,gdt_b,302,2000,10000\n")
    sheet = _write(tmp_path, "sheet.csv", "date,campaign,spend\n2025-03-01,Total,100\nTotal: Account,,100\n")
    report = read_report([account, sheet], HORIZON, globs=("Total*", "总计"))
    # 1,000 + 2,000 on Tencent; the sheet's dated Total is a campaign a glob names, its undated one the sum.
    assert sorted(row.spend for row in report.rows) == [100, 1_000, 2_000]
    assert [source.skipped_totals for source in report.sources] == [
        (SkippedTotals("总计", 1, 3_000, 2),), (SkippedTotals("Total: Account", 1, 100, 3),)]


@pytest.mark.parametrize(("glob", "label", "named"), [
    ("Total*", "Total: spring promo", True), ("合计", "合计", True), ("小计*", "小计(华东)", True),
    ("TOTAL", "total", True), ("*", "合计", False), ("*promo", "Total: spring promo", False),
    ("dy_*", "Total", False), ("Total", "Total: spring promo", False)])
def test_a_glob_names_a_label_it_matches_and_spells_the_totals_word_of(glob: str, label: str, named: bool) -> None:
    word = "total" if label.lower().startswith("total") else label[:2]
    assert names((glob,), label, word) is named


# --- An export of totals rows alone ---------------------------------------------------------------------------

PLAN = Path(__file__).resolve().parents[2] / "aigc_roi" / "templates" / "chat-assistant-cpa.yaml"


def test_an_export_of_totals_rows_alone_names_them_with_their_spend(tmp_path: Path) -> None:
    """A console's total downloaded alone: it said 'found none', as if the file had no row."""
    path = _write(tmp_path, "t.csv", '日期,项目名称,项目ID,消耗(元),激活数\n合计,,,"31,000.00",100\n')
    assert _errors([path]) == [f"{path}:2:1: expected at least one data row under the header, found only totals rows: "
                               "合计 31,000.00 (1 row)"]
    # Rows of one label summed (2.50 + 7.25 = 9.75), a label holding the list's separator quoted, the first row's line.
    several = _write(tmp_path, "s.csv", "date,campaign,spend\n\n小计,,2.50\n\"Total: a, b\",,1000\n小计,,7.25\n")
    assert _errors([several]) == [f"{several}:3:1: expected at least one data row under the header, found only totals "
                                  "rows: 小计 9.75 (2 rows), 'Total: a, b' 1,000.00 (1 row)"]


@pytest.mark.parametrize(("lang", "message"), [
    ("en", "expected at least one data row under the header, found only totals rows: 合计 31,000.00 (1 row), "
           "Total 5.00 (2 rows)"),
    ("zh", "应为表头下至少一行数据，实际只有合计行：合计 31,000.00（1 行）、Total 5.00（2 行）"),
])
def test_the_command_refuses_totals_alone_in_either_language(tmp_path: Path, lang: str, message: str) -> None:
    path = _write(tmp_path, "t.csv", 'date,campaign,spend\n合计,,"31,000.00"\nTotal,,2\nTotal,,3\n')
    result = invoke(["actuals", str(PLAN), str(path), "--lang", lang])
    assert (result.exit_code, result.stdout, result.stderr.splitlines()) == (2, "", [f"{path}:2:1: {message}"])


# --- A column of each row's currency ----------------------------------------------------------------------------


def test_a_currency_column_other_than_the_plans_is_refused_at_its_cell(tmp_path: Path) -> None:
    # The QA report's HQ6_currency_column.csv: 1,000 USD read as 1,000 CNY before.
    path = _write(tmp_path, "hq6.csv", "date,campaign,spend,currency,new_users\n2025-03-01,dy_a,1000,USD,80\n"
                                       "2025-03-02,dy_a,1000,USD,80\n2025-03-03,dy_a,1000,EUR,80\n")
    # Once per currency: every USD row has the one fix.
    assert _errors([path]) == [
        f"{path}:2:4: currency: expected CNY (the plan's currency), found 'USD'; actuals converts no currency: "
        "convert the export to CNY, or the plan to USD",
        f"{path}:4:4: currency: expected CNY (the plan's currency), found 'EUR'; actuals converts no currency: "
        "convert the export to CNY, or the plan to EUR"]


def test_a_currency_column_of_the_plans_currency_sets_the_exports(tmp_path: Path) -> None:
    google = _write(tmp_path, "g.csv", "date,campaign,Currency code,spend\n2025-03-01,dy_a,usd,12.5\n"
                                      "2025-03-02,dy_a,,10\n2025-03-03,dy_a,US$,$5\n")
    report = read_report([google], HORIZON, currency="USD")
    assert (report.sources[0].currency, report.sources[0].columns["currency"]) == ("USD", "Currency code")
    assert [row.spend for row in report.rows] == [12.5, 10, 5]
    # Rows in two currencies: the one that is not the plan's is refused; a sign of another currency at its amount.
    mixed = _write(tmp_path, "m.csv", "日期,计划名称,消耗,币种\n2025-03-01,抖音A,100,人民币\n2025-03-02,抖音A,$5,CNY\n"
                                      "2025-03-03,抖音A,100,美元\n2025-03-04,抖音A,100,Dollars\n")
    assert _errors([mixed]) == [
        f"{mixed}:3:3: 消耗: expected an amount in CNY, found '$5'",
        f"{mixed}:4:4: 币种: expected CNY (the plan's currency), found '美元' (USD); actuals converts no currency: "
        "convert the export to CNY, or the plan to USD",
        f"{mixed}:5:4: 币种: expected a currency code such as CNY or USD, found 'Dollars'"]
