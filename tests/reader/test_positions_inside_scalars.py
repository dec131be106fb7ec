"""A message that points inside a value (a full-width character, the '..' of a range) counts the file's characters,
not the value's: escapes, '' in single quotes, lines folded and a block scalar's indentation are written as more
characters than the value has. A character written as several (an escape) is located at the first of them.

Every column below is counted by hand from the line as written, noted beside it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from cli_runner import invoke

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.reader import yamltree
from aigc_roi.reader.load import load_text
from aigc_roi.reader.scalar_source import source_index

STARTER = Path(__file__).resolve().parents[2] / "aigc_roi" / "templates" / "starter.yaml"
BID, MONTHS, POINTS, MIN_ROI = 29, 31, 37, 57
"""Lines of the starter template replaced below: ``    bid: 12``, ``    months: 1-6``, ``  points: {...}``,
``  min_roi: 0.0``."""

LOADERS = [pytest.param(yaml.SafeLoader, id="python")]
if hasattr(yaml, "CSafeLoader"):
    LOADERS.append(pytest.param(yaml.CSafeLoader, id="libyaml"))


def _first_error(at: int, written: str) -> str:
    lines = STARTER.read_text(encoding="utf-8").splitlines()
    lines[at - 1] = written
    with pytest.raises(ScenarioInvalid) as caught:
        load_text("\n".join(lines) + "\n", "t.yaml")
    return str(caught.value.errors[0])


# "    bid: " is 9 characters: the opening quote is column 10, the value's text starts at 11.
@pytest.mark.parametrize("loader", LOADERS)
@pytest.mark.parametrize(("at", "written", "line", "column"), [
    # \u4fe1 11-16, \u606f 17-22, 1 23, 2 24, ， 25
    (BID, '    bid: "\\u4fe1\\u606f12，5"', BID, 25),
    # \t 11-12, 1 13, 2 14, ， 15
    (BID, '    bid: "\\t12，5"', BID, 15),
    # \x31 11-14, 1 15, 2 16, ， 17
    (BID, '    bid: "\\x3112，5"', BID, 17),
    # \\ 11-12, 1 13, 2 14, ， 15
    (BID, '    bid: "\\\\12，5"', BID, 15),
    # '' 11-12, 1 13, 2 14, ， 15
    (BID, "    bid: '''12，5'", BID, 15),
    # The full-width comma is itself an escape, \uff0c at 13-18: located at its backslash.
    (BID, '    bid: "12\\uff0c5"', BID, 13),
    # Folded onto the next line, "      34，5": 6 spaces, 3 7, 4 8, ， 9
    (BID, '    bid: "12\n      34，5"', BID + 1, 9),
    # The same line after an escape: \u4fe1 7-12, ， 13
    (BID, '    bid: "12\n      \\u4fe1，5"', BID + 1, 13),
    # An escaped line break joins the lines without a space: ， still at 9 of the next line
    (BID, '    bid: "12\\\n      34，5"', BID + 1, 9),
    # Single quotes, '' and a fold: ， at 9 of the next line
    (BID, "    bid: 'a''b\n      12，5'", BID + 1, 9),
    # Unquoted over two lines
    (BID, "    bid: 12\n      34，5", BID + 1, 9),
    # A block scalar: its text is on the line after the '>-', "      12，5": ， at 9
    (BID, "    bid: >-\n      12，5", BID + 1, 9),
    # "    months: " is 12 characters, the quote 13: \t 14-15, 1 16, '..' 17
    (MONTHS, '    months: "\\t1..6"', MONTHS, 17),
    # A space before the span, which the month reader strips: ' ' 14, 1 15, '..' 16
    (MONTHS, '    months: " 1..6"', MONTHS, 16),
    # "  min_roi: " is 11 characters, the quote 12: \t 13-14, 0 15, . 16, 1 17, '..' 18
    (MIN_ROI, '  min_roi: "\\t0.1..0.3"', MIN_ROI, 18),
    # A key folded over two lines in a flow mapping, "    ： 0.22": 4 spaces, ： 5
    (POINTS, "  points: {1: 0.35, 3\n    ： 0.22, 6: 0.15, 12: 0.10}", POINTS + 1, 5),
])
def test_a_position_inside_a_value_is_the_files(monkeypatch: pytest.MonkeyPatch, loader: type, at: int,
                                                written: str, line: int, column: int) -> None:
    monkeypatch.setattr(yamltree, "_Loader", loader)
    assert _first_error(at, written).startswith(f"t.yaml:{line}:{column}: ")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_command_line_points_past_the_escapes(tmp_path: Path, lang: str) -> None:
    lines = STARTER.read_text(encoding="utf-8").splitlines()
    lines[BID - 1] = '    bid: "\\u4fe1\\u606f12，5"'
    path = tmp_path / "escaped.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = invoke(["validate", str(path), "--lang", lang])
    assert result.exit_code == 2
    assert result.stdout.splitlines()[0].startswith(f"{path}:{BID}:25: acquisition[0].bid: ")


@pytest.mark.parametrize(("written", "offsets"), [
    ('"a\\u4fe1b"', [1, 2, 8, 9]),  # a, the escape at its backslash, b, the closing quote
    ("'it''s'", [1, 2, 3, 5, 6]),  # i, t, the first of '', s, the closing quote
    ('"a  \n\n   b"', [1, 2, 9, 10]),  # a, the fold (a blank line: one line break) at its first space, b, the quote
    ("a\n  b", [0, 1, 4, 5]),  # a plain scalar: the folded space at the line break
    ("|\n  ab\n  c\n", [4, 5, 6, 9, 10, 11]),  # a literal block: a, b, the line break, c, its line break, the end
])
def test_each_character_of_the_value_maps_to_where_it_is_written(written: str, offsets: list[int]) -> None:
    event = next(e for e in yaml.parse(f"k: {written}", Loader=yaml.SafeLoader)
                 if isinstance(e, yaml.ScalarEvent) and e.value != "k")
    assert [source_index(written, event.value, offset) for offset in range(len(event.value) + 1)] == offsets


@pytest.mark.parametrize("loader", LOADERS)
@pytest.mark.parametrize("written", [
    '"信\\u4fe1 \\x41\\t\\\\\\"\\U0001F600😀"',
    '"a \\\n\n   b  \r\n\r\n  c"',
    "'it''s  \n\n   信 ''x'''",
    "p信 b:c#d\n\n   e  \n  f",
    "|2-  # a comment\n     x\n\n    信\n      y\n",
    ">\n  a\n  b\n\n  c\n   more\n  d\n",
])
def test_every_character_a_value_takes_as_written_maps_to_itself(loader: type, written: str) -> None:
    value = next(e.value for e in yaml.parse(f"k: {written}\nz: 1\n", Loader=loader)
                 if isinstance(e, yaml.ScalarEvent) and e.value != "k")
    indices = [source_index(written, value, offset) for offset in range(len(value) + 1)]
    assert indices == sorted(indices)
    for character, index in zip(value, indices, strict=False):
        # Else an escape (at its backslash), a '' (at its first quote) or a fold (at a space or a break).
        if written[index] not in "\\'" and not (written[index] in " \t\r\n" and character in " \n"):
            assert written[index] == character
