"""A --set of a span of months as one key of a schedule the file writes by month (``by_month.前3个月=25`` on ``{1: 30,
6: 20}``) offers the --set options that write it (reader/span_sets.py): its two ends at the value asked and the months
just around it at the values the schedule gives them now, so only the span's months move; where a key lies within
the span, which --set cannot drop, the schedule set whole. It was told the file's hint, "key 1 is written already:
write one value there" (a --set of key 1 replaces it) and "key 4 lies within the span: drop it". The file's own hints
name which reading a key's note is of, and a worded month at a month keyed already says so. Every offer is followed
and each month's bid checked by hand (docs/formulas.md §14: linear between keys, the first held back to month 1, the
last to the end; users are budget / bid)."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest
from cli_runner import invoke

FILE = ("version: 1\nname: spans\nhorizon_months: 12\n"
        "acquisition:\n  - {{name: D, type: cpa, bid: {bid}, budget: 10000}}\n"
        "retention:\n  points: {{1: 0.35, 3: 0.22, 6: 0.15, 12: 0.10}}\n"
        "monetization:\n  plans:\n    - {{name: M, price: 30, period: month, conversion: 4%, renewal: 0.6}}\n")
RAMP = "{by_month: {1: 30, 6: 20}}"
"""30 in month 1 to 20 in month 6, 2 less a month: 30, 28, 26, 24, 22, 20, then 20."""


def _file(tmp_path: Path, bid: str) -> str:
    path = tmp_path / "f.yaml"
    path.write_text(FILE.format(bid=bid), encoding="utf-8")
    return str(path)


def _refused(path: str, setting: str, lang: str = "en") -> str:
    result = invoke(["run", path, "--set", setting, "--lang", lang])
    assert result.exit_code == 2 and result.stdout == "", result.stderr
    return result.stderr


def _bids(path: str, options: str) -> list[float]:
    """Each month's bid, 10000 / its users, with ``options`` (--set options as offered, shell-quoted) followed."""
    result = invoke(["run", path, "-f", "json", *shlex.split(options)])
    assert result.exit_code == 0, result.stderr
    return [10000 / month["new_users"] for month in json.loads(result.stdout)["months"]]


@pytest.mark.parametrize(("bid", "setting", "offered", "whole", "bids"), [
    # Months 1 to 3 at 25; month 4 keeps its 24 (key 4), month 5 its 22 between 24 and key 6's 20.
    (RAMP, "D.bid.by_month.前3个月=25", "--set 'acquisition[D].bid.by_month.1=25' --set 'acquisition[D].bid.by_month.3=25' "
     "--set 'acquisition[D].bid.by_month.4=24'", False, [25, 25, 25, 24, 22] + [20] * 7),
    # Months 3 and 4 at 25; months 2 and 5 keep 28 and 22 (keys 2 and 5), so months 1 and 6 on do too.
    (RAMP, "D.bid.by_month.3-4=25", "--set 'acquisition[D].bid.by_month.2=28' --set 'acquisition[D].bid.by_month.3=25' "
     "--set 'acquisition[D].bid.by_month.4=25' --set 'acquisition[D].bid.by_month.5=22'", False,
     [30, 28, 25, 25, 22] + [20] * 7),
    # Key 4 lies within the first 6 months, which --set cannot drop: the schedule whole, 15 kept from month 7.
    ("{by_month: {1: 12, 4: 15}}", "D.bid.by_month.前6个月=20",
     "--set 'acquisition[D].bid={by_month: {1: 20, 6: 20, 7: 15}}'", True, [20] * 6 + [15] * 6),
])
def test_a_span_set_as_one_key_offers_the_sets_that_write_it(tmp_path: Path, bid: str, setting: str, offered: str,
                                                             whole: bool, bids: list[float]) -> None:
    path = _file(tmp_path, bid)
    shown = setting.partition("=")[0]
    within = "; --set cannot drop a key within the span, so the schedule is set whole" if whole else ""
    assert _refused(path, setting) == (f"--set {setting}:1:1: {shown}: cannot set a span of months as one by_month key; "
                                       f"write {offered}{within}\n")
    within_zh = "；--set 不能删去区间之内的键，因此整体设置该时间表" if whole else ""
    assert _refused(path, setting, "zh") == (f"--set {setting}:1:1: {shown}: 不能把一段月份设为 by_month 的一个键；"
                                             f"请写 {offered}{within_zh}\n")
    assert _bids(path, offered) == pytest.approx(bids)


def test_each_reading_of_a_span_of_lengths_is_offered_and_runs(tmp_path: Path) -> None:
    """3-4个月: months 3 to 4, or the first 3 or 4 months."""
    path = _file(tmp_path, RAMP)
    readings = [
        ("--set 'acquisition[D].bid.by_month.2=28' --set 'acquisition[D].bid.by_month.3=25' --set "
         "'acquisition[D].bid.by_month.4=25' --set 'acquisition[D].bid.by_month.5=22'", "the plan's months 3 to 4",
         "方案的第 3-4 个月", [30, 28, 25, 25, 22] + [20] * 7),
        ("--set 'acquisition[D].bid.by_month.1=25' --set 'acquisition[D].bid.by_month.3=25' --set "
         "'acquisition[D].bid.by_month.4=24'", "the plan's first 3 months", "方案的前 3 个月", [25, 25, 25, 24, 22] + [20] * 7),
        ("--set 'acquisition[D].bid.by_month.1=25' --set 'acquisition[D].bid.by_month.4=25' --set "
         "'acquisition[D].bid.by_month.5=22'", "the plan's first 4 months", "方案的前 4 个月", [25] * 4 + [22] + [20] * 7),
    ]
    told = ", or ".join(f"{offered} if it means {meaning}" for offered, meaning, _, _ in readings)
    assert _refused(path, "D.bid.by_month.3-4个月=25").endswith(f"one by_month key; write {told}\n")
    told_zh = "；或 ".join(f"{offered}（若指{meaning}）" for offered, _, meaning, _ in readings)
    assert _refused(path, "D.bid.by_month.3-4个月=25", "zh").endswith(f"请写 {told_zh}\n")
    for offered, _, _, bids in readings:
        assert _bids(path, offered) == pytest.approx(bids)


def test_a_key_within_one_reading_and_at_the_end_of_another_is_told_with_each(tmp_path: Path) -> None:
    """{4: 25, 3-6个月: 20}: key 4 lies within months 3 to 6 (and 1 to 5, 1 to 6), and is an end of months 1 to 4."""
    told = invoke(["validate", _file(tmp_path, "{by_month: {4: 25, 3-6个月: 20}}")]).stdout
    assert ("key 4 lies within months 3 to 6: drop it for the value to hold; key 4, an end of months 1 to 4, is "
            "written already: write one value there; key 4 lies within months 1 to 5") in told
    told_zh = invoke(["validate", _file(tmp_path, "{by_month: {4: 25, 3-6个月: 20}}"), "--lang", "zh"]).stdout
    assert ("键 4 落在第 3-6 个月之内：删去它，该值才能在区间内保持；键 4 是第 1-4 个月的一端，已写过：此处只写一个值；"
            "键 4 落在第 1-5 个月之内") in told_zh


def test_a_worded_month_keyed_already_is_told(tmp_path: Path) -> None:
    """{1: 30, 第6个月: 20, 6: 25}: 'write 6' alone, followed, was refused as a duplicate key '6'."""
    path = _file(tmp_path, "{by_month: {1: 30, 第6个月: 20, 6: 25}}")
    assert invoke(["validate", path]).stdout.splitlines()[0].endswith(
        "a month of the plan is its number alone: write 6; key 6 is written already: write one value there")
    assert invoke(["validate", path, "--lang", "zh"]).stdout.splitlines()[0].endswith(
        "方案的月份只写数字：请写 6；键 6 已写过：此处只写一个值")
    # Followed, one value at key 6: 30 to 20 over months 1 to 6.
    assert _bids(_file(tmp_path, RAMP), "") == pytest.approx([30, 28, 26, 24, 22] + [20] * 7)


def test_a_worded_month_set_is_told_its_number_alone(tmp_path: Path) -> None:
    """A --set of key 6 replaces it: no key is 'written already' to a month --set writes."""
    path = _file(tmp_path, RAMP)
    assert _refused(path, "D.bid.by_month.第6个月=26").endswith(
        "found '第6个月'; a month of the plan is its number alone: write 6\n")
    # Key 6 at 26: 30 to 26 over months 1 to 6, 0.8 less a month.
    assert _bids(path, "--set 'acquisition[D].bid.by_month.6=26'") == pytest.approx([30, 29.2, 28.4, 27.6, 26.8] +
                                                                                   [26] * 7)


GATED = str(Path(__file__).resolve().parents[2] / "scenarios" / "zh" / "creators-first-gated.yaml")
SCHEDULE = "acquisition[2].bid={by_month: {3: 18, 6: 20}}"
"""Of 18 months: 18 through month 3, 20 from month 6."""


@pytest.mark.parametrize(("key", "offered"), [
    # Months 3 to 6 of a January start: 18 kept at key 2 (held back before key 3), 20 at key 7 (held after key 6).
    ("3-6月", "--set 'acquisition[2].bid.by_month.2=18' --set 'acquisition[2].bid.by_month.3=22' "
     "--set 'acquisition[2].bid.by_month.6=22' --set 'acquisition[2].bid.by_month.7=20'"),
    # Months 13 to 18: 20 kept at key 12.
    ("后6个月", "--set 'acquisition[2].bid.by_month.12=20' --set 'acquisition[2].bid.by_month.13=22' "
     "--set 'acquisition[2].bid.by_month.18=22'"),
    # Months 3 to 18: key 6 lies within, so the schedule whole, 18 kept at key 2.
    ("3月起", "--set 'acquisition[2].bid={by_month: {2: 18, 3: 22, 18: 22}}'"),
])
def test_a_span_after_a_dot_of_a_template(key: str, offered: str) -> None:
    result = invoke(["run", GATED, "--set", SCHEDULE, "--set", f"acquisition[2].bid.by_month.{key}=22"])
    assert result.exit_code == 2
    assert f"cannot set a span of months as one by_month key; write {offered}" in result.output
    followed = invoke(["run", GATED, "--set", SCHEDULE, *shlex.split(offered)])
    assert followed.exit_code == 0, followed.output


@pytest.mark.parametrize(("bid", "month"), [
    # Month 4 blends key 1's and key 6's draws; month 3 of {1: 10, 4: 20} is 10 + 10 x 2/3, no finite decimal.
    ("{by_month: {1: 10..20, 6: 30..40}}", 4), ("{by_month: {1: 10, 4: 20}}", 3)])
def test_a_month_around_the_span_no_number_writes_is_left_to_key(tmp_path: Path, bid: str, month: int) -> None:
    path = _file(tmp_path, bid)
    setting = f"D.bid.by_month.前{month - 1}个月=25"
    offered = f"--set 'acquisition[D].bid.by_month.1=25' --set 'acquisition[D].bid.by_month.{month - 1}=25'"
    assert _refused(path, setting).endswith(
        f"write {offered}; set key {month} too, at the value month {month} is to keep: the schedule gives it no one "
        "number there (a blend of two ranges, or a decimal without end)\n")
    assert _refused(path, setting, "zh").endswith(
        f"请写 {offered}；还请设置键 {month}，取第 {month} 个月应保持的值：时间表在该月给出的不是一个数（两个区间的混合，或无限小数）\n")
    # Followed, key 4 (or 3) at 17: 25 through the span, 17 the month after.
    bids = _bids(path, f"{offered} --set 'acquisition[D].bid.by_month.{month}=17'")
    assert bids[:month] == pytest.approx([25] * (month - 1) + [17])
