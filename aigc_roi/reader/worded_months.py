"""Months of the plan written the Chinese way, or as a plan's slides name them, where the format takes their numbers
alone (docs/formulas.md §19): ``6月``, ``第6个月``, ``M6``, a span of them (``3月-6月``, ``3月至6月``, ``3-6月``,
``第3-6个月``, ``M3-M6``, ``前6个月``) or a list in one text (``3月、4月``). None of them is read: each is told the
ASCII form the format reads (``write 3-6``), so the file stays invalid until it says which months it means."""

from __future__ import annotations

import re
from dataclasses import dataclass

from aigc_roi.model.ime_marks import DASHES, DIGIT_TWINS

ONE_MONTH = "a month of the plan is its number alone"
SOME_MONTHS = "months of the plan are their numbers alone"

_MONTH = r"(?P<{0}prefix>第|[Mm])?\s*(?P<{0}number>[0-9０-９]{{1,3}})\s*(?P<{0}unit>个月|月份?)?"
_ONE = re.compile(r"\s*" + _MONTH.format("") + r"\s*")
_SPAN = re.compile(r"\s*(?:" + _MONTH.format("a") + rf")\s*(?:-|\.\.|[~～〜{DASHES}至到])\s*(?:"
                   + _MONTH.format("b") + r")\s*")
"""Two months with any of the marks a span of months is slipped with (MonthSet's slips) or the words 至, 到."""
_FIRST = re.compile(r"\s*前\s*(?P<number>[0-9０-９]{1,3})\s*(?P<unit>个月|月)\s*")
"""``前6个月``, the plan's first six months."""
_LIST_MARKS = re.compile(r"\s*[,，、;；]\s*")


@dataclass(frozen=True)
class _Part:
    first: int
    last: int
    marked: bool
    """Written with 月, 第 or M: a text none of whose parts is marked is a plain one, told elsewhere."""
    counted: bool
    """Counted in the plan's months (第, M, 个月, 前): never a calendar month."""


def worded_hint(text: str, start: tuple[int, int] | None, spans: bool) -> str | None:
    """What to write for ``text``, a month, a span of months or a list of months written with 月, 第 or M; None for
    any other text. ``spans``: the field takes a span or a list (a channel's ``months``), else one month.
    ``start`` is the plan's (year, month), None where it has none."""
    pieces = _LIST_MARKS.split(text)
    parts = [_part(piece) for piece in pieces] if len(pieces) > 1 else [_part(text)]
    if any(part is None for part in parts):
        return None
    known = [part for part in parts if part is not None]
    if not any(part.marked for part in known):
        return None
    spanned = any(part.first != part.last for part in known)
    if len(known) == 1 and not spanned:
        return _one_hint(known[0], start)
    if not spans:
        return f"{ONE_MONTH}, and this is one month, not a {'list' if len(known) > 1 else 'span'}"
    if len(known) > 1 and spanned:
        return f"{SOME_MONTHS}: a list of months or one span first-last, not spans in a list"
    calendar = _calendar(known, start)
    if len(known) == 1:
        plan = known[0].first, known[0].last
        written = f"{plan[0]}-{plan[1]}" if plan[0] <= plan[1] else ""
        if calendar is None or calendar == [plan]:
            # A span written from its later month (M6-M3) runs between the same two: the one way the format reads it.
            return f"{SOME_MONTHS}: write {written or f'{plan[1]}-{plan[0]}'}"
        first, last = calendar[0]
        told = f"{first}-{last} if it means calendar months {plan[0]} to {plan[1]} (start {_month_text(start)} is month 1)"
        if not written:
            return f"{SOME_MONTHS}: write {told}"
        return f"{SOME_MONTHS}: write {written} if it means the plan's months {plan[0]} to {plan[1]}, or {told}"
    listed = [part.first for part in known]
    written = _listed(listed)
    if calendar is None or [month for month, _ in calendar] == listed:
        return f"{SOME_MONTHS}: write {written}"
    counted = _listed(sorted(month for month, _ in calendar))
    named = ", ".join(str(month) for month in listed[:-1]) + f" and {listed[-1]}"
    return (f"{SOME_MONTHS}: write {written} if it means the plan's months {named}, or {counted} if it means calendar "
            f"months {named} (start {_month_text(start)} is month 1)")


def _part(text: str) -> _Part | None:
    one = _ONE.fullmatch(text)
    if one:
        number = _number(one["number"])
        return _Part(number, number, bool(one["prefix"] or one["unit"]), bool(one["prefix"]) or one["unit"] == "个月")
    first = _FIRST.fullmatch(text)
    if first:
        return _Part(1, _number(first["number"]), True, True)
    span = _SPAN.fullmatch(text)
    if span is None:
        return None
    marks = (span["aprefix"], span["aunit"], span["bprefix"], span["bunit"])
    counted = bool(span["aprefix"] or span["bprefix"]) or "个月" in (span["aunit"], span["bunit"])
    return _Part(_number(span["anumber"]), _number(span["bnumber"]), any(marks), counted)


def _calendar(parts: list[_Part], start: tuple[int, int] | None) -> list[tuple[int, int]] | None:
    """Which months of the plan the parts are if their 月 names calendar months (a span's last in the year after its
    first where it comes before it: 11月-2月); None where none can be: no start, a January start (each calendar
    month of the first year is the plan's month of its number), a part counted in the plan's months or a month
    past 12."""
    if start is None or start[1] == 1 and all(part.first <= part.last for part in parts):
        return None
    if any(part.counted or not 1 <= part.first <= 12 or not 1 <= part.last <= 12 for part in parts):
        return None
    months = []
    for part in parts:
        first, last = (part.first - start[1]) % 12 + 1, (part.last - start[1]) % 12 + 1
        months.append((first, last + 12 if last < first else last))
    return months


def _one_hint(part: _Part, start: tuple[int, int] | None) -> str:
    """``6月`` is the plan's sixth month or June: where a plan starting in another month than January makes them
    differ, both are told (a silently wrong month is worse than a longer hint); ``第6个月``, ``6个月`` and ``M6``
    count the plan's months."""
    number = part.first
    written = f"{ONE_MONTH}: write {number}"
    if start is None or part.counted or not 1 <= number <= 12 or start[1] == 1:
        return written
    counted = (number - start[1]) % 12 + 1
    return (f"{written} if it means the plan's month {number}, or {counted} if it means calendar month {number} "
            f"(start {_month_text(start)} is month 1)")


def _listed(months: list[int]) -> str:
    return "[" + ", ".join(str(month) for month in months) + "]"


def _number(text: str) -> int:
    return int(text.translate(DIGIT_TWINS))


def _month_text(date: tuple[int, int] | None) -> str:
    return "" if date is None else f"{date[0]}-{date[1]:02d}"
