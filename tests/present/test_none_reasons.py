"""Why a figure is none, said the same way by every command and format (docs/formulas.md §5).

A plan without paid users has no CAC, so no CAC to pay back: its ``cac_payback_months`` is none for the CAC's
reason (an em dash, as ``ltv_to_cac``), not "never". An IRR that is none reads its run's reason wherever one run is
shown, `check --base` included.
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from cli_runner import invoke
from spec_example import WORKED_EXAMPLE
from test_check_zh import commit_all

from aigc_roi.ci.records import Comparison
from aigc_roi.present.base_view import comparison_grid
from aigc_roi.present.numbers import NumberStyle

FREE = WORKED_EXAMPLE.replace("{name: CPA, type: cpa, bid: 20, users: 1000, months: 1}",
                              "{name: Groups, type: flat, cost: 0, users: 1000, months: 1}")
"""The worked example's 1,000 users gathered for nothing: no paid users, so no CAC; one user still earns
9 + 4.5 + 2.25 = 15.75 (its ltv), so nothing "never" happens."""


@pytest.fixture
def free(tmp_path: Path) -> Path:
    path = tmp_path / "free.yaml"
    path.write_text(FREE, encoding="utf-8")
    return path


@pytest.mark.parametrize(("lang", "line"), [("en", "| CAC payback per user (≤ ltv_months) | — |"),
                                            ("zh", "| 单用户 CAC 回收期（月，≤ ltv_months） | — |")])
def test_no_cac_is_no_payback_that_never_comes_in_markdown(free: Path, lang: str, line: str) -> None:
    out = invoke(["run", str(free), "-f", "markdown", "--lang", lang]).stdout
    assert line in out
    assert "never" not in out and "未回本" not in out


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_cac_is_no_payback_that_never_comes_in_the_table(free: Path, lang: str) -> None:
    out = invoke(["run", str(free), "--lang", lang]).stdout
    row = next(line for line in out.splitlines() if "ltv_months" in line)
    assert row.rstrip(" │").endswith("—"), row
    assert "never" not in out and "未回本" not in out


@pytest.mark.parametrize(("lang", "sheet", "reason"), [("en", "figures", "CAC is none (its denominator is 0)"),
                                                       ("zh", "核心指标", "获客成本为无（分母为 0）")])
def test_the_workbook_says_the_cac_is_none(free: Path, tmp_path: Path, lang: str, sheet: str, reason: str) -> None:
    target = tmp_path / "free.xlsx"
    assert invoke(["run", str(free), "-f", "xlsx", "-o", str(target), "--lang", lang]).exit_code == 0
    rows = {row[2]: row for row in openpyxl.load_workbook(target)[sheet].iter_rows(min_row=2, values_only=True)}
    # The CAC's own reason, then each figure computed over it: the same note for ltv_to_cac and the CAC payback.
    assert rows["cac"][1] is None and rows["cac"][4] == ("its denominator is 0" if lang == "en" else "分母为 0")
    assert [rows[key][1:5:3] for key in ("ltv_to_cac", "cac_payback_months")] == [(None, reason)] * 2


def test_json_keeps_null_beside_a_null_cac(free: Path) -> None:
    figures = json.loads(invoke(["run", str(free), "-f", "json"]).stdout)["figures"]
    assert (figures["cac"], figures["ltv_to_cac"], figures["cac_payback_months"]) == (None, None, None)
    assert figures["ltv"] == pytest.approx(15.75)


def test_compare_shows_no_never_for_a_plan_without_a_cac(free: Path, example: Path) -> None:
    out = invoke(["compare", str(free), str(example), "-f", "markdown"]).stdout
    # The worked example's user earns 15.75 of its CAC of 20 in 3 months: that one is never.
    assert "| CAC payback per user (≤ ltv_months) | — | never | — |" in out


def test_check_base_states_no_change_between_no_cac_and_never() -> None:
    before = {"cac": None, "cac_payback_months": None}
    after = {"cac": 20.0, "cac_payback_months": None}
    comparison = Comparison(path="s.yaml", status="modified", scenario="S", currency="CNY", before=before, after=after)
    rows = {row[0]: row for row in comparison_grid(comparison)[1]}
    # No CAC before, none paid back after: no payback was lost, so no "worse: never".
    assert rows["cac_payback_months"] == ["cac_payback_months", "—", "never", "—"]


def test_a_figure_over_a_none_cac_reads_as_an_em_dash() -> None:
    style = NumberStyle("en")
    assert style.figure("cac_payback_months", None, "never", {"cac": None}) == "—"
    assert style.figure("cac_payback_months", None, "never", {"cac": 20.0}) == "never"


TWO_SIGN_CHANGES = WORKED_EXAMPLE.replace("costs: {serving_per_active_user: 1}",
                                          "costs: {serving_per_active_user: 1, fixed: [{name: f, monthly: 3000, months: 3}]}")
"""F = -11,000, 4,500, -750: two sign changes, so no IRR (docs/formulas.md §5)."""


@pytest.mark.parametrize(("lang", "reason"), [("en", "none: more than one sign change"), ("zh", "无：现金流多次变号")])
def test_check_base_words_a_none_irr_as_run_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str,
                                                 reason: str) -> None:
    (tmp_path / "plan.yaml").write_text(TWO_SIGN_CHANGES, encoding="utf-8")
    commit_all(tmp_path, monkeypatch)
    (tmp_path / "plan.yaml").write_text(TWO_SIGN_CHANGES.replace("price: 10", "price: 11"), encoding="utf-8")
    # Price 11: F = -10,000, 5,000, -500, still two sign changes.
    run = invoke(["run", "plan.yaml", "-f", "markdown", "--lang", lang]).stdout
    assert f"| {reason} |" in run
    checked = invoke(["check", "plan.yaml", "--base", "HEAD", "-f", "markdown", "--lang", lang])
    irr = next(line for line in checked.stdout.splitlines() if line.startswith(("| irr ", "| 内部收益率")))
    assert irr.split(" | ")[1:3] == [reason, reason], checked.stdout


def test_a_cac_payback_never_reached_is_not_bounded_by_the_horizon(tmp_path: Path) -> None:
    # cac_payback_months searches the ltv_months ages of one user, not the horizon's months (docs/formulas.md §5):
    # with a horizon of 24 and ltv_months 3, "never (≤ 24)" claimed a search it never made.
    path = tmp_path / "short_life.yaml"
    path.write_text(WORKED_EXAMPLE.replace("horizon_months: 3", "horizon_months: 24\nltv_months: 3"), encoding="utf-8")
    # c(a) = 9, 4.5, 2.25 over three ages sums to 15.75 < a CAC of 20: never within ltv_months.
    markdown = invoke(["run", str(path), "--format", "markdown"]).stdout
    assert "| CAC payback per user (≤ ltv_months) | never |" in markdown
    assert "| Payback month (plan cash) | never (≤ 24) |" in markdown
