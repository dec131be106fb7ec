"""`check FILES --set ...`: one option applied to many files, so each error it causes names the file it was applied to.

An error in a --set is located in the option (``--set PATH=VALUE:1:1: ...``); over a folder, the same line came once
per file it failed on with nothing to tell the files apart, JSON's ``file`` was the option and GitHub's annotation
had no file.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from cli_runner import invoke

WITH_CHANNEL = ("name: With channel\nhorizon_months: 3\nretention: {monthly_churn: 0.5}\n"
                "acquisition:\n  - {name: Douyin CPA, type: cpa, bid: 20, users: 100}\n")
NO_CHANNEL = "name: No channel\nhorizon_months: 3\nretention: {monthly_churn: 0.5}\n"
OPTION = "--set Douyin CPA.bid=5"
NOT_NAMED = "Douyin CPA.bid: no channel, plan, purchase, order or fixed cost is named 'Douyin CPA'"
"""With no example path: a file without a channel has none that sets a bid."""


@pytest.fixture
def mix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """a.yaml and c.yaml have no channel named Douyin CPA; b.yaml has."""
    for name, text in {"a.yaml": NO_CHANNEL, "b.yaml": WITH_CHANNEL, "c.yaml": NO_CHANNEL}.items():
        (tmp_path / "mix").mkdir(exist_ok=True)
        (tmp_path / "mix" / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "mix"


def test_each_text_line_names_the_file_the_option_failed_on(mix: Path) -> None:
    result = invoke(["check", "mix", "--set", "Douyin CPA.bid=5"])
    assert result.exit_code == 2
    assert result.stdout == f"mix/a.yaml: {OPTION}:1:1: {NOT_NAMED}\nmix/c.yaml: {OPTION}:1:1: {NOT_NAMED}\n"
    assert result.stderr == ("What-if: Douyin CPA.bid=5 (--set), not the plan as written\n"
                             "3 files, 2 invalid, 0 targets, 0 missed\n")


def test_chinese_lines_name_the_file_too(mix: Path) -> None:
    result = invoke(["check", "mix", "--set", "Douyin CPA.bid=5", "--lang", "zh"])
    assert result.stdout.splitlines()[0].startswith(f"mix/a.yaml: {OPTION}:1:1: Douyin CPA.bid: 没有名为 'Douyin CPA' 的")
    assert result.stdout.splitlines()[1].startswith(f"mix/c.yaml: {OPTION}:1:1: ")


def test_json_file_is_the_scenario_and_option_the_set(mix: Path) -> None:
    result = invoke(["check", "mix", "--set", "Douyin CPA.bid=5", "--format", "json"])
    invalid = json.loads(result.stdout)["invalid"]
    assert [(error["file"], error["option"], error["line"], error["column"]) for error in invalid] == [
        ("mix/a.yaml", OPTION, 1, 1), ("mix/c.yaml", OPTION, 1, 1)]
    assert invalid[0]["rule"] == "bad-override"


def test_json_option_is_null_for_an_error_of_the_file(mix: Path) -> None:
    (mix / "a.yaml").write_text(NO_CHANNEL + "organic_users: -5\n", encoding="utf-8")  # line 4
    result = invoke(["check", "mix/a.yaml", "--format", "json"])
    [error] = json.loads(result.stdout)["invalid"]
    assert (error["file"], error["option"], error["line"]) == ("mix/a.yaml", None, 4)


def test_github_annotation_points_at_the_file_it_was_applied_to(mix: Path) -> None:
    result = invoke(["check", "mix", "--set", "Douyin CPA.bid=5", "--format", "github"])
    assert result.stdout.splitlines() == [
        "::group::mix/a.yaml",
        f"::error file=mix/a.yaml,title=aigc-roi%3A bad-override::{OPTION}:1:1: {NOT_NAMED}",
        "::endgroup::",
        "::group::mix/c.yaml",
        f"::error file=mix/c.yaml,title=aigc-roi%3A bad-override::{OPTION}:1:1: {NOT_NAMED}",
        "::endgroup::",
    ]


def test_an_error_of_the_set_value_names_the_file_too(mix: Path) -> None:
    # The path exists in every file; the value is refused where it lands, in each.
    result = invoke(["check", "mix", "--set", "horizon_months=0"])
    expected = "--set horizon_months=0:1:1: horizon_months: expected a whole number from 1 to 120, found 0"
    assert result.stdout.splitlines() == [f"mix/{name}.yaml: {expected}" for name in "abc"]


def test_the_base_version_names_its_revision_and_file(mix: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for key in ("GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"):
        monkeypatch.setenv(key, "test@example.com")
    (mix / "c.yaml").unlink()
    for args in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "mix"]):
        subprocess.run(["git", *args], check=True, capture_output=True)
    (mix / "a.yaml").write_text(WITH_CHANNEL, encoding="utf-8")  # the channel exists now, not at HEAD
    result = invoke(["check", "mix", "--base", "HEAD", "--set", "Douyin CPA.bid=5"])
    assert f"mix/a.yaml at HEAD: {OPTION}:1:1: {NOT_NAMED}\n" in result.stdout
