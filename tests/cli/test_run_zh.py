"""`--lang zh` on run: Chinese labels, 万/亿 money, CJK tables that line up, the locale as default."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_runner import invoke
from rich.cells import cell_len
from rich.console import Console, RenderableType

from aigc_roi.model.engine import evaluate
from aigc_roi.model.sampling import realize
from aigc_roi.present.language import default_lang
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.present.run_data import run_report
from aigc_roi.present.run_view import cash_chart, channels_table, figures_panel, months_table
from aigc_roi.reader.load import load_text

# Chinese channel names, amounts from hundreds to 亿 and a payback month:
# the cases where CJK double-width cells and 万 units could break alignment.
CJK_SCENARIO = """\
name: 图片社区 年费会员
horizon_months: 12
start: 2025-01
acquisition:
  - {name: B站 CPA 拉新, type: cpa, bid: 30, budget: 600万, months: 1-3}
  - {name: 抖音达人, type: kol, posts: 4, fee: 5万, views: 80万, view_to_user: 0.002}
  - {name: 地铁广告, type: flat, cost: 1.2亿, users: 2万, months: 1}
organic_users: 500
retention: {points: {1: 0.4, 3: 0.25, 6: 0.18, 12: 0.12}}
monetization:
  plans: [{name: 年费会员, price: 365, period: year, conversion: 0.3}]
  purchases: [{name: 提示词包, price: 19.9, rate: 0.5}]
costs: {serving_per_active_user: 0.8}
"""


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LC_ALL": "", "LANG": "zh_TW.UTF-8"}, "zh"),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LC_ALL": "", "LANG": "C.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_default_lang_follows_the_locale(monkeypatch: pytest.MonkeyPatch, env: dict[str, str], lang: str) -> None:
    for name in ("LC_ALL", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert default_lang() == lang


@pytest.mark.parametrize(
    ("value", "decimals", "zh", "en"),
    [
        (12_345_000, 1, "1,234.5万", "12,345,000.0"),
        (12_345_000, 2, "1,234.50万", "12,345,000.00"),
        (150_000_000, 2, "1.50亿", "150,000,000.00"),
        (-11_000, 0, "-1.1万", "-11,000"),
        (9_999, 0, "9,999", "9,999"),
        (10_000, 0, "1.0万", "10,000"),
        (0.5, 2, "0.50", "0.50"),
        (None, 2, "—", "—"),
    ],
)
def test_money_uses_wan_and_yi_in_chinese(value: float | None, decimals: int, zh: str, en: str) -> None:
    assert NumberStyle("zh").money(value, decimals) == zh
    assert NumberStyle("en").money(value, decimals) == en


def test_counts_use_wan_in_chinese() -> None:
    assert NumberStyle("zh").count(25_000) == "2.5万"
    assert NumberStyle("zh").count(2_500) == "2,500"
    assert NumberStyle("en").count(25_000) == "25,000"


def _render(renderable: RenderableType) -> list[str]:
    console = Console(width=120, file=io.StringIO(), color_system=None)
    console.print(renderable)
    output = console.file.getvalue()  # type: ignore[attr-defined]
    return output.rstrip("\n").split("\n")


@pytest.fixture(scope="module")
def cjk_report() -> dict:
    scenario = load_text(CJK_SCENARIO, "cjk.yaml").scenario
    return run_report(scenario, evaluate(realize(scenario)))


@pytest.mark.parametrize("build", [figures_panel, channels_table, months_table, cash_chart])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_tables_line_up_with_cjk_text(
    cjk_report: dict, build: Callable[[dict, NumberStyle], RenderableType], lang: str
) -> None:
    lines = _render(build(cjk_report, NumberStyle(lang, "CNY")))
    widths = {cell_len(line) for line in lines}
    assert len(widths) == 1, "\n".join(f"{cell_len(line):4} {line}" for line in lines)
    assert widths.pop() <= 120


def test_chinese_tables_show_chinese_labels_and_wan(cjk_report: dict) -> None:
    style = NumberStyle("zh", "CNY")
    panel = "\n".join(_render(figures_panel(cjk_report, style)))
    assert "广告支出" in panel and "净现值（NPV）" in panel
    assert "亿" in panel  # the 1.2亿 subway campaign dominates ad spend
    channels = "\n".join(_render(channels_table(cjk_report, style)))
    for heading in ("渠道", "类型", "广告支出", "用户数", "获客成本", "ROAS", "ROI"):
        assert heading in channels
    assert "自然流量" in channels
    months = "\n".join(_render(months_table(cjk_report, style)))
    assert "月度现金流（CNY）" in months and "2025-01" in months


@pytest.fixture
def example(tmp_path: Path) -> Path:
    path = tmp_path / "cjk.yaml"
    path.write_text(CJK_SCENARIO, encoding="utf-8")
    return path


def test_run_in_chinese_through_the_cli(example: Path) -> None:
    result = invoke(["run", str(example), "--lang", "zh"])
    assert result.exit_code == 0, result.stderr
    for text in ("核心指标", "渠道", "月度现金流", "累计净现金流", "广告支出"):
        assert text in result.stdout
    assert "Ad spend" not in result.stdout


def test_lang_defaults_to_the_locale(example: Path) -> None:
    result = invoke(["run", str(example)], env={"LC_ALL": "", "LANG": "zh_CN.UTF-8"})
    assert result.exit_code == 0, result.stderr
    assert "核心指标" in result.stdout
    english = invoke(["run", str(example)], env={"LC_ALL": "C.UTF-8", "LANG": "zh_CN.UTF-8"})
    assert "Figures" in english.stdout


def test_unknown_lang_is_a_usage_error(example: Path) -> None:
    result = invoke(["run", str(example), "--lang", "fr"])
    assert result.exit_code == 2
    assert result.stderr == "aigc-roi: --lang: expected one of en, zh, found 'fr'\n"


def test_errors_in_chinese_keep_their_file_line_prefix(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: 坏文件\nretention: {monthly_churn: 2}\n", encoding="utf-8")
    result = invoke(["run", str(bad), "--lang", "zh"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{bad}:2:")
    assert result.stdout == ""
