"""compare's ★ marks a best value only where the difference reads in the table (docs/formulas.md §12).

100 users bought in one month at 10, each buying once at the price: gross revenue 100 x price. At 10.0000001 against
10 it is 1,000.00001 against 1,000, both 1,000.00 as shown: a ★ beside one of two equal-looking cells marked a
difference nobody could see. At 10.0001 it is 1,000.01 against 1,000.00, and the higher is marked; two columns that
both read 1,000.01 are both marked.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from cli_runner import invoke

PLAN = """\
name: {name}
horizon_months: 1
acquisition:
  - {{name: A, type: cpa, bid: 10, users: 100}}
retention: {{monthly_churn: 0.5}}
monetization:
  purchases: [{{name: P, price: {price}, rate: 1}}]
"""


def _files(tmp_path: Path, *prices: str) -> list[str]:
    paths = []
    for n, price in enumerate(prices):
        path = tmp_path / f"p{n}.yaml"
        path.write_text(PLAN.format(name=f"p{n}", price=price), encoding="utf-8")
        paths.append(str(path))
    return paths


def _gross(args: list[str]) -> list[str]:
    table = invoke(["compare", *args], env={"COLUMNS": "200"}).stdout
    row = next(line for line in table.splitlines() if "Gross revenue" in line)
    return [cell.strip() for cell in row.strip("│ ").split("│")][1:]


def _best(args: list[str]) -> dict[str, str]:
    return {row["figure"]: row["best"] for row in csv.DictReader(io.StringIO(invoke(["compare", *args, "-f", "csv"]).stdout))}


def test_a_difference_the_table_does_not_show_is_no_best(tmp_path: Path) -> None:
    files = _files(tmp_path, "10.0000001", "10")
    assert _gross(files)[:2] == ["1,000.00", "1,000.00"]
    table = invoke(["compare", *files], env={"COLUMNS": "200"}).stdout
    # The legend under the table keeps its ★; no cell has one.
    assert table.count("★") == 1
    best = _best(files)
    assert best["gross_revenue"] == best["npv"] == best["roas"] == ""


def test_a_difference_shown_is_marked_and_so_is_every_value_that_reads_as_the_best(tmp_path: Path) -> None:
    files = _files(tmp_path, "10.0001", "10", "10.0001")
    # Each later column is followed by its Δ against the first.
    assert _gross(files) == ["1,000.01 ★", "1,000.00", "-0.01", "1,000.01 ★", "0.00"]
    assert _best(files)["gross_revenue"] == "p0; p2"


def test_a_chance_is_ranked_as_its_share_reads() -> None:
    """50,001 and 50,000 paying back of 100,000 draws both read 50.00%: no ★. 3 of 100,000 reads <0.01% beside 0.00%:
    the difference shows, and is marked."""
    from aigc_roi.present.compare import chance_best

    assert chance_best([0.50001, 0.5], [100_000, 100_000]) == set()
    assert chance_best([0.00003, 0.0], [100_000, 100_000]) == {0}
    assert chance_best([None, 0.2], [100, 100]) == {1}


def _json_best(args: list[str]) -> dict[str, list[str]]:
    result = invoke(["compare", *args, "-f", "json"])
    assert result.exit_code == 0, result.stderr
    best: dict[str, list[str]] = json.loads(result.stdout)["best"]
    return best


def test_json_marks_the_best_as_the_table_and_csv_do(tmp_path: Path) -> None:
    """The spec's compare shows the scenarios side by side, best marked, in every format: JSON had no mark."""
    files = _files(tmp_path, "10.0001", "10", "10.0001")
    best = _json_best(files)
    assert best["gross_revenue"] == best["npv"] == ["p0", "p2"]
    # The same 1,000 of ad spend in each (a bid of 10 for 100 users): nothing to mark.
    assert best["ad_spend"] == best["cac"] == []
    csv_best = _best(files)
    assert {name: "; ".join(names) for name, names in best.items()} == {name: csv_best[name] for name in best}


def test_json_on_risk_marks_the_best_median_and_chance(tmp_path: Path) -> None:
    files = _files(tmp_path, "10", "20")
    best = _json_best([*files, "--samples", "50"])
    # Price 20 doubles every draw's revenue over price 10's: its median NPV is the best, and so is its chance of a
    # positive ROI, 1 against 0 (1,000 of revenue for the 1,000 spent is an ROI of 0).
    assert best["npv"] == ["p1"] and best["roi_positive"] == ["p1"]
