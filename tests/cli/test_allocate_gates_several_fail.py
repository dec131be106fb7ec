"""allocate names every gate that fails at the best split, not the first alone (docs/allocate.md, gates): the failing
side is searched one gate at a time (whatif/allocate_gates.py ``Holding.failing_side``), so a split failing two gates
could have been reported by the one whose side found it. It is not: each failing gate gets its line under the summary,
its curve mark and its JSON warning, in English and Chinese; and the --reach refusal names them all, as several ("the
gates 'proof', 'proof2' fail"; before "the gate 'proof', 'proof2' fails").

The plan, by hand (tests/whatif/test_allocate_gate_sides.py twice over): two months, a user pays 100 in the month he is
bought and leaves, no costs, no discounting. Test and Test2 buy in month 1 at a bid of 20 with h = 50,000: b buys b / 20
x h / (b + h) users, worth f(b) = 5 b h / (b + h) - b, at a CAC of 20 (b + h) / h; Scale and Scale2 buy in month 2 at a
bid of 400, each losing money, and only if its test's CAC is at most 30 (gates proof, proof2). Under --total 400,000
failing both is best: each test at f's top, b = h (sqrt 5 - 1) = 61,803.40, CAC 20 sqrt 5 = 44.72 > 30, worth h (6 - 2
sqrt 5) = 76,393.20, so 152,786.40 in all, and neither campaign spends.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from cli_runner import invoke

PLAN = """\
name: Two gates
horizon_months: 2
discount_rate: 0
retention: {monthly_churn: 1}
monetization:
  purchases: [{name: item, price: 100, rate: 1}]
acquisition:
  - {name: Test, type: cpa, bid: 20, budget: 10_000, saturation_budget: 50_000, months: 1}
  - {name: Scale, type: cpa, bid: 400, budget: 10_000, saturation_budget: 50_000, months: 2}
  - {name: Test2, type: cpa, bid: 20, budget: 10_000, saturation_budget: 50_000, months: 1}
  - {name: Scale2, type: cpa, bid: 400, budget: 10_000, saturation_budget: 50_000, months: 2}
gates:
  - {name: proof, after_month: 1, channels: [Test], max_cac: 30, then: [Scale]}
  - {name: proof2, after_month: 1, channels: [Test2], max_cac: 30, then: [Scale2]}
"""
H = 50_000.0


def _invoke(tmp_path: Path, plan: str, *args: str) -> tuple[int, str, str]:
    path = tmp_path / "plan.yaml"
    path.write_text(plan, encoding="utf-8")
    result = invoke(["allocate", str(path), *args], env={"COLUMNS": "80", "NO_COLOR": "1"})
    return result.exit_code, result.stdout, result.stderr


def test_both_failing_gates_are_in_the_json(tmp_path: Path) -> None:
    code, out, err = _invoke(tmp_path, PLAN, "--total", "400000", "-f", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["best"]["value"] == pytest.approx(2 * H * (6 - 2 * math.sqrt(5)), abs=0.05)
    assert [(gate["name"], gate["best_pass_share"]) for gate in data["gates"]] == [("proof", 0.0), ("proof2", 0.0)]
    assert [warning["gate"] for warning in data["warnings"] if warning["code"] == "gate_fails"] == ["proof", "proof2"]
    point = next(point for point in data["curve"] if point["multiple"] == 1.0)
    assert point["failed_gates"] == ["proof", "proof2"]


@pytest.mark.parametrize(("lang", "lines"), [
    ("en", ["» At the best split the gate 'proof' fails: Test, Scale buy nothing after month 1",
            "» At the best split the gate 'proof2' fails: Test2, Scale2 buy nothing after month 1"]),
    ("zh", ["» 最优分配下闸门“proof”不通过：第 1 月之后 Test、Scale 不再投放",
            "» 最优分配下闸门“proof2”不通过：第 1 月之后 Test2、Scale2 不再投放"]),
])
def test_each_failing_gate_leads_the_view(tmp_path: Path, lang: str, lines: list[str]) -> None:
    code, out, err = _invoke(tmp_path, PLAN, "--total", "400000", "--lang", lang)
    assert code == 0, err
    # Lines wrap at 80 columns: each warning is read whole (Chinese wraps without a space).
    joined = " ".join(out.split()) if lang == "en" else "".join(out.split())
    for line in lines:
        assert (line if lang == "en" else "".join(line.split())) in joined
    marks = "gate '{}' fails" if lang == "en" else "闸门“{}”不通过"
    assert joined.count(marks.format("proof")) >= 2 and joined.count(marks.format("proof2")) >= 2


# Tests running both months, each gating its own later month: 4,000 new users in month 2 take 2,000 from each, b / 20
# x h / (b + h) = 2,000 at b = 200,000, so B = 400,000 as if both gates passed; there each CAC is 20 x 250,000 / 50,000
# = 100 > 30, both fail, and month 2 buys no one.
REACH = """\
name: Two gates reach
horizon_months: 2
discount_rate: 0
retention: {monthly_churn: 1}
monetization:
  purchases: [{name: item, price: 100, rate: 1}]
acquisition:
  - {name: Test, type: cpa, bid: 20, budget: 10_000, saturation_budget: 50_000}
  - {name: Test2, type: cpa, bid: 20, budget: 10_000, saturation_budget: 50_000}
gates:
  - {name: proof, after_month: 1, channels: [Test], max_cac: 30}
  - {name: proof2, after_month: 1, channels: [Test2], max_cac: 30}
"""


@pytest.mark.parametrize(("lang", "refusal"), [
    ("en", "aigc-roi: the search found no budget reaching new_users@2 = 4,000 with the gates: planned as if every gate "
           "passed, B = 400,000 would, but there the gates 'proof', 'proof2' fail (a split holding the test months, as "
           "--budget's, is not searched)"),
    ("zh", "aigc-roi: 计入闸门后，搜索未找到能达到 new_users@2 = 4,000 的预算：按每道闸门都通过来规划，B = 40.0万 可以达到，"
           "但届时闸门 'proof'、'proof2' 未通过（未搜索像 --budget 那样保持测试月份的分配）"),
])
def test_a_reach_refusal_names_every_failing_gate(tmp_path: Path, lang: str, refusal: str) -> None:
    code, _, err = _invoke(tmp_path, REACH, "--reach", "new_users@2=4000", "--lang", lang)
    assert code == 2
    assert " ".join(err.split()) == refusal
