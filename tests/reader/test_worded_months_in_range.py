"""A month written the Chinese way (6月, 3-30月, 前13个月) is told the text to write only where that text is within the
field's own range, so that a hint followed gives a valid file: a reading outside it is told where it lies (past the
horizon, past a gate's last test month) and, where no reading fits, nothing is told to write (reader/
worded_months.py). A span written from its later month is told so, not reordered silently; ``全部`` is told ``all``.
The months are counted by hand: from start 2025-03, February is month 12 and the next March month 13; from start
2025-01, June is month 6 and the next March month 15."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

ROOT = Path(__file__).resolve().parents[2]
STARTER = ROOT / "aigc_roi" / "templates" / "zh" / "starter.yaml"
GATED = ROOT / "scenarios" / "zh" / "creators-first-gated.yaml"
SPAN_EXPECTED = "expected all, a month, a span 'a-b' or a list of months within 1..12"


def _starter(tmp_path: Path, months: str, start: str | None = None) -> Path:
    """The starter with a 12-month horizon, ``months`` for its first channel and a start, given one."""
    text = STARTER.read_text(encoding="utf-8").replace("horizon_months: 24", "horizon_months: 12", 1)
    text = text.replace("months: 1-6", f"months: {months}", 1)
    if start is not None:
        text = text.replace("# start: 2025-01", f"start: {start}", 1)
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _message(path: Path, lang: str = "en", *more: str) -> str:
    result = invoke(["validate", str(path), "--lang", lang, *more])
    assert result.exit_code == 2, result.stdout
    lines = result.stdout.splitlines()
    assert len(lines) == 1, lines  # the one error (the summary is on stderr)
    return lines[0]


def _valid(path: Path) -> None:
    result = invoke(["validate", str(path)])
    assert result.exit_code == 0, result.stdout


@pytest.mark.parametrize(("written", "start", "hint", "followed"), [
    # 3..30 runs past 12: its months within, 3 to 12, are offered, and only 13 to 30 told past the horizon (months 3
    # to 12 are not); the plan's first 13 months are all 12 of a 12-month plan, and month 13 past it.
    ("3-30月", None, "months of the plan are their numbers alone: write 3-12; months 13 to 30 are past the horizon of "
     "12 months", "3-12"),
    ("前13个月", None, "months of the plan are their numbers alone: write 1-12 or all; month 13 is past the horizon of "
     "12 months", "1-12"),
    ("13月", None, "a month of the plan is its number alone; month 13 is past the horizon of 12 months", None),
    # June to the next March from a January start is months 6 to 15; 6-3 is no span.
    ("6月-3月", "2025-01", "months of the plan are their numbers alone; a span runs low to high, not 6-3; calendar "
     "months 6 to 3 (start 2025-01 is month 1) are months 6 to 15, past the horizon of 12 months", None),
    # February to March from a March start is months 12 to 13: only the plan's months 2 to 3 are offered.
    ("2月-3月", "2025-03", "months of the plan are their numbers alone: write 2-3 if it means the plan's months 2 to 3; "
     "calendar months 2 to 3 (start 2025-03 is month 1) are months 12 to 13, past the horizon of 12 months", "2-3"),
    # No start: reordered only where said so.
    ("M6-M3", None, "months of the plan are their numbers alone: write 3-6; a span runs low to high, not 6-3", "3-6"),
    ("6月-3月", None, "months of the plan are their numbers alone: write 3-6; a span runs low to high, not 6-3", "3-6"),
    ("全部", None, "every month is written all: write all", "all"),
])
def test_a_reading_outside_the_horizon_is_not_offered(tmp_path: Path, written: str, start: str | None, hint: str,
                                                       followed: str | None) -> None:
    message = _message(_starter(tmp_path, written, start))
    assert message.endswith(f": acquisition[0].months: {SPAN_EXPECTED}, found '{written}'; {hint}"), message
    if followed is None:
        assert "write" not in message
    else:
        _valid(_starter(tmp_path, followed, start))


def test_the_first_no_months_is_no_reading(tmp_path: Path) -> None:
    """前0个月, the first none, names no month: no text to write (not 0-1)."""
    message = _message(_starter(tmp_path, "前0个月"))
    assert message.endswith("found '前0个月'"), message


@pytest.mark.parametrize(("written", "start", "zh"), [
    ("3-30月", None, "方案的月份只写数字：请写 3-12；第 13-30 个月超出 12 个月的期限"),
    ("前13个月", None, "方案的月份只写数字：请写 1-12 或 all；第 13 个月超出 12 个月的期限"),
    ("6月-3月", "2025-01", "方案的月份只写数字；区间从小到大写，不写 6-3；日历上的 6 月至 3 月是第 6-15 个月（start 2025-01 为第 1 月），"
     "超出 12 个月的期限"),
    ("2月-3月", "2025-03", "方案的月份只写数字：若指方案的第 2-3 个月，请写 2-3；日历上的 2 月至 3 月是第 12-13 个月（start 2025-03 为"
     "第 1 月），超出 12 个月的期限"),
    ("全部", None, "所有月份写作 all：请写 all"),
])
def test_in_chinese(tmp_path: Path, written: str, start: str | None, zh: str) -> None:
    message = _message(_starter(tmp_path, written, start), "zh")
    assert message.endswith(f"实际为 '{written}'；{zh}"), message


def _gated(tmp_path: Path, after_month: str) -> Path:
    """creators-first-gated over 12 months from March, its gate's test month written ``after_month``."""
    text = GATED.read_text(encoding="utf-8").replace("horizon_months: 18", "horizon_months: 12", 1)
    text = text.replace("start: 2025-01", "start: 2025-03", 1).replace("max_payback_months: 18", "max_payback_months: 12")
    text = text.replace("after_month: 2 ", f"after_month: {after_month} ", 1)
    path = tmp_path / "gated.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("lang", "hint"), [
    ("en", "expected a month within 1..11, found '2月'; a month of the plan is its number alone: write 2 if it means "
     "the plan's month 2; calendar month 2 (start 2025-03 is month 1) is month 12, past month 11, the last this takes"),
    ("zh", "应为 1..11 之内的月份，实际为 '2月'；方案的月份只写数字：若指方案的第 2 个月，请写 2；日历上的 2 月是第 12 个月"
     "（start 2025-03 为第 1 月），晚于此处可取的最后一个月（第 11 个月）"),
])
def test_a_gates_month_past_the_last_test_month(tmp_path: Path, lang: str, hint: str) -> None:
    """A gate's test month is 1..11 of 12: February from a March start is month 12, not offered."""
    message = _message(_gated(tmp_path, "2月"), lang)
    assert message.endswith(f"gates[0].after_month: {hint}"), message
    _valid(_gated(tmp_path, "2"))


def test_a_reach_past_the_horizon() -> None:
    plan = str(ROOT / "scenarios" / "chat-assistant-cpa.yaml")
    result = invoke(["allocate", plan, "--reach", "subscribers@30月=1000"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "aigc-roi: --reach: expected a month from 1 to 24 (the horizon), found '30月'; "
        "a month of the plan is its number alone; month 30 is past the horizon of 24 months")


# A span to the plan's end (reader/worded_months.py _to_end): the last N months of 12 are 13 - N to 12, month M on is
# M to 12; from start 2025-03, calendar March is month 1 and May month 3.
@pytest.mark.parametrize(("written", "start", "hint", "followed"), [
    ("后6个月", None, "months of the plan are their numbers alone: write 7-12", "7-12"),
    ("后六个月", None, "months of the plan are their numbers alone: write 7-12", "7-12"),
    ("最后６个月", None, "months of the plan are their numbers alone: write 7-12", "7-12"),
    ("后3月", None, "months of the plan are their numbers alone: write 10-12", "10-12"),
    ("后12个月", None, "months of the plan are their numbers alone: write 1-12", "1-12"),
    ("后1个月", None, "a month of the plan is its number alone: write 12", "12"),
    ("3月起", None, "months of the plan are their numbers alone: write 3-12", "3-12"),
    ("从3月起", None, "months of the plan are their numbers alone: write 3-12", "3-12"),
    ("3月以后", None, "months of the plan are their numbers alone: write 3-12", "3-12"),
    ("三月之后", None, "months of the plan are their numbers alone: write 3-12", "3-12"),
    ("从第３个月开始", None, "months of the plan are their numbers alone: write 3-12", "3-12"),
    ("M3起", "2025-03", "months of the plan are their numbers alone: write 3-12", "3-12"),
    ("5月起", "2025-03", "months of the plan are their numbers alone: write 5-12 if it means the plan's months 5 to 12, "
     "or 3-12 if it means calendar month 5 on (start 2025-03 is month 1)", "3-12"),
    # Past the horizon: no text to write.
    ("后13个月", None, "months of the plan are their numbers alone; the plan has 12 months, not 13", None),
    ("13月起", None, "months of the plan are their numbers alone; month 13 is past the horizon of 12 months", None),
    # From start 2025-06, calendar March is month 10 of 12 (the next March): 3月起 is the plan's 3-12 or months 10-12;
    # from start 2025-04, calendar March is month 12, and 1月起 month 10.
    ("3月起", "2025-06", "months of the plan are their numbers alone: write 3-12 if it means the plan's months 3 to 12, "
     "or 10-12 if it means calendar month 3 on (start 2025-06 is month 1)", "10-12"),
])
def test_a_span_to_the_plans_end(tmp_path: Path, written: str, start: str | None, hint: str,
                                 followed: str | None) -> None:
    message = _message(_starter(tmp_path, written, start))
    assert message.endswith(f": acquisition[0].months: {SPAN_EXPECTED}, found '{written}'; {hint}"), message
    if followed is None:
        assert "write" not in message
    else:
        _valid(_starter(tmp_path, followed, start))


@pytest.mark.parametrize("written", ["后0个月", "3起"])
def test_no_month_of_the_plan_to_the_end(tmp_path: Path, written: str) -> None:
    """后0个月 is no month, 3起 no word for month: no reading is told (3个月后, the months after the first three, is
    told 4 on: tests/reader/test_month_length_forms.py)."""
    message = _message(_starter(tmp_path, written))
    assert message.endswith(f"found '{written}'"), message


@pytest.mark.parametrize(("written", "start", "zh"), [
    ("后6个月", None, "方案的月份只写数字：请写 7-12"),
    ("5月起", "2025-03", "方案的月份只写数字：若指方案的第 5-12 个月，请写 5-12；若指日历上的 5 月起，请写 3-12"
     "（start 2025-03 为第 1 月）"),
    ("后13个月", None, "方案的月份只写数字；方案只有 12 个月，不足 13 个月"),
])
def test_a_span_to_the_plans_end_in_chinese(tmp_path: Path, written: str, start: str | None, zh: str) -> None:
    message = _message(_starter(tmp_path, written, start), "zh")
    assert message.endswith(f"实际为 '{written}'；{zh}"), message


# A span as an item of a list of months: its months one by one in its place, which followed is valid.
@pytest.mark.parametrize(("months", "at", "written", "hint", "followed"), [
    ("[3月-6月]", 0, "3月-6月", "write 3, 4, 5, 6 in its place", "[3, 4, 5, 6]"),
    ("[1, 三月至六月]", 1, "三月至六月", "write 3, 4, 5, 6 in its place", "[1, 3, 4, 5, 6]"),
    ("[1, 3-6]", 1, "3-6", "write 3, 4, 5, 6 in its place", "[1, 3, 4, 5, 6]"),
    ("[1, 4..5]", 1, "4..5", "write 4, 5 in its place", "[1, 4, 5]"),
    ("[1, 后3个月]", 1, "后3个月", "write 10, 11, 12 in its place", "[1, 10, 11, 12]"),
    ("[1, 10月起]", 1, "10月起", "write 10, 11, 12 in its place", "[1, 10, 11, 12]"),
])
def test_a_span_in_a_list(tmp_path: Path, months: str, at: int, written: str, hint: str, followed: str) -> None:
    message = _message(_starter(tmp_path, months))
    assert message.endswith(f": acquisition[0].months[{at}]: expected a month within 1..12, found '{written}'; "
                            f"a list holds single months, not a span: {hint}"), message
    _valid(_starter(tmp_path, followed))


@pytest.mark.parametrize(("lang", "hint"), [
    # From start 2025-03, calendar March to June are months 1 to 4.
    ("en", "a list holds single months, not a span: write 3, 4, 5, 6 in its place if it means the plan's months 3 to "
     "6, or 1, 2, 3, 4 in its place if it means calendar months 3 to 6 (start 2025-03 is month 1)"),
    ("zh", "列表里逐个写月份，不写区间：若指方案的第 3-6 个月，请在此项的位置写 3, 4, 5, 6；若指日历上的 3 月至 6 月，请在此项的位置写 "
     "1, 2, 3, 4（start 2025-03 为第 1 月）"),
])
def test_a_span_of_calendar_months_in_a_list(tmp_path: Path, lang: str, hint: str) -> None:
    message = _message(_starter(tmp_path, "[3月-6月]", "2025-03"), lang)
    assert message.endswith(hint), message


def test_a_span_of_digits_in_a_list_is_no_calendar_span(tmp_path: Path) -> None:
    """3-6 has no 月: the plan's months alone, whatever the start."""
    message = _message(_starter(tmp_path, "[1, 3-6]", "2025-03"))
    assert message.endswith("a list holds single months, not a span: write 3, 4, 5, 6 in its place"), message


@pytest.mark.parametrize(("after_month", "lang", "hint"), [
    # A gate's month is 1..11 of 12: the last six months are 7 to 12, of which 7 to 11 a gate's.
    ("后6个月", "en", "a month of the plan is its number alone, and this is one month, not a span: write one month of 7 "
     "to 11"),
    ("后6个月", "zh", "方案的月份只写数字，且此处只写一个月，不是区间：请写 7 到 11 之间的一个月"),
    ("M3-M4", "zh", "方案的月份只写数字，且此处只写一个月，不是区间：请写 3 或 4"),
    # From start 2025-03, 2026-02 is 12 + 2 - 3 + 1 = month 12, past the gate's last, 11.
    ("2026-02", "en", "months are counted from start (2025-03 is month 1): 2026-02 is month 12, past month 11, the "
     "last this takes"),
    ("2026-02", "zh", "月份从 start 起算（2025-03 为第 1 月）：2026-02 是第 12 月，晚于此处可取的最后一个月（第 11 个月）"),
])
def test_a_span_or_date_for_a_gates_month(tmp_path: Path, after_month: str, lang: str, hint: str) -> None:
    message = _message(_gated(tmp_path, after_month), lang)
    assert message.endswith(hint), message


def _keyed(tmp_path: Path, key: str, start: str) -> Path:
    """The 12-month starter with the bid by month, its second key ``key``, and a start."""
    text = STARTER.read_text(encoding="utf-8").replace("horizon_months: 24", "horizon_months: 12", 1)
    text = text.replace("    bid: 12 ", f"    bid: {{by_month: {{1: 12, {key}: 14}}}} ", 1)
    text = text.replace("# start: 2025-01", f"start: {start}", 1)
    path = tmp_path / "keyed.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("key", "lang", "hint"), [
    # From start 2024-01, 2025-08 is 12 + 8 = month 20, of 12.
    ("2025-08", "en", "months are counted from start (2024-01 is month 1): 2025-08 is month 20, past the horizon of 12 "
     "months"),
    ("2025-08", "zh", "月份从 start 起算（2024-01 为第 1 月）：2025-08 是第 20 月，超出 12 个月的期限"),
    ("2024-12", "en", "months are counted from start (2024-01 is month 1): 2024-12 is month 12"),
    # The last six months of 12 are 7 to 12.
    ("后六个月", "en", "a by_month key is one month, not a span: write keys 7 and 12; the same value at both holds "
     "between them; by_month runs linearly from the key before, so write the value before at key 6"),
    ("后六个月", "zh", "by_month 的键是一个月，不是区间：请写键 7 和 12；两个键取同一个值，其间各月即为该值；"
     "by_month 从前一个键线性过渡：请把之前的值写在键 6"),
    # From start 2024-03, calendar March on is months 1 to 12, March to June 1 to 4: key 1 is the file's already.
    ("3月以后", "en", "a by_month key is one month, not a span: write keys 3 and 12 if it means the plan's months 3 to "
     "12, or keys 1 and 12 if it means calendar month 3 on (start 2024-03 is month 1); the same value at both holds "
     "between them; key 1 is written already: write one value there; by_month runs linearly from the key before"),
])
def test_a_by_month_key(tmp_path: Path, key: str, lang: str, hint: str) -> None:
    start = "2024-03" if key == "3月以后" else "2024-01"
    message = _message(_keyed(tmp_path, key, start), lang)
    told = f"acquisition[0].bid.by_month.{key}: expected a month within 1..12, found '{key}'; " if lang == "en" else (
        f"acquisition[0].bid.by_month.{key}: 应为 1..12 之内的月份，实际为")
    assert ":28:" in message and told in message and message.endswith(("; " if lang == "en" else "；") + hint), message


def test_a_dated_span_past_the_horizon(tmp_path: Path) -> None:
    """From start 2025-03, 2025-12 is month 10 and 2026-05 month 15, of 12."""
    message = _message(_starter(tmp_path, '"2025-12-2026-05"', "2025-03"))
    assert message.endswith("months are counted from start (2025-03 is month 1): 2025-12 to 2026-05 are months 10-15, "
                            "past the horizon of 12 months"), message
