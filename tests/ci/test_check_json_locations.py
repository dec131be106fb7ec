"""`check --format json` locates each target as the text and github formats do, so a bot can annotate from it.

The plans are docs/formulas.md §11's worked example (tests/ci/test_validate_and_check.py): at price 10 roi is
-21.25% and payback never comes; at price 30 roi is 153.75% and payback comes in month 1.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke
from test_check_zh import commit_all
from test_validate_and_check import LOSING, WINNING, write


def targets(stdout: str, path: str) -> dict[str, dict[str, object]]:
    scenario = next(item for item in json.loads(stdout)["scenarios"] if item["path"] == str(Path(path)))
    return {target["name"]: target for target in scenario["targets"]}


def test_each_target_where_it_is_written_and_the_summary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"lose.yaml": LOSING, "bad.yaml": "name: Bad\n"})
    monkeypatch.chdir(tmp_path)
    result = invoke(["check", ".", "--format", "json"])
    held = targets(result.stdout, "lose.yaml")
    # LOSING's targets: line 11 "  min_roi: 0", line 12 "  max_cac: 25", each value at column 12.
    assert {key: held["min_roi"][key] for key in ("file", "line", "column", "message", "new_since_base", "changed_here")} == {
        "file": "lose.yaml", "line": 11, "column": 12,
        "message": "Spec example: targets.min_roi missed: roi is -21.25%, must be >= 0.00%",
        "new_since_base": None, "changed_here": None}
    assert (held["max_cac"]["line"], held["max_cac"]["column"], held["max_cac"]["message"]) == (12, 12, None)
    # bad.yaml lacks retention, acquisition, ...: one file invalid; lose.yaml's two targets, one missed.
    summary = json.loads(result.stdout)["summary"]
    assert summary == {"files": 2, "invalid": 1, "errors": summary["errors"], "unreadable_folders": 0, "targets": 2, "missed": 1,
                       "not_applicable": 0}
    assert summary["errors"] == len(json.loads(result.stdout)["invalid"]) > 0


def test_with_base_a_new_miss_names_the_input_changed_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"scenarios/win.yaml": WINNING, "scenarios/old.yaml": LOSING})
    commit_all(tmp_path, monkeypatch)
    write(tmp_path, {"scenarios/win.yaml": WINNING.replace("price: 30", "price: 10")})
    result = invoke(["check", "scenarios", "--base", "HEAD", "--format", "json"])
    assert result.exit_code == 1
    price_line = WINNING.splitlines()[7]  # line 8: "    - {name: Item, price: 30, rate: 1}"
    column = price_line.index("30") + 1
    min_roi = targets(result.stdout, "scenarios/win.yaml")["min_roi"]
    # The target where it is written (WINNING's line 12, "  min_roi: 1.5"); the input that broke it apart.
    assert (min_roi["file"], min_roi["line"], min_roi["column"]) == (str(Path("scenarios/win.yaml")), 12, 12)
    assert min_roi["new_since_base"] is True
    assert min_roi["changed_here"] == {"path": "monetization.purchases[0].price", "before": 30, "after": 10,
                                       "line": 8, "column": column, "end_line": 8, "end_column": column + 1}
    assert min_roi["message"].endswith("(new since HEAD); changed here: monetization.purchases[0].price 30 -> 10")
    # Missed at HEAD already: no input of this change is to blame.
    old = targets(result.stdout, "scenarios/old.yaml")["min_roi"]
    assert (old["new_since_base"], old["changed_here"]) == (False, None)
    assert old["message"].endswith("(also missed at HEAD)")
