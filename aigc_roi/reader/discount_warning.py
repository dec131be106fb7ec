"""A discount rate above 100% a year (docs/formulas.md §12): valid, as spec 1.1 bounds ``discount_rate`` only below,
but no cost of capital anyone discounts at, so most often a percentage written without its sign (``discount_rate:
10``, read as 1,000% a year). A warning, located at the number, tells the rate read and, where the sign gives a rate
someone discounts at, the percentage meant; the file keeps its meaning.

A range is warned of by each number it is written with that is over 1 (``high: 12`` of a triangle whose other
numbers are rates): that number is the slip, not the median it drags up, nor is a range with a number over 1 a
rate anyone discounts at, whatever its median.
"""

from __future__ import annotations

from dataclasses import dataclass

from aigc_roi.model.errors import ScenarioError
from aigc_roi.model.scenario import Distribution, DistributionKind, Value
from aigc_roi.reader.numbers import RANGE_SEPARATOR, parse_number_text, percent_hint, split_range
from aigc_roi.reader.percent_warnings import percent_text, typed, warned_span, written_in_percent
from aigc_roi.reader.yamltree import Node, find_node

PATH = "discount_rate"
HINT_FROM = 2.0
"""The least rate read as a percentage without its sign. From 1 to 2 (100% to 200% a year) the number may as well be
a share with its decimal point slipped (1.5 for 0.15) as 1.5%, so no one reading is offered."""
ABOVE_ANY = "above any cost of capital a finance team discounts at"


@dataclass(frozen=True)
class _Number:
    """A number a range is written with: a key of its mapping (``high: 12``, ``sd: 2``) or an end of ``low..high``."""

    key: str
    path: str
    text: str
    value: float
    line: int
    column: int
    end: tuple[int | None, int | None]

    def meant(self) -> float | None:
        """The rate the number reads as with its % sign, where that is one someone discounts at."""
        return parse_number_text(f"{self.text}%") if percent_hint(self.text, _discounted_at) else None


def discount_warnings(rate: Value, tree: Node, filename: str, code_built: bool = False) -> tuple[ScenarioError, ...]:
    """The warning of ``rate``, the discount rate read (a valid scenario's, or one refused for other errors,
    reader/partial_warnings.py), where it is over 1; a range's, at each number of it over 1. No percentage is
    offered for a number given in code (``code_built``: percent_warnings.py ``typed``), which no % sign is typed on:
    ``5.0 is 500% a year, above any cost of capital ...``, where a file's ``5`` is told ``did you mean 5%?``."""
    node = find_node(tree, PATH)
    if node is None:
        return ()
    source = node.source or filename
    if not isinstance(rate, Distribution):
        if rate <= 1:
            return ()
        text = node.raw.strip()
        return (ScenarioError(source, node.line, node.column, PATH,
                              _said(text, float(rate), percent_hint(text, _discounted_at) if typed(node, code_built) else None),
                              *warned_span(node)),)
    numbers = _written_numbers(node)
    over = [number for number in numbers if number.value > 1]
    typed_range = typed(node, code_built) if node.kind == "scalar" else all(
        typed(entry.value, code_built) for key, entry in node.value.items() if key != "dist")
    hinted = bool(over) and typed_range and _hint_valid(rate.kind, numbers, over)
    if len(over) == 2 and node.kind == "scalar":
        return (ScenarioError(source, node.line, node.column, PATH, _said_range(node.raw.strip(), over, hinted),
                              *warned_span(node)),)
    return tuple(ScenarioError(source, number.line, number.column, number.path,
                               _said(number.text, number.value, f"did you mean {number.text}%?" if hinted else None),
                               *number.end)
                 for number in over)



def _said(text: str, value: float, hint: str | None) -> str:
    yearly = f"{percent_text(value)}% a year"
    if written_in_percent(text):
        return f"{yearly} is {ABOVE_ANY}"
    return f"{text} is {yearly}; {hint}" if hint else f"{text} is {yearly}, {ABOVE_ANY}"


def _said_range(text: str, ends: list[_Number], hinted: bool) -> str:
    """``5..20 is 500%..2,000% a year; did you mean 5%..20%?``: both ends over 1, the whole range is."""
    low, high = ends
    yearly = f"{percent_text(low.value)}%..{percent_text(high.value)}% a year"
    if written_in_percent(low.text) and written_in_percent(high.text):
        return f"{yearly} is {ABOVE_ANY}"
    return f"{text} is {yearly}; did you mean {low.text}%..{high.text}%?" if hinted else f"{text} is {yearly}, {ABOVE_ANY}"


def _written_numbers(node: Node) -> list[_Number]:
    """The numbers a valid range is written with, in file order, each located where it is written."""
    if node.kind == "map":
        return [_Number(key, f"{PATH}.{key}", entry.value.raw.strip(), parse_number_text(entry.value.raw),
                        entry.value.line, entry.value.column, warned_span(entry.value))
                for key, entry in node.value.items() if key != "dist"]
    ends = split_range(node.raw)
    assert ends is not None, "a valid range is a mapping or low..high"
    low, high = ends
    low_at = len(low) - len(low.lstrip())
    high_at = len(low) + len(RANGE_SEPARATOR) + len(high) - len(high.lstrip())
    return [_Number("low", PATH, low.strip(), parse_number_text(low), *node.position_of(low_at),
                    warned_span(node, low_at + len(low.strip()) - 1)),
            _Number("high", PATH, high.strip(), parse_number_text(high), *node.position_of(high_at),
                    warned_span(node, high_at + len(high.strip()) - 1))]


def _hint_valid(kind: DistributionKind, numbers: list[_Number], over: list[_Number]) -> bool:
    """Whether every number over 1 reads as a rate someone discounts at with its % sign, and the range so written is
    valid: its numbers still in order (``0.5..12%`` is not) and its median within the field's >= 0."""
    values = {number.key: number.value for number in numbers}
    for number in over:
        meant = number.meant()
        if meant is None:
            return False
        values[number.key] = meant
    ordered = [values[key] for key in ("low", "mode", "high") if key in values]
    if ordered != sorted(ordered):
        return False
    # The sign of a range's low end is kept (a number over 1 becomes one over 0), so its kind is too.
    median = values["mean"] if "mean" in values else Distribution(kind, values["low"], values["high"],
                                                                   values.get("mode")).median()
    return median >= 0



def _discounted_at(rate: float) -> bool:
    return HINT_FROM / 100 <= rate <= 1
