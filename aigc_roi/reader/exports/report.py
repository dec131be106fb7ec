"""Ad-platform exports in, a ``Report`` of rows out; every problem of every file raised at once.

Each problem is a ``ScenarioError`` located at the cell: the file (a
workbook of several sheets with the sheet read, tables.py), the line
(a workbook's row), the column's number (1 = the first) and its header as
the path, ``expected X, found Y``. A file that fails gives no rows, and any
error means no report at all: `actuals` never compares half an export.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from aigc_roi.model.actuals import HOUR, PLAN_CURRENCY, Report, ReportRow, ReportSource, SkippedNote, places, plan_days
from aigc_roi.model.errors import ScenarioError, ScenarioInvalid, capped_each_file
from aigc_roi.model.names import listed_name
from aigc_roi.reader.exports.broken_names import broken
from aigc_roi.reader.exports.cells import Amounts, CellError, blank, campaign_name, count, day, identifier, kept_text, shown, written
from aigc_roi.reader.exports.code_pages import GBK, garbled_headers, hinted, not_utf8, western
from aigc_roi.reader.exports.currency_column import CodeColumns, CurrencyCells
from aigc_roi.reader.exports.day_spans import DaySpans, day_spans, unended
from aigc_roi.reader.exports.duplicates import Duplicates
from aigc_roi.reader.exports.given_once import GivenOnce
from aigc_roi.reader.exports.grain import Finer, PartError, by_day_times, row_parts
from aigc_roi.reader.exports.indicated import IndicatorCells, indicator_cells
from aigc_roi.reader.exports.near_shapes import sampled, unknown_header
from aigc_roi.reader.exports.open_quotes import cell_line, quote_problem
from aigc_roi.reader.exports.periods import period_column, period_of, period_outside, period_outside_refused, period_refused
from aigc_roi.reader.exports.platforms import (
    COUNT,
    FEN,
    Found,
    Platform,
    columns_of,
    decimal_comma_language,
    finer_levels,
    recognise,
    undated,
)
from aigc_roi.reader.exports.tables import Table, export_bytes, read_as_gb18030, read_tables, workbook
from aigc_roi.reader.exports.title_currency import TitleCurrency, title_currency, title_time_zone
from aigc_roi.reader.exports.totals import TotalsRows
from aigc_roi.reader.exports.two_readings import Reading, read_either
from aigc_roi.reader.exports.units import MONEY_UNITS_SHOWN, SIGNS_SHOWN, unknown_scale, unknown_sign

AMOUNTS = ("spend", "impressions", "clicks", "users", "revenue")


@dataclass(frozen=True)
class Horizon:
    """The days a plan covers: its `start` month through the end of its last month."""

    first: datetime.date
    last: datetime.date
    months: int

    @classmethod
    def of(cls, start: tuple[int, int], months: int) -> Horizon:
        return cls(*plan_days(start, months), months)


def read_report(paths: Sequence[Path], horizon: Horizon, sum_duplicates: bool = False, currency: str = "CNY",
                globs: Sequence[str] = (), decimal_comma: bool = False) -> Report:
    """Every export of ``paths`` read against the plan's ``horizon`` and ``currency``; ScenarioInvalid with every
    problem, an export given twice among them (given_once.py). ``globs``: the channels' match and --map globs, one
    of which may name a campaign called like a totals row (totals.py). ``decimal_comma``: every export's numbers are
    read with a decimal comma, its CSV's columns separated by semicolons or as another's (comma_numbers.py)."""
    errors: list[ScenarioError] = []
    sources: list[ReportSource] = []
    rows: list[ReportRow] = []
    given = GivenOnce()
    for number, path in enumerate(paths, 1):
        try:
            data = export_bytes(path)
            if (again := given.again(number, path, data)) is not None:
                errors.append(again)
                continue
            readings = _read_file(str(path), data, horizon, _ReadWith(currency, tuple(globs), decimal_comma))
        except ScenarioInvalid as invalid:
            errors += invalid.errors
            continue
        for source, file_rows, file_errors in readings:
            errors += file_errors
            sources.append(source)
            rows += file_rows
    duplicates = Duplicates({source.file: source for source in sources}, sum_duplicates, errors)
    rows = duplicates.kept(rows)
    if errors:
        # Capped once all are found: a repeated campaign-day is found only once every export is read.
        raise ScenarioInvalid(capped_each_file(errors))
    return Report(tuple(replace(source, summed=duplicates.summed.get(source.file, 0), parts=duplicates.parts.get(source.file, 0))
                        for source in sources), tuple(rows))


@dataclass(frozen=True)
class _ReadWith:
    """How every export is read: the plan's ``currency``, the ``globs`` of read_report and whether with a
    ``decimal_comma``."""

    currency: str
    globs: tuple[str, ...]
    decimal_comma: bool


def _read_file(file: str, data: bytes, horizon: Horizon, how: _ReadWith) -> list[Reading]:
    """One export's source, rows and problems, a CSV read as GB18030 where two_readings.py says, or for being no UTF-8,
    then with its doubts (code_pages.py); a workbook's, one per sheet read (sheets.py), its first source with the
    sheets not read."""
    if not workbook(data):
        def read(codec: str | None) -> Reading:
            return _read_one(read_tables(file, data, _recognised, codec, how.decimal_comma)[0], horizon, how)

        if not read_as_gb18030(data):
            return [read_either(data, lambda gb18030: read(GBK if gb18030 else None), how.globs)]
        if western(data):  # read as Windows-1252 (tables.py)
            source, rows, problems = read(None)
            return [(replace(source, windows_1252=True), rows, problems)]
        # No UTF-8: GB18030's reading, and where its text may be another code page's, a word (code_pages.py).
        try:
            table = read_tables(file, data, _recognised, None, how.decimal_comma)[0]
            source, rows, problems = _read_one(table, horizon, how)
        except ScenarioInvalid as invalid:
            raise ScenarioInvalid([hinted(error) for error in invalid.errors]) from None
        # A column read as the currency column for its cells' codes alone (currency_column.py CodeColumns) is in as
        # much doubt as an ignored one; a currency header a shape names reads alike in GBK and is never refused here.
        doubtful = source.ignored + tuple(header for name, header in source.columns.items() if name == "currency")
        problems = garbled_headers(file, data, table.header_line, doubtful) + problems
        return [(replace(source, not_utf8=not_utf8(data, how.currency, source.columns.values())), rows,
                 [hinted(error) for error in problems])]
    readings: list[Reading] = []
    errors: list[ScenarioError] = []
    refused = False
    for table in read_tables(file, data, _recognised):
        try:
            reading = _read_one(table, horizon, how)
        except ScenarioInvalid as invalid:
            errors += invalid.errors
            refused = True
            continue
        errors += reading[2]
        readings.append(reading)
    if refused:
        raise ScenarioInvalid(errors)  # with the problems of its other sheets, in the order of the sheets
    return readings


def _recognised(header: list[str]) -> bool:
    return recognise(header) is not None


@dataclass(frozen=True)
class _Used:
    field: str
    index: int
    header: str
    scale: float
    unit: str
    read: Callable[[object], float | None]
    """The cell's number, None for nothing reported: ``count``, or the export's ``Amounts`` for money."""


WHOLE_COUNTS = frozenset({"impressions", "clicks"})
"""Counts no platform reports a part of; users may be fractional (a conversion credited in parts by attribution)."""


def _columns(table: Table, platform: Platform, currency: str, title: TitleCurrency | None,
             decimal_comma: bool) -> tuple[dict[str, _Used], Amounts, dict[str, Found]]:
    """Field -> the column it is read from, the reader of the export's money (in the currency its headers, its shape
    or else its ``title`` line states, in the plan's ``currency`` where none does) and its counts (each with a
    ``decimal_comma`` or not), and field -> how its header was read (platforms.columns_of); ScenarioInvalid, at the
    header, for money in a unit no one knows or in two currencies (at the title, for a title that names none or
    another than the headers')."""
    found = columns_of(table.header, platform, currency)
    errors = []
    for use in found.values():
        if use.twin is not None:
            first, second = _header(table, use.index), _header(table, use.twin)
            # Two headers written alike need no word on how headers compare; two that differ as written do.
            found_twin = (f"found {first!r} again (column {use.index + 1})" if first == second else
                          f"found a second beside {first!r} (column {use.index + 1}): header words compare alike "
                          "whatever their case, width and separators")
            errors.append(ScenarioError(table.file, table.header_line, use.twin + 1, second,
                                        f"expected one column of {use.field}, {found_twin}"))
        if use.unknown_unit is not None:
            errors.append(ScenarioError(table.file, table.header_line, use.index + 1, _header(table, use.index),
                                        _unknown_unit(use.unknown_unit)))
    spend, revenue = found["spend"].currency, (found["revenue"].currency if "revenue" in found else None)
    if spend and revenue and spend != revenue:
        index = found["revenue"].index
        errors.append(ScenarioError(table.file, table.header_line, index + 1, _header(table, index),
                                    f"expected money in {spend} as the spend column, found {revenue}"))
    stated = spend or revenue
    if title is not None and (title.code is None or (stated and title.code != stated)):
        problem = title.refused() if title.code is None else CellError(f"money in {stated} as the spend column", title.code)
        errors.append(ScenarioError(table.file, title.line, title.column, title.key, str(problem)))
    if errors:
        raise ScenarioInvalid(errors)
    # Read with a decimal point, a decimal comma's language makes a comma before three digits either (comma_numbers.py).
    language = None if decimal_comma else decimal_comma_language(table.header, found)
    amounts = Amounts(stated or (title.code if title else None), currency, decimal_comma, language)
    used = {name: _Used(name, use.index, _header(table, use.index), use.scale, use.unit,
                        amounts if name in ("spend", "revenue")
                        else partial(count, decimal_comma=amounts.decimal_comma, whole=name in WHOLE_COUNTS,
                                     comma=decimal_comma, language=language))
            for name, use in found.items()}
    return used, amounts, found


def _unknown_unit(bracket: str) -> str:
    """Why a money column's bracket is refused: no unit of money, a currency in a scale this reader knows not (``₹
    thousand``), or a currency's sign this reader knows not (``₿``), whose currency its ISO code names."""
    if (scaled := unknown_scale(bracket)) is not None:
        return (f"expected a unit of money ({MONEY_UNITS_SHOWN}), found {bracket!r}; {scaled[1]!r} is no scale this "
                f"reader knows (lakh, crore): export the amounts in {scaled[0]}")
    if unknown_sign(bracket):
        return (f"expected a currency sign this reader knows, such as {SIGNS_SHOWN}, found {bracket!r}; write the "
                "currency's ISO code in the brackets instead")
    return f"expected a unit of money ({MONEY_UNITS_SHOWN}), found {bracket!r}"


def _unrecognised(table: Table) -> list[ScenarioError]:
    """Why a header no shape recognises is refused: at a column of weeks or months where the rows are no days otherwise
    (periods.py), alone where the header is a shape's but for its date; else, or also, at the header as a whole (where
    a column of days stands under another name, told to rename it)."""
    errors = []
    rows = sampled(table.rows)
    period = period_column(table.header, rows)
    if period is not None:
        errors.append(ScenarioError(table.file, table.header_line, period[0] + 1, _header(table, period[0]),
                                    period_refused(period[1])))
    if period is None or undated(table.header) is None:
        errors.append(ScenarioError(table.file, table.header_line, 1, "header", unknown_header(table.header, rows)))
    return errors


def _header(table: Table, index: int) -> str:
    return table.header[index].strip().lstrip("\ufeff")


def _read_one(table: Table, horizon: Horizon,
              how: _ReadWith) -> tuple[ReportSource, list[ReportRow], list[ScenarioError]]:
    currency = how.currency
    platform = recognise(table.header)
    if platform is None:
        raise ScenarioInvalid(_unrecognised(table))
    title = title_currency(table.titles, currency)
    used, money, headers = _columns(table, platform, currency, title, how.decimal_comma)
    if (span := unended(table.header, platform, used["date"].index)) is not None:
        raise ScenarioInvalid([ScenarioError(table.file, table.header_line, used["date"].index + 1, used["date"].header,
                                             str(span))])
    levels = finer_levels(table.header, platform, headers)
    finer = tuple(Finer(index, _header(table, index), platform.names_text(table.header[index]))
                  for index, *_ in levels)
    errors: list[ScenarioError] = []
    rows: list[ReportRow] = []
    width = len(table.header)
    amounts = [(name, used[name]) for name in AMOUNTS if name in used]
    numbers: dict[str, int] = {}
    totals = _totals_rows(used, platform, how.globs, tuple(index for level in levels for index in level))
    held = (day_spans(table.header, platform, used["date"].index),
            indicator_cells(table.header, platform, used["users"].index, used["users"].read) if "users" in used else None)
    checks = _Checks(CurrencyCells(currency, money) if "currency" in used else None,
                     tuple(check for check in held if check is not None))
    read = {use.index for use in used.values()} | {column.index for column in finer}
    codes = CodeColumns(currency, {index: _header(table, index) for index in range(width) if index not in read})
    # A period column beside the day column: each row's day must be of its period (Google's Day beside Week), else
    # the day column is no day of the rows (a start date renamed Day), which are periods (periods.py).
    periods = {index: period for index in range(width) if index not in read
               and (period := period_of(table.header[index])) is not None}
    try:
        for line, cells in table.rows:
            # A quote left open: the row is refused at it, before its cells, which the quote has folded or cut short.
            if line in table.quoted and (left := quote_problem(table, line, used["date"].index,
                                                               platform.month_first)) is not None:
                errors.append(left)
                continue
            if len(cells) != table.width and (misfit := table.misfit(cells)) is not None:
                errors.append(ScenarioError(table.file, line, misfit[0], "", misfit[1]))
                continue
            if len(cells) < width:
                if table.width is not None and (needed := _cut_off(len(cells), used)) is not None:
                    errors.append(ScenarioError(
                        table.file, line, needed.index + 1, needed.header,
                        f"expected {table.width} cells as the header has, found {len(cells)}; the row ends before its "
                        f"{NEEDED[needed.field]} column"))
                    continue
                cells = cells + [""] * (width - len(cells))
            if totals.skipped(line, cells):
                continue
            if table.merges and _merged(table, line, cells, used, errors):
                continue
            codes.see(line, cells)
            row = _row(table, line, cells, used, amounts, platform, horizon, errors, numbers, checks, finer)
            if row is not None:
                rows.append(row)
                for index, period in list(periods.items()):
                    if index < len(cells) and (start := period_outside(period, cells[index], row.day)) is not None:
                        del periods[index]  # once a column: its first such row says what its rows are
                        errors.append(ScenarioError(table.file, line, index + 1, _header(table, index),
                                                    period_outside_refused(period, start, shown(used["date"].header),
                                                                           row.day)))
    except ScenarioInvalid as unreadable:
        # The CSV cannot be read past a line (tables.py): the problems of the rows above it are reported too.
        errors += unreadable.errors
    unfilled: tuple[str, ...] = ()
    if unreported := [name for name, _ in amounts if name != "spend" and name not in numbers]:
        # A column of dashes and empty cells only is one the platform does not fill (a metric it does not track,
        # a KOL sheet's impressions): not reported, as a missing column, rather than 0 every day. A blank cell
        # read as 0, an N/A as None: one without an N/A is unfilled, no row's cell to name (actuals_rows.py).
        unfilled = tuple(name for name in unreported if all(getattr(row, name) is not None for row in rows))
        rows = [replace(row, impressions=None if "impressions" in unreported else row.impressions,
                        clicks=None if "clicks" in unreported else row.clicks,
                        users=None if "users" in unreported else row.users,
                        revenue=None if "revenue" in unreported else row.revenue) for row in rows]
    if "hour" not in used:
        rows = by_day_times(rows)
    if not rows and not errors:
        errors.append(_no_rows(table, totals))
    # A column of ISO codes under a header no shape names: every amount is in another currency where one differs
    # from the plan's, told first (before the rows' problems, which the file's cap may cut short).
    errors[:0] = codes.refused(table.file)
    found_codes = codes.columns()
    adopted = {"currency": found_codes[0]} if found_codes and "currency" not in used else {}
    if adopted and money.currency is None:
        money.currency = currency  # its cells state the plan's, as a named currency column's first such cell does
    names = read | set(adopted.values())
    zone = title_time_zone(table.titles)
    labels = {label for row in rows for label, _ in row.parts}
    source = ReportSource(
        file=table.file, platform=platform.key, title=platform.title, rows=len(rows),
        columns={name: use.header for name, use in used.items()} | {name: _header(table, index)
                                                                    for name, index in adopted.items()},
        # Money the export left in the plan's currency is in the one its cells' signs named, where they named one.
        units={name: money.currency if use.unit == PLAN_CURRENCY and money.currency else use.unit
               for name, use in used.items()} | dict.fromkeys(adopted, "text"),
        time_basis=f"{used['date'].header}: {platform.time_basis}" + (f"; a line above the header states the time "
                                                                     f"zone {zone}" if zone else ""),
        time_zone=zone,
        ignored=tuple(header.strip() for index, header in enumerate(table.header) if index not in names and header.strip()),
        column_numbers={name: use.index + 1 for name, use in used.items()} | {name: index + 1
                                                                              for name, index in adopted.items()},
        skipped_totals=totals.listed(),
        skipped_notes=tuple(SkippedNote(line, text) for line, text in table.notes),
        currency=money.currency,
        conversion_time=tuple(use.header for name, use in used.items() if headers[name].conversion_time),
        deduplicated=tuple(use.header for name, use in used.items() if headers[name].deduplicated),
        grain=tuple(label for label in [column.header for column in finer] + [HOUR] if label in labels),
        skipped_sheets=table.skipped_sheets,
        places=numbers,
        unfilled=unfilled,
    )
    found = source.currency
    if found is not None and found != currency:
        spend = used["spend"]
        # The unit as the header writes it (CNY, 元 (CNY), € (EUR), ₹ lakh (INR)), else as the shape states it (元 (CNY)
        # of a 消耗 column); the code alone where the cells' signs or brackets named it.
        unit = headers["spend"].written_unit or spend.unit
        stated = found if spend.unit == PLAN_CURRENCY or unit == found else f"{unit} ({found})"
        # One line at the header, or at the title line that stated it: no rate is assumed, so every amount of the
        # file would be wrong alike.
        at = ((title.line, title.column, title.key) if title is not None and spend.unit == PLAN_CURRENCY
              and not any(headers[name].currency for name in ("spend", "revenue") if name in headers)
              else (table.header_line, spend.index + 1, spend.header))
        errors.insert(0, ScenarioError(
            table.file, *at,
            f"expected money in {currency} (the plan's currency), found {stated}; actuals converts no "
            f"currency: convert the export to {currency}, or the plan to {found}"))
    return source, rows, errors


def _no_rows(table: Table, totals: TotalsRows) -> ScenarioError:
    """The problem of an export without a row to read: at its first totals row, where it had only those (a console's
    total downloaded alone), each label with the spend and rows it skipped as the summary lists them (``合计 31,000.00
    (1 row)``)."""
    skipped = totals.listed()
    if not skipped:
        return ScenarioError(table.file, table.header_line + 1, 1, "",
                             "expected at least one data row under the header, found none")
    labels = ", ".join(f"{listed_name(item.label) if item.label else '(a row naming no campaign)'} {item.spend:,.2f} "
                       f"({item.rows:,} row{'s' if item.rows > 1 else ''})" for item in skipped)
    return ScenarioError(table.file, min(item.line for item in skipped), 1, "",
                         f"expected at least one data row under the header, found only totals rows: {labels}")


NEEDED = {"date": "date", "spend": "spend", "campaign": "campaign name or id", "campaign_id": "campaign name or id"}
"""The columns a row cannot do without, as a row that ends before one says."""


def _cut_off(cells: int, used: dict[str, _Used]) -> _Used | None:
    """The first column a CSV row of ``cells`` cells ends before and cannot do without: its date, its spend, or every
    column that names its campaign. Its other cells left out are read as empty (Excel and WPS leave a row's empty
    cells at its end out of some rows)."""
    campaign = [used[name] for name in ("campaign", "campaign_id") if name in used]
    needed = [used["date"], used["spend"]] + ([min(campaign, key=lambda use: use.index)]
                                              if all(use.index >= cells for use in campaign) else [])
    return min((use for use in needed if use.index >= cells), key=lambda use: use.index, default=None)


EXPECTED = {"date": "a date YYYY-MM-DD", "campaign": "a campaign name or id", "campaign_id": "a campaign name or id"}
"""What a field's cell holds, as its errors say (an amount: a number)."""


def _merged(table: Table, line: int, cells: list[object], used: dict[str, _Used], errors: list[ScenarioError]) -> bool:
    """Whether a cell the row is read from is empty because a merged range holds its value in its first cell (a date
    merged over a day's campaigns): each such cell refused, rather than read as no date or a day of 0 spend."""
    before = len(errors)
    for use in used.values():
        if cells[use.index] == "" and (merge := table.merged(line, use.index)) is not None:
            _located(errors, table.file, line, use, EXPECTED.get(use.field, "a number"),
                     f"an empty cell, part of the merged cell {merge}; unmerge the cells and fill in every row")
    return len(errors) > before


def _totals_rows(used: dict[str, _Used], platform: Platform, globs: tuple[str, ...],
                 finer: tuple[int, ...]) -> TotalsRows:
    campaign = tuple(used[name].index for name in ("campaign", "campaign_id") if name in used)
    undated = tuple(sorted({0, used["date"].index} - set(campaign)))
    spend = used["spend"]

    def stated(cells: list[object]) -> float:
        try:
            value = spend.read(cells[spend.index])
        except CellError:
            return 0.0
        return (value or 0.0) * spend.scale

    return TotalsRows(undated, campaign, used["campaign_id"].index if "campaign_id" in used else None,
                      used["date"].index, not platform.api, globs, stated, finer,
                      used["hour"].index if "hour" in used else None, platform.blank_totals, platform.month_first)


@dataclass(frozen=True)
class _Checks:
    """What an export's rows are held to besides their cells' own kinds: its currency column (currency_column.py;
    None where it has none), and the checks of its other columns that a row must agree with, the last day of a span
    its date begins (day_spans.py) and the indicator of what its count of users counts (indicated.py)."""

    currency: CurrencyCells | None
    rows: tuple[DaySpans | IndicatorCells, ...]


def _row(table: Table, line: int, cells: list[object], used: dict[str, _Used], amounts: list[tuple[str, _Used]],
         platform: Platform, horizon: Horizon, errors: list[ScenarioError], numbers: dict[str, int],
         checks: _Checks, finer: tuple[Finer, ...]) -> ReportRow | None:
    """``amounts``: the (field, column) of each of AMOUNTS the export has; ``numbers``: those a cell has given a
    number so far, with the most decimal places one wrote (``places``), to which this row's are added; ``checks``:
    its columns that hold a row's cells to more (the currency column read before the amounts: its currency is
    theirs); ``finer``: the columns that tell its campaign-day's rows apart (grain.py)."""
    file = table.file
    before = len(errors)
    date_use = used["date"]
    named_by = [use for use in (date_use, used.get("campaign"), used.get("campaign_id")) if use is not None]
    if all(blank(kept_text(cells[use.index])) for use in named_by):
        # A console's sum of the rows above with its 合计 left off: one problem, with its fix, not one per empty cell.
        _located(errors, file, line, date_use, "a date YYYY-MM-DD", "an empty cell; a row that names no day and no "
                                                                     "campaign reads as a totals row without its label: "
                                                                     "label it 合计, or delete it")
        return None
    when: datetime.date | None = None
    try:
        when = day(cells[date_use.index], table.day_zero, platform.month_first)
    except CellError as error:
        _located(errors, file, line, date_use, error.expected, error.found)
    if when is not None and not horizon.first <= when <= horizon.last:
        _located(errors, file, line, date_use,
                 f"a date within {horizon.first}..{horizon.last} (the plan's months 1-{horizon.months})", str(when))
    if checks.currency is not None:
        try:
            checks.currency.check(cells[used["currency"].index])
        except CellError as error:
            _located(errors, file, line, used["currency"], error.expected, error.found)
    for check in checks.rows:
        try:
            check.check(cells, when, table.day_zero)
        except CellError as error:
            errors.append(ScenarioError(file, line, check.index + 1, _header(table, check.index), str(error)))
    values: dict[str, float | None] = dict.fromkeys(AMOUNTS)
    for name, use in amounts:
        cell = cells[use.index]
        try:
            value = use.read(cell)
        except CellError as error:
            _located(errors, file, line, use, error.expected, error.found)
            continue
        if value is None:
            if not blank(kept_text(cell)):
                continue  # not reported (N/A): None, and 0 for spend (below)
            value = 0.0  # nothing that day; a column of no number at all reports nothing (_read_one)
        else:
            numbers[name] = max(numbers.get(name, 0), places(value, use.scale))
        if value < 0:
            _located(errors, file, line, use, "a count >= 0" if use.unit == COUNT else "an amount >= 0", shown(cell))
        elif name == "spend" and platform.whole_spend and use.unit == FEN and not value.is_integer():
            _located(errors, file, line, use, "whole 分 (a Tencent Ads API export reports cost in cents)",
                     f"{shown(cell)}; a cost in 元 comes from the console, whose header is 花费(元)")
        values[name] = value * use.scale
    name_use, id_use = used.get("campaign"), used.get("campaign_id")
    name_cell, id_cell = (cells[name_use.index] if name_use else ""), (cells[id_use.index] if id_use else "")
    # Dashes name no campaign (a console's unlabelled row): such a row is matched by no glob, its spend unmatched.
    name = campaign_name(name_cell)
    campaign = "" if blank(name) else name
    if name_use is not None and (problem := broken(name, "name")) is not None:
        _located(errors, file, _cell_line(table, line, name_use), name_use, problem.expected, problem.found)
    campaign_id = ""
    if id_use is not None:
        try:
            campaign_id = identifier(id_cell)
        except CellError as error:
            _located(errors, file, line, id_use, error.expected, error.found)
        if (problem := broken(campaign_id, "id")) is not None:
            _located(errors, file, _cell_line(table, line, id_use), id_use, problem.expected, problem.found)
    if not name and not written(id_cell):
        named = name_use or id_use
        assert named is not None
        _located(errors, file, line, named, "a campaign name or id", "an empty cell")
    hour = used.get("hour")
    parts: tuple[tuple[str, str], ...] = ()
    try:
        parts = row_parts(cells, finer, hour.index if hour else None, date_use.index, when, table.day_zero)
    except PartError as error:
        errors.append(ScenarioError(file, line, error.index + 1, _header(table, error.index),
                                    f"expected {error.expected}, found {error.found}"))
    if len(errors) > before:
        # Cells are read field by field; a row's problems are told left to right, as its reader reads them.
        errors[before:] = sorted(errors[before:], key=lambda error: error.column)
        return None
    if when is None:
        return None
    return ReportRow(file, line, when, campaign, campaign_id, values["spend"] or 0.0, values["impressions"],
                     values["clicks"], values["users"], values["revenue"], parts)


def _cell_line(table: Table, line: int, use: _Used) -> int:
    """The line a cell of the row numbered ``line`` starts on: a CSV row over several lines (a quoted cell of them) is
    numbered by its last; a workbook's row is one line."""
    return cell_line(table, line, use.index) if table.lines else line


def _located(errors: list[ScenarioError], file: str, line: int, use: _Used, expected: str, found: str) -> None:
    errors.append(ScenarioError(file, line, use.index + 1, use.header, f"expected {expected}, found {found}"))

