"""What moved each figure (``compare BASE NEW --explain``): JSON, rows and a waterfall table.

Each figure reads as a waterfall: the base value, then each changed input's
share largest first (a bar of ▇ or ▒ as long as its share of the largest
move, up or down), then the new value.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text

from aigc_roi.model.figures import unit_of
from aigc_roi.present.drivers import signed
from aigc_roi.present.labels import label
from aigc_roi.present.layout import Column, Fitted, table_or_blocks
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.present.tables import Table
from aigc_roi.present.text import visible
from aigc_roi.whatif.explain import WHOLE_FILE, ChangedValue, FigureChanges

BAR_WIDTH = 10


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
        for change, share in _ranked(changes, attribution.figure):
            moved = share if style is None else _moved(attribution.figure, share, style)
            rows.append([attribution.figure if style is None else label(attribution.figure, style.lang),
                         change.path if style is None else change_name(change, style.lang), change.before, change.after, moved])
    header = ["figure", "path", "from", "to", "change"]
    if style is not None:
        header = [label(key, style.lang) for key in ("figure", "explain_input", "explain_from", "explain_to", "explain_change")]
    return header, rows


def _ranked(changes: FigureChanges, figure: str) -> list[tuple[Any, float | None]]:
    attribution = next(item for item in changes.explanation.attributions if item.figure == figure)
    shares = attribution.shares or (None,) * len(changes.changes)
    pairs = list(zip(changes.changes, shares, strict=True))
    return sorted(pairs, key=lambda pair: -abs(pair[1] or 0.0))


def change_name(change: ChangedValue, lang: str) -> str:
    """What a person reads for a change: its path with list items by name, or what ``WHOLE_FILE`` stands for."""
    return label("explain_whole_file", lang) if change.path == WHOLE_FILE else visible(change.named_path or change.path)


def explain_view(changes: FigureChanges, style: NumberStyle) -> Fitted:
    """The waterfall of every explained figure, one table."""
    lang = style.lang
    names: list[Text] = []
    moves: list[Text] = []
    values: list[Text] = []
    bars: list[Text] = []
    for attribution in changes.explanation.attributions:
        ranked = _ranked(changes, attribution.figure)
        largest = max((abs(share) for _, share in ranked if share is not None), default=0.0) or 1.0
        title = label(attribution.figure, lang).split(" (")[0]
        names.append(Text(title, style="bold"))
        moves.append(Text(label("explain_base", lang)))
        values.append(Text(_value(attribution.figure, attribution.base, style)))
        bars.append(Text(""))
        for change, share in ranked:
            names.append(Text(f"  {change_name(change, lang)}"))
            moves.append(Text(f"{visible(change.before or '—')} → {visible(change.after or '—')}"))
            values.append(Text(label("explain_not_split", lang) if share is None else _moved(attribution.figure, share, style)))
            bars.append(_bar(share, largest, _higher_is_better(attribution.figure)))
        names.append(Text(""))
        moves.append(Text(label("explain_new", lang)))
        values.append(Text(_value(attribution.figure, attribution.new, style)))
        bars.append(Text(""))
    # The input grows first: a path folded inside a word reads worse than a value or a bar on two lines.
    columns = [Column(label("explain_input", lang), names, numeric=False, grows_first=True),
               Column(label("explain_move", lang), moves, numeric=False),
               Column(label("explain_change", lang), values), Column("", bars, numeric=False)]
    exact = label("explain_exact", lang) if changes.explanation.exact else label("explain_sampled", lang).format(
        orders=changes.explanation.orders)
    return table_or_blocks(columns, label("explain_title", lang), exact)


def _moved(figure: str, share: float | None, style: NumberStyle) -> str:
    """A share of a change; months with one decimal, since shares of a month are fractions of one."""
    if share is not None and unit_of(figure) == "month":
        return f"{'+' if share > 0 else ''}{share:.1f}"
    return signed(figure, share, style)


def _value(figure: str, value: float | None, style: NumberStyle) -> str:
    """A figure's value; a payback of none reads "never", which the split counts as the month after the horizon."""
    if value is None and unit_of(figure) == "month":
        return label("never", style.lang)
    return style.figure(figure, value)


def _higher_is_better(figure: str) -> bool:
    return unit_of(figure) != "month" and figure != "peak_cash_need"


def _bar(share: float | None, largest: float, higher_is_better: bool) -> Text:
    """▇ for a move that helps, ▒ for one that hurts: readable without colour."""
    if share is None or share == 0:
        return Text("")
    helps = (share > 0) == higher_is_better
    length = max(1, round(BAR_WIDTH * abs(share) / largest))
    return Text(("▇" if helps else "▒") * length, style="green" if helps else "red")
