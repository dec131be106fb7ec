"""A plan whose last month is 9999-12, the last a horizon may reach (model/limits.py LAST_MONTH), is valid, so
`actuals` reads exports against it: its last day is 9999-12-31, never the day before 10000-01-01, which no date holds
(QA: ``internal error (ValueError: year 10000 is out of range)``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.model.actuals import plan_days

PLAN = """\
name: Late
start: {start}
horizon_months: {months}
acquisition:
  - {{name: ch, type: cpa, bid: 20, users: 1000, months: 1}}
retention: {{monthly_churn: 0.5}}
monetization:
  purchases: [{{name: item, price: 10, rate: 1}}]
"""


def _files(tmp_path: Path, start: str, months: int, day: str) -> tuple[Path, Path]:
    plan = tmp_path / "late.yaml"
    plan.write_text(PLAN.format(start=start, months=months), encoding="utf-8")
    export = tmp_path / "late.csv"
    export.write_text(f"date,campaign,spend\n{day},x,5\n", encoding="utf-8")
    return plan, export


@pytest.mark.parametrize(("start", "months", "day"), [("9999-10", 3, "9999-10-01"), ("9998-01", 24, "9998-01-01")])
def test_actuals_and_its_reforecast_read_a_plan_that_ends_in_9999_12(tmp_path: Path, start: str, months: int,
                                                                      day: str) -> None:
    plan, export = _files(tmp_path, start, months, day)
    result = invoke(["actuals", str(plan), str(export), "--map", "ch=x", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    rewritten = tmp_path / "next.yaml"
    result = invoke(["actuals", str(plan), str(export), "--map", "ch=x", "--reforecast", str(rewritten)])
    assert result.exit_code == 0, result.stderr
    assert f"start: {start}" in rewritten.read_text(encoding="utf-8")


def test_through_the_last_day_of_9999_is_within_the_plan_and_a_day_before_its_start_is_not(tmp_path: Path) -> None:
    plan, export = _files(tmp_path, "9999-10", 3, "9999-10-01")
    assert invoke(["actuals", str(plan), str(export), "--map", "ch=x", "--through", "9999-12-31"]).exit_code == 0
    refused = invoke(["actuals", str(plan), str(export), "--map", "ch=x", "--from", "9999-09-30"])
    assert refused.exit_code == 2
    assert refused.stderr == ("aigc-roi: --from: expected a date within 9999-10-01..9999-12-31 (the plan's months 1-3), "
                              "found 9999-09-30\n")


def test_plan_days_end_on_the_last_months_own_last_day() -> None:
    import datetime

    # 2024 is a leap year: February has 29 days; 9999-12 has 31.
    assert plan_days((2023, 12), 3) == (datetime.date(2023, 12, 1), datetime.date(2024, 2, 29))
    assert plan_days((9999, 12), 1) == (datetime.date(9999, 12, 1), datetime.date(9999, 12, 31))
