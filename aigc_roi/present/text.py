"""Names are data: text from a scenario or a command line, made harmless for each output.

A name may hold anything YAML can: Rich markup (``[/x]``), a terminal escape
(``\\x1b]0;title\\x07`` sets the window title, ``\\x1b[31m`` colours what
follows), a line break, a ``|`` or a leading ``=``. Each output gets the
neutralising it needs, and only that: JSON keeps names exactly.
"""

from __future__ import annotations

import re

# Patterns, not compiled ones: re compiles (and caches) each on its first use, which the start-up of
# every command (--help included) then does not pay for.
_CONTROL = "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
"""The C0 and C1 controls and DEL, the line and paragraph separators and the bidirectional
overrides, which reorder what a reader sees; and what no XML document may hold (an SVG chart),
the noncharacters U+FFFE and U+FFFF and a lone surrogate."""

_CONTROL_IN_LINES = _CONTROL.replace("\x00-\x1f", "\x00-\x09\x0b-\x1f")
"""``_CONTROL`` less the line feed: in a Rich ``Text`` a line break is the layout's own."""

_MARKDOWN = r"[\\|`*~]|\](?=[(\[])|<(?=[A-Za-z/!?])|&(?=[#A-Za-z])|(?<![^\W_])_|_(?![^\W_])"
"""What makes markdown (CommonMark, GitHub's) act rather than show: a ``]`` that closes a link or
image (``[x](url)``, ``![i](url)``, ``[x][ref]``), a ``<`` that opens raw HTML or an autolink, an
``&`` that starts an entity, a ``|`` that ends a table cell, a backtick that opens code, a ``*`` or
``~`` that opens or closes emphasis or strikethrough, an ``_`` that may (one between two letters or
digits never does, ``peak_cash``, and is left as written), and the backslash that would undo these
escapes. A name is text: a campaign called `tick` *star* _u_ reads as written, not as code, bold and
italics; each piece is escaped whole, so two pieces put together (a name, then a label) cannot pair
their marks."""

_NOT_IN_XML = "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]"
"""Characters XML 1.0 cannot hold at all: most C0 controls, lone surrogates, U+FFFE and U+FFFF."""


def _escape(character: str) -> str:
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_LONE_SURROGATE = "[\ud800-\udfff]"
"""What ``os.fsdecode`` makes of a byte of a file name that is no UTF-8 (PEP 383), ``\\udcbc`` for GBK's 0xbc: no
UTF-8 holds it."""


def utf8_text(text: str) -> str:
    """``text`` with every lone surrogate written as its escape, ``\\udcbc``, and nothing else changed: a document
    written whole (JSON, CSV, markdown, HTML, YAML) is then UTF-8 whatever file names it holds. In JSON the escape is
    JSON's own (a surrogate stands only inside a string), which a reader reads back as the same surrogate, and
    ``os.fsencode`` turns back into the name's bytes; elsewhere it is the text the table and located lines show."""
    return re.sub(_LONE_SURROGATE, lambda match: _escape(match.group()), text)


def visible(text: str) -> str:
    """Every control character (escape, line break, tab, DEL, C1) written out as ``\\x1b``, so a
    terminal shows the name instead of acting on it, and one name stays on one line."""
    return re.sub(_CONTROL, lambda match: _escape(match.group()), text)


def visible_in_lines(text: str) -> str:
    """As ``visible``, keeping line feeds: for a Rich ``Text`` whose lines are laid out on purpose."""
    return re.sub(_CONTROL_IN_LINES, lambda match: _escape(match.group()), text)


def html_text(text: str) -> str:
    """Text an HTML page or its inline SVG shows as written: markup escaped and control characters written
    out as ``visible`` writes them for every other output. A raw ESC would replay in a CI log through
    ``report -o -``, and XML 1.0 holds no NUL nor most C0 controls, so an SVG chart with one is not XML."""
    # Imported here: html and its entities table are a millisecond of `--help`, which reads this module and no page.
    from html import escape

    return escape(visible(text))


def markdown_text(text: str) -> str:
    """Text a markdown reader shows without acting on it: ``[x](url)`` is no link, ``<img>`` no HTML,
    ``|`` ends no cell, ```x``` no code, ``*x*`` and ``_x_`` no emphasis (each backslash-escaped, ``_MARKDOWN``);
    control characters are written out. Every markdown output's names, cells, titles and lines pass through it."""
    return re.sub(_MARKDOWN, lambda match: "\\" + match.group(), visible(text))


def markdown_code(text: str) -> str:
    """``text`` as one inline code span, shown as written: fenced by one backtick more than its longest run of them,
    and spaced inside the fence where it starts or ends with one (CommonMark strips one space from each side). A
    code span shows a backslash as written, so ``markdown_text`` cannot escape text inside one: a git ref
    ``feat`x`` closed the span after ``feat`` and opened another."""
    shown = visible(text)
    fence = "`" * (max((len(run) for run in re.findall("`+", shown)), default=0) + 1)
    padded = f" {shown} " if shown.startswith("`") or shown.endswith("`") else shown
    return fence + padded + fence


_CLOSING_HASHES = r"#+(?=[ \t]*\Z)"
"""The #s a heading's text ends in: an ATX heading's closing sequence, which a renderer drops."""


def markdown_heading(level: int, text: str) -> str:
    """An ATX heading (``## ...``) of ``text`` as ``markdown_text`` shows it, the #s it ends in kept
    (``closing_hashes``): a name or a value that ends a heading keeps its #."""
    return "#" * level + " " + closing_hashes(markdown_text(text))


def closing_hashes(markdown: str) -> str:
    """Markdown that ends a heading, the #s it ends in backslash-escaped: CommonMark drops a run of #s after a
    space as the heading's closing sequence (``## Plan #`` reads "Plan"), and other renderers (Python-Markdown's)
    drop one after any character (``## Plan C#`` reads "Plan C"). ``Plan C\\#`` reads "Plan C#" in every one.
    Only for text that ``markdown_text`` escaped once, and once: an escaped # would be escaped again."""
    return re.sub(_CLOSING_HASHES, lambda match: "\\#" * len(match.group()), markdown)


def markdown_cell(text: str) -> str:
    """A table cell that cannot end its row (line break) or its cell (``|``), nor hold live markup."""
    return markdown_text(text)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection)."""


def spreadsheet_text(text: str) -> str:
    """A text cell a spreadsheet shows as text: one starting like a formula gets a leading ``'``."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def formula_like(text: str) -> bool:
    """Whether a spreadsheet would read ``text``, typed into a cell, as a formula (``FORMULA_STARTS``)."""
    return text.startswith(FORMULA_STARTS)


def xlsx_text(text: str) -> str:
    """The text itself, with the control characters XML 1.0 cannot hold written out. No ``'``: an xlsx cell has a
    type, and a formula-like one is stored as a text cell (workbook.py ``keep_text``), never evaluated, holding the
    name exactly as JSON does; CSV, whose cells have no type, keeps the ``'`` (``spreadsheet_text``)."""
    return re.sub(_NOT_IN_XML, lambda match: _escape(match.group()), text)
