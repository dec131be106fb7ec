"""reader/single_byte_text.py: which text reads as ordinary text of a Windows single-byte page, the veto that keeps
an East Asian code page from being named for European, Greek, Cyrillic, Hebrew, Arabic or Thai text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aigc_roi.reader.legacy_code_pages import saved_as
from aigc_roi.reader.single_byte_text import reads_as, single_byte_text


@pytest.mark.parametrize(("text", "script"), [
    ("name: Größe “Qualität” – Müller’s Café", "LATIN"),
    ("name: Ofen 62°C, 20 m², «\u00a0Prix\u00a0» 30 €, ¹ ½ ¡", "LATIN"),
    # Windows-1258 writes Vietnamese tones as combining marks after the letter: ệ is ê and U+0323.
    ("name: Vie\u0302\u0323t Nam", "LATIN"),
    ("name: Подписка на год, м’ясо №5", "CYRILLIC"),
    ("name: ΕΛΛΑΔΑ Καμπάνια άνοιξη", "GREEK"),
    ("name: תל־אביב ש״ח", "HEBREW"),
    ("name: حملة الربيع، مجانية؟", "ARABIC"),
    ("name: แคมเปญ รายได้ ฤดูใบไม้ผลิ", "THAI"),
])
def test_ordinary_text_reads_as_its_script(text: str, script: str) -> None:
    assert reads_as(text) == script


@pytest.mark.parametrize("text", [
    # 中文方案 (GBK D6D0 CEC4 B7BD B0B8) read in Windows-1252: a run of 8 characters past ASCII, no European word.
    "name: ÖÐÎÄ·½°¸",
    # ... in Windows-1251: upper and lower case mixed in a word, and symbols inside it.
    "name: ЦРОД·Ѕ°ё",
    # 视频工具 read in Windows-1256: × and ÷ in an Arabic word.
    "name: تسئµ¹¤¾ك",
    # 中文方案 in Big5 (A4A4 A4E5 A4E8 AED7) read in Windows-874: ๅ (LAKKHANGYAO) no Thai word holds.
    "name: คคคๅค่ฎื",
    # Latin letters of two cases in one word, and a symbol between two letters.
    "name: MüllerÖl", "name: W¤u",
    # Two scripts' letters.
    "name: Café Москва",
])
def test_text_of_no_script_reads_as_none(text: str) -> None:
    assert reads_as(text) is None


def test_the_page_that_reads_the_bytes_is_given() -> None:
    # E9 is é in Windows-1250 (Central European), the first page tried; 01 is a control character in every page.
    assert single_byte_text(b"name: caf\xe9\n") == "cp1250"
    assert single_byte_text(b"name: \x01caf\xe9\n") is None


@pytest.mark.parametrize("data", [b"\xe7A", b"\xcc", b"a\xcc", b"\xe9\xcc\x81"])
def test_a_mark_at_either_end_is_read_not_raised(data: bytes) -> None:
    """A combining mark first or last (Windows-1258's 0xCC is U+0300; 0xE7 then A is no text of any page) was read
    beside "", no character, which unicodedata refused (`run` said internal error)."""
    assert saved_as(data) is None


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=64))
def test_any_bytes_read_as_a_page_or_none(data: bytes) -> None:
    named = saved_as(data)
    assert named is None or "UTF-8" in named
