"""allocate names a gate as every other command does (docs/formulas.md §18, **Gates that share a name**; QA finding:
two gates named X gave two identical lines "the gate 'X' fails: T1, T2, Mid buy nothing after month 2", the second
about the other X, which stops T2 and Big after month 4; curve marks "gate 'X' fails" twice, JSON warnings' gate 'X'
twice and no ``index``).

The plan, by hand: every gate tests T, a cpa channel at a bid of 10, against ``max_cac: 1``: T's CAC is 10 whatever
its budget, so each gate fails at every split. gates[0] (X) stops T and its ``then`` L after month 1, gates[1] (X)
T and M after month 2, gates[2] (really named ``X (gates[1])``) T, L and M after month 3; labels 'X (gates[0])',
'X (gates[1])', 'X (gates[1]) (gates[2])'. At B = 2,000 only T runs in month 1 (L starts in month 2, M in month 3):
it buys 2,000 then, and after month 1 gates[0] has stopped T and L, and M, from month 3, is stopped by gates[1]
after month 2: run spends 2,000, of the 6 x 2,000 = 12,000 the budgets give out.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke

PLAN = """version: 1
name: Same names
horizon_months: 6
acquisition:
  - {name: T, type: cpa, bid: 10, budget: 1000, months: 1-3}
  - {name: L, type: cpa, bid: 10, budget: 1000, months: 2-6}
  - {name: M, type: cpa, bid: 10, budget: 1000, months: 3-6}
retention: {monthly_churn: 1}
monetization:
  purchases: [{name: Item, price: 8, rate: 1}]
gates:
  - {name: X, after_month: 1, channels: [T], max_cac: 1, then: [L]}
  - {name: X, after_month: 2, channels: [T], max_cac: 1, then: [M]}
  - {name: 'X (gates[1])', after_month: 3, channels: [T], max_cac: 1, then: [L, M]}
"""


def _plan(tmp_path: Path) -> str:
    path = tmp_path / "same.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return str(path)


def _out(*args: str) -> str:
    result = invoke(["allocate", *args], env={"COLUMNS": "400", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize(("lang", "lines"), [
    ("en", ["» At the best split the gate 'X (gates[0])' fails: T, L buy nothing after month 1,",
            "» At the best split the gate 'X (gates[1])' fails: T, M buy nothing after month 2,",
            "» At the best split the gate 'X (gates[1]) (gates[2])' fails: T, L, M buy nothing after month 3,",
            "» Run of the best split spends 2,000 over the horizon, not the 12,000 every channel's budget gives out"]),
    ("zh", ["» 最优分配下闸门“X (gates[0])”不通过：第 1 月之后 T、L 不再投放",
            "» 最优分配下闸门“X (gates[1])”不通过：第 2 月之后 T、M 不再投放",
            "» 最优分配下闸门“X (gates[1]) (gates[2])”不通过：第 3 月之后 T、L、M 不再投放",
            "» 按最优分配运行（run），整个周期的广告支出为 2,000，而非各渠道预算合计的 1.2万"]),
])
def test_each_warning_names_its_own_gate_and_reads_its_channels(tmp_path: Path, lang: str, lines: list[str]) -> None:
    out = _out(_plan(tmp_path), "--budget", "2000", "--lang", lang)
    leads = [line for line in out.splitlines() if line.startswith("»")]
    for lead, expected in zip(leads, lines, strict=False):
        assert lead.startswith(expected), (lead, expected)
    assert len(leads) >= len(lines)
    markdown = _out(_plan(tmp_path), "--budget", "2000", "--lang", lang, "-f", "markdown")
    assert all(line[2:].split("，")[0].split(",")[0] in markdown for line in lines)


def test_json_keeps_names_and_adds_the_place(tmp_path: Path) -> None:
    data = json.loads(_out(_plan(tmp_path), "--budget", "2000", "-f", "json"))
    assert [(gate["name"], gate["index"], gate["after_month"], gate["stops"]) for gate in data["gates"]] == [
        ("X", 0, 1, ["T", "L"]), ("X", 1, 2, ["T", "M"]), ("X (gates[1])", 2, 3, ["T", "L", "M"])]
    gated = [(warning["gate"], warning["gate_index"], warning["message"].split(":")[1].strip())
             for warning in data["warnings"] if warning["code"] == "gate_fails"]
    assert gated == [("X", 0, "T, L buy nothing after month 1, whatever budget the split shows for them then; "
                                "every figure shown counts that."),
                     ("X", 1, "T, M buy nothing after month 2, whatever budget the split shows for them then; "
                                "every figure shown counts that."),
                     ("X (gates[1])", 2, "T, L, M buy nothing after month 3, whatever budget the split shows for "
                                         "them then; every figure shown counts that.")]
    assert (data["best"]["spend"], data["current"]["spend"]) == (2000.0, 1000.0)


def test_unique_names_add_no_index(tmp_path: Path) -> None:
    path = tmp_path / "unique.yaml"
    path.write_text(PLAN.replace("{name: X, after_month: 2", "{name: Y, after_month: 2").replace(
        "name: 'X (gates[1])'", "name: Z"), encoding="utf-8")
    data = json.loads(_out(str(path), "--budget", "2000", "-f", "json"))
    assert [sorted(gate) for gate in data["gates"]][0] == sorted(
        ["name", "after_month", "stops", "current_pass_share", "best_pass_share"])
    assert [warning["gate"] for warning in data["warnings"] if "gate" in warning] == ["X", "Y", "Z"]
    assert not any("gate_index" in warning for warning in data["warnings"])


G3 = """version: 1
name: g3
horizon_months: 12
acquisition:
  - {name: T1, type: cpa, bid: 15, budget: 40000, saturation_budget: 100000, months: 1-2}
  - {name: T2, type: cpa, bid: 22, budget: 40000, saturation_budget: 80000, months: 3-4}
  - {name: Big, type: cpa, bid: 30, budget: 100000, saturation_budget: 200000, months: 5-12}
  - {name: Mid, type: cpa, bid: 18, budget: 60000, saturation_budget: 150000, months: 3-12}
retention:
  points: {1: 0.40, 3: 0.25, 6: 0.15, 12: 0.10}
monetization:
  plans: [{name: Monthly, price: 39, period: month, conversion: "4%..8%", renewal: 0.75}]
gates:
  - {name: X, after_month: 2, channels: [T1], min_roas: 0.1, max_cac: 25, then: [T2, Mid]}
  - {name: X, after_month: 4, channels: [T2], max_cac: 35, then: [Big]}
  - {name: 'X (gates[1])', after_month: 4, channels: [T2], max_cac: 50, then: [Mid]}
"""


def test_curve_marks_name_gates_by_their_place(tmp_path: Path) -> None:
    """Today every gate passes (T1's CAC 15 <= 25, T2's 22 <= 35); the curve's splits that fail one mark it by its
    label: never the bare shared name, and a failed list in JSON holds labels."""
    path = tmp_path / "g3.yaml"
    path.write_text(G3, encoding="utf-8")
    labels = {"X (gates[0])", "X (gates[1])", "X (gates[1]) (gates[2])"}
    data = json.loads(_out(str(path), "--budget", "100000", "-f", "json"))
    assert [gate["current_pass_share"] for gate in data["gates"]] == [1.0, 1.0, 1.0]
    failed = [set(point["failed_gates"]) for point in data["curve"]]
    assert any(failed) and all(names <= labels for names in failed)
    for lang, bare in (("en", "gate 'X' fails"), ("zh", "闸门“X”不通过")):
        out = _out(str(path), "--budget", "100000", "--lang", lang)
        assert bare not in out
