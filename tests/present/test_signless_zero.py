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
