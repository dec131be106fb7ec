"""The command registry (cli/commands.py): every command listed in its place, each built when asked for."""

from __future__ import annotations

import typer.core
import typer.main
from cli_runner import invoke
from typer import _click

from aigc_roi.cli.app import app


def _root() -> tuple[typer.core.TyperGroup, _click.Context]:
    """The app's group as a fresh invocation builds it, and a context of its own."""
    root = typer.main.get_command(app)
    assert isinstance(root, typer.core.TyperGroup)
    return root, _click.Context(root, info_name="aigc-roi")


def test_help_lists_the_commands_in_their_order() -> None:
    lines = invoke(["--help"]).stdout.splitlines()
    listed = [line.split()[0] for line in lines[lines.index("Commands:") + 1:] if line.startswith("  ") and line.strip()]
    assert listed == ["run", "compare", "breakeven", "sensitivity", "simulate", "allocate", "actuals", "validate", "check",
                      "schema", "init", "curves", "report"]


def test_a_command_built_after_a_chinese_invocation_reads_english() -> None:
    """The language belongs to an invocation: a command built outside one is in English, the canonical text."""
    assert invoke(["--lang", "zh", "run", "--help"]).stdout.startswith("用法：aigc-roi run ")
    root, context = _root()
    run = root.get_command(context, "run")
    assert run is not None and (run.help or "").startswith("Figures, per-channel table")
    assert invoke(["run", "--help"]).stdout.startswith("Usage: aigc-roi run ")


def test_an_unknown_command_is_none_and_a_typo_gets_a_suggestion() -> None:
    root, context = _root()
    assert root.get_command(context, "nosuch") is None
    result = invoke(["chekc", "x.yaml"])
    assert result.exit_code == 2
    assert result.stderr == "aigc-roi: No such command 'chekc'. Did you mean 'check'?\n"
