"""Every command's terminal view at every width from 20 to 120 columns, in English and Chinese: a number is never cut
(README: the tables fit the terminal, a number is never split nor cut with "…"); a table that does not fit falls
back to a block per row (present/blocks.py) rather than leave Rich to squeeze it.

QA found, below 56 columns, allocate's budgets cut ("250,0…", "1,085,9…"), its phases' channel column squeezed to
nothing and its channels' table cut at the right edge; compare's values cut at 20 columns ("305,47…"); curves'
renewal rates at 30 ("65.…"); the template list's descriptions at 45 ("图片社区 Imag…"). Each view is built once
and printed at every width, as a resized terminal prints it.
"""

from __future__ import annotations

import io
import re
from functools import cache
from pathlib import Path

import pytest
from cli_runner import invoke
from rich.cells import cell_len
from rich.console import RenderableType
from test_snapshots_80 import split_numbers, write_plans

from aigc_roi.cli import streams
from aigc_roi.present.console import DataConsole

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "scenarios"
COMMANDS: dict[str, list[str]] = {
    "run": ["run", "huajing.yaml"],
    "compare": ["compare", "huajing.yaml", "cheaper.yaml", "--explain"],
    "compare-bundled": ["compare", str(SCENARIOS / "feed-ads-only.yaml"), str(SCENARIOS / "koc-seeding.yaml")],
    "risk": ["compare", "huajing.yaml", "cheaper.yaml", "--samples", "300"],
    "breakeven": ["breakeven", "huajing.yaml"],
    "sensitivity": ["sensitivity", "huajing.yaml"],
    "grid": ["sensitivity", "huajing.yaml", "--grid", "抖音激活CPA.bid,月度会员.price", "--grid-steps", "3"],
    "curves": ["curves", "huajing.yaml"],
    "curves-renewals": ["curves", str(SCENARIOS / "chat-assistant-cpa.yaml")],
    "simulate": ["simulate", "huajing.yaml", "--samples", "300"],
    "allocate": ["allocate", str(SCENARIOS / "chat-assistant-cpa.yaml"), "--budget", "30万"],
    "allocate-gated": ["allocate", str(SCENARIOS / "creators-first-gated.yaml"), "--target-roas", "0.5",
                       "--max", "Bilibili CPA=100000"],
    "check": ["check", "huajing.yaml", "cheaper.yaml"],
    "validate": ["validate", "broken.yaml"],
    "actuals": ["actuals", str(SCENARIOS / "zh" / "chat-assistant-cpa.yaml"),
                str(ROOT / "examples" / "actuals" / "douyin-ocean-engine.csv"),
                str(ROOT / "examples" / "actuals" / "bilibili.csv"),
                "--map", "抖音激活 CPA=dy_*", "--map", "B站 CPA（注册用户）=bili_*"],
    "init": ["init", "--list"],
}
WIDTHS = range(20, 121)
BORDERS = "┃│"
CLOSING = "┓┃┩│┘┤┛"


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_plans(tmp_path_factory.mktemp("plans"))


@cache
def _views(command: str, lang: str, folder: Path) -> list[RenderableType]:
    """What the command prints, before it is laid out at a width."""
    printed: list[RenderableType] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(streams, "_print_all", lambda console, renderables: printed.extend(renderables))
        patch.chdir(folder)
        result = invoke([*COMMANDS[command], "--lang", lang])
    assert result.exit_code in (0, 1, 2), result.stderr
    return printed


def _screen(views: list[RenderableType], width: int) -> str:
    console = DataConsole(file=io.StringIO(), width=width, color_system=None, record=True, legacy_windows=False)
    for view in views:
        console.print(view)
    return console.export_text()


def cut(text: str, width: int) -> list[str]:
    """The lines that show a cut: an ellipsis, a line wider than the terminal, a table row that does not reach its
    right border (the terminal cut it off) and a column squeezed to nothing."""
    return [line for line in text.splitlines()
            if "…" in line or cell_len(line) > width or re.search(f"[{BORDERS}][{BORDERS}]", line)
            # A legend's line may start with a bar (│ 左减右增); a row has a border at each end.
            or (line[:1] in f"┏┡└├┗{BORDERS}" and sum(line.count(border) for border in BORDERS) != 1
                and line.rstrip()[-1:] not in CLOSING)]


def test_the_checker_sees_each_cut() -> None:
    # What QA saw: allocate at 40 columns, compare at 20, and a table cut at its right edge.
    assert cut("│ 150,0… │ 0.… │", 40) == ["│ 150,0… │ 0.… │"]
    assert cut("┃ Months ┃┃ Curre… ┃", 40) == ["┃ Months ┃┃ Curre… ┃"]
    assert cut("│ Bilibili CPA   │ Current │  90,00", 34) == ["│ Bilibili CPA   │ Current │  90,00"]
    assert cut("│ 左减右增，▒ −20%，", 20) == []
    assert cut("│ 0 │ 100.00% │ ████ │", 24) == []


CUT_AT = {"allocate": (40, 50), "allocate-gated": (20, 45), "compare-bundled": (20, 26), "curves-renewals": (30, 40),
          "init": (29, 45), "simulate": (54,)}
"""Widths at which each view was cut: QA's, and simulate's fan, whose scale Rich measured with the space after its
first word and cut in Chinese ("-87.7万 .…")."""


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("command", list(CUT_AT))
def test_nothing_is_cut_where_it_was(plans: Path, command: str, lang: str) -> None:
    views = _views(command, lang, plans)
    for width in CUT_AT[command]:
        text = _screen(views, width)
        assert cut(text, width) == [], f"{width} columns:\n{text}"


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_nothing_is_cut_at_any_width(plans: Path, command: str, lang: str) -> None:
    views = _views(command, lang, plans)
    for width in WIDTHS:
        text = _screen(views, width)
        assert cut(text, width) == [], f"{width} columns:\n{text}"


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("command", [command for command in CUT_AT if command != "simulate"])
def test_no_number_is_split_at_any_width(plans: Path, command: str, lang: str) -> None:
    views = _views(command, lang, plans)
    for width in WIDTHS:
        text = _screen(views, width)
        assert split_numbers(text) == [], f"{width} columns:\n{text}"


def test_a_month_in_a_note_under_a_channels_actuals_stays_whole(plans: Path) -> None:
    # Rich broke it after its hyphen at 21 columns: "（报表更早结束）：2025-" / "04".
    views = _views("actuals", "zh", plans)
    for width in (21, 30):
        text = _screen(views, width)
        assert "2025-04" in text and not re.search(r"2025-?0?$", text, re.MULTILINE), f"{width} columns:\n{text}"
