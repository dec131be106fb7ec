"""`run --format xlsx` holds every table `run --table` names that has rows, fits included."""

from __future__ import annotations

import math
from pathlib import Path

import openpyxl
import pytest
from cli_runner import invoke

from aigc_roi.cli.run import CsvTable
from aigc_roi.present.labels import label

TEMPLATES = Path(__file__).resolve().parents[2] / "aigc_roi" / "templates"
VIDEO = TEMPLATES / "video-tool-kol-then-feed.yaml"
"""Fitted retention, the plan's and Feed ads' own; no gates."""
GATED = TEMPLATES / "creators-first-gated.yaml"
"""Gates; no fitted curve."""


def _book(scenario: Path, tmp_path: Path, lang: str) -> openpyxl.Workbook:
    book = tmp_path / f"{scenario.stem}-{lang}.xlsx"
    result = invoke(["run", str(scenario), "-f", "xlsx", "-o", str(book), "--lang", lang])
    assert result.exit_code == 0, result.stderr
    return openpyxl.load_workbook(book)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("scenario", [VIDEO, GATED], ids=lambda path: path.stem)
def test_every_table_with_rows_is_a_sheet(scenario: Path, tmp_path: Path, lang: str) -> None:
    with_rows = [table.value for table in CsvTable
                 if invoke(["run", str(scenario), "-f", "csv", "--table", table.value]).stdout.splitlines()[1:]]
    # In --table's order; a table empty here (fits without a fitted curve, gates without gates) is no empty sheet.
    assert _book(scenario, tmp_path, lang).sheetnames == [label(f"sheet_{table}", lang) for table in with_rows]

def test_the_fits_sheet_lists_each_point_beside_its_fit(tmp_path: Path) -> None:
    sheet = _book(VIDEO, tmp_path, "en")["fits"]
    header = [cell.value for cell in sheet[1]]
    assert header == ["Curve", "Plan or channel", "Point", "Observed", "Fitted", "Gap", "u", "b", "alpha", "beta", "At bound",
                      "Gap / observed", "Poor (gap > 5 pp)", "Loose (gap > 15% of observed)", "Tail understated"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    assert [row[:4] for row in rows] == [
        ["retention", None, "D1", 0.45], ["retention", None, "D7", 0.22], ["retention", None, "D30", 0.12],
        ["channel_retention", "Feed ads (信息流)", "D1", 0.38], ["channel_retention", "Feed ads (信息流)", "D7", 0.17],
        ["channel_retention", "Feed ads (信息流)", "D30", 0.08]]
    # The plan's D1/D7/D30 = 45%, 22%, 12% by least squares on ln D = u - b ln d, worked by hand:
    # b = 2.2569 / 5.8242 = 0.3875, u = -1.4776 + 0.3875 x 1.7824 = -0.7869; D7 = e^u 7^-b = 0.2142.
    plan = rows[:3]
    assert [row[6:8] for row in plan] == [pytest.approx([-0.7869, 0.3875], abs=2e-4)] * 3
    assert [row[4] for row in plan] == pytest.approx([math.exp(-0.7869) * day ** -0.3875 for day in (1, 7, 30)], abs=3e-4)
    assert all(row[5] == pytest.approx(row[4] - row[3]) and row[8:11] == [None, None, False] for row in rows)
    # Every point within 5.6% of its share (D7 of the channel) and both D30s fitted above theirs: no warning.
    assert all(row[11] == pytest.approx(row[5] / row[3]) and row[12:] == [False, False, False] for row in rows)
    assert [sheet.cell(2, column).number_format for column in range(4, 7)] == ["0.00%"] * 3


def test_the_fits_sheet_is_named_and_headed_in_chinese(tmp_path: Path) -> None:
    sheet = _book(VIDEO, tmp_path, "zh")["拟合"]
    assert [cell.value for cell in sheet[1]][:6] == ["曲线", "订阅方案或渠道", "观测点", "实际", "拟合", "偏差"]


RENEWAL = """\
name: Renewal
horizon_months: 12
retention: {monthly_churn: 10%}
acquisition: [{name: A, type: cpa, bid: 20, users: 100, months: 1}]
monetization:
  plans: [{name: Pro, price: 30, period: month, conversion: 0.1, renewal: {observed: [60%, 45%, 37%]}}]
"""


def test_a_renewal_fit_reads_by_its_plan_in_chinese(tmp_path: Path) -> None:
    scenario = tmp_path / "renewal.yaml"
    scenario.write_text(RENEWAL, encoding="utf-8")
    rows = [[cell.value for cell in row] for row in _book(scenario, tmp_path, "zh")["拟合"].iter_rows(min_row=2)]
    # docs/formulas.md §4.9's example: alpha = 0.6523, beta = 0.9773; fitted survival 59.97%, 45.09%, 36.99%.
    assert [row[:4] for row in rows] == [["续费", "Pro", "R1", 0.6], ["续费", "Pro", "R2", 0.45], ["续费", "Pro", "R3", 0.37]]
    assert [row[4] for row in rows] == pytest.approx([0.5997, 0.4509, 0.3699], abs=1e-4)
    assert all(row[6:8] == [None, None] and row[8:10] == pytest.approx([0.6523, 0.9773], abs=1e-4) and row[10] is False
               for row in rows)


G3 = """\
version: 1
name: G3
horizon_months: 4
acquisition:
  - {name: T, type: cpa, bid: 10, users: 100, months: 1}
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: Item, price: 10, rate: 1}]
costs: {serving_per_active_user: 1}
"""


def test_the_max_bid_is_written_rounded_down(tmp_path: Path) -> None:
    # By hand: a user of month 1 brings 9 a month over 1 + 0.5 + 0.25 + 0.125 = 1.875 active months, 16.875 at ROI = 0. Written
    # exact, "#,##0.00" would show 16.88, a bid at which T loses 0.03%; the cell holds 16.87.
    plan = tmp_path / "g3.yaml"
    plan.write_text(G3, encoding="utf-8")
    sheet = _book(plan, tmp_path, "en")["channels"]
    header = [cell.value for cell in sheet[1]]
    row = [cell.value for cell in sheet[2]]
    assert row[header.index("Max bid (CNY)")] == 16.87
    assert row[header.index("LTV (CNY)")] == pytest.approx(16.875)
