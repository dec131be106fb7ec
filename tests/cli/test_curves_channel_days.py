"""A channel's own day retention shows in `curves` as fully as the top-level curve's (docs/formulas.md §4.9): its
observed days in the chart's Observed column, in CSV rows and in JSON, each at age day / 30.4375."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import numpy as np
import pytest
from cli_runner import invoke

CHANNELS = """\
name: channels
horizon_months: 6
acquisition:
  - {name: Douyin CPA, type: cpa, bid: 10, users: 1000, months: 1, retention: {days: {1: 25%, 7: 10%, 30: 4%}}}
  - {name: KOL, type: flat, cost: 5000, users: 500, months: 1, retention: {monthly_churn: 0.3}}
retention:
  days: {1: 40%, 7: 20%, 30: 10%}
"""
OWN_DAYS, OWN_SHARES = [1, 7, 30], [0.25, 0.10, 0.04]


def _path(tmp_path: Path) -> str:
    path = tmp_path / "channels.yaml"
    path.write_text(CHANNELS, encoding="utf-8")
    return str(path)


def _fitted(days: list[int], shares: list[float]) -> np.ndarray:
    slope, intercept = np.polyfit(np.log(days), np.log(shares), 1)
    return np.exp(intercept) * np.array(days, dtype=float) ** slope


def test_the_channels_chart_has_an_observed_column_like_the_top_level_one(tmp_path: Path) -> None:
    table = invoke(["curves", _path(tmp_path), "--lang", "en"], env={"COLUMNS": "120"}).stdout
    own = table[table.index("Retention of Douyin CPA's users by month"):table.index("Retention of KOL's users by month")]
    assert "Observed" in own and "◆ D1 25.00%" in own and "◆ D7 10.00%" in own and "◆ D30 4.00%" in own
    # D30 is 0.99 months old: on the row of age 1, as in the top-level chart.
    assert [line for line in own.splitlines() if "◆ D30" in line][0].split("│")[1].strip() == "1"
    assert "Observed: each day's share as given" in own
    kol = table[table.index("Retention of KOL's users by month"):]
    assert "◆" not in kol.split("Retention fitted from days")[0]


def test_the_channels_observed_days_are_csv_rows_and_json_like_the_top_level_ones(tmp_path: Path) -> None:
    path = _path(tmp_path)
    rows = list(csv.DictReader(io.StringIO(invoke(["curves", path, "--format", "csv"]).stdout)))
    own = [row for row in rows if row["curve"] == "channel_retention_observed"]
    assert [row["channel"] for row in own] == ["Douyin CPA"] * 3
    assert [float(row["age_months"]) for row in own] == pytest.approx([day / 30.4375 for day in OWN_DAYS], abs=1e-12)
    assert [float(row["observed"]) for row in own] == OWN_SHARES
    assert [float(row["fitted"]) for row in own] == pytest.approx(list(_fitted(OWN_DAYS, OWN_SHARES)), abs=1e-12)
    report = json.loads(invoke(["curves", path, "--format", "json"]).stdout)
    douyin, kol = report["channel_retention"]
    assert [(day["day"], day["observed"]) for day in douyin["observed_days"]] == list(zip(OWN_DAYS, OWN_SHARES, strict=True))
    assert [day["fitted"] for day in douyin["observed_days"]] == pytest.approx(list(_fitted(OWN_DAYS, OWN_SHARES)), abs=1e-12)
    assert kol["observed_days"] == []
    # The top-level curve's days stay where they were.
    assert [day["day"] for day in report["observed_days"]] == [1, 7, 30]


def test_a_daily_export_lists_the_day_nearest_each_months_age_and_counts_the_rest(tmp_path: Path) -> None:
    days = {day: 0.5 * day**-0.4 for day in range(1, 91)}
    path = tmp_path / "daily.yaml"
    path.write_text("name: daily\nhorizon_months: 4\nretention:\n  days: {"
                    + ", ".join(f"{day}: {share:.6f}" for day, share in days.items()) + "}\n", encoding="utf-8")
    table = invoke(["curves", str(path), "--lang", "en"], env={"COLUMNS": "120"}).stdout
    # Age 1 holds days 16..45 (day / 30.4375 rounds to 1): D30 is nearest 30.4375, and 29 more.
    assert f"◆ D30 {days[30] * 100:.2f}%" in table and "+29 more points (fit table)" in table
    assert f"◆ D1 {days[1] * 100:.2f}%" in table and "+14 more points (fit table)" in table


def _chart(tmp_path: Path, horizon: int, days: str, lang: str = "en") -> str:
    path = tmp_path / "late.yaml"
    path.write_text(f"name: late\nhorizon_months: {horizon}\nretention:\n  days: {{{days}}}\n", encoding="utf-8")
    result = invoke(["curves", str(path), "--lang", lang], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    return result.stdout.split("Retention fitted from days" if lang == "en" else "由日留存拟合的留存")[0]


@pytest.mark.parametrize(("lang", "note"), [
    ("en", "◆ D90 35.00% past the last age shown, 2 (fit table)"),
    ("zh", "超出表中最大月龄 2（见拟合表）：◆ D90 35.00%"),
])
def test_a_day_past_the_tables_last_age_is_named_under_it(tmp_path: Path, lang: str, note: str) -> None:
    # A 3-month table has ages 0..2; D90 is 90 / 30.4375 = 2.96 months old, rounded 3: past it (QA what-if F9d).
    chart = _chart(tmp_path, 3, "1: 60%, 7: 45%, 30: 35%, 60: 35%, 90: 35%", lang)
    assert "◆ D60 35.00%" in chart.split(note)[0]  # 60 / 30.4375 = 1.97: the row of age 2
    assert note in " ".join(chart.split())


def test_a_table_with_every_day_past_it_has_no_empty_observed_column(tmp_path: Path) -> None:
    # One month: age 0 only; D30 (0.99) and D60 (1.97) both round past it.
    chart = _chart(tmp_path, 1, "30: 40%, 60: 30%")
    assert "Observed:" not in chart and "┃ Observed" not in chart
    assert "◆ D30 40.00%, ◆ D60 30.00% past the last age shown, 0 (fit table)" in " ".join(chart.split())


@pytest.mark.parametrize(("lang", "note"), [
    ("en", "D46–D90 (45 points) past the last age shown, 1 (fit table)"),
    ("zh", "超出表中最大月龄 1（见拟合表）：D46–D90（45 个数据点）"),
])
def test_a_daily_export_past_the_table_is_one_span(tmp_path: Path, lang: str, note: str) -> None:
    # Two months: ages 0 and 1; day d rounds past 1 from d / 30.4375 >= 1.5, d >= 45.66: D46..D90, 45 observed
    # days, counted as points: "(45 days)" / "（45 天）" read as a duration, not the 44 days D46–D90 spans (QA zh3 F5).
    chart = _chart(tmp_path, 2, ", ".join(f"{day}: {0.5 * day**-0.4:.6f}" for day in range(1, 91)), lang)
    assert note in " ".join(chart.split())
