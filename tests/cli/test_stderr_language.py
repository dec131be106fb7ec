"""Under --lang zh, a diagnostic that stderr's encoding cannot write (ASCII, Latin-1, cp1252: a C locale, a
Windows code page) is written in English, which reads, rather than as a line of \\u escapes, which does not even
tell the user to set UTF-8. A stderr that can write Chinese (UTF-8, GB18030) gets Chinese; what neither language
can help (a Chinese file name) is escaped, as Python's stderr escapes it."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner, Result

from aigc_roi.cli import streams
from aigc_roi.cli.app import app
from aigc_roi.present.labels import label

ROOT = Path(__file__).resolve().parents[2]
ZH_SCENARIO = ROOT / "scenarios" / "zh" / "video-tool-kol-then-feed.yaml"
"""Chinese names: a table of it is no text for an ASCII stdout."""
REMEDY = "set PYTHONIOENCODING=utf-8 or a UTF-8 locale"


def _invoke(args: list[str], charset: str, cwd: Path | None = None, monkeypatch: pytest.MonkeyPatch | None = None) -> Result:
    """The CLI in-process with stdout and stderr in ``charset`` (stderr escaping what it lacks, as Python's does)."""
    if cwd is not None and monkeypatch is not None:
        monkeypatch.chdir(cwd)
    result = CliRunner(charset=charset).invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


@pytest.mark.parametrize(("charset", "named"), [("ascii", "ascii"), ("latin-1", "latin-1"), ("cp1252", "cp1252")])
def test_a_result_stdout_cannot_hold_is_refused_in_english(charset: str, named: str) -> None:
    # A document a program reads back (markdown here) is refused; a table is written with escapes
    # (tests/cli/test_ascii_logs.py).
    result = _invoke(["--lang", "zh", "run", str(ZH_SCENARIO), "-f", "markdown"], charset)
    assert result.exit_code == 2 and result.stdout_bytes == b""
    # 视 is the first character of the document (its heading, 视频工具 ...) these encodings lack.
    assert result.stderr == f"stdout: cannot write: its encoding ({named}) has no '\\u89c6' (U+89C6); {REMEDY}\n"


@pytest.mark.parametrize("charset", ["ascii", "latin-1", "cp1252"])
def test_a_file_error_and_a_summary_are_in_english(tmp_path: Path, charset: str) -> None:
    path = tmp_path / "nul.yaml"
    path.write_bytes(b"version: 1\nname: \xe4\xbf\xa1\xe6\x81\xaf\xe6\xb5\x81\nx\0y\n")  # 信息流
    result = _invoke(["--lang", "zh", "validate", str(path)], charset)
    assert result.exit_code == 2
    # validate's errors are its result, on stdout: in English, whose line these encodings write (YAML 语法错误：...
    # they could not), and the summary too.
    assert result.stdout == f"{path}:3:2: invalid YAML: character U+0000 is not allowed\n"
    assert result.stderr == "1 file, 1 invalid, 1 error\n"
    result = _invoke(["--lang", "zh", "run", str(path)], charset)
    assert result.exit_code == 2
    assert result.stderr == f"{path}:3:2: invalid YAML: character U+0000 is not allowed\n"
    result = _invoke(["--lang", "zh", "validate", str(ROOT / "scenarios" / "zh" / "starter.yaml")], charset)
    assert (result.exit_code, result.stderr) == (0, "1 file, 0 invalid, 0 errors\n")


def test_an_option_error_is_in_english() -> None:
    result = _invoke(["--lang", "zh", "simulate", "--percentiles", "5,x%", str(ZH_SCENARIO)], "ascii")
    assert result.exit_code == 2
    assert result.stderr == ("aigc-roi: --percentiles: expected numbers from 0 to 100 separated by commas, such as "
                             "5,50,95, found '5,x%'; percentiles are written without %\n")
    result = _invoke(["--lang", "zh", "run", "--bogus", str(ZH_SCENARIO)], "latin-1")
    assert result.exit_code == 2
    assert result.stderr.startswith("aigc-roi: --bogus: no such option")


def test_a_list_in_the_english_line_is_joined_in_english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = _invoke(["--lang", "zh", "breakeven", str(ZH_SCENARIO), "-o", "b.xlsx"], "ascii", tmp_path, monkeypatch)
    assert result.exit_code == 2
    assert result.stderr == ("aigc-roi: b.xlsx: breakeven does not write xlsx, the format of the extension .xlsx; "
                             "its formats: table, json, csv, markdown\n")


def test_init_says_what_it_wrote_in_english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = _invoke(["--lang", "zh", "init", "计划.yaml"], "ascii", tmp_path, monkeypatch)
    assert result.exit_code == 0
    # The name the user gave is no translation: escaped, the sentence around it English.
    # --lang zh under an English locale: the next command says it, as the Chinese line would.
    assert result.stderr == ("Wrote \\u8ba1\\u5212.yaml from template starter. Next: aigc-roi run \\u8ba1\\u5212.yaml "
                             "--lang zh\n")
    result = _invoke(["--lang", "zh", "init", "计划.yaml"], "ascii", tmp_path, monkeypatch)
    assert result.exit_code == 2
    assert result.stderr == "aigc-roi: \\u8ba1\\u5212.yaml: file exists; use --force to replace it\n"


@pytest.mark.parametrize("charset", ["utf-8", "gb18030"])
def test_a_stderr_that_writes_chinese_gets_chinese(charset: str) -> None:
    result = _invoke(["--lang", "zh", "simulate", "--percentiles", "5,x", str(ZH_SCENARIO)], charset)
    assert result.exit_code == 2
    assert result.stderr.startswith("aigc-roi: --percentiles：")


def _stderr_in(monkeypatch: pytest.MonkeyPatch, encoding: str, errors: str = "backslashreplace") -> io.TextIOWrapper:
    stderr = io.TextIOWrapper(io.BytesIO(), encoding=encoding, errors=errors)
    monkeypatch.setattr(sys, "stderr", stderr)
    streams.start_invocation(["--lang", "zh"])
    return stderr


def _written(stderr: io.TextIOWrapper) -> bytes:
    stderr.flush()
    return stderr.buffer.getvalue()  # type: ignore[attr-defined,no-any-return]


@pytest.mark.parametrize("errors", ["backslashreplace", "strict"])
def test_a_problem_falls_back_to_english_with_its_value_escaped(monkeypatch: pytest.MonkeyPatch, errors: str) -> None:
    """Python's stderr escapes what it cannot write; a strict one in its place (an embedding program's) must
    neither lose the line nor raise."""
    stderr = _stderr_in(monkeypatch, "ascii", errors)
    assert streams.report_problem("--budget: expected an amount, found '四十万'") == 2
    assert _written(stderr) == b"aigc-roi: --budget: expected an amount, found '\\u56db\\u5341\\u4e07'\n"


def test_chinese_stays_where_only_a_value_cannot_be_written(monkeypatch: pytest.MonkeyPatch) -> None:
    """GBK writes every character of the translation but not an emoji in a value: the line stays Chinese."""
    stderr = _stderr_in(monkeypatch, "gbk")
    streams.report_problem("--budget: expected an amount, found '四十万😀'")
    written = _written(stderr).decode("gbk")
    assert written.startswith("aigc-roi: --budget：") and written.endswith("'四十万\\U0001f600'\n")


def test_a_note_without_an_english_line_is_escaped(monkeypatch: pytest.MonkeyPatch) -> None:
    stderr = _stderr_in(monkeypatch, "ascii")
    streams.note("共 1 个")
    assert _written(stderr) == b"\\u5171 1 \\u4e2a\n"


@pytest.mark.parametrize(("encoding", "line"), [
    ("utf-8", "b.xlsx: run 不能写出扩展名 .xlsx 对应的格式 xlsx；它的格式：table、json\n"),
    ("ascii", "b.xlsx: run does not write xlsx, the format of the extension .xlsx; its formats: table, json\n"),
], ids=["chinese", "english"])
def test_a_localized_field_is_worded_in_the_language_of_its_line(
        monkeypatch: pytest.MonkeyPatch, encoding: str, line: str) -> None:
    """A list is joined with 、 in the Chinese line and with ", " in the English one, which a stderr without
    Chinese and a refusal document read: no word of one language in the other's line."""
    stderr = _stderr_in(monkeypatch, encoding)
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", stdout)
    streams.refuse_with_document(lambda english: english + "\n")
    formats = streams.Localized(lambda lang: label("list_separator", lang).join(["table", "json"]))
    with pytest.raises(typer.Exit) as exited:
        streams.fail_with("output_suffix_unwritten", "zh", path="b.xlsx", command="run", named="xlsx", suffix=".xlsx",
                          formats=formats)
    assert exited.value.exit_code == 2
    assert _written(stderr).decode(encoding) == line
    assert _written(stdout).decode() == (
        "b.xlsx: run does not write xlsx, the format of the extension .xlsx; its formats: table, json\n")


@pytest.mark.parametrize(("encoding", "line"), [
    ("utf-8", "aigc-roi: --budget、--total、--target-roas、--reach 须且只能给一个（已给：无）\n"),
    ("ascii", "aigc-roi: give exactly one of --budget, --total, --target-roas and --reach (given: none)\n"),
], ids=["chinese", "english"])
def test_a_problem_of_the_command_line_names_the_program(monkeypatch: pytest.MonkeyPatch, encoding: str, line: str) -> None:
    """The English line starts with no option to blame: the program is named all the same."""
    stderr = _stderr_in(monkeypatch, encoding)
    with pytest.raises(typer.Exit):
        streams.fail_with("allocate_one_budget", "zh", of_command_line=True,
                          given=streams.Localized(lambda lang: label("none", lang)))
    assert _written(stderr).decode(encoding) == line
