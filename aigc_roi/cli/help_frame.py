"""``--help`` in Chinese, click's own frame included, for one invocation and none after it.

Click's words come from two places, each replaced where it is made:

- Typer's frame ("Options", "Arguments", "Commands", "[default: x]",
  "[required]") goes through gettext: typer/core.py binds
  ``_ = gettext.gettext`` at import. For a Chinese invocation that ``_`` is
  rebound to a lookup in CLICK_ZH (present/help_zh.py). Chosen over a gettext
  catalogue (a compiled .mo file under a process-wide domain, found through
  environment variables) and over rewriting the rendered help (a formatter
  would have to take "help  [default: x]" apart again).
- The vendored click writes "Usage: " itself, without gettext: contexts get a
  formatter whose usage prefix is Chinese.

Both are class- or module-level, so ``click_frame`` sets them for the
invocation and restores them in a ``finally``: CliRunner runs many
invocations in one process, and an English one after a Chinese one must read
English. (Not thread-safe, which one invocation per process never needs.)
The texts of our commands, and of the help and completion options, are
translated on the command objects, which Typer builds afresh for every
invocation (``Typer.__call__`` -> ``get_command``), so they leave nothing
behind either. Usage errors are not frame: they stay English canonical and
are translated as whole lines (cli/edge.py, present/messages_zh.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer.core
from typer import _click

from aigc_roi.present.help_zh import click_in_chinese, in_chinese


class ChineseHelpFormatter(_click.HelpFormatter):
    """Click's help formatter with the usage line's prefix in Chinese, and headings ending in a full-width colon."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, click_in_chinese("Usage: ") if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}：\n")


@contextmanager
def click_frame(language: str) -> Iterator[None]:
    """Inside, click and Typer write their own words in ``language``; outside, in English again."""
    if language != "zh":
        yield
        return
    english, formatter = typer.core._, _click.Context.formatter_class
    typer.core._ = click_in_chinese
    _click.Context.formatter_class = ChineseHelpFormatter
    try:
        yield
    finally:
        typer.core._, _click.Context.formatter_class = english, formatter


def translate_commands(command: _click.Command, context: _click.Context) -> None:
    """Chinese help on ``command``, each of its parameters (the help option too) and its subcommands.

    ``context`` is the root's: the help option is made from its option names, as it will be when shown."""
    command.help = in_chinese(command.help)
    command.short_help = None  # derived from the help when the group lists it, so the list reads in Chinese too
    for parameter in [*command.params, command.get_help_option(context)]:
        if parameter is not None and hasattr(parameter, "help"):
            parameter.help = in_chinese(parameter.help)
    for subcommand in getattr(command, "commands", {}).values():
        translate_commands(subcommand, context)
