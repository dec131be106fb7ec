"""Months written as runs of consecutive months, as people read them: 1, 2, 3, 7 -> ``1-3, 7``, the span a file's
``months:`` takes (a file refuses ``1..3`` there)."""

from __future__ import annotations

from collections.abc import Iterable


def month_runs(months: Iterable[int], joiner: str = "-", separator: str = ", ") -> str:
    """``1-3, 7`` for the months 1, 2, 3 and 7 (``joiner`` between a run's first and last month, ``separator`` between
    runs: a language's list separator, 1-3、7 in Chinese)."""
    runs: list[list[int]] = []
    for month in months:
        if runs and month == runs[-1][-1] + 1:
            runs[-1].append(month)
        else:
            runs.append([month])
    return separator.join(f"{run[0]}{joiner}{run[-1]}" if len(run) > 1 else f"{run[0]}" for run in runs)


def months_phrase(months: Iterable[int]) -> str:
    """``month 3``, ``months 1-3, 7``: months as an English message names them, a lone one never "months 3"
    (present/month_words.py names them in the user's language)."""
    listed = list(months)
    return f"month{'s' if len(listed) > 1 else ''} {month_runs(listed)}"
