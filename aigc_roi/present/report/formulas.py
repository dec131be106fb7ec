"""Each figure's definition, read from the project's reference (docs/formulas.md §5, "Figures").

The page quotes the reference instead of re-typing it, so the report and the
docs cannot drift: a figure the reference does not define fails the tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

_ROW = re.compile(r"^\| `(?P<name>[a-z_]+)` \| (?P<definition>.+) \| (?P<none>[^|]+) \|\s*$")


@dataclass(frozen=True)
class Definition:
    formula: str
    none_when: str
    """When the figure is none (``never`` for a figure that always has a value)."""


@cache
def definitions() -> dict[str, Definition]:
    """Figure name -> its definition, from the table of docs/formulas.md §5 (found by its stable anchor)."""
    text = files(__package__).joinpath("formulas.md").read_text(encoding="utf-8")
    section = text.split('<a id="s5"></a>\n', 1)[1].split("\n## ", 1)[0]
    found = {}
    for line in section.splitlines():
        row = _ROW.match(line)
        if row:
            found[row["name"]] = Definition(row["definition"].strip(), row["none"].strip())
    return found
