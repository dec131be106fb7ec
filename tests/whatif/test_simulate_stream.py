"""simulate past ``STREAM_SAMPLES``: streamed draws, float32 figures, and the stages of the progress bar.

The streamed run is checked against the in-memory run of the same seed (the
same draws, so the same per-sample figures): means and chances to float64
rounding, percentiles within float32's documented relative error of 2^-24.
"""

from __future__ import annotations

import textwrap

import numpy as np
import pytest

from aigc_roi.model.sample_stream import SampleStream, distribution_count
from aigc_roi.model.sampling import realize
from aigc_roi.model.scenario import Scenario
from aigc_roi.model.tree import leaves
from aigc_roi.reader.load import load_text
from aigc_roi.whatif import simulate as simulate_module
from aigc_roi.whatif.rank_neighbour_share import prepared, share
from aigc_roi.whatif.simulate import DRAWING, EVALUATING, SHARES, simulate
from aigc_roi.whatif.variance_shares import variance_shares

# Every kind of range, a zero-width lognormal (drawn, then replaced), a rate clipped at 1, retention points that
# meet their running minimum and by-month draws: each draws its own way.
EVERY_KIND = """\
name: Every kind of range
horizon_months: 24
discount_rate: {dist: lognormal, low: 0.05, high: 0.2}
acquisition:
  - {name: Test, type: cpa, bid: {dist: normal, mean: 11, sd: 1}, budget: 20000, months: 1-3}
  - {name: Scale, type: cpa, bid: {by_month: {1: 10..14, 24: 16}}, budget: 60000, months: 4-24}
  - {name: Fixed, type: cpa, bid: {dist: lognormal, low: 12, high: 12}, budget: 5000}
organic_users: {dist: triangular, low: 100, mode: 300, high: 400}
retention: {points: {1: 0.3..0.5, 3: 0.25..0.45, 6: 0.1..0.2}}
monetization:
  plans: [{name: Monthly, price: 30, period: month, conversion: {dist: uniform, low: 0.9, high: 1.05}, renewal: 0.6..0.8}]
costs: {serving_per_active_user: 0.8, fixed: [{name: Tools, monthly: 300..1000}]}
"""
# The same with a gate (which no value by month may yet join): the scale-up waits for the test's ROAS.
GATED = EVERY_KIND.replace("{by_month: {1: 10..14, 24: 16}}", "10..14") + """\
gates:
  - {name: test, after_month: 3, channels: [Test], min_roas: 4.2, then: [Scale]}
"""


def scenario(text: str) -> Scenario:
    return load_text(textwrap.dedent(text), "s.yaml").scenario


def sample_arrays(realized: Scenario) -> list[np.ndarray]:
    return [value for _, value in leaves(realized) if isinstance(value, np.ndarray)]


def test_a_stream_draws_the_numbers_realize_draws_whatever_the_slices() -> None:
    plan = scenario(EVERY_KIND)
    whole = sample_arrays(realize(plan, 1000, np.random.default_rng(7)))
    stream = SampleStream(plan, 1000, np.random.default_rng(7))
    slices = [sample_arrays(stream.take(count)) for count in (1, 299, 500, 200)]
    assert len(whole) == distribution_count(plan)
    for position, values in enumerate(whole):
        np.testing.assert_array_equal(np.concatenate([part[position] for part in slices]), values)


def test_a_stream_refuses_more_samples_than_it_has() -> None:
    stream = SampleStream(scenario(EVERY_KIND), 10, np.random.default_rng(0))
    stream.take(6)
    with pytest.raises(ValueError, match="count <= 4"):
        stream.take(5)


SPEND_OR_NOT = """\
name: Spend or not
horizon_months: 3
acquisition:
  - {name: CPA, type: cpa, bid: {dist: uniform, low: -10, high: 30}, users: 1000, months: 1}
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: Item, price: 10, rate: 1}]
"""
"""A quarter of the draws clip to a bid of 0 and spend nothing: a paid payback there says nothing, and a streamed
mean must leave it out as the in-memory one does."""


@pytest.mark.parametrize("text", [EVERY_KIND, GATED, SPEND_OR_NOT], ids=["by_month", "gated", "no_ad_spend"])
@pytest.mark.parametrize("bound", ["samples", "draws"])
def test_a_streamed_run_summarises_the_same_samples_as_an_in_memory_one(monkeypatch: pytest.MonkeyPatch, text: str,
                                                                         bound: str) -> None:
    plan = scenario(text)
    in_memory = simulate(plan, samples=3000, seed=4, chunk_size=700)
    # Past 1,000 samples either way: by their count, or by their draws held at once (samples x ranges).
    if bound == "samples":
        monkeypatch.setattr(simulate_module, "STREAM_SAMPLES", 1000)
    else:
        monkeypatch.setattr(simulate_module, "DRAW_CELLS", 1000 * distribution_count(plan) + distribution_count(plan) - 1)
    streamed = simulate(plan, samples=3000, seed=4, chunk_size=700)
    assert streamed.probabilities == in_memory.probabilities
    assert streamed.gate_pass_probabilities == in_memory.gate_pass_probabilities
    for name, summary in in_memory.figures.items():
        got = streamed.figures[name]
        assert (got.defined_share, got.undefined_share) == (summary.defined_share, summary.undefined_share), name
        if summary.mean is None:
            assert got.mean is None, name
        else:
            assert got.mean == pytest.approx(summary.mean, rel=1e-12, abs=1e-9), name
        for q, value in summary.percentiles.items():
            if value is None:
                assert got.percentiles[q] is None, name
            else:
                # float32 rounds each sample to 2^-24 of itself; a percentile lies between two rounded samples.
                assert got.percentiles[q] == pytest.approx(value, rel=2.0**-23, abs=1e-30), (name, q)
        assert streamed.sample_figures[name].dtype == (np.float64 if name == "net_cash" else np.float32)
    np.testing.assert_array_equal(streamed.sample_figures["net_cash"], in_memory.sample_figures["net_cash"])
    np.testing.assert_array_equal(streamed.net_cash_histogram.counts, in_memory.net_cash_histogram.counts)
    for q, fan in in_memory.cash_fan.percentiles.items():
        np.testing.assert_array_equal(streamed.cash_fan.percentiles[q], fan)
    # Inputs and variance shares: over the first STREAM_SAMPLES samples, the draws of the in-memory run.
    assert list(streamed.inputs) == list(in_memory.inputs)
    for path, draws in streamed.inputs.items():
        np.testing.assert_array_equal(draws, in_memory.inputs[path][:1000])
    first = {path: draws[:1000] for path, draws in in_memory.inputs.items()}
    outcomes = {name: in_memory.sample_figures[name][:1000] for name in ("net_cash", "roi")}
    assert streamed.variance_shares == variance_shares(first, outcomes).shares


def test_every_stage_reports_its_progress_in_order_up_to_its_total() -> None:
    plan = scenario(EVERY_KIND)
    calls: list[tuple[str, int, int]] = []
    simulate(plan, samples=900, chunk_size=300, stage_progress=lambda stage, done, total: calls.append((stage, done, total)))
    stages = [stage for stage, _, _ in calls]
    assert stages == sorted(stages, key=[DRAWING, EVALUATING, SHARES].index)
    inputs = distribution_count(plan)
    assert [call for call in calls if call[0] == EVALUATING] == [(EVALUATING, 300, 900), (EVALUATING, 600, 900),
                                                                 (EVALUATING, 900, 900)]
    assert [call for call in calls if call[0] == DRAWING] == [(DRAWING, 0, inputs), (DRAWING, inputs, inputs)]
    assert [call for call in calls if call[0] == SHARES] == [(SHARES, done, inputs) for done in range(1, inputs + 1)]


def test_a_streamed_run_draws_nothing_ahead_of_its_slices(monkeypatch: pytest.MonkeyPatch) -> None:
    plan = scenario(EVERY_KIND)
    monkeypatch.setattr(simulate_module, "STREAM_SAMPLES", 100)
    calls: list[tuple[str, int, int]] = []
    simulate(plan, samples=300, chunk_size=100, stage_progress=lambda stage, done, total: calls.append((stage, done, total)))
    ranges = distribution_count(plan)
    # Every range reads its own stream slice by slice: the drawing stage is done before the first slice.
    assert calls[:3] == [(DRAWING, 0, ranges), (DRAWING, ranges, ranges), (EVALUATING, 100, 300)]


def test_variance_shares_order_tied_draws_as_a_stable_sort_does() -> None:
    rng = np.random.default_rng(3)
    # Clipped draws tie at the bound; the outcome tells the tied samples apart, so their order matters.
    tied = np.clip(rng.uniform(-0.5, 1.0, 4000), 0.0, None)
    outcome = rng.normal(size=4000) + 3.0 * tied + np.arange(4000) * 1e-3
    expected = share(prepared(outcome), np.argsort(tied, kind="stable"))
    assert variance_shares({"x": tied, "other": np.random.default_rng(4).uniform(size=4000)}, {"y": outcome}).shares["y"]["x"] == expected
    assert expected > 0.1


def test_the_bar_on_a_terminal_names_each_stage(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import types

    from aigc_roi.cli import progress as command

    clock = iter([0.0, 2.0, 2.5, 3.0, 3.5, 4.0])
    monkeypatch.setattr(command, "time", types.SimpleNamespace(monotonic=lambda: next(clock)))
    monkeypatch.setattr(command.sys.stderr, "isatty", lambda: True)
    with command.progress_bar("en") as update:
        update(3, 6, DRAWING)
        update(6, 6, DRAWING)
        update(500, 1_000, EVALUATING)
        update(2, 6, SHARES)
    err = capsys.readouterr().err
    assert "Drawing the ranges" in err and "Simulating" in err and "Splitting the variance" in err


NEAR_FREE_BIDS = """\
name: Near-free bids
horizon_months: 3
acquisition:
  - {name: CPA, type: cpa, bid: {dist: uniform, low: -20, high: 20}, users: 1000, months: 1}
retention: {points: {1: 1, 2: 0.3..0.6, 3: 0.2}}
monetization:
  purchases: [{name: Item, price: 8..12, rate: 1}]
costs: {serving_per_active_user: 1}
"""
"""A bid drawn near 0 buys users for next to nothing who pay 7 to 11 a month net: an IRR past float32's largest
number (3.4e38), which float32 would hold as inf."""


def test_a_figure_past_float32s_range_keeps_its_values_when_streamed(monkeypatch: pytest.MonkeyPatch) -> None:
    plan = scenario(NEAR_FREE_BIDS)
    in_memory = simulate(plan, samples=3000, seed=5, percentiles=(50, 100), chunk_size=700)
    largest = in_memory.figures["irr"].percentiles[100.0]
    assert largest is not None and largest > float(np.finfo(np.float32).max)
    monkeypatch.setattr(simulate_module, "STREAM_SAMPLES", 1000)
    # No overflow warning (an error under this suite's settings), and no inf in its place.
    streamed = simulate(plan, samples=3000, seed=5, percentiles=(50, 100), chunk_size=700)
    assert streamed.figures["irr"].percentiles[100.0] == pytest.approx(largest, rel=2.0**-23)
    assert streamed.figures["irr"].mean == pytest.approx(in_memory.figures["irr"].mean, rel=1e-12)
    assert np.isfinite(streamed.sample_figures["irr"]).sum() == np.isfinite(in_memory.sample_figures["irr"]).sum()
