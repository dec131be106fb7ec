"""An amount or count other than 0 never reads as 0 in the months and cohort tables, in a compact unit or in full,
in English and Chinese; a true 0 still reads 0 (present/numbers.py ``whole`` and ``in_unit``'s ``nonzero_places``). In
the terminal's tables such a value reads a bound at its column's own places (``<0.1``, ``>-0.1``, ``<1`` in full: its
digits widened the columns until the tables dropped columns, present/run_view.py ``_money_column``'s ``bounded``);
markdown, which no terminal narrows, keeps its first two significant digits (down to ``<0.00001``).

Before, beside a 120,000,000 brand month, the 300 of ad spend of months 2-6 read 0.0 (M) (0.00 in 亿), their net cash
of -650.85 read 0.0 (M), 100 new users 0.0 (万), and a cohort's -0.35 read 0, as a month or cohort of nothing does.

Hand calculation (BIG): the brand buys 100,000 users in month 1 for 120,000,000; the cpa channel spends its budget of
300 at a bid of 3 every month: exactly 300 of ad spend and 100 new users a month. Churn 0.3 keeps 70% a month; each
active user buys 0.01 packs of 0.5 (0.005 of revenue) and costs 0.01 to serve, a contribution of -0.005 a month.
  month 2: active 100,100 x 0.7 + 100 = 70,170; revenue 350.85; serving 701.70;
           net cash 350.85 - 300 - 701.70 = -650.85
  in M (10^6, one place): ad spend 0.0003 -> <0.1, net cash -0.00065085 -> >-0.1; new users in k: 0.1
  in 亿 (10^8, two places): ad spend 0.000003 -> <0.01, net cash -0.0000065085 -> >-0.01; new users in 万 (one
           place): 0.01 -> <0.1
  cohort of month 2 (100 users), whole: in its own month 100 x -0.005 = -0.5 (-1, half away from zero, as before);
           in month 3 70 x -0.005 = -0.35 -> >-1; in month 5 34.3 x -0.005 = -0.1715 -> >-1
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
EXPECTED = {"en": {"new": "0.1", "ad": "<0.1", "net": ">-0.1", "zero_ad": "0.0", "zero_new": "0.0"},
            "zh": {"new": "<0.1", "ad": "<0.01", "net": ">-0.01", "zero_ad": "0.00", "zero_new": "0.0"}}


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
def test_small_months_beside_a_large_one_read_a_bound_not_0(tmp_path: Path, lang: str) -> None:
    months, _ = _run(tmp_path, BIG, lang)
    headers, expected = HEADERS[lang], EXPECTED[lang]
    for month in ("M2", "M6"):
        assert months[month][headers["ad"]] == expected["ad"], months[month]
        assert months[month][headers["new"]] == expected["new"], months[month]
    assert months["M2"][headers["net"]] == expected["net"], months["M2"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_cohort_s_contribution_below_a_half_reads_a_bound_not_0(tmp_path: Path, lang: str) -> None:
    _, cohorts = _run(tmp_path, BIG, lang)
    assert cohorts["M2"]["M2"] == "-1"  # -0.5, already other than 0: as before
    assert cohorts["M2"]["M3"] == ">-1"
    assert cohorts["M2"]["M5"] == ">-1"
    assert cohorts["M2"]["New" if lang == "en" else "新增"] == "100"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_true_zero_still_reads_zero(tmp_path: Path, lang: str) -> None:
    months, cohorts = _run(tmp_path, ENDING, lang)
    headers, expected = HEADERS[lang], EXPECTED[lang]
    assert months["M2"][headers["ad"]] == expected["ad"], months["M2"]
    for month in ("M4", "M6"):
        assert months[month][headers["ad"]] == expected["zero_ad"], months[month]
        assert months[month][headers["new"]] == expected["zero_new"], months[month]
    assert cohorts["M3"]["M4"] == ">-1"
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


# However small, a value other than 0 reads its column's bound in the terminal (present/numbers.py ``nonzero_text``
# at most_places 0): its digits (1.3e-17 (k) in 18 decimals) cost brand-subway's months table its Serving and Fixed
# columns at 80. Hand calculation (TINY): the cpa channel spends its budget of 0.3 at a bid of 0.3 every month, beside a
# brand month of 120,000,000, and nothing earns or costs anything else: months 2-3 spend 0.3, their net cash is -0.3
# and they bring 1 new user.
#   in M (10^6, one place): 3e-7 M -> <0.1; -0.3 -> >-0.1; 1 user in k: 0.001 -> <0.1
#   in 亿 (10^8, two places): 3e-9 亿 -> <0.01, >-0.01; 1 user in 万 (one place): 0.0001 -> <0.1
TINY = """\
name: Big and tiny
horizon_months: 3
acquisition:
  - {name: Brand, type: flat, cost: 120000000, users: 100000, months: 1}
  - {name: Tiny CPA, type: cpa, bid: 0.3, budget: 0.3}
retention: {monthly_churn: 0.3}
monetization:
  purchases: [{name: Pack, price: 0.5, rate: 0}]
"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_however_small_a_value_reads_its_column_s_bound(tmp_path: Path, lang: str) -> None:
    months, _ = _run(tmp_path, TINY, lang)
    headers = HEADERS[lang]
    bound = "0.1" if lang == "en" else "0.01"
    for month in ("M2", "M3"):
        assert months[month][headers["ad"]] == f"<{bound}", months[month]
        assert months[month][headers["net"]] == f">-{bound}", months[month]
        assert months[month][headers["new"]] == "<0.1", months[month]


def test_the_bound_and_the_cap_by_hand() -> None:
    from aigc_roi.model.rounding import fixed
    from aigc_roi.present.numbers import nonzero_text

    def cell(value: float, decimals: int = 1) -> str:
        return nonzero_text(value, decimals, lambda places: fixed(value, places))

    assert cell(0.0) == "0.0"
    assert cell(0.00049) == "0.00049"  # 5 places, the last its first two significant digits may take
    assert cell(0.000044) == "0.00004"  # 6 places for two digits, but 4.4e-5 is no less than 0.00001: 5 places
    assert cell(-0.000012) == "-0.00001"
    assert cell(0.0000096) == "<0.00001"
    assert cell(-0.0000003) == ">-0.00001"
    # A column's own decimals beyond 5 are the cap instead: 3e-9 at 8 places would read 0.00000000.
    assert cell(3e-9, 8) == "<0.00000001"
    assert cell(3e-8, 8) == "0.00000003"

    def bounded(value: float, decimals: int) -> str:
        return nonzero_text(value, decimals, lambda places: fixed(value, places), most_places=0)

    # The terminal's months and cohorts: no digit past the column's own places.
    assert bounded(0.04, 1) == "<0.1" and bounded(-0.04, 1) == ">-0.1"
    assert bounded(0.06, 1) == "0.1"  # reads other than 0 at its places: as ever
    assert bounded(0.35, 0) == "<1" and bounded(-0.35, 0) == ">-1" and bounded(0.5, 0) == "1"
    assert bounded(0.0, 1) == "0.0"


# brand-subway's word of mouth: 25,000 new users in month 1, each month 0.3 of the month before (virality 0.3), so
# month n brings 25,000 x 0.3^(n-1):
#   month 6 (2025-06): 25,000 x 0.3^5 = 60.75 users = 0.061 k -> 0.1 (k); month 7 (2025-07): 0.018 k -> <0.1 (k)
#   markdown: month 14 (2026-02): 25,000 x 0.3^13 = 0.0040 users -> 0.0040 (whole)
#   month 17 (2026-05): 1.08e-4 users -> 0.00011 (whole); month 18 (2026-06): 3.23e-5 -> 0.00003 (5 places);
#   month 19 (2026-07): 9.69e-6 -> <0.00001
BRAND_SUBWAY = Path(__file__).resolve().parents[2] / "scenarios" / "brand-subway.yaml"
SERVING = {"en": ("Month", "New(k)", "Serving(k)"), "zh": ("月份", "新增(万)", "服务成本(万)")}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_brand_subway_keeps_its_serving_column_at_80(lang: str) -> None:
    result = invoke(["run", str(BRAND_SUBWAY), "--months", "--lang", lang], env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    months = _tables(result.stdout)[-1]
    _, new, serving = SERVING[lang]
    assert serving in months["2026-02"], months["2026-02"]
    if lang == "en":
        assert [months[month][new] for month in ("2025-06", "2025-07", "2026-02", "2027-12")] == \
            ["0.1", "<0.1", "<0.1", "<0.1"]


def test_brand_subway_markdown_tail_reads_a_bound() -> None:
    result = invoke(["run", str(BRAND_SUBWAY), "-f", "markdown", "-q"])
    assert result.exit_code == 0, result.output
    new = {line.split("|")[1].strip(): line.split("|")[2].strip() for line in result.stdout.splitlines()
           if line.startswith("| 202")}
    assert [new[month] for month in ("2026-02", "2026-05", "2026-06", "2026-07", "2027-12")] == \
        ["0.0040", "0.00011", "0.00003", "<0.00001", "<0.00001"]
