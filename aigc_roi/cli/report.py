"""`aigc-roi report FILE -o plan.html`: one self-contained HTML page finance can sign."""

from __future__ import annotations

import datetime
from pathlib import Path
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
    from aigc_roi.ci.baseline import file_commit
    from aigc_roi.ci.checks import held_targets
    from aigc_roi.model.scenario import MILESTONE_KEYS
    from aigc_roi.model.targets import PAYBACK_PROBABILITY
    from aigc_roi.present.report.page import Provenance, ReportParts, render
    from aigc_roi.present.run_data import run_report
    from aigc_roi.reader.inputs import typed_inputs

    run = run_report(scenario, api.run(scenario), cohorts=True)
    # The same samples and seed as `check`, so the page and CI agree on min_payback_probability.
    simulation = api.simulate(scenario, samples, seed)
    held = dict(run.figures)
    if scenario.targets.min_payback_probability is not None:
        held[PAYBACK_PROBABILITY] = simulation.probabilities["payback_within_target"]
    months = {key: [row[key] for row in run.months] for key in MILESTONE_KEYS}
    commit, dirty = file_commit(Path(file))
    provenance = Provenance(str(file), commit, dirty, __version__, datetime.date.today().isoformat())
    parts = ReportParts(run, held_targets(scenario, held, months), typed_inputs(loaded.tree, scenario), provenance,
                        simulation if simulation.inputs else None, api.break_even(scenario), api.sensitivity(scenario))
    emit(render(parts, language), output, force)
