"""Charts as inline SVG strings: no script, no external file, readable without colour.

Every mark that carries meaning differs by shape or pattern as well as by
shade (a hatched band, a dashed zero line, hatched losses), so the page
prints on a black-and-white printer and reads for a colour-blind reader.
Text in a chart is escaped like any other HTML text: names are data.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from aigc_roi.model.compared import RESOLUTION, apart_places, kept_nonzero
from aigc_roi.present.chart_format import Axis, exact_decimals
from aigc_roi.present.graphemes import clusters, wide, zero_width
from aigc_roi.present.report.words import word
from aigc_roi.present.text import html_text

INK = "#1f2933"
"""Lines, text and solid bars."""
SOFT = "#9aa5b1"
"""Bands, grid lines and hatching."""
WIDTH = 720
_PATTERNS = (
    '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
    f'<line x1="0" y1="0" x2="0" y2="6" stroke="{SOFT}" stroke-width="2"/></pattern></defs>'
)

Format = Callable[[float], str]


def _tip(name: str, value: str, lang: str) -> str:
    """A mark's hover text, ``name: value`` (``name：value`` in Chinese, as the page's prose writes it)."""
    return f"<title>{html_text(name)}{word('colon', lang)}{html_text(value)}</title>"


def _svg(height: int, body: list[str], title: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
            f'aria-label="{html_text(title)}" font-size="11" fill="{INK}"><title>{html_text(title)}</title>'
            + _PATTERNS + "".join(body) + "</svg>")


def _nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high] (1, 2 or 5 times a power of ten apart)."""
    if high <= low:
        high = low + 1.0
    raw = (high - low) / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(power * m for m in (1, 2, 5, 10) if power * m >= raw)
    first = math.floor(low / step) * step
    return [first + i * step for i in range(int(math.ceil((high - first) / step)) + 1)]


def _value_margin(labels: Sequence[str]) -> float:
    """Left of a chart's axis: the widest of its value labels, written right-aligned 6 units from the axis, and 4
    from the chart's edge; 78 at least. A fixed 78 cut the minus sign off -200,000,000, a loss read as a gain."""
    return max(78.0, max(map(text_width, labels)) + 10)


def cash_chart(labels: Sequence[str], cumulative: Sequence[float], band: tuple[Sequence[float], Sequence[float]] | None,
               money: Format, title: str, legend: Sequence[str], *, lang: str, axis: Axis | None = None) -> str:
    """Cumulative cash by month (a line), the P5–P95 band when given (hatched), and the 0 line (dashed). ``axis``
    writes the value ticks together (the fewest decimals that tell them apart); ``money`` each alone, else."""
    widest = max((text_width(label) for label in labels), default=0.0)
    series = list(cumulative) + (list(band[0]) + list(band[1]) if band else []) + [0.0]
    ticks = _nice_ticks(min(series), max(series))
    tick_text = money if axis is None else axis(ticks)
    # The right margin holds half the last month's label, centred on the axis' end ("2025-12" ran off it).
    height, left, right, top, bottom = 280, _value_margin([tick_text(v) for v in ticks]), max(12.0, widest / 2), 14, 52
    low, high = ticks[0], ticks[-1]
    months = len(cumulative)

    def x(t: float) -> float:
        return left + (WIDTH - left - right) * (t / max(months - 1, 1))

    def y(value: float) -> float:
        return top + (height - top - bottom) * (high - value) / (high - low)

    body = [f'<line x1="{left}" x2="{WIDTH - right}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="{SOFT}" stroke-width="0.5"/>'
            f'<text x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{html_text(tick_text(v))}</text>' for v in ticks]
    # Every k-th month's label, k the fewest months that hold a label and a gap, so that no two overprint.
    every = math.ceil((widest + 8) / ((WIDTH - left - right) / max(months - 1, 1)))
    body += [f'<text x="{x(t):.1f}" y="{height - bottom + 16}" text-anchor="middle">{html_text(labels[t])}</text>'
             for t in range(0, months, every)]
    if band is not None:
        outline = [f"{x(t):.1f},{y(v):.1f}" for t, v in enumerate(band[1])]
        outline += [f"{x(t):.1f},{y(v):.1f}" for t, v in reversed(list(enumerate(band[0])))]
        body.append(f'<polygon points="{" ".join(outline)}" fill="url(#hatch)" stroke="{SOFT}"/>')
    body.append(f'<line x1="{left}" x2="{WIDTH - right}" y1="{y(0):.1f}" y2="{y(0):.1f}" stroke="{INK}" stroke-dasharray="5 4"/>')
    points = " ".join(f"{x(t):.1f},{y(v):.1f}" for t, v in enumerate(cumulative))
    body.append(f'<polyline points="{points}" fill="none" stroke="{INK}" stroke-width="2.2"/>')
    body += [f'<circle cx="{x(t):.1f}" cy="{y(v):.1f}" r="2.2">{_tip(labels[t], money(v), lang)}</circle>'
             for t, v in enumerate(cumulative)]
    marks = [("line", legend[0])] + ([("hatch", legend[1])] if band else []) + [("dash", legend[2])]
    body.append(_legend(height - 18, marks))
    return _svg(height, body, title)


def _legend_rows(items: Sequence[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """The legend's items in rows that fit the chart's width (a long name or a Chinese one takes a second row)."""
    rows: list[list[tuple[str, str]]] = [[]]
    x = 12.0
    for item in items:
        width = 48 + text_width(item[1])
        if rows[-1] and x + width > WIDTH:
            rows.append([])
            x = 12.0
        rows[-1].append(item)
        x += width
    return rows


_EM_WIDE = frozenset("MWmw@%")
"""Latin characters about one em wide in the sans-serif fonts the page names, as a Chinese one is."""


def _cluster_width(cluster: str) -> float:
    # Upper estimates of the page's sans-serif fonts, so a name fitted by them stays on the chart: a wide
    # (East Asian W/F) glyph, an emoji or a flag one em, so are M and W; other capitals 0.72 em, any other
    # character 0.6 em. A mark, joiner or variation selector adds nothing to the character it belongs to.
    if wide(cluster) or cluster[0] in _EM_WIDE:
        return 11.0
    if zero_width(cluster[0]):
        return 0.0
    return 8.0 if cluster[0].isupper() else 6.5


def text_width(text: str) -> float:
    """Estimated width of ``text`` in the charts' 11-unit font, in viewBox units. Counting characters made a
    Chinese name, each of its characters twice a Latin one's width, overrun the chart's left edge."""
    return sum(_cluster_width(cluster) for cluster in clusters(text))


def fitted(text: str, room: float) -> str:
    """``text`` if it fits ``room`` units, else as many of its first grapheme clusters as fit with "…" after them:
    never a joiner without what it joins, half a flag or a letter without its accent."""
    if text_width(text) <= room:
        return text
    room -= text_width("…")
    kept = ""
    for cluster in clusters(text):
        room -= _cluster_width(cluster)
        if room < 0:
            break
        kept += cluster
    return kept + "…"


def _legend(y: float, items: Sequence[tuple[str, str]]) -> str:
    marks = {"line": f'<line x1="0" x2="22" y1="-4" y2="-4" stroke="{INK}" stroke-width="2.2"/>',
             "dash": f'<line x1="0" x2="22" y1="-4" y2="-4" stroke="{INK}" stroke-dasharray="5 4"/>',
             **{mark: _marker(mark, 11, -4) for mark in POINT_MARKS},
             "hatch": f'<rect x="0" y="-10" width="22" height="10" fill="url(#hatch)" stroke="{SOFT}"/>',
             "solid": f'<rect x="0" y="-10" width="22" height="10" fill="{INK}"/>',
             "outline": f'<rect x="0" y="-10" width="22" height="10" fill="none" stroke="{INK}"/>'}
    parts, x = [], 12.0
    for mark, text in items:
        parts.append(f'<g transform="translate({x:.0f},{y:.0f})">{marks[mark]}<text x="28" y="0">{html_text(text)}</text></g>')
        x += 48 + text_width(text)
    return "".join(parts)


def bar_groups(rows: Sequence[tuple[str, Sequence[float | None]]], series: Sequence[tuple[str, str]], money: Format,
               title: str, notes: Sequence[str] | None = None, *, lang: str) -> str:
    """One group of horizontal bars per row (a channel), one bar per series, every bar on one scale; ``series`` is
    (legend text, mark: solid, hatch or outline). A missing value draws no bar and says so. ``notes``: a line of
    text under each group's bars for a value in another unit (a fee per post beside costs per user), written, never
    drawn to the bars' scale. A negative value (an LTV below 0) is drawn left of the 0 line, its amount left of it."""
    bar, gap, left, right, top = 11, 10, 170, 90, 8
    lines = len(series) + (1 if notes else 0)
    group = bar * lines + gap
    values = [v for _, row in rows for v in row if v is not None]
    negative = [v for v in values if v < 0]
    # The 0 line is labelled under the bars when any bar runs left of it.
    height = top + group * len(rows) + 34 + (14 if negative else 0)
    # Left of the bars: room for the longest negative amount, written beyond its bar's end.
    start = left + max((text_width(money(v)) + 8 for v in negative), default=0.0)
    low, high = min(0.0, *values) if values else 0.0, max(0.0, *values) if values else 0.0
    scale = (WIDTH - right - start) / ((high - low) or 1.0)
    zero = start - low * scale
    fills = {"solid": f'fill="{INK}"', "hatch": f'fill="url(#hatch)" stroke="{SOFT}"', "outline": f'fill="none" stroke="{INK}"'}
    body = []
    for i, (name, row) in enumerate(rows):
        y0 = top + i * group
        body.append(_name(left - 8, y0 + group / 2, name))
        for j, ((legend, mark), value) in enumerate(zip(series, row, strict=True)):
            y = y0 + j * bar
            shown = "—" if value is None else money(value)
            width = 0.0 if value is None else max(abs(value) * scale, 1.0)
            x = zero - width if value is not None and value < 0 else zero
            text = (f'<text x="{x - 4:.1f}" y="{y + bar - 3}" text-anchor="end">' if x < zero
                    else f'<text x="{zero + width + 4:.1f}" y="{y + bar - 3}">')
            body.append(f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{bar - 2}" {fills[mark]}>'
                        f'{_tip(f"{name} · {legend}", shown, lang)}</rect>{text}{html_text(shown)}</text>')
        if negative:
            # Beside each group's bars only: the note under them is written across the 0 line.
            body.append(f'<line x1="{zero:.1f}" x2="{zero:.1f}" y1="{y0 - 1}" y2="{y0 + len(series) * bar - 1}" '
                        f'stroke="{INK}"/>')
        if notes:
            body.append(f'<text x="{left}" y="{y0 + len(series) * bar + bar - 3}" font-style="italic">'
                        f"{html_text(notes[i])}</text>")
    if negative:
        body.append(f'<text x="{zero:.1f}" y="{top + group * len(rows) + 4}" text-anchor="middle">0</text>')
    body.append(_legend(height - 10, [(mark, legend) for legend, mark in series]))
    return _svg(height, body, title)


def _name(x: float, y: float, name: str) -> str:
    """A name right-aligned at (x, y), shortened to fit between the chart's left edge and x; the whole name on
    hover."""
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="end">{html_text(fitted(name, x - 4))}'
            f"<title>{html_text(name)}</title></text>")


def heatmap(labels: Sequence[str], spans: Sequence[str], cells: Sequence[Sequence[float | None]], money: Format,
            title: str, *, lang: str) -> str:
    """A square grid of shaded cells, rows and columns the same months: darker is a larger magnitude, a loss is
    hatched as well; None is blank. ``labels`` name the rows and columns on the axes, ``spans`` in a cell's hover
    text (a group's first month on the axis, its months on hover)."""
    label_height, widest = 13, max((text_width(text) for text in labels), default=0.0)
    # The left margin holds the longest row label; the right one half the last column's, which is centred on it.
    left, right, top, bottom = widest + 12, max(10.0, widest / 2), 8, 40
    size = min(24.0, (WIDTH - left - right) / max(len(labels), 1))
    height = int(top + size * len(labels) + bottom)
    largest = max((abs(v) for row in cells for v in row if v is not None), default=1.0) or 1.0
    # Every k-th label, k the fewest cells that hold a label and a gap, so that no two overprint.
    across, down = math.ceil((widest + 8) / size), math.ceil(label_height / size)
    body = [f'<text x="{left + size * (j + 0.5):.1f}" y="{height - bottom + 14}" text-anchor="middle">{html_text(text)}</text>'
            for j, text in enumerate(labels) if j % across == 0]
    for i, row in enumerate(cells):
        y = top + i * size
        if i % down == 0:
            body.append(f'<text x="{left - 6:.1f}" y="{y + size / 2 + 4:.1f}" text-anchor="end">{html_text(labels[i])}</text>')
        for j, value in enumerate(row):
            if value is None:
                continue
            shade = 0.08 + 0.85 * abs(value) / largest
            tip = _tip(f"{spans[i]} → {spans[j]}", money(value), lang)
            body.append(f'<rect x="{left + j * size:.1f}" y="{y:.1f}" width="{size:.1f}" height="{size:.1f}" '
                        f'fill="{INK}" fill-opacity="{shade:.2f}">{tip}</rect>')
            if value < 0:
                body.append(f'<rect x="{left + j * size:.1f}" y="{y:.1f}" width="{size:.1f}" height="{size:.1f}" '
                            f'fill="url(#hatch)"/>')
    return _svg(height, body, title)


def tornado(rows: Sequence[tuple[str, float | None, float | None]], percent: Format, title: str, legend: str, *,
            lang: str) -> str:
    """Per driver, the change at the low move (hatched) and the high move (solid), either side of 0."""
    bar, left, right, top = 16, 250, 60, 8
    height = top + bar * len(rows) + 34
    largest = max((abs(v) for _, *moves in rows for v in moves if v is not None), default=1.0) or 1.0
    centre = left + (WIDTH - left - right) / 2
    scale = (WIDTH - left - right) / 2 / largest
    body = [f'<line x1="{centre:.1f}" x2="{centre:.1f}" y1="{top}" y2="{top + bar * len(rows)}" stroke="{INK}"/>']
    for i, (name, low, high) in enumerate(rows):
        y = top + i * bar
        body.append(_name(left - 8, y + bar - 4, name))
        for value, fill in ((low, f'fill="url(#hatch)" stroke="{SOFT}"'), (high, f'fill="{INK}"')):
            if value is None or value == 0:
                continue
            x = centre if value > 0 else centre - abs(value) * scale
            body.append(f'<rect x="{x:.1f}" y="{y + 2}" width="{abs(value) * scale:.1f}" height="{bar - 4}" {fill}>'
                        f'{_tip(name, percent(value), lang)}</rect>')
    body.append(f'<text x="{centre:.1f}" y="{top + bar * len(rows) + 12}" text-anchor="middle">0</text>')
    body.append(f'<text x="12" y="{height - 10}">{html_text(legend)}</text>')
    return _svg(height, body, title)


POINT_MARKS = ("open", "diamond", "square", "triangle", "cross")
"""Markers that tell points apart by shape: an open circle, a filled diamond, an open square, a filled triangle, a
cross (a point that fails: a budget curve's point whose gate fails)."""


def _marker(mark: str, x: float, y: float) -> str:
    if mark == "open":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="#fff" stroke="{INK}" stroke-width="1.5"/>'
    if mark == "diamond":
        return f'<polygon points="{x:.1f},{y - 6:.1f} {x + 6:.1f},{y:.1f} {x:.1f},{y + 6:.1f} {x - 6:.1f},{y:.1f}" fill="{INK}"/>'
    if mark == "square":
        return f'<rect x="{x - 5:.1f}" y="{y - 5:.1f}" width="10" height="10" fill="#fff" stroke="{INK}" stroke-width="1.5"/>'
    if mark == "cross":
        return (f'<path d="M{x - 5:.1f},{y - 5:.1f}L{x + 5:.1f},{y + 5:.1f}M{x - 5:.1f},{y + 5:.1f}L{x + 5:.1f},{y - 5:.1f}" '
                f'stroke="{INK}" stroke-width="2"/>')
    return f'<polygon points="{x:.1f},{y - 6:.1f} {x + 6:.1f},{y + 5:.1f} {x - 6:.1f},{y + 5:.1f}" fill="{INK}"/>'


@dataclass(frozen=True)
class Series:
    """One series of an x-y chart: a line (solid or dashed) through its points, or its points as markers."""

    legend: str
    points: Sequence[tuple[float, float]]
    mark: str
    """``line`` or ``dash`` (a line), or one of ``POINT_MARKS`` (markers only)."""


OFF_SCALE = 0.5
"""How far beyond its lines' span, as a share of that span, the x axis reaches for a marker: one further out (today's
split at 275 beside a budget curve from 0 to 2) is drawn at the axis' end, its budget written beside it, so that the
lines keep at least two thirds of the axis. Spanning every marker squeezed the curve into the chart's left edge."""


def _x_ticks(lines: Sequence[float], marks: Sequence[float]) -> list[float]:
    """The x axis' ticks: they span the lines' x values (the markers' where there is no line), and each marker within
    OFF_SCALE of them."""
    xs = list(lines) or list(marks)
    low, high = min(xs), max(xs)
    reach = (high - low) * OFF_SCALE
    near = [x for x in (*lines, *marks) if low - reach <= x <= high + reach]
    return _nice_ticks(min(low, *near), max(high, *near))


TICK_APART = 0.1
"""A marker further than this share of the ticks' step from a tick does not read as that tick (B = 2.5 as 3)."""


def x_values(lines: Sequence[float], marks: Sequence[float], write: Callable[[float, int], str],
             shown: Sequence[float] = ()) -> Format:
    """How ``xy_chart`` with lines through ``lines`` and markers at ``marks`` (x values) writes an x value outside its
    ticks: a marker's hover, legend and off-scale label, and ``shown``, values written beside the chart (a table of
    the curve's points). ``write`` (value, decimals) with at least the ticks' decimals, more until no marker reads
    as a tick more than ``TICK_APART`` of the ticks' step from it, nor any two of the markers and ``shown`` more than
    model/compared.py RESOLUTION of the axis apart read alike (``apart_places``), and a value other than 0 that would
    read 0 with its first significant digits (``kept_nonzero``). With whole amounts the chosen split at B = 2.5, drawn
    between the ticks 2 and 3, read 3; at B = 0.01, on ticks 0.000 to 0.020, it read 0. Held apart from the ticks
    by the axis' thousandth instead, 24,690 and the tick 25,000 both read 2.5万 in Chinese (whose amounts past 1万
    keep 0.1万), and every budget of the page took cents for it."""
    ticks = _x_ticks(lines, marks)
    span, places = ticks[-1] - ticks[0], exact_decimals(ticks)
    step = span / max(len(ticks) - 1, 1)
    beside_ticks = apart_places([*ticks, *marks], step * TICK_APART / RESOLUTION, places, write)
    return kept_nonzero(write, apart_places([*marks, *shown], span, beside_ticks, write))


def xy_chart(series: Sequence[Series], x_format: Format, y_format: Format, title: str, x_title: str, *,
             lang: str, x_axis: Axis | None = None, y_axis: Axis | None = None) -> str:
    """Series on shared x and y axes; the 0 line dashed when the values cross it. Every point has its value on hover;
    a marker beyond the axis' reach (``OFF_SCALE``) stands at its end, an arrow and its x value beside it.
    ``x_axis`` and ``y_axis`` write each axis' ticks together, with the fewest decimals that tell them apart
    (chart_format.py): a budget curve from 0 to 2 read 0, 1, 1, 2, 2 with ``x_format``'s whole amounts, and
    -200.0万 in the 0.1万 an amount alone keeps; ``x_values`` gives an ``x_format`` that keeps the ticks' decimals."""
    legend = _legend_rows([(line.mark, line.legend) for line in series])
    ys = [y for line in series for _, y in line.points]
    lines = [x for line in series if line.mark in ("line", "dash") for x, _ in line.points]
    marks = [x for line in series if line.mark not in ("line", "dash") for x, _ in line.points]
    x_ticks, y_ticks = _x_ticks(lines, marks), _nice_ticks(min(ys), max(ys))
    x_labels = list(map(x_format if x_axis is None else x_axis(x_ticks), x_ticks))
    y_text = y_format if y_axis is None else y_axis(y_ticks)
    # The first and the last x label are centred on the axis' ends: the margins hold half of each and 2 more
    # (2,000,000,000 under a budget of 10亿 ran off the right edge).
    left = max(_value_margin([y_text(v) for v in y_ticks]), text_width(x_labels[0]) / 2 + 2)
    right = max(36.0, text_width(x_labels[-1]) / 2 + 2)
    height, top, bottom = 264 + 16 * len(legend), 14, 50 + 16 * len(legend)

    def px(value: float) -> float:
        return left + (WIDTH - left - right) * (value - x_ticks[0]) / (x_ticks[-1] - x_ticks[0])

    def py(value: float) -> float:
        return top + (height - top - bottom) * (y_ticks[-1] - value) / (y_ticks[-1] - y_ticks[0])

    def _off_scale(x: float, y: float) -> str:
        """Above a marker pinned to an end of the axis, its x value and an arrow to where it lies."""
        if x_ticks[0] <= x <= x_ticks[-1]:
            return ""
        beyond = x > x_ticks[-1]
        text = f"{x_format(x)} →" if beyond else f"← {x_format(x)}"
        return (f'<text x="{(WIDTH - right) if beyond else left:.1f}" y="{y - 9:.1f}" '
                f'text-anchor="{"end" if beyond else "start"}">{html_text(text)}</text>')

    body = [f'<line x1="{left}" x2="{WIDTH - right}" y1="{py(v):.1f}" y2="{py(v):.1f}" stroke="{SOFT}" stroke-width="0.5"/>'
            f'<text x="{left - 6}" y="{py(v) + 4:.1f}" text-anchor="end">{html_text(y_text(v))}</text>' for v in y_ticks]
    # Every k-th x label, k the fewest ticks that hold the widest label and a gap, as the cash chart's months.
    every = math.ceil((max(map(text_width, x_labels)) + 8) / ((WIDTH - left - right) / (len(x_ticks) - 1)))
    body += [f'<text x="{px(v):.1f}" y="{height - bottom + 16}" text-anchor="middle">{html_text(text)}</text>'
             for v, text in list(zip(x_ticks, x_labels, strict=True))[::every]]
    body.append(f'<text x="{(left + WIDTH - right) / 2:.0f}" y="{height - bottom + 32}" text-anchor="middle">'
                f"{html_text(x_title)}</text>")
    if y_ticks[0] < 0 < y_ticks[-1]:
        body.append(f'<line x1="{left}" x2="{WIDTH - right}" y1="{py(0):.1f}" y2="{py(0):.1f}" stroke="{INK}" '
                    'stroke-dasharray="5 4"/>')
    for line in series:
        if line.mark in ("line", "dash"):
            dash = ' stroke-dasharray="5 4"' if line.mark == "dash" else ""
            points = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in line.points)
            body.append(f'<polyline points="{points}" fill="none" stroke="{INK}" stroke-width="2"{dash}/>')
            continue
        body += [f"<g>{_marker(line.mark, min(max(px(x), left), WIDTH - right), py(y))}"
                 f"{_tip(line.legend, f'{x_format(x)} → {y_format(y)}', lang)}</g>{_off_scale(x, py(y))}"
                 for x, y in line.points]
    body += [_legend(height - 10 - 16 * (len(legend) - 1 - i), row) for i, row in enumerate(legend)]
    return _svg(height, body, title)


@dataclass(frozen=True)
class Step:
    """One bar of a waterfall: a total (drawn from 0) or a change (drawn from the running total)."""

    name: str
    amount: float
    total: bool = False


def waterfall(steps: Sequence[Step], money: Format, title: str, legend: Sequence[str], total_money: Format | None = None, *,
              lang: str) -> str:
    """A horizontal waterfall: totals outlined from 0, a rise solid and a fall hatched, each from where the last
    bar ended (a dotted connector between them); ``legend`` names total, rise and fall. ``money`` formats a
    change, ``total_money`` a total (``money`` when not given)."""
    bar, left, right, top = 20, 210, 104, 8
    height = top + bar * len(steps) + 34
    ends, running = [], 0.0
    for step in steps:
        start = 0.0 if step.total else running
        running = step.amount if step.total else running + step.amount
        ends.append((start, running))
    edges = [0.0] + [value for pair in ends for value in pair]
    low, high = min(edges), max(edges)
    span = (high - low) or 1.0

    def px(value: float) -> float:
        return left + (WIDTH - left - right) * (value - low) / span

    body = [f'<line x1="{px(0):.1f}" x2="{px(0):.1f}" y1="{top}" y2="{top + bar * len(steps)}" stroke="{INK}"/>']
    fills = {"total": f'fill="none" stroke="{INK}" stroke-width="1.5"', "rise": f'fill="{INK}"',
             "fall": f'fill="url(#hatch)" stroke="{INK}"'}
    for i, (step, (start, end)) in enumerate(zip(steps, ends, strict=True)):
        y = top + i * bar
        kind = "total" if step.total else "rise" if step.amount >= 0 else "fall"
        x0, x1 = sorted((px(start), px(end)))
        shown = (total_money or money)(step.amount) if step.total else money(step.amount)
        body.append(_name(left - 8, y + bar - 6, step.name))
        body.append(f'<rect x="{x0:.1f}" y="{y + 3}" width="{max(x1 - x0, 1.0):.1f}" height="{bar - 6}" {fills[kind]}>'
                    f"{_tip(step.name, shown, lang)}</rect>")
        body.append(f'<text x="{WIDTH - 6}" y="{y + bar - 6}" text-anchor="end">{html_text(shown)}</text>')
        if i + 1 < len(steps) and not steps[i + 1].total:
            body.append(f'<line x1="{px(end):.1f}" x2="{px(end):.1f}" y1="{y + bar - 3}" y2="{y + bar + 3}" '
                        f'stroke="{INK}" stroke-dasharray="1 2"/>')
    body.append(_legend(height - 10, [("outline", legend[0]), ("solid", legend[1]), ("hatch", legend[2])]))
    return _svg(height, body, title)
