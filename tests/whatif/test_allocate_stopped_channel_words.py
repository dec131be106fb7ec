"""A channel that gets nothing before a gate that fails at the best split, and money after it that the gate stops:
"gets nothing at the best split" held in the test months only, and contradicted the phase table, which shows the money
after them (docs/allocate.md, gates). The warning now names the months it holds in.

The plan: in months 1-2 Early (bid 10) and Test (bid 30) share B, in months 3-4 Test (bid 5) and Feed (bid 10); a user
pays 10 in the month bought and half stay. The cheaper users win each phase: Early all of B in months 1-2, Test all of
it in months 3-4 (searched as if the gate passed). Test's gate, a ROAS of 100, always fails and stops Test after
month 2, so Test gets nothing in months 1-2 and the table's 2,000 a month in months 3-4 is never spent.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.reader.load import load_text
from aigc_roi.whatif.allocate import allocate

PLAN = """\
name: Unfunded test
horizon_months: 4
acquisition:
  - {name: Early, type: cpa, bid: 10, budget: 1000, months: 1-2}
  - {name: Test, type: cpa, bid: {by_month: {1: 30, 3: 5}}, budget: 1000}
  - {name: Feed, type: cpa, bid: 10, budget: 1000, months: 3-4}
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: Item, price: 10, rate: 1}]
gates:
  - {name: Check, after_month: 2, channels: [Test], min_roas: 100, then: [Feed]}
"""


def test_the_warning_holds_in_the_months_before_the_gate() -> None:
    result = allocate(load_text(PLAN, "unfunded.yaml").scenario, 2000, "npv", curve=())
    assert [dict(phase.best) for phase in result.phases] == [{"Early": 2000.0, "Test": 0.0}, {"Test": 2000.0, "Feed": 0.0}]
    warning = next(w for w in result.warnings if w.code == "on_minimum" and w.channel == "Test")
    assert warning.months == (1, 2)


@pytest.mark.parametrize(("lang", "words"), [
    ("en", "less than the 1 CNY itself. That holds in months 1-2 only: after them a failed gate stops it"),
    ("zh", "不到这 1 元本身。这只是第 1-2 月的情况：此后闸门不通过将其停掉"),
])
def test_the_view_names_the_months(tmp_path: Path, lang: str, words: str) -> None:
    path = tmp_path / "unfunded.yaml"
    path.write_text(PLAN, encoding="utf-8")
    shown = " ".join(invoke(["allocate", str(path), "--budget", "2000", "--lang", lang], env={"COLUMNS": "200"}).stdout.split())
    assert words.replace(" ", "") in shown.replace(" ", "")
    # The sentence is Test's, the one whose table shows 2,000 a month after month 2.
    assert ("Test gets nothing at the best split" if lang == "en" else "Test 在最优分配中没有预算") in shown
