"""More of what a Chinese plan's author writes gets a hint, never a silent reading: parts of a year in a channel's
``months`` (上半年, 下半年, 二季度/第二季度/Q2, 三四月; 整年 as 全年), amounts in Chinese numerals (三万, ``--budget
三十万``), a range written with 到 or 至 (3万到6万); and a by_month key is quoted where it is found as a value is
(docs/formulas.md §12)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.reader.load import load_text

PLAN = """name: P
horizon_months: 12
{start}retention: {{monthly_churn: 0.5}}
acquisition:
  - {{name: A, type: kol, posts: 2, fee: {fee}, views: 1000, view_to_user: 1%, months: {months}}}
  - {{name: B, type: cpa, bid: {bid}, users: 100}}
"""
HEAD = "months of the plan are their numbers alone: write "


def _plan(months: str = "all", fee: str = "3000", bid: str = "20", start: str = "") -> str:
    return PLAN.format(months=months, fee=fee, bid=bid, start=f"start: {start}\n" if start else "")


def first_told(tmp_path: Path, text: str, lang: str = "en") -> str:
    """The first line `validate` prints of ``text`` saved as p.yaml, which must be refused."""
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    result = invoke(["validate", str(path), "--lang", lang])
    assert result.exit_code == 2, result.stdout
    return result.stdout.splitlines()[0]


# (written, hint from a January start, the months it means: halves of 6, quarters of 3 from 3q - 2 to 3q)
JANUARY = [
    ("上半年", "1-6", (1, 2, 3, 4, 5, 6)),
    ("下半年", "7-12", (7, 8, 9, 10, 11, 12)),
    ("二季度", "4-6", (4, 5, 6)),
    ("第二季度", "4-6", (4, 5, 6)),
    ("Q2", "4-6", (4, 5, 6)),
    ("一季度", "1-3", (1, 2, 3)),
    ("Q3", "7-9", (7, 8, 9)),
    ("第四季度", "10-12", (10, 11, 12)),
    ("三四月", "[3, 4]", (3, 4)),
]


@pytest.mark.parametrize(("written", "meant", "months"), JANUARY)
def test_parts_of_a_year_from_a_january_start(tmp_path: Path, written: str, meant: str, months: tuple[int, ...]) -> None:
    assert first_told(tmp_path, _plan(months=written, start="2026-01")).endswith(f"found '{written}'; {HEAD}{meant}")
    assert load_text(_plan(months=meant, start="2026-01"), "p.yaml").scenario.acquisition[0].months == months


@pytest.mark.parametrize(("written", "hint"), [
    # From a March start, July is month 7 - 3 + 1 = 5 and December 10; April 2, June 4.
    ("下半年", "7-12 if it means the plan's months 7 to 12, or 5-10 if it means calendar months 7 to 12 (start 2026-03 "
               "is month 1)"),
    ("Q2", "4-6 if it means the plan's months 4 to 6, or 2-4 if it means calendar months 4 to 6 (start 2026-03 is "
           "month 1)"),
    # January to June of the next year are months 11 to 16: past the 12 months, never offered.
    ("上半年", "1-6 if it means the plan's months 1 to 6; calendar months 1 to 6 (start 2026-03 is month 1) are months "
               "11 to 16, past the horizon of 12 months"),
])
def test_parts_of_a_year_from_another_start_are_told_both_readings(tmp_path: Path, written: str, hint: str) -> None:
    assert first_told(tmp_path, _plan(months=written, start="2026-03")).endswith(f"found '{written}'; {HEAD}{hint}")


def test_in_chinese(tmp_path: Path) -> None:
    assert first_told(tmp_path, _plan(months="下半年", start="2026-03"), "zh").endswith(
        "实际为 '下半年'；方案的月份只写数字：若指方案的第 7-12 个月，请写 7-12；若指日历上的 7 月至 12 月，请写 5-10"
        "（start 2026-03 为第 1 月）")


def test_the_whole_year_is_all(tmp_path: Path) -> None:
    assert first_told(tmp_path, _plan(months="整年")).endswith("found '整年'; every month is written all: write all")


# (written, hint, low and high by hand: 万 is 10,000)
AMOUNTS = [
    ("3万到6万", "a range is written low..high: 3万..6万", 30_000, 60_000),
    ("3万至6万", "a range is written low..high: 3万..6万", 30_000, 60_000),
    ("3到6万", "a range is written low..high: 3万..6万", 30_000, 60_000),
    ("三到六万", "Chinese numerals are not read, and a range is written low..high: write 3万..6万", 30_000, 60_000),
    ("三万", "Chinese numerals are not read: write 3万", 30_000, 30_000),
    ("一百五十万", "Chinese numerals are not read: write 150万", 1_500_000, 1_500_000),
    ("十二万五千", "Chinese numerals are not read: write 12.5万", 125_000, 125_000),
]


@pytest.mark.parametrize(("written", "hint", "low", "high"), AMOUNTS)
def test_an_amount_written_in_words(tmp_path: Path, written: str, hint: str, low: float, high: float) -> None:
    assert first_told(tmp_path, _plan(fee=written)).endswith(f"found '{written}'; {hint}")
    fee = load_text(_plan(fee=hint.rsplit(" ", 1)[1]), "p.yaml").scenario.acquisition[0].fee
    if low == high:
        assert fee == low
    else:
        assert (fee.low, fee.high) == (low, high)


def test_an_amount_in_chinese_numerals_in_chinese(tmp_path: Path) -> None:
    assert first_told(tmp_path, _plan(fee="三万"), "zh").endswith("实际为 '三万'；不读取中文数字：请写 3万")


@pytest.mark.parametrize(("lang", "told"), [
    ("en", "--budget: expected a number (suffixes k, m, 万, 亿), found '三十万'; Chinese numerals are not read: write 30万"),
    ("zh", "--budget：应为数字（后缀可用 k、m、万、亿），实际为 '三十万'；不读取中文数字：请写 30万"),
])
def test_a_budget_in_chinese_numerals(tmp_path: Path, lang: str, told: str) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(_plan(), encoding="utf-8")
    result = invoke(["allocate", str(path), "--budget", "三十万", "--lang", lang])
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1].endswith(told)


def test_a_by_month_key_is_quoted_as_a_value_is(tmp_path: Path) -> None:
    """'6个月' found as a key reads as '6个月' found as a value; a number stays unquoted (13)."""
    en = first_told(tmp_path, _plan(bid="{by_month: {1: 20, 6个月: 30}}"))
    assert "found '6个月'; 6个月 is a length" in en
    assert "实际为 '6个月'；" in first_told(tmp_path, _plan(bid="{by_month: {1: 20, 6个月: 30}}"), "zh")
    assert first_told(tmp_path, _plan(bid="{by_month: {1: 20, 13: 30}}")).endswith(
        "bid.by_month.13: expected a month within 1..12, found 13")
