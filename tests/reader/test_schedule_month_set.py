"""A ``--set`` of one month of a by_month schedule says which other months it moved (QA: ``--set
'acquisition[0].bid.by_month.6=30'`` on ``bid: {by_month: {1: 10, 10: 28}}`` made month 6 a key, so months 2-5 ramped
to 30 and 7-9 back down to 28, with nothing said).

The setting keeps the file's meaning of a key (docs/formulas.md §14: straight between keys, the last held to the end);
a warning names the months that moved besides the one set and the keys that set it alone, each month next to it at
the value it has now. Month values are worked by hand from §14 with 100 users a month at the bid, so each month's ad
spend is 100 x its bid.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke

PLAN = """version: 1
name: Schedule
horizon_months: 12
acquisition:
  - {{name: Feed, type: cpa, bid: {bid}, users: 100}}
retention: {{monthly_churn: 0.5}}
monetization:
  purchases: [{{name: Item, price: 8, rate: 1}}]
"""
BID = "{by_month: {1: 10, 10: 28}}"
"""10 in month 1 rising by 2 a month to 28 in month 10, held after: 10, 12, 14, ..., 26, 28, 28, 28."""


def _run(tmp_path: Path, sets: list[str], lang: str = "en", bid: str = BID) -> tuple[list[float], str]:
    """Each month's ad spend, and what stderr says."""
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN.format(bid=bid), encoding="utf-8")
    result = invoke(["run", str(path), "--format", "json", "--lang", lang, *(f"--set={text}" for text in sets)])
    assert result.exit_code == 0, result.stderr
    return [month["ad_spend"] for month in json.loads(result.stdout)["months"]], result.stderr


def test_a_month_set_into_a_schedule_names_the_months_it_moved(tmp_path: Path) -> None:
    spend, said = _run(tmp_path, ["acquisition[0].bid.by_month.6=30"])
    # Keys 1: 10, 6: 30, 10: 28. Months 2-5 climb (30 - 10) / 5 = 4 a month: 14, 18, 22, 26; months 7-9 fall
    # (28 - 30) / 4 = -0.5 a month: 29.5, 29, 28.5; 28 after month 10.
    bids = [10, 14, 18, 22, 26, 30, 29.5, 29, 28.5, 28, 28, 28]
    assert spend == pytest.approx([100 * bid for bid in bids])
    # As written the bid was 10 + 2 (t - 1): months 2-5 read 12-18 and 7-9 22-26, so those moved; 1, 10-12 did not.
    assert "acquisition[0].bid.by_month: months 2-5, 7-9 moved too" in said
    assert "this sets the key at month 6" in said
    # Months 5 and 7 as written: 10 + 2 x 4 = 18 and 10 + 2 x 6 = 22.
    assert said.rstrip().endswith("to set it alone, also set acquisition[0].bid.by_month.5=18 and "
                                  "acquisition[0].bid.by_month.7=22")


def test_the_keys_offered_set_that_month_alone(tmp_path: Path) -> None:
    spend, said = _run(tmp_path, ["acquisition[0].bid.by_month.6=30", "acquisition[0].bid.by_month.5=18",
                                  "acquisition[0].bid.by_month.7=22"])
    # Every month as written (10 + 2 (t - 1), 28 from month 10) but month 6 at 30; nothing else moved, nothing said.
    bids = [10, 12, 14, 16, 18, 30, 22, 24, 26, 28, 28, 28]
    assert spend == pytest.approx([100 * bid for bid in bids])
    assert "moved too" not in said


def test_a_key_past_the_last_moves_the_months_up_to_it(tmp_path: Path) -> None:
    # Keys 1: 10, 10: 28, 12: 40: month 11 is halfway from 28 to 40, 34, where it held 28; month 12 is set.
    spend, said = _run(tmp_path, ["Feed.bid.by_month.12=40"])
    assert spend[9:] == pytest.approx([2800, 3400, 4000])
    # The path as the setting wrote it, by the channel's name (as the refusal of a month of a value written once has it).
    assert "Feed.bid.by_month: month 11 moved too" in said and said.rstrip().endswith("also set Feed.bid.by_month.11=28")


def test_no_key_is_offered_where_none_writes_the_month_exactly(tmp_path: Path) -> None:
    # Written {1: 10, 4: 20}: month 2 is 10 + 10/3, no decimal; with month 3 at 40 it is 25, halfway from 10 to 40.
    spend, said = _run(tmp_path, ["acquisition[0].bid.by_month.3=40"], bid="{by_month: {1: 10, 4: 20}}")
    assert spend[:5] == pytest.approx([1000, 2500, 4000, 2000, 2000])
    assert "month 2 moved too" in said and "alone" not in said


def test_a_schedule_set_whole_says_nothing(tmp_path: Path) -> None:
    spend, said = _run(tmp_path, ["acquisition[0].bid={by_month: {1: 10, 6: 30}}"])
    assert spend[:6] == pytest.approx([1000, 1400, 1800, 2200, 2600, 3000])
    assert "moved too" not in said


def test_in_chinese(tmp_path: Path) -> None:
    _, said = _run(tmp_path, ["acquisition[0].bid.by_month.6=30"], lang="zh")
    assert "第 2-5、7-9 月也随之改变" in said and "此设置给出第 6 月的取值" in said
    assert "若只改第 6 月，请同时设置 acquisition[0].bid.by_month.5=18、acquisition[0].bid.by_month.7=22" in said


def test_the_months_past_the_last_key_are_offered_at_its_value(tmp_path: Path) -> None:
    # Written {1: 10, 4: 20}: 10, 13.3, 16.7, then 20 held from month 4 on (docs/formulas.md §14's example).
    # With month 6 at 30: month 5 is halfway from 20 to 30, 25, and months 7-12 hold 30, where all read 20.
    spend, said = _run(tmp_path, ["acquisition[0].bid.by_month.6=30"], bid="{by_month: {1: 10, 4: 20}}")
    assert spend[3:8] == pytest.approx([2000, 2500, 3000, 3000, 3000])
    assert "months 5, 7-12 moved too" in said
    # Months 5 and 7 as written are 20 (held past the last key), not 10 + 10/3.
    assert said.rstrip().endswith("also set acquisition[0].bid.by_month.5=20 and acquisition[0].bid.by_month.7=20")


def test_a_key_set_where_the_line_was_needs_no_key_beside_it(tmp_path: Path) -> None:
    # Month 5 at 18 is where {1: 10, 10: 28} already was (10 + 2 x 4): months 2-4 still run 12, 14, 16 from 10 to 18,
    # so no key at month 4 is needed; months 7-9 run from 30 to 28 (29.5, 29, 28.5 where they were 22, 24, 26).
    spend, said = _run(tmp_path, ["acquisition[0].bid.by_month.6=30", "acquisition[0].bid.by_month.5=18"])
    assert spend[:10] == pytest.approx([100 * bid for bid in [10, 12, 14, 16, 18, 30, 29.5, 29, 28.5, 28]])
    # Both options wrote a key, so the warning is located at both.
    assert said.startswith("--set acquisition[0].bid.by_month.6=30, --set acquisition[0].bid.by_month.5=18:1:1: ")
    assert "months 7-9 moved too" in said and "these set the keys at months 5-6" in said
    # Only month 7, at 10 + 2 x 6 = 22: the advice does not grow as it is followed (it once asked for 4=16, then 3=14).
    assert said.rstrip().endswith("to set them alone, also set acquisition[0].bid.by_month.7=22")
    _, said = _run(tmp_path, ["acquisition[0].bid.by_month.6=30", "acquisition[0].bid.by_month.5=18",
                              "acquisition[0].bid.by_month.4=16"])
    assert said.rstrip().endswith("to set them alone, also set acquisition[0].bid.by_month.7=22")


LONG_PLAN = PLAN.replace("horizon_months: 12", "horizon_months: 24")
RANGED = "{by_month: {1: 10, 10: 28, 20: 30..40}}"
"""10, 12, ..., 28 in months 1-10, then from 28 toward the range 30..40 at month 20."""


def _run_long(tmp_path: Path, sets: list[str], lang: str = "en") -> tuple[list[float], str]:
    path = tmp_path / "long.yaml"
    path.write_text(LONG_PLAN.format(bid=RANGED), encoding="utf-8")
    result = invoke(["run", str(path), "--format", "json", "--lang", lang, *(f"--set={text}" for text in sets)])
    assert result.exit_code == 0, result.stderr
    return [month["ad_spend"] for month in json.loads(result.stdout)["months"]], result.stderr


def test_a_range_at_another_key_still_lets_the_keys_be_offered(tmp_path: Path) -> None:
    # Months 5 and 7 lie between the numbers 10 (month 1) and 28 (month 10): 18 and 22, whatever month 20 holds.
    spend, said = _run_long(tmp_path, ["acquisition[0].bid.by_month.6=30"])
    assert spend[:10] == pytest.approx([100 * bid for bid in [10, 14, 18, 22, 26, 30, 29.5, 29, 28.5, 28]])
    assert "months 2-5, 7-9 moved too" in said
    assert said.rstrip().endswith("also set acquisition[0].bid.by_month.5=18 and acquisition[0].bid.by_month.7=22")
    _, said = _run_long(tmp_path, ["acquisition[0].bid.by_month.6=30"], lang="zh")
    assert "请同时设置 acquisition[0].bid.by_month.5=18、acquisition[0].bid.by_month.7=22" in said


def test_a_month_beside_a_range_is_offered_no_key(tmp_path: Path) -> None:
    # Month 15 at 50: months 11-14 run from 28 to 50 and 16-19 from 50 to the range; as written, months 14 and 16 are
    # 28 + (range - 28) x 4/10 and x 6/10, a share of a range, which no number writes: the months are named alone.
    spend, said = _run_long(tmp_path, ["acquisition[0].bid.by_month.15=50"])
    assert spend[9:15] == pytest.approx([2800, 3240, 3680, 4120, 4560, 5000])
    assert "months 11-14, 16-19 moved too" in said and "alone" not in said


def test_each_option_that_wrote_a_key_is_named(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN.format(bid=BID), encoding="utf-8")
    result = invoke(["compare", str(path), "--variant", "hot: acquisition[0].bid.by_month.6=30",
                     "--set", "acquisition[0].bid.by_month.3=5"])
    assert result.exit_code == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if "moved too" in line]
    # The file with the --set: keys 1: 10, 3: 5, 10: 28; month 2 is 7.5 (was 12), months 4-9 5 + 23/7 (t - 3), which
    # meets 10 + 2 (t - 1) only at t = 10; keys 2=12 and 4=16 (10 + 2 x 1, 10 + 2 x 3) hold them.
    assert ("--set acquisition[0].bid.by_month.3=5:1:1: acquisition[0].bid.by_month: months 2, 4-9 moved too" in lines[0]
            and lines[0].endswith(f"also set acquisition[0].bid.by_month.2=12 and acquisition[0].bid.by_month.4=16 (in {path})"))
    # The variant's column: the --set wrote month 3 and the --variant month 6, so it is located at both. Months 4-5 run
    # 5 -> 30 (13.3, 21.7, were 16, 18) and 7-9 30 -> 28; month 5 at 18 and month 7 at 22 join 2=12 and 4=16.
    assert lines[1].startswith("--set acquisition[0].bid.by_month.3=5, --variant acquisition[0].bid.by_month.6=30:1:1: "
                               "acquisition[0].bid.by_month: months 2, 4-5, 7-9 moved too")
    assert "these set the keys at months 3, 6" in lines[1]
    assert lines[1].endswith(f"acquisition[0].bid.by_month.5=18 and acquisition[0].bid.by_month.7=22 (in --variant 'hot' of {path})")
    zh = invoke(["compare", str(path), "--variant", "hot: acquisition[0].bid.by_month.6=30",
                 "--set", "acquisition[0].bid.by_month.3=5", "--lang", "zh"]).stderr
    assert "这些设置给出第 3、6 月的取值" in zh and "此设置给出第 3 月的取值" in zh


def test_the_path_is_written_as_the_option_wrote_it(tmp_path: Path) -> None:
    _, said = _run(tmp_path, ["acquisition[Feed].bid.by_month.10=30"])
    # Key 10 from 28 to 30: months 2-9 run 10 + 20/9 (t - 1) (month 2 12.2, was 12) and 11-12 hold 30 (were 28).
    assert "acquisition[Feed].bid.by_month: months 2-9, 11-12 moved too" in said
    assert said.rstrip().endswith("also set acquisition[Feed].bid.by_month.9=26 and acquisition[Feed].bid.by_month.11=28")
    _, said = _run(tmp_path, ["acquisition[Feed].bid.by_month.10=30"], lang="zh")
    assert "请同时设置 acquisition[Feed].bid.by_month.9=26、acquisition[Feed].bid.by_month.11=28" in said
    # A name with a space, in Chinese, as the path's first word: the text as typed, which no segment reads.
    path = tmp_path / "named.yaml"
    path.write_text(PLAN.format(bid=BID).replace("name: Feed", "name: 抖音 信息流"), encoding="utf-8")
    said = invoke(["run", str(path), "--set", "抖音 信息流.bid.by_month.10=30"]).stderr
    assert said.rstrip().endswith("also set 抖音 信息流.bid.by_month.9=26 and 抖音 信息流.bid.by_month.11=28")


def test_only_the_months_the_value_is_read_in_count(tmp_path: Path) -> None:
    # The channel runs months 1-8 of 12: its bid is read in those alone.
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN.format(bid=BID).replace("users: 100}", "users: 100, months: 1-8}"), encoding="utf-8")
    for lang, moved, keys in [("en", "month 10 is not read (acquisition[0] runs in months 1-8)",
                               "what this setting changes is months 2-8, read on the line a by_month runs straight "
                               "between its keys (docs/formulas.md §14)"),
                              ("zh", "第 10 月不会被读取（acquisition[0] 只在第 1-8 月运行）",
                               "此设置实际改变的只是第 2-8 月，按月取值在给定月份之间线性变化（docs/formulas.md §14）")]:
        result = invoke(["run", str(path), "--format", "json", "--lang", lang, "--set", "acquisition[0].bid.by_month.10=30"])
        assert result.exit_code == 0, result.stderr
        spend = [month["ad_spend"] for month in json.loads(result.stdout)["months"]]
        # Keys 1: 10, 10: 30: month t is 10 + 20/9 (t - 1), month 2 12.22 (was 12), month 8 25.56 (was 24); no spend after 8.
        assert spend[1] == pytest.approx(100 * (10 + 20 / 9)) and spend[7] == pytest.approx(100 * (10 + 140 / 9))
        assert spend[8:] == [0, 0, 0, 0]
        # Months 9 and 11-12 moved too but are not read, nor is month 10 itself: the line through it is all it changes.
        # A key at 9 (10 + 2 x 8 = 26), once offered, holds 2-8 as written: the setting would change nothing.
        assert moved in result.stderr and result.stderr.rstrip().endswith(keys) and "by_month.9=" not in result.stderr
    # Month 12 at 40 moves only 11 and 12, neither read: said so, not left silent (tests/reader/test_schedule_unread.py).
    result = invoke(["run", str(path), "--set", "acquisition[0].bid.by_month.12=40"])
    assert result.exit_code == 0 and "moved too" not in result.stderr
    assert result.stderr.rstrip().endswith("month 12 is not read (acquisition[0] runs in months 1-8): "
                                           "this setting changes nothing read")


def test_a_month_set_into_a_schedule_another_option_set_whole(tmp_path: Path) -> None:
    whole = "acquisition[0].bid={by_month: {1: 10, 5: 20}}"
    # As the first option writes it: 10, 12.5, 15, 17.5, 20, then 20 held. Month 3 at 40 makes month 2 halfway from 10
    # to 40, 25, and month 4 halfway from 40 to 20, 30 (QA: nothing was said, the schedule being set whole).
    spend, said = _run(tmp_path, [whole, "acquisition[0].bid.by_month.3=40"])
    assert spend[:6] == pytest.approx([1000, 2500, 4000, 3000, 2000, 2000])
    assert said.startswith(f"--set acquisition[0].bid.by_month.3=40:1:1: acquisition[0].bid.by_month: months 2, 4 moved "
                           f"too from the schedule as --set {whole} wrote it: ")
    # Months 2 and 4 as that option wrote them, 12.5 and 17.5 (not the file's 12 and 16).
    assert said.rstrip().endswith("also set acquisition[0].bid.by_month.2=12.5 and acquisition[0].bid.by_month.4=17.5")
    spend, said = _run(tmp_path, [whole, "acquisition[0].bid.by_month.3=40", "acquisition[0].bid.by_month.2=12.5",
                                  "acquisition[0].bid.by_month.4=17.5"])
    assert spend[:6] == pytest.approx([1000, 1250, 4000, 1750, 2000, 2000]) and "moved too" not in said
    _, zh = _run(tmp_path, [whole, "acquisition[0].bid.by_month.3=40"], lang="zh")
    assert f"第 2、4 月也随之改变（相对 --set {whole} 写入的按月取值）：" in zh
    assert "请同时设置 acquisition[0].bid.by_month.2=12.5、acquisition[0].bid.by_month.4=17.5" in zh
    # A month set before the whole one is replaced by it: every month is as the whole setting says, nothing said.
    spend, said = _run(tmp_path, ["acquisition[0].bid.by_month.3=40", whole])
    assert spend[:5] == pytest.approx([1000, 1250, 1500, 1750, 2000]) and "moved too" not in said
