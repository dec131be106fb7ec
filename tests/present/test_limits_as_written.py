"""A limit a file sets (a target's, a milestone's, a gate's) is shown as written, and the value beside it with its
unit's decimals, more only where fewer would read it as or past the limit on the wrong side (QA round E:
``new_users in month 1 is 100, must be >= 101`` for a milestone of 100.6, ``100.0 ... >= 100.4`` for one of 100.4).
model/compared.py ``against_limit``; every expected text below is worked out by hand."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.model.compared import against_limit, shown_number
from aigc_roi.present.numbers import NumberStyle

EN, ZH = NumberStyle("en"), NumberStyle("zh")

PLAN = """\
name: x
horizon_months: 2
retention: {monthly_churn: 0.5}
organic_users: 100
targets:
  milestones: [{month: 1, new_users: 100.6}]
"""


@pytest.mark.parametrize(("organic", "limit", "told"), [
    # 100 new users in month 1 (no channel, no virality): whole, beside the limit as written.
    ("100", "100.6", "new_users in month 1 is 100, must be >= 100.6"),
    ("100", "100.4", "new_users in month 1 is 100, must be >= 100.4"),
    # 100.5 would read 101, past 100.6: one decimal keeps it short of it.
    ("100.5", "100.6", "new_users in month 1 is 100.5, must be >= 100.6"),
])
def test_a_missed_milestone_states_its_limit_as_written(tmp_path: Path, organic: str, limit: str, told: str) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(PLAN.replace("organic_users: 100", f"organic_users: {organic}").replace("100.6", limit),
                    encoding="utf-8")
    result = invoke(["check", str(path)])
    assert (result.exit_code, result.stdout) == (1, f"{path}:6:16: x: milestone new_users@1 missed: {told}\n")


def test_a_missed_milestone_states_its_limit_as_written_in_chinese(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(PLAN, encoding="utf-8")
    result = invoke(["--lang", "zh", "check", str(path)])
    assert (result.exit_code, result.stdout) == (
        1, f"{path}:6:16: x：new_users@1 里程碑 未达成：第 1 个月新增用户 100，应 >= 100.6\n")


def test_the_table_states_a_met_milestones_limit_as_written(tmp_path: Path) -> None:
    # Month 1's active users are its 100.5 new users (age 0): 101 whole, past 99.95 as it is.
    path = tmp_path / "s.yaml"
    path.write_text(PLAN.replace("organic_users: 100", "organic_users: 100.5").replace(
        "new_users: 100.6", "active_users: 99.95"), encoding="utf-8")
    result = invoke(["check", str(path), "--format", "markdown"])
    assert f"| {path} | milestone active_users@1 | 101 | >= 99.95 | pass |" in result.stdout


@pytest.mark.parametrize(("show", "value", "limit", "at_least", "held", "texts"), [
    (EN.count, 100.0, 100.6, True, False, ("100", "100.6")),
    (EN.count, 100.0, 100.4, True, False, ("100", "100.4")),
    (EN.count, 100.5, 100.6, True, False, ("100.5", "100.6")),
    # 99.95 reads 100 whole and 100.0 at one decimal (half away from zero), as the limit does.
    (EN.count, 99.95, 100.0, True, False, ("99.95", "100")),
    # A pass that would read short of its limit takes the decimal that reads it past.
    (EN.count, 100.3, 100.2, True, True, ("100.3", "100.2")),
    (EN.count, 100.5, 99.95, True, True, ("101", "99.95")),
    # A gate's min_roas of 0.305 is no 0.31; a CAC of 40.004 over 40 is no 40.00.
    (lambda value, places: EN.ratio(value, 2 + places), 0.2, 0.305, True, False, ("0.20", "0.305")),
    (lambda value, places: EN.money(value, 2 + places), 40.004, 40.0, False, False, ("40.004", "40.00")),
    # 23,540 is 2.354万 (2.35万 is 23,500); 23,520 reads 2.35万, below it.
    (lambda value, places: ZH.money(value, 2 + places), 23_520.0, 23_540.0, True, False, ("2.35万", "2.354万")),
    (lambda value, places: EN.percent(value, 2 + places), -0.031, 0.0, True, False, ("-3.10%", "0.00%")),
])
def test_against_limit(show: Callable[[float | None, int], str], value: float, limit: float, at_least: bool, held: bool,
                       texts: tuple[str, str]) -> None:
    assert against_limit(show, value, limit, 0, at_least, held) == texts


def test_a_value_that_is_no_number_keeps_its_text() -> None:
    assert against_limit(lambda value, places: EN.month(value, "never", places), None, 12.0, 0, False, False) == (
        "never", "12")


@pytest.mark.parametrize(("text", "number"), [
    ("-1,199.996", "-1199.996"), ("12.50%", "0.125"), ("2.354万", "23540"), ("1.25亿", "125000000"),
    ("never", None), ("—", None), ("> 1,000%", None), ("<0.01%", None),
])
def test_the_number_a_text_shows(text: str, number: str | None) -> None:
    assert shown_number(text) == (None if number is None else Decimal(number))
