"""``bid: 5%`` is a bid of 0.05: valid (the number grammar takes % on any number), but a % divides an amount of money
or a count by 100, which no one writing one means. The warning at the number says what it reads as and the number
without its sign, in the file and in a ``--set`` alike; a share or a ratio written in percent draws none. An option
taking an amount (``--budget 5%``) has no file to warn in and is refused (docs/formulas.md §12)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.ci.rules import warning_rule_of
from aigc_roi.model.errors import ScenarioError
from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.load import load_text
from aigc_roi.reader.overrides import parse_override

HEAD = "name: P\nhorizon_months: 12\nretention: {monthly_churn: 0.5}\n"
CPA = "acquisition:\n  - {name: A, type: cpa, bid: 20, users: 100}\n"
AMOUNT = "a % on an amount divides it by 100"
COUNT = "a % on a count divides it by 100"


def _warnings(text: str, *sets: str) -> list[tuple[str, int, int, str, str]]:
    return [(warning.file, warning.line, warning.column, warning.path, warning.message)
            for warning in load_text(text, "s.yaml", tuple(parse_override(item) for item in sets)).warnings]


def _at(text: str) -> tuple[int, int]:
    """Line and column of the one ``5%`` in ``text``."""
    before = text[:text.index("5%")]
    return before.count("\n") + 1, len(before) - before.rfind("\n")


# Every field in money or a count (the README's format reference), each written 5% once: 0.05 read, 5 meant.
FIELDS = [
    ("acquisition:\n  - {name: A, type: cpa, bid: 5%, users: 100}\n", "acquisition[0].bid", AMOUNT),
    ("acquisition:\n  - {name: A, type: cpa, bid: 20, users: 5%}\n", "acquisition[0].users", COUNT),
    ("acquisition:\n  - {name: A, type: cpa, bid: 20, budget: 5%}\n", "acquisition[0].budget", AMOUNT),
    ("acquisition:\n  - {name: A, type: cpa, bid: 20, budget: 900, saturation_budget: 5%}\n",
     "acquisition[0].saturation_budget", AMOUNT),
    ("acquisition:\n  - {name: A, type: cpm, cpm: 5%, ctr: 1%, cvr: 10%, impressions: 1000}\n", "acquisition[0].cpm", AMOUNT),
    ("acquisition:\n  - {name: A, type: cpm, cpm: 30, ctr: 1%, cvr: 10%, impressions: 5%}\n",
     "acquisition[0].impressions", COUNT),
    ("acquisition:\n  - {name: A, type: flat, cost: 5%, users: 100}\n", "acquisition[0].cost", AMOUNT),
    ("acquisition:\n  - {name: A, type: flat, cost: 900, users: 5%}\n", "acquisition[0].users", COUNT),
    ("acquisition:\n  - {name: A, type: kol, posts: 5%, fee: 900, views: 1000, view_to_user: 1%}\n",
     "acquisition[0].posts", COUNT),
    ("acquisition:\n  - {name: A, type: kol, posts: 2, fee: 5%, views: 1000, view_to_user: 1%}\n", "acquisition[0].fee", AMOUNT),
    ("acquisition:\n  - {name: A, type: kol, posts: 2, fee: 900, views: 5%, view_to_user: 1%}\n",
     "acquisition[0].views", COUNT),
    ("organic_users: 5%\n", "organic_users", COUNT),
    ("referral_reward: 5%\n", "referral_reward", AMOUNT),
    ("monetization:\n  plans: [{name: M, price: 5%, period: month, conversion: 3%}]\n", "monetization.plans[0].price", AMOUNT),
    ("monetization:\n  purchases: [{name: T, price: 5%, rate: 1}]\n", "monetization.purchases[0].price", AMOUNT),
    ("monetization:\n  purchases: [{name: T, price: 9, rate: 1, unit_cost: 5%}]\n", "monetization.purchases[0].unit_cost",
     AMOUNT),
    ("monetization:\n  orders: [{name: O, price: 5%, count: 1}]\n", "monetization.orders[0].price", AMOUNT),
    ("monetization:\n  orders: [{name: O, price: 9, count: 5%}]\n", "monetization.orders[0].count", COUNT),
    ("monetization:\n  orders: [{name: O, price: 9, count: 1, unit_cost: 5%}]\n", "monetization.orders[0].unit_cost", AMOUNT),
    ("costs:\n  serving_per_active_user: 5%\n", "costs.serving_per_active_user", AMOUNT),
    ("costs:\n  serving_per_subscriber: 5%\n", "costs.serving_per_subscriber", AMOUNT),
    ("costs:\n  fixed: [{name: F, monthly: 5%}]\n", "costs.fixed[0].monthly", AMOUNT),
    (CPA + "targets:\n  max_cac: 5%\n", "targets.max_cac", AMOUNT),
    ("targets:\n  min_npv: 5%\n", "targets.min_npv", AMOUNT),
    ("targets:\n  max_cash_need: 5%\n", "targets.max_cash_need", AMOUNT),
    *[(f"targets:\n  milestones: [{{month: 6, {key}: 5%}}]\n", f"targets.milestones[0].{key}", unit)
      for key, unit in [("subscribers", COUNT), ("gross_revenue", AMOUNT), ("new_users", COUNT), ("active_users", COUNT),
                        ("cumulative_cash", AMOUNT)]],
    (CPA + "gates:\n  - {name: G, after_month: 2, channels: [A], max_cac: 5%}\n", "gates[0].max_cac", AMOUNT),
]


@pytest.mark.parametrize(("text", "path", "said"), FIELDS, ids=[path for _, path, _ in FIELDS])
def test_a_percent_on_an_amount_or_a_count_is_valid_and_warned_of_at_its_number(text: str, path: str, said: str) -> None:
    line, column = _at(HEAD + text)
    assert _warnings(HEAD + text) == [("s.yaml", line, column, path, f"5% reads as 0.05: {said}; did you mean 5?")]


@pytest.mark.parametrize("text", [
    # Shares and ratios are written in percent: conversion, ctr, cvr, fees, churn, virality, a discount rate, targets.
    "acquisition:\n  - {name: A, type: cpm, cpm: 30, ctr: 1%, cvr: 10%, impressions: 1000}\n",
    "acquisition:\n  - {name: A, type: kol, posts: 2, fee: 900, views: 1000, view_to_user: 1%, views_decay: 20%}\n",
    "monetization:\n  revenue_fee: 30%\n  plans: [{name: M, price: 30, period: month, conversion: 3%, renewal: 60%, fee: 15%}]\n",
    # 5% of the active users buying once a month is what a purchase's rate written in percent says.
    "monetization:\n  purchases: [{name: T, price: 9, rate: 5%}]\n",
    "virality: 10%\ndiscount_rate: 10%\n",
    CPA + "targets: {min_roi: 20%, min_roas: 150%, max_npv_drop: 10%, min_payback_probability: 80%}\n",
    CPA + "gates:\n  - {name: G, after_month: 2, channels: [A], min_roas: 150%}\n",
    # 0% is 0 whichever way it was meant.
    "organic_users: 0%\n",
])
def test_a_share_or_a_ratio_in_percent_draws_none(text: str) -> None:
    assert _warnings(HEAD + text) == []


def test_a_range_and_a_schedule_are_warned_of_at_each_number_in_percent() -> None:
    text = HEAD + ("acquisition:\n  - {name: A, type: cpa, bid: 5%..10%, users: {low: 0.5%, high: 75}}\n"
                   "costs:\n  serving_per_active_user: {by_month: {1: 2%, 6: 1}}\n")
    assert _warnings(text) == [
        # 5 / 100 = 0.05, 10 / 100 = 0.1; 0.5 / 100 = 0.005; 2 / 100 = 0.02.
        ("s.yaml", 5, 31, "acquisition[0].bid", f"5%..10% reads as 0.05..0.1: {AMOUNT}; did you mean 5..10?"),
        ("s.yaml", 5, 53, "acquisition[0].users.low", f"0.5% reads as 0.005: {COUNT}; did you mean 0.5?"),
        ("s.yaml", 7, 43, "costs.serving_per_active_user.by_month.1", f"2% reads as 0.02: {AMOUNT}; did you mean 2?"),
    ]


def test_a_number_too_large_without_its_sign_gets_no_reading() -> None:
    # 1e16 / 100 = 1e14 is a valid bid; 1e16 is over the 1e15 any number may be.
    assert _warnings(HEAD + "acquisition:\n  - {name: A, type: cpa, bid: 1e16%, users: 100}\n")[0][-1] == (
        f"1e16% reads as 100000000000000: {AMOUNT}")


def test_a_percent_set_on_an_amount_is_warned_of_in_its_option() -> None:
    assert _warnings(HEAD + CPA, "A.bid=5%", "targets.max_cac=20%") == [
        ("--set A.bid=5%", 1, 1, "acquisition[0].bid", f"5% reads as 0.05: {AMOUNT}; did you mean 5?"),
        ("--set targets.max_cac=20%", 1, 1, "targets.max_cac", f"20% reads as 0.2: {AMOUNT}; did you mean 20?"),
    ]


@pytest.mark.parametrize(("message", "zh"), [
    (f"5% reads as 0.05: {AMOUNT}; did you mean 5?", "5% 读作 0.05：在金额上写 % 会把它除以 100；是否想写 5？"),
    (f"5%..10% reads as 0.05..0.1: {COUNT}; did you mean 5..10?",
     "5%..10% 读作 0.05..0.1：在数量上写 % 会把它除以 100；是否想写 5..10？"),
    (f"1e16% reads as 100000000000000: {AMOUNT}", "1e16% 读作 100000000000000：在金额上写 % 会把它除以 100"),
])
def test_the_warning_has_its_rule_and_says_the_same_in_chinese(message: str, zh: str) -> None:
    assert warning_rule_of(ScenarioError("s.yaml", 1, 1, "acquisition[0].bid", message)) == "percent-on-amount"
    assert translate(message) == zh


def test_validate_puts_it_in_json_and_github_with_its_rule(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(HEAD + "acquisition:\n  - {name: A, type: cpa, bid: 5%, users: 100}\n", encoding="utf-8")
    github = invoke(["validate", str(path), "--format", "github"])
    assert github.exit_code == 0
    assert (f"::warning file={path},line=5,endLine=5,col=31,endColumn=32,title=aigc-roi%3A percent-on-amount::"
            f"acquisition[0].bid: 5%25 reads as 0.05: a %25 on an amount divides it by 100; did you mean 5?\n") in github.stdout
    assert '"rule": "percent-on-amount"' in invoke(["validate", str(path), "--format", "json"]).stdout
    zh = invoke(["run", str(path), "--lang", "zh"])
    assert f"{path}:5:31: acquisition[0].bid: 5% 读作 0.05：在金额上写 % 会把它除以 100；是否想写 5？\n" in zh.stderr


PLAN = str(Path(__file__).parents[2] / "scenarios" / "chat-assistant-cpa.yaml")
CHANNEL = "Douyin activation CPA"


@pytest.mark.parametrize(("args", "line"), [
    (["allocate", PLAN, "--budget", "5%"], "aigc-roi: --budget: expected a positive amount, found '5%'"),
    (["allocate", PLAN, "--total", "5%"], "aigc-roi: --total: expected a positive amount, found '5%'"),
    (["allocate", PLAN, "--reach", "subscribers@6=5%"], "aigc-roi: --reach: expected an amount >= 0, found '5%'"),
    (["allocate", PLAN, "--budget", "9000", "--min", f"{CHANNEL}=5%"],
     f"aigc-roi: --min {CHANNEL}: expected an amount >= 0, found '5%'"),
    (["allocate", PLAN, "--budget", "9000", "--max", f"{CHANNEL}=5％"],
     f"aigc-roi: --max {CHANNEL}: expected an amount >= 0, found '5％'"),
    (["allocate", PLAN, "--budget", "9000", "--max-cash-need", "5%"],
     "aigc-roi: --max-cash-need: expected an amount >= 0, found '5%'"),
    (["report", PLAN, "--allocate", "5%"], "aigc-roi: --allocate: expected a positive amount, found '5%'"),
], ids=["budget", "total", "reach", "min", "max", "max-cash-need", "report-allocate"])
def test_an_option_taking_an_amount_refuses_a_percent_in_one_line(args: list[str], line: str) -> None:
    result = invoke(args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"{line}; a percentage is no amount or count\n"
    chinese = invoke([*args, "--lang", "zh"]).stderr
    assert chinese.endswith("；百分比不是金额或数量\n") and chinese.count("\n") == 1
