"""The scenario format as data: one description drives validation and JSON Schema.

Each field kind parses a located YAML node (reporting problems into a
``Context``) and describes itself as JSON Schema, so the editor schema can
never drift from what the loader accepts.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from aigc_roi.model.errors import ScenarioError
from aigc_roi.model.ime_marks import SPAN_SLIPS
from aigc_roi.model.limits import MAX_CHANNELS as MAX_CHANNELS
from aigc_roi.model.limits import MAX_FIXED_COSTS as MAX_FIXED_COSTS
from aigc_roi.model.limits import MAX_HORIZON_MONTHS as MAX_HORIZON_MONTHS
from aigc_roi.model.limits import MAX_MAGNITUDE as MAX_MAGNITUDE
from aigc_roi.model.limits import MAX_ORDERS as MAX_ORDERS
from aigc_roi.model.limits import MAX_PLANS as MAX_PLANS
from aigc_roi.model.limits import MAX_PURCHASES as MAX_PURCHASES
from aigc_roi.model.limits import MAX_RETENTION_POINTS as MAX_RETENTION_POINTS
from aigc_roi.model.limits import MIN_MAGNITUDE as MIN_MAGNITUDE
from aigc_roi.model.limits import MIN_UNIT_COST as MIN_UNIT_COST
from aigc_roi.model.names import did_you_mean, resembling
from aigc_roi.model.scenario import Z90, ByMonth, Distribution
from aigc_roi.reader.amount_warning import amount_warnings, percent_on_unit, without_sign
from aigc_roi.reader.comma_split import split_number, split_words
from aigc_roi.reader.dated_months import date_hint
from aigc_roi.reader.dot_group_warning import dot_group_warnings
from aigc_roi.reader.near_keys import close_key, nearest_key
from aigc_roi.reader.numbers import (
    NOT_A_NUMBER,
    RANGE_SEPARATOR,
    WHOLE_KEY_PATTERN,
    NotANumber,
    NotFinite,
    ValueProblem,
    bound_fault,
    percent_hint,
    range_slip_hint,
    scaled_low,
    slip_hint,
    split_range,
    to_number,
    whole_number,
)
from aigc_roi.reader.percent_warnings import typed, warned_span, written_in_percent
from aigc_roi.reader.price_words import PRICE_WORDS
from aigc_roi.reader.range_unit_warning import range_unit_warnings
from aigc_roi.reader.value_forms import DIST_FORMS, DIST_KEYS, RANGE_FORMS, Form, dist_hint, nearest_form
from aigc_roi.reader.value_forms import RANGE_KEYS as RANGE_KEYS
from aigc_roi.reader.written_times import months_hint
from aigc_roi.reader.yamltree import MERGE_KEY, MERGE_REFUSAL, Entry, Node, found_key, join_path, set_within, slipped_key

COUNT_OF_MONTHS = "count of months"
"""``Number.counted`` of a count of months (horizon_months, ltv_months, a period, a payback target)."""

INVALID: Any = object()
"""Returned by a parse that reported an error; callers skip the field."""

ReusedParses = dict[tuple[Any, ...], tuple[Node, Any]]
"""List items' parses by node, path and the file's settings, each with its node (``fields.parse_item``)."""


@dataclass
class Context:
    """Where errors and warnings go while one scenario is being read."""

    filename: str
    errors: list[ScenarioError] = field(default_factory=list)
    warnings: list[ScenarioError] = field(default_factory=list)
    """What a valid value is warned of as it is read (reader/amount_warning.py)."""
    horizon_months: int = 24
    start: tuple[int, int] | None = None
    """The file's ``start`` (year, month), when valid: month 1 of the plan, which a month written as a date is
    counted from."""

    follow_ons: set[int] = field(default_factory=set)
    """Indexes in ``errors`` of the errors at a stand-in for what the tree builder refused (``error``)."""

    decimal_comma: str | None = None
    """The plan's currency where its locales write a decimal comma (currency_signs.py ``DECIMAL_COMMA``), so that a
    dot or a comma before three digits may group thousands (reader/dot_group_warning.py, numbers.py ``slip_hint``)."""
    explained: set[tuple[str, int, int, int]] = field(default_factory=set)
    """Where (file, line, first and last column) each value is whose text an error already tells what to write for:
    the number before a comma that split it in a flow mapping (``check_keys``). A warning or an error of such a
    value is of the half YAML read (``1.500`` of ``1.500,00``, ``1 500`` of ``1 500,000``) and tells the text again,
    or a fix that is neither reading: not told (``told``, ``told_warnings``)."""
    horizon_node: Node | None = None
    """The ``horizon_months`` value the file (or a ``--set``) writes, which every month's bound is read from."""
    reused: ReusedParses | None = None
    """Parses of list items kept across the trees of one file read with changes (``fields.parse_item``), or None to
    keep none: a tree with ``--set`` changes shares every node off their paths with the tree it was made from."""
    code_built: bool = False
    """The tree is a ``Scenario`` built in code, as reader/written_tree.py writes it (reader/in_code.py): a number
    in it is a Python number, not text someone typed, so no hint of how a file types one (``did you mean 1.5%?``),
    and a key written twice is one the code gave twice (``given_twice``)."""

    def error(self, node: Node, path: str, message: str, at: tuple[int, int] | None = None,
              among: Iterable[Node] = ()) -> Any:
        """Report at ``node`` (at line and column ``at`` when given: a slip inside its text).

        An error at a stand-in for what the tree builder refused (``Node.refused``), or of a rule over one, is a
        follow-on of that refusal, which is the problem: not ``told``. A node whose ``key: value`` YAML read as one
        text (``node.slip``) is reported as that slip, at its character, once however many errors it causes, unless
        the caller points at a slip of its own.

        ``among``: the other values of a rule over several (a range's bounds, the type that says which keys a channel
        has, the horizon a month lies past). Where the file wrote ``node`` and a ``--set`` one of them, the error is
        the option's, which was just changed: at the first value it wrote, naming where the file has ``node``; where
        a ``--set`` wrote ``node``, the first of them the file has is named."""
        parts = list(among)
        if node.refused or any(part.refused for part in parts):
            # Kept, so what asks whether a value was refused (ctx.errors) sees it was, but not told (``told``).
            self.follow_ons.add(len(self.errors))
            self.errors.append(ScenarioError(self.filename, node.line, node.column, path, message))
            return INVALID
        if node.slip is not None and at is None:
            line, column, slip = node.slip
            located = ScenarioError(node.source or self.filename, line, column, path, f"invalid YAML: {slip}")
            if not any((error.file, error.line, error.column) == (located.file, line, column) for error in self.errors):
                self.errors.append(located)
            return INVALID
        written = None if node.source is not None else next(
            (found for part in parts if (found := set_within(part)) is not None), None)
        if written is not None:
            line, column = at or (node.line, node.column)
            return self.error(written, path, f"{message} (with the file at {self.filename}:{line}:{column})")
        in_file = None if node.source is None else next((part for part in parts if part.source is None), None)
        if in_file is not None:
            message += f" (with the file at {self.filename}:{in_file.line}:{in_file.column})"
        # A --set value has no place in the file, and a collection no single end.
        # A slip inside a quoted text (``at``) spans to its last character, not the closing quote.
        end = (node.text_end() if at else (node.end_line, node.end_column)) if node.end_line and node.source is None \
            else (None, None)
        line, column = at or (node.line, node.column)
        self.errors.append(ScenarioError(node.source or self.filename, line, column, path, message, *end))
        return INVALID

    def told(self) -> list[ScenarioError]:
        """The errors to tell: ``errors`` but the follow-ons of what the tree builder refused and told already, and
        those of a value a split-number error explains (``explained``: ``1 500`` of ``{budget: 1 500,000}`` is no
        number to write as ``1_500``; the split's error tells the whole text's readings)."""
        return [error for index, error in enumerate(self.errors) if index not in self.follow_ons
                and not self._explains(error)]

    def told_warnings(self) -> list[ScenarioError]:
        """The warnings to tell: ``warnings`` but those of a value an error explains (``explained``)."""
        if not self.explained:
            return self.warnings
        return [warning for warning in self.warnings if not self._explains(warning)]

    def _explains(self, problem: ScenarioError) -> bool:
        """Whether ``problem`` lies within a value of ``explained`` (at its first character or inside it: a gap)."""
        return any(problem.file == file and problem.line == line and first <= problem.column <= last
                   for file, line, first, last in self.explained)

    def error_among(self, parts: Iterable[Node], node: Node, path: str, message: str) -> Any:
        """``error`` at ``node`` for a rule over ``parts`` too (a fit through them, their sum, one form among
        several)."""
        return self.error(node, path, message, among=parts)

    def past_horizon(self, month: int | None) -> tuple[Node, ...]:
        """The ``horizon_months`` value, for ``error``'s ``among``, when ``month`` is refused only for lying past it."""
        late = self.horizon_node is not None and month is not None and month > self.horizon_months
        return (self.horizon_node,) if late and self.horizon_node is not None else ()

    def given_twice(self, mapping: Node, path: str, key: Node, key_path: str, first: Node, word: str, number: int,
                    span: str) -> Any:
        """The ``word`` (month, age, day) ``number`` that ``key`` names, which ``first`` of the mapping at ``path``
        named before it: in a file two spellings of one (``1`` and ``01``), told at the second with both; in code the
        pair given twice, whose second written_tree.py spelled ``01``, told once at the field."""
        if not self.code_built:
            return self.error(key, key_path, f"duplicate {word} {number}: '{key.raw}' and '{first.raw}'"
                                             f"{first.line_note()} name the same {span}")
        message = f"{word} {number} given twice"
        if any((error.path, error.message) == (path, message) for error in self.errors):
            return INVALID
        return self.error(mapping, path, message)

    def typed(self, node: Node) -> bool:
        """Whether ``node`` is text someone typed in the file's grammar: any of a file, a text given in code; a
        number given in code is none, and a hint of how to type it is no help."""
        return typed(node, self.code_built)

    def expected(self, node: Node, path: str, expected: str, hint: str = "", among: Iterable[Node] = ()) -> Any:
        return self.error(node, path, f"expected {expected}, found {node.describe()}" + (f" ({hint})" if hint else ""),
                          among=among)

    def expected_word(self, node: Node, path: str, choices: tuple[str, ...], expected: str = "") -> Any:
        """One of ``choices`` was expected: say which word was meant when the slip is a known one of these choices (a
        type's ``koc``, not a period's), else those it resembles."""
        expected = expected or "one of " + ", ".join(choices)
        written = node.raw.strip() if node.kind == "scalar" else ""
        meant, slip = WORD_SLIPS.get(written.lower(), ("", ""))
        hint = (slip if meant in choices else "") or suggest_word(written, choices)
        if hint and node.kind == "scalar":
            return self.expected_with_hint(node, path, expected, 0, hint)
        return self.expected(node, path, expected)

    def expected_with_hint(self, node: Node, path: str, expected: str, offset: int, hint: str,
                           among: Iterable[Node] = ()) -> Any:
        """As ``expected``, pointing at the character ``offset`` of the node's text, the slip the hint names."""
        return self.error(node, path, f"expected {expected}, found {node.describe()}; {hint}", node.position_of(offset),
                          among)


_KOC = "KOC (素人) posts are type: kol, priced per post"

WORD_SLIPS = {
    "koc": ("kol", _KOC),
    "koc_seeding": ("kol", _KOC),
    "kocs": ("kol", _KOC),
    **{word: (meant, f"did you mean '{meant}'?") for meant, words in (
        ("year", ("yearly", "annual", "annually", "年", "年付")),
        ("month", ("monthly", "月", "月付")),
        ("quarter", ("quarterly", "季", "季度"))) for word in words},
    # A price's word that is a type's own (cpa) is that type, written in any case.
    **{word: slip for word, slip in PRICE_WORDS.items() if word != slip[0]},
}
"""Words people write for a choice the format spells otherwise -> that choice, and what to write instead."""


def suggest_word(written: str, choices: Iterable[str]) -> str:
    """``did you mean 'month'?``: the ``choices`` ``written`` resembles (model/names.py ``resembling``); empty for
    none."""
    near = resembling(written, choices)
    return did_you_mean(near) if near else ""


class Kind(Protocol):
    def parse(self, node: Node, path: str, ctx: Context) -> Any: ...
    def json_schema(self) -> dict[str, Any]: ...


# The loader's regex is Python's, whose \d also matches full-width digits (IME
# input: ３０); an editor's is ECMAScript's, whose \d does not. The schema
# spells both out so editors accept what `validate` accepts.
_DIGIT = "[0-9０-９]"
_NUMBER_BODY = rf"[+-]?({_DIGIT}[0-9０-９_]*(\.[0-9０-９_]*)?|\.{_DIGIT}[0-9０-９_]*)([eE][+-]?{_DIGIT}+)?\s*"
_NUMBER_TEXT = rf"{_NUMBER_BODY}[kKmM万亿%]?"

_SIZED_NUMBER = {"type": "number", "minimum": -MAX_MAGNITUDE, "maximum": MAX_MAGNITUDE}


def _share_text_pattern(below_one: bool) -> str:
    """A share as text: a percentage from 0% to 100% or a decimal from 0 to 1 (each below the top when
    ``below_one``). A share written with an exponent or a suffix (k, m, 万, 亿: "5e-2") is let through
    unbounded: bounding its value takes arithmetic a pattern cannot do, and an editor must never underline
    what `validate` reads. Leading zeros are the only repetition before a fixed tail, so a match tries a
    few splits per character, never exponentially many."""
    fraction = r"(\.[0-9０-９_]*)?"
    decimal = rf"[0０]+{fraction}|\.{_DIGIT}[0-9０-９_]*"
    percentage = rf"[0０]*{_DIGIT}?{_DIGIT}{fraction}|\.{_DIGIT}[0-9０-９_]*"
    if not below_one:
        decimal += r"|[0０]*[1１](\.[0０_]*)?"
        percentage += r"|[0０]*[1１][0０][0０](\.[0０_]*)?"
    scaled = rf"({_DIGIT}[0-9０-９_]*(\.[0-9０-９_]*)?|\.{_DIGIT}[0-9０-９_]*)([eE][+-]?{_DIGIT}+\s*[kKmM万亿%]?|\s*[kKmM万亿])"
    return rf"^\s*\+?(({decimal})|({percentage})\s*%|{scaled})\s*$"


SCHEMA_DEFS: dict[str, Any] = {
    "number_text": {"type": "string", "pattern": rf"^\s*{_NUMBER_TEXT}\s*$",
                    "description": "A number as text: 6_000_000, 1e6, 1.5万, 30k, 5%."},
    # A month or a count of months is no percentage (Number.counted): its text is a number's without the %.
    "whole_number_text": {"type": "string", "pattern": rf"^\s*{_NUMBER_BODY}[kKmM万亿]?\s*$",
                          "description": "A whole number as text, without %: 12, １２, 1e1."},
    "share_text": {"type": "string", "pattern": _share_text_pattern(below_one=False),
                   "description": "A share as text: a percentage from 0% to 100% or a decimal from 0 to 1."},
    "share_below_one_text": {"type": "string", "pattern": _share_text_pattern(below_one=True),
                             "description": "A share as text: a percentage from 0% to below 100% or a decimal from 0 to below 1."},
    "range_text": {"type": "string", "pattern": rf"^\s*{_NUMBER_TEXT}\s*\.\.\s*{_NUMBER_TEXT}\s*$",
                   "description": "An uncertain value low..high, e.g. 20..40 (lognormal 90% interval)."},
    "scalar": {"anyOf": [_SIZED_NUMBER, {"$ref": "#/$defs/number_text"}]},
}
"""Shared pieces of the JSON Schema, referenced as ``#/$defs/NAME`` rather than inlined at every field."""


@dataclass(frozen=True)
class Number:
    """A number, or (when ``ranges``) an uncertain range of numbers."""

    minimum: float | None = 0.0
    maximum: float | None = None
    below_maximum: bool = False
    """True when ``maximum`` itself is excluded."""
    integer: bool = False
    ranges: bool = True
    description: str = ""
    wording: str = ""
    """What an error says was expected, when the bounds alone do not say it."""
    above_minimum: bool = False
    """True when ``minimum`` itself is excluded (a day's share: a power law never reaches 0)."""
    minimum_hint: str = ""
    """Why ``minimum`` is excluded, said when it is written."""
    range_hint: str = "this field is one number, not a range"
    """What a range written where ``ranges`` is False is told (a target's: a target is one number)."""
    unit: str = ""
    """``an amount`` of money or ``a count`` (reader/amount_warning.py), whose number written in percent is warned of;
    "" for any other number (a share, a ratio, a multiplier)."""
    counted: str = COUNT_OF_MONTHS
    """What a whole number (``integer``) of the field is: a percentage is none, so one written with ``%`` is refused
    (``horizon_months: 600%`` would read as 6, docs/formulas.md §12)."""

    def expectation(self) -> str:
        if self.wording:
            return self.wording
        noun = "a whole number" if self.integer else "a number"
        if self.minimum is not None and self.maximum is not None:
            if self.above_minimum:
                return f"{noun} > {self.minimum:g} and <= {self.maximum:g}"
            if self.below_maximum:
                return f"{noun} >= {self.minimum:g} and < {self.maximum:g}"
            if self.minimum == self.maximum:
                return f"{self.minimum:g}"
            return f"{noun} from {self.minimum:g} to {self.maximum:g}"
        if self.minimum is not None:
            return f"{noun} >= {self.minimum:g}"
        return noun

    @property
    def share(self) -> bool:
        """A share of something (0..1), which may be written as a percentage."""
        return self.minimum == 0 and self.maximum == 1

    def _in_bounds(self, value: float) -> bool:
        return self._fault(value, False) is None

    def _fault(self, value: float, in_percent: bool) -> str | None:
        if in_percent and self.integer:
            return f"a percentage, not a {self.counted}"
        return bound_fault(value, in_percent, self.minimum, self.maximum, self.below_maximum, self.above_minimum, self.integer)

    def forms(self) -> tuple[Form, ...]:
        """The mappings it may be written as (reader/value_forms.py): a range's, where it takes one."""
        return RANGE_FORMS if self.ranges else ()

    def parse(self, node: Node, path: str, ctx: Context) -> Any:
        value = self._parse(node, path, ctx)
        if self.unit and value is not INVALID:
            ctx.warnings += amount_warnings(node, path, self.unit, ctx.filename)
            if ctx.decimal_comma is not None:
                ctx.warnings += dot_group_warnings(node, path, ctx.decimal_comma, ctx.filename)
        if self.ranges and value is not INVALID:
            ctx.warnings += range_unit_warnings(node, path, ctx.filename, self._in_bounds)
        return value

    def _parse(self, node: Node, path: str, ctx: Context) -> Any:
        if self.ranges and node.kind == "map":
            return self._parse_range_map(node, path, ctx)
        if self.ranges and node.kind == "scalar" and isinstance(node.value, str):
            parts = split_range(node.value)
            if parts is not None:
                return self._parse_range_text(node, path, ctx, *parts)
        return self._parse_scalar(node, path, ctx)

    def _parse_scalar(self, node: Node, path: str, ctx: Context) -> Any:
        if node.kind != "scalar":
            return ctx.expected(node, path, self.expectation())
        try:
            value = to_number(node.value)
        except NotFinite as problem:
            # .nan and .inf are none of a bounded field: its bounds say what is wanted. Elsewhere .inf is too large,
            # and .nan, which is no size at all, is no number: the field's expectation says so, not the size limit.
            if self.maximum is not None and abs(self.maximum) <= MAX_MAGNITUDE:
                return ctx.expected(node, path, self.expectation())
            if isinstance(problem, NotANumber):
                return ctx.expected(node, path, self.expectation(), NOT_A_NUMBER)
            return ctx.expected(node, path, f"a number no larger than {MAX_MAGNITUDE:,.0f} (1e15)")
        except ValueProblem as problem:
            if not self.ranges and isinstance(node.value, str) and _numbers_range(node.value):
                return ctx.expected_with_hint(node, path, self.expectation(), max(node.raw.find(RANGE_SEPARATOR), 0),
                                              self.range_hint)
            counted = (months_hint(node.raw, self._in_bounds)
                       if self.integer and self.counted == COUNT_OF_MONTHS and isinstance(node.value, str) else None)
            if counted is not None:
                # 2年, 24个月: a count of months with its unit, told the number (reader/written_times.py).
                return ctx.expected_with_hint(node, path, self.expectation(), 0, counted)
            slip = (slip_hint(node.raw, self._fault, ctx.decimal_comma, None if self.ranges else self.range_hint)
                    if isinstance(node.value, str) and "\n" not in node.raw else None)
            if slip is not None and node.split:
                # One value read back from the thousands groups a flow mapping's commas split (reader/comma_split.py).
                slip = slip[0], f"{split_words(node.raw)}; {slip[1]}"
            if slip is not None:
                return ctx.expected_with_hint(node, path, self.expectation(), *slip)
            return ctx.expected(node, path, self.expectation(), problem.hint)
        if self.integer and isinstance(node.value, str) and written_in_percent(node.raw):
            return ctx.expected(node, path, self.expectation(), f"a percentage is no {self.counted}")
        if abs(value) > MAX_MAGNITUDE:
            return ctx.expected(node, path, f"a number no larger than {MAX_MAGNITUDE:,.0f} (1e15)")
        if 0 < abs(value) < MIN_MAGNITUDE:
            if self._in_bounds(0.0):
                return ctx.expected(node, path, f"0 or a number of at least {MIN_MAGNITUDE:g} in size")
            if self._in_bounds(value):
                # 0 is no value of the field, so the smallest it takes is the smallest size of a number.
                upper = f" to {self.maximum:g}" if self.maximum is not None else ""
                return ctx.expected(node, path, f"a number from {MIN_MAGNITUDE:g}{upper}" if upper else f"a number >= {MIN_MAGNITUDE:g}")
        if not self._in_bounds(value):
            hint = percent_hint(node.raw, self._in_bounds) if self.share and ctx.typed(node) else None
            if hint is not None:
                return ctx.expected_with_hint(node, path, self.expectation(), 0, hint)
            return ctx.expected(node, path, self.expectation(), self.minimum_hint if value == self.minimum else "")
        return int(value) if self.integer else value

    def _bound(self, text: str, node: Node, path: str, ctx: Context) -> Any:
        """One end of ``low..high``: any number of a valid size; the field's domain bounds the median only."""
        try:
            value = to_number(text)
        except ValueProblem:
            expected = "a range 'low..high' of numbers"
            # A decimal comma or a locale's groups are told at a range's end as at one number (slip_hint).
            slip = range_slip_hint(node.raw, ctx.decimal_comma) if "\n" not in node.raw else None
            if slip is not None:
                return ctx.expected_with_hint(node, path, expected, *slip)
            return ctx.error(node, path, f"expected {expected}, found {node.describe()}")
        if not MIN_MAGNITUDE <= abs(value) <= MAX_MAGNITUDE and value != 0:
            return ctx.error(node, path, f"expected a range of numbers no larger than {MAX_MAGNITUDE:,.0f} (1e15) "
                                         f"and 0 or at least {MIN_MAGNITUDE:g} in size, found {node.describe()}")
        return value

    def _with_valid_median(self, dist: Distribution, node: Node, path: str, ctx: Context,
                           among: tuple[Node, ...] = ()) -> Any:
        """Spec 1.2: a range is valid when its median lies in the field's domain (its draws are clipped to it).
        ``among``: the values of a range written as a mapping, each of which the rule reads."""
        median = dist.median()
        if not self._in_bounds(median) and not (self.integer and self._in_bounds(round(median))):
            return ctx.error(node, path, f"expected a range with its median within {self.expectation()}, "
                                         f"found median {median:g}", among=among)
        return dist

    def _parse_range_text(self, node: Node, path: str, ctx: Context, low_text: str, high_text: str) -> Any:
        low = self._bound(low_text, node, path, ctx)
        high = self._bound(high_text, node, path, ctx) if low is not INVALID else INVALID
        if INVALID in (low, high):
            return INVALID
        scaled = scaled_low(low_text, high_text)
        # bid: 2..5% is 2 to 0.05: on an amount or a count the % itself is the slip (amount_warning.py), so the fix
        # drops it, 2..5, where 2%..5% would be warned of in turn.
        unsigned = without_sign((low_text, high_text)) if self.unit and high_text.strip().endswith("%") else None
        if low > high and scaled is not None and unsigned is not None:
            return ctx.error(node, path, f"expected low <= high, found {low:g}..{high:g}; "
                                         f"{percent_on_unit(self.unit)}: write {unsigned}")
        if low > high and scaled is not None:
            # 10..20% is 10 to 0.2: the suffix scales its own number only, and 10%..20% was most likely meant.
            return ctx.error(node, path, f"expected low <= high, found {low:g}..{high:g}; a suffix scales only the "
                                         f"number it is written on: write {scaled}..{high_text.strip()}")
        return self._interval(low, high, node, path, ctx)

    def _interval(self, low: float, high: float, node: Node, path: str, ctx: Context,
                  kind: str | None = None, among: tuple[Node, ...] = ()) -> Any:
        if low > high:
            return ctx.error(node, path, f"expected low <= high, found {low:g}..{high:g}", among=among)
        if kind is None:
            kind = "lognormal" if low > 0 else "normal"
        if kind == "lognormal" and low <= 0:
            return ctx.error(node, path, f"expected low > 0 for a lognormal range, found {low:g}", among=among)
        return self._with_valid_median(Distribution(kind, low, high), node, path, ctx, among)  # type: ignore[arg-type]

    def _parse_range_map(self, node: Node, path: str, ctx: Context) -> Any:
        entries = node.value
        if not entries:
            # `bid: {}` is no range missing its bounds but no value at all (README: found an empty mapping).
            return ctx.expected(node, path, self.expectation())
        if BY_MONTH_KEY in entries:
            return ctx.error(node, path, f"expected {NOT_BY_MONTH}, found a by_month schedule")
        dist_entry = entries.get("dist")
        if dist_entry is not None:
            written = dist_entry.value.raw.strip() if dist_entry.value.kind == "scalar" else ""
            if written not in DIST_KEYS:
                return ctx.expected_word(dist_entry.value, join_path(path, "dist"), tuple(DIST_KEYS))
            form: Form | None = DIST_FORMS[written]
        else:
            form = nearest_form(entries, RANGE_FORMS)
        if form is None:
            return refuse_forms(node, path, ctx, RANGE_FORMS)
        allowed = tuple(key for key in form.keys if key != "dist")
        values = check_keys(node, path, ctx, form.keys, form.keys, among=(dist_entry.value,) if dist_entry else (),
                            missing=dist_hint(form, entries))
        if values is INVALID or any(key not in values for key in form.keys):
            return INVALID
        # Each number of a valid size; the field's domain bounds the median only (spec 1.2).
        parts = tuple(entry.value for entry in entries.values())
        numbers = {}
        for key in allowed:
            number = Number(None, None)._parse_scalar(values[key], join_path(path, key), ctx)
            if number is INVALID:
                return INVALID
            numbers[key] = number
        kind = form.dist or None
        if kind == "normal":
            if numbers["sd"] < 0:
                return ctx.expected(values["sd"], join_path(path, "sd"), "a number >= 0")
            spread = Z90 * numbers["sd"]
            low, high = numbers["mean"] - spread, numbers["mean"] + spread
            if not self._in_bounds(numbers["mean"]):
                return ctx.error(node, path, f"expected a range with its median within {self.expectation()}, "
                                             f"found mean {numbers['mean']:g}, sd {numbers['sd']:g}", among=parts)
            if not all(abs(end) <= MAX_MAGNITUDE for end in (low, high)):
                return ctx.error(node, path, f"expected a range of numbers no larger than {MAX_MAGNITUDE:,.0f} (1e15), "
                                             f"found mean {numbers['mean']:g}, sd {numbers['sd']:g} "
                                             f"(90% interval {low:g}..{high:g})", among=parts)
            return Distribution("normal", low, high)
        if kind == "triangular":
            low, mode, high = numbers["low"], numbers["mode"], numbers["high"]
            # low = mode = high is a constant written as a triangle, as "20..20" and an sd of 0 are: its draws are it.
            if not low <= mode <= high:
                return ctx.error(node, path, f"expected low <= mode <= high, found {low:g}, {mode:g}, {high:g}",
                                 among=parts)
            return self._with_valid_median(Distribution("triangular", low, high, mode), node, path, ctx, parts)
        return self._interval(numbers["low"], numbers["high"], node, path, ctx, kind, parts)

    def json_schema(self) -> dict[str, Any]:
        number: dict[str, Any] = {"type": "integer" if self.integer else "number",
                                  "exclusiveMinimum" if self.above_minimum else "minimum":
                                      -MAX_MAGNITUDE if self.minimum is None else max(self.minimum, -MAX_MAGNITUDE)}
        maximum = MAX_MAGNITUDE if self.maximum is None else min(self.maximum, MAX_MAGNITUDE)
        number["exclusiveMaximum" if self.below_maximum else "maximum"] = maximum
        text = ("share_below_one_text" if self.below_maximum else "share_text") if self.share else \
            "whole_number_text" if self.integer else "number_text"
        options: list[dict[str, Any]] = [number, {"$ref": f"#/$defs/{text}"}]
        if self.ranges:
            options += [{"$ref": "#/$defs/range_text"}, {"$ref": "#/$defs/range_map"}]
        return {"description": self.description, "anyOf": options} if self.description else {"anyOf": options}


BY_MONTH_KEY = "by_month"
NOT_BY_MONTH = "one value for every month (by_month is not allowed on this field)"
BY_MONTH_EXAMPLE = "{1: 12, 6: 30}"
BY_MONTH_FORM = Form((BY_MONTH_KEY,), holds="map")


def _months_hint(key: str, path: str) -> str | None:
    """Where a month written as a key of a value that may move by month belongs: under by_month."""
    if whole_number(key.strip()) is None:
        return None
    return f"months go under {BY_MONTH_KEY}, as in {{{BY_MONTH_KEY}: {BY_MONTH_EXAMPLE}}}"


@dataclass(frozen=True)
class ByMonthOr:
    """A number (or range) that may instead move month by month: ``{by_month: {1: 12, 6: 30}}``
    (docs/formulas.md §14); months within the horizon, each value of the field's own kind."""

    value: Number

    def parse(self, node: Node, path: str, ctx: Context) -> Any:
        if node.kind == "map" and BY_MONTH_KEY in node.value:
            return self._parse_schedule(node, path, ctx)
        if node.kind != "map" or not node.value:
            return self.value.parse(node, path, ctx)
        forms = (BY_MONTH_FORM, *self.value.forms())
        form = nearest_form(node.value, forms)
        if form is BY_MONTH_FORM:
            return self._parse_schedule(node, path, ctx)
        if form is None:
            return refuse_forms(node, path, ctx, forms, _months_hint)
        return self.value.parse(node, path, ctx)

    def _parse_schedule(self, node: Node, path: str, ctx: Context) -> Any:
        entries = check_keys(node, path, ctx, BY_MONTH_FORM.keys, BY_MONTH_FORM.keys, meant=BY_MONTH_FORM.meant)
        if entries is INVALID or BY_MONTH_KEY not in entries:
            return INVALID
        schedule, schedule_path = entries[BY_MONTH_KEY], join_path(path, BY_MONTH_KEY)
        if schedule.kind != "map":
            return ctx.expected(schedule, schedule_path, f"a mapping of month to value such as {BY_MONTH_EXAMPLE}")
        if not schedule.value:
            return ctx.error(schedule, schedule_path, f"expected at least one month, such as {BY_MONTH_EXAMPLE}, found an empty mapping")
        points: dict[int, Any] = {}
        first_key: dict[int, Node] = {}
        invalid = False
        # The months the schedule keys by number: a hint for a key written otherwise takes them into account
        # (reader/key_holds.py: no key offered twice, a key after a span ramped to).
        numbered = frozenset(month for key in schedule.value if (month := whole_number(key)) is not None
                             and 1 <= month <= ctx.horizon_months)
        for key, entry in schedule.value.items():
            key_path = join_path(schedule_path, key)
            month = whole_number(key)
            if month is None or not 1 <= month <= ctx.horizon_months:
                # A key a --set wrote (its node's source) is told as --set writes keys: by_month.6=25 replaces key 6,
                # so no key is "written already" to it (reader/span_sets.py offers a span's --set options).
                hint = date_hint(key, ctx.start, ctx.horizon_months, place="key",
                                 keys=numbered if entry.key.source is None else None)
                ctx.error(entry.key, key_path, f"expected a month within 1..{ctx.horizon_months}, found {found_key(key)}"
                          + (f"; {hint}" if hint else ""), among=ctx.past_horizon(month))
                invalid = True
                continue
            if month in first_key:
                ctx.given_twice(schedule, schedule_path, entry.key, key_path, first_key[month], "month", month, "month")
                invalid = True
                continue
            first_key[month] = entry.key
            points[month] = self.value.parse(entry.value, key_path, ctx)
        if invalid or INVALID in points.values():
            return INVALID
        return ByMonth(tuple(sorted(points.items())))

    def json_schema(self) -> dict[str, Any]:
        plain = self.value.json_schema()
        values = {key: item for key, item in plain.items() if key != "description"}
        schedule = {"type": "object", "additionalProperties": False, "required": [BY_MONTH_KEY],
                    "properties": {BY_MONTH_KEY: {
                        "title": "By month", "type": "object", "minProperties": 1, "additionalProperties": False,
                        "patternProperties": {WHOLE_KEY_PATTERN: values},
                        "description": "The value in given months (1..horizon_months): linear between them, "
                                       "the first before the first, the last after the last."}}}
        described = {"description": plain["description"]} if "description" in plain else {}
        return described | {"anyOf": [*plain["anyOf"], schedule]}


def _range_map_schemas() -> list[dict[str, Any]]:
    def scalar(key: str) -> dict[str, Any]:
        return {"title": key.capitalize(), "$ref": "#/$defs/scalar"}

    plain = {"type": "object", "properties": {"low": scalar("low"), "high": scalar("high")},
             "required": ["low", "high"], "additionalProperties": False}
    explicit = [
        {"type": "object",
         "properties": {"dist": {"title": "Distribution", "const": kind}, **{key: scalar(key) for key in keys}},
         "required": ["dist", *keys], "additionalProperties": False}
        for kind, keys in DIST_KEYS.items()
    ]
    return [plain, *explicit]


SCHEMA_DEFS["range_map"] = {"anyOf": _range_map_schemas(),
                            "description": "An uncertain value as {low, high} or {dist: lognormal|normal|uniform|triangular, ...}."}


_FULL_WIDTH_HASH = re.compile(r"\s(＃)")
"""A full-width ＃ after a space in a plain text: YAML's comment would start there were it an ASCII #."""


@dataclass(frozen=True)
class Text:
    """A string: a name, a code or one of a set of words."""

    pattern: str | None = None
    expected: str = "a non-empty text"
    choices: tuple[str, ...] = ()
    description: str = ""
    hint: Callable[[str], str | None] | None = None
    """What a text the pattern refuses is told, where it says more than what was expected (``start``'s 2025年3月:
    reader/written_times.py); None for nothing more."""

    def parse(self, node: Node, path: str, ctx: Context) -> Any:
        text = node.raw.strip() if node.kind == "scalar" and node.value is not None else ""
        if node.split and not self.choices and not self.pattern:
            # A number's thousands groups a flow mapping's commas split, joined back (reader/comma_split.py): a name
            # or a pattern may have been written so, or may end before a key; told, not read as either.
            return ctx.expected_with_hint(node, path, "a quoted text", 0, f"{split_words(node.raw)}; to keep its "
                                          f"commas in a text, quote it: write \"{node.raw}\"")
        if text and self.choices and text not in self.choices:
            return ctx.expected_word(node, path, self.choices, self.expected)
        valid = bool(text)
        if valid and self.pattern:
            valid = re.fullmatch(self.pattern, text) is not None
        if not valid:
            told = self.hint(node.raw) if self.hint is not None and node.kind == "scalar" else None
            if told is not None:
                return ctx.expected_with_hint(node, path, self.expected, 0, told)
            return ctx.expected(node, path, self.expected)
        if not node.text_column and (hash_at := _FULL_WIDTH_HASH.search(node.raw)) is not None:
            # A name is any text, so the file stays valid; but `name: 抖音 ＃ 主力渠道` meant a comment.
            ctx.warnings.append(ScenarioError(node.source or ctx.filename, *node.position_of(hash_at.start(1)), path,
                                              f"full-width '＃' (IME input) starts no comment: the text reads {text!r}; "
                                              f"write {node.raw[:hash_at.start(1)].rstrip()} # ... for a comment",
                                              *warned_span(node)))
        return text

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "string", "minLength": 1}
        if self.choices:
            schema = {"enum": list(self.choices)}
        if self.pattern:
            schema["pattern"] = f"^{self.pattern}$"
        if self.description:
            schema["description"] = self.description
        return schema


WHOLE_TEXT_SCHEMA = {"type": "string", "pattern": WHOLE_KEY_PATTERN}
"""A month or a period's months written as text (``months: ３``, ``period: "12"``), in the one form ``whole_number``
reads them: its rule, as a key's is, where a count such as ``horizon_months`` is a number's text (``Number``)."""


def _whole_number(digits: str) -> int:
    """The value of ASCII ``digits``, capped past any horizon: Python refuses int() of over 4,300 digits."""
    significant = digits.lstrip("0０")
    return int(significant or "0") if len(significant) <= 9 else 10**9


_ALL_WORDED = frozenset({"全部", "全部月份", "所有", "所有月份", "每月", "每个月", "全年", "整年", "全程"})
"""Every month, written in Chinese where the format's word is ``all``: told to write it."""


@dataclass(frozen=True)
class MonthSet:
    """``all``, one month, a span ``"1-6"`` or a list; within the horizon."""

    description: str = "Months in which it runs: all, 3, '1-6' or [1, 2, 5]; default all."

    def parse(self, node: Node, path: str, ctx: Context) -> Any:
        horizon = ctx.horizon_months
        expected = f"all, a month, a span 'a-b' or a list of months within 1..{horizon}"
        if node.kind == "seq":
            months = [self._month(item, join_path(path, i), ctx, "item") for i, item in enumerate(node.value)]
            if INVALID in months:
                return INVALID
            if not months:
                return ctx.expected(node, path, expected)
            return tuple(sorted(set(months)))
        if node.kind != "scalar":
            return ctx.expected(node, path, expected)
        text = node.raw.strip()
        if text == "all":
            return None
        if text in _ALL_WORDED:
            return ctx.expected_with_hint(node, path, expected, 0, "every month is written all: write all")
        hint = date_hint(text, ctx.start, horizon, spans=True)
        if hint is not None:
            return ctx.expected_with_hint(node, path, expected, 0, hint)
        # ASCII and full-width digits, as the exported schema's pattern reads them (\d would also take ٣).
        span = re.fullmatch(r"([0-9０-９]+)\s*-\s*([0-9０-９]+)", text)
        if span:
            first, last = _whole_number(span[1]), _whole_number(span[2])
            if not 1 <= first <= last <= horizon:
                return ctx.expected(node, path, f"a span 'a-b' with 1 <= a <= b <= {horizon}",
                                    among=ctx.past_horizon(last) if 1 <= first <= last else ())
            return tuple(range(first, last + 1))
        # A span written as a range of numbers (1..6) or with an IME's wave dash (1～6), a dash's look-alike (1－6,
        # model/ime_marks.py SPAN_SLIPS) or a word (1到6).
        # Matched in the text as written, spaces and all, so the slip's offset is one into it.
        slip = re.fullmatch(rf"\s*([0-9０-９]+)\s*(\.\.|{SPAN_SLIPS})\s*([0-9０-９]+)\s*", node.raw)
        if slip:
            return ctx.expected_with_hint(node, path, expected, slip.start(2),
                                          f"a span of months is written first-last: {slip[1]}-{slip[3]}")
        # A word is no month: it was meant as the one word the field takes, if it resembles it (All, alll).
        meant = suggest_word(text, ("all",)) if whole_number(node.value) is None else ""
        if meant:
            return ctx.expected_with_hint(node, path, expected, 0, meant)
        month = self._month(node, path, ctx)
        return INVALID if month is INVALID else (month,)

    def _month(self, node: Node, path: str, ctx: Context, place: str = "one") -> Any:
        """One month: the field's own, or ``place`` "item", a list's, where a span is told its months one by one."""
        month = whole_number(node.value) if node.kind == "scalar" else None
        if month is None or not 1 <= month <= ctx.horizon_months:
            hint = (date_hint(node.raw, ctx.start, ctx.horizon_months, place=place)
                    if node.kind == "scalar" and isinstance(node.value, str) else None)
            if hint is not None:
                return ctx.expected_with_hint(node, path, f"a month within 1..{ctx.horizon_months}", 0, hint)
            percent = node.kind == "scalar" and isinstance(node.value, str) and written_in_percent(node.raw)
            return ctx.expected(node, path, f"a month within 1..{ctx.horizon_months}",
                                "a percentage is no month" if percent else "", among=ctx.past_horizon(month))
        return month

    def json_schema(self) -> dict[str, Any]:
        month = {"anyOf": [{"type": "integer", "minimum": 1, "maximum": MAX_HORIZON_MONTHS}, WHOLE_TEXT_SCHEMA]}
        return {"description": self.description, "anyOf": [
            {"const": "all"}, *month["anyOf"],
            {"type": "string", "pattern": r"^\s*[0-9０-９]+\s*-\s*[0-9０-９]+\s*$"},
            {"type": "array", "items": month, "minItems": 1},
        ]}


A_TARGET = "a target is one number, not a range"
"""What a target written as a range is told (``Number.range_hint``): a guardrail holds one figure to one limit."""


def _numbers_range(text: str) -> bool:
    """Whether ``text`` is a range of two numbers, ``0.1..0.3``."""
    parts = split_range(text)
    if parts is None:
        return False
    try:
        for part in parts:
            to_number(part)
    except ValueProblem:
        return False
    return True


GATE_HORIZON = "a horizon of at least 2 months (a gate's test month and a month after it)"
"""What a gate's ``after_month`` needs of a plan whose months leave it none to be (1..horizon - 1 is empty)."""


@dataclass(frozen=True)
class PlanMonth:
    """A month of the plan, 1 (the first) to the horizon, or to the month before it (``before_last``: a gate's test,
    which a later month must follow); the rule over the horizon is load.py's, in the same words. Written as a date,
    which month of the plan that is, counted from ``start``."""

    description: str
    before_last: bool = False

    def parse(self, node: Node, path: str, ctx: Context) -> Any:
        if self.before_last and ctx.horizon_months < 2:
            # 1..horizon - 1 is empty: no month is the fix, but a longer plan (spec 1.2, section 3b item 9).
            return ctx.error(node, path, f"expected {GATE_HORIZON}, found horizon_months {ctx.horizon_months}",
                             among=(ctx.horizon_node,) if ctx.horizon_node is not None else ())
        expected = f"a month within 1..{ctx.horizon_months - (1 if self.before_last else 0)}"
        last = ctx.horizon_months - (1 if self.before_last else 0)
        hint = (date_hint(node.raw, ctx.start, last, horizon=not self.before_last)
                if node.kind == "scalar" and isinstance(node.value, str) else None)
        if hint is not None:
            return ctx.expected_with_hint(node, path, expected, 0, hint)
        return Number(1, MAX_HORIZON_MONTHS, integer=True, ranges=False, wording=expected, counted="month").parse(
            node, path, ctx)

    def json_schema(self) -> dict[str, Any]:
        return Number(1, MAX_HORIZON_MONTHS, integer=True, ranges=False, description=self.description).json_schema()


PERIOD_WORDS = {"month": 1, "quarter": 3, "year": 12}


@dataclass(frozen=True)
class Period:
    """month | quarter | year | a whole number of months."""

    description: str = "Billing period: month, quarter, year or a whole number of months."

    def parse(self, node: Node, path: str, ctx: Context) -> Any:
        if node.kind == "scalar" and node.raw.strip() in PERIOD_WORDS:
            return PERIOD_WORDS[node.raw.strip()]
        if (node.kind == "scalar" and isinstance(node.value, str) and whole_number(node.value) is None
                and slip_hint(node.raw) is None and months_hint(node.raw, lambda _: True) is None):
            return ctx.expected_word(node, path, tuple(PERIOD_WORDS), _PERIOD_MONTHS.expectation())
        return _PERIOD_MONTHS.parse(node, path, ctx)

    def json_schema(self) -> dict[str, Any]:
        return {"description": self.description, "anyOf": [
            {"enum": list(PERIOD_WORDS)}, {"type": "integer", "minimum": 1, "maximum": MAX_HORIZON_MONTHS},
            WHOLE_TEXT_SCHEMA]}


_PERIOD_MONTHS = Number(1, MAX_HORIZON_MONTHS, integer=True, ranges=False,
                        wording=f"month, quarter, year or a whole number of months from 1 to {MAX_HORIZON_MONTHS}")


def suggest(key: str, known: list[str] | set[str] | tuple[str, ...]) -> str:
    meant = meant_key(key, known)
    return f"; did you mean '{meant}'?" if meant else f"; expected one of {', '.join(sorted(known))}"


def meant_key(key: str, known: Iterable[str]) -> str | None:
    """The key of ``known`` that ``key`` was written for (reader/near_keys.py); None for none."""
    return close_key(key, known) or nearest_key(key, known)


def shown_key(key: str) -> str:
    """``key`` with what a reader cannot see written out as ``\\u200b``: invisible characters (zero-width
    space, joiners, soft hyphen) always, and every non-ASCII character of a key that also has ASCII
    letters, where a Cyrillic ``а`` passes for a Latin ``a`` (the format's keys are all ASCII)."""
    mixed = any(character.isascii() and character.isalpha() for character in key)

    def shown(character: str) -> str:
        hidden = unicodedata.category(character) in ("Cf", "Cc", "Zl", "Zp") or (mixed and not character.isascii())
        return f"\\u{ord(character):04x}" if hidden and ord(character) > 0x7f else character

    return "".join(shown(character) for character in key)


def check_keys(node: Node, path: str, ctx: Context, known: set[str] | tuple[str, ...],
               required: tuple[str, ...] = (), elsewhere: Callable[[str, str], str | None] | None = None,
               among: tuple[Node, ...] = (), meant: Callable[[str, Node], str | None] | None = None,
               missing: dict[str, str] | None = None) -> Any:
    """The entries of a mapping node, with unknown and missing keys reported.

    Returns {key: value node}, or INVALID when ``node`` is not a mapping.
    The caller still parses the entries present when a required key is
    missing, so their problems are reported too. ``elsewhere`` says where
    an unknown key belongs that another level of the format has
    (reader/key_places.py), in place of the keys it could be. ``among``: the
    value that says which keys the mapping has (a channel's ``type``, a
    range's ``dist``), which a key unknown or missing breaks a rule with.
    ``meant``: which known key an unknown one was written for, where more
    than its spelling tells (reader/value_forms.py ``Form.meant``);
    ``missing``: what a required key missing is told, where more than its
    name helps (a range's ``dist``). A required key an unknown one is told
    it was meant as is missing by that slip alone: told once, at the slip.
    """
    if node.kind != "map":
        meant_here = slipped_key(node)
        return ctx.expected(node, join_path(path, meant_here) if meant_here else path, "a mapping")
    entries = {}
    told: set[str] = set()
    before: Entry | None = None
    for key, entry in node.value.items():
        previous, before = before, entry
        if key in known:
            entries[key] = entry.value
        elif entry.key.raw == MERGE_KEY:
            ctx.error(entry.key, join_path(path, MERGE_KEY), MERGE_REFUSAL)
        else:
            shown = shown_key(key)
            split = split_number(previous, entry, ctx.decimal_comma) if previous is not None else None
            if split and previous is not None:
                value = previous.value
                # A split number's value is a plain scalar on the key's line (comma_split.py): its span is its columns.
                ctx.explained.add((value.source or ctx.filename, value.line, value.column, value.end_column))
            # A slip of a key of this level is that key, though another level has the key as written.
            place = elsewhere(key, path) if elsewhere is not None and close_key(key, known) is None else None
            slip = None if place else meant(key, entry.value) if meant is not None else meant_key(key, known)
            if slip:
                told.add(slip)
            hint = (f"; {split}" if split else f"; {place}" if place else f"; did you mean '{slip}'?" if slip
                    else f"; expected one of {', '.join(sorted(known))}")
            # A key a --set wrote is its own slip, whatever the type: the rule is the option's alone.
            ctx.error(entry.key, join_path(path, slipped_key(entry.key) or shown), f"unknown key '{shown}'{hint}",
                      among=among if entry.key.source is None else ())
    # The merge key may hold what is missing: it is the error, not the keys it hides.
    for key in required if all(entry.key.raw != MERGE_KEY for entry in node.value.values()) else ():
        if key not in entries and key not in told:
            ctx.error(node, join_path(path, key), (missing or {}).get(key, f"missing required key '{key}'"),
                      among=among)
    return entries


def refuse_forms(node: Node, path: str, ctx: Context, forms: tuple[Form, ...],
                 elsewhere: Callable[[str, str], str | None] | None = None) -> Any:
    """A mapping none of ``forms`` was written in (reader/value_forms.py ``nearest_form``): no form missing its keys,
    but each key told the keys the forms offer, or ``elsewhere`` where it belongs."""
    check_keys(node, path, ctx, tuple(sorted({key for form in forms if form.listed for key in form.keys})),
               elsewhere=elsewhere)
    return INVALID
