"""`aigc-roi curves FILE`: retention by month and renewal survival, with the fits, for checking a curve."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from aigc_roi import api
from aigc_roi.cli.options import BomOption, FileArgument, ForceOption, FormatOption, LangOption, OutputOption, QuietOption, SetOption
from aigc_roi.cli.options import FigureFormat as Format
from aigc_roi.cli.output import deliver, given, open_command, refuse_idle
from aigc_roi.cli.streams import load


class CurvesTable(StrEnum):
    curves = "curves"
    fits = "fits"


def curves(
    file: FileArgument,
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
    language = open_command(lang, quiet, format_.value, bom)
    # The table given is named, as run and allocate name it.
    refuse_idle([(f"--table {table.value}", "csv", given("table") and format_ is not Format.csv)], format_.value, language)
    scenario = load(file, set_).scenario
    from aigc_roi.present.curves import CurvesPresenter, curves_report

    deliver(CurvesPresenter(language, table.value), curves_report(api.curves(scenario)), format_.value, output, force,
            bom, sets=set_)
