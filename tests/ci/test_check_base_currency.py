"""`check --base REF` across a change of the file's `currency:` (docs/formulas.md §10 and §13).

The plan is docs/formulas.md §11's worked example (tests/ci/test_change_targets.py): at price 30 npv is 30,750 and
payback comes in month 1; at price 20 npv is 13,250 (a drop of 17,500 = 56.91% of 30,750), roi falls from 153.75%
to 66.25% (-87.50 pp) and payback comes in month 2, one month later. Here the cheaper version is also written in
another currency: 30,750 CNY and 13,250 USD are no drop of 17,500 of anything, so ``max_npv_drop`` (a share or an
amount) is not applicable, while ``max_payback_delay`` (months) still holds: a delay of 1.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from cli_runner import invoke
from test_check_zh import commit_all
from test_validate_and_check import example, write

TARGETS = "max_npv_drop: 10%;max_payback_delay: 0"
"""Lines 11 and 12 of the file without a currency line, 12 and 13 with one."""



def in_currency(text: str, currency: str | None) -> str:
    """The plan with ``currency:`` written after its name (none: the default, CNY)."""
    if currency is None:
        return text
    name, rest = text.split("\n", 1)
    return f"{name}\ncurrency: {currency}\n{rest}"


def cut_in_another_currency(repo: Path, monkeypatch: pytest.MonkeyPatch, targets: str,
                            was: str | None = None, now: str | None = "USD") -> None:
    """The plan at price 30 in ``was`` committed, then at price 20 in ``now`` in the working tree."""
    write(repo, {"scenarios/plan.yaml": in_currency(example(price=30, targets=targets), was)})
    commit_all(repo, monkeypatch)
    write(repo, {"scenarios/plan.yaml": in_currency(example(price=20, targets=targets), now)})


@pytest.mark.parametrize("was, now, line", [(None, "USD", 12), ("USD", None, 11)])
def test_the_npv_drop_is_not_applicable_and_the_delay_still_holds(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, was: str | None, now: str | None, line: int) -> None:
    cut_in_another_currency(tmp_path, monkeypatch, TARGETS, was, now)
    shown = f"{was or 'CNY'} at HEAD, {now or 'CNY'} now"
    result = invoke(["check", "scenarios", "--base", "HEAD", "--format", "json"])
    assert result.exit_code == 1  # the delay of 1 month misses max_payback_delay: 0; the drop fails nothing
    assert result.stderr == "1 file, 0 invalid, 2 targets, 1 missed, 1 not applicable\n"
    targets = {t["name"]: t for t in json.loads(result.stdout)["scenarios"][0]["targets"]}
    assert {key: value for key, value in targets["max_npv_drop"].items() if key in (
        "name", "figure", "actual", "limit", "passed", "applicable", "not_applicable_reason", "line")} == {
        "name": "max_npv_drop", "figure": "npv_drop_share", "actual": None, "limit": 0.1, "passed": None,
        "applicable": False, "not_applicable_reason": f"n/a (currency changed: {shown})", "line": line}
    assert (targets["max_payback_delay"]["actual"], targets["max_payback_delay"]["passed"]) == (1, False)
    assert targets["max_payback_delay"]["not_applicable_reason"] is None
    text = invoke(["check", "scenarios", "--base", "HEAD"]).stdout.splitlines()
    assert (f"{Path('scenarios/plan.yaml')}:{line}:17: Spec example: targets.max_npv_drop not applicable: the "
            f"currency changed ({shown}), and an amount in one is not compared with an amount in the other") in text
    github = invoke(["check", "scenarios", "--base", "HEAD", "--format", "github"]).stdout
    assert f"::notice file=scenarios/plan.yaml,line={line},col=17,title=aigc-roi check%3A max_npv_drop::" in github
    table = invoke(["check", "scenarios", "--base", "HEAD", "--format", "markdown"]).stdout
    assert f"| scenarios/plan.yaml | max_npv_drop | — | <= 10.00% | n/a (currency changed: {shown}) |" in table
    assert "| scenarios/plan.yaml | max_payback_delay | 1 | <= 0 | fail (new) |" in table


def test_an_amount_limit_is_not_applicable_either_and_fails_nothing(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # In one currency the drop of 17,500 would miss 1万; across two it is no amount, and the delay of 1 meets 1.
    cut_in_another_currency(tmp_path, monkeypatch, "max_npv_drop: 1万;max_payback_delay: 1")
    result = invoke(["check", "scenarios", "--base", "HEAD", "--format", "markdown", "--lang", "zh"])
    assert result.exit_code == 0
    assert ("| scenarios/plan.yaml | max_npv_drop 净现值降幅上限 | — | <= 1.00万 | "
            "不适用（币种已变：HEAD 为 CNY，现为 USD） |") in result.stdout
    assert result.stdout.endswith("1 个文件，0 个无效，2 个目标，0 个未达成，1 个不适用\n")


def test_money_figures_are_neither_subtracted_nor_split(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cut_in_another_currency(tmp_path, monkeypatch, TARGETS)
    out = invoke(["check", "scenarios", "--base", "HEAD", "--format", "markdown"]).stdout
    assert ("### scenarios/plan.yaml (Spec example): modified; currency changed: CNY at HEAD, USD now, "
            "so no amount's change is shown") in out
    assert "| npv | 30,750.00 | 13,250.00 | — |" in out
    assert "| roi | 153.75% | 66.25% | -87.50 pp |" in out
    explained = out.split("### What moved each figure: scenarios/plan.yaml (Spec example)", 1)[1]
    # roi and the payback month are no amounts: the price carries their whole change, the currency none of it.
    assert "| monetization.purchases[Item].price | 30 | 20 | -87.50 pp |" in explained
    assert "| monetization.purchases[Item].price | 30 | 20 | +1.0 |" in explained
    assert "| currency | CNY | USD | 0 |" in explained
    assert "NPV" not in explained and "Peak cash need" not in explained
    assert "Money figures are not split: the currency changed (CNY at HEAD, USD now).\n" in explained
    zh = invoke(["check", "scenarios", "--base", "HEAD", "--format", "markdown", "--lang", "zh"]).stdout
    assert "金额类指标不作分摊：币种已变（HEAD 为 CNY，现为 USD）。\n" in zh
    [change] = json.loads(invoke(["check", "scenarios", "--base", "HEAD", "--format", "json"]).stdout)["baseline"]["changes"]
    assert change["figures"]["npv"] == {"before": pytest.approx(30_750), "after": pytest.approx(13_250), "change": None}
    assert change["figures"]["roi"]["change"] == pytest.approx(-0.875)


NOT_COMPARED = {
    "en": "; no input is named: the currency changed (CNY at HEAD, USD now), and an amount in one is not compared "
          "with an amount in the other",
    "zh": "；不指明改动处：币种已变（HEAD 为 CNY，现为 USD），两种币种的金额不作比较",
}
PRICE = {"en": "; changed here: monetization.purchases[0].price 30 -> 20",
         "zh": "；改动处：monetization.purchases[0].price 30 -> 20"}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_new_miss_of_an_amount_is_pinned_on_no_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       lang: str) -> None:
    """npv 30,750 CNY met min_npv 2万; 13,250 USD misses it, and no input moved 30,750 CNY to 13,250 USD: not the
    price, not the `currency:` line. roi (153.75% -> 66.25%, below 100%) is no amount: its miss is the price's.
    Month 1's gross revenue, 1,000 purchases x 30 = 30,000 CNY, met 2.5万; 20,000 USD is an amount too."""
    cut_in_another_currency(tmp_path, monkeypatch, "min_npv: 2万;min_roi: 1;milestones: [{month: 1, gross_revenue: 2.5万}]")
    result = invoke(["check", "scenarios", "--base", "HEAD", "--lang", lang])
    assert result.exit_code == 1
    # Keyed by the target, found by its form: the scenario's name ends in ": " in English and "：" in Chinese.
    lines = {re.findall(r"targets\.\w+|\w+@\d+", line)[0]: line for line in result.stdout.splitlines()
             if line.startswith(f"{Path('scenarios/plan.yaml')}:")}
    where = f"{Path('scenarios/plan.yaml')}:"
    # Each amount at its own target (lines 12 and 14, the file now having a currency line), the roi at the price.
    assert lines["targets.min_npv"].startswith(f"{where}12:12: ")
    assert lines["targets.min_npv"].endswith(NOT_COMPARED[lang])
    milestone = next(line for key, line in lines.items() if "gross_revenue@1" in line)
    assert milestone.startswith(f"{where}14:") and milestone.endswith(NOT_COMPARED[lang])
    assert lines["targets.min_roi"].startswith(f"{where}9:27: ")
    assert lines["targets.min_roi"].endswith(PRICE[lang])
    github = invoke(["check", "scenarios", "--base", "HEAD", "--format", "github"]).stdout
    assert ("::error file=scenarios/plan.yaml,line=12,col=12,title=aigc-roi check%3A min_npv::Spec example: "
            "targets.min_npv missed: npv is 13,250.00, must be >= 20,000.00 (new since HEAD)"
            + NOT_COMPARED["en"] + "\n") in github


def test_a_miss_that_cannot_be_split_never_points_at_the_currency(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A count milestone is split over no input: it points at the first input the change touched that moves a
    figure, the users bought (1,000 -> 900, below 1,000 active in month 1), not the `currency:` line above them,
    which converts no amount."""
    was = example(price=30, targets="milestones: [{month: 1, active_users: 1000}]")
    write(tmp_path, {"scenarios/plan.yaml": was})
    commit_all(tmp_path, monkeypatch)
    write(tmp_path, {"scenarios/plan.yaml": in_currency(was.replace("bid: 20, users: 1000", "bid: 20, users: 900"), "USD")})
    result = invoke(["check", "scenarios", "--base", "HEAD"])
    assert result.exit_code == 1
    [line] = [line for line in result.stdout.splitlines() if "active_users@1" in line]
    assert line.startswith(f"{Path('scenarios/plan.yaml')}:5:44: ")
    assert line.endswith("(new since HEAD); changed here: acquisition[0].users 1000 -> 900")


def test_a_miss_no_input_moved_the_wrong_way_does_not_point_at_the_currency(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """roi rises from 153.75% to (40 x 1,750 - 1,750 - 20,000) / 20,000 = 241.25%, but min_roi rose from 1 to 3:
    no input moved roi down, neither the price nor `currency:`, whose share of every move is 0, so the miss points at
    the target's own line (12, the file now having a currency line)."""
    write(tmp_path, {"scenarios/plan.yaml": example(price=30, targets="min_roi: 1")})
    commit_all(tmp_path, monkeypatch)
    write(tmp_path, {"scenarios/plan.yaml": in_currency(example(price=40, targets="min_roi: 3"), "USD")})
    result = invoke(["check", "scenarios", "--base", "HEAD"])
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{Path('scenarios/plan.yaml')}:12:12: Spec example: targets.min_roi missed: roi "
                                    "is 241.25%, must be >= 300.00% (new since HEAD)\n")
