"""Every schedule a ``--set`` of one month written in words offers, taken as offered, runs and gives the months its
reading names the value asked and every other month the value written once (review of the 个月 hints). Before,
``by_month.6月=20`` on a bid of 30 offered ``{1: 30, 6: 20}``, which ramps the bid down over months 2 to 5 (by_month
is linear between its keys, docs/formulas.md §14); ``23个月后``, ``24月`` and ``第24个月`` alike, where ``3个月后`` kept
30 through month 3. The months meant are derived from the words of each reading, the bid of each month by hand
(§14: the first key's value before it, linear between keys, the last key's after it)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_runner import invoke
from test_by_month_key_spans_around import at_month

from aigc_roi.reader.load import load_text
from aigc_roi.reader.overrides import parse_overrides

HORIZON = 12
PLAN = """name: P
horizon_months: 12
{start}retention: {{monthly_churn: 0.5}}
acquisition:
  - {{name: A, type: cpa, bid: 30, budget: 1万}}
"""
_OFFER = re.compile(r"acquisition\[0\]\.bid=(\{by_month: \{[^}]*\}\})(?: if it means (.*?))?(?=, or acquisition|$)")


def _months(reading: str, start_month: int) -> set[int]:
    """The months of the plan a reading names, from its words alone: a month named alone takes the value from it on
    (the value written once before it), a span its months, the first N months 1 to N."""
    def calendar(month: int) -> int:
        return (month - start_month) % 12 + 1

    patterns = [
        (r"the plan's month (\d+)", lambda m: set(range(int(m[1]), HORIZON + 1))),
        (r"the plan's months (\d+) to (\d+)", lambda m: set(range(int(m[1]), int(m[2]) + 1))),
        (r"the plan's first (\d+) months", lambda m: set(range(1, int(m[1]) + 1))),
        (r"calendar month (\d+) \(start \S+ is month 1\)", lambda m: set(range(calendar(int(m[1])), HORIZON + 1))),
        (r"calendar month (\d+) on \(start \S+ is month 1\)", lambda m: set(range(calendar(int(m[1])), HORIZON + 1))),
        (r"calendar months (\d+) to (\d+) \(start \S+ is month 1\)",
         lambda m: set(range(calendar(int(m[1])), calendar(int(m[2])) + 1))),
    ]
    for pattern, months in patterns:
        match = re.fullmatch(pattern, reading)
        if match:
            return months(match)
    raise AssertionError(f"no reading {reading!r}")


# key, start, the months of its one reading (None where the offer names each reading).
CASES = [
    ("6月", None, set(range(6, 13))), ("第6个月", None, set(range(6, 13))), ("M6", None, set(range(6, 13))),
    ("6", None, set(range(6, 13))), ("12月", None, {12}), ("第12个月", None, {12}), ("2月", None, set(range(2, 13))),
    ("3", None, set(range(3, 13))), ("1月", None, set(range(1, 13))), ("11个月后", None, {12}),
    ("3个月后", None, set(range(4, 13))), ("0个月后", None, set(range(1, 13))), ("前3个月", None, {1, 2, 3}),
    ("3-6", None, {3, 4, 5, 6}), ("3-6月", None, {3, 4, 5, 6}), ("3-6个月", None, None), ("2-3个月", None, None),
    ("6月", "2025-03", None), ("3-6月", "2025-03", None), ("5月起", "2025-03", None), ("2025-08", "2025-03", set(range(6, 13))),
]


@pytest.mark.parametrize(("key", "start", "meant"), CASES)
def test_every_schedule_offered_runs_and_gives_the_months_meant(tmp_path: Path, key: str, start: str | None,
                                                                meant: set[int] | None) -> None:
    text = PLAN.format(start=f"start: {start}\n" if start else "")
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    refused = invoke(["run", str(path), "--set", f"acquisition[0].bid.by_month.{key}=20"])
    assert refused.exit_code == 2
    offers = _OFFER.findall(refused.stderr.strip().partition("such as ")[2])
    assert offers, refused.stderr
    assert (meant is None) == (len(offers) > 1)
    for schedule, reading in offers:
        months = meant if meant is not None else _months(reading, int(start[5:]) if start else 1)
        setting = f"acquisition[0].bid={schedule}"
        assert invoke(["run", str(path), "--set", setting]).exit_code == 0
        bid = load_text(text, "p.yaml", parse_overrides((setting,), "--set")).scenario.acquisition[0].bid
        assert {month: at_month(bid.points, month) for month in range(1, HORIZON + 1)} == {
            month: 20 if month in months else 30 for month in range(1, HORIZON + 1)}, (schedule, reading)


@pytest.mark.parametrize("key", ["6月", "第6个月", "6"])
def test_the_month_before_keeps_the_value_in_chinese(tmp_path: Path, key: str) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(PLAN.format(start=""), encoding="utf-8")
    result = invoke(["run", str(path), "--lang", "zh", "--set", f"acquisition[0].bid.by_month.{key}=20"])
    assert result.stderr.strip().endswith(
        "不能只设置单一取值的某个月；请整体替换，如 acquisition[0].bid={by_month: {1: 30, 5: 30, 6: 20}}")


@pytest.mark.parametrize("key", ["0", "13", "30月"])
def test_a_month_outside_the_plan_offers_no_schedule(tmp_path: Path, key: str) -> None:
    """by_month.13 of 12 offered {1: 30, 13: 20}, refused once followed; now told as 30月 is."""
    path = tmp_path / "p.yaml"
    path.write_text(PLAN.format(start=""), encoding="utf-8")
    result = invoke(["run", str(path), "--set", f"acquisition[0].bid.by_month.{key}=20"])
    assert result.stderr.strip().endswith(
        "cannot set one month of a value written once; replace it whole, with months within 1..12")
