"""A retention day labelled as analytics label it (D1, Day 30, 第30天, 7日, 7天, 次日) where the format writes its number.

Under ``retention.days`` the label is told the number to write (``write 1 for D1``). Under ``retention.points``,
whose keys are ages in months, such a label is a day's share written where a month's goes: 次日 45% is the share
active on day 1, not in month 1 (docs/formulas.md §4.3), so it is told that day-level shares are ``days:``, with the
days mapping its labels make where every key is one.
"""

from __future__ import annotations

import re

from aigc_roi.model.ime_marks import DIGIT_TWINS
from aigc_roi.model.limits import MIN_RETENTION_DAYS
from aigc_roi.reader.yamltree import Node, flow_text

_DAY_LABEL = re.compile(r"\s*(?:(?:[Dd](?:ay)?[ _-]?|第)(?P<prefixed>[0-9０-９]{1,4})\s*[天日]?"
                        r"|(?P<suffixed>[0-9０-９]{1,4})\s*[天日])\s*")
"""A day as analytics label it: D1, d7, Day 30, day_30, 第30天; 7日, 30天 (7日留存 is D7 retention)."""

_NEXT_DAY = frozenset({"次日", "次留"})
"""The day after joining, day 1 (次日留存)."""


def labelled_day(key: str) -> int | None:
    """The day a labelled key names (``D7``, ``7日``: 7; ``次日``: 1); None for any other key, a bare number included."""
    if key.strip() in _NEXT_DAY:
        return 1
    match = _DAY_LABEL.fullmatch(key)
    if match is None:
        return None
    return int((match["prefixed"] or match["suffixed"]).translate(DIGIT_TWINS))


def points_day_hint(key: str, points: Node) -> str | None:
    """What a ``retention.points`` key that labels a day is told: that day-level shares are ``days:``, with the
    mapping to write where every key of ``points`` labels a day (enough of them for a fit); None for a key that
    labels no day."""
    day = labelled_day(key)
    if day is None:
        return None
    head = f"{key.strip()} is day {day}, not an age in months: day-level retention is written as days:"
    days = {labelled_day(written): entry.value for written, entry in points.value.items()}
    if None in days or len(days) != len(points.value) or len(days) < MIN_RETENTION_DAYS:
        return f"{head} such as {{1: 45%, 7: 22%, 30: 12%}}, with at least {MIN_RETENTION_DAYS} days"
    return head + " {" + ", ".join(f"{number}: {flow_text(value)}" for number, value in sorted(days.items())) + "}"
