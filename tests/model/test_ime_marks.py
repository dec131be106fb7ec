"""model/ime_marks.py ime_slip: which marks it turns to ASCII, and when it says nothing."""

from __future__ import annotations

from aigc_roi.model.ime_marks import SEPARATORS, ime_slip

NAMES = {"a", "b", "c", "A，B"}


def _two_names(text: str) -> bool:
    """A --grid of two names, each one of NAMES."""
    parts = text.split(",")
    return len(parts) == 2 and all(part in NAMES for part in parts)


def test_nothing_without_a_mark_or_where_the_text_reads() -> None:
    assert ime_slip("a;b", SEPARATORS, _two_names) is None
    assert ime_slip("A，B,a", SEPARATORS, _two_names) is None


def test_the_name_s_own_mark_stays() -> None:
    assert ime_slip("A，B，a", SEPARATORS, _two_names) == "full-width '，' (IME input): write A，B,a"
    assert ime_slip("a，A，B", SEPARATORS, _two_names) == "full-width '，' (IME input): write a,A，B"


def test_every_mark_replaced_where_all_are_slips_and_none_where_no_reading_fits() -> None:
    assert ime_slip("a、b", SEPARATORS, _two_names) == "full-width '、' (IME input): write a,b"
    assert ime_slip("x，y", SEPARATORS, _two_names) is None


def test_past_six_marks_only_all_of_them_are_tried() -> None:
    def seven(text: str) -> bool:
        return text.count(",") == 7

    def six(text: str) -> bool:
        return text.count(",") == 6

    typed = "a" + "，a" * 7
    assert ime_slip(typed, SEPARATORS, seven) == f"full-width '，' (IME input): write {typed.replace('，', ',')}"
    # 7 marks: which 6 of them were meant is not guessed.
    assert ime_slip(typed, SEPARATORS, six) is None
    assert ime_slip(typed[:-2], SEPARATORS, six) == f"full-width '，' (IME input): write {typed[:-2].replace('，', ',')}"
