"""Tables that fit the terminal: a number is never split across lines nor cut with "…".

Left to itself, Rich shrinks a table that is too wide by wrapping or cutting
its cells, numbers and header words included (``-136,`` / ``944``, ``9.5万``
cut, ``Cumu/lati/ve``). The views instead pick their layout when they are
printed, from the width the console offers: each tries its layouts in order
and takes the first that fits, then fixes every column's width, so Rich has
nothing left to shrink. A column is never narrower than its longest number
(each line of a cell kept whole) nor than the longest word of its header or
text, a word being what lies between spaces (in a header, a comparison with
the words either side of its sign, ``ROI = 0``): headers and names wrap only
between words, so 小红书KOC, B站注册CPA and 类型 stay whole (Chinese prose,
a column marked ``prose``, may break between any two characters). Where a
table fits no other way, a line of a numeric column that holds no number (a
figure's none in words: none: more than one sign change) breaks as prose, and a
header after a Chinese pause (视频工具： / 先投达人，), before any column is
dropped; a prose column (a figure's label) keeps its names and terms whole (综合获客成本) until then too
(``column_range``). A column is as wide as its widest line once wrapped, and what a wrapped header leaves goes to
the columns still short of room, the label column first (``fixed_table``). Widths are
cells as Rich counts them (a CJK character is two). The order of layouts, per table:

- run, channels: every column (a max unit cost cell holds its number only;
  mixed kinds say each kind's word under the table); amounts in one compact unit per column
  (k/M, or 万/亿, named in the header: present/numbers.py); without LTV; without Type; without ROAS; without
  LTV:CAC, those left out named under the table; one block per channel (vertical).
- run, months: every column; compact units; without a cost column of zeros; without Subs.; without Active and
  Gross rev. too (every cost some month has still shown, so a row adds up: net rev. less the costs is net cash);
  only New, Net rev., Ad spend, Net cash and Cumulative; only Net cash and Cumulative. A layout that leaves out a
  cost some month has names it under the table (run_view.py ``month_layouts``).
- compare: every column, a label broken inside its terms where that is what fits (a shortened amount or a dropped
  Δ loses text, a broken label only takes a line); compact units per figure row (the unit in the
  figure's label); without the Δ columns, both with the labels' terms whole; one block per scenario, a value and
  its change side by side, else each on a line of its own.
- sensitivity: every column, the tornado as wide as the space left allows
  (4 to 20 characters a side); compact units; without the driver's moved
  values; without payback; one block per driver.
- breakeven: every column; one block per driver (its headroom moves are
  the point of the table, so no column is dropped).
- run's gates, breakeven's drivers, actuals' unmatched campaigns: a name (``Column.names``) breaks between its Chinese
  characters before the table turns into blocks; allocate's channels before a column is dropped.
- run's channels, compare's scenarios, breakeven's and sensitivity's drivers, and the tables that turn into blocks
  (``table_or_blocks``): a name's word wider than ``FOLDED_FROM`` cells (one of 40 letters without a space) is folded
  inside (``Column.folds``, ``folded``) where no layout of the view keeps it whole, each view's layouts tried again
  in order with it folded, before the table turns into blocks.
- allocate's budget curve, curves' bar charts, simulate's fan: every number and header word whole, the
  headers wrapped at their spaces, then the bar column takes what is left (``bar_room``), a bar scaled to it
  and its marks on a line of their own when they no longer fit beside it, wrapped between their words; curves'
  bar goes to nothing, and simulate's fan is left out where it would be narrower than its scale's words (8 cells
  at least); then one block per row (allocate's per budget, its marks under its numbers; curves' per age or
  renewal).
- allocate, phases: one table; one block per phase and channel. Its channels: every column; fewer columns,
  the least important first, down to the budget and the figures its caption explains, those left out named
  under the table (allocation_view.py ``TABLE_LEAST``); one block per channel, every figure at the current and
  the best split. Its summary: each value beside its label, else under it.
- init --list: one table; one block per template.
- check: one table; a table per file under its path (a path and a target
  key are never cut); one block per target.

The blocks are present/blocks.py's (``vertical``, ``table_or_blocks``): a field's values beside its label, else
under it, side by side where they fit, else each on a line of its own.

The figures panel (two columns while every label and value fits whole in
them, else a line a figure, its label whole and a wide value wrapped beside it)
and the cash chart (scaled to the width) always fit. Narrower than a laptop, down to 20 columns, a word is cut only
when it alone is wider than the line: a block's label that its values leave
too little room for its longest word takes a line above them (``vertical``),
as the figures panel's do, and a title or a cell of prose is broken here
(``prose_lines``), since Rich folds a run of Chinese where the line ends, a
Latin word inside it included (信息流，ROA / S).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rich.console import Console, ConsoleOptions, RenderableType
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from aigc_roi.present.console import Title, cell_len, cells_in, layout_encoding
from aigc_roi.present.labels import label
from aigc_roi.present.text import visible, visible_in_lines
from aigc_roi.present.wrap import CLOSING, GLUED, SHORT_WORD, cjk_lines, glued_pieces, has_cjk, kept_pieces, parted_pieces


@dataclass(frozen=True)
class Column:
    header: str
    cells: Sequence[Text]
    numeric: bool = True
    """Right-aligned, and each line of a cell kept whole (a number, or a number with its unit)."""
    prose: bool = False
    """Text that may break between any two Chinese characters (a sentence). Other text breaks only at
    spaces, so a name (小红书KOC, B站注册CPA) or a key (min_payback_probability) stays whole, and not between a
    number and its sign or unit (``_glued_words``)."""
    right_aligned: bool | None = None
    """Alignment when it is not the kind's (numbers right, text left): a column of figures, some of them
    prose ("none: no single IRR"), is read as numbers."""
    grows_first: int = 0
    """Widened to its natural width before the others grow, a higher number before a lower (a label column squeezed
    to a few characters a line while wide headers keep their room reads worse than those headers wrapped; a short
    "69 → 79" cell wrapped reads worse still than that label on one more line)."""
    names: Sequence[str | None] = ()
    """The name each cell holds, None for none, () where none does (a gate's, in compare's 闸门：先用达人验证再放量):
    it breaks only at its spaces, as a name
    does in a column that is no prose, where a prose column broke it between any two characters (先用达人验 / 证再放量);
    the column is never narrower than a name's widest word (``_named_lines``) until the table fits no other way
    (``column_range`` squeezed): then a name breaks as the rest of its cell does, at its spaces or between Chinese
    characters, so that a long name costs the table no column (compare's Δ). A word of a name wider than
    ``FOLDED_FROM`` cells (a name of 40 letters without a space, or of 24 Chinese characters) is then folded inside,
    ``FOLD`` cells a line at least: kept whole, it turned the table into blocks at 80 columns, one per row.
    In a text column that is no prose (run's gates, a gate or channel name the whole cell) a name breaks as the
    column's other text does until squeezed; then between Chinese characters too, its Latin words whole
    (``_named_widest``): 小红书种草先 / 验证再放量 keeps run's gates table at 80 columns, as XHS seeding test / then
    scale does."""
    folds: bool = False
    """Its header and text are names (compare's scenarios or variants, run's channels, sensitivity's drivers, a grid's
    drivers): where the table fits no other way, a word of them wider than ``FOLDED_FROM`` cells folds inside, as one of
    ``names`` does; kept whole, a scenario or channel named in one word of 40 letters turned the table into blocks at
    80 columns."""
    unfolded: Sequence[str] = ()
    """Text of a folding header that is kept whole all the same: compare's file path after a scenario's name where two
    share it, a path being never cut (``check``'s, ``init``'s)."""
    blocks: Sequence[Sequence[tuple[str, Text]]] | None = None
    """Each row's fields (label and value) when the rows turn to blocks, where they differ from the header and cell:
    a column of defined shares and never shares is a "Never" field in a payback's block."""


FOLD = SHORT_WORD
"""Cells a line of a name's word takes at least where a squeezed table folds that word inside (``Column.names``,
``Column.folds``): a name is a label, and a word folded narrower than a short name reads as no name at all."""
FOLDED_FROM = 2 * SHORT_WORD
"""Cells beyond which a name's word is folded: up to them present/wrap.py keeps a name with Latin in it whole
(``_named``), and a table that has no room for one turns into blocks, as one with a name of 20 cells did before
(先种草再放量（测试）, whose blocks read better than the table its folding let in, 537.39 / 万)."""


def _folded(cells: int, fold: bool = True) -> int:
    """The cells a name's word of ``cells`` cells needs in a squeezed table: itself, or, told to ``fold``, ``FOLD``
    where it is wider than ``FOLDED_FROM``."""
    return FOLD if fold and cells > FOLDED_FROM else cells


def _lines(text: str) -> list[str]:
    return text.split("\n") or [""]


_UNBREAKABLE = re.compile(r"[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+|[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")
"""A run that must stay on one line: a word of Latin letters or digits (a number), or a single CJK
character or full-width punctuation mark, since Chinese text breaks between any two characters."""


def unbreakable(text: str) -> list[str]:
    return _UNBREAKABLE.findall(text) or [""]


NO_BREAK = "\u00a0"
"""The space inside a name a caption keeps on one line (``whole``): ``prose_lines`` breaks at any other."""
_BREAKING_SPACE = re.compile(r"[^\S\u00a0]+")


def whole(name: str) -> str:
    """``name`` with its spaces no-break ones, so that a caption keeps it on one line: "Not shown for want of width: Ad
    / spend" once parted a column's name."""
    return name.replace(" ", NO_BREAK)


def left_out_note(headers: list[str], lang: str, key: str = "columns_left_out") -> str:
    """The sentence ``key`` under a table too narrow for every column, naming the ``headers`` it left out, each kept
    whole on a line (``whole``); "" where it left none out: a column dropped unsaid reads as no such figure."""
    if not headers:
        return ""
    return label(key, lang).format(columns=label("list_separator", lang).join(whole(header) for header in headers))


BREAK = "\u200b"
"""Where a Chinese header may break (labels.py marks it): Chinese words have no spaces between them,
and a header broken elsewhere splits a word (总收/入 for 总收入)."""


_WORD_BREAK = re.compile(r"\s+|(?<=\S)(?=[（【《〈「『])|(?<=[、，；])(?=[^\s）】》〉」』])")
"""A space, the place before a full-width opening bracket and the place after a list's mark (、，；), where Chinese
text breaks as Latin text does at a space (``sentence_lines`` breaks 信息流（CPM） and 微信群、小红书 there): kept whole, B站
CPA（注册用户） made the channel column 15 cells wide and cost run's table at 80 columns its ROAS, where Bilibili CPA
(registered user) broke at its spaces; （微信群、小红书、抖音、快手） was one word of 30 cells."""


def _spaced_words(text: str) -> list[str]:
    """The runs between spaces and before full-width opening brackets: Latin words, and Chinese words or names (类型,
    小红书KOC) kept whole."""
    return [word for word in _WORD_BREAK.split(text) if word] or [""]


def _glued_words(text: str) -> list[str]:
    """The runs a text cell keeps on one line: its words between spaces, and a number with its sign or unit and a
    word with its number (``> 1,000%``, ``未回本 23.95%``: present/wrap.py), which ``sentence_lines`` keeps together."""
    return _spaced_words(text) + [*(glued_pieces(text) if has_cjk(text) or GLUED.search(text) else [])]


def _kept_words(text: str) -> list[str]:
    return [*kept_pieces(text)] or [""]


def _parted_words(text: str) -> list[str]:
    """The runs prose keeps on one line however narrow (``parted_pieces``): a column as wide as ltv_months left the
    bracket after it alone on the next line."""
    return parted_pieces(text) or [""]


_SIGN = "[=<>≤≥≠]"
_HEADER_WORD = re.compile(rf"((?:{_SIGN} )?(?:[^\s{BREAK}]+ {_SIGN} )*[^\s{BREAK}]+)([\s{BREAK}]*)")
"""A run a header keeps on one line and what follows it: a word between spaces and marked breaks, or a comparison
with the words either side of its sign (``ROI = 0``, ``回本 ≤ 20``), which Rich, breaking at any space, parted
(``整体 ROI =`` / ``0 时``)."""


_PAUSE = re.compile(f"(?<=[，：；、。])(?=[^\\s{BREAK}])")
"""After a Chinese pause inside a header, where a name written as a sentence (视频工具：先投达人，再投信息流) may break
as a Latin one does at its spaces, in a table that fits no other way (``fixed_table``)."""


def _marked(header: str) -> str:
    """``header`` with a marked break after each pause (``_PAUSE``)."""
    return _PAUSE.sub(BREAK, header)


def _header_words(header: str) -> list[str]:
    """The runs a header keeps on one line: the words between spaces and the marked breaks, a comparison whole."""
    return [match[1] for line in _lines(header) for match in _HEADER_WORD.finditer(line)] or [""]


def header_lines(header: str, width: int) -> str | Text:
    """A header with marked breaks, a Chinese pause or a comparison in lines of at most ``width`` columns, broken at
    its own line breaks, spaces, the marks and after the pauses only, a comparison kept whole (a Text: its line breaks
    are layout, not data to escape); others as given."""
    # After a pause only where a word between spaces does not fit: a name breaks at its spaces first.
    if max(cell_len(word) for word in _header_words(header)) > width:
        header = _marked(header)
    if BREAK not in header and not any(" " in word for word in _header_words(header)):
        return header
    return Text(_broken_header(header, width))


def _broken_header(header: str, width: int) -> str:
    """``header`` broken at its line breaks, spaces and marked breaks into lines of at most ``width`` where its words
    fit, as ``header_lines`` breaks it and Rich a header given as a str."""
    lines: list[str] = []
    for given in _lines(header):
        start = len(lines)
        for word, after in _HEADER_WORD.findall(given):
            joint = " " if " " in after else ""
            if len(lines) > start and cell_len(lines[-1] + word) <= width:
                lines[-1] += word + joint
            else:
                lines.append(word + joint)
    return "\n".join(line.rstrip() for line in lines)


_DIGIT = re.compile(r"[0-9]")


def worded(line: str) -> bool:
    """Whether a line of a numeric column is words, a figure's none (none: more than one sign change, 无：现金流多次变号),
    not a number: it holds no digit."""
    return _DIGIT.search(line) is None


# A table measures its cells again for each layout it tries (a dozen): kept, a long name is measured once (for the
# stream the views are laid out for, present/console.py ``cell_len``).
_cells_in = lru_cache(maxsize=1024)(cells_in)


def column_range(column: Column, squeezed: int = 0, fold: bool = False) -> tuple[int, int]:
    """(narrowest, natural) content width of ``column``; ``squeezed``, where a table fits no other way, a numeric
    column's words break as prose does and a header after its Chinese pauses (``_PAUSE``); and, squeezed twice, a
    prose column's names and terms between any two characters (``_parted_words``); ``Column.names`` are kept whole
    only unsqueezed. ``fold``, where it fits no other way still, a squeezed name's word (``Column.names``,
    ``Column.folds``) wider than ``FOLDED_FROM`` cells is folded inside (``folded``)."""
    header_min = max(_folded(cell_len(word), fold and column.folds and not any(kept in word for kept in column.unfolded))
                     for word in _header_words(_marked(column.header) if squeezed else column.header))
    header_max = max(cell_len(line.replace(BREAK, "")) for line in _lines(column.header))
    plains = [cell.plain for cell in column.cells]
    encoding = layout_encoding()
    line_lengths = [_cells_in(line, encoding) for plain in plains for line in _lines(plain)] or [0]
    if column.numeric:
        cell_min = max((max(cell_len(word) for word in unbreakable(line)) if squeezed and worded(line) else cell_len(line)
                        for plain in plains for line in _lines(plain)), default=0)
    else:
        # A prose column keeps its names and terms whole (综合获客成本, not 综合获客成 / 本) unless the table fits no
        # other way.
        words = (_parted_words if squeezed > 1 else _kept_words) if column.prose else _glued_words
        cell_min = max((_widest_word(line, words, encoding) for plain in plains for line in _lines(plain)), default=0)
        if squeezed and column.names and (fold or not column.prose):
            # A text column's name breaks between Chinese characters where the table fits no other way, and a word of
            # it wider than FOLDED_FROM folds inside: kept whole, a gate's name of 11 Chinese characters turned run's gates
            # table at 80 columns into blocks, where an English name twice as long wrapped at its spaces. A prose
            # column's name (compare's gates) breaks so too, the rest of its label as the squeeze allows.
            pieces = words if column.prose else _parted_words
            cell_min = max((_named_widest(plain, name, encoding, words, pieces, fold)
                            for plain, name in zip(plains, column.names, strict=True)), default=0)
        if fold and column.folds and not column.names:
            cell_min = max((_widest_word(line, words, encoding, True) for plain in plains for line in _lines(plain)),
                           default=0)
        if not squeezed and column.prose:
            # A name breaks only at its spaces until the table fits no other way; then it breaks as the rest of its
            # label does: kept whole, a gate's name of 21 Chinese characters (42 cells) dropped compare's Δ column at
            # 80 columns, and a longer one turned the table into blocks at every width.
            cell_min = max([cell_min, *(cells_in(word, encoding) for name in column.names if name for word in name.split())])
    return max(header_min, cell_min), max(header_max, max(line_lengths))


def _named_widest(plain: str, name: str | None, encoding: str | None, words: Callable[[str], list[str]],
                  pieces: Callable[[str], list[str]], fold: bool) -> int:
    """The cells of the widest run a text column's cell keeps on one line in a squeezed table: its ``name`` in
    ``pieces`` (``_parted_words``: a Chinese character, a Latin word; in prose, as the rest of its label breaks), with
    ``fold`` each folded (``_folded``), the rest of the cell in its ``words`` (``_glued_words``, or a prose column's)."""
    if not name or name not in plain:
        return max(_widest_word(line, words, encoding) for line in _lines(plain))
    rest = [line.strip() for line in _lines(plain.replace(name, "\n"))]
    return max([*(_folded(cells_in(piece, encoding), fold) for piece in pieces(name)),
                *(_widest_word(line, words, encoding) for line in rest if line)])


@lru_cache(maxsize=1024)
def _widest_word(line: str, words: Callable[[str], list[str]], encoding: str | None, fold: bool = False) -> int:
    """The cells of the widest of ``line``'s ``words`` (for a stream in ``encoding``), its first with the line's
    indent, as Rich keeps it: "  monetization.plans[月度会员].price" in a column as wide as the path alone read "...pri"
    / "ce"; with ``fold``, a word folded (``_folded``, ``Column.folds``)."""
    indent = len(line) - len(line.lstrip(" "))
    return max(indent * (i == 0) + _folded(cells_in(word, encoding), fold) for i, word in enumerate(words(line)))


_LATIN = re.compile(r"[A-Za-z0-9]")


def prose_lines(text: str, width: int) -> Text:
    """A caption in lines of at most ``width`` cells, broken at spaces and inside Chinese sentences (by
    ``present/wrap.py``'s rules).

    Rich keeps a run of Chinese without spaces whole, so "★ 每行最优：..." once left the star alone on a line
    above the sentence; here the sentence continues after it.
    """
    if has_cjk(text):
        return cjk_lines(Text(text), width)
    lines: list[str] = []
    for given in _lines(text):
        # A line's indent stays before its first word, as Rich keeps it: dropped, a column measured by these lines
        # was two cells short of an indented path, which Rich then cut ("  monetization.plans[Annu" / "al member]").
        indent = given[:len(given) - len(given.lstrip(" "))]
        line = ""
        for word in filter(None, _BREAKING_SPACE.split(given)):
            joined = f"{line} {word}" if line else indent + word
            if not line or cell_len(joined) <= width:
                line = joined
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return Text("\n".join(lines))


def table_overhead(columns: int) -> int:
    """Borders and padding of a boxed table: a rule and one space each side per column, plus the last rule."""
    return 3 * columns + 1


def bar_room(width: int, taken: Sequence[int], most: int, least: int = 0) -> int:
    """The cells a table's bar column gets at ``width``: what the other columns (``taken`` cells each) and the
    borders leave, between ``least`` and ``most``. The bar gives way first: a number or header it pushed out of
    the table would be cut ("100.0…")."""
    return max(least, min(most, width - sum(taken) - table_overhead(len(taken) + 1)))


def fixed_table(columns: Sequence[Column], width: int, most_squeezed: int = 2, fold: bool = False,
                **table_options: Any) -> Table | None:
    """A table of ``columns`` with fixed widths that fits in ``width``, or None when it cannot. A figure's none in
    words and a name written as a Chinese sentence are kept whole where the table fits so, else broken at their words
    (``column_range``): kept whole, "none: more than one sign change" and 视频工具：先投达人，再投信息流 once pushed
    three scenarios side by side out of 80 columns. A view with a narrower layout to try next squeezes its columns
    no further than ``most_squeezed`` (``column_range``); told to ``fold``, it then folds a name's word wider than
    ``FOLDED_FROM`` cells inside (``Column.folds``, ``Column.names``): a name of 40 letters kept whole turned the table into
    blocks, where folded it takes a few lines of one column. A view with several layouts tries them all first with
    its names whole, then again folding them: a name is folded only where no layout keeps it whole."""
    for squeezed, folding in [*((level, False) for level in range(most_squeezed + 1)), *([(most_squeezed, True)] if fold else [])]:
        ranges = [column_range(column, squeezed, folding) for column in columns]
        widths = [low for low, _ in ranges]
        spare = width - table_overhead(len(columns)) - sum(widths)
        if spare >= 0:
            break
    else:
        return None
    if squeezed:
        # A text column's names broken between characters (``_named_widest``) get their width back first, where the
        # room allows: the table fits with them whole and the other columns' words broken, 小红书种草先验证再放 / 量
        # read worse than 测试期 / 获客成本.
        for i, column in enumerate(columns):
            if column.names and not column.prose:
                grow = max(0, min(spare, column_range(column)[0] - widths[i]))
                widths[i] += grow
                spare -= grow
                ranges[i] = (widths[i], ranges[i][1])
    widths = _grown(columns, ranges, widths, spare)
    # A column is as wide as its widest line once wrapped (a plan's name broken at its space takes 28 of its 32), and
    # what that frees goes to the columns still short of their natural width, the label column first.
    for _ in range(len(columns)):
        used = [min(width, _widest_at(column, width)) for column, width in zip(columns, widths, strict=True)]
        freed = sum(widths) - sum(used)
        # A column its lines no longer fill has all it needs; one they fill may still take more.
        ranges = [(width, natural if width == given else width)
                  for (_, natural), width, given in zip(ranges, used, widths, strict=True)]
        widths = used
        if not freed or all(width >= natural for width, natural in ranges):
            break  # nothing lacks room: the table is narrower
        widths = _grown(columns, ranges, used, freed)
    else:  # room handed back and forth: each column as wide as its lines, the table narrower
        widths = [min(width, _widest_at(column, width)) for column, width in zip(columns, widths, strict=True)]
    # Broken here, not by Rich, which keeps a Chinese run whole and then folds it where the line ends, inside a
    # word it holds (信息流，ROA / S): a title and caption at the table's width, a sentence at its column's. A name
    # in them is written out first, as the console writes out a str (a title is one line, a name's line break
    # included; a caption's lines are laid out on purpose), which it does not do to a Text. A log writes the title
    # whole (present/console.py Title).
    table_width = sum(widths) + table_overhead(len(columns))
    if isinstance(table_options.get("title"), str) and table_options["title"]:
        table_options["title"] = table_title(table_options["title"], table_width)
    if isinstance(table_options.get("caption"), str) and table_options["caption"]:
        table_options["caption"] = prose_lines(visible_in_lines(table_options["caption"]), table_width)
    if isinstance(table_options.get("title"), Text):
        table_options["title"].style = "table.title"  # as Rich styles a title it is given as text
    table = Table(**table_options)
    for column, column_width in zip(columns, widths, strict=True):
        # fold, never ellipsis: a text column may still hold one CJK run wider than the column.
        right = column.numeric if column.right_aligned is None else column.right_aligned
        table.add_column(_header_cell(column, column_width), justify="right" if right else "left",
                         width=column_width, overflow="fold")
    # A text cell too wide for its column is broken here too, where Rich would part a number from its sign or unit.
    cells = [_laid_out(column, width) for column, width in zip(columns, widths, strict=True)]
    for row in zip(*cells, strict=True):
        table.add_row(*row)
    return table


def _header_cell(column: Column, width: int) -> str | Text:
    """``column``'s header in lines of ``width`` (``header_lines``); a folding column's word wider than that on a line of
    its own, then folded (``folded``), where Rich folded it where the line ended and left a lone ")" or "6"."""
    header = header_lines(column.header, width)
    plain = header.plain if isinstance(header, Text) else header
    if not column.folds or all(cell_len(word) <= width for word in _header_words(plain)):
        return header
    return folded(Text(_broken_header(plain, width)), width)


def _grown(columns: Sequence[Column], ranges: Sequence[tuple[int, int]], widths: list[int], spare: int) -> list[int]:
    """``widths`` with ``spare`` cells given out: to the columns that grow first up to their natural width, then to
    each toward its natural width in proportion to what it lacks; the cells that rounding leaves go to the columns
    that lack most."""
    widths, ranges = list(widths), list(ranges)
    for i, column in sorted(enumerate(columns), key=lambda pair: -pair[1].grows_first):
        if column.grows_first:
            grow = min(spare, ranges[i][1] - widths[i])
            widths[i] += grow
            spare -= grow
            ranges[i] = (widths[i], ranges[i][1])
    needs = [max(0, natural - width) for width, (_, natural) in zip(widths, ranges, strict=True)]
    if sum(needs) <= spare:
        return [max(width, natural) for width, (_, natural) in zip(widths, ranges, strict=True)]
    grown = [spare * need // sum(needs) for need in needs]
    for i in sorted(range(len(needs)), key=lambda i: grown[i] - needs[i])[:spare - sum(grown)]:
        grown[i] += 1
    return [width + grow for width, grow in zip(widths, grown, strict=True)]


def _laid_out(column: Column, width: int) -> list[Text]:
    """``column``'s cells in lines of ``width``: prose, and a text cell too wide for it, broken here, where Rich would
    part a number from its sign or unit; a cell holding one of its ``names`` too wide for it, that name broken only at
    its spaces (``_named_lines``)."""
    laid: list[Text] = []
    for i, cell in enumerate(column.cells):
        name = column.names[i] if column.names else None
        # A text column's cell breaks as its words allow (``sentence_lines``), a name too, which column_range keeps
        # whole unless squeezed.
        if column.prose and name and name in cell.plain and cell_len(cell.plain) > width:
            laid.append(_named_lines(cell, name, width))
        elif column.prose or (cell_len(cell.plain) > width and (
                not column.numeric or any(worded(line) for line in _lines(cell.plain)))):
            laid.append(sentence_lines(cell, width))
        else:
            laid.append(cell)
    # A name's word wider than the column, which only a folding table lets in, is folded here, not where Rich would.
    return [folded(cell, width) for cell in laid] if column.folds or column.names else laid


def _even_cuts(word: str, width: int) -> list[int]:
    """Where ``word`` is cut into the fewest lines of at most ``width`` cells, those lines as even as that allows (a
    Chinese character is two cells, so the even share may take a cell more)."""
    cells = [cell_len(char) for char in word]
    lines = -(-sum(cells) // width)
    for target in range(-(-sum(cells) // lines), width + 1):
        cuts, taken = [], 0
        for i, cell in enumerate(cells):
            if taken and taken + cell > target:
                cuts.append(i)
                taken = 0
            taken += cell
        if len(cuts) < lines:
            return cuts
    return cuts


def folded(text: Text, width: int) -> Text:
    """``text`` with each line wider than ``width`` that is one word (a name of 40 letters without a space, what
    ``column_range`` folds in a squeezed table) folded into lines of at most ``width`` cells, its styles kept: Chinese
    where present/wrap.py breaks it (先种草再放量 / （测试）), a Latin run into lines of about equal cells: folded where
    the line ends, as Rich folds it, SuperLongScenarioNameWithoutAnySpacesAtAll2026 left a lone "6" on its last line.
    Other text as given."""
    plain = text.plain
    if all(cell_len(line) <= width or " " in line.strip() for line in _lines(plain)):
        return text
    cuts: list[int] = []
    offset = 0
    for line in _lines(plain):
        if cell_len(line) > width and " " not in line.strip():
            # A line without spaces: cjk_lines's lines are its pieces, nothing dropped between them.
            parts = _lines(cjk_lines(Text(line), width, cell=True).plain) if has_cjk(line) else [line]
            start = offset
            for part in parts:
                cuts += [*([start] if start > offset else []),
                         *(start + cut for cut in _even_cuts(part, width) if cell_len(part) > width)]
                start += len(part)
        offset += len(line) + 1
    return Text("\n", style=text.style).join(text.divide(cuts))


def _named_lines(cell: Text, name: str, width: int) -> Text:
    """``cell`` in lines of ``width``, the text before ``name`` as prose, then the name and what follows it (a gate's
    ``(gates[1])``) broken only at their spaces; a word wider than the line, in a table squeezed so far that
    ``column_range`` no longer keeps it whole, broken as prose (``sentence_lines``) from a line of its own."""
    plain = cell.plain
    start = plain.index(name)
    lines = _lines(sentence_lines(plain[:start].rstrip(), width).plain) if plain[:start].strip() else []
    line = ""
    for word in (name + plain[start + len(name):]).split():
        if cell_len(word) > width:
            if line:
                lines.append(line)
            *broken, line = _lines(sentence_lines(word, width).plain)
            lines += broken
            continue
        joined = f"{line} {word}" if line else word
        if line and cell_len(joined) > width:
            lines.append(line)
            line = word
        else:
            line = joined
    lines.append(line)
    return Text("\n".join(lines), style=cell.style)


def _widest_at(column: Column, width: int) -> int:
    """The widest line of ``column``'s header and cells laid out in ``width`` cells."""
    header = column.header if max(cell_len(word) for word in _header_words(column.header)) <= width else _marked(column.header)
    texts = [_broken_header(header, width).replace(BREAK, ""), *(cell.plain for cell in _laid_out(column, width))]
    # A line still wider is left to Rich, which wraps it at its spaces as prose_lines does.
    return max(cell_len(short) for text in texts for line in _lines(text)
               for short in (_lines(prose_lines(line, width).plain) if cell_len(line) > width else [line]))


def table_title(title: str, width: int) -> Title:
    """A table's title in lines of at most ``width`` (``prose_lines``, a name wider than that ``folded_words``), styled
    as Rich styles a title it is given as text; a log writes it whole (present/console.py). A name in it is written out
    first, line break included: a title is one line."""
    return Title(title, folded_words(visible(title), width), style="table.title")


def folded_words(text: str, width: int, lay: Callable[[str, int], Text] = prose_lines) -> Text:
    """``text`` in lines of at most ``width`` cells as ``lay`` breaks it, each word wider than that (a plan's name of
    one word in a title) folded into lines of about equal cells as a table folds a name (``folded``): left to Rich, it
    was folded where the line ended, "...AtAll20" over a lone "26".

    The folded word's lines are laid out with the text around it, so the words before it share its first line and the
    words after it its last, where they fit ("Sensitivity · SuperLong..." / "...2026 · each driver ±20% (CNY)"): laid
    out alone, the word took lines of its own, "Sensitivity ·" above it and "· Figures (CNY)" below."""
    laid = lay(text, width)
    wide = {word for line in _lines(laid.plain) if cell_len(line) > width for word in _too_wide(line, width, text)}
    if not wide:
        return laid
    refolded = laid
    # Folded a cell narrower each time its lines do not fit: Chinese keeps a closing mark beside the word before it
    # (" ·" after a name, present/wrap.py), and a last line of 43 letters and " ·" is 45 cells, wider than 44.
    for fold in range(width, 0, -1):
        given = text
        # The longest first: a wide word inside another is folded with it, not on its own.
        for word in sorted(wide, key=len, reverse=True):
            given = given.replace(word, folded(Text(word), fold).plain)
        refolded = lay(given, width)
        if any(cell_len(line) > width for line in _lines(refolded.plain)):
            # ``sentence_lines`` leaves text without a word too wide to Rich, which kept the space it broke at
            # ("... 10,000 " / "samples"): broken at spaces here, as it broke the text while the word was whole.
            refolded = prose_lines(refolded.plain, width)
        if all(cell_len(line) <= width for line in _lines(refolded.plain)):
            break
    refolded.style = laid.style
    return refolded


def _too_wide(line: str, width: int, text: str) -> list[str]:
    """The words of ``line`` wider than ``width``; in Chinese (``text`` broken by present/wrap.py's rules) also a word
    that the closing marks after it make wider, which those rules keep beside it: a name of 86 letters and " ·" was a
    line of 88 cells at 86 columns. In English Rich or ``prose_lines`` breaks before the mark."""
    words = line.split(" ")
    # A word without a letter is a number, a date or a range of them ("（2025-03..2025-05）" at 20 columns): folded, it
    # would read as two numbers; a name is what folds.
    return [word for at, word in enumerate(words) if _LETTER.search(word)
            and cell_len(" ".join([word, *_closing_after(words[at + 1:])] if has_cjk(text) else [word])) > width]


_LETTER = re.compile(r"[^\W\d_]")


def _closing_after(words: list[str]) -> list[str]:
    """The words at the start of ``words`` that are closing marks alone (·, ：), which Chinese text never begins a
    line with."""
    marks: list[str] = []
    for word in words:
        if not word or not set(word) <= CLOSING:
            break
        marks.append(word)
    return marks


def sentence_lines(cell: Text | str, width: int, in_cell: bool = True) -> Text:
    """Prose as Rich wraps it, unless Rich would fold a Latin word in it: then in lines of at most ``width``
    (``prose_lines``), in its style. Rich folds a run without spaces wider than the line where the line ends,
    which in a run of Chinese alone is a break Chinese allows, and in 概率：creators cuts the word (cr / eators).
    In a cell (``in_cell``) a label breaks before its bracketed qualifier rather than inside it."""
    text = Text(cell) if isinstance(cell, str) else cell
    if has_cjk(text.plain) or (in_cell and GLUED.search(text.plain)):
        return cjk_lines(text, width, cell=in_cell)
    if all(cell_len(word) <= width or not _LATIN.search(word) for word in text.plain.split()):
        return text
    lines = prose_lines(text.plain, width)
    lines.style = text.style
    return lines


class Fitted:
    """A renderable laid out when printed, for the width the console offers then."""

    def __init__(self, build: Callable[[int], RenderableType]) -> None:
        self.build = build

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[RenderableType]:
        yield self.build(options.max_width)


class FittedStyled:
    """A ``Fitted`` that is also told whether the console shows colour and underline (a terminal's, without
    NO_COLOR): a view that marks cells by style says so in words only where the style shows."""

    def __init__(self, build: Callable[[int, bool], RenderableType]) -> None:
        self.build = build

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[RenderableType]:
        yield self.build(options.max_width, console.color_system is not None and not console.no_color)


class Captioned:
    """A table Rich sizes itself, its caption broken by ``prose_lines`` at the width the table takes when printed:
    Rich breaks a caption at spaces only, and left "平均 ROAS" alone on a line above the Chinese run after it."""

    def __init__(self, table: Table, caption: str) -> None:
        self.table, self.caption = table, caption

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[RenderableType]:
        width = min(Measurement.get(console, options, self.table).maximum, options.max_width)
        self.table.caption, self.table.caption_justify = prose_lines(self.caption, width), "left"
        yield self.table


class Prose:
    """A note laid out when printed: Chinese by ``sentence_lines`` at the console's width, which Rich would
    break only at spaces; other text as Rich wraps it."""

    def __init__(self, text: Text) -> None:
        self.text = text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[RenderableType]:
        yield sentence_lines(self.text, options.max_width, in_cell=False)
