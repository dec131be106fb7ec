"""`simulate --samples-out`: a figure counted in whole months reads as a whole number (16, not 16.0), as every
other CSV and JSON write it; a month that is none (never paid back, no cash need) stays an empty cell / a null.

The plan: 1000 users bought in month 1 at a bid B ~ U[0, 30], who stay and spend 1 a month over 24 months.
Cumulative cash in month t is 1000 t - 1000 B, so payback comes in month max(1, ceil(B)), never where B > 24;
the cash need is deepest in month 1 where B > 1 (1000 B - 1000 owed), and there is none where B <= 1.
"""

from __future__ import annotations

import csv
import math
import textwrap
from pathlib import Path

import pytest
from cli_runner import invoke

PLAN = """\
name: Whole months
horizon_months: 24
acquisition:
  - {name: Ads, type: cpa, bid: {dist: uniform, low: 0, high: 30}, users: 1000, months: 1}
retention: {monthly_churn: 0}
monetization:
  purchases: [{name: Credits, price: 1, rate: 1}]
"""
MONTHS = ("payback_month", "first_payback_month", "paid_payback_month", "peak_cash_month", "cac_payback_months")


def _payback(bid: float) -> int | None:
    return None if bid > 24 else max(1, math.ceil(bid))


def _peak_cash_month(bid: float) -> int | None:
    return 1 if bid > 1 else None


def _samples(tmp_path: Path, name: str) -> Path:
    plan = tmp_path / "plan.yaml"
    plan.write_text(textwrap.dedent(PLAN), encoding="utf-8")
    out = tmp_path / name
    result = invoke(["simulate", str(plan), "--samples", "400", "--samples-out", str(out), "-q", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    return out


def test_csv_writes_whole_months_as_whole_numbers_and_never_as_an_empty_cell(tmp_path: Path) -> None:
    with _samples(tmp_path, "samples.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 400
    for row in rows:
        bid = float(row["acquisition[0].bid"])
        for name, expected in (("payback_month", _payback(bid)), ("first_payback_month", _payback(bid)),
                               ("peak_cash_month", _peak_cash_month(bid))):
            assert row[name] == ("" if expected is None else str(expected)), (name, bid, row[name])
        assert all(row[name] == "" or row[name].isdigit() for name in MONTHS), row
    # Both kinds of none are in the draws: a bid past 24 never pays back, one below 1 owes nothing.
    assert any(row["payback_month"] == "" for row in rows) and any(row["peak_cash_month"] == "" for row in rows)
    # The amounts keep their full precision as floats.
    assert all("." in row["net_cash"] or "e" in row["net_cash"] for row in rows)


def test_parquet_holds_whole_months_as_nullable_integers(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    frame = pd.read_parquet(_samples(tmp_path, "samples.parquet"))
    for name in MONTHS:
        assert str(frame[name].dtype) == "Int64", name
    for bid, payback, peak in zip(frame["acquisition[0].bid"], frame["payback_month"], frame["peak_cash_month"],
                                  strict=True):
        assert (None if payback is pd.NA else payback) == _payback(bid)
        assert (None if peak is pd.NA else peak) == _peak_cash_month(bid)
    assert str(frame["net_cash"].dtype) == "float64"
