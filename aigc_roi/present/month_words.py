"""Months named in a sentence: "month 3" for one, "months 1-3, 7" for more (第 3 月, 第 1-3, 7 月)."""

from __future__ import annotations

from collections.abc import Sequence

from aigc_roi.model.month_runs import month_runs
from aigc_roi.present.labels import label


def months_named(months: Sequence[int], lang: str = "en", capital: bool = False) -> str:
    """The months as runs (``1-3, 7``) after the word for month: a lone month is never "months 1"."""
    key = "months_named_one" if len(months) == 1 else "months_named"
    text = label(key, lang).format(months=month_runs(months))
    return text[:1].upper() + text[1:] if capital else text
