"""`actuals`' summary line (QA round 2): the rows --sum-duplicates keeps (finding 10), and each totals label skipped
with its spend (1)."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from actuals_plans import two_channel_plan
from cli_runner import invoke
from rich.cells import cell_len

PLAN = two_channel_plan("Summary test")

DAYS = [datetime.date(2025, 3, 1) + datetime.timedelta(days=n) for n in range(5)]


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def _daily(header: str, first: datetime.date, last: datetime.date, row: str) -> str:
    days = (last - first).days + 1
    return header + "".join(f"{first + datetime.timedelta(days=n)},{row}\n" for n in range(days))


def test_the_summary_counts_the_rows_kept_when_duplicates_are_summed(tmp_path: Path, plan: Path) -> None:
    header = "stat_time_day,campaign_name,campaign_id,stat_cost\n"
    first = tmp_path / "a.csv"
    first.write_text(_daily(header, DAYS[0], datetime.date(2025, 3, 3), "dy_a,1790001,100"), encoding="utf-8")
    second = tmp_path / "b.csv"
    second.write_text(_daily(header, datetime.date(2025, 3, 2), datetime.date(2025, 3, 5), "dy_a,1790001,100"),
                      encoding="utf-8")
    result = invoke(["actuals", str(plan), str(first), str(second), "--sum-duplicates", "-f", "json"])
    # 3 + 4 = 7 rows read; 03-02 and 03-03 of b.csv summed into a.csv's: 5 campaign-days kept.
    assert result.stderr.splitlines() == [
        "5 rows from 2 exports through 2025-03-05", "7 rows read, 2 summed into the same campaign-day's row",
        "every campaign matched a channel"]
    data = json.loads(result.stdout)
    assert [(source["rows"], source["summed"]) for source in data["sources"]] == [(3, 0), (4, 2)]
    assert data["channels"][0]["rows"] == 5
    zh = invoke(["actuals", str(plan), str(first), str(second), "--sum-duplicates", "--lang", "zh", "-f", "json"])
    assert zh.stderr.splitlines()[:2] == ["2 个报表共 5 行，截至 2025-03-05", "读取 7 行，其中 2 行并入同一计划同一天的行"]


def test_the_summary_lists_each_totals_label_with_its_spend(tmp_path: Path, plan: Path) -> None:
    console = tmp_path / "oe.csv"
    console.write_text("日期,计划名称,消耗(元)\n2025-03-01,抖音A,1000\n2025-03-01,小计,1000\n2025-03-02,抖音A,2000\n"
                       "2025-03-02,小计,2000\n合计,,3000\n", encoding="utf-8")
    labels = tmp_path / "labels.csv"
    labels.write_text("date,campaign,spend\n" + "".join(f"Total: {n},,{n}\n" for n in range(1, 7)) +
                      "2025-03-01,dy_b,1\n", encoding="utf-8")
    result = invoke(["actuals", str(plan), str(console), str(labels)])
    # 小计 1,000 + 2,000 = 3,000 over two rows; 合计 3,000; then the first three of six labels, three more counted.
    assert result.stderr.splitlines() == [
        "3 rows from 2 exports through 2025-03-02",
        "skipped as totals: 小计 3,000.00 (2 rows), 合计 3,000.00 (1 row), Total: 1 1.00 (1 row), Total: 2 2.00 "
        "(1 row), Total: 3 3.00 (1 row) and 3 more", "every campaign matched a channel"]
    zh = invoke(["actuals", str(plan), str(console), "--lang", "zh"])
    assert zh.stderr.splitlines() == [
        "1 个报表共 2 行，截至 2025-03-02", "作为合计行跳过：小计 3,000.00（2 行）、合计 3,000.00（1 行）",
        "每个广告计划都已匹配到渠道"]
    table = invoke(["actuals", str(plan), str(console)], env={"COLUMNS": "200"}).stdout
    assert "  skipped as totals: 小计 3,000.00 (2 rows), 合计 3,000.00 (1 row)" in table


def test_a_count_of_one_takes_the_singular(tmp_path: Path, plan: Path) -> None:
    export = tmp_path / "one.csv"
    export.write_text("date,campaign,spend\n2025-03-01,brand_x,500\n", encoding="utf-8")
    result = invoke(["actuals", str(plan), str(export)], env={"COLUMNS": "200"})
    # One row, of one export, of one campaign no channel matches: never "1 rows", "1 export(s)".
    assert result.stderr.splitlines() == ["1 row from 1 export through 2025-03-01", "unmatched spend 500.00 in 1 campaign"]
    assert "one.csv: generic, 1 row; columns" in result.stdout
    zh = invoke(["actuals", str(plan), str(export), "--lang", "zh"], env={"COLUMNS": "200"})
    assert zh.stderr.splitlines() == ["1 个报表共 1 行，截至 2025-03-01", "1 个广告计划未匹配，广告支出 500.00"]
    assert "one.csv：通用 CSV，1 行；使用列" in zh.stdout


def test_the_rows_summed_into_an_earlier_one_are_counted_in_words(tmp_path: Path, plan: Path) -> None:
    export = tmp_path / "twice.csv"
    export.write_text("date,campaign,spend\n2025-03-01,dy_a,100\n2025-03-01,dy_a,200\n", encoding="utf-8")
    table = invoke(["actuals", str(plan), str(export), "--sum-duplicates"], env={"COLUMNS": "200"}).stdout
    assert "  1 row summed into an earlier row of the same campaign-day (--sum-duplicates)" in table


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_summary_is_one_line_of_each_thing_and_fits_80_columns(tmp_path: Path, plan: Path, lang: str) -> None:
    # Stderr is never wrapped (a CI log or a pipe greps each line whole), so the summary is several short lines where
    # one of everything ran past 80 columns: 82 for README's example, 130 for an hourly export.
    hourly = tmp_path / "hourly.csv"
    hourly.write_text("date,hour,campaign,spend\n" + "".join(
        f"{day},{hour},dy_a,1\n" for day in DAYS[:2] for hour in range(24)), encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    readme = invoke(["actuals", str(root / "scenarios" / "chat-assistant-cpa.yaml"),
                     str(root / "examples" / "actuals" / "douyin-ocean-engine.csv"),
                     str(root / "examples" / "actuals" / "bilibili.csv"), "--map", "Douyin activation CPA=dy_*",
                     "--map", "Bilibili CPA (registered user)=bili_*", "--lang", lang], env={"COLUMNS": "80"})
    result = invoke(["actuals", str(plan), str(hourly), "--lang", lang], env={"COLUMNS": "80"})
    # 2 days x 24 hours read, their 48 rows summed into 2 campaign-days (46 of them into an earlier one).
    assert (readme.stderr.splitlines(), result.stderr.splitlines()) == ({
        "en": (["124 rows from 2 exports through 2025-04-15", "unmatched spend 3,000.00 in 1 campaign"],
               ["2 rows from 1 export through 2025-03-02", "48 rows read, 46 summed into the same campaign-day's row",
                "every campaign matched a channel"]),
        "zh": (["2 个报表共 124 行，截至 2025-04-15", "1 个广告计划未匹配，广告支出 3,000.00"],
               ["1 个报表共 2 行，截至 2025-03-02", "读取 48 行，其中 46 行并入同一计划同一天的行", "每个广告计划都已匹配到渠道"]),
    }[lang])
    assert max(cell_len(line) for line in [*readme.stderr.splitlines(), *result.stderr.splitlines()]) <= 80
