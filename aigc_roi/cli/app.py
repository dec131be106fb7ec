"""The `aigc-roi` command line: options in, library calls, output and exit codes.

Exit codes follow grep/diff: 0 fine, 1 a valid scenario misses one of its
targets (`check`), 2 invalid input (bad file or option, an output that cannot
be written), 141 stdout closed by its reader (as SIGPIPE reports in a shell).
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from aigc_roi import __version__
from aigc_roi.cli.commands import CommandGroup
from aigc_roi.cli.options import LangOption
from aigc_roi.cli.streams import EXIT_INVALID, CommandLineProblem, report_problem, resolve_lang

# The commands are not registered here: CommandGroup builds each from cli/commands.py COMMANDS when it is asked for.
app = typer.Typer(
    cls=CommandGroup,
    name="aigc-roi",
    help="ROI, ROAS, CAC, LTV, payback and NPV of user acquisition for generative-AI apps.",
    no_args_is_help=True,
    # --install-completion / --show-completion for bash, zsh, fish and PowerShell, as Typer provides them.
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"aigc-roi {__version__}")
        raise typer.Exit()


# invoke_without_command: `aigc-roi --lang zh` alone shows the help (in Chinese) as `aigc-roi` alone does,
# rather than click's "Missing command".
@app.callback(invoke_without_command=True)
def _root(
    context: typer.Context,
    version: Annotated[bool, typer.Option("--version", "-V", callback=_print_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
    lang: LangOption = None,
) -> None:
    """ROI, ROAS, CAC, LTV, payback and NPV of user acquisition for generative-AI apps.

    Exit codes: 0 fine, 1 a scenario misses one of its targets (check), 2 invalid input.
    """
    # The language itself was settled from the whole command line before parsing (cli/edge.py);
    # here a bad value is refused, and a command's own --lang defaults to this one.
    resolve_lang(lang)
    if context.invoked_subcommand is None:
        typer.echo(context.get_help(), err=True)
        raise typer.Exit(EXIT_INVALID)



def main() -> None:
    try:
        app()
    except MemoryError:
        report_problem(CommandLineProblem(OUT_OF_MEMORY))
        sys.exit(2)
    except Exception as error:  # the last resort: a bug must not greet a user with a traceback
        from aigc_roi.cli import interrupted
        from aigc_roi.whatif.forked import WorkerEnded

        if interrupted(error):  # a Ctrl-C Python wrapped (an import's class being made): ended as any Ctrl-C is
            raise KeyboardInterrupt from None
        if isinstance(error, WorkerEnded):
            # Killed from outside (most often the system's out-of-memory killer): no bug of ours to report.
            fewer = "" if error.command == "validate" else "fewer --samples or "  # validate draws no samples
            report_problem(CommandLineProblem(f"{error.command}'s {error}; run it again, with {fewer}--jobs 1"))
        else:
            report_problem(f"aigc-roi: internal error ({type(error).__name__}: {error}); please report it with the input")
        sys.exit(2)


OUT_OF_MEMORY = "not enough memory to finish: fewer --samples (where the command draws them) or fewer --jobs need less"
"""What a command that ran out of memory says: the system's limit, not a bug."""
