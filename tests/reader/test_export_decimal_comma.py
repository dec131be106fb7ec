"""An export read with a decimal comma (``decimal_comma=True``, `actuals --decimal-comma`): the German, Brazilian and
Indonesian consoles' ``1.234,56`` amounts and ``12.345`` counts, often in Excel's CSV of semicolons, were refused
cell by cell (a decimal comma, a dot that may group thousands) or at the header (semicolons), with no way to read
them as they are. Every value below is by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke
from export_files import HORIZON, export_errors, write_export

from aigc_roi import api
from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.exports import read_report
from aigc_roi.reader.exports.cells import Amounts, CellError, count

PLAN = Path(__file__).resolve().parents[2] / "aigc_roi" / "templates" / "chat-assistant-cpa.yaml"
"""Starts 2025-03, in CNY; its channel Douyin activation CPA is mapped to the exports' dy_* campaigns."""
DOUYIN = "Douyin activation CPA=dy_*"
EXPECTED = "expected a number with a decimal comma (1.234,56)"
OWN_RUN = ("decimal_comma=True reads every export given with a decimal comma: read this one without it, in a run of its "
           "own, or export it with a decimal comma")
DOT_AFTER = f"a dot after the comma, as a decimal point's number writes it, while {OWN_RUN}"
POINT = f"a decimal point, as this export writes its numbers, while {OWN_RUN}"
GROUPS = "a dot, space or apostrophe groups a number's digits in threes before its decimal comma (1.234.567,89)"


@pytest.mark.parametrize(("cell", "plan", "amount"), [
    ("1.234,56", "EUR", 1234.56), ("1,500", "CNY", 1.5), ("1.500", "CNY", 1500.0), ("12.345.678,9", "BRL", 12_345_678.9),
    ("0,125", "USD", 0.125), ("-0,5", "EUR", -0.5), ("1500", "EUR", 1500.0), ("1500,50", "EUR", 1500.5),
    ("1 234,56", "EUR", 1234.56), ("1\u00a0234\u00a0567", "EUR", 1_234_567.0), ("1\u202f234,5", "EUR", 1234.5),
    ("1'234,50", "CHF", 1234.5), ("1’234", "CHF", 1234.0), ("R$ 1.500,00", "BRL", 1500.0), ("1.234,56 €", "EUR", 1234.56),
    ("Rp 12.500", "IDR", 12_500.0), ("5.000", "EUR", 5000.0), ("１．２３４，５", "EUR", 1234.5), ('="1.234,56"', "EUR", 1234.56),
])
def test_an_amount_reads_its_comma_as_the_decimal_mark_and_its_dots_as_groups(cell: str, plan: str, amount: float) -> None:
    """``5.000`` in EUR was refused as either 5 or 5000: read with a decimal comma it is 5000, in any currency."""
    assert Amounts(None, plan, comma=True)(cell) == amount


@pytest.mark.parametrize(("cell", "whole", "value"), [
    ("12.345", True, 12_345.0), ("1.200.000", True, 1_200_000.0), ("1 200", True, 1200.0), ("1,5", False, 1.5),
    ("0,25", False, 0.25), ("15", True, 15.0), ("-", True, None),
])
def test_a_count_reads_as_the_amounts_beside_it(cell: str, whole: bool, value: float | None) -> None:
    """Users credited in parts by attribution keep their fraction; impressions and clicks take none."""
    assert count(cell, whole=whole, comma=True) == value


def test_a_whole_count_with_a_decimal_comma_is_refused() -> None:
    with pytest.raises(CellError) as raised:
        count("12,5", whole=True, comma=True)
    assert str(raised.value) == "expected a whole count, found '12,5'"


@pytest.mark.parametrize(("cell", "hint"), [
    ("1,234.56", DOT_AFTER), ("0,5.5", DOT_AFTER), ("1.23", POINT), ("0.125", POINT), ("12.34.567", GROUPS),
    ("1.2345", POINT), ("1.234 567", GROUPS), ("1234.567", POINT), ("1 23,5", GROUPS), ("12,34,567", ""),
    ("1500.00", POINT), ("-0.5", POINT),
])
def test_a_cell_another_way_is_refused_saying_why(cell: str, hint: str) -> None:
    """``1,234.56`` would read as neither 1.234 nor 1234.56 without a guess; ``1.23`` groups no thousands."""
    with pytest.raises(CellError) as raised:
        Amounts(None, "EUR", comma=True)(cell)
    assert str(raised.value) == f"{EXPECTED}, found {cell!r}" + (f"; {hint}" if hint else "")


GERMAN = ("sep=;\r\nKampagnenbericht\r\n"
          "Day;Campaign;Cost;Impr.;Clicks;Conversions\r\n"
          "2025-03-03;dy_a;1.234,56;12.345;200;15\r\n"
          '2025-03-04;dy_a;"1,5";1 200;20;1,5\r\n'
          "2025-03-05;dy_b;1.500;1.000.000;3.000;120\r\n")
"""Google Ads' columns as German Excel saves its "CSV": semicolons, its sep=; line and a title above the header."""


def test_a_semicolon_export_is_read_with_a_decimal_comma(tmp_path: Path) -> None:
    path = write_export(tmp_path, "de.csv", GERMAN, "cp1252")
    rows = read_report([path], HORIZON, decimal_comma=True).rows
    assert [(row.line, row.campaign, row.spend, row.impressions, row.clicks, row.users) for row in rows] == [
        (4, "dy_a", 1234.56, 12_345.0, 200.0, 15.0), (5, "dy_a", 1.5, 1200.0, 20.0, 1.5),
        (6, "dy_b", 1500.0, 1_000_000.0, 3000.0, 120.0)]


def test_a_comma_export_with_quoted_decimal_commas_is_read(tmp_path: Path) -> None:
    path = write_export(tmp_path, "br.csv", 'date,campaign,spend,impressions,new_users\n'
                                            '2025-01-03,dy_a,"R$ 1.500,75",12.000,"2,5"\n')
    [row] = read_report([path], HORIZON, currency="BRL", decimal_comma=True).rows
    assert (row.spend, row.impressions, row.users) == (1500.75, 12_000.0, 2.5)


def test_a_workbooks_text_cells_read_with_a_decimal_comma_and_its_numbers_as_they_are(tmp_path: Path) -> None:
    from export_files import workbook

    path = workbook(tmp_path / "de.xlsx", {"Bericht": [["date", "campaign", "spend", "impressions"],
                                                       ["2025-01-03", "dy_a", "1.234,5", 12345],
                                                       ["2025-01-04", "dy_a", 99.5, "1.000"]]})
    rows = read_report([path], HORIZON, decimal_comma=True).rows
    assert [(row.spend, row.impressions) for row in rows] == [(1234.5, 12_345.0), (99.5, 1000.0)]


def test_each_cell_another_way_is_refused_at_its_place(tmp_path: Path) -> None:
    path = write_export(tmp_path, "de.csv", "Day;Campaign;Cost;Impr.;Clicks\n"
                                            "2025-01-03;dy_a;1,234.56;12.345;2,5\n"
                                            "2025-01-04;dy_a;1.23;1.000;20\n")
    assert export_errors([path], HORIZON, decimal_comma=True) == [
        f"{path}:2:3: Cost: {EXPECTED}, found '1,234.56'; {DOT_AFTER}",
        f"{path}:2:5: Clicks: expected a whole count, found '2,5'",
        f"{path}:3:3: Cost: {EXPECTED}, found '1.23'; {POINT}"]


def test_a_semicolon_export_read_with_a_decimal_point_names_the_option(tmp_path: Path) -> None:
    path = write_export(tmp_path, "de.csv", GERMAN)
    result = invoke(["actuals", str(PLAN), str(path)])
    assert result.exit_code == 2 and result.stderr.splitlines() == [
        f"{path}:3:4: expected a header row of comma- or tab-separated columns, found columns separated by ';' (Excel's "
        "CSV where the decimal mark is a comma); read it with --decimal-comma if its numbers write a decimal comma, or "
        "save the export as comma-separated CSV, or as Unicode Text (UTF-16, tab-separated)"]


def test_the_command_reads_the_export_with_decimal_comma(tmp_path: Path) -> None:
    path = write_export(tmp_path, "de.csv", GERMAN.replace("dy_b", "dy_a"))
    result = invoke(["actuals", str(PLAN), str(path), "--map", DOUYIN, "--decimal-comma", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    douyin = next(channel for channel in json.loads(result.stdout)["channels"] if channel["name"] == "Douyin activation CPA")
    actual = douyin["months"][0]["actual"]
    # 1,234.56 + 1.5 + 1,500; 15 + 1.5 + 120 users; 220 + 3,000 clicks of 12,345 + 1,200 + 1,000,000 impressions.
    assert actual["spend"] == pytest.approx(2736.06, abs=1e-9)
    assert actual["users"] == pytest.approx(136.5, abs=1e-12)
    assert actual["cvr"] == pytest.approx(136.5 / 3220, rel=1e-12)
    assert actual["ctr"] == pytest.approx(3220 / 1_013_545, rel=1e-12)


def test_the_command_names_its_option_in_english_and_chinese(tmp_path: Path) -> None:
    path = write_export(tmp_path, "g.csv", 'date,campaign,spend\n2025-03-03,dy_a,"0,125"\n2025-03-04,dy_a,12.345\n')
    english = invoke(["actuals", str(PLAN), str(path)])
    assert english.exit_code == 2 and english.stderr.splitlines() == [
        f"{path}:2:3: spend: expected a number, found '0,125'; a decimal comma: read the export with --decimal-comma, or "
        "export it with a decimal point, or write 0.125"]
    refused = write_export(tmp_path, "de.csv", "date;campaign;spend\n2025-03-03;dy_a;1,234.56\n")
    chinese = invoke(["actuals", str(PLAN), str(refused), "--decimal-comma", "--lang", "zh"])
    assert chinese.exit_code == 2 and chinese.stderr.splitlines() == [
        f"{refused}:2:3: spend: 应为以逗号为小数点的数字（1.234,56），实际为 '1,234.56'；逗号之后有点号，这是以小数点书写的数字；"
        "--decimal-comma 按小数逗号读取所给的每个报表：请不加该选项单独读取这个报表，或以小数逗号重新导出"]


def test_the_new_hints_read_in_chinese() -> None:
    assert translate(f"{EXPECTED}, found '1.23'; {GROUPS}") == (
        "应为以逗号为小数点的数字（1.234,56），实际为 '1.23'；点号、空格或撇号只用于在小数逗号之前把数字每三位分为一组（1.234.567,89）")
    assert translate("expected a whole count, found '12.345'; a dot before three digits may separate thousands: write "
                     "12345; if the export writes decimal commas (1.234,56), read it with --decimal-comma") == (
        "应为整数的数量，实际为 '12.345'；点号后跟三位数字可能是千位分隔符：请写成 12345；若报表以逗号为小数点（1.234,56），请用 "
        "--decimal-comma 读取")


def test_the_library_takes_decimal_comma_and_names_it(tmp_path: Path) -> None:
    path = write_export(tmp_path, "de.csv", GERMAN)
    plan = api.load(str(PLAN))
    compared = api.actuals(plan, path, [DOUYIN], samples=100, decimal_comma=True)
    assert sum(source.rows for source in compared.sources) == 3
    with pytest.raises(ScenarioInvalid) as raised:
        api.actuals(plan, path, [DOUYIN], samples=100)
    assert "read it with decimal_comma=True if its numbers write a decimal comma" in str(raised.value)
    with pytest.raises(api.ArgumentError, match="decimal_comma"):
        api.actuals(plan, path, [DOUYIN], samples=100, decimal_comma="yes")  # type: ignore[arg-type]


def test_a_fraction_of_results_beside_an_empty_indicator_is_refused_as_a_count(tmp_path: Path) -> None:
    """Meta's Results of 0,5 beside no Result indicator count something no one can tell: read by a decimal point the
    cell was no number, so the row passed as one of no results."""
    path = write_export(tmp_path, "meta.csv", "Campaign name;Day;Amount spent;Results;Result indicator\n"
                                              "m_a;2025-01-03;10,5;0,5;\n")
    [error] = export_errors([path], HORIZON, decimal_comma=True)
    assert error.startswith(f"{path}:2:5: Result indicator: expected actions:mobile_app_install, the indicator of new "
                            "users, found an empty cell beside '0,5' in Results; ")
