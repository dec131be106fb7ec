"""The tool's own Chinese terms in a table cell (a none-reason 不唯一或不存在, 未回本) are never broken inside: a
compare table at 80 columns broke 不唯一或不存 / 在 and 未回 / 本 in its narrower column (present/wrap.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_runner import invoke
from rich.cells import cell_len
from rich.text import Text

from aigc_roi.present.labels import LABELS, ZH_TERM_WORDS
from aigc_roi.present.wrap import cjk_lines

PLAN = Path(__file__).with_name("zh_cell_terms_plan.yaml")


def _cell_terms() -> set[str]:
    """The Chinese runs of the catalogue's short labels (a cell's value, not a sentence): derived from the labels."""
    return {word for entry in LABELS.values() if cell_len(entry.zh) <= 24 and not re.search("[。，；]", entry.zh)
            for word in re.findall(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{2,8}(?![\u4e00-\u9fff{])", entry.zh)
            if "的" not in word}


def _split_terms(above: str, below: str, terms: set[str]) -> list[str]:
    """The terms that ``above`` ends a part of and ``below`` starts the rest of."""
    above, below = above.rstrip(), below.strip()
    return [term for term in terms for k in range(1, len(term)) if above.endswith(term[:k]) and below.startswith(term[k:])]


def test_the_none_reasons_are_catalogue_terms() -> None:
    assert {"不唯一或不存在", "未回本"} <= _cell_terms()


@pytest.mark.parametrize("width", [80, 60])
def test_compare_cells_keep_terms_whole(width: int) -> None:
    result = invoke(["compare", str(PLAN), "--lang", "zh", "--samples", "2000", "--variant", "不做验证: gates=[]"],
                    env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.output
    terms = _cell_terms()
    # A table's value columns; at 60 columns the figures are blocks, each line one cell (a label's joint between
    # its words, 资金缺口 / 最大月份, is ZH_TERM_WORDS's own break, so those labels are left out).
    rows = [line.split("│")[2:-1] for line in result.stdout.splitlines() if line.startswith("│")]
    if not rows:
        terms -= {"".join(words) for words in ZH_TERM_WORDS}
        rows = [[line] for line in result.stdout.splitlines()]
    splits = [(term, a[col], b[col]) for a, b in zip(rows, rows[1:], strict=False) if len(a) == len(b)
              for col in range(len(a)) for term in _split_terms(a[col], b[col], terms)]
    assert splits == []
    if width == 80:  # the founder's table: its values in both columns
        assert result.stdout.count("不唯一或不存在") == 2


def test_no_label_term_is_split_where_it_fits() -> None:
    """Each catalogue term in its own label, laid out at every width from the term's with the marks glued to it (an
    opening bracket before, closing punctuation after, a space before it too: no line ends or starts with them) and
    the label's indent to the label's, stays on one line (the old code broke 74 of them, 广告支 / 出）)."""
    bad = []
    for entry in LABELS.values():
        label = entry.zh
        for term in _cell_terms():
            # The term as a whole run of the label (not 贡献 inside 边际贡献, whose break is 边际 / 贡献).
            for match in re.finditer(rf"(?<![\u4e00-\u9fff]){term}(?![\u4e00-\u9fff])", label):
                start, end = match.span()
                while start and label[start - 1] in "（「『【《〈‘“([{":
                    start -= 1
                while (after := re.match(r" *[，。、：；！？）」』】》〉’”·%\])}]", label[end:])) is not None:
                    end += after.end()
                indent = len(label) - len(label.lstrip(" "))  # repeated on each line, so not room for the term
                for width in range(indent + cell_len(label[start:end]), cell_len(label) + 1):
                    lines = cjk_lines(Text(label), width, cell=True).plain.split("\n")
                    if not any(term in line for line in lines):
                        bad.append((label, term, width))
    assert bad == []
