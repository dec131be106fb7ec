"""What a span of months written as one ``by_month`` key is told its two ends as keys do (docs/formulas.md §14): a
schedule runs linearly from the key before and holds its last key's value to the end, so ``{1: x, 6: x}`` for
``前6个月: x`` is x after month 6 too, and ``{3: x, 6: x}`` ramps to x from the key before. Where the span starts
after month 1 or ends before the plan's last month, the hint says which key keeps the value before it and which gives
the one after, so the offer is never read as "x in these months only"."""

from __future__ import annotations

SAME_BETWEEN = "the same value at both holds between them"


def around(low: int, high: int, last: int) -> str:
    """How by_month reads the months around ``low``..``high`` of a plan of ``last`` months, and the keys that give them
    values of their own: ``by_month runs linearly from the key before and holds its last key to the end, so write
    the value before at key 2 and the one after at key 7``; "" where the span starts at month 1 and ends at the last."""
    before, after = low > 1, high < last
    if not before and not after:
        return ""
    keys = (f"the value before at key {low - 1} and the one after at key {high + 1}" if before and after else
            f"the value before at key {low - 1}" if before else f"the value after at key {high + 1}")
    return f"{_reads(before, after)}, so write {keys}"


def _reads(before: bool, after: bool) -> str:
    return ("by_month runs linearly from the key before and holds its last key to the end" if before and after else
            "by_month runs linearly from the key before" if before else "by_month holds its last key to the end")


def span_holds(spans: list[tuple[int, int]], last: int) -> str:
    """The note after ``write keys low and high``: the value at both holds between them, and what by_month makes of
    the months around them; where two readings offer two spans, how it reads them without the keys of either."""
    if len(spans) == 1:
        tail = around(*spans[0], last)
    else:
        tail = _reads(any(low > 1 for low, _ in spans), any(high < last for _, high in spans))
    return f"{SAME_BETWEEN}; {tail}" if tail else SAME_BETWEEN
