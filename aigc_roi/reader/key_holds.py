"""What a span of months written as one ``by_month`` key is told its two ends as keys do (docs/formulas.md §14): a
schedule runs linearly between its keys, holds its first key's value back to month 1 and its last key's to the end,
so ``{1: x, 6: x}`` for ``前6个月: x`` is x after month 6 too, and ``{3: x, 6: x}`` ramps to x from a key before.
Where the span starts after month 1 or ends before the plan's last month, the hint says which key keeps the value
before it and which gives the one after, so the offer is never read as "x in these months only". The schedule's
other keys (``keys``) are taken into account: a key already at the month before or after needs none written, a
key after the span is ramped to rather than held to the end, and a key the span's ends or months fall on is told,
never offered twice (``{1: 18, 前6个月: 20}`` was told to write key 1)."""

from __future__ import annotations

SAME_BETWEEN = "the same value at both holds between them"

RAMP_BEFORE = "runs linearly from the key before"
HOLD_FIRST = "holds its first key back to month 1"
HOLD_LAST = "holds its last key to the end"
RAMP_AFTER = "runs linearly to the key after"
READS = (RAMP_BEFORE, HOLD_FIRST, HOLD_LAST, RAMP_AFTER)
"""How by_month reads the months before and after a span's keys (messages_zh.py translates each)."""


def _sides(low: int, high: int, last: int, keys: frozenset[int] | None) -> tuple[str | None, str | None]:
    """How by_month reads the months before ``low`` and after ``high``, None where none is left to a reading (the
    span starts at month 1 or a key is already at the month before; it ends at ``last`` or a key at the month after).
    ``keys`` None: the schedule's other keys are unknown, a key before assumed (the value written once, key 1)."""
    before: str | None = None
    if low > 1 and (keys is None or low - 1 not in keys):
        before = RAMP_BEFORE if keys is None or any(key < low for key in keys) else HOLD_FIRST
    after: str | None = None
    if high < last and (keys is None or high + 1 not in keys):
        after = RAMP_AFTER if keys is not None and any(key > high for key in keys) else HOLD_LAST
    return before, after


def _reads(before: str | None, after: str | None) -> str:
    return "by_month " + " and ".join(read for read in (before, after) if read)


def around(low: int, high: int, last: int, keys: frozenset[int] | None = None) -> str:
    """How by_month reads the months around ``low``..``high`` of a plan of ``last`` months, and the keys that give them
    values of their own: ``by_month runs linearly from the key before and holds its last key to the end, so write
    the value before at key 2 and the one after at key 7``; "" where nothing around the span is left to a reading."""
    before, after = _sides(low, high, last, keys)
    if not before and not after:
        return ""
    told = (f"the value before at key {low - 1} and the one after at key {high + 1}" if before and after else
            f"the value before at key {low - 1}" if before else f"the value after at key {high + 1}")
    return f"{_reads(before, after)}, so write {told}"


def clashes(low: int, high: int, keys: frozenset[int] | None, named: bool = False) -> list[str]:
    """The schedule's other keys a span's ends or months fall on: an end written already has two values for one
    month, and a key within the span breaks the value the span holds. ``named``: the span is one of two readings,
    so each note names its months (``{4: 25, 3-6个月: 20}``: key 4 lies within months 3 to 6, and is an end of months
    1 to 4), where "the span" left which reading each note was of untold."""
    if not keys:
        return []
    ends = sorted(key for key in keys if key in (low, high))
    within = sorted(key for key in keys if low < key < high)
    span = f"months {low} to {high}" if named else "the span"
    notes = []
    if ends:
        notes.append(f"key {ends[0]}, an end of months {low} to {high}, is written already: write one value there"
                     if named and len(ends) == 1 else f"key {ends[0]} is written already: write one value there"
                     if len(ends) == 1 else f"keys {ends[0]} and {ends[1]}, the ends of months {low} to {high}, are "
                     "written already: write one value at each" if named else
                     f"keys {ends[0]} and {ends[1]} are written already: write one value at each")
    if within:
        keyed = ", ".join(str(key) for key in within[:-1]) + f" and {within[-1]}" if len(within) > 1 else str(within[0])
        notes.append(f"key {keyed} lies within {span}: drop it for the value to hold" if len(within) == 1 else
                     f"keys {keyed} lie within {span}: drop them for the value to hold")
    return notes


def span_holds(spans: list[tuple[int, int]], last: int, keys: frozenset[int] | None = None) -> str:
    """The note after ``write keys low and high``: the value at both holds between them, what the schedule's other
    keys make of them, and what by_month makes of the months around them; where two readings offer two spans, how it
    reads them without the keys of either."""
    if len(spans) == 1:
        notes = [*clashes(*spans[0], keys), around(*spans[0], last, keys)]
    else:
        sides = [_sides(low, high, last, keys) for low, high in spans]
        befores = [before for before, _ in sides if before]
        afters = [after for _, after in sides if after]
        reads = [*dict.fromkeys(befores), *dict.fromkeys(afters)]
        # A key the file writes already is told whichever reading it falls in (calendar months 3 to 6 from a March
        # start are keys 1 and 4, where key 1 may be the file's).
        # A key at one reading's end and within another's is told with each reading's months ({4: 25, 3-6个月: 20}:
        # within months 3 to 6, an end of months 1 to 4), where both notes said "the span".
        named = any(low < key < high for low, high in spans for key in keys or ()) and \
            any(key in (low, high) for low, high in spans for key in keys or ())
        notes = [*dict.fromkeys(note for low, high in spans for note in clashes(low, high, keys, named))]
        notes += ["by_month " + " and ".join(reads)] if reads else []
    return "; ".join([SAME_BETWEEN, *(note for note in notes if note)])
