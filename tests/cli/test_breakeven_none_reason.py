"""Why `breakeven` has no value (QA zh3 F10, F11): markdown says "none (always holds)" or "none (out of reach)" as the
terminal and the report do, with the definition under the table; JSON names the reason; the driver's label is in
--lang in CSV and English in JSON (docs/formulas.md §10).

Plans, by hand: one cpa channel buys 100 users a month at 10 each for one month, each buying one item. A channel's
volume scales its spend and its users' money alike, so ROI is the same at every volume: with the item at 20 each user
brings more than the 10 paid for it (20 less any store share and serving is still above 10 here, as no share is set),
ROI > 0 and month 1 pays back at every volume: "always holds". With the item at 5, each user brings at most 5 < 10:
no volume reaches ROI = 0: "out of reach". The bid does have a break-even, so its reason is null."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from cli_runner import invoke

PLAN = """version: 1
name: Reasons
horizon_months: 1
acquisition:
  - {{name: A, type: cpa, bid: 10, users: 100}}
retention: {{monthly_churn: 0.5}}
monetization:
  purchases: [{{name: Item, price: {price}, rate: 1}}]
"""


def _plan(tmp_path: Path, price: int) -> Path:
    path = tmp_path / f"p{price}.yaml"
    path.write_text(PLAN.format(price=price), encoding="utf-8")
    return path


def _out(*args: str | Path, lang: str = "en") -> str:
    result = invoke(["breakeven", *map(str, args), "--lang", lang], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize(("price", "lang", "cell", "note"), [
    (20, "en", "none (always holds)", "_Always holds: at every valid value of that driver._"),
    (20, "zh", "无（始终成立）", "_始终成立：该驱动因素取任何有效值都成立。_"),
    (5, "en", "none (out of reach)", "_Out of reach: that driver alone reaches it at no valid value._"),
    (5, "zh", "无（无法达到）", "_无法达到：只变动该驱动因素，任何有效取值都达不到。_"),
])
def test_markdown_says_why_a_volume_has_no_break_even(tmp_path: Path, price: int, lang: str, cell: str, note: str) -> None:
    markdown = _out(_plan(tmp_path, price), "-f", "markdown", lang=lang)
    volume = next(line for line in markdown.splitlines() if line.startswith("| acquisition[A].users |"))
    assert volume.count(f"| {cell} |") == 2  # ROI = 0 and payback, each with its reason
    assert note in markdown.splitlines()


@pytest.mark.parametrize(("price", "reason"), [(20, "holds"), (5, "out_of_reach")])
def test_json_names_the_reason_per_threshold(tmp_path: Path, price: int, reason: str) -> None:
    drivers = {row["path"]: row for row in json.loads(_out(_plan(tmp_path, price), "-f", "json"))["drivers"]}
    assert drivers["acquisition[0].users"]["roi_zero"] is None
    assert drivers["acquisition[0].users"]["none_reason"] == {"roi_zero": reason, "payback_target": reason}
    assert drivers["acquisition[0].bid"]["none_reason"] == {"roi_zero": None, "payback_target": None}


def test_the_label_is_in_lang_in_csv_and_english_in_json(tmp_path: Path) -> None:
    """The project's rule (docs/ci.md): what a machine reads stays English; CSV's label is a word for people."""
    plan = _plan(tmp_path, 20)
    rows = {row["path"]: row["label"] for row in csv.DictReader(io.StringIO(_out(plan, "-f", "csv", lang="zh")))}
    assert rows["acquisition[0].bid"] == "A 出价"
    drivers = json.loads(_out(plan, "-f", "json", lang="zh"))["drivers"]
    assert {row["path"]: row["label"] for row in drivers}["acquisition[0].bid"] == "A bid"


@pytest.mark.parametrize(("price", "reason"), [(20, "holds"), (5, "out_of_reach")])
def test_csv_names_the_reason_per_threshold_as_json_does(tmp_path: Path, price: int, reason: str) -> None:
    """QA: CSV left both cells empty, so "always holds" and "out of reach" read alike in a spreadsheet."""
    rows = {row["path"]: row for row in csv.DictReader(io.StringIO(_out(_plan(tmp_path, price), "-f", "csv")))}
    volume, bid = rows["acquisition[0].users"], rows["acquisition[0].bid"]
    assert (volume["roi_zero"], volume["payback_target"]) == ("", "")
    assert (volume["roi_zero_none_reason"], volume["payback_target_none_reason"]) == (reason, reason)
    assert (bid["roi_zero_none_reason"], bid["payback_target_none_reason"]) == ("", "")


def test_csv_says_no_roi_where_a_plan_has_no_ad_spend(tmp_path: Path) -> None:
    """A plan of organic users only: no spend, no ROI, so no ROI break-even for any driver (JSON's "no_roi")."""
    path = tmp_path / "organic.yaml"
    path.write_text("version: 1\nname: Organic\nhorizon_months: 1\norganic_users: 100\nretention: {monthly_churn: 0.5}\n"
                    "monetization:\n  purchases: [{name: Item, price: 20, rate: 1}]\n", encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(_out(path, "-f", "csv"))))
    assert rows and {row["roi_zero_none_reason"] for row in rows} == {"no_roi"}
