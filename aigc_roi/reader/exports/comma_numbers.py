"""An export's numbers read with a decimal comma, as ``decimal_comma=True`` asks (`actuals --decimal-comma`): the
German, Brazilian and Indonesian consoles' ``1.234,56`` amounts and ``12.345`` counts. No cell alone says which mark
its export writes (``1,500`` is 1.5 in one and 1500 in the other), so the whole export is read one way, as its user
states: a comma marks decimals, and a dot, a space (the no-break and narrow no-break spaces French and Swiss locales
write too) or an apostrophe groups thousands, one of them in a number, three digits a group after a first of one to
three that starts with no 0 (``0.125`` groups nothing). ``1.500`` is 1500 and ``1,500`` 1.5; a dot after the comma
(``1,234.56``, a decimal point's number) and digits grouped otherwise (``1.23``, ``12.34.567``) are refused, saying
which (cells.py locates them)."""

from __future__ import annotations

import re

READ_WITH = "decimal_comma=True"
"""What reads an export with a decimal comma, as a refusal names it: the library's argument (api.actuals); the CLI
names its option, --decimal-comma, in its place (cli/actuals.py)."""
DECIMAL_COMMA_HINT = f"if the export writes decimal commas (1.234,56), read it with {READ_WITH}"
"""The fix of a cell that a decimal comma's export writes, refused where the export is read with a decimal point."""
EXPECTED = "a number with a decimal comma (1.234,56)"
GROUPS = ".'’ \u00a0\u202f"
"""What groups thousands before a decimal comma: a dot (German, Brazilian, Indonesian), an apostrophe (Swiss; a
typographic one too) or a space, plain, no-break or narrow no-break (French, Polish, Czech)."""
BODY = rf"[+-]?[0-9](?:[0-9,{GROUPS}]*[0-9])?"
"""A number's text as cells.py's currency signs and codes frame it: digits (ASCII, as cells.py reads them) and what may
stand between them."""
_UNGROUPED = re.compile(r"[+-]?[0-9]+(?:,[0-9]+)?")
_GROUPED = re.compile(rf"[+-]?[1-9][0-9]{{0,2}}([{GROUPS}])[0-9]{{3}}(?:\1[0-9]{{3}})*(?:,[0-9]+)?")
"""The separator taken by the first group (``\\1``) is every group's: ``1.234 567`` is no number."""


def comma_number(body: str) -> float | str:
    """The number ``body`` (``BODY``) writes, else why it is none as read with a decimal comma ("" for no reason
    but that)."""
    if _UNGROUPED.fullmatch(body) or _GROUPED.fullmatch(body):
        return float(body.translate({ord(mark): None for mark in GROUPS}).replace(",", "."))
    comma = body.find(",")
    if comma >= 0 and "." in body[comma:]:
        return f"a dot after the comma, as a decimal point's number writes it, which {READ_WITH} does not read"
    if any(mark in body for mark in GROUPS):
        return "a dot, space or apostrophe groups a number's digits in threes before its decimal comma (1.234.567,89)"
    return ""
