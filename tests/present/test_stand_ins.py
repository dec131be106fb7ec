"""The ASCII stand-ins of the symbols the outputs use (present/stand_ins.py), for a stream that lacks them."""

from __future__ import annotations

import pytest

from aigc_roi.present.console import cell_len, laid_out_for
from aigc_roi.present.stand_ins import STAND_INS, for_encoding, rewrites, written


def test_every_stand_in_is_ascii_and_stands_for_a_symbol_ascii_lacks() -> None:
    assert all(stand_in.isascii() and not symbol.isascii() for symbol, stand_in in STAND_INS.items())


@pytest.mark.parametrize("encoding", ["utf-8", "UTF8", "utf-16", "gb18030", None])
def test_a_stream_that_writes_every_symbol_gets_them_as_they_are(encoding: str | None) -> None:
    assert not rewrites(encoding)
    assert for_encoding("≤ 12 · Δ ROI −20% ±20% → …", encoding) == "≤ 12 · Δ ROI −20% ±20% → …"
    assert written("抖音 ≤ 12", encoding) == "抖音 ≤ 12"


@pytest.mark.parametrize(("encoding", "expected"), [
    ("ascii", "<= 12 - d ROI -20% +/-20% -> ..."),
    ("latin-1", "<= 12 · d ROI -20% ±20% -> ..."),     # Latin-1 has the middle dot and the plus-minus sign
    ("cp1252", "<= 12 · d ROI -20% ±20% -> …"),        # and cp1252 the ellipsis too
])
def test_a_stream_that_lacks_some_gets_their_stand_ins_alone(encoding: str, expected: str) -> None:
    assert rewrites(encoding)
    assert for_encoding("≤ 12 · Δ ROI −20% ±20% → …", encoding) == expected


def test_chinese_has_no_stand_in() -> None:
    assert for_encoding("回本 ≤ 12", "ascii") == "回本 <= 12"


@pytest.mark.parametrize(("encoding", "expected"), [
    ("ascii", "\\u6296\\u97f3 <= 12 - \\xe9"),
    ("latin-1", "\\u6296\\u97f3 <= 12 · é"),     # the escape Python's backslashreplace writes, for what it lacks alone
])
def test_what_has_no_stand_in_is_written_as_its_escape(encoding: str, expected: str) -> None:
    assert written("抖音 ≤ 12 · é", encoding) == expected


def test_a_view_for_an_ascii_stream_measures_what_it_writes() -> None:
    # 抖音 is 4 columns on a terminal that writes it; \u6296\u97f3 is 12. ≤ is one, <= two.
    assert cell_len("抖音 ≤ 1") == 8
    with laid_out_for("ascii"):
        assert cell_len("抖音 ≤ 1") == 17
        with laid_out_for("utf-8"):
            assert cell_len("抖音 ≤ 1") == 8
    assert cell_len("抖音 ≤ 1") == 8
