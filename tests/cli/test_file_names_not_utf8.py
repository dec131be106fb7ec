"""A file name that is not UTF-8 (a Windows zip unpacked on Linux: GBK bytes) in a document a program reads.

Python holds each of its bytes that is no UTF-8 as a lone surrogate (os.fsdecode, PEP 383), which no UTF-8 holds.
Every document is written UTF-8 with the surrogate as its escape, ``\\udcbc``: in JSON that is JSON's own escape,
which reads back as the same surrogate (so ``os.fsencode`` gives the name's bytes); CSV shows it as the text formats
do. The Chinese beside it is written as itself. Before, JSON on a C-locale stdout held the raw GBK bytes
(``json.loads`` of it raised UnicodeDecodeError, jq read U+FFFD), on a strict one or in a file it had every Chinese
character escaped too, and a CSV was refused.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_runner import invoke

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="a file name of any bytes: Linux file systems take them")

ROOT = Path(__file__).resolve().parents[2]
CHAT = ROOT / "scenarios" / "chat-assistant-cpa.yaml"
"""A name in Chinese: 对话助手 Chat assistant, CPA on video sites; its channel "Douyin activation CPA"."""
DOUYIN = ROOT / "examples" / "actuals" / "douyin-ocean-engine.csv"

GBK = "计".encode("gbk")
"""0xbc 0xc6: neither byte starts UTF-8 that the next one continues, so each is one surrogate."""
ESCAPED = "\\udcbc\\udcc6"
"""The escape of both bytes, as JSON and the text formats write it: backslash, u, four hex digits each."""


def _named(folder: Path, suffix: str, source: Path) -> str:
    """A copy of ``source`` named 计 in GBK bytes with ``suffix``, as the command line gives it to the program."""
    name = os.fsencode(folder) + b"/" + GBK + suffix.encode()
    with open(name, "wb") as file:
        file.write(source.read_bytes())
    return os.fsdecode(name)


def _json(stdout: bytes) -> dict:
    text = stdout.decode("utf-8")  # strict: raises on a byte that is no UTF-8
    assert ESCAPED in text and "\udcbc" not in text
    return json.loads(text)


@pytest.mark.parametrize("command", ["validate", "check"])
def test_validate_and_check_json_name_the_file_by_its_escape(command: str, tmp_path: Path) -> None:
    _named(tmp_path, ".yaml", CHAT)
    (tmp_path / "对话.yaml").write_bytes(CHAT.read_bytes())
    done = invoke([command, str(tmp_path), "-f", "json"])
    assert done.exit_code == 0, done.stderr
    data = _json(done.stdout_bytes)
    files = data["files"] if command == "validate" else data["scenarios"]
    paths = sorted(os.fsencode(item.get("path") or item["file"]) for item in files)
    assert paths == sorted([os.fsencode(tmp_path) + b"/" + GBK + b".yaml", os.fsencode(tmp_path / "对话.yaml")])
    # The Chinese name beside it is written as itself, not as \u escapes.
    assert '对话.yaml"' in done.stdout_bytes.decode("utf-8")


def test_compare_json_keeps_chinese_and_escapes_the_name(tmp_path: Path) -> None:
    named = _named(tmp_path, ".yaml", CHAT)
    done = invoke(["compare", named, str(CHAT), "-f", "json"])
    assert done.exit_code == 0, done.stderr
    data = _json(done.stdout_bytes)
    assert [os.fsencode(column["source"]) for column in data["scenarios"]] == [os.fsencode(named), os.fsencode(CHAT)]
    # Both plans are named alike, so each name carries its file: the Chinese written as itself, the bytes escaped.
    assert f'"对话助手 Chat assistant, CPA on video sites ({tmp_path}/{ESCAPED}.yaml)"' in done.stdout_bytes.decode("utf-8")


def test_actuals_json_names_an_export_by_its_escape(tmp_path: Path) -> None:
    export = _named(tmp_path, ".csv", DOUYIN)
    done = invoke(["actuals", str(CHAT), export, "--map", "Douyin activation CPA=dy_*", "-f", "json"])
    assert done.exit_code == 0, done.stderr
    data = _json(done.stdout_bytes)
    assert [os.fsencode(source["file"]) for source in data["sources"]] == [os.fsencode(tmp_path) + b"/" + GBK + b".csv"]
    assert "对话助手" in done.stdout_bytes.decode("utf-8")  # the plan's name, as itself


def test_json_to_a_file_escapes_the_name_and_nothing_else(tmp_path: Path) -> None:
    named = _named(tmp_path, ".yaml", CHAT)
    out = tmp_path / "out.json"
    done = invoke(["compare", named, str(CHAT), "-f", "json", "-o", str(out)])
    assert done.exit_code == 0, done.stderr
    data = _json(out.read_bytes())
    assert os.fsencode(data["scenarios"][0]["source"]) == os.fsencode(named)
    assert "对话助手" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("to_file", [False, True], ids=["stdout", "file"])
def test_csv_shows_the_name_as_the_text_formats_do(to_file: bool, tmp_path: Path) -> None:
    named = _named(tmp_path, ".yaml", CHAT)
    out = tmp_path / "out.csv"
    done = invoke(["compare", named, str(CHAT), "-f", "csv", *(["-o", str(out)] if to_file else [])])
    assert done.exit_code == 0, done.stderr
    text = (out.read_bytes() if to_file else done.stdout_bytes).decode("utf-8")
    assert f"对话助手 Chat assistant, CPA on video sites ({tmp_path}/{ESCAPED}.yaml)" in text.splitlines()[0]


def test_a_c_locale_stdout_gets_utf8_json_not_the_raw_bytes(tmp_path: Path) -> None:
    """The tester's case: a stdout whose errors are surrogateescape (a C or POSIX locale, Python's UTF-8 mode) wrote
    the GBK bytes themselves into the JSON string."""
    named = _named(tmp_path, ".yaml", CHAT)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:surrogateescape", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "aigc_roi", "validate", os.fsencode(named), "-f", "json"],
                          capture_output=True, env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert GBK not in done.stdout
    assert os.fsencode(_json(done.stdout)["files"][0]["path"]) == os.fsencode(named)
