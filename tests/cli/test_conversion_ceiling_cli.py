"""`breakeven` and `sensitivity` hold a channel's conversion index where a plan's conversion moves (QA spec N4;
docs/formulas.md §15). The plan and its hand figures: tests/whatif/test_conversion_ceiling.py."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from cli_runner import invoke
from test_conversion_ceiling import BE5, CONVERSION, INDEX

GRID = f"{INDEX},{CONVERSION}"


@pytest.fixture
def plan(tmp_path: Path) -> str:
    path = tmp_path / "be5.yaml"
    path.write_text(BE5, encoding="utf-8")
    return str(path)


def test_breakeven_finds_no_conversion_the_rule_allows_reaching_roi_0(plan: str) -> None:
    result = invoke(["breakeven", plan, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    [row] = [row for row in json.loads(result.stdout)["drivers"] if row["path"] == CONVERSION]
    assert (row["roi_zero"], row["none_reason"]["roi_zero"]) == (None, "out_of_reach")
    # The value the engine once reported with the index lowered is one run refuses.
    assert invoke(["run", plan, "--set", f"{CONVERSION}=0.8"]).exit_code == 2


def test_sensitivity_shows_the_move_at_the_ceiling(plan: str) -> None:
    result = invoke(["sensitivity", plan, "--format", "csv"])
    [row] = [row for row in csv.DictReader(io.StringIO(result.stdout)) if row["path"] == CONVERSION]
    assert (float(row["high_value"]), float(row["high_net_cash"])) == (0.5, pytest.approx(78_750 - 94_500))


def test_grid_cells_past_the_ceiling_read_n_a_with_their_reason(plan: str) -> None:
    data = json.loads(invoke(["sensitivity", plan, "--grid", GRID, "--format", "json"]).stdout)
    assert data["past_ceiling"] == [[3, 3], [3, 4], [4, 3], [4, 4]]
    assert [data["roi"][3][3], data["roi"][2][4]] == [None, pytest.approx(-1 / 6)]
    rows = list(csv.reader(io.StringIO(invoke(["sensitivity", plan, "--grid", GRID, "--format", "csv"]).stdout)))
    assert rows[4][4:6] == ["", ""]  # none, as CSV writes every none
    markdown = invoke(["sensitivity", plan, "--grid", GRID, "--format", "markdown"]).stdout
    assert "| 2.20 | -36.00% | -28.00% | -20.00% | n/a | n/a |" in markdown
    assert markdown.endswith("_n/a: A conversion index × M conversion above 1 would have more than all of a cohort "
                             "subscribe; no valid plan is there._\n")
    zh = invoke(["sensitivity", plan, "--grid", GRID, "--format", "markdown", "--lang", "zh"]).stdout
    assert "| 2.20 | -36.00% | -28.00% | -20.00% | 不适用 | 不适用 |" in zh
    assert "_不适用：A 转化指数 × M 转化率 超过 1，即订阅人数多于同期群全部用户；该处没有有效方案。_" in zh
    view = invoke(["sensitivity", plan, "--grid", GRID], env={"COLUMNS": "200"}).stdout
    assert view.count("n/a") == 5 and "no valid plan is" in view  # four cells and the caption, wrapped


def test_a_grid_without_such_cells_says_nothing_of_them(plan: str) -> None:
    result = invoke(["sensitivity", plan, "--grid", f"{INDEX},monetization.plans[0].price", "--format", "markdown"])
    assert "n/a" not in result.stdout
    assert json.loads(invoke(["sensitivity", plan, "--grid", f"{INDEX},monetization.plans[0].price",
                              "--format", "json"]).stdout)["past_ceiling"] == []
