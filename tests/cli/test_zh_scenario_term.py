"""A scenario is 方案 in Chinese, as compare's title (方案对比) and --explain (新方案) say it, never 场景 beside it
(QA zh80): one plan called by two names reads as two things. 计划/广告计划 stays an ad platform's campaign."""

from __future__ import annotations

from pathlib import Path

from cli_runner import invoke

ROOT = Path(__file__).resolve().parents[2]
ZH_TEXTS = [*(ROOT / "aigc_roi" / "present").glob("*_zh.py"), *(ROOT / "aigc_roi" / "present" / "label_catalogue").glob("*.py"),
            *(ROOT / "aigc_roi" / "templates" / "zh").glob("*.yaml")]


def test_no_chinese_text_calls_a_scenario_changjing() -> None:
    assert [path.name for path in ZH_TEXTS if "场景" in path.read_text(encoding="utf-8")] == []


def test_compare_says_fangan_in_its_help() -> None:
    helped = invoke(["compare", "--help", "--lang", "zh"], env={"COLUMNS": "200"}).stdout
    assert "并排对比多个方案的指标" in helped and "两个或更多方案文件" in helped and "每个方案用这么多样本" in helped
    assert "新方案" in helped and "场景" not in helped
