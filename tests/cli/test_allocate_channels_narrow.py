"""`allocate`'s channels at narrow widths: a table keeps the budget and the figures its caption explains, else one
block per channel gives every figure; a column a table leaves out is named under it (present/layout.py, allocate).

QA: at 44 columns the table kept Channel, Split and Budget alone, every figure gone, under a caption still explaining
average and marginal ROAS and CAC, and nothing said columns were hidden.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.present.labels import label

ROOT = Path(__file__).resolve().parents[2]
VIDEO = ROOT / "scenarios" / "video-tool-kol-then-feed.yaml"
"""Two channels, creators in months 1-3 and feed ads in months 4-18."""
FIGURES = ("allocate_change", "allocate_roas", "allocate_marginal_roas", "allocate_cac", "allocate_marginal_cac",
           "allocate_ltv", "allocate_ltv_to_cac")


def _section(width: int, lang: str) -> list[str]:
    """The lines of the channels view, from its title to the budget curve's."""
    result = invoke(["allocate", str(VIDEO), "--budget", "30万", "--lang", lang],
                    env={"COLUMNS": str(width), "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    start = lines.index(label("allocate_channels_title", lang))
    curve = label("allocate_curve_title", lang).split(" · ")[0]
    end = next(n for n in range(start, len(lines)) if lines[n].startswith(curve))
    return lines[start + 1:end]


def _shown(section: list[str]) -> list[str]:
    """The figures the view shows: a table's headers (their lines joined per column), or each block's labels."""
    if any(line.startswith("┡") for line in section):
        head = section[section.index(next(line for line in section if line.startswith("┏"))) + 1:
                       section.index(next(line for line in section if line.startswith("┡")))]
        cells = [[cell.strip() for cell in line.strip("┃").split("┃")] for line in head]
        # A header's lines join with a space, but a Chinese term's words with none (平均 / 获客成本).
        return [re.sub(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])", "", " ".join(filter(None, column)))
                for column in zip(*cells, strict=True)]
    return [re.split(r"\s{2,}", line.strip())[0] for line in section if line.startswith("  ")]


def _left_out(section: list[str], lang: str) -> list[str]:
    """The columns the caption names as not shown: its last sentence (a name may hold a full stop, Marg. CAC)."""
    caption = ("" if lang == "zh" else " ").join(line.strip() for line in section
                                                 if not line.startswith(("┏", "┃", "┡", "│", "├", "└", "  ")))
    head, _, tail = label("columns_left_out", lang).partition("{columns}")
    found = re.search(re.escape(head) + "(.*)" + re.escape(tail) + "$", caption.replace("\u00a0", " "))
    return [] if found is None else found.group(1).split(label("list_separator", lang))


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("width", [44, 60])
def test_a_narrow_terminal_gives_every_figure_in_a_block_per_channel(width: int, lang: str) -> None:
    section = _section(width, lang)
    shown = _shown(section)
    for key in FIGURES:
        # Once per channel: the creators' block and the feed ads'.
        assert shown.count(label(key, lang)) == 2, (key, "\n".join(section))
        assert all(" " not in name for name in shown if lang == "zh" and "获客成本" in name)
    assert _left_out(section, lang) == []


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("width", [44, 60, 70, 80, 100, 120])
def test_every_figure_is_shown_or_named_as_left_out(width: int, lang: str) -> None:
    section = _section(width, lang)
    shown, left_out = _shown(section), _left_out(section, lang)
    for key in FIGURES:
        assert (label(key, lang) in shown) != (label(key, lang) in left_out), (key, width, "\n".join(section))
    # The caption explains average and marginal ROAS and CAC: a table never leaves those out.
    for key in ("allocate_roas", "allocate_marginal_roas", "allocate_cac"):
        assert label(key, lang) in shown
