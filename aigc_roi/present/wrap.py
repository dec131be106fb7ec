"""Chinese prose in lines: where a line may break, by the East Asian rules (kinsoku), and which break reads best.

Rich breaks text at spaces only and folds a run without spaces where the line ends, so a Chinese sentence once left a
line half empty before its first long run, split 复利 into 复 / 利, started a line with ，or ）, and parted a number
from its unit (0.52 / 元). Here a line never starts with closing punctuation (nor ★) nor ends with an opening bracket;
a number stays with the character before and after it (第 12 个月, 98.50% 的, 未回本 23.95%); a comparison sign stays
with its number (> 1,000%) and a mark with the word after it (▇ 表, = 0), or ends the line before where the two are
wider than a line (（月，≤ / ltv_months）), never a line of its own; a quoted column header ('激活数(去重)') or
example ('出价降低: 抖音CPA.bid=10'), a label's qualifier in ASCII brackets and a short name between spaces
(小红书KOC) stay whole, each with the punctuation a line keeps with it fitting the line; a word too long for that
keeps each part between its punctuation that has Latin letters in it whole ('抖音CPA.bid, / 年度会员.price'。); a
file's extension after a space or a pause is a word (.json、.markdown), not closing punctuation; a label too long
to be kept whole as a name breaks between its words only (资金缺口 / 最大月份, labels.py ``ZH_TERM_WORDS``); and
the project's Chinese terms stay whole in a sentence and a cell (``_terms``: 变化, 结果, and the words of every short
label, 不唯一或不存在, 未回本, 模拟期; there is no dictionary, so other words may still break), also where a line breaks
only where glue forbids it (未回本 (13 .. / 未回本) ·, not 未回 / 本). A line is filled to the width and broken, by preference, at
a space, after punctuation, before an opening bracket or where Chinese meets a Latin word, when one lies near its end
(a sixth of the line; a third in a table cell); else beside 的, else at a term's edge, when one lies as near; else
between any two Chinese characters, which may split a word. Where no allowed break fits (a term kept whole with the
comma after it), the line breaks where only glue forbids it, else between any two runs, else inside a run at the
line's end, never before closing punctuation: left to Rich, a line started with ，or ）. An item of a list
(抖音达人种草、小红书KOC) is kept whole as a name is, and a relation (T = 500.0万) is broken beside its sign last.
Chinese help (cli/help_frame.py) is broken here too, by the same rules: one place for tables, notes and --help.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache, lru_cache
from itertools import accumulate, pairwise

from rich.text import Text

from aigc_roi.present.console import cell_len, cells_in, layout_encoding
from aigc_roi.present.help_notes import LABEL, NOTE, SUM
from aigc_roi.present.labels import ZH_TERM_WORDS

CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_TOKEN = re.compile(rf"([{CJK}])|[^\s{CJK}]+")
"""A line's runs between its possible breaks: a CJK character (the group) or a run of other characters but spaces."""
CLOSING = set("，。、：；！？）」』】》〉’”…％·,.:;!?)]}%★")
"""Characters a line never starts with (★ marks the best value before it)."""
_OPENING = set("（「『【《〈‘“([{")
"""Characters a line never ends with."""
_PAUSES = set("，。、：；！？）」』】》〉")
"""After these a break reads as a pause, not a cut."""
_SUFFIX = re.compile(r"\.[A-Za-z0-9]")
"""A file's extension (.json): after a space or a pause it starts a word, where a dot after a word would end it."""
_QUOTED = re.compile(r"(?<![A-Za-z])'[^'\s](?:[^'\n]*[^'\s])?'|“[^“”]+”|「[^「」]+」|《[^《》]+》|\([^()]+\)")
"""Kept whole when they fit: a quoted header, name or example, its spaces too ('出价降低: 抖音CPA.bid=10'), and a
label's qualifier in ASCII brackets (买量，扣除变动成本).
A quote is the innermost pair: one that ran to the next closing mark was sought again from each opening mark before
it, and a name of 60,000 unclosed “ took seconds."""
_QUALIFIER = re.compile(r"(?<= )\([^()]+\)|(?<=\S)（[^（）]+）")
"""A label's qualifier, in ASCII brackets after a space or full-width ones after its head: in a table cell the break
before it comes first (ROI / （买量，...）)."""
_RUN = re.compile(r"[^\s、，。：；！？（）「」《》]+")
"""A run of text between spaces and Chinese punctuation: an item of a list where a 、 touches it (``_listed``)."""
_NUMBER = re.compile(r"^[-+(（]?[0-9]")
_SIGNS = {"<", ">", "≤", "≥", "<=", ">=", "~", "≈"}
"""A comparison before a number, kept on its line: "> 1,000%" split read as a lone ">" above "1,000%"."""
_RELATIONS = {"=", "≠", "→", "≈"}
"""Signs kept with the word before them as with the one after (``_is_mark``)."""
GLUED = re.compile(r"(?<!\S)(?:[<>≤≥~≈]|<=|>=) [-+]?[0-9]")
"""Where a text without Chinese has a sign and its number (``_SIGNS``): Rich, breaking at any space, would part them."""
_LATIN = re.compile(r"[A-Za-z0-9]")
_WORD = re.compile(r"[^\s（]+")
"""A word: a run between spaces, ended by a full-width bracket too (ROAS（全部收入 is a name and its qualifier)."""
_PART = re.compile(r"[^,;，。、：；！？]+[,;，。、：；！？]*")
"""A part of a word between its punctuation, the punctuation after it with it: '抖音CPA.bid, and 年度会员.price'。 in
'抖音CPA.bid,年度会员.price'。"""
_LETTER = re.compile(r"[A-Za-z]")
SHORT_WORD = 12
"""Cells up to which a word between spaces is taken for a name and kept whole; a sentence is longer."""

NONE, CJK_BREAK, EDGE, WORD, GOOD = 0, 1, 2, 3, 4
"""A break's quality: not allowed; between two characters of a run (it may split a word); at a known term's edge
(which may still be inside a longer word: 总 / 变化); beside 的 or at a joint of a long label's words; at a space,
after punctuation, before an opening bracket, or where Chinese meets Latin letters."""
_PARTICLE = "的"
"""A character that is a word of its own in the project's prose (的确 aside, which it does not use): a break beside
it never splits a word (等于显示的 / 总变化, not 等于显示的总 / 变化)."""


@cache
def _terms() -> re.Pattern[str]:
    """The project's Chinese terms, kept whole in prose, a break at their edges a ``WORD``: the Chinese words of the
    figures', drivers', gates' and targets' labels up to ``SHORT_WORD`` cells (a longer one breaks between its
    ``ZH_TERM_WORDS``), those words, and every label that is one such word alone (变化, 结果, 百分点)."""
    from aigc_roi.model.figures import FIGURE_NAMES
    from aigc_roi.present.labels import LABELS

    texts = [entry.zh for key, entry in LABELS.items() if key in FIGURE_NAMES or key.startswith(("driver_", "target_", "gate_"))]
    # Their own cells: a term is a term on any stream.
    words = {word for text in texts for word in re.findall("[\u4e00-\u9fff]{2,}", text) if cells_in(word, None) <= SHORT_WORD}
    words |= {entry.zh for entry in LABELS.values() if re.fullmatch("[\u4e00-\u9fff]{2,6}", entry.zh)}
    words |= {word for term in ZH_TERM_WORDS for word in term if len(word) > 1}
    words |= {word for entry in LABELS.values() for word in _cell_words(entry.zh)}
    return re.compile("|".join(sorted(words, key=len, reverse=True)))


_CELL_LABEL = 2 * SHORT_WORD
"""Labels up to which a label without sentence punctuation is a value a cell shows (无：IRR 不唯一或不存在, 未回本)."""
_CELL_WORD = re.compile("(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{2,8}(?![\u4e00-\u9fff{])")
"""A label's Chinese run between its spaces, punctuation and Latin words, not the head of a placeholder's phrase."""


def _cell_words(label: str) -> set[str]:
    """The Chinese words of a label a table shows in a cell (不唯一或不存在 of 无：IRR 不唯一或不存在): each is the
    tool's own term, kept whole where it fits, where a cell once broke it (不唯一或不存 / 在). Not a sentence's runs
    (。，；), nor one with 的 in it, which a break beside 的 keeps readable already."""
    if cells_in(label, None) > _CELL_LABEL or re.search("[。，；]", label):
        return set()
    return {word for word in _CELL_WORD.findall(label) if _PARTICLE not in word}


_CJK = re.compile(f"[{CJK}]")


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def _closes(before: str, token: str) -> bool:
    """Whether ``token``, after the character ``before``, is closing punctuation, which no line starts with; a file's
    extension after a space or a pause is a word (.json、.csv), and a line starting with it cuts nothing, where kept
    on the line before it ran over the line's end and was cut inside (.ma / rkdown)."""
    return token[0] in CLOSING and not ((before.isspace() or before in _PAUSES) and _SUFFIX.match(token) is not None)


def _is_mark(token: str) -> bool:
    """A symbol on its own (▇, ●, │, =, →) that the word after it explains or completes; not punctuation."""
    return len(token) == 1 and not token.isalnum() and not has_cjk(token) and token not in CLOSING | _OPENING


def _breaks(line: str, width: int, notes: bool = False) -> dict[int, int]:
    """The offsets of ``line`` where a new line may start, with the break's quality (read only: it is shared); with
    ``notes``, --help's rules for its notes in brackets too (``_notes_kept``)."""
    return _breaks_on(line, width, layout_encoding(), notes)


@lru_cache(maxsize=256)
def _breaks_on(line: str, width: int, encoding: str | None, notes: bool = False) -> dict[int, int]:
    """``_breaks`` where the views are laid out for a stream in ``encoding``, whose written widths decide what fits.
    Kept for the next call: the glued pieces, the loose breaks and each width a table tries read a line's breaks, and
    a 60,000-character name's took a seventh of a second each time."""
    # Each run's CJK-ness and number-ness found once, not once beside each neighbour: a name can be long.
    tokens = [(match.start(), token, match.group(1) is not None, _NUMBER.match(token) is not None)
              for match in _TOKEN.finditer(line) for token in (match.group(),)]
    kinds: dict[int, int] = {}
    for (a_start, a, a_cjk, a_number), (b_start, b, b_cjk, b_number) in pairwise(tokens):
        spaced = b_start > a_start + len(a)
        if spaced or a[-1] in _PAUSES or b[0] in _OPENING:
            kind = GOOD
        elif a_cjk != b_cjk:  # a number stays with its unit (0.52元), a Latin word is a word (ROI)
            kind = NONE if a_number or b_number else GOOD
        else:
            kind = WORD if _PARTICLE in (a, b) else CJK_BREAK
        if _closes(line[b_start - 1], b) or a[-1] in _OPENING:
            kind = NONE
        elif spaced and ((a_number and b_cjk) or (a_cjk and b_number)):
            kind = NONE  # 第 12 个月, 98.50% 的, 0.52 元, 未回本 23.95%
        elif (a in _SIGNS and b_number) or (spaced and _is_mark(a)):
            kind = NONE  # > 1,000%: a bound is its sign and its number; ▇ 表示...: a mark and what it stands for
        elif spaced and b in _RELATIONS:
            kind = CJK_BREAK  # T = 500.0万, 199 → 299: a relation reads with what it relates, broken last
        kinds[b_start] = kind
    for match in _names(line, width):
        for offset in range(match.start() + 1, match.end()):
            if line[offset - 1] not in _PAUSES:
                kinds[offset] = NONE  # a name: 小红书KOC, B站注册CPA; a sentence still breaks after its commas
    # An item of a list (抖音达人种草、小红书KOC) is a name or a term, whatever its length: kept whole where it fits.
    for match in _listed(line):
        if _glued_cells(line, *match.span()) <= width:
            for offset in range(match.start() + 1, match.end()):
                kinds[offset] = NONE
    for match in _terms().finditer(line):
        if _glued_cells(line, *match.span()) <= width:
            for offset in range(match.start() + 1, match.end()):
                kinds[offset] = NONE
            for edge in match.span():
                if kinds.get(edge) == CJK_BREAK:
                    kinds[edge] = EDGE
            _parted_from_number(line, width, *match.span(), kinds)
    for words in ZH_TERM_WORDS:
        if max(cell_len(word) for word in words) <= width:
            joints = set(accumulate(len(word) for word in words[:-1]))
            for match in re.finditer(re.escape("".join(words)), line):
                for offset in range(match.start() + 1, match.end()):
                    kinds[offset] = WORD if offset - match.start() in joints else NONE
    for match in _QUOTED.finditer(line):
        if _glued_cells(line, *match.span()) <= width:
            for offset in range(match.start() + 1, match.end()):
                kinds[offset] = NONE
    if notes:
        _notes_kept(line, width, kinds)
    return kinds


_NOTE_PAUSES = set("；，")
"""Where a note in brackets too wide for its line breaks, besides its spaces."""
_NOTE_PART = re.compile(r"[\[；，][^\s\[\]；，]+ +(?=[^\s\]])")
"""A part of a note (after its bracket, ；or ，) up to its second word: ``；范围 0``."""
_NOTE_PARTS = re.compile(r"[^；，\]]+[；，\]]?")
"""A note's parts, each with the ；or ，after it, the last with its bracket: ``默认：0；`` and ``范围 0 到 2^128 - 1]``."""


def _notes_kept(line: str, width: int, kinds: dict[int, int]) -> None:
    """--help's rules in ``kinds``: a note in brackets (Typer's ``[默认：0；范围 0 到 2^128 - 1]``) on one line where
    it fits one, and where it does not, broken only at a space or after ；or ，in it (范围 / 0 到 was never meant,
    nor 范 / 围); a label after an opening bracket never parted from its value (``[默认：`` above ``table]``,
    ``（默认：`` above ``最多 4 个）``), nor a bound written as a sum (``2^128 - 1``). Where none of these breaks
    fits, a line breaks as any other does (``_loose_breaks``)."""
    for match in NOTE.finditer(line):
        whole = _glued_cells(line, *match.span()) <= width
        for offset in range(match.start() + 1, match.end()):
            if offset not in kinds:
                continue
            if whole or not (line[offset - 1].isspace() or line[offset - 1] in _NOTE_PAUSES):
                kinds[offset] = NONE
            elif not kinds[offset]:
                kinds[offset] = CJK_BREAK  # a space between a number and a word: in a note, broken last (0 / 到)
        # Each part's first word is its label, as the note's is: 范围 never ends a line above 0 到 2^128 - 1]; and a
        # part that fits a line is kept on one: [默认：0；/ 范围 0 到 2^128 - 1], not [默认：0；范围 0 到 / 2^128 - 1].
        for part in _NOTE_PART.finditer(line, match.start(), match.end()):
            kinds[part.end()] = NONE
        for part in _NOTE_PARTS.finditer(line, match.start() + 1, match.end()):
            if not whole and _glued_cells(line, *part.span()) <= width:
                for offset in range(part.start() + 1, part.end()):
                    kinds[offset] = NONE
    for match in re.finditer(LABEL, line):
        if match.end() in kinds:
            kinds[match.end()] = NONE
    for match in SUM.finditer(line):
        kinds[match.start() + 1] = kinds[match.end()] = NONE


def _parted_from_number(line: str, width: int, start: int, end: int, kinds: dict[int, int]) -> None:
    """A term beside a number across a space (+46.5% 切换, 未回本 23.95%) stays with it where both fit a line; where
    they do not, they part at the space, as breakeven's +46.5% flip does, not inside the term (+46.5% 切 / 换, 未回 /
    本 23.95%)."""
    before = line.rfind(" ", 0, start - 1) + 1
    if start > 1 and line[start - 1] == " " and kinds.get(start) == NONE and cell_len(line[before:end]) > width:
        kinds[start] = WORD
    after = line.find(" ", end + 1)
    # Never before closing punctuation (不唯一或不存在 / · 有定义 started a line with ·).
    if (line[end:end + 1] == " " and kinds.get(end + 1) == NONE and not _closes(" ", line[end + 1:end + 3])
            and cell_len(line[start:after if after > 0 else len(line)]) > width):
        kinds[end + 1] = WORD


def _names(line: str, width: int) -> Iterator[re.Match[str]]:
    """The names ``line`` keeps whole in ``width`` cells: each word (``_WORD``) up to ``SHORT_WORD`` cells, twice
    that with Latin in it, that fits; and of any other word, each part between its punctuation (``_PART``) with Latin
    letters in it that is such a name: '抖音CPA.bid,年度会员.price' in 24 cells breaks at its comma, where its parts
    were broken wherever Chinese met Latin or another Chinese character ('抖音 / CPA.bid,年度会 / 员.price')."""
    for word in _WORD.finditer(line):
        if _named(line, word, width):
            yield word
        else:
            yield from (part for part in _PART.finditer(line, word.start(), word.end())
                        if _LETTER.search(part.group()) and _named(line, part, width))


def _named(line: str, word: re.Match[str], width: int) -> bool:
    cells = cell_len(word.group())
    return ((cells <= SHORT_WORD or (_LATIN.search(word.group()) is not None and cells <= 2 * SHORT_WORD))
            and _glued_cells(line, *word.span()) <= width)


def _glued_cells(line: str, start: int, end: int) -> int:
    """The cells of ``line[start:end]`` with the opening marks before it and the closing punctuation after it, which
    no break parts from it: kept whole where it alone fit, a quote with its 。 ran over a line one cell too narrow and
    was cut inside ('抖音CPA.bid,年度会 / 员.price'。)."""
    while start and line[start - 1] in _OPENING:
        start -= 1
    while end < len(line) and _closes(line[end - 1], line[end:end + 2]):
        end += 1
    return cell_len(line[start:end])


def glued_pieces(line: str) -> tuple[str, ...]:
    """The pieces of ``line`` that no break parts however narrow the line: a number with its sign and unit, a word
    with its number, punctuation with the character before it (names, terms and brackets that fit are kept whole
    only where there is room, so they are not pieces)."""
    return _glued_pieces(line, layout_encoding())


@lru_cache(maxsize=256)
def _glued_pieces(line: str, encoding: str | None) -> tuple[str, ...]:
    """``glued_pieces`` where the views are laid out for a stream in ``encoding``, whose written widths decide what
    fits. Kept for the next call: a table measures its cells once for each layout it tries, and a long name took a
    second each time."""
    return _pieces(line, 1, encoding)


def parted_pieces(line: str) -> list[str]:
    """The runs of ``line`` that ``cjk_lines`` keeps on one line however narrow: a Chinese character or a word between
    spaces and Chinese characters, with the opening marks before it and the closing ones after it (ltv_months）)."""
    pieces: list[str] = []
    end = -1
    for match in _TOKEN.finditer(line):
        token = match[0]
        if pieces and match.start() == end and (_closes(pieces[-1][-1], token) or pieces[-1][-1] in _OPENING):
            pieces[-1] += token
        else:
            pieces.append(token)
        end = match.end()
    return pieces


def kept_pieces(line: str) -> tuple[str, ...]:
    """The pieces of ``line`` a line of ``SHORT_WORD`` cells keeps whole: ``glued_pieces``, and the names and terms
    that fit it (综合获客成本, 扣除变动成本，)."""
    return _pieces(line, SHORT_WORD, layout_encoding())


@lru_cache(maxsize=256)
def _pieces(line: str, width: int, encoding: str | None) -> tuple[str, ...]:
    starts = [0, *sorted(offset for offset, kind in _breaks(line, width).items() if kind), len(line)]
    return tuple(piece for begin, end in pairwise(starts) if (piece := line[begin:end].strip()))


def _trimmed(line: str, end: int) -> int:
    """Where ``line[:end]`` ends without its trailing spaces."""
    while end and line[end - 1].isspace():
        end -= 1
    return end


def _prefix_cells(line: str, offsets: Iterable[int]) -> tuple[dict[int, int], dict[int, int]]:
    """The cells ``line[:offset]`` takes at each of ``offsets`` (and at the line's end), and where each ends without
    its trailing spaces, measured piece by piece in one pass. Measured anew from a line's start at every break that
    might end it, a name of 2,000 Chinese characters took seconds to lay out and one of 60,000 minutes."""
    ends = {offset: _trimmed(line, offset) for offset in {0, len(line), *offsets}}
    cells, total, previous = {}, 0, 0
    for point in sorted({*ends, *ends.values()}):
        total += cell_len(line[previous:point])
        cells[point], previous = total, point
    return cells, ends


def _line_starts(line: str, width: int, cell: bool, notes: bool = False) -> Iterator[int]:
    """Where each line after the first starts: the last break that fits, a space or punctuation preferred when
    it costs at most a sixth of the line. In a table ``cell``, a label's few short lines, the space before a
    bracketed qualifier comes before any break inside it, and a pause is preferred up to a third of the line
    early, since a word cut there reads worse than room left. ``notes``: --help's notes kept (``_notes_kept``)."""
    kinds = _breaks(line, width, notes)
    order = sorted(offset for offset, kind in kinds.items() if kind)
    # Where no break the rules allow fits (a term kept whole with the comma after it: 扣除变动成本，in 12 cells), a
    # line breaks where only glue forbids it, else between any two runs but before closing punctuation or after an
    # opening one: left to run over, Rich folded it where the line ended and started a line with ，or ）.
    encoding = layout_encoding()
    cells, ends = _prefix_cells(line, range(1, len(line)))

    def fits(start: int, end: int) -> bool:
        return cells[max(start, ends[end])] - cells[start] <= width

    # Qualifiers do not overlap: the one a line's end falls in is the last that opens before it.
    qualifiers = [match.span() for match in _QUALIFIER.finditer(line)] if cell else []
    openings = [opening for opening, _ in qualifiers]
    slack = max(2, width // 3 if cell else width // 6)
    # Inside the project's terms that fit a line: where no allowed break fits, a looser one is sought outside them
    # first (未回本 (13 .. 未回本) · in a 21-cell cell broke 未回 / 本 where it could break before the bracket).
    terms = {offset for match in _terms().finditer(line) if _glued_cells(line, *match.span()) <= width
             for offset in range(match.start() + 1, match.end())}
    start = 0
    while not fits(start, len(line)):
        previous = start
        first = last = bisect_right(order, start)
        while last < len(order) and fits(start, order[last]):  # a longer piece never fits where a shorter did not
            last += 1
        fitting = order[first:last]
        if fitting:
            anywhere = fitting[-1]
            # The best kind of break that lies within the slack of the fullest line: a space or punctuation, then 的,
            # then a term's edge, else the fullest.
            start = next((best for level in (GOOD, WORD, EDGE)
                          for best in [max((offset for offset in fitting if kinds[offset] >= level), default=None)]
                          if best is not None and cells[anywhere] - cells[best] <= slack), anywhere)
        elif (looser := next((found for whole in (True, False) for offsets in _loose_breaks(line, encoding)
                              if (found := _last_fitting(_outside(offsets, terms) if whole else offsets, start, fits))),
                             None)):
            start = looser
        elif (cut := _cut(line, start, width)) is not None:
            start = cut  # a run wider than the line, cut where it fills it: Rich cut it before a closing bracket
        elif (after := bisect_right(free := _loose_breaks(line, encoding)[-1], start)) < len(free):
            start = free[after]  # a number wider than the line runs over
        else:
            return
        # The label whole on its line reads better than a qualifier cut after its first words.
        inside = bisect_left(openings, start) - 1
        if inside >= 0 and previous < openings[inside] < start < qualifiers[inside][1] and kinds.get(openings[inside]):
            start = openings[inside]
        yield start


def _listed(line: str) -> Iterator[re.Match[str]]:
    """Each item of a list in Chinese prose, a name or a term: a run (``_RUN``) with a 、 right before or after it.
    Each run is found once: a pattern looking ahead for the 、 sought it again from every character of a run without
    one, and a 20,000-character name took 20 s to lay out."""
    if "、" not in line:
        return
    for match in _RUN.finditer(line):
        if line[match.start() - 1:match.start()] == "、" or line[match.end():match.end() + 1] == "、":
            yield match


@lru_cache(maxsize=256)
def _loose_breaks(line: str, encoding: str | None) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where a line may start when no break the rules allow fits: where only glue forbids it, then between any two
    runs (``_free_breaks``). The same at every width, so found once for each layout a table tries; ``encoding``, the
    stream's, decides the widths that glue reads."""
    return tuple(sorted(offset for offset, kind in _breaks(line, 1).items() if kind)), tuple(_free_breaks(line))


def _free_breaks(line: str) -> list[int]:
    """Every offset of ``line`` between two runs where a line may start at all: not before closing punctuation nor
    after an opening one."""
    tokens = [(match.start(), match.group()) for match in _TOKEN.finditer(line)]
    return [b_start for (_, a), (b_start, b) in pairwise(tokens)
            if not _closes(line[b_start - 1], b) and a[-1] not in _OPENING]


def _cut(line: str, start: int, width: int) -> int | None:
    """Where a run from ``start`` wider than a line of ``width`` cells is cut: the last character that fits, beside a
    Chinese one (a number or a Latin word is left whole to run over), not before closing punctuation nor after an
    opening one; None where there is none."""
    taken, found = 0, None
    for offset in range(start + 1, len(line)):
        taken += cell_len(line[offset - 1])
        if taken > width:
            break
        if (not _closes(line[offset - 1], line[offset:offset + 2]) and line[offset - 1] not in _OPENING and not line[offset].isspace()
                and has_cjk(line[offset - 1:offset + 1])):
            found = offset
    return found


def _outside(offsets: Sequence[int], inside: set[int]) -> tuple[int, ...]:
    """``offsets`` but those in ``inside``."""
    return tuple(offset for offset in offsets if offset not in inside) if inside else tuple(offsets)


def _last_fitting(offsets: Sequence[int], start: int, fits: Callable[[int, int], bool]) -> int | None:
    """The last of ``offsets`` after ``start`` that ends a line from ``start`` that fits, or None."""
    found = None
    for offset in offsets[bisect_right(offsets, start):]:
        if not fits(start, offset):
            break
        found = offset
    return found


def _signs_kept(line: str, starts: list[int], width: int) -> list[int]:
    """``starts`` without a line that is a lone sign: where a sign and what it bounds are wider than the line
    (≤ ltv_months） in 12 cells), the sign ends the line before, as a relation ends a line in print, where it fits
    there; a lone ≤ read as no bound of anything."""
    kept = starts[:1]
    for start, end in pairwise([*starts[1:], len(line)]):
        if line[start:end].strip() in _SIGNS | _RELATIONS and cell_len(line[kept[-1]:end].rstrip()) <= width:
            continue
        kept.append(start)
    return kept


def cjk_lines(text: Text, width: int, cell: bool = False, notes: bool = False) -> Text:
    """``text`` in lines of at most ``width`` cells by the rules above, its styles kept; a line's indent is
    repeated on the lines it continues on. A ``cell``'s label keeps its words and qualifier
    whole before it fills its lines (``_line_starts``); --help keeps its ``notes`` in brackets whole
    (``_notes_kept``)."""
    indents: list[str] = []
    cuts: list[int] = []
    offset = 0
    for line in text.plain.split("\n"):
        indent = line[:len(line) - len(line.lstrip(" "))]
        body = line[len(indent):]
        starts = _signs_kept(body, [0, *_line_starts(body, max(1, width - cell_len(indent)), cell, notes)],
                             max(1, width - cell_len(indent)))
        for begin, end in zip(starts, [*starts[1:], len(body)], strict=True):
            indents.append(indent)
            cuts += [offset + len(indent) + begin, offset + len(indent) + end]
        offset += len(line) + 1
    # Cut in one pass: a Text sliced line by line copies all that follows each line, and a long name's lines took
    # seconds. Every other piece is a line; those between are indents and line breaks.
    pieces = list(text.divide(cuts))[1::2]
    out: list[Text] = []
    for indent, piece in zip(indents, pieces, strict=True):
        piece.rstrip()
        out.append(Text(indent) + piece)
    return Text("\n", style=text.style).join(out) if out else Text("", style=text.style)
