"""Labels shown to people, English and Chinese side by side. Machine formats keep English keys.

The labels themselves are in present/label_catalogue/, one module per area; here they are merged into ``LABELS``
and looked up. Every key is written out where it is used (no key is assembled from pieces), so a test can find a
label no code uses and a use with no label; ``label`` raises on a key it does not know, rather than showing the key.
"""

from __future__ import annotations

import re

from aigc_roi.present.label_catalogue import (
    Label,
    actuals,
    allocate,
    allocate_warnings,
    breakeven,
    check,
    cli,
    compare,
    curves,
    exports,
    figures,
    simulate,
)


class UnknownLabel(KeyError):
    """A key with no entry in ``LABELS``: a programming error, never shown to a user as text."""


class LabelDefinedTwice(ValueError):
    """A key two modules of present/label_catalogue/ define: one label would silently hide the other."""


def merged(*parts: dict[str, Label]) -> dict[str, Label]:
    """The parts as one mapping, refusing a key in more than one (a key repeated inside one part is ruff's F601)."""
    labels: dict[str, Label] = {}
    for part in parts:
        twice = sorted(labels.keys() & part.keys())
        if twice:
            raise LabelDefinedTwice(f"labels defined in two modules of present/label_catalogue/: {', '.join(twice)}")
        labels.update(part)
    return labels


LABELS: dict[str, Label] = merged(
    figures.LABELS, cli.LABELS, breakeven.LABELS, compare.LABELS, simulate.LABELS, allocate.LABELS,
    allocate_warnings.LABELS, exports.LABELS, curves.LABELS, check.LABELS, actuals.LABELS,
)
"""Every label by key, in both languages."""


def _entry(key: str) -> Label:
    try:
        return LABELS[key]
    except KeyError:
        raise UnknownLabel(f"no label {key!r}: add it to its area's module in present/label_catalogue/") from None


def counted(count: int, noun: str, lang: str = "en") -> str:
    """``1 export``, ``2 exports``: an English count with its noun in the number the count takes. Chinese nouns take
    no plural, so in Chinese the count alone, its template placing the measure word (``{files} 个报表``)."""
    if lang == "zh":
        return f"{count:,}"
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


def label(key: str, lang: str = "en") -> str:
    """The label of ``key`` in ``lang`` (a language other than zh reads English)."""
    entry = _entry(key)
    return entry.zh if lang == "zh" else entry.en


_CJK_GAP = re.compile(r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]) +(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])")


def cjk_tidy(text: str) -> str:
    """A filled-in Chinese label without the spaces its template put around a word that came out Chinese too
    (占 {figure} 方差 with 净现金流): Chinese has no spaces between words; one beside ROI or a number stays."""
    return _CJK_GAP.sub("", text)


def filled(key: str, lang: str = "en", **values: object) -> str:
    """``label(key, lang).format(**values)``, tidied for Chinese (``cjk_tidy``)."""
    text = label(key, lang).format(**values)
    return cjk_tidy(text) if lang == "zh" else text


def bracketed(text: str, lang: str = "en") -> str:
    """``text`` in brackets after a word: `` (CNY)``, and in Chinese full-width with no space, ``（CNY）``, as Chinese
    text writes them (the catalogue's labels do: 净现值（NPV）); a code or formula keeps its own ASCII ones, D(d)."""
    return f"（{text}）" if lang == "zh" else f" ({text})"


_QUALIFIER = re.compile(r" \([^()]*\)$|（[^（）]*）$")


def unqualified(text: str) -> str:
    """A label without the qualifier in brackets it ends with: ``NPV (annual)`` and 净现值（NPV）'s head alone."""
    return _QUALIFIER.sub("", text)


def sentences(parts: list[str], lang: str = "en") -> str:
    """Sentences as one note: English puts a space between them, Chinese none (a full stop 。 is its own space)."""
    return ("" if lang == "zh" else " ").join(part for part in parts if part)


def short_label(key: str, lang: str = "en") -> str:
    """The label as a column header or inside a sentence: its short form, else the label itself."""
    entry = _entry(key)
    if entry.short is None:
        return label(key, lang)
    english, chinese = entry.short
    return chinese if lang == "zh" else english


_ZH_HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "month": ("月份",),
    "new_users": ("新增",),
    "active_users": ("活跃",),
    "subscribers": ("在订",),
    "cumulative_cash": ("累计",),
    "gross_revenue": ("总", "收入"),
    "net_revenue": ("净", "收入"),
    "ad_spend": ("广告", "支出"),
    "serving_cost": ("服务", "成本"),
    "delivery_cost": ("交付", "成本"),
    "referral_cost": ("推荐", "奖励"),
    "fixed_cost": ("固定", "成本"),
    "net_cash": ("净", "现金流"),
    "recognised_revenue": ("确认", "收入"),
    "deferred_revenue": ("递延", "收入"),
}
"""The words of the Chinese month-table headers (each ``short_label``): Chinese has no spaces,
and a header broken anywhere but between these words splits a word (总收 / 入)."""


ZH_TERM_WORDS: tuple[tuple[str, ...], ...] = (
    ("资金缺口", "最大月份"),
    ("修正", "内部收益率"),
    ("测试期", "获客成本"),
    ("平均", "获客成本"),
    ("边际", "获客成本"),
    ("单活跃用户", "服务成本"),
    ("单在订用户", "服务成本"),
    ("按目标", "回本概率", "下限"),
    ("按目标", "回本的概率"),
    ("最大资金需求", "上限"),
    ("净现值", "降幅上限"),
    ("回本推迟", "月数上限"),
)
"""The words of the Chinese labels too long to be kept whole as a name (present/wrap.py ``SHORT_WORD``): a label
cell narrower than one breaks between these words only, not inside one (资金缺口最大月 / 份)."""


def header_label(key: str, lang: str = "en") -> str:
    """``short_label`` as a Rich table header, with the places a narrow column may break a Chinese
    one (U+200B, which present/layout.py honours and removes; a one-word header ends in a mark:
    it breaks nowhere). Markdown, CSV and xlsx headers use ``short_label``, without marks."""
    words = _ZH_HEADER_WORDS.get(key) if lang == "zh" else None
    if words is None:
        return short_label(key, lang)
    return "\u200b".join(words) + ("\u200b" if len(words) == 1 else "")
