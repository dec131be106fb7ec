"""Every word of ``--help`` has a Chinese entry: a reworded option fails here instead of showing English under zh.

HELP_ZH and CLICK_ZH are keyed by the English text, so an option whose help
changes silently falls back to English; walking the whole click app catches it
(and an entry no text uses any more, left behind by such a change).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import typer.core
import typer.main
from cli_runner import invoke
from typer import _click

from aigc_roi.cli.app import app
from aigc_roi.cli.commands import COMMANDS
from aigc_roi.present.help_zh import CLICK_ZH, HELP_ZH, help_key


def _helps(command: _click.Command, context: _click.Context) -> Iterator[tuple[str, str]]:
    """(where, paragraph) of every docstring and help text of ``command`` and its subcommands, help options included."""
    for where, text in [(command.name or "aigc-roi", command.help),
                        *((f"{command.name} {parameter.name}", getattr(parameter, "help", None))
                          for parameter in [*command.params, command.get_help_option(context)] if parameter is not None)]:
        for paragraph in (text or "").split("\n\n"):
            if paragraph.strip():
                yield where, help_key(paragraph)
    if isinstance(command, typer.core.TyperGroup):
        # Through the group, as click reaches them: it builds each command when asked for it (cli/commands.py).
        for name in command.list_commands(context):
            subcommand = command.get_command(context, name)
            assert subcommand is not None, name
            yield from _helps(subcommand, context)


def _all_helps() -> list[tuple[str, str]]:
    root = typer.main.get_command(app)
    return list(_helps(root, _click.Context(root, info_name="aigc-roi", **root.context_settings)))


def test_the_walk_reaches_every_command_and_option() -> None:
    """The walk itself is no vacuous pass: it sees the help option and a command's own option."""
    helps = _all_helps()
    assert ("aigc-roi help", "Show this message and exit.") in helps
    assert ("run help", "Show this message and exit.") in helps
    assert ("run lang", "Language of tables and messages: en or zh (default from LANG).") in helps
    assert len({where.split()[0] for where, _ in helps}) == len(COMMANDS) + 1


def test_every_help_text_has_a_chinese_entry() -> None:
    missing = sorted({f"{where}: {text}" for where, text in _all_helps() if text not in HELP_ZH})
    assert not missing, "add to present/help_zh.py HELP_ZH:\n" + "\n".join(missing)


def test_no_chinese_entry_is_left_over() -> None:
    used = {text for _, text in _all_helps()}
    assert not sorted(set(HELP_ZH) - used), "no help text reads like these any more: reword or remove them"


def test_every_word_of_clicks_frame_has_a_chinese_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    """What Typer asks gettext for while printing each command's help (in English: nothing is swapped then)."""
    asked: set[str] = set()

    def record(message: str) -> str:
        asked.add(message)
        return message

    monkeypatch.setattr(typer.core, "_", record)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    for args in (["--help"], *([command, "--help"] for command in COMMANDS)):
        assert invoke(args).exit_code == 0
    assert {"Options", "Commands", "Arguments", "required", "default: {default}"} <= asked
    assert asked <= set(CLICK_ZH), "add to present/help_zh.py CLICK_ZH: " + ", ".join(sorted(asked - set(CLICK_ZH)))
    # What the vendored click writes without gettext: "Usage: " and the usage line's placeholders (cli/help_frame.py).
    assert set(CLICK_ZH) - asked == {"Usage: ", "[OPTIONS]", "COMMAND [ARGS]..."}
