"""A word wider than its line cut into lines that fit, as ``--help`` cuts one (cli/help_frame.py ``_pieces``): where
the line is full, between two characters as a reader sees them (present/graphemes.py: never inside an "é" written
e + U+0301 nor a flag), and never so that closing punctuation opens a line or an opening bracket ends one; nothing is
left out. A table's name too long for its column (compare's gate, or a plan's as a column's header) is cut so, where
kept whole it cost the table a column or turned it into one block per scenario."""

from __future__ import annotations

from unicodedata import category

from aigc_roi.present.console import cell_len
from aigc_roi.present.graphemes import clusters


def _kept_apart(before: str, after: str) -> bool:
    """Whether a line may end after ``before`` and the next start with ``after``: not before closing or other
    punctuation (``.``, ``)``, ``，``) nor after an opening bracket, by help's rule."""
    return category(after[0]) not in ("Pe", "Po") and category(before[-1]) != "Ps"


def cut_word(word: str, width: int) -> list[str]:
    """``word`` in lines of at most ``width`` cells (as the stream the views are laid out for writes them); a single
    character wider than the line takes a line of its own. Joined, the lines are ``word``."""
    width = max(1, width)
    if cell_len(word) <= width:
        return [word]
    lines: list[list[str]] = [[]]
    used = 0  # the last line's cells, counted as it grows
    for cluster in clusters(word):
        wide = cell_len(cluster)
        line = lines[-1]
        if line and used + wide > width:
            cut = len(line)
            # The characters before go down with the one that may not open a line, as many as it takes and fit.
            while cut > 1 and not _kept_apart(line[cut - 1], (line[cut:] or [cluster])[0]) \
                    and cell_len("".join(line[cut - 1:])) + wide <= width:
                cut -= 1
            lines[-1], carried = line[:cut], line[cut:]
            lines.append(carried)
            used = cell_len("".join(carried))
        lines[-1].append(cluster)
        used += wide
    return ["".join(line) for line in lines]
