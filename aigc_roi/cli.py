"""The `aigc-roi` command line: options in, library calls, output and exit codes.

Exit codes follow grep/diff: 0 fine, 1 a valid scenario misses one of its
targets (`check`), 2 invalid input (bad file or option).
"""

from __future__ import annotations

import typer

from aigc_roi.commands.run import run

app = typer.Typer(
    name="aigc-roi",
    help="ROI, ROAS, CAC, LTV, payback and NPV of user acquisition for generative-AI apps.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
app.command(name="run")(run)


def main() -> None:
    app()
