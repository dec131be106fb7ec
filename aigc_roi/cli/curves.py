"""`aigc-roi curves FILE`: retention by month and renewal survival, with the fits, for checking a curve."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from aigc_roi import api
from aigc_roi.cli.options import BomOption, ForceOption, FormatOption, LangOption, OutputOption, QuietOption, SetOption
from aigc_roi.cli.options import FigureFormat as Format
from aigc_roi.cli.streams import emit, load, refuse_idle_bom, resolve_lang, set_quiet, show


class CurvesTable(StrEnum):
    curves = "curves"
    fits = "fits"


def curves(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="Scenario YAML file.", show_default=False)],
    set_: SetOption = None,
    format_: FormatOption = Format.table,
    table: Annotated[CurvesTable, typer.Option("--table", help="Which table --format csv writes.")] = CurvesTable.curves,
    output: OutputOption = None,
    force: ForceOption = False,
    bom: BomOption = False,
    lang: LangOption = None,
    quiet: QuietOption = False,
) -> None:
    """Retention by month (with the fitted day points) and each plan's renewal survival."""
    language = resolve_lang(lang)
    set_quiet(quiet)
    refuse_idle_bom(bom, format_ is Format.csv, format_.value, language)
    scenario = load(file, set_).scenario
    from aigc_roi.present import tables
    from aigc_roi.present.curves import curves_markdown, curves_report, curves_table, curves_view
    from aigc_roi.present.fit_data import fits_table

    report = curves_report(scenario, api.run(scenario))
    if format_ is Format.json:
        emit(tables.to_json(report), output, force)
    elif format_ is Format.csv:
        rows = curves_table(report) if table is CurvesTable.curves else fits_table(report["fits"])
        emit((tables.BOM if bom else "") + tables.to_csv(rows), output, force)
    elif format_ is Format.markdown:
        emit(curves_markdown(report, language), output, force)
    else:
        show(curves_view(report, language), output, force)
