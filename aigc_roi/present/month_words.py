"""Months named in a sentence: "month 3" for one, "months 1-3, 7" for more (第 3 月, 第 1-3、7 月), with their calendar
months after them where the plan sets ``start``, as run names a month: "months 1-3 (2025-01..2025-03)"; and a span of
months in a table's cell or header, one rule per format (``month_span``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from aigc_roi.model.month_runs import month_runs
from aigc_roi.present.labels import label
from aigc_roi.present.numbers import month_label


def months_named(months: Sequence[int], lang: str = "en", capital: bool = False, labels: Sequence[str] = (),
                 joiner: str | None = None) -> str:
    """The months as runs (``1-3, 7``, joined by the language's list separator) after the word for month: a lone
    month is never "months 1"; then their calendar months (``with_calendar``) where ``labels``
    (Scenario.month_labels) are calendar months."""
    key = "months_named_one" if len(months) == 1 else "months_named"
    text = label(key, lang).format(months=month_runs(months, separator=label("list_separator", lang)))
    return with_calendar(text[:1].upper() + text[1:] if capital else text, months, labels, lang, joiner)


def month_span(months: Sequence[int], lang: str | None = None, labels: Sequence[str] = ()) -> str:
    """Months as a cell or a column's header writes them (docs/allocate.md, the figures shown): in the text formats
    (``lang``: the terminal, markdown, the report) ``1-3, 7`` joined by the language's list separator (``1-3、7``),
    as sentences and a file's ``months:`` write them, then their calendar months where ``labels`` are calendar
    months (``1-3 (2025-01..2025-03)``); in CSV (no ``lang``) ``1..3, 7``, where a spreadsheet would read ``1-3``
    as a date."""
    if lang is None:
        return month_runs(months, "..")
    return with_calendar(month_runs(months, separator=label("list_separator", lang)), months, labels, lang)


def with_calendar(text: str, months: Sequence[int], labels: Sequence[str], lang: str, joiner: str | None = None) -> str:
    """``text`` naming ``months``, then `` (2025-01..2025-03)`` (``（2025-01..2025-03）`` in Chinese; ``joiner``, a
    line break in a narrow cell, in place of the space); ``text`` alone where ``labels`` name no calendar (a plan
    without ``start``: ``M1`` would repeat the number)."""
    if not months or month_label(months[0], labels) is None:
        return text
    runs = labelled_runs(months, labels, label("list_separator", lang))
    if lang == "zh":
        return f"{text}{joiner or ''}（{runs}）"
    return f"{text}{' ' if joiner is None else joiner}({runs})"


def labelled_runs(months: Sequence[int], labels: Sequence[str], separator: str = ", ") -> str:
    """``2025-01..2025-03, 2025-07``: the runs of ``months`` (``1..3, 7``: a hyphen would be lost among a calendar
    month's own), each month by its label (``labelled``), the runs joined by ``separator`` (a language's list
    separator, ``2025-01..2025-03、2025-07`` in Chinese; CSV's ``, ``)."""
    return re.sub(r"\d+", lambda number: labelled([int(number.group())], labels)[0], month_runs(months, "..", separator))


def labelled(months: Sequence[int], labels: Sequence[str]) -> list[str]:
    """Each of ``months`` by its label in ``labels`` (Scenario.month_labels): its calendar month, ``2025-03``, or
    ``M3`` where the plan sets no ``start`` (or none are given), as run's months table and JSON label them."""
    return [labels[month - 1] if month <= len(labels) else f"M{month}" for month in months]
