"""One unit of a plan's money in a sentence ("the next 1 USD", 再投 1 美元): money is in the scenario's ``currency``,
shown and never converted (docs/formulas.md §8), so no sentence may call it yuan whatever the plan is counted in.
A label that speaks of one unit writes ``{money}`` where the currency goes."""

from __future__ import annotations

from aigc_roi.present.labels import cjk_tidy

ZH_NAMES: dict[str, str] = {"CNY": "元", "USD": "美元", "EUR": "欧元", "JPY": "日元", "HKD": "港元", "GBP": "英镑"}
"""The name Chinese text calls a common currency by (reader/currencies.py reads each back to its code); any other
is called by its ISO code, as English calls every one."""


def money_word(currency: str, lang: str) -> str:
    """What a sentence in ``lang`` calls the currency ``currency`` (an ISO code): 美元, 元; else the code."""
    return ZH_NAMES.get(currency, currency) if lang == "zh" else currency


def priced(text: str, currency: str, lang: str) -> str:
    """A label's ``{money}`` filled with ``money_word``, its other fields left to fill. The Chinese templates space
    the field from the Chinese around it, as a code needs (再投 1 SGD 的收入); a Chinese name then loses those spaces
    (再投 1 美元的收入), before a name of the user's, which may hold spaces of its own, is filled in."""
    if "{money}" not in text:
        return text  # a label that names no money keeps every space it has
    text = text.replace("{money}", money_word(currency, lang))
    return cjk_tidy(text) if lang == "zh" else text
