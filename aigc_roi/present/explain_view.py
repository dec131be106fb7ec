"""What moved each figure as a Rich waterfall table (present/explain.py holds its rows and JSON, which load no Rich).

Each figure reads as a waterfall: the base value, then each changed input's
share largest first (a bar of ▇ or ▒ as long as its share of the largest
move, up or down), then the new value.
"""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text

from aigc_roi.model.figures import unit_of
from aigc_roi.present.blocks import table_or_blocks
from aigc_roi.present.explain import explain_notes, shown_figure
from aigc_roi.present.labels import label, sentences, unqualified
from aigc_roi.present.layout import Column, Fitted, bar_room, column_range
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.present.text import visible
from aigc_roi.whatif.explain import FigureChanges

BAR_WIDTH = 10
MIN_BAR = 3
"""The narrowest bar: at a cell or two every share reads alike."""


def explain_view(changes: FigureChanges, style: NumberStyle) -> Fitted:
    """The waterfall of every explained figure, one table."""
    lang = style.lang
    names: list[Text] = []
    moves: list[Text] = []
    values: list[Text] = []
    shares: list[tuple[float | None, float, bool]] = []
    for attribution in changes.explanation.attributions:
        shown = shown_figure(changes, attribution, style)
        largest = max((abs(row.share) for row in shown.rows if row.share is not None), default=0.0) or 1.0
        title = unqualified(label(attribution.figure, lang))
        names.append(Text(title, style="bold"))
        moves.append(Text(label("explain_base", lang)))
        values.append(Text(shown.base))
        shares.append((None, 1.0, True))
        for row in shown.rows:
            names.append(Text(f"  {row.name}"))
            moves.append(Text("" if row.before is None and row.after is None
                              else f"{visible(row.before or '—')} → {visible(row.after or '—')}"))
            values.append(Text(row.text))
            shares.append((row.share, largest, _higher_is_better(attribution.figure)))
        names.append(Text(""))
        moves.append(Text(label("explain_new", lang)))
        values.append(Text(shown.new))
        shares.append((None, 1.0, True))
    # The move ("69 → 79", a few cells) grows first, then the input: a path folded inside a word reads worse than a
    # value or a bar on two lines, and a move on two lines worse than a path on one more.
    columns = [Column(label("explain_input", lang), names, numeric=False, grows_first=1),
               Column(label("explain_move", lang), moves, numeric=False, grows_first=2),
               Column(label("explain_change", lang), values)]
    notes = [*explain_notes(changes, style), label("explain_bars", lang)]

    def build(width: int) -> RenderableType:
        # The bar gives way first: kept 10 cells, it left "199 →" / "299" on two lines.
        taken = [column_range(columns[0])[0], *(column_range(column)[1] for column in columns[1:])]
        bar_width = bar_room(width, taken, BAR_WIDTH, least=MIN_BAR)
        bars = Column("", [_bar(share, largest, better, bar_width) for share, largest, better in shares], numeric=False)
        return table_or_blocks([*columns, bars], label("explain_title", lang), sentences(notes, lang)).build(width)

    return Fitted(build)


def _higher_is_better(figure: str) -> bool:
    return unit_of(figure) != "month" and figure != "peak_cash_need"


def _bar(share: float | None, largest: float, higher_is_better: bool, width: int = BAR_WIDTH) -> Text:
    """▇ for a move that helps, ▒ for one that hurts: readable without colour."""
    if share is None or share == 0:
        return Text("")
    helps = (share > 0) == higher_is_better
    length = max(1, round(width * abs(share) / largest))
    return Text(("▇" if helps else "▒") * length, style="green" if helps else "red")
