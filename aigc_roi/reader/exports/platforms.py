"""The export shapes `actuals` recognises: one table of each platform's columns and units.

A shape is recognised by its header: its date column, its spend column and
at least one campaign name or id column must all be there. Headers are
compared after ``normal_header`` (case, surrounding space and a unit in
brackets such as ``消耗(元)`` set aside). Columns a shape does not list are
ignored and named in the summary, so a report with fifty extra metrics still
reads. docs/actuals.md lists the same table for users.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from aigc_roi.model.actuals import PLAN_CURRENCY

YUAN = "元"
FEN = "分"
COUNT = "count"

FIRST_PAYMENT_CN = ("首日付费金额", "首7日付费金额")
"""Console headers of the new users' early payments, first-day ones preferred."""


@dataclass(frozen=True)
class Column:
    field: str
    """date, campaign, campaign_id, spend, impressions, clicks, users or revenue."""
    unit: str = COUNT
    scale: float = 1.0
    """Factor from the exported unit to the scenario's money (0.01 for 分)."""


@dataclass(frozen=True)
class Platform:
    key: str
    title: str
    time_basis: str
    columns: dict[str, Column]
    """Normalised header -> column; for one field, earlier headers are preferred."""
    whole_spend: bool = False
    """Spend is exported in whole 分: a fraction means the file is really in 元."""
    required: tuple[str, ...] = field(default=("date", "spend"))

    def headers_of(self, field_name: str) -> list[str]:
        return [header for header, column in self.columns.items() if column.field == field_name]

    def summary(self) -> str:
        """``date + spend + a campaign column (a | b)``: what a header needs to be this shape."""
        campaign = " | ".join(self.headers_of("campaign") + self.headers_of("campaign_id"))
        return f"{self.title}: {self.headers_of('date')[0]} + {self.headers_of('spend')[0]} + ({campaign})"


def _names(pairs: tuple[tuple[str, str], ...]) -> dict[str, Column]:
    """Campaign name and id columns, the name columns first (preferred in this order)."""
    names = {name: Column("campaign", "text") for name, _ in pairs}
    ids = {identifier: Column("campaign_id", "text") for _, identifier in pairs}
    return names | ids


def _money(headers: tuple[str, ...], field_name: str, unit: str = YUAN) -> dict[str, Column]:
    return {header: Column(field_name, unit, 0.01 if unit == FEN else 1.0) for header in headers}


def _counts(**headers: str) -> dict[str, Column]:
    return {header: Column(field_name) for field_name, header in headers.items()}


PLATFORMS: tuple[Platform, ...] = (
    Platform(
        "oceanengine_api", "巨量引擎 (Ocean Engine) API",
        "stat_time_day: the day of the ad's delivery (reporting time); conversions count on that day",
        {"stat_time_day": Column("date", "date")}
        | _names((("campaign_name", "campaign_id"), ("cdp_promotion_name", "cdp_promotion_id"),
                  ("project_name", "project_id"), ("ad_name", "ad_id")))
        | _money(("stat_cost",), "spend") | _counts(impressions="show_cnt", clicks="click_cnt", users="active")
        | _money(("first_day_pay_amount",), "revenue"),
    ),
    Platform(
        "oceanengine_console", "巨量引擎 (Ocean Engine) console",
        "日期: the day of delivery (reporting time) unless the report was set to conversion time (转化时间)",
        {"日期": Column("date", "date"), "时间": Column("date", "date")}
        | _names((("计划名称", "计划id"), ("项目名称", "项目id"), ("广告名称", "广告id")))
        | _money(("消耗",), "spend") | _counts(impressions="展示数", clicks="点击数", users="激活数")
        | _money(FIRST_PAYMENT_CN, "revenue"),
    ),
    Platform(
        "tencent_api", "腾讯广告 (Tencent Ads) API",
        "date: the day of the ad's delivery (reporting time)",
        {"date": Column("date", "date")}
        | _names((("adgroup_name", "adgroup_id"), ("campaign_name", "campaign_id"), ("ad_name", "ad_id")))
        | _money(("cost",), "spend", FEN) | _counts(impressions="view_count", clicks="valid_click_count", users="activated_count")
        | _money(("first_day_pay_amount",), "revenue", FEN),
        whole_spend=True,
    ),
    Platform(
        "tencent_console", "腾讯广告 (Tencent Ads) console",
        "日期: the day of delivery (reporting time) unless the report was set to conversion time",
        {"日期": Column("date", "date")}
        | _names((("广告组名称", "广告组id"), ("广告名称", "广告id"), ("计划名称", "计划id")))
        | _money(("花费",), "spend") | _counts(impressions="曝光次数", clicks="点击次数", users="激活次数")
        | _money(FIRST_PAYMENT_CN, "revenue"),
    ),
    Platform(
        "kuaishou_api", "磁力引擎 (Kuaishou) API",
        "stat_date: the day of delivery (reporting time)",
        {"stat_date": Column("date", "date")}
        | _names((("campaign_name", "campaign_id"), ("unit_name", "unit_id"), ("creative_name", "creative_id")))
        | _money(("charge",), "spend") | _counts(impressions="show", clicks="photo_click", users="activation")
        | _money(("event_pay_first_day",), "revenue"),
    ),
    Platform(
        "generic", "generic CSV",
        "date: as the file's author wrote it (docs/actuals.md asks for the day the money was spent)",
        {"date": Column("date", "date")} | _names((("campaign", "campaign_id"),))
        | _money(("spend",), "spend", PLAN_CURRENCY) | _counts(impressions="impressions", clicks="clicks", users="new_users")
        | _money(("revenue",), "revenue", PLAN_CURRENCY),
    ),
)

_UNIT = re.compile(r"\s*[(（]\s*([^()（）]*?)\s*[)）]\s*$")


def normal_header(header: str) -> tuple[str, str]:
    """(the header as the table spells it, the unit written in brackets or '')."""
    text = header.strip().strip("\ufeff").strip().strip('"').strip()
    unit = ""
    found = _UNIT.search(text)
    if found:
        unit, text = found.group(1), text[: found.start()]
    return text.strip().lower().replace(" ", ""), unit


def recognise(headers: list[str]) -> Platform | None:
    """The shape whose date, spend and a campaign column are all present, most columns known first."""
    normal = {normal_header(header)[0] for header in headers}
    candidates = []
    for platform in PLATFORMS:
        needed = all(any(header in normal for header in platform.headers_of(name)) for name in platform.required)
        campaign = any(header in normal for header in platform.headers_of("campaign") + platform.headers_of("campaign_id"))
        if needed and campaign:
            candidates.append((sum(header in normal for header in platform.columns), -PLATFORMS.index(platform), platform))
    return max(candidates, key=lambda item: item[:2])[2] if candidates else None
