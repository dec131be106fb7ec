"""The hour of the day a cell holds, ``HH:MM``: an hour column's (``hour``) or a date cell's time (``clock``).

An hour cell is read as a platform writes it (the Tencent Ads API's ``0`` to ``23``, a console's ``13:00`` and
``13:00-14:00``, Meta's ``00:00:00 - 00:59:59``, a date with its hour ``2025-03-01 13:00:00``) or as Excel saves a
time (``13:00:00``; in English ``1:00:00 PM``, ``1:00 PM``, ``1 PM``; in Chinese ``13时00分``, ``下午1:00``,
``下午1时00分``). Anything else is refused, not read by its first digits: ``1 PM`` read so was 01:00, and ``1.5``,
``13 PM`` or ``下午1点`` (typed, no program's) would be a guess.
"""

from __future__ import annotations

import datetime
import re
from functools import lru_cache

from aigc_roi.reader.exports.cells import CellError, blank, day, kept_text, shown

_TIME = re.compile(r"[ T](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$")
"""The time after a date's text (``2025-03-01 01:00``, ``2025/3/1 1:00:00``, ``2025-03-01T01:00:00``)."""
_SERIAL_TIME = re.compile(r"\d{5}\.\d+")
"""An Excel date serial with a fraction, the time of day."""
_AT = re.compile(r"(上午|下午)?\s*(\d{1,2})(?:[:：](\d{2})(?:[:：](\d{2})(?:\.\d+)?)?|时(?:(\d{1,2})分(?:(\d{1,2})秒)?)?)?"
                 r"(?:\s*([AaPp])\.?[Mm]\.?)?")
"""One time of an hour cell: its hour, then ``:MM[:SS]`` or Chinese Excel's ``时[MM分[SS秒]]``, with Chinese Excel's
上午/下午 before it or English Excel's AM/PM after it."""
_SPAN = re.compile(r"\s*[-–—~～至]\s*")
"""What stands between the two ends of an hour written as a span (``13:00 - 14:00``)."""

EXPECTED_HOUR = "an hour such as 1, 01:00 or 01:00-02:00"


def hour(cell: object) -> str | None:
    """The hour an hour cell holds, read as ``kept_text`` (``="01:00"`` and ``'01:00`` are ``01:00``, kept as text
    the spreadsheet way); None for an empty one; ``CellError`` for a cell of no hour, which summed as one more part
    would count its money again or lose it."""
    if isinstance(cell, datetime.datetime | datetime.time):
        return f"{cell.hour:02d}:{cell.minute:02d}"
    if isinstance(cell, float) and 0 < cell < 1:
        return _of_day(cell)  # a time cell of a workbook left unformatted: a fraction of the day
    if isinstance(cell, int | float) and not isinstance(cell, bool) and float(cell).is_integer() and 0 <= cell <= 23:
        return f"{int(cell):02d}:00"
    if blank(cell):
        return None
    found = _hour_of_text(kept_text(cell))
    if found is None:
        raise CellError(EXPECTED_HOUR, shown(cell))
    return found


@lru_cache(maxsize=4096)
def _hour_of_text(text: str) -> str | None:
    """An hourly report repeats its day's 24 hours once per campaign: each text is read once."""
    start, *end = _SPAN.split(text.strip())
    at = _at(start, 23)
    if at is not None and (not end or (len(end) == 1 and _at(end[0], 24) is not None)):
        return at
    try:
        day(text)
    except CellError:
        return None
    return _clock_of_text(text)  # a date with its hour; a date alone is none


def _at(text: str, last: int) -> str | None:
    """``HH:MM`` of one time, None for none; ``last``: the latest hour it may be (24, a span's end ``24:00``)."""
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
    return f"{hours:02d}:{minutes:02d}"


def clock(cell: object) -> str | None:
    """The time of day a date cell holds, ``HH:MM``, its text kept as text read as it (``="2025-03-01 01:00"``);
    None for a date alone."""
    if type(cell) is str:
        return _clock_of_text(kept_text(cell))
    if isinstance(cell, datetime.datetime):
        return f"{cell.hour:02d}:{cell.minute:02d}"
    if isinstance(cell, float) and not cell.is_integer():
        return _of_day(cell)
    return None


@lru_cache(maxsize=4096)
def _clock_of_text(cell: str) -> str | None:
    """A daily export repeats each date once per campaign: each text is read once."""
    text = cell.strip()
    if _SERIAL_TIME.fullmatch(text):
        return _of_day(float(text))
    found = _TIME.search(text)
    return None if found is None else f"{int(found[1]):02d}:{found[2]}"


def _of_day(serial: float) -> str:
    minutes = round((serial % 1) * 24 * 60) % (24 * 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
