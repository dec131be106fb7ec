"""`actuals`' plan cvr of a cpm channel whose budget saturates (docs/formulas.md §16): the model buys h / (b + h) of
the users a budget b's clicks would bring unsaturated, so the users per click it plans are the written cvr times that
share. The plan side read the written cvr, and an export exactly on plan read as converting far too few. Every
expectation is worked by hand in the comments."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi import api

# 40 per 1,000 impressions, ctr 1%, cvr 10%, saturation_budget 30,000. March: 30,000 buys 750,000 impressions, 7,500
# clicks, 750 users unsaturated, times 30,000 / 60,000 = 375, a cvr of 0.05. April: 10,000 buys 250,000 impressions,
# 2,500 clicks, 250 users times 30,000 / 40,000 = 187.5, a cvr of 0.075.
SATURATED = """\
name: saturated cpm
start: 2025-03
horizon_months: 2
acquisition:
  - name: B
    type: cpm
    cpm: 40
    ctr: 0.01
    cvr: 0.1
    budget: {by_month: {1: 30000, 2: 10000}}
    saturation_budget: 30000
    match: ["b_*"]
retention: {monthly_churn: 0.5}
"""
ON_PLAN = ("date,campaign,spend,impressions,clicks,new_users\n"
           "2025-03-01,b_1,30000,750000,7500,375\n"
           "2025-04-30,b_1,10000,250000,2500,187.5\n")


def _files(tmp_path: Path, plan: str) -> tuple[Path, Path]:
    plan_file, export_file = tmp_path / "plan.yaml", tmp_path / "export.csv"
    plan_file.write_text(plan, encoding="utf-8")
    export_file.write_text(ON_PLAN, encoding="utf-8")
    return plan_file, export_file


def test_the_plan_cvr_is_the_one_the_saturated_budget_buys_by(tmp_path: Path) -> None:
    plan_file, export_file = _files(tmp_path, SATURATED)
    [channel] = api.actuals(api.load(plan_file), [export_file], samples=100).channels
    assert [month.plan.users for month in channel.months] == pytest.approx([375.0, 187.5])
    assert [month.plan.cvr for month in channel.months] == pytest.approx([0.05, 0.075])
    assert [month.actual.cvr for month in channel.months] == pytest.approx([0.05, 0.075])
    # Over both months, by their clicks: (0.05 x 7,500 + 0.075 x 2,500) / 10,000 = 0.05625 planned, 562.5 users of
    # 10,000 clicks reported; the written 0.1 read it as 0.5625 of plan, the assumption furthest off.
    cvr = next(deviation for deviation in channel.deviations if deviation.path == "acquisition[0].cvr")
    assert (cvr.plan, cvr.actual, cvr.ratio) == pytest.approx((0.05625, 0.05625, 1.0))


def test_without_saturation_the_plan_cvr_is_the_written_one(tmp_path: Path) -> None:
    plan_file, export_file = _files(tmp_path, SATURATED.replace("    saturation_budget: 30000\n", ""))
    [channel] = api.actuals(api.load(plan_file), [export_file], samples=100).channels
    assert [month.plan.cvr for month in channel.months] == [0.1, 0.1]


def test_the_command_states_the_plan_cvr_the_model_buys_by(tmp_path: Path) -> None:
    plan_file, export_file = _files(tmp_path, SATURATED)
    result = invoke(["actuals", str(plan_file), str(export_file), "--samples", "100", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    months = json.loads(result.stdout)["channels"][0]["months"]
    assert [month["plan"]["cvr"] for month in months] == pytest.approx([0.05, 0.075])
