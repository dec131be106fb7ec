"""`check --base` of a file neither version of which computes (a --set refused in both, or both invalid) says so in
one line, its errors after it: it printed a figures table of a header alone ("figure before after change", no row)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke
from test_check_zh import commit_all
from test_validate_and_check import write

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = (ROOT / "aigc_roi" / "templates" / "starter.yaml").read_text(encoding="utf-8")
REFUSED = "acquisition[0].bid=abc"


@pytest.mark.parametrize(("lang", "line"), [("en", "plan.yaml: modified; neither version computes"),
                                            ("zh", "plan.yaml：已修改；两个版本都无法计算")])
def test_neither_version_computing_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str,
                                               line: str) -> None:
    write(tmp_path, {"plan.yaml": TEMPLATE})
    commit_all(tmp_path, monkeypatch)
    write(tmp_path, {"plan.yaml": TEMPLATE.replace("virality: 0 ", "virality: 0.04 ", 1)})
    shown = invoke(["check", "plan.yaml", "--base", "HEAD", "--set", REFUSED, "--lang", lang], env={"COLUMNS": "80"})
    assert shown.exit_code == 2
    lines = shown.stdout.splitlines()
    at = lines.index(line)
    # Then the base version's refusal, located in words.
    assert lines[at + 1].startswith("plan.yaml at HEAD: --set" if lang == "en" else "plan.yaml（HEAD 时）：--set")
    assert "┏" not in shown.stdout
    markdown = invoke(["check", "plan.yaml", "--base", "HEAD", "--set", REFUSED, "--lang", lang, "-f", "markdown"]).stdout
    assert f"- {line}\n" in markdown
    assert "| figure |" not in markdown and "| 指标 |" not in markdown
