"""One-way and two-way sensitivity: moves, clipping, ordering, one batched engine call."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from aigc_roi import api
from aigc_roi.model.engine import evaluate
from aigc_roi.model.sampling import realize
from aigc_roi.model.scenario import Scenario
from aigc_roi.present.sensitivity import grid_json, sensitivity_json
from aigc_roi.reader.load import load_text
from aigc_roi.whatif import drivers
from aigc_roi.whatif.drivers import UnknownDriver, with_value
from aigc_roi.whatif.errors import WhatIfError
from aigc_roi.whatif.sensitivity import grid, sensitivity

STARTER = (Path(__file__).resolve().parents[2] / "scenarios" / "starter.yaml").read_text(encoding="utf-8")
WORKED_EXAMPLE = """
name: Spec worked example
horizon_months: 3
acquisition:
  - {name: CPA, type: cpa, bid: 20, users: 1000, months: 1}
retention: {monthly_churn: 0.5}
monetization:
  plans: [{name: Member, price: 30, period: month, conversion: 0.9, renewal: 0.5}]
  purchases: [{name: item, price: 10, rate: 1}]
costs: {serving_per_active_user: 0}
"""


def scenario_of(text: str = WORKED_EXAMPLE) -> Scenario:
    return load_text(textwrap.dedent(text), "s.yaml").scenario


def roi_at(scenario: Scenario, path: str, value: float) -> float:
    return float(evaluate(with_value(realize(scenario), path, value)).figures["roi"][0])


def test_each_driver_moves_down_and_up_with_rates_clipped_and_zero_kept() -> None:
    analysis = sensitivity(scenario_of(), 0.2)
    rows = {row.driver.path: row for row in analysis.rows}
    bid = rows["acquisition[0].bid"]
    assert (bid.low.value, bid.high.value) == pytest.approx((16.0, 24.0))
    assert bid.low.outcome.roi == pytest.approx(roi_at(scenario_of(), "acquisition[0].bid", 16.0), rel=1e-12)
    conversion = rows["monetization.plans[0].conversion"]
    assert (conversion.low.value, conversion.high.value) == pytest.approx((0.72, 1.0))  # 1.08 clipped to 1
    serving = rows["costs.serving_per_active_user"]
    assert (serving.low.value, serving.high.value) == (0.0, 0.0)  # 0 moved by +-20% is still 0
    assert serving.low.outcome.change(analysis.base, "roi") == 0.0


def test_base_outcome_is_the_current_run() -> None:
    analysis = sensitivity(scenario_of())
    figures = evaluate(realize(scenario_of())).figures
    assert analysis.base.roi == pytest.approx(float(figures["roi"][0]), rel=1e-12)
    assert analysis.base.net_cash == pytest.approx(float(figures["net_cash"][0]), rel=1e-12)


def test_rows_are_sorted_by_largest_roi_change_then_net_cash() -> None:
    analysis = sensitivity(scenario_of())
    keys = [row.impact(analysis.base) for row in analysis.rows]
    assert keys == sorted(keys, reverse=True)
    assert analysis.rows[-1].driver.path == "costs.serving_per_active_user"


def test_without_ad_spend_rows_are_sorted_by_net_cash() -> None:
    text = WORKED_EXAMPLE.replace("bid: 20, users: 1000", "bid: 0, users: 1000")
    analysis = sensitivity(scenario_of(text))
    assert analysis.base.roi is None
    changes = [max(abs(m.outcome.change(analysis.base, "net_cash") or 0) for m in (r.low, r.high))
               for r in analysis.rows]
    assert changes == sorted(changes, reverse=True)


def test_all_candidates_go_to_the_engine_in_one_call(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Scenario] = []
    # Every engine call of the what-ifs goes through whatif/drivers.py: a run, or a batch of figures.
    for name in ("evaluate", "evaluate_batch"):
        real = getattr(drivers, name)

        def counting(scenario: Scenario, _real: Callable[..., object] = real, **options: bool) -> object:
            calls.append(scenario)
            return _real(scenario, **options)

        monkeypatch.setattr(drivers, name, counting)
    sensitivity(scenario_of())
    grid(scenario_of(), "acquisition[0].bid", "monetization.plans[0].price")
    assert len(calls) == 2


def test_grid_is_roi_at_each_pair_of_values() -> None:
    scenario = scenario_of()
    table = api.sensitivity_grid(scenario, "acquisition[CPA].bid", "monetization.purchases[0].price", 0.2, 3)
    assert table.row_values == pytest.approx((16.0, 20.0, 24.0))
    assert table.column_values == pytest.approx((8.0, 10.0, 12.0))
    changed = with_value(with_value(realize(scenario), "acquisition[0].bid", 24.0), "monetization.purchases[0].price", 8.0)
    assert table.roi[2][0] == pytest.approx(float(evaluate(changed).figures["roi"][0]), rel=1e-12)
    assert table.roi[1][1] == pytest.approx(table.base_roi, rel=1e-12)


def test_grid_rejects_unknown_or_repeated_drivers() -> None:
    with pytest.raises(UnknownDriver, match="costs.serving_per_active_user"):
        api.sensitivity_grid(scenario_of(), "acquisition[0].bid", "zzz")
    with pytest.raises(UnknownDriver, match=r"did you mean 'monetization\.purchases\[item\]\.price'\?"):
        api.sensitivity_grid(scenario_of(), "acquisition[0].bid", "itme.price")
    with pytest.raises(ValueError, match="two different drivers"):
        api.sensitivity_grid(scenario_of(), "acquisition[0].bid", "acquisition[CPA].bid")


def test_reports_have_the_documented_shape() -> None:
    data = sensitivity_json(sensitivity(scenario_of()))
    assert list(data) == ["scenario", "step", "base", "drivers"]
    assert set(data["base"]) == {"roi", "net_cash", "payback_month"}
    first = data["drivers"][0]
    assert {"path", "label", "low", "high"} <= set(first)
    assert set(first["low"]) == {"value", "roi", "net_cash", "payback_month"}
    table = grid_json(grid(scenario_of(), "acquisition[0].bid", "monetization.plans[0].price"))
    assert table["rows"]["path"] == "acquisition[0].bid"
    assert len(table["roi"]) == 5 and len(table["roi"][0]) == 5


@pytest.mark.parametrize(("step", "found"), [
    (math.nan, "nan"), (math.inf, "inf"), (0, "0"), (-0.2, "-0.2"), (1.5, "1.5"), (2, "2"), (True, "True (bool)"),
    ("0.2", "'0.2' (str)"),
])
def test_a_step_outside_0_to_1_is_refused_as_the_option_refuses_it(step: object, found: str) -> None:
    # (0, 1], as `sensitivity --step`: at 2 the low move was a bid of 1e-06 and an roi of 13 million, at -0.2 the
    # moves swapped sides, and nan moved every driver to nan and reported the base outcome as their effect.
    message = f"step: expected a step in (0, 1], such as 0.2, found {found}"
    with pytest.raises(WhatIfError) as raised:
        sensitivity(scenario_of(), step)  # type: ignore[arg-type]
    assert str(raised.value) == message
    with pytest.raises(WhatIfError) as raised:
        grid(scenario_of(), "acquisition[0].bid", "monetization.plans[0].price", step)  # type: ignore[arg-type]
    assert str(raised.value) == message


def test_a_step_of_1_is_the_largest_taken() -> None:
    bid = next(row for row in sensitivity(scenario_of(), 1).rows if row.driver.path == "acquisition[0].bid")
    # (1 - 1) x 20 = 0 (the channel buys its users, so nothing divides by the bid), (1 + 1) x 20 = 40.
    assert (bid.low.value, bid.high.value) == (0, 40)


@pytest.mark.parametrize(("steps", "found"), [
    (1, "1"), (0, "0"), (-3, "-3"), (42, "42"), (2.5, "2.5 (float)"), (5.0, "5.0 (float)"), (True, "True (bool)"),
])
def test_grid_steps_outside_2_to_41_or_not_a_count_are_refused(steps: object, found: str) -> None:
    # As `--grid-steps`: 1 gave one value (not "from -step to +step"), 0 an empty table, -3 and 2.5 numpy's errors.
    with pytest.raises(WhatIfError) as raised:
        grid(scenario_of(), "acquisition[0].bid", "monetization.plans[0].price", 0.2, steps)  # type: ignore[arg-type]
    assert str(raised.value) == f"steps: expected a whole number from 2 to 41, found {found}"


def test_grid_takes_2_and_41_steps_and_numpy_counts() -> None:
    assert grid(scenario_of(), "acquisition[0].bid", "monetization.plans[0].price", 0.5, 2).row_values == (10, 30)
    assert len(grid(scenario_of(), "acquisition[0].bid", "monetization.plans[0].price", 0.5, np.int64(41)).roi) == 41


def test_a_change_within_float_noise_ranks_as_none() -> None:
    """QA numbers F5: two cpa channels at one bid have one ROI, so moving either budget moves the plan's ROI by float
    noise alone (+-1e-16); the rows ranked by that noise put the smaller budget first. Each budget moves net cash by
    step x its six months' spend x that ROI, so the larger budget's row comes first, by net cash."""
    text = STARTER.replace("    budget: 30_000 ", "    budget: 12_345 ").replace(
        "    months: 1-6 ", "    months: 1-6\n  - {name: B, type: cpa, bid: 12, budget: 30_000, months: 1-6}\n   ")
    analysis = sensitivity(scenario_of(text))
    rows = [row for row in analysis.rows if row.driver.field == "budget"]
    assert [row.driver.path for row in rows] == ["acquisition[1].budget", "acquisition[0].budget"]
    assert all(row.impact(analysis.base)[0] == 0.0 for row in rows)
    roi = analysis.base.roi
    assert roi is not None
    for row, budget in zip(rows, (30_000, 12_345), strict=True):
        assert row.low.outcome.change(analysis.base, "net_cash") == pytest.approx(-0.2 * 6 * budget * roi, rel=1e-9)


def test_rows_of_equal_impact_keep_the_file_order() -> None:
    text = STARTER.replace("    months: 1-6 ", "    months: 1-6\n  - {name: B, type: cpa, bid: 12, budget: 30_000, months: 1-6}\n   ")
    rows = [row.driver.path for row in sensitivity(scenario_of(text)).rows if row.driver.field == "budget"]
    assert rows == ["acquisition[0].budget", "acquisition[1].budget"]
