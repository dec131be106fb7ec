"""`compare` on a narrow terminal: a row of amounts in thousands says so in every cell (QA F9b).

At 80 columns three scenarios do not fit in full, so rows of amounts are shown in a compact unit, each row its own.
"Gross revenue (k) │ 11.8" stood above "Contribution │ 7,078.60": the unit sat in one row's label only, and two
revenues 35 apart both read 11.8. Hand values, the spec's worked example (docs/formulas.md §11): gross revenue
1,000 + 500 + 250 = 1,750 item purchases x 10 = 17,500; at a price of 10.02, 17,535; contribution less 1,750 of
serving, 15,750 and 15,785.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke


def _rows(example: Path, lang: str) -> dict[str, list[str]]:
    result = invoke(["compare", str(example), "--variant", "up: item.price=10.02", "--variant", "cheap: CPA.bid=8",
                     "--lang", lang], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    rows = {}
    for line in result.stdout.splitlines():
        cells = [cell.strip() for cell in line.strip("│ ").split("│")]
        # The figure, then each scenario's value, each later one followed by its Δ where the width keeps them.
        if len(cells) in (4, 6) and cells[0]:
            rows[cells[0]] = [cells[i] for i in ((1, 2, 3) if len(cells) == 4 else (1, 2, 4))]
    return rows


@pytest.mark.parametrize(("lang", "gross", "contribution", "revenue", "contributed"), [
    ("en", "Gross revenue", "Contribution", ["17.50k", "17.54k ★", "17.50k"], ["15.75k", "15.79k ★", "15.75k"]),
    ("zh", "总收入", "边际贡献", ["1.750万", "1.754万 ★", "1.750万"], ["1.575万", "1.579万 ★", "1.575万"]),
])
def test_each_compact_cell_says_its_unit_and_different_amounts_read_differently(
        example: Path, lang: str, gross: str, contribution: str, revenue: list[str], contributed: list[str]) -> None:
    rows = _rows(example, lang)
    # The row is named as in full; 17,535 is 17.535k, half away from zero 17.54k, one decimal more than the unit's
    # own 17.5k, which both revenues would read.
    assert rows[gross] == revenue
    assert rows[contribution] == contributed
    assert not any(name.endswith(("(k)", "(万)")) for name in rows)
