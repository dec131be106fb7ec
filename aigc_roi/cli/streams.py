"""The CLI edge: results to stdout, problems to stderr, exit codes; loading a file or exiting 2."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

from aigc_roi.cli.files import UsageError, write_bytes, write_text
from aigc_roi.model.errors import ScenarioError, ScenarioInvalid
from aigc_roi.present.errors import located_message
from aigc_roi.present.labels import LANGUAGES, default_lang

if TYPE_CHECKING:
    from rich.console import RenderableType

    from aigc_roi.reader.load import LoadedScenario
    from aigc_roi.reader.overrides import Override

# Rich, PyYAML and numpy are imported inside the functions that need them:
# `--help`, `schema` and `init` never load them (tests/contract/test_startup.py).

EXIT_OK = 0
EXIT_TARGET_MISSED = 1
EXIT_INVALID = 2


STDOUT = "-"
"""``-o -``: the file name that means standard output (as in ruff, yamllint, tar)."""

_language: ContextVar[str] = ContextVar("language", default="en")
"""Language of this invocation's messages: the locale's, or the command's --lang."""
_quiet: ContextVar[bool] = ContextVar("quiet", default=False)
"""-q: summaries and notes stay off stderr; errors and results are still written."""


def _stderr(line: str) -> None:
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def note(line: str) -> None:
    """One line for the user on stderr (a note or a summary, never a result); silent under -q."""
    if not _quiet.get():
        _stderr(line)


def start_invocation() -> None:
    """Messages follow the locale until a command's --lang says otherwise."""
    _language.set(default_lang())
    _quiet.set(False)


def set_quiet(quiet: bool) -> None:
    if quiet:
        _quiet.set(True)


def to_stdout(output: Path | None) -> bool:
    return output is None or str(output) == STDOUT


def message_line(error: ScenarioError | str) -> str:
    """One problem as the user reads it, in this invocation's language."""
    return located_message(error, _language.get())

def fail(errors: Iterable[ScenarioError | str]) -> NoReturn:
    """Print each problem on its own line of stderr and exit 2."""
    for error in errors:
        _stderr(message_line(error))
    raise typer.Exit(EXIT_INVALID)


def resolve_lang(lang: str | None) -> str:
    chosen = lang or default_lang()
    if chosen not in LANGUAGES:
        fail([f"--lang: expected one of {', '.join(LANGUAGES)}, found {chosen!r}"])
    _language.set(chosen)
    return chosen


def overrides(sets: list[str] | None) -> tuple[Override, ...]:
    from aigc_roi.reader.overrides import parse_override

    try:
        return tuple(parse_override(text) for text in sets or [])
    except ScenarioInvalid as invalid:
        fail(invalid.errors)


def load(path: Path, sets: list[str] | None = None) -> LoadedScenario:
    """The scenario at ``path`` with ``--set`` overrides, or exit 2 with every error."""
    from aigc_roi.reader.load import load_path

    try:
        return load_path(path, overrides(sets))
    except ScenarioInvalid as invalid:
        fail(invalid.errors)


@contextmanager
def usage_errors() -> Iterator[None]:
    """A bad option value (a UsageError) raised inside becomes one line on stderr and exit 2."""
    try:
        yield
    except UsageError as error:
        fail([str(error)])


def emit(text: str, output: Path | None = None, force: bool = False) -> None:
    """Results go to stdout (no ``output``, or ``-``), or atomically to ``output``."""
    if to_stdout(output):
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    assert output is not None
    with usage_errors():
        write_text(output, text, force)


def emit_bytes(data: bytes, output: Path | None, force: bool) -> None:
    """A binary result (a workbook) to stdout's bytes, or atomically to ``output``."""
    if to_stdout(output):
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    assert output is not None
    with usage_errors():
        write_bytes(output, data, force)


def show(renderables: Iterable[RenderableType], output: Path | None = None, force: bool = False) -> None:
    """Rich output to the terminal, or as plain text to ``output``."""
    from rich.console import Console

    if to_stdout(output):
        # Piped output gets a wide page rather than Rich's 80-column default.
        console = Console(highlight=False, width=None if sys.stdout.isatty() else 160)
        for renderable in renderables:
            console.print(renderable)
        return
    console = Console(record=True, width=160, file=io.StringIO(), color_system=None)
    for renderable in renderables:
        console.print(renderable)
    emit(console.export_text(), output, force)
