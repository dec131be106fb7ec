"""The commands of ``aigc-roi``, each imported only when it is asked for.

Registering a command with Typer takes its function, so its module and
everything that module imports: `validate` paid for the modules of every
other command (the what-if views, the API, the allocator) before reading a
line. Here a command is a name and the place of its function, and the group
builds it (with Typer, as ``app.command`` would) the first time click asks
for it: ``aigc-roi validate`` imports cli/ci.py alone; the root's ``--help``
and the completion of command names build them all.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

import typer
import typer.main
from typer import _click

from aigc_roi.cli.edge import EdgeCommand, EdgeGroup
from aigc_roi.cli.help_frame import SUMMARY_WIDTH, translate_command

COMMANDS: dict[str, str] = {
    "run": "aigc_roi.cli.run:run",
    "compare": "aigc_roi.cli.whatif:compare",
    "breakeven": "aigc_roi.cli.whatif:breakeven",
    "sensitivity": "aigc_roi.cli.whatif:sensitivity",
    "simulate": "aigc_roi.cli.simulate:simulate",
    "allocate": "aigc_roi.cli.allocate:allocate",
    "actuals": "aigc_roi.cli.actuals:actuals",
    "validate": "aigc_roi.cli.ci:validate",
    "check": "aigc_roi.cli.ci:check",
    "schema": "aigc_roi.cli.ci:schema",
    "init": "aigc_roi.cli.init:init",
    "curves": "aigc_roi.cli.curves:curves",
    "report": "aigc_roi.cli.report:report",
}
"""Every command, in the order ``--help`` lists them: name -> ``module:function``."""

JSON_REFUSALS: dict[str, str] = {
    "validate": "aigc_roi.cli.ci:validate_refusal",
    "check": "aigc_roi.cli.ci:check_refusal",
}
"""Commands whose ``--format json`` writes one document whatever the outcome: the place of the function that writes
it for a refusal (in the command's own module), which click's usage errors write too (cli/edge.py)."""

SUMMARIES: dict[str, str] = {
    "run": "Figures, per-channel table, monthly cash flow and cumulative-cash chart.",
    "compare": "Figures of several scenarios side by side: best per row marked, differences against the first.",
    "breakeven": "For every driver, the value at which ROI = 0 and at which payback meets targets.max_payback_months (default 12).",
    "sensitivity": "Each driver moved down and up by --step: change in ROI, net cash and payback, largest first.",
    "simulate": "Monte Carlo over the ranges: mean and percentiles of every figure, the chance of paying back,\n"
                "net-cash histogram, cumulative-cash fan, and which uncertain input drives the variance.",
    "allocate": "Split a budget across channels to maximise NPV (or net cash, P10 NPV, chance of payback), phase by phase:\n"
                "whether to spend less, current vs best split, what decides (ROAS, CAC, contribution per user) and the budget\n"
                "curve from 0 to 2B.",
    "actuals": "Plan vs actual by channel and plan month from the ad platforms' exports; --reforecast rewrites the plan's past months.",
    "validate": "Check scenario files against the format: every error of every file on stdout, a summary on stderr. Exit 0 or 2.",
    "check": "Validate, then hold every valid scenario to its targets. Exit 0 all met, 1 a target missed, 2 invalid input.",
    "schema": "Print the JSON Schema (draft 2020-12) of the scenario format, for editors and the YAML language server.",
    "init": "Write a commented starter scenario (or any bundled template) to edit.",
    "curves": "Retention by month (with the fitted day points) and each plan's renewal survival.",
    "report": "One self-contained HTML page: verdict, figures with formulas, charts and every input.",
}
"""The first paragraph of each command's docstring: all the root's ``--help`` shows of a command, so listing
them imports none (a command module brings the API, the model and the views: twice the start-up of a
plain Typer app). tests/cli/test_help_summaries.py holds each equal to its docstring."""


def command_function(name: str) -> Callable[..., Any]:
    """The function of the command ``name``, its module imported."""
    return _function(COMMANDS[name])


def _function(place: str) -> Callable[..., Any]:
    module, _, function = place.partition(":")
    found: Callable[..., Any] = getattr(importlib.import_module(module), function)
    return found


def build_command(name: str) -> _click.Command:
    """The click command ``name``, as Typer builds a command registered on the app."""
    single = typer.Typer(add_completion=False, rich_markup_mode=None)
    single.command(name=name, cls=EdgeCommand)(command_function(name))
    command = typer.main.get_command(single)
    if name in JSON_REFUSALS and isinstance(command, EdgeCommand):
        command.json_refusal = _function(JSON_REFUSALS[name])
    for param in command.params:
        if getattr(param.type, "readable", False):  # a path parameter (Typer's TyperPath, click's Path)
            # Click's own check says "Path 'x' is not readable" with no location: the loader says
            # "x:1:1: cannot read file: Permission denied", and the writer "x: cannot write: ...".
            param.type.readable = False  # type: ignore[attr-defined]
            param.type.convert = _refusing_an_empty_name(param.type.convert)  # type: ignore[method-assign]
    return command


def _refusing_an_empty_name(convert: Callable[..., Any]) -> Callable[..., Any]:
    """A path parameter's conversion, refusing ``''``: pathlib reads it as ``.``, the current folder,
    which would then be reported as a folder that was never named."""

    def checked(value: Any, param: _click.Parameter | None, ctx: _click.Context | None) -> Any:
        if isinstance(value, str) and not value.strip():
            raise _click.exceptions.BadParameter("expected a file name, found ''", ctx=ctx, param=param)
        return convert(value, param, ctx)

    return checked


class CommandGroup(EdgeGroup):
    """The app's group: every command of COMMANDS listed, each built when first asked for."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Typer suggests a name for a typo among the commands built so far (none yet, then): here among all.
        self.suggest_names, self.suggest_commands = self.suggest_commands, False

    def list_commands(self, ctx: _click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: _click.Context, cmd_name: str) -> _click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            command = build_command(cmd_name)
            # Built after the root parsed its options (cli/edge.py), so translated here; ``ctx`` is the root's.
            if self.chinese:
                translate_command(command, ctx)
            self.commands[cmd_name] = command
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        """Typer's list of commands, each described by its summary rather than built (a built one as it is)."""
        summaries: dict[str, _click.Command] = {}
        for name in COMMANDS:
            if name in self.commands:
                summaries[name] = self.commands[name]
                continue
            summaries[name] = typer.core.TyperCommand(name, help=SUMMARIES[name])
            if self.chinese:
                translate_command(summaries[name], ctx)
        # Click shortens a summary to the formatter's width less 6 and the longest name: shortened as at 80 columns
        # at any width, a narrower terminal shows the same words, wrapped (help_frame.SUMMARY_WIDTH).
        limit = max(formatter.width, SUMMARY_WIDTH) - 6 - max(map(len, COMMANDS))
        for command in summaries.values():
            command.short_help = command.get_short_help_str(limit)
        built, self.commands = self.commands, summaries
        try:
            super().format_commands(ctx, formatter)
        finally:
            self.commands = built

    def resolve_command(self, ctx: _click.Context, args: list[str]) -> tuple[str | None, _click.Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except _click.exceptions.UsageError as error:
            from aigc_roi.model.names import resembling  # on a typo's path only

            matches = resembling(args[0], COMMANDS) if self.suggest_names and args else []
            if matches:
                error.message = f"{error.message.rstrip('.')}. Did you mean {', '.join(repr(match) for match in matches)}?"
            raise
