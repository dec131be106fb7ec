"""`allocate` writes budgets with the decimals that tell them apart, as the report's budget curve does.

Before, every budget the terminal and markdown wrote was a whole amount: `--budget 0.01` read `B = 0` and a curve of
0s, `--budget 2.5` read `B = 3` and a curve 0, 1, 1, 2, 3, 3, 4, 4, 5. Expected strings derived by hand.

The plan runs one month, churn 1, one purchase of 100 per user: a user is worth 100. Cheap buys a user for 20
(ROAS 5), Dear for 40 (ROAS 2.5), both without saturation: the best split gives all of B to Cheap, and the curve's
split at each budget gives it all of that budget. Today Cheap spends 30,000 and Dear 70,000.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from cli_runner import invoke

LINEAR = """\
name: Linear
acquisition:
  - {name: Cheap, type: cpa, bid: 20, budget: 30_000}
  - {name: Dear, type: cpa, bid: 40, budget: 70_000}
horizon_months: 1
retention: {monthly_churn: 1}
monetization:
  purchases: [{name: item, price: 100, rate: 1}]
"""


def _plan(tmp_path: Path) -> str:
    path = tmp_path / "linear.yaml"
    path.write_text(LINEAR, encoding="utf-8")
    return str(path)


def _allocate(tmp_path: Path, *args: str) -> str:
    result = invoke(["allocate", _plan(tmp_path), *args])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _rows(markdown: str, title: str) -> list[list[str]]:
    """The cells of the markdown table under the heading that starts with ``title``."""
    table = markdown.split(f"### {title}", 1)[1].split("\n\n", 2)[1]
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in table.splitlines()[2:]]


# 2.5 / 4 = 0.625, 1.25, 1.875, ...: whole they read 1, 1, 2; at one decimal, rounded half away from zero, apart.
CURVE_2_5 = ["0.0", "0.6", "1.3", "1.9", "2.5", "3.1", "3.8", "4.4", "5.0"]
# 0.01 / 4 = 0.0025, 0.005, 0.0075, ...: at two decimals 0.005 and 0.0075 both read 0.01; at three, apart.
CURVE_0_01 = ["0.000", "0.003", "0.005", "0.008", "0.010", "0.013", "0.015", "0.018", "0.020"]


@pytest.mark.parametrize(("lang", "title", "channels", "curve", "rising", "cheap", "dear"), [
    ("en", "Allocation · Linear · B = 2.5 a month (CNY)", "Monthly budget per channel", "Budget curve",
     "Still rising at 5.0 (2.00 × B)", ["30,000.0", "2.5", "-29,997.5"], ["70,000.0", "0.0", "-70,000.0"]),
    # 30,000 in 万 at one decimal 3.0万; -29,997.5 is -2.99975万, -3.0万.
    ("zh", "预算分配 · Linear · 每月预算 B = 2.5（CNY）", "各渠道每月预算", "预算曲线",
     "到 5.0（2.00 × B）仍在上升", ["3.0万", "2.5", "-3.0万"], ["7.0万", "0.0", "-7.0万"]),
])
def test_a_budget_of_2_5_reads_2_5_and_its_curve_apart(tmp_path: Path, lang: str, title: str, channels: str,
                                                       curve: str, rising: str, cheap: list[str], dear: list[str]) -> None:
    markdown = _allocate(tmp_path, "--budget", "2.5", "--format", "markdown", "--lang", lang)
    assert markdown.startswith(f"### {title}\n")
    rows = _rows(markdown, channels)
    # Current, best and change, after the name, type, status, minimum and maximum.
    assert [row[5:8] for row in rows] == [cheap, dear]
    assert [row[3] for row in rows] == ["0.0", "0.0"]  # the minimums
    points = _rows(markdown, curve)
    assert [row[0] for row in points] == CURVE_2_5
    assert [row[-2] for row in points] == CURVE_2_5  # Cheap's split is the whole budget
    assert [row[-1] for row in points] == ["0.0"] * 9
    assert rising in markdown


@pytest.mark.parametrize(("lang", "title", "today"), [
    ("en", "B = 0.010 a month (CNY)", "spend 100,000.000 a month, not B = 0.010"),
    ("zh", "每月预算 B = 0.010（CNY）", "每月广告支出 10.000万，而非 B = 0.010"),
])
def test_a_budget_of_0_01_reads_no_0(tmp_path: Path, lang: str, title: str, today: str) -> None:
    markdown = _allocate(tmp_path, "--budget", "0.01", "--format", "markdown", "--lang", lang)
    assert markdown.splitlines()[0].endswith(title)
    rows = _rows(markdown, "Monthly budget per channel" if lang == "en" else "各渠道每月预算")
    assert [row[6] for row in rows] == ["0.010", "0.000"]
    points = _rows(markdown, "Budget curve" if lang == "en" else "预算曲线")
    assert [row[0] for row in points] == CURVE_0_01
    assert today in markdown


def test_the_terminal_writes_the_budgets_as_markdown_does(tmp_path: Path) -> None:
    table = _allocate(tmp_path, "--budget", "0.01", "--lang", "en")
    assert table.startswith("Allocation · Linear · B = 0.010 a month (CNY)\n")
    cells = [[cell.strip() for cell in line.strip("│").split("│")] for line in table.splitlines() if line.startswith("│")]
    # The channel table's rows (split in the second cell), then the curve's (its budget first, × B second).
    assert [row[2] for row in cells if row[1] == "Best"] == ["0.010", "0.000"]
    assert [row[2] for row in cells if row[1] == "Current"] == ["30,000.000", "70,000.000"]
    assert [row[0] for row in cells if re.fullmatch(r"\d\.\d\d", row[1])] == CURVE_0_01
    assert "Still rising at 0.020 (2.00 × B)" in table


@pytest.mark.parametrize(("lang", "warning"), [
    ("en", "Dear sits on its minimum (0.0040)"),
    ("zh", "Dear 位于下限（0.0040）"),
])
def test_a_bound_other_than_0_never_reads_0(tmp_path: Path, lang: str, warning: str) -> None:
    # B = 300 reads whole (its curve steps by 75); Dear's minimum 0.004 would read 0: its first two significant digits.
    markdown = _allocate(tmp_path, "--budget", "300", "--min", "Dear=0.004", "--format", "markdown", "--lang", lang)
    dear = _rows(markdown, "Monthly budget per channel" if lang == "en" else "各渠道每月预算")[1]
    assert (dear[3], dear[6]) == ("0.0040", "0.0040")
    assert warning in markdown
    assert [row[0] for row in _rows(markdown, "Budget curve" if lang == "en" else "预算曲线")] == \
        ["0", "75", "150", "225", "300", "375", "450", "525", "600"]


def test_budgets_of_thousands_read_whole_as_before(tmp_path: Path) -> None:
    markdown = _allocate(tmp_path, "--budget", "100k", "--format", "markdown", "--lang", "en")
    assert markdown.startswith("### Allocation · Linear · B = 100,000 a month (CNY)\n")
    rows = _rows(markdown, "Monthly budget per channel")
    assert [row[3:8] for row in rows] == [["0", "—", "30,000", "100,000", "+70,000"], ["0", "—", "70,000", "0", "-70,000"]]
    assert [row[0] for row in _rows(markdown, "Budget curve")] == \
        ["0", "25,000", "50,000", "75,000", "100,000", "125,000", "150,000", "175,000", "200,000"]


def test_csv_and_json_keep_the_budgets_as_they_are(tmp_path: Path) -> None:
    channels = list(csv.DictReader(io.StringIO(_allocate(tmp_path, "--budget", "2.5", "--format", "csv"))))
    assert [(row["best_budget"], row["change"]) for row in channels] == [("2.5", "-29997.5"), ("0", "-70000")]
    curve = list(csv.DictReader(io.StringIO(_allocate(tmp_path, "--budget", "2.5", "--format", "csv", "--table", "curve"))))
    assert [row["budget"] for row in curve] == ["0", "0.625", "1.25", "1.875", "2.5", "3.125", "3.75", "4.375", "5"]
    data = json.loads(_allocate(tmp_path, "--budget", "0.01", "--format", "json"))
    assert data["budget"] == 0.01 and data["best"]["split"] == {"Cheap": 0.01, "Dear": 0.0}
    assert [point["budget"] for point in data["curve"]] == pytest.approx([0.0025 * k for k in range(9)])
    assert "not B = 0.010" in data["warnings"][0]["message"]


def test_what_the_search_leaves_below_its_resolution_reads_0() -> None:
    """`--reach` finds a split to about 1e-6 of B: at the least budget reaching 1,000 subscribers by month 6 it left
    Bilibili 0.036 of 33,251 (JSON keeps it), which the tables read 0, as whole amounts always did; only a budget given
    (B, a bound, today's) keeps its first significant digits where it would read 0."""
    plan = str(Path(__file__).resolve().parents[2] / "scenarios" / "creators-first-gated.yaml")
    args = ["allocate", plan, "--reach", "subscribers@6=1000", "--lang", "en"]
    found = json.loads(invoke([*args, "--format", "json"]).stdout)
    left = found["best"]["split"]["Bilibili CPA"]
    assert 0 <= left < 1e-5 * found["budget"]
    markdown = invoke([*args, "--format", "markdown"]).stdout
    bilibili = next(row for row in _rows(markdown, "Split per phase (monthly budget)") if row[1] == "Bilibili CPA")
    assert bilibili[2:] == ["60,000", "0"]


@pytest.mark.parametrize(("lang", "title", "row"), [
    ("en", "least budget reaching new_users@1 ≥ 0.1:", "- The milestone: 0.1 (≥ 0.1 ✓)"),
    ("zh", "达到 new_users@1 ≥ 0.1 的最低月预算", "- 里程碑: 0.1 (≥ 0.1 ✓)"),
])
def test_a_milestone_reads_as_given(tmp_path: Path, lang: str, title: str, row: str) -> None:
    """`--reach new_users@1=0.1`: a tenth of a user, bought at 20 a user for a budget of 2. The milestone read
    `≥ 0` in the title and `0 (≥ 0 ✓)` in its row (users are counts, written whole): a limit rounded is another
    limit. It reads as given, and the users reached with the decimals that show they reach it."""
    markdown = _allocate(tmp_path, "--reach", "new_users@1=0.1", "--format", "markdown", "--lang", lang)
    assert title in markdown.splitlines()[0]
    assert row in markdown
