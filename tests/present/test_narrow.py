"""Every view as a person meets it in a laptop terminal (80 columns) and a wide one (120).

A number is never split across lines nor cut with "…": every token of the
output that holds a digit must read as one whole number (or a month label).
A number split at the edge of a column, such as ``-136,`` over ``944`` or
``-3,41`` over ``9.5万``, leaves a fragment that no such pattern accepts. The
tornado keeps its centre axis and tells the −step and +step moves apart
without colour, as NO_COLOR and pipes show it.
"""

from __future__ import annotations

import io
import re
from functools import cache
from pathlib import Path

import pytest
from rich.console import Console, RenderableType

from aigc_roi import api
from aigc_roi.present.breakeven_view import breakeven_view
from aigc_roi.present.compare import compare_columns
from aigc_roi.present.compare_view import compare_view
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.present.run_data import run_report
from aigc_roi.present.run_view import run_view
from aigc_roi.present.sensitivity_view import BLANK, HIGH_BAR, LOW_BAR, sensitivity_view

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = sorted((ROOT / "aigc_roi" / "templates").glob("*.yaml"))

# A whole number as the views write one: a bound (<0.00001, >-0.00001: present/numbers.py nonzero_text), sign,
# thousands groups, decimals, then a unit.
NUMBER = r"(?:<|>(?=-))?[+\-−±]?\d{1,3}(?:,\d{3})*(?:\.\d+)?(?:%|万|亿|×|k|M)?"
WHOLE = re.compile(rf"^[(（]?(?:{NUMBER}(?:\.\.{NUMBER})?|\d{{4}}-\d{{2}}(?:\.\.\d{{4}}-\d{{2}})?|\d{{1,3}}-\d{{1,3}}|M\d+|D\d+"
                   rf"|[a-z_]*@\d+)[)）]?$")
"""A number as a whole, a month label or a span of them (2025-03..2025-08), a span of months as a file writes it
(1-6), a day point (D1, D7, D30 of a retention fit), or a milestone's month after its series (``subscribers@6``,
which a narrow target column folds like any target key)."""
PUNCTUATION = ",，.;:；。"
"""Ends a number in prose (captions, titles); inside a table cell a trailing comma is half a number."""
BOX = re.compile(r"[│┃┏┓┗┛┡┩└┘┌┐━─┳┻╇╈┼┬┴├┤╭╮╰╯▁-█▒]+")


def _text(renderables: list[RenderableType], width: int) -> str:
    console = Console(width=width, file=io.StringIO(), color_system=None, record=True, legacy_windows=False)
    for renderable in renderables:
        console.print(renderable)
    return console.export_text()


def broken_numbers(text: str) -> list[str]:
    tokens = (token if line.startswith(("│", "┃")) else token.rstrip(PUNCTUATION)
              for line in text.splitlines() for token in BOX.sub(" ", line).split())
    # A number inside CJK text ("可上涨 23.4%，超出则") ends at the first CJK character.
    pieces = (piece for token in tokens for piece in re.split(r"(?<=[\d%万亿])(?=[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef])", token))
    return [piece for piece in pieces if re.search(r"\d", piece) and not WHOLE.match(piece)]


@cache
def _views(template: Path, lang: str) -> dict[str, list[RenderableType]]:
    scenario = api.load(template)
    style = NumberStyle(lang, scenario.currency)
    others = [path for path in TEMPLATES if path != template][:2]
    columns = compare_columns(api.compare([(None, str(path), api.load(path)) for path in (template, *others)]))
    return {
        "run": run_view(run_report(scenario, api.run(scenario)), style, True),
        "compare": [compare_view(columns, style)],
        "sensitivity": [sensitivity_view(api.sensitivity(scenario, 0.2), style)],
        "breakeven": [breakeven_view(api.break_even(scenario), style)],
    }


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: path.stem)
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("view", ["run", "compare", "sensitivity", "breakeven"])
def test_no_number_is_split_or_cut(template: Path, lang: str, width: int, view: str) -> None:
    text = _text(_views(template, lang)[view], width)
    assert "…" not in text, text
    assert broken_numbers(text) == [], text
    assert max(len(line) for line in text.splitlines()) <= width


def test_the_checker_sees_a_split_number() -> None:
    # What Rich did at 80 columns before the views fitted themselves.
    assert broken_numbers("│ -136, │\n│ 944 │") == ["-136,"]
    assert broken_numbers("│ -3,41 │\n│ 9.5万 │") == ["-3,41"]
    assert broken_numbers("│ 78,35 │") == ["78,35"]
    assert broken_numbers("│ -1,289.38% │ 2025-01 │ 0..100× │ +28.56 pp │") == []


def test_tornado_has_a_centre_axis_and_tells_moves_apart_without_colour() -> None:
    scenario = api.load(ROOT / "aigc_roi" / "templates" / "video-tool-kol-then-feed.yaml")
    text = _text([sensitivity_view(api.sensitivity(scenario, 0.2), NumberStyle("en", "CNY"))], 80)
    bars = [match.groups() for line in text.splitlines()
            if (match := re.match(rf"│ (\S.*?) +│ ([ {BLANK}]*[{LOW_BAR}{HIGH_BAR}]*)│([{LOW_BAR}{HIGH_BAR}]*[{BLANK}]* *) │", line))]
    assert len(bars) == len(api.sensitivity(scenario, 0.2).rows), text
    # The feed CPM: −20% raises ROI (right of the axis), +20% lowers it (left).
    left, right = next((left, right) for name, left, right in bars if name.endswith("CPM"))
    assert set(left.strip(f" {BLANK}")) == {HIGH_BAR} and set(right.strip(f" {BLANK}")) == {LOW_BAR}
    # The axis stands in one column for every driver: the left halves all have one width.
    assert len({len(row_left) for _, row_left, _ in bars}) == 1, "the axis is the centre of the bar"
    assert len(left) == len(right.rstrip())
    assert f"{LOW_BAR} −20%, {HIGH_BAR} +20%" in text


@pytest.mark.parametrize("width", [40, 60, 80, 120])
def test_tornado_scales_with_the_width(width: int) -> None:
    scenario = api.load(ROOT / "aigc_roi" / "templates" / "video-tool-kol-then-feed.yaml")
    analysis = api.sensitivity(scenario, 0.2)
    text = _text([sensitivity_view(analysis, NumberStyle("en", "CNY"))], width)
    longest_bar = max(len(re.findall(f"[{LOW_BAR}{HIGH_BAR}]", line)) for line in text.splitlines())
    assert max(len(line) for line in text.splitlines()) <= width
    assert longest_bar >= 4
    if width == 120:
        assert longest_bar > 4  # room to spare goes to the bars


@pytest.mark.parametrize("columns", [80, 100])
def test_piped_tables_take_the_width_columns_says(columns: int) -> None:
    from cli_runner import invoke

    args = ["compare", *(str(path) for path in TEMPLATES[:4])]
    wide = invoke(args)
    narrow = invoke(args, env={"COLUMNS": str(columns)})
    assert wide.exit_code == narrow.exit_code == 0
    assert max(len(line) for line in wide.stdout.splitlines()) > columns  # the 160-column page of a pipe
    assert max(len(line) for line in narrow.stdout.splitlines()) <= columns
    assert broken_numbers(narrow.stdout) == []


def test_a_columns_that_is_no_width_keeps_the_page() -> None:
    from cli_runner import invoke

    starter = str(ROOT / "scenarios" / "starter.yaml")
    assert invoke(["run", starter], env={"COLUMNS": "wide"}).stdout == invoke(["run", starter]).stdout


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: path.stem)
@pytest.mark.parametrize("width", [60, 80, 100])
def test_chinese_month_headers_break_between_words_only(template: Path, width: int) -> None:
    """总收入 may read 总 / 收入 in a narrow column, never 总收 / 入: Chinese has no spaces to break at."""
    from aigc_roi.present.labels import header_label, label
    from aigc_roi.present.run_view import CASH_COLUMNS

    whole: set[str] = set()
    for key in ("month", *CASH_COLUMNS):
        words = [word for word in header_label(key, "zh").split("\u200b") if word]
        whole |= {"".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
    text = _text(_views(template, "zh")["run"], width)
    lines = text.splitlines()
    top = next(i for i, line in enumerate(lines) if line.startswith(label("months", "zh"))) + 1
    header = lines[top + 1: next(i for i in range(top, len(lines)) if lines[i].startswith("┡"))]
    pieces = [cell.strip() for line in header for cell in line.strip("┃").split("┃") if cell.strip()]
    # A header with its unit on one line (净收入 (万)) where its column is wide enough.
    assert pieces and all(piece in whole or ((unit := re.fullmatch(r"(?:(\S+) )?\(.+\)", piece)) is not None
                                             and unit[1] in (None, *whole)) for piece in pieces), pieces
    assert "\u200b" not in text


@pytest.mark.parametrize("template", TEMPLATES[:3], ids=lambda path: path.stem)
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("width", [50, 60, 70])
@pytest.mark.parametrize("view", ["run", "compare", "sensitivity", "breakeven"])
def test_narrower_than_a_laptop_nothing_is_cut(template: Path, lang: str, width: int, view: str) -> None:
    """Below 80 columns the views fall back to one block per row: a long label wraps, it is never cut with "…"."""
    text = _text(_views(template, lang)[view], width)
    assert "…" not in text, text
