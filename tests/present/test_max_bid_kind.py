"""Every export says, row by row, what a channel's max bid prices (docs/formulas.md §12): a finance analyst read a
kol channel's max fee per post (1,165.39) beside its CAC (7.08) in the xlsx, and a max CPM in the CSV, as bids per
user; only the terminal's caption said which was which."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest
from cli_runner import invoke

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
GATED = str(SCENARIOS / "creators-first-gated.yaml")  # kol, cpm, cpa, then organic
SUBWAY = str(SCENARIOS / "brand-subway.yaml")  # a flat channel

# By hand, from the four types' inputs (docs/formulas.md §4.1): what one unit of each buys.
KIND = {"kol": "fee", "cpm": "cpm", "cpa": "bid", "flat": "cost", "organic": ""}
WORDS = {"en": {"kol": "Max fee (per post)", "cpm": "Max CPM (per 1,000 impressions)", "cpa": "Max bid (per new user)",
                "flat": "Max cost (per month)", "organic": None},
         "zh": {"kol": "最高单条费用（每条）", "cpm": "最高 CPM（每千次展示）", "cpa": "最高出价（每个新用户）",
                "flat": "最高费用（每月）", "organic": None}}


@pytest.mark.parametrize("path", [GATED, SUBWAY])
def test_the_csv_and_json_name_each_rows_unit_cost(path: str) -> None:
    result = invoke(["run", path, "-f", "csv", "--table", "channels", "-q"])
    assert result.exit_code in (0, 1), result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["max_unit_cost_kind"] for row in rows] == [KIND[row["type"]] for row in rows]
    channels = json.loads(invoke(["run", path, "-f", "json", "-q"]).stdout)["channels"]
    assert [channel["max_unit_cost_kind"] for channel in channels] == [KIND[c["type"]] or None for c in channels]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_channels_sheet_says_each_rows_unit_cost_in_words(tmp_path: Path, lang: str) -> None:
    book = tmp_path / "plan.xlsx"
    for path in (GATED, SUBWAY):
        assert invoke(["run", path, "-f", "xlsx", "-o", str(book), "--lang", lang, "--force", "-q"]).exit_code in (0, 1)
        channels = json.loads(invoke(["run", path, "-f", "json", "-q"]).stdout)["channels"]
        rows = list(openpyxl.load_workbook(book).worksheets[1].iter_rows(values_only=True))
        column = rows[0].index({"en": "Max bid is", "zh": "最高出价含义"}[lang])
        assert column == rows[0].index(next(h for h in rows[0] if str(h).startswith(("Max bid factor", "最高出价倍数")))) + 1
        assert [row[column] for row in rows[1:]] == [WORDS[lang][channel["type"]] for channel in channels]
