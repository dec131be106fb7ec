"""`aigc-roi report FILE -o plan.html`: one self-contained HTML page finance can sign."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Annotated

import typer

from aigc_roi import __version__, api
from aigc_roi.cli.allocate import check_amount, parse_amount
from aigc_roi.cli.clip_warnings import warn_clipped, warn_payback_window
from aigc_roi.cli.options import (
    MAX_SAMPLES,
    DocumentOutputOption,
    FileArgument,
    FileToRead,
    ForceOption,
    LangOption,
    QuietOption,
    SeedOption,
    SetOption,
    WholeNumber,
)
from aigc_roi.cli.output import check_destinations, open_command, refuse_other_format
from aigc_roi.cli.progress import stage_progress_bar
from aigc_roi.cli.streams import emit, explained_change, fail, load, refuse_scenario, source_text


def report(
    file: FileArgument,
    set_: SetOption = None,
    output: DocumentOutputOption = None,
    samples: Annotated[int, typer.Option(
        "--samples", metavar="N", click_type=WholeNumber(1, MAX_SAMPLES),
        help="Monte Carlo samples for the cash band and the chance of payback (as check's, when the file has ranges).",
    )] = 10_000,
    seed: SeedOption = 0,
    allocate: Annotated[str | None, typer.Option(
        "--allocate", metavar="B", help="Also split a monthly budget B as `allocate --budget B` does and draw its budget "
        "curve.", show_default=False)] = None,
    base: Annotated[Path | None, typer.Option(
        "--base", metavar="BASE", click_type=FileToRead(),
        help="An earlier version of FILE: show what moved each figure since it (compare --explain).", show_default=False)] = None,
    force: ForceOption = False,
    lang: LangOption = None,
    quiet: QuietOption = False,
) -> None:
    """One self-contained HTML page: verdict, figures with formulas, charts and every input."""
    language = open_command(lang, quiet)
    refuse_other_format(output, "html", language)
    check_amount(allocate, "--allocate")
    check_destinations((output,), force, inputs=[file, *([base] if base else [])])
    loaded = load(file, set_, named=base is not None)
    scenario = loaded.scenario
    budget = None if allocate is None else parse_amount(allocate, "--allocate", loaded)
    from aigc_roi.cli.shell_words import shell_command
    from aigc_roi.model.errors import ScenarioInvalid
    from aigc_roi.present.report.page import Provenance, ReportParts, render
    from aigc_roi.present.run_data import run_report
    from aigc_roi.whatif.allocate import AllocationError
    from aigc_roi.whatif.allocate_result import MustLock

    try:
        # First: a --base that cannot be read, or is in another currency, is refused before the simulation.
        changes = None if base is None else explained_change(base, file, set_)
        if base is not None and set_:
            _warn_set_in_base(base, set_)
        with stage_progress_bar(language) as stages:
            searched = None if stages is None else lambda done, total: stages("allocating", done, total)
            facts = api.plan_facts(loaded, samples, seed, stages)
            allocation = None if budget is None else api.allocate(scenario, budget, progress=searched)
            provenance = Provenance(source_text(file, set_), facts.commit, facts.dirty, __version__,
                                    datetime.date.today().isoformat(), what_if=bool(set_))
            parts = ReportParts(run_report(scenario, facts.result, cohorts=True), facts.outcomes, facts.inputs, provenance,
                                facts.simulation if facts.simulation.inputs else None, facts.break_even, facts.sensitivity,
                                allocation=allocation, scenario=scenario, changes=changes,
                                base="" if base is None else str(base))
            if stages is not None:
                stages("rendering", 0, 1)
            page = render(parts, language)
            if stages is not None:
                stages("rendering", 1, 1)
    except MustLock as refused:
        # report has no --lock: the allocate command that has it, on the same file, budget and --set.
        command = shell_command(["aigc-roi", "allocate", str(file), "--budget", str(allocate),
                                 *[word for setting in set_ or [] for word in ("--set", setting)],
                                 "--lock", refused.channel])
        fail([f"--allocate: {refused.worded(f'lock it with allocate, as report has no --lock: {command}')}"])
    except AllocationError as refused:
        fail([f"--allocate: {problem}" for problem in refused.problems])
    except ScenarioInvalid as invalid:  # the --base file, read with the --set too
        refuse_scenario(str(base), invalid)
    warn_clipped(loaded, facts.simulation.clipped)
    if facts.simulation.inputs:
        warn_payback_window(loaded, facts.simulation.payback_window)
    emit(page, output, force)


def _warn_set_in_base(base: Path, sets: list[str]) -> None:
    """The warnings of ``sets`` applied to the valid ``base`` (a month set into its schedule moves other months than
    in FILE's), each naming it before the option, as its errors do: the split compares FILE and BASE both with the
    sets, so what a set did to BASE is as much the user's to know. BASE's own warnings are of a version left behind,
    and not repeated."""
    from aigc_roi.cli.streams import overrides, warn_loaded
    from aigc_roi.reader.load import load_path

    path = str(base)
    warn_loaded(path, [warning.applied_to(path) for warning in load_path(base, overrides(sets)).warnings
                       if warning.file != path])
