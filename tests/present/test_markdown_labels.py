"""Markdown as a person reads it: every column header a label in the chosen language, never a lookup key."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_runner import invoke

VIDEO = Path(__file__).resolve().parents[2] / "aigc_roi" / "templates" / "zh" / "video-tool-kol-then-feed.yaml"


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
