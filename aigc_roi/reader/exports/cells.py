"""One cell of an export as a count, an amount of money or a date, the way the consoles write them.

Numbers: thousands separators (``1,234.5``, and India's ``12,34,567.5``), full-width forms (``１，２３４``, ``－``),
and for no number ``-``, ``--``, a dash of any width, ``N/A``, ``null``, ``/`` or an empty cell (None: the reader decides what it means for
its column, telling the empty and dashed ones, nothing that day, from the rest by ``blank``). An amount may carry
a currency sign before or after it (``$1,234.50``, ``US$5``, ``¥1,234``, ``CN¥1,234``, ``€5``, ``1,234.50元``,
``USD 5``, ``100 zł``, ``Rs.500``: units.py's ``SIGNS``), checked against the export's currency (``Amounts``); a
count may not. An amount in a currency whose locales write a decimal comma (units.py's ``DECIMAL_COMMA``), signed or
not, is refused where a dot stands before three digits (``5.000``, ``₫5.000``): that dot may separate thousands. A
decimal comma (``5,50``, ``0,125``) is refused in any currency, saying so, unless the whole export is read with one
(``comma``: comma_numbers.py), where a dot groups thousands and each of these reads as that export writes it. A
percentage is neither,
written (``2.5%``) or a workbook's cell formatted as one (``Percentage``).
Dates: ``2025-01-03``, ``2025/1/3``, ``20250103``, ``2025年1月3日``, ``2025. 1. 3.``, ``Jan 3, 2025``, ``3 January 2025`` and
``3-Jan-2025``, and ``01/03/2025`` where the export's shape says its dates are month first (year_last.py), each
optionally followed by a time (``13:00``, ``1:00 PM``: clock_text.py), a date cell of a workbook, or an Excel date
serial as a date column left unformatted holds it (``45717`` is 2025-03-01 in the 1900 date system; a workbook set
to the 1904 one counts from its ``day_zero``, 44255). A number or date kept as text (``="1,234.50"``,
``'2025-03-01``) is the text it holds (``kept_text``), read as any other. Campaign names and ids: the text a
spreadsheet keeps, however it was kept as text (``written``, ``campaign_name``); an id as text, a whole number
stored as a float (``1790001.0``) without its fraction, one a spreadsheet rounded (scientific notation,
``_ROUNDED``) or stored as a number of more than 15 digits refused (``identifier``). A workbook's formula without
its saved value (``UnsavedFormula``, as tables.py marks it) is neither, nor is a number cell whose text is no finite
number (``UnreadNumber``, sheet_xml.py), refused quoting that text as a CSV's is. A cell that is none of these raises
``CellError`` with what was expected, for the reader to locate.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from aigc_roi.model.limits import MAX_MAGNITUDE
from aigc_roi.reader.exports.clock_text import TIME, split_time
from aigc_roi.reader.exports.comma_numbers import BODY, DECIMAL_COMMA_HINT, EXPECTED, READ_WITH, comma_number, either_mark
from aigc_roi.reader.exports.sheet_xml import UnreadNumber
from aigc_roi.reader.exports.units import ABBREVIATION_DOT, CODES, DECIMAL_COMMA, SIGNS, sign_means
from aigc_roi.reader.exports.year_last import year_last
from aigc_roi.reader.numbers import NOT_A_NUMBER, one_group

_DASHES = "-—–―‐‒"
_FULL_WIDTH = {0xFF01 + i: 0x21 + i for i in range(94)} | {0xFFE5: "¥", 0x2212: "-", 0x3000: " "}
"""Full-width ASCII as a Chinese IME types it (１２３, －, ％, ＄) and ￥, as their ASCII forms; U+2212 is a minus."""
NOTHING = frozenset({"", "/", "n/a", "null"})
"""Besides a run of dashes, what the consoles write for nothing reported."""

# A number's digits are ASCII, the full-width ones a Chinese IME types read as them (_FULL_WIDTH), as a plan's are
# (reader/numbers.py): \d and float() would take Arabic-Indic ١٢٣ too, which neither the plan nor the schema reads.
_PLAIN = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_THOUSANDS = re.compile(r"[+-]?(?:[1-9][0-9]{0,2}(?:[,，][0-9]{3})+|[1-9][0-9]?(?:[,，][0-9]{2})+[,，][0-9]{3})(?:\.[0-9]*)?")
"""Digits grouped by commas: in thousands (``1,234,567.50``) or, as India's locales write them, a thousand then
lakhs and crores (``12,34,567.50``). A group never starts with 0: ``0,125`` is a decimal comma."""
_COMMA_DECIMAL = re.compile(r"[+-]?(?:[0-9]+|[1-9][0-9]{0,2}(?:\.[0-9]{3})+),[0-9]+")
"""``5,50``, ``0,125``, ``1.234,56``: a decimal comma, as the consoles write amounts in their European, Latin
American, Indonesian and Vietnamese locales; no reading of thousands writes a comma before two digits."""
_CODE = "|".join(CODES)
# The longest sign first: CN¥ is one sign, not CN and ¥.
_SIGNS = "|".join(re.escape(sign) for sign in sorted(set(SIGNS) - {"元"}, key=lambda sign: (-len(sign), sign)))


def _signed(body: str) -> re.Pattern[str]:
    return re.compile(rf"([+-]?)\s*({_SIGNS}|{_CODE})?(?:{ABBREVIATION_DOT})?\s*({body})"
                      rf"\s*(元|{_SIGNS}|{_CODE})?(?:{ABBREVIATION_DOT})?")


_SIGNED = _signed(r"[+-]?[0-9.,]+(?:[eE][+-]?[0-9]+)?")
"""A number with its currency sign or ISO code before it (``$5``, ``-$5``, ``USD 5``, ``Rs.500``) or after it
(``5元``, ``100 zł``, ``5 €``, as the locales of those currencies write them)."""
_COMMA_SIGNED = _signed(BODY)
"""The same, in an export read with a decimal comma, whose groups a space may separate (``1 234,56 €``)."""
_DOT_GROUPS = re.compile(r"[+-]?[1-9][0-9]{0,2}(?:\.[0-9]{3}){2,}")
"""``1.500.000``: thousands grouped by dots, more than once, so no decimal point: refused saying so, as a lone group
is where it may be either (``_dot_grouped``)."""
_DATE = re.compile(r"(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})|\. ?(\d{1,2})\. ?(\d{1,2})\.?|(\d{2})(\d{2})|年(\d{1,2})月(\d{1,2})日?)")
"""A date written year first, Korean Excel's ``2025. 3. 1.`` (a space after each dot, and a dot after the day) too; the time
after it is clock_text.py's."""
_SERIAL = re.compile(r"\d{5}(?:\.\d+)?")
"""An Excel date serial of 1927-05-18 (10000) .. 2173-10-13 (99999); a fraction is the time of day."""
EXCEL_DAY_0 = datetime.date(1899, 12, 30)
"""Serial 0 of Excel's 1900 date system, as every serial from 61 (1900-03-01) counts (its fictional 1900-02-29
is serial 60): 45717 is 2025-03-01. A workbook set to the 1904 system counts from 1904-01-01 (tables.py)."""


class CellError(ValueError):
    """A cell that is not what its column holds: ``expected`` and ``found`` for the message."""

    def __init__(self, expected: str, found: str) -> None:
        # ``args`` the constructor's, as pickle rebuilds the exception from them (model/errors.py ScenarioInvalid).
        super().__init__(expected, found)
        self.expected, self.found = expected, found

    def __str__(self) -> str:
        return f"expected {self.expected}, found {self.found}"


@dataclass(frozen=True)
class UnsavedFormula:
    """A workbook cell whose formula was never computed and saved (a file a script wrote): it has no value to read."""

    formula: str

    def __str__(self) -> str:
        return self.formula

    def refused(self, expected: str) -> CellError:
        return CellError(expected, f"a formula with no saved value ({self.formula}); "
                                   "open and save the workbook in Excel so it keeps the result")


class Percentage(float):
    """A workbook's number its cell's format shows as a percentage (0.025 formatted ``0.00%`` shows 2.50%), as
    tables.py marks it: a share, no amount or count, refused as a CSV's ``2.5%`` is; as any other number elsewhere."""

    def shown(self) -> str:
        """The number as a percentage, to its own digits (``2.5%``), as a CSV would write it."""
        return f"{(Decimal(repr(float(self))) * 100).normalize():f}%"


def blank(cell: object) -> bool:
    """Whether a cell is empty or a run of dashes (``-``, ``--``, ``—``, ``－``): what a console writes for nothing."""
    return type(cell) is str and not cell.strip().translate(_FULL_WIDTH).strip().strip(_DASHES)


_TEXT_FORMULA = re.compile(r'="((?:[^"]|"")*)"')
"""Excel's text formula, the whole cell: ``="0123"`` (``""`` is a quote inside), written so a spreadsheet opening the
CSV keeps the text rather than a number."""


def written(cell: object) -> str:
    """The text a cell holds, as a spreadsheet shows it: without the spaces around it and the tab a console puts
    before an id (so that Excel keeps it as text), and a whole text formula ``="..."`` as the text it makes."""
    text = str(cell).strip()
    if not text.startswith('="'):
        return text  # almost every cell: no regular expression
    formula = _TEXT_FORMULA.fullmatch(text)
    return formula[1].replace('""', '"').strip() if formula else text


_NOT_TEXT = re.compile(rf"[=+\-@].*|[\d,.]*\d[\d,.]*%?|\d+(?:\.\d*)?[eE][+-]?\d+|{_DATE.pattern}{TIME}", re.DOTALL)
"""What a spreadsheet would not keep as typed, which is why its users type an apostrophe before it: a formula (or
what starts like one: ``=``, ``+``, ``-``, ``@``, the signs CSV-injection escaping guards too), a number (a
leading zero, a long id) or a date."""


def campaign_name(cell: object) -> str:
    """A campaign name as ``written``, an apostrophe before it dropped where it kept text a spreadsheet would not
    have kept as typed (``'0123``, ``'2025-03-01``, ``'=A1``): there it marks text, elsewhere it is the name's own
    (``'90s 怀旧``, ``'Tis the season``)."""
    text = written(cell)
    return text[1:] if text.startswith("'") and _NOT_TEXT.fullmatch(text[1:]) else text


_ROUNDED = re.compile(r"[+-]?\d+(?:[.,]\d*)?\s*[eE]\s*\+\s*\d+|[+-]?\d+[.,]\d+\s*[eE]\s*[+-]?\s*\d+")
"""A number in scientific notation as a spreadsheet or a program writes a large one, its exponent signed (Excel's
General ``1.79E+12``, a Scientific column's ``1.79E+06`` or ``1E+05``, pandas' ``7.301234567890124e+18``), or its
digits after a decimal mark (``1.23457E11``): rounded to the digits it shows. A German or French Excel writes the
mark as a comma (``1,23457E+11``), and a space may stand around the E; either way no id holds a decimal mark, so the
comma's form is refused as the dot's is, whatever mark the export's amounts are read with (two campaigns rounded to
one such id would be summed as one). None of them writes ``1E5`` or ``2e10``: such text was typed as it is, an id of
one's own sheet (no platform issues one), whose digits nothing rounded."""
_WHOLE_DECIMAL = re.compile(r"(\d+)\.0*")
ID_DIGITS = 15
"""The digits of a number a spreadsheet keeps (Excel's precision): a longer id stored as a number has lost its last."""


def kept_text(cell: object) -> str:
    """A cell's text as ``written``, without the apostrophe a spreadsheet's user types to keep it text: no id,
    number, date, hour or currency code starts with one (a name may: ``campaign_name``)."""
    return written(cell).removeprefix("'")


def identifier(cell: object, expected: str = "a campaign id with all its digits") -> str:
    """A campaign id as the platform wrote it, the text it is matched by across exports (``kept_text``): a whole
    number a workbook or pandas stored as a float (``1790001.0``) without its fraction; "" for an empty or dashed
    cell (no id); ``CellError`` for an id a spreadsheet wrote rounded (``1.79E+12``, ``7.30123E+18``: ``_ROUNDED``)
    or stored as a number of more digits than it keeps (``7301234567890123776.0``), which is no longer the id."""
    if isinstance(cell, bool) or not isinstance(cell, int | float):
        text = kept_text(cell)
        if blank(text):
            return ""
        if _ROUNDED.fullmatch(text):
            raise CellError(expected, f"{shown(cell)}; a spreadsheet wrote the id as a number in scientific "
                                         f"notation, rounded to its first digits: {_AS_TEXT}")
        whole = _WHOLE_DECIMAL.fullmatch(text)
        if whole is None:
            return text
        digits = whole[1]
    elif float(cell).is_integer():
        digits = str(int(cell))
    else:
        return str(cell)
    if len(digits) > ID_DIGITS:
        raise _lost_digits(cell, expected)
    return digits


_AS_TEXT = "keep the id column as text (import it into Excel as Text)"


def _lost_digits(cell: object, expected: str) -> CellError:
    if isinstance(cell, int | float):
        # A workbook's number shown as a spreadsheet's formula bar shows it, its first 15 digits then zeros: where
        # the id's last digits went, which Python's 7.301234567890124e+18 hides.
        cell = format(Decimal(format(Decimal(cell), f".{ID_DIGITS}g")), "f")
    return CellError(expected, f"{shown(cell)}; a spreadsheet keeps {ID_DIGITS} digits of a number, so a longer id "
                                  f"stored as one has lost its last: {_AS_TEXT}")


def shown(cell: object) -> str:
    text = str(cell).strip()
    return "an empty cell" if not text else repr(text) if len(text) <= 40 else repr(text[:37] + "...")


def count(cell: object, decimal_comma: str | None = None, whole: bool = False, comma: bool = False,
          language: str | None = None) -> float | None:
    """The count in a cell, None for nothing reported; ``CellError`` for anything else. In an export whose money is
    in ``decimal_comma``, a currency whose locales group thousands with a dot, a dot before three digits is refused
    as an amount's is; a ``whole`` count (impressions, clicks: no platform reports a part of one) takes no fraction,
    which is how ``12.345`` impressions written in such a locale read elsewhere. ``comma``: the export is read with a
    decimal comma (comma_numbers.py), where that dot groups thousands and ``12,5`` impressions are the fraction.
    ``language``: a header cell of the export in a decimal comma's language (``comma_numbers.either_mark``)."""
    if type(cell) is str and cell.isascii() and cell.isdigit() and len(cell) < 16:
        return float(cell)  # most counts of a large export: no regular expression, no bound to check
    value, sign, body = _number(cell, comma, whole, language)
    if sign is not None:
        raise CellError("a number", shown(cell))
    if value is None:
        return None
    grouped = not comma and one_group(body) == "."
    if decimal_comma is not None and grouped:
        # A whole count's dot before three digits has one reading, thousands: 12.000 clicks are no 12.0000.
        if whole:
            raise _not_whole(cell, body)
        raise _dot_grouped(cell, body, decimal_comma, "an export in")
    if whole and not value.is_integer():
        raise _not_whole(cell, body if grouped else None)
    return value


def _not_whole(cell: object, grouped: str | None) -> CellError:
    """A whole count's cell with a fraction; ``grouped``: its dot before three digits, then read as thousands."""
    return CellError("a whole count", shown(cell) + ("" if grouped is None else f"; a dot before three digits may "
                                                     f"separate thousands: write {grouped.replace('.', '')}; "
                                                     f"{DECIMAL_COMMA_HINT}"))


class Amounts:
    """The money cells of one export, in one currency: ``currency``, as its headers or its shape state it, else
    (None) the ``plan``'s, which the export then states by the first cell with a currency sign; a cell whose sign
    names another is refused (at that cell: where an export states none, the cell is what says otherwise)."""

    def __init__(self, currency: str | None, plan: str, comma: bool = False, language: str | None = None) -> None:
        self.currency, self.plan, self.stated, self.comma = currency, plan, currency is not None, comma
        self.language = language
        """A header cell of the export in a decimal comma's language (``comma_numbers.either_mark``)."""
        self.refused: set[str] = set()
        """Signs already refused as another currency than the plan's: the export is refused by its first such cell,
        not once per row (a sheet of 18,000 dollar amounts is one problem)."""
        read_in = currency if currency is not None else plan
        self.decimal_comma = read_in if read_in in DECIMAL_COMMA and not comma else None
        """The currency every amount is read in (the stated one, else the plan's: a sign of another is refused) where
        its locales write a decimal comma, so that a dot may group thousands in any of its cells, signed or not; None
        where the export is read with a decimal comma (``comma``), whose dot groups thousands in every currency."""

    def __call__(self, cell: object) -> float | None:
        """The amount in a cell, None for nothing reported."""
        if (type(cell) is str and cell.isascii() and (cell if self.comma else cell.replace(".", "", 1)).isdigit()
                and len(cell) < 16):
            if self.decimal_comma is not None and one_group(cell) == ".":
                raise _dot_grouped(cell, cell, self.decimal_comma)
            return float(cell)  # as count's
        value, sign, body = _number(cell, self.comma, language=self.language)
        if sign is not None:
            means = sign_means(sign)
            if self.stated and self.currency not in means:
                raise CellError(f"an amount in {self.currency}", shown(cell))
            if not self.stated and self.plan not in means:
                if sign in self.refused:
                    return value
                self.refused.add(sign)
                raise in_another_currency(f"an amount in {self.plan} (the plan's currency)", shown(cell), self.plan,
                                          means[0])
            self.currency = self.currency or self.plan
        if self.decimal_comma is not None and one_group(body) == ".":
            raise _dot_grouped(cell, body, self.decimal_comma)
        return value


def _dot_grouped(cell: object, body: str, currency: str, where: str = "") -> CellError:
    """A dot before three digits in an amount in ``currency``, whose locales may group thousands with it: read one way,
    the amount is a thousand times off, so the cell says which it is (four decimals are no group). Told by the plan's
    rule (reader/numbers.py ``one_group``), so that a cell and a plan's number are told alike. ``where``: ``an export
    in`` for a count of new users, which is in no currency but read in its export's locale."""
    return CellError("a number", f"{shown(cell)}; in {where + ' ' if where else ''}{currency} a dot before three "
                                 f"digits may separate thousands: "
                                 f"write {body.replace('.', '')} for thousands, or {body}0 for a decimal point; "
                                 f"{DECIMAL_COMMA_HINT}")


def in_another_currency(expected: str, found: str, plan: str, other: str) -> CellError:
    """A cell in ``other``, not the ``plan``'s currency: actuals converts none, so the fix is the export's or the
    plan's (an amount's sign, a currency column's code)."""
    return CellError(expected, f"{found}; actuals converts no currency: convert the export to {plan}, or the plan to "
                               f"{other}")


def _number(cell: object, comma: bool = False, whole: bool = False,
            language: str | None = None) -> tuple[float | None, str | None, str]:
    """The number in a cell, the currency sign written with it and the number as written (its sign's locale may read
    a dot in it otherwise: ``Amounts``); ``comma``: as an export read with a decimal comma writes it; ``whole``: a
    count of impressions or clicks, which no decimal mark's reading of a fraction fixes; ``language``: ``count``'s."""
    if type(cell) is str and cell.isascii() and (cell if comma else cell.replace(".", "", 1)).isdigit():
        # Most cells of a large export are plain digits: read them without the regular expressions.
        return _bounded(float(cell), cell), None, cell
    if type(cell) is str and not comma and _THOUSANDS.fullmatch(cell) and either_mark(cell, language) is None:
        # The consoles' amounts ("1,234.50"): every such text is a plain number once its separators go.
        return _bounded(float(cell.replace(",", "").replace("，", "")), cell), None, cell
    if isinstance(cell, bool):
        raise CellError("a number", shown(cell))
    if isinstance(cell, Percentage):
        raise CellError("a number", f"{shown(cell.shown())}; a percentage is no amount or count")
    if isinstance(cell, int | float):
        return _bounded(float(cell), cell), None, ""
    if isinstance(cell, UnsavedFormula):
        raise cell.refused("a number")
    if isinstance(cell, UnreadNumber):
        # As a CSV's cell of the same text is refused: past the bound (1e400), else no number (inf, NaN).
        if cell.finite():
            _bounded(float(cell.text), cell.text)
        raise CellError("a number", cell.shown())
    text = kept_text(cell).translate(_FULL_WIDTH).strip()
    if text.lower() in NOTHING or not text.strip(_DASHES):
        return None, None, ""
    if text.endswith("%"):
        raise CellError("a number", f"{shown(cell)}; a percentage is no amount or count")
    signed = (_COMMA_SIGNED if comma else _SIGNED).fullmatch(text)
    if signed is None or (signed[2] and signed[4]):
        raise CellError("a number", shown(cell))
    body = signed[1] + signed[3]
    if comma:
        value = comma_number(body)
        if isinstance(value, str):
            raise CellError(EXPECTED, shown(cell) + (f"; {value}" if value else ""))
        return _bounded(value, cell), signed[2] or signed[4], body
    if (either := either_mark(body, language)) is not None:
        raise CellError("a number", f"{shown(cell)}; {either}")
    if _THOUSANDS.fullmatch(body):
        return _bounded(float(body.replace(",", "")), cell), signed[2] or signed[4], body
    if not _PLAIN.fullmatch(body):
        if _DOT_GROUPS.fullmatch(body):
            raise CellError("a number", f"{shown(cell)}; dots separating thousands are not read: write "
                                        f"{body.replace('.', '')}; {DECIMAL_COMMA_HINT}")
        if _COMMA_DECIMAL.fullmatch(body) and whole:
            raise CellError("a whole count", f"{shown(cell)}; {WHOLE_COMMA}")
        if _COMMA_DECIMAL.fullmatch(body):
            raise CellError("a number", f"{shown(cell)}; a decimal comma: read the export with {READ_WITH}, or export "
                                        f"it with a decimal point, or write {body.replace('.', '').replace(',', '.')}")
        raise CellError("a number", shown(cell))
    return _bounded(float(body), cell), signed[2] or signed[4], body


WHOLE_COMMA = "a comma before fewer than three digits is a decimal comma's fraction, which no count of impressions or clicks has"
"""Why ``1,5`` clicks has no reading: not thousands, and a part of a click with a decimal comma (refused so with one)."""


def _bounded(value: float, cell: object) -> float:
    if value != value:
        # No size at all, so no limit of size is what it breaks.
        raise CellError("a number", f"{shown(cell)} ({NOT_A_NUMBER})")
    if abs(value) > MAX_MAGNITUDE:
        raise CellError(f"a number no larger than {MAX_MAGNITUDE:,.0f} (1e15)", shown(cell))
    return value


def day(cell: object, day_zero: datetime.date = EXCEL_DAY_0, month_first: bool = False) -> datetime.date:
    """The date in a cell, a date serial counted from ``day_zero`` (its workbook's date system's serial 0), two
    numbers before its year read month first where ``month_first`` (the export's shape says so); ``CellError`` for
    anything else."""
    if type(cell) is str:
        text, as_written = kept_text(cell), cell
    elif isinstance(cell, datetime.datetime):
        return cell.date()
    elif isinstance(cell, datetime.date):
        return cell
    elif isinstance(cell, UnsavedFormula):
        raise cell.refused("a date YYYY-MM-DD")
    elif isinstance(cell, UnreadNumber):
        raise CellError("a date YYYY-MM-DD", cell.shown())
    else:
        text = str(int(cell)) if isinstance(cell, float) and cell.is_integer() else str(cell).strip()
        as_written = text
    found = _day_of_text(text, day_zero, month_first)
    if isinstance(found, datetime.date):
        return found
    raise CellError("a date YYYY-MM-DD", shown(as_written) + found)


@lru_cache(maxsize=4096)
def _day_of_text(text: str, day_zero: datetime.date, month_first: bool) -> datetime.date | str:
    """The date of a text, else why it is none after the cell (`` (no such day: ...)``, ``; hint``, or nothing); a
    daily export repeats each date once per campaign: each text is parsed once."""
    split = split_time(text)
    if split is None:
        return ""
    text, time = split
    found = _DATE.fullmatch(text)
    if found:
        return _date(int(found[1]), int(found[2] or found[4] or found[6] or found[8]),
                     int(found[3] or found[5] or found[7] or found[9]))
    if time is None and _SERIAL.fullmatch(text):
        return day_zero + datetime.timedelta(days=int(float(text)))
    written = year_last(text, month_first)
    if written is None or isinstance(written, str):
        return written or _range_hint(text, day_zero, month_first)
    return _date(*written)


_DAY_RANGE = r"\s*(?:至|到|~|～|—|–|－|\bto\b)\s*|\s+-\s+"
"""What stands between the two days of a span a console writes in a summary row (``2025-03-01 至 2025-03-31``)."""


def _range_hint(text: str, day_zero: datetime.date, month_first: bool) -> str:
    """Why a span of two days is no date (a console's summary row over its whole range), else nothing."""
    ends = re.split(_DAY_RANGE, text)
    if len(ends) == 2 and all(isinstance(_day_of_text(end, day_zero, month_first), datetime.date) for end in ends):
        return "; a row over a range of days sums them: delete such summary rows, or export the report broken down by day"
    return ""


def _date(year: int, month: int, day_of_month: int) -> datetime.date | str:
    try:
        return datetime.date(year, month, day_of_month)
    except ValueError:
        if 1 <= month <= 12 and year >= 1:
            return f" (no such day: {year:04d}-{month:02d} has {calendar.monthrange(year, month)[1]} days)"
        return ""
