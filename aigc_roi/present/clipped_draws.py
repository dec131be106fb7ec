"""The warning of every command that samples when some of a range's draws fell outside its field's domain.

A range is valid when its median lies in the field's domain, and its draws are clipped to it (docs/formulas.md §9):
``bid: -5..10`` with a budget puts three draws in ten at a bid of 1e-6, each buying 30 billion users a month for
30,000. The figures those draws make are what the file asks for, so they are shown, but never without a word: one
line per field and end of its domain, with the share counted from the draws.
"""

from __future__ import annotations

from collections.abc import Iterable

from aigc_roi.model.sampling import Clipped
from aigc_roi.present.labels import label
from aigc_roi.present.numbers import NumberStyle


def clipped_draw_warnings(clipped: Iterable[Clipped], lang: str) -> list[tuple[str, str]]:
    """(the range's ``--set`` path, the sentence) for each end of a field's domain that some of its draws were clipped
    to, in the order the ranges are drawn."""
    style = NumberStyle(lang)
    found = []
    for range_ in clipped:
        for count, bound, key in ((range_.below, range_.low, "draws_clipped_below"),
                                  (range_.above, range_.high, "draws_clipped_above")):
            if count:
                found.append((range_.path, label(key, lang).format(
                    share=style.percent(count / range_.draws), count=f"{count:,}", draws=f"{range_.draws:,}",
                    bound=f"{bound:g}")))
    return found
