"""Chinese notes and captions break by the East Asian line-breaking rules and fill the line (present/wrap.py)."""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from aigc_roi.present.layout import Prose, prose_lines, sentence_lines

# The texts of the zh/80-column QA sweep (simulate, allocate, actuals, check).
NOTES = [
    "最大资金需求：98.50% 的抽样到第 12 个月现金仍在下降，那里只是目前的最低点，不是峰值。",
    "IRR：79.32% 的抽样中它是借款利率（现金先流入，IRR 越高越差）；其分位数把这些资金成本与其余抽样的收益率混在一起。",
    "! Douyin creators：最优分配下再投 1 元只带来 0.52 元收入，不到这 1 元本身。",
    "! Douyin creators：最优分配下再投 1 美元只带来 0.52 美元收入，不到这 1 美元本身。",
    "! 方案含闸门：每个分配先按所有闸门都通过来搜索，再像 run 和 simulate 那样带闸门运行（每次抽样各自判定闸门）；"
    "所示数值（含预算曲线）都是分阶段运行的结果。",
    "  时间口径：日期：投放当天（按报告时间），除非报表设为按转化时间；表头未表明是哪个平台的投放后台",
    "  去重口径：报表中没有不带 (去重) 的同类列，改用 '激活数(去重)' 列",
    "回本月份 未回本（截至第 6 个月，即模拟期末），应 <= 12",
]
KEPT_TOGETHER = ["98.50% 的", "第 12 个", "0.52 元", "0.52 美元", "1 美元", "第 6 个", "'激活数(去重)'"]


def _printed(text: str, width: int) -> list[str]:
    console = Console(width=width, file=None, record=True, color_system=None, legacy_windows=False)
    with console.capture() as capture:
        console.print(Prose(Text(text)))
    return capture.get().rstrip("\n").split("\n")


@pytest.mark.parametrize("width", [80, 60, 40])
@pytest.mark.parametrize("note", NOTES)
def test_kinsoku_and_numbers_with_their_units(note: str, width: int) -> None:
    lines = [line.rstrip() for line in _printed(note, width)]
    for line in lines:
        assert cell_len(line) <= width, line
        assert not re.match(r"\s*[，。、：；！？）」』】%)]", line), line
        assert not re.search(r"[（「『【(]$", line), line
    # every piece meant to stay together is on one line
    joined = "\n".join(lines)
    for piece in KEPT_TOGETHER:
        if piece in note:
            assert piece in joined, (piece, joined)


@pytest.mark.parametrize("width", [80, 60, 40])
@pytest.mark.parametrize("note", NOTES)
def test_lines_are_filled(note: str, width: int) -> None:
    """Every line but the last reaches within a sixth of the width plus one glued piece (9 cells: 第 12 个)."""
    lines = [line.rstrip() for line in _printed(note, width)]
    for line, following in zip(lines, lines[1:], strict=False):
        assert cell_len(line) + cell_len(following.split()[0] if following.split() else "") > width - width // 6 - 9, \
            (line, following)


def test_a_first_line_is_not_left_half_empty_before_a_long_run() -> None:
    # Rich put 35 cells on the first line at 80 columns, then the run without spaces on the next.
    first = _printed(NOTES[0], 80)[0]
    assert cell_len(first.rstrip()) >= 70


def test_a_two_character_word_is_not_split_when_a_pause_lies_near() -> None:
    text = "每月新增用户的收入按月复利，" + "渠道" * 3 + "的投放在每个月重新计算成本与收益，并把结果写入报表。"
    lines = prose_lines(text, 30).plain.split("\n")
    assert lines[0].endswith("，"), lines


def test_a_file_extension_and_a_long_quotes_names_are_kept_whole_as_in_help() -> None:
    # A dot opening a word was taken for closing punctuation: no break fitted, the line ran over and --help cut it
    # (.ma / rkdown). A quote wider than the line broke inside its names, where its comma fits a line each side.
    assert _printed("以 .json、.csv、.md、.markdown、.xlsx", 24) == ["以 .json、.csv、.md、", ".markdown、.xlsx"]
    assert _printed("'抖音CPA.bid,年度会员.price'。", 24) == ["'抖音CPA.bid,", "年度会员.price'。"]
    # The 。 goes with the quote: 28 columns alone, 30 with it, where it was kept whole for 28 and cut inside.
    assert _printed("'抖音CPA.bid,年度会员.price'。", 29) == ["'抖音CPA.bid,", "年度会员.price'。"]


def test_styles_survive_the_wrapping() -> None:
    text = Text("! ", style="yellow").append("最优分配下再投 1 元只带来 0.52 元收入，不到这 1 元本身。", style="bold")
    wrapped = sentence_lines(text, 20)
    assert wrapped.plain.replace("\n", "") == text.plain
    assert {span.style for span in wrapped.spans} >= {"yellow", "bold"}


@pytest.mark.parametrize("width", [80, 40])
def test_english_is_wrapped_as_before(width: int) -> None:
    note = ("Peak cash need: in 98.50% of samples cash is still falling at month 12, so that is only the lowest point "
            "so far, not the peak.")
    text = Text(note, style="yellow")
    assert sentence_lines(text, width) is text
    console = Console(width=width, color_system=None)
    with console.capture() as plain:
        console.print(text)
    assert "\n".join(_printed(note, width)) + "\n" == plain.get()


@pytest.mark.parametrize(("cell", "width", "expected"), [
    # The qualifier is wider than the column: the label goes alone first, then the qualifier wraps inside.
    ("ROI (买量，扣除变动成本，未扣固定成本)", 22, ["ROI", "(买量，扣除变动成本，", "未扣固定成本)"]),
    ("LTV : CAC (单个新增用户 / 买量 CAC)", 22, ["LTV : CAC", "(单个新增用户 / 买量", "CAC)"]),
    # It fits: kept whole on the second line.
    ("综合获客成本 (广告支出 / 新增用户)", 22, ["综合获客成本", "(广告支出 / 新增用户)"]),
    # The catalogue's labels write the qualifier in full-width brackets, without the space (a name and its qualifier
    # once read as one name: LTV : / CAC（单个新增用户 / / 买量 CAC）).
    ("ROI（买量，扣除变动成本，未扣固定成本）", 22, ["ROI", "（买量，扣除变动成本，", "未扣固定成本）"]),
    ("LTV : CAC（单个新增用户 / 买量 CAC）", 22, ["LTV : CAC", "（单个新增用户 / 买量", "CAC）"]),
    ("综合获客成本（广告支出 / 新增用户）", 24, ["综合获客成本", "（广告支出 / 新增用户）"]),
    ("综合 ROAS（全部收入 / 广告支出）", 28, ["综合 ROAS", "（全部收入 / 广告支出）"]),
])
def test_a_cell_breaks_before_a_bracketed_qualifier_first(cell: str, width: int, expected: list[str]) -> None:
    assert sentence_lines(Text(cell), width).plain.split("\n") == expected


def test_a_note_still_fills_its_line_before_a_bracket() -> None:
    note = "回本按各方案自己的目标计算 (现金先流入，IRR 越高越差，其分位数与其余抽样不可比)。"
    first = _printed(note, 44)[0].rstrip()
    assert "(" in first, first


def _long_terms() -> list[str]:
    """The Chinese words of the figures', drivers', gates' and targets' labels too long to be kept whole as a name."""
    from aigc_roi.model.figures import FIGURE_NAMES
    from aigc_roi.present.labels import LABELS
    from aigc_roi.present.wrap import SHORT_WORD

    texts = [text for key, entry in LABELS.items() if key in FIGURE_NAMES or key.startswith(("driver_", "target_", "gate_"))
             for text in (entry.zh, *(entry.short[1:] if entry.short else ()))]
    return sorted({word for text in texts for word in text.split()
                   if re.fullmatch("[\u4e00-\u9fff]+", word) and cell_len(word) > SHORT_WORD})


def test_a_long_label_breaks_between_its_words() -> None:
    # simulate --lang zh at 80 columns gave the label column 15 cells: 资金缺口最大月份 (16) read 资金缺口最大月 / 份.
    assert sentence_lines("资金缺口最大月份", 15).plain.splitlines() == ["资金缺口", "最大月份"]
    assert sentence_lines("单活跃用户服务成本", 12).plain.splitlines() == ["单活跃用户", "服务成本"]
    assert sentence_lines("max_cash_need 最大资金需求上限", 14).plain.splitlines() == ["max_cash_need", "最大资金需求", "上限"]


@pytest.mark.parametrize("term", _long_terms())
def test_every_long_label_has_its_words(term: str) -> None:
    from aigc_roi.present.labels import ZH_TERM_WORDS

    # One cell short of the term: it breaks at a joint of its words, each line a whole word or words.
    words = next((words for words in ZH_TERM_WORDS if "".join(words) == term), None)
    assert words is not None, f"{term}: add its words to labels.ZH_TERM_WORDS"
    lines = sentence_lines(term, cell_len(term) - 1).plain.splitlines()
    joints = {"".join(words[:i]) for i in range(1, len(words))}
    assert len(lines) > 1 and all("".join(lines[:i]) in joints for i in range(1, len(lines)))


# QA zh3 F12/F13: sentences of compare --explain, allocate, simulate and curves, and the words they split.
SPLIT_BY_QA = [
    ("Shapley 分摊：遍历所有改动顺序（精确），各项之和等于总变化。新增或删除的条目、省略的字段、列出新增渠道的闸门列表"
     "不是基准上 --set 能给出的取值：其影响不作拆分，单列一行，为总变化的其余部分。各项经取整使显示值之和等于显示的总变化"
     "（最大余数法），个别项可能与自身的四舍五入相差末位一个单位。", ["变化"]),
    ("! 方案含闸门：每个分配先按所有闸门都通过来搜索，再像 run 和 simulate 那样带闸门运行（每次抽样各自判定闸门）；"
     "所示数值（含预算曲线）都是分阶段运行的结果。", ["结果"]),
    ("u = -0.7668, b = 0.4012 · 最大偏差 1.45 百分点", ["1.45 百分点", "= -0.7668", "= 0.4012"]),
    ("IRR > 1,000% (-97.06% .. > 1,000%) · 每次抽样都是借款利率", ["> 1,000%"]),
    ("投放回本月份 11 (1 .. 未回本) · 未回本 23.95%", ["未回本 23.95%"]),
    ("▇ 表示使该指标变好的改动，▒ 表示使其变差的改动，长度按其占最大一项的比例。", ["▇ 表", "▒ 表"]),
]


@pytest.mark.parametrize("width", range(22, 121, 3))  # from the widest glued piece, 最大偏差 1.45 百分点 (20)
@pytest.mark.parametrize(("note", "whole"), SPLIT_BY_QA)
def test_terms_and_numbers_with_their_signs_and_units_are_never_split(note: str, whole: list[str], width: int) -> None:
    lines = [line.rstrip() for line in _printed(note, width)]
    for piece in whole:
        assert piece in "\n".join(lines), (piece, lines)
    assert all(cell_len(line) <= width for line in lines)


@pytest.mark.parametrize(("note", "width", "line_end"), [
    # A break beside 的 where a cut would split a word: 等于显示的 / 总变化, not 等于显示的总 / 变化.
    (SPLIT_BY_QA[0][0], 80, "显示的"),
    # Before an opening bracket, not inside the word before it: 之和 / （见上方..., not （见上 / 方.
    ("! 各渠道投放月份不同：每个阶段的渠道各自投到目标 ROAS，T 是各阶段花费之和（见上方各阶段分配）。", 80, "之和"),
    ("p 值 0.0123 小于 0.01 时输入与净现金流之间有交互作用（单侧 1% 显著性水平）", 64, "作用"),
])
def test_a_sentence_breaks_at_a_word_boundary_when_one_lies_near(note: str, width: int, line_end: str) -> None:
    lines = [line.rstrip() for line in _printed(note, width)]
    assert any(line.endswith(line_end) for line in lines[:-1]), lines


@pytest.mark.parametrize("width", [14, 16, 20, 24])  # from 未回本 23.95% (13)
def test_a_table_cell_keeps_a_bound_with_its_sign_and_a_share_with_its_word(width: int) -> None:
    from aigc_roi.present.layout import Column, fixed_table

    cells = [Text("> 1,000% (-97.06% .. > 1,000%) · defined in 99.85%"), Text("11 (1 .. 未回本) · 未回本 23.95%")]
    table = fixed_table([Column("x", cells, numeric=False, right_aligned=True)], width + 4)
    assert table is not None
    console = Console(width=width + 4, color_system=None)
    with console.capture() as capture:
        console.print(table)
    lines = [line.strip("│ ") for line in capture.get().splitlines()]
    assert not any(line.endswith((">", "未回本")) for line in lines), lines


def test_a_block_label_that_its_values_squeeze_goes_above_them_whole() -> None:
    # compare --samples at 40 columns: 团队更贵 (8 cells) beside a 30-cell value read 团队更 / 贵.
    from aigc_roi.present.blocks import vertical

    value = Text("1,959.89 (1,493.81 .. 2,575.86)")
    console = Console(width=40, color_system=None)
    with console.capture() as capture:
        console.print(vertical("t", [("净收入", [("预付方案", [value]), ("团队更贵", [value])])], None, 40))
    lines = [line.strip() for line in capture.get().splitlines()]
    assert "团队更贵" in lines and "预付方案" in lines, lines


@pytest.mark.parametrize(("cell", "width", "lines"), [
    ("+46.5% 切换", 10, ["+46.5%", "切换"]), ("+46.5% 切换", 11, ["+46.5% 切换"]),
    ("未回本 23.95%", 12, ["未回本", "23.95%"]), ("未回本 23.95%", 13, ["未回本 23.95%"]),
    ("+139.8% 跳变", 8, ["+139.8%", "跳变"])])
def test_a_number_parts_from_a_term_at_the_space_where_both_do_not_fit(cell: str, width: int, lines: list[str]) -> None:
    """A number and a term beside it across a space are kept on one line where they fit it; where they do not, they
    part at the space, as breakeven's +46.5% flip does in English, not inside the term: QA found +46.5% 切 above 换 in
    breakeven's 80-column table (``flip`` is 切换), and 未回 above 本 23.95%."""
    assert sentence_lines(Text(cell), width).plain.split("\n") == lines
