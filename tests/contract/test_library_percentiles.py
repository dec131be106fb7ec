"""api.simulate's ``percentiles`` held to the rule of `simulate --percentiles` (whatif/percentile_choice.py).

QA: the library took ``[]`` (the CLI refuses ``--percentiles ""``), gave ``[50, 50]`` as ``.percentiles == (50.0, 50.0)``
beside one key in each figure's percentiles, and kept ``[95, 5]`` in that order where the CLI sorts them.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from cli_runner import invoke

from aigc_roi import api
from aigc_roi.cli.simulate import parse_percentiles
from aigc_roi.present.messages_zh import translate

PLAN = str(Path(__file__).resolve().parents[2] / "scenarios" / "chat-assistant-cpa.yaml")
SCENARIO = api.load(PLAN)


@pytest.mark.parametrize(("given", "chosen"), [
    ([95, 5], (5.0, 95.0)),
    ([50, 50], (50.0,)),
    ([50, Decimal("50.0"), 50.0, np.float64(50)], (50.0,)),  # one number, however given
    ((95, 5, 50, 5.0), (5.0, 50.0, 95.0)),
    ([100, -0.0, 0], (0.0, 100.0)),
    (np.array([97.5, 2.5]), (2.5, 97.5)),
])
def test_percentiles_are_reported_in_increasing_order_each_once(given: Sequence[float], chosen: tuple[float, ...]) -> None:
    simulation = api.simulate(SCENARIO, samples=100, percentiles=given)
    assert simulation.percentiles == chosen
    assert [repr(q) for q in simulation.percentiles] == [repr(q) for q in chosen]  # -0.0 is the 0th, 0.0
    assert tuple(simulation.figures["npv"].percentiles) == chosen
    assert tuple(simulation.cash_fan.percentiles) == chosen


@pytest.mark.parametrize("written", ["95,5", "50,50", "95, 5 ,50,5.0", "100,-0,0", "97.5,2.5"])
def test_the_library_and_the_option_choose_alike(written: str) -> None:
    given = [float(part) for part in written.split(",")]
    assert api.simulate(SCENARIO, samples=100, percentiles=given).percentiles == parse_percentiles(written, "en")


@pytest.mark.parametrize("given", [[], (), np.array([]), iter(())])
def test_no_percentile_at_all_is_refused_as_the_option_refuses_an_empty_one(given: object) -> None:
    with pytest.raises(api.ArgumentError) as refused:
        api.simulate(SCENARIO, samples=100, percentiles=given)  # type: ignore[arg-type]
    assert refused.value.argument == "percentiles"
    assert str(refused.value) == "percentiles: expected at least one number from 0 to 100, found none"
    assert translate(str(refused.value)) == "percentiles：应至少有一个 0 到 100 之间的数字，实际一个也没有"
    assert invoke(["simulate", PLAN, "--samples", "100", "--percentiles", ""]).exit_code == 2


# 100/3's nearest float is 33.33333333333333570180911920033395290374755859375, whose shortest repr is
# 33.333333333333336; both Decimals and the Fraction round to it, though no two of them are equal.
@pytest.mark.parametrize(("given", "message", "chinese"), [
    ([Decimal("33.3333333333333331"), 5, Decimal("33.333333333333333")],
     "percentiles[2]: Decimal('33.333333333333333') and percentiles[0], Decimal('33.3333333333333331'), differ beyond "
     "a float's precision, so both are 33.333333333333336; give one of them",
     "percentiles[2]：Decimal('33.333333333333333') 与 percentiles[0]（Decimal('33.3333333333333331')）的差别超出浮点数"
     "精度，二者都是 33.333333333333336；请只写其中一个"),
    ([Fraction(100, 3), Decimal("33.333333333333333")],
     "percentiles[1]: Decimal('33.333333333333333') and percentiles[0], Fraction(100, 3), differ beyond a float's "
     "precision, so both are 33.333333333333336; give one of them",
     "percentiles[1]：Decimal('33.333333333333333') 与 percentiles[0]（Fraction(100, 3)）的差别超出浮点数精度，二者都是 "
     "33.333333333333336；请只写其中一个"),
])
def test_two_numbers_that_are_one_float_are_refused_as_the_option_refuses_them(given: list[object], message: str,
                                                                             chinese: str) -> None:
    with pytest.raises(api.ArgumentError) as refused:
        api.simulate(SCENARIO, samples=100, percentiles=given)  # type: ignore[arg-type]
    assert refused.value.argument == message.partition(":")[0]
    assert str(refused.value) == message
    assert translate(message) == chinese
