"""Monte Carlo over ranges: exact where nothing is uncertain, closed forms where something is.

Tolerances on sampled statistics are four standard errors of that
statistic at the sample size used (stated beside each), so a correct
implementation fails with a chance of about 1 in 15,000 per assertion; the
seed is fixed, so the outcome is the same on every run.
"""

from __future__ import annotations

import dataclasses
import math
import textwrap
from pathlib import Path

import numpy as np
import pytest
from blas_orders import blas_sums_columns_alike
from hypothesis import given, settings
from hypothesis import strategies as st
from spec_example import WORKED_EXAMPLE, ZERO_WIDTH

from aigc_roi.model.engine import FIGURE_NAMES, evaluate, take_samples
from aigc_roi.model.params import chunk_bounds
from aigc_roi.model.sampling import realize
from aigc_roi.model.scenario import Z90, Scenario
from aigc_roi.reader.load import load_text
from aigc_roi.reader.overrides import Override
from aigc_roi.whatif import simulate as simulate_module
from aigc_roi.whatif.simulate import FigureSummary, Simulation, simulate, summarize, uncertain_inputs
from aigc_roi.whatif.variance_shares import Unsplit, variance_shares

ROOT = Path(__file__).resolve().parents[2]


def scenario(text: str) -> Scenario:
    return load_text(textwrap.dedent(text), "s.yaml").scenario


def lognormal_sigma(low: float, high: float) -> float:
    return math.log(high / low) / (2 * Z90)




def test_a_plan_without_ranges_has_the_worked_examples_figures_in_every_sample() -> None:
    sim = simulate(scenario(WORKED_EXAMPLE), samples=1000)
    # docs/formulas.md §11: net cash -4250, roi -0.2125, cac 20, ltv 15.75, payback none.
    for name, value in {"net_cash": -4250.0, "roi": -0.2125, "cac": 20.0, "ltv": 15.75, "ad_spend": 20000.0}.items():
        summary = sim.figures[name]
        assert summary.mean == value
        assert summary.defined_share == 1.0
        assert summary.percentiles == {5.0: value, 50.0: value, 95.0: value}
    assert sim.figures["payback_month"].percentiles == {5.0: None, 50.0: None, 95.0: None}
    assert sim.figures["peak_cash_need"].percentiles[50.0] == 11000.0  # -min(-11000, -6500, -4250)
    assert sim.probabilities == {"payback_within_target": 0.0, "roi_positive": 0.0, "npv_positive": 0.0}
    for q in (5.0, 50.0, 95.0):
        np.testing.assert_array_equal(sim.cash_fan.percentiles[q], [-11000.0, -6500.0, -4250.0])
    assert sim.net_cash_histogram.counts.sum() == 1000
    assert sim.inputs == {}
    assert sim.variance_shares == {"net_cash": {}, "roi": {}}


def test_zero_width_ranges_give_percentiles_equal_to_the_deterministic_run_exactly() -> None:
    plan = scenario(ZERO_WIDTH)
    run = evaluate(realize(plan))
    sim = simulate(plan, samples=500, percentiles=(0, 5, 50, 95, 100))
    assert run.figures["net_cash"][0] == -4550.0  # the worked example's -4250 less 300 of tools
    for name in FIGURE_NAMES:
        deterministic = run.figures[name][0]
        expected = None if math.isnan(deterministic) else float(deterministic)
        assert set(sim.figures[name].percentiles.values()) == {expected}, name
        assert sim.figures[name].mean == expected, name
    for q in sim.percentiles:
        np.testing.assert_array_equal(sim.cash_fan.percentiles[q], run.months["cumulative_cash"][0])
    # Nothing varies: no variance to split, said as such rather than as shares of 0.
    assert all(share is None for shares in sim.variance_shares.values() for share in shares.values())
    assert sim.variance_unsplit == dict.fromkeys(("net_cash", "roi"), Unsplit(500, constant=True))


def test_lognormal_median_converges_to_the_geometric_mean_with_90_percent_inside_the_range() -> None:
    low, high, samples = 300.0, 1000.0, 20_000
    plan = scenario(f"""\
        name: One uncertain cost
        horizon_months: 1
        retention: {{monthly_churn: 0.5}}
        costs: {{fixed: [{{name: tools, monthly: "{low:g}..{high:g}"}}]}}
        """)
    sim = simulate(plan, samples=samples, seed=7)
    cost = -sim.sample_figures["net_cash"]
    median = math.sqrt(low * high)
    # Standard error of a sample median: 1 / (2 f(median) sqrt(S)), f(median) = 1 / (median sigma sqrt(2 pi)).
    median_se = median * lognormal_sigma(low, high) * math.sqrt(math.pi / 2) / math.sqrt(samples)
    assert -sim.figures["net_cash"].percentiles[50.0] == pytest.approx(median, abs=4 * median_se)
    inside = np.count_nonzero((cost >= low) & (cost <= high)) / samples
    assert inside == pytest.approx(0.9, abs=4 * math.sqrt(0.9 * 0.1 / samples))


def test_an_uncertain_fixed_cost_moves_the_mean_net_cash_by_its_mean_minus_its_median() -> None:
    low, high, samples = 300.0, 1000.0, 20_000
    tools = f'fixed: [{{name: tools, monthly: "{low:g}..{high:g}", months: 1-2}}]'
    plan = scenario(WORKED_EXAMPLE.replace("costs: {serving_per_active_user: 1}", f"costs: {{serving_per_active_user: 1, {tools}}}"))
    sigma = lognormal_sigma(low, high)
    median = math.sqrt(low * high)
    mean_cost = median * math.exp(sigma**2 / 2)
    sd_cost = mean_cost * math.sqrt(math.expm1(sigma**2))
    deterministic = -4250.0 - 2 * median  # docs/formulas.md §11, tools in months 1 and 2 at their median
    expected = deterministic - (mean_cost - median) * 2
    sim = simulate(plan, samples=samples, seed=3)
    mean = sim.figures["net_cash"].mean
    assert mean is not None
    assert mean == pytest.approx(expected, abs=4 * 2 * sd_cost / math.sqrt(samples))
    assert evaluate(realize(plan)).figures["net_cash"][0] == pytest.approx(deterministic, rel=1e-12)


# Organic users who buy once in their join month: 1000 of revenue a month. A
# month-1 cost C ~ uniform[0, 4000] pays back in month ceil(C / 1000), never
# when C > 3000; the peak cash need is max(0, C - 1000).
ONE_OFF_COST = """\
name: One-off cost
horizon_months: 3
organic_users: 100
retention: {monthly_churn: 1}
monetization: {purchases: [{name: item, price: 10, rate: 1}]}
costs: {fixed: [{name: launch, monthly: {dist: uniform, low: 0, high: 4000}, months: 1}]}
targets: {max_payback_months: 2}
"""


def test_payback_percentiles_rank_never_after_every_month() -> None:
    samples = 20_000
    sim = simulate(scenario(ONE_OFF_COST), samples=samples, percentiles=(10, 40, 60, 90), max_cash_need=2000)
    payback = sim.figures["payback_month"]
    assert payback.percentiles == {10.0: 1.0, 40.0: 2.0, 60.0: 3.0, 90.0: None}
    share_se = math.sqrt(0.25 * 0.75 / samples)
    assert payback.defined_share == pytest.approx(0.75, abs=4 * share_se)
    assert payback.mean == pytest.approx(2.0, abs=4 * math.sqrt(2 / 3 / (0.75 * samples)))  # months 1..3 equally likely
    assert sim.payback_target_months == 2
    assert sim.probabilities["payback_within_target"] == pytest.approx(0.5, abs=4 * math.sqrt(0.25 / samples))
    assert sim.probabilities["cash_need_within_target"] == pytest.approx(0.75, abs=4 * share_se)  # C <= 3000
    # E[max(0, C - 1000)] = 3000^2 / 2 / 4000; sd of max(0, C - 1000) is sqrt(E[X^2] - E[X]^2) with E[X^2] = 3000^3 / 3 / 4000.
    need_sd = math.sqrt(3000**3 / 3 / 4000 - 1125.0**2)
    assert sim.figures["peak_cash_need"].mean == pytest.approx(1125.0, abs=4 * need_sd / math.sqrt(samples))


# The same 1000 of revenue a month against C ~ uniform[0, 6000]: payback in month ceil(C / 1000)
# when C <= 3000 (each of months 1, 2, 3 with chance 1/6), never in the other half of the samples.
HALF_NEVER = ONE_OFF_COST.replace("high: 4000", "high: 6000")


def test_every_payback_figure_ranks_never_last_when_half_the_samples_never_pay_back() -> None:
    samples = 20_000
    sim = simulate(scenario(HALF_NEVER), samples=samples, percentiles=(10, 30, 45, 55, 95))
    # Inverted CDF over 1, 2, 3, never with chances 1/6 each and 1/2: P10 -> 1, P30 -> 2, P45 -> 3, P55 and
    # P95 fall among the never samples. Each percentile is at least 3 points from a step, 10 standard errors.
    expected = {10.0: 1.0, 30.0: 2.0, 45.0: 3.0, 55.0: None, 95.0: None}
    # Cumulative cash only rises here, so the first and the sustained payback are the same month.
    for name in ("payback_month", "first_payback_month"):
        assert sim.figures[name].percentiles == expected, name
        assert sim.figures[name].defined_share == pytest.approx(0.5, abs=4 * math.sqrt(0.25 / samples))


def test_the_fan_keeps_the_first_samples_when_all_would_not_fit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(simulate_module, "FAN_BUDGET_CELLS", 3000)
    sim = simulate(scenario(ONE_OFF_COST), samples=5000, chunk_size=700)
    assert sim.cash_fan.samples == 1000  # 3000 cells / 3 months
    # Cumulative cash is 1000 t - C; the median C is 2000. The sample median of a uniform over a width of
    # 4000 has a standard error of 4000 sqrt(0.25 / 1000).
    np.testing.assert_allclose(sim.cash_fan.percentiles[50.0], [-1000.0, 0.0, 1000.0], atol=4 * 4000 * math.sqrt(0.25 / 1000))


def test_variance_shares_are_over_the_first_share_samples_past_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(simulate_module, "SHARE_SAMPLES", 600)
    plan = scenario(SHARES)
    sim = simulate(plan, samples=2000, seed=5, chunk_size=700)
    first = {path: draws[:600] for path, draws in sim.inputs.items()}
    assert all(draws.size == 2000 for draws in sim.inputs.values())  # the samples table keeps every draw
    for name, shares in sim.variance_shares.items():
        assert shares == variance_shares(first, {name: sim.sample_figures[name][:600]}).shares[name]
        # Over all 2,000 samples the estimate differs: the cut is what made these.
        assert shares != variance_shares(sim.inputs, {name: sim.sample_figures[name]}).shares[name]
    # Below the cut every sample counts, as before.
    small = simulate(plan, samples=500, seed=5)
    assert small.variance_shares["net_cash"] == variance_shares(
        small.inputs, {"net_cash": small.sample_figures["net_cash"]}).shares["net_cash"]


def test_summaries_of_figures_that_are_none_in_some_samples() -> None:
    values = np.array([3.0, np.nan, 1.0, 2.0])
    ratio = summarize(values, (50, 80))
    assert (ratio.mean, ratio.defined_share, ratio.percentiles) == (2.0, 0.75, {50.0: 2.0, 80.0: 2.6})
    # As a payback month: 1, 2, 3, never. By month 2 half the samples have paid back; 80% never do by month 3.
    payback = summarize(values, (50, 75, 80), never_is_latest=True)
    assert (payback.mean, payback.defined_share, payback.percentiles) == (2.0, 0.75, {50.0: 2.0, 75.0: 3.0, 80.0: None})
    assert summarize(np.full(3, np.nan), (50,)) == FigureSummary(mean=None, defined_share=0.0, percentiles={50.0: None})


# Net cash is minus the sum of two independent uniform costs, so each one's
# share of its variance is width^2 / (100^2 + 200^2): 0.2 and 0.8. The
# discount rate and a yearly plan's renewal (never due within 12 months)
# do not enter net cash or roi; fixed costs do not enter roi, which depends
# on the bid alone.
SHARES = """\
name: Variance shares
horizon_months: 12
discount_rate: {dist: uniform, low: 0, high: 0.2}
acquisition: [{name: CPA, type: cpa, bid: {dist: uniform, low: 10, high: 10.5}, users: 100, months: 1}]
retention: {monthly_churn: 0.2}
monetization: {plans: [{name: Annual, price: 100, period: year, conversion: 0.1, renewal: 0.3..0.9}]}
costs:
  fixed:
    - {name: small, monthly: {dist: uniform, low: 0, high: 100}}
    - {name: large, monthly: {dist: uniform, low: 0, high: 200}}
"""


def test_variance_shares_match_the_closed_form_and_are_zero_for_inputs_outside_the_model() -> None:
    sim = simulate(scenario(SHARES), samples=10_000)
    net_cash, roi = sim.variance_shares["net_cash"], sim.variance_shares["roi"]
    # The bid moves net cash by at most 100 x 0.5 = 50, against fixed costs spread over 12 months: its share is
    # (50^2 / 12) / (12 x (100^2 + 200^2) / 12) < 0.005, so the closed form of the costs holds within that.
    assert net_cash["costs.fixed[0].monthly"] == pytest.approx(0.2, abs=0.03)
    assert net_cash["costs.fixed[1].monthly"] == pytest.approx(0.8, abs=0.03)
    for path in ("discount_rate", "monetization.plans[0].renewal"):
        assert net_cash[path] == 0.0
        assert roi[path] == 0.0
    assert roi["costs.fixed[0].monthly"] == 0.0
    assert roi["costs.fixed[1].monthly"] == 0.0
    # roi is a smooth monotone function of the bid alone: between rank neighbours it runs straight, and the
    # estimator sees its variance whole.
    assert roi["acquisition[0].bid"] == pytest.approx(1.0, abs=0.01)
    assert sum(net_cash.values()) <= 1.0


def test_variance_shares_are_the_documented_estimator() -> None:
    rng = np.random.default_rng(12)
    draws = {"tied": np.clip(rng.uniform(-0.5, 1.0, 5000), 0.0, None), "spread": rng.lognormal(0.0, 1.0, 5000),
             "unused": rng.uniform(size=5000)}
    outcome = 3.0 * draws["tied"] + np.log(draws["spread"]) + rng.normal(size=5000)
    outcomes = {"y": outcome, "partly none": np.where(rng.random(5000) < 0.1, np.nan, outcome)}
    shares = variance_shares(draws, outcomes).shares
    for name, values in outcomes.items():
        defined = values[~np.isnan(values)]
        mean = np.mean(defined)
        centred = defined - mean
        total, fourth = float(np.sum(centred**2)), float(np.sum(centred**4))
        for path, x in draws.items():
            by_input = values[np.argsort(x, kind="stable")]
            by_input = by_input[~np.isnan(by_input)] - mean
            n = by_input.size
            # Each inner sample against the mean of its 3 neighbours on either side.
            neighbours = np.convolve(by_input, np.ones(7), "valid") - by_input[3:-3]
            residuals = by_input[3:-3] - neighbours / 6
            found = 1.0 - (float(np.sum(residuals**2)) / (n - 6)) / ((7 / 6) * total / (n - 1))
            # Kept above 2.326 standard deviations of no effect, sqrt((37 + 344 (K - 1/n)) / 63n).
            threshold = 2.3263478740408408 * math.sqrt((37 + 344 * (fourth / total**2 - 1 / n)) / (63 * n))
            assert shares[name][path] == pytest.approx(found if found > threshold else 0.0, rel=1e-12, abs=0.0)
        # 3 max(U, 0) with U ~ U[-0.5, 1] has variance 9 (2/9 - 1/9) = 1, as log(spread) ~ N(0, 1) and the noise:
        # a third each.
        assert shares[name]["unused"] == 0.0
        for path in ("tied", "spread"):
            assert shares[name][path] == pytest.approx(1 / 3, abs=4 / math.sqrt(4500))


def test_chunking_does_not_change_any_result() -> None:
    plan = scenario(SHARES.replace("retention: {monthly_churn: 0.2}", "retention: {points: {1: 0.3..0.5, 6: 0.1}}"))
    small = simulate(plan, samples=2000, seed=11, chunk_size=7)
    whole = simulate(plan, samples=2000, seed=11, chunk_size=10_000)
    assert_same(small, whole)


CHAT_PLAN = (ROOT / "scenarios" / "chat-assistant-cpa.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("chunk", [1, 2, 3, 7])
def test_no_sample_depends_on_the_others_in_its_chunk(chunk: int) -> None:
    # Most samples pay back within the horizon, so most have an IRR, each found by Newton's method beside however
    # many others are still searched; 1,999 samples in chunks of 1, 2 or 3 would leave samples alone, whose months
    # numpy would sum in another order (model/params.py chunk_bounds). Ranges on a channel and on a plan, and a
    # curve flat from month 6, keep every sum the engine's own (no BLAS product over the samples: the test below).
    text = CHAT_PLAN.replace("{1: 0.30, 3: 0.18, 6: 0.12, 12: 0.08, 24: 0.06}", "{1: 0.30, 3: 0.18, 6: 0.12}")
    plan = load_text(text.replace("price: 29 ", "price: 27..31 ", 1), "chat.yaml").scenario
    whole = simulate(plan, samples=1999, seed=3, chunk_size=10_000)
    assert np.count_nonzero(~np.isnan(whole.sample_figures["irr"])) > 1000
    assert_same(simulate(plan, samples=1999, seed=3, chunk_size=chunk), whole)


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 60), st.integers(1, 70))
def test_chunks_cover_every_sample_once_and_none_alone(samples: int, step: int) -> None:
    bounds = chunk_bounds(samples, step)
    assert [start for start, _ in bounds] == [0, *(stop for _, stop in bounds[:-1])]
    assert bounds[-1][1] == samples
    sizes = [stop - start for start, stop in bounds]
    # A lone sample sums its months pairwise, several one month after another: none is alone unless it is the only one.
    assert min(sizes) >= min(samples, 2)
    # Never more than one step and the sample that would have been left alone (or two when the step is one).
    assert max(sizes) <= max(step, 2) + 1


@pytest.mark.parametrize("chunk", [2, 3, 7])
def test_samples_summed_as_one_product_depend_on_their_chunk_by_rounding_alone(chunk: int) -> None:
    # The bid alone is drawn, so every sample shares one user's amounts and a chunk's cohorts are one BLAS product
    # over its samples (model/cohort_products.py), whose sums some BLAS kernels order by the columns beside them.
    plan = load_text(CHAT_PLAN, "chat.yaml").scenario
    whole = simulate(plan, samples=1999, seed=3, chunk_size=10_000)
    part = simulate(plan, samples=1999, seed=3, chunk_size=chunk)
    if blas_sums_columns_alike():
        assert_same(part, whole)
        return
    # Reordered sums move a figure by rounding alone (about 1e-15 of its series, more where a root is solved for or
    # a difference is small); a sample that read another sample's values would move it by the figures' own spread.
    for name, values in whole.sample_figures.items():
        np.testing.assert_allclose(part.sample_figures[name], values, rtol=1e-9,
                                   atol=1e-9 * np.nanmax(np.abs(values), initial=0.0), err_msg=name)


def assert_same(left: Simulation, right: Simulation) -> None:
    for f in dataclasses.fields(Simulation):
        a, b = getattr(left, f.name), getattr(right, f.name)
        if f.name in ("inputs", "sample_figures"):
            assert a.keys() == b.keys()
            for key in a:
                np.testing.assert_array_equal(a[key], b[key])
        elif f.name == "net_cash_histogram":
            np.testing.assert_array_equal(a.edges, b.edges)
            np.testing.assert_array_equal(a.counts, b.counts)
        elif f.name == "cash_fan":
            assert a.samples == b.samples
            for q in a.percentiles:
                np.testing.assert_array_equal(a.percentiles[q], b.percentiles[q])
        else:
            assert a == b, f.name


def test_progress_reports_each_chunk_up_to_the_total() -> None:
    calls: list[tuple[int, int]] = []
    simulate(scenario(SHARES), samples=1000, chunk_size=300, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(300, 1000), (600, 1000), (900, 1000), (1000, 1000)]


def test_inputs_are_named_by_the_paths_set_takes() -> None:
    text = SHARES.replace("retention: {monthly_churn: 0.2}", "retention: {points: {1: 0.3..0.5, 6: 0.1}}")
    plan = scenario(text)
    paths = [path for path, _ in uncertain_inputs(plan, realize(plan, 5, np.random.default_rng(0)))]
    assert paths == [  # the order of the model's fields, in which realize draws them
        "retention.points[1]",
        "discount_rate",
        "acquisition[0].bid",
        "monetization.plans[0].renewal",
        "costs.fixed[0].monthly",
        "costs.fixed[1].monthly",
    ]
    for path in paths:
        fixed = load_text(text, "s.yaml", (Override(path, "0.25"),)).scenario
        assert dict(uncertain_inputs(fixed, realize(fixed, 5, np.random.default_rng(0)))).keys() == set(paths) - {path}


def test_take_samples_cuts_every_sample_array_and_keeps_the_rest() -> None:
    plan = scenario(SHARES.replace("retention: {monthly_churn: 0.2}", "retention: {points: {1: 0.3..0.5, 6: 0.1}}"))
    realized = realize(plan, 10, np.random.default_rng(0))
    part = take_samples(realized, 3, 7)
    whole = dict(uncertain_inputs(plan, realized))
    sliced = dict(uncertain_inputs(plan, part))
    for path, draws in whole.items():
        np.testing.assert_array_equal(sliced[path], draws[3:7])
        assert len(draws) == 10  # the original is left alone
    # Realize turns the later retention point into an array (a running minimum with the drawn first point).
    assert part.retention.points[1][0] == 6  # type: ignore[union-attr]
    np.testing.assert_array_equal(part.retention.points[1][1], realized.retention.points[1][1][3:7])  # type: ignore[union-attr]
    assert part.acquisition[0].users == 100.0  # type: ignore[union-attr]
    assert part.costs.fixed[1].name == "large"
    assert evaluate(part).samples == 4


def test_the_same_seed_gives_the_same_numbers_and_another_seed_others() -> None:
    first = simulate(scenario(SHARES), samples=300, seed=5)
    assert_same(first, simulate(scenario(SHARES), samples=300, seed=5))
    assert simulate(scenario(SHARES), samples=300, seed=6).figures["net_cash"] != first.figures["net_cash"]


@settings(max_examples=25, deadline=None)
@given(
    bid=st.integers(1, 50),
    bid_spread=st.floats(1.0, 3.0),
    conversion=st.integers(0, 50).map(lambda percent: percent / 100),
    conversion_spread=st.integers(0, 50).map(lambda percent: percent / 100),
    churn=st.floats(0.05, 0.95),
    tools=st.integers(0, 5000),
    target=st.integers(1, 12),
    cash_target=st.integers(0, 1_000_000),
)
def test_probabilities_and_shares_lie_in_zero_to_one(
    bid: int, bid_spread: float, conversion: float, conversion_spread: float,
    churn: float, tools: int, target: int, cash_target: int,
) -> None:
    conversion_range = f"{{dist: uniform, low: {conversion!r}, high: {conversion + conversion_spread!r}}}"
    plan = scenario(f"""\
        name: Generated
        horizon_months: 12
        acquisition: [{{name: CPA, type: cpa, bid: "{bid!r}..{bid * bid_spread!r}", budget: 10000, months: 1-3}}]
        retention: {{monthly_churn: {churn!r}}}
        monetization:
          plans: [{{name: p, price: 30, period: month, conversion: {conversion_range}}}]
        costs: {{fixed: [{{name: tools, monthly: {{dist: uniform, low: 0, high: {tools!r}}}}}]}}
        """)
    sim = simulate(plan, samples=64, payback_target_months=target, max_cash_need=cash_target, percentiles=(5, 50, 95))
    assert set(sim.probabilities) == {"payback_within_target", "roi_positive", "npv_positive", "cash_need_within_target"}
    assert all(0.0 <= p <= 1.0 for p in sim.probabilities.values())
    for target, shares in sim.variance_shares.items():
        found = [share for share in shares.values() if share is not None]
        assert (not found) == (target in sim.variance_unsplit)
        assert all(0.0 <= share <= 1.0 for share in found)
        assert sum(found) <= 1.0 + 1e-12
    for summary in sim.figures.values():
        assert 0.0 <= summary.defined_share <= 1.0
        found = [v for v in summary.percentiles.values() if v is not None]
        assert found == sorted(found)


def test_bad_arguments_are_refused() -> None:
    plan = scenario(WORKED_EXAMPLE)
    for kwargs in ({"samples": 0}, {"chunk_size": 0}, {"histogram_bins": 0}, {"percentiles": (5, 101)}):
        with pytest.raises(ValueError):
            simulate(plan, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(("argument", "value", "message"), [
    ("seed", -1, "seed: expected a whole number from 0 to 2^128 - 1, found -1"),
    ("seed", 1.0, "seed: expected a whole number from 0 to 2^128 - 1, found 1.0 (float)"),
    ("samples", 1.5, "samples: expected a whole number from 1 to 10,000,000, found 1.5 (float)"),
    ("samples", 1e4, "samples: expected a whole number from 1 to 10,000,000, found 10000.0 (float)"),
    ("samples", True, "samples: expected a whole number from 1 to 10,000,000, found True (bool)"),
    ("samples", 0, "samples: expected a whole number from 1 to 10,000,000, found 0"),
    ("samples", 10_000_001, "samples: expected a whole number from 1 to 10,000,000, found 10000001"),
    ("jobs", 1.5, "jobs: expected a whole number >= 1, found 1.5 (float)"),
])
def test_a_count_or_seed_is_a_whole_number_within_the_options_bounds(argument: str, value: object, message: str) -> None:
    # As `simulate --samples` and `--seed`: a negative seed and a fractional count were numpy's errors from inside.
    plan = scenario(WORKED_EXAMPLE)
    with pytest.raises(ValueError) as raised:
        simulate(plan, **{"samples": 10, argument: value})  # type: ignore[arg-type]
    assert str(raised.value) == message
    if argument != "jobs":
        with pytest.raises(ValueError) as raised:
            simulate_module.payback_chance(plan, **{"samples": 10, "seed": 0, argument: value})  # type: ignore[arg-type]
        assert str(raised.value) == message


def test_numpy_counts_are_counts() -> None:
    assert simulate(scenario(WORKED_EXAMPLE), samples=np.int64(10), seed=np.uint32(3)).samples == 10  # type: ignore[arg-type]


def test_a_cac_payback_over_a_none_cac_is_undefined_not_never() -> None:
    # The worked example with its bid drawn from uniform[-10, 30] for 1,000 users: a quarter of the draws clip to a
    # bid of 0, spend nothing and have no CAC, so no CAC payback at all. Of the rest, c(a) sums to 9, 13.5, 15.75
    # over the three ages: a bid above 15.75 (draws in (15.75, 30], 35.6% of all) never pays back within ltv_months.
    text = WORKED_EXAMPLE.replace("bid: 20", "bid: {dist: uniform, low: -10, high: 30}")
    result = simulate(load_text(text, "s.yaml").scenario, 20_000, seed=4)
    bids = realize(load_text(text, "s.yaml").scenario, 20_000, np.random.default_rng(4)).acquisition[0].bid
    no_cac = np.asarray(bids) == 0.0
    never = np.asarray(bids) > 15.75
    summary = result.figures["cac_payback_months"]
    assert summary.undefined_share == np.count_nonzero(no_cac) / 20_000 == pytest.approx(0.25, abs=0.01)
    assert summary.defined_share == np.count_nonzero(~no_cac & ~never) / 20_000
    assert 1 - summary.defined_share - summary.undefined_share == pytest.approx(0.35625, abs=0.01)
    # Percentiles over the draws with a CAC, in shares of them: month 1 (bid <= 9) 30%, month 2 45% cumulated, month 3
    # 52.5%, never the last 47.5%. Had the draws without a CAC counted as never, P50 would have been never.
    assert (summary.percentiles[5.0], summary.percentiles[50.0], summary.percentiles[95.0]) == (1, 3, None)
