"""Characters that look like a space, or like nothing, where YAML needs a space: a no-break space U+00A0 pasted from
a web page or Word, a byte-order mark U+FEFF left mid-file by joining two files (the ideographic space U+3000 of an
IME: tests/reader/test_ime_slips_round3.py), and a scenario saved as UTF-16. Each is one line at the character
itself, naming it, in English and Chinese: YAML's own message pointed at the indentation or at a missing ': '."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

STARTER = Path(__file__).resolve().parents[2] / "aigc_roi" / "templates" / "zh" / "starter.yaml"
NBSP, BOM = "\u00a0", "\ufeff"

NBSP_AFTER_COLON = ("invalid YAML: no-break space U+00A0 (pasted from a web page or Word) after ':'; write an ASCII space",
                    "YAML 语法错误：冒号 ':' 后面是不换行空格 U+00A0（从网页或 Word 粘贴而来）；请改成英文空格")
NBSP_INDENT = ("invalid YAML: no-break space U+00A0 (pasted from a web page or Word) in the indentation; "
               "indent with ASCII spaces",
               "YAML 语法错误：缩进里有不换行空格 U+00A0（从网页或 Word 粘贴而来）；请用英文空格缩进")
JOINED = ("invalid YAML: byte-order mark U+FEFF (invisible, left where two files were joined) before the line's text; "
          "delete it",
          "YAML 语法错误：行首有看不见的字节顺序标记 U+FEFF（拼接两个文件时留下）；请删除它")


def _slip(tmp_path: Path, old: str, new: str) -> tuple[Path, int, str]:
    """The starter with ``old`` replaced by ``new`` once: its path, and the line number and text of the change."""
    lines = STARTER.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if old in line)
    lines[at] = lines[at].replace(old, new, 1)
    path = tmp_path / "slip.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, at + 1, lines[at]


def _errors(path: Path, lang: str) -> list[str]:
    result = invoke(["validate", str(path), "--lang", lang])
    assert result.exit_code == 2, result.stdout
    return result.stdout.splitlines()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_break_space_after_a_keys_colon(tmp_path: Path, lang: str) -> None:
    """YAML reads 'discount_rate:\u00a00.10' as one text without ': ' and fails at the next line."""
    path, line, text = _slip(tmp_path, "discount_rate: 0.10", f"discount_rate:{NBSP}0.10")
    assert _errors(path, lang) == [f"{path}:{line}:{text.index(NBSP) + 1}: {NBSP_AFTER_COLON[lang == 'zh']}"]


def test_no_break_space_after_a_colon_inside_braces(tmp_path: Path) -> None:
    """No YAML error here ('1:\u00a00.35' is a key without a value): the entry is read as meant, the space named."""
    path, line, text = _slip(tmp_path, "{1: 0.35", f"{{1:{NBSP}0.35")
    assert _errors(path, "en") == [f"{path}:{line}:{text.index(NBSP) + 1}: retention.points.1: {NBSP_AFTER_COLON[0]}"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_break_space_in_the_indentation_of_a_list_item(tmp_path: Path, lang: str) -> None:
    path, line, _ = _slip(tmp_path, "  - name: Douyin CPA", f" {NBSP}- name: Douyin CPA")
    assert _errors(path, lang) == [f"{path}:{line}:2: {NBSP_INDENT[lang == 'zh']}"]


def test_no_break_space_before_a_top_level_key(tmp_path: Path) -> None:
    """Not a YAML error (the key is '\u00a0version'), and no 'unknown key': the key is read as meant."""
    path, line, _ = _slip(tmp_path, "version: 1", f"{NBSP}version: 1")
    assert _errors(path, "en") == [f"{path}:{line}:1: version: {NBSP_INDENT[0]}"]


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
                "zh": f"应为UTF-8 文本，实际为 UTF-16（字节顺序标记 {mark}）；请把文件另存为 UTF-8"}[lang]
    assert _errors(path, lang) == [f"{path}:1:1: {expected}"]


def test_the_starter_itself_is_valid() -> None:
    """Each slip above is the only problem of its file: with an ASCII space in its place, the file validates."""
    assert invoke(["validate", str(STARTER)]).exit_code == 0
