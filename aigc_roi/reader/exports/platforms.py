"""The export shapes `actuals` recognises: one table of each platform's columns and units.

A shape is recognised by its header: its date column, its spend column and
at least one campaign name or id column must all be there, and a shape
whose headers other exports share (the Tencent Ads API's ``date`` and
``cost``) needs one of its own (``evidence``). The table spells each header
as its platform writes it (Google's and Meta's in their UI's other languages
as locales.py does); a file's header and the table's are compared by
``units.header_key`` (case, width and what separates the words set aside:
``New Users`` is ``new_users``), after ``units.split_header`` has set the
trailing brackets aside, which ``columns_of`` reads; a bracket the table's header spells
(TikTok's ``Clicks (destination)``, Apple's ``Installs (Tap-Through)``) must open the cell's brackets.
Columns a shape does not list are ignored
and named in the summary, so a report with fifty extra metrics still reads.
The Chinese consoles share their words (巨量引擎 and 磁力引擎 both write
消耗, 展示数, 点击数): a console export is named only by a column its
platform alone writes, else read as ``console``, which names no platform.
docs/actuals.md lists the same table for users.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

from aigc_roi.model.actuals import PLAN_CURRENCY
from aigc_roi.reader.exports.locales import GOOGLE_ADS as GOOGLE_LOCALIZED
from aigc_roi.reader.exports.locales import META_ADS as META_LOCALIZED
from aigc_roi.reader.exports.locales import META_ADS_DECIMAL_POINT as META_POINT_LOCALIZED
from aigc_roi.reader.exports.locales import Localized
from aigc_roi.reader.exports.units import (
    CONVERSION_TIME,
    COUNT_UNITS,
    DEDUPLICATED,
    FEN_UNIT,
    HOUR_UNITS,
    YUAN_UNIT,
    header_key,
    money_unit,
    split_header,
    time_basis,
)

YUAN = "元"
FEN = "分"
COUNT = "count"
MONEY = (YUAN, FEN, PLAN_CURRENCY)

FIRST_PAYMENT_CN = ("首日付费金额", "首7日付费金额")
"""Console headers of the new users' early payments, first-day ones preferred."""


@dataclass(frozen=True)
class Column:
    field: str
    """date, campaign, campaign_id, spend, impressions, clicks, users or revenue."""
    unit: str = COUNT
    """``date``, ``text``, ``count`` or, for money, 元, 分 or PLAN_CURRENCY (the generic CSV's)."""
    level_id: str | None = None
    """A campaign name column's id header of the same level (None where its language's exports name none)."""


@dataclass(frozen=True)
class Indicated:
    """A count column that counts new users only where each row's indicator cell names them: Meta's ``Results``
    counts whatever each ad set is optimised for, and its ``Result indicator`` says what (indicated.py)."""

    header: str
    indicator: str
    means: tuple[str, ...]
    """The indicator cells of new users (``actions:mobile_app_install``, 百度's ``APP激活``), compared in lower case."""
    instead: str
    """The column that counts new users whatever the goal, which the refusal asks for."""
    goal_of: str = "ad set"
    """The level whose optimisation goal the indicator names (Meta's ad set, 百度's unit), as the refusal says."""


@dataclass(frozen=True)
class Platform:
    key: str
    title: str
    time_basis: str
    """What its date column's day is, after the header the export spells it by (``ReportSource.time_basis``)."""
    columns: dict[str, Column]
    """Header, as the platform spells it -> column; for one field, earlier headers are preferred."""
    whole_spend: bool = False
    """Spend is exported in whole 分: a fraction means the file is really in 元."""
    required: tuple[str, ...] = field(default=("date", "spend"))
    evidence: tuple[str, ...] = ()
    """Headers only this platform writes, one of which must be present; () where its date or spend header is its own."""
    api: bool = False
    """An API's export, whose rows are all campaigns' (an API writes no totals rows; reader/exports/totals.py)."""
    fallback: bool = False
    """A shape that names no platform (the generic CSV, a console of unknown platform): taken only where none is."""
    finer: tuple[str, ...] = ()
    """Id headers of the levels below a campaign (an ad's, a unit's, a creative's; a level's name where it has no
    id): where another level is the export's campaign, such a level's column tells the rows of one campaign-day
    apart (``finer_levels``)."""
    blank_totals: bool = False
    """A row with every campaign column empty is the export's total (Meta Ads Manager's first row, Apple Ads' last):
    such a platform names every campaign, ad set and ad (totals.py)."""
    day_ends: tuple[tuple[str, str, str], ...] = ()
    """(first day, last day, day) headers of a row's span and of the day column in the same language: a row whose
    date is read from the first must end that day, or it sums days (Meta's ``Reporting starts`` and ``Reporting ends``
    of a report not broken down by day), and without the last (or the day column) it is refused (day_spans.py)."""
    indicated: tuple[Indicated, ...] = ()
    """Columns read as their field only beside their indicator column, row by row as it says (``Indicated``)."""
    month_first: bool = False
    """Its dates of two numbers before the year are month first (Apple Ads' charts download writes ``03/01/2025``
    for March 1). Elsewhere such a date is refused: which of its numbers is the month no shape of it says."""

    def headers_of(self, field_name: str) -> list[str]:
        return [header for header, column in self.columns.items() if column.field == field_name]

    def names_text(self, header: str) -> bool:
        """Whether ``header`` is one of the levels' name columns, whose cells are text as written, where an id
        column's are ids (``cells.identifier``)."""
        return split_header(header)[0] in {header_key(name) for name in self.headers_of("campaign")}

    def levels(self) -> list[tuple[str, str | None]]:
        """The (name header, id header) of each campaign level, in the order of preference (``_names``' pairs)."""
        return [(header, column.level_id) for header, column in self.columns.items() if column.field == "campaign"]


def alternatives(headers: list[str]) -> str:
    """Headers one of which a field is read from, as a message lists them: ``Cost`` alone, ``(By Day|按天)``."""
    return headers[0] if len(headers) == 1 else f"({'|'.join(headers)})"


def _names(pairs: tuple[tuple[str, str | None], ...]) -> dict[str, Column]:
    """Campaign name and id columns, the name columns first (preferred in this order)."""
    names = {name: Column("campaign", "text", identifier) for name, identifier in pairs}
    ids = {identifier: Column("campaign_id", "text") for _, identifier in pairs if identifier is not None}
    return names | ids


def _localized(localized: Localized, money: str) -> dict[str, Column]:
    """A console's headers in its UI's other languages (locales.py), but for its campaign levels (``_names``')."""
    return ({header: Column("date", "date") for header in localized.dates + tuple(first for first, _, _ in localized.day_ends)}
            | _money(localized.spend, "spend", money)
            | _counts(impressions=localized.impressions, clicks=localized.clicks, users=localized.users)
            | {header: Column("currency", "text") for header in localized.currency})


def _money(headers: tuple[str, ...], field_name: str, unit: str = YUAN) -> dict[str, Column]:
    return {header: Column(field_name, unit) for header in headers}


def _counts(**headers: str | tuple[str, ...]) -> dict[str, Column]:
    return {header: Column(field_name) for field_name, names in headers.items()
            for header in ((names,) if isinstance(names, str) else names)}


CURRENCY: dict[str, Column] = {header: Column("currency", "text") for header in ("currency", "CurrencyCode", "币种", "货币")}
"""A column of each row's currency (Google Ads' ``Currency code``), which any export may have: report.py holds each
to the plan's currency."""

HOUR_COLUMNS: dict[str, Column] = {header: Column("hour", "text")
                                   for header in ("hour", "hour_of_day", "hour_of_the_day", "小时")}
"""A column of each row's hour of the day (the Tencent Ads API's hourly reports, a console's 分时 ones, Google Ads'
``Hour of the day``, a sheet's ``hour_of_day``), which any export may have: its rows are the campaign-day's hours
(duplicates.py)."""

CONSOLE_TIME_BASIS = "the day of delivery (reporting time) unless the report was set to conversion time (转化时间)"
BAIDU_TIME_BASIS = "the day of delivery (reporting time); a column marked （转化时间） counts on the day of conversion"

PLATFORMS: tuple[Platform, ...] = (
    Platform(
        "oceanengine_api", "巨量引擎 (Ocean Engine) API",
        "the day of the ad's delivery (reporting time); conversions count on that day",
        {"stat_time_day": Column("date", "date")}
        | _names((("campaign_name", "campaign_id"), ("cdp_promotion_name", "cdp_promotion_id"),
                  ("project_name", "project_id"), ("ad_name", "ad_id")))
        | _money(("stat_cost",), "spend") | _counts(impressions="show_cnt", clicks="click_cnt", users="active")
        | _money(("first_day_pay_amount",), "revenue") | CURRENCY | HOUR_COLUMNS,
        api=True, finer=("cdp_promotion_id", "ad_id"),
    ),
    Platform(
        "oceanengine_console", "巨量引擎 (Ocean Engine) console", CONSOLE_TIME_BASIS,
        {"日期": Column("date", "date"), "时间": Column("date", "date")}
        | _names((("计划名称", "计划ID"), ("项目名称", "项目ID"), ("广告名称", "广告ID"), ("创意名称", "创意ID")))
        | _money(("消耗",), "spend") | _counts(impressions="展示数", clicks="点击数", users="激活数")
        | _money(FIRST_PAYMENT_CN, "revenue") | CURRENCY | HOUR_COLUMNS,
        evidence=("项目名称", "项目ID"), finer=("广告ID", "创意ID"),
    ),
    Platform(
        "tencent_api", "腾讯广告 (Tencent Ads) API",
        "the day of the ad's delivery (reporting time)",
        {"date": Column("date", "date")}
        | _names((("adgroup_name", "adgroup_id"), ("campaign_name", "campaign_id"), ("ad_name", "ad_id"),
                  ("dynamic_creative_name", "dynamic_creative_id")))
        | _money(("cost",), "spend", FEN) | _counts(impressions="view_count", clicks="valid_click_count", users="activated_count")
        | _money(("first_day_pay_amount",), "revenue", FEN) | CURRENCY | HOUR_COLUMNS,
        whole_spend=True, api=True,
        evidence=("adgroup_name", "adgroup_id", "view_count", "valid_click_count", "activated_count"),
        finer=("ad_id", "dynamic_creative_id"),
    ),
    Platform(
        "tencent_console", "腾讯广告 (Tencent Ads) console", CONSOLE_TIME_BASIS,
        {"日期": Column("date", "date")}
        | _names((("广告组名称", "广告组ID"), ("广告名称", "广告ID"), ("计划名称", "计划ID"), ("创意名称", "创意ID")))
        | _money(("花费",), "spend") | _counts(impressions="曝光次数", clicks="点击次数", users="激活次数")
        | _money(FIRST_PAYMENT_CN, "revenue") | CURRENCY | HOUR_COLUMNS,
        evidence=("曝光次数", "点击次数", "激活次数"), finer=("广告ID", "创意ID"),
    ),
    Platform(
        "kuaishou_api", "磁力引擎 (Kuaishou) API",
        "the day of delivery (reporting time)",
        {"stat_date": Column("date", "date")}
        | _names((("campaign_name", "campaign_id"), ("unit_name", "unit_id"), ("creative_name", "creative_id")))
        | _money(("charge",), "spend") | _counts(impressions="show", clicks="photo_click", users="activation")
        | _money(("event_pay_first_day",), "revenue") | CURRENCY | HOUR_COLUMNS,
        api=True, finer=("unit_id", "creative_id"),
    ),
    # 百度营销's consoles (搜索推广 and 信息流), each header as its reports write it: 消费 and 推广计划 are its own words.
    # 目标转化量 counts each unit's own goal, new users only where its 目标转化 is APP激活 (indicated.py).
    Platform(
        "baidu_console", "百度营销 (Baidu) console", BAIDU_TIME_BASIS,
        {"日期": Column("date", "date")}
        | _names((("推广计划", "推广计划ID"), ("推广单元", "推广单元ID"), ("关键词", "关键词ID"), ("创意标题", "创意ID")))
        | _money(("消费",), "spend")
        | _counts(impressions=("展现", "展现量"), clicks=("点击", "点击量"), users=("激活人数", "目标转化量"))
        | _money(("激活当日付费金额",), "revenue") | CURRENCY | HOUR_COLUMNS,
        finer=("推广单元ID", "关键词ID", "创意ID"),
        indicated=(Indicated("目标转化量", "目标转化", ("APP激活",), "激活人数", "unit"),),
    ),
    # The consoles outside China, each header as the platform's UI writes it (docs/actuals.md, "The consoles outside
    # China"). Their money is in the ad account's currency, which a header's bracket (Meta's ``Amount spent (USD)``),
    # a currency column or a title line (Apple's ``Currency: USD``) states; one that states none is read in the
    # plan's, as the generic CSV's.
    Platform(
        "google_ads", "Google Ads",
        "the day of the ad's delivery; Conversions count on the day of the click that led to them, "
        "Conversions (by conv. time) on the day they happened",
        {"Day": Column("date", "date")}
        | _names((("Campaign", "Campaign ID"), ("Ad group", "Ad group ID")) + GOOGLE_LOCALIZED.campaigns)
        | _money(("Cost",), "spend", PLAN_CURRENCY) | _counts(impressions="Impr.", clicks="Clicks", users="Conversions")
        | _localized(GOOGLE_LOCALIZED, PLAN_CURRENCY) | CURRENCY | HOUR_COLUMNS,
        finer=("Ad group ID",),
    ),
    Platform(
        "meta_ads", "Meta Ads Manager",
        "the day of the ad's delivery",
        {"Day": Column("date", "date"), "单日": Column("date", "date"), "Reporting starts": Column("date", "date"),
         "报告开始日期": Column("date", "date")}
        | _names((("Campaign name", "Campaign ID"), ("广告系列名称", "广告系列编号"), ("Ad set name", "Ad set ID"),
                  ("广告组名称", "广告组编号"), ("Ad name", "Ad ID"), ("广告名称", "广告编号"))
                 + META_LOCALIZED.campaigns + META_POINT_LOCALIZED.campaigns + META_LOCALIZED.below
                 + META_POINT_LOCALIZED.below)
        | _money(("Amount spent", "已花费金额"), "spend", PLAN_CURRENCY)
        | _counts(impressions=("Impressions", "展示次数"), clicks=("Link clicks", "链接点击量"),
                  users=("App installs", "Mobile app installs", "移动应用安装量", "移动应用安装", "Results"))
        | _localized(META_LOCALIZED, PLAN_CURRENCY) | _localized(META_POINT_LOCALIZED, PLAN_CURRENCY)
        | CURRENCY | HOUR_COLUMNS,
        finer=("Ad set ID", "广告组编号", "Ad ID", "广告编号") + META_LOCALIZED.finer() + META_POINT_LOCALIZED.finer(),
        blank_totals=True,
        day_ends=(("Reporting starts", "Reporting ends", "Day"), ("报告开始日期", "报告结束日期", "单日"))
        + META_LOCALIZED.day_ends + META_POINT_LOCALIZED.day_ends,
        indicated=(Indicated("Results", "Result indicator", ("actions:mobile_app_install",), "App installs"),),
    ),
    Platform(
        "tiktok_ads", "TikTok Ads Manager",
        "the day of the ad's delivery",
        {"By Day": Column("date", "date"), "按天": Column("date", "date")}
        | _names((("Campaign name", "Campaign ID"), ("推广系列名称", "推广系列ID"), ("Ad group name", "Ad group ID"),
                  ("广告组名称", "广告组ID"), ("Ad name", "Ad ID"), ("广告名称", "广告ID")))
        | _money(("Cost", "消耗"), "spend", PLAN_CURRENCY)
        | _counts(impressions=("Impressions", "展示量"), clicks=("Clicks (destination)", "点击量（目标页面）"),
                  users=("Conversions", "转化量"))
        | CURRENCY | HOUR_COLUMNS,
        finer=("Ad group ID", "广告组ID", "Ad ID", "广告ID"),
    ),
    Platform(
        "apple_ads", "Apple Ads (Search Ads)",
        "the day in the report's time zone",
        {"Day": Column("date", "date"), "Date": Column("date", "date")}
        | _names((("Campaign Name", "Campaign ID"), ("Ad Group Name", "Ad Group ID")))
        | _money(("Spend",), "spend", PLAN_CURRENCY)
        | _counts(impressions="Impressions", clicks="Taps", users=("Installs (Tap-Through)", "Installs"))
        | CURRENCY | HOUR_COLUMNS,
        evidence=("Taps", "Installs (Tap-Through)"), finer=("Ad Group ID",), blank_totals=True, month_first=True,
    ),
    Platform(
        "console", "ad console (Chinese headers)",
        CONSOLE_TIME_BASIS + "; the headers do not say which platform's console wrote it",
        {"日期": Column("date", "date"), "时间": Column("date", "date")}
        | _names((("计划名称", "计划ID"), ("广告组名称", "广告组ID"), ("项目名称", "项目ID"), ("广告名称", "广告ID"),
                  ("创意名称", "创意ID")))
        | _money(("消耗", "花费"), "spend")
        | _counts(impressions=("展示数", "曝光次数"), clicks=("点击数", "点击次数"), users=("激活数", "激活次数"))
        | _money(FIRST_PAYMENT_CN, "revenue") | CURRENCY | HOUR_COLUMNS,
        fallback=True, finer=("广告组ID", "广告ID", "创意ID"),
    ),
    Platform(
        "generic", "generic CSV",
        "as the file's author wrote it (docs/actuals.md asks for the day the money was spent)",
        {"date": Column("date", "date")} | _names((("campaign", "campaign_id"),))
        | _money(("spend",), "spend", PLAN_CURRENCY) | _counts(impressions="impressions", clicks="clicks", users="new_users")
        | _money(("revenue",), "revenue", PLAN_CURRENCY) | CURRENCY | HOUR_COLUMNS,
        fallback=True,
    ),
)

_PLAIN, _REPORTING, _CONVERSION = range(3)


@dataclass(frozen=True, order=True)
class _Rank:
    """How well a header cell reads as a known column, best first: plain (or with a unit of its kind), then qualified
    with a time basis (the reporting time's first), then each of those deduplicated (去重), read only where the field
    has no other column, then (money alone) with a bracket that names no unit, refused."""

    unknown: str = ""
    """The bracket that names no unit of a money column."""
    deduplicated: bool = False
    basis: int = _PLAIN


@lru_cache(maxsize=512)
def _known(header: str) -> tuple[str, tuple[str, ...]]:
    """A shape's header as a file's is compared: its name, and the brackets it spells as ``header_key`` compares
    them (``Installs (Tap-Through)``: ``installs`` and ``tapthrough``)."""
    name, brackets = split_header(header)
    return name, tuple(header_key(bracket) for bracket in brackets)


def _spelt(known: str, name: str, brackets: tuple[str, ...]) -> tuple[str, ...] | None:
    """The brackets of a file's header cell (``name``, ``brackets``) after those ``known`` spells, where the cell
    reads as ``known`` but for them; None where it does not (another name, or brackets that do not open with the
    known header's: TikTok's ``Clicks (all)`` is no ``Clicks (destination)``)."""
    known_name, known_brackets = _known(known)
    if name != known_name or tuple(header_key(bracket) for bracket in brackets[:len(known_brackets)]) != known_brackets:
        return None
    return brackets[len(known_brackets):]


def _reads_as(known: str, column: Column, name: str, brackets: tuple[str, ...]) -> _Rank | None:
    """How a file's header cell reads as the shape's header ``known`` of ``column`` (``_rank``); None: another column."""
    rest = _spelt(known, name, brackets)
    return None if rest is None else _rank(column, rest)


def _rank(column: Column, brackets: tuple[str, ...]) -> _Rank | None:
    """How a header cell of ``column``'s name with ``brackets`` reads as it; None: it is another column."""
    basis, deduplicated = _PLAIN, False
    for bracket in brackets:
        if ((column.unit in MONEY and money_unit(bracket) is not None) or (column.unit == COUNT and bracket in COUNT_UNITS)
                or (column.field == "hour" and bracket in HOUR_UNITS)):
            continue
        if (named := time_basis(bracket)) is not None:
            basis = _CONVERSION if named == CONVERSION_TIME else _REPORTING
        elif bracket in DEDUPLICATED:
            deduplicated = True
        elif column.unit in MONEY:
            return _Rank(bracket)
        else:
            return None
    return _Rank("", deduplicated, basis)


@dataclass(frozen=True)
class Found:
    """The header cell a field is read from, and how."""

    field: str
    index: int
    unit: str
    """As ``ReportSource.units``: date, text, count, 元, 分, 万元, lakh, crore, a currency's code or PLAN_CURRENCY."""
    scale: float = 1.0
    """Factor from the exported unit to one of ``currency`` (0.01 for 分, 10,000 for 万元)."""
    currency: str | None = None
    """A money column's currency as its header or shape states it; None: the plan's (a generic CSV's plain number)."""
    conversion_time: bool = False
    """Its header says 转化时间: conversions counted on the day they happened."""
    deduplicated: bool = False
    """Its header says 去重, read where the export has no plain column of the field."""
    unknown_unit: str | None = None
    """A money column's bracket that names no unit this reader knows: the column is refused, not read."""
    written_unit: str | None = None
    """A money column's bracket that states its unit, as the header writes it (``CNY``, ``RMB``, ``元``, ``€``), which
    a refusal quotes; None where the shape states the unit, or none does."""
    twin: int | None = None
    """Another cell whose header reads as this one's (``Spend`` beside ``spend``): which of them holds the field no
    reader can tell, so the export is refused at it rather than read from the first."""


def columns_of(header: list[str], platform: Platform, plan: str) -> dict[str, Found]:
    """Field -> the header cell it is read from: of the shape's headers for it, the first that some cell reads as,
    and of its cells the best ranked (a plain 激活数 before 激活数(转化时间)), then the leftmost; a currency sign in
    its brackets read as a cell's is, in the ``plan``'s currency where it may mean it."""
    split = [split_header(cell) for cell in header]
    found: dict[str, Found] = {}
    for known, column in platform.columns.items():
        if column.field in found and found[column.field].unknown_unit is None:
            continue
        ranked = [(rank, index) for index, (name, brackets) in enumerate(split)
                  if (rank := _reads_as(known, column, name, brackets)) is not None]
        if not ranked:
            continue
        rank, index = min(ranked)
        if rank.unknown and column.field in found:
            continue
        twins = [other for other_rank, other in ranked if other_rank == rank and other != index]
        rest = _spelt(known, *split[index])
        assert rest is not None  # the cell read as ``known``
        found[column.field] = replace(_found(column, index, rest, rank, plan), twin=twins[0] if twins else None)
    names = [name for name, _ in split]
    _one_level(found, names, platform)
    for rule in platform.indicated:
        # Without its indicator, which rows' results are new users no reader can tell: the column is not read.
        field_name = platform.columns[rule.header].field
        use = found.get(field_name)
        if use is not None and names[use.index] == _known(rule.header)[0] and _known(rule.indicator)[0] not in names:
            del found[field_name]
    return found


def _one_level(found: dict[str, Found], names: list[str], platform: Platform) -> None:
    """The campaign's name and id of one level, the first of the shape's the export has: an id of a later level
    (an ad's, beside the campaign's name alone) names no campaign (``finer_levels`` may tell rows apart by it)."""
    if "campaign" not in found or "campaign_id" not in found:
        return
    level = {header_key(header): number for number, pair in enumerate(platform.levels()) for header in pair
             if header is not None}
    name, identifier = (level[names[found[field].index]] for field in ("campaign", "campaign_id"))
    if name != identifier:
        del found["campaign_id" if identifier > name else "campaign"]


def finer_levels(header: list[str], platform: Platform, found: dict[str, Found]) -> tuple[tuple[int, ...], ...]:
    """Of each level the shape marks finer (``Platform.finer``) other than the campaign's, the indexes of the
    export's columns of it, the id's before the name's: the first tells the rows of one campaign-day apart, and a
    totals row may write its label in any (totals.py)."""
    names = [split_header(cell)[0] for cell in header]
    campaign = {names[found[field].index] for field in ("campaign", "campaign_id") if field in found}
    levels = []
    finer = {header_key(header) for header in platform.finer}
    for name, identifier in platform.levels():
        keys = (header_key(identifier), header_key(name)) if identifier is not None else (header_key(name),)
        if keys[0] in finer and not campaign & set(keys) and (columns := [names.index(k) for k in keys if k in names]):
            levels.append(tuple(columns))
    return tuple(levels)


def _found(column: Column, index: int, brackets: tuple[str, ...], rank: _Rank, plan: str) -> Found:
    if rank.unknown:
        return Found(column.field, index, column.unit, unknown_unit=rank.unknown)
    unit, scale, currency = column.unit, 1.0, None
    stated = None
    if column.unit in MONEY:
        # A unit the header writes, else the shape's; none: the generic CSV's money, in the plan's currency.
        stated = next(((bracket, money.read_in(plan)) for bracket in brackets
                       if (money := money_unit(bracket)) is not None), None)
        money = stated[1] if stated else {YUAN: YUAN_UNIT, FEN: FEN_UNIT}.get(column.unit)
        if money is not None:
            unit, scale, currency = money.unit, money.scale, money.currency
    return Found(column.field, index, unit, scale, currency, conversion_time=rank.basis == _CONVERSION,
                 deduplicated=rank.deduplicated, written_unit=stated[0] if stated else None)


@lru_cache(maxsize=1)
def _decimal_comma_names() -> frozenset[str]:
    # Not META_POINT_LOCALIZED's: Japanese and Korean write 1,250 for twelve hundred and fifty, as English does.
    return frozenset(_known(name)[0] for name in GOOGLE_LOCALIZED.names() + META_LOCALIZED.names())


def decimal_comma_language(header: list[str], found: dict[str, Found]) -> str | None:
    """The first header cell read (``found``) that names its column in a decimal comma's language (locales.py: German,
    French, Spanish, Portuguese), as written, a date's last (``Tag`` is an English word too); None where none does (an
    English, Chinese, Japanese or Korean export)."""
    names = _decimal_comma_names()
    return next((header[use.index].strip() for use in sorted(found.values(), key=lambda use: (use.field == "date", use.index))
                 if split_header(header[use.index])[0] in names), None)


def recognise(headers: list[str]) -> Platform | None:
    """The shape whose date, spend and a campaign column are all present (and its own evidence), most columns known
    first; a shape that names no platform only where no platform's is."""
    return _best(headers, ())


def undated(headers: list[str]) -> Platform | None:
    """The shape a header no shape recognises would be but for its date column (a report not broken down by day:
    TikTok's without ``By Day``), chosen as ``recognise`` chooses; None where none would, or where a cell is any
    shape's date (``date`` beside ``cost``, TikTok's words, is a sheet of its own, not TikTok's without its days)."""
    if dated(headers):
        return None
    return _best(headers, ("date",))


def dated(headers: list[str]) -> bool:
    """Whether a cell of ``headers`` is any shape's date column (its brackets aside)."""
    dates = {_known(known)[0] for platform in PLATFORMS for known in platform.headers_of("date")}
    return any(split_header(header)[0] in dates for header in headers)


def _best(headers: list[str], lacking: tuple[str, ...]) -> Platform | None:
    """As ``recognise``, of the shapes that have their required fields but ``lacking``, and none of those."""
    candidates = []
    for order, platform in enumerate(PLATFORMS):
        present = known_in(headers, platform)
        has = {name: any(header in present for header in platform.headers_of(name)) for name in platform.required}
        needed = all(has[name] != (name in lacking) for name in platform.required)
        campaign = any(header in present for header in platform.headers_of("campaign") + platform.headers_of("campaign_id"))
        evidence = not platform.evidence or any(_spelt(own, name, brackets) is not None
                                                for own in platform.evidence for name, brackets in map(split_header, headers))
        if needed and campaign and evidence:
            candidates.append((not platform.fallback, len(present), -order, platform))
    return max(candidates, key=lambda item: item[:3])[3] if candidates else None


def known_in(headers: list[str], platform: Platform) -> set[str]:
    """The shape's headers some cell of ``headers`` reads as (``columns_of``' comparison)."""
    split = [split_header(header) for header in headers]
    return {known for known, column in platform.columns.items()
            if any(_reads_as(known, column, name, brackets) is not None for name, brackets in split)}
