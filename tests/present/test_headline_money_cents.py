"""A headline money figure in a workbook reads with the cents every table gives it (docs/formulas.md §8): a finance
analyst saw NPV 515,063 in the figures sheet where the terminal showed 515,063.34, and the same in compare's sheet."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from cli_runner import invoke

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
GATED, CHAT = (str(SCENARIOS / name) for name in ("creators-first-gated.yaml", "chat-assistant-cpa.yaml"))
MONEY_FIGURES = ("ad_spend", "cac", "blended_cac", "gross_revenue", "net_revenue", "contribution", "net_cash",
                 "peak_cash_need", "npv", "ltv")
"""The money figures of docs/formulas.md §5, per user or totals alike."""


def test_the_figures_sheet_shows_every_money_figure_in_cents(tmp_path: Path) -> None:
    book = tmp_path / "plan.xlsx"
    assert invoke(["run", GATED, "-f", "xlsx", "-o", str(book), "-q"]).exit_code in (0, 1)
    cells = {row[2].value: row[1] for row in openpyxl.load_workbook(book)["figures"].iter_rows(min_row=2)}
    assert {name: cells[name].number_format for name in MONEY_FIGURES} == dict.fromkeys(MONEY_FIGURES, "#,##0.00")
    # Counts stay whole: users are no money.
    assert cells["paid_users"].number_format == "#,##0"


def test_the_compare_sheet_shows_every_money_figure_in_cents(tmp_path: Path) -> None:
    book = tmp_path / "cmp.xlsx"
    assert invoke(["compare", GATED, CHAT, "-f", "xlsx", "-o", str(book), "-q"]).exit_code in (0, 1)
    rows = {row[1].value: row for row in openpyxl.load_workbook(book).worksheets[0].iter_rows(min_row=2)}
    assert {name: (rows[name][3].number_format, rows[name][4].number_format) for name in MONEY_FIGURES} == \
        dict.fromkeys(MONEY_FIGURES, ("#,##0.00", "#,##0.00"))
