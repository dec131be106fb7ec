"""Months of the plan written the Chinese way or as slides name them (3月-6月, 3月至6月, 3-6月, 第3-6个月, M3-M6,
前6个月, 3月、4月, in Chinese numerals 三月-六月) in every place a month is read: each is refused and told the
ASCII form the format reads, the calendar reading too where a plan's start makes 3月 possibly March
(reader/worded_months.py). The months told are counted by hand: from start 2026-03, March is month 1, June month 4,
November month 9, the next February month 12."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

STARTER = Path(__file__).resolve().parents[2] / "aigc_roi" / "templates" / "zh" / "starter.yaml"
SPAN_EXPECTED = "expected all, a month, a span 'a-b' or a list of months within 1..24"


def _plan(tmp_path: Path, old: str, new: str, start: str | None = None) -> tuple[Path, int, str]:
    """The starter with ``old`` replaced by ``new`` (and a start, given one): its path, the changed line's number and
    text."""
    lines = STARTER.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if old in line)
    lines[at] = lines[at].replace(old, new, 1)
    text = "\n".join(lines) + "\n"
    if start is not None:
        text = text.replace("# start: 2025-01", f"start: {start}")
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path, at + 1, lines[at].splitlines()[0]


def _errors(path: Path, lang: str, *more: str) -> list[str]:
    result = invoke(["validate", str(path), "--lang", lang, *more])
    assert result.exit_code == 2, result.stdout
    return result.stdout.splitlines()


@pytest.mark.parametrize(("written", "meant"), [
    ("3月-6月", "3-6"), ("3月–6月", "3-6"), ("3月至6月", "3-6"), ("3月到6月", "3-6"), ("3月～6月", "3-6"),
    ("3-6月", "3-6"), ("3-6月份", "3-6"), ("第3-6月", "3-6"), ("第3至第6个月", "3-6"),
    ("M3-M6", "3-6"), ("m3-m6", "3-6"), ("M3..M6", "3-6"), ("３月-６月", "3-6"), ("前6个月", "1-6"),
    # In Chinese numerals: 三 3, 六 6, 十 10, 十二 12, 二十 20.
    ("三月-六月", "3-6"), ("三月至六月", "3-6"), ("第三至第六个月", "3-6"), ("前六个月", "1-6"), ("十月-十二月", "10-12"),
    ("三月、四月", "[3, 4]"), ("二十月-二十四月", "20-24"),
])
def test_a_span_of_months_written_with_month_words(tmp_path: Path, written: str, meant: str) -> None:
    """No start: 3月 can be no calendar month, so the plan's months are told."""
    path, line, text = _plan(tmp_path, "months: 1-6", f"months: {written}")
    assert _errors(path, "en") == [
        f"{path}:{line}:{text.index(written) + 1}: acquisition[0].months: {SPAN_EXPECTED}, found '{written}'; "
        f"months of the plan are their numbers alone: write {meant}"]


def test_a_span_of_months_written_with_month_words_in_chinese(tmp_path: Path) -> None:
    path, line, text = _plan(tmp_path, "months: 1-6", "months: 3月至6月")
    assert _errors(path, "zh") == [
        f"{path}:{line}:{text.index('3月') + 1}: acquisition[0].months: 应为 all、单个月份、区间 'a-b' 或 1..24 之内的"
        "月份列表，实际为 '3月至6月'；方案的月份只写数字：请写 3-6"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_span_of_calendar_months_in_a_plan_starting_after_january(tmp_path: Path, lang: str) -> None:
    """March to June is months 1-4 from a March start: both readings are told."""
    path, line, text = _plan(tmp_path, "months: 1-6", "months: 3月-6月", start="2026-03")
    hint = {
        "en": "months of the plan are their numbers alone: write 3-6 if it means the plan's months 3 to 6, or 1-4 if it "
              "means calendar months 3 to 6 (start 2026-03 is month 1)",
        "zh": "方案的月份只写数字：若指方案的第 3-6 个月，请写 3-6；若指日历上的 3 月至 6 月，请写 1-4（start 2026-03 为第 1 月）",
    }[lang]
    found = {"en": f"{SPAN_EXPECTED}, found '3月-6月'; ",
             "zh": "应为 all、单个月份、区间 'a-b' 或 1..24 之内的月份列表，实际为 '3月-6月'；"}[lang]
    assert _errors(path, lang) == [f"{path}:{line}:{text.index('3月') + 1}: acquisition[0].months: {found}{hint}"]


def test_a_span_of_calendar_months_into_the_next_year(tmp_path: Path) -> None:
    """November to February is no span of the plan's months 11 to 2, only calendar months 9-12 from a March start."""
    path, _, _ = _plan(tmp_path, "months: 1-6", "months: 11月-2月", start="2026-03")
    assert _errors(path, "en")[0].endswith(
        "found '11月-2月'; months of the plan are their numbers alone: write 9-12 if it means calendar months 11 to 2 "
        "(start 2026-03 is month 1)")


@pytest.mark.parametrize(("written", "meant"), [("第3-6月", "3-6"), ("M3-M6", "3-6"), ("第3-6个月", "3-6")])
def test_months_counted_in_the_plan_are_no_calendar_months(tmp_path: Path, written: str, meant: str) -> None:
    """第, M and 个月 count the plan's months: one reading, whatever the start."""
    path, _, _ = _plan(tmp_path, "months: 1-6", f"months: {written}", start="2026-03")
    assert _errors(path, "en")[0].endswith(f"; months of the plan are their numbers alone: write {meant}")


def test_a_list_of_months_in_one_text(tmp_path: Path) -> None:
    path, _, _ = _plan(tmp_path, "months: 1-6", "months: 3月、4月、6月")
    assert _errors(path, "en")[0].endswith("; months of the plan are their numbers alone: write [3, 4, 6]")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_list_of_calendar_months_in_a_plan_starting_after_january(tmp_path: Path, lang: str) -> None:
    path, _, _ = _plan(tmp_path, "months: 1-6", "months: 3月，4月，6月", start="2026-03")
    hint = {
        "en": "months of the plan are their numbers alone: write [3, 4, 6] if it means the plan's months 3, 4 and 6, "
              "or [1, 2, 4] if it means calendar months 3, 4 and 6 (start 2026-03 is month 1)",
        "zh": "方案的月份只写数字：若指方案的第 3、4、6 个月，请写 [3, 4, 6]；若指日历上的 3、4、6 月，请写 [1, 2, 4]"
              "（start 2026-03 为第 1 月）",
    }[lang]
    assert _errors(path, lang)[0].endswith(hint)


def test_a_list_of_months_each_written_as_the_plans_slides_name_them(tmp_path: Path) -> None:
    path, line, text = _plan(tmp_path, "months: 1-6", "months: [M3, M4]")
    assert _errors(path, "en") == [
        f"{path}:{line}:{text.index('M3') + 1}: acquisition[0].months[0]: expected a month within 1..24, found 'M3'; "
        "a month of the plan is its number alone: write 3",
        f"{path}:{line}:{text.index('M4') + 1}: acquisition[0].months[1]: expected a month within 1..24, found 'M4'; "
        "a month of the plan is its number alone: write 4"]


GATE = "gates:\n  - name: 验证\n    after_month: {0}\n    channels: [抖音 CPA]\n    min_roas: 0.5\ntargets:"


@pytest.mark.parametrize(("written", "hint"), [
    ("M2", "a month of the plan is its number alone: write 2"),
    ("第2个月", "a month of the plan is its number alone: write 2"),
    # A gate is tested after one month: either month of the span is one to write.
    ("1-2月", "a month of the plan is its number alone, and this is one month, not a span: write 1 or 2"),
    ("M1-M2", "a month of the plan is its number alone, and this is one month, not a span: write 1 or 2"),
    ("M3-M6", "a month of the plan is its number alone, and this is one month, not a span: write one month of 3 to 6"),
    # The plan's last six months of 24 are 19 to 24; a gate's month is 1..23.
    ("后6个月", "a month of the plan is its number alone, and this is one month, not a span: write one month of 19 "
               "to 23"),
    ("1月、2月", "a month of the plan is its number alone, and this is one month, not a list"),
])
def test_a_gates_month(tmp_path: Path, written: str, hint: str) -> None:
    """A gate tests one month: a span is told so, not turned into one of its months."""
    path, line, _ = _plan(tmp_path, "targets:", GATE.format(written))
    assert _errors(path, "en") == [
        f"{path}:{line + 2}:{len('    after_month: ') + 1}: gates[0].after_month: expected a month within 1..23, "
        f"found '{written}'; {hint}"]


def test_a_milestones_month_in_chinese(tmp_path: Path) -> None:
    path, _, _ = _plan(tmp_path, "min_roi: 0.0", "min_roi: 0.0\n  milestones: [{month: 3月-6月, subscribers: 10}]")
    assert _errors(path, "zh")[0].endswith(
        "targets.milestones[0].month: 应为 1..24 之内的月份，实际为 '3月-6月'；方案的月份只写数字，且此处只写一个月，不是区间："
        "请写 3 到 6 之间的一个月")


BEFORE = "by_month runs linearly from the key before"
BOTH = "by_month runs linearly from the key before and holds its last key to the end"

@pytest.mark.parametrize(("key", "hint"), [
    ("M3", "a month of the plan is its number alone: write 3"),
    # A key is one month: keys 3 and 6 with one value hold it in months 3 to 6, by_month being linear between them.
    ("3月-6月", "a by_month key is one month, not a span: write keys 3 and 6; the same value at both holds between "
               f"them; {BOTH}, so write the value before at key 2 and the one after at key 7"),
    # The last six of 24 months are 19 to 24; from March (no start: the plan's month 3) to the end, 3 to 24.
    ("后6个月", "a by_month key is one month, not a span: write keys 19 and 24; the same value at both holds between "
               f"them; {BEFORE}, so write the value before at key 18"),
    ("从3月起", "a by_month key is one month, not a span: write keys 3 and 24; the same value at both holds between "
               f"them; {BEFORE}, so write the value before at key 2"),
])
def test_a_by_month_key(tmp_path: Path, key: str, hint: str) -> None:
    path, _, _ = _plan(tmp_path, "bid: 12", f"bid: {{by_month: {{1: 12, {key}: 14}}}}")
    assert _errors(path, "en")[0].endswith(
        f"acquisition[0].bid.by_month.{key}: expected a month within 1..24, found '{key}'; {hint}")


def test_a_span_set_on_the_command_line(tmp_path: Path) -> None:
    """``--set`` reads its value as the file's field: the same hint."""
    path, _, _ = _plan(tmp_path, "months: 1-6", "months: 1-6")
    result = invoke(["run", str(path), "--set", "acquisition[0].months=M3-M6"])
    assert result.exit_code == 2
    assert ("acquisition[0].months: expected all, a month, a span 'a-b' or a list of months within 1..24, found "
            "'M3-M6'; months of the plan are their numbers alone: write 3-6") in result.output


def test_a_milestones_month_for_allocate() -> None:
    plan = str(Path(__file__).resolve().parents[2] / "scenarios" / "chat-assistant-cpa.yaml")
    result = invoke(["allocate", plan, "--reach", "subscribers@M6=1000"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "aigc-roi: --reach: expected a month from 1 to 24 (the horizon), found 'M6'; "
        "a month of the plan is its number alone: write 6")
