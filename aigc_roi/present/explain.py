"""What moved each figure (``compare BASE NEW --explain``): JSON and CSV/markdown rows, each changed input's share
largest first (the waterfall table, the Rich view, is present/explain_view.py, loaded for the terminal only).

A person reads a figure's split as a sum: the base value, the shares, what is
not split (items added or removed), the new value. The shares are shown
rounded so that the shown ones add up to the change rounded as compare's Δ
shows it (largest remainders, model/rounding.py ``apportioned``): a lone share
reads as the Δ, not as the difference of the rounded ends; the shares of an
amount in the Δ's unit, as compare's Δ reads (in Chinese 万 or 亿 where the Δ
needs it, yuan where it does not, a share larger than the Δ included), the base
and new values as compare's columns show them; and a payback of never counts as
the month after the horizon, as the split counts it, which a note says
(docs/formulas.md §13).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aigc_roi.model.figures import unit_of
from aigc_roi.model.rounding import apportioned, fixed, rounded
from aigc_roi.present.drivers import signed
from aigc_roi.present.labels import label
from aigc_roi.present.numbers import COMPACT_UNITS, NONE, NumberStyle
from aigc_roi.present.tables import Table
from aigc_roi.present.text import visible
from aigc_roi.whatif.explain import NEVER_IS_AFTER_HORIZON, WHOLE_FILE, Attribution, ChangedValue, FigureChanges

UNEXPLAINED = "unexplained"
"""The path of the row of what is not split, in CSV (JSON's key for it)."""


def explain_data(changes: FigureChanges) -> dict[str, Any]:
    """``{figure: {"base", "new", "contributions": [{"path", "base_path", "from", "to", "from_text", "to_text",
    "change"}], "unexplained"}}`` with ``"exact"``, ``"orders"`` and ``"not_split"`` (``{"path", "base_path"}`` of the
    items added, of what was removed and of the gate lists that name an added channel) beside the figures; a change
    is null where the figure is not split. ``from`` and ``to`` are the numbers the values are (``25万`` is 250000),
    null where one is not a number (a name, a range, a list, values by month, several values, none); ``from_text`` and
    ``to_text`` the values as written. ``path`` counts items as NEW does, ``base_path`` as BASE does (null in the
    version that lacks it): a moved item's index differs between them (docs/formulas.md §13)."""
    data: dict[str, Any] = {}
    for attribution in changes.explanation.attributions:
        shares = _shares(changes, attribution)
        data[attribution.figure] = {
            "base": attribution.base, "new": attribution.new,
            "contributions": [{"path": change.path, "base_path": change.base_path, "from": change.before_number,
                               "to": change.after_number, "from_text": change.before, "to_text": change.after,
                               "change": share}
                              for change, share in zip(changes.changes, shares, strict=True)],
            "unexplained": None if never_throughout(attribution) else changes.unexplained.get(attribution.figure),
        }
    kinds = {"added": lambda item: item.added, "removed": lambda item: not item.added and item.change is None,
             "changed": lambda item: item.change is not None}
    not_split = {kind: [{"path": item.path, "base_path": item.base_path} for item in changes.not_split if chosen(item)]
                 for kind, chosen in kinds.items()}
    return {"figures": data, "exact": changes.explanation.exact, "orders": changes.explanation.orders,
            "not_split": not_split}


@dataclass(frozen=True)
class ShownRow:
    name: str
    before: str | None
    after: str | None
    share: float | None
    """As shown: rounded with the others so that they add up (None: not split)."""
    text: str


@dataclass(frozen=True)
class ShownFigure:
    """One figure's split as a person reads it: base, each row (largest share first, what is not split last), new."""

    base: str
    new: str
    rows: list[ShownRow]
    moved_by_rounding: bool
    """A share reads other than its own rounding, so that the shown ones add up."""


def shown_figure(changes: FigureChanges, attribution: Attribution, style: NumberStyle) -> ShownFigure:
    figure, lang = attribution.figure, style.lang
    pairs: list[tuple[str, str | None, str | None, float | None]] = [
        (change_name(change, lang, len(changes.changes) == 1), change.before, change.after, share)
        for change, share in ranked_changes(changes, figure)]
    rest = not_split_share(changes, figure)
    if rest is not None:
        pairs.append((not_split_name(changes, lang), None, None, rest[0]))
    shares = [share for *_, share in pairs]
    horizon = changes.explanation.horizon
    base, new = _counted(attribution, attribution.base, horizon), _counted(attribution, attribution.new, horizon)
    # The Δ's unit: "+0.05万" beside a Δ of "+500.00" read as another amount, and 0.05万 does not add up to 523.47.
    change = None if base is None or new is None else new - base
    unit = style.block_unit([change]) if unit_of(figure) in ("money", "users") else ""
    decimals = _decimals(figure, unit)
    shown = shares
    if pairs and base is not None and new is not None and all(share is not None for share in shares):
        shown = list(apportioned([share for share in shares if share is not None],
                                 rounded(new - base, decimals), decimals))
    moved = any(a is not None and b is not None and rounded(a, decimals) != rounded(b, decimals)
                for a, b in zip(shares, shown, strict=True))
    rows = [ShownRow(name, before, after, share, NONE if never_throughout(attribution)
                     else label("explain_not_split", lang) if share is None else _share_text(figure, share, unit, style))
            for (name, before, after, _), share in zip(pairs, shown, strict=True)]
    return ShownFigure(_value_text(figure, attribution.base, style), _value_text(figure, attribution.new, style), rows, moved)


def explain_rows(changes: FigureChanges, style: NumberStyle | None = None) -> Table:
    """One row per figure and changed input, largest share first, and one of what is not split where there is any;
    ``style`` formats the values (as the table shows them, adding up, items by name, each value as written), without
    it the raw numbers and each input's path in NEW and in BASE (CSV): ``from`` and ``to`` the numbers the values
    are, empty where one is not a number, so that a spreadsheet reads the columns as numbers, and ``from_text`` and
    ``to_text`` the values as written (``explain_data``)."""
    rows: list[list[Any]] = []
    for attribution in changes.explanation.attributions:
        figure = attribution.figure
        if style is None:
            rows += [[figure, change.path, change.base_path, change.before_number, change.after_number, share,
                      change.before, change.after]
                     for change, share in ranked_changes(changes, figure)]
            rest = not_split_share(changes, figure)
            if rest is not None:
                rows.append([figure, UNEXPLAINED, None, None, None, rest[0], None, None])
            continue
        rows += [[label(figure, style.lang), row.name, row.before, row.after, row.text]
                 for row in shown_figure(changes, attribution, style).rows]
    header = ["figure", "path", "base_path", "from", "to", "change", "from_text", "to_text"]
    if style is not None:
        header = [label(key, style.lang) for key in ("figure", "explain_input", "explain_from", "explain_to", "explain_change")]
    return header, rows


def explain_notes(changes: FigureChanges, style: NumberStyle) -> list[str]:
    """The sentences under the split: how it was computed, and, where they apply, what is not split, how never
    counts, and that the shares are rounded to add up."""
    explanation, lang = changes.explanation, style.lang
    notes = [label("explain_exact", lang) if explanation.exact
             else label("explain_sampled", lang).format(orders=explanation.orders)]
    if any(not_split_share(changes, item.figure) is not None for item in explanation.attributions):
        notes.append(label("explain_not_split_note", lang))
    if any(item.never_counted and item.shares is not None for item in explanation.attributions):
        notes.append(label("explain_never_note", lang).format(month=explanation.horizon + 1, horizon=explanation.horizon))
    if any(shown_figure(changes, item, style).moved_by_rounding for item in explanation.attributions):
        notes.append(label("explain_rounded_note", lang))
    return notes


def never_throughout(attribution: Attribution) -> bool:
    """Whether ``attribution`` is of a payback that comes in no combination the split read: nothing moved it, so
    each share is none (—), as compare's Δ of never against never is, not a change of 0 months."""
    return (attribution.figure in NEVER_IS_AFTER_HORIZON and attribution.base is None and attribution.new is None
            and not attribution.never_counted)


def _shares(changes: FigureChanges, attribution: Attribution) -> tuple[float | None, ...]:
    """Each changed input's share of the figure's change, in the order of ``changes.changes``; none where it is not
    split or nothing moved it (``never_throughout``)."""
    if attribution.shares is None or never_throughout(attribution):
        return (None,) * len(changes.changes)
    return attribution.shares


def ranked_changes(changes: FigureChanges, figure: str) -> list[tuple[Any, float | None]]:
    """Each changed input and its share of ``figure``'s change, largest share first."""
    attribution = next(item for item in changes.explanation.attributions if item.figure == figure)
    pairs = list(zip(changes.changes, _shares(changes, attribution), strict=True))
    return sorted(pairs, key=lambda pair: -abs(pair[1] or 0.0))


def not_split_share(changes: FigureChanges, figure: str) -> tuple[float | None] | None:
    """What moved ``figure`` that is not split (in a 1-tuple, None inside where it is none at an end); None where the
    versions differ only by values, so nothing is left."""
    value = changes.unexplained.get(figure)
    if never_throughout(next(item for item in changes.explanation.attributions if item.figure == figure)):
        value = None
    if changes.not_split or (value is not None and abs(value) > 1e-9 * max([1.0, *_ends(changes, figure)])):
        return (value,)
    return None


def not_split_name(changes: FigureChanges, lang: str) -> str:
    """``not split: monetization.purchases[Extra] added``: the row of what no value on the base gives."""
    items = [label("explain_added" if item.added else "explain_removed", lang).format(path=visible(item.named_path))
             if item.change is None else label("explain_changed", lang).format(
                 path=visible(item.named_path), was=visible(item.change[0] or "—"), now=visible(item.change[1]))
             for item in changes.not_split]
    if not items:
        return label("explain_rest", lang)
    return label("explain_not_split_row", lang).format(items=label("list_separator", lang).join(items))


def change_name(change: ChangedValue, lang: str, alone: bool) -> str:
    """What a person reads for a change: its path with list items by name, or what ``WHOLE_FILE`` stands for, every
    change where it is ``alone``, else every change but the others."""
    if change.path == WHOLE_FILE:
        return label("explain_whole_file" if alone else "explain_other_changes", lang)
    return visible(change.named_path or change.path)


def moved_text(figure: str, share: float | None, style: NumberStyle) -> str:
    """A share of a change; months with one decimal, since shares of a month are fractions of one, and a share that
    moves no month as compare's Δ writes no change of months, ``0``."""
    if share is not None and unit_of(figure) == "month":
        text = fixed(share, 1, plus=share > 0)
        return style.month_change(0) if float(text) == 0 else text
    return signed(figure, share, style)


def _ends(changes: FigureChanges, figure: str) -> list[float]:
    attribution = next(item for item in changes.explanation.attributions if item.figure == figure)
    return [abs(value) for value in (attribution.base, attribution.new) if value is not None]


def _counted(attribution: Attribution, value: float | None, horizon: int) -> float | None:
    """A figure's value as the split counts it: a payback of never as the month after the horizon."""
    return float(horizon + 1) if value is None and attribution.never_counted else value


def _decimals(figure: str, unit: str) -> int:
    """The places a figure's shares are shown at (negative: hundreds of 万's 0.01), which they add up at."""
    if unit:
        return 2 - COMPACT_UNITS[unit][0]
    return {"percent": 4, "month": 1, "users": 0}.get(unit_of(figure), 2)


def _share_text(figure: str, share: float, unit: str, style: NumberStyle) -> str:
    """A share in the Δ's ``unit``; an amount without one in yuan though alone it would read in 万, as its Δ does."""
    if unit:
        return style.with_unit(share, unit, 2 - COMPACT_UNITS[unit][1], plus=True)
    if unit_of(figure) in ("money", "users"):
        text = fixed(share, _decimals(figure, unit), separators=True, plus=True)
        # A sign on a share that rounds to 0 would read as a rise or a fall.
        return text.lstrip("+-") if float(text.replace(",", "")) == 0 else text
    return moved_text(figure, share, style)


def _value_text(figure: str, value: float | None, style: NumberStyle) -> str:
    """A figure's value as compare's column shows it; a payback of none reads "never", which the split counts as the
    month after the horizon."""
    if value is None:
        return label("never", style.lang) if unit_of(figure) == "month" else style.figure(figure, None)
    return style.figure(figure, value)
