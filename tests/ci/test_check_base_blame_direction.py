"""`check --base`: a newly missed target points at a changed input only where that input moved its figure the wrong way.

The plan is docs/formulas.md §11's worked example (tests/ci/test_validate_and_check.py): one CPA channel buying
1,000 users at ``bid`` 20 (cac = bid = 20, spend 20,000) who stay 1,000 + 500 + 250 = 1,750 user-months, each
buying the item at ``price`` and costing 1 to serve. Its roi is (1,750 x price - 1,750 - spend) / spend: 1.5375 at
price 30, 2.4125 at price 40, 1.03 at price 30 and bid 25, 1.73 at price 40 and bid 25. From (30, 20) to (40, 25)
the price's Shapley share of roi is ((2.4125 - 1.5375) + (1.73 - 1.03)) / 2 = +0.7875, the bid's
((1.03 - 1.5375) + (1.73 - 2.4125)) / 2 = -0.595. The price moves no cac (a share of exactly 0).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke
from test_check_zh import commit_all
from test_validate_and_check import example, write

TARGET_LINE = 11
"""The line of the one target: the example's nine lines, then ``targets:``."""


def plan(price: float = 30, bid: float = 20, target: str = "max_cac: 25") -> str:
    return example(price=price, targets=target).replace("bid: 20", f"bid: {bid}")


def _checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, base: str, new: str, lang: str = "en") -> tuple[str, dict]:
    write(tmp_path, {"scenarios/plan.yaml": base})
    commit_all(tmp_path, monkeypatch)
    write(tmp_path, {"scenarios/plan.yaml": new})
    github = invoke(["check", "scenarios/plan.yaml", "--base", "HEAD", "--format", "github", "--lang", lang])
    as_json = invoke(["check", "scenarios/plan.yaml", "--base", "HEAD", "--format", "json", "--lang", lang])
    assert github.exit_code == as_json.exit_code == 1
    error = next(line for line in github.stdout.splitlines() if line.startswith("::error"))
    target = next(t for t in json.loads(as_json.stdout)["scenarios"][0]["targets"] if not t["passed"])
    return error, target


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("new", "why"), [
    (plan(bid=18, target="max_cac: 15"), "cac 20 -> 18: the bid moved it down, the right way"),
    (plan(price=40, target="max_cac: 15"), "cac stays 20: the price moved it by exactly 0"),
    (plan(price=40, bid=18, target="max_cac: 15"), "cac 20 -> 18: shares -2 and 0, neither the wrong way"),
    (plan(price=40, target="min_roi: 2.5"), "roi 1.5375 -> 2.4125: the price moved it up, the right way"),
])
def test_a_miss_no_change_moved_the_wrong_way_points_at_the_target(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, new: str, why: str, lang: str) -> None:
    base = plan(target="min_roi: 1.5") if "min_roi" in new else plan()
    error, target = _checked(tmp_path, monkeypatch, base, new, lang)
    assert f"file=scenarios/plan.yaml,line={TARGET_LINE},col=" in error, why
    assert "changed here" not in error and "改动处" not in error, why
    assert (target["line"], target["changed_here"], target["new_since_base"]) == (TARGET_LINE, None, True), why


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_min_target_points_at_the_change_that_moved_it_down(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    # roi 1.5375 -> 1.73 < 2.5: the bid (-0.595) is blamed, though the price (+0.7875) moved roi further.
    error, target = _checked(tmp_path, monkeypatch, plan(target="min_roi: 1.5"),
                             plan(price=40, bid=25, target="min_roi: 2.5"), lang)
    assert error.startswith("::error file=scenarios/plan.yaml,line=4,")
    changed = "; changed here: acquisition[0].bid 20 -> 25" if lang == "en" else "；改动处：acquisition[0].bid 20 -> 25"
    assert error.endswith(changed)
    assert target["changed_here"]["path"] == "acquisition[0].bid"
