"""A long gate name wraps in compare's label column, as any long label does, and never decides the table's layout
(QA: with --lang zh at 80 columns a Chinese name of 21 characters, 42 cells kept whole, made the table drop its Δ
column; one of 30, 59 cells, sent every width from 40 to 80 to one block per scenario, in English too). Beside two
scenarios and their Δ the label column gets about 36 cells at 80 columns and about 16 at 60.

What the table must be is derived from a copy whose gate has a short name: the same columns at the same width (with
the Δ at 80 and 60 columns in both languages). The plan is tests/cli/test_compare_gates.py's: A's test ROAS
800 / 1,000 = 0.8 >= 0.7 passes, in the copy whose B bids 9 too. An English name with spaces wrapped at them before
and still does.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke
from rich.cells import cell_len

PLAN = """version: 1
name: {name}
horizon_months: 3
acquisition:
  - {{name: A, type: cpa, bid: 10, users: 100, months: 1}}
  - {{name: B, type: cpa, bid: {bid}, users: 100, months: 2-3}}
retention: {{monthly_churn: 0.5}}
monetization:
  purchases: [{{name: Item, price: 8, rate: 1}}]
gates:
  - {{name: '{gate}', after_month: 1, channels: [A], min_roas: 0.7, then: [B]}}
"""
SHORT = "验证"
LONG = {
    "chinese": "先用抖音达人验证产品的付费转化再决定是否放量投放信息流与B站",
    "chinese 21": "先用抖音达人验证产品付费转化再决定是否放量",
    "english": "Creators prove the product before any scale-up spending on feed ads and Bilibili CPA",
}
HEAD = {"en": "Gate:", "zh": "闸门："}
DELTA = {"en": "Δ vs first", "zh": "Δ 与第一个相比"}


def _compare(tmp_path: Path, gate: str, lang: str, width: int, *more: str) -> str:
    # Short file names in tmp_path: a column's header holds its file where names clash, which a long path widens.
    for name, bid in (("p.yaml", 10), ("q.yaml", 9)):
        (tmp_path / name).write_text(PLAN.format(name=name[0], bid=bid, gate=gate), encoding="utf-8")
    result = invoke(["compare", str(tmp_path / "p.yaml"), str(tmp_path / "q.yaml"), *more, "--lang", lang],
                    env={"COLUMNS": str(width), "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _header(text: str) -> list[str]:
    """The table's column headers, each one's lines joined; [] where it is blocks, not a table."""
    lines = [[cell.strip() for cell in line.split("┃")[1:-1]] for line in text.splitlines() if line.startswith("┃")]
    return [" ".join(filter(None, column)) for column in zip(*lines, strict=True)]


def _gate_label(text: str, head: str) -> str:
    """The gate row's label, its lines joined: the lines after it whose other cells are empty are the label's."""
    rows = [[cell.strip() for cell in line.split("│")[1:-1]] for line in text.splitlines() if line.startswith("│")]
    first = next(i for i, row in enumerate(rows) if row[0].startswith(head))
    parts = [rows[first][0]]
    for row in rows[first + 1:]:
        if any(row[1:]):
            break
        parts.append(row[0])
    return "\n".join(parts)


@pytest.mark.parametrize("width", [80, 60, 50, 40])
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("kind", list(LONG))
def test_a_long_name_wraps_in_the_layout_a_short_one_gets(tmp_path: Path, kind: str, lang: str, width: int) -> None:
    gate = LONG[kind]
    text = _compare(tmp_path, gate, lang, width)
    short = _header(_compare(tmp_path, SHORT, lang, width))
    assert short, "a short name's compare is a table at every width tried"
    assert _header(text) == short
    if width >= 60:
        assert DELTA[lang] in short
    assert all(cell_len(line) <= width for line in text.splitlines()[1:] if line.startswith(("┃", "│", "┏", "└")))
    # Every character of the name is in its row's label, in order, broken only between lines.
    label = _gate_label(text, HEAD[lang])
    assert label.replace("\n", " ").split() == f"{HEAD[lang]} {gate}".split() or \
        label.replace("\n", "").replace(" ", "") == f"{HEAD[lang]}{gate}".replace(" ", "")
    assert "\n" in label


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_name_that_fits_stays_whole(tmp_path: Path, lang: str) -> None:
    """At 120 columns the label column has room for the 59-cell name beside its head: no break inside it."""
    gate = LONG["chinese"]
    label = _gate_label(_compare(tmp_path, gate, lang, 120), HEAD[lang])
    assert any(gate in line for line in label.split("\n")), label


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_on_risk_too(tmp_path: Path, lang: str) -> None:
    """`compare --samples` at 80 columns: one table, as with a short name, not a block per row."""
    gate = LONG["chinese"]
    short = _header(_compare(tmp_path, SHORT, lang, 80, "--samples", "20"))
    assert short and _header(_compare(tmp_path, gate, lang, 80, "--samples", "20")) == short
