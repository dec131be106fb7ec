"""A number that rounds to 0 at the places shown has no sign (QA numbers F5): sensitivity showed a budget's change in
ROI of -2.8e-16 (float noise) as ``-0.00 pp``. The one formatter every table, markdown and message rounds through
(model/rounding.py ``fixed``) writes it signless, so every style does."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.model.rounding import fixed
from aigc_roi.present.numbers import NumberStyle

STARTER = Path(__file__).resolve().parents[2] / "scenarios" / "starter.yaml"


@pytest.mark.parametrize(("value", "decimals", "options", "shown"), [
    (-2.8e-16, 2, {}, "0.00"), (-0.004999, 2, {}, "0.00"), (-0.005, 2, {}, "-0.01"), (-0.0, 0, {}, "0"),
    (2.8e-16, 2, {"plus": True}, "0.00"), (0.005, 2, {"plus": True}, "+0.01"), (-4e-7, 2, {"shift": 2}, "0.00"),
    (-499.0, 1, {"shift": -3, "separators": True}, "-0.5"), (-49.0, 1, {"shift": -3}, "0.0")])
def test_fixed_writes_no_sign_on_a_zero(value: float, decimals: int, options: dict, shown: str) -> None:
    assert fixed(value, decimals, **options) == shown


@pytest.mark.parametrize(("lang", "points"), [("en", "0.00 pp"), ("zh", "0.00 百分点")])
def test_every_style_writes_a_rounded_zero_without_a_sign(lang: str, points: str) -> None:
    style = NumberStyle(lang, "CNY")
    assert style.points(-2.8e-16) == points and style.points(2.8e-16) == points
    assert (style.percent(-3e-7), style.money(-0.004), style.ratio(-0.001), style.count(-0.4)) == ("0.00%", "0.00", "0.00", "0")
    assert style.with_unit(-40.0, "k", plus=True) == "0.0k" and style.month_change(-0.2) == "0"


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("form", [[], ["-f", "markdown"]], ids=["terminal", "markdown"])
def test_sensitivity_shows_no_signed_zero(lang: str, form: list[str]) -> None:
    shown = invoke(["sensitivity", str(STARTER), "--lang", lang, *form], env={"COLUMNS": "200"}).stdout
    # The budget's changes in ROI are 2.8e-16 and -2.8e-16 of noise: a plain zero, as a driver that moves nothing.
    assert "-0.00" not in shown and "+0.00" not in shown
    if not form:
        budget = next(line for line in shown.splitlines() if "budget" in line or "预算" in line)
        assert "0.00 pp" in budget or "0.00 百分点" in budget, budget


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_change_that_shows_as_zero_takes_no_plus(lang: str) -> None:
    """QA zh80 1: compare's Δ of two ROAS 1.1e-16 apart (0.7331119486913465 - ...464) read ``+0.00`` beside rows of
    ``0.00``. Every signed change (compare, sensitivity, explain, report, check's deltas) writes it signless."""
    from aigc_roi.present.base_view import _change
    from aigc_roi.present.drivers import signed, signed_in

    style = NumberStyle(lang, "CNY")
    assert signed("roas", 1.1e-16, style) == "0.00" and signed("roas", 0.004, style) == "0.00"
    assert signed("roas", 0.005, style) == "+0.01" and signed("gross_revenue", 1e-9, style) == "0.00"
    assert signed_in(0.4, "", style) == "0" and signed_in(40.0, "", style) == "+40"
    for name, shown in (("roas", "0.00"), ("ad_spend", "0.00"), ("paid_users", "0")):
        assert _change(name, {name: 0.7331119486913464}, {name: 0.7331119486913465}, style).split(" (")[0] == shown
        assert _change(name, {name: 0.7331119486913465}, {name: 0.7331119486913464}, style).split(" (")[0] == shown
    assert _change("roas", {"roas": 0.5}, {"roas": 0.75}, style) == "+0.25"
    assert _change("roas", {"roas": 0.75}, {"roas": 0.5}, style) == "-0.25"

