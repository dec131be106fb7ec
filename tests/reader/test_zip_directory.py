"""The entries of a zip directory counted from its bytes as zipfile would read them (reader/exports/zip_directory.py):
with an archive comment, in the zip64 form, and whatever count the end record declares."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest

from aigc_roi.reader.exports.zip_directory import entries_over


def _archive(entries: int, comment: bytes = b"") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for number in range(entries):
            archive.writestr(f"part/{number}.xml", b"<x/>", compress_type=zipfile.ZIP_DEFLATED)
        archive.comment = comment
    return buffer.getvalue()


def _read_by_zipfile(data: bytes) -> int:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return len(archive.infolist())


@pytest.mark.parametrize("comment", [b"", b"a comment", b"x" * 65_535])
def test_the_count_is_the_one_zipfile_reads(comment: bytes) -> None:
    data = _archive(7, comment)
    assert _read_by_zipfile(data) == 7
    assert entries_over(data, 6) and not entries_over(data, 7)


def test_a_zip64_directory_is_counted(monkeypatch: pytest.MonkeyPatch) -> None:
    # zipfile writes the zip64 end records past 65,535 entries: a lower threshold writes them for 7.
    monkeypatch.setattr(zipfile, "ZIP_FILECOUNT_LIMIT", 2)
    data = _archive(7)
    assert b"PK\x06\x06" in data and b"PK\x06\x07" in data
    monkeypatch.undo()
    assert _read_by_zipfile(data) == 7
    assert entries_over(data, 6) and not entries_over(data, 7)


def test_a_count_the_end_record_understates_is_not_believed() -> None:
    data = bytearray(_archive(7))
    end = data.rindex(b"PK\x05\x06")
    struct.pack_into("<2H", data, end + 8, 1, 1)  # "1 entry" on this disk and in all
    assert _read_by_zipfile(bytes(data)) == 7
    assert entries_over(bytes(data), 6)


@pytest.mark.parametrize("data", [b"", b"not a zip", b"PK\x05\x06", _archive(3)[:-30]])
def test_bytes_that_are_no_archive_are_left_to_the_workbook_reader(data: bytes) -> None:
    assert not entries_over(data, 0)
