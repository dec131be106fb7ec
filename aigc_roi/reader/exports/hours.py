"""The hour of the day a cell holds, ``HH:MM``: an hour column's (``hour``) or a date cell's time (``clock``).

An hour cell is read as a platform writes it (the Tencent Ads API's ``0`` to ``23``, a console's ``13:00`` and
``13:00-14:00``, Meta's ``00:00:00 - 00:59:59``, a date with its hour ``2025-03-01 13:00:00`` or ``3/1/2025 1:00:00
PM``) or as Excel saves a time (``13:00:00``; in English ``1:00:00 PM``, ``1:00 PM``, ``1 PM``; in Chinese ``13时00分``, ``下午1:00``,
``下午1时00分``). Anything else is refused, not read by its first digits: ``1 PM`` read so was 01:00, and ``1.5``,
``13 PM`` or ``下午1点`` (typed, no program's) would be a guess. An hour is a whole one: no platform reports by
the half-hour, so ``13:30`` (or a span of other than an hour) is an event's time or no hourly report's, refused
rather than summed as one more part; and a date with its hour is its row's date.
"""

from __future__ import annotations

import datetime
import re
from functools import lru_cache
from typing import NamedTuple

from aigc_roi.reader.exports.cells import EXCEL_DAY_0, CellError, blank, day, kept_text, shown
from aigc_roi.reader.exports.clock_text import split_time

_SERIAL_TIME = re.compile(r"\d{5}\.\d+")
"""An Excel date serial with a fraction, the time of day."""
_AT = re.compile(r"(上午|下午)?\s*(\d{1,2})(?:[:：](\d{2})(?:[:：](\d{2})(?:\.\d+)?)?|时(?:(\d{1,2})分(?:(\d{1,2})秒)?)?)?"
                 r"(?:\s*([AaPp])\.?[Mm]\.?)?")
"""One time of an hour cell: its hour, then ``:MM[:SS]`` or Chinese Excel's ``时[MM分[SS秒]]``, with Chinese Excel's
上午/下午 before it or English Excel's AM/PM after it."""
_SPAN = re.compile(r"\s*[-–—~～至]\s*")
"""What stands between the two ends of an hour written as a span (``13:00 - 14:00``)."""
_HOUR = 3600
_AN_HOUR_LONG = frozenset({_HOUR, _HOUR - 60, _HOUR - 1})
"""How far a span's end is after its start in an hourly report: ``13:00-14:00``, ``13:00-13:59``, ``13:00:00 -
13:59:59``."""

EXPECTED_HOUR = "an hour such as 1, 01:00 or 01:00-02:00"
_BY_HOUR = "export the report by hour"
_WITH_MINUTES = f"a time with minutes is no hourly report's (a half-hour's, an event's): {_BY_HOUR}"
_NOT_AN_HOUR = f"a span of other than an hour is no hourly report's: {_BY_HOUR}"


class _Read(NamedTuple):
    """What the text of an hour cell holds."""

    at: int
    """Its time, in seconds after midnight (a span's start)."""
    an_hour_long: bool
    """Whether a span is one hour long (a single time: True)."""
    dated: bool
    """Whether the text holds a date with the time."""


def hour(cell: object, row_day: datetime.date | None = None, day_zero: datetime.date = EXCEL_DAY_0) -> str | None:
    """The hour an hour cell holds, read as ``kept_text`` (``="01:00"`` and ``'01:00`` are ``01:00``, kept as text
    the spreadsheet way); None for an empty one; ``CellError`` for a cell of no hour, of a time that is no whole
    hour, or of a date other than ``row_day`` (a serial counted from ``day_zero``), which summed as one more part
    would count its money again, lose it or put it on another day."""
    stated: datetime.date | None = None
    if isinstance(cell, datetime.time):
        at, whole = _seconds(cell), True
    elif isinstance(cell, datetime.datetime):
        at, whole, stated = _seconds(cell.time()), True, cell.date()
    elif isinstance(cell, float) and 0 < cell < 1:
        at, whole = _of_day(cell), True  # a time cell of a workbook left unformatted: a fraction of the day
    elif isinstance(cell, int | float) and not isinstance(cell, bool) and float(cell).is_integer() and 0 <= cell <= 23:
        return f"{int(cell):02d}:00"
    elif blank(cell):
        return None
    else:
        text = kept_text(cell)
        found = _hour_of_text(text)
        if found is None:
            raise CellError(EXPECTED_HOUR, shown(cell))
        at, whole = found.at, found.an_hour_long
        stated = day(text, day_zero) if found.dated else None
    if not whole or at % _HOUR:
        raise CellError(EXPECTED_HOUR, f"{shown(cell)}; {_WITH_MINUTES if at % _HOUR else _NOT_AN_HOUR}")
    if stated is not None and row_day is not None and stated != row_day:
        raise CellError(f"an hour of the row's date {row_day}", shown(cell))
    return f"{at // _HOUR:02d}:00"


@lru_cache(maxsize=4096)
def _hour_of_text(text: str) -> _Read | None:
    """An hourly report repeats its day's 24 hours once per campaign: each text is read once."""
    start, *end = _SPAN.split(text.strip())
    at = _at(start, 23)
    if at is not None and not end:
        return _Read(at, True, False)
    close = _at(end[0], 24) if at is not None and len(end) == 1 else None
    if at is not None and close is not None:
        return _Read(at, close - at in _AN_HOUR_LONG, False)
    try:
        day(text)
    except CellError:
        return None
    found = _clock_of_text(text)
    return None if found is None else _Read(found, True, True)  # a date with its hour; a date alone is none


def _at(text: str, last: int) -> int | None:
    """The seconds after midnight of one time, None for none; ``last``: the latest hour it may be (24, a span's end
    ``24:00``)."""
    found = _AT.fullmatch(text)
    if found is None or (found[1] and found[7]):
        return None
    hours, minutes, seconds = int(found[2]), int(found[3] or found[5] or 0), int(found[4] or found[6] or 0)
    if minutes > 59 or seconds > 59:
        return None
    if found[1] or found[7]:
        if not 1 <= hours <= 12:
            return None
        hours = hours % 12 + (12 if found[1] == "下午" or (found[7] or "").lower() == "p" else 0)
    elif hours > last or (hours == 24 and minutes + seconds):
        return None
    return hours * _HOUR + minutes * 60 + seconds


def clock(cell: object) -> str | None:
    """The time of day a date cell holds, ``HH:MM``, its text kept as text read as it (``="2025-03-01 01:00"``);
    None for a date alone."""
    at: int | None = None
    if type(cell) is str:
        at = _clock_of_text(kept_text(cell))
    elif isinstance(cell, datetime.datetime):
        at = _seconds(cell.time())
    elif isinstance(cell, float) and not cell.is_integer():
        at = _of_day(cell)
    return None if at is None else f"{at // _HOUR:02d}:{at % _HOUR // 60:02d}"


@lru_cache(maxsize=4096)
def _clock_of_text(cell: str) -> int | None:
    """A daily export repeats each date once per campaign: each text is read once."""
    text = cell.strip()
    if _SERIAL_TIME.fullmatch(text):
        return _of_day(float(text))
    # The time after a date's text (``2025-03-01 01:00``, ``3/1/2025 1:00:00 PM``): clock_text.py's.
    split = split_time(text)
    return None if split is None else split[1]


def _seconds(time: datetime.time) -> int:
    return time.hour * _HOUR + time.minute * 60 + time.second + round(time.microsecond / 1e6)  # a float's 12:59:59.999


def _of_day(serial: float) -> int:
    """The seconds after midnight of a serial's fraction, to the minute (a float's 13:00 is 12:59:59.99...)."""
    minutes = round((serial % 1) * 24 * 60) % (24 * 60)
    return minutes * 60
