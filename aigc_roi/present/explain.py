"""What moved each figure (``compare BASE NEW --explain``): JSON and CSV/markdown rows, each changed input's share
largest first (the waterfall table, the Rich view, is present/explain_view.py, loaded for the terminal only)."""

from __future__ import annotations

from typing import Any

from aigc_roi.model.figures import unit_of
from aigc_roi.model.rounding import fixed
from aigc_roi.present.drivers import signed
from aigc_roi.present.labels import label
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.present.tables import Table
from aigc_roi.present.text import visible
from aigc_roi.whatif.explain import WHOLE_FILE, ChangedValue, FigureChanges


def explain_data(changes: FigureChanges) -> dict[str, Any]:
    """``{figure: {"base", "new", "contributions": [{"path", "from", "to", "change"}], "unexplained"}}``
    with ``"exact"`` and ``"orders"`` beside the figures; a change is null where the figure is not split."""
    data: dict[str, Any] = {}
    for attribution in changes.explanation.attributions:
        shares = attribution.shares or (None,) * len(changes.changes)
        data[attribution.figure] = {
            "base": attribution.base, "new": attribution.new,
            "contributions": [{"path": change.path, "from": change.before, "to": change.after, "change": share}
                              for change, share in zip(changes.changes, shares, strict=True)],
            "unexplained": changes.unexplained.get(attribution.figure),
        }
    return {"figures": data, "exact": changes.explanation.exact, "orders": changes.explanation.orders}


def explain_rows(changes: FigureChanges, style: NumberStyle | None = None) -> Table:
    """One row per figure and changed input, largest share first; ``style`` formats the values."""
    rows: list[list[Any]] = []
    for attribution in changes.explanation.attributions:
        for change, share in ranked_changes(changes, attribution.figure):
            moved = share if style is None else moved_text(attribution.figure, share, style)
            rows.append([attribution.figure if style is None else label(attribution.figure, style.lang),
                         change.path if style is None else change_name(change, style.lang), change.before, change.after, moved])
    header = ["figure", "path", "from", "to", "change"]
    if style is not None:
        header = [label(key, style.lang) for key in ("figure", "explain_input", "explain_from", "explain_to", "explain_change")]
    return header, rows


def ranked_changes(changes: FigureChanges, figure: str) -> list[tuple[Any, float | None]]:
    """Each changed input and its share of ``figure``'s change, largest share first."""
    attribution = next(item for item in changes.explanation.attributions if item.figure == figure)
    shares = attribution.shares or (None,) * len(changes.changes)
    pairs = list(zip(changes.changes, shares, strict=True))
    return sorted(pairs, key=lambda pair: -abs(pair[1] or 0.0))


def change_name(change: ChangedValue, lang: str) -> str:
    """What a person reads for a change: its path with list items by name, or what ``WHOLE_FILE`` stands for."""
    return label("explain_whole_file", lang) if change.path == WHOLE_FILE else visible(change.named_path or change.path)


def moved_text(figure: str, share: float | None, style: NumberStyle) -> str:
    """A share of a change; months with one decimal, since shares of a month are fractions of one."""
    if share is not None and unit_of(figure) == "month":
        return fixed(share, 1, plus=share > 0)
    return signed(figure, share, style)
