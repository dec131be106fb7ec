"""`aigc-roi run FILE`: every figure of one scenario."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from aigc_roi import export
from aigc_roi.commands.common import (
    FigureFormat,
    ForceOption,
    FormatOption,
    LangOption,
    OutputOption,
    SetOption,
    emit,
    load,
    resolve_lang,
    show,
)
from aigc_roi.engine import evaluate
from aigc_roi.formatting import NumberStyle
from aigc_roi.render import run_view
from aigc_roi.report import run_report
from aigc_roi.sampling import realize


class CsvTable(str, Enum):
    figures = "figures"
    channels = "channels"
    months = "months"


def run(
    file: Annotated[Path, typer.Argument(help="Scenario YAML file.")],
    set_: SetOption = None,
    format_: FormatOption = FigureFormat.table,
    months: Annotated[bool, typer.Option("--months/--no-months", help="Show the monthly cash-flow table.")] = True,
    table: Annotated[CsvTable, typer.Option("--table", help="Which table --format csv writes.")] = CsvTable.months,
    output: OutputOption = None,
    force: ForceOption = False,
    lang: LangOption = None,
) -> None:
    """Figures, per-channel table, monthly cash flow and cumulative-cash chart."""
    language = resolve_lang(lang)
    loaded = load(file, set_)
    scenario = loaded.scenario
    report = run_report(scenario, evaluate(realize(scenario)))
    if format_ is FigureFormat.json:
        emit(export.to_json(report), output, force)
    elif format_ is FigureFormat.csv:
        emit(export.to_csv(export.RUN_TABLES[table.value](report)), output, force)
    elif format_ is FigureFormat.markdown:
        emit(export.run_markdown(report), output, force)
    else:
        show(run_view(report, NumberStyle(language, scenario.currency), months), output, force)
