"""A span of plain numbers (``3-6``, ``3..6``) where one month is written is told what that place takes, and each
hint is followed here to the text it names, which must then read: a gate's ``after_month`` or a milestone's
``month`` (and ``allocate --reach``) ``write one month of 3 to 6`` (within what the field takes: a gate's test
month 1..horizon-1), a ``by_month`` key ``write keys 3 and 6``. It was told ``a range is written low..high: 3..6``,
which such a field refuses in turn (``this field is one number, not a range``): a field or option that takes no range
is never offered one (reader/numbers.py ``slip_hint``). ``--set`` of a span of months on a value written once offers
the schedule with the span's two ends as keys, which the file reads. The plan is creators-first-gated: 18 months,
start 2025-01, Bilibili CPA (acquisition[2]) bid 18, its gate after month 2, its milestone month 12."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from cli_runner import invoke

from aigc_roi.cli.allocate import parse_reach
from aigc_roi.cli.streams import start_invocation
from aigc_roi.model.scenario import Milestone

PLAN = Path(__file__).resolve().parents[2] / "scenarios" / "creators-first-gated.yaml"
GATE = "after_month: 2  "
MILESTONE = "{month: 12, subscribers"
BID = "bid: 18 "


def _plan(tmp_path: Path, old: str, new: str, start: str | None = None) -> Path:
    text = PLAN.read_text(encoding="utf-8")
    assert text.count(old) == 1
    text = text.replace(old, new)
    if start is not None:
        text = text.replace("start: 2025-01", f"start: {start}")
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _told(path: Path, lang: str = "en") -> str:
    result = invoke(["validate", str(path), "--lang", lang])
    assert result.exit_code == 2, result.stdout
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def _reads(path: Path) -> None:
    result = invoke(["validate", str(path)])
    assert result.exit_code == 0, result.stdout


@pytest.mark.parametrize(("written", "hint", "months"), [
    ("3-6", "write one month of 3 to 6", (3, 6)),
    ("3..6", "write one month of 3 to 6", (3, 6)),
    ("3 - 6", "write one month of 3 to 6", (3, 6)),
    ("1-2", "write 1 or 2", (1, 2)),
    # A gate's test month is 1..17 of 18: 10-20 offers 10 to 17 only.
    ("10-20", "write one month of 10 to 17", (10, 17)),
])
def test_a_gates_month(tmp_path: Path, written: str, hint: str, months: tuple[int, int]) -> None:
    told = _told(_plan(tmp_path, GATE, f"after_month: {written}  "))
    assert told.endswith(f"gates[0].after_month: expected a month within 1..17, found '{written}'; "
                         f"this is one month, not a span: {hint}"), told
    assert "low..high" not in told
    for month in months:  # either end of what is offered, written, reads
        _reads(_plan(tmp_path, GATE, f"after_month: {month}  "))


def test_a_gates_month_past_what_it_takes_is_not_offered(tmp_path: Path) -> None:
    """18 is the horizon, no test month (a later month must follow): 10-20 offers 17 at most, and 18 is refused."""
    told = _told(_plan(tmp_path, GATE, "after_month: 18  "))
    assert "expected a month within 1..17, found 18" in told


def test_a_gates_month_in_chinese(tmp_path: Path) -> None:
    told = _told(_plan(tmp_path, GATE, "after_month: 3-6  "), "zh")
    assert told.endswith("gates[0].after_month: 应为 1..17 之内的月份，实际为 '3-6'；此处只写一个月，不是区间："
                         "请写 3 到 6 之间的一个月"), told


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_milestones_month(tmp_path: Path, lang: str) -> None:
    told = _told(_plan(tmp_path, MILESTONE, "{month: 3-6, subscribers"), lang)
    assert told.endswith({
        "en": "targets.milestones[0].month: expected a month within 1..18, found '3-6'; this is one month, not a "
              "span: write one month of 3 to 6",
        "zh": "targets.milestones[0].month: 应为 1..18 之内的月份，实际为 '3-6'；此处只写一个月，不是区间：请写 3 到 6 之间的一个月",
    }[lang]), told
    for month in (3, 6):
        _reads(_plan(tmp_path, MILESTONE, f"{{month: {month}, subscribers"))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_by_month_key(tmp_path: Path, lang: str) -> None:
    told = _told(_plan(tmp_path, BID, "bid: {by_month: {1: 18, 3-6: 20}} "), lang)
    assert told.endswith({
        "en": "acquisition[2].bid.by_month.3-6: expected a month within 1..18, found '3-6'; a by_month key is one "
              "month, not a span: write keys 3 and 6; the same value at both holds between them; by_month runs "
              "linearly from the key before and holds its last key to the end, so write the value before at key 2 and "
              "the one after at key 7",
        "zh": "acquisition[2].bid.by_month.3-6: 应为 1..18 之内的月份，实际为 '3-6'；by_month 的键是一个月，不是区间：请写键 3 和 6；"
              "两个键取同一个值，其间各月即为该值；by_month 从前一个键线性过渡，最后一个键的值保持到期末：请把之前的值写在键 2、"
              "之后的值写在键 7",
    }[lang]), told
    _reads(_plan(tmp_path, BID, "bid: {by_month: {1: 18, 3: 20, 6: 20}} "))


def test_reach(capsys: pytest.CaptureFixture[str]) -> None:
    start_invocation(["--lang", "en"])
    with pytest.raises(typer.Exit):
        parse_reach("subscribers@3-6=100", 18)
    assert capsys.readouterr().err == ("aigc-roi: --reach: expected a month from 1 to 18 (the horizon), found '3-6'; "
                                       "this is one month, not a span: write one month of 3 to 6\n")
    for month in (3, 6):
        assert parse_reach(f"subscribers@{month}=100", 18) == Milestone(month, "subscribers", 100.0)


@pytest.mark.parametrize(("old", "new", "hint"), [
    # Decimals make no span of months: the field takes one number, and no range.
    (GATE, "after_month: 2.5-6  ", "this field is one number, not a range"),
    ("horizon_months: 18", "horizon_months: 12-18", "this field is one number, not a range"),
    ("min_roas: 0.7  ", "min_roas: 0.5-0.7  ", "this field is one number, not a range"),
    ("period: month", "period: 1-3", "this field is one number, not a range"),
    ("max_payback_months: 18 ", "max_payback_months: 12-18 ", "a target is one number, not a range"),
    ("max_payback_months: 18 ", "max_payback_months: 十二-十八 ", "a target is one number, not a range"),
])
def test_a_field_that_takes_no_range_is_offered_none(tmp_path: Path, old: str, new: str, hint: str) -> None:
    told = _told(_plan(tmp_path, old, new))
    assert told.endswith(f"; {hint}"), told
    assert "low..high" not in told


def test_a_field_that_takes_a_range_is_still_told_its_form(tmp_path: Path) -> None:
    """The other side of the rule: a fee takes a range, so 20k-45k is told 20k..45k, which reads."""
    told = _told(_plan(tmp_path, 'fee: "20k..45k"', "fee: 20k-45k"))
    assert told.endswith("a range is written low..high: 20k..45k"), told
    _reads(_plan(tmp_path, 'fee: "20k..45k"', "fee: 20k..45k"))


@pytest.mark.parametrize(("args", "told"), [
    (["simulate", str(PLAN), "--samples", "1000-2000"],
     "aigc-roi: --samples: expected a whole number from 1 to 10,000,000, found '1000-2000'; this option is one number, "
     "not a range"),
    (["allocate", str(PLAN), "--budget", "20万-30万"],
     "aigc-roi: --budget: expected a number (suffixes k, m, 万, 亿), found '20万-30万'; this option is one number, "
     "not a range"),
])
def test_an_option_takes_no_range(args: list[str], told: str) -> None:
    result = invoke(args)
    assert result.exit_code == 2
    assert result.stderr.strip() == told


def test_an_option_takes_no_range_in_chinese() -> None:
    result = invoke(["simulate", str(PLAN), "--samples", "1000-2000", "--lang", "zh"])
    assert result.exit_code == 2
    assert result.stderr.strip().endswith("；此选项是一个数，不是区间")


@pytest.mark.parametrize("key", ["3-6", "3月-6月", "M3-M6", "第3-6个月"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_set_a_span_of_a_value_written_once(key: str, lang: str) -> None:
    """Bid 18 written once; months 3 to 6 at 20, the 18 kept around them (by_month runs linearly from the key before
    and holds its last key: month 2 and month 7 keep 18), of 18 months: {1: 18, 2: 18, 3: 20, 6: 20, 7: 18}, which
    runs. It offered the span as a key ({1: 18, 3月-6月: 20}), which the file refuses, then {1: 18, 3: 20, 6: 20},
    which ramps to 20 over months 1 to 3 and keeps it after month 6."""
    result = invoke(["run", str(PLAN), "--lang", lang, "--set", f"Bilibili CPA.bid.by_month.{key}=20"])
    assert result.exit_code == 2
    schedule = "acquisition[Bilibili CPA].bid={by_month: {1: 18, 2: 18, 3: 20, 6: 20, 7: 18}}"
    assert result.output.strip().splitlines()[-1].endswith(
        {"en": f"replace it whole, such as {schedule}", "zh": f"请整体替换，如 {schedule}"}[lang])
    followed = invoke(["run", str(PLAN), "--set", schedule])
    assert followed.exit_code == 0, followed.output


def test_set_a_span_starting_at_month_one() -> None:
    """1-4: month 1 is the span's own, 20, so no key before it keeps the 18; month 5 does."""
    result = invoke(["run", str(PLAN), "--set", "Bilibili CPA.bid.by_month.1-4=20"])
    assert result.output.strip().splitlines()[-1].endswith(
        "such as acquisition[Bilibili CPA].bid={by_month: {1: 20, 4: 20, 5: 18}}")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_set_a_span_of_calendar_months(tmp_path: Path, lang: str) -> None:
    """From a March start, 3月-6月 is the plan's months 3 to 6 or March to June, months 1 to 4: both are offered,
    each of which runs."""
    path = _plan(tmp_path, "start: 2025-01", "start: 2025-03")
    result = invoke(["run", str(path), "--lang", lang, "--set", "Bilibili CPA.bid.by_month.3月-6月=20"])
    assert result.exit_code == 2
    plan, calendar = ("acquisition[Bilibili CPA].bid={by_month: {1: 18, 2: 18, 3: 20, 6: 20, 7: 18}}",
                      "acquisition[Bilibili CPA].bid={by_month: {1: 20, 4: 20, 5: 18}}")
    assert result.output.strip().splitlines()[-1].endswith({
        "en": f"such as {plan} if it means the plan's months 3 to 6, or {calendar} if it means calendar months 3 to 6 "
              "(start 2025-03 is month 1)",
        "zh": f"如 {plan}（若指方案的第 3-6 个月）；或 {calendar}（若指日历上的 3 月至 6 月，start 2025-03 为第 1 月）",
    }[lang])
    for schedule in (plan, calendar):
        followed = invoke(["run", str(path), "--set", schedule])
        assert followed.exit_code == 0, followed.output


@pytest.mark.parametrize(("lang", "told"), [
    ("en", "cannot set one month of a value written once; replace it whole, with months within 1..18"),
    ("zh", "不能只设置单一取值的某个月；请整体替换，月份须在 1..18 之内"),
])
def test_set_a_span_past_the_horizon_offers_no_schedule(lang: str, told: str) -> None:
    """Months 3 to 30 of an 18-month plan: a key 30 is refused, so no schedule is offered (it offered {1: 18, 3-30: 20})."""
    result = invoke(["run", str(PLAN), "--lang", lang, "--set", "Bilibili CPA.bid.by_month.3-30=20"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1].endswith(told)


# A span partly outside what the field takes offers its months inside it (a gate's test month is 1..17 of 18): 0-1
# holds month 1 alone, 0-3 months 1 to 3, 0-20 months 1 to 17; month 0 is before the plan.
@pytest.mark.parametrize(("written", "hint", "hint_zh", "months"), [
    ("0-1", "write 1", "请写 1", (1,)),
    ("0-3", "write one month of 1 to 3", "请写 1 到 3 之间的一个月", (1, 3)),
    ("0..20", "write one month of 1 to 17", "请写 1 到 17 之间的一个月", (1, 17)),
])
def test_a_gates_month_partly_outside_offers_the_months_inside(
        tmp_path: Path, written: str, hint: str, hint_zh: str, months: tuple[int, ...]) -> None:
    told = _told(_plan(tmp_path, GATE, f"after_month: {written}  "))
    assert told.endswith(f"gates[0].after_month: expected a month within 1..17, found '{written}'; "
                         f"this is one month, not a span: {hint}"), told
    told = _told(_plan(tmp_path, GATE, f"after_month: {written}  "), "zh")
    assert told.endswith(f"gates[0].after_month: 应为 1..17 之内的月份，实际为 '{written}'；此处只写一个月，不是区间："
                         f"{hint_zh}"), told
    for month in months:
        _reads(_plan(tmp_path, GATE, f"after_month: {month}  "))


def test_a_milestones_and_reachs_month_from_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A milestone's month is 1..18: 0-2 holds months 1 and 2."""
    told = _told(_plan(tmp_path, MILESTONE, "{month: 0-2, subscribers"))
    assert told.endswith("this is one month, not a span: write 1 or 2"), told
    for month in (1, 2):
        _reads(_plan(tmp_path, MILESTONE, f"{{month: {month}, subscribers"))
    start_invocation(["--lang", "en"])
    with pytest.raises(typer.Exit):
        parse_reach("subscribers@0-1=100", 18)
    assert capsys.readouterr().err.endswith("this is one month, not a span: write 1\n")
    assert parse_reach("subscribers@1=100", 18) == Milestone(1, "subscribers", 100.0)


def test_a_gates_month_wholly_outside_is_told_where_in_chinese_too(tmp_path: Path) -> None:
    """18-20: no month of it is a test month (1..17), so none is offered; the head is Chinese as the note is."""
    told = _told(_plan(tmp_path, GATE, "after_month: 18-20  "), "zh")
    assert told.endswith("实际为 '18-20'；此处只写一个月，不是区间；第 18-20 个月晚于此处可取的最后一个月（第 17 个月）"), told
