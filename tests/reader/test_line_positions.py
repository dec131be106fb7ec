"""Every location in a scenario's messages counts lines as an editor does, and as the parser is made to
(reader/yamltree.py ``_lines_as_editors_count``): a line ends at LF, CRLF or CR, never at NEL, LINE SEPARATOR or
PARAGRAPH SEPARATOR (where ``str.splitlines`` breaks too); a column counts characters, a byte-order mark none."""

from __future__ import annotations

import pytest

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.load import decode, load_text

COLON = "invalid YAML: full-width colon '：' (IME input) after a key; write an ASCII ':' and a space"


def _errors(data: bytes) -> list[str]:
    with pytest.raises(ScenarioInvalid) as caught:
        load_text(decode(data, "t.yaml"), "t.yaml")
    return [str(error) for error in caught.value.errors]


@pytest.mark.parametrize("text", [
    "version: 1 # a\x85b\nname: 信息流\nkey：1\n",
    "version: 1 # a\u2028b\nname: 信息流\nkey：1\n",
    'version: 1\nname: "A\u2029B"\nkey：1\n',
])
def test_a_slip_after_a_nel_ls_or_ps_is_on_the_line_an_editor_shows(text: str) -> None:
    assert _errors(text.encode()) == [f"t.yaml:3:4: {COLON}"]


def test_an_open_quote_after_a_nel_is_on_its_own_line() -> None:
    # The quote opens at 2:7; YAML reads on to the quote on line 4 and fails at the 'b' after it.
    assert _errors('# a\x85b\nname: "信息流\nx: 1\ny: "b"\n'.encode()) == [
        "t.yaml:2:7: invalid YAML: unclosed quote: the quote opened at line 2, column 7 is not closed on its line "
        "(YAML read on to line 4)"]


def test_the_cause_reads_the_line_of_the_error_after_a_nel() -> None:
    # '  c: 2' continues b's value '1', so its ':' (3:4) is a second value: the line is indented deeper.
    assert _errors("# a\x85b\nb: 1\n  c: 2\n".encode()) == [
        "t.yaml:3:4: invalid YAML: mapping values are not allowed in this context; this line is indented deeper "
        "than the line above, which already has its value: line it up with the keys above"]


def test_the_end_of_the_file_is_its_last_line_after_a_nel() -> None:
    # libyaml places the missing document start on line 3, past the last line (2, of 5 characters).
    [error] = _errors("%YAML 1.1\n# a\x85b\n".encode())
    assert error.startswith("t.yaml:2:6: invalid YAML: did not find expected <document start>")


@pytest.mark.parametrize("breaks", ["\r", "\r\n", "\n"])
def test_a_control_character_is_on_its_line_whatever_the_line_ending(breaks: str) -> None:
    text = breaks.join(["version: 1", "name: 信息流", "x\0y", ""])
    assert _errors(text.encode()) == ["t.yaml:3:2: invalid YAML: character U+0000 is not allowed"]


@pytest.mark.parametrize("breaks", ["\r", "\r\n", "\n"])
def test_a_byte_that_is_not_utf8_is_on_its_line_whatever_the_line_ending(breaks: str) -> None:
    data = breaks.encode().join([b"version: 1", "name: 信息流".encode(), b"z: \xff", b""])
    assert _errors(data) == ["t.yaml:3:4: expected UTF-8 text, found byte 0xff"]


def test_a_byte_order_mark_is_no_column() -> None:
    assert _errors(b"\xef\xbb\xbfname: \xff\n") == ["t.yaml:1:7: expected UTF-8 text, found byte 0xff"]


@pytest.mark.parametrize("breaks", ["\r", "\r\n", "\n"])
def test_text_read_with_surrogateescape_names_the_byte_where_the_file_would(breaks: str) -> None:
    # A program's str, not a file's bytes: PyYAML's UnicodeEncodeError came out of load_text. The byte 0xff read
    # with errors="surrogateescape" is U+DCFF, reported where decode() reports the byte of the file itself.
    data = breaks.encode().join([b"version: 1", "name: 信息流".encode(), b"z: \xff", b""])
    with pytest.raises(ScenarioInvalid) as caught:
        load_text(data.decode("utf-8", "surrogateescape"), "t.yaml")
    assert [str(error) for error in caught.value.errors] == _errors(data) == ["t.yaml:3:4: expected UTF-8 text, found byte 0xff"]


@pytest.mark.parametrize(("text", "location"), [('name: "a\ud83db"\n', "1:9"), ("name: x\n# \U0001f600\udfff\n", "2:4")])
def test_a_lone_surrogate_of_no_byte_is_the_character(text: str, location: str) -> None:
    # Half of a pair split apart (U+D83D of 😀 alone, or U+DFFF after a whole 😀): no byte of any file.
    with pytest.raises(ScenarioInvalid) as caught:
        load_text(text, "t.yaml")
    code = "D83D" if location == "1:9" else "DFFF"
    [error] = caught.value.errors
    assert str(error) == f"t.yaml:{location}: expected UTF-8 text, found U+{code} (a lone surrogate)"
    assert translate(error.message) == f"应为 UTF-8 文本，实际为 U+{code}（孤立的代理项字符）"
