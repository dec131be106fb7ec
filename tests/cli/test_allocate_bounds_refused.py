"""`allocate --min/--max` refusals name every problem: each phase whose bounds cannot spend the budget, each channel
whose minimum exceeds its maximum (QA: only the first was named, and fixing it was refused for the next), and a
channel bounded twice by one option with different amounts (QA: `--min 抖音=100 --min 抖音=200` kept 200 unsaid)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi import api
from aigc_roi.present.messages_zh import translate

# A runs in months 1-3 and 7, B in months 4-6: three phases, months 1-3 (A), 4-6 (B) and 7 (A).
PLAN = """\
name: Split phase
horizon_months: 7
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: item, price: 10, rate: 1}]
acquisition:
  - {name: A, type: cpa, bid: 10, budget: 1_000, saturation_budget: 5_000, months: [1, 2, 3, 7]}
  - {name: B, type: cpa, bid: 10, budget: 1_000, saturation_budget: 5_000, months: 4-6}
"""


def _plan(tmp_path: Path) -> str:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return str(path)


def _refused(tmp_path: Path, *args: str) -> list[str]:
    result = invoke(["allocate", _plan(tmp_path), "--budget", "1000", *args])
    assert (result.exit_code, result.stdout) == (2, "")
    return result.stderr.splitlines()


@pytest.mark.parametrize(("args", "en", "zh"), [
    # Each phase's minimums against B = 1,000: A's 5,000 in 1-3 and 7, B's 3,000 in 4-6.
    (["--min", "A=5000", "--min", "B=3000"],
     ["the minimums add up to 5,000 in months 1-3, more than the budget 1,000",
      "the minimums add up to 3,000 in months 4-6, more than the budget 1,000",
      "the minimums add up to 5,000 in month 7, more than the budget 1,000"],
     ["第 1-3 月的下限合计 5,000，超过预算 1,000", "第 4-6 月的下限合计 3,000，超过预算 1,000",
      "第 7 月的下限合计 5,000，超过预算 1,000"]),
    # A alone runs in 1-3 and 7, at most 200 of B = 1,000; B, unbounded, can take 4-6's.
    (["--max", "A=200"],
     ["the maximums add up to 200 in months 1-3, less than the budget 1,000",
      "the maximums add up to 200 in month 7, less than the budget 1,000"],
     ["第 1-3 月的上限合计 200，低于预算 1,000", "第 7 月的上限合计 200，低于预算 1,000"]),
    # Crossed bounds are the channels' to fix: named alone, each once, not again by every phase's sums.
    (["--min", "A=5", "--max", "A=4", "--min", "B=7000", "--max", "B=6000"],
     ["the minimum of 'A' (5) exceeds its maximum (4)", "the minimum of 'B' (7,000) exceeds its maximum (6,000)"],
     ["'A' 的下限（5）超过其上限（4）", "'B' 的下限（7,000）超过其上限（6,000）"]),
])
def test_every_phase_or_channel_that_breaks_the_bounds_is_a_line(tmp_path: Path, args: list[str], en: list[str],
                                                                 zh: list[str]) -> None:
    assert _refused(tmp_path, *args) == [f"aigc-roi: {line}" for line in en]
    assert _refused(tmp_path, *args, "--lang", "zh") == [f"aigc-roi: {line}" for line in zh]


def test_the_library_refuses_with_every_problem(tmp_path: Path) -> None:
    with pytest.raises(api.AllocationError) as refused:
        api.allocate(api.load(_plan(tmp_path)), 1_000, minimums={"A": 5_000, "B": 3_000})
    assert refused.value.problems == ("the minimums add up to 5,000 in months 1-3, more than the budget 1,000",
                                      "the minimums add up to 3,000 in months 4-6, more than the budget 1,000",
                                      "the minimums add up to 5,000 in month 7, more than the budget 1,000")
    assert str(refused.value) == "\n".join(refused.value.problems)


@pytest.mark.parametrize(("args", "en", "zh"), [
    (["--min", "A=100", "--min", "A=200"],
     "--min 'A=100' and --min 'A=200' name one channel, 'A', with different amounts: give one",
     "--min 'A=100' 与 --min 'A=200' 指同一个渠道 'A'，金额却不同：请只给一个"),
    # A channel by its name and by its path, or by its name in brackets, as --set reads it, is one channel.
    (["--max", "A=300", "--max", "acquisition[0]=400"],
     "--max 'A=300' and --max 'acquisition[0]=400' name one channel, 'A', with different amounts: give one",
     "--max 'A=300' 与 --max 'acquisition[0]=400' 指同一个渠道 'A'，金额却不同：请只给一个"),
    (["--min", "B=1", "--min", "acquisition[B]=2"],
     "--min 'B=1' and --min 'acquisition[B]=2' name one channel, 'B', with different amounts: give one",
     "--min 'B=1' 与 --min 'acquisition[B]=2' 指同一个渠道 'B'，金额却不同：请只给一个"),
])
def test_one_channel_bounded_twice_is_refused_naming_both(tmp_path: Path, args: list[str], en: str, zh: str) -> None:
    assert _refused(tmp_path, *args) == [f"aigc-roi: {en}"]
    assert _refused(tmp_path, *args, "--lang", "zh") == [f"aigc-roi: {zh}"]


def test_the_same_amount_twice_is_one_bound(tmp_path: Path) -> None:
    result = invoke(["allocate", _plan(tmp_path), "--budget", "1000", "--min", "A=100", "--min", "acquisition[0]=100",
                     "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert {channel["name"]: channel["minimum"] for channel in json.loads(result.stdout)["channels"]} == {"A": 100, "B": 0}


def test_the_library_refuses_one_channel_bounded_twice(tmp_path: Path) -> None:
    with pytest.raises(api.AllocationError) as refused:
        api.allocate(api.load(_plan(tmp_path)), 1_000, maximums={"A": 300, "acquisition[0]": 400})
    message = "maximums: 'A' and 'acquisition[0]' name one channel, 'A', with different amounts (300 and 400)"
    assert str(refused.value) == message
    assert translate(message) == "maximums：'A' 与 'acquisition[0]' 指同一个渠道 'A'，金额却不同（300 与 400）"
