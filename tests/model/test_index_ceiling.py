"""A conversion index held to 1 / the largest plan conversion as the samples are drawn (docs/formulas.md §15, §9).

The engine always used min(k, 1 / q); the realized scenario held the raw draw, so what reports a sample's inputs
read an index the sample never used, and the samples lowered went unsaid. The expected values are hand-derived:
a plan converting 4% caps the index at 1 / 0.04 = 25; a schedule {0: 20%, 2: 30%} converts 50% (a cap of 2).
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np

from aigc_roi.model.engine import evaluate
from aigc_roi.model.index_ceiling import index_ceiling
from aigc_roi.model.sample_stream import SampleStream
from aigc_roi.model.sampling import Clipped, ClipTally, realize
from aigc_roi.model.scenario import CpaChannel, Distribution, Monetization, Plan, RetentionChurn, Scenario, Value

PATH = "acquisition[0].conversion_index"


def plan(conversion: Value | tuple[tuple[int, Value], ...], name: str = "p") -> Plan:
    return Plan(name=name, price=10.0, period_months=1, conversion=conversion)


def indexed(index: Value, *plans: Plan) -> Scenario:
    """1,000 users bought in month 1 at the given index; each plan pays 10 once (no renewal)."""
    return Scenario(name="indexed", horizon_months=3, retention=RetentionChurn(0.5),
                    acquisition=(CpaChannel(name="cpa", bid=5.0, users=1000.0, months=(1,), conversion_index=index),),
                    monetization=Monetization(plans=plans or (plan(0.04),)))


def as_is(value: Value) -> np.ndarray:
    return np.asarray(value, dtype=np.float64)


def test_the_ceiling_is_one_over_the_largest_plan_summed_over_ages() -> None:
    plans = (plan(0.25), plan(((0, 0.2), (2, 0.3)), "by age"))
    assert float(index_ceiling(plans, as_is)) == 2.0
    # A schedule summing past 1 is scaled to 1 by the plan, so it caps the index at 1, not 1 / 1.3.
    assert float(index_ceiling((plan(((0, 0.7), (1, 0.6))),), as_is)) == 1.0
    assert float(index_ceiling((), as_is)) == math.inf
    assert float(index_ceiling((plan(0.0),), as_is)) == math.inf
    np.testing.assert_array_equal(index_ceiling((plan(np.array([0.5, 0.8, 0.04])),), as_is), [2.0, 1.25, 25.0])


def test_a_drawn_index_above_the_ceiling_is_realized_at_it_and_counted() -> None:
    s = indexed(Distribution("uniform", 30.0, 40.0))
    tally = ClipTally(s)
    realized = realize(s, 1000, np.random.default_rng(1), tally)
    # Every draw of 30..40 lies above 25: each sample's index is 25, and the line names that one ceiling.
    np.testing.assert_array_equal(realized.acquisition[0].conversion_index, np.full(1000, 25.0))
    assert tally.clipped() == (Clipped(PATH, 0.0, math.inf, 0, 0, 1000, 0, 1000, 25.0),)
    # Everyone bought subscribes once at 10: 1,000 x 25 x 4% x 10, the most a cohort of 1,000 can pay.
    np.testing.assert_array_equal(evaluate(realized).figures["gross_revenue"], np.full(1000, 10_000.0))


def test_a_drawn_index_is_lowered_only_where_its_draw_is_above_the_ceiling() -> None:
    s = indexed(Distribution("uniform", 10.0, 40.0))
    stream = np.random.SeedSequence(4, spawn_key=(0x72616E67, *PATH.encode()))
    draws = np.random.Generator(np.random.PCG64(stream)).uniform(10.0, 40.0, 4000)
    tally = ClipTally(s)
    realized = realize(s, 4000, np.random.default_rng(4), tally)
    np.testing.assert_array_equal(realized.acquisition[0].conversion_index, np.minimum(draws, 25.0))
    ((clipped),) = tally.clipped()
    assert (clipped.capped, clipped.draws, clipped.ceiling) == (int(np.count_nonzero(draws > 25.0)), 4000, 25.0)
    assert abs(clipped.capped / 4000 - 0.5) < 0.03  # (40 - 25) / (40 - 10) of a uniform


def test_a_fixed_index_beside_drawn_conversions_is_lowered_in_the_samples_whose_conversion_caps_it() -> None:
    # Index 1.25 under a schedule {0: 40..60%, 2: 30%} (its sum 70..90%) and a plan converting 50%: the schedule is
    # the largest plan, and the index is above 1 / q where q > 80%, in half the samples.
    s = indexed(1.25, plan(0.5), plan(((0, Distribution("uniform", 0.4, 0.6)), (2, 0.3)), "by age"))
    tally = ClipTally(s)
    realized = realize(s, 4000, np.random.default_rng(2), tally)
    first = np.asarray(realized.monetization.plans[1].conversion[0][1])
    total = first + 0.3
    np.testing.assert_array_equal(realized.acquisition[0].conversion_index, np.minimum(1.25, 1.0 / total))
    assert tally.clipped() == (Clipped(PATH, 0.0, math.inf, 0, 0, 4000, 0, int(np.count_nonzero(total > 0.8)), None),)
    assert abs(tally.clipped()[0].capped / 4000 - 0.5) < 0.03


def test_the_counts_of_a_stream_sum_to_the_whole_realization() -> None:
    # Every slice counts its samples, whether or not it lowered any.
    s = indexed(1.25, plan(Distribution("uniform", 0.7, 0.9)))
    whole = ClipTally(s)
    realize(s, 3000, np.random.default_rng(6), whole)
    stream = SampleStream(s, 3000, np.random.default_rng(6))
    for count in (1, 1999, 1000):
        stream.take(count)
    assert stream.tally.clipped() == whole.clipped()
    assert whole.clipped()[0].draws == 3000


def test_nothing_is_lowered_or_counted_where_nothing_drawn_can_break_the_ceiling() -> None:
    for s, kept in ((indexed(0.7, plan(Distribution("uniform", 0.7, 0.9))), 0.7),  # an index <= 1 never breaks it
                    (indexed(1.25, plan(0.5), plan(0.1, "q")), 1.25),  # nothing of it drawn: the reader's rule
                    (indexed(Distribution("uniform", 1.0, 1.5), plan(0.5)), None)):  # drawn, but never above 2
        s = dataclasses.replace(s, organic_users=Distribution("uniform", 1.0, 2.0))  # a sampled run all the same
        tally = ClipTally(s)
        realized = realize(s, 500, np.random.default_rng(0), tally)
        assert tally.clipped() == ()
        if kept is not None:
            assert realized.acquisition[0].conversion_index == kept
