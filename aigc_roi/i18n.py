"""Labels shown to people, by language. Machine formats keep English keys."""

from __future__ import annotations

import os

LANGUAGES = ("en", "zh")

EN: dict[str, str] = {
    "ad_spend": "Ad spend",
    "paid_users": "Paid users",
    "new_users": "New users",
    "cac": "CAC",
    "gross_revenue": "Gross revenue",
    "net_revenue": "Net revenue",
    "contribution": "Contribution",
    "net_cash": "Net cash",
    "roas": "ROAS (revenue / ad spend)",
    "roi": "ROI (after serving, before fixed)",
    "payback_month": "Payback month",
    "npv": "NPV",
    "irr": "IRR (annual)",
    "ltv": "LTV per new user",
    "ltv_to_cac": "LTV : CAC",
    "cac_payback_months": "CAC payback (months)",
    "figures": "Figures",
    "channels": "Channels",
    "months": "Months",
    "channel": "Channel",
    "type": "Type",
    "spend": "Spend",
    "users": "Users",
    "month": "Month",
    "active_users": "Active users",
    "serving_cost": "Serving",
    "fixed_cost": "Fixed",
    "cumulative_cash": "Cumulative cash",
    "new_users_short": "New",
    "active_users_short": "Active",
    "gross_revenue_short": "Gross rev.",
    "net_revenue_short": "Net rev.",
    "ad_spend_short": "Ad spend",
    "serving_cost_short": "Serving",
    "fixed_cost_short": "Fixed",
    "net_cash_short": "Net cash",
    "cumulative_cash_short": "Cumulative",
    "never": "never",
    "chart_title": "Cumulative net cash",
    "payback_marker": "payback",
    "organic": "Organic",
}

ZH: dict[str, str] = {}
"""Chinese labels; a missing key falls back to English."""

_TABLES = {"en": EN, "zh": ZH}


def default_lang() -> str:
    """``zh`` when the locale (LC_ALL, then LANG) is Chinese, else ``en``."""
    locale = os.environ.get("LC_ALL") or os.environ.get("LANG") or ""
    return "zh" if locale.lower().startswith("zh") else "en"


def label(key: str, lang: str = "en") -> str:
    return _TABLES.get(lang, EN).get(key) or EN.get(key, key)
