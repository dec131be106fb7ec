"""Gates that share a name (docs/formulas.md §18, **Gates that share a name**; QA finding: two gates named X and a
third named ``X #2`` gave compare two rows ``gate:X #2``, and sensitivity's JSON listed only ``X``, so which of two
gates passed or flipped was unknown). The file stays valid, draws a located warning, and every output names such a
gate by its place, ``X (gates[1])``, which no other gate's real name reads as: a third gate really named
``X (gates[1])`` reads ``X (gates[1]) (gates[2])``.

The plan, by hand: T buys 100 users at 10 in month 1 (spend 1,000), each buying once at 8 and then gone (churn 1):
the test's ROAS is 800 / 1,000 = 0.8. gates[0] (X, min 0.5) passes, gates[1] (X, min 0.9) fails, gates[2]
(``X (gates[1])``, min 0.7) passes. Item price -30% (5.6): ROAS 0.56 < 0.7, gates[2] fails; +30% (10.4): 1.04 >= 0.9,
gates[1] passes. T's bid -30% (7): ROAS 8 / 7 = 1.14, gates[1] passes; +30% (13): 0.615 < 0.7, gates[2] fails.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from cli_runner import invoke

PLAN = """version: 1
name: Same names
horizon_months: 3
acquisition:
  - {name: T, type: cpa, bid: 10, users: 100, months: 1-1}
  - {name: L, type: cpa, bid: 10, users: 100, months: 2-3}
  - {name: M, type: cpa, bid: 10, users: 100, months: 2-3}
retention: {monthly_churn: 1}
monetization:
  purchases: [{name: Item, price: 8, rate: 1}]
gates:
  - {name: X, after_month: 1, channels: [T], min_roas: 0.5, then: [L]}
  - {name: X, after_month: 1, channels: [T], min_roas: 0.9, then: [M]}
  - {name: 'X (gates[1])', after_month: 1, channels: [T], min_roas: 0.7, then: [M]}
"""
FIRST, SECOND, THIRD = "X (gates[0])", "X (gates[1])", "X (gates[1]) (gates[2])"


def _plan(tmp_path: Path, text: str = PLAN, name: str = "same.yaml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _out(*args: str) -> str:
    result = invoke(list(args), env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize(("lang", "message"), [
    ("en", "gates[1].name: 'X' is also gates[0]'s name (line 12); outputs naming 'X' cannot tell them apart, so they "
           "name each by its place: 'X (gates[0])' and 'X (gates[1])'"),
    ("zh", "gates[1].name: 'X' 也是 gates[0] 的名称（第 12 行）；输出用 'X' 指代时无法区分它们，"
           "因此按各自在文件中的位置称为 'X (gates[0])' 与 'X (gates[1])'"),
])
def test_validate_and_run_warn_at_the_second_name(tmp_path: Path, lang: str, message: str) -> None:
    plan = _plan(tmp_path)
    # Line 13 is the second gate's, `  - {name: X, ...`: its name's value starts at column 12.
    for command in ("validate", "run"):
        result = invoke([command, plan, "--lang", lang])
        assert result.exit_code == 0, result.stderr
        assert f"{plan}:13:12: {message}" in result.stderr.splitlines()


def test_run_names_each_gate_apart(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    gates = json.loads(_out("run", plan, "-f", "json"))["gates"]
    assert [(gate["name"], gate.get("index"), gate["passed"]) for gate in gates] == [
        ("X", 0, True), ("X", 1, False), ("X (gates[1])", 2, True)]
    table = list(csv.reader(io.StringIO(_out("run", plan, "-f", "csv", "--table", "gates"))))
    assert [row[0] for row in table[1:]] == [FIRST, SECOND, THIRD]
    terminal = _out("run", plan)
    for label in (FIRST, SECOND, THIRD):
        assert f"│ {label} " in terminal


def test_sensitivity_says_which_gate_passed_and_flipped(tmp_path: Path) -> None:
    data = json.loads(_out("sensitivity", _plan(tmp_path), "--step", "0.3", "-f", "json"))
    assert data["base"]["gates_passed"] == [FIRST, THIRD]
    flips = {row["path"]: (row["low"]["gates_flipped"], row["high"]["gates_flipped"]) for row in data["drivers"]}
    assert flips["monetization.purchases[0].price"] == ([THIRD], [SECOND])
    assert flips["acquisition[0].bid"] == ([SECOND], [THIRD])


def test_breakeven_and_simulate_name_them_apart(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    price = next(row for row in json.loads(_out("breakeven", plan, "-f", "json"))["drivers"]
                 if row["path"] == "monetization.purchases[0].price")
    # At a price of 9 the test's ROAS reaches 0.9: gates[1] passes past it.
    flip = price["gate_flip"]["roi_zero"]
    assert flip["value"] == pytest.approx(9, rel=1e-6) and flip["gates"] == [SECOND]
    assert flip["below"]["gates_passed"] == [FIRST, THIRD]
    simulated = json.loads(_out("simulate", plan, "--samples", "20", "-f", "json"))["gates"]
    assert [(gate["name"], gate.get("index"), gate["pass_probability"]) for gate in simulated] == [
        ("X", 0, 1.0), ("X", 1, 0.0), ("X (gates[1])", 2, 1.0)]


def test_compare_pairs_gates_of_one_name_by_their_test(tmp_path: Path) -> None:
    """The other plan has one X (min 0.9, then L and M: it fails at ROAS 0.8) and no other gate. Each X tests T's
    ROAS, but the first plan's run L or M after it, the other's both: it tests as neither does, so it pairs with
    neither (tests/cli/test_compare_gate_pairs.py), where name and order paired it with the first X. The first plan's
    gates[0] and the other's, each alone in its row, read in full; the third gate's name is then the second X's
    label, so it reads by its place too."""
    other = _plan(tmp_path, PLAN.split("  - {name: X, after_month: 1, channels: [T], min_roas: 0.5")[0]
                  + "  - {name: X, after_month: 1, channels: [T], min_roas: 0.9, then: [L, M]}\n", "other.yaml")
    rows = {row[0]: row[1:3] for row in csv.reader(io.StringIO(_out("compare", _plan(tmp_path), other, "-f", "csv")))
            if row[0].startswith("gate:")}
    assert rows == {"gate:X (gates[0] | —)": ["1", ""], f"gate:{SECOND}": ["0", ""], f"gate:{THIRD}": ["1", ""],
                    "gate:X (— | gates[0])": ["", "0"]}


def test_unique_names_read_as_before(tmp_path: Path) -> None:
    """Renamed apart, no gate carries a place or an index."""
    plan = _plan(tmp_path, PLAN.replace("{name: X, after_month: 1, channels: [T], min_roas: 0.9",
                                        "{name: Y, after_month: 1, channels: [T], min_roas: 0.9"))
    gates = json.loads(_out("run", plan, "-f", "json"))["gates"]
    assert [gate["name"] for gate in gates] == ["X", "Y", "X (gates[1])"] and not any("index" in gate for gate in gates)
    assert "X (gates[1]) (gates" not in _out("run", plan)
    assert "gates[" not in invoke(["validate", plan]).stderr
