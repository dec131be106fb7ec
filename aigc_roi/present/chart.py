"""The cumulative-cash chart of a run report as a matplotlib Figure, for decks.

Pure: a report in, a Figure out; the command decides where it is saved.
matplotlib is imported inside the functions: it costs ~0.3 s and only
``run --plot`` needs it. The Figure gets an Agg canvas directly instead of
going through pyplot, so no GUI backend or global figure state is involved.

CJK text (most bundled scenario names are bilingual, 视频工具 Video tool...)
is drawn with the first installed font of ``CJK_FONTS`` whatever the
language, so it never turns into boxes. Without one, the caller prints one
line saying how to install one (``plot_no_cjk_font``), the figure drops the CJK
runs of a text that has something readable besides them, its title says which
font is missing (``MISSING_FONT_NOTE``), and ``image_bytes`` keeps
matplotlib's missing-glyph warnings off stderr. No font ships with the
package: the PyPI packages that carry Noto Sans CJK are 20-27 MB, single-
maintainer and unmaintained or tied to another tool (cvttf-notosanscjk-*,
manimgx-fonts-cjk), too much for a chart most runs never draw.
"""

from __future__ import annotations

import re
import warnings
from typing import TYPE_CHECKING

from aigc_roi.present.chart_format import MISSING_GLYPH, fit_to_width, money_ticks, percent_ticks
from aigc_roi.present.graphemes import cut
from aigc_roi.present.labels import label
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.present.text import visible

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from aigc_roi.model.scenario import Scenario
    from aigc_roi.present.run_data import RunReport
    from aigc_roi.whatif.simulate import Simulation

CJK_FONTS = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei", "Microsoft YaHei", "SimHei", "PingFang SC", "Hiragino Sans GB", "Heiti SC",
    "Arial Unicode MS",
)
"""Fonts with simplified Chinese glyphs, in order of preference."""

_GAIN = "#2e7d32"
_LOSS = "#c62828"
_LINE = "#1f3b73"


_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+")


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def readable(text: str) -> str:
    """``text`` without its CJK runs when something else remains to read, for a chart without a CJK font."""
    stripped = re.sub(r"\s+", " ", _CJK.sub(" ", text)).strip(" ·,()（）")
    return stripped if re.search(r"[A-Za-z0-9]", stripped) else text


TITLE_NAME_CHARS = 120
"""Most characters of a scenario name in a chart title: more overflows a 9-inch figure anyway, and
matplotlib's text layout of a 100 KB name took half a minute."""


def title_name(name: str) -> str:
    """A scenario name as a chart title shows it: control characters written out, CJK left out without
    a CJK font (when something else remains to read), cut to TITLE_NAME_CHARS with an ellipsis (then to the
    figure's width: ``finish``)."""
    return _cut(visible(name) if cjk_font() is not None else readable(visible(name)))


def _cut(text: str) -> str:
    return text if len(text) <= TITLE_NAME_CHARS else cut(text, TITLE_NAME_CHARS - 1) + "…"


def cjk_font() -> str | None:
    """The first installed font of ``CJK_FONTS``; None when Chinese would render as boxes."""
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


def cash_figure(report: RunReport, style: NumberStyle) -> Figure:
    """Monthly net cash as bars and cumulative net cash as a line, payback month marked.

    With ``style.lang == "zh"`` the caller should first make sure ``cjk_font()``
    finds a font; otherwise pass an English style.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    lang = style.lang
    months = report.months
    x = [month["month"] for month in months]
    net = [month["net_cash"] for month in months]
    cumulative = [month["cumulative_cash"] for month in months]

    figure = Figure(figsize=(10, 5), dpi=150, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    axes.bar(x, net, color=[_GAIN if value >= 0 else _LOSS for value in net], alpha=0.35)
    line = axes.plot(x, cumulative, color=_LINE, linewidth=2, marker="o" if len(x) <= 36 else None, markersize=3,
                     label=label("cumulative_cash", lang))
    # A swatch per colour the bars have: one red "Net cash" swatch beside bars mostly green said they were losses.
    swatches = [Patch(color=colour, alpha=0.35, label=label(key, lang)) for key, colour, shown in
                (("net_cash_gain", _GAIN, any(value >= 0 for value in net)),
                 ("net_cash_loss", _LOSS, any(value < 0 for value in net))) if shown]
    axes.axhline(0, color="0.35", linewidth=0.8)

    payback = report.figures["payback_month"]
    if payback is not None:
        axes.axvline(payback, color=_GAIN, linestyle="--", linewidth=1)
        axes.annotate(
            f"{label('payback_marker', lang)} {months[payback - 1]['label']}",
            xy=(payback, cumulative[payback - 1]), xytext=(6, 10), textcoords="offset points", color=_GAIN,
            bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none", "alpha": 0.8},
        )

    axes.set_title(label("chart_title", lang))
    axes.set_xlabel(label("month", lang))
    axes.set_ylabel(report.currency)
    axes.set_xlim(0.4, len(x) + 0.6)
    # At most ~12 ticks so 120-month horizons stay legible; ticks show the
    # report's own labels (M3 or 2025-03), not bare month numbers.
    axes.xaxis.set_major_locator(MaxNLocator(nbins=12, integer=True))
    axes.xaxis.set_major_formatter(
        FuncFormatter(lambda value, _: months[int(value) - 1]["label"] if 1 <= value <= len(months) else "")
    )
    axes.yaxis.set_major_formatter(money_ticks(style))
    axes.grid(axis="y", alpha=0.3)
    axes.legend(handles=[*line, *swatches], loc="best", frameon=False)

    finish(figure, report.scenario)
    return figure


MISSING_FONT_NOTE = "(Chinese text left out: font {font} or another CJK font is not installed)"
"""The line a chart's title gains when it leaves Chinese out: in English, the one script the chart can draw then."""


def finish(figure: Figure, scenario: str) -> None:
    """The plan's name as the figure's title, over all its panels, in lines that fit the figure's width
    (chart_format.py ``fit_to_width``: a name cut at the edge or run into the next panel's title showed part of it);
    the whole name (to TITLE_NAME_CHARS) as the figure's label, which ``image_bytes`` keeps as the image's title. Every text drawn as
    written (a $ in a name starts no mathtext) and, when a CJK font is installed, with it first: DejaVu Sans has
    no Chinese glyphs, whatever the language.

    Without one, the title says which font is missing when ``scenario`` has Chinese: the chart itself, not only
    the command's note on stderr, tells why the name lost words."""
    from matplotlib.text import Text

    font = cjk_font()
    name = title_name(scenario)
    if font is None and has_cjk(scenario):
        name = f"{name}\n{MISSING_FONT_NOTE.format(font=CJK_FONTS[0])}"
    # Its Chinese too: no font draws the image's title.
    figure.set_label(_cut(visible(scenario)))
    title = figure.suptitle(name)
    for text in figure.findobj(Text):
        text.set_parse_math(False)
    if font is not None:
        family = [font, "DejaVu Sans"]
        for axes in figure.axes:
            axes.tick_params(labelfontfamily=family)
        for text in figure.findobj(Text):
            text.set_fontfamily(family)
    fit_to_width(title, figure)


def simulation_figure(simulation: Simulation, scenario: Scenario, style: NumberStyle) -> Figure:
    """A simulation as two panels: the fan of cumulative cash by month (band from the lowest to the highest
    percentile, line at the median: simulation.py ``fan_line``) and the histogram of net cash."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    from aigc_roi.present.simulation import fan_line

    lang = style.lang
    labels = scenario.month_labels()
    quantiles = simulation.percentiles
    low, high, middle = quantiles[0], quantiles[-1], fan_line(quantiles)

    def at(q: float) -> list[float]:
        return [float(value) for value in simulation.cash_fan.percentiles[q][:len(labels)]]

    x = list(range(1, len(labels) + 1))
    figure = Figure(figsize=(12, 5), dpi=150, layout="constrained")
    FigureCanvasAgg(figure)
    fan, histogram = figure.subplots(1, 2, width_ratios=(3, 2))
    if low != high:
        fan.fill_between(x, at(low), at(high), color=_LINE, alpha=0.2,
                         label=label("fan_band", lang).format(low=float(f"{low:g}"), high=float(f"{high:g}")))
    if middle is not None:
        fan.plot(x, at(middle), color=_LINE, linewidth=2, label=label("fan_median", lang).format(middle=float(f"{middle:g}")))
    fan.axhline(0, color="0.35", linewidth=0.8)
    fan.set_title(label("simulate_chart_title", lang))
    fan.set_xlabel(label("month", lang))
    fan.set_ylabel(scenario.currency)
    fan.set_xlim(0.6, len(x) + 0.4)
    # The fan is narrower than the run chart: fewer ticks so YYYY-MM labels do not collide.
    fan.xaxis.set_major_locator(MaxNLocator(nbins=7, integer=True))
    fan.xaxis.set_major_formatter(
        FuncFormatter(lambda value, _: labels[int(value) - 1] if 1 <= value <= len(labels) else ""))
    fan.yaxis.set_major_formatter(money_ticks(style))
    fan.grid(axis="y", alpha=0.3)
    fan.legend(loc="best", frameon=False)

    side = _histogram(histogram, simulation)
    # Under the title, where no bar reaches: the side 0 lies on, with no 0 line to show it.
    histogram.set_title(label("net_cash", lang) + ("" if side is None else f"\n{label(side, lang)}"))
    histogram.set_xlabel(scenario.currency)
    histogram.xaxis.set_major_locator(MaxNLocator(nbins=4))
    histogram.xaxis.set_major_formatter(money_ticks(style))
    histogram.yaxis.set_major_formatter(percent_ticks())
    finish(figure, scenario.name)
    return figure


ZERO_NEAR = 0.1
"""How near the samples' range, as a share of its span, 0 must be for the histogram to draw its 0 line: a 0 far off
stretched the axis to it and squeezed the bins into a sliver."""


def _histogram(axes: Axes, simulation: Simulation) -> str | None:
    """The net-cash histogram's bars, a bin that straddles 0 drawn in two parts at 0, loss red left and gain green
    right, as if its samples were spread evenly over it (coloured by its low edge, a bin of mostly gains read all
    loss); the 0 line where 0 is within or near the samples' range. None then, else the label of the note that all
    samples lie on one side of 0."""
    from aigc_roi.present.simulation import one_net_cash

    one = one_net_cash(simulation)
    if one is None:
        edges = [float(edge) for edge in simulation.net_cash_histogram.edges]
        shares = [int(count) / simulation.samples for count in simulation.net_cash_histogram.counts]
        parts = [part for low, high, share in zip(edges[:-1], edges[1:], shares, strict=True)
                 for part in ([(low, 0.0, share), (0.0, high, share)] if low < 0 < high else [(low, high, share)])]
        axes.bar([low for low, _, _ in parts], [share for _, _, share in parts],
                 width=[high - low for low, high, _ in parts], align="edge", alpha=0.6,
                 color=[_GAIN if low >= 0 else _LOSS for low, _, _ in parts])
        bottom, top = edges[0], edges[-1]
    else:
        # Every sample's one value: a bar of bins 0.05 wide beside the zero line drew nothing that could be seen.
        axes.vlines([one], 0, 1, colors=_GAIN if one >= 0 else _LOSS, linewidth=6, alpha=0.6)
        bottom = top = one
    near = ZERO_NEAR * (top - bottom)
    if bottom - near <= 0 <= top + near:
        axes.axvline(0, color="0.35", linewidth=0.8)
        return None
    return "histogram_all_below_zero" if top < 0 else "histogram_all_above_zero"


def image_bytes(figure: Figure, image_format: str) -> bytes:
    """The figure as ``svg`` or ``png`` bytes, the same bytes for the same report.

    SVG keeps every text as a ``<text>`` element (svg.fonttype none), so a
    deck tool can edit it; element ids come from a fixed salt and the date
    is left out, so a chart committed to git changes only when its numbers do.
    """
    import io

    from matplotlib import rc_context

    buffer = io.BytesIO()
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "aigc-roi"}), warnings.catch_warnings():
        # Without a CJK font, Chinese that cannot be left out draws as boxes: the command said so once
        # (plot_no_cjk_font); matplotlib's warning per missing glyph would repeat it in its own words.
        warnings.filterwarnings("ignore", message=MISSING_GLYPH)
        metadata: dict[str, str | None] = {"Date": None} if image_format == "svg" else {}
        # The whole name, which the drawn title may end in an ellipsis (``finish``).
        metadata["Title"] = str(figure.get_label())
        figure.savefig(buffer, format=image_format, metadata=metadata)
    return buffer.getvalue()
