"""What a header no shape recognises is told, in one line a reader can act on.

Listing every shape's every header made that line kilobytes long, the few words that mattered lost in it. Where
some of the header's cells are a shape's columns, or all but spelled so (``Kampange`` for Google's German
``Kampagne``), that shape is the one the export meant: the line names it and the columns it still lacks, each by the
headers the shape reads it from (``a Google Ads export needs its spend column (Cost|Kosten|...)``). Otherwise the
line names the shapes known and where docs/actuals.md lists their columns.

The nearest shape is the one that needs the fewest columns more: a sheet of one's own in common English words
(``Day,Campaign,Spend,Impressions,Clicks,Installs``) shares four of them with Apple Ads' shape, which would still
need its campaign column and its own (Taps), but lacks only the generic CSV's ``date`` or Google's ``Cost``. Where a
platform's shape and a shape of no platform's (the generic CSV) need as few, either may be the one meant: both are
named. A shape with all but its date column is told so only where no column holds dates: a report that has them
under another name (``Datum``) is told the names its dates are read from, one that writes them in parts (``Year``,
``Month``, ``Day of month``) to join them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from difflib import get_close_matches
from itertools import islice

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.model.names import listed
from aigc_roi.reader.exports.cells import shown
from aigc_roi.reader.exports.periods import day_of_month, days_column, period_of
from aigc_roi.reader.exports.platforms import PLATFORMS, Platform, alternatives, known_in, undated
from aigc_roi.reader.exports.units import split_header

_NEAR = 2
"""Cells a shape must know, or nearly, to be the one an export meant: one alone (``date``, ``Cost``) is every
spreadsheet's word."""

_ALIKE = 0.85
"""How alike (difflib's ratio) a cell's name and a header's must be for the one to be taken for a misspelling of the
other: ``Kampange`` and ``Kampagne`` are 0.875 alike; a generic sheet's ``campaign`` is 0.8 alike Meta's ``Campaign
name``, a word of its own."""

_FIELDS = (("date", "date column"), ("spend", "spend column"), ("campaign", "campaign column"))


def unknown_header(header: list[str], rows: Sequence[Sequence[object]] = ()) -> str:
    """``expected ..., found ...`` for a header no shape recognises: where one shape's columns are there but its
    date, that shape and either the column of ``rows`` (the first rows under the header) that holds dates, to be named
    as the shape's date column, or, where none does, why a report lacks one (not broken down by day); else the nearest
    shapes and what they lack; else the shapes known."""
    cells = [cell.strip().lstrip("\ufeff") for cell in header if cell.strip()]
    found = listed(cells) or "no column names"
    undated_as = undated(header)
    if undated_as is not None and _misspelling(cells, undated_as.headers_of("date"), set()) == "":
        dates = alternatives(undated_as.headers_of("date"))
        dated = _dated_column(header, rows, known_in(header, undated_as))
        if dated is not None:
            return (f"expected the columns of a known export, found {found}; {_a(undated_as.title)} export reads its "
                    f"days from a column named {dates}, and none is: {shown(dated)} holds dates, so name it one of them")
        if any(day_of_month(cell) for cell in cells):
            # Year, Month and Day of month: the rows are days, each written in parts, no month's or year's sums.
            parts = ", ".join(shown(cell) for cell in cells if day_of_month(cell) or period_of(cell) in ("year", "month"))
            return (f"expected the columns of a known export, found {found}; {_a(undated_as.title)} export reads its "
                    f"days from a column named {dates}, and none is: {parts} write each day in parts, so join them "
                    "into one column of dates named one of them")
        return (f"expected the columns of a known export, found {found}; {_a(undated_as.title)} export needs its date "
                f"column {dates}: export the report broken down by day")
    nearest = _nearest(cells)
    if not nearest:
        titles = ", ".join(platform.title for platform in PLATFORMS)
        return (f"expected the columns of a known export ({titles}; docs/actuals.md lists their columns), "
                f"found {found}")
    (first, lacking), *other = nearest
    told = f"{_a(first.title)} export needs its {' and its '.join(lacking)}"
    if other:
        second, second_lacking = other[0]
        told += f", or {_a(second.title)} export its {' and its '.join(second_lacking)}"
    return f"expected the columns of a known export, found {found}; {told}"


def sampled(rows: Iterable[tuple[int, Sequence[object]]]) -> list[Sequence[object]]:
    """The first rows under a header no shape recognises, for ``unknown_header`` to look at; the rows a broken line
    ends before (its error is the header's first)."""
    taken: list[Sequence[object]] = []
    try:
        for _, cells in islice(rows, _SAMPLED):
            taken.append(cells)
    except ScenarioInvalid:
        pass
    return taken


_SAMPLED = 20


def _dated_column(header: list[str], rows: Sequence[Sequence[object]], known: set[str]) -> str | None:
    """The first header, none of the shape's ``known`` ones and naming no period, whose column holds dates of single
    days in ``rows`` (periods.py's ``days_column``)."""
    index = days_column(header, rows, [split_header(name)[0] for name in known])
    return None if index is None else header[index].strip().lstrip("\ufeff")


def _a(title: str) -> str:
    """``title`` after its article: an Apple Ads, a Google Ads."""
    return f"{'an' if title[0] in 'AEIOUaeiou' else 'a'} {title}"


def _nearest(cells: list[str]) -> list[tuple[Platform, list[str]]]:
    """The shape of those at least ``_NEAR`` cells are columns of, or misspell one of, that lacks the fewest columns
    (of as many, the one most are columns of, a shape that names a platform before one that names none, then the
    earlier), with what it lacks; then the best shape of the other kind (a platform's, none's) where it lacks no
    more. Empty where no shape is near or the nearest lacks nothing."""
    scored = []
    for order, platform in enumerate(PLATFORMS):
        known = known_in(cells, platform)
        near = len(known) + sum(1 for cell in cells if _misspells(cell, list(platform.columns), known))
        if near >= _NEAR:
            lacking = _lacking(platform, cells)
            scored.append(((len(lacking), -near, -len(known), platform.fallback, order), platform, lacking))
    if not scored:
        return []
    scored.sort(key=lambda item: item[0])
    (rank, best, lacking), *rest = scored
    if not lacking:
        return []
    other = next(((platform, need) for (key, platform, need) in rest
                  if platform.fallback != best.fallback and key[0] == rank[0]), None)
    return [(best, lacking)] + ([other] if other is not None else [])


def _lacking(platform: Platform, cells: list[str]) -> list[str]:
    """Each column the shape needs and the cells lack, by its headers, and the cell that misspells one of them."""
    known = known_in(cells, platform)
    parts = []
    for field, words in _FIELDS:
        headers = platform.headers_of(field) + (platform.headers_of("campaign_id") if field == "campaign" else [])
        if not known & set(headers):
            parts.append(f"{words} {alternatives(headers)}{_misspelling(cells, headers, known)}")
    evidence = list(platform.evidence)
    if evidence and not known & set(evidence):
        parts.append(f"own column, one of {alternatives(evidence)}{_misspelling(cells, evidence, known)}")
    return parts


def _misspelling(cells: list[str], headers: list[str], known: set[str]) -> str:
    """`` ('Kampange' is none of them)`` where a cell all but spells one of ``headers``; else nothing."""
    misspelt = next((cell for cell in cells if _misspells(cell, headers, known)), None)
    return "" if misspelt is None else f" ({shown(misspelt)} is none of them)"


def _misspells(cell: str, headers: list[str], known: set[str]) -> bool:
    """Whether ``cell``, read as none of the shape's ``known`` headers, all but spells one of ``headers``. One it
    spells but for a bracket is another column, no misspelling (TikTok's ``Clicks (all)`` is no ``Clicks
    (destination)``)."""
    name = split_header(cell)[0]
    names = {split_header(header)[0] for header in headers}
    if name in names or any(split_header(header)[0] == name for header in known):
        return False
    return bool(get_close_matches(name, list(names), n=1, cutoff=_ALIKE))
