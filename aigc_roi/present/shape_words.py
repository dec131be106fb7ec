"""The export shapes `actuals` recognises, named in Chinese, and what an unrecognised header's error says a shape
needs (reader/exports/near_shapes.py)."""

from __future__ import annotations

import re

SHAPE_TITLES_ZH: dict[str, str] = {
    "巨量引擎 (Ocean Engine) API": "巨量引擎 API",
    "巨量引擎 (Ocean Engine) console": "巨量引擎投放后台",
    "腾讯广告 (Tencent Ads) API": "腾讯广告 API",
    "腾讯广告 (Tencent Ads) console": "腾讯广告投放后台",
    "磁力引擎 (Kuaishou) API": "磁力引擎 API",
    "百度营销 (Baidu) console": "百度营销投放后台",
    "Google Ads": "Google Ads",
    "Meta Ads Manager": "Meta 广告管理工具",
    "TikTok Ads Manager": "TikTok 广告管理平台",
    "Apple Ads (Search Ads)": "Apple 广告（搜索广告）",
    "ad console (Chinese headers)": "投放后台（中文表头）",
    "generic CSV": "通用 CSV",
}
"""Each shape's title (reader/exports/platforms.py) in Chinese: the English glosses of the platforms' names dropped, a
console called 投放后台 as the other Chinese messages call it, the generic CSV 通用 CSV."""


def titles_zh(titles: str) -> str:
    """The English list of shapes' titles an unknown header's error names (reader/exports/near_shapes.py), each in
    Chinese, joined as a Chinese list is."""
    return "、".join(SHAPE_TITLES_ZH.get(title, title) for title in titles.split(", "))


_NEEDED_ZH = {"date column": "日期列", "spend column": "花费列", "campaign column": "计划列"}
_NEEDED = re.compile(r"(date column|spend column|campaign column|own column, one of) (.+?)(?: \((.+) is none of them\))?")


def needed_zh(parts: str) -> str:
    """What a shape needs, ``date column (Day|Tag) and its spend column (Cost|Kosten) ('Kostn' is none of them)``,
    in Chinese: each column by its headers as the platforms spell them, and the cell that misspells one."""
    return "，以及其".join(_needed_zh(part) for part in parts.split(" and its "))


def _needed_zh(part: str) -> str:
    match = _NEEDED.fullmatch(part)
    if match is None:
        return part
    kind, headers, misspelt = match.groups()
    what = f"独有的一列，即 {headers} 之一" if kind == "own column, one of" else f"{_NEEDED_ZH[kind]} {headers}"
    return what + (f"（{misspelt} 不在其中）" if misspelt else "")
