"""What every command shares: options, loading with errors to stderr, output."""

from __future__ import annotations

import dataclasses
import io
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console, RenderableType

from aigc_roi.cli.files import write_text
from aigc_roi.model.errors import ScenarioError, ScenarioInvalid, UsageError
from aigc_roi.present.labels import LANGUAGES, default_lang
from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.load import LoadedScenario, load_path
from aigc_roi.reader.overrides import Override, parse_override

EXIT_OK = 0
EXIT_TARGET_MISSED = 1
EXIT_INVALID = 2


class FigureFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


SetOption = Annotated[
    list[str] | None,
    typer.Option("--set", metavar="PATH=VALUE",
                 help="Override one field for a what-if, e.g. acquisition[0].bid=25 (repeatable)."),
]
FormatOption = Annotated[FigureFormat, typer.Option("--format", "-f", help="Output format.")]
OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file instead of standard output.")
]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace an existing output file.")]
LangOption = Annotated[
    str | None, typer.Option("--lang", help="Language of tables and messages: en or zh (default from LANG).")
]


def stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


_language: ContextVar[str] = ContextVar("language", default="en")
"""Language of this invocation's messages: the locale's, or the command's --lang."""


def start_invocation() -> None:
    """Messages follow the locale until a command's --lang says otherwise."""
    _language.set(default_lang())


def message_line(error: ScenarioError | str) -> str:
    """One problem as the user reads it: location first, then the message in their language."""
    if _language.get() != "zh":
        return str(error)
    if isinstance(error, ScenarioError):
        return str(dataclasses.replace(error, message=translate(error.message)))
    return translate(error)


def fail(errors: Iterable[ScenarioError | str]) -> NoReturn:
    """Print each problem on its own line of stderr and exit 2."""
    console = stderr()
    for error in errors:
        console.print(message_line(error), markup=False)
    raise typer.Exit(EXIT_INVALID)


def resolve_lang(lang: str | None) -> str:
    chosen = lang or default_lang()
    if chosen not in LANGUAGES:
        fail([f"--lang: expected one of {', '.join(LANGUAGES)}, found {chosen!r}"])
    _language.set(chosen)
    return chosen


def overrides(sets: list[str] | None) -> tuple[Override, ...]:
    try:
        return tuple(parse_override(text) for text in sets or [])
    except ScenarioInvalid as invalid:
        fail(invalid.errors)


def load(path: Path, sets: list[str] | None = None) -> LoadedScenario:
    """The scenario at ``path`` with ``--set`` overrides, or exit 2 with every error."""
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
    """Results go to stdout, or atomically to ``output``."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    with usage_errors():
        write_text(output, text, force)


def show(renderables: Iterable[RenderableType], output: Path | None = None, force: bool = False) -> None:
    """Rich output to the terminal, or as plain text to ``output``."""
    if output is None:
        # Piped output gets a wide page rather than Rich's 80-column default.
        console = Console(highlight=False, width=None if sys.stdout.isatty() else 160)
        for renderable in renderables:
            console.print(renderable)
        return
    console = Console(record=True, width=160, file=io.StringIO(), color_system=None)
    for renderable in renderables:
        console.print(renderable)
    emit(console.export_text(), output, force)
