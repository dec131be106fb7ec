"""compare's ★ marks a best value only where the difference reads in the table (docs/formulas.md §12).

100 users bought in one month at 10, each buying once at the price: gross revenue 100 x price. At 10.0000001 against
10 it is 1,000.00001 against 1,000, both 1,000.00 as shown: a ★ beside one of two equal-looking cells marked a
difference nobody could see. At 10.0001 it is 1,000.01 against 1,000.00, and the higher is marked; two columns that
both read 1,000.01 are both marked.
"""

from __future__ import annotations

import csv
import io
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
