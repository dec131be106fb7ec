"""`allocate`'s sentences about one unit of money ("the next 1 USD", 再投 1 美元) name the plan's currency: money is
in the scenario's ``currency``, shown and never converted (docs/formulas.md §8), and a USD plan's captions, curve
header, notes and warnings once all said yuan (元), whatever the plan was counted in.

LINEAR runs one month, churn 1, one purchase of 100 per user: Cheap buys a user for 20 and Dear for 200 at every
budget, so Dear's first unit of money returns 100 / 200 = 0.50 in revenue and the net cash objective gives it
nothing; no channel returns more than 100 / 20 = 5, so a target ROAS of 6 leaves every budget at 0.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from cli_runner import invoke
from test_allocate_filled import PLAN as FILLED

USD_PLAN = """\
version: 1
name: USD plan
currency: USD
horizon_months: 3
acquisition:
  - {name: A, type: cpa, bid: 10, budget: 1000, saturation_budget: 2000}
  - {name: B, type: cpa, bid: 12, budget: 1000}
retention: {monthly_churn: 0.5}
monetization:
  purchases:
    - {name: P, price: 10, rate: 1}
"""

LINEAR = """\
name: Linear
currency: {currency}
horizon_months: 1
retention: {{monthly_churn: 1}}
monetization:
  purchases: [{{name: item, price: 100, rate: 1}}]
acquisition:
  - {{name: Cheap, type: cpa, bid: 20, budget: 30_000}}
  - {{name: Dear, type: cpa, bid: 200, budget: 70_000}}
"""


def _plan(tmp_path: Path, text: str) -> str:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def _out(*args: str) -> str:
    result = invoke(["allocate", *args], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _yuan(text: str) -> list[str]:
    """Where ``text`` calls money yuan: the word, or 元 outside another currency's name (美元, 欧元)."""
    return re.findall(r"(?i)yuan|元", re.sub("美元|欧元|日元|港元", "", text))


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("form", ["table", "markdown", "json"])
def test_a_usd_plan_is_never_said_in_yuan(tmp_path: Path, lang: str, form: str) -> None:
    text = _out(_plan(tmp_path, USD_PLAN), "--budget", "3000", "--lang", lang, "--format", form)
    assert _yuan(text) == []
    if form != "json":  # JSON's sentences are its warnings', and this plan's one names no unit of money
        words = " ".join(text.split())
        # Still rising to the curve's end, 2 x B: the note says so; the curve's slope column is per 1 USD.
        assert ("up to there the next 1 USD keeps paying" if lang == "en" else "在此之前多投的 1 美元仍有回报") in words
        assert ("Per extra 1 USD of B" if lang == "en" else "B 每多 1 美元") in words
    if form == "table":
        assert ("marginal (marg.) ones only the next 1 USD" if lang == "en" else "边际值只按下 1 美元计算") in words


@pytest.mark.parametrize(("currency", "lang", "sentence"), [
    ("USD", "en", "Dear gets nothing at the best split: its first 1 USD returns 0.50 USD in revenue, less than the 1 USD "
                  "itself."),
    ("USD", "zh", "Dear 在最优分配中没有预算：它的第 1 美元只带来 0.50 美元收入，不到这 1 美元本身。"),
    # A currency Chinese has no common name for is called by its code, spaced from the Chinese beside it.
    ("SGD", "zh", "Dear 在最优分配中没有预算：它的第 1 SGD 只带来 0.50 SGD 收入，不到这 1 SGD 本身。"),
    # A plan in yuan still reads in 元.
    ("CNY", "zh", "Dear 在最优分配中没有预算：它的第 1 元只带来 0.50 元收入，不到这 1 元本身。"),
    ("EUR", "zh", "Dear 在最优分配中没有预算：它的第 1 欧元只带来 0.50 欧元收入，不到这 1 欧元本身。"),
])
def test_the_warning_prices_the_first_unit_in_the_plan_s_currency(tmp_path: Path, currency: str, lang: str,
                                                                   sentence: str) -> None:
    path = _plan(tmp_path, LINEAR.format(currency=currency))
    text = _out(path, "--budget", "1e5", "--objective", "net_cash", "--lang", lang)
    assert [line for line in text.splitlines() if line.startswith("! Dear")] == [f"! {sentence}"]
    slope = {"en": f"Per extra 1 {currency} of B", "zh": {"USD": "B 每多 1 美元", "SGD": "B 每多 1 SGD",
                                                          "CNY": "B 每多 1 元", "EUR": "B 每多 1 欧元"}[currency]}[lang]
    assert slope in text
    assert (_yuan(text) == []) is (currency != "CNY")


def test_json_warnings_name_the_plan_s_currency(tmp_path: Path) -> None:
    path = _plan(tmp_path, LINEAR.format(currency="USD"))
    data = json.loads(_out(path, "--budget", "1e5", "--objective", "net_cash", "--format", "json", "--lang", "zh"))
    assert {"code": "on_minimum", "channel": "Dear",
            "message": "Dear gets nothing at the best split: its first 1 USD returns 0.50 USD in revenue, less than the "
                       "1 USD itself."} in data["warnings"]
    assert data["currency"] == "USD"


@pytest.mark.parametrize(("lang", "message"), [
    ("en", "no channel's first 1 USD returns a ROAS of 6: every budget would be 0"),
    ("zh", "没有哪个渠道的第 1 美元能达到 ROAS 6：每个渠道的预算都会是 0"),
])
def test_a_target_no_channel_reaches_is_refused_in_the_plan_s_currency(tmp_path: Path, lang: str, message: str) -> None:
    result = invoke(["allocate", _plan(tmp_path, LINEAR.format(currency="USD")), "--target-roas", "6", "--lang", lang])
    assert result.exit_code == 2
    assert message in result.stderr and _yuan(result.stderr) == []


@pytest.mark.parametrize(("lang", "sentences"), [
    ("en", ["A gets nothing at the filled split: its first 1 USD returns 10.00 USD in revenue, less than the target "
            "12.00.",
            "B sits on its maximum (300): its next 1 USD there still returns more than the target ROAS.",
            "until its next 1 USD returns 12.00 USD in revenue (its marginal ROAS)"]),
    ("zh", ["A 在投满分配中没有预算：它的第 1 美元只带来 10.00 美元收入，低于目标 12.00。",
            "B 位于上限（300）：在此处再投 1 美元的收入仍高于目标 ROAS。",
            "直到其下 1 美元只带来 12.00 美元收入（边际 ROAS）"]),
])
def test_a_fill_s_sentences_name_the_plan_s_currency(tmp_path: Path, lang: str, sentences: list[str]) -> None:
    """test_allocate_filled.py's plan in USD: at a target of 12, A's first unit returns 10 x (h / h)^2 = 10, and B,
    held at a --max of 300 below its fill, still returns 22.5 (1,000 / 1,300)^2 = 13.31 there."""
    text = _out(_plan(tmp_path, "currency: USD\n" + FILLED), "--target-roas", "12", "--max", "B=300", "--lang", lang)
    words = " ".join(text.split())
    for sentence in sentences:
        assert sentence in words
    assert _yuan(text) == []
