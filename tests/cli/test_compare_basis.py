"""`compare` states each column's basis (horizon, start, discount rate) in every format and warns when they differ.

By hand, from the spec's worked example (tests/spec_example.py): Spring buys 1,000 users in month 1 (F = -11,000,
4,500, 2,250: cumulative cash lowest in month 1, a need of 11,000); Summer buys 1,000 more in month 2 (F = -11,000,
-6,500, 6,750, 3,375: lowest in month 2, -17,500). Spring starts 2025-01, Summer 2025-04, so Spring's month 1 is
2025-01 and Summer's month 2 is 2025-05: their peak cash months are 1 and 2, a Δ of +1 month into the plan, while
the calendar months lie four apart (docs/formulas.md §12).
"""

from __future__ import annotations

import csv
import datetime
import io
import json
from pathlib import Path

import openpyxl
import pytest
from cli_runner import invoke

SPRING = """\
name: Spring
horizon_months: 3
start: 2025-01
acquisition:
  - {name: CPA, type: cpa, bid: 20, users: 1000, months: 1}
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: item, price: 10, rate: 1}]
costs: {serving_per_active_user: 1}
"""
SUMMER = SPRING.replace("Spring", "Summer").replace("horizon_months: 3\nstart: 2025-01",
                                                    "horizon_months: 4\nstart: 2025-04\ndiscount_rate: 0.1") \
    .replace("months: 1}", "months: 1-2}")


@pytest.fixture
def plans(tmp_path: Path) -> tuple[Path, Path]:
    spring, summer = tmp_path / "spring.yaml", tmp_path / "summer.yaml"
    spring.write_text(SPRING, encoding="utf-8")
    summer.write_text(SUMMER, encoding="utf-8")
    return spring, summer


def _compare(*args: str) -> tuple[str, str]:
    result = invoke(["compare", *args])
    assert result.exit_code == 0, result.stderr
    return result.stdout, result.stderr


def test_json_states_each_scenarios_basis(plans: tuple[Path, Path]) -> None:
    stdout, _ = _compare(*map(str, plans), "--format", "json")
    spring, summer = json.loads(stdout)["scenarios"]
    assert (spring["horizon_months"], spring["start"], spring["discount_rate"]) == (3, "2025-01", 0.0)
    assert (summer["horizon_months"], summer["start"], summer["discount_rate"]) == (4, "2025-04", 0.1)
    assert (spring["figures"]["peak_cash_month"], summer["figures"]["peak_cash_month"]) == (1, 2)


def test_csv_writes_the_basis_as_numbers_after_the_figures(plans: tuple[Path, Path]) -> None:
    stdout, _ = _compare(*map(str, plans), "--format", "csv")
    rows = {row[0]: row[1:] for row in csv.reader(io.StringIO(stdout))}
    # Spring, Summer, Δ Summer, best, currency: a basis is neither a change nor ranked, and no amount.
    assert rows["horizon_months"] == ["3", "4", "", "", "", ""]
    assert rows["start_year"] == ["2025", "2025", "", "", "", ""]
    assert rows["start_month"] == ["1", "4", "", "", "", ""]
    assert rows["discount_rate"] == ["0", "0.1", "", "", "", ""]
    # One number each: no range, so the rate is the file's.
    assert rows["discount_rate_low"] == rows["discount_rate_high"] == ["", "", "", "", "", ""]
    assert rows["peak_cash_month"] == ["1", "2", "1", "", "", ""]  # the numbers; the start rows say when
    assert list(rows)[-6:] == ["horizon_months", "start_year", "start_month", "discount_rate", "discount_rate_low",
                               "discount_rate_high"]


def test_markdown_and_the_table_label_month_figures_with_their_calendar_month_where_starts_differ(
        plans: tuple[Path, Path]) -> None:
    markdown, _ = _compare(*map(str, plans), "--format", "markdown")
    assert "| Peak cash month | 1 (2025-01) | 2 (2025-05) | +1 |  |" in markdown
    assert "| Horizon (months) | 3 | 4 |  |  |" in markdown
    assert "| Start month | 2025-01 | 2025-04 |  |  |" in markdown
    assert "| Discount rate (a year) | 0% | 10% |  |  |" in markdown
    assert "_Month figures count from each scenario's own start, its calendar month in brackets; their Δ is in " \
           "months into the plan._" in markdown
    table, _ = _compare(*map(str, plans))
    assert "1 (2025-01)" in table and "2 (2025-05)" in table
    assert "Start month" in table and "Discount rate (a year)" in table and "Horizon (months)" in table
    chinese, _ = _compare(*map(str, plans), "--lang", "zh")
    assert "起始月份" in chinese and "贴现率（年）" in chinese and "括号内为日历月份" in chinese


def test_one_line_on_stderr_names_each_difference_and_what_it_affects(plans: tuple[Path, Path]) -> None:
    _, stderr = _compare(*map(str, plans), "--format", "json")
    [line] = stderr.splitlines()
    assert line.startswith("aigc-roi: the compared scenarios are on different bases: discount rate 0%, 10% a year "
                           "(NPV, MIRR, LTV and LTV : CAC are discounted at each one's own rate")
    assert "; horizon 3, 4 months (totals such as ad spend, revenue, net cash and NPV" in line
    assert "; start 2025-01, 2025-04 (month numbers count from each one's own start" in line
    _, chinese = _compare(*map(str, plans), "--format", "csv", "--lang", "zh")
    [line] = chinese.splitlines()
    assert line.startswith("aigc-roi: 对比的方案口径不同：贴现率分别为每年 0%、10%（NPV")
    assert "模拟期分别为 3、4 个月" in line and "起始月份分别为 2025-01、2025-04" in line
    _, quiet = _compare(*map(str, plans), "--format", "json", "-q")
    assert quiet == ""


def test_a_variant_at_another_rate_is_named_and_the_rest_is_not(plans: tuple[Path, Path]) -> None:
    spring = str(plans[0])
    _, stderr = _compare(spring, "--variant", "dear money: discount_rate=0.5", "--format", "csv")
    [line] = stderr.splitlines()
    assert "discount rate 0%, 50% a year" in line and "horizon" not in line and "start" not in line
    # One basis: no line, and month numbers name the same calendar month in each column, so they carry no label.
    same, stderr = _compare(spring, "--variant", "cheaper: acquisition[0].bid=15", "--format", "markdown")
    assert stderr == ""
    assert "| Peak cash month | 1 | 1 | 0 |  |" in same and "Month figures count" not in same


def test_a_file_without_a_start_reads_none_and_its_months_stay_numbers(plans: tuple[Path, Path], tmp_path: Path) -> None:
    undated = tmp_path / "undated.yaml"
    undated.write_text(SUMMER.replace("start: 2025-04\n", ""), encoding="utf-8")
    markdown, stderr = _compare(str(plans[0]), str(undated), "--format", "markdown")
    assert "| Peak cash month | 1 (2025-01) | 2 | +1 |  |" in markdown
    assert "| Start month | 2025-01 | — |  |  |" in markdown
    assert "start 2025-01, none (month numbers" in stderr
    stdout, _ = _compare(str(plans[0]), str(undated), "--format", "json")
    assert json.loads(stdout)["scenarios"][1]["start"] is None


def test_the_workbook_states_each_basis_and_npvs_rate(plans: tuple[Path, Path], tmp_path: Path) -> None:
    book = tmp_path / "cmp.xlsx"
    _compare(*map(str, plans), "--output", str(book))
    rows = {row[1]: row for row in openpyxl.load_workbook(book).active.iter_rows(min_row=2, values_only=True)}
    assert rows["horizon_months"][3:5] == (3, 4)
    assert rows["start"][3:5] == (datetime.datetime(2025, 1, 1), datetime.datetime(2025, 4, 1))
    assert rows["discount_rate"][3:5] == (0.0, 0.1)
    note = rows["npv"][5]
    assert "Spring: NPV at 0% a year: undiscounted, equal to net cash" in note
    assert "Summer: NPV at 10% a year, m = 0.797% a month compounded" in note


# A rate written as a range (QA: `discount_rate: 5%..15%` read 8.66025% in the table, 0.0866... alone in JSON): its
# median, sqrt(5% x 15%) = sqrt(0.0075) = 8.660254%, is rounded as percentages are, 8.66%, and said to be one.
RANGED = "discount_rate: 5%..15%"


def _ranged(plans: tuple[Path, Path], tmp_path: Path, rate: str = RANGED) -> list[str]:
    ranged = tmp_path / "ranged.yaml"
    ranged.write_text(SPRING.replace("Spring", "Ranged").replace("horizon_months: 3", f"horizon_months: 3\n{rate}"),
                      encoding="utf-8")
    return [str(plans[0]), str(ranged)]


def test_a_ranged_rate_reads_as_the_median_of_its_range(plans: tuple[Path, Path], tmp_path: Path) -> None:
    files = _ranged(plans, tmp_path)
    markdown, stderr = _compare(*files, "--format", "markdown")
    assert "| Discount rate (a year) | 0% | 8.66% (median of 5%..15%) |  |  |" in markdown
    assert "discount rate 0%, 8.66% (median of 5%..15%) a year (NPV" in stderr
    chinese, stderr = _compare(*files, "--format", "markdown", "--lang", "zh")
    assert "| 贴现率（年） | 0% | 8.66%（5%..15% 的中位数） |  |  |" in chinese
    assert "贴现率分别为每年 0%、8.66%（5%..15% 的中位数）（NPV" in stderr
    table = invoke(["compare", *files], env={"COLUMNS": "200"}).stdout
    assert "│ Discount rate (a year) " in table and " 8.66% (median of 5%..15%) │" in table
    stdout, _ = _compare(*files, "--format", "json")
    spring, ranged = json.loads(stdout)["scenarios"]
    assert spring["discount_rate_range"] is None
    assert ranged["discount_rate"] == pytest.approx(0.0075 ** 0.5, rel=1e-12)
    assert ranged["discount_rate_range"] == {"distribution": "lognormal", "low": 0.05, "high": 0.15, "mode": None}


def test_on_risk_a_ranged_rate_is_said_to_be_drawn_per_sample(plans: tuple[Path, Path], tmp_path: Path) -> None:
    files = _ranged(plans, tmp_path)
    markdown, stderr = _compare(*files, "--samples", "20", "--format", "markdown")
    assert "| Discount rate (a year) |  | 0% | 8.66% (median of 5%..15%, drawn per sample) |  |" in markdown
    assert "discount rate 0%, 8.66% (median of 5%..15%, drawn per sample) a year" in stderr
    chinese, stderr = _compare(*files, "--samples", "20", "--format", "markdown", "--lang", "zh")
    assert "| 贴现率（年） |  | 0% | 8.66%（5%..15% 的中位数，每个样本各自抽取） |  |" in chinese
    assert "8.66%（5%..15% 的中位数，每个样本各自抽取）" in stderr


@pytest.mark.parametrize(("rate", "shown"), [
    # By hand, docs/formulas.md §9: a uniform's median is its midpoint; a triangular's with the mode 8% below the
    # midpoint 10%, 15% - sqrt(10% x 7% / 2) = 15% - 5.916% = 9.08%; a normal's its mean; -2%..10% is a normal, 4%.
    ("{dist: uniform, low: 4%, high: 16%}", "10.00% (median of {dist: uniform, low: 4%, high: 16%})"),
    ("{dist: triangular, low: 0.05, mode: 0.08, high: 0.15}",
     "9.08% (median of {dist: triangular, low: 5%, mode: 8%, high: 15%})"),
    ("{dist: normal, mean: 10%, sd: 2%}", "10.00% (median of {dist: normal, mean: 10%, sd: 2%})"),
    ('"-2%..10%"', "4.00% (median of -2%..10%)"),
])
def test_every_kind_of_range_is_written_as_a_file_writes_it(plans: tuple[Path, Path], tmp_path: Path, rate: str,
                                                            shown: str) -> None:
    markdown, _ = _compare(*_ranged(plans, tmp_path, f"discount_rate: {rate}"), "--format", "markdown")
    assert f"| Discount rate (a year) | 0% | {shown} |  |  |" in markdown


def test_on_risk_a_range_is_another_basis_than_its_median(plans: tuple[Path, Path], tmp_path: Path) -> None:
    """Rate 10% against a uniform 0%..20% (median 10%): one basis for the figures, two for the samples."""
    fixed = tmp_path / "fixed.yaml"
    fixed.write_text(SPRING.replace("horizon_months: 3", "horizon_months: 3\ndiscount_rate: 10%"), encoding="utf-8")
    files = [str(fixed), _ranged(plans, tmp_path, "discount_rate: {dist: uniform, low: 0, high: 0.2}")[1]]
    _, stderr = _compare(*files, "--format", "csv")
    assert stderr == ""
    _, stderr = _compare(*files, "--format", "csv", "--samples", "20")
    assert "discount rate 10%, 10.00% (median of {dist: uniform, low: 0%, high: 20%}, drawn per sample) a year" in stderr


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "Ranged: 8.66% (median of 5%..15%)"),
    ("zh", "Ranged：8.66%（5%..15% 的中位数）"),
])
def test_the_workbook_says_a_ranged_rates_cell_is_its_median(plans: tuple[Path, Path], tmp_path: Path, lang: str,
                                                             said: str) -> None:
    """The cell holds sqrt(5% x 15%) = 8.660254%, a number Excel formats; its note says what the terminal, markdown
    and the stderr line say of it, and names only the scenario whose rate is a range."""
    book = tmp_path / "cmp.xlsx"
    _compare(*_ranged(plans, tmp_path), "--output", str(book), "--lang", lang)
    rows = {row[1]: row for row in openpyxl.load_workbook(book).active.iter_rows(min_row=2, values_only=True)}
    spring, ranged, note = rows["discount_rate"][3:6]
    assert spring == 0.0 and ranged == pytest.approx(0.0075 ** 0.5, rel=1e-12)
    assert note.endswith(said) and "Spring" not in note
    # One number each: the note says what the rate is and no scenario.
    _compare(*map(str, plans), "--output", str(book), "--force", "--lang", lang)
    rows = {row[1]: row for row in openpyxl.load_workbook(book).active.iter_rows(min_row=2, values_only=True)}
    assert "Spring" not in rows["discount_rate"][5] and "Summer" not in rows["discount_rate"][5]


def test_csv_writes_a_ranged_rates_median_and_its_range_as_json_has_them(plans: tuple[Path, Path],
                                                                         tmp_path: Path) -> None:
    """5%..15% is a lognormal whose 90% interval is 5% to 15%, its median sqrt(5% x 15%): CSV's low and high are JSON's
    discount_rate_range's, and empty for Spring's one rate, so a median no longer reads as the rate its file writes."""
    files = _ranged(plans, tmp_path)
    stdout, _ = _compare(*files, "--format", "csv")
    rows = {row[0]: row[1:] for row in csv.reader(io.StringIO(stdout))}
    assert float(rows["discount_rate"][1]) == pytest.approx(0.0075 ** 0.5, rel=1e-12)
    assert rows["discount_rate_low"] == ["", "0.05", "", "", "", ""]
    assert rows["discount_rate_high"] == ["", "0.15", "", "", "", ""]
    document, _ = _compare(*files, "--format", "json")
    for column, scenario in enumerate(json.loads(document)["scenarios"]):
        written = scenario["discount_rate_range"]
        assert rows["discount_rate_low"][column] == ("" if written is None else str(written["low"]))
        assert rows["discount_rate_high"][column] == ("" if written is None else str(written["high"]))
    # On risk too, where each sample draws its rate from that range.
    stdout, _ = _compare(*files, "--format", "csv", "--samples", "20")
    rows = {row[0]: row[1:] for row in csv.reader(io.StringIO(stdout))}
    assert rows["discount_rate_low"][:3] == ["", "", "0.05"] and rows["discount_rate_high"][:3] == ["", "", "0.15"]
