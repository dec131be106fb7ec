"""The ASCII stand-ins of the symbols the outputs use (present/stand_ins.py), for a stream that lacks them."""

from __future__ import annotations

import pytest

from aigc_roi.present.stand_ins import STAND_INS, for_encoding, lacks_symbols


def test_every_stand_in_is_ascii_and_stands_for_a_symbol_ascii_lacks() -> None:
    assert all(stand_in.isascii() and not symbol.isascii() for symbol, stand_in in STAND_INS.items())


@pytest.mark.parametrize("encoding", ["utf-8", "UTF8", "utf-16", "gb18030", None])
def test_a_stream_that_writes_every_symbol_gets_them_as_they_are(encoding: str | None) -> None:
    assert not lacks_symbols(encoding)
    assert for_encoding("≤ 12 · Δ ROI −20% ±20% → …", encoding) == "≤ 12 · Δ ROI −20% ±20% → …"


@pytest.mark.parametrize(("encoding", "written"), [
    ("ascii", "<= 12 - d ROI -20% +/-20% -> ..."),
    ("latin-1", "<= 12 · d ROI -20% ±20% -> ..."),     # Latin-1 has the middle dot and the plus-minus sign
    ("cp1252", "<= 12 · d ROI -20% ±20% -> …"),        # and cp1252 the ellipsis too
])
def test_a_stream_that_lacks_some_gets_their_stand_ins_alone(encoding: str, written: str) -> None:
    assert lacks_symbols(encoding)
    assert for_encoding("≤ 12 · Δ ROI −20% ±20% → …", encoding) == written


def test_chinese_has_no_stand_in() -> None:
    assert for_encoding("回本 ≤ 12", "ascii") == "回本 <= 12"
