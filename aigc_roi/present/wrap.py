"""Chinese prose in lines: where a line may break, by the East Asian rules (kinsoku), and which break reads best.

Rich breaks text at spaces only and folds a run without spaces where the line ends, so a Chinese sentence once
left a line half empty before its first long run, split 复利 into 复 / 利, started a line with ，or ）, and parted
a number from its unit (0.52 / 元). Here a line never starts with closing punctuation (nor ★) nor ends with an
opening bracket; a number stays with the character before and after it (第 12 个月, 98.50% 的, 未回本 23.95%); a
comparison sign stays with its number (> 1,000%) and a mark with the word after it (▇ 表, = 0); a quoted column
header ('激活数(去重)'), a label's qualifier in ASCII brackets and a short name between spaces (小红书KOC) stay
whole; a label too long to be kept whole as a name breaks between its words only (资金缺口 / 最大月份, labels.py
``ZH_TERM_WORDS``); and the project's Chinese terms stay whole in a sentence (``_terms``: 变化, 结果; there is no
dictionary, so 模拟期 may still break). A line is filled to the width and broken, by preference, at a space, after
punctuation, before an opening bracket or where Chinese meets a Latin word, when one lies near its end (a sixth
of the line; a third in a table cell); else beside 的, else at a term's edge, when one lies as near; else between
any two Chinese characters, which may split a word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from itertools import accumulate

from rich.cells import cell_len
from rich.text import Text

from aigc_roi.present.labels import ZH_TERM_WORDS

CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_TOKEN = re.compile(rf"\s+|[{CJK}]|[^\s{CJK}]+")
_CLOSING = set("，。、：；！？）」』】》〉’”…％·,.:;!?)]}%★")
"""Characters a line never starts with (★ marks the best value before it)."""
_OPENING = set("（「『【《〈‘“([{")
"""Characters a line never ends with."""
_PAUSES = set("，。、：；！？）」』】》〉")
"""After these a break reads as a pause, not a cut."""
_QUOTED = re.compile(r"(?<![A-Za-z])'[^'\s]+'|“[^”]+”|「[^」]+」|《[^》]+》|\([^()]+\)")
"""Kept whole when they fit: a quoted header or name, and a label's qualifier in ASCII brackets (买量，扣除变动成本)."""
_QUALIFIER = re.compile(r"(?<= )\([^()]+\)")
"""A label's qualifier after a space: in a table cell the break before it comes first (ROI / (买量，...))."""
_NUMBER = re.compile(r"^[-+(（]?[0-9]")
_SIGNS = {"<", ">", "≤", "≥", "<=", ">=", "~", "≈"}
"""A comparison before a number, kept on its line: "> 1,000%" split read as a lone ">" above "1,000%"."""
GLUED = re.compile(r"(?<!\S)(?:[<>≤≥~≈]|<=|>=) [-+]?[0-9]")
"""Where a text without Chinese has a sign and its number (``_SIGNS``): Rich, breaking at any space, would part them."""
_LATIN = re.compile(r"[A-Za-z0-9]")
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
    words = {word for text in texts for word in re.findall("[\u4e00-\u9fff]{2,}", text) if cell_len(word) <= SHORT_WORD}
    words |= {entry.zh for entry in LABELS.values() if re.fullmatch("[\u4e00-\u9fff]{2,6}", entry.zh)}
    words |= {word for term in ZH_TERM_WORDS for word in term if len(word) > 1}
    return re.compile("|".join(sorted(words, key=len, reverse=True)))


def has_cjk(text: str) -> bool:
    return re.search(f"[{CJK}]", text) is not None


def _is_mark(token: str) -> bool:
    """A symbol on its own (▇, ●, │, =, →) that the word after it explains or completes; not punctuation."""
    return len(token) == 1 and not token.isalnum() and not has_cjk(token) and token not in _CLOSING | _OPENING


def _is_cjk(token: str) -> bool:
    return len(token) == 1 and has_cjk(token)


def _breaks(line: str, width: int) -> dict[int, int]:
    """The offsets of ``line`` where a new line may start, with the break's quality."""
    tokens = [(match.start(), match.group()) for match in _TOKEN.finditer(line) if not match.group().isspace()]
    kinds: dict[int, int] = {}
    for (a_start, a), (b_start, b) in zip(tokens, tokens[1:], strict=False):
        spaced = b_start > a_start + len(a)
        if spaced or a[-1] in _PAUSES or b[0] in _OPENING:
            kind = GOOD
        elif _is_cjk(a) != _is_cjk(b):  # a number stays with its unit (0.52元), a Latin word is a word (ROI)
            kind = NONE if _NUMBER.match(a) or _NUMBER.match(b) else GOOD
        else:
            kind = WORD if _PARTICLE in (a, b) else CJK_BREAK
        if b[0] in _CLOSING or a[-1] in _OPENING:
            kind = NONE
        elif spaced and ((_NUMBER.match(a) and _is_cjk(b)) or (_is_cjk(a) and _NUMBER.match(b))):
            kind = NONE  # 第 12 个月, 98.50% 的, 0.52 元, 未回本 23.95%
        elif (a in _SIGNS and _NUMBER.match(b)) or (spaced and _is_mark(a)):
            kind = NONE  # > 1,000%: a bound is its sign and its number; ▇ 表示...: a mark and what it stands for
        kinds[b_start] = kind
    for match in re.finditer(r"\S+", line):
        word = match.group()
        named = cell_len(word) <= SHORT_WORD or (_LATIN.search(word) and cell_len(word) <= 2 * SHORT_WORD)
        if named and cell_len(word) <= width:
            for offset in range(match.start() + 1, match.end()):
                if line[offset - 1] not in _PAUSES:
                    kinds[offset] = NONE  # a name: 小红书KOC, B站注册CPA; a sentence still breaks after its commas
    for match in _terms().finditer(line):
        if cell_len(match.group()) <= width:
            for offset in range(match.start() + 1, match.end()):
                kinds[offset] = NONE
            for edge in match.span():
                if kinds.get(edge) == CJK_BREAK:
                    kinds[edge] = EDGE
    for words in ZH_TERM_WORDS:
        if max(cell_len(word) for word in words) <= width:
            joints = set(accumulate(len(word) for word in words[:-1]))
            for match in re.finditer(re.escape("".join(words)), line):
                for offset in range(match.start() + 1, match.end()):
                    kinds[offset] = WORD if offset - match.start() in joints else NONE
    for match in _QUOTED.finditer(line):
        if cell_len(match.group()) <= width:
            for offset in range(match.start() + 1, match.end()):
                kinds[offset] = NONE
    return kinds


def glued_pieces(line: str) -> list[str]:
    """The pieces of ``line`` that no break parts however narrow the line: a number with its sign and unit, a word
    with its number, punctuation with the character before it (names, terms and brackets that fit are kept whole
    only where there is room, so they are not pieces)."""
    starts = [0, *sorted(offset for offset, kind in _breaks(line, 1).items() if kind), len(line)]
    return [line[begin:end].strip() for begin, end in zip(starts, starts[1:], strict=False) if line[begin:end].strip()]


def _line_starts(line: str, width: int, cell: bool) -> Iterator[int]:
    """Where each line after the first starts: the last break that fits, a space or punctuation preferred when
    it costs at most a sixth of the line. In a table ``cell``, a label's few short lines, the space before a
    bracketed qualifier comes before any break inside it, and a pause is preferred up to a third of the line
    early, since a word cut there reads worse than room left."""
    kinds = _breaks(line, width)
    qualifiers = [match.span() for match in _QUALIFIER.finditer(line)] if cell else []
    slack = max(2, width // 3 if cell else width // 6)
    start = 0
    while cell_len(line[start:].rstrip()) > width:
        previous = start
        fitting = [offset for offset, kind in kinds.items()
                   if offset > start and kind and cell_len(line[start:offset].rstrip()) <= width]
        anywhere = max(fitting, default=None)
        if anywhere is not None:
            # The best kind of break that lies within the slack of the fullest line: a space or punctuation, then 的,
            # then a term's edge, else the fullest.
            start = next((best for level in (GOOD, WORD, EDGE)
                          for best in [max((offset for offset in fitting if kinds[offset] >= level), default=None)]
                          if best is not None and cell_len(line[best:anywhere]) <= slack), anywhere)
        else:  # no break fits: the line runs over at the next one, and the table folds it
            start = min((offset for offset, kind in kinds.items() if offset > start and kind), default=len(line))
            if start == len(line):
                return
        # The label whole on its line reads better than a qualifier cut after its first words.
        start = min([opening for opening, closing in qualifiers
                     if previous < opening < start < closing and kinds.get(opening)], default=start)
        yield start


def cjk_lines(text: Text, width: int, cell: bool = False) -> Text:
    """``text`` in lines of at most ``width`` cells by the rules above, its styles kept; a line's indent is
    repeated on the lines it continues on. A ``cell``'s label keeps its words and qualifier
    whole before it fills its lines (``_line_starts``)."""
    out: list[Text] = []
    offset = 0
    for line in text.plain.split("\n"):
        whole = text[offset:offset + len(line)]
        offset += len(line) + 1
        indent = line[:len(line) - len(line.lstrip(" "))]
        body = whole[len(indent):]
        starts = [0, *_line_starts(body.plain, max(1, width - cell_len(indent)), cell)]
        for begin, end in zip(starts, [*starts[1:], len(body.plain)], strict=True):
            piece = body[begin:end]
            piece.rstrip()
            out.append(Text(indent) + piece)
    return Text("\n", style=text.style).join(out) if out else Text("", style=text.style)
