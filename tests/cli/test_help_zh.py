"""`--help` and usage errors in Chinese under --lang zh (in any position) or a Chinese locale; English otherwise.

The language is read from the arguments click is given, not from sys.argv: these
tests run in-process and leave sys.argv alone.
"""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import pytest
import typer.core
from cli_runner import invoke
from typer import _click

from aigc_roi.cli.help_frame import columns, wrap_columns
from aigc_roi.present.help_zh import HELP_ZH

COMMANDS = ("run", "compare", "breakeven", "sensitivity", "simulate", "allocate", "validate", "check", "schema", "init",
            "curves")

_CODE = re.compile(r"'[^']*'|<[^>]*>|-{1,2}[A-Za-z][\w-]*|\S*\w[._=/-]\w\S*|\S*[\d\[\]]\S*|\b[A-Z][A-Z0-9_,]+\b")
"""Quoted examples, metavars, option names, paths and numbers, ALL-CAPS names: code, which stays as typed."""


def english_runs(text: str) -> list[str]:
    """Two or more English words in a row, once code is set aside: "Show this message", "Usage: aigc-roi"."""
    return re.findall(r"[A-Za-z]+(?:[ ,:]+[A-Za-z]+)+", _CODE.sub(" ", text))


def test_english_runs_sees_clicks_frame_and_not_code() -> None:
    assert english_runs("  -h, --help  Show this message and exit.") == ["Show this message and exit"]
    assert english_runs("Options:\n  --table <figures|channels>  --format csv 写出哪张表。  [默认：table]") == []


def _chinese(monkeypatch: pytest.MonkeyPatch, how: str, args: list[str]) -> list[str]:
    """``args`` asking for Chinese ``how``: by the locale, or by --lang zh before or after them."""
    monkeypatch.setenv("LANG", "zh_CN.UTF-8" if how == "locale" else "C.UTF-8")
    return {"locale": args, "lang first": ["--lang", "zh", *args], "lang last": [*args, "--lang", "zh"]}[how]


def assert_chinese_help(text: str) -> None:
    assert "用法：aigc-roi" in text and "选项：" in text and "显示此帮助并退出。" in text, text
    for english in ("Usage", "Options", "Arguments", "Commands", "Show this message", "default:", "required"):
        assert english not in text, english
    assert english_runs(text) == [], text


@pytest.mark.parametrize("how", ["locale", "lang first", "lang last"])
def test_root_help_in_chinese(how: str, monkeypatch: pytest.MonkeyPatch) -> None:
    result = invoke(_chinese(monkeypatch, how, ["--help"]))
    assert result.exit_code == 0, result.stderr
    assert_chinese_help(result.stdout)
    assert "命令：" in result.stdout
    # The command list: the first clause of each command's own help, in Chinese too.
    assert "\n  run          核心指标、分渠道表、月度现金流和累计现金流图\n" in result.stdout
    assert "\n  simulate     在各区间上做蒙特卡洛模拟\n" in result.stdout


def test_root_lang_zh_alone_shows_the_chinese_help_as_no_arguments_does(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "C.UTF-8")
    result = invoke(["--lang", "zh"])
    assert result.exit_code == invoke([]).exit_code == 2
    assert_chinese_help(result.stderr)


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("how", ["locale", "lang first", "lang last"])
def test_command_help_in_chinese(command: str, how: str, monkeypatch: pytest.MonkeyPatch) -> None:
    args = _chinese(monkeypatch, how, [command, "--help"]) if how != "lang first" else [command, "--lang", "zh", "--help"]
    result = invoke(args)
    assert result.exit_code == 0, result.stderr
    assert_chinese_help(result.stdout)
    assert "表格和提示的语言" in result.stdout  # --lang's own help: every command has it


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_chinese_help_fits_an_80_column_terminal(command: str) -> None:
    """Click counts characters; a Chinese character takes two columns, so its lines ran to twice the width."""
    result = invoke([*([command] if command else []), "--help", "--lang", "zh"], env={"COLUMNS": "80"})
    assert max(columns(line) for line in result.stdout.splitlines()) <= 80, result.stdout


def test_wrapping_by_columns() -> None:
    assert columns("用法：aigc-roi") == 6 + 8
    # Three characters of two columns fill six; closing punctuation never opens a line: the character before goes with it.
    assert wrap_columns("甲乙丙丁。", 8) == ["甲乙丙", "丁。"]
    assert wrap_columns("ab（可重复）。", 6) == ["ab（可", "重", "复）。"]
    # An opening bracket goes down with the character after it; words break at spaces, a word longer than a line inside.
    assert wrap_columns("甲乙 [默认：5]", 7) == ["甲乙", "[默认：", "5]"]
    assert wrap_columns("abc def ghi", 7) == ["abc def", "ghi"]
    assert wrap_columns("abcdefghij", 4) == ["abcd", "efgh", "ij"]


def test_the_roots_lang_reaches_the_command(example: Path) -> None:
    """`aigc-roi --lang zh validate F`: the root's --lang is the command's default."""
    result = invoke(["--lang", "zh", "validate", str(example)])
    assert result.exit_code == 0
    assert result.stderr.strip() == "1 个文件，0 个无效，0 个错误"


def test_a_commands_lang_en_wins_over_a_chinese_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    out = invoke(["run", "--help", "--lang", "en"]).stdout
    assert "Usage: aigc-roi run" in out and "Figures, per-channel table" in out and "核心指标" not in out


def test_help_stays_english_otherwise() -> None:
    out = invoke(["run", "--help"]).stdout
    assert "Usage: aigc-roi run" in out and "Options:" in out and "Figures, per-channel table" in out
    assert "用法" not in out and "核心指标" not in out


def test_an_english_invocation_after_a_chinese_one_is_english(example: Path) -> None:
    assert "用法" in invoke(["--lang", "zh", "--help"]).stdout
    assert invoke(["run", str(example), "--forse", "--lang", "zh"]).stderr.strip() == "aigc-roi: --forse：没有这个选项；是否想写 --force？"
    out = invoke(["--help"]).stdout
    assert "Usage: aigc-roi" in out and "Show this message and exit." in out and "显示" not in out
    assert invoke(["run", str(example), "--forse"]).stderr.strip() == "aigc-roi: --forse: no such option; did you mean --force?"
    # What a Chinese invocation rebinds is back as Typer and click have it.
    assert typer.core._ is gettext.gettext
    assert _click.Context.formatter_class is _click.HelpFormatter


USAGE_ERRORS = [
    (["run", "{file}", "--format", "zz"],
     "aigc-roi: --format: 'zz' is not one of 'table', 'json', 'csv', 'markdown', 'xlsx'",
     "aigc-roi: --format：'zz' 不是可选值之一：'table'、'json'、'csv'、'markdown'、'xlsx'"),
    # A value like a choice is offered it: 'xx' and 'xlsx' share two letters of six, a ratio of 2 x 2 / 6 = 0.67.
    (["run", "{file}", "--format", "xx"],
     "aigc-roi: --format: 'xx' is not one of 'table', 'json', 'csv', 'markdown', 'xlsx'; did you mean 'xlsx'?",
     "aigc-roi: --format：'xx' 不是可选值之一：'table'、'json'、'csv'、'markdown'、'xlsx'；是否想写 'xlsx'？"),
    # 'forse' is force but for one letter, 2 x 4 / 10 = 0.8; 'bogus' shares only 'bo' with bom, 2 x 2 / 8 = 0.5.
    (["run", "{file}", "--forse"],
     "aigc-roi: --forse: no such option; did you mean --force?", "aigc-roi: --forse：没有这个选项；是否想写 --force？"),
    (["run", "{file}", "--bogus"], "aigc-roi: --bogus: no such option", "aigc-roi: --bogus：没有这个选项"),
    (["run", "{file}", "--zzz"], "aigc-roi: --zzz: no such option", "aigc-roi: --zzz：没有这个选项"),
    (["run"], "aigc-roi: FILE: missing; it is required", "aigc-roi: FILE：缺少此项；它是必填的"),
    (["simulate", "{file}", "--samples", "x"], "aigc-roi: --samples: expected a whole number from 1 to 10,000,000, found 'x'",
     "aigc-roi: --samples：应为 1 到 10,000,000 之间的整数，实际为 'x'"),
    (["simulate", "{file}", "--samples", "0"], "aigc-roi: --samples: expected a whole number from 1 to 10,000,000, found '0'",
     "aigc-roi: --samples：应为 1 到 10,000,000 之间的整数，实际为 '0'"),
    (["simulate", "{file}", "--jobs", "2.5"], "aigc-roi: --jobs: expected a whole number >= 1, found '2.5'",
     "aigc-roi: --jobs：应为 ≥ 1 的整数，实际为 '2.5'"),
    # An option of other commands names them, not a look-alike of this command's own (--table).
    (["run", "{file}", "--samples", "3"],
     "aigc-roi: --samples: no such option; --samples is an option of compare, simulate, allocate, actuals, check and report, "
     "not of run, which uses the median of each range",
     "aigc-roi: --samples：没有这个选项；--samples 是 compare、simulate、allocate、actuals、check 和 report 的选项，"
     "run 没有它：run 按各区间的中位数计算"),
    (["run", "{file}", "--jobs", "2"], "aigc-roi: --jobs: no such option; --jobs is an option of compare, simulate, validate "
     "and check, not of run", "aigc-roi: --jobs：没有这个选项；--jobs 是 compare、simulate、validate 和 check 的选项，run 没有它"),
    (["run", "{file}", "extra"], "aigc-roi: Got unexpected extra argument(s) (extra)", "aigc-roi: 多余的参数：extra"),
    (["rnu"], "aigc-roi: No such command 'rnu'. Did you mean 'run'?", "aigc-roi: 没有命令 'rnu'；是否想写 'run'？"),
    (["zzz"], "aigc-roi: No such command 'zzz'", "aigc-roi: 没有命令 'zzz'"),
    (["run", "{file}", "--output"],
     "aigc-roi: --output: Option '--output' requires an argument", "aigc-roi: --output：选项 '--output' 需要一个值"),
    (["run", "{file}", "--force=yes"],
     "aigc-roi: --force: Option '--force' does not take a value", "aigc-roi: --force：选项 '--force' 不接受值"),
    (["--bogus"], "aigc-roi: --bogus: no such option", "aigc-roi: --bogus：没有这个选项"),
]


@pytest.mark.parametrize(("args", "english", "chinese"), USAGE_ERRORS, ids=lambda value: " ".join(value)
                         if isinstance(value, list) else "")
def test_usage_errors_in_either_language(args: list[str], english: str, chinese: str, example: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    args = [str(example) if arg == "{file}" else arg for arg in args]
    result = invoke(args)
    assert (result.exit_code, result.stderr.strip()) == (2, english)
    for how in ("locale", "lang first"):
        result = invoke(_chinese(monkeypatch, how, args))
        assert (result.exit_code, result.stderr.strip()) == (2, chinese), how


def test_every_translation_is_chinese() -> None:
    assert all(any("\u4e00" <= char <= "\u9fff" for char in text) for text in HELP_ZH.values())
