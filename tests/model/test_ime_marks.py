"""model/ime_marks.py ime_slip: which marks it turns to ASCII, and when it says nothing."""

from __future__ import annotations

import time
from collections.abc import Callable

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


def _settings(names: set[str]) -> Callable[[str], bool]:
    """A --variant-like list of NAME.bid=1 settings, each NAME one of ``names``."""

    def reads(text: str) -> bool:
        return all(setting.endswith(".bid=1") and setting.removesuffix(".bid=1") in names for setting in text.split(","))

    return reads


def test_a_name_s_mark_is_kept_before_the_most_marks_are_written_as_ascii() -> None:
    # With every mark as ASCII the text reads too, as the path past an unknown key '[K]' of the file would.
    def reads(text: str) -> bool:
        return text in ("【K】.bid=20", "[K].bid=20")

    assert ime_slip("【K】.bid＝20", "＝【】", reads) == "full-width '【', '】', '＝' (IME input): write [K].bid=20"
    assert ime_slip("【K】.bid＝20", "＝【】", reads, ["【K】", "x"]) == "full-width '＝' (IME input): write 【K】.bid=20"


def test_past_six_marks_those_of_one_kind_and_side_of_a_name_go_together() -> None:
    typed = "，".join(["A，B.bid=1"] * 4)  # seven '，', four of them the name's
    written = ",".join(["A，B.bid=1"] * 4)
    assert ime_slip(typed, SEPARATORS, _settings({"A，B"})) is None  # the name unknown: all seven, which do not read
    assert ime_slip(typed, SEPARATORS, _settings({"A，B"}), ["A，B"]) == f"full-width '，' (IME input): write {written}"


def test_a_long_text_is_read_a_bounded_number_of_times() -> None:
    # 10,000 characters, some 2,000 marks of four kinds, inside and outside names, and no reading: 2**6 readings at most.
    typed = ("，".join(["A，B。bid＝1、C。D.bid=1"] * 400) + "，z.bid=1")[:10_000]
    readings = []

    def reads(text: str) -> bool:
        readings.append(text)
        return False

    started = time.perf_counter()
    assert ime_slip(typed, SEPARATORS + "。＝", reads, ["A，B", "C。D"]) is None
    assert len(readings) <= 64
    assert time.perf_counter() - started < 0.5
