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
    # 3..30 runs past 12: no text to write.
    ("3-30月", None, "months of the plan are their numbers alone; months 3 to 30 are past the horizon of 12 months",
     None),
    ("前13个月", None, "months of the plan are their numbers alone; months 1 to 13 are past the horizon of 12 months",
     None),
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
    ("3-30月", None, "方案的月份只写数字；第 3-30 个月超出 12 个月的期限"),
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
