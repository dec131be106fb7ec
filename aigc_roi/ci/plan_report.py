"""What `report` states besides the run's own figures: the targets held as `check` holds them, and where the file
comes from. The page itself is the presenter's (present/report/)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# Imported as this module loads, as the annotations' names for typing.get_type_hints: only `report` and the api's
# plan_facts load it, and they run all of these.
from aigc_roi.model.engine import Result
from aigc_roi.model.targets import TargetOutcome
from aigc_roi.reader.inputs import TypedInput
from aigc_roi.reader.load import LoadedScenario, holds_its_text
from aigc_roi.whatif.breakeven import BreakEvenTable
from aigc_roi.whatif.sensitivity import Sensitivity
from aigc_roi.whatif.simulate import Simulation, StageCallback


@dataclass(frozen=True)
class PlanFacts:
    """Every number and fact of a plan's report."""

    result: Result
    """The deterministic run (every range at its median)."""
    simulation: Simulation
    """With the samples and seed `check` would use, so the page and CI agree on min_payback_probability."""
    outcomes: list[TargetOutcome]
    """The targets, then the milestones, each held."""
    inputs: list[TypedInput]
    """Every value the file sets, by field path, with its range."""
    commit: str | None
    """Short commit hash of the file's repository; None outside git, and where no file holds the plan's text (a
    re-forecast not written, a file edited since it was read: reader/load.py ``holds_its_text``)."""
    dirty: bool
    """The file differs from that commit; False where there is none."""
    break_even: BreakEvenTable
    sensitivity: Sensitivity


def plan_facts(loaded: LoadedScenario, samples: int, seed: int, stage_progress: StageCallback | None = None) -> PlanFacts:
    """The facts of ``loaded``'s report, its targets held on the run's figures (and the simulated chance of payback,
    with ``samples`` and ``seed``) exactly as `check` holds them; ``stage_progress`` hears the simulation's stages
    (whatif/simulate.py), most of the time this takes."""
    from aigc_roi.ci.baseline import file_commit
    from aigc_roi.ci.checks import held_targets
    from aigc_roi.model.engine import evaluate
    from aigc_roi.model.figures import figures_of
    from aigc_roi.model.sampling import realize
    from aigc_roi.model.scenario import MILESTONE_KEYS
    from aigc_roi.model.targets import PAYBACK_PROBABILITY
    from aigc_roi.reader.inputs import typed_inputs
    from aigc_roi.whatif.breakeven import break_even
    from aigc_roi.whatif.sensitivity import sensitivity
    from aigc_roi.whatif.simulate import simulate

    scenario = loaded.scenario
    result = evaluate(realize(scenario))
    simulation = simulate(scenario, samples, seed, stage_progress=stage_progress)
    held: dict[str, float | int | None] = dict(figures_of(result.figures))
    if scenario.targets.min_payback_probability is not None:
        held[PAYBACK_PROBABILITY] = simulation.payback_chance
    months = {key: [float(value) for value in result.months[key][0]] for key in MILESTONE_KEYS}
    commit, dirty = file_commit(Path(loaded.path)) if holds_its_text(loaded) else (None, False)
    return PlanFacts(result, simulation, held_targets(scenario, held, months),
                     typed_inputs(loaded.tree, scenario, loaded.file_tree), commit, dirty, break_even(scenario), sensitivity(scenario))
