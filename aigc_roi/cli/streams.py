"""The CLI edge: results to stdout, problems to stderr, exit codes; loading a file or exiting 2."""

from __future__ import annotations

import errno
import io
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, NoReturn, TextIO, TypeVar

import typer

from aigc_roi.cli.files import UsageError, register_inputs, unencodable, write_bytes, write_text, write_through
from aigc_roi.present.errors import in_file_order, located_message
from aigc_roi.present.language import LANGUAGES, default_lang
from aigc_roi.present.stand_ins import encodes, for_encoding
from aigc_roi.present.text import utf8_text

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from aigc_roi.model.errors import ScenarioError, ScenarioInvalid
    from aigc_roi.reader.load import LoadedScenario
    from aigc_roi.reader.overrides import Override
    from aigc_roi.whatif.explain import FigureChanges

# Rich, PyYAML and numpy are imported inside the functions that need them:
# `--help`, `schema` and `init` never load them (tests/contract/test_startup.py).

T = TypeVar("T")

EXIT_OK = 0
EXIT_TARGET_MISSED = 1
EXIT_INVALID = 2
EXIT_BROKEN_PIPE = 141
"""128 + SIGPIPE: what a shell reports for a writer whose reader closed the pipe."""


STDOUT = "-"
"""``-o -``: the file name that means standard output (as in ruff, yamllint, tar)."""

_language: ContextVar[str] = ContextVar("language", default="en")
"""Language of this invocation's messages: the locale's, or the command's --lang."""
_quiet: ContextVar[bool] = ContextVar("quiet", default=False)
"""-q: summaries and notes stay off stderr; errors and results are still written."""
_held: ContextVar[dict[str, list[tuple[tuple[bool, bool, int, int], str, str]]] | None] = ContextVar("held", default=None)
"""A command's located warnings not written yet, by the scenario file they are of, in the order the files were first
warned of: each file's written together in file order (``flush_warnings``) once anything else is to be written, or
the command ends."""
_warned: ContextVar[set[tuple[str, tuple[bool, bool, int, int], str]] | None] = ContextVar("warned", default=None)
"""The located warnings held or written so far in this command, by scenario file, place and line: each is written
once, however many times its file is read (a compare's base and variants) or a flush comes between the readings."""
_refusal: ContextVar[Callable[[str], str] | None] = ContextVar("refusal", default=None)
"""While a command whose result is one JSON document has nothing on stdout yet: that document for a run refused
before it could be written, from the refusal's English line (``refuse_with_document``)."""


def _stderr(line: str, english: str | None = None) -> None:
    """A line for the user on stderr (``english``: the line in English, ``for_stderr``). A stderr closed (``2>&-``)
    or full (``2>/dev/full``) cannot take it, and has no one to tell: the line is dropped and the exit code stays the
    command's own (an uncaught failure here would exit 1, the code of a missed target)."""
    flush_warnings()
    stream = sys.stderr
    if stream is None:  # Python's stderr when the process started with descriptor 2 closed
        return
    try:
        stream.write(for_stderr(line, english) + "\n")
        stream.flush()
    except (OSError, ValueError):
        silence_stream(stream)


def for_stderr(line: str, english: str | None = None) -> str:
    """``line`` as stderr's encoding can write it. Where that encoding lacks a character of the translation itself
    (a Chinese line on an ASCII, Latin-1 or cp1252 stderr), the line in ``english``: a line of ``\\u`` escapes
    tells the user nothing, not even to set UTF-8. What the line still lacks (a Chinese file name) is escaped, as
    Python's stderr escapes it, and as a strict stream put in its place (an embedding program's) would not."""
    encoding = getattr(sys.stderr, "encoding", None) or "utf-8"
    line = for_encoding(_in_language_written(line, english, encoding), encoding)
    return line if encodes(line, encoding) else line.encode(encoding, "backslashreplace").decode(encoding)


def _in_language_written(line: str, english: str | None, encoding: str) -> str:
    """``line``, or ``english`` where ``encoding`` lacks a character of the translation itself."""
    # The characters the English line has too (a file's name, a value found) are the same in either language.
    if english is not None and not encodes("".join(set(line) - set(english)), encoding):
        return english
    return line


def note(line: str, english: str | None = None) -> None:
    """One line for the user on stderr (a note or a summary, never a result); silent under -q. ``english``: the
    line in English, for a stderr that cannot write the invocation's language (``for_stderr``); a line of English
    canonical text needs none."""
    if not _quiet.get():
        _stderr(line, english)


def start_invocation(args: list[str]) -> str:
    """The language of this invocation, set before click reads a word of the command line.

    Click prints ``--help`` and its usage errors while it parses, before any callback
    of ``--lang`` could run, so the language is read from the arguments themselves:
    the last ``--lang`` on the command line (the root's or the command's), else the locale."""
    chosen = command_line_lang(args)
    language = chosen if chosen in LANGUAGES else default_lang()
    _language.set(language)
    _quiet.set(False)
    _refusal.set(None)
    _held.set(None)
    _warned.set(None)
    return language


def command_line_lang(args: list[str]) -> str | None:
    """The value of the last ``--lang X`` or ``--lang=X`` before a ``--`` (None without one)."""
    return command_line_value(args, "--lang")


def command_line_value(args: Sequence[str], name: str, short: str = "", flags: str = "") -> str | None:
    """The value of the last ``NAME X`` or ``NAME=X`` (or ``SHORT X``, ``SHORTX``, and ``SHORT`` after ``flags``, the
    letters of the command's short options that take no value, in one word: ``-qf json``, ``-qfjson``) before a
    ``--``; None without one. Read from the words themselves, before click parses them, as a usage error may stop it
    first."""
    words = args[:args.index("--")] if "--" in args else args
    chosen = None
    for index, word in enumerate(words):
        if word.startswith(f"{name}="):
            chosen = word.removeprefix(f"{name}=")
            continue
        # Click reads a word of one dash letter by letter: flags, until a letter that takes the rest as its value.
        letters = word[1:].lstrip(flags) if short and word[:1] == "-" and word[1:2] not in ("", "-") else ""
        if word == name or letters == short[1:] and letters:
            if index + 1 < len(words):
                chosen = words[index + 1]
        elif letters.startswith(short[1:]) and letters:
            chosen = letters.removeprefix(short[1:])
    return chosen


def language() -> str:
    """This invocation's language: ``en`` or ``zh``."""
    return _language.get()


def is_quiet() -> bool:
    return _quiet.get()


def set_quiet(quiet: bool) -> None:
    if quiet:
        _quiet.set(True)


def to_stdout(output: Path | None) -> bool:
    return output is None or str(output) == STDOUT


def stdout_is_terminal() -> bool:
    return sys.stdout is not None and sys.stdout.isatty()


def message_line(error: ScenarioError | str) -> str:
    """One problem as the user reads it, in this invocation's language."""
    return located_message(error, _language.get())


def in_language(text: str) -> str:
    """A line of English canonical text (a summary, a usage error) in this invocation's language."""
    return located_message(text, _language.get())


class CommandLineProblem(str):
    """A problem of the command line as a whole, with no one option to blame (``give exactly one of --budget,
    ...``, or one the allocation refuses): shown after the program's name, as an option's problem is."""


def report_problem(error: ScenarioError | str, english: str | None = None) -> int:
    """One problem on its own line of stderr (even under -q); returns the exit code it means, 2.

    A problem with an option (``--budget: ...``) or with the command line (a ``CommandLineProblem``) names the
    program first, as click's own errors do (cli/edge.py): ``aigc-roi: --budget: ...``; a file's problem starts
    with the file. ``english``: the problem's English wording, for a message already worded in this invocation's
    language (a label's); a refusal document carries it (``refuse_with_document``)."""
    english = english or located_message(error, "en")
    of_the_command_line = isinstance(error, CommandLineProblem) or (isinstance(error, str) and error.startswith("--"))
    refused(english)
    program = "aigc-roi: " if of_the_command_line else ""
    _stderr(program + message_line(error), program + located_message(english, "en"))
    return EXIT_INVALID


class Localized:
    """A field of a label (``fail_with``) worded in each language: another label, or a list joined with the
    language's separator (、 or ``, ``). Filled in as one string, it would put Chinese in the English line, the one
    a stderr without Chinese and a refusal document read. A plain class, as cli/files.py's are: `--help` loads it."""

    __slots__ = ("wording",)

    def __init__(self, wording: Callable[[str], str]) -> None:
        self.wording = wording
        """The value in a language (``en``, ``zh``)."""


def fail_with(key: str, lang: str, /, *, of_command_line: bool = False, **fields: object) -> NoReturn:
    """Exit 2 with the label ``key`` (present/labels.py) filled in with ``fields``, in ``lang`` and in English, each
    ``Localized`` field in the language of its line. ``of_command_line``: a problem of the command line as a whole
    (``CommandLineProblem``), named after the program."""
    from aigc_roi.present.labels import label

    def worded(in_lang: str) -> str:
        return label(key, in_lang).format(**{name: value.wording(in_lang) if isinstance(value, Localized) else value
                                             for name, value in fields.items()})

    problem = worded(lang)
    fail([CommandLineProblem(problem) if of_command_line else problem], worded("en"))


def fail(errors: Iterable[ScenarioError | str], english: str | None = None) -> NoReturn:
    """Print each problem on its own line of stderr and exit 2 (``english``: the first one's English wording, as
    ``report_problem`` takes it)."""
    for error in errors:
        report_problem(error, english)
        english = None
    raise typer.Exit(EXIT_INVALID)


def refuse_scenario(scenario: str, invalid: ScenarioInvalid, errors: Iterable[ScenarioError | str] | None = None) -> NoReturn:
    """Exit 2 with every error of reading the scenario file ``scenario`` (``invalid``'s, or ``errors``: them as the
    command words them), then its warnings, as `validate` shows an invalid file (docs/ci.md): ``budget: 1.500``
    warned of may be what an error elsewhere comes from, and a file is fixed in one pass. Every command that reads a
    scenario refuses one so. A file read before (a compare's base, then a variant refused) was warned of then, before
    the error, as any option refused after the file was read (``sensitivity --grid``), and not again (``warn_at``)."""
    for error in invalid.errors if errors is None else errors:
        report_problem(error)
    warn_loaded(scenario, invalid.warnings)
    flush_warnings()
    raise typer.Exit(EXIT_INVALID)


def refuse_with_document(document: Callable[[str], str] | None) -> None:
    """From here until stdout is written, a refusal (exit 2) writes ``document`` of its English line to stdout: a
    command asked for one JSON document writes one whatever stops it, so ``cmd --format json | jq -e .passed`` fails
    with it even in a shell without ``pipefail``. None: stdout is left empty, as the text formats leave it."""
    _refusal.set(document)


def refused(english: str) -> None:
    """The refusal document for ``english`` (an English line, ``aigc-roi: `` dropped) on stdout, when one is due."""
    document = _refusal.get()
    if document is None:
        return
    text = _encodable_json(document(english.removeprefix("aigc-roi: ")), True)
    try:
        _stdout().write(text)
    except (OSError, UnicodeEncodeError):
        silence_stdout()  # stdout is what failed: nothing more to write there, and the stderr line still says why


def resolve_lang(lang: str | None) -> str:
    """A command's ``--lang``, or the invocation's language (the root's ``--lang``, else the locale)."""
    # An empty --lang '' is a value given, refused as --lang xx is, never the default.
    chosen = _language.get() if lang is None else lang
    if chosen not in LANGUAGES:
        from aigc_roi.model.names import did_you_mean, resembling  # on a refusal's path only

        near = resembling(chosen, LANGUAGES)
        fail([f"--lang: expected one of {', '.join(LANGUAGES)}, found {chosen!r}" + (f"; {did_you_mean(near)}" if near else "")])
    _language.set(chosen)
    return chosen


def overrides(sets: list[str] | None, option: str = "--set") -> tuple[Override, ...]:
    """The settings an ``option`` gave, each located at the option and its text in messages."""
    from aigc_roi.model.errors import ScenarioInvalid
    from aigc_roi.reader.overrides import parse_override

    try:
        return tuple(parse_override(text, option) for text in sets or [])
    except ScenarioInvalid as invalid:
        fail(invalid.errors)


def source_text(path: Path | str, sets: list[str] | None) -> str:
    """Where a result's numbers come from, as outputs state it: the file as named and each ``--set`` applied
    to it (``plan.yaml --set discount_rate=0.10``), so a what-if never passes for the file's own plan."""
    return " ".join([str(path), *(f"--set {text}" for text in sets or [])])


def load(path: Path, sets: list[str] | None = None, named: bool = False) -> LoadedScenario:
    """The scenario at ``path`` with ``--set`` overrides, its warnings on stderr; or exit 2 with every error.
    ``named``: where the command applies the sets to another file too (`report --base`), each problem located at a
    set names ``path`` before it (``ScenarioError.applied_to``), as the other file's do."""
    from aigc_roi.model.errors import ScenarioInvalid
    from aigc_roi.reader.load import load_path

    register_inputs([path])
    try:
        loaded = load_path(path, overrides(sets))
    except ScenarioInvalid as invalid:
        if named:
            invalid.warnings = tuple(warning.applied_to(str(path)) for warning in invalid.warnings)
        refuse_scenario(str(path), invalid, [error.applied_to(str(path)) for error in invalid.errors] if named else None)
    warn_loaded(loaded.path, [warning.applied_to(loaded.path) for warning in loaded.warnings] if named
                else loaded.warnings)
    return loaded


def explained_change(base: Path, new: Path, sets: list[str] | None) -> FigureChanges:
    """``api.explain_change`` of ``base`` and ``new`` with the ``--set`` options, without its Python warnings: the
    command prints the warnings of the files it loads itself, as located lines (``load``); raises its
    ``ScenarioInvalid``."""
    import os

    from aigc_roi.ci.changes import figure_changes
    from aigc_roi.model.spelled_paths import spelled_path

    return figure_changes(spelled_path(os.fsdecode(base)), spelled_path(os.fsdecode(new)), overrides(sets))


def warn_loaded(scenario: str, warnings: Iterable[ScenarioError]) -> None:
    """The warnings of reading ``scenario`` (reader/gate_warnings.py, ...), one located line each on stderr, as its
    errors would be, among the command's other warnings of the file in file order (``warn_at``)."""
    for warning in warnings:
        option = None if warning.file == scenario else warning.file
        warn_at(scenario, in_file_order(warning.line, warning.column, option),
                located_message(warning, language()), located_message(warning, "en"))


def warn_at(scenario: str, order: tuple[bool, bool, int, int], line: str, english: str) -> None:
    """A located warning of ``scenario`` (``line``, and in ``english`` for ``for_stderr``), at ``order``
    (present/errors.py ``in_file_order``): held until anything else is written, so that every kind a command finds
    (reading the file, the draws a simulation clipped, a payback target past the horizon) is written in file order
    with the others, not kind by kind; a note, so -q drops it, and once however many times the file was read (a
    compare's variants)."""
    warned = _warned.get()
    if warned is None:
        warned = set()
        _warned.set(warned)
    if (scenario, order, line) in warned:
        return
    warned.add((scenario, order, line))
    held = _held.get()
    if held is None:
        held = {}
        _held.set(held)
    held.setdefault(scenario, []).append((order, line, english))


def flush_warnings() -> None:
    """The warnings held (``warn_at``) on stderr, file by file, each file's in file order."""
    held = _held.get()
    if not held:
        return
    _held.set(None)
    for warnings in held.values():
        for _, line, english in sorted(warnings, key=lambda warning: warning[0]):
            note(line, english)


@contextmanager
def usage_errors() -> Iterator[None]:
    """A bad option value (a UsageError) raised inside becomes one line on stderr and exit 2."""
    try:
        yield
    except UsageError as error:
        fail([CommandLineProblem(str(error))])


def emit(text: str, output: Path | None = None, force: bool = False) -> None:
    """Results go to stdout (no ``output``, or ``-``), or atomically to ``output``; a lone surrogate (a byte of a file
    name that is no UTF-8) as its escape, ``\\udcbc`` (``utf8_text``): every document written is UTF-8, where a stdout
    whose errors are ``surrogateescape`` (a C or POSIX locale, UTF-8 mode) wrote the name's raw bytes into it."""
    _write(utf8_text(text), output, force)


def _write(text: str, output: Path | None, force: bool) -> None:
    """``emit``'s writing of a text that holds no lone surrogate."""
    if to_stdout(output):
        with stdout_errors():
            _stdout().write(text)
        return
    assert output is not None
    with usage_errors():
        write_text(output, text, force, or_stdout=True)


def emit_lines(worded: Callable[[str], str]) -> None:
    """Located lines a person reads in a log (findings, annotations), ``worded`` in a language, to stdout. Where its
    encoding (ASCII, Latin-1, a Windows code page) lacks a character, one file's Chinese name no longer refuses every
    file's lines: a line whose translation it cannot write is in English, as stderr's are (``for_stderr``), and what
    a line still lacks (a name, a path) is written as its escape, ``\\u8ba1``, as Python's stderr writes it."""
    text = worded(language())
    if not text:  # a file with nothing to say: stdout is not even opened, so a closed one fails nothing
        return
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    if language() != "en" and not encodes(text, encoding):
        # One line for one line: every finding and annotation is one line in either language.
        text = "\n".join(_in_language_written(line, english, encoding)
                         for line, english in zip(text.split("\n"), worded("en").split("\n"), strict=True))
    with stdout_errors():
        _escaping_stdout().write(text)


def emit_json(text: str, output: Path | None = None, force: bool = False) -> None:
    """A JSON result, as ``emit`` writes it; where the destination cannot hold one of its characters (a stdout
    in ASCII or a legacy code page, a file name that is not UTF-8), every character outside ASCII is written as
    a ``\\u`` escape instead, which any JSON reader reads back as the same text."""
    _write(_encodable_json(text, to_stdout(output)), output, force)  # its surrogates escaped there already


def _encodable_json(text: str, on_stdout: bool) -> str:
    """``text``, a JSON document, with every lone surrogate (a file name's byte that is no UTF-8) as JSON's escape,
    ``\\udcbc`` (``utf8_text``), and every character outside ASCII escaped where stdout (``on_stdout``; else a file,
    in UTF-8) cannot hold one of the rest: a GBK-named file no longer escapes every Chinese name beside it."""
    text = utf8_text(text)
    if on_stdout and sys.stdout is not None:
        encoding, errors = sys.stdout.encoding, sys.stdout.errors or "strict"
    else:
        encoding, errors = "utf-8", "strict"
    try:
        text.encode(encoding, errors)
    except UnicodeEncodeError:
        import json

        # Outside its strings JSON is ASCII, so every such run is in a string, where an escape means the same.
        text = re.sub("[^\x00-\x7f]+", lambda run: json.dumps(run.group())[1:-1], text)
    return text


def emit_bytes(data: bytes, output: Path | None, force: bool) -> None:
    """A binary result (a workbook) to stdout's bytes, or atomically to ``output``."""
    if to_stdout(output):
        with stdout_errors():
            _stdout().write_all(data)
        return
    assert output is not None
    with usage_errors():
        write_bytes(output, data, force, or_stdout=True)


def save_file(data: bytes | Iterable[bytes], path: Path, force: bool) -> None:
    """The file of an option that writes only a file (``--plot``), atomically."""
    with usage_errors():
        write_bytes(path, data, force)


def save_file_while(work: Callable[[BinaryIO], T], path: Path, force: bool) -> T:
    """``work``'s result, and the file of an option that writes only a file, written atomically by ``work`` through
    its handle as it goes (``--samples-out``, as the samples are evaluated)."""
    done: list[T] = []
    with usage_errors():
        write_through(path, force, lambda file: done.append(work(file)))
    return done[0]


def show(views: Callable[[], Iterable[RenderableType]], output: Path | None = None, force: bool = False) -> None:
    """Rich output, ``views`` built for where it goes: to the terminal, or as plain text to ``output``; a ``LogLine``
    printed whole, and off a terminal every title one line (present/console.py ``DataConsole``'s ``in_log``)."""
    from aigc_roi.present.console import DataConsole, laid_out_for

    if to_stdout(output):
        # Where stdout's encoding lacks a character, the views are built and laid out in what it writes: a symbol's
        # ASCII stand-in (``<=``, present/stand_ins.py), any other character's escape (``\\u6296``, as a located
        # line's is, ``emit_lines``), and Rich draws the frame in ASCII. Escaped after the layout had measured it as
        # one character, a Chinese name ran its row past the table's border.
        encoding = getattr(sys.stdout, "encoding", None)
        with laid_out_for(encoding):
            renderables = list(views())
            with stdout_errors():
                stream = _escaping_stdout()
                terminal = stream.isatty()
                console = DataConsole(in_log=not terminal, file=stream, width=None if terminal else page_width())
                # One write at the end: a failure while the views are laid out leaves no part of them written.
                with console:
                    _print_all(console, renderables)
        return
    console = DataConsole(in_log=True, record=True, width=page_width(), file=io.StringIO(), color_system=None)
    _print_all(console, views())
    emit(console.export_text(), output, force)


def _print_all(console: Console, renderables: Iterable[RenderableType]) -> None:
    from aigc_roi.present.console import LogLine

    for renderable in renderables:
        console.print(renderable, soft_wrap=isinstance(renderable, LogLine))


PAGE_WIDTH = 160
"""Columns of a table written to a pipe or a file: wide, rather than Rich's 80-column default."""


def page_width() -> int:
    """``COLUMNS`` when it is set to a width (as ``ls`` and Rich honour it), else ``PAGE_WIDTH``."""
    columns = os.environ.get("COLUMNS", "").strip()
    # ASCII digits, and few of them: isdecimal() takes ٣, and int() refuses over 4,300 digits.
    width = int(columns) if re.fullmatch("[0-9]{1,6}", columns) else 0
    return width if 0 < width <= 10_000 else PAGE_WIDTH


class WholeWrites(io.TextIOBase):
    """Standard output that takes every write whole or raises.

    Under ``PYTHONUNBUFFERED`` (or ``python -u``) stdout's bytes are a raw file, whose write may take
    only part of a large result: a pipe whose reader leaves mid-write (``| head -1``) takes what fitted
    and reports no error, and the text layer drops the rest. Here the rest is written again, which then
    meets the closed end as ``BrokenPipeError`` (exit 141), or a full disk as ``OSError`` (exit 2)."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self._stream = stream
        # A character the encoding lacks: written as its escape (``_escaping_stdout``), else refused.
        self.escapes = False

    @property
    def encoding(self) -> str:  # type: ignore[override]  # stdout's own, which Rich reads to pick its box characters
        return self._stream.encoding

    def isatty(self) -> bool:
        return self._stream.isatty()

    def fileno(self) -> int:
        return self._stream.fileno()

    def write(self, text: str) -> int:
        errors = "backslashreplace" if self.escapes else self._stream.errors or "strict"
        # What a person reads gets a symbol's stand-in (``<=`` for ``≤``) before a character is escaped: the console
        # has laid a view out in them already, and a located line has no layout to keep.
        written = for_encoding(text, self._stream.encoding) if self.escapes else text
        self.write_all(written.encode(self._stream.encoding, errors))
        return len(text)

    def write_all(self, data: bytes) -> None:
        self._stream.flush()
        binary = self._stream.buffer
        unwritten = memoryview(data)
        while unwritten:
            written = binary.write(unwritten)
            if written is None:  # a non-blocking stdout that is full: what a buffered one raises
                raise BlockingIOError(errno.EAGAIN, os.strerror(errno.EAGAIN))
            unwritten = unwritten[written:]
        binary.flush()


def _stdout() -> WholeWrites:
    # The warnings found so far come before the result, as they would on a terminal had each been written at once.
    flush_warnings()
    # Whatever is written now is the command's output: a refusal after it adds no second document.
    _refusal.set(None)
    # Python sets sys.stdout to None when the process starts with descriptor 1 closed (`cmd >&-`).
    if sys.stdout is None:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))
    return WholeWrites(sys.stdout)


def _escaping_stdout() -> WholeWrites:
    """Standard output for what a person reads (located lines, tables): a symbol its encoding lacks written as its
    ASCII stand-in (present/stand_ins.py), any other character it lacks as its escape. Documents a program reads
    back (CSV, markdown, HTML, YAML) go through ``_stdout``, which refuses one: an escape there would be read as the
    text itself; JSON escapes its own (``emit_json``). A lone surrogate, which no encoding holds, is the exception:
    every document has it as its escape (``emit``), as a table shows it."""
    stream = _stdout()
    stream.escapes = True
    return stream


@contextmanager
def stdout_errors() -> Iterator[None]:
    """A reader that went away (``| head -1``) ends the command as SIGPIPE would, with 141 (never 1,
    which means a missed target); any other failure of stdout, a character its encoding lacks included,
    is one line and exit 2."""
    try:
        yield
    except BrokenPipeError:
        silence_stdout()
        raise typer.Exit(EXIT_BROKEN_PIPE) from None
    except OSError as error:
        fail([f"stdout: cannot write: {error.strerror or error}"])
    except UnicodeEncodeError as error:
        fail([stdout_cannot_encode(error)])


def stdout_cannot_encode(error: UnicodeEncodeError) -> str:
    """The line for a result that stdout's encoding (ASCII, a legacy code page) has no code for."""
    return f"stdout: cannot write: {unencodable(error, getattr(sys.stdout, 'encoding', None) or error.encoding)}"


def silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush of unwritten output cannot fail again."""
    silence_stream(sys.stdout)


def silence_stream(stream: TextIO | None) -> None:
    """Point ``stream``'s descriptor at /dev/null: the interpreter's final flush of what it could not
    write then succeeds, instead of failing at exit with code 120."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())  # type: ignore[union-attr]
        os.close(devnull)
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        pass  # not a real descriptor (a test runner's buffer): nothing will be flushed at exit
