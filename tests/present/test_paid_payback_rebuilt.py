"""`paid_payback_month` is rebuilt from `run`'s months as every other headline figure is (docs/formulas.md §5, §4.8):
a finance analyst found no export giving the paid channels' attributed contribution by month, so the one figure could
not be checked in a spreadsheet."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest
from cli_runner import invoke

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"


def _paid_payback(cumulative: list[float]) -> int | None:
    """docs/formulas.md §5: the first month t from which P(t) >= 0 to the horizon; none if never."""
    short = [month for month, value in enumerate(cumulative, start=1) if value < 0]
    after = short[-1] + 1 if short else 1
    return None if after > len(cumulative) else after


def _run(path: Path, *args: str) -> dict:
    result = invoke(["run", str(path), "-f", "json", "-q", *args])
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


BUNDLED = [*sorted(SCENARIOS.glob("*.yaml")), *sorted((SCENARIOS.parent / "examples" / "stories").glob("*.yaml"))]
"""With gates (creators-first-gated), channels' own curves (video-tool-kol-then-feed), organic and viral users, orders."""


@pytest.mark.parametrize("path", BUNDLED, ids=lambda path: path.stem)
def test_every_bundled_scenarios_paid_payback_month_is_read_from_its_months(path: Path) -> None:
    data = _run(path)
    months = data["months"]
    # P(t) is the running sum of the paid channels' contribution less ad spend, month by month.
    cumulative, running = [], 0.0
    for month in months:
        running += month["paid_contribution"] - month["ad_spend"]
        cumulative.append(running)
    assert [month["paid_cumulative_cash"] for month in months] == pytest.approx(cumulative, rel=1e-12, abs=1e-6)
    assert _paid_payback([month["paid_cumulative_cash"] for month in months]) == data["figures"]["paid_payback_month"]
    # Summed over the horizon, the paid contribution is the numerator of roi: (sum - ad spend) / ad spend.
    spend = data["figures"]["ad_spend"]
    if spend:
        paid = sum(month["paid_contribution"] for month in months)
        assert (paid - spend) / spend == pytest.approx(data["figures"]["roi"], rel=1e-9)


def test_the_worked_example_in_the_docs(tmp_path: Path) -> None:
    """docs/formulas.md §5: A buys 100 users at a bid of 10 in month 1, B (free) brings 200, one order of 1,000 and
    fixed costs of 500 a month; one user contributes 9 then 4.5. P(1) = 900 - 1,000 = -100, P(2) = -100 + 450 = 350:
    paid payback month 2, where the plan pays back in month 1."""
    plan = tmp_path / "paid_payback_example.yaml"
    plan.write_text("""name: paid payback example
horizon_months: 2
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: credits, price: 10, rate: 1}]
  orders: [{name: b2b, price: 1000, count: 1, months: 1}]
costs:
  serving_per_active_user: 1
  fixed: [{name: team, monthly: 500}]
acquisition:
  - {name: A, type: cpa, bid: 10, users: 100, months: 1}
  - {name: B, type: flat, cost: 0, users: 200, months: 1}
""", encoding="utf-8")
    data = _run(plan)
    months = data["months"]
    assert [month["paid_contribution"] for month in months] == pytest.approx([900, 450])
    assert [month["paid_cumulative_cash"] for month in months] == pytest.approx([-100, 350])
    assert data["figures"]["paid_payback_month"] == 2 and data["figures"]["payback_month"] == 1


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_csv_and_the_months_sheet_hold_them_too(tmp_path: Path, lang: str) -> None:
    path = SCENARIOS / "creators-first-gated.yaml"
    data = _run(path)
    expected = [month["paid_cumulative_cash"] for month in data["months"]]
    rows = list(csv.DictReader(io.StringIO(invoke(["run", str(path), "-f", "csv", "--table", "months", "-q"]).stdout)))
    assert [float(row["paid_cumulative_cash"]) for row in rows] == pytest.approx(expected, rel=1e-14)
    assert _paid_payback([float(row["paid_cumulative_cash"]) for row in rows]) == data["figures"]["paid_payback_month"]
    book = tmp_path / "plan.xlsx"
    assert invoke(["run", str(path), "-f", "xlsx", "-o", str(book), "--lang", lang, "-q"]).exit_code in (0, 1)
    sheet = list(openpyxl.load_workbook(book).worksheets[2].iter_rows(values_only=True))
    header = {"en": "Paid cumulative cash (CNY)", "zh": "付费渠道累计现金流 (CNY)"}[lang]
    column = sheet[0].index(header)
    assert [row[column] for row in sheet[1:]] == expected
