"""The Chinese words people write for a field's English key in a path (``月度会员.价格=29``, ``巨量千川.出价``,
``acquisition[0].出价.by_month.6``): a path takes only the file's keys, so each is refused with the path it was meant
as (reader/overrides.py, whatif/drivers.py), as a key misspelt in English is (docs/formulas.md §12)."""

from __future__ import annotations

FIELD_WORDS: dict[str, tuple[str, ...]] = {
    # A word several fields are called by lists them all, the usual first: the one the item has is offered
    # (出价 is a cpa channel's bid and a cpm channel's cpm).
    "价格": ("price",), "单价": ("price", "bid", "cpm"), "售价": ("price",), "定价": ("price",),
    "出价": ("bid", "cpm"), "千次展示费用": ("cpm",), "千次曝光费用": ("cpm",),
    "预算": ("budget",), "每月预算": ("budget",), "饱和预算": ("saturation_budget",),
    "费用": ("fee", "cost"), "单条费用": ("fee",), "每月费用": ("cost",), "手续费": ("fee",), "渠道费": ("fee",),
    "转化率": ("conversion", "cvr"), "付费转化率": ("conversion",), "续费率": ("renewal",), "续订率": ("renewal",),
    "点击率": ("ctr",), "曝光量": ("impressions",), "每月曝光量": ("impressions",), "用户数": ("users",),
    "每月用户数": ("users",), "发帖数": ("posts",), "每月发帖数": ("posts",), "播放量": ("views",),
    "数量": ("count",), "次数": ("count",), "名称": ("name",), "月份": ("months",), "周期": ("period",),
}


def in_english(path: str) -> list[str]:
    """``path`` with a Chinese field word after a dot written as each key it may mean (``月度会员.价格`` ->
    [``月度会员.price``]), the path after the word kept (``月度会员.价格.by_month.6`` -> [``月度会员.price.by_month.6``]):
    a field word followed by more path is the same slip; empty where no segment after the first is such a word."""
    return [f"{through}{tail}" for through, tail in worded_field(path)]


def worded_field(path: str) -> list[tuple[str, str]]:
    """``in_english``'s paths, each split after the key (``月度会员.price``, ``.by_month.6``): whether the item holds
    the key is asked of the path through it."""
    segments = path.strip().split(".")
    for at in range(1, len(segments)):
        # A word followed by a bracket (激活.出价[0]) is the same word, the bracket kept in the path after it.
        word, bracket, indexed = segments[at].partition("[")
        keys = FIELD_WORDS.get(word.strip())
        if keys and ".".join(segments[:at]).strip():
            tail = bracket + indexed + "".join(f".{segment}" for segment in segments[at + 1:])
            return [(".".join([*segments[:at], key]), tail) for key in keys]
    return []
