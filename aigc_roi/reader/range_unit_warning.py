"""``fee: 3..6万``: valid, and read as 3 to 60,000, since a suffix scales only the number it is written on; but in
Chinese ``3-6万`` says 3万 to 6万 (and ``30-60k``, ``10-20%`` the same in English), so the low end may have been meant
with the high end's unit, a median a hundred or ten thousand times off. The reader cannot know which was meant, so a
range whose bare low end, read with the high end's suffix, would still be a range (numbers.py ``scaled_low``:
``3..6万`` yes, ``500..1万`` no) is warned of at the value: what it reads as, and what to write for the other
reading. A warning, not an error: ``3..6万`` may be written so on purpose (3 to 60,000).

Only where the other reading is another number the field takes: not for a low end of 0 (``0..1万``: 0万 is 0), nor for
one the unit would carry out of the field's bounds (a bid's ``-1..2万``: -1万 is further below the 0 a bid is drawn
from, no reading of a lost unit).

Not for ``%``, which makes its number smaller: a bare low end below a percentage (``0.05..15%``) is the format's own
fraction, 5%, the reading a rate's field defines, where ``0.05%`` is the unlikely one (``10..20%``, whose bare end is
above the high end, is refused with its hint).
"""

from __future__ import annotations

from collections.abc import Callable

from aigc_roi.model.errors import ScenarioError
from aigc_roi.reader.numbers import RANGE_SEPARATOR, SUFFIX_EXPONENTS, parse_number_text, scaled_low, split_range
from aigc_roi.reader.percent_warnings import number_warnings
from aigc_roi.reader.yamltree import Node


def range_unit_warnings(node: Node, path: str, filename: str, takes: Callable[[float], bool]) -> list[ScenarioError]:
    """The warning of a valid ``low..high`` range written as text whose low end may lack its high end's unit;
    ``takes``: whether a number is within the field's bounds."""
    return number_warnings(node, path, filename, lambda written: range_unit_message(written, takes))


def range_unit_message(written: str, takes: Callable[[float], bool]) -> str | None:
    """``3..6万 reads as 3..60,000; if 3万 was meant, write 3万..6万``; None for any other text, and where the low end
    with the unit is no number the field takes (``takes``)."""
    text = written.strip()
    ends = split_range(text)
    if ends is None:
        return None
    low, high = (end.strip() for end in ends)
    scaled = scaled_low(low, high)
    if scaled is None or SUFFIX_EXPONENTS[high[-1]] < 0 or not takes(parse_number_text(scaled)):
        return None
    read = RANGE_SEPARATOR.join(f"{parse_number_text(end):,.15g}" for end in (low, high))
    return f"{text} reads as {read}; if {scaled} was meant, write {scaled}{RANGE_SEPARATOR}{high}"
