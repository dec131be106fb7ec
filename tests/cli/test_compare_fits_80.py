"""Three scenarios compared on an 80-column terminal stay one table, every figure whole (present/layout.py).

Kept whole, a figure's none in words ("none: more than one sign change", 31 cells, in a column of numbers) and a
Chinese name written as a sentence (视频工具：先投达人，再投信息流, 30 cells, in a header) left the scenarios' columns
more than the 80 - 13 cells of borders, padding and the label column's 12 allow, and compare fell back to one block
per scenario: video tool (IRR none), feed ads (never (≤ 12)) and KOC seeding (6 (2025-09) ★) needed 81. Where the
table fits only so, such words break between themselves and after a Chinese pause; a number never does.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke
from rich.cells import cell_len
from test_narrow import broken_numbers

TEMPLATES = Path(__file__).resolve().parents[2] / "aigc_roi" / "templates"
SETS = [
    # A none in words (IRR), a payback that never comes within 12 months and months from different starts.
    ("video-tool-kol-then-feed", "feed-ads-only", "koc-seeding"),
    # Two IRRs none for different reasons beside a return past the display cap.
    ("brand-subway", "prompt-community", "video-tool-kol-then-feed"),
    ("feed-ads-only", "starter", "video-tool-kol-then-feed"),
    ("chat-assistant-cpa", "creators-first-gated", "video-tool-kol-then-feed"),
]
IRR_ROW = {"en": "IRR (annual)", "zh": "内部收益率（IRR，年化）"}
MORE_THAN_ONE = {"en": "none: more than one sign change", "zh": "无：现金流多次变号"}
NEVER_12 = {"en": "never (≤ 12)", "zh": "未回本 (≤ 12)"}


def _compare(names: tuple[str, ...], lang: str, folder: Path) -> str:
    result = invoke(["compare", *(str(folder / f"{name}.yaml") for name in names), "--lang", lang],
                    env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip()[1:-1].split("│")]


def _row(text: str, first: str) -> list[str]:
    """Each scenario's cell of the row whose label is ``first``, its lines joined (a none in words may take three)."""
    lines = [_cells(line) for line in text.splitlines() if line.startswith("│")]
    start = next(i for i, cells in enumerate(lines) if cells[0] == first)
    rows = [lines[start]]
    for cells in lines[start + 1:]:
        if cells[0]:
            break
        rows.append(cells)
    return [" ".join(part for part in parts if part) for parts in list(zip(*rows, strict=True))[1:]]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("folder", [TEMPLATES, TEMPLATES / "zh"], ids=["templates", "zh-templates"])
@pytest.mark.parametrize("names", SETS, ids=lambda names: "+".join(name.split("-")[0] for name in names))
def test_three_scenarios_stay_a_table_at_80_columns(names: tuple[str, ...], lang: str, folder: Path) -> None:
    text = _compare(names, lang, folder)
    assert "┏" in text and "┃" in text, text  # a table, not one block per scenario
    assert max(cell_len(line) for line in text.splitlines()) <= 80
    assert broken_numbers(text) == []
    columns = {len(_cells(line)) for line in text.splitlines() if line.startswith("│")}
    assert columns <= {4, 6}, columns  # the label and three scenarios, with or without their Δ columns
    if "feed-ads-only" in names:
        assert NEVER_12[lang] in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_none_in_words_breaks_between_its_words_and_loses_nothing(lang: str) -> None:
    """The video tool's cash flow turns negative again after its payback, so its IRR is none; split over lines, the
    cell still reads whole, in the column of its scenario."""
    text = _compare(SETS[0], lang, TEMPLATES)
    first = _row(text, IRR_ROW[lang])[0]
    # Its lines joined by a space: the English words as written, the Chinese characters in their order.
    assert (first if lang == "en" else first.replace(" ", "")) == MORE_THAN_ONE[lang]
