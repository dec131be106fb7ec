"""One way to run the CLI in-process, shared by every CLI test (also as the ``cli`` fixture)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from typer.testing import CliRunner, Result

from aigc_roi.cli.app import app


def invoke(args: Sequence[str], *, env: Mapping[str, str | None] | None = None, input: str | None = None,
           help_width: int | None = None) -> Result:
    """Run ``aigc-roi ARGS``; stdout and stderr stay apart (Click >= 8.2).

    ``help_width``: the columns click lays ``--help`` out in, which a terminal's COLUMNS sets as
    max(min(COLUMNS, 80) - 2, 20) (cli/help_frame.py); CliRunner fixes 80 columns and reads no COLUMNS.

    Any exception other than the exit is a bug the last-resort handler would
    hide from a user as "internal error": it fails the test here instead.
    """
    result = CliRunner().invoke(app, list(args), env=env, input=input, terminal_width=help_width)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result
