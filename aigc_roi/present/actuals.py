"""`actuals` results as text: the Rich view, JSON, CSV rows and markdown. Returns objects; the CLI prints them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text

from aigc_roi.present.layout import Column, Fitted, fixed_table, table_or_blocks
from aigc_roi.present.numbers import NONE, NumberStyle
from aigc_roi.present.presenter import Presenter
from aigc_roi.present.tables import Table as Rows
from aigc_roi.present.tables import to_markdown
from aigc_roi.whatif.actuals import (
    FLAG_HIGH,
    FLAG_LOW,
    PERCENTILE_METRICS,
    Actuals,
    ChannelActuals,
    ChannelMonth,
    Deviation,
    Measured,
)
from aigc_roi.whatif.reforecast import Outlook

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Plan vs actual", "through": "exports through {date}", "month": "Month", "spend": "Spend",
        "users": "New users", "cac": "CAC", "ctr": "CTR", "cvr": "CVR", "revenue_per_user": "Early rev./user",
        "plan": "plan", "actual": "actual", "percentile": "P(CAC)", "partial": "* partial month: {days}",
        "flag_caption": "! outside the plan's P{low:g}–P{high:g} (percentile among {samples:,} draws, seed {seed})",
        "furthest": "Furthest off: {path} ({measure}) plan {plan}, actual {actual} (×{ratio})",
        "no_rows": "no export row matched this channel", "sources": "Exports read",
        "source_line": "{file}: {platform}, {rows:,} rows; columns {columns}",
        "time_basis": "time basis: {basis}", "ignored": "ignored: {columns}",
        "unmatched": "Unmatched spend (no channel's match)", "campaign": "Campaign", "file": "File",
        "reforecast": "Plan vs re-forecast", "figure": "Figure", "re": "re-forecast",
        "npv": "NPV", "payback_month": "Payback month", "peak_cash_need": "Peak cash need",
        "payback_probability": "P(payback ≤ {months} months)", "never": "never",
        "reforecast_caption": "past months {months} as exported; written to {path}",
        "of_days": "{share:.0%} of its days",
        "channel": "Channel", "label": "Label", "partial_mark": "Partial", "percentile_spend": "P(spend)",
        "percentile_users": "P(users)",
        "summary": "{rows:,} rows from {files} export(s) through {through}; unmatched spend {spend} in {campaigns} campaign(s)",
    },
    "zh": {
        "title": "计划与实际", "through": "报表截至 {date}", "month": "月份", "spend": "花费",
        "users": "新增用户", "cac": "获客成本", "ctr": "点击率", "cvr": "转化率", "revenue_per_user": "新客早期收入",
        "plan": "计划", "actual": "实际", "percentile": "CAC 分位", "partial": "* 不完整月份：{days}",
        "flag_caption": "! 超出计划的 P{low:g}–P{high:g}（在 {samples:,} 次抽样中的分位，种子 {seed}）",
        "furthest": "偏差最大：{path}（{measure}）计划 {plan}，实际 {actual}（×{ratio}）",
        "no_rows": "没有报表行匹配此渠道", "sources": "已读取的报表",
        "source_line": "{file}：{platform}，{rows:,} 行；使用列 {columns}",
        "time_basis": "时间口径：{basis}", "ignored": "未使用：{columns}",
        "unmatched": "未匹配的花费（不属于任何渠道的 match）", "campaign": "计划", "file": "文件",
        "reforecast": "计划与重新预测", "figure": "指标", "re": "重新预测",
        "npv": "净现值 (NPV)", "payback_month": "回本月份", "peak_cash_need": "峰值资金需求",
        "payback_probability": "{months} 个月内回本的概率", "never": "未回本",
        "reforecast_caption": "过去的月份 {months} 按报表实际；已写入 {path}",
        "of_days": "覆盖其 {share:.0%} 的天数",
        "channel": "渠道", "label": "标签", "partial_mark": "不完整", "percentile_spend": "花费分位",
        "percentile_users": "新增分位",
        "summary": "{files} 个报表共 {rows:,} 行，截至 {through}；{campaigns} 个计划未匹配，花费 {spend}",
        "measure_cac": "获客成本", "measure_spend": "花费", "measure_users": "新增用户", "measure_impressions": "展示数",
        "measure_cpm": "千次展示成本", "measure_ctr": "点击率", "measure_cvr": "转化率", "measure_users_per_spend": "每元新增用户",
    },
}


UNITLESS = ("count", "date", "text")

TIME_BASIS_ZH: dict[str, str] = {
    "oceanengine_api": "stat_time_day：广告投放当天（按报告时间）；转化计入当天",
    "oceanengine_console": "日期：投放当天（按报告时间），除非报表设为按转化时间",
    "tencent_api": "date：广告投放当天（按报告时间）",
    "tencent_console": "日期：投放当天（按报告时间），除非报表设为按转化时间",
    "kuaishou_api": "stat_date：投放当天（按报告时间）",
    "generic": "date：以文件作者所写为准（docs/actuals.md 要求写花费发生的日期）",
}
"""Each shape's time basis (口径) in Chinese; the reader states it in English (reader/exports/platforms.py)."""


def text_of(key: str, lang: str) -> str:
    """The command's own words in ``lang``; a key either language lacks is a bug and raises KeyError, as
    present/labels.py's do (tests/test_actuals.py holds both languages to the same keys)."""
    return LABELS[lang][key]


def actuals_summary(actuals: Actuals, style: NumberStyle) -> str:
    """The one line for stderr: what was read and how much spend no channel claimed."""
    return text_of("summary", style.lang).format(
        rows=sum(source.rows for source in actuals.sources), files=len(actuals.sources), through=actuals.through,
        spend=style.money(sum(item.spend for item in actuals.unmatched)), campaigns=len(actuals.unmatched))


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
                     "units": source.units, "time_basis": source.time_basis, "ignored": list(source.ignored)}
                    for source in actuals.sources],
        "channels": [{
            "name": channel.name,
            "months": [{"month": month.month, "label": month.label, "partial": month.partial,
                        "plan": _side(month.plan), "actual": _side(month.actual), "percentile": month.percentile,
                        "covered": month.covered, "flagged": list(month.flagged)} for month in channel.months],
            "type": channel.type,
            "rows": channel.matched_rows,
            "furthest": _deviation(channel.furthest),
        } for channel in actuals.channels],
        "unmatched": [{"file": item.file, "campaign": item.campaign, "spend": item.spend} for item in actuals.unmatched],
        "through_date": actuals.through.isoformat(),
        "samples": actuals.samples,
        "seed": actuals.seed,
    }
    if outlooks is not None:
        data["reforecast"] = {name: _outlook(outlook) for name, outlook in zip(("plan", "reforecast"), outlooks, strict=True)}
    return data


def _outlook(outlook: Outlook) -> dict[str, Any]:
    return {"npv": outlook.npv, "payback_month": outlook.payback_month, "peak_cash_need": outlook.peak_cash_need,
            "payback_probability": outlook.payback_probability, "payback_target_months": outlook.payback_target_months}


# --- CSV and markdown rows --------------------------------------------------

ROW_HEADER = ["channel", "month", "label", "partial", "plan_spend", "actual_spend", "plan_users", "actual_users",
              "plan_cac", "actual_cac", "percentile_spend", "percentile_users", "percentile_cac", "actual_ctr",
              "actual_cvr", "actual_revenue_per_user"]


def actuals_rows(actuals: Actuals, style: NumberStyle | None = None) -> Rows:
    """One row per channel and month; raw numbers without ``style`` (CSV), formatted with it (markdown)."""
    rows: list[list[Any]] = []
    for channel in actuals.channels:
        for month in channel.months:
            plan, actual, rank = month.plan, month.actual, month.percentile
            cells: list[Any] = [channel.name, month.month, month.label, month.partial, plan.spend, actual.spend,
                                plan.users, actual.users, plan.cac, actual.cac, rank["spend"], rank["users"], rank["cac"],
                                actual.ctr, actual.cvr, actual.revenue_per_user]
            if style is not None:
                cells[3] = "*" if month.partial else ""
                cells[4:6] = [style.money(value, 0) for value in cells[4:6]]
                cells[6:8] = [style.count(value) for value in cells[6:8]]
                cells[8:10] = [style.money(value) for value in cells[8:10]]
                cells[10:13] = [_rank(month, name) for name in PERCENTILE_METRICS]
                cells[13:15] = [style.percent(value) for value in cells[13:15]]
                cells[15] = style.money(cells[15])
            rows.append(cells)
    return ROW_HEADER, rows


def actuals_workbook(actuals: Actuals, currency: str, outlooks: tuple[Outlook, Outlook] | None = None) -> bytes:
    """``--format xlsx``: sheet ``actuals`` (the CSV's rows, each column in its number format, money headers with the
    currency), ``unmatched`` and, with ``--reforecast``, ``reforecast``: numbers a formula can use."""
    from aigc_roi.present import workbook as xlsx

    formats = {"month": xlsx.MONTH, "plan_spend": xlsx.MONEY, "actual_spend": xlsx.MONEY, "plan_users": xlsx.WHOLE,
               "actual_users": xlsx.WHOLE, "plan_cac": xlsx.MONEY_CENTS, "actual_cac": xlsx.MONEY_CENTS,
               "percentile_spend": "0", "percentile_users": "0", "percentile_cac": "0", "actual_ctr": xlsx.PERCENT,
               "actual_cvr": xlsx.PERCENT, "actual_revenue_per_user": xlsx.MONEY_CENTS}
    money = {"plan_spend", "actual_spend", "plan_cac", "actual_cac", "actual_revenue_per_user"}
    header, rows = actuals_rows(actuals)
    columns = [xlsx.Column(f"{name} ({currency})" if name in money else name, formats.get(name)) for name in header]
    sheets = [("actuals", columns, rows),
              ("unmatched", [xlsx.Column("file"), xlsx.Column("campaign"), xlsx.Column(f"spend ({currency})", xlsx.MONEY_CENTS)],
               [[item.file, item.campaign, item.spend] for item in actuals.unmatched])]
    if outlooks is not None:
        names = ("npv", "payback_month", "peak_cash_need", "payback_probability")
        plan, forecast = (_outlook(outlook) for outlook in outlooks)
        sheets.append(("reforecast", [xlsx.Column("figure"), xlsx.Column("plan", xlsx.GENERAL), xlsx.Column("reforecast", xlsx.GENERAL)],
                       [[name, plan[name], forecast[name]] for name in names]))
    return xlsx.sheets_bytes(sheets)


def _rank(month: ChannelMonth, name: str) -> str:
    value = month.percentile[name]
    if value is None:
        return NONE
    return f"P{value:.0f}{'!' if name in month.flagged else ''}"


def actuals_markdown(actuals: Actuals, style: NumberStyle, outlooks: tuple[Outlook, Outlook] | None = None) -> str:
    lang = style.lang
    title = f"{text_of('title', lang)} · {actuals.scenario} · {text_of('through', lang).format(date=actuals.through)}"
    _, rows = actuals_rows(actuals, style)
    parts = [to_markdown((_markdown_header(lang), rows), title, text_columns=3),
             "\n".join(f"- {line.plain.strip()}" for line in _source_lines(actuals, lang)) + "\n"]
    for channel in actuals.channels:
        if channel.furthest is not None:
            parts.append(f"- {channel.name}: {_furthest(channel.furthest, style)}\n")
    if actuals.unmatched:
        parts.append(to_markdown(_unmatched_rows(actuals, style), text_of("unmatched", lang), text_columns=2))
    if outlooks is not None:
        parts.append(to_markdown(_outlook_rows(outlooks, style), text_of("reforecast", lang)))
    return "\n".join(parts)


def _markdown_header(lang: str) -> list[str]:
    """ROW_HEADER in words: a side's name after the metric's ("Spend plan"), rates and ranks by their labels."""
    words = []
    for key in ROW_HEADER:
        side, _, metric = key.partition("_")
        if side in ("plan", "actual") and metric:
            words.append(f"{text_of(metric, lang)} {text_of(side, lang)}")
        elif key == "percentile_cac":
            words.append(text_of("percentile", lang))
        else:
            words.append(text_of({"month": "month", "partial": "partial_mark"}.get(key, key), lang))
    return words


def _unmatched_rows(actuals: Actuals, style: NumberStyle) -> Rows:
    lang = style.lang
    return ([text_of("file", lang), text_of("campaign", lang), text_of("spend", lang)],
            [[item.file, item.campaign, style.money(item.spend)] for item in actuals.unmatched])


def _outlook_rows(outlooks: tuple[Outlook, Outlook], style: NumberStyle) -> Rows:
    lang = style.lang
    plan, re = outlooks
    never = text_of("never", lang)
    rows = [
        [text_of("npv", lang), style.money(plan.npv, 0), style.money(re.npv, 0)],
        [text_of("payback_month", lang), style.month(plan.payback_month, never), style.month(re.payback_month, never)],
        [text_of("peak_cash_need", lang), style.money(plan.peak_cash_need, 0), style.money(re.peak_cash_need, 0)],
        [text_of("payback_probability", lang).format(months=plan.payback_target_months),
         style.percent(plan.payback_probability), style.percent(re.payback_probability)],
    ]
    return [text_of("figure", lang), text_of("plan", lang), text_of("re", lang)], rows


def _furthest(deviation: Deviation, style: NumberStyle) -> str:
    def value(number: float) -> str:
        if deviation.measure in ("ctr", "cvr"):
            return style.percent(number)
        if deviation.measure in ("users", "impressions"):
            return style.count(number)
        return style.money(number, 4 if deviation.measure == "users_per_spend" else 2)

    measure = LABELS["zh"][f"measure_{deviation.measure}"] if style.lang == "zh" else deviation.measure
    return text_of("furthest", style.lang).format(path=deviation.path, measure=measure, plan=value(deviation.plan),
                                                  actual=value(deviation.actual), ratio=f"{deviation.ratio:.2f}")


# --- Rich view --------------------------------------------------------------


def actuals_view(actuals: Actuals, style: NumberStyle, outlooks: tuple[Outlook, Outlook] | None = None,
                 written: str = "") -> list[RenderableType]:
    """Sources, then one table per channel, unmatched spend, and the re-forecast's figures when asked."""
    lang = style.lang
    parts: list[RenderableType] = [_sources_view(actuals, lang)]
    parts += [_channel_view(actuals, channel, style) for channel in actuals.channels]
    if actuals.unmatched:
        header, rows = _unmatched_rows(actuals, style)
        columns = [Column(header[1], [Text(row[1]) for row in rows], numeric=False),
                   Column(header[0], [Text(row[0]) for row in rows], numeric=False),
                   Column(header[2], [Text(row[2]) for row in rows])]
        parts.append(table_or_blocks(columns, text_of("unmatched", lang), ""))
    if outlooks is not None:
        header, rows = _outlook_rows(outlooks, style)
        months = ", ".join(str(month) for month in _past(actuals))
        columns = [Column(header[0], [Text(row[0]) for row in rows], numeric=False)] + [
            Column(header[i], [Text(row[i]) for row in rows]) for i in (1, 2)]
        caption = text_of("reforecast_caption", lang).format(months=months, path=written)
        parts.append(table_or_blocks(columns, text_of("reforecast", lang), caption))
    return parts


def _past(actuals: Actuals) -> list[int]:
    return [month for month in actuals.month_numbers if actuals.coverage[month] >= 1.0]


def _sources_view(actuals: Actuals, lang: str) -> RenderableType:
    return Group(Text(text_of("sources", lang), style="bold"), *_source_lines(actuals, lang))


def _source_lines(actuals: Actuals, lang: str) -> list[Text]:
    """Per export: its shape, rows and the columns used (money with its unit), its time basis and what was ignored."""
    lines = []
    for source in actuals.sources:
        # Units only where they are the question: money (元, 分 or the plan's currency); counts and dates are plain.
        columns = ", ".join(f"{name}={header}" + (f" ({source.units[name]})" if source.units[name] not in UNITLESS else "")
                            for name, header in source.columns.items())
        lines.append(Text(text_of("source_line", lang).format(file=source.file, platform=source.platform, rows=source.rows,
                                                             columns=columns)))
        basis = TIME_BASIS_ZH.get(source.platform, source.time_basis) if lang == "zh" else source.time_basis
        lines.append(Text("  " + text_of("time_basis", lang).format(basis=basis), style="dim"))
        if source.ignored:
            lines.append(Text("  " + text_of("ignored", lang).format(columns=", ".join(source.ignored)), style="dim"))
    return lines


def _channel_view(actuals: Actuals, channel: ChannelActuals, style: NumberStyle) -> RenderableType:
    lang = style.lang
    months = channel.months

    def pair(name: str, month: ChannelMonth, format_: Any) -> tuple[Text, Text]:
        actual = getattr(month.actual, name)
        flagged = name in month.flagged
        return Text(format_(getattr(month.plan, name))), Text(format_(actual) + ("!" if flagged else ""),
                                                             style="red" if flagged else "")

    columns = [Column(text_of("month", lang), [Text(month.label + ("*" if month.partial else "")) for month in months],
                      numeric=False)]
    for name, format_ in (("spend", lambda value: style.money(value, 0)), ("users", style.count), ("cac", style.money)):
        cells = [pair(name, month, format_) for month in months]
        columns += [Column(f"{text_of(name, lang)} {text_of('plan', lang)}", [cell[0] for cell in cells]),
                    Column(f"{text_of(name, lang)} {text_of('actual', lang)}", [cell[1] for cell in cells])]
    columns.append(Column(text_of("percentile", lang), [Text(_rank(month, "cac")) for month in months]))
    rates = []
    for name in ("ctr", "cvr"):
        values = [getattr(month.actual, name) for month in months]
        if any(value is not None for value in values):
            rates.append(Column(text_of(name, lang), [Text(style.percent(value)) for value in values]))
    captions = []
    partial = [month for month in months if month.partial]
    if partial:
        days = ", ".join(f"{month.label} {text_of('of_days', lang).format(share=month.covered)}" for month in partial)
        captions.append(text_of("partial", lang).format(days=days))
    if any(month.flagged for month in months):
        captions.append(text_of("flag_caption", lang).format(low=FLAG_LOW, high=FLAG_HIGH, samples=actuals.samples,
                                                             seed=actuals.seed))
    if channel.furthest is not None:
        captions.append(_furthest(channel.furthest, style))
    elif channel.matched_rows == 0:
        captions.append(text_of("no_rows", lang))
    title = f"{channel.name} · {text_of('title', lang)} ({style.currency})"
    return Group(_widest_that_fits(columns + rates, columns, title), *(Text(caption) for caption in captions))


def _widest_that_fits(full: list[Column], core: list[Column], title: str) -> Fitted:
    """Every column; else without CTR and CVR; else one block per month."""

    def build(width: int) -> RenderableType:
        for columns in (full, core):
            fitted = fixed_table(columns, width, title=title, title_justify="left")
            if fitted is not None:
                return fitted
        return table_or_blocks(full, title, "").build(width)

    return Fitted(build)


@dataclass(frozen=True)
class ActualsPresenter(Presenter[Actuals]):
    """``actuals`` in every format; with ``--reforecast``, the plan's and the re-forecast's outlooks below and the
    file it was written to (``written``)."""

    style: NumberStyle
    outlooks: tuple[Outlook, Outlook] | None = None
    written: str = ""

    def data(self, result: Actuals) -> dict[str, Any]:
        return actuals_json(result, self.outlooks)

    def rows(self, result: Actuals) -> Rows:
        return actuals_rows(result)

    def markdown(self, result: Actuals) -> str:
        return actuals_markdown(result, self.style, self.outlooks)

    def view(self, result: Actuals) -> list[RenderableType]:
        return actuals_view(result, self.style, self.outlooks, self.written)

    def workbook(self, result: Actuals) -> bytes:
        return actuals_workbook(result, self.style.currency, self.outlooks)
