"""A heading keeps the #s its text ends in (present/text.py ``markdown_heading``, ``closing_hashes``): a name or a
--set value ending a heading lost them to the heading's closing sequence. CommonMark drops a run of #s after a space
(``## Plan #`` read "Plan"; ``run -f markdown --set 'name=Plan #'`` ended its heading "what-if: name=Plan"), and
renderers such as Python-Markdown drop one after any character (``## Plan C#`` read "Plan C"), so every # a heading
ends in is escaped. The expectations are rendered by markdown-it (CommonMark), not read off the program."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from cli_runner import invoke
from markdown_it import MarkdownIt

from aigc_roi.present.tables import to_markdown
from aigc_roi.present.text import markdown_heading

NAMES = ["Plan C#", "Plan #", "#", "C ##", "C# # ", "Plan \\#", "C\\", "#1 plan", "C# (CNY)"]
"""Names whose #s a heading could drop, one ending in an escaped-looking backslash and #, and ones it never did."""


def _headings(markdown: str) -> list[str]:
    """The text of each heading CommonMark renders."""
    html = MarkdownIt("commonmark").render(markdown)
    return [unescape(text) for text in re.findall(r"<h\d>(.*?)</h\d>", html)]


@pytest.mark.parametrize("name", NAMES)
def test_a_heading_renders_its_name_as_written(name: str) -> None:
    # A heading's trailing spaces are no part of what it shows.
    assert _headings(markdown_heading(2, name) + "\n") == [name.rstrip()]


@pytest.mark.parametrize(("name", "line"), [("Plan C#", "## Plan C\\#"), ("C ##", "## C \\#\\#"),
                                            ("C# # ", "## C# \\# "), ("C# (CNY)", "## C# (CNY)")])
def test_no_heading_ends_in_an_unescaped_hash(name: str, line: str) -> None:
    # What a renderer dropping #s after any character needs: none left unescaped at the heading's end.
    assert markdown_heading(2, name) == line


def test_a_tables_title_keeps_its_hash() -> None:
    # Every table's heading (to_markdown's title: actuals', compare's, check's...) is built the one way.
    assert _headings(to_markdown((["Name", "Spend"], [["a", 1.0]]), "Plan #")) == ["Plan #"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_what_if_mark_keeps_a_values_hash(tmp_path: Path, lang: str) -> None:
    # The value of --set ends the first heading; YAML reads 'Plan #' as Plan and a comment, and the mark shows what
    # was typed. Rendered before: '... name=Plan', the # taken for the heading's closing sequence.
    result = invoke(["run", "scenarios/chat-assistant-cpa.yaml", "-f", "markdown", "--set", "name=Plan #",
                     "--lang", lang])
    assert result.exit_code == 0, result.stderr
    first = _headings(result.stdout)[0]
    assert first.endswith("name=Plan #"), first
