"""Hints for months written with 个月 and for a span written as one by_month key, as the review found them: a span of
lengths from month 1 (``1-6个月``) was told ``one of 1 to 1-6``, one past the horizon (``3-30个月`` of 12) nothing
though a length of 3 to 12 months is the plan's first 3 to 12, a by_month key ``3-6个月`` only ``write keys 3 and 6``
where ``months:`` tells both readings; a span key ignored the schedule's other keys (``{1: 18, 前6个月: 20}`` told to
write key 1 again, ``{前3个月: 20, 12: 30}`` that by_month holds its last key to the end though key 12 follows), and
``0个月后`` got no hint. Each hint followed runs and gives the months it says (docs/formulas.md §14, by hand)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke
from test_by_month_key_spans_around import at_month

from aigc_roi.reader.load import load_text

PLAN = """name: P
horizon_months: 12
retention: {{monthly_churn: 0.5}}
acquisition:
  - {{name: A, type: cpa, bid: {bid}, budget: 1万{months}}}
"""


def _told(tmp_path: Path, lang: str = "en", bid: str = "30", months: str = "") -> str:
    path = tmp_path / "p.yaml"
    path.write_text(PLAN.format(bid=bid, months=f", months: {months}" if months else ""), encoding="utf-8")
    result = invoke(["validate", str(path), "--lang", lang])
    assert result.exit_code == 2, result.stdout
    return result.stdout.splitlines()[0]


def _bid(keys: str) -> list[float]:
    """The bid of months 1 to 12 of ``{by_month: {keys}}``, by hand as §14 says."""
    points = load_text(PLAN.format(bid=f"{{by_month: {{{keys}}}}}", months=""), "p.yaml").scenario.acquisition[0].bid.points
    return [at_month(points, month) for month in range(1, 13)]


@pytest.mark.parametrize(("months", "en", "zh"), [
    # From month 1 the two readings are one: months 1 to 6, the first 6 months.
    ("1-6个月", "months of the plan are their numbers alone: write 1-6", "方案的月份只写数字：请写 1-6"),
    # Months 3 to 30 lie past 12 months; the first 3 to 12 months do not.
    ("3-30个月", "3-30个月 is months 3 to 30 or a length of 3 to 30 months: write one of 1-3 to 1-12 if it means the "
                "plan's first 3 to 12 months; month 30 is past the horizon of 12 months",
     "3-30个月 可能是第 3-30 个月，也可能是 3 到 30 个月的时长：若指方案的前 3 到 12 个月，请写 1-3 到 1-12 中的一个；"
     "第 30 个月超出 12 个月的期限"),
    ("0个月后", "0个月后 is the time after no month: a plan has no month 0; write all if it means from month 1",
     "0个月后 指第 0 个月之后，而方案没有第 0 个月；若指从第 1 个月起，请写 all"),
])
def test_a_channels_months(tmp_path: Path, months: str, en: str, zh: str) -> None:
    assert _told(tmp_path, months=months).endswith(f"found '{months}'; {en}")
    assert _told(tmp_path, "zh", months=months).endswith(f"实际为 '{months}'；{zh}")
    assert "1 to 1-6" not in en


def test_a_by_month_key_of_lengths_tells_both_readings(tmp_path: Path) -> None:
    """The first 3 or 4 months start at key 1, the file's already (30)."""
    told = _told(tmp_path, bid="{by_month: {1: 30, 3-4个月: 20}}")
    assert told.endswith(
        "a by_month key is one month, not a span; 3-4个月 is months 3 to 4 or a length of 3 to 4 months: write keys 3 "
        "and 4 if it means the plan's months 3 to 4, or keys 1 and 3 or 4 if it means the plan's first 3 to 4 months; "
        "the same value at both holds between them; key 1 is written already: write one value there; by_month runs "
        "linearly from the key before and holds its last key to the end")
    assert _told(tmp_path, "zh", bid="{by_month: {1: 30, 3-4个月: 20}}").endswith(
        "by_month 的键是一个月，不是区间；3-4个月 可能是第 3-4 个月，也可能是 3 到 4 个月的时长：若指方案的第 3-4 个月，"
        "请写键 3 和 4；若指方案的前 3 到 4 个月，请写键 1 和 3 或 4；两个键取同一个值，其间各月即为该值；"
        "键 1 已写过：此处只写一个值；by_month 从前一个键线性过渡，最后一个键的值保持到期末")


@pytest.mark.parametrize(("keys", "en", "zh", "followed", "bids"), [
    # Key 1 is the file's: told so, never offered again; the value after at key 7.
    ("1: 18, 前6个月: 20", "write keys 1 and 6; the same value at both holds between them; key 1 is written already: "
     "write one value there; by_month holds its last key to the end, so write the value after at key 7",
     "请写键 1 和 6；两个键取同一个值，其间各月即为该值；键 1 已写过：此处只写一个值；by_month 最后一个键的值保持到期末："
     "请把之后的值写在键 7", "1: 20, 6: 20, 7: 18", [20] * 6 + [18] * 6),
    # Key 12 follows: by_month ramps to it, not holds key 3 to the end.
    ("前3个月: 20, 12: 30", "write keys 1 and 3; the same value at both holds between them; by_month runs linearly "
     "to the key after, so write the value after at key 4",
     "请写键 1 和 3；两个键取同一个值，其间各月即为该值；by_month 线性过渡到后一个键：请把之后的值写在键 4",
     "1: 20, 3: 20, 4: 30, 12: 30", [20] * 3 + [30] * 9),
    # A key within the span breaks it; key 7 already gives the months after their value.
    ("1: 10, 3-6月: 20, 5: 15, 7: 10", "write keys 3 and 6; the same value at both holds between them; key 5 lies "
     "within the span: drop it for the value to hold; by_month runs linearly from the key before, so write the value "
     "before at key 2", "请写键 3 和 6；两个键取同一个值，其间各月即为该值；键 5 落在区间之内：删去它，该值才能在区间内保持；"
     "by_month 从前一个键线性过渡：请把之前的值写在键 2", "1: 10, 2: 10, 3: 20, 6: 20, 7: 10",
     [10, 10, 20, 20, 20, 20] + [10] * 6),
])
def test_a_span_key_takes_the_other_keys_into_account(tmp_path: Path, keys: str, en: str, zh: str, followed: str,
                                                      bids: list[float]) -> None:
    assert _told(tmp_path, bid=f"{{by_month: {{{keys}}}}}").endswith(
        f"a by_month key is one month, not a span: {en}")
    assert _told(tmp_path, "zh", bid=f"{{by_month: {{{keys}}}}}").endswith(f"by_month 的键是一个月，不是区间：{zh}")
    assert _bid(followed) == bids


def test_zero_months_after_is_from_month_1(tmp_path: Path) -> None:
    assert _told(tmp_path, bid="{by_month: {0个月后: 20}}").endswith(
        "found '0个月后'; 0个月后 is the time after no month: a plan has no month 0; write key 1 if it means from month 1")
    assert _told(tmp_path, bid="{by_month: {1: 30, 0个月后: 20}}").endswith(
        "write key 1 if it means from month 1; key 1 is written already: write one value there")
    assert _told(tmp_path, "zh", bid="{by_month: {1: 30, 0个月后: 20}}").endswith(
        "0个月后 指第 0 个月之后，而方案没有第 0 个月；若指从第 1 个月起，请写键 1；键 1 已写过：此处只写一个值")


def test_a_key_of_either_reading_written_already_is_told(tmp_path: Path) -> None:
    """From a March start 3-6月 may be calendar March to June, months 1 to 4: key 1 is the file's already."""
    path = tmp_path / "p.yaml"
    path.write_text(PLAN.format(bid="{by_month: {1: 30, 3-6月: 20}}", months="").replace(
        "horizon_months: 12", "horizon_months: 12\nstart: 2025-03"), encoding="utf-8")
    told = invoke(["validate", str(path)]).stdout.splitlines()[0]
    assert told.endswith("or keys 1 and 4 if it means calendar months 3 to 6 (start 2025-03 is month 1); the same "
                         "value at both holds between them; key 1 is written already: write one value there; by_month "
                         "runs linearly from the key before and holds its last key to the end")
