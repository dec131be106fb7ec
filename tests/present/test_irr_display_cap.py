"""A change of IRR or MIRR where a side reads only "> 1,000%" is no number (QA fin3 F3: `-3,236,447,178,055,660.00
pp` between two such cells); CSV and JSON keep it (docs/formulas.md §5).

Two months, a team of 1,000 a month, users who pay 10 once in month 2 and leave: u users give F = -1,000,
10 u - 1,000, an IRR of r = (10 u - 1,000) / 1,000 - 1 a month, (1 + r)^12 - 1 a year.

- 310 users: F2 = 2,100, r = 110%, 2.1^12 - 1 = 7,354.97 = 735,497% a year: "> 1,000%".
- 410 users: F2 = 3,100, 3.1^12 - 1 = 787,661.6: "> 1,000%" too; the change is 780,306.6 = 78,030,661 pp.
- 220 users: F2 = 1,200, r = 20%, 1.2^12 - 1 = 791.61%, under the cap: against 310's still no number.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.ci.records import Comparison
from aigc_roi.present.base_view import comparison_grid

PLAN = """\
name: Base
horizon_months: 2
discount_rate: 0
acquisition:
  - {name: Poster, type: flat, cost: 0, users: 310, months: 2}
retention: {monthly_churn: 1}
monetization:
  purchases: [{name: item, price: 10, rate: 1}]
costs: {fixed: [{name: team, monthly: 1000}]}
"""


def _compare(tmp_path: Path, users: int, fmt: str) -> str:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    result = invoke(["compare", str(path), "--variant", f"More: Poster.users={users}", "--format", fmt])
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("users", [410, 220])
def test_compare_shows_no_points_where_a_side_is_past_the_cap(tmp_path: Path, users: int) -> None:
    rows = {line.split("|")[1].strip(): [cell.strip() for cell in line.split("|")[2:-1]]
            for line in _compare(tmp_path, users, "markdown").splitlines() if line.startswith("| ")}
    shown = "> 1,000%" if users == 410 else "791.61%"
    irr, mirr = rows["IRR (annual)"], rows["MIRR (annual)"]
    assert irr[:3] == ["> 1,000%", shown, "—"]
    assert mirr[2] == "—"
    assert " pp" not in irr[2] + mirr[2]


def test_compare_csv_keeps_the_change(tmp_path: Path) -> None:
    rows = {row[0]: row for row in csv.reader(io.StringIO(_compare(tmp_path, 410, "csv")))}
    assert float(rows["irr"][3]) == pytest.approx(3.1**12 - 2.1**12, rel=1e-9)


def test_the_terminal_table_in_chinese_too(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    result = invoke(["compare", str(path), "--variant", "More: Poster.users=410", "--lang", "zh"], env={"COLUMNS": "200"})
    assert "百分点" not in "".join(line for line in result.stdout.splitlines() if "IRR" in line)


def test_check_base_shows_no_change_past_the_cap() -> None:
    notes = ({"irr_none_reason": None, "irr_kind": "investment"},) * 2
    comparison = Comparison(path="s.yaml", status="modified", scenario="S", currency="CNY",
                            before={"irr": 2.1**12 - 1, "roi": 0.5}, after={"irr": 3.1**12 - 1, "roi": 0.6}, irr_notes=notes)
    _, rows = comparison_grid(comparison)
    assert ["irr", "> 1,000%", "> 1,000%", "—"] in rows
    # A figure with no cap still changes in points.
    assert ["roi", "50.00%", "60.00%", "+10.00 pp"] in rows
