"""`run --months`: the accrual line under the months table only where a plan payment covers more than one month;
elsewhere recognised revenue is the cash and deferred revenue 0, which the line would only repeat."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

HEAD = ("name: Accrual\nhorizon_months: 3\n"
        "acquisition: [{name: Poster, type: flat, cost: 500, users: 100, months: 1}]\n"
        "retention: {monthly_churn: 0}\n")
NOTES = ("Accrual view", "权责发生制")


def _months(tmp_path: Path, monetization: str, lang: str = "en") -> str:
    path = tmp_path / "s.yaml"
    path.write_text(HEAD + f"monetization: {monetization}\n", encoding="utf-8")
    result = invoke(["run", str(path), "--months", "--lang", lang])
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("monetization", [
    "{purchases: [{name: Pack, price: 10, rate: 1}]}",
    "{plans: [{name: Monthly, price: 10, period: month, conversion: 0.1, renewal: 1}]}",
])
def test_no_note_where_every_payment_is_recognised_in_its_month(tmp_path: Path, monetization: str, lang: str) -> None:
    out = _months(tmp_path, monetization, lang)
    assert "M3" in out, "the months table is shown"
    assert not any(note in out for note in NOTES), out


def test_an_annual_plan_keeps_the_note_with_its_amounts(tmp_path: Path) -> None:
    # 100 users x 10% = 10 subscribers paying 120 in month 1: 10 x 120 / 12 = 100 recognised a month, 300 over
    # the three months; 1,200 - 300 = 900 still owed at the end of M3.
    out = _months(tmp_path, "{plans: [{name: Annual, price: 120, period: year, conversion: 0.1}]}")
    flat = " ".join(out.split())
    assert "Accrual view: recognised revenue 300 over the horizon;" in flat
    assert "deferred revenue at the end of M3: 900." in flat
