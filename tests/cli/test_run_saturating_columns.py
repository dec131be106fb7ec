"""A saturating channel's max bid is an average (docs/formulas.md §6): run's table and markdown mark it "avg", JSON
says ``"saturating": true``, and CSV and xlsx, where a bid is copied from, say it too: CSV a ``saturating`` column of
1 or 0 beside ``max_unit_cost``, the xlsx channels sheet a TRUE/FALSE column beside Max bid and the caption in a note.

The plan, by hand: one month, churn 0.5, each user pays 20 once and costs 1 to serve, so earns 19. A (bid 10,
budget 500, saturation_budget 1,000) buys 500 / 10 x 1,000 / 1,500 = 33.33 users, 633.33 of contribution for 500
of spend: roi 0.2667, max bid 10 x 1.2667 = 12.667, shown rounded down 12.66. B (bid 5, budget 500) buys 100 users,
1,900 for 500: roi 2.8, max bid 5 x 3.8 = 19. Organic (10 users) has no max bid and does not saturate.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest
from cli_runner import invoke

PLAN = """version: 1
name: One saturating
horizon_months: 1
organic_users: 10
acquisition:
  - {name: A, type: cpa, bid: 10, budget: 500, saturation_budget: 1000}
  - {name: B, type: cpa, bid: 5, budget: 500}
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: Item, price: 20, rate: 1}]
costs: {serving_per_active_user: 1}
"""


def _plan(tmp_path: Path) -> Path:
    path = tmp_path / "saturating.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def test_run_csv_flags_the_saturating_channel_beside_its_max_bid(tmp_path: Path) -> None:
    result = invoke(["run", str(_plan(tmp_path)), "-f", "csv", "--table", "channels"])
    assert result.exit_code == 0, result.stderr
    header = result.stdout.splitlines()[0].split(",")
    assert header[header.index("max_unit_cost") + 1] == "saturating"
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(row["name"], row["saturating"]) for row in rows] == [("A", "1"), ("B", "0"), ("Organic", "0")]
    assert [float(row["max_unit_cost"]) for row in rows[:2]] == pytest.approx([10 * 1900 / 1500, 19])


@pytest.mark.parametrize(("lang", "headers", "note"), [
    ("en", ("Max bid (CNY)", "Saturating (max bid is an average)"),
     "With saturation_budget the max bid is an average; the marginal user costs far more."),
    ("zh", ("最高出价 (CNY)", "饱和（最高出价为平均值）"),
     "设置了 saturation_budget 的渠道，最高出价是平均值；边际用户的成本远高于此。"),
])
def test_run_xlsx_flags_and_notes_the_saturating_channel(tmp_path: Path, lang: str, headers: tuple[str, str],
                                                         note: str) -> None:
    target = tmp_path / f"run-{lang}.xlsx"
    result = invoke(["run", str(_plan(tmp_path)), "-f", "xlsx", "-o", str(target), "--lang", lang])
    assert result.exit_code == 0, result.stderr
    rows = list(openpyxl.load_workbook(target, read_only=True).worksheets[1].iter_rows(values_only=True))
    bid = rows[0].index(headers[0])
    assert rows[0][bid + 1] == headers[1]
    assert [(row[bid], row[bid + 1]) for row in rows[1:]] == [(12.66, True), (19, False), (None, False)]
    assert rows[0][-1] == ("Note" if lang == "en" else "说明")
    assert [row[-1] for row in rows[1:]] == [note, None, None]
