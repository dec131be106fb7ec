"""A stdout whose encoding lacks a character of a document a program reads back (CSV, markdown; ASCII, Latin-1, a
Windows code page) is one line and exit 2, never an internal error; JSON is written ASCII-safe instead; a table is
written with the character escaped (tests/cli/test_ascii_logs.py); stderr says in English what it cannot write in
Chinese, and escapes the rest.

Each case runs a fresh interpreter with ``PYTHONIOENCODING``, which sets the encoding of stdout and stderr as a
Windows code page or a non-UTF-8 locale would. The character a refusal names is found here in the command's own
UTF-8 output: the first one the encoding has no code for.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest
import yaml

from aigc_roi.cli import progress
from aigc_roi.present.labels import label

ROOT = Path(__file__).resolve().parents[2]
STARTER = ROOT / "scenarios" / "starter.yaml"
"""English names only: its table still holds '·' in the title and '≤' in a payback."""
CHAT = ROOT / "scenarios" / "chat-assistant-cpa.yaml"
"""A name in Chinese (对话助手 ...)."""
REMEDY = "set PYTHONIOENCODING=utf-8 or a UTF-8 locale"


def _cli(args: list[str], encoding: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "aigc_roi", *args], capture_output=True, env=env, cwd=cwd,
                          timeout=120, check=False)


def _first_missing(text: str, encoding: str) -> str:
    """The first character of ``text`` that ``encoding`` cannot write; box-drawing lines do not count, as Rich
    draws a table's frame in ASCII for any encoding but UTF's."""
    return next(char for char in text
                if not "\u2500" <= char <= "\u257f" and char.encode(encoding, "replace") != char.encode(encoding, "ignore"))


@pytest.mark.parametrize(("encoding", "args"), [
    ("latin-1", ["run", str(CHAT), "-f", "markdown"]),
    # -q: the two differ in start, which compare notes on stderr before the result.
    ("ascii", ["compare", str(STARTER), str(CHAT), "-f", "csv", "-q"]),
    ("cp1252", ["check", str(CHAT), "-f", "markdown", "--lang", "zh"]),
], ids=lambda value: value if isinstance(value, str) else " ".join(Path(arg).name for arg in value))
def test_a_document_stdout_cannot_hold_is_one_line_and_exit_2(encoding: str, args: list[str]) -> None:
    readable = _cli(args, "utf-8")
    assert readable.returncode == 0, readable.stderr
    missing = _first_missing(readable.stdout.decode("utf-8"), encoding)
    done = _cli(args, encoding)
    assert done.returncode == 2
    assert done.stdout == b""  # nothing half-written before the refusal
    named = done.stderr.decode(encoding)
    # The line itself reaches an ASCII stderr with the character escaped, and its code point readable.
    expected = f"stdout: cannot write: its encoding ({_python_name(encoding)}) has no '{missing}' (U+{ord(missing):04X}); {REMEDY}"
    assert named == expected.encode(encoding, "backslashreplace").decode(encoding) + "\n"


def _python_name(encoding: str) -> str:
    """The name Python gives a stream in ``encoding`` (``latin-1`` is ``iso8859-1``), as the line shows it."""
    done = subprocess.run([sys.executable, "-c", "import sys; print(sys.stdout.encoding)"], capture_output=True, text=True,
                          env={**os.environ, "PYTHONIOENCODING": encoding}, check=True)
    return done.stdout.strip()


def test_a_table_stdout_can_hold_is_written_in_its_encoding() -> None:
    """Rich draws the frame in ASCII where the encoding has no box-drawing lines: English names then pass whole."""
    done = _cli(["check", str(CHAT), "-f", "table"], "ascii")
    assert done.returncode == 0, done.stderr
    assert done.stdout.isascii()
    targets = [line.split()[3] for line in done.stdout.decode().splitlines() if "chat-assistant-cpa.yaml" in line]
    assert targets == list(yaml.safe_load(CHAT.read_text(encoding="utf-8"))["targets"])


def test_the_line_is_english_under_lang_zh_where_stderr_cannot_write_chinese() -> None:
    """Its Chinese would reach an ASCII stderr as escapes, which do not even say to set UTF-8 (tests/cli/test_stderr_language.py)."""
    args = ["run", str(CHAT), "--lang", "zh", "-f", "markdown"]
    missing = _first_missing(_cli(args, "utf-8").stdout.decode("utf-8"), "ascii")
    done = _cli(args, "ascii")
    assert done.returncode == 2 and done.stdout == b""
    assert done.stderr.decode("ascii") == \
        f"stdout: cannot write: its encoding (ascii) has no '\\u{ord(missing):04x}' (U+{ord(missing):04X}); {REMEDY}\n"


def test_help_in_chinese_on_a_latin_1_stdout_is_the_same_line() -> None:
    done = _cli(["--help", "--lang", "zh"], "latin-1")
    assert done.returncode == 2 and done.stdout == b""
    line = done.stderr.decode("latin-1")
    assert line.startswith("stdout: cannot write: its encoding (iso8859-1) has no '\\u") and line.endswith(f"; {REMEDY}\n")
    assert "Traceback" not in line and "internal error" not in line


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "cp1252"])
@pytest.mark.parametrize("args", [
    ["run", str(CHAT), "-f", "json"],
    ["check", str(CHAT), "-f", "json"],
    ["validate", "{named}", "-f", "json"],
    ["schema", "--lang", "zh"],
], ids=lambda args: " ".join(Path(arg).name for arg in args))
def test_json_is_written_ascii_safe_and_reads_back_the_same(encoding: str, args: list[str], tmp_path: Path) -> None:
    named = tmp_path / "对话计划.yaml"  # validate's JSON holds paths
    named.write_bytes(CHAT.read_bytes())
    args = [str(named) if arg == "{named}" else arg for arg in args]
    readable = _cli(args, "utf-8")
    assert readable.returncode == 0, readable.stderr
    done = _cli(args, encoding)
    assert done.returncode == 0, done.stderr
    assert done.stdout.isascii()
    assert json.loads(done.stdout) == json.loads(readable.stdout)


# A byte that is no UTF-8 in a file name: Python holds it as a lone surrogate, which no encoding can write.
NOT_UTF8 = os.fsdecode(b"\xff-plan.yaml")


@pytest.mark.skipif(sys.platform != "linux", reason="a file name of any bytes: Linux file systems take them")
def test_a_file_name_that_is_no_utf8_reaches_json_as_its_escape(tmp_path: Path) -> None:
    (tmp_path / NOT_UTF8).write_bytes(CHAT.read_bytes())
    done = _cli(["validate", NOT_UTF8, "-f", "json"], "utf-8", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.isascii()
    assert os.fsencode(json.loads(done.stdout)["files"][0]["path"]) == b"\xff-plan.yaml"


@pytest.mark.skipif(sys.platform != "linux", reason="a file name of any bytes: Linux file systems take them")
def test_a_file_name_that_is_no_utf8_in_a_csv_file_is_written_as_its_escape(tmp_path: Path) -> None:
    """As the table shows it (tests/cli/test_file_names_not_utf8.py): the file is UTF-8."""
    (tmp_path / NOT_UTF8).write_bytes(CHAT.read_bytes())
    done = _cli(["compare", NOT_UTF8, NOT_UTF8, "-f", "csv", "-o", "out.csv"], "utf-8", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "(\\udcff-plan.yaml #2)" in (tmp_path / "out.csv").read_text(encoding="utf-8").splitlines()[0]


def test_the_progress_bar_on_an_ascii_terminal_shows_its_label_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    stderr = io.TextIOWrapper(io.BytesIO(), encoding="ascii", errors="backslashreplace", write_through=True)
    monkeypatch.setattr(stderr, "isatty", lambda: True)
    monkeypatch.setattr(sys, "stderr", stderr)
    clock = iter([0.0, 2.0, 2.5])
    monkeypatch.setattr(progress, "time", types.SimpleNamespace(monotonic=lambda: next(clock)))
    # Not quiet whatever the last in-process command was (-q holds for the rest of its context).
    monkeypatch.setattr(progress, "is_quiet", lambda: False)
    with progress.progress_bar("zh") as update:
        assert update is not None
        update(5_000, 10_000)
        update(10_000, 10_000)
    written = stderr.buffer.getvalue().decode("ascii")  # type: ignore[attr-defined]
    assert label("simulating", "en") in written and "\\u" not in written
