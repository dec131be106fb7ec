"""An amount option's hint lists the suffixes it takes: k, m, 万, 亿 and not %, which every amount option refuses
(``--budget 5%`` is no budget), while a file's number still lists % (a share is written 80%)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

STARTER = str(Path(__file__).resolve().parents[2] / "aigc_roi" / "templates" / "starter.yaml")


@pytest.mark.parametrize(("args", "option"), [
    (["--budget", "30万元"], "--budget"),
    (["--total", "lots"], "--total"),
    (["--budget", "1m", "--min", "Douyin CPA=x"], "--min Douyin CPA"),
    (["--budget", "1m", "--max", "Douyin CPA=x"], "--max Douyin CPA"),
    (["--budget", "1m", "--max-cash-need", "x"], "--max-cash-need"),
    (["--reach", "subscribers@6=x"], "--reach"),
])
def test_amount_option_hint_lists_no_percent(args: list[str], option: str) -> None:
    english = invoke(["allocate", STARTER, *args])
    assert english.exit_code == 2 and english.stdout == ""
    assert f"aigc-roi: {option}: expected a number (suffixes k, m, 万, 亿), found " in english.stderr
    chinese = invoke(["allocate", STARTER, *args, "--lang", "zh"])
    assert chinese.exit_code == 2
    assert f"aigc-roi: {option}：应为数字（后缀可用 k、m、万、亿），实际为 " in chinese.stderr
    assert "%" not in english.stderr.split("found")[0] and "%" not in chinese.stderr.split("实际为")[0]


def test_percent_on_an_amount_option_is_still_refused() -> None:
    result = invoke(["allocate", STARTER, "--budget", "5%"])
    assert result.exit_code == 2
    assert result.stderr == "aigc-roi: --budget: expected a positive amount, found '5%'; a percentage is no amount or count\n"
