"""Every number a person reads rounds half away from zero, as Excel's number formats do, so the terminal, markdown,
the report, messages and the workbook show the same digits (docs/formulas.md §8, model/rounding.py).

Python's formatting rounds an exact half to even: 1,012.5 read "1,012" in the tables while the xlsx's ``#,##0``
showed 1,013. The halves are taken on the number's 15 significant digits (what CSV writes and Excel keeps), not on
its binary value: 2.675 is 2.67499999999999982... in binary, written 2.675 in CSV and shown 2.68 by Excel.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.model.rounding import fixed
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.whatif.errors import amount_text, count_texts

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("value", "decimals", "shown"), [
    (1012.5, 0, "1,013"), (266.5, 0, "267"), (-1012.5, 0, "-1,013"), (0.5, 0, "1"), (2.5, 0, "3"),
    # Not halves in binary, halves in the 15 digits every format reads: 2.675 = 2.67499999999999982236...
    (2.675, 2, "2.68"), (1.005, 2, "1.01"),
    # A sum a few units in the last place short of the half it is in exact arithmetic: CSV writes 1012.5.
    (1012.4999999999999, 0, "1,013"),
    (1012.49, 0, "1,012"),
])
def test_fixed_rounds_half_away_from_zero(value: float, decimals: int, shown: str) -> None:
    assert fixed(value, decimals, separators=True) == shown


def test_every_style_rounds_a_half_up_in_size() -> None:
    en, zh = NumberStyle("en"), NumberStyle("zh")
    assert (en.money(1012.5, 0), en.count(5562.5), en.money(0.125)) == ("1,013", "5,563", "0.13")
    # 0.00125 is 0.125%: its hundredfold, 0.125, is a half at 2 decimals (Excel's 0.00% shows 0.13%).
    assert (en.percent(0.00125), en.ratio(0.125), en.points(0.00125)) == ("0.13%", "0.13", "+0.13 pp")
    # 11,500 is 1.15万, 1.149999... as a float divided by 1e4; the decimal point is moved, not divided.
    assert (zh.count(11_500), zh.money(11_500, 0), zh.money(123_456_785, 0)) == ("1.2万", "1.2万", "1.23亿")
    assert zh.money(125_000_000, 2) == "1.25亿"
    # In a compact unit: 2,250 is 2.25k, shown 2.3 (k) as Excel's #,##0.0,"k" would.
    assert (en.in_unit(2_250, "k"), en.in_unit(1012.5, "")) == ("2.3", "1,013")
    assert en.figure("irr", 0.00125) == "0.13%" and en.figure("cac", 2.675) == "2.68"


def test_messages_round_as_the_tables_do() -> None:
    assert amount_text(1234.125) == "1,234.13"
    assert count_texts(12_345.5, 12_300) == ("12,346", "12,300")


def test_the_months_table_shows_a_half_as_the_workbook_does() -> None:
    # starter.yaml: 2,500 users a month (30,000 at a bid of 12), R = 0.35, 0.285, 0.22, 0.19667, 0.17333 at ages 1-5
    # (linear between the points). Month 2: 2,500 x 1.35 = 3,375 active at a serving cost of 0.3, 1,012.5; month 6:
    # 2,500 x (1 + 0.35 + 0.285 + 0.22 + 0.19667 + 0.17333) = 2,500 x 2.225 = 5,562.5 active users.
    starter = ROOT / "scenarios" / "starter.yaml"
    table = invoke(["run", str(starter), "--months"], env={"COLUMNS": "200", "NO_COLOR": "1"}).stdout
    row = next(line for line in table.splitlines() if line.startswith("│ M2 "))
    assert "1,013" in row and "1,012" not in row
    markdown = invoke(["run", str(starter), "--format", "markdown"]).stdout
    assert "| M6 | 2,500 | 5,563 |" in markdown


def test_a_mean_of_months_and_a_share_of_draws_round_a_half_up_too() -> None:
    # A mean payback of 6.25 months keeps one decimal (docs/simulate.md): 6.3, as Excel's 0.0 shows it, not 6.2.
    en = NumberStyle("en")
    assert (en.month(6.25, "never", 1), en.month(6.5, "never"), en.month(None, "never", 1)) == ("6.3", "7", "never")
    # 1 draw in 800 is 0.125%, a half at two decimals; 1 in 20,000 is 0.005%, which reads 0.01% as Excel shows it
    # (no "<0.01%": it is not below what is shown), and 19,999 in 20,000 is its complement, 100% - 0.01% = 99.99%.
    assert (en.share(1, 800), en.share(1, 20_000), en.share(19_999, 20_000)) == ("0.13%", "0.01%", "99.99%")
