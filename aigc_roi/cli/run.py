"""`aigc-roi run FILE`: every figure of one scenario."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from aigc_roi import api
from aigc_roi.cli.extras import PLOT, XLSX, require
from aigc_roi.cli.files import check_outputs
from aigc_roi.cli.options import BomOption, FileArgument, ForceOption, LangOption, OutputOption, QuietOption, SetOption
from aigc_roi.cli.streams import emit, emit_bytes, fail, load, note, resolve_lang, set_quiet, show, to_stdout, usage_errors
from aigc_roi.present import tables
from aigc_roi.present.labels import label

if TYPE_CHECKING:
    from aigc_roi.present.numbers import NumberStyle
    from aigc_roi.reader.load import LoadedScenario

PLOT_FORMATS = ("svg", "png")


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
                        "to the table view and markdown.", show_default=False)] = None,
    cohorts: Annotated[bool, typer.Option(
        "--cohorts", help="Add the cohort table (contribution of each month's new users, month by month); xlsx always has it.",
    )] = False,
    bom: BomOption = False,
    output: OutputOption = None,
    plot: Annotated[
        Path | None,
        typer.Option("--plot", metavar="FILE.svg|FILE.png", help="Also save the cumulative-cash chart as an image."),
    ] = None,
    force: ForceOption = False,
    lang: LangOption = None,
    quiet: QuietOption = False,
) -> None:
    """Figures, per-channel table, monthly cash flow and cumulative-cash chart."""
    language = resolve_lang(lang)
    set_quiet(quiet)
    _refuse_idle_options(format_, months, table, bom, language)
    if format_ is RunFormat.xlsx and output is None:
        fail([label("xlsx_needs_output", language)])
    if plot is not None and plot.suffix.lower().lstrip(".") not in PLOT_FORMATS:
        fail([label("plot_suffix", language).format(path=plot)])
    if format_ is RunFormat.xlsx:
        require(XLSX, "--format xlsx", language)
    if plot is not None:
        require(PLOT, "--plot", language)
    # Refuse before computing anything, so a refused --plot never leaves a
    # half-done run behind (an --output written, the chart not, or the reverse).
    with usage_errors():
        check_outputs(tuple(destination for destination in (output, plot) if not to_stdout(destination)), force,
                      inputs=[file])
    loaded = load(file, set_)
    scenario = loaded.scenario
    from aigc_roi.present.numbers import NumberStyle
    from aigc_roi.present.run_data import run_report
    from aigc_roi.present.run_view import run_view

    with_cohorts = cohorts or table is CsvTable.cohorts or format_ is RunFormat.xlsx
    report = run_report(scenario, api.run(scenario), cohorts=with_cohorts)
    style = NumberStyle(language, scenario.currency)
    if plot is not None:
        _save_plot(report, style, plot, force)
    if format_ is RunFormat.json:
        emit(tables.to_json(report), output, force)
    elif format_ is RunFormat.csv:
        text = tables.to_csv(_csv_table(table or CsvTable.months, loaded, report, language))
        emit(tables.BOM + text if bom else text, output, force)
    elif format_ is RunFormat.markdown:
        emit(tables.run_markdown(report, style, months is not False), output, force)
    elif format_ is RunFormat.xlsx:
        emit_bytes(_workbook(loaded, report, language), output, force)
    else:
        # The table view keeps the headline figures on a laptop screen: months only when asked.
        show(run_view(report, style, months is True), output, force)


def _csv_table(chosen: CsvTable, loaded: LoadedScenario, report: dict[str, Any], lang: str) -> tables.Table:
    if chosen is CsvTable.inputs:
        from aigc_roi.present.inputs_table import INPUT_COLUMNS, inputs_rows
        from aigc_roi.reader.inputs import typed_inputs

        return list(INPUT_COLUMNS), inputs_rows(typed_inputs(loaded.tree, loaded.scenario))
    if chosen is CsvTable.cohorts:
        return tables.cohorts_table(report)
    if chosen is CsvTable.channels:
        return tables.channels_table(report, lang)
    return tables.RUN_TABLES[chosen.value](report)


def _refuse_idle_options(format_: RunFormat, months: bool | None, table: CsvTable | None, bom: bool, lang: str) -> None:
    """An option the chosen format ignores is a mistake to point out, not to skip silently."""
    idle = [("--months/--no-months", "table, markdown", months is not None and format_ not in (RunFormat.table, RunFormat.markdown)),
            # --table cohorts also adds the cohort table to the views; any other table is CSV's choice.
            ("--table", "csv", table not in (None, CsvTable.cohorts) and format_ is not RunFormat.csv),
            ("--bom", "csv", bom and format_ is not RunFormat.csv)]
    for option, formats, refused in idle:
        if refused:
            fail([label("option_needs_format", lang).format(option=option, formats=f"--format {formats}", format=format_.value)])


def _workbook(loaded: LoadedScenario, report: dict[str, Any], lang: str) -> bytes:
    from aigc_roi.present.workbook import ScenarioFacts, workbook_bytes
    from aigc_roi.reader.inputs import typed_inputs

    scenario = loaded.scenario
    start = f"{scenario.start[0]:04d}-{scenario.start[1]:02d}" if scenario.start else ""
    facts = ScenarioFacts(scenario.name, scenario.currency, start, scenario.horizon_months)
    return workbook_bytes(report, facts, typed_inputs(loaded.tree, scenario), lang)


def _save_plot(report: dict[str, Any], style: NumberStyle, path: Path, force: bool) -> None:
    from aigc_roi.present import chart as plot  # lazy: matplotlib is only needed for --plot
    from aigc_roi.present.numbers import NumberStyle

    if (style.lang == "zh" or plot.report_has_cjk(report)) and plot.cjk_font() is None:
        note(label("plot_no_cjk_font", style.lang))
        style = NumberStyle("en", style.currency)
    figure = plot.cash_figure(report, style)
    image_format = path.suffix.lower().lstrip(".")
    emit_bytes(plot.image_bytes(figure, image_format), path, force)
