"""Spec 1.1 figures through the CLI, each number derived on paper (docs/formulas.md has the derivations)."""

from __future__ import annotations

import csv
import io
import json
import textwrap
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from cli_runner import invoke
from spec_example import WORKED_EXAMPLE

ROOT = Path(__file__).resolve().parents[2]

# Two months, churn 0.5, a purchase of 10 per active user-month, serving 1: c(a) = 9, 4.5 and
# gross 10, 5 per user. A: cpa at 20 for 100 users in month 1; B: flat 1,000 for 50 users a
# month; 10 organic users a month.
TWO_CHANNELS = """
name: Two channels and organic
horizon_months: 2
acquisition:
  - {name: A, type: cpa, bid: 20, users: 100, months: 1}
  - {name: B, type: flat, cost: 1000, users: 50}
organic_users: 10
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: item, price: 10, rate: 1}]
costs: {serving_per_active_user: 1}
"""


def write(tmp_path: Path, text: str, name: str = "s.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def run_json(path: Path, *args: str) -> dict[str, Any]:
    result = invoke(["run", str(path), "--format", "json", *args])
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_paid_roi_blended_roas_and_max_bids_on_paper(tmp_path: Path) -> None:
    data = run_json(write(tmp_path, TWO_CHANNELS))
    figures = data["figures"]
    # Paid: A earns 100 x (10 + 5) = 1,500 gross, 100 x 13.5 = 1,350 contribution; B 50 x 15 + 50 x 10
    # = 1,250 and 50 x 13.5 + 50 x 9 = 1,125. Ad spend 2,000 + 2 x 1,000 = 4,000.
    assert figures["roas"] == pytest.approx(2750 / 4000)
    assert figures["roi"] == pytest.approx((2475 - 4000) / 4000)  # -38.125%, organic's 225 left out
    # Blended: organic adds 10 x 15 + 10 x 10 = 250 gross, for 3,000 in all over 220 new users.
    assert figures["blended_roas"] == pytest.approx(3000 / 4000)
    assert figures["blended_cac"] == pytest.approx(4000 / 220)
    assert figures["cac"] == pytest.approx(20)
    channels = {channel["name"]: channel for channel in data["channels"]}
    assert channels["A"]["roi"] == pytest.approx(-0.325)
    assert channels["A"]["max_unit_cost"] == pytest.approx(13.5)  # 20 x (1 - 0.325): its users' worth each
    assert (channels["A"]["gross_revenue"], channels["A"]["contribution"]) == (pytest.approx(1500), pytest.approx(1350))
    assert channels["B"]["max_unit_cost"] == pytest.approx(562.5)  # 1,000 x (1 - 0.4375)
    assert channels["Organic"]["max_unit_cost"] is None


def test_the_channel_table_shows_max_bids_by_type(tmp_path: Path) -> None:
    result = invoke(["run", str(write(tmp_path, TWO_CHANNELS)), "--no-months", "--lang", "en"])
    assert result.exit_code == 0, result.stderr
    # Mixed kinds: one "Max bid" column of numbers alone (a word in a cell once shredded narrow
    # columns), each kind's word said once under the table.
    rows = {cells[0]: cells for line in result.stdout.splitlines() if line.startswith("│ ")
            for cells in [[cell.strip() for cell in line.strip("│").split("│")]]}
    header = next(line for line in result.stdout.splitlines() if line.startswith("┃ Channel"))
    column = [cell.strip() for cell in header.strip("┃").split("┃")].index("Max bid")
    assert (rows["A"][column], rows["B"][column]) == ("13.50", "562.50")
    # A flat channel's ceiling is a monthly cost; the caption may wrap.
    assert "Max bid, by kind of channel: Max bid (A), Max cost (B)." in " ".join(line.strip() for line in result.stdout.splitlines())
    zh = invoke(["run", str(write(tmp_path, TWO_CHANNELS)), "--no-months", "--lang", "zh"])
    assert "最高出价按渠道类型：最高出价（A）、最高费用（B）。" in "".join(line.strip() for line in zh.stdout.splitlines())
    assert "综合 ROAS" in zh.stdout


@pytest.mark.parametrize("template", ["chat-assistant-cpa.yaml", "video-tool-kol-then-feed.yaml", "brand-subway.yaml"])
def test_a_unit_cost_set_to_its_max_gives_the_channel_roi_zero(template: str) -> None:
    path = ROOT / "scenarios" / template
    data = run_json(path)
    fields = {"cpa": "bid", "cpm": "cpm", "kol": "fee", "flat": "cost"}
    checked = 0
    for index, channel in enumerate(data["channels"]):
        if channel["type"] == "organic" or not channel["max_unit_cost"]:
            continue
        setting = f"acquisition[{index}].{fields[channel['type']]}={channel['max_unit_cost']!r}"
        moved = run_json(path, "--set", setting)["channels"][index]
        assert abs(moved["roi"]) < 1e-9, (template, channel["name"], moved["roi"])
        checked += 1
    assert checked >= 1


def test_annual_plan_is_recognised_over_twelve_months(tmp_path: Path) -> None:
    # 10 users in month 1, half take an annual plan at 120: 600 paid in month 1, recognised
    # 600 / 12 = 50 (price / 12 per subscriber) in each of months 1..12; deferred 600 - 50 t.
    text = """
    name: Annual
    horizon_months: 12
    acquisition: [{name: A, type: cpa, bid: 1, users: 10, months: 1}]
    retention: {monthly_churn: 0.5}
    monetization:
      plans: [{name: Annual, price: 120, period: year, conversion: 0.5}]
    """
    months = run_json(write(tmp_path, text))["months"]
    assert [month["recognised_revenue"] for month in months] == pytest.approx([50.0] * 12)
    assert [month["deferred_revenue"] for month in months] == pytest.approx([600 - 50 * t for t in range(1, 13)], abs=1e-9)
    assert months[-1]["deferred_revenue"] == pytest.approx(0, abs=1e-9)
    csv_text = invoke(["run", str(tmp_path / "s.yaml"), "--format", "csv"]).stdout
    assert "recognised_revenue,deferred_revenue" in csv_text.splitlines()[0]
    table = invoke(["run", str(tmp_path / "s.yaml"), "--lang", "en", "--months"]).stdout
    assert "recognised revenue 600 over the horizon; deferred revenue at the end of M12: 0." in " ".join(table.split())


def test_cohort_table_in_json_csv_markdown_and_xlsx(tmp_path: Path) -> None:
    path = write(tmp_path, WORKED_EXAMPLE)
    cohorts = run_json(path, "--cohorts")["cohorts"]
    # docs/formulas.md §11: 1,000 users in month 1 contribute 9 R(a) each: 9,000, 4,500, 2,250.
    assert cohorts[0] == {"month": 1, "label": "M1", "new_users": 1000.0, "contribution": [9000.0, 4500.0, 2250.0]}
    assert cohorts[2] == {"month": 3, "label": "M3", "new_users": 0.0, "contribution": [0.0]}
    assert "cohorts" not in run_json(path)
    rows = list(csv.reader(io.StringIO(invoke(["run", str(path), "--format", "csv", "--table", "cohorts"]).stdout)))
    assert rows[0] == ["month", "label", "new_users", "M1", "M2", "M3", "currency"]
    assert rows[1] == ["1", "M1", "1000", "9000", "4500", "2250", "CNY"]
    assert rows[2][3] == ""  # cohort 2 has no month 1
    markdown = invoke(["run", str(path), "--format", "markdown", "--table", "cohorts"]).stdout
    assert "### Cohorts: contribution by month (CNY)" in markdown and "| 1 | M1 | 1,000.00 | 9,000.00 | 4,500.00 | 2,250.00 |" in markdown
    view = invoke(["run", str(path), "--table", "cohorts", "--lang", "en"]).stdout
    assert "Cohorts" in view and "9,000" in view
    book = tmp_path / "s.xlsx"
    assert invoke(["run", str(path), "--format", "xlsx", "--output", str(book)]).exit_code == 0
    sheet = openpyxl.load_workbook(book)["cohorts"]
    assert [cell.value for cell in sheet[2]] == [1, "M1", 1000, 9000, 4500, 2250]


def test_peak_cash_and_first_payback_on_the_worked_example(tmp_path: Path) -> None:
    figures = run_json(write(tmp_path, WORKED_EXAMPLE))["figures"]
    # docs/formulas.md §11 still holds; cumulative cash -11,000, -6,500, -4,250: the need is 11,000 in month 1.
    assert (figures["net_cash"], figures["roi"], figures["ltv"]) == (pytest.approx(-4250), pytest.approx(-0.2125),
                                                                    pytest.approx(15.75))
    assert (figures["peak_cash_need"], figures["peak_cash_month"]) == (pytest.approx(11000), 1)
    assert figures["first_payback_month"] is None and figures["payback_month"] is None
    # One user's worth over 20: 9 < 20 at bid 10 (roas 1.75): cumulative -1,000, 3,500, 5,750.
    cheaper = run_json(write(tmp_path, WORKED_EXAMPLE.replace("bid: 20", "bid: 10")))["figures"]
    assert (cheaper["peak_cash_need"], cheaper["first_payback_month"], cheaper["payback_month"]) == (
        pytest.approx(1000), 2, 2)


def test_irr_needs_one_sign_change_and_tables_say_why(tmp_path: Path) -> None:
    # A fixed cost of 3,000 in month 3 turns F into -11,000, 4,500, -750: two sign changes.
    text = WORKED_EXAMPLE.replace("costs: {serving_per_active_user: 1}",
                                  "costs: {serving_per_active_user: 1, fixed: [{name: f, monthly: 3000, months: 3}]}")
    path = write(tmp_path, text)
    assert run_json(path)["figures"]["irr"] is None
    assert run_json(path)["figures"]["irr_none_reason"] == "more_than_one_sign_change"
    assert "none: more than one sign change" in invoke(["run", str(path), "--no-months", "--lang", "en"]).stdout


def test_an_irr_above_1000_percent_is_capped_in_tables(tmp_path: Path) -> None:
    # No churn, 10 per user-month, bid 15: F = 10,000 - 15,000, 10,000 = -5,000, 10,000:
    # -5,000 x + 10,000 x^2 = 0 at x = 1/2, a monthly IRR of 100%: 2^12 - 1 = 4,095 a year.
    text = WORKED_EXAMPLE.replace("horizon_months: 3", "horizon_months: 2").replace("bid: 20", "bid: 15") \
        .replace("monthly_churn: 0.5", "monthly_churn: 0").replace("serving_per_active_user: 1", "serving_per_active_user: 0")
    path = write(tmp_path, text)
    assert run_json(path)["figures"]["irr"] == pytest.approx(4095, rel=1e-9)
    assert "> 1,000%" in invoke(["run", str(path), "--no-months", "--lang", "en"]).stdout


@pytest.mark.parametrize(("lifetime", "ltv"), [(2, 13.5), (3, 15.75), (4, 16.875)])
def test_ltv_months_counts_ltv_over_a_named_lifetime(tmp_path: Path, lifetime: int, ltv: float) -> None:
    # c(a) = 9 x 0.5^a: 9, 4.5, 2.25, 1.125 (age 3 lies past the 3-month horizon).
    figures = run_json(write(tmp_path, WORKED_EXAMPLE + f"ltv_months: {lifetime}\n"))["figures"]
    assert figures["ltv"] == pytest.approx(ltv)
    assert figures["net_cash"] == pytest.approx(-4250)  # the horizon's cash flow does not change


def test_ltv_months_out_of_range_is_a_located_error(tmp_path: Path) -> None:
    path = write(tmp_path, WORKED_EXAMPLE + "ltv_months: 121\n")
    result = invoke(["run", str(path)])
    assert result.exit_code == 2
    assert f"{path}:9:13: ltv_months: expected a whole number from 1 to 120, found 121" in result.stderr


@pytest.mark.parametrize(("limit", "code"), [(11_000, 0), (10_999, 1)])
def test_check_holds_peak_cash_need_to_max_cash_need(tmp_path: Path, limit: int, code: int) -> None:
    path = write(tmp_path, WORKED_EXAMPLE + f"targets: {{max_cash_need: {limit}}}\n")
    result = invoke(["check", str(path), "--format", "table"])
    assert result.exit_code == code, result.stdout + result.stderr
    assert "max_cash_need" in result.stdout and "11,000.00" in result.stdout


def test_compare_lists_the_new_figures(tmp_path: Path) -> None:
    result = invoke(["compare", str(write(tmp_path, WORKED_EXAMPLE)), str(write(tmp_path, TWO_CHANNELS, "b.yaml")),
                     "--lang", "en"])
    assert result.exit_code == 0, result.stderr
    for text in ("Blended ROAS", "Blended CAC", "Peak cash need", "First payback month"):
        assert text in result.stdout


def test_breakeven_csv_has_each_channels_max_unit_cost(tmp_path: Path) -> None:
    result = invoke(["breakeven", str(write(tmp_path, TWO_CHANNELS)), "--format", "csv"])
    assert result.exit_code == 0, result.stderr
    rows = {row["path"]: row for row in csv.DictReader(io.StringIO(result.stdout))}
    assert float(rows["acquisition[0].bid"]["max_unit_cost"]) == pytest.approx(13.5)
    assert float(rows["acquisition[1].cost"]["channel_contribution"]) == pytest.approx(1125)
    assert rows["acquisition[1].users"]["max_unit_cost"] == ""
