"""Charts as inline SVG strings: no script, no external file, readable without colour.

Every mark that carries meaning differs by shape or pattern as well as by
shade (a hatched band, a dashed zero line, hatched losses), so the page
prints on a black-and-white printer and reads for a colour-blind reader.
Text in a chart is escaped like any other HTML text: names are data.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from html import escape

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


def _svg(height: int, body: list[str], title: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
            f'aria-label="{escape(title)}" font-size="11" fill="{INK}"><title>{escape(title)}</title>'
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


def cash_chart(labels: Sequence[str], cumulative: Sequence[float], band: tuple[Sequence[float], Sequence[float]] | None,
               money: Format, title: str, legend: Sequence[str]) -> str:
    """Cumulative cash by month (a line), the P5–P95 band when given (hatched), and the 0 line (dashed)."""
    height, left, right, top, bottom = 280, 78, 12, 14, 52
    series = list(cumulative) + (list(band[0]) + list(band[1]) if band else []) + [0.0]
    ticks = _nice_ticks(min(series), max(series))
    low, high = ticks[0], ticks[-1]
    months = len(cumulative)

    def x(t: float) -> float:
        return left + (WIDTH - left - right) * (t / max(months - 1, 1))

    def y(value: float) -> float:
        return top + (height - top - bottom) * (high - value) / (high - low)

    body = [f'<line x1="{left}" x2="{WIDTH - right}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="{SOFT}" stroke-width="0.5"/>'
            f'<text x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{escape(money(v))}</text>' for v in ticks]
    every = max(1, math.ceil(months / 12))
    body += [f'<text x="{x(t):.1f}" y="{height - bottom + 16}" text-anchor="middle">{escape(labels[t])}</text>'
             for t in range(0, months, every)]
    if band is not None:
        outline = [f"{x(t):.1f},{y(v):.1f}" for t, v in enumerate(band[1])]
        outline += [f"{x(t):.1f},{y(v):.1f}" for t, v in reversed(list(enumerate(band[0])))]
        body.append(f'<polygon points="{" ".join(outline)}" fill="url(#hatch)" stroke="{SOFT}"/>')
    body.append(f'<line x1="{left}" x2="{WIDTH - right}" y1="{y(0):.1f}" y2="{y(0):.1f}" stroke="{INK}" stroke-dasharray="5 4"/>')
    points = " ".join(f"{x(t):.1f},{y(v):.1f}" for t, v in enumerate(cumulative))
    body.append(f'<polyline points="{points}" fill="none" stroke="{INK}" stroke-width="2.2"/>')
    body += [f'<circle cx="{x(t):.1f}" cy="{y(v):.1f}" r="2.2"><title>{escape(labels[t])}: {escape(money(v))}</title></circle>'
             for t, v in enumerate(cumulative)]
    marks = [("line", legend[0])] + ([("hatch", legend[1])] if band else []) + [("dash", legend[2])]
    body.append(_legend(height - 18, marks))
    return _svg(height, body, title)


def _legend(y: float, items: Sequence[tuple[str, str]]) -> str:
    marks = {"line": f'<line x1="0" x2="22" y1="-4" y2="-4" stroke="{INK}" stroke-width="2.2"/>',
             "dash": f'<line x1="0" x2="22" y1="-4" y2="-4" stroke="{INK}" stroke-dasharray="5 4"/>',
             "hatch": f'<rect x="0" y="-10" width="22" height="10" fill="url(#hatch)" stroke="{SOFT}"/>',
             "solid": f'<rect x="0" y="-10" width="22" height="10" fill="{INK}"/>',
             "outline": f'<rect x="0" y="-10" width="22" height="10" fill="none" stroke="{INK}"/>'}
    parts, x = [], 12.0
    for mark, text in items:
        parts.append(f'<g transform="translate({x:.0f},{y:.0f})">{marks[mark]}<text x="28" y="0">{escape(text)}</text></g>')
        x += 48 + 6.5 * len(text)
    return "".join(parts)


def bar_groups(rows: Sequence[tuple[str, Sequence[float | None]]], series: Sequence[tuple[str, str]], money: Format,
               title: str) -> str:
    """One group of horizontal bars per row (a channel), one bar per series; ``series`` is
    (legend text, mark: solid, hatch or outline). A missing value draws no bar and says so."""
    bar, gap, left, right, top = 11, 10, 170, 90, 8
    group = bar * len(series) + gap
    height = top + group * len(rows) + 34
    largest = max((abs(v) for _, values in rows for v in values if v is not None), default=1.0) or 1.0
    scale = (WIDTH - left - right) / largest
    fills = {"solid": f'fill="{INK}"', "hatch": f'fill="url(#hatch)" stroke="{SOFT}"', "outline": f'fill="none" stroke="{INK}"'}
    body = []
    for i, (name, values) in enumerate(rows):
        y0 = top + i * group
        body.append(_name(left - 8, y0 + group / 2, name, 26))
        for j, ((legend, mark), value) in enumerate(zip(series, values, strict=True)):
            y = y0 + j * bar
            shown = "—" if value is None else money(value)
            width = 0.0 if value is None else max(abs(value) * scale, 1.0)
            body.append(f'<rect x="{left}" y="{y}" width="{width:.1f}" height="{bar - 2}" {fills[mark]}>'
                        f'<title>{escape(name)} · {escape(legend)}: {escape(shown)}</title></rect>'
                        f'<text x="{left + width + 4:.1f}" y="{y + bar - 3}">{escape(shown)}</text>')
    body.append(_legend(height - 10, [(mark, legend) for legend, mark in series]))
    return _svg(height, body, title)


def _name(x: float, y: float, name: str, limit: int) -> str:
    """A name right-aligned at (x, y), shortened to ``limit`` characters; the whole name on hover."""
    short = name if len(name) <= limit else name[: limit - 1] + "…"
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="end">{escape(short)}<title>{escape(name)}</title></text>'


def heatmap(row_labels: Sequence[str], column_labels: Sequence[str], cells: Sequence[Sequence[float | None]],
            money: Format, title: str) -> str:
    """A grid of shaded cells: darker is a larger magnitude, a loss is hatched as well; None is blank."""
    left, top, bottom = 70, 8, 40
    size = min(24.0, (WIDTH - left - 10) / max(len(column_labels), 1))
    height = int(top + size * len(row_labels) + bottom)
    largest = max((abs(v) for row in cells for v in row if v is not None), default=1.0) or 1.0
    body = []
    every = max(1, math.ceil(len(column_labels) / 12))
    body += [f'<text x="{left + size * (j + 0.5):.1f}" y="{height - bottom + 14}" text-anchor="middle">{escape(text)}</text>'
             for j, text in enumerate(column_labels) if j % every == 0]
    for i, row in enumerate(cells):
        y = top + i * size
        if i % every == 0:
            body.append(f'<text x="{left - 6}" y="{y + size * 0.7:.1f}" text-anchor="end">{escape(row_labels[i])}</text>')
        for j, value in enumerate(row):
            if value is None:
                continue
            shade = 0.08 + 0.85 * abs(value) / largest
            tip = f"<title>{escape(row_labels[i])} → {escape(column_labels[j])}: {escape(money(value))}</title>"
            body.append(f'<rect x="{left + j * size:.1f}" y="{y:.1f}" width="{size:.1f}" height="{size:.1f}" '
                        f'fill="{INK}" fill-opacity="{shade:.2f}">{tip}</rect>')
            if value < 0:
                body.append(f'<rect x="{left + j * size:.1f}" y="{y:.1f}" width="{size:.1f}" height="{size:.1f}" '
                            f'fill="url(#hatch)"/>')
    return _svg(height, body, title)


def tornado(rows: Sequence[tuple[str, float | None, float | None]], percent: Format, title: str, legend: str) -> str:
    """Per driver, the change at the low move (hatched) and the high move (solid), either side of 0."""
    bar, left, right, top = 16, 250, 60, 8
    height = top + bar * len(rows) + 34
    largest = max((abs(v) for _, *moves in rows for v in moves if v is not None), default=1.0) or 1.0
    centre = left + (WIDTH - left - right) / 2
    scale = (WIDTH - left - right) / 2 / largest
    body = [f'<line x1="{centre:.1f}" x2="{centre:.1f}" y1="{top}" y2="{top + bar * len(rows)}" stroke="{INK}"/>']
    for i, (name, low, high) in enumerate(rows):
        y = top + i * bar
        body.append(_name(left - 8, y + bar - 4, name, 38))
        for value, fill in ((low, f'fill="url(#hatch)" stroke="{SOFT}"'), (high, f'fill="{INK}"')):
            if value is None or value == 0:
                continue
            x = centre if value > 0 else centre - abs(value) * scale
            body.append(f'<rect x="{x:.1f}" y="{y + 2}" width="{abs(value) * scale:.1f}" height="{bar - 4}" {fill}>'
                        f'<title>{escape(name)}: {escape(percent(value))}</title></rect>')
    body.append(f'<text x="12" y="{height - 10}">{escape(legend)}</text>')
    return _svg(height, body, title)
