"""The export shapes `actuals` recognises, named in Chinese: the list an unrecognised header's error gives
(reader/exports/report.py), ``title: date + spend + (campaign | id); ...``."""

from __future__ import annotations

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


def shapes_zh(shapes: str) -> str:
    """The English list of shapes with each title in Chinese, the shapes set apart by ；as a Chinese list of clauses
    is. The headers stay as the platforms spell them."""
    return "；".join(_shape_zh(shape) for shape in shapes.split("; "))


def _shape_zh(shape: str) -> str:
    title, colon, columns = shape.partition(": ")
    return f"{SHAPE_TITLES_ZH.get(title, title)}：{columns}" if colon else shape
