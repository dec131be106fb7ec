"""Chinese help and messages give Chinese example names, as --set's help gives '抖音CPA.bid=25' (QA: allocate --help
--lang zh showed --min's example 'Feed ads=20万', and actuals --map's and allocate --min's errors 'Douyin CPA=dy_*'
and 'Feed ads=20万', English names in Chinese text, read as names to copy). English keeps its own."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

PLAN = """version: 1
name: P
start: 2025-01
horizon_months: 3
acquisition:
  - {name: 抖音CPA, type: cpa, bid: 10, budget: 10000}
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: Item, price: 8, rate: 1}]
"""
ENGLISH_NAMES = ("Feed ads", "Douyin CPA")


def _plan(tmp_path: Path) -> str:
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "a.csv").write_text("date,campaign,spend,new_users\n2025-01-01,dy_a,100,10\n", encoding="utf-8")
    return str(tmp_path / "plan.yaml")


def test_allocate_min_help_names_a_chinese_channel() -> None:
    result = invoke(["allocate", "--help", "--lang", "zh"])
    assert result.exit_code == 0
    text = "".join(result.stdout.split())
    assert "'信息流=20万'" in text
    assert not any("".join(name.split()) in text for name in ENGLISH_NAMES)


@pytest.mark.parametrize(("args", "example", "english"), [
    (["allocate", "{plan}", "--budget", "10000", "--min", "abc"], "'信息流=20万'", "'Feed ads=20万'"),
    (["actuals", "{plan}", "{csv}", "--map", "腾讯广告 朋友圈 CPM＝公众号*"], "'抖音CPA=dy_*'", "'Douyin CPA=dy_*'"),
])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_errors_give_an_example_in_the_language(tmp_path: Path, args: list[str], example: str, english: str,
                                                lang: str) -> None:
    plan = _plan(tmp_path)
    given = [arg.replace("{plan}", plan).replace("{csv}", str(tmp_path / "a.csv")) for arg in args]
    result = invoke([*given, "--lang", lang], env={"COLUMNS": "200"})
    assert result.exit_code != 0
    if lang == "zh":
        assert example in result.stderr and english not in result.stderr
    else:
        assert english in result.stderr
