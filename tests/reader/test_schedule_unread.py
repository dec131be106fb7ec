"""A month set into a schedule that its item never reads (QA: s5.yaml's channel runs ``months: 3-8`` on ``bid: {by_month:
{1: 10, 10: 28}}``; ``--set ...by_month.1=20`` said "this sets the key at month 1; to set it alone, also set
...by_month.2=12", which followed makes the setting change nothing, and ``...by_month.12=5`` said nothing at all).

Now it says the month is not read and what the setting changes instead: the months read on the line to the next key,
or nothing read. No key is offered where no month set is read. Months worked by hand from docs/formulas.md §14, with
100 users a month at the bid, so each month's ad spend is 100 x its bid, 0 outside months 3-8."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke

PLAN = """version: 1
name: Schedule
horizon_months: 12
acquisition:
  - {name: Feed, type: cpa, bid: {by_month: {1: 10, 10: 28}}, users: 100, months: 3-8}
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: Item, price: 8, rate: 1}]
"""
AS_WRITTEN = [0, 0, 1400, 1600, 1800, 2000, 2200, 2400, 0, 0, 0, 0]
"""10 + 2 (t - 1) in months 3-8: 14, 16, ..., 24."""


def _run(tmp_path: Path, sets: list[str], lang: str = "en") -> tuple[list[float], str]:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    result = invoke(["run", str(path), "--format", "json", "--lang", lang, *(f"--set={text}" for text in sets)])
    assert result.exit_code == 0, result.stderr
    return [month["ad_spend"] for month in json.loads(result.stdout)["months"]], result.stderr.rstrip()


def test_a_month_before_the_channel_runs_names_what_it_changes(tmp_path: Path) -> None:
    spend, said = _run(tmp_path, ["acquisition[0].bid.by_month.1=20"])
    # Keys 1: 20, 10: 28: month t is 20 + 8/9 (t - 1), month 3 21.78 (was 14), month 8 26.22 (was 24).
    assert spend[2] == pytest.approx(100 * (20 + 16 / 9)) and spend[7] == pytest.approx(100 * (20 + 56 / 9))
    assert spend[:2] == [0, 0] and spend[8:] == [0, 0, 0, 0]
    assert said.endswith("acquisition[0].bid.by_month: month 1 is not read (acquisition[0] runs in months 3-8): what "
                         "this setting changes is months 3-8, read on the line a by_month runs straight between its "
                         "keys (docs/formulas.md §14)")
    # No by_month.2=12: it would keep months 3-8 as written, and the setting would change nothing.
    assert "alone" not in said and "by_month.2=" not in said
    _, zh = _run(tmp_path, ["acquisition[0].bid.by_month.1=20"], "zh")
    assert zh.endswith("第 1 月不会被读取（acquisition[0] 只在第 3-8 月运行）：此设置实际改变的只是第 3-8 月，"
                       "按月取值在给定月份之间线性变化（docs/formulas.md §14）")


def test_a_month_after_it_that_moves_nothing_read_says_so(tmp_path: Path) -> None:
    # Keys 1: 10, 10: 28, 12: 5: month 11 is 16.5, month 12 5, neither read; months 3-8 as written.
    spend, said = _run(tmp_path, ["acquisition[0].bid.by_month.12=5"])
    assert spend == pytest.approx(AS_WRITTEN)
    assert said.endswith("month 12 is not read (acquisition[0] runs in months 3-8): this setting changes nothing read")
    _, zh = _run(tmp_path, ["Feed.bid.by_month.12=5"], "zh")
    assert zh.endswith("Feed.bid.by_month: 第 12 月不会被读取（Feed 只在第 3-8 月运行）：此设置不改变任何被读取的月份")
    # With a month read set where the line was (5 at 18, 10 + 2 x 4): nothing else read moved.
    spend, said = _run(tmp_path, ["acquisition[0].bid.by_month.12=5", "acquisition[0].bid.by_month.5=18"])
    assert spend == pytest.approx(AS_WRITTEN)
    assert said.endswith("month 12 is not read (acquisition[0] runs in months 3-8): setting it changes nothing read")


def test_keys_are_offered_for_the_months_set_that_are_read(tmp_path: Path) -> None:
    spend, said = _run(tmp_path, ["acquisition[0].bid.by_month.1=20", "acquisition[0].bid.by_month.5=20"])
    # Keys 1: 20, 5: 20, 10: 28: months 3-4 20 (were 14, 16), 6-8 20 + 8/5 (t - 5), 21.6, 23.2, 24.8 (were 20-24).
    assert spend[2:8] == pytest.approx([2000, 2000, 2000, 2160, 2320, 2480])
    assert "month 1 is not read (acquisition[0] runs in months 3-8); months 3-4, 6-8 moved too" in said
    # Month 5 alone: 2=12 brings month 3 back to 14 (from 1: 20 the line to 4=16 gave 17.33), 4=16, 6=20 (10 + 2 x 5)
    # so months 7-9 run 20 -> 28 again: 22, 24, 26.
    assert said.endswith("to set month 5 alone, also set acquisition[0].bid.by_month.2=12, "
                         "acquisition[0].bid.by_month.4=16 and acquisition[0].bid.by_month.6=20")
    spend, _ = _run(tmp_path, ["acquisition[0].bid.by_month.1=20", "acquisition[0].bid.by_month.5=20",
                               "acquisition[0].bid.by_month.2=12", "acquisition[0].bid.by_month.4=16",
                               "acquisition[0].bid.by_month.6=20"])
    assert spend == pytest.approx([*AS_WRITTEN[:4], 2000, *AS_WRITTEN[5:]])
    _, zh = _run(tmp_path, ["acquisition[0].bid.by_month.1=20", "acquisition[0].bid.by_month.5=20"], "zh")
    assert "第 1 月不会被读取（acquisition[0] 只在第 3-8 月运行）；第 3-4、6-8 月也随之改变" in zh
    assert zh.endswith("若只改第 5 月，请同时设置 acquisition[0].bid.by_month.2=12、acquisition[0].bid.by_month.4=16、"
                       "acquisition[0].bid.by_month.6=20")
