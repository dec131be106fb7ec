"""What a header no shape recognises is told, in one line a reader can act on.

Listing every shape's every header made that line kilobytes long, the few words that mattered lost in it. Where
some of the header's cells are a shape's columns, or all but spelled so (``Kampange`` for Google's German
``Kampagne``), that shape is the one the export meant: the line names it and the columns it still lacks, each by the
headers the shape reads it from (``a Google Ads export needs its spend column (Cost|Kosten|...)``). Otherwise the
line names the shapes known and where docs/actuals.md lists their columns.
"""

from __future__ import annotations

from difflib import get_close_matches

from aigc_roi.model.names import listed
from aigc_roi.reader.exports.cells import shown
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


def unknown_header(header: list[str]) -> str:
    """``expected ..., found ...`` for a header no shape recognises: where one shape's columns are there but its
    date, that shape and why a report lacks it (not broken down by day), the fix of every such export; else the
    nearest shape and what it lacks; else the shapes known."""
    cells = [cell.strip().lstrip("\ufeff") for cell in header if cell.strip()]
    found = listed(cells) or "no column names"
    undated_as = undated(header)
    if undated_as is not None and _misspelling(cells, undated_as.headers_of("date"), set()) == "":
        return (f"expected the columns of a known export, found {found}; {_a(undated_as.title)} export needs its date "
                f"column {alternatives(undated_as.headers_of('date'))}: export the report broken down by day")
    near = _nearest(cells)
    lacking = _lacking(near, cells) if near is not None else []
    if near is None or not lacking:
        titles = ", ".join(platform.title for platform in PLATFORMS)
        return (f"expected the columns of a known export ({titles}; docs/actuals.md lists their columns), "
                f"found {found}")
    return (f"expected the columns of a known export, found {found}; {_a(near.title)} export needs its "
            f"{' and its '.join(lacking)}")


def _a(title: str) -> str:
    """``title`` after its article: an Apple Ads, a Google Ads."""
    return f"{'an' if title[0] in 'AEIOUaeiou' else 'a'} {title}"


def _nearest(cells: list[str]) -> Platform | None:
    """The shape most of the cells are columns of, or misspell one of, where at least ``_NEAR`` are; of as many,
    the one most are columns of, a shape that names a platform before one that names none, then the earlier."""
    scored = []
    for order, platform in enumerate(PLATFORMS):
        known = known_in(cells, platform)
        near = sum(1 for cell in cells if _misspells(cell, list(platform.columns), known))
        scored.append((len(known) + near, len(known), not platform.fallback, -order, platform))
    best = max(scored, key=lambda item: item[:4])
    return best[4] if best[0] >= _NEAR else None


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
