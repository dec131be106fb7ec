"""An option given without its value, before another option: click took the next word as the value, whatever it was
(``simulate f --samples --lang zh`` read '--lang' as the number of samples and 'zh' as a stray argument; ``-o --force``
would write a file named --force). Every option that takes a value, on every command and the root, says it has
none and names the option found in its place, in English and Chinese (cli/edge.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.cli.commands import COMMANDS, build_command

CHAT = Path(__file__).resolve().parents[2] / "aigc_roi" / "templates" / "chat-assistant-cpa.yaml"


def _value_options() -> list[tuple[str, str]]:
    """(command, option) for every name, short ones too, of every option that takes a value."""
    return [(name, option) for name in COMMANDS for param in build_command(name).params
            if param.param_type_name == "option" and not getattr(param, "is_flag", False) for option in param.opts]


@pytest.mark.parametrize(("command", "option"), _value_options(), ids="-".join)
def test_an_option_before_another_says_it_has_no_value(command: str, option: str, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    english = invoke([command, option, "--lang", "en"])
    assert (english.exit_code, english.stdout) == (2, "")
    assert english.stderr == f"aigc-roi: {option}: expected a value, found --lang, an option of {command}\n"
    chinese = invoke([command, option, "--lang", "zh"])
    assert (chinese.exit_code, chinese.stdout) == (2, "")
    assert chinese.stderr == f"aigc-roi: {option}：应为一个值，实际为 {command} 的选项 --lang\n"
    # --help in its place is no value either, and shows no help: the command line is refused as it stands.
    helped = invoke([command, option, "--help"])
    assert helped.stderr == f"aigc-roi: {option}: expected a value, found --help, an option of {command}\n"
    assert list(tmp_path.iterdir()) == []  # -o --lang wrote no file named --lang


@pytest.mark.parametrize(("args", "message"), [
    (["run", str(CHAT), "-o", "--force"], "aigc-roi: -o: expected a value, found --force, an option of run\n"),
    (["simulate", str(CHAT), "--samples", "--samples-out", "x.csv"],
     "aigc-roi: --samples: expected a value, found --samples-out, an option of simulate\n"),
    (["allocate", str(CHAT), "-b", "-f", "json"], "aigc-roi: -b: expected a value, found -f, an option of allocate\n"),
    # The root's own options end at the command's name.
    (["--lang", "--help"], "aigc-roi: --lang: expected a value, found --help, an option of aigc-roi\n"),
    (["--lang", "--version"], "aigc-roi: --lang: expected a value, found --version, an option of aigc-roi\n"),
])
def test_the_option_found_is_named(args: list[str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke(args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("args", "message"), [
    # Values that start with '-' are values: each meets its own check, as without the rule.
    (["simulate", str(CHAT), "--percentiles", "-1"],
     "aigc-roi: --percentiles: expected numbers from 0 to 100 separated by commas, such as 5,50,95, found '-1'\n"),
    (["simulate", str(CHAT), "--seed", "-1"], "aigc-roi: --seed: expected a whole number from 0 to 2^128 - 1, found '-1'\n"),
    (["run", str(CHAT), "--set", "organic_users=-5"], "--set organic_users=-5:1:1: organic_users: expected a number >= 0, found -5\n"),
    (["allocate", str(CHAT), "-b", "-5"], "aigc-roi: --budget: expected a positive amount, found '-5'\n"),
    # An option of another command is no option here: a value, refused by the value's own check.
    (["run", str(CHAT), "--set", "--samples"],
     "--set --samples:1:1: expected PATH=VALUE such as acquisition[0].bid=25\n"),
])
def test_a_value_starting_with_a_dash_is_a_value(args: list[str], message: str) -> None:
    result = invoke(args)
    assert (result.exit_code, result.stderr) == (2, message)


def test_standard_output_named_dash_is_a_value() -> None:
    result = invoke(["run", str(CHAT), "-o", "-", "-f", "json"])
    assert result.exit_code == 0 and result.stdout.startswith("{")
