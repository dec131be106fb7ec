"""A CSV that starts with UTF-8's byte-order mark (EF BB BF) is UTF-8: a byte past it that is no UTF-8 is refused at
its line and column. Such a file was read as GBK, the mark with it, as 锘, and refused at its header for a column
'锘縟ate' no shape reads, naming neither the mark nor the byte."""

from __future__ import annotations

import codecs
from pathlib import Path

from export_files import HORIZON, refusals

from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.exports import read_report

MARKED = "(the file starts with UTF-8's byte-order mark); save the file as UTF-8"


def _saved(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "export.csv"
    path.write_bytes(data)
    return path


def test_a_windows_1252_byte_after_the_mark_is_refused_where_it_is(tmp_path: Path) -> None:
    # Line 3 is '2025-01-06,Caf' (14 characters) before the é Windows-1252 writes as E9: column 15.
    path = _saved(tmp_path, codecs.BOM_UTF8 + b"date,campaign,spend\n2025-01-05,dy_a,100\n2025-01-06,Caf\xe9,100\n")
    (error,) = refusals(path)
    assert error == f"{path}:3:15: expected UTF-8 text, found byte 0xe9 {MARKED}"
    assert translate(error.split(": ", 1)[1]) == (
        "应为 UTF-8 文本，实际为字节 0xe9（文件以 UTF-8 的字节顺序标记开头）；请把文件另存为 UTF-8")


def test_gbk_text_after_the_mark_is_refused_at_its_first_byte(tmp_path: Path) -> None:
    # 日 in GBK is C8 D5: the header's first byte after the mark, column 1 (the mark is no character of the line).
    data = codecs.BOM_UTF8 + "日期,计划名称,消耗\n2025-01-05,抖音A,100\n".encode("gbk")
    assert data[3:5] == b"\xc8\xd5"
    path = _saved(tmp_path, data)
    assert refusals(path) == [f"{path}:1:1: expected UTF-8 text, found byte 0xc8 {MARKED}"]


def test_a_bad_byte_in_the_header_counts_its_columns_after_the_mark(tmp_path: Path) -> None:
    path = _saved(tmp_path, codecs.BOM_UTF8 + b"dat\xe9,campaign,spend\n2025-01-05,dy_a,100\n")
    assert refusals(path) == [f"{path}:1:4: expected UTF-8 text, found byte 0xe9 {MARKED}"]


def test_utf8_damaged_by_a_byte_after_the_mark_is_still_a_damaged_character(tmp_path: Path) -> None:
    # Many Chinese characters of three bytes, one cut short: the damaged character, as without the mark.
    rows = "".join(f"2025-01-{day:02d},抖音拉新计划,100\n" for day in range(1, 6))
    data = codecs.BOM_UTF8 + ("日期,计划名称,消耗\n" + rows).encode() + b"2025-01-06,\xe6\x8a,1\n"
    path = _saved(tmp_path, data)
    assert refusals(path) == [f"{path}:7:12: expected UTF-8 text, found byte 0xe6 (the rest of the file is UTF-8: a "
                              "damaged character); retype it, or export the report again"]


def test_the_same_bytes_without_the_mark_are_read_as_before(tmp_path: Path) -> None:
    # No mark: a file that is not UTF-8 is a code page's (GBK, or Windows-1252 where its header says so), read.
    path = _saved(tmp_path, b"date,campaign,spend\n2025-01-05,dy_a,100\n2025-01-06,Caf\xe9,100\n")
    assert [row.spend for row in read_report([path], HORIZON).rows] == [100.0, 100.0]
