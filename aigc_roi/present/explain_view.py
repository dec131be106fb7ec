"""What moved each figure as a Rich waterfall table (present/explain.py holds its rows and JSON, which load no Rich).

Each figure reads as a waterfall: the base value, then each changed input's
share largest first (a bar of ▇ or ▒ as long as its share of the largest
move, up or down), then the new value.
"""

from __future__ import annotations

from rich.text import Text

from aigc_roi.model.figures import unit_of
from aigc_roi.present.explain import change_name, moved_text, ranked_changes
from aigc_roi.present.labels import label
from aigc_roi.present.layout import Column, Fitted, table_or_blocks
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.present.text import visible
from aigc_roi.whatif.explain import FigureChanges

BAR_WIDTH = 10


def explain_view(changes: FigureChanges, style: NumberStyle) -> Fitted:
    """The waterfall of every explained figure, one table."""
    lang = style.lang
    names: list[Text] = []
    moves: list[Text] = []
    values: list[Text] = []
    bars: list[Text] = []
    for attribution in changes.explanation.attributions:
        ranked = ranked_changes(changes, attribution.figure)
        largest = max((abs(share) for _, share in ranked if share is not None), default=0.0) or 1.0
        title = label(attribution.figure, lang).split(" (")[0]
        names.append(Text(title, style="bold"))
        moves.append(Text(label("explain_base", lang)))
        values.append(Text(_value(attribution.figure, attribution.base, style)))
        bars.append(Text(""))
        for change, share in ranked:
            names.append(Text(f"  {change_name(change, lang)}"))
            moves.append(Text(f"{visible(change.before or '—')} → {visible(change.after or '—')}"))
            values.append(Text(label("explain_not_split", lang) if share is None else moved_text(attribution.figure, share, style)))
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
