"""A limit that would read 0 at its usual places takes its first 2 significant digits, and so does a value (model/rounding.py)."""

from __future__ import annotations

import pytest

from aigc_roi.model.rounding import limit_places, value_places


@pytest.mark.parametrize(("value", "decimals", "up", "places"), [
    (0.00387, 2, False, 4), (0.00387, 2, True, 2), (0.0123, 2, False, 2), (0.0000456, 4, False, 6),
    (0.3, 0, False, 2), (0.0, 2, False, 2), (-0.003, 2, True, 4), (16.875, 2, False, 2),
])
def test_limit_places(value: float, decimals: int, up: bool, places: int) -> None:
    assert limit_places(value, decimals, up) == places


@pytest.mark.parametrize(("value", "decimals", "places"), [
    # Half away from zero, as a value (no limit) is shown: 0.005 reads 0.01 at its usual 2, 0.0049 at 4.
    (0.004, 2, 4), (0.0049, 2, 4), (0.005, 2, 2), (0.00004, 4, 6), (0.3, 0, 2), (0.49, 0, 2), (0.5, 0, 0), (0.0, 2, 2),
    (-0.001, 2, 4), (12.5, 2, 2),
])
def test_value_places(value: float, decimals: int, places: int) -> None:
    assert value_places(value, decimals) == places
