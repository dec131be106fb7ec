"""`aigc-roi run FILE`: every figure of one scenario."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from aigc_roi import api
from aigc_roi.cli.options import BomOption, FileArgument, FileToWrite, ForceOption, LangOption, OutputOption, QuietOption, SetOption
from aigc_roi.cli.output import check_destinations, check_plot, check_xlsx, deliver, open_command, refuse_idle, save_plot
from aigc_roi.cli.streams import load

if TYPE_CHECKING:
    from aigc_roi.present.inputs_table import InputRow, ScenarioFacts
    from aigc_roi.reader.load import LoadedScenario


class CsvTable(StrEnum):
    figures = "figures"
    channels = "channels"
    months = "months"
    cohorts = "cohorts"
    fits = "fits"
    gates = "gates"
    inputs = "inputs"


class RunFormat(StrEnum):
    """FigureFormat plus xlsx: only run has several tables to put in one workbook."""

    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    xlsx = "xlsx"


def run(
    file: FileArgument,
    set_: SetOption = None,
    format_: Annotated[
        RunFormat, typer.Option("--format", "-f", help="Output format; xlsx writes every table as a sheet of --output.")
    ] = RunFormat.table,
    months: Annotated[bool | None, typer.Option(
        "--months/--no-months",
        help="Also show the monthly cash-flow table, after the figures, channels and chart "
             "(table and markdown formats; off by default in the table view, shown in markdown).",
        show_default=False)] = None,
    table: Annotated[CsvTable | None, typer.Option(
        "--table", help="Which table --format csv writes (default: months); cohorts also adds the cohort table "
                        "to every other format, as --cohorts does.", show_default=False)] = None,
    cohorts: Annotated[bool, typer.Option(
        "--cohorts", help="Add the cohort table (contribution of each month's new users, month by month); xlsx always has it.",
    )] = False,
    bom: BomOption = False,
    output: OutputOption = None,
    plot: Annotated[
        Path | None,
        typer.Option("--plot", metavar="FILE.svg|FILE.png", click_type=FileToWrite(),
                     help="Also save the cumulative-cash chart as an image."),
    ] = None,
    force: ForceOption = False,
    lang: LangOption = None,
    quiet: QuietOption = False,
) -> None:
    """Figures, per-channel table, monthly cash flow and cumulative-cash chart."""
    language = open_command(lang, quiet)
    refuse_idle([("--months/--no-months", "table, markdown", months is not None and format_ not in (RunFormat.table, RunFormat.markdown)),
                 # --table cohorts also adds the cohort table to the views; any other table is CSV's choice, named in
                 # the refusal so that cohorts, which every format takes, is not read as refused too.
                 (f"--table {table.value if table else ''}", "csv",
                  table not in (None, CsvTable.cohorts) and format_ is not RunFormat.csv),
                 # CSV writes the one table --table names: --table cohorts, not --cohorts, picks the cohorts.
                 ("--cohorts", "table, json, markdown, xlsx", cohorts and format_ is RunFormat.csv),
                 ("--bom", "csv", bom and format_ is not RunFormat.csv)], format_.value, language)
    check_xlsx(format_.value, output, language)
    check_plot(plot, language)
    # Refuse before computing anything, so a refused --plot never leaves a
    # half-done run behind (an --output written, the chart not, or the reverse).
    check_destinations((output,), force, inputs=[file], files=(plot,))
    loaded = load(file, set_)
    scenario = loaded.scenario
    from aigc_roi.present.numbers import NumberStyle
    from aigc_roi.present.run_data import run_report
    from aigc_roi.present.run_presenter import RunPresenter

    with_cohorts = cohorts or table is CsvTable.cohorts or format_ is RunFormat.xlsx
    report = run_report(scenario, api.run(scenario), cohorts=with_cohorts)
    style = NumberStyle(language, scenario.currency)
    chosen = table or CsvTable.months
    with_inputs = format_ is RunFormat.xlsx or (format_ is RunFormat.csv and chosen is CsvTable.inputs)
    presenter = RunPresenter(style, chosen.value, months, *(_inputs(loaded) if with_inputs else ()))
    if plot is not None:
        save_plot(presenter, report, style, plot, force, sets=set_)
    deliver(presenter, report, format_.value, output, force, bom, sets=set_)


def _inputs(loaded: LoadedScenario) -> tuple[Sequence[InputRow], ScenarioFacts]:
    """Every value the file sets, by field path, and the facts the inputs table states first."""
    from aigc_roi.present.inputs_table import ScenarioFacts

    scenario = loaded.scenario
    start = f"{scenario.start[0]:04d}-{scenario.start[1]:02d}" if scenario.start else ""
    return api.inputs(loaded), ScenarioFacts(scenario.name, scenario.currency, start, scenario.horizon_months)

