"""A CSV in Windows-1252 (German, French or Brazilian Excel's "CSV") was read as GBK whatever its header: QA's
``Währungscode`` read as 'W鋒rungscode', listed as ignored, so the currency check was lost and USD spend counted as
EUR with exit 0 (``Conversões``, the users, lost alike). A file that is no UTF-8 is read in the code page whose reading
of its header names more known columns; where neither does, a header cell it ignores that GBK garbles and
Windows-1252 reads as a word is refused, not dropped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from actuals_plans import two_channel_plan
from cli_runner import invoke
from export_files import HORIZON, export_errors, write_export

from aigc_roi.reader.exports import read_report

GERMAN = "Tag;Kampagne;Währungscode;Kosten;Conversions\n2025-03-01;dy_a;{code};1.234,56;10\n"


def test_the_premise_gbk_garbles_the_header() -> None:
    assert "Währungscode".encode("cp1252").decode("gb18030") == "W鋒rungscode"


def test_a_german_export_in_another_currency_is_refused_at_its_currency_cell(tmp_path: Path) -> None:
    path = write_export(tmp_path, "cur.csv", GERMAN.format(code="USD"), "cp1252")
    assert export_errors([path], HORIZON, currency="EUR", decimal_comma=True) == [
        f"{path}:2:3: Währungscode: expected EUR (the plan's currency), found 'USD'; actuals converts no currency: "
        "convert the export to EUR, or the plan to USD"]


def test_a_brazilian_export_reads_its_currency_and_users_columns(tmp_path: Path) -> None:
    path = write_export(tmp_path, "pt.csv", "Dia;Campanha;Código da moeda;Custo;Conversões\n"
                                            "2025-03-01;dy_a;BRL;1.500,25;12\n", "cp1252")
    report = read_report([path], HORIZON, currency="BRL", decimal_comma=True)
    source = report.sources[0]
    assert source.windows_1252 and source.not_utf8 is None and source.ignored == ()
    assert (source.columns["currency"], source.columns["users"]) == ("Código da moeda", "Conversões")
    assert [(row.spend, row.users) for row in report.rows] == [(1500.25, 12.0)]


def test_a_chinese_export_in_gbk_is_read_as_gbk(tmp_path: Path) -> None:
    path = write_export(tmp_path, "cn.csv", "日期,计划名称,消耗(元)\n2025-03-01,抖音_a,12.5\n", "gbk")
    source = read_report([path], HORIZON).sources[0]
    assert not source.windows_1252 and source.columns["spend"] == "消耗(元)"


def test_a_garbled_header_neither_reading_decides_is_refused(tmp_path: Path) -> None:
    """Both readings name Tag, Kampagne, Kosten and Conversions; GBK's 'W鋒rung X' may be a column the shape reads."""
    path = write_export(tmp_path, "x.csv", "Tag;Kampagne;Kosten;Conversions;Währung X\n2025-03-01;dy_a;1,5;1;EUR\n",
                        "cp1252")
    assert export_errors([path], HORIZON, currency="EUR", decimal_comma=True) == [
        f"{path}:1:5: W鋒rung X: expected a header this export's shape reads or ignores, found 'W鋒rung X', which "
        "Windows-1252 reads as 'Währung X': it may be a column the shape reads; the file is not UTF-8, and read as GBK "
        "this is no Chinese text: save the export as CSV UTF-8"]


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "cur.csv: not UTF-8, and its header names known columns as Windows-1252 (Western European Windows' "
           "encoding) reads it, so read as Windows-1252; save the export as CSV UTF-8 to be sure of it"),
    ("zh", "cur.csv: 不是 UTF-8，其表头按 Windows-1252（西欧 Windows 的编码）读才是已知的列，因此按 Windows-1252 读取；"
           "请把报表另存为 CSV UTF-8 以确保无误"),
])
def test_the_command_says_it_read_windows_1252(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str,
                                               line: str) -> None:
    (tmp_path / "plan.yaml").write_text(two_channel_plan("West").replace("start:", "currency: EUR\nstart:", 1),
                                        encoding="utf-8")
    write_export(tmp_path, "cur.csv", GERMAN.format(code="EUR"), "cp1252")
    monkeypatch.chdir(tmp_path)
    result = invoke(["actuals", "plan.yaml", "cur.csv", "--decimal-comma", "--lang", lang])
    assert result.exit_code == 0 and line in result.stderr.splitlines()
    shown = invoke(["actuals", "plan.yaml", "cur.csv", "--decimal-comma", "--format", "json"])
    assert [warning for warning in json.loads(shown.stdout)["warnings"] if warning["code"] == "windows_1252"] == [
        {"code": "windows_1252", "file": "cur.csv", "message": line if lang == "en" else
         "cur.csv: not UTF-8, and its header names known columns as Windows-1252 (Western European Windows' encoding) "
         "reads it, so read as Windows-1252; save the export as CSV UTF-8 to be sure of it"}]
