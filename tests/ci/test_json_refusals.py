"""`validate --format json` and `check --format json` write one JSON document in every outcome, a refusal too.

GitHub's default run shell is `bash -e` without `pipefail`: in `aigc-roi check --format json plans/ | jq -e .passed`
only jq's exit code counts, and jq passes on an empty stdout. So a run refused with exit 2 (a folder without
scenarios, an unknown --base, a bad option) writes its document with `"passed": false` and an `"error"` saying why.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cli_runner import invoke
from test_check_zh import commit_all
from test_validate_and_check import LOSING, write

from aigc_roi.cli.commands import build_command

NO_FILES = ["files", "summary", "passed", "error"]
NO_SCENARIOS = ["scenarios", "invalid", "warnings", "passed", "summary", "error"]


def refusal(args: list[str]) -> dict[str, Any]:
    """The one document of a refused run, which exits 2 and says why on stderr too (in English, as the document)."""
    result = invoke(args)
    assert result.exit_code == 2, result.stdout
    document = json.loads(result.stdout)  # one document: json.loads refuses anything after it
    assert document["passed"] is False
    if "zh" not in args:
        assert result.stderr.strip().endswith(document["error"]["message"])
    return document


@pytest.mark.parametrize("command", ["validate", "check"])
def test_a_folder_without_scenarios(tmp_path: Path, command: str) -> None:
    (tmp_path / "empty").mkdir()
    document = refusal([command, "--format", "json", str(tmp_path / "empty")])
    assert list(document) == (NO_FILES if command == "validate" else NO_SCENARIOS)
    assert document["error"] == {"message": f"{tmp_path / 'empty'}: no *.yaml or *.yml files in this folder",
                                 "option": None}
    assert document["summary"]["files"] == 0


@pytest.mark.parametrize("args", [
    ["--samples", "0", "--format", "json"],   # refused by click before it reads --format
    ["--format", "json", "--samples", "0"],
    ["-f", "json", "--jobs", "0"],
    ["--format=json", "--samples", "--lang", "en"],  # an option where --samples' value should be
    ["-qfjson", "--samples", "0"],  # -q, then -f taking the rest of the word, as click reads one word of one dash
    ["-qf", "json", "--samples", "0"],
])
def test_a_bad_option_value(tmp_path: Path, args: list[str]) -> None:
    write(tmp_path, {"a.yaml": LOSING})
    document = refusal(["check", str(tmp_path), *args])
    assert document["error"]["option"] in ("--samples", "--jobs")
    assert document["scenarios"] == [] and document["invalid"] == []


def _short_value_options() -> list[tuple[str, str]]:
    """(command, option) for every short name of an option that takes a value, of each command with a document."""
    return [(command, name) for command in ("validate", "check") for param in build_command(command).params
            if param.param_type_name == "option" and not getattr(param, "is_flag", False)
            for name in param.opts if not name.startswith("--")]


@pytest.mark.parametrize(("command", "option"), _short_value_options())
def test_a_short_option_without_its_value_is_named(tmp_path: Path, command: str, option: str) -> None:
    # Last on the line, its value never given; once before with one (-f json -f): click names it as typed.
    write(tmp_path, {"a.yaml": LOSING})
    for before in ([], [option, "json" if option == "-f" else "1"]):
        document = refusal([command, str(tmp_path), "--format", "json", *before, option])
        assert document["error"] == {"message": f"{option}: Option '{option}' requires an argument", "option": option}


@pytest.mark.parametrize(("word", "message"), [
    ("-x", "-x: no such option"),
    ("-seeds", "-seeds: no such option; did you mean --seed?"),  # a long option written with one dash
])
def test_an_unknown_option_of_one_dash_is_named(tmp_path: Path, word: str, message: str) -> None:
    write(tmp_path, {"a.yaml": LOSING})
    assert refusal(["check", str(tmp_path), "-f", "json", word, "1"])["error"] == {"message": message, "option": word}


def test_a_missing_path_argument_and_a_bad_language() -> None:
    assert refusal(["validate", "--format", "json"])["error"]["option"] is None
    assert refusal(["check", "--format", "json", "--lang", "xx", "x.yaml"])["error"] == {
        "message": "--lang: expected one of en, zh, found 'xx'", "option": "--lang"}


def test_the_message_stays_english_under_zh(tmp_path: Path) -> None:
    write(tmp_path, {"a.yaml": LOSING})
    document = refusal(["check", str(tmp_path), "--format", "json", "-v", "--lang", "zh"])
    assert document["error"] == {
        "message": "--verbose applies to --format text, table, github only; it does nothing with --format json",
        "option": "--verbose"}


def test_a_set_that_does_not_parse(tmp_path: Path) -> None:
    write(tmp_path, {"a.yaml": LOSING})
    document = refusal(["check", str(tmp_path), "--format", "json", "--set", "no-equals-sign"])
    assert document["error"]["option"] == "--set"
    assert document["error"]["message"].startswith("--set no-equals-sign:1:1: expected PATH=VALUE")


def test_an_unknown_base_and_a_folder_outside_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # no repository found above the two folders
    write(tmp_path, {"outside/a.yaml": LOSING, "repo/scenarios/a.yaml": LOSING})
    assert refusal(["check", str(tmp_path / "outside"), "--base", "HEAD", "--format", "json"])["error"] == {
        "message": f"--base: {tmp_path / 'outside'} is not inside a git repository", "option": "--base"}
    commit_all(tmp_path / "repo", monkeypatch)
    assert refusal(["check", "scenarios", "--base", "no-such-branch", "--format", "json"])["error"] == {
        "message": "--base: unknown git revision 'no-such-branch'", "option": "--base"}


def test_only_json_gets_a_document(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    for args in (["check", str(tmp_path / "empty")], ["check", str(tmp_path / "empty"), "--format", "github"],
                 ["check", "--samples", "0", "--format", "text", "x.yaml"],
                 # An unknown format is no format chosen.
                 ["check", "--format", "jsn", "x.yaml"]):
        result = invoke(args)
        assert (result.exit_code, result.stdout) == (2, ""), args


def test_a_run_that_reads_its_files_has_its_own_document(tmp_path: Path) -> None:
    # An invalid file is the document's own finding: one document, "error" null, as after any run that read files.
    write(tmp_path, {"a.yaml": "name: A\n"})
    for command in ("validate", "check"):
        result = invoke([command, str(tmp_path), "--format", "json"])
        assert result.exit_code == 2
        document = json.loads(result.stdout)
        assert (document["passed"], document["error"], document["summary"]["invalid"]) == (False, None, 1)
