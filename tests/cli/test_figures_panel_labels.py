"""The figures panel keeps every label on one line whatever its values' widths (QA: huatu.yaml at 80 columns).

One long value, the peak cash need of a plan still losing money at its horizon, once widened the value column
for every row and split six short labels beside their values (``Blended CAC (ad spend / new`` / ``users)``).
The long value now gives way: it sits beside its own short label, or wraps there, and a label with no room
beside its value takes a line of its own above it.

The plan is followed by hand: a team costing 1,000,000 a month and nothing earned, so cumulative cash is
-1,000,000 t, lowest in month 18: peak cash need 18,000,000.00, still falling at month 18.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke
from rich.cells import cell_len

from aigc_roi.model.figures import FIGURES
from aigc_roi.present.labels import label

FALLING = """\
name: Falling
horizon_months: 18
retention: {monthly_churn: 1}
monetization:
  purchases: [{name: item, price: 10, rate: 1}]
costs: {fixed: [{name: team, monthly: 1_000_000}]}
acquisition:
  - {name: Poster, type: flat, cost: 0, users: 0}
"""
PEAK = {"en": "≥ 18,000,000.00, still falling at month 18", "zh": "≥ 1,800.00万，第 18 月仍在下降"}
FRAME = 4
"""A panel's borders and padding."""


def _panel(tmp_path: Path, lang: str, width: int) -> list[str]:
    path = tmp_path / "falling.yaml"
    path.write_text(FALLING, encoding="utf-8")
    result = invoke(["run", str(path), "--lang", lang], env={"COLUMNS": str(width), "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    return lines[:next(i for i, line in enumerate(lines) if line.startswith("╰")) + 1]


@pytest.mark.parametrize("width", [80, 60, 44])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_label_is_whole_on_a_line(tmp_path: Path, lang: str, width: int) -> None:
    panel = _panel(tmp_path, lang, width)
    shown = "\n".join(panel)
    assert max(cell_len(line) for line in panel) <= width, shown
    for figure in FIGURES:
        name = label(figure.name, lang)
        assert cell_len(name) <= width - FRAME  # each fits the panel: it must be whole
        assert any(f"│ {name} " in line for line in panel), (name, shown)
    # The long value whole, or wrapped at its spaces onto the lines below its label, which hold nothing else.
    peak = next(i for i, line in enumerate(panel) if f"│ {label('peak_cash_need', lang)} " in line)
    below = "".join("".join(line.strip("│").split()) for line in panel[peak:peak + 3])
    assert "".join(PEAK[lang].split()) in below, shown

def test_a_value_that_fits_beside_its_label_is_on_its_line(tmp_path: Path) -> None:
    """At 80 columns every figure reads on one line, the long value beside its short label."""
    panel = _panel(tmp_path, "en", 80)
    assert any(line.startswith("│ Peak cash need ") and line.rstrip(" │").endswith(PEAK["en"]) for line in panel), panel
    assert any(line.startswith("│ Blended CAC (ad spend / new users) ") for line in panel), panel
    assert len(panel) == 2 + len(FIGURES) + 1  # borders, a line a figure, the NPV basis
