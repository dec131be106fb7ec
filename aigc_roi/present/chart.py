"""The cumulative-cash chart of a run report as a matplotlib Figure, for decks.

Pure: a report in, a Figure out; the command decides where it is saved.
matplotlib is imported inside the functions: it costs ~0.3 s and only
``run --plot`` needs it. The Figure gets an Agg canvas directly instead of
going through pyplot, so no GUI backend or global figure state is involved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aigc_roi.present.labels import label
from aigc_roi.present.numbers import NumberStyle

if TYPE_CHECKING:
    from matplotlib.figure import Figure

CJK_FONTS = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei", "Microsoft YaHei", "SimHei", "PingFang SC", "Hiragino Sans GB", "Heiti SC",
    "Arial Unicode MS",
)
"""Fonts with simplified Chinese glyphs, in order of preference."""

_GAIN = "#2e7d32"
_LOSS = "#c62828"
_LINE = "#1f3b73"


def cjk_font() -> str | None:
    """The first installed font of ``CJK_FONTS``; None when Chinese would render as boxes."""
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


def cash_figure(report: dict[str, Any], style: NumberStyle) -> Figure:
    """Monthly net cash as bars and cumulative net cash as a line, payback month marked.

    With ``style.lang == "zh"`` the caller should first make sure ``cjk_font()``
    finds a font; otherwise pass an English style.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.text import Text
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    lang = style.lang
    months = report["months"]
    x = [month["month"] for month in months]
    net = [month["net_cash"] for month in months]
    cumulative = [month["cumulative_cash"] for month in months]

    figure = Figure(figsize=(10, 5), dpi=150, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    axes.bar(x, net, color=[_GAIN if value >= 0 else _LOSS for value in net], alpha=0.35,
             label=label("net_cash", lang))
    axes.plot(x, cumulative, color=_LINE, linewidth=2, marker="o" if len(x) <= 36 else None, markersize=3,
              label=label("cumulative_cash", lang))
    axes.axhline(0, color="0.35", linewidth=0.8)

    payback = report["figures"]["payback_month"]
    if payback is not None:
        axes.axvline(payback, color=_GAIN, linestyle="--", linewidth=1)
        axes.annotate(
            f"{label('payback_marker', lang)} {months[payback - 1]['label']}",
            xy=(payback, cumulative[payback - 1]), xytext=(6, 10), textcoords="offset points", color=_GAIN,
            bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none", "alpha": 0.8},
        )

    axes.set_title(f"{report['scenario']} · {label('chart_title', lang)}")
    axes.set_xlabel(label("month", lang))
    axes.set_ylabel(report["currency"])
    axes.set_xlim(0.4, len(x) + 0.6)
    # At most ~12 ticks so 120-month horizons stay legible; ticks show the
    # report's own labels (M3 or 2025-03), not bare month numbers.
    axes.xaxis.set_major_locator(MaxNLocator(nbins=12, integer=True))
    axes.xaxis.set_major_formatter(
        FuncFormatter(lambda value, _: months[int(value) - 1]["label"] if 1 <= value <= len(months) else "")
    )
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: style.money(value, 0)))
    axes.grid(axis="y", alpha=0.3)
    axes.legend(loc="best", frameon=False)

    # DejaVu Sans has no Chinese glyphs, so every text (tick labels are made
    # at draw time, hence tick_params) gets the CJK font first.
    font = cjk_font() if lang == "zh" else None
    if font is not None:
        family = [font, "DejaVu Sans"]
        axes.tick_params(labelfontfamily=family)
        for text in figure.findobj(Text):
            text.set_fontfamily(family)
    return figure


def image_bytes(figure: Figure, image_format: str) -> bytes:
    """The figure as ``svg`` or ``png`` bytes, the same bytes for the same report.

    SVG keeps every text as a ``<text>`` element (svg.fonttype none), so a
    deck tool can edit it; element ids come from a fixed salt and the date
    is left out, so a chart committed to git changes only when its numbers do.
    """
    import io

    from matplotlib import rc_context

    buffer = io.BytesIO()
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "aigc-roi"}):
        metadata = {"Date": None} if image_format == "svg" else {}
        figure.savefig(buffer, format=image_format, metadata=metadata)
    return buffer.getvalue()
