"""Amounts typed on the command line (allocate --budget/--min/--max, sensitivity --step) with the slips a
Chinese user makes first: the message in Chinese under --lang zh, with the same hint as in a file, and exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

STARTER = str(Path(__file__).resolve().parents[2] / "aigc_roi" / "templates" / "starter.yaml")


@pytest.mark.parametrize(("budget", "hint"), [
    ("600w", "'w' 不是数字后缀：请写 600万"),
    # 20万 a day over a month of 30.4375 days: 608.75万.
    ("20万/天", "20万/天 折合每月 608.75万"),
    ("30元", "请写 30，去掉 '元'"),
    ("¥30", "请写 30，去掉 '¥'"),
])
def test_budget_slip_in_chinese(budget: str, hint: str) -> None:
    result = invoke(["allocate", STARTER, "--budget", budget, "--lang", "zh"])
    assert result.exit_code == 2
    assert result.stdout == ""
    line = result.stderr.strip()
    assert line.startswith(f"aigc-roi: --budget：应为数字（后缀可用 k、m、万、亿），实际为 '{budget}'；"), line
    assert hint in line
    assert "expected" not in line


def test_budget_slip_in_english_names_the_fix() -> None:
    result = invoke(["allocate", STARTER, "--budget", "600w"])
    assert result.exit_code == 2
    assert result.stderr.strip() == ("aigc-roi: --budget: expected a number (suffixes k, m, 万, 亿), found '600w'; "
                                     "'w' is not a suffix: write 600万")


def test_min_and_step_in_chinese() -> None:
    minimum = invoke(["allocate", STARTER, "-b", "1m", "--min", "Douyin CPA=2w", "--lang", "zh"])
    assert minimum.exit_code == 2
    assert minimum.stderr.strip().startswith("aigc-roi: --min Douyin CPA：应为数字"), minimum.stderr
    step = invoke(["sensitivity", STARTER, "--step", "abc", "--lang", "zh"])
    assert step.exit_code == 2
    assert step.stderr.strip() == "aigc-roi: --step：应为 (0, 1] 之内的步长，如 20% 或 0.2，实际为 'abc'"
    negative = invoke(["allocate", STARTER, "-b", "-5", "--lang", "zh"])
    assert negative.stderr.strip() == "aigc-roi: --budget：应为正数金额，实际为 '-5'"
