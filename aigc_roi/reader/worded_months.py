"""Months of the plan written the Chinese way, or as a plan's slides name them, where the format takes their numbers
alone (docs/formulas.md §12): ``6月``, ``第6个月``, ``M6``, a span of them (``3月-6月``, ``3月至6月``, ``3-6月``,
``第3-6个月``, ``M3-M6``, ``前6个月``, in Chinese numerals too: ``三月-六月``), a span to the plan's end (``后6个月``,
``3月起``, ``从3月起``, ``3月以后``: the plan's horizon is its end) or a list in one text (``3月、4月``).
None of them is read: each is told the ASCII form the format reads (``write 3-6``), so the file stays invalid until
it says which months it means. Where a span is written in a place that takes one month (a ``by_month`` key, a list's
item, a gate's month) it is told what that place takes instead (keys 3 and 6, the months one by one, one month)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from aigc_roi.model.ime_marks import DIGIT_TWINS, SPAN_SLIPS
from aigc_roi.reader.calendar_words import calendar_months
from aigc_roi.reader.chinese_numerals import DIGITS, numeral_value
from aigc_roi.reader.key_holds import clashes, span_holds
from aigc_roi.reader.month_lengths import is_length, length_hint
from aigc_roi.reader.numbers import whole_number

ONE_MONTH = "a month of the plan is its number alone"
SOME_MONTHS = "months of the plan are their numbers alone"

_NUMBER = rf"[0-9０-９]{{1,3}}|[{DIGITS}十两]{{1,3}}"
"""A month's number in digits (ASCII or full-width) or in Chinese numerals (三, 两, 十二, 二十四)."""
_MONTH = r"(?P<{0}prefix>第|[Mm])?\s*(?P<{0}number>" + _NUMBER.replace("{", "{{").replace("}", "}}") + \
    r")\s*(?P<{0}unit>个月|月份?)?"
_ONE = re.compile(r"\s*" + _MONTH.format("") + r"\s*")
_SPAN = re.compile(r"\s*(?:" + _MONTH.format("a") + rf")\s*(?:-|\.\.|{SPAN_SLIPS})\s*(?:"
                   + _MONTH.format("b") + r")\s*")
"""Two months with any of the marks a span of months is slipped with (MonthSet's slips) or the words 至, 到."""
_FIRST = re.compile(rf"\s*(?:前|头)\s*(?P<number>{_NUMBER})\s*(?P<unit>个月|月)\s*")
"""``前6个月``, ``头两个月``, the plan's first six (two) months."""
_TO_END = re.compile(r"\s*(?:从|自)?\s*" + _MONTH.format("") + r"\s*(?:起|开始|以后|之后|往后|后)\s*")
"""``3月起``, ``从3月起``, ``3月以后``, ``从第3个月开始``: month 3 to the plan's end (以后 read as from, as it is said)."""
_LAST = re.compile(rf"\s*(?:最后|后|末)\s*(?P<number>{_NUMBER})\s*(?P<unit>个月|月)\s*")
"""``后6个月``, ``最后六个月``: the plan's last six months."""
_LIST_MARKS = re.compile(r"\s*[,，、;；]\s*")


@dataclass(frozen=True)
class _Part:
    first: int
    last: int
    marked: bool
    """Written with 月, 第 or M: a text none of whose parts is marked is a plain one, told elsewhere."""
    counted: bool
    """Counted in the plan's months (第, M, 个月, 前): never a calendar month."""
    none: bool = False
    """Names no month at all (``前0个月``, the first none): no reading is told."""
    to_end: bool = False
    """Runs to the plan's end (``3月起``, ``后6个月``): its last is the horizon, not a calendar month."""
    more: int = 0
    """The months ``后N个月`` asks for where the plan has fewer (N past the horizon): no reading is told."""


PLACES = ("span", "one", "key", "item")
"""Where a month is written: a field that takes a span or a list (a channel's ``months``), one that takes one month
(a gate's, a milestone's, --reach), a ``by_month`` key, or an item of a list of months."""
ONE_NOT_A_SPAN = "this is one month, not a span"
_HEADS = {
    "span": SOME_MONTHS,
    "one": f"{ONE_MONTH}, and {ONE_NOT_A_SPAN}",
    "key": "a by_month key is one month, not a span",
    "item": "a list holds single months, not a span",
}
"""What a span is told in each place, before what to write there."""
_PLAIN_HEADS = _HEADS | {"one": ONE_NOT_A_SPAN}
"""What a span of plain numbers (``3-6``, ``3..6``) is told where one month is written: its months are numbers
already, so only that the place takes one of them."""


def _written(place: str, low: int, high: int) -> str:
    """A span of the plan's months as ``place`` takes it: the span itself, one month of it, its two ends as keys
    (with one value, by_month holds it between them), or its months one by one in the item's place; a span of one
    month (``12月起`` in a plan of 12) as that month."""
    if low == high:
        return f"{low} in its place" if place == "item" else str(low)
    if place == "one":
        return f"{low} or {high}" if high == low + 1 else f"one month of {low} to {high}"
    if place == "key":
        return f"keys {low} and {high}"
    if place == "item":
        return ", ".join(str(month) for month in range(low, high + 1)) + " in its place"
    return f"{low}-{high}"


def worded_hint(text: str, start: tuple[int, int] | None, spans: bool, last: int, horizon: bool = True,
                place: str = "one", keys: frozenset[int] | None = None) -> str | None:
    """What to write for ``text``, a month, a span of months or a list of months written with 月, 第 or M; None for
    any other text. ``spans``: the field takes a span or a list (a channel's ``months``), else one month written in
    ``place`` (PLACES: one month, a by_month key, a list's item), where a span is told what the place takes.
    ``start`` is the plan's (year, month), None where it has none. ``last`` is the last month the field takes (the
    horizon, or the month before it: ``horizon`` False): a reading outside 1..last is no text to write, which the
    file would refuse in turn, so it is told past the horizon (or before month 1) instead; where no reading fits,
    nothing is told to write. ``keys``: a by_month key's, the months its schedule keys by number (key_holds.py)."""
    place = "span" if spans else place
    length = length_hint(text, place, last, horizon, keys)
    if length is not None:
        return length
    end = last if horizon else last + 1
    pieces = _LIST_MARKS.split(text)
    words = calendar_months(text)
    parts = ([_Part(first, then, True, False) for first, then in words] if words is not None else
             [_part(piece, end) for piece in pieces] if len(pieces) > 1 else [_part(text, end)])
    if any(part is None for part in parts):
        return None
    known = [part for part in parts if part is not None]
    # A span of plain numbers (3-6) is a channel's months as written; where one month is written (a gate's, a
    # milestone's, --reach, a by_month key, a list's item) it is told what the place takes, never the general
    # ``low..high`` of a range (numbers.py), which such a field refuses in turn.
    plain = not spans and len(known) == 1 and known[0].first != known[0].last
    if not any(part.marked for part in known) and not plain:
        return None
    if any(part.none for part in known):
        return None
    # The plan's last month (后1个月) is one month; 12月起 may be calendar months to the end.
    spanned = any(part.first != part.last or part.to_end and not part.counted for part in known)
    bound = f"the horizon of {last} months" if horizon else f"month {last}, the last this takes"
    if len(known) == 1 and known[0].more:
        return f"{_HEADS[place]}; the plan has {end} months, not {known[0].more}"
    if len(known) == 1 and not spanned:
        return _one_hint(known[0], start, last, bound, keys if place == "key" else None)
    if not spans and len(known) > 1:
        return f"{ONE_MONTH}, and this is one month, not a list"
    if len(known) > 1 and spanned:
        return f"{SOME_MONTHS}: a list of months or one span first-last, not spans in a list"
    calendar = _calendar(known, start, end)
    if len(known) == 1:
        return _span_hint(known[0], calendar, start, last, bound, place,
                          _HEADS if known[0].marked else _PLAIN_HEADS, keys, horizon)
    listed = [part.first for part in known]
    counted = sorted(month for month, _ in calendar) if calendar is not None else None
    named = ", ".join(str(month) for month in listed[:-1]) + f" and {listed[-1]}"
    readings, notes = [], []
    # 3个月、6个月: 个月 counts a length (6个月 is six months long, month_lengths.py), so a list of them may be months
    # 3 and 6 (第3个月、第6个月) or lengths, no month of the plan: the months are offered as a reading, not as the text.
    lengths = [piece.strip() for piece in pieces if is_length(piece)]
    if lengths:
        notes.append(f"{lengths[0]} is a length of months, not a month" if len(lengths) == 1 else
                     f"{', '.join(lengths[:-1])} and {lengths[-1]} are lengths of months, not months")
    if _within(listed, last):
        readings.append(f"{_listed(listed)} if it means the plan's months {named}")
    else:
        notes.append(f"months {_listed(listed)} are {_outside(listed, bound)}")
    if counted is not None and counted != listed:
        told = f"calendar months {named} (start {_month_text(start)} is month 1)"
        if _within(counted, last):
            readings.append(f"{_listed(counted)} if it means {told}")
        else:
            notes.append(f"{told} are {_listed(counted)}, {_outside(counted, bound)}")
    elif readings and not lengths:
        readings[0] = _listed(listed)
    return _told(SOME_MONTHS, readings, notes)


def _span_hint(part: _Part, calendar: list[tuple[int, int]] | None, start: tuple[int, int] | None, last: int,
               bound: str, place: str, heads: dict[str, str] = _HEADS, keys: frozenset[int] | None = None,
               horizon: bool = True) -> str:
    """A span's hint: the plan's months it names, low to high (a span written from its later month, M6-M3, runs
    between the same two, but is not reordered silently), and its calendar months where a start makes them
    others; each written as ``place`` takes it, after what ``heads`` tells a span there. ``horizon``: ``last`` is
    the horizon (where ``all`` is its months), not the month before it."""
    low, high = min(part.first, part.last), max(part.first, part.last)
    wraps = calendar is not None and calendar != [(part.first, part.last)]
    # Where one month of it is asked, those of its months within the field's range are offered (后6个月 in a gate's
    # month, of 12: 7 to 11; 0-1 there: 1), the span's ends outside it being no month to write.
    inside = place == "one" and low <= last and high >= 1
    # A span that runs past the field's last month where months run or a value starts (前30个月 of 24) is offered
    # its months within (1-24, or all), and only the months past it are told so: months 1 to 24 are not.
    clipped = place in ("span", "key") and part.first <= part.last and 1 <= low <= last < high
    bottom, top = (max(low, 1), min(high, last)) if inside or clipped else (low, high)
    if place == "one" and calendar is not None:
        calendar = [(first, min(then, last)) if first <= last else (first, then) for first, then in calendar]
    readings, notes, keyed = [], [], []
    if part.to_end and part.first > part.last:
        notes.append(f"month {part.first} is {_outside([part.first], bound)}")
    elif part.first > part.last and not wraps:
        notes.append(f"a span runs low to high, not {part.first}-{part.last}")
    if part.first > part.last and (wraps or part.to_end):
        pass  # 11月-2月 from a March start: November to the next February, its calendar reading alone.
    elif _within([bottom, top], last):
        written = _written(place, bottom, top) + (" or all" if clipped and place == "span" and bottom == 1 and horizon
                                                  else "")
        ends = (bottom, top) if clipped else (low, high)
        readings.append(f"{written} if it means the plan's months {ends[0]} to {ends[1]}")
        keyed.append((bottom, top))
        if clipped:
            notes.append(_past(last + 1, high, bound))
    elif 1 <= low <= last < high:
        notes.append(_past(last + 1, high, bound))
    else:
        notes.append(f"months {low} to {high} are {_outside([low, high], bound)}")
    if calendar is not None and wraps:
        first, then = calendar[0]
        named = f"month {part.first} on" if part.to_end else f"months {part.first} to {part.last}"
        told = f"calendar {named} (start {_month_text(start)} is month 1)"
        if first <= then and _within([first, then], last):
            readings.append(f"{_written(place, first, then)} if it means {told}")
            keyed.append((first, then))
        elif part.to_end:
            notes.append(f"{told} begins at month {first}, {_outside([first], bound)}")
        else:
            if part.first > part.last:
                notes.append(f"a span runs low to high, not {part.first}-{part.last}")
            notes.append(f"{told} are months {first} to {then}, {_outside([first, then], bound)}")
    elif len(readings) == 1:
        readings[0] = readings[0].partition(" if it means ")[0]
    if place == "key" and any(first != then for first, then in keyed):
        # Why a span's two ends as keys say it, and what by_month makes of the months around them (key_holds.py),
        # the keys around each reading where there are two.
        notes.append(span_holds(keyed, last, keys))
    return _told(heads[place], readings, notes)


def _past(first: int, last: int, bound: str) -> str:
    """The months of a span past the field's last month, ``first`` (the month after it) to ``last``."""
    return f"month {first} is past {bound}" if first == last else f"months {first} to {last} are past {bound}"


def _told(head: str, readings: list[str], notes: list[str]) -> str:
    """The hint: what to write, each reading within the field's range, then each note after a "; " (translated on
    its own, messages_zh.py); where no reading fits, the notes alone."""
    written = f"{head}: write {' or '.join(readings)}" if len(readings) < 2 else (
        f"{head}: write {readings[0]}, or {readings[1]}")
    return "; ".join([written if readings else head, *notes])


def _within(months: list[int], last: int) -> bool:
    return all(1 <= month <= last for month in months)


def _outside(months: list[int], bound: str) -> str:
    """Where months outside the field's range lie: before month 1, or past the horizon (or the field's last)."""
    return "before month 1" if min(months) < 1 else f"past {bound}"


def span_keys(text: str, start: tuple[int, int] | None, horizon: int) -> list[tuple[int, int, str]] | None:
    """The two months a span written as one ``by_month`` key names (``3-6``, ``3月-6月``, ``M3-M6``), as (low, high,
    the reading in words) for each reading within 1..``horizon``: the plan's months, and the calendar's where a
    ``start`` makes them others (``3月-6月`` from a March start: 1 to 4), as ``_span_hint`` tells them; None for a
    text that is no span of months (one month, a length, a list, no month at all). Its two ends are keys the file
    reads (docs/formulas.md §14: one value at both holds between them)."""
    if is_length(text):
        return None
    part = _part(text, horizon)
    if part is None or part.first == part.last or part.none or part.more:
        return None
    low, high = min(part.first, part.last), max(part.first, part.last)
    calendar = _calendar([part], start, horizon)
    wraps = calendar is not None and calendar != [(part.first, part.last)]
    readings = []
    # 11月-2月 from a March start: its calendar reading alone, as _span_hint tells it.
    if _within([low, high], horizon) and not (part.first > part.last and (wraps or part.to_end)):
        readings.append((low, high, f"the plan's months {low} to {high}"))
    if calendar is not None and wraps:
        first, then = calendar[0]
        named = f"month {part.first} on" if part.to_end else f"months {part.first} to {part.last}"
        if first <= then and _within([first, then], horizon):
            readings.append((first, then, f"calendar {named} (start {_month_text(start)} is month 1)"))
    return readings


def month_readings(text: str, start: tuple[int, int] | None, horizon: int) -> list[tuple[int, str]] | None:
    """The months of the plan one month written in words names (``6月``, ``M6``, ``第6个月``), as (month, the reading in
    words) for each reading within 1..``horizon``: the plan's month, and the calendar's where a ``start`` makes it
    another (``6月`` from a March start: 4), as ``_one_hint`` tells them; None for a text that is no such month (a
    number alone, a span, a length, no month at all). A --set of that month offers each as a key the file reads."""
    part = _part(text)
    if part is None or part.first != part.last or not part.marked or part.none or is_length(text):
        return None
    number = part.first
    readings = [(number, f"the plan's month {number}")] if 1 <= number <= horizon else []
    if not (start is None or part.counted or not 1 <= number <= 12 or start[1] == 1):
        counted = (number - start[1]) % 12 + 1
        if counted <= horizon:
            readings.append((counted, f"calendar month {number} (start {_month_text(start)} is month 1)"))
    return readings


def counted_month(text: str) -> str | None:
    """The month of the plan ``text`` names alone, as a key the format reads: a whole number (``6``, ``６``) or one
    counted in the plan's months (``M3``, ``第3个月``: ``3``); None for any other (``6月`` may be June, a date needs
    the start, a span is no month, ``6个月`` is a length)."""
    number = whole_number(text)
    if number is not None:
        return str(number)
    part = _part(text)
    if part is None or part.first != part.last or not part.counted or part.none or is_length(text):
        return None
    return str(part.first)


def _part(text: str, end: int | None = None) -> _Part | None:
    """The months ``text`` names; a span to the plan's ``end`` (its horizon) only where one is given."""
    one = _ONE.fullmatch(text)
    if one:
        number = _number(one["number"])
        if number is None:
            return None
        return _Part(number, number, bool(one["prefix"] or one["unit"]), bool(one["prefix"]) or one["unit"] == "个月")
    first = _FIRST.fullmatch(text)
    if first:
        number = _number(first["number"])
        return None if number is None else _Part(1, number, True, True, none=number == 0)
    if end is not None:
        return _to_end(text, end)
    return _span(text)


def _to_end(text: str, end: int) -> _Part | None:
    """``后6个月``, the plan's last six months (months 7 to 12 of 12), or ``3月起``, month 3 to the plan's end; a span
    of two months where it is neither."""
    tail = _LAST.fullmatch(text)
    if tail:
        number = _number(tail["number"])
        if number is None:
            return None
        return _Part(end - number + 1, end, True, True, none=number == 0, to_end=True,
                     more=number if number > end else 0)
    # 3个月以后 is the time after a length (month_lengths.py tells it): only 月, 第 or M marks a month here.
    since = _TO_END.fullmatch(text)
    if since is None or (since["unit"] == "个月" and not since["prefix"]) or not (since["prefix"] or since["unit"]):
        return _span(text)
    number = _number(since["number"])
    counted = bool(since["prefix"]) or since["unit"] == "个月"
    return None if number is None else _Part(number, end, True, counted, to_end=True)


def _span(text: str) -> _Part | None:
    span = _SPAN.fullmatch(text)
    if span is None:
        return None
    marks = (span["aprefix"], span["aunit"], span["bprefix"], span["bunit"])
    counted = bool(span["aprefix"] or span["bprefix"]) or "个月" in (span["aunit"], span["bunit"])
    low, high = _number(span["anumber"]), _number(span["bnumber"])
    return None if low is None or high is None else _Part(low, high, any(marks), counted)


def _calendar(parts: list[_Part], start: tuple[int, int] | None, end: int) -> list[tuple[int, int]] | None:
    """Which months of the plan the parts are if their 月 names calendar months (a span's last in the year after its
    first where it comes before it: 11月-2月; a span to the plan's ``end`` ends there); None where none can be: no
    start, a January start (each calendar month of the first year is the plan's month of its number), a part counted
    in the plan's months or a month past 12."""
    if start is None or start[1] == 1 and all(part.first <= part.last for part in parts):
        return None
    if not any(part.marked for part in parts):  # 3-6 in a list, no 月: the plan's months alone.
        return None
    if any(part.counted or not 1 <= part.first <= 12 or not (part.to_end or 1 <= part.last <= 12) for part in parts):
        return None
    months = []
    for part in parts:
        first, last = (part.first - start[1]) % 12 + 1, (part.last - start[1]) % 12 + 1
        months.append((first, end) if part.to_end else (first, last + 12 if last < first else last))
    return months


def _one_hint(part: _Part, start: tuple[int, int] | None, last: int, bound: str,
              keys: frozenset[int] | None = None) -> str:
    """``6月`` is the plan's sixth month or June: where a plan starting in another month than January makes them
    differ, both are told (a silently wrong month is worse than a longer hint); ``第6个月``, ``6个月`` and ``M6``
    count the plan's months. A reading outside 1..last is told where it lies, not written."""
    number = part.first
    readings, notes, months = [], [], []
    if 1 <= number <= last:
        readings.append(f"{number} if it means the plan's month {number}")
        months.append(number)
    else:
        notes.append(f"month {number} is {_outside([number], bound)}")
    if not (start is None or part.counted or not 1 <= number <= 12 or start[1] == 1):
        counted = (number - start[1]) % 12 + 1
        told = f"calendar month {number} (start {_month_text(start)} is month 1)"
        if counted <= last:
            readings.append(f"{counted} if it means {told}")
            months.append(counted)
        else:
            notes.append(f"{told} is month {counted}, past {bound}")
    elif len(readings) == 1:
        readings[0] = str(number)
    # A by_month key's month its schedule keys already ({1: 30, 第6个月: 20, 6: 25}): write 6 alone was refused once
    # followed, as a duplicate key.
    notes += [note for month in dict.fromkeys(months) for note in clashes(month, month, keys)]
    return _told(ONE_MONTH, readings, notes)


def _listed(months: list[int]) -> str:
    return "[" + ", ".join(str(month) for month in months) + "]"


def _number(text: str) -> int | None:
    """A month's number written in digits or in Chinese numerals (三 3, 两 2, 十二 12, 二十四 24); None for numerals
    that make no number (十十)."""
    if text[0] not in DIGITS + "十两":
        return int(text.translate(DIGIT_TWINS))
    return numeral_value(text)


def _month_text(date: tuple[int, int] | None) -> str:
    return "" if date is None else f"{date[0]}-{date[1]:02d}"
