"""The time of day a date's text may end with, as the consoles and Excel write it: ``2025-03-01 13:00``,
``2025-03-01T13:00:00``, ``Mar 1, 2025 1:00 PM``, ``3/1/2025 1:00:00 PM``, ``3/1/2025, 1:00:00 PM``.

One grammar for the date (cells.py, which reads the text before it) and for the hour it states (hours.py): a time
of 12-hour clock reads as its 24-hour one (``1:00 PM`` is 13:00, ``12:00 AM`` midnight), and a time of no clock
(``25:00``, ``13:00 PM``) makes the whole text no date, rather than a date whose hour is dropped or guessed.
"""

from __future__ import annotations

import re
from functools import lru_cache

TIME = r"(?:(?:,? +|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?[AaPp]\.?[Mm]\.?)?)?"
"""The optional time after a date, to put in a pattern of the whole text (cells.py ``_NOT_TEXT``)."""
_AT_END = re.compile(r"(.*?)(?:,? +|T)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?: ?([AaPp])\.?[Mm]\.?)?")
_HOUR = 3600


@lru_cache(maxsize=4096)
def split_time(text: str) -> tuple[str, int | None] | None:
    """The text before the time and the time in seconds after midnight (None: the text ends in no time); None where
    it ends in a time of no clock. A daily export repeats each date once per campaign: each text is read once."""
    found = _AT_END.fullmatch(text)
    if found is None:
        return text, None
    hours, minutes, seconds = int(found[2]), int(found[3]), int(found[4] or 0)
    if minutes > 59 or seconds > 59:
        return None
    if found[5]:
        if not 1 <= hours <= 12:
            return None
        hours = hours % 12 + (12 if found[5] in "Pp" else 0)
    elif hours > 23:
        return None
    return found[1], hours * _HOUR + minutes * 60 + seconds
