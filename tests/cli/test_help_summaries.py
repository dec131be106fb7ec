"""The root's ``--help`` lists the commands from cli/commands.py SUMMARIES, without importing any of them.

Each summary must be its command's docstring's first paragraph (what Typer shows of it), and the list must
read exactly as it does with every command built, in English and in Chinese.
"""

from __future__ import annotations

import ast
import inspect
import subprocess
import sys
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.cli.commands import COMMANDS, SUMMARIES, CommandGroup, command_function

ROOT = Path(__file__).resolve().parents[2]


def test_each_summary_is_its_docstrings_first_paragraph() -> None:
    assert list(SUMMARIES) == list(COMMANDS)
    for name in COMMANDS:
        doc = inspect.cleandoc(command_function(name).__doc__ or "")
        assert SUMMARIES[name] == doc.split("\n\n")[0], name


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_list_reads_as_with_every_command_built(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    listed = invoke(["--help", "--lang", lang])
    original = CommandGroup.list_commands

    def building_each(self: CommandGroup, ctx: object) -> list[str]:
        names = original(self, ctx)  # type: ignore[arg-type]
        for name in names:
            self.get_command(ctx, name)  # type: ignore[arg-type]
        return names

    monkeypatch.setattr(CommandGroup, "list_commands", building_each)
    built = invoke(["--help", "--lang", lang])
    assert listed.exit_code == built.exit_code == 0
    assert listed.stdout == built.stdout
    assert "validate" in listed.stdout and "report" in listed.stdout


def test_the_roots_help_imports_no_command() -> None:
    probe = ("import sys\nsys.argv = ['aigc-roi', '--help']\n"
             "try:\n    from aigc_roi.cli.app import main\n    main()\nexcept SystemExit:\n    pass\n"
             "print(sorted(name for name in sys.modules if name.startswith(('aigc_roi.cli.', 'aigc_roi.api', "
             "'aigc_roi.reader.'))), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=False)
    loaded = ast.literal_eval(done.stderr.splitlines()[-1])  # the list of names the probe printed
    assert not {f"aigc_roi.cli.{module.split(':')[0].rsplit('.', 1)[-1]}" for module in COMMANDS.values()} & set(loaded)
    assert "aigc_roi.api" not in loaded
    # Nor the number grammar, which only an option's value reads (cli/options.py WholeNumber).
    assert "aigc_roi.reader.numbers" not in loaded
