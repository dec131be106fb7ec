"""The warning of every command that samples when some of a range's draws fell outside its field's domain.

A range is valid when its median lies in the field's domain, and its draws are clipped to it (docs/formulas.md §9):
``bid: -5..10`` with a budget puts three draws in ten at a bid of 1e-6, each buying 30 billion users a month for
30,000. The figures those draws make are what the file asks for, so they are shown, but never without a word: one
line per field and end of its domain, with the share counted from the draws. So are a retention point's draws
lowered to an earlier age's share (retention never rises with age), and the samples whose conversion index was
lowered to 1 / the largest plan conversion (no more than all of a cohort subscribes), and the samples whose
conversions by age summed past 1 and were scaled down to 1 (each user subscribes once): the value the file writes is
not what they use.
"""

from __future__ import annotations

from collections.abc import Iterable

from aigc_roi.model.sampling import Clipped
from aigc_roi.present.labels import label
from aigc_roi.present.numbers import NumberStyle


def clipped_draw_warnings(clipped: Iterable[Clipped], lang: str) -> list[tuple[str, str, str]]:
    """(the range's ``--set`` path, ``draws_clipped`` or ``draws_lowered``, the sentence) for each end of a field's
    domain that some of its draws were clipped to, for a retention point's draws lowered to an earlier age's, for
    a conversion index lowered to 1 / the largest plan conversion and for a plan's conversions by age scaled down to
    sum to 1, in ``ClipTally.clipped``'s order."""
    style = NumberStyle(lang)
    found = []
    for range_ in clipped:
        for count, bound, key in ((range_.below, range_.low, "draws_clipped_below"),
                                  (range_.above, range_.high, "draws_clipped_above"),
                                  (range_.lowered, None, "draws_lowered"),
                                  (range_.capped, range_.ceiling,
                                   "index_lowered_by_sample" if range_.ceiling is None else "index_lowered"),
                                  (range_.scaled, None, "conversions_scaled")):
            if count:
                code = "draws_clipped" if key.startswith("draws_clipped") else "draws_lowered"
                found.append((range_.path, code, label(key, lang).format(
                    share=style.share(count, range_.draws), count=f"{count:,}", draws=f"{range_.draws:,}",
                    bound=f"{bound:g}" if bound is not None else "")))
    return found
