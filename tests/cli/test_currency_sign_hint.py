"""An amount written with a currency's sign or word, before or after it, is told to drop it: amounts are in the
scenario's `currency:`. `¥12`, `12元` and `12 CNY` were; `$12`, `€12`, `£12`, `US$12`, `HK$12`, `12 €`, `12 USD`
only said what was found."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

PLAN = """version: 1
name: A
retention: {{monthly_churn: 0.1}}
acquisition:
  - {{name: ads, type: cpa, budget: 1000, bid: {bid}}}
"""
BID_COLUMN = len("  - {name: ads, type: cpa, budget: 1000, bid: ") + 1


@pytest.mark.parametrize(("written", "amount", "marker", "offset"), [
    ('"$12"', "12", "$", 1),  # quoted: the column is past the quote
    ("$12", "12", "$", 0),
    ("＄12", "12", "＄", 0),
    ("€12", "12", "€", 0),
    ("£1.5万", "1.5万", "£", 0),
    ("US$12", "12", "US$", 0),
    ("HK$ 12", "12", "HK$", 0),
    ("12 €", "12", "€", 3),
    ("12$", "12", "$", 2),
    ("12 USD", "12", "USD", 3),
    ("12 eur", "12", "eur", 3),
    ("12美元", "12", "美元", 2),
    ("¥12", "12", "¥", 0),  # as before
    ("12 CNY", "12", "CNY", 3),
])
@pytest.mark.parametrize(("lang", "hint"), [
    ("en", "write {amount} without '{marker}': amounts are in the scenario's currency"),
    ("zh", "请写 {amount}，去掉 '{marker}'：金额的币种由方案的 currency 决定"),
])
def test_a_currency_marker_is_told_to_go(tmp_path: Path, written: str, amount: str, marker: str, offset: int,
                                         lang: str, hint: str) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN.format(bid=written), encoding="utf-8")
    result = invoke(["--lang", lang, "run", str(plan)])
    assert result.exit_code == 2
    location = f"{plan}:5:{BID_COLUMN + offset}: acquisition[0].bid: "
    line = next(line for line in result.stderr.splitlines() if line.startswith(location))
    assert line.endswith(hint.format(amount=amount, marker=marker)), line


@pytest.mark.parametrize("written", ["12 day", "$", "US$", "12 USDT"])
def test_other_text_gets_no_currency_hint(tmp_path: Path, written: str) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN.format(bid=written), encoding="utf-8")
    result = invoke(["run", str(plan)])
    assert result.exit_code == 2
    assert "acquisition[0].bid" in result.stderr and "without" not in result.stderr
