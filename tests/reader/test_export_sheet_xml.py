"""What a workbook's sheet XML holds where a number belongs, checked before openpyxl casts it (sheet_xml.py).

openpyxl's ``int()`` of ``<v>inf</v>`` or ``<v>NaN</v>`` in a number cell reached the user as an internal error;
``<v>1e400</v>`` was quoted as ``'inf'``; ``<v>1_000</v>`` and Arabic-Indic digits read as numbers no spreadsheet
writes; a shared string's index of -1 as the last string. Each is now a located refusal, the cell's text quoted as
written, as a CSV's cell of that text is.
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from pathlib import Path

import pytest
from cli_runner import invoke
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scratch import scratch_folder

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.reader.exports import Horizon, read_report

openpyxl = pytest.importorskip("openpyxl")

HORIZON = Horizon.of((2025, 3), 12)
ROWS = [["日期", "计划名称", "消耗(元)", "激活数"], ["2025-03-01", "抖音A", 1000, 80], ["2025-03-02", "抖音A", 2000, 160]]
PLAN = """\
name: Sheet XML
start: 2025-03
horizon_months: 12
acquisition:
  - {name: Douyin CPA, type: cpa, bid: 12, budget: 100000, match: ["抖音*"]}
retention: {monthly_churn: 0.5}
monetization:
  purchases:
    - {name: Pack, price: 10, rate: 1}
"""
WORKDIR = scratch_folder("export_sheet_xml")
SPEND = '<c r="C2" t="n"><v>1000</v></c>'
"""Row 2's spend as openpyxl writes it."""


def _book(path: Path, old: str, new: str, part: str = "xl/worksheets/sheet1.xml") -> Path:
    """ROWS saved as a workbook, ``old`` (XML openpyxl wrote, once) rewritten to ``new`` in ``part``, as a writer
    other than Excel may write it."""
    book = openpyxl.Workbook()
    for row in ROWS:
        book.active.append(row)
    book.active["A3"].number_format = "yyyy-mm-dd"
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == part:
                assert data.count(old.encode()) == 1, data
                data = data.replace(old.encode(), new.encode())
            target.writestr(item, data)
    return path


def _errors(path: Path) -> list[str]:
    with pytest.raises(ScenarioInvalid) as raised:
        read_report([path], HORIZON)
    return [str(error) for error in raised.value.errors]


def _spend(text: str) -> str:
    return f'<c r="C2" t="n"><v>{text}</v></c>'


@pytest.mark.parametrize(("text", "found"), [
    ("inf", "expected a number, found 'inf'"),
    ("-inf", "expected a number, found '-inf'"),
    ("NaN", "expected a number, found 'NaN'"),
    ("INF", "expected a number, found 'INF'"),
    ("Infinity", "expected a number, found 'Infinity'"),
    ("0x3E8", "expected a number, found '0x3E8'"),
    ("1_000", "expected a number, found '1_000'"),  # int() reads 1000
    ("١٠٠٠", "expected a number, found '١٠٠٠'"),  # int() reads Arabic-Indic digits: 1000
    ("1e400", "expected a number no larger than 1,000,000,000,000,000 (1e15), found '1e400'"),
    ("", "expected a number, found an empty number cell (<v/>, as a program writes NaN or infinity)"),
])
def test_a_number_cell_that_holds_no_finite_number_is_refused_as_written(tmp_path: Path, text: str, found: str) -> None:
    path = _book(tmp_path / "spend.xlsx", SPEND, _spend(text))
    assert _errors(path) == [f"{path}:2:3: 消耗(元): {found}"]


DATE = '<c r="A3" s="1" t="inlineStr"><is><t>2025-03-02</t></is></c>'
"""Row 3's date, its cell formatted as one."""


@pytest.mark.parametrize(("serial", "found"), [("inf", "'inf'"), ("1e10", "'10000000000'")])
def test_a_date_cell_that_holds_no_date_is_refused_as_written(tmp_path: Path, serial: str, found: str) -> None:
    """A3 is formatted as a date: ``inf`` was cast before its format was looked at, and a serial past 9999-12-31 was
    read as the error ``#VALUE!`` with a warning of openpyxl's; the serial is now the number an unformatted cell holds."""
    path = _book(tmp_path / "date.xlsx", DATE, f'<c r="A3" s="1" t="n"><v>{serial}</v></c>')
    assert _errors(path) == [f"{path}:3:1: 日期: expected a date YYYY-MM-DD, found {found}"]


def test_a_number_xml_writes_with_spaces_round_it_is_that_number(tmp_path: Path) -> None:
    """xsd:double collapses the spaces round it: `` 1500 `` is 1,500 (with row 3's 2,000, 3,500 spent)."""
    report = read_report([_book(tmp_path / "spaced.xlsx", SPEND, _spend(" 1500 "))], HORIZON)
    assert sum(row.spend for row in report.rows) == 3500


@pytest.mark.parametrize(("old", "new", "at", "holds"), [
    ('<c r="C2" t="n">', '<c r="C0" t="n">', "2:3", '<c r="C0"> in row 2'),
    ('<c r="C2" t="n">', '<c r="C9" t="n">', "2:3", '<c r="C9"> in row 2'),
    ('<c r="C2" t="n">', '<c r="A2" t="n">', "2:3", '<c r="A2"> in row 2'),
    ('<c r="C2" t="n">', '<c r="XFE2" t="n">', "2:3", '<c r="XFE2"> in row 2'),
    ('<c r="C2" t="n">', '<c r="C2" s="x" t="n">', "2:3", '<c s="x">'),
    ('<c r="C2" t="n">', '<c r="C2" s="99" t="n">', "2:3", '<c s="99">'),
    (SPEND, '<c r="C2" t="s"><v>-1</v></c>', "2:3", '<c t="s"><v>-1</v> of 0 shared strings'),
    (SPEND, '<c r="C2" t="s"><v>0</v></c>', "2:3", '<c t="s"><v>0</v> of 0 shared strings'),
    (SPEND, '<c r="C2" t="b"><v>2</v></c>', "2:3", '<c t="b"><v>2</v>'),
    (SPEND, '<c r="C2" t="d"><v>soon</v></c>', "2:3", '<c t="d"><v>soon</v>'),
    ('<row r="3"', '<row r="inf"', "3:1", '<row r="inf">'),
    ('<row r="3"', '<row r="2000000000"', "3:1", '<row r="2000000000">'),
    ('<row r="3"', '<row r="2"', "2:1", '<row r="2"> after row 2'),
])
def test_a_reference_index_or_value_no_writer_writes_is_a_damaged_workbook_at_its_cell(
        tmp_path: Path, old: str, new: str, at: str, holds: str) -> None:
    path = _book(tmp_path / "damaged.xlsx", old, new)
    assert _errors(path) == [f"{path}:{at}: expected an xlsx workbook, found a damaged one (its sheet holds {holds})"]


def test_a_boolean_xsd_writes_as_true_is_a_boolean(tmp_path: Path) -> None:
    """``true`` is xsd:boolean's, as 1 is: a spend of TRUE is refused as one, as openpyxl's TRUE cell is."""
    path = _book(tmp_path / "true.xlsx", SPEND, '<c r="C2" t="b"><v>true</v></c>')
    assert _errors(path) == [f"{path}:2:3: 消耗(元): expected a number, found 'True'"]


@pytest.mark.parametrize(("lang", "message"), [
    ("en", "消耗(元): expected a number, found 'inf'"),
    ("zh", "消耗(元): 应为数字，实际为 'inf'"),
])
def test_the_command_refuses_an_infinite_cell_located_in_each_language(tmp_path: Path, lang: str, message: str) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    path = _book(tmp_path / "inf.xlsx", SPEND, _spend("inf"))
    result = invoke(["--lang", lang, "actuals", str(plan), str(path)])
    assert result.exit_code == 2
    assert f"inf.xlsx:2:3: {message}" in result.stderr
    assert "internal error" not in result.stderr


_XML_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"), exclude_characters="\ufffe\uffff"),
                    max_size=12)
_WRITTEN = st.one_of(
    _XML_TEXT,
    st.sampled_from(["inf", "-inf", "+INF", "nan", "NaN", "Infinity", "1e400", "-1e309", "1E5", ".5", "5.", "0x1F",
                     "1_0", "٣", "１２", " 7 ", "1e-400", "-0", "00012", "1.5e3", "e3", "1e", "+.e1"]),
    st.from_regex(r"[+-]?[0-9]{0,4}(\.[0-9]{0,3})?([eE][+-]?[0-9]{1,4})?", fullmatch=True),
)
_DOUBLE = re.compile(r"[ \t\r\n]*[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?[ \t\r\n]*")
"""xsd:double's decimal form, spaces round it collapsed: the only text of a number cell that is a number."""


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_WRITTEN)
def test_any_text_of_a_number_cell_is_that_number_or_refused_at_its_cell(text: str) -> None:
    """A spend cell's ``<v>`` reads as the number xsd:double's form writes, at most 1e15 and not below 0, or is
    refused at C2, quoting what it holds; never an exception of openpyxl's."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    path = _book(WORKDIR / "any.xlsx", SPEND, _spend(escaped))
    value = float(text) if _DOUBLE.fullmatch(text) else math.nan
    try:
        report = read_report([path], HORIZON)
    except ScenarioInvalid as refused:
        assert not 0 <= value <= 1e15, (text, refused.errors)
        assert [(error.line, error.column) for error in refused.errors] == [(2, 3)], refused.errors
        return
    assert 0 <= value <= 1e15, text
    assert sorted(row.spend for row in report.rows) == sorted([value, 2000.0])


def _shared(path: Path, index: str) -> Path:
    """ROWS with B2's name as Excel writes text, an index into the workbook's shared strings (one: 抖音A)."""
    _book(path, '<c r="B2" t="inlineStr"><is><t>抖音A</t></is></c>', f'<c r="B2" t="s"><v>{index}</v></c>')
    parts = {"xl/sharedStrings.xml": '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                                     'count="1" uniqueCount="1"><si><t>抖音A</t></si></sst>'}
    edits = {"xl/_rels/workbook.xml.rels": ("</Relationships>", '<Relationship Id="rIdS" Type="http://schemas.'
             'openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
             "</Relationships>"),
             "[Content_Types].xml": ("</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                                     'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')}
    data = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            text = source.read(item).decode()
            if item.filename in edits:
                text = text.replace(*edits[item.filename])
            target.writestr(item, text)
        for name, text in parts.items():
            target.writestr(name, text)
    return path


def test_a_shared_string_is_read_by_its_index_and_one_past_the_last_refused(tmp_path: Path) -> None:
    report = read_report([_shared(tmp_path / "shared.xlsx", "0")], HORIZON)
    assert [(row.line, row.campaign, row.spend) for row in report.rows] == [(2, "抖音A", 1000), (3, "抖音A", 2000)]
    path = _shared(tmp_path / "past.xlsx", "1")
    assert _errors(path) == [f"{path}:2:2: expected an xlsx workbook, found a damaged one "
                             "(its sheet holds <c t=\"s\"><v>1</v> of 1 shared strings)"]


def test_a_cell_reference_in_lowercase_is_that_cell(tmp_path: Path) -> None:
    """``r="c2"`` is C2 as openpyxl reads it (a writer's lowercase references): it was refused as a damaged workbook.
    Row 2's spend 1,000 and row 3's 2,000 are 3,000 spent."""
    path = _book(tmp_path / "lower.xlsx", '<c r="C2" t="n">', '<c r="c2" t="n">')
    assert sum(row.spend for row in read_report([path], HORIZON).rows) == 3000
