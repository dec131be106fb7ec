"""`aigc-roi actuals PLAN EXPORT...`: the ad platforms' exports against the plan (docs/actuals.md)."""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from aigc_roi import api
from aigc_roi.cli.clip_warnings import warn_clipped, warn_payback_window
from aigc_roi.cli.options import (
    BomOption,
    Day,
    FileToRead,
    FileToWrite,
    ForceOption,
    LangOption,
    OutputOption,
    QuietOption,
    SeedOption,
    WholeNumber,
)
from aigc_roi.cli.options import WorkbookFormat as ActualsFormat
from aigc_roi.cli.output import check_destinations, check_xlsx, deliver, open_command, refuse_other_format
from aigc_roi.cli.streams import CommandLineProblem, emit, fail, fail_with, load, note, to_stdout
from aigc_roi.model.errors import ScenarioError, ScenarioInvalid
from aigc_roi.model.limits import MAX_ACTUALS_SAMPLES, MIN_ACTUALS_SAMPLES

if TYPE_CHECKING:
    from aigc_roi.model.scenario import Scenario


def _note_worded(worded: Callable[[str], str | list[str]], language: str) -> None:
    """The note (or the lines) ``worded`` in a language, in this invocation's ``language`` and in English for a
    stderr that cannot write it: worded once in an English invocation."""
    from aigc_roi.present.text import visible

    def lines(lang: str) -> list[str]:
        found = worded(lang)
        # A totals label or a file's name is a cell's or the user's text: shown, never acted on by the terminal.
        return [visible(line) for line in ([found] if isinstance(found, str) else found)]

    english = lines("en")
    for line, in_english in zip(english if language == "en" else lines(language), english, strict=True):
        note(line, in_english)


def parse_maps(maps: list[str] | None, plan: Scenario) -> list[tuple[str, str]]:
    """``NAME=GLOB`` pairs of ``--map``, split as ``--set`` splits a path from its value (model/paths.py ``path_end``);
    exit 2 on one without ``=``, or whose NAME names a channel of ``plan`` only with an input method's ``＝`` or
    brackets as ASCII (whatif/actuals.py ``map_slip``)."""
    from aigc_roi.model.paths import path_end
    from aigc_roi.reader.overrides import channel_reader
    from aigc_roi.reader.written_tree import scenario_tree
    from aigc_roi.whatif.actuals import map_slip

    read = channel_reader(scenario_tree(plan), "--map")
    pairs = []
    for text in maps or []:
        end = path_end(text)
        name, equals, glob = text[:end], text[end:end + 1], text[end + 1:]
        slip = map_slip(text, read, [channel.name for channel in plan.acquisition])
        if not equals or not name.strip() or not glob.strip() or slip:
            fail([f"--map: expected NAME=GLOB such as 'Douyin CPA=dy_*', found {text!r}" + (f"; {slip}" if slip else "")])
        pairs.append((name.strip(), glob.strip()))
    return pairs


def actuals(
    plan: Annotated[Path, typer.Argument(metavar="PLAN", click_type=FileToRead(),
                                         help="Scenario YAML file of the plan (needs start).", show_default=False)],
    exports: Annotated[list[Path], typer.Argument(metavar="EXPORT...", click_type=FileToRead(),
                                                  help="Ad-platform report exports: CSV or xlsx.", show_default=False)],
    map_: Annotated[list[str] | None, typer.Option(
        "--map", metavar="NAME=GLOB",
        help="Also map campaigns matching GLOB to channel NAME, or acquisition[N] where channels share NAME (repeatable).")] = None,
    sum_duplicates: Annotated[bool, typer.Option(
        "--sum-duplicates", help="Add up rows of the same day and campaign instead of refusing them.")] = False,
    decimal_comma: Annotated[bool, typer.Option(
        "--decimal-comma",
        help="Read the exports' numbers with a decimal comma and dots grouping thousands (1.234,56), and CSV columns "
             "separated by ';', as German, Brazilian or Indonesian consoles and Excel write them.")] = False,
    from_day: Annotated[datetime.date | None, typer.Option(
        "--from", metavar="YYYY-MM-DD", click_type=Day(),
        help="The first day the exports were run for (default: their first row's).")] = None,
    through: Annotated[datetime.date | None, typer.Option(
        "--through", metavar="YYYY-MM-DD", click_type=Day(),
        help="The last day the exports were run for (default: their last row's; platforms leave out days without "
             "spend).")] = None,
    reforecast: Annotated[Path | None, typer.Option(
        "--reforecast", metavar="OUT.yaml", click_type=FileToWrite(),
        help="Write the plan with past months as they happened to OUT.yaml.")] = None,
    samples: Annotated[int, typer.Option("--samples", metavar="N", click_type=WholeNumber(MIN_ACTUALS_SAMPLES, MAX_ACTUALS_SAMPLES),
                                         help="Draws of the plan for percentiles and P(payback).")] = 2_000,
    seed: SeedOption = 0,
    format_: Annotated[ActualsFormat, typer.Option(
        "--format", "-f", help="Output format; xlsx writes the comparison, the unmatched spend and the re-forecast as "
                               "sheets of --output.")] = ActualsFormat.table,
    output: OutputOption = None,
    force: ForceOption = False,
    bom: BomOption = False,
    lang: LangOption = None,
    quiet: QuietOption = False,
) -> None:
    """Plan vs actual by channel and plan month from the ad platforms' exports; --reforecast rewrites the plan's past months."""
    language = open_command(lang, quiet, format_.value, bom)
    refuse_other_format(reforecast, "yaml", language, "actuals --reforecast")
    check_xlsx(format_.value, output, language)
    if reforecast is not None and to_stdout(reforecast) and to_stdout(output):
        # Two documents on one stream: the YAML ahead of the table, or of a JSON no parser then reads.
        fail_with("reforecast_beside_output", language)
    check_destinations((output, reforecast), force, inputs=[plan, *exports])
    loaded = load(plan)
    if loaded.scenario.start is None:
        fail([ScenarioError(str(plan), 1, 1, "start",
                            "expected a month YYYY-MM (actuals places each export's dates in a plan month), found nothing")])
    extra = parse_maps(map_, loaded.scenario)

    from aigc_roi.whatif.errors import ArgumentError, ValuesRefused, WhatIfError

    try:
        compared = api.actuals(loaded.scenario, exports, extra, sum_duplicates, samples, seed, from_day, through,
                               decimal_comma)
    except ScenarioInvalid as invalid:
        from aigc_roi.reader.exports.comma_numbers import READ_WITH
        from aigc_roi.reader.exports.duplicates import SUMMING

        fail([dataclasses.replace(error, message=error.message.replace(f"(or {SUMMING})", "(or --sum-duplicates)")
                                  .replace(READ_WITH, "--decimal-comma")) for error in invalid.errors])
    except ArgumentError as refused:  # named as the call names it: the option that gave it, here
        options = {"from_day": "--from", "through": "--through"} | {
            f"maps[{index}]": f"--map {name}={glob}" for index, (name, glob) in enumerate(extra)}
        fail([f"{options[refused.argument]}: {refused.problem}"])
    except WhatIfError as error:
        fail([str(error)])
    warn_clipped(loaded, compared.clipped)
    from aigc_roi.present.actuals import gap_warning

    # Before the re-forecast, which writes the days an export falls short of as months without spend.
    for gap in compared.gaps:
        _note_worded(partial(gap_warning, gap), language)
    rewritten = None
    if reforecast is not None:
        from aigc_roi.present.actuals import reforecast_header

        header = reforecast_header(plan.name, compared, language)
        try:
            rewritten = api.reforecast(loaded, compared, header, str(reforecast), samples, seed)
        except ScenarioInvalid as invalid:
            # Located in a file that was not written: say so first, so the lines below are not looked for on disk.
            fail([f"{reforecast}: the re-forecast of {plan} does not validate, so it was not written", *invalid.errors])
        except ValuesRefused as refused:
            fail(refused.errors)  # each where the plan writes it, as the reader's errors
        except WhatIfError as error:
            # The --reforecast asked for refused as a whole (a channel's month the model cannot express): README's
            # "aigc-roi: " leads it, so it never reads as a file's problem.
            fail([CommandLineProblem(str(error))])

    from aigc_roi.present.actuals import ActualsPresenter, actuals_summary
    from aigc_roi.present.numbers import NumberStyle

    outlooks = None
    if rewritten is not None:
        text, read_back, outlooks = rewritten
        emit(text, reforecast, force)
        # The plan's outlook draws what the comparison drew (the plan, --samples, --seed), warned above; the
        # re-forecast's draws are its own, located in the file just written, as `simulate` on it says them.
        warn_clipped(read_back, outlooks[1].clipped)
        warn_payback_window(loaded, outlooks[0].payback_window)
    style = NumberStyle(language, loaded.scenario.currency)
    _note_worded(lambda lang: actuals_summary(compared, NumberStyle(lang, style.currency)), language)
    deliver(ActualsPresenter(style, outlooks, str(reforecast or "")), compared, format_.value, output, force, bom)
