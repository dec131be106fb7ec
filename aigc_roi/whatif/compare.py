"""`compare`: the figures of several scenarios side by side, each column named once.

A column is a scenario as loaded (a file, or the one file with a variant's
``--set``s applied): its deterministic figures (docs/formulas.md §5) and, on
risk, its simulation (docs/formulas.md §10). ``--explain``'s split of the
change between two of them (docs/formulas.md §13) is added by the caller,
which reads the two files again.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from aigc_roi.model.gate_results import GateResult
from aigc_roi.model.names import as_read
from aigc_roi.model.scenario import Distribution, Scenario
from aigc_roi.whatif.errors import WhatIfError
from aigc_roi.whatif.explain import FigureChanges
from aigc_roi.whatif.simulate import Simulation, StageCallback

SCENARIOS = "scenarios"
"""The stage of `compare --samples`'s progress that counts the scenarios simulated (``compare``)."""
CHANGE = "Δ "
"""Before a later column's title, the header of its change against the first (present/compare.py)."""


@dataclass(frozen=True)
class ComparedScenario:
    """One column of a comparison."""

    name: str
    """The variant's label or the scenario's name, told apart from the other headers of its tables (``column_titles``)."""
    source: str
    """Where it came from: the file, and a variant's ``--set``s."""
    currency: str
    horizon_months: int
    figures: Mapping[str, float | int | str | None]
    """The deterministic figures, none as None, ``irr_none_reason`` and ``irr_kind`` (why irr is none, or how it
    reads: docs/formulas.md §5)."""
    simulation: Simulation | None
    """On risk (``--samples``): the figures' distributions and chances."""
    start: str | None = None
    """The calendar month of plan month 1 (``2025-03``); None where the file sets no ``start``."""
    discount_rate: float = 0.0
    """The annual rate its NPV, MIRR and LTV are discounted at (a range's median, as the figures use it)."""
    discount_range: Distribution | None = None
    """The range ``discount_rate`` is the median of, which each sample of a simulation draws its own rate from; None
    where the file writes one number."""
    gates: tuple[GateResult, ...] | None = None
    """What the run decided at each of a staged plan's gates, as `run` reports it (model/gate_results.py); None
    without gates. On risk each sample decides its own: ``simulation.gate_pass_probabilities``."""


@dataclass(frozen=True)
class Comparison:
    """The columns in order (the first is the base every difference is taken against), and what moved the
    figures from the first to the second when asked (``--explain``)."""

    columns: tuple[ComparedScenario, ...]
    changes: FigureChanges | None = None

    @property
    def currency(self) -> str:
        """The one currency of every column (``compare`` refuses columns in two)."""
        return self.columns[0].currency


def compare(scenarios: Sequence[tuple[str | None, str, Scenario]], samples: int | None = None, seed: int = 0,
            jobs: int = 1, stage_progress: StageCallback | None = None, reserved: Collection[str] = ()) -> Comparison:
    """``scenarios`` as (label or None for the scenario's own name, source, scenario), each column's figures and,
    with ``samples``, its simulation (on ``jobs`` threads: whatif/simulate.py). ``stage_progress`` hears
    ``SCENARIOS`` (scenarios simulated, scenarios) before the first simulation and after each, and each
    simulation's stages in between. ``reserved``: the fixed headers of the tables the columns will sit in, which no
    title may read as (``column_titles``). ``WhatIfError`` when two are in different currencies."""
    from aigc_roi.model.engine import evaluate
    from aigc_roi.model.figures import figures_of
    from aigc_roi.model.gate_results import gates_report
    from aigc_roi.model.sampling import realize
    from aigc_roi.whatif.simulate import simulate

    # Amounts in two currencies neither subtract nor rank: a difference of 0.00 between 360,000 CNY and 360,000 USD
    # would be a wrong number (docs/formulas.md §13). The CLI says where, before it gets here.
    currencies = list(dict.fromkeys(scenario.currency for _, _, scenario in scenarios))
    if len(currencies) > 1:
        raise WhatIfError(f"the scenarios are in {' and '.join(currencies)}: amounts in different currencies cannot be compared")
    columns: list[ComparedScenario] = []
    titles = column_titles([name or scenario.name for name, _, scenario in scenarios], [source for _, source, _ in scenarios],
                           reserved)
    simulated = stage_progress if samples is not None else None
    if simulated is not None:
        simulated(SCENARIOS, 0, len(scenarios))
    for done, (title, (_, source, scenario)) in enumerate(zip(titles, scenarios, strict=True), start=1):
        realized = realize(scenario)
        result = evaluate(realized)
        figures: dict[str, float | int | str | None] = {**figures_of(result.figures), **result.irr_notes()}
        simulation = simulate(scenario, samples, seed, stage_progress=simulated, jobs=jobs) if samples is not None else None
        if simulated is not None:
            simulated(SCENARIOS, done, len(scenarios))
        rate = realized.discount_rate
        assert isinstance(rate, float), "a run's value is a median: one number"
        start = scenario.month_labels()[0] if scenario.start is not None else None
        written = scenario.discount_rate if isinstance(scenario.discount_rate, Distribution) else None
        gates = gates_report(realized, result) if realized.gates else None
        columns.append(ComparedScenario(title, source, scenario.currency, scenario.horizon_months, figures, simulation,
                                        start, rate, written, gates))
    return Comparison(tuple(columns))


def column_titles(names: Sequence[str], sources: Sequence[str], reserved: Collection[str] = ()) -> list[str]:
    """Each column's title: its name, with its source where it reads as another header of its table (another column's
    name, a later column's change ``Δ name``, or one of ``reserved``: ``figure``, ``currency``, ...), every such
    column, not only the later ones, so neither reads as the plain one; and with its position too when even that is
    shared (one file given twice): no two headers alike. Alike is as model/names.py ``as_read`` tells: a spreadsheet
    or SQL reader that folds case would read ``Currency`` beside ``currency`` as one column."""
    sourced = [f"{name} ({source})" if taken else name
               for name, source, taken in zip(names, sources, _clashing(names, reserved), strict=True)]
    return [f"{name} ({source} #{position})" if taken else title
            for position, (name, source, title, taken)
            in enumerate(zip(names, sources, sourced, _clashing(sourced, reserved), strict=True), start=1)]


def _clashing(titles: Sequence[str], reserved: Collection[str]) -> list[bool]:
    """Whether each of ``titles`` reads as one of ``reserved``, as another title or as a later column's change."""
    keys = [as_read(title) for title in titles]
    fixed = {as_read(header) for header in reserved}
    changes = [as_read(CHANGE + title) for title in titles[1:]]  # the first column has no change
    return [key in fixed or keys.count(key) > 1 or any(key == change for change in changes) for key in keys]
