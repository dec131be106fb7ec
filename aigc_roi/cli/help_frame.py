"""``--help`` laid out to fit the terminal, and in Chinese, click's own frame included, for one invocation and none
after it.

Help in either language is laid out by one formatter, HelpFormatter, in the terminal's width at any width (click's
own never goes under 50 columns); the Chinese one changes its words and how a line is broken, not the layout.

Click's words come from two places, each replaced where it is made:

- Typer's frame ("Options", "Arguments", "Commands", "[default: x]",
  "[required]") goes through gettext: typer/core.py binds
  ``_ = gettext.gettext`` at import. For a Chinese invocation that ``_`` is
  rebound to a lookup in CLICK_ZH (present/help_zh.py). Chosen over a gettext
  catalogue (a compiled .mo file under a process-wide domain, found through
  environment variables) and over rewriting the rendered help (a formatter
  would have to take "help  [default: x]" apart again).
- A number option's bounds (``1<=x<=10000000``) Typer asks of its type, not of gettext: a Chinese invocation
  gives each such parameter a copy of its type that words them in Chinese (``_bounds_in_chinese``), and the
  formatter writes the "; " Typer puts before them as "；" (``_FRAME_SEPARATOR``), the one piece of rendered help
  taken apart, where the bracket ends in words the frame wrote itself.
- The vendored click writes "Usage: " itself, without gettext: contexts get a
  formatter whose usage prefix is Chinese. The same formatter wraps by
  terminal columns, where a Chinese character takes two (click counts
  characters, so its Chinese lines ran to twice the width of the terminal).

Both (``typer.core._`` and ``Context.formatter_class``) are module- or
class-level, so ``click_frame`` sets them for the invocation and restores
them in a ``finally``: CliRunner runs many
invocations in one process, and an English one after a Chinese one must read
English. (Not thread-safe, which one invocation per process never needs.)
The texts of our commands, and of the help and completion options, are
translated on the command objects, which are built afresh for every
invocation (``Typer.__call__`` -> ``get_command`` builds the group, the group
each command it is asked for: cli/commands.py), so they leave nothing
behind either. Usage errors are not frame: they stay English canonical and
are translated as whole lines (cli/edge.py, present/messages_zh.py).
"""

from __future__ import annotations

import copy
import re
import shutil
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import typer.core
from typer import _click

from aigc_roi.present.help_notes import LABEL, NOTE, SUM, TIGHT
from aigc_roi.present.help_zh import RANGE_ZH, click_in_chinese, in_chinese, range_in_chinese


def columns(text: str) -> int:
    """Terminal columns of ``text``: two for a wide (CJK) character, one for any other."""
    if text.isascii():  # nearly every English line: a character a column, without looking each one up
        return len(text)
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _pieces(token: str, width: int) -> list[str]:
    """``token`` cut into pieces of at most ``width`` columns: a word longer than a line is broken, as click breaks it."""
    if columns(token) <= width:
        return [token]
    pieces = [""]
    used = 0  # the last piece's columns, counted as it grows: counting it again at each character made a line quadratic
    for char in token:
        wide = columns(char)
        if pieces[-1] and used + wide > width:
            # Closing punctuation never opens a line nor an opening bracket ends one (present/wrap.py's rule): the
            # characters before go down with it, as many as it takes and fit (acquisition / [0].bid=25, where one
            # carried "]" left "acquisition[0" above "].bid=25").
            cut = len(pieces[-1])
            while cut > 1 and columns(pieces[-1][cut - 1:]) + wide <= width and (
                    unicodedata.category((pieces[-1][cut:] + char)[0]) in ("Pe", "Po")
                    or unicodedata.category(pieces[-1][cut - 1]) == "Ps"):
                cut -= 1
            pieces[-1], carried = pieces[-1][:cut], pieces[-1][cut:]
            pieces.append(carried)
            used = columns(carried)
        pieces[-1] += char
        used += wide
    return pieces


def term_lines(term: str, width: int) -> list[str]:
    """An option's names and value, or a command's name, in lines of at most ``width`` columns: broken at its spaces,
    a choice wider than a line (<figures|channels|...|inputs>) after a "|", and only what is still wider cut; a value
    in quotes or brackets kept on one line where it fits one (``'LABEL: PATH=VALUE[, PATH=VALUE]'``, which left
    ``PATH=VALUE[,`` at a line's end)."""
    kept = [span.span() for span in [*_QUOTE.finditer(term), *NOTE.finditer(term)] if columns(span.group()) <= width]
    lines = [""]
    for _, word in _joined(term, [_tied(term, kept), term], 0, len(term), width):
        parts = re.findall(r"[^|]+\|?|\|", word) if columns(word) > width else [word]
        for i, part in enumerate(parts):
            joined = lines[-1] + (" " if lines[-1] and i == 0 else "") + part
            if lines[-1] and columns(joined) > width:
                lines.append(part)
            else:
                lines[-1] = joined
    return [piece for line in lines for piece in _pieces(line, width)]


_QUOTE = re.compile(r"'[^']*'")
"""A value in quotes in an option's name (compare's ``--variant 'LABEL: PATH=VALUE[, PATH=VALUE]'``)."""
_WORD = re.compile(r"( *)([^ ]+)")
_TIE = "\0"
"""A space no line breaks at, while words are found (``_tied``): one column, as the space it stands for."""


def _glue(text: str, width: int | None) -> list[list[tuple[int, int]]]:
    """The spans of English ``text`` no line breaks inside, strongest first: a note that fits ``width`` (None: no note
    is kept whole), then the pairs never parted where the note does not fit (a label and its value, a sum). None at all
    in nearly every text, which has no bracket and no sum."""
    if not _may_glue(text):
        return []
    tight = [match.span() for match in TIGHT.finditer(text)]
    if width is None:
        return [tight] if tight else []
    notes = [note.span() for note in NOTE.finditer(text) if columns(note.group()) <= width]
    return [tight + notes, tight] if tight or notes else []


def _may_glue(text: str) -> bool:
    """Whether ``text`` may hold a note, a label or a sum: a bracket, a parenthesis with a colon, a spaced sign. Looked
    for before the patterns are: most texts have none (a parenthesis is common), and --help must not be slower."""
    return "[" in text or ("(" in text and ":" in text) or " - " in text or " + " in text


def _tied(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each space inside ``spans`` a ``_TIE``: its words found by ``_WORD`` are what a line keeps
    whole, at their offsets in ``text``."""
    for start, end in spans:
        text = text[:start] + text[start:end].replace(" ", _TIE) + text[end:]
    return text


def _units(text: str, width: int | None) -> list[tuple[str, str]]:
    """``text``'s words joined into what a line of ``width`` columns keeps whole (``_glue``), each with the spaces
    before it; None: every label with its value and every sum, however wide."""
    glue = _glue(text, width)
    if not glue:
        return _WORD.findall(text)  # nearly every text: its words, as click's
    tied = [_tied(text, spans) for spans in glue]
    units = _WORD.findall(tied[0])
    if width is None or all(_TIE not in unit or columns(unit) <= width for _, unit in units):
        return [(space, unit.replace(_TIE, " ")) for space, unit in units]  # every unit fits: a note, its label
    return _joined(text, [*tied, text], 0, len(text), width)


def _joined(text: str, tied: list[str], start: int, end: int, width: int | None) -> list[tuple[str, str]]:
    """The words of ``text`` from ``start`` to ``end`` as ``tied[0]`` ties them; one wider than ``width`` as the next
    of ``tied`` does, and so on."""
    units: list[tuple[str, str]] = []
    for match in _WORD.finditer(tied[0], start, end):
        unit = match.group(2)
        if _TIE in unit and width is not None and columns(unit) > width:
            inner = _joined(text, tied[1:], *match.span(2), width)
            units += [(match.group(1), inner[0][1]), *inner[1:]]
        else:
            units.append((match.group(1), text[match.start(2):match.end(2)]))
    return units


def wrap_words(text: str, width: int) -> list[str]:
    """English ``text`` as lines of at most ``width`` terminal columns, broken only at its spaces (a word wider than a
    line starts one and is cut). Click's wrapping, but by columns (``100万`` takes 5), never after a hyphen (click's
    left ``cash-`` at a line's end, and would split ``--no-months`` the same way), a note in brackets on one line where
    it fits one, and a label never at a line's end without its value (click's left ``[default:`` above ``table]``).
    Spaces within a line stay (``numbers.  [default: 0]``), as click keeps them."""
    lines: list[str] = []
    used = 0  # the last line's columns, counted as it grows (as in _pieces)
    for space, word in _units(" ".join(text.expandtabs().splitlines()), width):
        wide = columns(word)
        if lines and used + len(space) + wide <= width:
            lines[-1] += space + word
            used += len(space) + wide
        else:
            lines.append(word)
            used = wide
    return [piece for line in lines for piece in _pieces(line, width)]


def wrap_columns(text: str, width: int) -> list[str]:
    """``text`` as lines of at most ``width`` terminal columns, by the rules every view's Chinese is broken by
    (present/wrap.py: an example in quotes, a name and a number with its unit kept whole, no line opening with
    closing punctuation); a word longer than a line is cut, as click cuts it."""
    # Loaded here: only Chinese help wraps, and this module is loaded by every invocation.
    from rich.text import Text

    from aigc_roi.present.wrap import cjk_lines

    lines = cjk_lines(Text(" ".join(text.split())), width, notes=True).plain.split("\n")
    return [piece for line in lines if line for piece in _pieces(line, width)]


NARROWEST = 20
"""Fewest columns help is laid out in, whatever the terminal says."""
TEXT_BESIDE = 16
"""Fewest columns an option's or command's text takes beside its name; with fewer it goes under the name."""
UNDER = 4
"""How far text under a name, or a usage line's arguments under it, are indented past the name."""
SUMMARY_WIDTH = 78
"""The width a command's summary in the root's list is shortened for (click's "..."): an 80-column terminal's, so a
narrower one shows the same summary, wrapped under the name, as Chinese shows its whole first clause."""


class HelpFormatter(_click.HelpFormatter):
    """Click's help formatter laid out in the terminal's width less 2, as click's, but below click's floor of 50
    columns too: at 40 a line of 50 ran past the edge, the terminal broke it at column 40 and the next entry's column
    started mid-line. Where an option's or command's name leaves its text under TEXT_BESIDE columns, the text goes
    under the name, as where a word of a text is wider than the room beside; a name wider than the line breaks
    (``term_lines``). In 78 columns (a terminal of 80 or wider) English reads as click's, byte for byte, but
    where click cut a note in brackets that fits a line (``[default:`` above ``starter]``).

    English, broken at spaces (``wrap_words``); ChineseHelpFormatter keeps this layout and changes only the words and
    how a line is broken."""

    usage_prefix = "Usage: "
    colon = ":"

    def __init__(self, indent_increment: int = 2, width: int | None = None, max_width: int | None = None) -> None:
        if width is None and _click.formatting.FORCED_WIDTH is None:
            width = max(min(shutil.get_terminal_size().columns, max_width or 80) - 2, NARROWEST)
        super().__init__(indent_increment, width, max_width)

    def lines(self, text: str, width: int) -> list[str]:
        """``text`` as lines of at most ``width`` columns."""
        return wrap_words(text, width)

    def words(self, text: str) -> list[str]:
        """What ``lines`` keeps whole, on a line of its own if it must: its words, a label with its value
        (``[default: starter]``) and a sum (``2^128 - 1]``) as one."""
        if not _may_glue(text):
            return text.split()
        return [unit for _, unit in _units(" ".join(text.split()), None)]

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        # Click's own wraps by characters (a Chinese usage line ran past a narrow terminal) and, where the prefix
        # leaves them no room, indents them past "Usage: " (11 columns) rather than UNDER.
        opening = f"{self.usage_prefix if prefix is None else prefix:>{self.current_indent}}"
        usage = f"{opening}{prog} "
        room = self.width - self.current_indent
        if room - columns(usage) >= TEXT_BESIDE:
            lines, margin = self.lines(args, room - columns(usage)), " " * columns(usage)
            self.write(usage + "\n".join([lines[0], *(margin + line for line in lines[1:])]) + "\n")
            return
        # The program's words that fit after the prefix stay on its line; the rest (the command: "用法：aigc-roi
        # sensitivity" is 26 columns) go under it with the arguments, as a line of 20 holds "用法：aigc-roi".
        kept, moved = prog.split(), list[str]()
        while kept and columns(opening + " ".join(kept)) > room:
            moved.insert(0, kept.pop())
        margin = " " * (self.current_indent + UNDER)
        under = self.lines(" ".join([*moved, *([args] if args else [])]), room - UNDER)
        self.write((opening + " ".join(kept)).rstrip() + "\n" + "".join(margin + line + "\n" for line in under))

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}{self.colon}\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        paragraphs = [self.lines(paragraph, self.width - self.current_indent) for paragraph in text.split("\n\n")]
        self.write("\n\n".join("\n".join(indent + line for line in lines) for lines in paragraphs) + "\n")

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        # Click's layout (terms in a column of at most col_max, a long term on a line of its own), wrapped by columns;
        # where the column would leave the texts under TEXT_BESIDE columns, or narrower than a word of one of them
        # (report's "e.g. acquisition[0].bid=25" beside 17 columns at 38), every text goes under its term.
        first_col = min(max((columns(term) for term, _ in rows), default=0), col_max) + col_spacing
        beside = self.width - self.current_indent - first_col
        if beside < max([TEXT_BESIDE, *(columns(word) for _, text in rows for word in self.words(text))]):
            first_col = min(first_col, UNDER)
        margin = " " * (first_col + self.current_indent)
        room = self.width - self.current_indent
        for term, text in rows:
            # A term wider than the line (-f, --format <table|json|csv|markdown> at 30 columns) takes several.
            names = term_lines(term, room) if columns(term) > room else [term]
            self.write("\n".join(" " * self.current_indent + name for name in names))
            lines = self.lines(text, max(room - first_col, 10))
            if not lines:
                self.write("\n")
                continue
            fits = len(names) == 1 and columns(term) <= first_col - col_spacing
            self.write(" " * (first_col - columns(term)) if fits else "\n" + margin)
            self.write("\n".join([lines[0], *(margin + line for line in lines[1:])]) + "\n")


_FRAME_SEPARATOR = re.compile(rf"; (?={RANGE_ZH} [^\[\]]*\]\Z|{re.escape(click_in_chinese('required'))}\]\Z)")
"""The "; " before the last part of an option's ``[...]`` where it is the bounds or 必填 (``[默认：10000; 范围 1 到
1,000,000]``)."""


class ChineseHelpFormatter(HelpFormatter):
    """The help's layout in Chinese: the usage prefix, headings ending in a full-width colon, text broken by the
    rules of every view's Chinese (``wrap_columns``)."""

    usage_prefix = click_in_chinese("Usage: ")
    colon = "："

    def lines(self, text: str, width: int) -> list[str]:
        return wrap_columns(text, width)

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        # Typer joins the bracket's parts with "; " itself (typer/core.py): a Chinese one, after the default, with
        # the full-width "；" of the Chinese around it. Only before the parts the frame writes (the bounds, 必填), so
        # a default holding "; " keeps it.
        super().write_dl([(term, _FRAME_SEPARATOR.sub("；", text)) for term, text in rows], col_max, col_spacing)

    def words(self, text: str) -> list[str]:
        # A Chinese line may break between two Chinese characters, not inside a run of others (present/wrap.py), nor
        # between a label and its value ([默认：scenario.yaml]) or in a sum (2^128 - 1), which are measured whole:
        # their spaces as "_", a column each.
        from aigc_roi.present.wrap import CJK

        text = SUM.sub(lambda sign: sign.group().replace(" ", "_"), text)
        return re.findall(rf"(?:{LABEL})?[^\s{CJK}]+", text)


@contextmanager
def click_frame(language: str) -> Iterator[None]:
    """Inside, click and Typer write their own words in ``language``, help laid out by HelpFormatter's rules in
    either; outside, in English again, as click lays it out."""
    english, formatter = typer.core._, _click.Context.formatter_class
    if language == "zh":
        typer.core._ = click_in_chinese
    _click.Context.formatter_class = ChineseHelpFormatter if language == "zh" else HelpFormatter
    try:
        yield
    finally:
        typer.core._, _click.Context.formatter_class = english, formatter


_CLAUSE_END = "[：。；]"


def translate_command(command: _click.Command, context: _click.Context) -> None:
    """Chinese help on ``command`` and each of its parameters (the help option too), not on its subcommands:
    the group builds each of them when it is asked for, and translates it then (cli/commands.py).

    ``context`` is the root's: the help option is made from its option names, as it will be when shown."""
    command.help = in_chinese(command.help)
    # The usage line's placeholders: ``[OPTIONS]`` and a group's ``COMMAND [ARGS]...``; an argument's own
    # metavar (FILE) stays, as the help's text names it.
    command.options_metavar = click_in_chinese(command.options_metavar or "") or None
    if hasattr(command, "subcommand_metavar"):
        command.subcommand_metavar = click_in_chinese(command.subcommand_metavar)
    # The group's list shows the help's first clause: click would shorten it by counting characters, as for English.
    command.short_help = re.split(_CLAUSE_END, command.help or "", maxsplit=1)[0] or None
    for parameter in [*command.params, command.get_help_option(context)]:
        if parameter is not None and hasattr(parameter, "help"):
            parameter.help = in_chinese(parameter.help)
        if parameter is not None and isinstance(parameter.type, _click.types._NumberRangeBase):
            parameter.type = _bounds_in_chinese(parameter.type)


def _bounds_in_chinese(kind: _click.types._NumberRangeBase) -> _click.types._NumberRangeBase:
    """A copy of a number option's type that shows its bounds in Chinese, as Typer asks it for them
    (``_describe_range``) to show after the default (``[默认：10000；范围 1 到 1,000,000]``). A copy: the type is
    declared once, in the option's annotation, and shared by every invocation of the process; the parameter holding
    it is this invocation's own. It reads and refuses a value as the type does."""
    chinese = copy.copy(kind)
    text = range_in_chinese(kind.min, kind.max, kind.min_open, kind.max_open)
    chinese._describe_range = lambda: text  # type: ignore[method-assign]
    return chinese
