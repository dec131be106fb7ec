"""A plan's conversion moved by a what-if ends where a channel's index would convert more than all of a cohort
(QA spec N4; docs/formulas.md §15): the index is held, never lowered to fit.

The plan (be5): horizon 3, A and B buy 1,000 users each in month 1 at a bid of 47.25 (spend 94,500); A's
conversion index is 2. A monthly plan at 30 with renewal 0.5 pays 30 + 15 + 7.5 = 52.5 per subscriber over the
horizon; 45% of B's users and 2 x 45% of A's subscribe: revenue 1,000 x 3 x 0.45 x 52.5 = 70,875, ROI -25%.
k x q <= 1 ends the conversion at 1 / 2 = 0.5: revenue 1,000 x 3 x 0.5 x 52.5 = 78,750, ROI -15,750 / 94,500
= -1/6. So no conversion the rule allows reaches ROI 0, where the engine, lowering A's index to 1 / q, found
one at q = 0.8 (1,000 x 1.8 x 52.5 = 94,500), a value `run --set` refuses.
"""

from __future__ import annotations

import pytest

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.model.scenario import Scenario
from aigc_roi.reader.load import load_text
from aigc_roi.reader.overrides import Override
from aigc_roi.whatif.breakeven import break_even
from aigc_roi.whatif.drivers import find_driver, list_drivers
from aigc_roi.whatif.sensitivity import grid, sensitivity

BE5 = """\
name: be5
horizon_months: 3
acquisition:
  - {name: A, type: cpa, bid: 47.25, users: 1000, months: 1, conversion_index: 2}
  - {name: B, type: cpa, bid: 47.25, users: 1000, months: 1}
retention: {monthly_churn: 0.5}
monetization:
  plans: [{name: M, price: 30, period: month, conversion: 0.45, renewal: 0.5}]
"""
CONVERSION = "monetization.plans[0].conversion"
INDEX = "acquisition[0].conversion_index"
SPEND = 94_500
PER_SUBSCRIBER = 30 + 15 + 7.5


def roi(index: float, conversion: float) -> float:
    """A's users convert index x q, B's q; everything else as written."""
    return (1_000 * (index + 1) * conversion * PER_SUBSCRIBER - SPEND) / SPEND


def scenario(text: str = BE5, *sets: tuple[str, str]) -> Scenario:
    return load_text(text, "be5.yaml", tuple(Override(path, value) for path, value in sets)).scenario


def test_the_conversion_ends_at_one_over_the_largest_index_and_its_break_even_is_out_of_reach() -> None:
    conversion = find_driver(list_drivers(scenario()), CONVERSION)
    assert (conversion.upper_bound, conversion.is_rate, conversion.unit) == (0.5, True, "rate")
    table = break_even(scenario())
    row = next(row for row in table.rows if row.driver.path == CONVERSION)
    # None and not met now: out of reach (no payback by month 3 either: the plan earns less than it spends).
    assert (row.roi_zero, row.payback_target) == (None, None)
    assert not table.met_now("roi_zero") and not table.met_now("payback_target")
    assert roi(2, 0.5) == pytest.approx(-1 / 6)


def test_every_drivers_domain_end_is_a_value_the_reader_accepts() -> None:
    # The edge of each domain is a plan `run --set` takes; past it the reader refuses (the rule, not a guess).
    for driver in list_drivers(scenario()):
        if driver.upper_bound < 1e15:
            scenario(BE5, (driver.path, repr(driver.upper_bound)))
    with pytest.raises(ScenarioInvalid, match="index x conversion must stay <= 1"):
        scenario(BE5, (CONVERSION, "0.5001"))


def test_no_index_above_1_leaves_the_conversion_a_share_up_to_1() -> None:
    for index in ("1", "0.5"):
        text = BE5.replace("conversion_index: 2", f"conversion_index: {index}")
        assert find_driver(list_drivers(scenario(text)), CONVERSION).upper_bound == 1.0
    # The largest index of several sets the ceiling.
    text = BE5.replace("months: 1}\nretention", "months: 1, conversion_index: 4}\nretention")
    assert find_driver(list_drivers(scenario(text.replace("0.45", "0.2"))), CONVERSION).upper_bound == 0.25


def test_sensitivity_stops_a_move_at_the_ceiling_with_the_index_held() -> None:
    analysis = sensitivity(scenario(), 0.2)
    row = next(row for row in analysis.rows if row.driver.path == CONVERSION)
    assert (row.low.value, row.high.value) == pytest.approx((0.36, 0.5))  # +20% is 0.54, past 1 / 2
    assert row.high.outcome.roi == pytest.approx(roi(2, 0.5), rel=1e-12)
    assert row.high.outcome.net_cash == pytest.approx(78_750 - SPEND, rel=1e-12)
    assert row.low.outcome.roi == pytest.approx(roi(2, 0.36), rel=1e-12)
    index = next(row for row in analysis.rows if row.driver.path == INDEX)
    assert index.high.value == pytest.approx(1 / 0.45)  # 2.4 is past 1 / 45%, as before


def test_a_grid_of_the_index_and_the_conversion_has_no_roi_where_their_product_passes_1() -> None:
    table = grid(scenario(), INDEX, CONVERSION, 0.2, 5)
    assert table.row_values == pytest.approx((1.6, 1.8, 2.0, 2.2, 1 / 0.45))
    assert table.column_values == pytest.approx((0.36, 0.405, 0.45, 0.495, 0.5))
    # 2.2 x 0.495 = 1.089, 2.2 x 0.5 = 1.1, 2.22 x 0.495 = 1.1, 2.22 x 0.5 = 1.11; 2 x 0.5 = 1 is on the edge.
    assert table.past_ceiling == ((3, 3), (3, 4), (4, 3), (4, 4))
    for i, k in enumerate(table.row_values):
        for j, q in enumerate(table.column_values):
            expected = None if (i, j) in table.past_ceiling else pytest.approx(roi(k, q), rel=1e-12)
            assert table.roi[i][j] == expected, (k, q)
    # Either way round.
    assert grid(scenario(), CONVERSION, INDEX, 0.2, 5).past_ceiling == ((3, 3), (3, 4), (4, 3), (4, 4))
    # Two drivers that share no rule leave every cell.
    assert grid(scenario(), INDEX, "monetization.plans[0].price", 0.2, 5).past_ceiling == ()
