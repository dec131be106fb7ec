"""What `check --base` shows of each file's change since the base: the before-and-after grid, its title, the one
line of a file added, removed or unchanged, a base version's errors, and the JSON of every change.

Human text follows ``lang``; JSON keys and figure keys stay English (present/ci_view.py, the rest of `check`'s view).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

from aigc_roi.ci.records import Comparison, comparable
from aigc_roi.model.errors import ScenarioError
from aigc_roi.model.figures import rules_of, unit_of
from aigc_roi.model.rounding import fixed
from aigc_roi.model.targets import Figures
from aigc_roi.present.ci_view import GridTable, error_json
from aigc_roi.present.errors import error_in
from aigc_roi.present.labels import label
from aigc_roi.present.numbers import (
    NONE,
    NumberStyle,
    irr_kinds_differ,
    none_over,
    past_display_cap,
    shown_nonzero,
    signed_change,
)
from aigc_roi.present.text import visible


def _change(name: str, was: Mapping[str, Any], now: Mapping[str, Any], style: NumberStyle) -> str:
    """``after - before`` of figure ``name`` in its unit: percentage points for roi and irr, months for paybacks."""
    before, after = was.get(name), now.get(name)
    if name == "irr" and irr_kinds_differ([was, now]):
        # A return against a borrowing rate: their difference is no change of anything (docs/formulas.md §5).
        return NONE
    if past_display_cap(name, [before, after]):
        # A side shown only as "> 1,000%" leaves no change to read in points (docs/formulas.md §5).
        return NONE
    if before is None or after is None:
        # Reaching payback is the best change there is, losing it the worst; a payback that is none because the
        # figure it is computed over is (no CAC) was never there to reach or lose.
        if before != after and rules_of(name).none == "never" and none_over(name, was if before is None else now) is None:
            never = label("never", style.lang)
            if after is None:
                return label("check_worse_never", style.lang).format(never=never)
            return label("check_better_never", style.lang).format(never=never, month=fixed(after, 0))
        return NONE
    delta = after - before
    unit = unit_of(name)
    if unit == "percent":
        return style.points(delta)
    if unit == "month":
        return style.month_change(delta)
    if unit in ("money", "users"):
        amount = signed_change(style.money(delta) if unit == "money" else style.count(delta), delta)
        # A change that shows as none (0.00) has no share of the old value to tell: "0.00 (0.0%)" says it twice.
        relative = f" ({fixed(delta / abs(before), 1, plus=True, shift=2)}%)" if before and shown_nonzero(amount) else ""
        return f"{amount}{relative}"
    return signed_change(style.ratio(delta), delta)


def _side(figures: Mapping[str, Any] | None, name: str, missing: str, style: NumberStyle) -> str:
    return missing if figures is None else style.figure(name, figures.get(name), label("never", style.lang), figures)


def _value(figures: Figures | None, name: str) -> float | int | None:
    return None if figures is None else figures.get(name)


def comparison_grid(comparison: Comparison, lang: str = "en") -> GridTable:
    """figure | before | after | change; a side without figures reads new, removed or invalid.

    Figures are named by key in English (as in JSON) and by their label in Chinese.
    """
    style = NumberStyle(lang, comparison.currency)
    # Each side with why its IRR is none, or how it reads, as run says it.
    before, after = (None if figures is None else {**figures, **notes}
                     for figures, notes in zip((comparison.before, comparison.after), comparison.irr_notes, strict=True))
    no_before = label("check_status_new" if comparison.status == "new" else "check_invalid", lang)
    no_after = label("check_status_removed" if comparison.status == "removed" else "check_invalid", lang)
    names = list(comparison.after or comparison.before or {})
    # A side without figures (new, removed, invalid) has no value to change from: never is not "never paid back".
    rows = [
        [name if lang == "en" else label(name, lang), _side(before, name, no_before, style),
         _side(after, name, no_after, style),
         _change(name, before, after, style) if before is not None and after is not None and comparable(name, comparison.currency_change)
         else NONE]
        for name in names
    ]
    return [label(key, lang) for key in ("check_figure", "check_before", "check_after", "check_change")], rows


def named(comparison: Comparison) -> str:
    return f"{comparison.path} ({comparison.scenario})" if comparison.scenario else comparison.path


STATUS_LABELS: dict[str, str] = {"modified": "check_status_modified", "new": "check_status_new", "removed": "check_status_removed",
                                 "renamed": "check_status_renamed", "copied": "check_status_copied"}
SINCE_BASE_LABELS: dict[str, str] = {"new": "check_new_since_base", "removed": "check_removed_since_base"}
"""A file added or removed since the base reads as one line (``is_one_line``)."""


def comparison_title(comparison: Comparison, base: str, lang: str = "en") -> str:
    """``scenarios/x.yaml (Name): modified``; a renamed or copied file also names where it was at ``base``."""
    status = label(STATUS_LABELS[comparison.status], lang).format(was=comparison.was, base=base)
    if comparison.currency_change is not None:
        was, now = comparison.currency_change
        status += label("check_currency_changed", lang).format(was=was, base=base, now=now)
    return label("check_title", lang).format(named=named(comparison), status=status)


def is_one_line(comparison: Comparison) -> bool:
    """An added or removed file has no before-and-after to tabulate, one whose figures are all as they were
    (a rename, a comment edited) no change, and one neither version of which computes (both invalid, or a --set
    refused in both) no figure: it reads as one line, the errors after it."""
    return comparison.status in ("new", "removed") or unchanged(comparison) or neither_computes(comparison)


def neither_computes(comparison: Comparison) -> bool:
    """Neither the base's version nor the file's gives figures: a table of them would be a header alone."""
    return comparison.before is None and comparison.after is None


def unchanged(comparison: Comparison) -> bool:
    """Both versions valid, in one currency, with every figure as it was."""
    return (comparison.before is not None and comparison.before == comparison.after
            and comparison.currency_change is None)


def comparison_line(comparison: Comparison, base: str, lang: str = "en") -> str:
    """``scenarios/x.yaml (Name): new since REF``, ``...: removed since REF`` or, every figure as it was,
    ``...: renamed (was scenarios/w.yaml at REF); no figure changed``, ``...: modified; neither version computes``."""
    if comparison.status in SINCE_BASE_LABELS:
        return label(SINCE_BASE_LABELS[comparison.status], lang).format(named=named(comparison), base=base)
    status = label(STATUS_LABELS[comparison.status], lang).format(was=comparison.was, base=base)
    said = "check_neither_computes" if neither_computes(comparison) else "check_no_figure_changed"
    return label(said, lang).format(named=named(comparison), status=status)


def base_error_line(error: ScenarioError, comparison: Comparison, base: str, lang: str = "en") -> str:
    """An error of a file's version at ``base``: ``scenarios/x.yaml at REF, line 2, column 1: message``. Not
    ``REF:FILE:LINE:COL:``, which a problem matcher would take for a line of a file in the working tree; one located
    in a ``--set`` is led by the file it was applied to (``scenarios/x.yaml at REF: --set ...:1:1: ...``)."""
    error = error_in(error, lang)
    file = comparison.was or comparison.path
    if error.scenario is not None:
        problem = str(dataclasses.replace(error, scenario=None))
        return visible(label("check_base_option_error", lang).format(file=file, base=base, problem=problem))
    problem = f"{error.path}: {error.message}" if error.path else error.message
    return visible(label("check_base_error", lang).format(file=file, base=base, line=error.line, column=error.column,
                                                         problem=problem))


def comparison_json(ref: str, comparisons: Sequence[Comparison]) -> dict[str, Any]:
    changes = []
    for comparison in comparisons:
        figures = {}
        for name in comparison.after or comparison.before or {}:
            old, new = _value(comparison.before, name), _value(comparison.after, name)
            figures[name] = {"before": old, "after": new,
                             "change": None if old is None or new is None or not comparable(name, comparison.currency_change)
                             else new - old}
        changes.append({"path": comparison.path, "status": comparison.status, "old_path": comparison.was,
                        "scenario": comparison.scenario,
                        "figures": figures, "before_errors": [error_json(e) for e in comparison.before_errors]})
    return {"ref": ref, "changes": changes}
