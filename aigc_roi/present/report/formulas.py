"""Each figure's definition, read from the project's reference (docs/formulas.md §5, "Figures", and its Chinese table).

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


_CODE_SPAN = re.compile(r"`([^`]+)`")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def _plain(cell: str) -> str:
    """A table cell of the reference without its markdown: a link as its text (``§4.8``, whose anchor is the
    reference's, not the page's), a code span as what it holds. The page shows it as text, in a tooltip too."""
    return _CODE_SPAN.sub(r"\1", _LINK.sub(r"\1", cell))


@cache
def _reference() -> str:
    return files(__package__).joinpath("formulas.md").read_text(encoding="utf-8")


def _section(anchor: str) -> str:
    """The text of the section after ``<a id="anchor"></a>``, up to the next heading of any level."""
    after = _reference().split(f'<a id="{anchor}"></a>\n', 1)[1]
    heading, _, body = after.partition("\n")
    return heading + "\n" + re.split(r"\n#{2,4} ", body, maxsplit=1)[0]


@cache
def formula(anchor: str, start: str) -> str:
    """The formula of the reference's section ``anchor`` that begins with ``start``: an indented line of a
    formula block or an inline code span, quoted as written. A formula the reference does not hold raises
    KeyError, so the page can never show one the docs lost."""
    section = _section(anchor)
    for line in section.splitlines():
        if line.startswith("  ") and line.strip().startswith(start):
            # A formula block names its figure after a long run of spaces: the formula is what comes before.
            return " ".join(re.split(r"\s{4,}", line.strip())[0].rstrip(",").split())
    for span in _CODE_SPAN.findall(section):
        if span.startswith(start):
            return span
    raise KeyError(f"docs/formulas.md #{anchor} holds no formula starting {start!r}")


@cache
def definitions(lang: str = "en") -> dict[str, Definition]:
    """Figure name -> its definition, from the table of docs/formulas.md §5, or with ``lang`` "zh" from its
    Chinese table (each found by its stable anchor, up to the next heading)."""
    anchor = "s5-zh" if lang == "zh" else "s5"
    section = re.split(r"\n#{2,4} ", _reference().split(f'<a id="{anchor}"></a>\n', 1)[1].split("\n", 1)[1], maxsplit=1)[0]
    found = {}
    for line in section.splitlines():
        row = _ROW.match(line)
        if row:
            found[row["name"]] = Definition(_plain(row["definition"].strip()), _plain(row["none"].strip()))
    return found
