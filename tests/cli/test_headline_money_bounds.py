"""A headline money figure other than 0 that would read 0.00 reads a bound at the cents (docs/formulas.md §8, QA
numbers F3): `run`'s figures table (terminal, markdown), the report's and `compare`'s, in both languages; CSV and JSON
keep the number.

Plans, by hand. S6B (QA's s6 with its fixed cost 0 and the bid 9.9954): month 1, 10 users bought for 99.954, each
buying an item at 10 (100) delivered at 0.001 (0.01) and served at 0.004 (0.04): cumulative cash 100 - 0.01 - 0.04
- 99.954 = -0.004, the lowest: peak cash need 0.004 reads <0.01 (it read 0.00 beside a peak cash month 1 and a
payback month 2). TINY: one user bought at 10 buys once at 10 and costs 0.004 to serve, in a one-month plan: net cash
and NPV 10 - 10 - 0.004 = -0.004 read >-0.01; its peak cash need 0.004 falls in the last month, a lower bound, which
reads its first two significant digits, ≥ 0.0040 (not "≥ <0.01"). At a serving cost of 0.005 the net cash -0.005
reads -0.01 (halves away from zero): a number, not a bound.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from cli_runner import invoke

S6B = """version: 1
name: S6 tiny
horizon_months: 3
virality: 0.01
referral_reward: 0.01
acquisition:
  - {name: CPA, type: cpa, bid: 9.9954, users: 10, months: 1}
retention: {monthly_churn: 0.99}
monetization:
  purchases: [{name: Item, price: 10, rate: 1, unit_cost: 0.001}]
  orders: [{name: O, price: 0.3, count: 1, months: 2}]
costs:
  serving_per_active_user: 0.004
  fixed: [{name: F, monthly: 0}]
"""
TINY = """version: 1
name: Tiny
horizon_months: 1
acquisition:
  - {name: A, type: cpa, bid: 10, users: 1}
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: Item, price: 10, rate: 1}]
costs:
  serving_per_active_user: SERVING
"""
LABELS = {"en": {"peak_cash_need": "Peak cash need", "net_cash": "Net cash", "npv": "NPV"},
          "zh": {"peak_cash_need": "最大资金需求", "net_cash": "净现金流", "npv": "净现值（NPV）"}}
FALLING = {"en": "≥ 0.0040, still falling at month 1", "zh": "≥ 0.0040，第 1 月仍在下降"}


def _plan(tmp_path: Path, text: str, name: str = "plan.yaml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _run(*args: str, lang: str = "en", command: str = "run") -> str:
    result = invoke([command, *args, "--lang", lang], env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _terminal(text: str, name: str) -> str:
    """The value beside ``name`` in the figures panel."""
    line = next(line for line in text.splitlines() if line.startswith(f"│ {name} "))
    return line.strip("│ ")[len(name):].strip()


def _markdown(text: str, name: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(f"| {name} |")).split("|")[2].strip()


def _report(text: str, name: str) -> str:
    found = re.search(rf">{re.escape(name)}<sup>.*?</td><td class=\"n\">([^<]*)</td>", text)
    assert found, name
    return found.group(1).replace("&lt;", "<").replace("&gt;", ">")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_peak_cash_need_under_a_cent_reads_a_bound(tmp_path: Path, lang: str) -> None:
    plan = _plan(tmp_path, S6B)
    name = LABELS[lang]["peak_cash_need"]
    assert _terminal(_run(plan, lang=lang), name) == "<0.01"
    assert _markdown(_run(plan, "-f", "markdown", lang=lang), name) == "<0.01"
    assert _report(_run(plan, lang=lang, command="report"), name) == "<0.01"
    figures = json.loads(_run(plan, "-f", "json"))["figures"]
    assert figures["peak_cash_need"] == pytest.approx(0.004, abs=1e-12)
    rows = {row["figure"]: row["value"] for row in csv.DictReader(io.StringIO(_run(plan, "-f", "csv", "--table", "figures")))}
    assert float(rows["peak_cash_need"]) == pytest.approx(0.004, abs=1e-12)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_loss_under_a_cent_reads_a_bound_and_a_lower_bound_its_digits(tmp_path: Path, lang: str) -> None:
    plan = _plan(tmp_path, TINY.replace("SERVING", "0.004"))
    labels = LABELS[lang]
    for text, read in ((_run(plan, lang=lang), _terminal), (_run(plan, "-f", "markdown", lang=lang), _markdown),
                       (_run(plan, lang=lang, command="report"), _report)):
        assert read(text, labels["net_cash"]) == read(text, labels["npv"]) == ">-0.01"
        assert read(text, labels["peak_cash_need"]) == FALLING[lang]


def test_half_a_cent_rounds_to_a_cent(tmp_path: Path) -> None:
    plan = _plan(tmp_path, TINY.replace("SERVING", "0.005"))
    assert _terminal(_run(plan), "Net cash") == "-0.01"


def test_compare_reads_the_same(tmp_path: Path) -> None:
    first, second = _plan(tmp_path, TINY.replace("SERVING", "0.5"), "a.yaml"), _plan(tmp_path, S6B, "b.yaml")
    line = next(line for line in _run(first, second, command="compare").splitlines() if "Peak cash need" in line)
    assert "<0.01" in line and "0.00" not in line
