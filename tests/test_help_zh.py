"""`--help` in Chinese under --lang zh (in any position) or a Chinese locale; English otherwise."""

from __future__ import annotations

import sys

import pytest
from cli_runner import invoke

from aigc_roi.present.help_zh import HELP_ZH

COMMANDS = ("run", "compare", "breakeven", "sensitivity", "validate", "check", "schema", "init")


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("order", ["before", "after"])
def test_help_in_chinese_with_lang_zh(command: str, order: str, monkeypatch: pytest.MonkeyPatch) -> None:
    args = [command, "--lang", "zh", "--help"] if order == "before" else [command, "--help", "--lang", "zh"]
    monkeypatch.setattr(sys, "argv", ["aigc-roi", *args])
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    result = invoke(args)
    assert result.exit_code == 0, result.stderr
    helps = [line for line in result.stdout.splitlines() if line.startswith("  ")]
    assert any("\u4e00" <= char <= "\u9fff" for char in helps[0]), result.stdout  # the docstring
    assert "表格和提示的语言" in result.stdout  # --lang's own help: every command has it


def test_help_follows_a_chinese_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", ["aigc-roi", "validate", "--help"])
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    assert "按格式检查场景文件" in invoke(["validate", "--help"]).stdout


def test_help_stays_english_otherwise(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", ["aigc-roi", "run", "--help"])
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    out = invoke(["run", "--help"]).stdout
    assert "Figures, per-channel table" in out and "核心指标" not in out


def test_every_translation_is_chinese() -> None:
    assert all(any("\u4e00" <= char <= "\u9fff" for char in text) for text in HELP_ZH.values())
