"""An IRR whose cash comes in first is a borrowing rate: kept (the spec reports every one-sign-change IRR) and said so
wherever it is shown (docs/formulas.md §5, §12).

Two months, users who pay 10 once and leave (churn 1), and a team costing a fixed amount a month:

- prepaid: 210 users in month 1 and a team of 1,100: F = +1,000, -1,100. NPV(r) = 1,000/(1+r) - 1,100/(1+r)^2
  is 0 at 1 + r = 1.1 and rises with r: a borrowing rate of 10% a month, 1.1^12 - 1 = 213.84% a year, net cash -100.
- invested: the 210 users in month 2 and a team of 1,000: F = -1,000, +1,100, the same 213.84%, but a return.
- dearer: the prepaid plan with a team of 1,200 paid from 2,200 (220 users): F = +1,000, -1,200, 20% a month,
  1.2^12 - 1 = 791.61% a year: dearer money.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import numpy as np
import openpyxl
import pytest
from cli_runner import invoke

from aigc_roi.ci.records import Comparison
from aigc_roi.model.cashflow import irr_borrowing, irr_kind
from aigc_roi.present.base_view import comparison_grid
from aigc_roi.present.compare import risk_best

PREPAID = """\
name: Prepaid
horizon_months: 2
acquisition:
  - {name: Poster, type: flat, cost: 0, users: 210, months: 1}
retention: {monthly_churn: 1}
monetization:
  purchases: [{name: item, price: 10, rate: 1}]
costs: {fixed: [{name: team, monthly: 1100}]}
"""
INVESTED = PREPAID.replace("Prepaid", "Invested").replace("months: 1}", "months: 2}").replace("1100", "1000")
DEARER = PREPAID.replace("Prepaid", "Dearer").replace("210", "220").replace("1100", "1200")
MONTHLY_10 = 1.1**12 - 1
MONTHLY_20 = 1.2**12 - 1


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / f"{text.split(chr(10))[0].split(': ')[1].lower()}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _figures(path: Path, *args: str) -> dict[str, Any]:
    result = invoke(["run", str(path), "--format", "json", *args])
    assert result.exit_code == 0, result.stderr
    figures: dict[str, Any] = json.loads(result.stdout)["figures"]
    return figures


def test_the_kind_is_read_from_the_first_non_zero_month() -> None:
    # Columns are samples: in first then out (after a month of 0), out then in, two changes, no change.
    flows = np.array([[0.0, -1.0, -1.0, 1.0], [5.0, 2.0, 2.0, 1.0], [-3.0, 0.0, -1.0, 0.0]])
    assert irr_borrowing(flows).tolist() == [True, False, False, False]
    assert irr_kind(flows) == ["borrowing", "investment", None, None]


def test_json_keeps_the_rate_and_says_it_is_a_borrowing_rate(tmp_path: Path) -> None:
    prepaid = _figures(_write(tmp_path, PREPAID))
    assert prepaid["irr"] == pytest.approx(MONTHLY_10, rel=1e-12) and prepaid["net_cash"] == pytest.approx(-100)
    assert (prepaid["irr_kind"], prepaid["irr_none_reason"]) == ("borrowing", None)
    # The MIRR reads as a return whatever the order: 1,000 carried to month 2 at m = 0 over 1,100, (10/11)^12 - 1.
    assert prepaid["mirr"] == pytest.approx((10 / 11) ** 12 - 1, rel=1e-12)
    invested = _figures(_write(tmp_path, INVESTED))
    assert invested["irr"] == pytest.approx(MONTHLY_10, rel=1e-12) and invested["irr_kind"] == "investment"
    # No IRR, no kind: a plan losing 1,100 then 1,100 (no users) has no sign change.
    lost = _figures(_write(tmp_path, PREPAID), "--set", "Poster.users=0")
    assert (lost["irr"], lost["irr_kind"], lost["irr_none_reason"]) == (None, None, "no_sign_change")


@pytest.mark.parametrize(("lang", "value", "note"), [
    ("en", "213.84%, a borrowing rate",
     "The IRR is a borrowing rate: cash comes in first, so a higher IRR is worse (the MIRR reads as a return)."),
    ("zh", "213.84%，借款利率", "IRR 是借款利率：现金先流入，IRR 越高越差（MIRR 仍按收益率读）。"),
])
def test_every_text_format_flags_it(tmp_path: Path, lang: str, value: str, note: str) -> None:
    path = _write(tmp_path, PREPAID)
    table = invoke(["run", str(path), "--lang", lang], env={"COLUMNS": "200", "NO_COLOR": "1"}).stdout
    assert value in table and note in table
    markdown = invoke(["run", str(path), "--format", "markdown", "--lang", lang]).stdout
    assert f"| {value} |" in markdown and f"_{note}_" in markdown
    report = tmp_path / f"report-{lang}.html"
    assert invoke(["report", str(path), "--output", str(report), "--lang", lang]).exit_code == 0
    html = report.read_text(encoding="utf-8")
    assert value in html and note in html
    # A return reads as before, with no note.
    invested = invoke(["run", str(_write(tmp_path, INVESTED)), "--format", "markdown", "--lang", lang]).stdout
    assert "| 213.84% |" in invested and note not in invested


@pytest.mark.parametrize(("lang", "note"), [
    ("en", "The IRR is a borrowing rate: cash comes in first, so a higher IRR is worse (the MIRR reads as a return)."),
    ("zh", "IRR 是借款利率：现金先流入，IRR 越高越差（MIRR 仍按收益率读）。"),
])
def test_the_workbook_notes_it(tmp_path: Path, lang: str, note: str) -> None:
    book = tmp_path / "run.xlsx"
    assert invoke(["run", str(_write(tmp_path, PREPAID)), "-f", "xlsx", "-o", str(book), "--lang", lang]).exit_code == 0
    rows = {row[2]: row for row in openpyxl.load_workbook(book).worksheets[0].iter_rows(min_row=2, values_only=True)}
    assert rows["irr"][1] == pytest.approx(MONTHLY_10, rel=1e-12) and rows["irr"][4] == note


def test_csv_notes_the_kind_or_why_there_is_none(tmp_path: Path) -> None:
    def irr_row(path: Path, *args: str) -> list[str]:
        text = invoke(["run", str(path), "--format", "csv", "--table", "figures", *args]).stdout
        return next(row for row in csv.reader(io.StringIO(text)) if row[0] == "irr")

    prepaid = _write(tmp_path, PREPAID)
    assert irr_row(prepaid)[2] == "borrowing" and float(irr_row(prepaid)[1]) == pytest.approx(MONTHLY_10, rel=1e-12)
    assert irr_row(_write(tmp_path, INVESTED))[2] == "investment"
    # The cell a spreadsheet left blank now says why, as JSON's irr_none_reason does.
    # A what-if's CSV says its --set in the what_if column before the currency (a rate: none).
    assert irr_row(prepaid, "--set", "Poster.users=0") == ["irr", "", "no_sign_change", "Poster.users=0", ""]


def _compare_rows(*paths: Path) -> dict[str, list[str]]:
    text = invoke(["compare", *(str(path) for path in paths), "--format", "csv"]).stdout
    return {row[0]: row for row in csv.reader(io.StringIO(text))}


def test_compare_ranks_no_return_against_a_borrowing_rate(tmp_path: Path) -> None:
    prepaid, invested, dearer = (_write(tmp_path, text) for text in (PREPAID, INVESTED, DEARER))
    # figure, Prepaid, Invested, Δ Invested, best, note, currency: the same 213.84% is a cost in one, a return in the
    # other, and the note says which.
    assert _compare_rows(prepaid, invested)["irr"][3:] == ["", "", "Prepaid: borrowing; Invested: investment", ""]
    # Two borrowing rates rank: the cheaper money (10% a month) is the better, and their difference is one.
    irr = _compare_rows(prepaid, dearer)["irr"]
    assert float(irr[3]) == pytest.approx(MONTHLY_20 - MONTHLY_10, rel=1e-12) and irr[4] == "Prepaid"
    shown = invoke(["compare", str(prepaid), str(invested), "--format", "markdown"]).stdout
    assert "| IRR (annual) | 213.84%, a borrowing rate | 213.84% | — |  |" in shown
    assert "_The IRR is a borrowing rate" in shown


def test_check_base_states_no_change_between_a_return_and_a_borrowing_rate() -> None:
    before, after = {"irr": MONTHLY_10}, {"irr": MONTHLY_10}
    notes = ({"irr_none_reason": None, "irr_kind": "investment"}, {"irr_none_reason": None, "irr_kind": "borrowing"})
    comparison = Comparison(path="s.yaml", status="modified", scenario="S", currency="CNY", before=before, after=after,
                            irr_notes=notes)
    _, rows = comparison_grid(comparison)
    assert rows == [["irr", "213.84%", "213.84%, a borrowing rate", "—"]]


MIXED = """\
name: Mixed
horizon_months: 2
acquisition:
  - {name: First, type: flat, cost: 0, users: 100, months: 1}
  - {name: Second, type: flat, cost: 0, users: {dist: uniform, low: 0, high: 200}, months: 2}
retention: {monthly_churn: 1}
monetization:
  purchases: [{name: item, price: 10, rate: 1}]
costs: {fixed: [{name: team, monthly: {dist: uniform, low: 500, high: 1500}}]}
"""
"""F = 1,000 - c, 10 u - c with c ~ U(500, 1,500) and u ~ U(0, 200): borrowing where c < 1,000 and 10 u < c, with
probability int_500^1000 c / 2,000 dc / 1,000 = 0.1875; a return where c > 1,000 and 10 u > c, also 0.1875."""


def test_simulate_says_how_many_draws_borrow(tmp_path: Path) -> None:
    path = _write(tmp_path, MIXED)
    data = json.loads(invoke(["simulate", str(path), "--samples", "4000", "--format", "json"]).stdout)
    share = data["figures"]["irr"]["borrowing_share"]
    # 4,000 draws: the share's standard error is sqrt(0.1875 x 0.8125 / 4,000) = 0.006.
    assert share == pytest.approx(0.1875, abs=0.03)
    shown = invoke(["simulate", str(path), "--samples", "4000"], env={"COLUMNS": "200", "NO_COLOR": "1"}).stdout
    assert f"IRR: in {share * 100:.2f}% of draws it is a borrowing rate" in shown
    rows = csv.reader(io.StringIO(invoke(["simulate", str(path), "--samples", "4000", "--format", "csv"]).stdout))
    assert ["figures", "irr", "borrowing_share", f"{share:.15g}", ""] in list(rows)
    # Every draw borrows: said once, without a mix to warn of.
    every = invoke(["simulate", str(_write(tmp_path, PREPAID)), "--samples", "20", "--format", "markdown", "--lang", "zh"])
    assert "IRR：每次抽样中它都是借款利率（现金先流入，IRR 越高越差）。" in every.stdout


def test_compare_on_risk_marks_an_irr_median_only_where_draws_read_one_way() -> None:
    def irr(p50: float, borrowing: float, defined: float = 1.0) -> dict[str, float]:
        return {"p50": p50, "borrowing_share": borrowing, "defined_share": defined}

    assert risk_best("irr", [irr(1.0, 0.0), irr(2.0, 0.0)]) == {1}
    assert risk_best("irr", [irr(1.0, 1.0), irr(2.0, 1.0)]) == {0}
    assert risk_best("irr", [irr(1.0, 0.2), irr(2.0, 0.0)]) == set()
    # Read one way, but over a part of one column's draws: medians over different samples rank nothing.
    assert risk_best("irr", [irr(1.0, 0.0), irr(2.0, 0.0, defined=0.5)]) == set()
    assert risk_best("irr", [irr(1.0, 1.0, defined=0.5), irr(2.0, 1.0)]) == set()


@pytest.mark.parametrize(("lang", "some", "every", "none"), [
    ("en", r"a borrowing rate in ([\d.]+)%$", "a borrowing rate in every draw", "none: no sign change · defined in 0.00%"),
    ("zh", r"借款利率占 ([\d.]+)%$", "每次抽样都是借款利率", "无：现金流未变号 · 有定义 0.00%"),
])
def test_compare_on_risk_marks_each_irr_cell(tmp_path: Path, lang: str, some: str, every: str, none: str) -> None:
    """MIXED borrows in 0.1875 of its draws, PREPAID in every one, as run marks its one IRR; PREPAID without users
    loses 1,100 twice, no IRR in any draw for want of a sign change: said once, not again inside the brackets."""
    lost = tmp_path / "lost.yaml"
    lost.write_text(PREPAID.replace("Prepaid", "Lost").replace("users: 210", "users: 0"), encoding="utf-8")
    paths = [str(_write(tmp_path, MIXED)), str(_write(tmp_path, PREPAID)), str(lost)]
    shown = invoke(["compare", *paths, "--samples", "4000", "-q", "--lang", lang],
                   env={"COLUMNS": "400", "NO_COLOR": "1"}).stdout
    row = next(line for line in shown.splitlines() if "IRR" in line and "MIRR" not in line)
    cells = [cell.strip() for cell in row.split("│")[2:-1]]
    found = re.search(some, cells[0])
    assert found is not None and float(found[1]) / 100 == pytest.approx(0.1875, abs=0.03), cells
    assert cells[1].endswith(f"· {every}") and cells[2] == none, cells
    markdown = invoke(["compare", *paths, "--samples", "4000", "-q", "--lang", lang, "-f", "markdown"]).stdout
    irr_label, borrowing_label = ("IRR (annual)", "Borrowing rate in") if lang == "en" else ("内部收益率（IRR，年化）", "借款利率占比")
    assert re.search(rf"\| {re.escape(irr_label)} \| {borrowing_label} \| [\d.]+% \| 100.00% \| 0.00% \|", markdown)
    rows = list(csv.reader(io.StringIO(invoke(["compare", *paths, "--samples", "4000", "-q", "-f", "csv"]).stdout)))
    [borrowing] = [row for row in rows if row[:2] == ["irr", "borrowing_share"]]
    assert float(borrowing[2]) == pytest.approx(0.1875, abs=0.03) and borrowing[3:] == ["1", "0", "", ""]
