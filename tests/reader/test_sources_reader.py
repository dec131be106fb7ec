"""A channel's own `retention` and `conversion_index` in the file format (docs/formulas.md §15):
located errors in English and Chinese, the JSON Schema, `--set`, the inputs, the curves and fits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke
from jsonschema import Draft202012Validator

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.model.scenario import RetentionChurn, RetentionDays
from aigc_roi.reader.fields import json_schema
from aigc_roi.reader.load import load_text

BASE = """\
name: Sources
horizon_months: 3
retention: {{monthly_churn: 0.5}}
acquisition:
  - name: Feed
    type: cpa
    bid: 10
    users: 1000
{extra}monetization:
  plans: [{{name: Monthly, price: 30, period: month, conversion: {conversion}}}]
"""


def scenario_text(extra: str = "", conversion: str = "0.1") -> str:
    return BASE.format(extra=extra, conversion=conversion)


def errors_of(text: str) -> list[str]:
    with pytest.raises(ScenarioInvalid) as raised:
        load_text(text, "s.yaml")
    return [f"{error.line}:{error.column}: {error.path}: {error.message}" for error in raised.value.errors]


def test_a_channel_reads_its_own_retention_in_every_form_and_its_index() -> None:
    churn = load_text(scenario_text("    retention: {monthly_churn: 0.8}\n    conversion_index: 50%\n"), "s.yaml").scenario
    assert churn.acquisition[0].retention == RetentionChurn(0.8)
    assert churn.acquisition[0].conversion_index == 0.5
    days = load_text(scenario_text('    retention: {days: {1: "40%", 30: "8%"}}\n'), "s.yaml").scenario
    assert days.acquisition[0].retention == RetentionDays(((1, 0.4), (30, 0.08)))
    assert days.acquisition[0].conversion_index == 1.0


def test_an_index_that_converts_more_than_everyone_is_located_at_the_index() -> None:
    # conversion 0.4 with index 3: 120% would subscribe; the most the index may be is 1 / 0.4 = 2.5.
    text = scenario_text("    conversion_index: 3\n", conversion="0.4")
    assert errors_of(text) == [
        "9:23: acquisition[0].conversion_index: expected an index of at most 2.5: monetization.plans[0] converts 0.4 "
        "of a cohort and index x conversion must stay <= 1, found 3"]
    # Conversion by age sums over the ages: 0.3 + 0.2 = 0.5, so 2 is the most, and 2 passes.
    assert load_text(scenario_text("    conversion_index: 2\n", conversion="{0: 0.3, 2: 0.2}"), "s.yaml")


def test_a_channel_retention_gets_the_top_level_rules_located_under_the_channel() -> None:
    text = scenario_text("    retention: {points: {1: 0.3, 2: 0.5}}\n    conversion_index: -1\n")
    assert errors_of(text) == [
        "9:37: acquisition[0].retention.points[2]: expected a share <= 0.3 (retention cannot rise with age), found 0.5",
        "10:23: acquisition[0].conversion_index: expected a number >= 0, found -1",
    ]
    assert errors_of(scenario_text("    retention: {days: {1: 0.4}}\n")) == [
        "9:23: acquisition[0].retention.days: expected at least two days to fit a curve, e.g. {1: 45%, 30: 12%}, found 1"]
    assert errors_of(scenario_text("    retention: {}\n"))[0].startswith(
        "9:16: acquisition[0].retention: expected exactly one of 'points', 'monthly_churn' or 'days', found none")


def test_the_errors_read_in_chinese(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(scenario_text("    conversion_index: 3\n", conversion="0.4"), encoding="utf-8")
    result = invoke(["validate", str(path), "--lang", "zh"])
    assert result.exit_code == 2
    assert (f"{path}:9:23: acquisition[0].conversion_index: 应为不超过 2.5 的转化指数：monetization.plans[0] 的转化率合计 0.4，"
            "指数 × 转化率不能超过 1，实际为 3") in result.stdout + result.stderr


def test_the_schema_takes_a_channel_retention_and_index() -> None:
    validator = Draft202012Validator(json_schema())
    good = {"name": "s", "retention": {"monthly_churn": 0.5},
            "acquisition": [{"name": "Feed", "type": "cpa", "bid": 10, "users": 10,
                             "retention": {"days": {"1": 0.4, "30": 0.08}}, "conversion_index": "0.5..0.9"}]}
    assert not list(validator.iter_errors(good))
    bad = json.loads(json.dumps(good))
    bad["acquisition"][0]["conversion_index"] = -1
    bad["acquisition"][0]["retention"] = {"monthly_churn": 0.5, "days": {"1": 0.4}}
    assert len(list(validator.iter_errors(bad))) >= 2


def test_set_gives_a_channel_its_own_curve(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(scenario_text(), encoding="utf-8")
    plain = json.loads(invoke(["run", str(path), "--format", "json"]).stdout)
    changed = invoke(["run", str(path), "--format", "json", "--set", "acquisition[0].retention.monthly_churn=0.8",
                      "--set", "acquisition[0].conversion_index=0.5"])
    assert changed.exit_code == 0, changed.stderr
    report = json.loads(changed.stdout)
    # 1000 users a month follow 1, 0.2, 0.04 (churn 0.8): A = 1000; 200 + 1000; 40 + 200 + 1000.
    assert [month["active_users"] for month in report["months"]] == pytest.approx([1000, 1200, 1240])
    # c(a) = 0.5 x 0.1 x 30 = 1.5 in the join month (no renewal, no serving): the channel's ltv, half the plain one.
    assert report["channels"][0]["ltv"] == pytest.approx(1.5)
    assert plain["channels"][0]["ltv"] == pytest.approx(3.0)
    assert report["channels"][0]["ltv_to_cac"] == pytest.approx(0.15)


def test_curves_and_fits_show_a_channel_own_fitted_curve(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(scenario_text('    retention: {days: {1: "40%", 30: "10%"}}\n'), encoding="utf-8")
    report = json.loads(invoke(["run", str(path), "--format", "json"]).stdout)
    fit = report["fits"][0]
    assert (fit["curve"], fit["channel"], fit["field"]) == ("channel_retention", "Feed", "acquisition[0].retention.days")
    # Two points fix the power law: b = ln(0.4 / 0.1) / ln 30, u = ln 0.4.
    import math

    assert fit["parameters"]["b"] == pytest.approx(math.log(4) / math.log(30))
    assert fit["parameters"]["u"] == pytest.approx(math.log(0.4))
    curves = json.loads(invoke(["curves", str(path), "--format", "json"]).stdout)
    own = curves["channel_retention"][0]
    assert own["channel"] == "Feed"
    # R(1) = min(1, 0.4 x 30.4375^-b) at one month of age.
    assert own["retention"][1]["share"] == pytest.approx(0.4 * 30.4375 ** (-math.log(4) / math.log(30)))
    text = invoke(["curves", str(path)], env={"COLUMNS": "100"}).stdout
    assert "Retention of Feed's users by month" in text
    assert "Retention of Feed's users fitted from days" in text


def test_the_inputs_sheet_lists_a_channel_index(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "s.yaml"
    path.write_text(scenario_text("    retention: {monthly_churn: 0.8}\n    conversion_index: 0.5\n"), encoding="utf-8")
    out = tmp_path / "run.xlsx"
    assert invoke(["run", str(path), "--format", "xlsx", "--output", str(out)]).exit_code == 0
    rows = {row[0]: row[1] for row in openpyxl.load_workbook(out, read_only=True)["inputs"].iter_rows(values_only=True)}
    assert rows["acquisition[0].conversion_index"] == 0.5
    assert rows["acquisition[0].retention.monthly_churn"] == 0.8
