"""The zh/80-column QA sweep's findings on how Chinese is laid out (present/wrap.py, layout.py, blocks.py): a wrapped
column is as wide as its widest line and its room goes to the labels, whose terms stay whole; no line starts with
closing punctuation; a name in a list stays whole; a long block label goes above its value; the explain bar gives way
before a move wraps; a relation (T = 500.0万) and a quoted example stay on one line."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from cli_runner import invoke
from rich.cells import cell_len
from rich.console import RenderableType
from rich.text import Text

from aigc_roi.cli import streams
from aigc_roi.cli.help_frame import wrap_columns
from aigc_roi.model.figures import FIGURE_NAMES
from aigc_roi.present.console import DataConsole
from aigc_roi.present.labels import label
from aigc_roi.present.wrap import cjk_lines

PLAN = """\
version: 1
name: AI 头像应用：先种草再放量（测试）
currency: CNY
horizon_months: 18
start: 2025-03
discount_rate: 0.10

acquisition:
  - name: 抖音达人种草
    type: kol
    posts: 4
    fee: "2万..4.5万"
    views: 60万
    view_to_user: "0.4%"
    views_decay: 0.2
    months: 1-2
  - name: 小红书KOC
    type: kol
    posts: 30
    fee: 600..1200
    views: 3万
    view_to_user: "0.6%"
    views_decay: 0.03
    months: 1-12
  - name: B站信息流
    type: cpm
    cpm: {by_month: {3: 30, 9: 45}}
    ctr: "1.8%"
    cvr: "12%"
    budget: 30万
    saturation_budget: 100万
    months: 3-12
  - name: 抖音激活CPA
    type: cpa
    bid: {by_month: {3: 12, 12: 18}}
    budget: 15万
    months: 3-15

organic_users: 500
virality: 0.05

retention:
  days: {1: "45%", 7: "22%", 30: "12%"}

monetization:
  plans:
    - name: 月度会员
      price: {by_month: {1: 19.9, 7: 25}}
      period: month
      conversion: "2.5%..8%"
      renewal: 0.75
    - name: 年度会员
      price: 199
      period: year
      conversion: "3%"
      renewal: 0.5
  purchases:
    - name: 写真套餐
      price: 9.9
      rate: 0.05
  revenue_fee: 0.07

costs:
  serving_per_active_user: 1.0
  fixed:
    - {name: 服务器和工具, monthly: 2万}

gates:
  - name: 达人验证产品
    after_month: 2
    channels: [抖音达人种草, 小红书KOC]
    min_roas: 0.3
    max_cac: 40
    then: [B站信息流, 抖音激活CPA]

targets:
  max_payback_months: 12
  min_roi: 0.1
  max_cac: 20
  milestones:
    - {month: 6, subscribers: 5000}
    - {month: 12, gross_revenue: 30万}
    - {month: 18, cumulative_cash: 0}
"""
CLOSING = "，。、：；）"
BARS = "█▏●─▇▒"
TERMS = ["综合获客成本", "扣除变动成本，", "（全盘现金）", "投放回本月份", "最大资金需求"]
"""Words the label column keeps whole where the 80- and 100-column tables had room for them."""


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("qa_zh80")
    (folder / "s").mkdir()
    (folder / "s" / "达人放量.yaml").write_text(PLAN, encoding="utf-8")
    (folder / "s" / "达人放量-新.yaml").write_text(
        PLAN.replace("budget: 30万", "budget: 20万").replace("price: 199", "price: 299"), encoding="utf-8")
    return folder


def _views(args: list[str], folder: Path) -> list[RenderableType]:
    printed: list[RenderableType] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(streams, "_print_all", lambda console, renderables: printed.extend(renderables))
        patch.chdir(folder)
        result = invoke([*args, "--lang", "zh"])
    assert result.exit_code in (0, 1), result.stderr
    return printed


def _screen(views: list[RenderableType], width: int) -> list[str]:
    console = DataConsole(file=io.StringIO(), width=width, color_system=None, record=True, legacy_windows=False)
    for view in views:
        console.print(view)
    return console.export_text().splitlines()


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in re.split("[│┃]", line)[1:-1]]


def _table_columns(lines: list[str]) -> list[tuple[list[int], list[list[str]]]]:
    """Each table's column widths (inside their padding) and its rows' cells."""
    tables = []
    for i, line in enumerate(lines):
        if line.startswith("┏"):
            widths = [cell_len(part) - 2 for part in line[1:-1].split("┳")]
            rows = []
            for row in lines[i + 1:]:
                if row.startswith("└"):
                    break
                if row[:1] in "│┃":
                    rows.append(_cells(row))
            tables.append((widths, rows))
    return tables


COMPARES = [["compare", "s/达人放量.yaml", "--variant", "不测试: gates=[]"],
            ["compare", "s/达人放量.yaml", "--variant", "不测试: gates=[]", "--variant", "B站降预算: B站信息流.budget=20万"],
            ["compare", "s/达人放量.yaml", "--variant", "不测试: gates=[]", "--samples", "1000"],
            ["simulate", "s/达人放量.yaml", "--samples", "500"]]


@pytest.mark.parametrize("args", COMPARES, ids=["variant", "two-variants", "risk", "simulate"])
def test_a_column_is_as_wide_as_its_widest_line_and_no_line_starts_with_closing_punctuation(folder: Path,
                                                                                            args: list[str]) -> None:
    views = _views(args, folder)
    for width in range(60, 121, 4):
        lines = _screen(views, width)
        for widths, rows in _table_columns(lines):  # narrower, a view is blocks
            for i, column_width in enumerate(widths[1:], 1):
                texts = [row[i] for row in rows if i < len(row)]
                if any(mark in text for text in texts for mark in BARS):
                    continue  # a chart is drawn to its width
                widest = max(cell_len(text) for text in texts)
                # A column of values is filled by some line (a wide character may leave one cell): a header wrapped
                # at its space left 32 cells to a name of 28 and a figure's column labels 11.
                assert widest in (0, column_width - 1, column_width), f"{width} columns, column {i}:\n" + "\n".join(lines)
            for row in rows:
                for cell in row:
                    assert not cell or cell[0] not in CLOSING, f"{width} columns: {cell!r}\n" + "\n".join(lines)


@pytest.mark.parametrize("args", COMPARES[:2], ids=["variant", "two-variants"])
@pytest.mark.parametrize("width", [80, 100])
def test_the_label_column_keeps_its_terms_whole_and_the_name_breaks_at_a_space_or_pause(folder: Path, args: list[str],
                                                                                         width: int) -> None:
    lines = _screen(_views(args, folder), width)
    labels = [_cells(line)[0] for line in lines if line.startswith("│")]
    for term in TERMS:
        assert any(term in cell for cell in labels), f"{term}:\n" + "\n".join(lines)
    header = [_cells(line)[1] for line in lines if line.startswith("┃")]
    assert " ".join(header) in ("AI 头像应用：先种草再放量（测试）", "AI 头像应用： 先种草再放量（测试）"), header


def test_a_name_in_a_note_stays_whole(folder: Path) -> None:
    # At 60 columns the channels note read "（抖音达人种" / "草、小红书KOC）".
    for width in range(40, 81):
        text = "\n".join(_screen(_views(["run", "s/达人放量.yaml"], folder), width))
        assert "抖音达人种草、" in text.replace("\n", "") and "抖音达人种\n" not in text, f"{width} columns:\n{text}"


@pytest.mark.parametrize("width", range(4, 41))
def test_no_figure_label_line_starts_with_closing_punctuation_or_ends_with_an_opening_one(width: int) -> None:
    for name in FIGURE_NAMES:
        for cell in (True, False):
            for line in cjk_lines(Text(label(name, "zh")), width, cell=cell).plain.split("\n"):
                assert (not line or line[0] not in CLOSING) and not line.endswith("（"), (name, width, line)
    # Help wraps at 10 columns at least; narrower, click cuts a word as wide as the line.
    for line in wrap_columns(label("roi", "zh") + "，" + label("payback_month", "zh"), max(width, 10)):
        assert not line or line[0] not in CLOSING, (width, line)


def test_a_long_block_label_goes_above_its_value(folder: Path) -> None:
    # At 60 columns each plan's name and file took a 12-column label over five lines a figure: ~300 lines.
    lines = _screen(_views(["compare", "s/达人放量.yaml", "s/达人放量-新.yaml", "--samples", "1000"], folder), 60)
    assert any(line.strip() == "AI 头像应用：先种草再放量（测试） (s/达人放量.yaml)" for line in lines), "\n".join(lines)
    assert len(lines) < 200


@pytest.mark.parametrize("width", range(80, 101, 4))
def test_the_explain_bar_gives_way_before_a_move_wraps(folder: Path, width: int) -> None:
    lines = _screen(_views(["compare", "s/达人放量.yaml", "s/达人放量-新.yaml", "--explain"], folder), width)
    moves = [cells[1] for line in lines if line.startswith("│") and len(cells := _cells(line)) == 4]
    assert "199 → 299" in moves and "30万 → 20万" in moves, "\n".join(lines)


def test_a_relation_in_a_title_and_a_quoted_example_in_help_stay_on_one_line(folder: Path) -> None:
    for width in range(50, 81):
        lines = _screen(_views(["allocate", "s/达人放量.yaml", "--total", "500万"], folder), width)
        assert any("T = 500.0万" in line for line in lines), f"{width} columns:\n" + "\n".join(lines)
    for width in range(60, 121, 10):
        result = invoke(["sensitivity", "--help", "--lang", "zh"], env={"COLUMNS": str(width)})
        assert "'抖音CPA.bid,年度会员.price'" in result.stdout, f"{width} columns:\n{result.stdout}"
