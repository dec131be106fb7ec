"""An option given where it would do nothing is refused (exit 2, one line), never silently skipped (README,
"Output and exit codes"): one that the chosen format ignores, or one that needs another option not given."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

FORMAT_ONLY = "aigc-roi: {option} applies to --format {formats} only; it does nothing with --format {chosen}\n"
WITH_ONLY = "aigc-roi: {option} applies only with {options}; without it, it does nothing\n"
WITH_LIST = "aigc-roi: {option} does nothing with --list; give one or the other\n"
RISK = "--objective p10_npv / --objective payback_probability / --min-payback-probability"

IDLE = [
    # The table given is named, as run names it: run's --table cohorts is taken by every format.
    (["allocate", "--budget", "1万", "--table", "curve"], FORMAT_ONLY.format(option="--table curve", formats="csv", chosen="table")),
    (["allocate", "--budget", "1万", "--table", "channels", "-f", "json"],
     FORMAT_ONLY.format(option="--table channels", formats="csv", chosen="json")),
    (["allocate", "--budget", "1万", "--samples", "50"], WITH_ONLY.format(option="--samples", options=RISK)),
    (["allocate", "--budget", "1万", "--seed", "3", "--objective", "net_cash"], WITH_ONLY.format(option="--seed", options=RISK)),
    (["curves", "--table", "fits"], FORMAT_ONLY.format(option="--table fits", formats="csv", chosen="table")),
    (["curves", "--table", "curves", "-f", "markdown"],
     FORMAT_ONLY.format(option="--table curves", formats="csv", chosen="markdown")),
    (["run", "--table", "channels", "-f", "json"], FORMAT_ONLY.format(option="--table channels", formats="csv", chosen="json")),
    (["run", "--cohorts", "-f", "csv"],
     FORMAT_ONLY.format(option="--cohorts", formats="table, json, markdown, xlsx", chosen="csv")),
    (["compare", "{file}", "--seed", "2"], WITH_ONLY.format(option="--seed", options="--samples")),
    (["compare", "{file}", "-j", "2"], WITH_ONLY.format(option="--jobs", options="--samples")),
    (["sensitivity", "--grid-steps", "3"], WITH_ONLY.format(option="--grid-steps", options="--grid")),
    (["validate", "-v", "-f", "json"], FORMAT_ONLY.format(option="--verbose", formats="text", chosen="json")),
    (["validate", "-v", "-f", "github"], FORMAT_ONLY.format(option="--verbose", formats="text", chosen="github")),
    (["check", "-v", "-f", "json"], FORMAT_ONLY.format(option="--verbose", formats="text, table, github", chosen="json")),
    (["check", "-v", "-f", "markdown"],
     FORMAT_ONLY.format(option="--verbose", formats="text, table, github", chosen="markdown")),
]


def _args(example: Path, words: list[str]) -> list[str]:
    return [words[0], str(example), *(str(example) if word == "{file}" else word for word in words[1:])]


@pytest.mark.parametrize(("words", "line"), IDLE, ids=lambda value: " ".join(value) if isinstance(value, list) else "")
def test_an_option_that_would_do_nothing_is_refused(example: Path, words: list[str], line: str) -> None:
    result = invoke(_args(example, words))
    assert (result.exit_code, result.stderr) == (2, line)
    # validate and check write their one JSON document, refused or not (tests/ci/test_json_refusals.py).
    assert result.stdout == "" or words[0] in ("validate", "check") and "json" in words


@pytest.mark.parametrize("words", [words for words, _ in IDLE], ids=" ".join)
def test_the_refusal_is_chinese_under_lang_zh(example: Path, words: list[str]) -> None:
    result = invoke([*_args(example, words), "--lang", "zh"])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "不起作用" in result.stderr and "does nothing" not in result.stderr


def test_the_formats_a_chinese_refusal_lists_are_joined_as_chinese_lists_are(example: Path) -> None:
    result = invoke(_args(example, ["check", "-v", "-f", "markdown", "--lang", "zh"]))
    assert (result.exit_code, result.stderr) == (
        2, "aigc-roi: --verbose 仅适用于 --format text、table、github；与 --format markdown 一起使用不起作用\n")


@pytest.mark.parametrize(("words", "line"), [
    (["allocate", "--budget", "1万", "--table", "curve"],
     "aigc-roi: --table curve 仅适用于 --format csv；与 --format table 一起使用不起作用\n"),
    (["curves", "--table", "fits", "-f", "json"], "aigc-roi: --table fits 仅适用于 --format csv；与 --format json 一起使用不起作用\n"),
    (["run", "--table", "months", "-f", "markdown"],
     "aigc-roi: --table months 仅适用于 --format csv；与 --format markdown 一起使用不起作用\n"),
], ids=lambda value: " ".join(value) if isinstance(value, list) else "")
def test_a_chinese_table_refusal_names_the_table_as_english_does(example: Path, words: list[str], line: str) -> None:
    result = invoke([*_args(example, words), "--lang", "zh"])
    assert (result.exit_code, result.stderr) == (2, line)


@pytest.mark.parametrize("words", [
    ["allocate", "--budget", "1万", "--table", "curve", "-f", "csv"],
    ["allocate", "--budget", "1万", "--samples", "50", "--seed", "3", "--objective", "p10_npv"],
    ["allocate", "--budget", "1万", "--samples", "50", "--min-payback-probability", "0.1"],
    ["curves", "--table", "fits", "-f", "csv"],
    ["run", "--cohorts", "-f", "json"],
    ["run", "--table", "cohorts", "-f", "markdown"],
    ["compare", "{file}", "--samples", "50", "--seed", "2", "-j", "1"],
    ["sensitivity", "--grid", "acquisition[0].bid,acquisition[0].users", "--grid-steps", "3"],
    ["validate", "-v"],
    ["check", "-v", "-f", "github"],
], ids=" ".join)
def test_the_same_options_where_they_do_something_are_taken(example: Path, words: list[str]) -> None:
    result = invoke(_args(example, words))
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize(("words", "line"), [
    (["my.yaml"], WITH_LIST.format(option="FILE")),
    (["-"], WITH_LIST.format(option="FILE")),
    (["-t", "koc-seeding"], WITH_LIST.format(option="--template")),
    (["--force"], WITH_LIST.format(option="--force")),
    # The first of them is named.
    (["my.yaml", "-t", "koc-seeding", "--force"], WITH_LIST.format(option="FILE")),
], ids=lambda value: " ".join(value) if isinstance(value, list) else "")
def test_init_list_refuses_what_only_writing_a_template_uses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             words: list[str], line: str) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke(["init", "--list", *words])
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", line)
    assert not (tmp_path / "my.yaml").exists()
    chinese = invoke(["init", "--list", *words, "--lang", "zh"]).stderr
    assert chinese.startswith("aigc-roi: ") and "不起作用" in chinese and "does nothing" not in chinese


def test_init_list_alone_lists() -> None:
    result = invoke(["init", "--list"])
    assert result.exit_code == 0 and "koc-seeding" in result.stdout
