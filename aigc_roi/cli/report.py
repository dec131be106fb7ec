"""`aigc-roi report FILE -o plan.html`: one self-contained HTML page finance can sign."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from aigc_roi import __version__, api
from aigc_roi.cli.allocate import parse_amount
from aigc_roi.cli.files import check_outputs
from aigc_roi.cli.options import MAX_SAMPLES, FileArgument, ForceOption, LangOption, OutputOption, QuietOption, SeedOption, SetOption
from aigc_roi.cli.streams import emit, fail, load, resolve_lang, set_quiet, to_stdout, usage_errors

if TYPE_CHECKING:
    from aigc_roi.model.scenario import Scenario
    from aigc_roi.whatif.allocate import Allocation
    from aigc_roi.whatif.explain import FigureChanges


def report(
    file: FileArgument,
    set_: SetOption = None,
    output: OutputOption = None,
    samples: Annotated[int, typer.Option(
        "--samples", metavar="N", min=1, max=MAX_SAMPLES,
        help="Monte Carlo samples for the cash band and the chance of payback (as check's, when the file has ranges).",
    )] = 10_000,
    seed: SeedOption = 0,
    allocate: Annotated[str | None, typer.Option(
        "--allocate", metavar="B", help="Also split a monthly budget B as `allocate --budget B` does and draw its budget "
        "curve.", show_default=False)] = None,
    base: Annotated[Path | None, typer.Option(
        "--base", metavar="BASE", help="An earlier version of FILE: show what moved each figure since it (compare --explain).",
        show_default=False)] = None,
    force: ForceOption = False,
    lang: LangOption = None,
    quiet: QuietOption = False,
) -> None:
    """One self-contained HTML page: verdict, figures with formulas, charts and every input."""
    language = resolve_lang(lang)
    set_quiet(quiet)
    budget = None if allocate is None else parse_amount(allocate, "--allocate")
    with usage_errors():
        check_outputs(() if to_stdout(output) else (output,), force, inputs=[file, *([base] if base else [])])
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
    held = dict(run["figures"])
    if scenario.targets.min_payback_probability is not None:
        held[PAYBACK_PROBABILITY] = simulation.probabilities["payback_within_target"]
    months = {key: [row[key] for row in run["months"]] for key in MILESTONE_KEYS}
    commit, dirty = file_commit(Path(file))
    provenance = Provenance(str(file), commit, dirty, __version__, datetime.date.today().isoformat())
    parts = ReportParts(run, held_targets(scenario, held, months), typed_inputs(loaded.tree, scenario), provenance,
                        simulation if simulation.inputs else None, api.break_even(scenario), api.sensitivity(scenario),
                        allocation=None if budget is None else _allocation(scenario, budget), scenario=scenario,
                        changes=None if base is None else _changes(base, file, set_), base="" if base is None else str(base))
    emit(render(parts, language), output, force)


def _allocation(scenario: Scenario, budget: float) -> Allocation:
    from aigc_roi.whatif.allocate import AllocationError

    try:
        return api.allocate(scenario, budget)
    except AllocationError as refused:
        fail([f"--allocate: {refused}"])


def _changes(base: Path, file: Path, sets: list[str] | None) -> FigureChanges:
    from aigc_roi.model.errors import ScenarioInvalid

    try:
        return api.explain_change(base, file, sets or [])
    except ScenarioInvalid as invalid:
        fail(invalid.errors)
