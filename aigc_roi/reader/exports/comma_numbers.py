"""An export's numbers read with a decimal comma, as ``decimal_comma=True`` asks (`actuals --decimal-comma`): the
German, Brazilian and Indonesian consoles' ``1.234,56`` amounts and ``12.345`` counts. No cell alone says which mark
its export writes (``1,500`` is 1.5 in one and 1500 in the other), so the whole export is read one way, as its user
states: a comma marks decimals, and a dot, a space (the no-break and narrow no-break spaces French and Swiss locales
write too) or an apostrophe groups thousands, one of them in a number, three digits a group after a first of one to
three that starts with no 0 (``0.125`` groups nothing). ``1.500`` is 1500 and ``1,500`` 1.5; a dot after the comma
(``1,234.56``) or a lone dot no group follows (``1500.00``, ``0.125``), a decimal point's number, is refused saying
that the option reads every export given (a German and an English export in one run: the English one is read in a
run of its own), and digits grouped otherwise (``12.34.567``, ``1.234 567``) are refused saying how groups are
written (cells.py locates them).

Read with a decimal point, an export whose header is in a decimal comma's language (a column named as the German,
French, Spanish or Portuguese UI names it, locales.py) has ``1,500`` as 1.5 where its numbers write a decimal comma
and as 1500 where they do not: such a cell, a comma before three digits alone, is refused saying so (``either_mark``),
rather than read a thousand times off. Other commas say which mark they are (``1,234,567``, ``2,50``); an export whose
header is English (Google Ads in English writes ``1,500.00``, in a EUR account too) reads as before."""

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
OWN_RUN = (f"{READ_WITH} reads every export given with a decimal comma: read this one without it, in a run of its "
           "own, or export it with a decimal comma")
"""The fix of a decimal point's export among decimal comma's ones: the option is the run's, not an export's."""
_POINT = re.compile(r"[+-]?[0-9]+\.[0-9]+")
"""One dot and no comma, where it groups no thousands (``1500.00``, ``0.125``, ``1234.567``): a decimal point."""
_UNGROUPED = re.compile(r"[+-]?[0-9]+(?:,[0-9]+)?")
_GROUPED = re.compile(rf"[+-]?[1-9][0-9]{{0,2}}([{GROUPS}])[0-9]{{3}}(?:\1[0-9]{{3}})*(?:,[0-9]+)?")
"""The separator taken by the first group (``\\1``) is every group's: ``1.234 567`` is no number."""


_ONE_COMMA_GROUP = re.compile(r"[+-]?[1-9][0-9]{0,2},[0-9]{3}")


def either_mark(body: str, language: str | None) -> str | None:
    """Why ``body``, read with a decimal point, is refused in an export whose header cell ``language`` is in a decimal
    comma's language (the module's rule); None where it is not, or ``body`` says its mark."""
    if language is None or not _ONE_COMMA_GROUP.fullmatch(body):
        return None
    return (f"the export's header {language!r} is in a language that writes a decimal comma, where {body} is "
            f"{float(body.replace(',', '.')):g}, not {body.replace(',', '')}: read it with {READ_WITH}")


def comma_number(body: str) -> float | str:
    """The number ``body`` (``BODY``) writes, else why it is none as read with a decimal comma ("" for no reason
    but that)."""
    if _UNGROUPED.fullmatch(body) or _GROUPED.fullmatch(body):
        return float(body.translate({ord(mark): None for mark in GROUPS}).replace(",", "."))
    comma = body.find(",")
    if comma >= 0 and "." in body[comma:]:
        return f"a dot after the comma, as a decimal point's number writes it, while {OWN_RUN}"
    if _POINT.fullmatch(body):
        return f"a decimal point, as this export writes its numbers, while {OWN_RUN}"
    if any(mark in body for mark in GROUPS):
        return "a dot, space or apostrophe groups a number's digits in threes before its decimal comma (1.234.567,89)"
    return ""
