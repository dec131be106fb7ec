"""`check --base`: a changed file whose figures are all as they were reads as one line, not a table of zeros; the
errors of a version at REF are located in words, which a problem matcher does not take for a working-tree line."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke
from test_check_zh import commit_all, git
from test_validate_and_check import BROKEN, LOSING, example, write


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """At HEAD: scenarios/plan.yaml (LOSING) and scenarios/bad.yaml, invalid there."""
    write(tmp_path, {"scenarios/plan.yaml": LOSING, "scenarios/bad.yaml": BROKEN})
    commit_all(tmp_path, monkeypatch)
    return tmp_path


def test_a_rename_that_changes_no_figure_is_one_line(repo: Path) -> None:
    git(repo, "mv", "scenarios/plan.yaml", "scenarios/plan-q3.yaml")
    write(repo, {"scenarios/bad.yaml": "# fixed\n" + example()})  # valid now: a table, invalid at HEAD
    result = invoke(["check", "scenarios", "--base", "HEAD"])
    lines = result.stdout.splitlines()
    assert f"{Path('scenarios/plan-q3.yaml')} (Spec example): renamed (was {Path('scenarios/plan.yaml')} at HEAD); "\
           "no figure changed" in lines
    assert result.stdout.count("┏") == 1  # bad.yaml's table alone: invalid at HEAD, valid now
    markdown = invoke(["check", "scenarios", "--base", "HEAD", "--format", "markdown"]).stdout
    assert "- scenarios/plan-q3.yaml (Spec example): renamed (was scenarios/plan.yaml at HEAD); no figure changed\n" \
        in markdown
    assert "### What moved each figure: scenarios/plan-q3.yaml" not in markdown
    zh = invoke(["check", "scenarios", "--base", "HEAD", "--lang", "zh"]).stdout.splitlines()
    assert "scenarios/plan-q3.yaml (Spec example)：已重命名（HEAD 时为 scenarios/plan.yaml）；数字均未变化" in zh


def test_a_comment_edited_is_modified_with_no_figure_changed(repo: Path) -> None:
    write(repo, {"scenarios/plan.yaml": "# reviewed\n" + LOSING})
    result = invoke(["check", "scenarios/plan.yaml", "--base", "HEAD"])
    assert "┏" not in result.stdout
    assert result.stdout.splitlines()[-1] == "scenarios/plan.yaml (Spec example): modified; no figure changed"


def test_the_errors_at_ref_are_located_in_words(repo: Path) -> None:
    write(repo, {"scenarios/bad.yaml": example()})
    # BROKEN's line 2, "retention: {monthly_churn: 1.5}": 1.5 at column 28; line 3 its unknown key.
    text = invoke(["check", "scenarios", "--base", "HEAD"]).stdout.splitlines()
    assert ("scenarios/bad.yaml at HEAD, line 2, column 28: retention.monthly_churn: expected a number from 0 to 1, "
            "found 1.5; did you mean 1.5%?") in text
    assert not any(line.startswith("HEAD:") for line in text)
    zh = invoke(["check", "scenarios", "--base", "HEAD", "--lang", "zh"]).stdout.splitlines()
    assert any(line.startswith("scenarios/bad.yaml（HEAD 时）第 3 行第 1 列：unknown_key: 未知字段 'unknown_key'")
               for line in zh), zh
