"""In Chinese a refused option or argument reads ``aigc-roi: --samples：应为...``, the colon after its name
full-width, whether click refused it (cli/edge.py) or the command did (present/labels.py, messages_zh.py);
English keeps ``aigc-roi: --samples: expected ...``. A tester found both colons side by side."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_runner import invoke
from typer import _click
from typer.main import get_command

from aigc_roi.cli.app import app

NAMED = re.compile(r"aigc-roi: (--[\w-]+|[A-Z][A-Z_]*)(:|：)")
"""A line of stderr that puts an option or an argument before its problem, and the colon after the name."""
ROOT = get_command(app)
COMMANDS = ROOT.list_commands(_click.Context(ROOT))


def _refusals(command: str, file: str) -> Iterator[list[str]]:
    """Each way click refuses this command's command line, and a value its options' own checks refuse."""
    yield [command]  # a missing argument (FILE, PATHS), where the command takes one
    yield [command, file, "--bogus"]
    yield [command, file, "--sampels", "9"]  # a look-alike of --samples, or an option of other commands
    built = ROOT.get_command(_click.Context(ROOT), command)
    assert built is not None
    for param in built.params:
        option = param.opts[0]
        if param.param_type_name != "option" or option == "--help":
            continue
        if getattr(param, "is_flag", False):
            yield [command, file, f"{option}=yes"]
        else:
            # A folder that does not exist: no output is written, whichever options take a file.
            yield [command, file, option, "no-folder/x"]
            yield [command, file, option]


def _named_lines(args: list[str], chinese: bool, monkeypatch: pytest.MonkeyPatch) -> list[re.Match[str]]:
    # The locale, not --lang: an option missing its value would take a --lang after it as that value.
    monkeypatch.setenv("LANG", "zh_CN.UTF-8" if chinese else "C.UTF-8")
    result = invoke(args)
    return [match for line in result.stderr.splitlines() if (match := NAMED.match(line))]


@pytest.mark.parametrize("command", COMMANDS)
def test_a_refused_name_takes_the_colon_of_its_language(command: str, example: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    named = 0
    for args in _refusals(command, str(example)):
        for chinese in (False, True):
            for match in _named_lines(args, chinese, monkeypatch):
                assert match[2] == ("：" if chinese else ":"), (args, match.string)
                named += 1
    # Every command refuses --bogus and an option given without its value, by name, in both languages.
    assert named >= 4


@pytest.mark.parametrize(("args", "chinese"), [
    # click's own refusals: a value its type refuses, a choice, a missing argument, an unknown option,
    # an option without its value, a flag given one
    (["simulate", "{file}", "--samples", "0"], "aigc-roi: --samples：应为 1 到 10,000,000 之间的整数，实际为 '0'"),
    (["simulate", "{file}", "--format", "nope"], "aigc-roi: --format：'nope' 不是可选值之一：'table'、'json'、'csv'、'markdown'"),
    (["validate"], "aigc-roi: PATHS：缺少此项；它是必填的"),
    (["simulate", "{file}", "--sample", "5"], "aigc-roi: --sample：没有这个选项；是否想写 --samples、--samples-out？"),
    (["check", "--jobs"], "aigc-roi: --jobs：选项 '--jobs' 需要一个值"),
    # an option of other commands written short, as the long one is
    (["validate", "{file}", "-o", "v.xlsx"], "aigc-roi: -o：没有这个选项；-o 是 run、compare、breakeven、sensitivity、"
                                             "simulate、allocate、actuals、schema、curves 和 report 的选项，validate 没有它"),
    (["run", "{file}", "-j", "2"], "aigc-roi: -j：没有这个选项；-j 是 compare、simulate、validate 和 check 的选项，run 没有它"),
    (["check", "{file}", "--jobs", "-1"], "aigc-roi: --jobs：应为 ≥ 1 的整数，实际为 '-1'"),
    # the commands' own refusals, written in Chinese in present/labels.py
    (["simulate", "{file}", "--percentiles", "x"],
     "aigc-roi: --percentiles：应为 0 到 100 之间以逗号分隔的数，例如 5,50,95，实际为 'x'"),
    (["simulate", "{file}", "--samples-out", "draws.txt"],
     "aigc-roi: --samples-out：应为以 .csv 或 .parquet 结尾的文件名，实际为 draws.txt"),
    (["run", "{file}", "--plot", "chart.txt"], "aigc-roi: --plot：应为以 .svg 或 .png 结尾的文件名，实际为 chart.txt"),
    # and those translated from English (present/messages_zh.py), as they already were
    (["allocate", "{file}", "--budget", "abc"], "aigc-roi: --budget：应为数字（后缀可用 k、m、万、亿），实际为 'abc'"),
])
def test_click_and_the_commands_refuse_alike_in_chinese(args: list[str], chinese: str, example: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    args = [str(example) if arg == "{file}" else arg for arg in args]
    result = invoke([*args, "--lang", "zh"] if args[-1] != "--jobs" else ["--lang", "zh", *args])
    assert (result.exit_code, result.stderr.strip()) == (2, chinese)
    english = invoke(args).stderr.strip()
    assert english.startswith(chinese.split("：", 1)[0] + ": ") and "：" not in english, english
