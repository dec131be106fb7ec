"""The README's tour commands run as written (exit 0, or 1 for `check` of the stories that miss their targets on
purpose; JSON where piped to jq)."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
from cli_runner import invoke

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def tour_commands() -> list[str]:
    tour = README.split("## A two-minute tour", 1)[1]
    block = re.search(r"```sh\n(.*?)```", tour, re.DOTALL)
    assert block is not None
    return [line for line in block[1].splitlines() if line.startswith("aigc-roi ")]


def test_the_tour_has_the_main_commands() -> None:
    used = {shlex.split(command)[1] for command in tour_commands()}
    assert {"run", "compare", "breakeven", "sensitivity", "check", "validate"} <= used


@pytest.mark.parametrize("command", tour_commands())
def test_tour_command_runs(command: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    words = shlex.split(command, comments=True)
    piped_to_jq = "|" in words
    if piped_to_jq:
        words = words[: words.index("|")]
    if ">" in words:  # redirected to a file: the output is checked here instead, and no file is left in the tree
        words = words[: words.index(">")]
    result = invoke(words[1:])
    # examples/stories/ holds the two plans that miss their targets on purpose, to show check's exit 1.
    assert result.exit_code == (1 if "examples/stories/" in words else 0), result.stderr
    assert (result.stdout + result.stderr).strip()  # validate of valid files: only its summary, on stderr
    if piped_to_jq:
        json.loads(result.stdout)


def test_setup_commands_use_a_bundled_scenario_and_the_ci_test_command() -> None:
    setup = README.split("## Set-up", 1)[1].split("## A two-minute tour", 1)[0]
    install, test = re.findall(r"```sh\n(.*?)\n```", setup, re.DOTALL)
    scenario = re.search(r"aigc-roi run (\S+)", install)
    assert scenario is not None and (ROOT / scenario[1]).is_file()
    assert test in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_the_setup_says_what_ci_does_beside_the_test_command() -> None:
    """The README called its test command "exactly what CI's .ci/run does", which also installs the browser tests'
    packages with apt and fails on pytest's exit 5: each is said where the command is."""
    setup = README.split("## Set-up", 1)[1].split("## A two-minute tour", 1)[0]
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    installed = re.search(r"apt-get install (.*?);", run, re.DOTALL)
    assert installed is not None
    packages = [word for word in installed[1].replace("\\", " ").split() if not word.startswith("-")]
    assert packages and all(f"`{package}`" in setup for package in packages), packages
    assert '"$status" -eq 5' in run and "exit 5" in setup and "exactly" not in setup


def test_python_example_runs(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    block = re.search(r"## From Python.*?```python\n(.*?)```", README, re.DOTALL)
    assert block is not None
    exec(compile(block[1], "README.md", "exec"), {})  # the README's own example, as a user would paste it
    assert "acquisition[0].bid" in capsys.readouterr().out


def test_constraints_pin_every_dependency_ci_installs() -> None:
    """A dependency missing from constraints.txt floats to its newest release on a clean clone."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["test"]
    names = {re.split(r"[<>=!\[ ]", spec, maxsplit=1)[0].lower().replace("_", "-") for spec in wanted}
    pinned = {line.split("==")[0].lower().replace("_", "-")
              for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
              if "==" in line and not line.startswith("#")}
    assert names <= pinned, sorted(names - pinned)
