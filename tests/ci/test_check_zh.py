"""`check` and `validate` under --lang zh: every human string Chinese, machine text English, English unchanged.

The scenarios are those of tests/ci/test_validate_and_check.py (docs/formulas.md §11's worked
example): LOSING has roi -21.25% against min_roi 0 (missed) and cac 20
against max_cac 25 (met); WINNING pays back in month 1 with roi 153.75%.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from typing import TextIO

import pytest
from cli_runner import invoke
from rich.cells import cell_len
from test_narrow import broken_numbers
from test_validate_and_check import BROKEN, LOSING, WINNING, example
from typer.testing import Result

from aigc_roi.model.change_targets import CHANGE_TARGETS
from aigc_roi.model.targets import TARGET_FIGURES
from aigc_roi.present.ci_view import TARGET_LABELS
from aigc_roi.present.labels import label

ROOT = Path(__file__).resolve().parents[2]



def write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")


def cells(result: Result, *words: str) -> list[list[str]]:
    """The cells of each table row holding all ``words``."""
    return [[cell.strip() for cell in re.split("[│┃]", line)[1:-1]] for line in result.stdout.splitlines()
            if line.startswith(("│", "┃")) and all(word in line for word in words)]


def in_terminal(monkeypatch: pytest.MonkeyPatch, width: int) -> None:
    """stdout as a terminal ``width`` columns wide (COLUMNS and LINES, as a shell sets them), without colour codes.

    Rich gives a dumb terminal 80 x 25 unless both sizes are set: LINES makes it read COLUMNS.
    """
    from aigc_roi.cli import streams

    piped = streams._stdout

    def terminal() -> TextIO:
        stream = piped()
        stream.isatty = lambda: True
        return stream

    monkeypatch.setattr(streams, "_stdout", terminal)
    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.setenv("LINES", "25")
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.delenv("FORCE_COLOR", raising=False)


def test_check_table_in_chinese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"lose.yaml": LOSING, "plain.yaml": example()})
    monkeypatch.chdir(tmp_path)
    result = invoke(["check", ".", "--lang", "zh", "--format", "table"])
    assert result.exit_code == 1
    assert cells(result, "方案") == [["方案", "目标", "实际", "限值", "结果"]]
    assert cells(result, "min_roi") == [["lose.yaml", "min_roi ROI 下限", "-21.25%", ">= 0.00%", "未达成"]]
    assert cells(result, "max_cac") == [["lose.yaml", "max_cac 获客成本上限", "20.00", "<= 25.00", "达成"]]
    assert cells(result, "plain.yaml") == [["plain.yaml", "（无目标）", "—", "—", "—"]]
    assert result.stderr == "2 个文件，0 个无效，2 个目标，1 个未达成\n"
    # After the located line of the miss (whose targets.min_roi is the file's key), the table.
    located = invoke(["check", ".", "--lang", "zh"]).stdout
    assert located.startswith("lose.yaml:11:12: ") and result.stdout.startswith(located)
    for word in ("scenario", "target", "actual", "limit", "result", "pass", "fail"):
        assert word not in result.stdout[len(located):]


def test_the_summary_counts_targets_not_applicable_in_chinese(tmp_path: Path) -> None:
    # A target on the change without --base is not applicable: the summary said so in English under --lang zh.
    write(tmp_path, {"plan.yaml": example(targets="max_npv_drop: 10%")})
    result = invoke(["check", str(tmp_path / "plan.yaml"), "--lang", "zh"])
    assert result.exit_code == 0
    assert result.stderr.splitlines()[-1] == "1 个文件，0 个无效，1 个目标，0 个未达成，1 个不适用"


def test_check_follows_a_chinese_locale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"lose.yaml": LOSING})
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    assert "未达成" in invoke(["check", str(tmp_path)]).stdout


def test_a_payback_never_reached_reads_never_in_chinese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The worked example's cumulative cash never turns positive: payback none, so max_payback_months 3 is missed.
    write(tmp_path, {"slow.yaml": example(targets="max_payback_months: 3")})
    monkeypatch.chdir(tmp_path)
    zh = invoke(["check", ".", "--lang", "zh", "--format", "table"])
    assert cells(zh, "slow.yaml") == [["slow.yaml", "max_payback_months 回本月份上限", "未回本", "<= 3", "未达成"]]
    en = invoke(["check", ".", "--lang", "en", "--format", "table"])
    assert cells(en, "slow.yaml") == [["slow.yaml", "max_payback_months", "never", "<= 3", "fail"]]


def test_every_target_has_a_chinese_label_that_keeps_its_key() -> None:
    assert set(TARGET_LABELS) == {*TARGET_FIGURES, *CHANGE_TARGETS}
    for name in TARGET_LABELS:
        zh = label(TARGET_LABELS[name], "zh")
        assert zh.startswith(f"{name} ") and any("\u4e00" <= char <= "\u9fff" for char in zh), zh
        assert label(TARGET_LABELS[name], "en") == name  # English shows the key, as before


def test_check_english_is_unchanged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"lose.yaml": LOSING})
    monkeypatch.chdir(tmp_path)
    result = invoke(["check", ".", "--lang", "en", "--format", "table"])
    assert cells(result, "scenario") == [["scenario", "target", "actual", "limit", "result"]]
    assert cells(result, "min_roi") == [["lose.yaml", "min_roi", "-21.25%", ">= 0.00%", "fail"]]
    assert cells(result, "max_cac") == [["lose.yaml", "max_cac", "20.00", "<= 25.00", "pass"]]
    assert result.stderr == "1 file, 0 invalid, 2 targets, 1 missed\n"


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("width", [60, 80, 120])
def test_check_in_a_narrow_terminal_splits_no_number(lang: str, width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # The bundled scenarios, with long paths and amounts up to 160,783.56 (16.08万), every one held to a
    # roi of 50% so that results read fail too.
    in_terminal(monkeypatch, width)
    monkeypatch.chdir(ROOT)
    result = invoke(["check", "scenarios", "--lang", lang, "--set", "targets.min_roi=50%", "--format", "table"])
    assert result.exit_code == 1, result.stderr
    # The table after the located lines of the misses, which are lines for a matcher, not to fit a terminal.
    located = invoke(["check", "scenarios", "--lang", lang, "--set", "targets.min_roi=50%"]).stdout
    assert located and result.stdout.startswith(located)
    text = result.stdout[len(located):]
    assert "\x1b" not in text
    lines = text.splitlines()
    assert max(cell_len(line) for line in lines) <= width, text
    # At 120 one table, at its own width; at 60 and 80 the paths and targets do not fit beside the numbers, so
    # each file's path (whole) heads a table of its own targets.
    if width == 120:
        assert lines[0].startswith("┏") and 80 < cell_len(lines[0]) < 120
    else:
        paths = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "scenarios").rglob("*.yaml"))
        assert sorted(line.rstrip() for line in lines if line.startswith("scenarios")) == paths, text
    assert "…" not in text
    assert broken_numbers(text) == [], text
    # Whole limits, each on one line, and the result words of both kinds.
    assert ">= 50.00%" in text and (">= 10.00万" if lang == "zh" else ">= 100,000.00") in text
    assert all(word in text for word in ((label("check_pass", lang), label("check_fail", lang))))


def test_check_markdown_in_chinese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"lose.yaml": LOSING, "bad.yaml": BROKEN})
    monkeypatch.chdir(tmp_path)
    out = invoke(["check", ".", "--lang", "zh", "--format", "markdown"]).stdout
    assert "### 目标\n\n| 方案 | 目标 | 实际 | 限值 | 结果 |\n" in out
    assert "| lose.yaml | min_roi ROI 下限 | -21.25% | >= 0.00% | 未达成 |" in out
    assert "### 无效文件" in out and "bad.yaml:3:1: unknown_key: 未知字段 'unknown_key'" in out
    assert out.endswith("\n\n2 个文件，1 个无效，2 个目标，1 个未达成\n")


def test_check_github_messages_in_chinese_titles_in_english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"lose.yaml": LOSING, "bad.yaml": BROKEN})
    monkeypatch.chdir(tmp_path)
    lines = invoke(["check", ".", "--lang", "zh", "--format", "github"]).stdout.splitlines()
    assert "::error file=lose.yaml,line=11,col=12,title=aigc-roi check%3A min_roi::" \
           "Spec example：targets.min_roi 未达成：ROI -21.25%25，应 >= 0.00%25" in lines
    unknown = next(line for line in lines if "unknown-key" in line)
    assert unknown == ("::error file=bad.yaml,line=3,endLine=3,col=1,endColumn=11,title=aigc-roi%3A unknown-key::"
                       "unknown_key: 未知字段 'unknown_key'；可用字段：" + unknown.split("可用字段：")[1])


def test_validate_github_in_chinese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"bad.yaml": BROKEN})
    monkeypatch.chdir(tmp_path)
    result = invoke(["validate", ".", "--lang", "zh", "--format", "github"])
    assert result.exit_code == 2
    churn = result.stdout.splitlines()[1]
    assert churn.startswith("::error file=bad.yaml,line=2,endLine=2,col=28,endColumn=30,title=aigc-roi%3A invalid-value::"
                            "retention.monthly_churn: 应为")
    assert result.stderr == "1 个文件，1 个无效，2 个错误\n"


def test_set_error_annotation_in_chinese(tmp_path: Path) -> None:
    write(tmp_path, {"a.yaml": LOSING})
    result = invoke(["check", str(tmp_path), "--set", "organic_users=-5", "--format", "github", "--lang", "zh"])
    assert result.stdout.splitlines()[1] == (
        f"::error file={tmp_path / 'a.yaml'},title=aigc-roi%3A invalid-value::"
        "--set organic_users=-5:1:1: organic_users: 应为 ≥ 0 的数字，实际为 -5")


def test_json_stays_english_under_zh(tmp_path: Path) -> None:
    write(tmp_path, {"lose.yaml": LOSING, "bad.yaml": BROKEN})
    en = json.loads(invoke(["check", str(tmp_path), "--format", "json", "--lang", "en"]).stdout)
    zh = json.loads(invoke(["check", str(tmp_path), "--format", "json", "--lang", "zh"]).stdout)
    assert zh == en
    assert en["invalid"][1]["message"].startswith("unknown key 'unknown_key'")


# --- check --base ----------------------------------------------------------------


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


def commit_all(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``folder`` as a git repository with everything in it committed, and the working directory."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)  # no user hooks, signing or templates
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for role in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{role}_NAME", "Test")
        monkeypatch.setenv(f"GIT_{role}_EMAIL", "test@example.com")
    git(folder, "init", "-q")
    git(folder, "add", ".")
    git(folder, "commit", "-q", "-m", "scenarios")
    monkeypatch.chdir(folder)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """At HEAD: win.yaml (price 30, pays back in month 1), old.yaml (already misses min_roi) and gone.yaml."""
    write(tmp_path, {"scenarios/win.yaml": WINNING, "scenarios/old.yaml": LOSING,
                     "scenarios/gone.yaml": example(name="Gone")})
    commit_all(tmp_path, monkeypatch)
    # The change: win.yaml's price 30 -> 10 (roi 153.75% -> -21.25%, payback 1 -> never), a new file, one removed.
    write(tmp_path, {"scenarios/win.yaml": WINNING.replace("price: 30", "price: 10"),
                     "scenarios/fresh.yaml": example(name="Fresh")})
    (tmp_path / "scenarios" / "gone.yaml").unlink()
    return tmp_path


def test_base_view_in_chinese(repo: Path) -> None:
    result = invoke(["check", "scenarios", "--base", "HEAD", "--lang", "zh", "--format", "markdown"])
    assert result.exit_code == 1
    out = result.stdout
    assert "| scenarios/win.yaml | min_roi ROI 下限 | -21.25% | >= 150.00% | 未达成（新增） |" in out
    assert "| scenarios/old.yaml | min_roi ROI 下限 | -21.25% | >= 0.00% | 未达成（HEAD 已有） |" in out
    assert "## 自 `HEAD` 以来变化的指标" in out
    assert "- scenarios/fresh.yaml (Fresh)：自 HEAD 以来新增\n" in out
    assert "- scenarios/gone.yaml (Gone)：自 HEAD 以来删除\n" in out
    assert "### scenarios/win.yaml (Spec example)：已修改\n\n| 指标 | 之前 | 之后 | 变化 |" in out
    # Gross revenue 52,500 -> 17,500 (price 30 -> 10): 5.25万 -> 1.75万, down 35,000 (3.50万), -66.7%.
    assert f"| {label('gross_revenue', 'zh')} | 5.25万 | 1.75万 | -3.50万 (-66.7%) |" in out
    assert f"| {label('payback_month', 'zh')} | 1 | 未回本 | 变差：未回本 |" in out


def test_base_text_and_annotations_in_chinese(repo: Path) -> None:
    text = invoke(["check", "scenarios", "--base", "HEAD", "--lang", "zh", "--format", "table"]).stdout
    assert "scenarios/win.yaml (Spec example)：已修改" in text
    assert "未达成（新增）" in text and "未达成（HEAD 已有）" in text
    github = invoke(["check", "scenarios", "--base", "HEAD", "--lang", "zh", "--format", "github"]).stdout.splitlines()
    new_miss = next(line for line in github if "win.yaml" in line and "min_roi::" in line)
    assert new_miss.endswith("::Spec example：targets.min_roi 未达成：ROI -21.25%25，应 >= 150.00%25"
                             "（自 HEAD 以来新增）；改动处：monetization.purchases[0].price 30 -> 10")
    old_miss = next(line for line in github if "old.yaml" in line and "min_roi::" in line)
    assert old_miss.endswith("（HEAD 时已未达成）")


def test_base_without_changes_in_chinese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"s.yaml": WINNING})
    commit_all(tmp_path, monkeypatch)
    assert "自 HEAD 以来没有方案改动。" in invoke(["check", ".", "--base", "HEAD", "--lang", "zh"]).stdout
