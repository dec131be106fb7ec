"""`compare --format xlsx`, read back with openpyxl: each share of `--explain` in its own number format, the inputs'
values as numbers, and why a none figure is none, scenario by scenario (en and zh).

Two changes to the spec's worked example (tests/spec_example.py: F = -11,000, 4,500, 2,250, never paid back within
3 months, which the split counts as month 4), each figure by hand:
A, bid 20 -> 15: ad spend 15,000, F = -6,000, 4,500, 2,250, cumulative -6,000, -1,500, 750: payback month 3;
B, price 10 -> 12: contribution 11,000, 5,500, 2,750, F = -9,000, 5,500, 2,750, cumulative ends at -750: month 4;
both: F = -4,000, 5,500, 2,750, cumulative -4,000, 1,500: month 2.
Shapley shares of the payback's move 4 -> 2: A = ((3 - 4) + (2 - 4)) / 2 = -1.5, B = ((4 - 4) + (2 - 3)) / 2 = -0.5,
halves of a month that a whole-month format would show as -2 and -1 (or -0).
NPV (discount rate 0, so net cash): -4,250, A 750, B -750, both 4,250: A = (5,000 + 5,000) / 2 = 5,000,
B = (3,500 + 3,500) / 2 = 3,500.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from cli_runner import invoke
from spec_example import WORKED_EXAMPLE

from aigc_roi.present.labels import label

NEW = WORKED_EXAMPLE.replace("bid: 20", "bid: 15").replace("price: 10", "price: 12")
FREE = WORKED_EXAMPLE.replace("name: Spec worked example", "name: Free launch").replace(
    "{name: CPA, type: cpa, bid: 20, users: 1000, months: 1}", "{name: Groups, type: flat, cost: 0, users: 1000, months: 1}")
"""The same users for nothing: no paid users, so cac is none, and F = 9,000, 4,500, 2,250 never changes sign."""
TWO_SIGN_CHANGES = WORKED_EXAMPLE.replace("name: Spec worked example", "name: Second wave").replace(
    "costs: {serving_per_active_user: 1}", "costs: {serving_per_active_user: 1, fixed: [{name: f, monthly: 3000, months: 3}]}")
"""F = -11,000, 4,500, -750: two sign changes (docs/formulas.md §5, MIRR)."""


def _compare(tmp_path: Path, first: str, second: str, *args: str) -> openpyxl.Workbook:
    paths = []
    for name, text in (("first.yaml", first), ("second.yaml", second)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    target = tmp_path / "compare.xlsx"
    result = invoke(["compare", *paths, "-f", "xlsx", "-o", str(target), *args])
    assert result.exit_code == 0, result.stderr
    return openpyxl.load_workbook(target)


@pytest.mark.parametrize(("lang", "sheet", "payback"), [("en", "explain", "Payback month (plan cash)"),
                                                        ("zh", "变化来源", "回本月份（全盘现金）")])
def test_a_share_of_a_month_shows_its_decimals(tmp_path: Path, lang: str, sheet: str, payback: str) -> None:
    explained = _compare(tmp_path, WORKED_EXAMPLE, NEW, "--explain", "--lang", lang)[sheet]
    shares = {(row[0].value, row[2].value): row[7] for row in explained.iter_rows(min_row=2)}
    bid, price = shares[(payback, "acquisition[0].bid")], shares[(payback, "monetization.purchases[0].price")]
    assert (bid.value, price.value) == (pytest.approx(-1.5), pytest.approx(-0.5))
    assert bid.number_format == price.number_format == "0.00"


def test_every_column_of_the_explain_sheet_has_its_format(tmp_path: Path) -> None:
    explained = _compare(tmp_path, WORKED_EXAMPLE, NEW, "--explain")["explain"]
    assert [cell.value for cell in explained[1]] == ["Figure", "Unit", "Input", "Input in base", "Input unit", "From",
                                                     "To", "Change", "Note"]
    rows = {(row[0].value, row[2].value): row for row in explained.iter_rows(min_row=2)}
    bid = rows[("NPV", "acquisition[0].bid")]
    # From and To are the numbers written, not text Excel flags as "number stored as text".
    assert bid[3].value == "acquisition[0].bid"  # in BASE, where nothing moved
    assert [(cell.value, cell.data_type) for cell in bid[5:7]] == [(20, "n"), (15, "n")]
    assert (bid[7].value, bid[7].number_format) == (pytest.approx(5000), "#,##0.00")
    assert rows[("NPV", "monetization.purchases[0].price")][7].value == pytest.approx(3500)
    assert rows[("ROI (paid, after variable, before fixed)", "acquisition[0].bid")][7].number_format == "0.00%"
    assert rows[("Peak cash need", "acquisition[0].bid")][7].number_format == "#,##0.00"
    assert all(row[8].value is None for row in rows.values())  # every share is split: no note


TWO_CHANNELS = WORKED_EXAMPLE.replace("months: 1}", "months: 1}\n  - {name: Feed, type: cpa, bid: 10, users: 100, months: 1}")
FEED_FIRST = WORKED_EXAMPLE.replace("  - {name: CPA, type: cpa, bid: 20,",
                                    "  - {name: Feed, type: cpa, bid: 10, users: 100, months: 1}\n  - {name: CPA, type: cpa, bid: 15,")


@pytest.mark.parametrize(("lang", "sheet", "header"), [("en", "explain", "Input in base"), ("zh", "变化来源", "基准中的输入")])
def test_each_input_has_its_path_in_base_beside_its_path_in_new(tmp_path: Path, lang: str, sheet: str, header: str) -> None:
    # CPA is the first channel of BASE and the second of NEW, its bid 20 -> 15, as CSV's path and base_path say.
    explained = _compare(tmp_path, TWO_CHANNELS, FEED_FIRST, "--explain", "--lang", lang)[sheet]
    assert [cell.value for cell in explained[1]][2:4] == [label("explain_input", lang), header]
    rows = list(explained.iter_rows(min_row=2, values_only=True))
    assert rows and all(row[2:7] == ("acquisition[1].bid", "acquisition[0].bid", "CNY", 20, 15) for row in rows)


def test_the_rest_that_is_not_split_has_no_path_in_base(tmp_path: Path) -> None:
    added = WORKED_EXAMPLE.replace("rate: 1}]", "rate: 1}, {name: Extra, price: 2, rate: 1}]")
    explained = _compare(tmp_path, WORKED_EXAMPLE, added, "--explain")["explain"]
    rest = [row for row in explained.iter_rows(min_row=2, values_only=True) if row[2].startswith("not split:")]
    assert rest and all(row[3:7] == (None, None, None, None) for row in rest)
    # The rest is a share of the figure's change: in the figure's unit, as every share is.
    assert {row[0]: row[1] for row in rest}["NPV"] == "CNY"


def test_a_share_that_is_not_split_says_why(tmp_path: Path) -> None:
    # The free launch spends nothing, so its roi is none and no share of the roi's change exists.
    explained = _compare(tmp_path, WORKED_EXAMPLE, WORKED_EXAMPLE.replace("bid: 20", "bid: 0"), "--explain")["explain"]
    roi = [row for row in explained.iter_rows(min_row=2, values_only=True) if row[0].startswith("ROI")]
    assert roi and all(row[7] is None and row[8] == "not split (none in a combination)" for row in roi)


@pytest.mark.parametrize(("lang", "sheet", "notes"), [
    ("en", "compare", {"cac": "Free launch: its denominator is 0",
                       # Second wave's user earns 9 + 4.5 + 2.25 = 15.75 of its CAC of 20 in 3 months: never.
                       "cac_payback_months": "Free launch: CAC is none (its denominator is 0); Second wave: never within a user's "
                                             "ltv_months",
                       "irr": "Free launch: none: no sign change; Second wave: none: more than one sign change",
                       "payback_month": "Second wave: never within 3 months"}),
    ("zh", "方案对比", {"cac": "Free launch：分母为 0",
                       "cac_payback_months": "Free launch：获客成本为无（分母为 0）；Second wave：用户 ltv_months 个月内未回收",
                       "irr": "Free launch：无：现金流未变号；Second wave：无：现金流多次变号",
                       "payback_month": "Second wave：3 个月内未回本"}),
])
def test_a_none_figure_says_why_for_each_scenario(tmp_path: Path, lang: str, sheet: str, notes: dict[str, str]) -> None:
    compared = _compare(tmp_path, FREE, TWO_SIGN_CHANGES, "--lang", lang)[sheet]
    header = [cell.value for cell in compared[1]]
    assert header[3:5] == ["Free launch", "Second wave"] and header[5] == ("Note" if lang == "en" else "说明")
    rows = {row[1]: row for row in compared.iter_rows(min_row=2, values_only=True)}
    for key, note in notes.items():
        assert rows[key][5] == note
    assert rows["cac"][3:5] == (None, 20)
    assert rows["ad_spend"][5] is None  # a figure none nowhere has no note
