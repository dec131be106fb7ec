"""The app's outermost edge: Click's own errors and a vanished stdout, as every other error reads.

Click prints a usage block of four lines for a bad option; here it is one
line, ``aigc-roi: --option: message``, with exit 2 like any invalid input.
Living in the command group's ``main`` (not only in the console script's
``main()``), this edge also holds for the in-process test runner.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from typer import _click
from typer.core import TyperGroup
from typer.exceptions import Abort

from aigc_roi.cli.streams import EXIT_BROKEN_PIPE, EXIT_INVALID, note, silence_stdout
from aigc_roi.present.text import visible

PROGRAM = "aigc-roi"


def option_error_line(error: _click.exceptions.UsageError) -> str:
    """``aigc-roi: --format: 'x' is not one of 'table', 'json'``: the option first, then the problem."""
    name = ""
    message = error.message
    if isinstance(error, _click.exceptions.BadParameter) and error.param is not None:
        param = error.param
        name = param.opts[0] if param.param_type_name == "option" and param.opts else (param.name or "").upper()
        if isinstance(error, _click.exceptions.MissingParameter):
            message = "missing; it is required"
    elif isinstance(error, _click.exceptions.NoSuchOption):
        name = error.option_name
        message = "no such option" + (f"; did you mean {', '.join(sorted(error.possibilities))}?" if error.possibilities else "")
    elif isinstance(error, _click.exceptions.BadOptionUsage):
        name = error.option_name
    prefix = f"{PROGRAM}: {name}: " if name else f"{PROGRAM}: "
    return visible(prefix + message.rstrip("."))


class EdgeGroup(TyperGroup):
    """The Typer group with Click's errors and a closed pipe handled at its edge."""

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             windows_expand_args: bool = True, **extra: Any) -> Any:
        try:
            code = super().main(args, prog_name or PROGRAM, complete_var, standalone_mode=False,
                                windows_expand_args=windows_expand_args, **extra)
        except _click.exceptions.NoArgsIsHelpError as error:
            error.show()
            code = EXIT_INVALID
        except _click.exceptions.UsageError as error:
            note(option_error_line(error))
            code = EXIT_INVALID
        except _click.exceptions.ClickException as error:
            note(visible(f"{PROGRAM}: {error.format_message()}"))
            code = error.exit_code
        except Abort:
            note(f"{PROGRAM}: aborted")
            code = 130
        except BrokenPipeError:
            silence_stdout()
            code = EXIT_BROKEN_PIPE
        if not standalone_mode:
            return code
        raise SystemExit(code if isinstance(code, int) else 0)
