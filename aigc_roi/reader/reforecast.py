"""The re-forecast as YAML: the plan's own text with the edited values replaced where they stand.

Re-dumping the tree would lose the plan's comments, key order and number
style; instead each edited value's text span (located by the reader's tree)
is replaced by a one-line flow mapping ``{by_month: {1: 21.5, 3: 20}}``,
edits applied from the end of the file backwards so earlier positions stay
valid. A plan value kept for the future months is copied as written
(``20``, ``"18..25"``, ``{low: 18, high: 25}``), a by_month value's point
too; a month's value the plan's points blend into is written as a number,
or a range in its explicit form (``{dist: triangular, low: 11, ...}``).
"""

from __future__ import annotations

from collections.abc import Sequence

from aigc_roi.model.month_value import GivenPoint, MonthValue
from aigc_roi.model.scenario import Z90, Distribution
from aigc_roi.reader import text_lines
from aigc_roi.reader.fields import month_node
from aigc_roi.reader.flow_scan import outside_quotes
from aigc_roi.reader.numbers import one_group
from aigc_roi.reader.yamltree import Node, find_node


def format_number(value: float, decimal_comma: bool) -> str:
    """A number in 12 significant digits, whole numbers plain: a sum of cents reads 90058.05, not
    90058.05000000002, and the model still reproduces the month to 5e-12 (half a unit of the 12th digit). In a plan
    whose currency's locales write a decimal comma (``decimal_comma``), 1.125 is written 1.1250, the same number: one
    dot before three digits there may group thousands, and the reader warns of it (reader/dot_group_warning.py)."""
    rounded = float(f"{value:.12g}")
    if rounded.is_integer() and abs(rounded) < 1e15:
        return str(int(rounded))
    text = repr(rounded)
    return text + "0" if decimal_comma and one_group(text) == "." else text


def rewrite(text: str, tree: Node, fields: Sequence[tuple[str, Sequence[tuple[int, MonthValue | None]]]],
            months: Sequence[tuple[str, Sequence[int]]], header: str, decimal_comma: bool) -> str:
    """``text`` with each field path's value replaced by its by_month values and each months path by its list (None:
    the field's own value, as written; a ``GivenPoint``: its by_month point, as written); ``decimal_comma`` where the
    plan's currency is one of ``DECIMAL_COMMA`` (``format_number``)."""
    starts = line_starts(text)
    edits: list[tuple[int, int, str]] = []
    for path, knots in fields:
        node = _node(tree, path)
        values = ", ".join(f"{month}: {_value_text(node, value, text, starts, decimal_comma)}" for month, value in knots)
        edits.append((*span(node, text, starts), f"{{by_month: {{{values}}}}}"))
    for path, chosen in months:
        node = _node(tree, path)
        edits.append((*span(node, text, starts), "[" + ", ".join(str(month) for month in chosen) + "]"))
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return header + text


def _value_text(node: Node, value: MonthValue | None, text: str, starts: list[int], decimal_comma: bool) -> str:
    if value is None:
        return _flow(node, text, starts)
    if isinstance(value, GivenPoint):
        point = month_node(node, value.month)
        assert point is not None, "a GivenPoint is a month the field's by_month gives"
        return _flow(point, text, starts)
    if isinstance(value, Distribution):
        return _range_text(value, decimal_comma)
    return format_number(value, decimal_comma)


def _range_text(dist: Distribution, decimal_comma: bool) -> str:
    """A range in its explicit form: ``{low: L, high: H}`` would be read lognormal or normal by the sign of L."""
    if dist.kind == "normal":
        # The reader's 90% interval is mean -+ Z90 sd.
        parts = {"mean": (dist.low + dist.high) / 2, "sd": (dist.high - dist.low) / (2 * Z90)}
    elif dist.kind == "triangular":
        assert dist.mode is not None
        parts = {"low": dist.low, "mode": dist.mode, "high": dist.high}
    else:
        parts = {"low": dist.low, "high": dist.high}
    written = (f"{key}: {format_number(number, decimal_comma)}" for key, number in parts.items())
    return "{" + ", ".join([f"dist: {dist.kind}", *written]) + "}"


def _node(tree: Node, path: str) -> Node:
    node = find_node(tree, path)
    if node is None or node.source is not None:
        raise ValueError(f"{path}: not written in the plan's file")
    return node


def line_starts(text: str) -> list[int]:
    # The tree's lines are an editor's (reader/text_lines.py), which NEL, LS and PS do not end.
    return [0] + [match.end() for match in text_lines.BREAK.finditer(text)]


def offset(starts: list[int], line: int, column: int) -> int:
    return starts[line - 1] + column - 1


def span(node: Node, text: str, starts: list[int]) -> tuple[int, int]:
    """[start, end) of a value's text: a scalar's own span (none for a value left empty, ``costs:``); a flow
    collection to its closing bracket; a block one to the end of its last value, which may be such a collection
    (``bid:`` over ``by_month: {1: 10, 4: 13}``: to its last scalar, the brace was left behind)."""
    start = offset(starts, node.line, node.column)
    if node.kind == "scalar":
        return start, start if is_empty(node) else offset(starts, node.end_line, node.end_column) + 1
    if text[start] in "{[":
        return start, closing(text, start) + 1
    children = [entry.value for entry in node.value.values()] if node.kind == "map" else node.value
    return start, span(children[-1], text, starts)[1]


def is_empty(node: Node) -> bool:
    """A scalar nothing is written for (``costs:`` with nothing after it), whose position is where it would be."""
    return node.kind == "scalar" and not node.raw and not node.written


def closing(text: str, start: int) -> int:
    """Index of the bracket that closes the one at ``start``, skipping quoted text."""
    for index, char, depth in outside_quotes(text, start):
        if char in "}]" and depth == 0:
            return index
    raise ValueError("unclosed flow collection")


def _flow(node: Node, text: str, starts: list[int]) -> str:
    """A value as one line of flow YAML, each scalar as written."""
    if node.kind == "scalar":
        start, end = span(node, text, starts)
        return text[start:end]
    if node.kind == "map":
        return "{" + ", ".join(f"{entry.key.raw}: {_flow(entry.value, text, starts)}" for entry in node.value.values()) + "}"
    return "[" + ", ".join(_flow(child, text, starts) for child in node.value) + "]"
