"""allocate at the caps (issues 26, 27): the work of a search round is bounded and exact.

No wall time here: the speed is measured by benchmarks/bench_allocate_caps.py. These tests pin what makes
it bounded: a moved minimum taken on a few columns, in chunks, equals the one over every column, and the
engine runs a fixed number of times however many rounds the search takes.
"""

from __future__ import annotations

import numpy as np
import pytest

import aigc_roi.whatif.allocate_rows as allocate_rows
import aigc_roi.whatif.allocate_splits as allocate_splits
from aigc_roi.reader.load import load_text
from aigc_roi.whatif import allocate_moves
from aigc_roi.whatif.allocate import allocate
from aigc_roi.whatif.allocate_moves import FeatureGroup
from aigc_roi.whatif.allocate_surrogate import Surrogate


def test_a_moved_minimum_is_found_among_far_more_columns_than_it_keeps() -> None:
    # 20 columns (more than FEW_COLUMNS), one sample: value 100 + t, except column 7 at 10. One user adds
    # t / 10 to column t, one unit of money a month takes 0.5 from every column.
    own = (100.0 + np.arange(20.0))[:, None]
    own[7] = 10.0
    per_user = (np.arange(20.0) / 10)[None, :, None]
    per_spend = np.full((1, 20, 1), 0.5)
    group = FeatureGroup.of(slice(0, 20), slice(0, 1), per_user, per_spend)
    users, spend = np.array([[100.0], [1.0]]), np.array([[2.0], [0.0]])
    lowest = group.moved_minimum(own, users, spend, np.array([0, 0]), np.array([0, 0]))
    # 100 more users: column t gains 10 t, less 2 x 0.5; column 7: 10 + 70 - 1 = 79 < column 0: 100 - 1 = 99.
    # One more user: column 7: 10 + 0.7 = 10.7.
    assert lowest[:, 0] == pytest.approx([79.0, 10.7])


def test_pruned_and_chunked_minima_equal_the_minimum_over_every_column(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(7)
    columns, samples, channels = 40, 300, 6
    own = np.cumsum(rng.normal(0, 50, (columns, samples)), axis=0)
    per_user = rng.normal(1, 0.5, (2, columns, samples))
    per_spend = np.cumsum(np.ones((channels, columns, 1)), axis=1)
    kinds = np.array([0, 1, 0, 1, 0, 1] * 2)
    movers = np.array(list(range(channels)) * 2)
    users = rng.normal(0, 0.3, (12, samples))
    spend = np.repeat(np.array([[0.1], [-0.1]]), 6, axis=0) * np.ones((12, samples))
    every_column = (own[None] + users[:, None, :] * per_user[kinds] - spend[:, None, :] * per_spend[movers]).min(axis=1)
    monkeypatch.setattr(allocate_moves, "CHUNK_NUMBERS", 500)  # fewer numbers than one candidate's columns
    group = FeatureGroup.of(slice(0, columns), slice(0, samples), per_user, per_spend)
    assert np.array_equal(group.moved_minimum(own, users, spend, kinds, movers), every_column)


CAPS_LIKE = "\n".join([
    "name: Many saturating channels",
    "horizon_months: 120",
    "acquisition:",
    *[f'  - {{name: C{i:02d}, type: cpa, bid: "{8 + i % 7}..{14 + i % 9}", budget: {20_000 + 1000 * i},'
      f" saturation_budget: {40_000 + 2000 * i}}}" for i in range(12)],
    'retention: {monthly_churn: "0.08..0.2"}',
    "monetization:",
    '  purchases: [{name: credits, price: "20..40", rate: 0.3}]',
    "costs: {fixed: [{name: team, monthly: 300_000}]}",
    "targets: {max_payback_months: 18}",
]) + "\n"


def test_the_engine_runs_a_fixed_number_of_times_however_many_rounds_the_search_takes(monkeypatch: pytest.MonkeyPatch) -> None:
    scenario = load_text(CAPS_LIKE, "caps.yaml").scenario
    runs: list[int] = []
    rounds: list[int] = []
    for module in (allocate_splits, allocate_rows):
        original = module.evaluate

        def counting(*args: object, _original: object = original, **kwargs: object) -> object:
            runs.append(1)
            return _original(*args, **kwargs)  # type: ignore[operator]

        monkeypatch.setattr(module, "evaluate", counting)
    moves = Surrogate.moves

    def counted_moves(self: Surrogate, splits: np.ndarray, steps: np.ndarray) -> object:
        rounds.append(len(splits))
        return moves(self, splits, steps)

    monkeypatch.setattr(Surrogate, "moves", counted_moves)
    result = allocate(scenario, 300_000, "payback_probability", samples=600)
    # The surrogate: one run of the zero split and the unit user, in parts of PART_ROWS draws (2 x 600 rows);
    # the objective at the current split, at the best split and at the curve's 8 other points, by runs of the plan
    # with its gates (600 rows a split, the curve's 4,800 in two parts); the channel rows (one run); what run of the
    # best and of today's split spends (one row each, the median values: a risk objective's draws' mean is not run's).
    # Nothing per round.
    assert len(runs) == 1 + 1 + 1 + 2 + 1 + 2
    assert len(rounds) > 8 * (len(runs) - 2)  # the rounds against the runs of the objective
    assert 0 <= result.best_value <= 1
