"""At most 100 errors listed per export, then their count (docs/actuals.md "Errors", docs/limits.md), whichever stage
finds them: a cell's, a campaign-day repeated (found once every export is read) and a campaign two channels match
(found once the exports are matched to channels) alike. Each of the last two once listed every one of them: 100,000
lines for an export read beside its re-saved copy."""

from __future__ import annotations

from pathlib import Path

from cli_runner import invoke
from export_files import HORIZON, export_errors, written

from aigc_roi.model.errors import ScenarioError

ROWS = 150
"""Campaign-days in each export below: each is its own campaign on one day of January 2025."""


def _days(count: int, newline: str = "\n") -> str:
    return "date,campaign,spend" + newline + "".join(f"2025-01-{1 + i % 31:02d},c{i},1{newline}" for i in range(count))


def test_repeated_rows_of_one_export_are_capped(tmp_path: Path) -> None:
    # The 150 rows at lines 2..151, then each again at lines 152..301: 150 repeats, the 100th (c99) at line 251.
    text = _days(ROWS)
    path = written(tmp_path, text + text.split("\n", 1)[1])
    errors = export_errors([path], HORIZON)
    assert len(errors) == 101
    assert errors[0] == (f"{path}:152:2: campaign: expected one row per day and campaign (or sum_duplicates=True), "
                         f"found 2025-01-01 'c0' again (first at {path}:2:2)")
    assert errors[99].startswith(f"{path}:251:2: campaign: ") and "'c99' again" in errors[99]
    assert errors[100] == f"{path}:251:1: 50 more errors in this file"


def test_an_export_beside_its_resaved_copy_is_capped_at_the_copy(tmp_path: Path) -> None:
    # The copy's lines end in CRLF: other bytes, so it is read, and each of its 150 rows repeats the first export's.
    first = written(tmp_path, _days(ROWS), "a.csv")
    copy = written(tmp_path, _days(ROWS, "\r\n"), "b.csv")
    errors = export_errors([first, copy], HORIZON)
    assert len(errors) == 101 and all(error.startswith(f"{copy}:") for error in errors)
    assert errors[100] == f"{copy}:101:1: 50 more errors in this file"


def test_cell_errors_and_repeats_of_one_export_share_its_cap(tmp_path: Path) -> None:
    # 60 spend cells that are no number (lines 2..61), then 60 rows repeating lines 62..121 (lines 122..181): 120
    # errors of the file, the cells' found first, so the 100th is the 40th repeat, at line 161.
    bad = "".join(f"2025-02-{1 + i % 28:02d},x{i},none\n" for i in range(60))
    good = "".join(f"2025-03-{1 + i % 31:02d},d{i},1\n" for i in range(60))
    path = written(tmp_path, "date,campaign,spend\n" + bad + good + good)
    errors = export_errors([path], HORIZON)
    assert len(errors) == 101
    assert errors[0].startswith(f"{path}:2:3: spend: ")
    assert errors[99].startswith(f"{path}:161:2: campaign: ")
    assert errors[100] == f"{path}:161:1: 20 more errors in this file"


def test_campaigns_two_channels_match_are_capped(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("name: Cap\nstart: 2025-01\nhorizon_months: 6\nacquisition:\n"
                    "  - {name: A, type: cpa, bid: 10, budget: 1000, match: ['c*']}\n"
                    "  - {name: B, type: cpa, bid: 10, budget: 1000, match: ['*']}\n"
                    "retention: {monthly_churn: 0.5}\n"
                    "monetization:\n  purchases:\n    - {name: Pack, price: 10, rate: 1}\n", encoding="utf-8")
    export = written(tmp_path, _days(ROWS))
    for lang, more in (("en", "50 more errors in this file"), ("zh", "此文件还有 50 个错误")):
        result = invoke(["actuals", str(plan), str(export), "--lang", lang])
        lines = result.stderr.splitlines()
        assert result.exit_code == 2 and len(lines) == 101
        assert lines[99].startswith(f"{export}:101:2: campaign: ") and "'c99'" in lines[99]
        assert lines[100] == f"{export}:101:1: {more}"


def test_each_file_is_capped_in_place() -> None:
    from aigc_roi.model.errors import capped_each_file

    # 102 errors of a.csv around 3 of b.csv: a's first 100 listed, then its count (2), after its 100th; b's all.
    errors = ([ScenarioError("a.csv", line, 1, "", "x") for line in range(1, 51)]
              + [ScenarioError("b.csv", line, 1, "", "y") for line in range(1, 4)]
              + [ScenarioError("a.csv", line, 1, "", "x") for line in range(51, 103)])
    kept = capped_each_file(errors)
    assert len(kept) == 104
    assert str(kept[102]) == "a.csv:100:1: x" and str(kept[103]) == "a.csv:100:1: 2 more errors in this file"
    assert kept[103].omitted == 2 and sum(error.counted for error in kept) == len(errors)
    assert [error.file for error in kept[50:53]] == ["b.csv"] * 3
