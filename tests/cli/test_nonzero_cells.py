"""An amount or count other than 0 never reads as 0 in the months and cohort tables, in a compact unit or in full,
in English and Chinese; a true 0 still reads 0 (present/numbers.py ``whole`` and ``in_unit``'s ``nonzero``).

Before, beside a 120,000,000 brand month, the 300 of ad spend of months 2-6 read 0.0 (M) (0.00 in 亿), their net cash
of -650.85 read 0.0 (M), 100 new users 0.0 (万), and a cohort's -0.35 read 0, as a month or cohort of nothing does.

Hand calculation (BIG): the brand buys 100,000 users in month 1 for 120,000,000; the cpa channel spends its budget of
300 at a bid of 3 every month: exactly 300 of ad spend and 100 new users a month. Churn 0.3 keeps 70% a month; each
active user buys 0.01 packs of 0.5 (0.005 of revenue) and costs 0.01 to serve, a contribution of -0.005 a month.
  month 2: active 100,100 x 0.7 + 100 = 70,170; revenue 350.85; serving 701.70;
           net cash 350.85 - 300 - 701.70 = -650.85
  in M (10^6): ad spend 0.0003 -> 0.00030, net cash -0.00065085 -> -0.00065; new users in k: 0.1
  in 亿 (10^8): ad spend 0.000003 -> 0.0000030, net cash -0.0000065085 -> -0.0000065; new users in 万: 0.01 -> 0.010
  cohort of month 2 (100 users): in its own month 100 x -0.005 = -0.5 (-1, half away from zero, as before);
           in month 3 70 x -0.005 = -0.35 -> -0.35; in month 5 34.3 x -0.005 = -0.1715 -> -0.17
With the cpa channel's months limited to 3 (ENDING), months 4-6 spend nothing and bring no one: a true 0, which reads
0.0 (M) / 0.00 (亿), and the cohorts of months 4-6 (no users) contribute 0 in every month.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke

BIG = """\
name: Big and small
horizon_months: 6
acquisition:
  - {name: Brand, type: flat, cost: 120000000, users: 100000, months: 1}
  - {name: Tiny CPA, type: cpa, bid: 3, budget: 300}
retention: {monthly_churn: 0.3}
monetization:
  purchases: [{name: Pack, price: 0.5, rate: 0.01}]
costs: {serving_per_active_user: 0.01}
"""
ENDING = BIG.replace("budget: 300}", "budget: 300, months: 1-3}")

# One user bought for 0.4 a month: serving 0.01 and revenue 0.005 in month 1; the month-1 cohort's contribution in
# month 2 is 0.7 x (0.005 - 0.01) = -0.0035. Whole, each read 0 in markdown's months, and cents 0.00 in its cohorts.
SMALL = """\
name: Small
horizon_months: 3
acquisition:
  - {name: Tiny CPA, type: cpa, bid: 0.4, budget: 0.4}
retention: {monthly_churn: 0.3}
monetization:
  purchases: [{name: Pack, price: 0.5, rate: 0.01}]
costs: {serving_per_active_user: 0.01}
"""

HEADERS = {"en": {"new": "New(k)", "ad": "Adspend(M)", "net": "Netcash(M)"},
           "zh": {"new": "新增(万)", "ad": "广告支出(亿)", "net": "净现金流(亿)"}}
EXPECTED = {"en": {"new": "0.1", "ad": "0.00030", "net": "-0.00065", "zero_ad": "0.0", "zero_new": "0.0"},
            "zh": {"new": "0.010", "ad": "0.0000030", "net": "-0.0000065", "zero_ad": "0.00", "zero_new": "0.0"}}


def _tables(text: str) -> list[dict[str, dict[str, str]]]:
    """Each box table of ``text``: {row's first cell: {header without spaces: cell}}."""
    tables = []
    lines = text.splitlines()
    for top, line in enumerate(lines):
        if not line.startswith("┏"):
            continue
        rule = next(i for i in range(top, len(lines)) if lines[i].startswith("┡"))
        bottom = next(i for i in range(rule, len(lines)) if lines[i].startswith("└"))
        parts = [[cell.strip() for cell in row.strip().strip("┃").split("┃")] for row in lines[top + 1:rule]]
        headers = ["".join(part[i] for part in parts).replace(" ", "") for i in range(len(parts[0]))]
        rows = {}
        for row in lines[rule + 1:bottom]:
            cells = [cell.strip() for cell in row.strip().strip("│").split("│")]
            if cells[0]:
                rows[cells[0]] = dict(zip(headers, cells, strict=True))
        tables.append(rows)
    return tables


def _run(tmp_path: Path, plan: str, lang: str) -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    """(months, cohorts) tables of ``plan`` at 80 columns."""
    (tmp_path / "plan.yaml").write_text(plan, encoding="utf-8")
    result = invoke(["run", str(tmp_path / "plan.yaml"), "--months", "--cohorts", "--lang", lang, "-q"],
                    env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    tables = _tables(result.stdout)
    return tables[-2], tables[-1]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_small_months_beside_a_large_one_keep_their_first_digits(tmp_path: Path, lang: str) -> None:
    months, _ = _run(tmp_path, BIG, lang)
    headers, expected = HEADERS[lang], EXPECTED[lang]
    for month in ("M2", "M6"):
        assert months[month][headers["ad"]] == expected["ad"], months[month]
        assert months[month][headers["new"]] == expected["new"], months[month]
    assert months["M2"][headers["net"]] == expected["net"], months["M2"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_cohort_s_contribution_below_a_half_keeps_its_first_digits(tmp_path: Path, lang: str) -> None:
    _, cohorts = _run(tmp_path, BIG, lang)
    assert cohorts["M2"]["M2"] == "-1"  # -0.5, already other than 0: as before
    assert cohorts["M2"]["M3"] == "-0.35"
    assert cohorts["M2"]["M5"] == "-0.17"
    assert cohorts["M2"]["New" if lang == "en" else "新增"] == "100"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_true_zero_still_reads_zero(tmp_path: Path, lang: str) -> None:
    months, cohorts = _run(tmp_path, ENDING, lang)
    headers, expected = HEADERS[lang], EXPECTED[lang]
    assert months["M2"][headers["ad"]] == expected["ad"], months["M2"]
    for month in ("M4", "M6"):
        assert months[month][headers["ad"]] == expected["zero_ad"], months[month]
        assert months[month][headers["new"]] == expected["zero_new"], months[month]
    assert cohorts["M3"]["M4"] == "-0.35"
    assert [cohorts["M4"][month] for month in ("M4", "M5", "M6")] == ["0", "0", "0"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_markdown_months_and_cohorts_keep_first_digits(tmp_path: Path, lang: str) -> None:
    (tmp_path / "plan.yaml").write_text(SMALL, encoding="utf-8")
    result = invoke(["run", str(tmp_path / "plan.yaml"), "-f", "markdown", "--cohorts", "--lang", lang, "-q"])
    assert result.exit_code == 0, result.output
    rows = [[cell.strip() for cell in line.strip().strip("|").split("|")] for line in result.stdout.splitlines()
            if line.startswith("| M1 |") or line.startswith("| 1 | M1 |")]
    month, cohort = rows
    # Month, New, Active, Subs., Gross rev., Net rev., Ad spend, Serving, Delivery, Referral, Fixed, ...
    assert month[1:9] == ["1", "1", "0", "0.0050", "0.0050", "0.40", "0.010", "0"], month
    # Cohort, Month, New, M1, M2: -0.005 at cents is -0.01 (as before), -0.0035 reads -0.0035, not 0.00.
    assert cohort[3:5] == ["-0.01", "-0.0035"], cohort


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_json_and_csv_keep_the_full_numbers(tmp_path: Path, lang: str) -> None:
    (tmp_path / "plan.yaml").write_text(BIG, encoding="utf-8")
    data = invoke(["run", str(tmp_path / "plan.yaml"), "-f", "json", "--cohorts", "--lang", lang, "-q"]).stdout
    report = json.loads(data)
    assert report["months"][1]["ad_spend"] == 300 and report["months"][1]["new_users"] == 100
    assert report["months"][1]["net_cash"] == pytest.approx(-650.85, abs=1e-9)
    assert report["cohorts"][1]["contribution"][1] == pytest.approx(-0.35, abs=1e-12)
    csv = invoke(["run", str(tmp_path / "plan.yaml"), "-f", "csv", "--table", "cohorts", "--lang", lang, "-q"]).stdout
    assert "2,M2,100,,-0.5,-0.35,-0.245,-0.1715,-0.12005" in csv.replace("\r", ""), csv
