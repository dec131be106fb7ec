"""At 20 to 23 columns (a split pane, a phone's terminal) no word is cut where it would fit whole on a line.

A tester found labels squeezed beside their values (``Contr`` / ``ibuti`` / ``on``, ``Defi`` / ``ned in``),
panel titles cut at the border (``My AI app, star``) and a word inside Chinese folded where the line ended
(``信息流：只投信息流，ROA`` / ``S``). Chinese may break between any two characters; a Latin word is cut only
when it alone, as a run without spaces, is wider than the screen (a file path, ``acquisition[Xiaohongshu``).
A word Rich cuts with "…" in a table too narrow for it is short, not split. A word is the wide screen's in any case:
a card may name a row by a capitalised word the table has only inside a cell or header ("Never 13.00%" beside a
header "Defined in / never"), and a piece of a split word keeps its letters' case.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from cli_runner import invoke
from rich.cells import cell_len

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = sorted((ROOT / "aigc_roi" / "templates").glob("*.yaml"))
CHINESE_NAME = ROOT / "aigc_roi" / "templates" / "zh" / "feed-ads-only.yaml"
"""信息流：只投信息流，ROAS 1.1: a name whose Latin word follows Chinese with no space."""
WIDTHS = [20, 21, 22, 23]
FRAME = 4
"""A panel's borders and padding: the room a run of the whole screen's width loses inside one."""

CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
WORD = re.compile(r"(?<![A-Za-z])[A-Za-z]+(?!…)(?![A-Za-z])")
"""A Latin word as the screen shows it; one that "…" ends was shortened, not split."""


def _screen(args: list[str], lang: str, width: int) -> str:
    result = invoke([*args, "--lang", lang], env={"COLUMNS": str(width), "NO_COLOR": "1"})
    assert result.exit_code in (0, 1), result.stderr
    return result.stdout


@cache
def _wide(args: tuple[str, ...], lang: str) -> str:
    """The output on a screen wide enough for every line."""
    return _screen(list(args), lang, 1000)


def pieces(wide: str, narrow: str, width: int) -> list[str]:
    """The words of ``narrow`` that are no word of ``wide`` (in any case), short of a run too wide to fit."""
    words = {word.lower() for word in re.findall(r"[A-Za-z]+", wide)}
    too_wide = [run for run in re.findall(rf"[^\s{CJK}]+", wide) if cell_len(run) > width - FRAME]
    return [f"{word} in {line!r}" for line in narrow.splitlines() for word in WORD.findall(line)
            if word.lower() not in words and not any(word in run for run in too_wide)]


def split_words(args: list[str], lang: str, width: int) -> list[str]:
    """The words on the narrow screen that are pieces of a word of the wide one."""
    return pieces(_wide(tuple(args), lang), _screen(args, lang, width), width)


def test_the_checker_sees_a_split_word() -> None:
    assert WORD.findall("│ Contr  3,913,018.92 │") == ["Contr"]
    assert WORD.findall("┃ P… ┃ Obse… ┃ 信息流，ROA") == ["ROA"]
    wide = "┃ Defined in / never ┃\n│ never 13.00% │"
    assert pieces(wide, "  Never  13.00%", 20) == []
    assert pieces(wide, "  Defi\n  ned in  13.00%", 20) == ["Defi in '  Defi'", "ned in '  ned in  13.00%'"]


COMMANDS = [
    *(["run", str(path), "--months"] for path in TEMPLATES),
    *(["simulate", str(path), "--samples", "200"] for path in (CHINESE_NAME, TEMPLATES[2], TEMPLATES[4])),
    ["check", str(ROOT / "aigc_roi" / "templates"), "--samples", "200", "-v"],
    ["curves", str(CHINESE_NAME)],
]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: f"{args[0]}-{Path(args[1]).stem}")
def test_no_word_is_split_where_it_would_fit(args: list[str], lang: str, width: int) -> None:
    assert split_words(args, lang, width) == []


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_figures_panel_names_every_figure_whole(lang: str, width: int) -> None:
    """Each label whole, a word never cut, and each value: squeezed by a wide value a label once vanished."""
    from test_narrow import _text

    from aigc_roi import api
    from aigc_roi.model.figures import FIGURES
    from aigc_roi.present.labels import label
    from aigc_roi.present.layout import unbreakable
    from aigc_roi.present.numbers import NumberStyle
    from aigc_roi.present.run_data import run_report
    from aigc_roi.present.run_view import figures_panel

    scenario = api.load(ROOT / "aigc_roi" / "templates" / "chat-assistant-cpa.yaml")
    text = _text([figures_panel(run_report(scenario, api.run(scenario)), NumberStyle(lang, scenario.currency))], width)
    assert max(cell_len(line) for line in text.splitlines()) <= width, text
    assert "…" not in text, text
    shown = set(unbreakable(re.sub(r"[│╭╮╰╯─]", " ", text)))
    for figure in FIGURES:
        assert set(unbreakable(label(figure.name, lang))) <= shown, (figure.name, text)
