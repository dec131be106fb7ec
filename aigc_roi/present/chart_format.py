"""What the charts' (chart.py, allocation_chart.py) axes and titles read: tick labels whose decimals come from the
step between ticks, and a plan name fitted to the figure's width by its rendered width.

matplotlib is imported inside the functions, as chart.py does: only ``--plot`` needs it.
"""

from __future__ import annotations

import math
import re
import warnings
from collections.abc import Callable, Sequence
from decimal import ROUND_HALF_EVEN, Decimal
from itertools import accumulate
from typing import TYPE_CHECKING, Any, cast

from aigc_roi.model.rounding import fixed
from aigc_roi.present.graphemes import clusters
from aigc_roi.present.numbers import NumberStyle

if TYPE_CHECKING:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.text import Text
    from matplotlib.ticker import Formatter

FULL_DIGITS = 12
"""Most significant digits a money tick is written with in full; ticks that need more (a span tiny beside its
amounts: 1,000,000,000,000.2) read relative to an offset written once at the axis' end, as matplotlib's own ticks do.
Under the 15 digits fixed() reads a float at, so what a label shows is what the tick is."""
MISSING_GLYPH = r"Glyph \d+ .* missing from"
"""matplotlib's warning per glyph its font lacks: without a CJK font the command says so once (``plot_no_cjk_font``)."""
TITLE_LINES = 2
"""Most lines a plan name takes at the top of a chart; what does not fit them ends in an ellipsis."""
TITLE_MARGIN = 0.02
"""Share of the figure's width left free on each side of a title."""


def exact_decimals(values: Sequence[float], shift: int = 0, noise: float = 0.0) -> int:
    """The fewest decimals at which each of ``values`` times 10^``shift`` reads exactly: ticks at 2.5% steps read 2.5%,
    7.5%, not 3%, 8%; ticks 0.2 apart read 0.2, 0.4, not 0, 0; ticks 2.5e-7 apart read 0.00000025, not 0.000000. So
    ticks that differ read differently, however small their step. ``noise``: what the values may be off by already."""
    scaled = sorted({value * 10.0 ** shift for value in values if math.isfinite(value)})
    tolerance = _tolerance(scaled, noise * 10.0 ** shift)
    places = 0
    # Beyond 340 places every float64 is a whole number of units: the loop ends.
    while places < 340 and any(abs(value - round(value, places)) > tolerance for value in scaled):
        places += 1
    return places


def _tolerance(values: Sequence[float], noise: float) -> float:
    """What float noise a locator's ticks carry (0.30000000000000004, a few units of the last place of the largest)
    is no decimal to show: a millionth of the step between ticks, or of the value alone."""
    largest = max((abs(value) for value in values), default=0.0)
    gaps = [high - low for low, high in zip(values, values[1:], strict=False)]
    scale = min(gaps) * 1e-6 if gaps else max(largest, 1.0) * 1e-9
    return max(scale, 4 * math.ulp(largest), noise)


def axis_unit(values: Sequence[float], style: NumberStyle) -> tuple[str, int]:
    """The one unit an axis of money reads in, and its power of ten: none in English or below 10,000; in Chinese 万
    below 1亿, else 亿, as ``money`` would write the axis's largest |tick|, so no axis mixes -2,000万 with -1亿."""
    largest = max((abs(value) for value in values if math.isfinite(value)), default=0.0)
    if style.lang != "zh" or largest < 1e4:
        return "", 0
    return ("万", 4) if largest < 1e8 else ("亿", 8)


Layout = Callable[[Sequence[float]], tuple[Callable[[float], str], str]]
"""From an axis' ticks: how each value on it is written, and the offset text at the axis' end ("" for none)."""


def _tick_formatter(layout: Layout) -> Formatter:
    """A matplotlib Formatter that lays out all ticks of an axis together (``layout``), so their decimals agree."""
    from matplotlib.ticker import Formatter

    class Ticks(Formatter):
        def __init__(self) -> None:
            self.ticks: list[float] = []

        def set_locs(self, locs: Sequence[float]) -> None:
            self.ticks = [float(loc) for loc in locs if math.isfinite(loc)]

        def __call__(self, x: float, pos: int | None = None) -> str:
            # A value alone (a cursor's) reads as it would among the ticks.
            return layout(self.ticks or [float(x)])[0](float(x))

        def format_ticks(self, values: Any) -> list[str]:
            self.set_locs(values)
            write = layout(self.ticks)[0]
            return [write(float(value)) for value in values]

        def get_offset(self) -> str:
            return layout(self.ticks)[1] if self.ticks else ""

    return Ticks()


def _amounts(values: Sequence[float], style: NumberStyle, noise: float = 0.0) -> Callable[[float], str]:
    """How amounts among ``values`` are written: the axis' unit (``axis_unit``), the decimals its values need to read
    exactly, and 0 as 0 (which reads the same in every unit, as a tick within float noise of 0 does)."""
    unit, power = axis_unit(values, style)
    places = exact_decimals(values, -power, noise)
    zero = _tolerance(sorted(values), noise)

    def write(value: float) -> str:
        return fixed(value, places, separators=True, shift=-power) + unit if abs(value) > zero else "0"

    return write


Axis = Callable[[Sequence[float]], Callable[[float], str]]
"""From an axis' ticks, how each of them is written: all with the decimals that tell them apart (the report's SVG
charts, report/svg.py, as ``--plot``'s matplotlib ticks)."""


def amount_axis(style: NumberStyle) -> Axis:
    """Money ticks as ``money_ticks`` writes them: one unit for the axis, the fewest decimals that read them exactly,
    so -100万 not -100.0万 (``style.money`` keeps 0.1万 for an amount alone)."""
    return lambda ticks: _amounts(ticks, style)


def number_axis(ticks: Sequence[float]) -> Callable[[float], str]:
    """Plain numbers with the fewest decimals that read the ticks exactly: 0, 500, 1,000; 0, 0.5, 1.0; 0 as 0, as
    ``_amounts`` writes it."""
    places = exact_decimals(ticks)
    zero = _tolerance(sorted(ticks), 0.0)
    return lambda value: fixed(value, places, separators=True) if abs(value) > zero else "0"


def percent_axis(ticks: Sequence[float]) -> Callable[[float], str]:
    """Shares as percentages with the fewest decimals that read the ticks exactly: 2.5%, 5.0%, 7.5%; 0%, 20%."""
    places = exact_decimals(ticks, 2)
    return lambda value: f"{fixed(value, places, shift=2)}%"


def _digits(values: Sequence[float], style: NumberStyle) -> int:
    """The significant digits the largest of ``values`` takes written by ``_amounts``."""
    power = axis_unit(values, style)[1]
    largest = max(abs(value) for value in values) * 10.0 ** -power
    return math.floor(math.log10(largest)) + 1 + exact_decimals(values, -power) if largest else 0


def money_ticks(style: NumberStyle) -> Formatter:
    """Money ticks: one unit for the axis, as many decimals as the ticks need to read exactly; 0 as 0. Ticks that would
    take over FULL_DIGITS digits read as amounts from an offset (+1,000,000,000,000 then 0, 0.2, 0.4, ...), a round
    number about their middle, exact as a Decimal so that offset plus label is the tick."""

    def layout(values: Sequence[float]) -> tuple[Callable[[float], str], str]:
        if len(set(values)) < 2 or _digits(values, style) <= FULL_DIGITS:
            return _amounts(values, style), ""
        low, high = min(values), max(values)
        power = math.floor(math.log10(high - low)) + 2
        offset = Decimal((low + high) / 2).quantize(Decimal(1).scaleb(power), ROUND_HALF_EVEN)
        noise = 4 * math.ulp(max(abs(low), abs(high)))
        relative = _amounts([float(Decimal(value) - offset) for value in values], style, noise)
        unit, shift = axis_unit([float(offset)], style)
        scaled = offset.scaleb(-shift).normalize()
        shown = format(scaled, f"+,.{max(0, -int(scaled.as_tuple().exponent))}f") + unit
        return (lambda value: relative(float(Decimal(value) - offset))), shown

    return _tick_formatter(layout)


def percent_ticks() -> Formatter:
    """Shares as percentages with as many decimals as the ticks need to read exactly: 2.5%, 5.0%, 7.5%."""

    def layout(values: Sequence[float]) -> tuple[Callable[[float], str], str]:
        return percent_axis(values), ""

    return _tick_formatter(layout)


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
    """The longest start of ``text`` of whole grapheme clusters that, with an ellipsis after it, is at most ``width``
    wide (a cut between code points left a flag's half or a joiner without what it joins)."""
    ends = list(accumulate((len(cluster) for cluster in clusters(text)), initial=0))
    low, high = 0, len(ends) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if measure(text[:ends[middle]].rstrip() + "…") <= width:
            low = middle
        else:
            high = middle - 1
    return text[:ends[low]].rstrip() + "…"


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
