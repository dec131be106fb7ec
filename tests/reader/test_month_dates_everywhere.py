"""A month of the plan written as a date is told which month it is wherever a month is written, not only in a
milestone or a gate (tests/reader/test_month_and_target_messages.py): a ``by_month`` key, a channel's, order's or
fixed cost's ``months`` (one date, a list of dates, a span of two), and ``allocate --reach``. A list written as text
(``channels: 小红书达人``) is shown in brackets, and a misspelt --reach key gets the key it resembles."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.load import load_text

PLAN = """name: 画途
horizon_months: 18
{start}acquisition:
  - {{name: 小红书达人, type: flat, cost: 1000, users: 100, months: {months}}}
  - {{name: 抖音激活CPA, type: cpa, bid: {bid}, budget: 1000}}
retention: {{monthly_churn: 0.3}}
gates:
  - name: 达人验证
    after_month: 3
    channels: {channels}
    min_roas: 0.5
"""
COUNTED = "months are counted from start (2025-03 is month 1)"


def _messages(start: str = "2025-03", months: str = "all", bid: str = "12", channels: str = "[小红书达人]") -> dict[str, str]:
    text = PLAN.format(start=f"start: {start}\n" if start else "", months=months, bid=bid, channels=channels)
    with pytest.raises(ScenarioInvalid) as raised:
        load_text(text, "s.yaml")
    return {error.path: error.message for error in raised.value.errors}


@pytest.mark.parametrize(("key", "hint"), [
    # start 2025-03 is month 1: 2025-06 is (2025 - 2025) x 12 + 6 - 3 + 1 = 4; 2026-08 is 12 + 8 - 3 + 1 = 18.
    ('"2025-06"', f"{COUNTED}: 2025-06 is month 4"),
    ("2026-08", f"{COUNTED}: 2026-08 is month 18"),
    ('"2025-01"', f"{COUNTED}: 2025-01 is before it"),
])
def test_a_by_month_key_written_as_a_date_is_told_its_month(key: str, hint: str) -> None:
    found = key.strip('"')
    assert _messages(bid=f"{{by_month: {{{key}: 12, 18: 30}}}}") == {
        f"acquisition[1].bid.by_month.{found}": f"expected a month within 1..18, found '{found}'; {hint}"}


def test_without_start_a_by_month_date_is_no_month() -> None:
    assert _messages(start="", bid='{by_month: {"2025-06": 12}}') == {
        "acquisition[1].bid.by_month.2025-06": "expected a month within 1..18, found '2025-06'; "
                                               "a month of the plan is a number, 1 for its first, not a date"}


MONTHS_EXPECTED = "expected all, a month, a span 'a-b' or a list of months within 1..18"


@pytest.mark.parametrize(("months", "path", "expected", "hint"), [
    ('"2025-06"', "acquisition[0].months", MONTHS_EXPECTED, "2025-06 is month 4"),
    ("2025-06", "acquisition[0].months", MONTHS_EXPECTED, "2025-06 is month 4"),
    # A span of two dates: 2025-04 is month 2, 2025-09 is month 7; once read as the span 2025..4.
    ('"2025-04-2025-09"', "acquisition[0].months", MONTHS_EXPECTED, "2025-04 to 2025-09 are months 2-7"),
    ('"2025-04～2025-09"', "acquisition[0].months", MONTHS_EXPECTED, "2025-04 to 2025-09 are months 2-7"),
    ('"2025-01-2025-06"', "acquisition[0].months", MONTHS_EXPECTED, "2025-01 is before it"),
    ("[1, 2025-06]", "acquisition[0].months[1]", "expected a month within 1..18", "2025-06 is month 4"),
])
def test_a_channels_months_written_as_dates_are_told_their_months(months: str, path: str, expected: str,
                                                                   hint: str) -> None:
    message = _messages(months=months)[path]
    assert message == f"{expected}, found '{months.strip('[]').removeprefix('1, ').strip(chr(34))}'; {COUNTED}: {hint}"


@pytest.mark.parametrize(("channels", "found", "listed"), [
    ("小红书达人", "'小红书达人'", "[小红书达人]"),
    ("小红书达人, 抖音激活CPA", "'小红书达人, 抖音激活CPA'", "[小红书达人, 抖音激活CPA]"),
    ("小红书达人， 抖音激活CPA", "'小红书达人， 抖音激活CPA'", "[小红书达人, 抖音激活CPA]"),
])
def test_a_list_of_names_written_as_text_is_shown_in_brackets(channels: str, found: str, listed: str) -> None:
    assert _messages(channels=channels) == {
        "gates[0].channels": f"expected a list, found {found}; a list is written in brackets: {listed}"}


def test_text_brackets_would_not_read_as_the_names_gets_no_list_to_copy() -> None:
    assert _messages(channels="'a: b'") == {"gates[0].channels": "expected a list, found 'a: b'"}


@pytest.mark.parametrize(("message", "chinese"), [
    ("expected a month within 1..18, found 2025-06; months are counted from start (2025-03 is month 1): "
     "2025-06 is month 4", "应为 1..18 之内的月份，实际为 2025-06；月份从 start 起算（2025-03 为第 1 月）：2025-06 是第 4 月"),
    ("expected a month within 1..18, found '2025-04-2025-09'; months are counted from start (2025-03 is month 1): "
     "2025-04 to 2025-09 are months 2-7",
     "应为 1..18 之内的月份，实际为 '2025-04-2025-09'；月份从 start 起算（2025-03 为第 1 月）：2025-04 至 2025-09 是第 2-7 月"),
    ("expected a list, found '小红书达人'; a list is written in brackets: [小红书达人]",
     "应为列表，实际为 '小红书达人'；列表要写在方括号里：[小红书达人]"),
])
def test_the_hints_read_in_chinese(message: str, chinese: str) -> None:
    assert translate(message) == chinese


GATED = Path(__file__).resolve().parents[2] / "scenarios" / "creators-first-gated.yaml"
"""start: 2025-01, horizon_months: 18."""


@pytest.mark.parametrize(("reach", "lang", "line"), [
    # start 2025-01: 2025-08 is month 8.
    ("subscribers@2025-08=5000", "en", "aigc-roi: --reach: expected a month from 1 to 18 (the horizon), found '2025-08'; "
                                       "months are counted from start (2025-01 is month 1): 2025-08 is month 8"),
    ("subscribers@2025-08=5000", "zh", "aigc-roi: --reach：应为 1 到 18 之间的月份（周期内），实际为 '2025-08'；"
                                       "月份从 start 起算（2025-01 为第 1 月）：2025-08 是第 8 月"),
    ("subscriber@6=5000", "en", "aigc-roi: --reach: expected KEY@MONTH=VALUE with KEY one of subscribers, gross_revenue, "
                                "new_users, active_users, cumulative_cash, such as 'subscribers@6=1000', found "
                                "'subscriber@6=5000'; did you mean 'subscribers'?"),
    ("subscriber@6=5000", "zh", "aigc-roi: --reach：应为 KEY@MONTH=VALUE 形式，KEY 取 subscribers、gross_revenue、"
                                "new_users、active_users、cumulative_cash 之一，如 'subscribers@6=1000'，实际为 "
                                "'subscriber@6=5000'；是否想写 'subscribers'？"),
])
def test_allocate_reach_is_told_its_month_and_its_key(reach: str, lang: str, line: str) -> None:
    result = invoke(["allocate", str(GATED), "--reach", reach, "--lang", lang])
    assert (result.exit_code, result.stderr) == (2, line + "\n")
