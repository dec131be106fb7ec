"""``--set`` with a by_month key written the Chinese way after a dot (``bid.by_month.6月=22``) reaches the key's month
hint, as ``bid.by_month[6月]=22`` does, rather than a refusal of its shape; and setting one month of a value written
once offers the schedule with the key as the month number it means (``M3``: 3), which the file reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

PLAN = str(Path(__file__).resolve().parents[2] / "scenarios" / "zh" / "creators-first-gated.yaml")
SCHEDULE = "acquisition[2].bid={by_month: {3: 18, 6: 20}}"


@pytest.mark.parametrize(("path", "shown", "hint"), [
    ("acquisition[2].bid.by_month.6月", "acquisition[2].bid.by_month.6月", "write 6"),
    ("acquisition[2].bid.by_month.第6个月", "acquisition[2].bid.by_month.第6个月", "write 6"),
    ("B站 CPA.bid.by_month.6月", "acquisition[2].bid.by_month.6月", "write 6"),
])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_worded_month_after_a_dot(path: str, shown: str, hint: str, lang: str) -> None:
    result = invoke(["run", PLAN, "--lang", lang, "--set", SCHEDULE, "--set", f"{path}=22"])
    assert result.exit_code == 2
    last = result.output.strip().splitlines()[-1]
    told = (f"{shown}: expected a month within 1..18, found '{shown.rsplit('.', 1)[1]}'; "
            f"a month of the plan is its number alone: {hint}") if lang == "en" else (
        f"{shown}: 应为 1..18 之内的月份，实际为 '{shown.rsplit('.', 1)[1]}'；方案的月份只写数字：请{hint.replace('write ', '写 ')}")
    assert last.endswith(told), last


@pytest.mark.parametrize(("key", "hint"), [
    ("2025-08", "months are counted from start (2025-01 is month 1): 2025-08 is month 8"),
    # A span (3-6月, 后6个月, 3月起) is offered as the --set options that write it: tests/reader/test_set_span_keys.py.
    # From start 2025-01, 2026-08 is 12 + 8 = month 20, of 18.
    ("2026-08", "months are counted from start (2025-01 is month 1): 2026-08 is month 20, past the horizon of 18 "
                "months"),
])
def test_a_date_or_span_after_a_dot(key: str, hint: str) -> None:
    result = invoke(["run", PLAN, "--set", SCHEDULE, "--set", f"acquisition[2].bid.by_month.{key}=22"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1].endswith(f"found '{key}'; {hint}")


def test_the_hint_followed() -> None:
    result = invoke(["run", PLAN, "--set", SCHEDULE, "--set", "acquisition[2].bid.by_month.6=22"])
    assert result.exit_code == 0, result.output


def test_the_span_hint_followed() -> None:
    """后6个月's keys 13 and 18, each 22, run."""
    result = invoke(["run", PLAN, "--set", "acquisition[2].bid={by_month: {3: 18, 13: 22, 18: 22}}"])
    assert result.exit_code == 0, result.output


def test_replacing_a_value_written_once_writes_the_month_meant() -> None:
    """B站 CPA's bid is 18: M3 is month 3, so the offered schedule is {1: 18, 2: 18, 3: 20}, which runs."""
    result = invoke(["run", PLAN, "--set", "acquisition[2].bid.by_month.M3=20"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1].endswith(
        "replace it whole, such as acquisition[2].bid={by_month: {1: 18, 2: 18, 3: 20}}")
    followed = invoke(["run", PLAN, "--set", "acquisition[2].bid={by_month: {1: 18, 2: 18, 3: 20}}"])
    assert followed.exit_code == 0, followed.output


def test_replacing_with_a_month_that_may_be_a_calendar_one() -> None:
    """6月 is offered by its number, as the file reads it: the plan starts in 2025-01 (creators-first-gated), so
    calendar June is month 6 too, one reading, 18 held through month 5. It kept the key as written, {1: 18, 6月: 20}, which followed was
    refused in turn with the month hint (a start in another month: tests/reader/test_set_month_words_offered.py)."""
    result = invoke(["run", PLAN, "--set", "acquisition[2].bid.by_month.6月=20"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1].endswith(
        "replace it whole, such as acquisition[2].bid={by_month: {1: 18, 5: 18, 6: 20}}")
    followed = invoke(["run", PLAN, "--set", "acquisition[2].bid={by_month: {1: 18, 5: 18, 6: 20}}"])
    assert followed.exit_code == 0, followed.output


@pytest.mark.parametrize(("path", "meant"), [
    ("acquisition[2].bid.by_month.1．low", "acquisition[2].bid.by_month.1.low"),
    ("acquisition[2].bid.by_month.1。low", "acquisition[2].bid.by_month.1.low"),
    ("acquisition[2].bid.by_month.1［low］", "acquisition[2].bid.by_month.1[low]"),
])
def test_a_full_width_dot_or_bracket_after_a_month_is_told_as_typed_by_an_input_method(path: str, meant: str) -> None:
    """A month key after ``by_month.`` ends at a dot or bracket an input method types, as at an ASCII one: the path is
    told its slip (write ...1.low), not read as a month named ``1．low`` (QA)."""
    result = invoke(["run", PLAN, "--set", SCHEDULE, "--set", f"{path}=9"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1].endswith(f"(IME input): write {meant}=9"), result.output
