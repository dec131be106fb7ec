"""The bytes of a CSV export: line endings, encodings and what is no text at all.

Excel for Mac's "CSV (Macintosh)" (lines ending in CR alone) and Excel's "Unicode Text" (UTF-16 with a byte-order
mark, tab-separated, CRLF) are read as the UTF-8 export they hold. A CR inside a line, binary data (a renamed
workbook, random bytes) and a cell past the csv module's limit are each one located line, in English and Chinese;
the csv module's own error ("new-line character seen in unquoted field") once reached the user as an internal error.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from cli_runner import invoke
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scratch import scratch_folder

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.present.errors import located_message
from aigc_roi.reader.exports import Horizon, read_report

HORIZON = Horizon.of((2025, 1), 6)
EXPORT = "date,campaign,spend\n2025-01-03,抖音_A,100\n2025-01-04,抖音_A,50.5\n"
ROWS = [(2, datetime.date(2025, 1, 3), "抖音_A", 100.0), (3, datetime.date(2025, 1, 4), "抖音_A", 50.5)]
"""EXPORT's rows as (line, day, campaign, spend)."""
PLAN = Path(__file__).resolve().parents[2] / "aigc_roi" / "templates" / "chat-assistant-cpa.yaml"
"""A plan with a start month, for the command line."""
WORKDIR = scratch_folder("export_text")


def _rows(path: Path) -> list[tuple[int, datetime.date, str, float]]:
    return [(row.line, row.day, row.campaign, row.spend) for row in read_report([path], HORIZON).rows]


def _errors(path: Path) -> list[str]:
    with pytest.raises(ScenarioInvalid) as raised:
        read_report([path], HORIZON)
    return [str(error) for error in raised.value.errors]


def _write(tmp_path: Path, data: bytes, name: str = "export.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_each_line_ending_reads_the_same_rows(tmp_path: Path, ending: str) -> None:
    assert _rows(_write(tmp_path, EXPORT.replace("\n", ending).encode("utf-8"))) == ROWS


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_excel_unicode_text_is_read(tmp_path: Path, encoding: str) -> None:
    """UTF-16 after its byte-order mark, tab-separated, CRLF: as Excel's "Unicode Text" saves a sheet."""
    text = "\ufeff" + EXPORT.replace(",", "\t").replace("\n", "\r\n")
    assert _rows(_write(tmp_path, text.encode(encoding))) == ROWS


@pytest.mark.parametrize(("mark", "encoding"), [(b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be")])
def test_utf32_after_its_byte_order_mark_is_read(tmp_path: Path, mark: bytes, encoding: str) -> None:
    """FF FE 00 00 starts with UTF-16's mark FF FE, but is UTF-32's: read as UTF-16 it was 'binary data (byte 0x00)'."""
    text = EXPORT.replace(",", "\t").replace("\n", "\r\n")
    assert _rows(_write(tmp_path, mark + text.encode(encoding))) == ROWS


@pytest.mark.parametrize(("encoding", "en", "zh"), [
    ("utf-16-le", "UTF-16LE (no byte-order mark)", "UTF-16LE（无字节顺序标记）"),
    ("utf-16-be", "UTF-16BE (no byte-order mark)", "UTF-16BE（无字节顺序标记）"),
    ("utf-32-le", "UTF-32LE (no byte-order mark)", "UTF-32LE（无字节顺序标记）"),
    ("utf-32-be", "UTF-32BE (no byte-order mark)", "UTF-32BE（无字节顺序标记）"),
])
def test_a_wide_encoding_without_its_mark_is_named(tmp_path: Path, encoding: str, en: str, zh: str) -> None:
    """Its byte order would be a guess: refused as a scenario file in it is, not as 'binary data (byte 0x00)'."""
    path = _write(tmp_path, EXPORT.replace(",", "\t").encode(encoding))
    assert _errors(path) == [f"{path}:1:1: expected UTF-8 text, found {en}; save the file as UTF-8"]
    result = invoke(["actuals", str(PLAN), str(path), "--lang", "zh"])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [f"{path}:1:1: 应为 UTF-8 文本，实际为 {zh}；请把文件另存为 UTF-8"]


CHINESE_HEADED = [
    "日期\t广告组名称\t广告组ID\t花费(元)\t激活次数\n20260105\ttx_a\t30001\t100\t10\n",
    "日期,项目名称,项目ID,消耗(元),激活数\r\n2026/1/5,抖音_拉新,1790001,\"1,234.50\",12\r\n",
    "时间\t计划\t消耗\n",
    "date,campaign,spend\n2025-01-03,抖音_拉新_春节_达人合作,100\n",
]
"""Exports whose text is mostly Chinese: few of their UTF-16 units hold a zero byte (tabs, digits, line breaks), nor
do their UTF-32 units in the places an ASCII character's zeros are."""


@pytest.mark.parametrize("text", CHINESE_HEADED)
@pytest.mark.parametrize(("encoding", "en", "zh"), [
    ("utf-16-le", "UTF-16LE (no byte-order mark)", "UTF-16LE（无字节顺序标记）"),
    ("utf-16-be", "UTF-16BE (no byte-order mark)", "UTF-16BE（无字节顺序标记）"),
    ("utf-32-le", "UTF-32LE (no byte-order mark)", "UTF-32LE（无字节顺序标记）"),
    ("utf-32-be", "UTF-32BE (no byte-order mark)", "UTF-32BE（无字节顺序标记）"),
])
def test_a_wide_encoding_without_its_mark_is_named_whatever_its_text(tmp_path: Path, text: str, encoding: str,
                                                                      en: str, zh: str) -> None:
    """A Chinese header's UTF-16 holds control bytes (期 is 1f 67 in UTF-16LE): it was 'binary data (byte 0x1f)';
    UTF-32's were 'binary data (byte 0x00)' (日 is e5 65 00 00 in UTF-32LE), as its Chinese campaigns made an ASCII
    header's."""
    path = _write(tmp_path, text.encode(encoding))
    assert _errors(path) == [f"{path}:1:1: expected UTF-8 text, found {en}; save the file as UTF-8"]
    result = invoke(["actuals", str(PLAN), str(path), "--lang", "zh"])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [f"{path}:1:1: 应为 UTF-8 文本，实际为 {zh}；请把文件另存为 UTF-8"]


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(["日期", "广告组名称", "花费(元)", "\t", ",", "\n", "2026-01-05", "路路通", "Café", "1,234.50",
                                 "合计", "抖音_A", "é", "最付"]), max_size=30),
       st.sampled_from(["utf-8", "gb18030"]))
def test_utf8_or_gbk_text_is_never_taken_for_utf16(pieces: list[str], encoding: str) -> None:
    """Neither holds a zero byte, so neither has a UTF-16 unit of ASCII, whatever its length."""
    from aigc_roi.reader.byte_order import wide_encoding

    assert wide_encoding("".join(pieces).encode(encoding)) is None


def test_a_cr_inside_a_quoted_cell_is_the_cells_text(tmp_path: Path) -> None:
    # In a column no shape reads (an ad's text): a campaign's name holding one is refused (test_export_broken_names.py).
    path = _write(tmp_path, b'date,campaign,ad_text,spend\n2025-01-03,a,"x\ry",100\n')
    assert [(row.campaign, row.spend) for row in read_report([path], HORIZON).rows] == [("a", 100.0)]


CR_INSIDE = ("expected lines ending in LF or CRLF, found a carriage return (CR) inside a line; "
             "remove it, or quote the cell that holds it",
             "应为以 LF 或 CRLF 结尾的行，实际为行中间的回车符（CR）；请删除它，或给它所在的单元格加引号")
BINARY = ("expected a CSV or xlsx export, found binary data (byte 0x{:02x})", "应为 CSV 或 xlsx 报表，实际为二进制数据（字节 0x{:02x}）")
LONG_CELL = ("expected cells of at most 131,072 characters, found a longer one; "
             "a quote left open takes the lines below it into its cell",
             "应为不超过 131,072 个字符的单元格，实际为更长的单元格；未闭合的引号会把下面的行都并入它的单元格")


def test_a_cr_inside_a_line_is_located_at_it(tmp_path: Path) -> None:
    """One stray CR in a file of LF lines: "2025-01-04,a,1" is 14 characters, so the CR is column 15 of line 3."""
    path = _write(tmp_path, b"date,campaign,spend\n2025-01-03,a,100\n2025-01-04,a,1\r00\n")
    assert _errors(path) == [f"{path}:3:15: {CR_INSIDE[0]}"]


def test_a_cr_inside_the_header_is_located(tmp_path: Path) -> None:
    path = _write(tmp_path, b"date,campaign\rx,spend\n2025-01-03,a,100\n")
    assert _errors(path) == [f"{path}:1:14: {CR_INSIDE[0]}"]


def test_the_rows_above_an_unreadable_line_keep_their_errors(tmp_path: Path) -> None:
    path = _write(tmp_path, b"date,campaign,spend\n2025-01-03,a,abc\n2025-01-04,a\r,1\n")
    assert _errors(path) == [f"{path}:2:3: spend: expected a number, found 'abc'", f"{path}:3:13: {CR_INSIDE[0]}"]


@pytest.mark.parametrize(("data", "line", "column", "byte"), [
    # A PNG renamed .csv: 0x89 'P' is one GBK character, then "NG", CR LF, and 0x1a starts line 2.
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 2, 1, 0x1A),
    # A damaged download of a workbook that is no zip archive: a NUL first.
    (b"\x00\x01\x02garbage", 1, 1, 0x00),
    # A NUL inside a cell of an otherwise good export: line 2, after "2025-01-03,a".
    (b"date,campaign,spend\n2025-01-03,a\x00b,1\n", 2, 13, 0x00),
], ids=["png", "not-a-zip", "nul-in-a-cell"])
def test_binary_data_is_located_at_its_first_control_character(tmp_path: Path, data: bytes, line: int, column: int,
                                                               byte: int) -> None:
    path = _write(tmp_path, data, "report.xlsx")
    assert _errors(path) == [f"{path}:{line}:{column}: {BINARY[0].format(byte)}"]


def test_a_cell_longer_than_the_csv_limit_points_at_its_quote(tmp_path: Path) -> None:
    """A quote opened on line 2 and never closed reads the 200 lines below into one cell of 200,200 characters: at
    the quote, column 12 after '2025-01-03,' (reader/exports/open_quotes.py)."""
    path = _write(tmp_path, b'date,campaign,spend\n2025-01-03,"a,1\n' + (b"x" * 1000 + b"\n") * 200)
    assert _errors(path) == [f"{path}:2:12: {LONG_CELL[0]}"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_command_says_each_in_the_users_language(tmp_path: Path, lang: str) -> None:
    stray = _write(tmp_path, b"date,campaign,spend\n2025-03-03,a,1\r00\n", "stray.csv")
    binary = _write(tmp_path, b"\x00PK", "fake.xlsx")
    long = _write(tmp_path, b'date,campaign,spend\n"' + b"x" * 140_000 + b"\n", "long.csv")
    result = invoke(["actuals", str(PLAN), str(stray), str(binary), str(long), "--lang", lang])
    assert result.exit_code == 2 and result.stdout == ""
    zh = lang == "zh"
    assert result.stderr.splitlines() == [f"{stray}:2:15: {CR_INSIDE[zh]}", f"{binary}:1:1: {BINARY[zh].format(0)}",
                                          f"{long}:2:1: {LONG_CELL[zh]}"]


CSV_PIECES = st.sampled_from([",", "\t", "\r", "\n", "\r\n", '"', "2025-01-03", "合计", "1,234.5", "abc", "\x00", "\x85",
                              "\u2028", "\ufeff", "x" * 70_000])
"""What the csv reader reacts to: separators, every line ending, quotes, dates, a total, controls, a long cell."""


@st.composite
def export_bytes(draw: st.DrawFn) -> bytes:
    """Arbitrary bytes, or text of CSV pieces after a header in any encoding an export comes in."""
    if draw(st.booleans()):
        return draw(st.binary(max_size=400))
    pieces = draw(st.lists(st.one_of(CSV_PIECES, st.text(max_size=5)), max_size=40))
    text = draw(st.sampled_from(["date,campaign,spend\n", "date\tcampaign\tspend\r\n", ""])) + "".join(pieces)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
    return text.encode(encoding, "surrogatepass" if encoding.startswith("utf") else "replace")


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(export_bytes())
def test_any_bytes_read_or_give_located_one_line_errors(data: bytes) -> None:
    path = WORKDIR / "any.csv"
    path.write_bytes(data)
    try:
        read_report([path], HORIZON)
    except ScenarioInvalid as invalid:
        for error in invalid.errors:
            assert error.file == str(path) and error.line >= 1 and error.column >= 1, error
            assert error.message.startswith("expected ") or error.message.endswith(" more errors in this file"), error
            for lang in ("en", "zh"):
                assert len(located_message(error, lang).splitlines()) == 1, error


DAMAGED = ("expected UTF-8 text, found byte 0xe6 (the rest of the file is UTF-8: a damaged character); "
           "retype it, or export the report again",
           "应为 UTF-8 文本，实际为字节 0xe6（文件其余部分是 UTF-8：这是一个损坏的字符）；请重新输入该字符，或重新导出报表")


def _damaged(tmp_path: Path) -> Path:
    """A UTF-8 export whose last 新 lost its last byte (e6 96 b0 cut to e6 96): one bad byte among 7 good characters."""
    return _write(tmp_path, "stat_time_day,campaign_name,stat_cost\n2025-03-03,抖音_拉新A,100\n".encode()
                  + b"2025-03-04," + "抖音_拉".encode() + b"\xe6\x96,100\n")


def test_a_damaged_utf8_export_is_refused_at_its_bad_byte_not_read_as_gb18030(tmp_path: Path) -> None:
    """Read as GB18030, every name became mojibake (鎶栭煶_鎷夋柊A) and matched no channel. The bad byte is on line 3
    after "2025-03-04,抖音_拉", 15 characters: column 16."""
    path = _damaged(tmp_path)
    assert _errors(path) == [f"{path}:3:16: {DAMAGED[0]}"]


def test_a_damaged_utf8_export_with_a_bom_and_cr_lines(tmp_path: Path) -> None:
    """The byte-order mark is no character of the line; lines ending in CR alone are counted as lines."""
    path = _damaged(tmp_path)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r"))
    assert _errors(path) == [f"{path}:3:16: {DAMAGED[0]}"]


def test_a_gbk_export_whose_bytes_hold_some_utf8_is_still_gbk(tmp_path: Path) -> None:
    """腾讯_最付 in GBK holds ee b8 b6, a valid UTF-8 character, among three bytes that are no UTF-8: GBK text."""
    path = _write(tmp_path, "日期,广告组名称,花费(元),曝光次数\n2025-01-05,腾讯_最付,100,1000\n".encode("gbk"))
    assert [row.campaign for row in read_report([path], HORIZON).rows] == ["腾讯_最付"]


def test_a_damaged_utf8_export_in_chinese(tmp_path: Path) -> None:
    path = _damaged(tmp_path)
    result = invoke(["actuals", str(PLAN), str(path), "--lang", "zh"])
    assert result.exit_code == 2 and result.stderr.splitlines() == [f"{path}:3:16: {DAMAGED[1]}"]
