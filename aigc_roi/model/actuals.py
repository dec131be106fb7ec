"""What the ad platforms reported: plain data read from their exports (reader/exports/), no I/O here.

Money is in the scenario's currency (元 for CNY; a Tencent API export's 分
are already divided by 100 when a row is built). Counts are whole events as
the platform counted them. A metric the export has no column for is None,
so "not reported" never reads as "zero".
"""

from __future__ import annotations

import calendar
import datetime
import math
from dataclasses import dataclass, field

METRICS = ("spend", "impressions", "clicks", "users", "revenue")
"""The figures an export row can carry, besides its date and campaign."""


def plan_days(start: tuple[int, int], months: int) -> tuple[datetime.date, datetime.date]:
    """The first day of ``start`` (year, month) and the last day of the ``months``-th month from it: the last month's
    own last day, never the day before the month after it, which for a plan ending in 9999-12 is no date."""
    year, month = start
    years_on, last_month = divmod(month - 1 + months - 1, 12)
    last_year = year + years_on
    return (datetime.date(year, month, 1),
            datetime.date(last_year, last_month + 1, calendar.monthrange(last_year, last_month + 1)[1]))


@dataclass(frozen=True, slots=True)
class ReportRow:
    """One campaign's day, as one row of an export reported it."""

    file: str
    line: int
    """Line of the row in its file (1 = the header)."""
    day: datetime.date
    campaign: str
    """The campaign's name; empty when the export has only its id."""
    campaign_id: str
    """The campaign's id; empty when the export has only its name."""
    spend: float
    """Money spent that day."""
    impressions: float | None
    clicks: float | None
    users: float | None
    """New users (activations / registrations) attributed to the campaign that day."""
    revenue: float | None
    """Early revenue of those new users (first-day or first-7-day payments), money."""
    parts: tuple[tuple[str, str], ...] = ()
    """What tells the row apart from the others of its campaign-day, (header, value) each: the id of an ad, unit or
    creative of the campaign (the export's header), and its hour (``HOUR``, ``01:00``) in an hourly report; () for
    a row of the whole campaign-day."""

    @property
    def campaign_key(self) -> str:
        """What unmatched spend is listed under: the name, else the id."""
        return self.campaign or self.campaign_id


@dataclass(frozen=True)
class SkippedTotals:
    """The rows of one export skipped as a console's totals under one label."""

    label: str
    """The totals label as the cell holds it (合计, ``Total: Account``, 小计(华东))."""
    rows: int
    spend: float
    """The spend those rows state, in the plan's currency (0 where a row states none)."""
    line: int
    """The first such row's line."""


@dataclass(frozen=True)
class SkippedNote:
    """A line below an export's table skipped as a note (a console's footnote, 注：..., 数据来源：...)."""

    line: int
    text: str
    """Its one cell's text."""


@dataclass(frozen=True)
class SkippedSheet:
    """A sheet of a workbook export not read: hidden (a stale copy kept out of sight), or holding no report's header
    (a notes sheet)."""

    file: str
    sheet: str
    hidden: bool

    @property
    def place(self) -> str:
        """The sheet as a location names it (``book.xlsx[旧数据]``)."""
        return f"{self.file}[{self.sheet}]"


HOUR = "hour"
"""The part of an hourly report's row that is its hour, whatever column states it (``hour``, a date's time)."""


def rows_per(grain: tuple[str, ...]) -> str:
    """What one row of an export of ``grain`` (``ReportSource.grain``) stands for: ``day and campaign``, ``hour,
    campaign and 广告ID``."""
    time = "hour" if HOUR in grain else "day"
    columns = [label for label in grain if label != HOUR]
    if not columns:
        return f"{time} and campaign"
    return ", ".join([time, "campaign", *columns[:-1]]) + f" and {columns[-1]}"


@dataclass(frozen=True)
class NotUtf8:
    """The first cell of a CSV read as GBK for being no UTF-8 whose GBK reading is doubtful
    (reader/exports/code_pages.py): where, as GBK reads it and as Windows-1252 does (None where it has a byte that
    code page has no character for)."""

    line: int
    column: int
    gbk: str
    windows_1252: str | None


PLAN_CURRENCY = "currency"
"""The unit of money in the plan's own currency (the generic CSV's), whatever its code."""


@dataclass(frozen=True)
class ReportSource:
    """Which export a set of rows came from and how it was read."""

    file: str
    platform: str
    """Key of the recognised shape: ``oceanengine_api``, ``tencent_console``, ``generic``, ..."""
    rows: int
    """Data rows read (totals rows skipped), before ``summed``."""
    columns: dict[str, str]
    """Field (date, campaign, campaign_id, spend, impressions, clicks, users, revenue) -> header used."""
    units: dict[str, str]
    """Field -> unit of the column as exported (``元``, ``分``, ``万元``, ``lakh`` or ``crore`` of ``currency``, a
    currency's ISO code, ``PLAN_CURRENCY``, ``count``, ``date``, ``text``)."""
    time_basis: str
    """What the date column means on that platform (its 口径), as stated by the platform, not guessed: its header as
    the export spells it, then what its day is, and the time zone a title line states (``time_zone``)."""
    ignored: tuple[str, ...] = ()
    """Headers of the export that none of the fields uses."""
    column_numbers: dict[str, int] = field(default_factory=dict)
    """Field -> number of its column (1 = the first), where an error about a row's field is located."""
    skipped_totals: tuple[SkippedTotals, ...] = ()
    """Rows skipped as the console's sums of the others (合计, 总计, Total: ...), by label."""
    skipped_notes: tuple[SkippedNote, ...] = ()
    """Lines below the table skipped as notes, in order."""
    summed: int = 0
    """Of ``rows``, those added into an earlier row of the same campaign-day (``--sum-duplicates``)."""
    grain: tuple[str, ...] = ()
    """What the export's rows of one campaign-day are told apart by (``ReportRow.parts``' headers): () for one row
    per campaign-day."""
    parts: int = 0
    """Of ``rows``, those added into an earlier row of the same campaign-day as another of its parts (an ad, an
    hour)."""
    currency: str | None = None
    """ISO code of the export's money as the export states it: a header's unit (元, 分, 万元: CNY; USD, 美元, $:
    USD), the shape (the Chinese platforms' 元 and 分: CNY) or its cells' currency sign ($1,234: USD); None where it
    states none (a generic CSV of plain numbers), whose money is taken to be in the plan's currency."""
    conversion_time: tuple[str, ...] = ()
    """Headers of the columns used that count on the day of conversion (转化时间), as the header says; the others
    are as ``time_basis`` states."""
    deduplicated: tuple[str, ...] = ()
    """Headers of the columns used that are deduplicated (去重: each user counted once over the rows it sums), read
    because the export has no plain column of their field."""
    time_zone: str | None = None
    """The report's time zone as a title line above its header states it (Apple's ``Time Zone``); None where none
    does."""
    also_gbk: tuple[str, str] | None = None
    """A CSV read as UTF-8 whose bytes are valid GBK too (reader/exports/two_readings.py): its first campaign no channel
    matched, as read and as GBK reads it; None for any other export."""
    not_utf8: NotUtf8 | None = None
    """A CSV read as GBK for being no UTF-8 whose GBK reading is doubtful: its first such cell; None for any other."""
    windows_1252: bool = False
    """A CSV read as Windows-1252 for being no UTF-8 and naming known columns so (reader/exports/code_pages.py)."""
    title: str = ""
    """The shape's title (``巨量引擎 (Ocean Engine) console``, ``ad console (Chinese headers)``), by which the Chinese
    summary names it (present/shape_words.py), where the key would read as English."""
    skipped_sheets: tuple[SkippedSheet, ...] = ()
    """The sheets of its workbook not read, on the workbook's first source only (each sheet read is a source)."""
    places: dict[str, int] = field(default_factory=dict)
    """Amount field -> the most decimal places a cell of its column wrote, in the plan's unit (``places``); a field
    no cell gave a number is not in it."""
    unfilled: tuple[str, ...] = ()
    """Metric fields (impressions, clicks, users, revenue) whose column is empty or dashes in every row: a metric the
    platform does not fill (a KOL sheet's impressions), not reported as a missing column is, with no row named."""

    @property
    def totals(self) -> int:
        """Rows skipped as totals."""
        return sum(skipped.rows for skipped in self.skipped_totals)

    def cell(self, name: str) -> tuple[int, str]:
        """The column number and header (as the file spells it) of field ``name``."""
        return self.column_numbers[name], self.columns[name]

    def reports(self, name: str) -> bool:
        """Whether the export reports field ``name`` at all: it has the column, and not one left empty in every row
        (``unfilled``). A field it does not is none in every month it covers, and no row's cell is to blame."""
        return name in self.columns and name not in self.unfilled


MAX_PLACES = 6
"""The most decimal places an amount is kept to: a workbook's computed cell (0.1 + 0.2 saved as 0.30000000000000004)
writes the float's every digit, and no export's money or count is finer."""


def places(value: float, scale: float = 1.0) -> int:
    """The decimal places of ``value`` as a cell wrote it (those of the shortest decimal that reads as the same float:
    0.10 has 1, 1e-05 has 5), in a unit ``scale`` (a power of ten: 分's 0.01 adds 2, 万元's 10,000 takes 4), at
    most MAX_PLACES."""
    mantissa, _, exponent = repr(abs(value)).partition("e")
    written = len(mantissa.partition(".")[2].rstrip("0")) - int(exponent or 0)
    return min(MAX_PLACES, max(0, written - round(math.log10(scale))))


@dataclass(frozen=True)
class Report:
    """Every row of every export, with where each came from."""

    sources: tuple[ReportSource, ...]
    rows: tuple[ReportRow, ...]

    def exact(self) -> dict[str, int]:
        """Amount field -> the decimal places a sum of its cells is rounded to: the most any export's wrote. Each
        amount is a decimal of at most that many places, and so is their exact sum, which rounding the float sum
        to them gives back (0.10 + 0.20 is 0.3, not 0.30000000000000004), before a ratio (cac) is taken of it."""
        exact: dict[str, int] = {}
        for source in self.sources:
            for name, count in source.places.items():
                exact[name] = max(exact.get(name, 0), count)
        return exact

    @property
    def through(self) -> datetime.date:
        """The last day any export reports."""
        return max(row.day for row in self.rows)

    @property
    def first_day(self) -> datetime.date:
        return min(row.day for row in self.rows)
