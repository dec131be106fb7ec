"""What the warnings of a ratio written without its % sign share (reader/discount_warning.py, target_warning.py):
whether a number is written in percent, the percent it reads as, and the span a warned number covers."""

from __future__ import annotations

from aigc_roi.reader.numbers import PERCENT_SIGNS
from aigc_roi.reader.yamltree import Node


def written_in_percent(text: str) -> bool:
    """Whether a number is written in percent (``150%``): then it is the ratio meant, and no sign is missing."""
    return any(sign in text for sign in PERCENT_SIGNS)


def percent_text(value: float) -> str:
    """``10`` -> ``1,000``: a ratio in percent, to the digits that tell it (1.1 is 110, not 110.00000000000001), and
    to those that tell it from the 100% it is warned for being above (1.0000001 is 100.00001, not 100)."""
    percent = value * 100
    if percent >= 1000:
        return f"{percent:,.0f}"
    digits = next(d for d in range(4, 18) if float(f"{percent:.{d}g}") > 100 or d == 17)
    return f"{percent:.{digits}g}"


def warned_span(node: Node, offset: int | None = None) -> tuple[int | None, int | None]:
    """Where a warned number ends, as an error's span does (reader/kinds.py Context.error): the node's last character,
    or that at ``offset`` of its text; none for a value a --set wrote, which has no place in the file."""
    if node.source is not None or not node.end_line:
        return None, None
    return (node.end_line, node.end_column) if offset is None else node.position_of(offset)
