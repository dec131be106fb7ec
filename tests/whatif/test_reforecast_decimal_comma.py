"""A re-forecast of a plan in a currency written with a decimal comma (EUR): the numbers it writes carry no dot
before three digits, which the reader warns may group thousands there (reader/dot_group_warning.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi import api
from aigc_roi.reader.reforecast import format_number

PLAN = """\
name: KI-App
currency: EUR
horizon_months: 12
start: 2025-03
acquisition:
  - {name: Google Ads, type: cpa, bid: 2.50, budget: 1_500, match: ["G_*"]}
retention: {monthly_churn: 0.2}
"""

# 2.250,00 EUR for 2000 users in March: a CAC of 1.125, one dot before three digits.
EXPORT = "Tag;Kampagne;Kosten;Conversions\n2025-03-01;G_x;2.250,00;2000\n2025-03-31;G_x;0,00;0\n"


@pytest.mark.parametrize(("value", "written"), [(1.125, "1.1250"), (-1.125, "-1.1250"), (150.375, "150.3750"),
                                                (1234.125, "1234.125"), (0.125, "0.125"), (12.5, "12.5"), (2250.0, "2250")])
def test_a_number_is_written_without_a_dot_group(value: float, written: str) -> None:
    assert format_number(value, True) == written
    assert float(written) == value


def test_the_written_plan_reads_without_a_warning(tmp_path: Path) -> None:
    plan, export, out = tmp_path / "eur.yaml", tmp_path / "rf.csv", tmp_path / "rf.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    export.write_text(EXPORT, encoding="utf-8")
    result = invoke(["actuals", str(plan), str(export), "--decimal-comma", "--reforecast", str(out)])
    assert result.exit_code == 0, result.stderr
    assert "bid: {by_month: {1: 1.1250, 2: 2.50}}" in out.read_text(encoding="utf-8")
    [validated] = api.validate(out)
    assert (validated.errors, validated.warnings) == ((), ())
    channel = validated.loaded.scenario.acquisition[0]
    assert channel.bid.points[0] == (1, 1.125)
