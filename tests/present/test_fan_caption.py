"""The terminal fan's caption names only what is drawn: with one --percentiles value there is a ● and no band (─), so
no "from the lowest to the highest percentile shown"."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

PLAN = """\
version: 1
name: T
currency: USD
horizon_months: 12
acquisition:
  - {name: Micro CPA, type: cpa, bid: 0.001..0.003, budget: 0.5}
retention: {monthly_churn: 0.2}
monetization:
  plans: [{name: Monthly, price: 0.005..0.02, period: month, conversion: "20%", renewal: 0.8}]
"""


@pytest.mark.parametrize(("lang", "percentiles", "caption", "band"), [
    ("en", "50", "● P50, │ zero.", "─ from the lowest"),
    ("zh", "50", "● P50，│ 零点。", "─ 从所示最低到最高分位数"),
    ("en", "30", "● P30, │ zero.", "─ from the lowest"),
    ("en", "10,50,90", "─ from the lowest to the highest percentile shown, ● P50, │ zero.", None),
    ("zh", "10,50,90", "─ 从所示最低到最高分位数，● P50，│ 零点。", None),
])
def test_the_fan_caption_names_a_band_only_where_one_is_drawn(tmp_path: Path, lang: str, percentiles: str,
                                                              caption: str, band: str | None) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    shown = invoke(["simulate", str(path), "--samples", "200", "--percentiles", percentiles, "--lang", lang],
                   env={"COLUMNS": "120", "NO_COLOR": "1"}).stdout
    assert caption in shown
    assert band is None or band not in shown
