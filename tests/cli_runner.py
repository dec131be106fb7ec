"""One way to run the CLI in-process, shared by every CLI test (also as the ``cli`` fixture)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from typer.testing import CliRunner, Result

from aigc_roi.cli.app import app


def invoke(args: Sequence[str], *, env: Mapping[str, str | None] | None = None, input: str | None = None) -> Result:
    """Run ``aigc-roi ARGS``; stdout and stderr stay apart (Click >= 8.2).

    Any exception other than the exit is a bug the last-resort handler would
    hide from a user as "internal error": it fails the test here instead.
    """
    result = CliRunner().invoke(app, list(args), env=env, input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result
