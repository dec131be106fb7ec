"""A title holding a name of one word wider than the terminal folds that word into lines of about equal width, as a
table folds a name (QA: a plan named in one word of 82 letters over sensitivity's table at 80 columns read
``...ForTheYearsAhead20`` over a lone ``26``, Rich folding it where the line ended; run's title over its panel alike, and
the title of the blocks a table too narrow for the terminal turns into).

The name is 82 letters: at 80 or 44 cells it takes two lines, and the even cut is after letter 41 (41 + 41), worked
by hand. A log still writes a title whole on one line (tests/cli/test_log_titles.py: grep finds the plan's name).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke
from rich.cells import cell_len
from test_check_zh import in_terminal

NAME = "SuperLongScenarioNameWithoutAnySpacesAtAllWhatsoeverInThisPlanForTheYearsAhead2026"
PLAN = f"""version: 1
name: {NAME}
currency: CNY
horizon_months: 12
acquisition:
  - {{name: Feed, type: cpa, bid: 12, users: 1000}}
retention: {{monthly_churn: 0.3}}
monetization:
  plans: [{{name: Pro, price: 30, period: month, conversion: "5%", renewal: 0.8}}]
"""
HEAD, TAIL = NAME[:41], NAME[41:]
"""The two lines of the name: 82 letters in two lines of 41."""


@pytest.fixture()
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def _shown(args: list[str], width: int, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    in_terminal(monkeypatch, width)
    result = invoke(args)
    assert result.exit_code in (0, 1), result.stderr
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert all(cell_len(line) <= width for line in lines), "\n".join(lines)
    return lines


@pytest.mark.parametrize("width", [80, 44])
def test_sensitivity_title(plan: Path, width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = _shown(["sensitivity", str(plan)], width, monkeypatch)
    assert lines[:4] == ["Sensitivity ·", HEAD, TAIL, "· each driver ±20% (CNY)"]


@pytest.mark.parametrize("width", [80, 44])
def test_sensitivity_title_in_chinese(plan: Path, width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = _shown(["sensitivity", str(plan), "--lang", "zh"], width, monkeypatch)
    # The mark after the name stays beside its last line, where Chinese text keeps it.
    assert lines[:4] == ["敏感性 ·", HEAD, f"{TAIL} ·", "各驱动因素 ±20%（CNY）"]


def test_run_title_above_its_panel(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = _shown(["run", str(plan)], 80, monkeypatch)
    assert lines[:3] == [HEAD, TAIL, "· Figures (CNY)"]


def test_a_log_keeps_the_title_whole(plan: Path) -> None:
    result = invoke(["sensitivity", str(plan)])
    assert result.stdout.splitlines()[0] == f"Sensitivity · {NAME} · each driver ±20% (CNY)"
