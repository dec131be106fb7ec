"""One term per thing in Chinese (QA zh3): ad spend is 广告支出 (支出 in a narrow header) wherever the tool says it,
never 花费, which only Tencent's console header 花费(元) spells (F6); the re-forecast's peak cash need is the
最大资金需求 of every other command (F7); --grid's refusals read in Chinese as --set's do (F8); a month range in a
sentence is written as a file writes it, 1-2, never the 1..2 a file refuses (F16)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_runner import invoke

import aigc_roi
from aigc_roi.model.month_runs import month_runs
from aigc_roi.present.help_zh import CLICK_ZH, HELP_ZH
from aigc_roi.present.labels import LABELS, label
from aigc_roi.present.schema_zh import SCHEMA_ZH

NOT_AD_SPEND = re.compile(r"花费(?!\(元\))")
"""花费 but in Tencent's console header 花费(元), which the messages quote as the export spells it."""

PACKAGE = Path(aigc_roi.__file__).parent


def test_no_label_help_or_schema_text_calls_ad_spend_huafei() -> None:
    words = [entry.zh for entry in LABELS.values()] + [*HELP_ZH.values(), *CLICK_ZH.values(), *SCHEMA_ZH.values()]
    assert [word for word in words if NOT_AD_SPEND.search(word)] == []


@pytest.mark.parametrize("path", ["present/messages_zh.py", *(f"templates/zh/{name}" for name in sorted(
    path.name for path in (PACKAGE / "templates" / "zh").glob("*.yaml")))])
def test_no_message_or_template_comment_calls_ad_spend_huafei(path: str) -> None:
    """The messages' templates are compiled into rules, so their source is read; a template's comments too."""
    text = (PACKAGE / path).read_text(encoding="utf-8")
    assert [line for line in text.splitlines() if NOT_AD_SPEND.search(line.replace("\\", ""))] == []


ALLOCATE = """version: 1
name: 分配
horizon_months: 3
acquisition:
  - {name: A, type: cpa, bid: 10, users: 100}
  - {name: B, type: cpa, bid: 20, users: 100}
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: 道具, price: 30, rate: 1}]
"""


def test_allocate_and_its_lock_help_say_guanggao_zhichu(tmp_path: Path) -> None:
    """A and B spend 1,000 + 2,000 a month today; with B = 1,000 the warning names the 3,000 as ad spend."""
    plan = tmp_path / "a.yaml"
    plan.write_text(ALLOCATE, encoding="utf-8")
    result = invoke(["allocate", str(plan), "--budget", "1000", "--lang", "zh"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    shown = result.stdout + result.stderr
    assert not NOT_AD_SPEND.search(shown)
    assert "当前参与分配的渠道每月广告支出 3,000，而非 B = 1,000" in shown
    assert "该渠道的广告支出保持文件中的值" in invoke(["allocate", "--help", "--lang", "zh"]).stdout


def test_the_reforecast_peak_cash_need_is_the_term_of_every_command() -> None:
    assert label("actuals_peak_cash_need", "zh") == label("peak_cash_need", "zh") == "最大资金需求"


NUMBERED = """version: 1
name: 数字名
horizon_months: 6
acquisition:
  - {name: "1", type: cpa, bid: 10, users: 100}
  - {name: "618", type: cpa, bid: 12, users: 100}
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: 道具, price: 20, rate: 1}]
"""


def test_grid_refuses_an_index_that_is_also_a_name_in_chinese(tmp_path: Path) -> None:
    plan = tmp_path / "n.yaml"
    plan.write_text(NUMBERED, encoding="utf-8")
    grid = "acquisition[1].bid,acquisition[0].bid"
    result = invoke(["sensitivity", str(plan), "--grid", grid, "--lang", "zh"])
    assert result.exit_code == 2
    assert result.stderr.startswith("aigc-roi: --grid：[1] 既可读作")
    assert "618.bid 或 1.bid" in result.stderr and "reads both" not in result.stderr
    english = invoke(["sensitivity", str(plan), "--grid", grid]).stderr
    assert english.startswith("aigc-roi: --grid: [1] reads both as index 1 (the item named '618') and as the item named '1'")


GATE_MISSES = """version: 1
name: 闸门误用
horizon_months: 6
acquisition:
  - {name: 测试渠道, type: cpa, bid: 10, users: 100, months: 3-6}
  - {name: 放量渠道, type: cpa, bid: 12, users: 100, months: 1-2}
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: 道具, price: 10, rate: 1}]
gates:
  - {name: 首月验证, after_month: 2, channels: [测试渠道], min_roas: 0.9, then: [放量渠道]}
"""


@pytest.mark.parametrize(("lang", "said"), [
    ("zh", ["测试的第 1-2 月没有任何测试渠道投放", "（它在第 1-2 月投放）"]),
    ("en", ["no test channel runs in the test's months 1-2:", "(it runs in months 1-2)"]),
])
def test_a_month_range_is_written_as_the_file_writes_it(tmp_path: Path, lang: str, said: list[str]) -> None:
    """The test channel runs in months 3-6, after the test's months 1-2; the scale-up channel in months 1-2 only."""
    plan = tmp_path / "g.yaml"
    plan.write_text(GATE_MISSES, encoding="utf-8")
    result = invoke(["validate", str(plan), "--lang", lang])
    shown = result.stdout + result.stderr
    assert all(text in shown for text in said), shown
    assert ".." not in shown


def test_month_runs_joins_a_run_with_a_hyphen() -> None:
    assert month_runs([1, 2, 3, 7, 9, 10]) == "1-3, 7, 9-10"
