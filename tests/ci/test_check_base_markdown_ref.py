"""`check --base REF -f markdown` names the ref in a code span that shows it as written: a ref holding a backtick
(git allows it, and `_`, `<`, `|`) closed the span the heading wrapped it in and left the rest as live markdown."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_runner import invoke
from markdown_it import MarkdownIt
from test_check_zh import commit_all, git
from test_validate_and_check import write

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = (ROOT / "aigc_roi" / "templates" / "starter.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("ref", ["HEAD", "release_<b>|x`y", "a``b", "`edge`"])
@pytest.mark.parametrize(("lang", "heading"), [("en", "Figures changed since {}"), ("zh", "自 {} 以来变化的指标")])
def test_the_ref_reads_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ref: str, lang: str,
                                  heading: str) -> None:
    write(tmp_path, {"plan.yaml": TEMPLATE})
    commit_all(tmp_path, monkeypatch)
    if ref != "HEAD":
        git(tmp_path, "branch", ref)
    write(tmp_path, {"plan.yaml": TEMPLATE.replace("virality: 0 ", "virality: 0.04 ", 1)})
    result = invoke(["check", "plan.yaml", "--base", ref, "--lang", lang, "--format", "markdown"])
    assert result.exit_code == 0, result.stderr
    html = MarkdownIt("commonmark").render(result.stdout)
    expected = heading.format(f"<code>{ref.replace('<', '&lt;').replace('>', '&gt;')}</code>")
    assert re.search(rf"<h2>{re.escape(expected)}</h2>", html), html
