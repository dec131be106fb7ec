"""A limit that would read 0 at its usual places takes its first 2 significant digits (model/rounding.py)."""

from __future__ import annotations

import pytest

from aigc_roi.model.rounding import limit_places


@pytest.mark.parametrize(("value", "decimals", "up", "places"), [
    (0.00387, 2, False, 4), (0.00387, 2, True, 2), (0.0123, 2, False, 2), (0.0000456, 4, False, 6),
    (0.3, 0, False, 2), (0.0, 2, False, 2), (-0.003, 2, True, 4), (16.875, 2, False, 2),
])
def test_limit_places(value: float, decimals: int, up: bool, places: int) -> None:
    assert limit_places(value, decimals, up) == places
