"""One name for a channel's maximum unit cost (docs/formulas.md §6): "Max bid" and 最高出价, never a second one.

The terminal said "Max bid" and the spreadsheet "Max unit cost", 最高出价 beside 最高单价: one number
named twice. Every label, the report's words, every output a person reads and the docs use one name;
the JSON and CSV key ``max_unit_cost`` is a key, not a name, and stays.
"""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest
from cli_runner import invoke

from aigc_roi.present.labels import LABELS, label
from aigc_roi.present.report.words import WORDS

SECOND_NAME = re.compile(r"max(imum)? unit cost|最高单价", re.IGNORECASE)
NAME = {"en": "Max bid", "zh": "最高出价"}
ROOT = Path(__file__).parents[2]


def test_the_label_is_max_bid_and_no_word_names_it_otherwise() -> None:
    assert (LABELS["max_unit_cost"].en, LABELS["max_unit_cost"].zh) == (NAME["en"], NAME["zh"])
    texts = [text for entry in LABELS.values() for text in (entry.en, entry.zh, *(entry.short or ()))]
    texts += [text for pair in WORDS.values() for text in pair]
    assert [text for text in texts if SECOND_NAME.search(text)] == []


def test_the_docs_use_the_one_name() -> None:
    found = [f"{path.relative_to(ROOT)}:{number}" for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
             if SECOND_NAME.search(line)]
    assert found == []


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_terminal_markdown_report_and_spreadsheet_name_it_alike(example: Path, tmp_path: Path, lang: str) -> None:
    outputs = []
    for args in (["run"], ["run", "--format", "markdown"], ["report", "--samples", "50"]):
        result = invoke([args[0], str(example), *args[1:], "--lang", lang])
        assert result.exit_code == 0, result.stderr
        outputs.append(result.stdout)
    workbook_path = tmp_path / "plan.xlsx"
    assert invoke(["run", str(example), "--format", "xlsx", "-o", str(workbook_path), "--lang", lang]).exit_code == 0
    header = next(openpyxl.load_workbook(workbook_path, read_only=True).worksheets[1].iter_rows(values_only=True))
    outputs.append(" | ".join(str(cell) for cell in header))
    for text in outputs:
        assert NAME[lang] in text and not SECOND_NAME.search(text), text[:400]


# QA numbers F4: a flat channel alone was headed "Max cost" (最高费用) in the terminal and "Max bid" in markdown, and
# markdown never said what Max bid is for a kol or cpm channel.
FLAT = """\
name: flat only
horizon_months: 2
acquisition:
  - {name: Posters, type: flat, cost: 1000, users: 10, months: 1}
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: P, price: 300, rate: 1}]
"""
MIXED = Path(__file__).parents[2] / "scenarios" / "video-tool-kol-then-feed.yaml"
CAPTION = {("en", "flat"): "Max bid, by kind of channel: Max cost (Posters).",
           ("zh", "flat"): "最高出价按渠道类型：最高费用（Posters）。",
           ("en", "mixed"): "Max bid, by kind of channel: Max fee (Douyin creators (KOL)), Max CPM (Feed ads (信息流)).",
           ("zh", "mixed"): "最高出价按渠道类型：最高单条费用（Douyin creators (KOL)）、最高 CPM（Feed ads (信息流)）。"}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("plan", ["flat", "mixed"])
def test_every_output_heads_the_column_max_bid_and_says_each_kinds_word(tmp_path: Path, plan: str, lang: str) -> None:
    path = MIXED
    if plan == "flat":
        path = tmp_path / "flat.yaml"
        path.write_text(FLAT, encoding="utf-8")
    terminal = invoke(["run", str(path), "--lang", lang], env={"COLUMNS": "200", "NO_COLOR": "1"}).stdout
    markdown = invoke(["run", str(path), "--lang", lang, "-f", "markdown"]).stdout
    header = next(line for line in terminal.splitlines() if label("channel", lang) in line and "┃" in line)
    assert NAME[lang] in header and not re.search(r"Max (cost|fee|CPM)|最高费用|最高单条费用|最高 CPM", header), header
    assert f"| {NAME[lang]} |" in markdown
    assert CAPTION[lang, plan] in " ".join(line.strip() for line in terminal.splitlines())
    assert f"_{CAPTION[lang, plan]}_" in markdown
    book = tmp_path / "plan.xlsx"
    assert invoke(["run", str(path), "--lang", lang, "-f", "xlsx", "-o", str(book)]).exit_code == 0
    sheet_header = next(openpyxl.load_workbook(book, read_only=True).worksheets[1].iter_rows(values_only=True))
    assert f"{NAME[lang]} (CNY)" in sheet_header


def test_a_table_of_bids_alone_needs_no_caption(example: Path) -> None:
    for args in (["run"], ["run", "-f", "markdown"]):
        assert "by kind of channel" not in invoke([args[0], str(example), *args[1:]]).stdout
