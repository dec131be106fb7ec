"""allocate's spend figures count every channel, as ``run`` does (docs/allocate.md, JSON; QA finding: with
``--lock Search`` allocate said "Run of the best split spends 400,000" where run of that split spends 760,000, the
locked Search's 30,000 x 12 = 360,000 left out; best.spend and current.spend the same).

The plan, by hand: T (months 1-6) and M (months 2-6) are moved, S is locked at 500 a month for 6 months (3,000). The
gate tests T, a cpa channel at a bid of 10, against ``max_cac: 1``: T's CAC is 10 whatever its budget, so it fails at
every split, and T and M buy nothing after month 1. At B = 2,000 only T runs in month 1 and buys 2,000; run spends
2,000 + 3,000 = 5,000 whatever the split of months 2-6, against the 2,000 x 6 + 3,000 = 15,000 every channel's
budget gives out. Today T buys 1,000 in month 1: run spends 1,000 + 3,000 = 4,000, as run of the file says.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke

PLAN = """version: 1
name: Locked spend
horizon_months: 6
acquisition:
  - {name: T, type: cpa, bid: 10, budget: 1000, months: 1-6}
  - {name: M, type: cpa, bid: 10, budget: 1000, months: 2-6}
  - {name: S, type: cpa, bid: 10, budget: 500, months: 1-6}
retention: {monthly_churn: 1}
monetization:
  purchases: [{name: Item, price: 8, rate: 1}]
gates:
  - {name: test, after_month: 1, channels: [T], max_cac: 1, then: [M]}
"""


def _out(tmp_path: Path, *args: str) -> str:
    path = tmp_path / "locked.yaml"
    path.write_text(PLAN, encoding="utf-8")
    result = invoke([args[0], str(path), *args[1:]], env={"COLUMNS": "400", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_json_spend_is_what_run_spends_locked_channel_included(tmp_path: Path) -> None:
    data = json.loads(_out(tmp_path, "allocate", "--budget", "2000", "--lock", "S", "-f", "json"))
    assert (data["current"]["spend"], data["best"]["spend"]) == (4000.0, 5000.0)
    run = json.loads(_out(tmp_path, "run", "-f", "json"))
    assert run["figures"]["ad_spend"] == 4000.0


@pytest.mark.parametrize(("lang", "form", "line"), [
    ("en", "table", "Run of the best split spends 5,000 over the horizon, not the 15,000 every channel's budget gives out"),
    ("en", "markdown", "Run of the best split spends 5,000 over the horizon, not the 15,000 every channel's budget gives "
                       "out"),
    ("zh", "table", "整个周期的广告支出为 5,000，而非各渠道预算合计的 1.5万"),
    ("zh", "markdown", "整个周期的广告支出为 5,000，而非各渠道预算合计的 1.5万"),
])
def test_spends_less_compares_every_channel_on_both_sides(tmp_path: Path, lang: str, form: str, line: str) -> None:
    assert line in _out(tmp_path, "allocate", "--budget", "2000", "--lock", "S", "--lang", lang, "-f", form)
