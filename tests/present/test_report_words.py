"""The report in each language's own way of writing: a span of months as the terminal writes it, with its calendar
months, and one colon per language after a name or a label (docs/report.md)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from cli_runner import invoke
from phase_plans import APART


def _page(tmp_path: Path, lang: str) -> str:
    path = tmp_path / "apart.yaml"
    path.write_text(APART, encoding="utf-8")
    result = invoke(["report", str(path), "--samples", "200", "--allocate", "1000", "--lang", lang])
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize(("lang", "headers"), [
    ("en", ["Search [1-2 (2025-11..2025-12)]", "Feed ads [1-2 (2025-11..2025-12)]", "Feed ads [3 (2026-01)]"]),
    ("zh", ["Search [1-2（2025-11..2025-12）]", "Feed ads [1-2（2025-11..2025-12）]", "Feed ads [3（2026-01）]"]),
])
def test_the_budget_curve_names_each_phase_s_calendar_months(tmp_path: Path, lang: str, headers: list[str]) -> None:
    """The table's columns per channel and phase read ``[1-2]`` without the months the plan's start makes them, which
    the terminal and markdown name beside every span of months."""
    page = _page(tmp_path, lang)
    shown = [html.unescape(cell) for cell in re.findall(r'<th class="n">([^<]*)</th>', page)]
    assert all(header in shown for header in headers), shown


def _texts(page: str) -> list[str]:
    """Every text of the page a reader sees, a hover text included, the style sheet left out."""
    body = re.sub(r"<style>.*?</style>", "", page, flags=re.S)
    return [html.unescape(text) for text in re.findall(r">([^<>]+)<", body)]


def test_chinese_writes_a_full_width_colon_after_a_name(tmp_path: Path) -> None:
    """``Feed ads: users = ...`` stood beside ``Search：bid 按月变化``: the captions, the title, the provenance line,
    the definitions and the charts' hover texts now write ： as the page's own sentences do."""
    texts = _texts(_page(tmp_path, "zh"))
    assert not [text for text in texts if re.search(r"\S: ", text)]
    assert "Feed ads：" in texts and "投放方案报告：Apart" in texts
    english = _texts(_page(tmp_path, "en"))
    assert "Feed ads: " in english and "Plan report: Apart" in english and not [text for text in english if "：" in text]
