"""`aigc-roi actuals PLAN EXPORT...`: the ad platforms' exports against the plan (docs/actuals.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from aigc_roi import api
from aigc_roi.cli.files import check_outputs
from aigc_roi.cli.options import (
    BomOption,
    ForceOption,
    LangOption,
    OutputOption,
    QuietOption,
    SeedOption,
)
from aigc_roi.cli.options import WorkbookFormat as ActualsFormat
from aigc_roi.cli.streams import (
    emit,
    emit_bytes,
    fail,
    load,
    note,
    refuse_idle_bom,
    resolve_lang,
    set_quiet,
    show,
    to_stdout,
    usage_errors,
)
from aigc_roi.model.errors import ScenarioError, ScenarioInvalid
from aigc_roi.present.labels import label


def parse_maps(maps: list[str] | None) -> list[tuple[str, str]]:
    """``NAME=GLOB`` pairs of ``--map``; exit 2 on one without ``=``."""
    pairs = []
    for text in maps or []:
        name, equals, glob = text.partition("=")
        if not equals or not name.strip() or not glob.strip():
            fail([f"--map: expected NAME=GLOB such as 'Douyin CPA=dy_*', found {text!r}"])
        pairs.append((name.strip(), glob.strip()))
    return pairs


def actuals(
    plan: Annotated[Path, typer.Argument(metavar="PLAN", help="Scenario YAML file of the plan (needs start).", show_default=False)],
    exports: Annotated[list[Path], typer.Argument(metavar="EXPORT...", help="Ad-platform report exports: CSV or xlsx.",
                                                  show_default=False)],
    map_: Annotated[list[str] | None, typer.Option(
        "--map", metavar="NAME=GLOB", help="Also map campaigns matching GLOB to channel NAME (repeatable).")] = None,
    sum_duplicates: Annotated[bool, typer.Option(
        "--sum-duplicates", help="Add up rows of the same day and campaign instead of refusing them.")] = False,
    reforecast: Annotated[Path | None, typer.Option(
        "--reforecast", metavar="OUT.yaml", help="Write the plan with past months as they happened to OUT.yaml.")] = None,
    samples: Annotated[int, typer.Option("--samples", metavar="N", min=100, max=100_000,
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
    language = resolve_lang(lang)
    set_quiet(quiet)
    refuse_idle_bom(bom, format_ is ActualsFormat.csv, format_.value, language)
    if format_ is ActualsFormat.xlsx:
        from aigc_roi.cli.extras import XLSX, require

        if output is None:
            fail([label("xlsx_needs_output", language)])
        require(XLSX, "--format xlsx", language)
    extra = parse_maps(map_)
    with usage_errors():
        check_outputs([path for path in (None if to_stdout(output) else output, reforecast)], force)
    loaded = load(plan)
    if loaded.scenario.start is None:
        fail([ScenarioError(str(plan), 1, 1, "start",
                            "expected a month YYYY-MM (actuals places each export's dates in a plan month), found nothing")])

    from aigc_roi.whatif.errors import WhatIfError

    try:
        compared = api.actuals(loaded.scenario, exports, extra, sum_duplicates, samples, seed)
    except ScenarioInvalid as invalid:
        fail(invalid.errors)
    except WhatIfError as error:
        fail([str(error)])
    rewritten = None
    if reforecast is not None:
        try:
            rewritten = api.reforecast(loaded, compared, str(reforecast), samples, seed)
        except ScenarioInvalid as invalid:
            # Located in a file that was not written: say so first, so the lines below are not looked for on disk.
            fail([f"{reforecast}: the re-forecast of {plan} does not validate, so it was not written", *invalid.errors])
        except WhatIfError as error:
            fail([str(error)])

    from aigc_roi.present.actuals import actuals_json, actuals_markdown, actuals_rows, actuals_summary, actuals_view
    from aigc_roi.present.numbers import NumberStyle
    from aigc_roi.present.tables import BOM, to_csv, to_json

    outlooks = None
    if rewritten is not None:
        text, outlooks = rewritten
        emit(text, reforecast, force)
    style = NumberStyle(language, loaded.scenario.currency)
    note(actuals_summary(compared, style))
    if format_ is ActualsFormat.xlsx:
        from aigc_roi.present.actuals import actuals_workbook

        emit_bytes(actuals_workbook(compared, loaded.scenario.currency, outlooks), output, force)
    elif format_ is ActualsFormat.json:
        emit(to_json(actuals_json(compared, outlooks)), output, force)
    elif format_ is ActualsFormat.csv:
        emit((BOM if bom else "") + to_csv(actuals_rows(compared)), output, force)
    elif format_ is ActualsFormat.markdown:
        emit(actuals_markdown(compared, style, outlooks), output, force)
    else:
        show(actuals_view(compared, style, outlooks, str(reforecast or "")), output, force)
