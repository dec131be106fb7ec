"""A character that looks like nothing where YAML reads text: a byte-order mark U+FEFF left mid-file by joining two
files (the look-alikes of a space, U+3000 and U+00A0: tests/reader/test_ime_slips_round3.py), and a scenario saved
as UTF-16. Each is one line at the character itself, naming it, in English and Chinese: YAML's own message
pointed at the indentation, or named no encoding."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke
from test_ime_slips_round3 import STARTER, _errors, _slip

BOM = "\ufeff"

JOINED = ("invalid YAML: byte-order mark U+FEFF (invisible, left where two files were joined) before the line's text; "
          "delete it",
          "YAML 语法错误：行首有看不见的字节顺序标记 U+FEFF（拼接两个文件时留下）；请删除它")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_byte_order_mark_where_two_files_were_joined(tmp_path: Path, lang: str) -> None:
    """libyaml skips a mark at a line's start, so the key seems indented by one: YAML blamed the indentation."""
    path, line, _ = _slip(tmp_path, "version: 1", f"{BOM}version: 1")
    assert line > 1  # mid-file: a mark at the file's start is the UTF-8 signature, and fine
    assert _errors(path, lang) == [f"{path}:{line}:1: {JOINED[lang == 'zh']}"]


def test_byte_order_mark_before_an_indented_key(tmp_path: Path) -> None:
    """Here YAML reads the key '\ufeffbid' (unknown, and 'bid' missing): one line at the mark, the key read as meant."""
    path, line, text = _slip(tmp_path, "    bid: ", f"    {BOM}bid: ")
    assert _errors(path, "en") == [f"{path}:{line}:5: acquisition[0].bid: {JOINED[0]}"]
    assert text.index(BOM) == 4


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_scenario_saved_as_utf16_names_it(tmp_path: Path, encoding: str, lang: str) -> None:
    """Windows Notepad's "Unicode": UTF-16 after a byte-order mark, FF FE (little-endian) or FE FF (big-endian)."""
    path = tmp_path / "unicode.yaml"
    path.write_bytes(("\ufeff" + STARTER.read_text(encoding="utf-8")).encode(encoding))
    mark = "FF FE" if encoding == "utf-16-le" else "FE FF"
    expected = {"en": f"expected UTF-8 text, found UTF-16 (byte-order mark {mark}); save the file as UTF-8",
                "zh": f"应为 UTF-8 文本，实际为 UTF-16（字节顺序标记 {mark}）；请把文件另存为 UTF-8"}[lang]
    assert _errors(path, lang) == [f"{path}:1:1: {expected}"]


def test_the_starter_itself_is_valid() -> None:
    """Each slip above is the only problem of its file: with an ASCII space in its place, the file validates."""
    assert invoke(["validate", str(STARTER)]).exit_code == 0
