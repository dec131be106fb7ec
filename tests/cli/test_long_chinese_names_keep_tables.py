"""A long Chinese gate or channel name keeps a table its table form, as an English name as long does (QA: run's gates
table at 80 columns with --lang zh turned into one block per row for a gate named 小红书种草先验证再放量, 11 Chinese
characters or 22 cells kept whole, while XHS seeding test then scale, 28 letters, stayed a table wrapped at its
spaces; breakeven's and allocate's channel tables did the same for a channel named in 12 Chinese characters).

What each table must be is derived from a copy whose name is short: the same columns at the same width. The name is
broken between its characters only where the table fits no other way, and every character of it is shown, in order:
the first column's lines of the table, joined without their spaces, hold it once per row it names.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_runner import invoke

GATED = """version: 1
name: P
horizon_months: 3
acquisition:
  - {{name: A, type: cpa, bid: 10, users: 100, months: 1}}
  - {{name: B, type: cpa, bid: 10, users: 100, months: 2-3}}
retention: {{monthly_churn: 0.5}}
monetization:
  purchases: [{{name: Item, price: 8, rate: 1}}]
gates:
  - {{name: '{gate}', after_month: 1, channels: [A], min_roas: 0.7, max_cac: 25, then: [B]}}
"""
CHANNELS = """version: 1
name: P
horizon_months: 12
acquisition:
  - {{name: '{channel}', type: cpa, bid: 10, budget: 50000}}
  - {{name: 抖音达人, type: cpa, bid: 12, budget: 30000}}
retention: {{monthly_churn: 0.3}}
monetization:
  purchases: [{{name: 会员, price: 30, rate: 0.5}}]
"""
GATE = {"short": "验证", "chinese": "小红书种草先验证再放量", "english": "XHS seeding test then scale"}
CHANNEL = {"short": "信息流", "chinese": "小红书信息流种草投放测试", "english": "Xiaohongshu feed seeding test"}
TITLE = {"gates": {"en": "Gates", "zh": "闸门"}}


def _out(tmp_path: Path, plan: str, args: list[str], lang: str, width: int) -> str:
    path = tmp_path / "plan.yaml"
    path.write_text(plan, encoding="utf-8")
    result = invoke([args[0], str(path), *args[1:], "--lang", lang], env={"COLUMNS": str(width), "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _table(text: str, title: str) -> list[str]:
    """The lines of the table after the line ``title``; [] where blocks follow."""
    lines = text.splitlines()
    start = lines.index(title) + 1
    if not lines[start].startswith("┏"):
        return []
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("└"))
    return lines[start:end + 1]


def _headers(table: list[str]) -> list[str]:
    rows = [[cell.strip() for cell in line.split("┃")[1:-1]] for line in table if line.startswith("┃")]
    return [" ".join(filter(None, column)) for column in zip(*rows, strict=True)]


def _first_column(table: list[str]) -> str:
    """The body's first column, its lines joined without their spaces."""
    return "".join(line.split("│")[1].replace(" ", "") for line in table if line.startswith("│"))


def _check(table: list[str], short: list[str], name: str, rows: int) -> None:
    assert short, "the short name's copy is a table at this width"
    assert table, "the long name's is a table too, not blocks"
    assert _headers(table) == _headers(short)
    assert len(re.findall(re.escape(name.replace(" ", "")), _first_column(table))) == rows


@pytest.mark.parametrize("width", [80, 60])
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("kind", ["chinese", "english"])
def test_run_gates_table_keeps_its_columns(tmp_path: Path, kind: str, lang: str, width: int) -> None:
    title = TITLE["gates"][lang]
    table = _table(_out(tmp_path, GATED.format(gate=GATE[kind]), ["run"], lang, width), title)
    short = _table(_out(tmp_path, GATED.format(gate=GATE["short"]), ["run"], lang, width), title)
    # Two rows, one a threshold: min_roas and max_cac.
    _check(table, short, GATE[kind], 2)


# At 60 columns breakeven's drivers are blocks whatever the name: only 80 has a table for a name to keep.
@pytest.mark.parametrize("width", [80])
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("kind", ["chinese", "english"])
def test_breakeven_drivers_table_keeps_its_columns(tmp_path: Path, kind: str, lang: str, width: int) -> None:
    # The drivers' table, under the output's title line (the channels' own table follows it).
    text, short_text = (_out(tmp_path, CHANNELS.format(channel=CHANNEL[name]), ["breakeven"], lang, width)
                        for name in (kind, "short"))
    table, short = _table(text, text.splitlines()[0]), _table(short_text, short_text.splitlines()[0])
    assert short, "the short name's drivers are a table at this width"
    # A cpa channel's two drivers: its bid and its budget.
    _check(table, short, CHANNEL[kind], 2)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("kind", ["chinese", "english"])
def test_allocate_channels_table_keeps_its_columns(tmp_path: Path, kind: str, lang: str) -> None:
    title = {"en": "Monthly budget per channel", "zh": "各渠道每月预算"}[lang]
    args = ["allocate", "--budget", "100000"]
    table = _table(_out(tmp_path, CHANNELS.format(channel=CHANNEL[kind]), args, lang, 80), title)
    short = _table(_out(tmp_path, CHANNELS.format(channel=CHANNEL["short"]), args, lang, 80), title)
    # The channel's row at the current split and its row at the best.
    _check(table, short, CHANNEL[kind], 1)
