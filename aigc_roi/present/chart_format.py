"""What the charts' (chart.py, allocation_chart.py) axes and titles read: tick labels whose decimals come from the
step between ticks, and a plan name fitted to the figure's width by its rendered width.

matplotlib is imported inside the functions, as chart.py does: only ``--plot`` needs it.
"""

from __future__ import annotations

import math
import re
import warnings
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, cast

from aigc_roi.model.rounding import fixed
from aigc_roi.present.numbers import NumberStyle

if TYPE_CHECKING:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.text import Text
    from matplotlib.ticker import Formatter

TICK_DECIMALS = 6
"""Most decimals a tick label takes: a locator's steps are 1, 2, 2.5 or 5 times a power of ten, so 6 tells apart
ticks a millionth of the unit apart."""
MISSING_GLYPH = r"Glyph \d+ .* missing from"
"""matplotlib's warning per glyph its font lacks: without a CJK font the command says so once (``plot_no_cjk_font``)."""
TITLE_LINES = 2
"""Most lines a plan name takes at the top of a chart; what does not fit them ends in an ellipsis."""
TITLE_MARGIN = 0.02
"""Share of the figure's width left free on each side of a title."""


def exact_decimals(values: Sequence[float], shift: int = 0) -> int:
    """The fewest decimals (up to TICK_DECIMALS) at which each of ``values`` times 10^``shift`` reads exactly: ticks
    at 2.5% steps read 2.5%, 7.5%, not 3%, 8%; ticks 0.2 apart read 0.2, 0.4, not 0, 0."""
    scaled = [value * 10.0 ** shift for value in values if math.isfinite(value)]
    spread = max((abs(value) for value in scaled), default=0.0)
    # What float noise a locator's ticks carry (0.30000000000000004) is no decimal to show.
    tolerance = max(spread, 1.0) * 1e-9
    return next((places for places in range(TICK_DECIMALS + 1)
                 if all(abs(value - round(value, places)) <= tolerance for value in scaled)), TICK_DECIMALS)


def axis_unit(values: Sequence[float], style: NumberStyle) -> tuple[str, int]:
    """The one unit an axis of money reads in, and its power of ten: none in English or below 10,000; in Chinese 万
    below 1亿, else 亿, as ``money`` would write the axis's largest |tick|, so no axis mixes -2,000万 with -1亿."""
    largest = max((abs(value) for value in values if math.isfinite(value)), default=0.0)
    if style.lang != "zh" or largest < 1e4:
        return "", 0
    return ("万", 4) if largest < 1e8 else ("亿", 8)


def _tick_formatter(texts: Callable[[Sequence[float]], list[str]]) -> Formatter:
    """A matplotlib Formatter that writes all ticks of an axis together (``texts``), so their decimals agree."""
    from matplotlib.ticker import Formatter

    class Ticks(Formatter):
        def __init__(self) -> None:
            self.ticks: list[float] = []

        def set_locs(self, locs: Sequence[float]) -> None:
            self.ticks = [float(loc) for loc in locs]

        def __call__(self, x: float, pos: int | None = None) -> str:
            # A value alone (a cursor's) reads as it would among the ticks.
            return texts([*self.ticks, float(x)])[-1]

        def format_ticks(self, values: Any) -> list[str]:
            self.set_locs(values)
            return texts(self.ticks)

    return Ticks()


def money_ticks(style: NumberStyle) -> Formatter:
    """Money ticks: one unit for the axis (``axis_unit``), as many decimals as the ticks need to read exactly; 0 as 0,
    which reads the same in every unit."""

    def texts(values: Sequence[float]) -> list[str]:
        unit, power = axis_unit(values, style)
        places = exact_decimals(values, -power)
        return [fixed(value, places, separators=True, shift=-power) + unit if value else "0" for value in values]

    return _tick_formatter(texts)


def percent_ticks() -> Formatter:
    """Shares as percentages with as many decimals as the ticks need to read exactly: 2.5%, 5.0%, 7.5%."""

    def texts(values: Sequence[float]) -> list[str]:
        places = exact_decimals(values, 2)
        return [f"{fixed(value, places, shift=2)}%" for value in values]

    return _tick_formatter(texts)


_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_BREAK = re.compile(rf"[{_CJK}]\s*|[^\s{_CJK}]+\s*|\s+")
"""Pieces a title line may break after: one CJK character (Chinese breaks between any two) or a word, each with the
spaces after it."""


def fitted_lines(text: str, width: float, measure: Callable[[str], float], lines: int = TITLE_LINES) -> list[str]:
    """``text`` in at most ``lines`` lines each at most ``width`` wide as ``measure`` renders it, broken after a word or
    a CJK character; what does not fit ends the last line in an ellipsis, as does a word wider than a line."""
    pieces = _BREAK.findall(text)
    out: list[str] = []
    line = ""
    for i, piece in enumerate(pieces):
        if measure((line + piece).rstrip()) <= width:
            line += piece
            continue
        if line and len(out) + 1 < lines:
            out.append(line.rstrip())
            line = ""
            if measure(piece.rstrip()) <= width:
                line = piece
                continue
        return [*out, _ellipsis(line + "".join(pieces[i:]), width, measure)]
    return [*out, line.rstrip()] if line.strip() else out


def _ellipsis(text: str, width: float, measure: Callable[[str], float]) -> str:
    """The longest start of ``text`` that, with an ellipsis after it, is at most ``width`` wide."""
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if measure(text[:middle].rstrip() + "…") <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


def fit_to_width(title: Text, figure: Figure) -> None:
    """``title`` (the figure's) in lines that fit the figure's width (``fitted_lines``) in its font as rendered, so a
    CJK character counts about twice a Latin one; each line it was given is fitted on its own."""
    renderer = cast("FigureCanvasAgg", figure.canvas).get_renderer()
    prop = title.get_fontproperties()
    width = figure.bbox.width * (1 - 2 * TITLE_MARGIN)

    def measure(line: str) -> float:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=MISSING_GLYPH)
            return float(renderer.get_text_width_height_descent(line, prop, ismath=False)[0])

    title.set_text("\n".join(fitted for given in title.get_text().split("\n")
                             for fitted in fitted_lines(given, width, measure)))
