"""`curves --format csv` carries what the table and JSON show, each under a header that says what it holds (QA what-if
F4: the renewal rate was missing and a column headed `renewal` held the renewal count)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from cli_runner import invoke

PLAN = """\
name: renewals
horizon_months: 4
acquisition:
  - {name: A, type: cpa, bid: 10, users: 100, months: 1}
  - {name: B, type: cpa, bid: 10, users: 100, months: 1, retention: {days: {1: 40%, 30: 20%}}}
retention: {monthly_churn: 0.5}
monetization:
  plans:
    - {name: Ladder, price: 10, period: month, conversion: 0.1, renewal: [0.5, 0.8]}
"""
HEADER = ["curve", "channel", "plan", "day", "age_months", "renewals", "renewal_rate", "share", "survival", "fitted",
          "observed"]


def _rows(tmp_path: Path, fmt: str = "csv") -> str:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    result = invoke(["curves", str(path), "--format", fmt])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_the_renewal_rows_carry_the_count_the_rate_and_the_survival_apart(tmp_path: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(_rows(tmp_path))))
    assert list(rows[0]) == HEADER
    ladder = [row for row in rows if row["curve"] == "renewal_survival"]
    # renewal [0.5, 0.8] repeats its last rate: after k renewals 1, 0.5, 0.5 x 0.8 = 0.4, 0.4 x 0.8 = 0.32, each paid
    # at age k (a monthly plan, ages 0..3 of a 4-month horizon); before the first renewal there is no rate.
    assert [row["plan"] for row in ladder] == ["Ladder"] * 4
    assert [row["renewals"] for row in ladder] == ["0", "1", "2", "3"]
    assert [row["age_months"] for row in ladder] == ["0", "1", "2", "3"]
    assert [row["renewal_rate"] for row in ladder] == ["", "0.5", "0.8", "0.8"]
    assert [float(row["survival"]) for row in ladder] == pytest.approx([1, 0.5, 0.4, 0.32], abs=1e-12)
    assert all(row["share"] == row["fitted"] == row["observed"] == row["channel"] == "" for row in ladder)


def test_retention_rows_name_their_channel_and_their_observed_day(tmp_path: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(_rows(tmp_path))))
    top = [row for row in rows if row["curve"] == "retention"]
    # Churn 0.5: 1, 0.5, 0.25, 0.125.
    assert [float(row["share"]) for row in top] == [1, 0.5, 0.25, 0.125]
    days = [row for row in rows if row["curve"] == "channel_retention_observed"]
    assert [(row["channel"], row["plan"], row["day"], row["observed"]) for row in days] == [
        ("B", "", "1", "0.4"), ("B", "", "30", "0.2")]
    # Two days fit exactly: D(d) = 0.4 d^-b with 30^-b = 0.5; each day at age d / 30.4375.
    assert [float(row["fitted"]) for row in days] == pytest.approx([0.4, 0.2], abs=1e-9)
    assert [float(row["age_months"]) for row in days] == pytest.approx([1 / 30.4375, 30 / 30.4375], abs=1e-12)
    assert all(row["share"] == row["survival"] == "" for row in days)


def test_every_json_number_of_a_renewal_point_is_in_the_csv(tmp_path: Path) -> None:
    report = json.loads(_rows(tmp_path, "json"))
    rows = [row for row in csv.DictReader(io.StringIO(_rows(tmp_path))) if row["curve"] == "renewal_survival"]
    points = report["renewals"][0]["points"]
    assert [p["renewal"] for p in points] == [int(row["renewals"]) for row in rows]
    assert [p["rate"] for p in points] == [None, *(pytest.approx(float(row["renewal_rate"]), abs=1e-12) for row in rows[1:])]
    assert [p["survival"] for p in points] == pytest.approx([float(row["survival"]) for row in rows], abs=1e-12)


def test_the_fits_table_names_a_channel_in_its_own_column_and_a_plan_in_its(tmp_path: Path) -> None:
    # A channel's own retention fit and a plan's renewal fit: each name under the column that says what it is, as
    # the curves CSV above (docs/formulas.md §4.9), not a channel under "plan".
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN.replace("renewal: [0.5, 0.8]", "renewal: {observed: [60%, 45%, 37%]}"), encoding="utf-8")
    for command in ("curves", "run"):
        result = invoke([command, str(path), "--format", "csv", "--table", "fits"])
        assert result.exit_code == 0, result.stderr
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        assert list(rows[0])[:4] == ["curve", "channel", "plan", "point"]
        assert [(row["curve"], row["channel"], row["plan"], row["point"]) for row in rows] == [
            ("channel_retention", "B", "", "D1"), ("channel_retention", "B", "", "D30"),
            ("renewal", "", "Ladder", "R1"), ("renewal", "", "Ladder", "R2"), ("renewal", "", "Ladder", "R3")]
