"""What a Chinese IME types into a plan, beyond the full-width comma (tests/reader/test_fullwidth_comma.py): a full-width
colon inside { }, the ideographic space U+3000 (and the no-break space U+00A0 a web page pastes) as indentation or
after a colon, and a span of months written 1～6 or 1..6. Each is one line pointing at the character itself, in English and Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

STARTER = Path(__file__).resolve().parents[2] / "aigc_roi" / "templates" / "zh" / "starter.yaml"
SPACE, NBSP = "\u3000", "\u00a0"


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


COLON = ("invalid YAML: full-width colon '：' (IME input) after a key; write an ASCII ':' and a space",
         "YAML 语法错误：键后面是全角冒号 '：'（输入法输入）；请改成英文冒号 ':' 加一个空格")
INDENT = ("invalid YAML: ideographic space U+3000 (IME input) in the indentation; indent with ASCII spaces",
          "YAML 语法错误：缩进里有全角空格 U+3000（输入法输入）；请用英文空格缩进")
AFTER_COLON = ("invalid YAML: ideographic space U+3000 (IME input) after ':'; write an ASCII space",
               "YAML 语法错误：冒号 ':' 后面是全角空格 U+3000（输入法输入）；请改成英文空格")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_full_width_colon_as_a_mapping_keys_separator(tmp_path: Path, lang: str) -> None:
    """YAML reads {1： 0.35} as the key '1： 0.35' with no value; the line names the colon, once, not an age."""
    path, line, text = _slip(tmp_path, "{1: 0.35", "{1： 0.35")
    column = text.index("：") + 1
    message = COLON[lang == "zh"]
    assert _errors(path, lang) == [f"{path}:{line}:{column}: retention.points[1]: {message}"]


def test_full_width_colon_after_a_months_number_on_its_own_line(tmp_path: Path) -> None:
    path = tmp_path / "points.yaml"
    path.write_text("version: 1\nname: x\nretention:\n  points:\n    1： 0.35\n    3: 0.2\n", encoding="utf-8")
    assert _errors(path, "en") == [f"{path}:5:6: {COLON[0]}"]


# Each look-alike of a space where YAML needs one: the IME's U+3000, and the no-break space U+00A0 a web page or Word
# pastes (tests/reader/test_look_alike_spaces.py has the byte-order mark and UTF-16), with its (after ':', indentation)
# messages in English and Chinese.
LOOK_ALIKES = {
    SPACE: (AFTER_COLON, INDENT),
    NBSP: (("invalid YAML: no-break space U+00A0 (pasted from a web page or Word) after ':'; write an ASCII space",
            "YAML 语法错误：冒号 ':' 后面是不换行空格 U+00A0（从网页或 Word 粘贴而来）；请改成英文空格"),
           ("invalid YAML: no-break space U+00A0 (pasted from a web page or Word) in the indentation; "
            "indent with ASCII spaces",
            "YAML 语法错误：缩进里有不换行空格 U+00A0（从网页或 Word 粘贴而来）；请用英文空格缩进")),
}
each_look_alike = pytest.mark.parametrize("space", list(LOOK_ALIKES), ids=["U+3000", "U+00A0"])


@each_look_alike
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_look_alike_space_after_a_keys_colon(tmp_path: Path, space: str, lang: str) -> None:
    """YAML reads 'discount_rate:<space>0.10' as one text without ': ' and fails at the next line."""
    path, line, text = _slip(tmp_path, "discount_rate: 0.10", f"discount_rate:{space}0.10")
    assert _errors(path, lang) == [f"{path}:{line}:{text.index(space) + 1}: {LOOK_ALIKES[space][0][lang == 'zh']}"]


@each_look_alike
def test_a_look_alike_space_after_a_colon_inside_braces(tmp_path: Path, space: str) -> None:
    """No YAML error here ('1:<space>0.35' is a key without a value): the entry is read as meant, the space named."""
    path, line, text = _slip(tmp_path, "{1: 0.35", f"{{1:{space}0.35")
    assert _errors(path, "en") == [f"{path}:{line}:{text.index(space) + 1}: retention.points[1]: {LOOK_ALIKES[space][0][0]}"]


@each_look_alike
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("indent", ["", " "])
def test_a_look_alike_space_in_the_indentation_of_a_list_item(tmp_path: Path, space: str, lang: str, indent: str) -> None:
    path, line, _ = _slip(tmp_path, "  - name: 抖音 CPA", f"{indent}{space}- name: 抖音 CPA")
    assert _errors(path, lang) == [f"{path}:{line}:{len(indent) + 1}: {LOOK_ALIKES[space][1][lang == 'zh']}"]


@each_look_alike
def test_a_look_alike_space_before_a_top_level_key(tmp_path: Path, space: str) -> None:
    """No YAML error here (the key is '<space>version'): the key is read as meant, and its indentation named."""
    path, line, _ = _slip(tmp_path, "version: 1", f"{space}version: 1")
    assert _errors(path, "en") == [f"{path}:{line}:1: version: {LOOK_ALIKES[space][1][0]}"]


@pytest.mark.parametrize("written", ["1～6", "1..6", "1~6", "1到6"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_span_of_months_written_as_a_range(tmp_path: Path, written: str, lang: str) -> None:
    path, line, text = _slip(tmp_path, "months: 1-6", f"months: {written}")
    column = text.index("months: ") + len("months: ") + 2  # the separator, after the 1
    expected = {
        "en": f"expected all, a month, a span 'a-b' or a list of months within 1..24, found '{written}'; "
              "a span of months is written first-last: 1-6",
        "zh": f"应为 all、单个月份、区间 'a-b' 或 1..24 之内的月份列表，实际为 '{written}'；月份区间写作 起-止：1-6",
    }[lang]
    assert _errors(path, lang) == [f"{path}:{line}:{column}: acquisition[0].months: {expected}"]


def test_the_mended_files_read_as_meant() -> None:
    """The slips are only slips: the starter with ASCII in their place is valid (the fix the hint names works)."""
    assert invoke(["validate", str(STARTER)]).exit_code == 0


def test_the_value_after_a_full_width_colon_is_read_and_checked(tmp_path: Path) -> None:
    """{1： 1.5}: one line for the colon, then the share itself is checked where it stands (column of the 1.5)."""
    path, line, text = _slip(tmp_path, "{1: 0.35", "{1： 1.5")
    errors = _errors(path, "en")
    assert errors[0] == f"{path}:{line}:{text.index('：') + 1}: retention.points[1]: {COLON[0]}"
    assert len(errors) == 2 and errors[1].startswith(f"{path}:{line}:{text.index('1.5') + 1}: retention.points[1]: ")
