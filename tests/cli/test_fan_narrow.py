"""simulate's cumulative-cash fan at narrow widths: the fan gives way before a month or an amount is cut, and no
row wraps onto the next month's line (QA zh3 F3: at 40 columns "2025…", "-7.3…", and M1's fan drawn on M2's line)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_runner import invoke
from rich.cells import cell_len

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "aigc_roi" / "templates" / "zh" / "creators-first-gated.yaml"


@pytest.mark.parametrize("width", [40, 48, 60, 80])
def test_each_month_keeps_its_row_and_its_numbers_whole(width: int) -> None:
    result = invoke(["--lang", "zh", "simulate", str(PLAN), "--samples", "300", "-q"],
                    env={"COLUMNS": str(width), "NO_COLOR": "1"})
    assert result.exit_code in (0, 1), result.stderr
    section = result.stdout.split("各月累计现金流")[1].split("哪个假设")[0]
    rows = [line for line in section.splitlines() if line.startswith("│")]
    assert rows, section
    assert all(cell_len(line) <= width for line in section.splitlines())
    assert "…" not in section, section
    # A month's row is one line: each begins with the month (2025-01, 2025-02, ...) in order.
    months = [re.match(r"│ (\d{4}-\d{2}) ", line) for line in rows]
    assert all(months), section
    assert [match[1] for match in months if match] == \
        [f"{2025 + month // 12}-{month % 12 + 1:02d}" for month in range(len(rows))]
