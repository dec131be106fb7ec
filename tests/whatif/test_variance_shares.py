"""The variance shares against functions whose shares are known by hand (docs/formulas.md §10, Variance shares).

Each outcome below is a function of independent inputs whose first-order share Var(E[Y | X]) / Var(Y) follows
from the function alone: a function of one input has all of its variance (share 1) whatever its steepness or
skew; a + b X1 + c X2 splits it b² Var(X1) : c² Var(X2); X1 X2 with zero-mean inputs has E[Y | X1] = 0, share 0.
An input the outcome does not depend on is beside each, share 0. A tolerance of four standard deviations of the
estimator (``share_error``) where the shares are strictly between 0 and 1.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from aigc_roi.whatif.rank_neighbour_share import MIN_SAMPLES, estimate, prepared, share_error
from aigc_roi.whatif.variance_shares import Unsplit, variance_shares

SAMPLES = 20_000


def shares_of(outcome: np.ndarray, **inputs: np.ndarray) -> dict[str, float | None]:
    return variance_shares(inputs, {"y": outcome}).shares["y"]


@pytest.mark.parametrize("seed", range(5))
def test_a_steep_function_of_one_input_has_all_of_the_variance(seed: int) -> None:
    rng = np.random.default_rng(seed)
    x, unused = rng.uniform(0.05, 20.0, SAMPLES), rng.uniform(size=SAMPLES)
    # 157,500 / bid - 10,000: the tester's net cash, its bid uniform here. Equal-count bins gave 0.86-0.90.
    shares = shares_of(157_500 / x - 10_000, x=x, unused=unused)
    assert shares["x"] == pytest.approx(1.0, abs=0.01)
    assert shares["unused"] == 0.0


@pytest.mark.parametrize("seed", range(5))
def test_a_heavy_tailed_function_of_one_input_has_nearly_all_of_the_variance(seed: int) -> None:
    rng = np.random.default_rng(seed)
    # The tester's own case: the bid lognormal with 90% of its draws in 0.05..20 (sigma = ln 400 / 3.29), so
    # 1 / bid is lognormal with a kurtosis over e^(4 sigma^2), 5 x 10^5: a few samples hold most of Var(Y), and
    # what the outcome does between them is noise to any estimator that sees only the samples. The binned one
    # gave 0.26-0.66 on these draws.
    bid = np.exp(np.log(400.0) / 3.2897072539029457 * rng.standard_normal(SAMPLES))
    unused = rng.uniform(size=SAMPLES)
    shares = shares_of(157_500 / bid - 10_000, bid=bid, unused=unused)
    assert shares["bid"] is not None and shares["bid"] >= 0.97
    # A heavy tail passes an input it ignores in 1-3% of draws, not the 1% of a normal outcome: by a little.
    assert shares["unused"] is not None and shares["unused"] < 3 * share_error(SAMPLES)


@pytest.mark.parametrize(("tail", "lowest", "mean"), [(2.5, 0.97, 0.99), (1.5, 0.95, 0.98)])
def test_a_pareto_outcome_has_nearly_all_of_the_variance(tail: float, lowest: float, mean: float) -> None:
    rng = np.random.default_rng(7)
    found, chance = [], []
    for _ in range(20):
        x, unused = rng.uniform(size=SAMPLES), rng.uniform(size=SAMPLES)
        shares = shares_of((1.0 - x) ** (-1.0 / tail), x=x, unused=unused)
        found.append(shares["x"])
        chance.append(shares["unused"])
    # Its largest draws hold much of each sample's variance (with tail index 1.5 Pareto has no variance at all,
    # only each sample's), and the gaps between them read as noise: the binned estimate's mean was 0.35.
    assert min(found) >= lowest
    assert float(np.mean(found)) >= mean
    # A heavy tail passes an input it ignores now and then (1-3% of samples; none of these 20).
    assert sum(share != 0.0 for share in chance) <= 2
    assert max(chance) < 3 * share_error(SAMPLES)


def test_a_function_that_is_not_monotone_has_all_of_the_variance() -> None:
    rng = np.random.default_rng(1)
    x, unused = rng.uniform(-1.0, 1.0, SAMPLES), rng.uniform(size=SAMPLES)
    shares = shares_of(x * x, x=x, unused=unused)
    assert shares["x"] == pytest.approx(1.0, abs=0.01)
    assert shares["unused"] == 0.0


def test_an_additive_outcome_splits_its_variance_by_each_terms_variance() -> None:
    rng = np.random.default_rng(2)
    first, second = rng.uniform(size=SAMPLES), rng.uniform(size=SAMPLES)
    # Var(3 U1) = 9 / 12, Var(U2) = 1 / 12: shares 0.9 and 0.1, summing to 1.
    shares = shares_of(3.0 * first + second, first=first, second=second)
    assert shares["first"] == pytest.approx(0.9, abs=4 * share_error(SAMPLES))
    assert shares["second"] == pytest.approx(0.1, abs=4 * share_error(SAMPLES))
    assert sum(share for share in shares.values() if share is not None) == pytest.approx(1.0, abs=4 * share_error(SAMPLES))


def test_a_pure_interaction_gives_each_input_no_share() -> None:
    rng = np.random.default_rng(3)
    first, second = rng.uniform(-1.0, 1.0, SAMPLES), rng.uniform(-1.0, 1.0, SAMPLES)
    # E[Y | X1] = X1 E[X2] = 0, but Var(Y | X1) grows with X1^2: the rule's threshold, set for an outcome that
    # does not depend on the input at all, lets such an input through a little more often (4% of seeds).
    for share in shares_of(first * second, first=first, second=second).values():
        assert share is not None and share <= 4 * share_error(SAMPLES)


def test_an_input_the_outcome_ignores_is_given_no_share_at_about_one_seed_in_a_hundred() -> None:
    rng = np.random.default_rng(4)
    kept = []
    for _ in range(400):
        x, unused = rng.uniform(size=1000), rng.uniform(size=1000)
        # Var(X) = 1/12 against a noise of variance 1: X's share is (1/12) / (13/12) = 1/13.
        shares = shares_of(x + rng.standard_normal(1000), x=x, unused=unused)
        kept.append(shares["unused"] != 0.0)
    # The 1% level of the significance rule: 4 of 400 expected, 12 is four standard deviations above.
    assert sum(kept) <= 12


def test_one_uncertain_input_has_all_of_the_variance_by_definition() -> None:
    rng = np.random.default_rng(5)
    bid = np.exp(2.0 * rng.standard_normal(50))
    # With one input the outcome is a function of it: its share is 1 whatever the samples, estimated or not.
    assert shares_of(1.0 / bid, bid=bid) == {"bid": 1.0}


def test_too_few_samples_or_an_outcome_that_does_not_vary_are_not_split() -> None:
    rng = np.random.default_rng(6)
    few = MIN_SAMPLES - 1
    x, z = rng.uniform(size=few), rng.uniform(size=few)
    found = variance_shares({"x": x, "z": z}, {"y": x + z})
    assert found.shares == {"y": {"x": None, "z": None}}
    assert found.unsplit == {"y": Unsplit(few, constant=False)}
    x, z = rng.uniform(size=SAMPLES), rng.uniform(size=SAMPLES)
    # A constant whose mean is not a float's exact value: centred, its samples are rounding, never variance.
    found = variance_shares({"x": x, "z": z}, {"y": np.full(SAMPLES, 0.2125), "none": np.full(SAMPLES, np.nan)})
    assert found.shares == {"y": {"x": None, "z": None}, "none": {"x": None, "z": None}}
    assert found.unsplit == {"y": Unsplit(SAMPLES, constant=True), "none": Unsplit(0, constant=False)}
    # None in all but MIN_SAMPLES - 1 samples: too few where the outcome is defined.
    assert shares_of(np.where(np.arange(SAMPLES) < few, x + z, np.nan), x=x, z=z) == {"x": None, "z": None}
    # One input: a function of it needs no estimate, but one that does not vary has no variance to give it.
    assert variance_shares({"x": x}, {"y": np.full(SAMPLES, 3.0)}).unsplit == {"y": Unsplit(SAMPLES, constant=True)}


def test_the_shares_do_not_depend_on_the_threads() -> None:
    rng = np.random.default_rng(8)
    draws = {f"x{i}": rng.uniform(size=5000) for i in range(5)}
    outcome = sum((i + 1) * draws[f"x{i}"] ** 2 for i in range(5)) + np.where(rng.random(5000) < 0.1, np.nan, 0.0)
    one = variance_shares(draws, {"y": outcome, "z": outcome * 2}, jobs=1)
    assert one.unsplit == {} and one.shares["y"]["x4"] == one.shares["z"]["x4"] > 0.3
    assert variance_shares(draws, {"y": outcome, "z": outcome * 2}, jobs=3) == one


def test_over_every_order_of_an_outcome_the_estimate_averages_to_exactly_zero() -> None:
    # An input the outcome does not depend on orders its values at random. Over all 40,320 orders of 8 values
    # E[e_i^2] = (1 + 1/6) sum (y - mean)^2 / (n - 1) for each inner sample, the estimator's normaliser, so the
    # estimate averages 0 whatever the values: here one far out, as a heavy tail gives.
    outcome = prepared(np.array([0.0, 1.0, 2.0, 4.0, 7.0, 11.0, 16.0, 100.0]))
    estimates = [estimate(outcome, np.array(order)) for order in itertools.permutations(range(8))]
    assert sum(estimates) / len(estimates) == pytest.approx(0.0, abs=1e-12)


@pytest.mark.parametrize("tail", [None, 1.82])
def test_the_threshold_is_the_spread_of_the_estimate_over_random_orders(tail: float | None) -> None:
    # Over random orders of one sample of 300 (a normal one; a lognormal one with the tester's sigma, where a
    # few values hold much of the variance) the estimate's standard deviation is the documented one:
    # sqrt((37 + 344 (K - 1/n)) / 63n), K = sum c^4 / (sum c^2)^2. 4,000 orders: within 5% (3.5 standard
    # errors of a standard deviation).
    rng = np.random.default_rng(9)
    values = rng.standard_normal(300) if tail is None else np.exp(tail * rng.standard_normal(300))
    outcome = prepared(values)
    found = np.array([estimate(outcome, rng.permutation(300)) for _ in range(4000)])
    n = 300
    assert float(np.std(found)) == pytest.approx(math.sqrt((37 + 344 * (outcome.kurtosis - 1 / n)) / (63 * n)), rel=0.05)
