"""Several names in one CSV cell: compare's ``best`` and ``note``, breakeven's gates, the ``what_if`` column.

Names are free text (a scenario's, a channel's, a gate's), so one may hold the "; " the names are joined with:
``A; B`` would read as one name or two. Each name that could be misread is written as CSV writes a cell, in
double quotes with its own quotes doubled (``"A; B"; C``), and every other name as it is, so a list of plain names
reads as it always did. A spreadsheet shows the quotes; a script splits the cell as CSV with ";" between fields
and the spaces after it skipped (Python: ``csv.reader([cell], delimiter=";", skipinitialspace=True)``), which gives
each name back whole (docs/formulas.md §8, "Names in a CSV cell")."""

from __future__ import annotations

import re
from collections.abc import Iterable

SEPARATOR = "; "
"""Between two names of a cell."""

_MISREAD = re.compile(r'[;"\r\n]')
"""What a name may not hold unquoted: the separator's ";" (two names, or one?), a quote (a quoted name, or one
that holds quotes?) and a line break, which no CSV field holds unquoted."""


def listed_name(name: str) -> str:
    """``name`` as a cell's list holds it: in double quotes, its own doubled, where it holds ";", a quote or a line
    break, starts or ends with a space (a split skips the spaces after ";") or is empty (else it reads as no name);
    as it is otherwise."""
    if name and not _MISREAD.search(name) and not name[0].isspace() and not name[-1].isspace():
        return name
    return '"' + name.replace('"', '""') + '"'


def names_cell(names: Iterable[str]) -> str:
    """``names`` as one CSV cell, each as ``listed_name`` writes it, joined by "; "; ``""`` for none."""
    return SEPARATOR.join(listed_name(name) for name in names)
