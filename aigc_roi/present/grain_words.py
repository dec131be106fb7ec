"""What one row of an export stands for (``model.actuals.rows_per``) in Chinese: 每天每个计划, 每小时每个计划每个广告ID."""

from __future__ import annotations

import re
from unicodedata import east_asian_width

from aigc_roi.model.actuals import HOUR

_PHRASE = re.compile(r"(day|hour)(?: and campaign|, campaign((?:, .+?)*) and (.+))")
"""``rows_per``'s English: the time, then the finer columns, the last after ``and``."""


def grain_of(phrase: str) -> tuple[str, ...] | None:
    """The grain ``rows_per`` wrote as ``phrase``; None for another phrase."""
    found = _PHRASE.fullmatch(phrase)
    if found is None:
        return None
    columns = [*(found[2] or "").split(", ")[1:], *([found[3]] if found[3] else [])]
    return (*columns, *([HOUR] if found[1] == "hour" else []))


def grain_zh(grain: tuple[str, ...]) -> str:
    """``每天每个计划``, ``每小时每个计划每个广告ID``, ``每天每个计划每个 ad_id``: before 一行."""
    words = ["每小时" if HOUR in grain else "每天", "每个计划"]
    for column in (label for label in grain if label != HOUR):
        # A Latin header is set apart from the Chinese around it, as Chinese text sets Latin words.
        words.append("每个" + (column if east_asian_width(column[0]) in ("W", "F") else f" {column} "))
    return "".join(words).replace("  ", " ")
