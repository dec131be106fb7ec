"""Every workbook stores a text that starts like a formula (=, +, -, @) as a text cell holding it exactly, styled
with Excel's quotePrefix; it stored the text with a ' before it (`'=HYPERLINK(...)`, `'+1+2`), so a campaign name
copied from the unmatched sheet into --map matched nothing (QA, act-display finding 2). CSV keeps its ' (README)."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

import pytest
from cli_runner import invoke

NAMES = ['=HYPERLINK("http://x","y")', "+1+2", "-minus", "@at"]
"""Unmatched campaigns, their spends 10, 20, 30, 40: listed by spend, the largest first."""
EXPORT = ("date,campaign,spend,new_users\n2026-01-05,dy_a,100,5\n"
          '2026-01-05,"=HYPERLINK(""http://x"",""y"")",10,1\n2026-01-05,+1+2,20,1\n2026-01-05,-minus,30,1\n'
          "2026-01-05,@at,40,1\n2026-01-05,plain,5,1\n")
PLAN = """\
name: "=cmd"
horizon_months: 6
retention: {monthly_churn: 0.3}
acquisition:
  - {name: "+Posters", type: flat, cost: 1000, users: 100}
"""


def _sheet_xml(path: Path, number: int) -> str:
    return zipfile.ZipFile(path).read(f"xl/worksheets/sheet{number}.xml").decode()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_unmatched_sheet_holds_each_campaign_name_exactly_as_text(tmp_path: Path, lang: str) -> None:
    from openpyxl import load_workbook

    export = tmp_path / "inj.csv"
    export.write_text(EXPORT, encoding="utf-8")
    target = tmp_path / "a.xlsx"
    result = invoke(["actuals", "scenarios/chat-assistant-cpa.yaml", str(export), "--map", "Douyin activation CPA=dy_*",
                     "-o", str(target), "--lang", lang])
    assert result.exit_code == 0, result.stderr
    sheet = load_workbook(target).worksheets[1]
    cells = [row[1] for row in sheet.iter_rows(min_row=2)]
    assert [(cell.value, cell.data_type, cell.quotePrefix) for cell in cells] == [
        ("@at", "s", True), ("-minus", "s", True), ("+1+2", "s", True), ('=HYPERLINK("http://x","y")', "s", True),
        ("plain", "s", False)]
    xml = _sheet_xml(target, 2)
    assert "<f>" not in xml
    # B5 is the =HYPERLINK name: an inline string, no formula.
    assert re.search(r'<c r="B5" s="\d+" t="inlineStr"><is><t>=HYPERLINK\("http://x","y"\)</t>', xml)


def test_a_run_and_a_compare_keep_names_exactly_and_the_what_if_sheet_its_values(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    plan = tmp_path / "s.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    run = tmp_path / "run.xlsx"
    assert invoke(["run", str(plan), "--set", "name=-x", "-o", str(run)]).exit_code == 0
    book = load_workbook(run)
    what_if = book.worksheets[0]
    assert [(cell.value, cell.data_type, cell.quotePrefix) for cell in what_if[4]] == [
        ("name", "s", False), ("-x", "s", True)]
    channel = book["channels"]["A2"]
    assert (channel.value, channel.data_type, channel.quotePrefix) == ("+Posters", "s", True)
    other = tmp_path / "other.yaml"
    other.write_text(PLAN.replace('"=cmd"', '"@other"'), encoding="utf-8")
    compared = tmp_path / "compare.xlsx"
    assert invoke(["compare", str(plan), str(other), "-o", str(compared)]).exit_code == 0
    header = load_workbook(compared).worksheets[0][1]
    assert [(cell.value, cell.quotePrefix) for cell in header[3:5]] == [("=cmd", True), ("@other", True)]
    for path in (run, compared):
        assert all("<f>" not in zipfile.ZipFile(path).read(name).decode()
                   for name in zipfile.ZipFile(path).namelist() if name.startswith("xl/worksheets/"))


def test_csv_still_guards_a_formula_like_name_with_an_apostrophe(tmp_path: Path) -> None:
    """CSV cells have no type: a spreadsheet opening the file evaluates =... unless it starts with ' (README)."""
    plan = tmp_path / "s.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    header, row = list(csv.reader(io.StringIO(invoke(["run", str(plan), "-f", "csv", "--table", "channels"]).stdout)))
    assert row[0] == "'+Posters"
