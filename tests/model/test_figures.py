"""model/figures.py is the one place a figure's rules live: every output carries every figure declared
there, and reads its none, cap and cents as the figure says (docs/formulas.md §5 and §8)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest
from cli_runner import invoke

from aigc_roi.ci.records import Comparison
from aigc_roi.model.figures import BY_NAME, FIGURE_NAMES, FIGURES, Figure
from aigc_roi.present.base_view import comparison_grid
from aigc_roi.present.compare_basis import CSV_BASIS
from aigc_roi.present.labels import label
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.present.report.formulas import definitions
from aigc_roi.present.workbook import MONEY_CENTS, figure_format


@pytest.mark.parametrize("figure", FIGURES, ids=lambda figure: figure.name)
def test_every_figure_has_a_label_in_both_languages(figure: Figure) -> None:
    assert label(figure.name, "en") and label(figure.name, "zh")


def test_every_payback_figure_counted_in_months_ranks_never_last() -> None:
    payback = {figure.name for figure in FIGURES if figure.unit == "month" and "payback" in figure.name}
    assert payback >= {"payback_month", "first_payback_month", "cac_payback_months"}
    assert all(BY_NAME[name].none == "never" and BY_NAME[name].never_ranks_last for name in payback)
    # No cash need is no low point at all, not a late one.
    assert not BY_NAME["peak_cash_month"].never_ranks_last


def _csv_first_column(text: str) -> list[str]:
    return [row[0] for row in csv.reader(io.StringIO(text))][1:]


def test_every_output_format_carries_every_figure(example: Path, tmp_path: Path) -> None:
    run = invoke(["run", str(example), "--format", "json"])
    # Beside the figures JSON says why an IRR is none, or how it reads (docs/formulas.md §5); neither is a figure.
    # run's machine formats end with a flag, not a figure: whether the peak cash need is still falling at the horizon
    # (docs/formulas.md §12).
    assert list(json.loads(run.stdout)["figures"]) == [*FIGURE_NAMES, "irr_none_reason", "irr_kind", "peak_cash_at_horizon"]
    assert _csv_first_column(invoke(["run", str(example), "--format", "csv", "--table", "figures"]).stdout) == [
        *FIGURE_NAMES, "peak_cash_at_horizon"]
    markdown = invoke(["run", str(example), "--format", "markdown"]).stdout
    table = invoke(["run", str(example)]).stdout
    for name in FIGURE_NAMES:
        assert f"| {label(name)} |" in markdown, name
        assert label(name) in table, name
    book = tmp_path / "run.xlsx"
    assert invoke(["run", str(example), "--format", "xlsx", "--output", str(book)]).exit_code == 0
    keys = [row[2] for row in openpyxl.load_workbook(book)["figures"].iter_rows(min_row=2, values_only=True)]
    assert keys == [*FIGURE_NAMES, "peak_cash_at_horizon"]
    simulated = invoke(["simulate", str(example), "--samples", "20", "--format", "json"])
    assert list(json.loads(simulated.stdout)["figures"]) == list(FIGURE_NAMES)
    compared = invoke(["compare", str(example), str(example), "--format", "csv"])
    # Each column's basis follows its figures (present/compare_basis.py CSV_BASIS).
    assert _csv_first_column(compared.stdout) == [*FIGURE_NAMES, *CSV_BASIS]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_key_of_the_json_figures_is_defined_in_the_reference(example: Path, lang: str) -> None:
    # docs/formulas.md §5's tables (and their Chinese twin) define what a reader of run's JSON finds, the two keys
    # beside the figures included: what they are, their unit, when they are none.
    figures = json.loads(invoke(["run", str(example), "--format", "json"]).stdout)["figures"]
    known = definitions(lang)
    assert set(figures) <= set(known), sorted(set(figures) - set(known))
    assert "no_sign_change" in known["irr_none_reason"].formula and "§12" in known["peak_cash_at_horizon"].formula
    assert "borrowing" in known["irr_kind"].formula


def test_none_reads_as_each_figure_declares() -> None:
    style = NumberStyle("en")
    for name in ("payback_month", "first_payback_month", "cac_payback_months"):
        assert style.figure(name, None, "never (≤ 3)") == "never (≤ 3)"
    assert style.figure("peak_cash_month", None, "never (≤ 3)") == "—"  # no cash needed, not "never"
    assert style.figure("irr", None) == "none: no single IRR"
    assert style.figure("roi", None) == "—"
    # An IRR above 1,000% a year reads "> 1,000%"; below, the number.
    assert (style.figure("irr", 10.5), style.figure("irr", 9.99)) == ("> 1,000%", "999.00%")


def test_the_workbook_keeps_cents_for_every_money_figure() -> None:
    # docs/formulas.md §8: a headline money figure carries 2 decimals, a total (NPV) as a per-user one (CAC).
    assert {name for name in FIGURE_NAMES if figure_format(name) == MONEY_CENTS} == {
        "ad_spend", "cac", "blended_cac", "gross_revenue", "net_revenue", "contribution", "net_cash", "peak_cash_need",
        "npv", "ltv"}


def test_check_base_reads_a_change_to_or_from_none_as_the_figure_declares() -> None:
    before = {"payback_month": None, "first_payback_month": 3, "peak_cash_month": None}
    after = {"payback_month": 5, "first_payback_month": None, "peak_cash_month": 2}
    comparison = Comparison(path="s.yaml", status="modified", scenario="S", currency="CNY", before=before, after=after)
    _, rows = comparison_grid(comparison)
    assert rows == [
        ["payback_month", "never", "5", "better: never -> 5"],
        ["first_payback_month", "3", "never", "worse: never"],
        # A plan that needed no cash and now does was never "never": its peak month has no change to state.
        ["peak_cash_month", "—", "2", "—"],
    ]
