"""The app's outermost edge: Click's own errors and a vanished stdout, as every other error reads.

Click prints a usage block of four lines for a bad option; here it is one
line, ``aigc-roi: --option: message``, with exit 2 like any invalid input.
Living in the command group's ``main`` (not only in the console script's
``main()``), this edge also holds for the in-process test runner.

It is also where the invocation's language is settled, before click reads the
command line: ``--help`` and usage errors happen while click parses, before
any ``--lang`` callback could run (cli/help_frame.py). Usage errors are built
in English, the canonical text, and shown in the invocation's language like
every other message (present/messages_zh.py).
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from typer import _click
from typer.core import TyperCommand, TyperGroup
from typer.exceptions import Abort

from aigc_roi.cli.files import UsageError, command_outputs
from aigc_roi.cli.help_frame import click_frame, translate_command
from aigc_roi.cli.option_slips import (
    as_typed,
    commands_taking,
    flag_letters,
    long_form,
    options_like,
    refuse_misread_words,
    suggesting_choices,
)
from aigc_roi.cli.streams import (
    EXIT_BROKEN_PIPE,
    EXIT_INVALID,
    EXIT_OK,
    EXIT_TARGET_MISSED,
    CommandLineProblem,
    command_line_value,
    flush_warnings,
    in_language,
    language,
    note,
    refuse_with_document,
    refused,
    report_problem,
    silence_stdout,
    start_invocation,
    stdout_cannot_encode,
    stdout_errors,
)
from aigc_roi.present.errors import located_message
from aigc_roi.present.text import visible

PROGRAM = "aigc-roi"

MEDIAN_COMMANDS = ("run", "breakeven", "sensitivity", "curves")
"""Commands that compute the scenario at the median of each range, so draw no samples."""
SAMPLING_OPTIONS = ("--samples", "--seed")


def option_error_line(error: _click.exceptions.UsageError, owners: Sequence[str] = (), lang: str | None = None) -> str:
    """``aigc-roi: --format: 'x' is not one of 'table', 'json'``: the option first, then the problem (in the
    invocation's language, ``--format：...`` in Chinese, or in ``lang``; the option's name as typed). ``owners``: for
    an option this command does not have, the commands that do, named instead of a look-alike of this command's
    options."""
    lang = lang or language()
    name = ""
    message = error.message
    if isinstance(error, _click.exceptions.BadParameter) and error.param is not None:
        param = error.param
        name = param.opts[0] if param.param_type_name == "option" and param.opts else (param.name or "").upper()
        if isinstance(error, _click.exceptions.MissingParameter):
            message = "missing; it is required"
    elif isinstance(error, _click.exceptions.NoSuchOption):
        name = error.option_name
        near = options_like(name, error.ctx)
        message = "no such option" + (f"; {_owned_elsewhere(long_form(name), owners, error.ctx)}" if owners
                                      else f"; did you mean {', '.join(near)}?" if near else "")
    elif isinstance(error, _click.exceptions.BadOptionUsage):
        name = error.option_name
    problem = located_message(message.rstrip("."), lang)
    if not name:
        return visible(f"{PROGRAM}: {problem}")
    # As the commands' own option problems read (--budget：应为...): a name's colon is the language's.
    from aigc_roi.present.labels import label

    return visible(f"{PROGRAM}: " + label("named_problem", lang).format(name=name, problem=problem))


def _owned_elsewhere(option: str, owners: Sequence[str], ctx: _click.Context | None) -> str:
    """``--samples is an option of simulate and check, not of run, which uses the median of each range``."""
    command = ctx.command.name if ctx is not None and ctx.command.name else ""
    commands = ", ".join(owners[:-1]) + " and " + owners[-1] if len(owners) > 1 else owners[0]
    why = ", which uses the median of each range" if option in SAMPLING_OPTIONS and command in MEDIAN_COMMANDS else ""
    return f"{option} is an option of {commands}, not of {command}{why}"


_PRINTING = ("help", "version", "show_completion")
"""The options that print to stdout while click reads the command line, and exit: click's --help, the root's --version
and Typer's --show-completion."""


class _OnStdout:
    """A printing option's callback, its writes failing as every command's do (``stdout_errors``): 141 for a reader
    that went away, ``stdout: cannot write: ...`` and 2 for a full disk. Left to click, a closed pipe exits 1, the code
    of a missed target, and a full disk reaches the last resort as an internal error."""

    def __init__(self, callback: Callable[..., Any]) -> None:
        self.callback = callback

    def __call__(self, ctx: _click.Context, param: _click.Parameter, value: Any) -> Any:
        with stdout_errors():
            # Descriptor 1 closed (`aigc-roi --help >&-`): click would print nothing and exit 0.
            if value and sys.stdout is None:
                raise OSError(errno.EBADF, os.strerror(errno.EBADF))
            return self.callback(ctx, param, value)


def printing_on_stdout(params: list[_click.Parameter]) -> list[_click.Parameter]:
    """``params``, the printing options' callbacks (``_PRINTING``) wrapped in ``_OnStdout`` once."""
    for param in params:
        if param.name in _PRINTING and param.callback is not None and not isinstance(param.callback, _OnStdout):
            param.callback = _OnStdout(param.callback)
    return params


class EdgeCommand(TyperCommand):
    """A command whose options' values are checked for a missing one before click reads them, and whose
    ``--format`` its ``--output`` file's extension settles before it runs (the extensions ``-o``'s help lists)."""

    json_refusal: Callable[[str], str] | None = None
    """The one document this command's ``--format json`` writes when refused (cli/streams.py
    ``refuse_with_document``); None for a command without one."""

    def get_params(self, ctx: _click.Context) -> list[_click.Parameter]:
        params = suggesting_choices(printing_on_stdout(super().get_params(ctx)))
        if {"output", "format_"} <= {param.name for param in params}:
            from aigc_roi.cli.output import name_suffixes  # only for a command writing a format to a file

            # Here, not as the command is built: help and completion read the list, while the help's table
            # (present/help_zh.py) is keyed by the text with its slot, as the command declares it.
            name_suffixes(params, language())
        return params

    def parse_args(self, ctx: _click.Context, args: list[str]) -> list[str]:
        given = list(args)  # click's parser consumes the list it reads
        try:
            refuse_misread_words(self, ctx, args)
            try:
                return super().parse_args(ctx, args)
            except _click.exceptions.NoSuchOption as error:
                raise as_typed(error, self, given) from None
        except _click.exceptions.UsageError:
            # The format is read from the words: click may stop at a bad value before it reads --format's.
            if self.json_refusal is not None and command_line_value(given, "--format", "-f", flag_letters(self, ctx)) == "json":
                refuse_with_document(self.json_refusal)
            raise

    def invoke(self, ctx: _click.Context) -> Any:
        if ctx.params.get("output") is not None and ctx.params.get("format_") is not None:
            from aigc_roi.cli.output import settle_output_format  # only for a command writing a format to a file

            # Before the command's own checks read the format (an option idle with it, xlsx's need of openpyxl).
            settle_output_format(ctx)
        return super().invoke(ctx)


class EdgeGroup(TyperGroup):
    """The Typer group with Click's errors and a closed pipe handled at its edge."""

    chinese = False
    """Whether this invocation's help is Chinese: set as the root parses, for the commands built after."""

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             windows_expand_args: bool = True, **extra: Any) -> Any:
        with click_frame(start_invocation(list(sys.argv[1:] if args is None else args))), command_outputs() as commit:
            code = self._main_at_the_edge(args, prog_name, complete_var, windows_expand_args, **extra)
            # A command whose result went to a file wrote nothing after its warnings: they are written now.
            flush_warnings()
            # A command's files are put in place only when it succeeded (or only missed a target):
            # all of its outputs or none (cli/files.py).
            if code is None or code in (EXIT_OK, EXIT_TARGET_MISSED):
                try:
                    commit()
                except UsageError as error:
                    code = report_problem(CommandLineProblem(str(error)))
        if not standalone_mode:
            return code
        raise SystemExit(code if isinstance(code, int) else 0)

    def _main_at_the_edge(self, args: Sequence[str] | None, prog_name: str | None, complete_var: str | None,
                          windows_expand_args: bool, **extra: Any) -> Any:
        try:
            return super().main(args, prog_name or PROGRAM, complete_var, standalone_mode=False,
                                windows_expand_args=windows_expand_args, **extra)
        except _click.exceptions.NoArgsIsHelpError as error:
            error.show()
            return EXIT_INVALID
        except _click.exceptions.UsageError as error:
            # For an option the command has not, the commands that have it: run --samples is no typo of --table.
            owners = (commands_taking(error.option_name, error.ctx)
                      if isinstance(error, _click.exceptions.NoSuchOption) else [])
            english = option_error_line(error, owners, "en")
            refused(english)
            note(option_error_line(error, owners), english)
            return EXIT_INVALID
        except _click.exceptions.ClickException as error:
            message = error.format_message()
            note(visible(f"{PROGRAM}: {in_language(message)}"), visible(f"{PROGRAM}: {message}"))
            return error.exit_code
        except Abort:
            note(f"{PROGRAM}: {in_language('aborted')}", f"{PROGRAM}: aborted")
            return 130
        except BrokenPipeError:
            silence_stdout()
            return EXIT_BROKEN_PIPE
        except UnicodeEncodeError as error:
            # Click's own writes to stdout (--help in Chinese on a Latin-1 stdout): the commands' go through
            # stdout_errors, and stderr escapes what its encoding lacks.
            return report_problem(stdout_cannot_encode(error))

    def get_params(self, ctx: _click.Context) -> list[_click.Parameter]:
        return suggesting_choices(printing_on_stdout(super().get_params(ctx)))

    def parse_args(self, ctx: _click.Context, args: list[str]) -> list[str]:
        # The root parses first, and prints --help while parsing: it is translated before; its commands
        # are translated as they are built (cli/commands.py), which for --help is while it prints.
        if language() == "zh":
            translate_command(self, ctx)
            self.chinese = True
        refuse_misread_words(self, ctx, args, interspersed=False)
        given = list(args)
        try:
            return super().parse_args(ctx, args)
        except _click.exceptions.NoSuchOption as error:
            raise as_typed(error, self, given, interspersed=False) from None
