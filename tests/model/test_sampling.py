"""Realizing uncertain ranges: medians, seeded draws, distribution shapes, clipping."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest

from aigc_roi.model.engine import evaluate
from aigc_roi.model.limits import MIN_UNIT_COST
from aigc_roi.model.sample_stream import SampleStream, realize_side_by_side
from aigc_roi.model.sampling import Clipped, ClipTally, realize
from aigc_roi.model.scenario import (
    Z90,
    ByMonth,
    Costs,
    CpaChannel,
    CpmChannel,
    Distribution,
    FixedCost,
    KolChannel,
    Monetization,
    Plan,
    Purchase,
    RetentionChurn,
    RetentionPoints,
    Scenario,
    Targets,
)
from aigc_roi.model.tree import leaves
from aigc_roi.whatif.threads import ordered_map


def uncertain() -> Scenario:
    return Scenario(
        name="ranges",
        horizon_months=12,
        discount_rate=Distribution("uniform", 0.0, 0.2),
        retention=RetentionPoints(points=((1, Distribution("lognormal", 0.3, 0.5)), (3, 0.25), (6, 0.18))),
        acquisition=(
            CpaChannel(name="cpa", bid=Distribution("lognormal", 10.0, 15.0), budget=6000.0),
            KolChannel(
                name="kol",
                posts=Distribution("triangular", 1.0, 4.0, mode=2.0),
                fee=500.0,
                views=Distribution("normal", 1000.0, 3000.0),
                view_to_user=0.01,
            ),
        ),
        organic_users=50.0,
        virality=Distribution("uniform", 0.0, 0.2),
        monetization=Monetization(plans=(Plan(name="p", price=99.0, period_months=12, conversion=0.05),)),
        costs=Costs(serving_per_active_user=0.5, fixed=(FixedCost(name="f", monthly=Distribution("lognormal", 300, 1000)),)),
        targets=Targets(min_roi=-0.5, max_payback_months=6),
    )


def test_median_run_uses_each_median() -> None:
    s = realize(uncertain())
    assert s.discount_rate == pytest.approx(0.1)  # uniform midpoint
    assert isinstance(s.retention, RetentionPoints)
    assert s.retention.points[0][1] == pytest.approx(math.sqrt(0.3 * 0.5))  # lognormal: geometric mean
    assert s.retention.points[1] == (3, 0.25)
    cpa, kol = s.acquisition
    assert isinstance(cpa, CpaChannel) and isinstance(kol, KolChannel)
    assert cpa.bid == pytest.approx(math.sqrt(150.0))
    # triangular: the median 4 - sqrt((4 - 1) x (4 - 2) / 2), not the mode (docs/formulas.md §9)
    assert kol.posts == pytest.approx(4.0 - 3.0**0.5)
    assert kol.views == 2000.0  # normal: the midpoint
    assert s.virality == pytest.approx(0.1)
    assert s.costs.fixed[0].monthly == pytest.approx(math.sqrt(300_000.0))
    # Plain values are untouched, and every realized value is a python float.
    assert cpa.budget == 6000.0 and s.organic_users == 50.0 and s.targets == uncertain().targets
    for value in (s.discount_rate, cpa.bid, kol.posts, kol.views, s.virality, s.costs.fixed[0].monthly):
        assert type(value) is float
    # The median scenario evaluates as one sample.
    assert evaluate(s).samples == 1


def test_median_ignores_samples_and_leaves_plain_scenarios_alone() -> None:
    plain = realize(uncertain())
    assert realize(uncertain(), samples=500) == plain
    assert realize(plain) == plain
    assert realize(plain, 100, np.random.default_rng(0)) == plain


def test_seeded_draws_reproduce() -> None:
    a = realize(uncertain(), 1000, np.random.default_rng(42))
    b = realize(uncertain(), 1000, np.random.default_rng(42))
    c = realize(uncertain(), 1000, np.random.default_rng(43))
    ra, rb, rc = evaluate(a), evaluate(b), evaluate(c)
    assert ra.samples == 1000
    for name in ra.figures:
        np.testing.assert_array_equal(ra.figures[name], rb.figures[name])
    assert not np.array_equal(ra.figures["net_cash"], rc.figures["net_cash"])
    cpa = a.acquisition[0]
    assert isinstance(cpa, CpaChannel)
    bid = cpa.bid
    assert isinstance(bid, np.ndarray) and bid.dtype == np.float64 and bid.shape == (1000,)


def one(dist: Distribution, samples: int = 200_000, seed: int = 1) -> np.ndarray:
    """Draws of ``dist`` as the organic_users field (money/count: clipped at 0 only)."""
    s = realize(Scenario(name="d", retention=RetentionChurn(0.1), organic_users=dist), samples, np.random.default_rng(seed))
    value = s.organic_users
    assert isinstance(value, np.ndarray) and value.shape == (samples,)
    return value


def test_lognormal_90_percent_interval() -> None:
    draws = one(Distribution("lognormal", 100.0, 400.0))
    p5, p50, p95 = np.quantile(draws, [0.05, 0.5, 0.95])
    assert p5 == pytest.approx(100.0, rel=0.02)
    assert p50 == pytest.approx(200.0, rel=0.02)
    assert p95 == pytest.approx(400.0, rel=0.02)


def test_normal_uniform_triangular_shapes() -> None:
    normal = one(Distribution("normal", 100.0, 300.0))
    assert normal.mean() == pytest.approx(200.0, rel=0.01)
    assert normal.std() == pytest.approx(200.0 / (2 * Z90), rel=0.02)
    assert np.quantile(normal, 0.05) == pytest.approx(100.0, rel=0.03)
    uniform = one(Distribution("uniform", 2.0, 4.0))
    assert uniform.min() >= 2.0 and uniform.max() <= 4.0
    assert uniform.mean() == pytest.approx(3.0, rel=0.01)
    triangular = one(Distribution("triangular", 1.0, 10.0, mode=2.0))
    assert triangular.min() >= 1.0 and triangular.max() <= 10.0
    assert triangular.mean() == pytest.approx((1 + 2 + 10) / 3, rel=0.01)
    assert (one(Distribution("triangular", 5.0, 5.0, mode=5.0), 10) == 5.0).all()


def test_clipping_of_rates_virality_and_money() -> None:
    s = Scenario(
        name="clip",
        retention=RetentionChurn(Distribution("normal", -0.5, 1.5)),
        acquisition=(
            CpmChannel(
                name="feed",
                cpm=Distribution("normal", -100.0, 100.0),
                ctr=Distribution("normal", -0.5, 1.5),
                cvr=Distribution("uniform", 0.5, 2.0),
                budget=1000.0,
            ),
        ),
        virality=Distribution("uniform", 0.5, 1.5),
        monetization=Monetization(
            purchases=(Purchase(name="i", price=1.0, rate=Distribution("uniform", 0.0, 3.0)),),
            revenue_fee=Distribution("normal", -1.0, 1.0),
        ),
    )
    r = realize(s, 5000, np.random.default_rng(7))
    feed = r.acquisition[0]
    assert isinstance(feed, CpmChannel) and isinstance(r.retention, RetentionChurn)
    # Wide ranges around [0, 1]: many draws fall outside and land exactly on the bounds.
    for share in (feed.ctr, r.monetization.revenue_fee, r.retention.monthly_churn):
        assert isinstance(share, np.ndarray)
        assert share.min() == 0.0 and share.max() == 1.0
    assert isinstance(feed.cvr, np.ndarray) and feed.cvr.max() == 1.0 and feed.cvr.min() >= 0.5
    assert isinstance(r.virality, np.ndarray) and r.virality.max() == pytest.approx(0.999) and r.virality.min() >= 0.5
    # A cpm dividing a budget is clipped to 1e-6, not 0 (spec 1.2): at 0 the channel's users are undefined.
    assert isinstance(feed.cpm, np.ndarray) and feed.cpm.min() == 1e-6 and feed.cpm.max() > 50
    # A purchase rate is a count per user, not a share: not capped at 1.
    rate = r.monetization.purchases[0].rate
    assert isinstance(rate, np.ndarray) and rate.max() > 2.0
    # Clipped draws still evaluate without inf (cpm 0 buys nothing).
    result = evaluate(r)
    for array in (*result.figures.values(), *result.months.values()):
        assert not np.isinf(array).any()


def test_medians_are_clipped_too() -> None:
    s = Scenario(name="m", retention=RetentionChurn(Distribution("normal", -0.9, 0.5)), virality=Distribution("normal", 1.0, 2.0))
    r = realize(s)
    assert isinstance(r.retention, RetentionChurn)
    assert r.retention.monthly_churn == 0.0  # midpoint -0.2 clipped to 0
    assert r.virality == 0.999  # midpoint 1.5 clipped below 1


def test_plain_values_are_never_clipped() -> None:
    # Validation is the loader's job; realize only touches what it realizes.
    s = Scenario(name="p", retention=RetentionChurn(0.1), discount_rate=-0.5, targets=Targets(min_roi=-1.0))
    assert realize(s, 10, np.random.default_rng(0)) == s


def test_retention_points_are_non_increasing_per_sample() -> None:
    s = Scenario(
        name="ret",
        retention=RetentionPoints(points=((1, Distribution("uniform", 0.2, 0.6)), (2, 0.4), (3, Distribution("uniform", 0.1, 0.5)))),
    )
    r = realize(s, 10_000, np.random.default_rng(5))
    assert isinstance(r.retention, RetentionPoints)
    ages = [age for age, _ in r.retention.points]
    assert ages == [1, 2, 3]
    values = np.broadcast_arrays(*(np.asarray(v, dtype=np.float64) for _, v in r.retention.points))
    stacked = np.stack(values)
    assert (np.diff(stacked, axis=0) <= 0).all()
    # Where the first point drew below 0.4, the fixed second point is lowered to it.
    first, second = stacked[0], stacked[1]
    assert np.array_equal(second, np.minimum(first, 0.4))
    assert (first < 0.4).any() and (first > 0.4).any()
    # The median run applies the same rule: sqrt(0.3 x 0.5) = 0.387 < 0.39.
    m = realize(Scenario(name="m", retention=RetentionPoints(points=((1, Distribution("lognormal", 0.3, 0.5)), (3, 0.39)))))
    assert isinstance(m.retention, RetentionPoints)
    assert m.retention.points[1][1] == pytest.approx(math.sqrt(0.15))


def test_realize_does_not_mutate_its_input() -> None:
    original = uncertain()
    snapshot = dataclasses.replace(original)
    realize(original, 10, np.random.default_rng(0))
    assert original == snapshot
    cpa = original.acquisition[0]
    assert isinstance(cpa, CpaChannel) and isinstance(cpa.bid, Distribution)


def test_sampled_batch_matches_separate_runs_of_its_samples() -> None:
    s = realize(uncertain(), 4, np.random.default_rng(11))
    batch = evaluate(s)

    def take(obj: object, i: int) -> object:
        if isinstance(obj, np.ndarray):
            return float(obj[i])
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            return dataclasses.replace(obj, **{f.name: take(getattr(obj, f.name), i) for f in dataclasses.fields(obj)})
        if isinstance(obj, tuple):
            return tuple(take(item, i) for item in obj)
        return obj

    for i in range(4):
        single = evaluate(take(s, i))  # type: ignore[arg-type]
        for name in batch.figures:
            np.testing.assert_allclose(batch.figures[name][i], single.figures[name][0], rtol=1e-10, err_msg=name)


@pytest.mark.parametrize("jobs", [1, 3])
def test_ranges_drawn_side_by_side_are_the_draws_of_realize(jobs: int) -> None:
    plan = uncertain()
    expected_rng, rng = np.random.default_rng(5), np.random.default_rng(5)
    expected = realize(plan, 500, expected_rng)
    heard: list[tuple[int, int]] = []
    got = realize_side_by_side(plan, 500, rng, lambda draw, items: ordered_map(draw, items, jobs),
                               lambda done, total: heard.append((done, total)))
    pairs = list(zip(leaves(got), leaves(expected), strict=True))
    # Seven ranges; the two plain retention points after the drawn one become arrays by the running minimum.
    assert sum(isinstance(value, np.ndarray) for (_, value), _ in pairs) == 9
    for (path, value), (expected_path, expected_value) in pairs:
        assert path == expected_path
        np.testing.assert_array_equal(value, expected_value)
    assert heard == [(done, 7) for done in range(1, 8)]
    # The generator names the seed: neither call reads or moves its state.
    assert rng.bit_generator.state == expected_rng.bit_generator.state == np.random.default_rng(5).bit_generator.state


def clipped_at_both_ends() -> Scenario:
    """A budget's bid uniform on [-1, 3] (a quarter below 1e-6) and a churn normal around 0.5 with a third of its
    draws outside [0, 1] on each side; a fixed cost pinned at 0, the end of its domain, is never clipped."""
    return Scenario(
        name="clipped",
        retention=RetentionChurn(Distribution("normal", -1.0, 2.0)),
        acquisition=(CpaChannel(name="cpa", bid=Distribution("uniform", -1.0, 3.0), budget=6000.0),),
        costs=Costs(fixed=(FixedCost(name="f", monthly=Distribution("normal", 0.0, 0.0)),)),
    )


def test_tally_counts_exactly_the_draws_clipped_to_each_end_of_the_domain() -> None:
    s = clipped_at_both_ends()
    tally = ClipTally(s)
    r = realize(s, 20_000, np.random.default_rng(3), tally)
    bid = np.asarray(r.acquisition[0].bid)
    churn = np.asarray(r.retention.monthly_churn)  # type: ignore[union-attr]
    # A continuous draw lands on an end of the domain only when it was clipped there.
    by_path = {clipped.path: clipped for clipped in tally.clipped()}
    assert set(by_path) == {"acquisition[0].bid", "retention.monthly_churn"}
    assert by_path["acquisition[0].bid"] == Clipped("acquisition[0].bid", MIN_UNIT_COST, math.inf,
                                                    int(np.count_nonzero(bid == MIN_UNIT_COST)), 0, 20_000)
    below, above = int(np.count_nonzero(churn == 0.0)), int(np.count_nonzero(churn == 1.0))
    assert by_path["retention.monthly_churn"] == Clipped("retention.monthly_churn", 0.0, 1.0, below, above, 20_000)
    # About a quarter of the bids, and a third of the churns at each end (the normal's ends are +-1.645 sd from 0.5).
    assert by_path["acquisition[0].bid"].below / 20_000 == pytest.approx(0.25, abs=0.02)
    assert below / 20_000 == pytest.approx(0.3, abs=0.02) and above / 20_000 == pytest.approx(0.3, abs=0.02)


def test_tally_sums_the_slices_of_a_stream_and_the_threads_to_one_realizes_count() -> None:
    s = clipped_at_both_ends()
    whole = ClipTally(s)
    realize(s, 5_000, np.random.default_rng(8), whole)
    stream = SampleStream(s, 5_000, np.random.default_rng(8))
    for count in (1_000, 2_500, 1_500):
        stream.take(count)
    side = ClipTally(s)
    realize_side_by_side(s, 5_000, np.random.default_rng(8), lambda draw, items: ordered_map(draw, items, 2), tally=side)
    assert stream.tally.clipped() == whole.clipped() == side.clipped()
    assert whole.clipped()  # something was clipped to compare


def test_tally_counts_nothing_for_medians() -> None:
    s = clipped_at_both_ends()
    tally = ClipTally(s)
    realize(s, tally=tally)
    assert tally.clipped() == ()


def test_a_bid_by_month_that_a_budget_divides_is_clipped_to_the_least_unit_cost_as_a_plain_one() -> None:
    # docs/formulas.md §9: a bid dividing a budget is at least 1e-6 in every draw, written once or by month; a month's
    # draw clipped to 0 instead left that month spending its budget on no users.
    moving = ByMonth(((1, Distribution("uniform", -1.0, 3.0)), (3, 12.0)))
    s = Scenario(name="moving", retention=RetentionChurn(0.5), acquisition=(CpaChannel(name="cpa", bid=moving, budget=6000.0),))
    tally = ClipTally(s)
    first = np.asarray(dict(realize(s, 20_000, np.random.default_rng(3), tally).acquisition[0].bid.points)[1])
    assert first.min() == MIN_UNIT_COST
    (clipped,) = tally.clipped()
    assert (clipped.path, clipped.low, clipped.below) == ("acquisition[0].bid.by_month.1", MIN_UNIT_COST,
                                                          int(np.count_nonzero(first == MIN_UNIT_COST)))
