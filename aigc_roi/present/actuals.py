"""`actuals` results as JSON, CSV rows, markdown and a workbook (the Rich view: present/actuals_view.py). Returns objects;
the CLI prints them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aigc_roi.model.actuals import PLAN_CURRENCY, NotUtf8, ReportSource, SkippedTotals, rows_per
from aigc_roi.model.compared import told_apart
from aigc_roi.model.names import listed_name
from aigc_roi.model.rounding import fixed
from aigc_roi.present.grain_words import grain_zh
from aigc_roi.present.labels import bracketed, counted, label
from aigc_roi.present.money_words import priced
from aigc_roi.present.month_words import months_named
from aigc_roi.present.numbers import NONE, NumberStyle
from aigc_roi.present.payback_window import within_note
from aigc_roi.present.presenter import Presenter
from aigc_roi.present.shape_words import SHAPE_TITLES_ZH
from aigc_roi.present.tables import Table as Rows
from aigc_roi.present.tables import to_markdown, with_currency
from aigc_roi.present.text import markdown_text, visible
from aigc_roi.whatif.actuals import (
    FLAG_HIGH,
    FLAG_LOW,
    PERCENTILE_METRICS,
    Actuals,
    ChannelActuals,
    ChannelMonth,
    Deviation,
    Measured,
    Unmatched,
)
from aigc_roi.whatif.actuals_rows import StatedGap
from aigc_roi.whatif.reforecast import Outlook

if TYPE_CHECKING:
    from rich.console import RenderableType

    from aigc_roi.present.workbook import Sheet

WORDS = {"channel": "actuals_channel", "path": "channel_path", "month": "actuals_month", "label": "actuals_label",
         "partial": "actuals_partial_mark", "plan": "actuals_plan", "actual": "actuals_actual", "spend": "actuals_spend",
         "users": "actuals_users", "cac": "actuals_cac", "ctr": "actuals_ctr", "cvr": "actuals_cvr",
         "revenue_per_user": "actuals_revenue_per_user", "percentile_spend": "actuals_percentile_spend",
         "percentile_users": "actuals_percentile_users", "not_reported": "actuals_not_reported_mark",
         "covered": "actuals_covered_share"}
"""The label of each column word of the tables (a row key, a side, a metric)."""
MEASURES = {"cac": "actuals_measure_cac", "spend": "actuals_measure_spend", "users": "actuals_measure_users",
            "impressions": "actuals_measure_impressions", "cpm": "actuals_measure_cpm", "ctr": "actuals_measure_ctr",
            "cvr": "actuals_measure_cvr", "users_per_spend": "actuals_measure_users_per_spend"}
"""What the furthest-off assumption was measured by: JSON's key, and the label a sentence names it by."""
METRICS = {"users": "actuals_measure_users", "impressions": "actuals_measure_impressions",
           "clicks": "actuals_measure_clicks", "revenue": "actuals_measure_revenue"}
"""The metrics a row's cell may leave unreported (whatif/actuals.py OPTIONAL)."""

UNITLESS = ("count", "date", "text")
SCALED = {"分": "÷100", "万元": "×10,000", "lakh": "×100,000", "crore": "×10,000,000"}
"""What a money column in these units was multiplied by to read it in ones of its currency (yuan for 分 and 万元)."""

TIME_BASIS_ZH: dict[str, str] = {
    "oceanengine_api": "广告投放当天（按报告时间）；转化计入当天",
    "oceanengine_console": "投放当天（按报告时间），除非报表设为按转化时间",
    "tencent_api": "广告投放当天（按报告时间）",
    "tencent_console": "投放当天（按报告时间），除非报表设为按转化时间",
    "kuaishou_api": "投放当天（按报告时间）",
    "baidu_console": "投放当天（按报告时间）；标有（转化时间）的列计入转化发生当天",
    "console": "投放当天（按报告时间），除非报表设为按转化时间；表头未表明是哪个平台的投放后台",
    "google_ads": "广告投放当天；Conversions 计入带来转化的那次点击的当天，Conversions (by conv. time) 计入转化发生当天",
    "meta_ads": "广告投放当天",
    "tiktok_ads": "广告投放当天",
    "apple_ads": "报表时区中的日期",
    "generic": "以文件作者所写为准（docs/actuals.md 要求写广告支出发生的日期）",
}
"""Each shape's time basis (口径) in Chinese after its date column's header, as the reader states it in English
(reader/exports/platforms.py)."""


def shape_name(source: ReportSource, lang: str) -> str:
    """An export's shape as the summary names it: its key in English (``console``, as JSON and docs/actuals.md's table
    call it), in Chinese its title so (投放后台（中文表头）: present/shape_words.py), where the key read as English."""
    return SHAPE_TITLES_ZH.get(source.title, source.platform) if lang == "zh" else source.platform


def _time_basis(source: ReportSource, lang: str) -> str:
    """The time basis as the reader states it, in Chinese the shape's after the header the export spells its date
    column by, and the time zone a title line states."""
    if lang != "zh" or source.platform not in TIME_BASIS_ZH:
        return source.time_basis
    zone = f"；表头上方一行写明时区为 {source.time_zone}" if source.time_zone else ""
    return f"{source.columns['date']}：{TIME_BASIS_ZH[source.platform]}{zone}"


def _mark(month: ChannelMonth) -> str:
    """``*`` a partial month, ``†`` one the channel's exports do not reach, ``‡`` one a row left a cell unreported in."""
    return ("†" if not month.exported else "*" if month.partial else "") + ("‡" if month.not_reported else "")


def not_reported_line(channel: ChannelActuals, lang: str) -> str | None:
    """The ``‡`` footnote: per channel-month and metric none because a row's cell reported nothing, the first row."""
    items = [label("actuals_not_reported_item", lang).format(month=month.label, metric=label(METRICS[row.metric], lang),
                                                           place=row.place, header=row.header)
             for month in channel.months for row in month.not_reported]
    if not items:
        return None
    return label("actuals_not_reported", lang).format(items=label("notes_separator", lang).join(items))


def mark_lines(channel: ChannelActuals, lang: str) -> list[str]:
    """What a channel's month marks say: ``*`` the share of days a partial month has, ``†`` the months its exports do
    not reach, ``‡`` the cells reported as nothing (``_mark``)."""
    lines = []
    partial = [month for month in channel.months if month.partial and month.exported]
    if partial:
        of_days = label("actuals_of_days", lang)
        days = label("list_separator", lang).join(f"{month.label} {of_days.format(share=fixed(month.covered, 0, shift=2))}"
                                                     for month in partial)
        lines.append(label("actuals_partial", lang).format(days=days))
    unreported = [month.label for month in channel.months if not month.exported]
    if unreported and channel.matched_rows:
        lines.append(label("actuals_not_exported", lang).format(months=label("list_separator", lang).join(unreported)))
    if (not_reported := not_reported_line(channel, lang)) is not None:
        lines.append(not_reported)
    return lines


def flag_line(actuals: Actuals, lang: str) -> str:
    """What ``!`` after an actual or its percentile says: outside the plan's band of draws."""
    return label("actuals_flag_caption", lang).format(low=FLAG_LOW, high=FLAG_HIGH, samples=actuals.samples,
                                                      seed=actuals.seed)


COVERAGE = {(): "actuals_covered_rows", ("through",): "actuals_covered_through", ("from",): "actuals_covered_from",
            ("from", "through"): "actuals_covered_stated"}
"""The days covered, by which of their ends the user stated (--from, --through)."""
CHANNEL_COVERAGE = {(): "actuals_channel_covered_rows", ("through",): "actuals_channel_covered_through",
                    ("from",): "actuals_channel_covered_from", ("from", "through"): "actuals_channel_covered_stated"}
"""The days one channel's exports cover, likewise."""


def coverage_line(actuals: Actuals, lang: str) -> str:
    """The days the exports cover and which of their ends the user stated."""
    return label(COVERAGE[actuals.stated], lang).format(first=actuals.first_day, through=actuals.through)


def channel_coverage_line(actuals: Actuals, channel: ChannelActuals, lang: str) -> str:
    """The days ``channel``'s own exports cover, which its months are compared over (one export may end before
    another); every export's, ``coverage_line``, for a channel no row matched."""
    if channel.days is None:
        return coverage_line(actuals, lang)
    return label(CHANNEL_COVERAGE[actuals.stated], lang).format(first=channel.days[0], through=channel.days[1])


def source_lines(actuals: Actuals, style: NumberStyle) -> list[tuple[str, bool]]:
    """The days covered and where they come from; per export: its shape, rows and the columns used (money with its
    unit), then (a detail, indented) its time basis and what was ignored."""
    lang = style.lang
    lines = [(coverage_line(actuals, lang), False)]
    for source in actuals.sources:
        comma = label("list_separator", lang)
        columns = comma.join(f"{name}={header}{_unit_note(header, source.units[name], style.currency, comma)}"
                            for name, header in source.columns.items())
        lines.append((label("actuals_source_line", lang).format(file=source.file, platform=shape_name(source, lang),
                                                               rows=counted(source.rows, "row", lang), columns=columns),
                      False))
        lines.append(("  " + label("actuals_time_basis", lang).format(basis=_time_basis(source, lang)), True))
        if source.conversion_time:
            lines.append(("  " + label("actuals_conversion_time", lang).format(columns=comma.join(source.conversion_time)),
                          True))
        if source.deduplicated:
            lines.append(("  " + label("actuals_deduplicated", lang).format(columns=comma.join(source.deduplicated)),
                          True))
        if source.unfilled:
            # Why the column read yields no CTR or CVR, and no ‡: no row's cell is to blame (docs/actuals.md).
            lines.append(("  " + label("actuals_unfilled", lang).format(
                columns=comma.join(f"{name}={source.columns[name]}" for name in source.unfilled)), True))
        if source.ignored:
            lines.append(("  " + label("actuals_ignored", lang).format(columns=comma.join(source.ignored)), True))
        if source.skipped_totals:
            lines.append(("  " + label("actuals_source_totals", lang).format(labels=_totals(source.skipped_totals, lang)),
                          True))
        if source.skipped_notes:
            # A quoted note may hold line breaks: shown on one line, as JSON keeps it whole.
            notes = [label("actuals_note_item", lang).format(line=note.line, text=" ".join(note.text.split()))
                     for note in source.skipped_notes]
            lines.append(("  " + label("actuals_source_notes", lang).format(notes=_listed(notes, lang)), True))
        if source.parts:
            grain = grain_zh(source.grain) if lang == "zh" else rows_per(source.grain)
            lines.append(("  " + label("actuals_source_parts", lang).format(parts=counted(source.parts, "row", lang),
                                                                           grain=grain), True))
        if source.summed:
            lines.append(("  " + label("actuals_source_summed", lang).format(summed=counted(source.summed, "row", lang)), True))
        if source.skipped_sheets:
            sheets = [label("actuals_sheet_hidden" if sheet.hidden else "actuals_sheet_no_table", lang).format(
                sheet=listed_name(sheet.sheet)) for sheet in source.skipped_sheets]
            lines.append(("  " + label("actuals_sheets_skipped", lang).format(sheets=_listed(sheets, lang)), True))
    # A header a console wraps in its cell ("消耗\n(元)") reads on one line, as the cell shows it: each line is one.
    return [(re.sub(_LINE_BREAK, " ", line), detail) for line, detail in lines]


_LINE_BREAK = r"[ \t]*[\r\n\u2028\u2029]+[ \t]*"
"""A line break inside a header, with the spaces around it."""


TOTALS_LISTED = 5
"""Totals labels (and note lines) a line names; the others are counted."""


def _totals(skipped: tuple[SkippedTotals, ...], lang: str) -> str:
    """``合计 12,345.00 (3 rows), Total 5,000.00 (1 row)``: each label's rows, by label in order of appearance, its
    spend exact in either language (``exact``)."""
    by_label: dict[str, list[float]] = {}
    for item in skipped:
        sums = by_label.setdefault(item.label, [0, 0.0])
        sums[0] += item.rows
        sums[1] += item.spend
    # Meta's and Apple's totals row names no campaign (reader/exports/totals.py): its label is "" in JSON, and in
    # words a bracket that needs no space after it in Chinese.
    return _listed([label("actuals_totals_label" if name else "actuals_totals_unnamed", lang).format(
                        label=name, spend=exact(spend), rows=counted(int(rows), "row", lang))
                    for name, (rows, spend) in by_label.items()], lang)


def exact(amount: float) -> str:
    """An amount as the summary on stderr and the sources' lines write it, in English and Chinese alike: to the cent,
    thousands separated, never in 万 (a record of what an export held, greppable and checked against the console's
    own, where the tables round for reading)."""
    return fixed(amount, 2, separators=True)


def _listed(items: list[str], lang: str) -> str:
    """The first TOTALS_LISTED of ``items``, then how many more."""
    listed = label("list_separator", lang).join(items[:TOTALS_LISTED])
    more = len(items) - TOTALS_LISTED
    return label("actuals_totals_more", lang).format(items=listed, more=more) if more > 0 else listed


def _unit_note(header: str, unit: str, currency: str, comma: str) -> str:
    """`` (元)`` after a money column's header: its unit (the plan's currency by its code) unless the header states
    it in brackets, and the factor it was read with (÷100 for 分), the two joined by ``comma``, the language's list
    separator; nothing for counts and dates."""
    if unit in UNITLESS:
        return ""
    stated = header.rstrip().endswith((")", "）", "]", "】"))
    parts = ([] if stated else [currency if unit == PLAN_CURRENCY else unit]) + ([SCALED[unit]] if unit in SCALED else [])
    return f" ({comma.join(parts)})" if parts else ""


def actuals_summary(actuals: Actuals, style: NumberStyle) -> list[str]:
    """The lines for stderr: what was read (the rows summed into their campaign-day's, totals rows skipped with their
    spend, note lines skipped by their place, the last day and whether --through stated it) and how much spend no
    channel claimed. One line each, as every line on stderr is (a CI log or a pipe greps them whole), short enough
    for an 80-column terminal in the common cases, where one line of all of them ran past it."""
    lang = style.lang
    skipped = tuple(item for source in actuals.sources for item in source.skipped_totals)
    notes = [f"{source.file}:{note.line}" for source in actuals.sources for note in source.skipped_notes]
    hidden = hidden_sheets(actuals)
    read = sum(source.rows for source in actuals.sources)
    summed = sum(source.summed + source.parts for source in actuals.sources)
    return [
        label("actuals_summary", lang).format(
            rows=counted(read - summed, "row", lang), files=counted(len(actuals.sources), "export", lang),
            through=actuals.through, stated=" (--through)" if "through" in actuals.stated else ""),
        *([label("actuals_rows_summed", lang).format(read=read, summed=summed)] if summed else []),
        *([label("actuals_source_totals", lang).format(labels=_totals(skipped, lang))] if skipped else []),
        *([label("actuals_source_notes", lang).format(notes=_listed(notes, lang))] if notes else []),
        *(also_gbk_line(source.file, source.also_gbk, lang) for source in actuals.sources if source.also_gbk),
        *(not_utf8_line(source.file, source.not_utf8, lang) for source in actuals.sources if source.not_utf8),
        *(label("actuals_windows_1252", lang).format(file=source.file) for source in actuals.sources
          if source.windows_1252),
        # A hidden sheet may hold the rows the user meant: said where -q is not given, as a skipped totals row is.
        *([label("actuals_hidden_sheets", lang).format(sheets=_listed(hidden, lang))] if hidden else []),
        # "unmatched spend 0.00 in 0 campaigns" read as a finding; a run where every campaign has its channel says so.
        label("actuals_unmatched_summary", lang).format(spend=exact(sum(item.spend for item in actuals.unmatched)),
                                                        campaigns=counted(len(actuals.unmatched), "campaign", lang))
        if actuals.unmatched else label("actuals_all_matched", lang),
    ]


def hidden_sheets(actuals: Actuals) -> list[str]:
    """The hidden sheets of the workbooks read, each as a location names it (``book.xlsx[旧数据]``)."""
    return [sheet.place for source in actuals.sources for sheet in source.skipped_sheets if sheet.hidden]


def also_gbk_line(file: str, also_gbk: tuple[str, str], lang: str) -> str:
    """A file whose bytes read as UTF-8 and as GBK alike, read as UTF-8 with a campaign unmatched: what GBK reads."""
    return label("actuals_also_gbk", lang).format(file=file, name=repr(also_gbk[0]), gbk=repr(also_gbk[1]))


def not_utf8_line(file: str, not_utf8: NotUtf8, lang: str) -> str:
    """A file read as GBK for being no UTF-8 whose GBK reading is doubtful: its first such cell, as GBK and as
    Windows-1252 read it."""
    place = f"{file}:{not_utf8.line}:{not_utf8.column}"
    if not_utf8.windows_1252 is None:
        return label("actuals_not_utf8_gbk_only", lang).format(place=place, gbk=repr(not_utf8.gbk))
    return label("actuals_not_utf8", lang).format(place=place, gbk=repr(not_utf8.gbk), western=repr(not_utf8.windows_1252))


def reforecast_header(plan: str, actuals: Actuals, lang: str) -> str:
    """The comment line the re-forecast's file starts with: the plan, the past months it replaced (or that there is
    no whole month yet) and the exports' last day. The plan's name on that one line, its control characters and line
    breaks written out (``\\n``): a file named with a line break once broke the comment into a line of YAML."""
    plan = visible(plan)
    if not actuals.past_months:
        return label("actuals_reforecast_header_none", lang).format(plan=plan, through=actuals.through)
    return label("actuals_reforecast_header", lang).format(plan=plan, months=months_named(actuals.past_months, lang),
                                                           through=actuals.through)


def reforecast_caption(actuals: Actuals, written: str, lang: str) -> str:
    if not actuals.past_months:
        return label("actuals_reforecast_caption_none", lang).format(path=written)
    return label("actuals_reforecast_caption", lang).format(months=months_named(actuals.past_months, lang), path=written)


GAPS = {"through": ("actuals_gap_through", "actuals_gap_through_read", "actuals_gap_through_remedy"),
        "from": ("actuals_gap_from", "actuals_gap_from_read", "actuals_gap_from_remedy")}
GAP_CODES = {"through": "export_ends_early", "from": "export_starts_late"}


def gap_warning(gap: StatedGap, lang: str) -> list[str]:
    """Why an export whose rows fall well short of --through (--from) is read as spending nothing there: a line
    each for the rows' end, how the days past it are read and what to do instead, the last two indented under the
    first (the file's), so each fits an 80-column terminal as one line of all three did not."""
    return [label(key, lang).format(file=gap.file, row_day=gap.row_day, days=gap.days, stated=gap.stated)
            for key in GAPS[gap.end]]


def gap_message(gap: StatedGap) -> str:
    """The warning as one English sentence, JSON's ``message``: a field holds no lines."""
    return "; ".join(line.strip() for line in gap_warning(gap, "en"))


# --- JSON -------------------------------------------------------------------


def _side(measured: Measured) -> dict[str, float | None]:
    return {"spend": measured.spend, "users": measured.users, "cac": measured.cac, "ctr": measured.ctr,
            "cvr": measured.cvr, "revenue_per_user": measured.revenue_per_user}


def _deviation(deviation: Deviation | None) -> dict[str, Any] | None:
    if deviation is None:
        return None
    return {"path": deviation.path, "measure": deviation.measure, "plan": deviation.plan, "actual": deviation.actual,
            "ratio": deviation.ratio}


def actuals_json(actuals: Actuals, outlooks: tuple[Outlook, Outlook] | None = None) -> dict[str, Any]:
    """The JSON of issue 23; each block's extra keys after the issue's."""
    data: dict[str, Any] = {
        "scenario": actuals.scenario,
        "through": actuals.through_label,
        "sources": [{"file": source.file, "platform": source.platform, "rows": source.rows, "columns": source.columns,
                     "units": source.units, "time_basis": source.time_basis, "ignored": list(source.ignored),
                     "unfilled": list(source.unfilled),
                     "totals": source.totals, "currency": source.currency,
                     "conversion_time": list(source.conversion_time), "deduplicated": list(source.deduplicated),
                     "skipped_totals": [{"label": item.label, "rows": item.rows, "spend": item.spend, "line": item.line}
                                        for item in source.skipped_totals],
                     "skipped_notes": [{"line": note.line, "text": note.text} for note in source.skipped_notes],
                     "summed": source.summed, "grain": list(source.grain), "parts": source.parts,
                     "skipped_sheets": [{"sheet": sheet.sheet, "hidden": sheet.hidden} for sheet in source.skipped_sheets]}
                    for source in actuals.sources],
        "channels": [{
            "name": channel.name,
            "path": channel.path,
            "months": [{"month": month.month, "label": month.label, "partial": month.partial,
                        "plan": _side(month.plan), "actual": _side(month.actual), "percentile": month.percentile,
                        "covered": month.covered, "flagged": list(month.flagged),
                        "not_reported": [{"metric": row.metric, "file": row.file, "line": row.line,
                                          "column": row.column, "header": row.header} for row in month.not_reported]}
                       for month in channel.months],
            "type": channel.type,
            "rows": channel.matched_rows,
            "furthest": _deviation(channel.furthest),
        } for channel in actuals.channels],
        "unmatched": [{"file": item.file, "campaign": item.campaign, "spend": item.spend} for item in actuals.unmatched],
        "through_date": actuals.through.isoformat(),
        "coverage": {"from": actuals.first_day.isoformat() if actuals.first_day else None,
                     "through": actuals.through.isoformat(), "stated": list(actuals.stated)},
        "samples": actuals.samples,
        "seed": actuals.seed,
        "warnings": [*({"code": GAP_CODES[gap.end], "file": gap.file, "row_day": gap.row_day.isoformat(),
                        "stated": gap.stated.isoformat(), "days": gap.days, "message": gap_message(gap)}
                       for gap in actuals.gaps),
                     # The summary's line on stderr, which -q drops and a JSON reader never sees.
                     *({"code": "also_gbk", "file": source.file, "campaign": source.also_gbk[0],
                        "gbk": source.also_gbk[1], "message": also_gbk_line(source.file, source.also_gbk, "en")}
                       for source in actuals.sources if source.also_gbk),
                     *({"code": "not_utf8", "file": source.file, "line": source.not_utf8.line,
                        "column": source.not_utf8.column, "gbk": source.not_utf8.gbk,
                        "windows_1252": source.not_utf8.windows_1252,
                        "message": not_utf8_line(source.file, source.not_utf8, "en")}
                       for source in actuals.sources if source.not_utf8),
                     *({"code": "windows_1252", "file": source.file,
                        "message": label("actuals_windows_1252", "en").format(file=source.file)}
                       for source in actuals.sources if source.windows_1252),
                     *({"code": "hidden_sheet", "file": place,
                        "message": label("actuals_hidden_sheets", "en").format(sheets=place)}
                       for place in hidden_sheets(actuals))],
    }
    if outlooks is not None:
        data["reforecast"] = {name: _outlook(outlook) for name, outlook in zip(("plan", "reforecast"), outlooks, strict=True)}
    return data


def _outlook_label(key: str, outlook: Outlook, lang: str) -> str:
    """An outlook row's label; the chance of payback's names the months it counts (present/payback_window.py)."""
    window = outlook.payback_window
    return label(key, lang).format(months=window.months, beyond=within_note(window, lang))


def _outlook(outlook: Outlook) -> dict[str, Any]:
    return {"npv": outlook.npv, "payback_month": outlook.payback_month, "peak_cash_need": outlook.peak_cash_need,
            "payback_probability": outlook.payback_probability, "payback_target_months": outlook.payback_window.target,
            "payback_within_months": outlook.payback_window.months}


# --- CSV and markdown rows --------------------------------------------------

ROW_HEADER = ["channel", "month", "label", "partial", "plan_spend", "actual_spend", "plan_users", "actual_users",
              "plan_cac", "actual_cac", "percentile_spend", "percentile_users", "percentile_cac", "plan_ctr", "actual_ctr",
              "plan_cvr", "actual_cvr", "plan_revenue_per_user", "actual_revenue_per_user", "not_reported"]
"""The markdown's columns; CSV and xlsx have the channel's path after its name, and the share of the month's days
its exports cover last (CSV_HEADER)."""
CSV_HEADER = [ROW_HEADER[0], "path", *ROW_HEADER[1:], "covered"]
"""Two channels may share a name: the path, as run's CSV and actuals' JSON have it, tells their rows apart. A month
its exports do not reach has ``covered`` 0 (the markdown's †), where ``partial`` alone reads as a month begun."""


def actuals_rows(actuals: Actuals, style: NumberStyle | None = None) -> Rows:
    """One row per channel and month; raw numbers and each channel's path without ``style`` (CSV), formatted with it
    and the names alone (markdown, read by people), two channels of one name by their paths too (``row_name``)."""
    rows: list[list[Any]] = []
    for channel in actuals.channels:
        for month in channel.months:
            plan, actual, rank = month.plan, month.actual, month.percentile
            name = channel.name if style is None else actuals.row_name(channel)
            cells: list[Any] = [name, month.month, month.label, month.partial, plan.spend, actual.spend,
                                plan.users, actual.users, plan.cac, actual.cac, rank["spend"], rank["users"], rank["cac"],
                                plan.ctr, actual.ctr, plan.cvr, actual.cvr, plan.revenue_per_user,
                                actual.revenue_per_user, " ".join(row.metric for row in month.not_reported)]
            if style is not None:
                cells[3] = _mark(month)
                cells[4:6] = [style.money(value, 0) for value in cells[4:6]]
                cells[6:8] = [style.count(value) for value in cells[6:8]]
                cells[8:10] = [style.money(value) for value in cells[8:10]]
                cells[10:13] = [_rank(month, name) for name in PERCENTILE_METRICS]
                cells[13:17] = [style.percent(value) for value in cells[13:17]]
                cells[17:19] = [style.money(value) for value in cells[17:19]]
                cells[19] = _not_reported_words(month, style.lang)
            rows.append(cells if style is not None else [cells[0], channel.path, *cells[1:], month.covered])
    return (ROW_HEADER if style is not None else CSV_HEADER), rows


def _not_reported_words(month: ChannelMonth, lang: str) -> str:
    """The metrics a row left unreported as the terminal's note names them (新增用户、展示数), not the CSV's keys."""
    return label("list_separator", lang).join(label(METRICS[row.metric], lang) for row in month.not_reported)


def actuals_workbook(actuals: Actuals, currency: str, lang: str = "en", outlooks: tuple[Outlook, Outlook] | None = None) -> bytes:
    """``--format xlsx``: sheet ``actuals`` (the CSV's rows, each column in its number format, headers as the markdown
    names them, money with the currency, and a note on each row of the days covered, as the terminal's line above
    the tables says them), ``unmatched`` and, with ``--reforecast``, ``reforecast``: numbers a formula can use,
    sheets and headers in ``lang`` as run's workbook has them."""
    from aigc_roi.present import workbook as xlsx

    formats = {"month": xlsx.MONTH, "label": xlsx.DATE, "plan_spend": xlsx.MONEY, "actual_spend": xlsx.MONEY, "plan_users": xlsx.WHOLE,
               "actual_users": xlsx.WHOLE, "plan_cac": xlsx.MONEY_CENTS, "actual_cac": xlsx.MONEY_CENTS,
               "percentile_spend": "0", "percentile_users": "0", "percentile_cac": "0", "plan_ctr": xlsx.PERCENT,
               "actual_ctr": xlsx.PERCENT, "plan_cvr": xlsx.PERCENT, "actual_cvr": xlsx.PERCENT,
               "plan_revenue_per_user": xlsx.MONEY_CENTS, "actual_revenue_per_user": xlsx.MONEY_CENTS,
               "covered": xlsx.PERCENT}
    money = {"plan_spend", "actual_spend", "plan_cac", "actual_cac", "plan_revenue_per_user", "actual_revenue_per_user"}
    header, rows = actuals_rows(actuals)
    months = [month for channel in actuals.channels for month in channel.months]
    at = header.index("label")
    reported = header.index("not_reported")
    for row, month in zip(rows, months, strict=True):
        # A real date, as run's months sheet has it (actuals needs start, so every label is a calendar month).
        row[at] = xlsx.month_date(month.label)
        row[reported] = _not_reported_words(month, lang)
    columns = [xlsx.Column(f"{word} ({currency})" if key in money else word, formats.get(key))
               for key, word in zip(header, _header_words(header, lang), strict=True)]
    # On every row, as a filter or a sort keeps it with the numbers it qualifies: the days their actuals sum, each
    # channel's own (one export may end before another's).
    notes = [channel_coverage_line(actuals, channel, lang) for channel in actuals.channels for _ in channel.months]
    sheets = [xlsx.Sheet(label("sheet_actuals", lang), [*columns, xlsx.Column(label("note", lang))],
                         [[*row, note] for row, note in zip(rows, notes, strict=True)]),
              xlsx.Sheet(label("sheet_unmatched", lang),
                         [xlsx.Column(label("actuals_file", lang)), xlsx.Column(label("actuals_campaign", lang)),
                          xlsx.Column(f"{label('actuals_spend', lang)} ({currency})", xlsx.MONEY_CENTS)],
                         [[item.file, _campaign(item, lang), item.spend] for item in actuals.unmatched])]
    if outlooks is not None:
        sheets.append(_reforecast_sheet(outlooks, lang))
    return xlsx.sheets_bytes(sheets)


OUTLOOK_FIGURES = {"npv": "actuals_npv", "payback_month": "actuals_payback_month", "peak_cash_need": "actuals_peak_cash_need",
                   "payback_probability": "actuals_payback_probability"}
"""The figures of an outlook and their row labels."""


def _reforecast_sheet(outlooks: tuple[Outlook, Outlook], lang: str) -> Sheet:
    """The plan's and the re-forecast's outlook: one row per figure in the figure's number format, a payback that
    never comes said in a note."""
    from aigc_roi.present import workbook as xlsx

    sides = [_outlook(outlook) for outlook in outlooks]
    names = (label("actuals_plan", lang), label("actuals_re", lang))
    rows = []
    for name, row_label in OUTLOOK_FIGURES.items():
        never = [label("scenario_note", lang).format(name=side_name, reason=label("actuals_never", lang))
                 for side_name, side in zip(names, sides, strict=True) if side[name] is None]
        rows.append([_outlook_label(row_label, outlooks[0], lang),
                     *(side[name] for side in sides), label("notes_separator", lang).join(never) or None])
    columns = [xlsx.Column(label("actuals_figure", lang)), *(xlsx.Column(side_name) for side_name in names),
               xlsx.Column(label("note", lang))]
    return xlsx.Sheet(label("sheet_reforecast", lang), columns, rows, [xlsx.figure_format(name) for name in OUTLOOK_FIGURES],
                      value_columns=(1, 2))


def _rank(month: ChannelMonth, name: str) -> str:
    value = month.percentile[name]
    if value is None:
        return NONE
    return f"P{fixed(value, 0)}{'!' if name in month.flagged else ''}"


def actuals_markdown(actuals: Actuals, style: NumberStyle, outlooks: tuple[Outlook, Outlook] | None = None) -> str:
    lang = style.lang
    # The currency closes the title, as the terminal's table of each channel states it.
    title = (f"{label('actuals_title', lang)} · {actuals.scenario} · "
             f"{label('actuals_through', lang).format(date=actuals.through)}" + bracketed(style.currency, lang))
    _, rows = actuals_rows(actuals, style)
    # The column holds every month mark (*, †, ‡), not only a partial month's: its header and legend say so.
    header = [label("actuals_mark", lang) if key == "partial" else word
              for key, word in zip(ROW_HEADER, _header_words(ROW_HEADER, lang), strict=True)]
    # Each line's names (a channel's, a file's) shown as written, as the tables' cells are (markdown_text).
    legend = [f"- {markdown_text(actuals.row_name(channel))}: {markdown_text(line)}"
              for channel in actuals.channels for line in mark_lines(channel, lang)]
    if any(month.flagged for channel in actuals.channels for month in channel.months):
        legend.append(f"- {markdown_text(flag_line(actuals, lang))}")
    parts = [to_markdown((header, rows), title, text_columns=4), *(["\n".join(legend) + "\n"] if legend else []),
             "\n".join(f"- {markdown_text(line.strip())}" for line, _ in source_lines(actuals, style)) + "\n"]
    for channel in actuals.channels:
        if channel.furthest is not None:
            parts.append(f"- {markdown_text(actuals.row_name(channel))}: "
                         f"{markdown_text(_furthest(channel.furthest, style))}\n")
    if actuals.unmatched:
        parts.append(to_markdown(_unmatched_rows(actuals, style), in_currency("actuals_unmatched", style), text_columns=2))
    if outlooks is not None:
        parts.append(to_markdown(_outlook_rows(outlooks, style), in_currency("actuals_reforecast", style)))
    return "\n".join(parts)


def in_currency(key: str, style: NumberStyle) -> str:
    """A sub-table's title closed by the currency, as the main table's: unmatched spend is money, and the
    re-forecast's rows hold NPV and the peak cash need."""
    return label(key, style.lang) + bracketed(style.currency, style.lang)


def _header_words(header: list[str], lang: str) -> list[str]:
    """ROW_HEADER or CSV_HEADER in words: a side's name after the metric's ("Spend plan"), rates and ranks by their
    labels."""
    words = []
    for key in header:
        side, _, metric = key.partition("_")
        if side in ("plan", "actual") and metric:
            words.append(f"{label(WORDS[metric], lang)} {label(WORDS[side], lang)}")
        elif key == "percentile_cac":
            words.append(label("actuals_percentile", lang))
        else:
            words.append(label(WORDS[key], lang))
    return words


def _unmatched_rows(actuals: Actuals, style: NumberStyle) -> Rows:
    lang = style.lang
    return ([label("actuals_file", lang), label("actuals_campaign", lang), label("actuals_spend", lang)],
            [[item.file, _campaign(item, lang), style.money(item.spend)] for item in actuals.unmatched])


def _campaign(item: Unmatched, lang: str) -> str:
    """The campaign unmatched spend is listed under; rows whose name and id were dashes (a console's row of no
    campaign) are listed together, as none (JSON: an empty name)."""
    return item.campaign or label("actuals_no_campaign", lang)


def _outlook_rows(outlooks: tuple[Outlook, Outlook], style: NumberStyle) -> Rows:
    lang = style.lang
    plan, re = outlooks
    never = label("actuals_never", lang)
    rows = [
        [label("actuals_npv", lang), style.money(plan.npv, 0), style.money(re.npv, 0)],
        [label("actuals_payback_month", lang), style.month(plan.payback_month, never), style.month(re.payback_month, never)],
        [label("actuals_peak_cash_need", lang), style.money(plan.peak_cash_need, 0), style.money(re.peak_cash_need, 0)],
        [_outlook_label("actuals_payback_probability", plan, lang),
         style.percent(plan.payback_probability), style.percent(re.payback_probability)],
    ]
    return [label("actuals_figure", lang), label("actuals_plan", lang), label("actuals_re", lang)], rows


def _furthest(deviation: Deviation, style: NumberStyle) -> str:
    def value(number: float, extra: int) -> str:
        if deviation.measure in ("ctr", "cvr"):
            return style.percent(number, 2 + extra)
        if deviation.measure in ("users", "impressions"):
            return style.count(number, extra)
        return style.money(number, (4 if deviation.measure == "users_per_spend" else 2) + extra)

    measure = priced(label(MEASURES[deviation.measure], style.lang), style.currency, style.lang)
    plan, actual = told_apart(value, deviation.plan, deviation.actual, 0)
    return label("actuals_furthest", style.lang).format(path=deviation.named_path or deviation.path, measure=measure,
                                                  plan=plan, actual=actual, ratio=fixed(deviation.ratio, 2))


@dataclass(frozen=True)
class ActualsPresenter(Presenter[Actuals]):
    """``actuals`` in every format; with ``--reforecast``, the plan's and the re-forecast's outlooks below and the
    file it was written to (``written``)."""

    style: NumberStyle
    outlooks: tuple[Outlook, Outlook] | None = None
    written: str = ""

    def data(self, result: Actuals) -> dict[str, Any]:
        # A source's currency is what its export states (null for a generic CSV); the amounts are the plan's.
        return {**actuals_json(result, self.outlooks), "currency": self.style.currency}

    def rows(self, result: Actuals) -> Rows:
        """The CSV, ``currency`` on every row: each holds the channel-month's spend and CAC."""
        return with_currency(actuals_rows(result), self.style.currency)

    def markdown(self, result: Actuals) -> str:
        return actuals_markdown(result, self.style, self.outlooks)

    def view(self, result: Actuals) -> list[RenderableType]:
        from aigc_roi.present.actuals_view import actuals_view  # Rich loads only for the terminal's view

        return actuals_view(result, self.style, self.outlooks, self.written)

    def workbook(self, result: Actuals) -> bytes:
        return actuals_workbook(result, self.style.currency, self.style.lang, self.outlooks)
