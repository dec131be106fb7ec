"""`aigc-roi run FILE`: every figure of one scenario."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from aigc_roi import api
from aigc_roi.cli.files import check_writable, write_atomically
from aigc_roi.cli.options import ForceOption, LangOption, OutputOption, SetOption
from aigc_roi.cli.streams import emit, fail, load, note, resolve_lang, show, usage_errors
from aigc_roi.present import tables
from aigc_roi.present.labels import label

if TYPE_CHECKING:
    from aigc_roi.present.numbers import NumberStyle

PLOT_FORMATS = ("svg", "png")


class CsvTable(StrEnum):
    figures = "figures"
    channels = "channels"
    months = "months"
    fits = "fits"


class RunFormat(StrEnum):
    """FigureFormat plus xlsx: only run has several tables to put in one workbook."""

    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    xlsx = "xlsx"


def run(
    file: Annotated[Path, typer.Argument(help="Scenario YAML file.")],
    set_: SetOption = None,
    format_: Annotated[
        RunFormat, typer.Option("--format", "-f", help="Output format; xlsx writes every table as a sheet of --output.")
    ] = RunFormat.table,
    months: Annotated[bool, typer.Option("--months/--no-months", help="Show the monthly cash-flow table.")] = True,
    table: Annotated[CsvTable, typer.Option("--table", help="Which table --format csv writes.")] = CsvTable.months,
    output: OutputOption = None,
    plot: Annotated[
        Path | None,
        typer.Option("--plot", metavar="FILE.svg|FILE.png", help="Also save the cumulative-cash chart as an image."),
    ] = None,
    force: ForceOption = False,
    lang: LangOption = None,
) -> None:
    """Figures, per-channel table, monthly cash flow and cumulative-cash chart."""
    language = resolve_lang(lang)
    if format_ is RunFormat.xlsx and output is None:
        fail([label("xlsx_needs_output", language)])
    if plot is not None and plot.suffix.lower().lstrip(".") not in PLOT_FORMATS:
        fail([label("plot_suffix", language).format(path=plot)])
    # Refuse before computing anything, so a refused --plot never leaves a
    # half-done run behind (an --output written, the chart not, or the reverse).
    with usage_errors():
        for destination in (output, plot):
            if destination is not None:
                check_writable(destination, force)
    loaded = load(file, set_)
    scenario = loaded.scenario
    from aigc_roi.present.numbers import NumberStyle
    from aigc_roi.present.run_data import run_report
    from aigc_roi.present.run_view import run_view

    report = run_report(scenario, api.run(scenario))
    style = NumberStyle(language, scenario.currency)
    if plot is not None:
        _save_plot(report, style, plot, force)
    if format_ is RunFormat.json:
        emit(tables.to_json(report), output, force)
    elif format_ is RunFormat.csv:
        emit(tables.to_csv(tables.RUN_TABLES[table.value](report)), output, force)
    elif format_ is RunFormat.markdown:
        emit(tables.run_markdown(report, language), output, force)
    elif format_ is RunFormat.xlsx:
        assert output is not None  # checked above, before loading
        sheets = [(name, build(report)) for name, build in tables.RUN_TABLES.items() if name != "fits" or report["fits"]]
        with usage_errors():
            write_atomically(output, force, lambda temporary: tables.write_xlsx(temporary, sheets))
    else:
        show(run_view(report, style, months), output, force)


def _save_plot(report: dict[str, Any], style: NumberStyle, path: Path, force: bool) -> None:
    from aigc_roi.present import chart as plot  # lazy: matplotlib is only needed for --plot
    from aigc_roi.present.numbers import NumberStyle

    if style.lang == "zh" and plot.cjk_font() is None:
        note(label("plot_no_cjk_font", style.lang))
        style = NumberStyle("en", style.currency)
    figure = plot.cash_figure(report, style)
    # The temporary file's name ends in .tmp, so the format is named explicitly.
    image_format = path.suffix.lower().lstrip(".")
    with usage_errors():
        write_atomically(path, force, lambda temporary: figure.savefig(temporary, format=image_format))
