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


_CJK = "[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"


def _ascii_brackets_in_chinese(page: str) -> list[str]:
    """Each pair of ASCII brackets of the page's text that stands in Chinese: around Chinese words, or around a code or
    unit beside them (净现值 (NPV), 核心指标 (CNY)). A code's or formula's own (in <code>, or a function's, F(t)) and a
    number's (a month's calendar label, 12 (2025-06); a bound, (≤ 24)) are not of the Chinese text."""
    body = re.sub(r"<style>.*?</style>|<script>.*?</script>", "", page, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", "\n", re.sub(r"<code>.*?</code>", "code", body, flags=re.S)))
    found = []
    for match in re.finditer(r"\(([^()\n]*)\)", text):
        inside, before, after = match.group(1), text[:match.start()].rstrip(" "), text[match.end():].lstrip(" ")
        if re.fullmatch(r"[≤≥<>~ ]*[-+]?[0-9][^()]*", inside) or re.match(r"\w", text[match.start() - 1:match.start()]):
            continue
        if re.search(_CJK, inside) or re.match(_CJK, before[-1:]) or re.match(_CJK, after[:1]):
            found.append(match.group())
    return found


def test_the_checker_finds_ascii_brackets_in_chinese() -> None:
    assert _ascii_brackets_in_chinese("<b>净现值 (NPV)</b>：1.2万；核心指标 (CNY)；(买量，扣除变动成本)") == [
        "(NPV)", "(CNY)", "(买量，扣除变动成本)"]
    assert _ascii_brackets_in_chinese("第 6 个月 (2025-06)；未回本 (≤ 24)；<code>D(d) = e^u</code>；F(t) 不变；NPV (CNY)") == []


def test_chinese_writes_full_width_brackets_in_its_own_text(tmp_path: Path) -> None:
    """净现值 (NPV), 核心指标 (CNY) and 广告支出 (ad_spend)：stood in Chinese sentences that write （）: the figures'
    labels (shared by every command), the titles' currency, a milestone's month and a definition's key now do too.
    A code or a formula keeps its own, and English keeps ASCII ones."""
    page = _page(tmp_path, "zh")
    assert _ascii_brackets_in_chinese(page) == []
    assert "净现值（NPV）" in page and "（<code>npv</code>）：" in page
    english = _page(tmp_path, "en")
    assert "（" not in english and " (<code>npv</code>): " in english


@pytest.mark.parametrize(("lang", "said", "not_said"), [
    ("en", "buys more users as its budget b grows, but each at a higher CAC", "fewer new people"),
    ("zh", "预算 b 越大，买到的用户越多，但每个用户的获客成本也越高", "触达的新用户越少"),
])
def test_the_budget_curve_says_a_saturating_channel_buys_more_users_at_a_higher_cac(
        tmp_path: Path, lang: str, said: str, not_said: str) -> None:
    """users = u0 h / (b + h) with u0 = b / CAC0 rises with b (docs/formulas.md, Saturation): the note said a larger
    budget reached fewer new people."""
    page = html.unescape(_page(tmp_path, lang))
    assert said in page and not_said not in page
