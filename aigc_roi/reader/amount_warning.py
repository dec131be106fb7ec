"""A percent written on an amount of money or a count (docs/formulas.md §12): valid, as the number grammar takes ``%``
on any number, but it divides the number by 100 (``bid: 5%`` is a bid of 0.05, ``max_cac: 20%`` a limit of 0.20,
``users: 5%`` 0.05 users), which no one writing an amount means. The symmetric slip of a share written without its
sign (``min_roas: 87.5``, target_warning.py). A warning, located at the number, tells what it reads as and the number
without its sign; the file keeps its meaning.

A field holds an amount or a count where its kind says so (reader/kinds.py ``Number.unit``): a price, a cost, a bid,
a budget, a money target; users, impressions, views, posts, orders, a count milestone. A purchase's ``rate`` (per
active user a month) is none: 5% of users buying once a month is what ``rate: 5%`` says.
"""

from __future__ import annotations

from aigc_roi.model.errors import ScenarioError
from aigc_roi.model.limits import MAX_MAGNITUDE
from aigc_roi.reader.numbers import PERCENT_SIGNS, RANGE_SEPARATOR, ValueProblem, parse_number_text, split_range
from aigc_roi.reader.percent_warnings import number_warnings, written_in_percent
from aigc_roi.reader.yamltree import Node

AMOUNT = "an amount"
COUNT = "a count"
_SIGNLESS = str.maketrans("", "", "".join(PERCENT_SIGNS))


def percent_on_unit(unit: str) -> str:
    """What a % does to a number of ``unit``: said by the warning and by the fix of a range it turns high to low."""
    return f"a % on {unit} divides it by 100"


def amount_warnings(node: Node, path: str, unit: str, filename: str) -> list[ScenarioError]:
    """The warning of each number of a valid value of ``unit`` (``AMOUNT`` or ``COUNT``) written in percent: the
    value itself, a ``low..high`` range as one, or each number of a range's mapping (``{low: 5%, high: 8}``)."""
    return number_warnings(node, path, filename, lambda raw: _percent_message(raw, unit))


def _percent_message(raw: str, unit: str) -> str | None:
    """What a number (or range) of ``unit`` written in percent reads as, and the number without its sign."""
    text = raw.strip()
    if not written_in_percent(text):
        return None
    ends = split_range(text) or (text,)
    values = [parse_number_text(end) for end in ends]
    if not any(values):  # 0% is 0 whichever way it was meant
        return None
    read = RANGE_SEPARATOR.join(f"{value:.15g}" for value in values)
    meant = without_sign(ends)
    return f"{text} reads as {read}: {percent_on_unit(unit)}" + (f"; did you mean {meant}?" if meant else "")


def without_sign(ends: tuple[str, ...]) -> str | None:
    """The number (or range) as written without its % signs, where that is a value the field takes (of the same sign
    as the one read, so within an amount's bounds, and of a number's size); None otherwise. Also the fix told a range
    of ``unit`` refused for running high to low on its % (reader/kinds.py: ``bid: 2..5%``, 2 to 0.05, is told 2..5,
    the reading this warning offers for ``2%..5%``)."""
    written = [end.translate(_SIGNLESS).strip() for end in ends]
    try:
        values = [parse_number_text(end) for end in written]
    except ValueProblem:
        return None
    return RANGE_SEPARATOR.join(written) if all(abs(value) <= MAX_MAGNITUDE for value in values) else None
