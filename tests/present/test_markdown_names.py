"""Markdown shows a name as written: backticks, *, _ and ~ are escaped as |, < and ] were, in every markdown output
(present/text.py ``markdown_text``); a campaign named `tick` *star* _u_ rendered as code, bold and italics (QA,
act-display finding 3). The expectations are rendered by markdown-it (CommonMark with GitHub's tables and
strikethrough), not read off the program."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from cli_runner import invoke
from markdown_it import MarkdownIt

from aigc_roi.present.text import markdown_text

NAMES = ["`tick` *star* _u_", "**bold** __b__ ~~gone~~ ~x~", "a_b_c snake_case", "x*y*z", "_lead and trail_", "\\`"]


def _rendered(markdown: str) -> str:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)


def _cells(html: str) -> list[str]:
    """The inner HTML of each table body cell."""
    return [unescape(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", html, re.DOTALL)]


@pytest.mark.parametrize("name", NAMES)
def test_a_name_renders_as_itself(name: str) -> None:
    html = _rendered(markdown_text(name) + "\n")
    assert unescape(html) == f"<p>{name}</p>\n"


def test_two_pieces_put_together_pair_no_marks() -> None:
    # A name starting with * before a label ending in one (or _): each escaped whole, no emphasis across them.
    assert unescape(_rendered(markdown_text("*a") + markdown_text("b*") + "\n")) == "<p>*ab*</p>\n"
    assert unescape(_rendered(markdown_text("_a") + markdown_text("b_") + "\n")) == "<p>_ab_</p>\n"
    assert markdown_text("peak_cash_at_horizon") == "peak_cash_at_horizon"  # an _ inside a word is left as written


CAMPAIGN = "`tick` *star* _u_ ~~s~~"
CHANNEL = "Douyin *activation* _CPA_"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_actuals_markdown_shows_campaign_and_channel_names_as_written(tmp_path: Path, lang: str) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(Path("scenarios/chat-assistant-cpa.yaml").read_text(encoding="utf-8")
                    .replace("name: Douyin activation CPA", f'name: "{CHANNEL}"'), encoding="utf-8")
    export = tmp_path / "md.csv"
    export.write_text(f"date,campaign,spend,new_users\n2026-01-05,dy_a,100,5\n2026-01-05,{CAMPAIGN},10,1\n",
                      encoding="utf-8")
    result = invoke(["actuals", str(plan), str(export), "--map", f"{CHANNEL}=dy_*", "-f", "markdown", "--lang", lang])
    assert result.exit_code == 0, result.stderr
    html = _rendered(result.stdout)
    assert not re.search(r"<(code|em|strong|s|del)>", html), html
    cells = _cells(html)
    assert CAMPAIGN in cells and CHANNEL in cells
    # The legend line and the furthest-off line name the channel as written too.
    items = [unescape(item) for item in re.findall(r"<li>\s*(?:<p>)?(.*?)(?:</p>\s*)?</li>", html, re.DOTALL)]
    assert sum(item.startswith(f"{CHANNEL}: ") for item in items) == 2


def test_run_and_compare_markdown_show_names_as_written(tmp_path: Path) -> None:
    plan = tmp_path / "s.yaml"
    plan.write_text('name: "*plan* `one`"\nhorizon_months: 6\nretention: {monthly_churn: 0.3}\n'
                    'acquisition:\n  - {name: "_posters_", type: flat, cost: 1000, users: 100}\n', encoding="utf-8")
    html = _rendered(invoke(["run", str(plan), "-f", "markdown"]).stdout)
    # The title and the channel's cell as written (the NPV basis under the figures is italic on purpose).
    assert "<h2>*plan* `one` (CNY)</h2>" in unescape(html)
    assert "_posters_" in _cells(html)
    other = tmp_path / "t.yaml"
    other.write_text(plan.read_text(encoding="utf-8").replace("*plan* `one`", "~~two~~"), encoding="utf-8")
    compared = unescape(_rendered(invoke(["compare", str(plan), str(other), "-f", "markdown"]).stdout))
    assert "<th>*plan* `one`</th>" in compared.replace(' style="text-align:right"', "")
    assert "<th>~~two~~</th>" in compared.replace(' style="text-align:right"', "")


def test_curves_markdown_heads_a_channels_retention_with_its_name_as_written(tmp_path: Path) -> None:
    plan = tmp_path / "s.yaml"
    plan.write_text('name: Curves\nhorizon_months: 6\nretention: {monthly_churn: 0.3}\n'
                    'acquisition:\n  - {name: "*own* `churn`", type: flat, cost: 1000, users: 100,'
                    ' retention: {monthly_churn: 0.5}}\n', encoding="utf-8")
    result = invoke(["curves", str(plan), "-f", "markdown"])
    assert result.exit_code == 0, result.stderr
    headings = [unescape(text) for text in re.findall(r"<h3>(.*?)</h3>", _rendered(result.stdout))]
    assert any("*own* `churn`" in heading for heading in headings), headings
