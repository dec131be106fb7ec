"""The conventions CI users know from ruff and yamllint: -h, -V, -q, completion, -o -, --lang everywhere."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi import __version__
from aigc_roi.cli.commands import COMMANDS, build_command


@pytest.mark.parametrize("command", list(COMMANDS))  # the registry itself: a new command cannot be missed
def test_every_command_has_short_help_lang_and_quiet(command: str) -> None:
    result = invoke([command, "-h"])
    assert result.exit_code == 0
    assert "--lang en|zh" in result.stdout
    assert "-q, --quiet" in result.stdout


def test_short_version_flag() -> None:
    assert invoke(["-V"]).stdout == f"aigc-roi {__version__}\n"


def test_shell_completion_is_offered() -> None:
    out = invoke(["--help"]).stdout
    assert "--install-completion" in out and "--show-completion" in out


@pytest.mark.parametrize("command", ["run", "breakeven", "sensitivity", "simulate", "allocate", "curves"])
def test_file_arguments_read_file(command: str) -> None:
    assert re.search(r"^Usage: aigc-roi \S+ \[OPTIONS\] \{FILE\}$", invoke([command, "-h"]).stdout, re.MULTILINE)


def test_compare_takes_files() -> None:
    assert re.search(r"^Usage: aigc-roi compare \[OPTIONS\] \{FILE\.\.\.\}$", invoke(["compare", "-h"]).stdout, re.MULTILINE)


@pytest.mark.parametrize("command", COMMANDS)
def test_metavars_name_what_to_type(command: str) -> None:
    # Click's defaults for an int range and a str ("--samples <int range>", "-t <str>") say nothing to a user.
    out = invoke([command, "-h"], env={"COLUMNS": "200"}).stdout
    assert "<int range>" not in out and "<str>" not in out and "<integer>" not in out, out


def test_quiet_silences_the_summary_but_not_the_findings(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nretention: {monthly_churn: 2}\n", encoding="utf-8")
    loud = invoke(["validate", str(bad)])
    assert loud.stderr == "1 file, 1 invalid, 1 error\n"
    quiet = invoke(["validate", "-q", str(bad)])
    assert quiet.exit_code == 2
    assert quiet.stderr == ""
    assert quiet.stdout == loud.stdout == f"{bad}:2:28: retention.monthly_churn: expected a number from 0 to 1, found 2; did you mean 2%?\n"


def test_quiet_keeps_usage_errors(example: Path) -> None:
    result = invoke(["run", str(example), "-q", "-f", "json", "--table", "months"])
    assert result.exit_code == 2
    assert "--table months applies to --format csv only" in result.stderr


def test_table_refusal_names_the_table_since_cohorts_is_taken_by_every_format(example: Path) -> None:
    refused = invoke(["run", str(example), "-f", "json", "--table", "channels"])
    assert refused.exit_code == 2
    assert refused.stderr == "aigc-roi: --table channels applies to --format csv only; it does nothing with --format json\n"
    taken = invoke(["run", str(example), "-f", "json", "--table", "cohorts"])
    assert taken.exit_code == 0
    assert "cohorts" in json.loads(taken.stdout)


def test_quiet_init_prints_no_note(tmp_path: Path) -> None:
    result = invoke(["init", str(tmp_path / "s.yaml"), "-q"])
    assert result.exit_code == 0
    assert result.stderr == ""
    assert (tmp_path / "s.yaml").exists()


def test_dash_output_is_stdout(example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke(["run", str(example), "-f", "json", "-o", "-"])
    assert result.exit_code == 0
    assert '"ad_spend": 20000.0' in result.stdout
    assert not (tmp_path / "-").exists()
    assert invoke(["schema", "-o", "-"]).stdout.startswith("{")


def test_lang_is_checked_on_ci_commands(tmp_path: Path) -> None:
    result = invoke(["schema", "--lang", "fr"])
    assert result.exit_code == 2
    assert result.stderr.startswith("aigc-roi: --lang: expected one of en, zh")


@pytest.mark.parametrize("command", [["breakeven"], ["sensitivity"],
                                     ["sensitivity", "--grid", "acquisition[0].bid,monetization.purchases[0].price"],
                                     ["compare", "--variant", "b: acquisition[0].bid=25"],
                                     ["compare", "--variant", "b: acquisition[0].bid=25", "--samples", "20"],
                                     ["simulate", "--samples", "20"], ["allocate", "--budget", "20000"], ["curves"]])
def test_bom_on_what_if_csv_and_refused_elsewhere(example: Path, command: list[str]) -> None:
    written = invoke([*command, str(example), "-f", "csv", "--bom"])
    assert written.exit_code == 0, written.stderr
    assert written.stdout_bytes.startswith(b"\xef\xbb\xbf")
    refused = invoke([*command, str(example), "--bom"])
    assert refused.exit_code == 2
    assert refused.stderr == "aigc-roi: --bom applies to --format csv only; it does nothing with --format table\n"


def test_bom_on_simulate_samples_csv(example: Path, tmp_path: Path) -> None:
    samples = tmp_path / "samples.csv"
    result = invoke(["simulate", str(example), "--samples", "20", "--samples-out", str(samples), "--bom", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert samples.read_bytes().startswith(b"\xef\xbb\xbfsample,")
    assert result.stdout.startswith("{")  # the JSON on stdout takes no mark


@pytest.mark.parametrize("name", list(COMMANDS))
def test_bom_wherever_csv_is_a_format(name: str) -> None:
    command = build_command(name)
    options = {option for parameter in command.params for option in parameter.opts}
    formats = next((getattr(parameter.type, "choices", ()) for parameter in command.params if "--format" in parameter.opts), ())
    assert ("csv" in formats) == ("--bom" in options), name
