"""Markdown as a person reads it: every column header a label in the chosen language, never a lookup key."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_runner import invoke

ROOT = Path(__file__).resolve().parents[2]
VIDEO = ROOT / "aigc_roi" / "templates" / "zh" / "video-tool-kol-then-feed.yaml"
CHAT = ROOT / "aigc_roi" / "templates" / "chat-assistant-cpa.yaml"
EXPORTS = [str(ROOT / "examples" / "actuals" / name) for name in ("douyin-ocean-engine.csv", "bilibili.csv")]


def _headers(markdown: str) -> list[str]:
    """The cells of every header row (the row above a |---| rule)."""
    lines = markdown.splitlines()
    return [cell.strip() for above, rule in zip(lines, lines[1:], strict=False) if rule.startswith("|---")
            for cell in above.strip("|").split("|")]


@pytest.mark.parametrize(("lang", "recognised", "deferred"), [("en", "Recognised", "Deferred"), ("zh", "确认收入", "递延收入")])
def test_months_headers_are_labels(lang: str, recognised: str, deferred: str) -> None:
    result = invoke(["run", str(VIDEO), "--format", "markdown", "--lang", lang])
    assert result.exit_code == 0, result.stderr
    headers = _headers(result.stdout)
    # The accrual columns once read "recognised_revenue_short" and "deferred_revenue_short" in both languages.
    assert [header for header in headers if re.search(r"[a-z]_[a-z]", header)] == []
    assert recognised in headers and deferred in headers


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", ["Path", "Driver", "Current", "−20%", "ROI · −20%", "Net cash · −20%", "Payback month · −20%", "+20%",
            "ROI · +20%", "Net cash · +20%", "Payback month · +20%"]),
    ("zh", ["路径", "驱动因素", "当前", "−20%", "ROI · −20%", "净现金流 · −20%", "回本月份 · −20%", "+20%",
            "ROI · +20%", "净现金流 · +20%", "回本月份 · +20%"]),
])
def test_sensitivity_headers_are_labels(lang: str, expected: list[str]) -> None:
    """They read ``path | label | current | low_value | low_roi | ...`` in either language; CSV keeps those keys."""
    result = invoke(["sensitivity", str(VIDEO), "--format", "markdown", "--lang", lang])
    assert result.exit_code == 0, result.stderr
    assert _headers(result.stdout) == expected
    csv_header = invoke(["sensitivity", str(VIDEO), "--format", "csv", "--lang", lang]).stdout.splitlines()[0]
    assert csv_header.startswith("path,label,current,low_value,low_roi,")


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", ["Path", "Driver", "Current", "Plan ROI = 0 at", "Payback ≤ 12 mo at", "Max bid", "Gross revenue"]),
    ("zh", ["路径", "驱动因素", "当前", "整体 ROI = 0 时", "回本 ≤ 12 个月时", "最高出价", "总收入"]),
])
def test_breakeven_headers_are_labels(lang: str, expected: list[str]) -> None:
    result = invoke(["breakeven", str(VIDEO), "--format", "markdown", "--lang", lang])
    assert result.exit_code == 0, result.stderr
    headers = _headers(result.stdout)
    assert [header for header in headers if re.search(r"[a-z]_[a-z]", header)] == []
    assert all(header in headers for header in expected), headers


@pytest.mark.parametrize(("lang", "measure"), [("en", " (CAC) "), ("zh", "（获客成本）")])
def test_actuals_names_the_furthest_off_measure_in_words(lang: str, measure: str) -> None:
    """Each cpa channel's bid is measured by its CAC: English once wrote the key, `bid (cac)`, where Chinese wrote
    获客成本."""
    result = invoke(["actuals", str(CHAT), *EXPORTS, "--map", "Douyin activation CPA=dy_*",
                     "--map", "Bilibili CPA (registered user)=bili_*", "--format", "markdown", "--lang", lang])
    assert result.exit_code == 0, result.stderr
    furthest = [line for line in result.stdout.splitlines() if line.startswith("- ") and "].bid" in line]
    assert len(furthest) == 2 and all(f"].bid{measure}" in line for line in furthest), furthest
