"""`aigc-roi report FILE -o plan.html`: one self-contained HTML page finance can sign."""

from __future__ import annotations

import datetime
from typing import Annotated

import typer

from aigc_roi import __version__, api
from aigc_roi.cli.options import MAX_SAMPLES, FileArgument, ForceOption, LangOption, OutputOption, QuietOption, SeedOption, SetOption
from aigc_roi.cli.output import check_destinations, open_command
from aigc_roi.cli.streams import emit, load


def report(
    file: FileArgument,
    set_: SetOption = None,
    output: OutputOption = None,
    samples: Annotated[int, typer.Option(
        "--samples", metavar="N", min=1, max=MAX_SAMPLES,
        help="Monte Carlo samples for the cash band and the chance of payback (as check's, when the file has ranges).",
    )] = 10_000,
    seed: SeedOption = 0,
    force: ForceOption = False,
    lang: LangOption = None,
    quiet: QuietOption = False,
) -> None:
    """One self-contained HTML page: verdict, figures with formulas, charts and every input."""
    language = open_command(lang, quiet)
    check_destinations((output,), force)
    loaded = load(file, set_)
    scenario = loaded.scenario
    from aigc_roi.present.report.page import Provenance, ReportParts, render
    from aigc_roi.present.run_data import run_report

    facts = api.plan_facts(loaded, samples, seed)
    provenance = Provenance(str(file), facts.commit, facts.dirty, __version__, datetime.date.today().isoformat())
    parts = ReportParts(run_report(scenario, facts.result, cohorts=True), facts.outcomes, facts.inputs, provenance,
                        facts.simulation if facts.simulation.inputs else None, facts.break_even, facts.sensitivity)
    emit(render(parts, language), output, force)
