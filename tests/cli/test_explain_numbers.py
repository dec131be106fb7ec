"""`compare --explain`'s values before and after: the number each value is in CSV's and JSON's ``from`` and ``to``
(``3万`` is 30000, ``6%`` is 0.06), empty (null) where it is no one number, and the value as written in ``from_text``
and ``to_text`` (docs/formulas.md §13), so that a spreadsheet reads ``from`` and ``to`` as columns of numbers.

Every kind of row: plain numbers (price 30 -> 25), numbers in 万 (budget 3万 -> 3.5万) and in % (conversion 0.05 ->
6%), a name (period month -> year), a range (300..1000 -> 400..1000) and values by month (bid 12 -> {by_month}).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from cli_runner import invoke

BASE = """\
name: plan
horizon_months: 12
acquisition:
  - {name: Feed, type: cpa, bid: 12, budget: "3万"}
retention: {monthly_churn: 0.2}
monetization:
  plans:
    - {name: p, price: 30, period: month, conversion: 0.05, renewal: 0.7}
costs:
  fixed: [{name: tools, monthly: 300..1000}]
"""
NEW = """\
name: plan
horizon_months: 12
acquisition:
  - {name: Feed, type: cpa, bid: {by_month: {1: 12, 7: 15}}, budget: "3.5万"}
retention: {monthly_churn: 0.2}
monetization:
  plans:
    - {name: p, price: 25, period: year, conversion: "6%", renewal: 0.7}
costs:
  fixed: [{name: tools, monthly: 400..1000}]
"""
BY_MONTH = "{by_month: {1: 12, 7: 15}}"
# path: (from, to, from_text, to_text) as CSV writes them.
EXPECTED = {
    "monetization.plans[0].price": ("30", "25", "30", "25"),
    "acquisition[0].budget": ("30000", "35000", "3万", "3.5万"),
    "monetization.plans[0].conversion": ("0.05", "0.06", "0.05", "6%"),
    "monetization.plans[0].period": ("", "", "month", "year"),
    "costs.fixed[0].monthly": ("", "", "300..1000", "400..1000"),
    "acquisition[0].bid": ("12", "", "12", BY_MONTH),
}


@pytest.fixture
def versions(tmp_path: Path) -> list[str]:
    base, new = tmp_path / "base.yaml", tmp_path / "new.yaml"
    base.write_text(BASE, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    return ["compare", str(base), str(new), "--explain"]


def test_csv_from_and_to_hold_numbers_and_the_written_values_have_their_own_columns(versions: list[str]) -> None:
    result = invoke([*versions, "--format", "csv"])
    assert result.exit_code == 0, result.stderr
    header, *rows = list(csv.reader(io.StringIO(result.stdout)))
    assert header == ["figure", "path", "base_path", "from", "to", "change", "from_text", "to_text", "currency"]
    npv = {row[1]: (row[3], row[4], row[6], row[7]) for row in rows if row[0] == "npv"}
    assert npv == EXPECTED
    # Every cell of from and to is a number or empty, on every figure's rows: a spreadsheet reads numbers.
    assert [float(cell) for row in rows for cell in row[3:5] if cell]


def test_json_from_and_to_are_numbers_or_null_beside_the_text_as_written(versions: list[str]) -> None:
    result = invoke([*versions, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    contributions = json.loads(result.stdout)["explain"]["figures"]["npv"]["contributions"]
    found = {item["path"]: (item["from"], item["to"], item["from_text"], item["to_text"]) for item in contributions}
    assert found == {
        "monetization.plans[0].price": (30, 25, "30", "25"),
        "acquisition[0].budget": (30_000, 35_000, "3万", "3.5万"),
        "monetization.plans[0].conversion": (0.05, 0.06, "0.05", "6%"),
        "monetization.plans[0].period": (None, None, "month", "year"),
        "costs.fixed[0].monthly": (None, None, "300..1000", "400..1000"),
        "acquisition[0].bid": (12, None, "12", BY_MONTH),
    }


def test_markdown_and_the_table_show_each_value_as_written(versions: list[str]) -> None:
    markdown = invoke([*versions, "--format", "markdown"]).stdout
    assert "| NPV | acquisition[Feed].budget | 3万 | 3.5万 |" in markdown
    assert "| NPV | monetization.plans[p].conversion | 0.05 | 6% |" in markdown
    assert "| NPV | costs.fixed[tools].monthly | 300..1000 | 400..1000 |" in markdown
    assert "3万 → 3.5万" in invoke(versions, env={"COLUMNS": "160"}).stdout
