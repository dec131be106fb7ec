"""Numbers as finance people write them: ``6_000_000``, ``1e6``, ``1.5万``, ``5%``.

Pure functions: text or YAML scalars in, floats out, or a ``ValueProblem``
saying what was expected. Text is read as an exact decimal and rounded to
float64 once, so a suffix shifts the written digits (``1.1%`` is the float
nearest 0.011, ``2e-6万`` the one nearest 0.02), never a float's repr.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from aigc_roi.model.ime_marks import DASHES, DIGIT_TWINS
from aigc_roi.model.limits import MAX_MAGNITUDE
from aigc_roi.reader.chinese_numerals import NUMERALS, amount_numerals
from aigc_roi.reader.currency_signs import ABBREVIATION_DOT, CODES, DECIMAL_COMMA, SIGNS

SUFFIX_EXPONENTS = {"k": 3, "K": 3, "m": 6, "M": 6, "万": 4, "亿": 8, "%": -2}
"""Powers of ten of number suffixes (the README's format reference; ``K`` also accepted)."""

# Digits are ASCII and full-width (what a Chinese IME types, ３０), as the exported schema spells them;
# Python's \d would also take Arabic-Indic ٣ and other scripts' digits, which the schema refuses.
_D = "[0-9０-９]"
_NUMBER = re.compile(
    rf"""^\s*(?P<mantissa>[+-]?(?:{_D}(?:_?{_D})*(?:\.(?:{_D}(?:_?{_D})*)?)?|\.{_D}(?:_?{_D})*))(?:[eE](?P<exponent>[+-]?{_D}+))?
        \s*(?P<suffix>[kKmM万亿%]?)\s*$""",
    re.VERBOSE,
)
RANGE_SEPARATOR = ".."
_EXPONENT_DIGITS = 9
"""An exponent longer than this is out of any float's range whatever the mantissa (and int() of
thousands of digits is itself refused by Python), so it is clamped to +-10**9 before use."""


WHOLE_KEY_PATTERN = rf"^\+?{_D}+(\.[0０]*)?([eE]\+?{_D}+)?$"
"""A whole number written plainly: digits, then only zeros after a decimal point, and an exponent (``3``, ``3.0``,
``3e0``, ``+3``), no sign, suffix, separator or space. A month, an age, a day or a period's number of months written
as text (a key, or quoted) reads in such a form, as ``horizon_months`` and ``after_month`` do (and as a JSON Schema
``integer`` is: 3.0 is one); the exported schema's keys take this pattern, so the reader and the schema agree. Its
digits are a value's (``_D``): ASCII and full-width, what an IME types (``{１: 50%}`` is age 1, as ``bid: １２``
is 12), which float() reads as their ASCII twins."""
_WHOLE_TEXT = re.compile(WHOLE_KEY_PATTERN)


def whole_number(written: object) -> int | None:
    """The whole number a YAML scalar (or a mapping key's text) reads as, in any plain form, quoted or not; None
    for anything else (``1.5``, ``1k``, a boolean, a word). The one rule of a month, an age or a day: read in a file,
    named in a path and found by ``--set`` (reader/yamltree.py ``key_segment``, ``written_key``), and typed in
    ``allocate --reach``."""
    if isinstance(written, bool):
        return None
    if isinstance(written, int):
        return written
    if isinstance(written, str):
        if not _WHOLE_TEXT.fullmatch(written):
            return None
        written = float(written)
    if isinstance(written, float) and written.is_integer() and abs(written) <= MAX_MAGNITUDE:
        return int(written)
    return None


class ValueProblem(ValueError):
    """A value that does not fit; the message reads after "expected ..."."""

    def __init__(self, expected: str, hint: str = "") -> None:
        super().__init__(expected)
        self.hint = hint
        """Advice on what to write instead, for text that a reader may have meant differently."""


class NotFinite(ValueProblem):
    """A number beyond float64 (``1e309``, ``.inf``, 400 digits): a size a field's limit refuses."""


class NotANumber(NotFinite):
    """YAML's ``.nan``: no size at all, so no limit of size is what it breaks."""


NOT_A_NUMBER = "not a number"
"""Why a NaN is refused, beside what was expected: it is too large for no limit."""


class ForeignNumber(str):
    """Scalar text YAML 1.1 would read in another base (``0100`` octal, ``0x10``, ``1:30``).

    The reader keeps it as text and refuses it with a hint, since the number
    a person meant is rarely the one YAML 1.1 makes of it.
    """

    @property
    def hint(self) -> str:
        text = self.strip()
        if ":" in text:
            return "YAML 1.1 reads a:b as a base-60 number; write the number itself"
        sign, body = ("-" if text.startswith("-") else ""), text.lstrip("+-")
        if body[:2].lower() in ("0x", "0b"):
            return "hexadecimal and binary numbers are not accepted; write the number in decimal"
        return f"a leading 0 marks an octal number in YAML 1.1; write {sign}{body.lstrip('0_') or '0'} without it"


def number_decimal(text: str) -> Decimal:
    """``"1.5万"`` -> Decimal('1.5E+4'), exactly as written; raises ValueProblem for anything else."""
    match = _NUMBER.match(text)
    if match is None:
        raise ValueProblem("a number (suffixes k, m, 万, 亿, %)")
    exponent_text = match["exponent"] or "0"
    # Leading zeros dropped before int(): Python refuses to convert a text of over 4,300 digits, zeros or not.
    significant = exponent_text.lstrip("+-").lstrip("0") or "0"
    sign = -1 if exponent_text.startswith("-") else 1
    exponent = sign * (10**_EXPONENT_DIGITS if len(significant) > _EXPONENT_DIGITS else int(significant))
    exponent += SUFFIX_EXPONENTS.get(match["suffix"], 0)
    return Decimal(f"{match['mantissa'].replace('_', '')}E{exponent}")


def decimal_to_float(value: Decimal) -> float:
    """The nearest float64; a non-zero value too small for float64 keeps its sign and a
    non-zero size (the smallest subnormal) so that the size limits refuse it instead of
    reading it as 0."""
    if value.is_zero():
        return 0.0  # -0 is 0: never written back as -0 (a CSV's, a workbook's cell)
    number = float(value)
    if number == 0:
        return math.nextafter(0.0, -1.0 if value.is_signed() else 1.0)
    return number


def parse_number_text(text: str) -> float:
    """``"1.5万"`` -> 15000.0; raises ValueProblem for anything else."""
    value = decimal_to_float(number_decimal(text))
    if not math.isfinite(value):
        raise NotFinite("a finite number")
    return value


def is_number_text(text: str) -> bool:
    """True for text the format reads as a number (``1e6``, ``1.5万``, ``5%``)."""
    return _NUMBER.match(text) is not None


def to_number(value: Any) -> float:
    """A YAML scalar (int, float or suffixed string) as a finite float."""
    if isinstance(value, bool):
        raise ValueProblem("a number, not a boolean")
    if isinstance(value, ForeignNumber):
        raise ValueProblem("a number", value.hint)
    if isinstance(value, int):
        try:
            return float(value)
        except OverflowError:
            raise NotFinite("a finite number") from None
    if isinstance(value, float):
        if math.isnan(value):
            raise NotANumber("a number")
        if not math.isfinite(value):
            raise NotFinite("a finite number")
        return value + 0.0  # YAML's -0.0 is 0: -0.0 + 0.0 is +0.0
    if isinstance(value, str):
        return parse_number_text(value)
    raise ValueProblem("a number")


def split_range(text: str) -> tuple[str, str] | None:
    """``"300..1000"`` -> ("300", "1000"); None when the text is not a range."""
    if RANGE_SEPARATOR not in text:
        return None
    low, _, high = text.partition(RANGE_SEPARATOR)
    return low, high


def scaled_low(low: str, high: str) -> str | None:
    """``3`` before ``6万`` -> ``3万``: a range's bare low end written with its high end's suffix (``SUFFIX_EXPONENTS``),
    as ``3-6万`` means 3万 to 6万 in Chinese and ``30-60k`` 30k to 60k in English; None where the low end has a suffix
    of its own, the high end none, either is no number, the low end is 0 (``0万`` is 0: nothing to scale, ``0-1万`` is
    told ``0..1万``) or the low end so read would be above the high end (``500..1万`` is 500 to 10,000: 500万 is no
    lower end of 1万)."""
    low, high = low.strip(), high.strip()
    if not (low and high and is_number_text(low) and is_number_text(high)):
        return None
    if high[-1] not in SUFFIX_EXPONENTS or low[-1] in SUFFIX_EXPONENTS:
        return None
    try:
        scaled, top = parse_number_text(low + high[-1]), parse_number_text(high)
    except ValueProblem:
        return None
    return low + high[-1] if scaled != 0 and scaled <= top else None


DAYS_PER_MONTH = 30.4375
"""365.25 / 12: the month a per-day amount is multiplied into (as model/fits.py does for retention days)."""

_PLAIN = r"[+-]?[0-9０-９][0-9０-９_.]*(?:[eE][+-]?[0-9０-９]+)?"
_GAP = "[ '\u00a0\u2009\u202f\u2019]"
"""A space, a no-break or thin one, or an apostrophe, as European and Swiss locales group thousands by (``1 500``,
``1'500``, ``1\u00a0500,00``; ``_SPACE_GROUPED``)."""
_AMOUNT = rf"(?P<amount>[+-]?[0-9０-９](?:[0-9０-９_.,]|{_GAP}(?=[0-9０-９]{{3}}))*(?:[eE][+-]?[0-9０-９]+)?\s*[kKmM万亿]?)"
"""An amount as a currency's sign is written by, its digits grouped as a locale groups them or not (``_plan_number``)."""
_SIGN = "|".join(re.escape(sign) for sign in sorted(SIGNS, key=lambda sign: (-len(sign), sign)))
_CODE = rf"(?i:{'|'.join(CODES)})"
_BEFORE = rf"(?:{_SIGN})(?:{ABBREVIATION_DOT})?|{_CODE}"
"""A currency's sign (currency_signs.py ``SIGNS``, as the exports reader reads it) or ISO code before an amount
(``$12``, ``US$12``, ``₹12``, ``Rs.12``, ``USD 12``)."""
_AFTER = rf"{_BEFORE}|块|美元|欧元|英镑|港元|港币"
"""A currency's sign, code or word after an amount (``12 €``, ``12đ``, ``12元``, ``12 USD``, ``12美元``)."""
_SIGN_TWINS = str.maketrans("＄￥", "$¥")
"""The full-width signs an IME types, read as their own: ``＄12`` is told to drop its ``＄`` as ``$12`` its ``$``."""
_GROUPED = re.compile(r"(?P<sign>[+-]?)(?P<whole>[1-9１-９][0-9０-９]{0,2}(?P<separator>[,.])[0-9０-９]{3}"
                      r"(?:(?P=separator)[0-9０-９]{3})*|[1-9１-９][0-9０-９]?(?:,[0-9０-９]{2})+,[0-9０-９]{3})"
                      r"(?P<fraction>[.,][0-9０-９]+)?(?P<suffix>\s*[kKmM万亿%]?)")
"""Digits grouped as the locales write them: by commas in thousands (``1,234,567.5``) or, in India's, a thousand then
lakhs and crores (``12,34,567.5``); by dots in thousands, a decimal comma after them (``1.234.567``,
``1.234.567,5``). A group never starts with 0 (``0,125`` is a decimal comma)."""
_SPACE_GROUPED = re.compile(rf"[+-]?[1-9１-９][0-9０-９]{{0,2}}(?:{_GAP}[0-9０-９]{{3}})+(?P<fraction>[.,][0-9０-９]+)?"
                            r"\s*[kKmM万亿%]?")
"""Thousands grouped by a space or an apostrophe (``_GAP``), a decimal point or comma after them or not."""
_DECIMAL_COMMA = re.compile(r"(?P<sign>[+-]?)(?P<whole>[0-9０-９]+|[1-9１-９][0-9０-９]{0,2}(?:\.[0-9０-９]{3})+),"
                            r"(?P<fraction>[0-9０-９]+)(?P<suffix>\s*[kKmM万亿%]?)")
"""A decimal comma, after digits grouped by dots or not (``5,50``, ``0,125``, ``1.234,56``, ``2,5%``), as the locales
of Europe, Latin America, Indonesia and Vietnam write a number (reader/exports/cells.py reads it so). A comma before
three digits and no dot (``1,500``) is ``_GROUPED``'s, a thousands comma, but where the plan's currency is one of
``DECIMAL_COMMA`` (``_ONE_GROUP``)."""
_ONE_GROUP = re.compile(r"[+-]?[1-9１-９][0-9０-９]{0,2}(?P<separator>[.,])[0-9０-９]{3}")
"""One dot or comma before three digits (``1.500``, ``1,500``): in a currency whose locales write a decimal comma
(``DECIMAL_COMMA``) a thousands separator or a decimal mark, either reading a thousand times the other."""
_MYRIAD_GROUPED = re.compile(r"(?P<sign>[+-]?)(?P<digits>[1-9１-９][0-9０-９]{0,3}(?:,[0-9０-９]{4})+)")
"""Digits grouped by four, as Chinese counts in 万 and 亿 (``50,0000`` is 50万, ``1,0000,0000`` 1亿): a comma before
four digits is no decimal comma there, and its decimal reading, 50.0000, is ten thousand times too small."""
FULL_WIDTH = {"：": ":", "，": ",", "％": "%", "“": '"', "”": '"', "‘": "'", "’": "'", "（": "(", "）": ")", "。": "."}
"""Characters a Chinese input method (IME) types in place of their ASCII twin."""
PERCENT_SIGNS = ("%", "％")
"""The percent sign and its IME twin: either says a number was written in percent (the ratio meant, so no sign is
missing: reader/percent_warnings.py; a share, not an amount: drop_limit.py), though the grammar reads ``%`` alone."""


def _written(value: float) -> str:
    """A number as the format reads it back, without rounding (repr keeps every digit)."""
    return str(int(value)) if value == int(value) else repr(value)


def percent_hint(written: str, accepts: Callable[[float], bool]) -> str | None:
    """``did you mean 3%?`` for a share written as a percentage without its sign (``conversion: 3``), when the sign
    makes it a value ``accepts`` takes; None otherwise: a hint is only given when following it is valid, so text
    that has a sign already (``150%``, and ``150％`` whose ``％`` slip_hint names) or would take none (``0.5万``)
    gets no second one, nor does a share that is out of bounds as a percentage too."""
    text = written.strip()
    try:
        value, as_percentage = parse_number_text(text), parse_number_text(f"{text}%")
    except ValueProblem:
        return None
    # Just above 1 (1.0000000001) is float noise on 100%, not a percentage missing its sign.
    return f"did you mean {text}%?" if value > 1.001 and accepts(as_percentage) else None


def bound_fault(value: float, in_percent: bool, minimum: float | None, maximum: float | None,
                below_maximum: bool = False, above_minimum: bool = False, integer: bool = False) -> str | None:
    """Why ``value`` is outside the bounds (``over 1``; ``over 100%`` ``in_percent``, for a value written with
    ``%``); None when it is inside them."""
    if maximum is not None and (value >= maximum if below_maximum else value > maximum):
        return f"{'not under' if value == maximum else 'over'} {_bound_text(maximum, in_percent)}"
    if minimum is not None and (value <= minimum if above_minimum else value < minimum):
        return f"{'not over' if value == minimum else 'under'} {_bound_text(minimum, in_percent)}"
    return "not a whole number" if integer and not value.is_integer() else None


def _bound_text(bound: float, in_percent: bool) -> str:
    """``0.999`` -> ``99.9%`` in percent: shifted in decimal, so no float noise shows (0.999 * 100 is 99.89999999999999)."""
    return f"{_written(float(Decimal(repr(bound)).scaleb(2)))}%" if in_percent else _written(bound)


_DATE = re.compile(r"\s*(?P<year>[12][0-9]{3})-(?P<month>0?[1-9]|1[0-2])(?:-(?:0?[1-9]|[12][0-9]|3[01]))?\s*")


def written_date(text: str) -> tuple[int, int] | None:
    """(year, month) of ``text`` written as a date, ``2024-06`` or ``2024-06-15``; None for any other text. Such a
    text is no range of numbers (2024..06) however its dash reads."""
    match = _DATE.fullmatch(text)
    return (int(match["year"]), int(match["month"])) if match else None


_UNWRITTEN_UNITS = {"百万": Decimal(10**6), "千万": Decimal(10**7), "百": Decimal(100), "千": Decimal(1000)}
"""Chinese units of a number the grammar does not read as it reads 万 and 亿 (longest first, as a pattern tries them)."""


def _underscored(value: Decimal) -> str:
    """``value`` as the plan writes it, thousands grouped by ``_``: 3_000, 1_500.5."""
    whole, point, fraction = format(abs(value).normalize(), "f").partition(".")
    return f"{'-' if value < 0 else ''}{int(whole):_}{point}{fraction}"


def slip_hint(text: str, fault: Callable[[float, bool], str | None] | None = None,
              decimal_comma: str | None = None, no_range: str | None = None) -> tuple[int, str] | None:
    """The likely slip behind ``text`` that is not a number, as (offset of the character
    to point at, hint), or None. The hints name the fix in the format's own words. ``fault`` says why a number (and
    whether it was written in percent) is no value of the field (``bound_fault``), or None: given, a full-width
    character's ASCII twin is only suggested when the text it makes is a valid value, as percent_hint's rule is;
    otherwise the hint says why not. ``decimal_comma``: the plan's currency, where its locales write a decimal comma
    (``DECIMAL_COMMA``), so that a comma before three digits (``1,500``) may be one. ``no_range``: what a range is
    told where the field takes none (kinds.py ``Number.range_hint``), there said in place of ``low..high``, which the
    field would refuse in turn; None where it takes one."""
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    if "＃" in text:
        # YAML starts a comment at an ASCII '#' after a space only: the IME's one is the value's text.
        before, _, after = text.partition("＃")
        fixed = f"{before.strip()} # {after.strip()}".strip()
        return text.index("＃"), f"full-width '＃' (IME input) starts no comment: write {fixed}"
    if _SPACE_GROUPED.fullmatch(stripped):
        # Before the IME's characters: ’ is a Swiss apostrophe between digits (1’500), not a quote.
        either = _spaced_either(stripped, decimal_comma)
        if either is not None:
            thousands, decimal, (words, point) = either
            return lead + _first_gap(stripped), f"{words}: write {thousands} if it does, or {decimal} if it is a {point}"
        return lead + _first_gap(stripped), f"{_gap_words(stripped)} are not read: write {_plan_number(stripped)}"
    for position, char in enumerate(text):
        if char in FULL_WIDTH:
            if char in "“”‘’":
                unquoted = stripped.strip("“”‘’")
                return position, f"full-width quote '{char}' (IME input) does not quote in YAML: write {unquoted} or use ASCII quotes"
            # Shown in ASCII throughout, digits too, as the fix is written (6%, not ６%): both read the same.
            fixed = text.replace(char, FULL_WIDTH[char]).strip().translate(DIGIT_TWINS)
            if char == "，":
                fixed = fixed.replace(",", "_")
            if fault is not None:
                try:
                    problem = fault(parse_number_text(fixed), fixed.endswith("%"))
                except ValueProblem:
                    problem = "not a number"
                if problem is not None:
                    return position, f"full-width '{char}' (IME input), and {fixed} is {problem}"
            return position, f"full-width '{char}' (IME input): write {fixed}"
    signs = stripped.translate(_SIGN_TWINS)
    if match := (re.fullmatch(rf"(?P<minus>[+-]?)\s*(?P<unit>{_BEFORE})\s*{_AMOUNT}", signs) or
                 re.fullmatch(rf"(?P<minus>){_AMOUNT}\s*(?P<unit>{_AFTER})", signs)):
        without = _without_unit(match["minus"] + match["amount"].strip(), stripped[match.start("unit"):match.end("unit")],
                                match["unit"])
        if without is not None:
            return lead + match.start("unit"), without
    if match := re.fullmatch(rf"(?P<number>{_PLAIN})\s*[wW]", stripped):
        return lead + len(stripped) - 1, f"'w' is not a suffix: write {match['number']}万"
    if (match := re.fullmatch(rf"(?P<number>{_PLAIN})\s*(?P<unit>{'|'.join(_UNWRITTEN_UNITS)})", stripped)) \
            and is_number_text(match["number"]):
        scaled = Decimal(match["number"].replace("_", "").translate(DIGIT_TWINS)) * _UNWRITTEN_UNITS[match["unit"]]
        return lead + match.start("unit"), f"'{match['unit']}' is not a suffix: write {_underscored(scaled)}"
    if match := re.fullmatch(rf"(?P<number>{_PLAIN})\s*(?P<suffix>[kKmM万亿]?)\s*/\s*(?:天|日|day|d)", stripped):
        if is_number_text(match["number"]):
            per_month = parse_number_text(match["number"]) * DAYS_PER_MONTH
            return lead + stripped.index("/"), (
                f"budgets and costs are per month: {stripped} is {_written(per_month)}{match['suffix']} a month "
                f"({match['number']}{match['suffix']} x {DAYS_PER_MONTH:g} days), so write {_written(per_month)}{match['suffix']}")
    if match := re.fullmatch(rf"(?P<number>{_PLAIN}\s*[kKmM万亿]?)\s*/\s*(?:月|month|mo)", stripped):
        return lead + stripped.index("/"), f"amounts are per month already: write {match['number']}"
    # 3-6万, 3万到6万, 3万至6万: a range written as said, ``to`` a dash or the word for it.
    if match := re.fullmatch(rf"(?P<low>{_PLAIN}\s*[kKmM万亿%]?)\s*(?:[-~～{DASHES}]|到|至)\s*(?P<high>{_PLAIN}\s*[kKmM万亿%]?)",
                             stripped):
        if not match["low"].lower().endswith("e") and written_date(stripped) is None:
            if no_range is not None:
                return lead + len(match["low"]), no_range
            return lead + len(match["low"]), _range_meant(match["low"].strip(), match["high"].strip(), fault)
    if meant := amount_numerals(stripped):
        return lead, f"Chinese numerals are not read: write {meant}"
    if match := re.fullmatch(rf"(?P<low>[{NUMERALS}]+)\s*(?:[-~～{DASHES}]|到|至)\s*(?P<high>[{NUMERALS}]+)", stripped):
        ends = amount_numerals(match["low"]), amount_numerals(match["high"])
        if ends[0] is not None and ends[1] is not None:
            if no_range is not None:
                return lead, no_range
            low = scaled_low(ends[0], ends[1]) or ends[0]
            return lead, f"Chinese numerals are not read, and a range is written low..high: write {low}..{ends[1]}"
    if decimal_comma is not None and (group := comma_group(stripped)):
        return lead + stripped.index(","), (
            f"in {decimal_comma} a comma before three digits may be a decimal comma: write {thousands_reading(group[0])}"
            f"{group[1]} if it separates thousands, or {decimal_reading(group[0])}{group[1]} if it is a decimal comma")
    grouped = _GROUPED.fullmatch(stripped)
    meant = _plan_number(stripped) if grouped else None
    if grouped and meant is not None and (grouped["separator"] or ",") == ",":  # India's groups, by commas alone
        return lead + stripped.index(","), f"no thousands commas: write {meant}"
    if myriad := _MYRIAD_GROUPED.fullmatch(stripped):
        grouped_by_four = _by_four(myriad)
        comma = _DECIMAL_COMMA.fullmatch(stripped)
        if decimal_comma is not None and comma is not None:
            return lead + stripped.index(","), (
                f"in {decimal_comma} a comma before four digits may be a decimal comma: write {grouped_by_four} if it "
                f"groups digits by four (万), or {_decimal_point(comma)} if it is a decimal comma")
        return lead + stripped.index(","), f"commas grouping digits by four (万) are not read: write {grouped_by_four}"
    if comma := _DECIMAL_COMMA.fullmatch(stripped):
        return lead + stripped.index(","), f"a decimal comma is not read: write {_decimal_point(comma)}"
    if grouped and meant is not None:
        return lead + stripped.index("."), f"dots separating thousands are not read: write {meant}"
    return None


def _range_meant(low: str, high: str, fault: Callable[[float, bool], str | None] | None) -> str:
    """``3-6万``'s hint, ``a range is written low..high: 3万..6万``: the low end with the high end's unit only where the
    field takes it as a value (``fault``, as range_unit_warning.py asks: a bid's ``-1-2万`` is ``-1..2万``, -1万 being
    further below the 0 a bid is drawn from), and no range the field refuses (its median outside the field's bounds,
    kinds.py ``Number._with_valid_median``: a bid's ``-5-2``), which is told why instead."""
    scaled = scaled_low(low, high)
    if scaled is not None and fault is not None and fault(parse_number_text(scaled), scaled.endswith("%")) is not None:
        scaled = None
    low = scaled or low
    try:
        ends = parse_number_text(low), parse_number_text(high)
    except ValueProblem:
        ends = None
    if fault is not None and ends is not None:
        # As kinds.py reads a range: lognormal above 0, else normal; valid where its median is a value of the field.
        median = math.sqrt(ends[0] * ends[1]) if ends[0] > 0 else (ends[0] + ends[1]) / 2
        problem = fault(median, False) if ends[0] <= ends[1] else None
        # A count's median between whole numbers is read rounded (kinds.py): only its bounds refuse it.
        if problem is not None and problem != "not a whole number":
            return f"a range is written low..high, and {low}..{high} is no range of this field: its median {median:g} is {problem}"
    return f"a range is written low..high: {low}..{high}"


def range_slip_hint(text: str, decimal_comma: str | None = None) -> tuple[int, str] | None:
    """The hint of ``slip_hint`` for a ``low..high`` range whose ends are numbers but for the commas or dots a locale
    writes them with (``1,5..2,5``, ``1,500..2,500``, ``1.500.000..2.000.000``), as (offset of its first such mark,
    hint), each end written as the grammar reads it and the others as they are; None for any other text. The kinds of
    mark as ``slip_hint`` tells them, in its order: a comma before three digits in ``decimal_comma``, read both ways;
    thousands commas; a decimal comma; dots grouping thousands."""
    ends = split_range(text)
    if ends is None:
        return None
    thousands, decimals, marks, words = [], [], dict[str, int](), dict[str, str]()
    for start, written in ((0, ends[0]), (len(ends[0]) + len(RANGE_SEPARATOR), ends[1])):
        end = written.strip()
        grouped = _GROUPED.fullmatch(end)
        meant = None if is_number_text(end) else _plan_number(end)
        if is_number_text(end):
            thousands.append(end)
            decimals.append(end)
            continue
        if decimal_comma is not None and (group := comma_group(end)):
            digits, suffix = group
            kind, as_thousands, as_decimal = "either", thousands_reading(digits) + suffix, decimal_reading(digits) + suffix
        elif (either := _spaced_either(end, decimal_comma)) is not None:
            kind, (as_thousands, as_decimal, spaced) = "spaced_either", either
            words.setdefault(kind, "{}: write {{}} if it does, or {{}} if it is a {}".format(*spaced))
        elif decimal_comma is None and (myriad := _MYRIAD_GROUPED.fullmatch(end)) is not None:
            kind = "myriad"
            as_thousands = as_decimal = _by_four(myriad)
        elif meant is None:
            return None
        else:
            kind = ("spaces" if _SPACE_GROUPED.fullmatch(end) else
                    "thousands" if grouped and (grouped["separator"] or ",") == "," else
                    "decimal" if _DECIMAL_COMMA.fullmatch(end) else "dots")
            as_thousands = as_decimal = meant
        # Pointed at the first mark of its kind, as slip_hint points at a number's.
        gap = kind in ("spaces", "spaced_either")
        marks.setdefault(kind, start + (_first_gap(written) if gap else written.index("." if kind == "dots" else ",")))
        words.setdefault(kind, _gap_words(end) if kind == "spaces" else "")
        thousands.append(as_thousands)
        decimals.append(as_decimal)
    fixed = RANGE_SEPARATOR.join(thousands)
    if "either" in marks:
        return marks["either"], (f"in {decimal_comma} a comma before three digits may be a decimal comma: write "
                                 f"{fixed} if it separates thousands, or {RANGE_SEPARATOR.join(decimals)} if it is a "
                                 f"decimal comma")
    if "spaced_either" in marks:
        return marks["spaced_either"], words["spaced_either"].format(fixed, RANGE_SEPARATOR.join(decimals))
    if "spaces" in marks:
        return marks["spaces"], f"{words['spaces']} are not read: write {fixed}"
    if "myriad" in marks:
        return marks["myriad"], f"commas grouping digits by four (万) are not read: write {fixed}"
    if "thousands" in marks:
        return marks["thousands"], f"no thousands commas: write {fixed}"
    if "decimal" in marks:
        return marks["decimal"], f"a decimal comma is not read: write {fixed}"
    return (marks["dots"], f"dots separating thousands are not read: write {fixed}") if "dots" in marks else None


def decimal_reading(group: str) -> str:
    """One group (``_ONE_GROUP``: ``1.500``, ``1,500``) read with a decimal point, as the plan then writes it so that
    no dot before three digits is left to read two ways: ``1.5``, ``150``; ``2.1250`` for ``2.125``, whose four decimals
    are no group (reader/exports/cells.py writes it so). A sign as written, + too, as ``thousands_reading`` keeps it:
    ``+1.500`` is +1.5 or +1_500."""
    shortest = format(Decimal(group.replace(",", ".").translate(DIGIT_TWINS)).normalize(), "f")
    shortest = ("+" if group.startswith("+") else "") + shortest
    return shortest + "0" if _ONE_GROUP.fullmatch(shortest) else shortest


def one_group(text: str) -> str | None:
    """The separator of ``text`` written as one group (``_ONE_GROUP``: ``.`` of ``1.500``, ``,`` of ``1,500``); None
    for any other text."""
    one = _ONE_GROUP.fullmatch(text)
    return one["separator"] if one else None


def comma_group(text: str) -> tuple[str, str] | None:
    """``text`` written as one group by a comma (``_ONE_GROUP``), a suffix after it or not (``1,500``, ``1,500k``,
    ``1,500 万``), as (the group, its suffix without the space before it); None for any other text. The suffix
    scales either reading alike, so ``1,500k`` may be 1_500k or 1.5k as ``1,500`` may be 1_500 or 1.5."""
    match = re.fullmatch(r"(?P<group>[^\s]+?)\s*(?P<suffix>[kKmM万亿%]?)", text)
    return (match["group"], match["suffix"]) if match and one_group(match["group"]) == "," else None


def thousands_reading(group: str) -> str:
    """One group (``_ONE_GROUP``) read as thousands, as the plan writes them: ``1_500``, ``150_000``."""
    return _plan_number(group.replace(".", ",")) or group


def _by_four(myriad: re.Match[str]) -> str:
    """Digits grouped by four (``_MYRIAD_GROUPED``: ``50,0000``) as the plan's grammar writes them: ``500_000``."""
    return f"{myriad['sign']}{int(myriad['digits'].replace(',', '').translate(DIGIT_TWINS)):_}"


def _decimal_point(comma: re.Match[str]) -> str:
    """A number written with a decimal comma (``_DECIMAL_COMMA``) as the plan's grammar writes it: ``5.50``, its
    thousands grouped by ``_`` where dots grouped them (``1_234.56``)."""
    whole = comma["whole"]
    if "." in whole:
        whole = _plan_number(whole.replace(".", ",")) or whole
    return f"{comma['sign']}{whole}.{comma['fraction']}{comma['suffix']}"


def _without_unit(amount: str, written: str, unit: str) -> str | None:
    """The hint to write ``amount`` without the currency's sign, code or word ``written`` (``unit`` as ``SIGNS`` spells
    it: ``$`` for an IME's ``＄``); None where the amount is no number however grouped (``1,2,3``). Where the sign's
    locale groups thousands with a dot (``€1.500``, ``Rp 12.500``: ``DECIMAL_COMMA``), a dot before three digits
    may be a thousands separator or a decimal point: the hint gives both."""
    meant = _plan_number(amount)
    if meant is None:
        return None
    currencies = SIGNS.get(re.sub(ABBREVIATION_DOT + "$", "", unit), (unit.upper(),))
    separator = one_group(amount)
    if separator is not None and DECIMAL_COMMA.intersection(currencies):
        mark, decimal = ("dot", "point") if separator == "." else ("comma", "comma")
        return (f"write {thousands_reading(amount)} without '{written}' if its {mark} separates thousands, "
                f"or {decimal_reading(amount)} if it is a decimal {decimal}: amounts are in the scenario's currency")
    return f"write {meant} without '{written}': amounts are in the scenario's currency"


def _first_gap(text: str) -> int:
    gap = re.search(_GAP, text)
    assert gap is not None, "a space-grouped number (_SPACE_GROUPED) has a gap"
    return gap.start()


def _gap_words(text: str) -> str:
    """What groups ``text`` (``_SPACE_GROUPED``) and, where it has one, its decimal comma, as a hint names them."""
    spaced = _SPACE_GROUPED.fullmatch(text)
    comma = spaced is not None and (spaced["fraction"] or "").startswith(",")
    return f"{_gaps(text)} separating thousands" + (" and a decimal comma" if comma else "")


def _gaps(text: str) -> str:
    return "apostrophes" if re.search("['\u2019]", text) else "spaces"


def _spaced_either(text: str, decimal_comma: str | None) -> tuple[str, str, tuple[str, str]] | None:
    """A number grouped by spaces or apostrophes (``_SPACE_GROUPED``) whose last mark, before three digits, may group
    thousands too: a comma in any currency (``1 500,000``: 1_500_000 as a comma groups them, 1_500.000 as the
    locales that group by spaces write a decimal comma), a dot in ``decimal_comma`` (``1 500.000``), as one group
    alone is read (``one_group``). As (the thousands reading, the decimal one, (the hint's words before its
    readings, what the mark is as a decimal)); None for any other text."""
    spaced = _SPACE_GROUPED.fullmatch(text)
    fraction = spaced["fraction"] if spaced else None
    if spaced is None or fraction is None or len(fraction) != 4 or (fraction[0] == "." and decimal_comma is None):
        return None
    # The mark read as one more gap: 1 500,000 as 1 500 000.
    mark_at = spaced.start("fraction")
    as_thousands = _plan_number(text[:mark_at] + text[_first_gap(text)] + text[mark_at + 1:])
    as_decimal = _plan_number(text)
    if as_thousands is None or as_decimal is None:
        return None
    # As decimal_reading writes one group: no dot before three digits left to read two ways (1_500, 1_500.1250).
    read = re.fullmatch(r"(?P<whole>[^.]*)\.(?P<fraction>[0-9０-９]{3})(?P<suffix>\s*[kKmM万亿%]?)", as_decimal)
    if read is not None:
        kept = read["fraction"].rstrip("0０")
        as_decimal = read["whole"] + (f".{kept}" + "0" * (len(kept) == 3) if kept else "") + read["suffix"]
    mark, point = ("comma", "decimal comma") if fraction[0] == "," else ("dot", "decimal point")
    where = f"in {decimal_comma} " if mark == "dot" else ""
    words = f"{_gaps(text)} separating thousands are not read, and {where}a {mark} before three digits may separate them too"
    return as_thousands, as_decimal, (words, point)


def _plan_number(text: str) -> str | None:
    """``text`` as the plan's grammar writes it: itself where the grammar reads it; digits a locale grouped
    (``_GROUPED``: ``1,00,000``, ``1.500.000,50``; ``_SPACE_GROUPED``: ``1 500,50``, ``1'500``) grouped in thousands by
    ``_`` (``100_000``, ``1_500_000.50``, ``1_500.50``); a
    decimal comma (``5,50``) as a point; None for other text. One group of a dot (``1.500``) is a decimal point as the
    grammar reads it: 1.5."""
    if is_number_text(text):
        return text
    if spaced := _SPACE_GROUPED.fullmatch(text):
        # As the other mark groups them: 1 500,00 as 1.500,00; 1'500.50 and 1 500 as 1,500.50 and 1,500.
        mark = "." if (spaced["fraction"] or ".").startswith(",") else ","
        text = re.sub(_GAP + "(?=[0-9０-９]{3})", mark, text)
    grouped = _GROUPED.fullmatch(text)
    if grouped is None or (grouped["fraction"] or "").startswith(grouped["separator"] or ","):
        comma = _DECIMAL_COMMA.fullmatch(text)
        return _decimal_point(comma) if comma else None
    digits = grouped["whole"].replace(",", "").replace(".", "")
    whole = "_".join(digits[max(0, end - 3):end] for end in range(len(digits), 0, -3)[::-1])
    fraction = "." + grouped["fraction"][1:] if grouped["fraction"] else ""
    return f"{grouped['sign']}{whole}{fraction}{grouped['suffix']}"
