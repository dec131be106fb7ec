"""`check` lists a file's targets where they are written, line then column, whatever their kind, a target a --set
wrote after them, in every format (docs/ci.md): built kind by kind (model/targets.py's order, then the milestones),
the tester's plan read lines 81, 82, 90, 89, 91, 85.

The plan is docs/formulas.md §11's worked example at price 10 (tests/ci/test_validate_and_check.py): 1,000 users at a
bid of 20, then 500 and 250 active; roi (15,750 - 20,000) / 20,000 = -21.25%, cac 20, roas 17,500 / 20,000 = 0.875,
payback never. Every target below is missed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke
from test_validate_and_check import example, write

# Lines 11-14 of the file, against the kinds' order max_payback_months, min_roi, max_cac, then the milestones.
PLAN = example(targets="milestones: [{month: 2, active_users: 600}];max_cac: 10;min_roi: 0;max_payback_months: 3")
IN_FILE_ORDER = ["milestone active_users@2", "max_cac", "min_roi", "max_payback_months", "min_roas"]
SET = ["--set", "targets.min_roas=2"]


def test_the_lines_are_in_file_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"plan.yaml": PLAN})
    monkeypatch.chdir(tmp_path)
    result = invoke(["check", "plan.yaml", *SET])
    assert result.exit_code == 1, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(": ")[0] for line in lines] == ["plan.yaml:11:16", "plan.yaml:12:12", "plan.yaml:13:12",
                                                      "plan.yaml:14:23", "plan.yaml"]
    assert "targets.min_roas missed" in lines[-1]


def test_json_lists_the_targets_in_file_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"plan.yaml": PLAN})
    monkeypatch.chdir(tmp_path)
    targets = json.loads(invoke(["check", "plan.yaml", *SET, "--format", "json"]).stdout)["scenarios"][0]["targets"]
    # The --set's target at line 1 of its option (tests/ci/test_targets_a_set_wrote.py).
    assert [(target["name"], target["line"]) for target in targets] == list(zip(IN_FILE_ORDER, [11, 12, 13, 14, 1],
                                                                                 strict=True))


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_the_table_lists_the_targets_in_file_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    write(tmp_path, {"plan.yaml": PLAN})
    monkeypatch.chdir(tmp_path)
    shown = invoke(["check", "plan.yaml", *SET, "--format", fmt], env={"COLUMNS": "120"}).stdout
    rows = [line for line in shown.splitlines() if line.startswith(("│ plan.yaml", "| plan.yaml"))]
    assert [next(name for name in IN_FILE_ORDER if name in row) for row in rows] == IN_FILE_ORDER
