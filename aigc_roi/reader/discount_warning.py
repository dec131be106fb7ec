"""A discount rate above 100% a year (docs/formulas.md §12): valid, as spec 1.1 bounds ``discount_rate`` only below,
but no cost of capital anyone discounts at, so most often a percentage written without its sign (``discount_rate:
10``, read as 1,000% a year). A warning, located at the value, tells the rate read and, where the sign gives a rate
someone discounts at, the percentage meant; the file keeps its meaning.
"""

from __future__ import annotations

from aigc_roi.model.errors import ScenarioError
from aigc_roi.model.scenario import Distribution, Scenario
from aigc_roi.reader.gate_warnings import located_warning
from aigc_roi.reader.numbers import is_number_text, percent_hint, split_range
from aigc_roi.reader.yamltree import Node, find_node

PATH = "discount_rate"
HINT_FROM = 2.0
"""The least rate read as a percentage without its sign. From 1 to 2 (100% to 200% a year) the number may as well be
a share with its decimal point slipped (1.5 for 0.15) as 1.5%, so no one reading is offered."""
ABOVE_ANY = "above any cost of capital a finance team discounts at"


def discount_warnings(scenario: Scenario, tree: Node, filename: str) -> tuple[ScenarioError, ...]:
    """The discount rate's warning where the rate the deterministic commands use (a range's median) is over 1."""
    rate = scenario.discount_rate
    value = rate.median() if isinstance(rate, Distribution) else float(rate)
    node = find_node(tree, PATH)
    if value <= 1 or node is None:
        return ()
    yearly = f"{_percent(value)}% a year"
    if _in_percent(node):
        said = f"the range's median, {yearly}," if isinstance(rate, Distribution) else yearly
        return (located_warning(tree, filename, PATH, f"{said} is {ABOVE_ANY}"),)
    if isinstance(rate, Distribution):
        said, hint = f"the range's median {value:g} is {yearly}", _range_hint(node, value)
    else:
        said, hint = f"{node.raw.strip()} is {yearly}", percent_hint(node.raw, _discounted_at)
    return (located_warning(tree, filename, PATH, f"{said}; {hint}" if hint else f"{said}, {ABOVE_ANY}"),)


def _discounted_at(rate: float) -> bool:
    return HINT_FROM / 100 <= rate <= 1


def _percent(value: float) -> str:
    """``10`` -> ``1,000``: a rate in percent, to the digits that tell it (1.1 is 110, not 110.00000000000001)."""
    percent = value * 100
    return f"{percent:,.0f}" if percent >= 1000 else f"{percent:.4g}"


def _in_percent(node: Node) -> bool:
    """Whether the rate is written in percent (``150%``, a range's ends ``150%..300%`` or ``{low: 150%, ...}``): then
    it is the rate meant, and no sign is missing."""
    if node.kind == "map":
        return any(_in_percent(entry.value) for entry in node.value.values())
    return node.kind == "scalar" and any(sign in node.raw for sign in "%％")


def _range_hint(node: Node, median: float) -> str | None:
    """``did you mean 5%..20%?`` for ``5..20``; ``... a median of 10%?`` for a range written as a mapping; None where
    the median is no percentage without its sign."""
    if not _discounted_at(median / 100):
        return None
    ends = split_range(node.raw) if node.kind == "scalar" else None
    meant = [f"{end.strip()}%" for end in ends or ()]
    if meant and all(map(is_number_text, meant)):
        return f"did you mean {'..'.join(meant)}?"
    return f"did you mean a median of {median:g}%?"
