"""Spec 1.2, item 11: the corrections of a finance audit of 1.1, each number derived on paper
(docs/formulas.md has the same derivations)."""

from __future__ import annotations

import json
import math
import textwrap
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from cli_runner import invoke

from aigc_roi.model.cashflow import _quotient, annual_irr, first_payback_month, irr_none_reason, peak_cash
from aigc_roi.model.mirr import annual_mirr


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "s.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def run_json(path: Path) -> dict[str, Any]:
    result = invoke(["run", str(path), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def month_major(*flows: list[float]) -> np.ndarray:
    return np.array(flows, dtype=np.float64).T


# --- irr: no range limit, and a reason when none --------------------------------------------


@pytest.mark.parametrize(
    ("flows", "annual"),
    [
        # -10,000 x + 1,000,000 x^2 = 0: x = 1/100, a monthly IRR of 99: 100^12 - 1 = 1e24.
        ([-10_000, 1_000_000], 100.0**12 - 1),
        # A soft launch: -237 x + 178,647 x^2 = 0: 1 + r = 178,647 / 237.
        ([-237, 178_647], (178_647 / 237) ** 12 - 1),
        # -x + 1e-4 x^3 = 0: x = 100, r = -0.99: (0.01)^12 - 1, within 1e-24 of -100%.
        ([-1, 0, 1e-4], 0.01**12 - 1),
        # The worked example (docs/formulas.md): x = -1 + sqrt(5.8889), r = 1/x - 1.
        ([-11_000, 4_500, 2_250], (1 / (-1 + math.sqrt(1 + 44 / 9)) - 1 + 1) ** 12 - 1),
        # Borrowing first is one change too: 4x - 3x^2 - 3x^3 = 0, x = (-3 + sqrt(57)) / 6.
        ([4, -3, -3], (6 / (-3 + math.sqrt(57))) ** 12 - 1),
    ],
)
def test_irr_has_no_range_limit(flows: list[float], annual: float) -> None:
    assert annual_irr(month_major(flows))[0] == pytest.approx(annual, rel=1e-12, abs=1e-15)


def test_irr_of_a_root_far_past_a_year_of_months_is_found() -> None:
    # -1e15 in month 1, +1e-9 in month 120: x^119 = 1e24, monthly 1 + r = 1e-24^(1/119).
    flows = [-1e15] + [0.0] * 118 + [1e-9]
    expected = (1e-24 ** (1 / 119)) ** 12 - 1
    assert annual_irr(month_major(flows))[0] == pytest.approx(expected, rel=1e-12)


def test_a_samples_irr_does_not_depend_on_the_samples_beside_it() -> None:
    # Flows of 24 months with one sign change each, and the root far past a year of months (its powers of
    # e^-u would overflow: found in logarithms) among them: each alone, in pairs and all at once, read column-major
    # as the engine's selections are, give the same bits (a run, a chunk of simulate, a what-if batch).
    rng = np.random.default_rng(5)
    flows = [[-rng.uniform(1e3, 1e5)] * int(rng.integers(1, 6)) + list(rng.uniform(10, 1e4, 24)) for _ in range(70)]
    flows = [flow[:24] for flow in flows] + [[-1e15] + [0.0] * 22 + [1e-9]]
    together = annual_irr(np.asfortranarray(month_major(*flows)))
    assert np.isfinite(together).all()
    for size in (1, 2, 65):
        parts = [annual_irr(np.asfortranarray(month_major(*flows[start:start + size])))
                 for start in range(0, len(flows), size)]
        np.testing.assert_array_equal(np.concatenate(parts), together)


@pytest.mark.parametrize("dividend", [1.5, -2.0, 0.0, -0.0, math.inf, -math.inf, math.nan])
@pytest.mark.parametrize("divisor", [0.0, -0.0, 4.0, -math.inf, math.nan])
def test_a_lone_newton_step_divides_as_numpy(dividend: float, divisor: float) -> None:
    # A run's IRR steps on Python floats: a slope of 0 must give numpy's signed infinity or NaN, not an exception.
    with np.errstate(divide="ignore", invalid="ignore"):
        expected = np.float64(dividend) / np.float64(divisor)
    found = _quotient(dividend, divisor)
    np.testing.assert_array_equal(found, expected)
    assert math.isnan(found) or math.copysign(1.0, found) == math.copysign(1.0, float(expected))


def test_irr_none_says_why() -> None:
    flows = month_major([1, 2, 3], [-1, 0, -2], [0, 0, 0], [-1, 2.3, -1.32], [-100, 110, 0])
    assert np.isnan(annual_irr(flows)[:4]).all()
    assert irr_none_reason(flows) == ["no_sign_change", "no_sign_change", "no_sign_change",
                                      "more_than_one_sign_change", None]


def test_soft_launch_gives_a_number_and_json_a_reason(tmp_path: Path) -> None:
    # 10 users bought for 237 (bid 23.7) pay 17,864.7 each in month 2 (a one-off item, rate 1 in month 2
    # only is not writable: the users stay one month and a monthly plan renews once): F = -237, +178,647.
    text = """\
        name: Soft launch
        horizon_months: 2
        acquisition: [{name: A, type: cpa, bid: 23.7, users: 10, months: 1}]
        retention: {monthly_churn: 1}
        monetization:
          plans: [{name: p, price: 17864.7, period: month, conversion: {1: 1}}]
        """
    data = run_json(write(tmp_path, text))
    assert [month["net_cash"] for month in data["months"]] == [pytest.approx(-237), pytest.approx(178_647)]
    assert data["figures"]["irr"] == pytest.approx((178_647 / 237) ** 12 - 1, rel=1e-9)
    assert data["figures"]["irr_none_reason"] is None
    table = invoke(["run", str(write(tmp_path, text)), "--no-months", "--lang", "en"]).stdout
    assert "> 1,000%" in table


def test_two_sign_changes_read_so_in_json_and_both_languages(tmp_path: Path) -> None:
    # The worked example with a fixed cost of 3,000 in month 3: F = -11,000, 4,500, -750.
    text = """\
        name: Two changes
        horizon_months: 3
        acquisition: [{name: CPA, type: cpa, bid: 20, users: 1000, months: 1}]
        retention: {monthly_churn: 0.5}
        monetization: {purchases: [{name: Item, price: 10, rate: 1}]}
        costs: {serving_per_active_user: 1, fixed: [{name: f, monthly: 3000, months: 3}]}
        """
    path = write(tmp_path, text)
    figures = run_json(path)["figures"]
    assert figures["irr"] is None and figures["irr_none_reason"] == "more_than_one_sign_change"
    assert "none: more than one sign change" in invoke(["run", str(path), "--no-months", "--lang", "en"]).stdout
    assert "无：现金流多次变号" in invoke(["run", str(path), "--no-months", "--lang", "zh"]).stdout
    markdown = invoke(["run", str(path), "--format", "markdown", "--lang", "en"]).stdout
    assert "| IRR (annual) | none: more than one sign change |" in markdown


# --- payback and peak cash: exact comparisons with 0 --------------------------------------


def test_payback_and_peak_cash_are_exact_on_large_plans(tmp_path: Path) -> None:
    # Cumulative cash -300, -600, +9.99e11: F = -300, -300, 9.99e11 + 600. 1.1's slack of
    # 1e-9 x sum |F| (about 1,000) called this paid back in month 1 with no cash need.
    cumulative = np.array([[-300.0], [-600.0], [9.99e11]])  # (months, samples)
    assert first_payback_month(cumulative)[0] == 3
    need, month = peak_cash(cumulative)
    assert (need[0], month[0]) == (600, 2)
    text = """\
        name: Large plan
        horizon_months: 3
        acquisition: [{name: A, type: cpa, bid: 1, users: 300, months: [1, 2]}]
        retention: {monthly_churn: 1}
        monetization:
          orders: [{name: deal, price: 999_000_000_600, count: 1, months: 3}]
        """
    figures = run_json(write(tmp_path, text))["figures"]
    assert (figures["payback_month"], figures["first_payback_month"]) == (3, 3)
    assert (figures["peak_cash_need"], figures["peak_cash_month"]) == (pytest.approx(600), 2)


# --- paid means spending; the campaign's own payback ---------------------------------------

# Two months, churn 0.5, a purchase of 10 per active user-month, serving 1: one user is worth
# c(a) = 9, 4.5 (13.5 in all) and gross 10, 5 (15). A buys 100 users at 10 in month 1; B brings
# 200 users for nothing in month 1; one B2B order of 1,000 in month 1; a fixed cost of 500 a month.
FREE_AND_PAID = """\
    name: A free channel beside a paid one
    horizon_months: 2
    acquisition:
      - {name: A, type: cpa, bid: 10, users: 100, months: 1}
      - {name: B, type: flat, cost: 0, users: 200, months: 1}
    retention: {monthly_churn: 0.5}
    monetization:
      purchases: [{name: item, price: 10, rate: 1}]
      orders: [{name: deal, price: 1000, count: 1, months: 1}]
    costs: {serving_per_active_user: 1, fixed: [{name: tools, monthly: 500}]}
    """


def test_a_free_channel_is_not_paid(tmp_path: Path) -> None:
    data = run_json(write(tmp_path, FREE_AND_PAID))
    figures = data["figures"]
    # Paid = A only: 100 users, spend 1,000, gross 100 x 15 = 1,500, contribution 100 x 13.5 = 1,350.
    assert figures["paid_users"] == pytest.approx(100)
    assert figures["cac"] == pytest.approx(10)  # 1.1 counted B: 1,000 / 300 = 3.33
    assert figures["roas"] == pytest.approx(1500 / 1000)
    assert figures["roi"] == pytest.approx((1350 - 1000) / 1000)  # 35%; 1.1 said (4,050 - 1,000) / 1,000 = 305%
    # Blended figures count every user and all revenue: 300 users; 300 x 15 + 1,000 (the order).
    assert figures["blended_cac"] == pytest.approx(1000 / 300)
    assert figures["blended_roas"] == pytest.approx(5500 / 1000)
    channels = {channel["name"]: channel for channel in data["channels"]}
    assert channels["A"]["roi"] == pytest.approx(figures["roi"])  # the headline lies between the paid channels'
    # B keeps its own figures: 200 users for 0 (cac 0), 200 x 13.5 = 2,700 contribution, no ratio to spend.
    assert channels["B"]["cac"] == 0 and channels["B"]["contribution"] == pytest.approx(2700)
    assert channels["B"]["roas"] is None and channels["B"]["roi"] is None


def test_paid_payback_month_is_the_campaign_s_own(tmp_path: Path) -> None:
    figures = run_json(write(tmp_path, FREE_AND_PAID))["figures"]
    # Plan cash: month 1: 300 x 9 + 1,000 (order) - 1,000 (ads) - 500 = 2,200; month 2: 300 x 4.5 - 500 = 850.
    assert figures["payback_month"] == 1
    # The campaign alone: P(1) = 100 x 9 - 1,000 = -100; P(2) = -100 + 100 x 4.5 = 350 >= 0.
    assert figures["paid_payback_month"] == 2
    # Twice the bid: P(1) = 900 - 2,000, P(2) = -1,100 + 450 = -650: never.
    dearer = run_json(write(tmp_path, FREE_AND_PAID.replace("bid: 10", "bid: 20")))["figures"]
    assert dearer["paid_payback_month"] is None and dearer["payback_month"] == 1


def test_paid_payback_counts_viral_users_and_leaves_out_organic_ones(tmp_path: Path) -> None:
    # A buys 100 users at 10 in month 1, 50 organic users a month, virality 0.5; no fees.
    # A's own chain: 100 in month 1, 50 viral in month 2. Its contribution: month 1: 100 x 9 = 900;
    # month 2: 100 x 4.5 + 50 x 9 = 900. P(1) = 900 - 1,200 (bid 12) = -300, P(2) = 600: month 2.
    text = """\
        name: Viral and organic
        horizon_months: 2
        acquisition: [{name: A, type: cpa, bid: 12, users: 100, months: 1}]
        organic_users: 50
        virality: 0.5
        retention: {monthly_churn: 0.5}
        monetization: {purchases: [{name: item, price: 10, rate: 1}]}
        costs: {serving_per_active_user: 1}
        """
    figures = run_json(write(tmp_path, text))["figures"]
    assert figures["paid_payback_month"] == 2
    # Organic users carry the plan from month 1: 150 x 9 - 1,200 = 150 >= 0.
    assert figures["payback_month"] == 1
    # At a bid of 19 the campaign needs 1,900 > 1,800: never.
    assert run_json(write(tmp_path, text.replace("bid: 12", "bid: 19")))["figures"]["paid_payback_month"] is None


# --- mirr -----------------------------------------------------------------------------------


def test_mirr_by_hand() -> None:
    # F = -1,000, 300, 400, 500 at m = 1% a month: future value of the inflows at month 4
    # 300 x 1.01^2 + 400 x 1.01 + 500 = 1,210.03; present value of the outflow at month 1: 1,000.
    # x = 1.21003^(1/3) - 1, annual (1 + x)^12 - 1 = 1.21003^4 - 1. numpy-financial's
    # mirr(values, m, m) = (|npv(m, pos)| / |npv(m, neg)|)^(1/(n-1)) x (1 + m) - 1 is the same x.
    flows = month_major([-1000, 300, 400, 500])
    assert annual_mirr(flows, np.array([0.01]))[0] == pytest.approx(1.21003**4 - 1, rel=1e-12)
    npf_x = (((300 / 1.01 + 400 / 1.01**2 + 500 / 1.01**3) / 1000) ** (1 / 3)) * 1.01 - 1
    assert annual_mirr(flows, np.array([0.01]))[0] == pytest.approx((1 + npf_x) ** 12 - 1, rel=1e-12)


def test_mirr_reads_where_irr_is_none(tmp_path: Path) -> None:
    # F = -11,000, 4,500, -750 (two changes, no single IRR), discount rate 0 so m = 0:
    # x = (4,500 / (11,000 + 750))^(1/2) - 1, annual (4,500 / 11,750)^6 - 1.
    text = """\
        name: Two changes
        horizon_months: 3
        acquisition: [{name: CPA, type: cpa, bid: 20, users: 1000, months: 1}]
        retention: {monthly_churn: 0.5}
        monetization: {purchases: [{name: Item, price: 10, rate: 1}]}
        costs: {serving_per_active_user: 1, fixed: [{name: f, monthly: 3000, months: 3}]}
        """
    figures = run_json(write(tmp_path, text))["figures"]
    assert figures["irr"] is None
    assert figures["mirr"] == pytest.approx((4500 / 11750) ** 6 - 1, rel=1e-12)


def test_mirr_is_none_without_both_signs_or_with_one_month() -> None:
    flows = month_major([1, 2, 3], [-1, 0, -2])
    assert np.isnan(annual_mirr(flows, np.array([0.0]))).all()
    assert np.isnan(annual_mirr(month_major([-1]), np.array([0.0]))).all()


# --- ranges: valid when the median is in the domain, draws clipped ----------------------------

RANGES = """\
    name: Ranges around the domain's edge
    horizon_months: 3
    acquisition: [{name: A, type: cpa, bid: {dist: normal, mean: 14, sd: 2}, budget: 1400, months: 1}]
    retention: {monthly_churn: 0.5}
    monetization:
      plans: [{name: p, price: 30, period: month, conversion: {dist: normal, mean: 0.02, sd: 0.02}}]
    """


def test_a_range_with_its_median_in_the_domain_is_valid_and_runs_at_it(tmp_path: Path) -> None:
    path = write(tmp_path, RANGES)
    assert invoke(["validate", str(path)]).exit_code == 0
    figures = run_json(path)["figures"]
    # At the medians: 1,400 / 14 = 100 users, 2 subscribers paying 30 in month 1.
    assert figures["paid_users"] == pytest.approx(100)
    assert figures["gross_revenue"] == pytest.approx(60)


def test_sampling_clips_draws_to_the_domain(tmp_path: Path) -> None:
    from aigc_roi.model.sampling import realize
    from aigc_roi.reader.load import load_text

    scenario = load_text(textwrap.dedent(RANGES).replace("sd: 2}", "sd: 20}"), "s.yaml").scenario
    realized = realize(scenario, 4000, np.random.default_rng(3))
    bid = realized.acquisition[0].bid  # type: ignore[union-attr]
    conversion = realized.monetization.plans[0].conversion
    assert isinstance(bid, np.ndarray) and bid.min() == 1e-6  # a bid dividing a budget: >= 1e-6, never 0
    assert isinstance(conversion, np.ndarray) and conversion.min() == 0.0 and conversion.max() <= 1.0


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "s.yaml:6:59: monetization.plans[0].conversion: expected a range with its median within a number "
           "from 0 to 1, found mean -0.01, sd 0.02"),
    ("zh", "s.yaml:6:59: monetization.plans[0].conversion: 应为中位数在「0 到 1 之间的数字」之内的区间，实际为均值 -0.01，标准差 0.02"),
])
def test_a_median_outside_the_domain_is_a_located_error(tmp_path: Path, lang: str, line: str) -> None:
    path = write(tmp_path, RANGES.replace("mean: 0.02", "mean: -0.01"))
    result = invoke(["validate", str(path), "--lang", lang])
    assert result.exit_code == 2
    assert line in result.stdout + result.stderr


def test_a_bid_median_below_the_floor_is_refused_with_a_budget(tmp_path: Path) -> None:
    path = write(tmp_path, RANGES.replace("mean: 14, sd: 2", "mean: 0, sd: 2"))
    result = invoke(["validate", str(path)])
    assert result.exit_code == 2
    assert "acquisition[0].bid: expected bid >= 1e-06 when a budget is given" in result.stdout + result.stderr


def test_a_bid_by_month_below_the_floor_is_refused_at_its_month(tmp_path: Path) -> None:
    # Every month of a bid a budget divides must keep the floor: the error points at the month, not the mapping.
    path = write(tmp_path, RANGES.replace("bid: {dist: normal, mean: 14, sd: 2}", "bid: {by_month: {1: 14, 2: 0}}"))
    result = invoke(["validate", str(path)])
    assert result.exit_code == 2
    # Column 63 is the 0 of "2: 0" in "acquisition: [{name: A, type: cpa, bid: {by_month: {1: 14, 2: 0}}, ...".
    assert ("s.yaml:3:63: acquisition[0].bid.by_month.2: expected bid >= 1e-06 when a budget is given "
            "(users = budget / bid), found 0") in result.stdout


# --- fits: parameters in CSV, and a fit at the optimiser's bound says so ------------------------

FITTED = """\
    name: Fitted
    horizon_months: 12
    retention: {days: {1: 45%, 7: 22%, 30: 12%}}
    acquisition: [{name: A, type: cpa, bid: 20, users: 100, months: 1}]
    monetization:
      plans: [{name: Pro, price: 30, period: month, conversion: 0.1, renewal: {observed: OBSERVED}}]
    """


def test_fits_csv_carries_the_parameters(tmp_path: Path) -> None:
    import csv
    import io

    path = write(tmp_path, FITTED.replace("OBSERVED", "[60%, 45%, 37%]"))
    result = invoke(["run", str(path), "--table", "fits", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    # docs/formulas.md: the day fit of {1: 45%, 7: 22%, 30: 12%} has u = -0.78701, b = 0.38748;
    # the sBG fit of [60%, 45%, 37%] alpha = 0.6523, beta = 0.9773 (Fader and Hardie's example).
    day = rows[0]
    assert (float(day["u"]), float(day["b"])) == (pytest.approx(-0.78701, abs=5e-6), pytest.approx(0.38748, abs=5e-6))
    assert day["alpha"] == day["beta"] == ""
    renewal = rows[-1]
    assert (float(renewal["alpha"]), float(renewal["beta"])) == (pytest.approx(0.6523, abs=5e-5), pytest.approx(0.9773, abs=5e-5))
    assert renewal["u"] == renewal["b"] == "" and renewal["at_bound"] == "0"


@pytest.mark.parametrize("observed", ["[80%, 50%, 20%]", "[50%, 50%]", "[60%, 36%, 21.6%]"])
def test_an_sbg_fit_at_the_optimisers_bound_says_so(tmp_path: Path, observed: str) -> None:
    # Falling renewal rates (80%, 62.5%, 40%), half leaving at once and the rest never, and a constant
    # rate of 60%: none has an sBG maximum of the likelihood inside the search box.
    path = write(tmp_path, FITTED.replace("OBSERVED", observed))
    fits = run_json(path)["fits"]
    assert [fit["at_bound"] for fit in fits] == [False, True]
    table = invoke(["run", str(path), "--no-months", "--lang", "en"]).stdout
    assert "the fit ran to the optimiser's bound" in " ".join(table.split())


def test_the_attribution_example_of_the_docs(tmp_path: Path) -> None:
    # docs/formulas.md §6, "Paid channels are the spending ones": A at a bid of 40 for 100 users, B free
    # with 200: the headline is A's, roi (1,350 - 4,000) / 4,000 = -66.25%, cac 40; blended cac 13.33.
    text = FREE_AND_PAID.replace("bid: 10", "bid: 40").replace(
        "      orders: [{name: deal, price: 1000, count: 1, months: 1}]\n", "").replace(
        "costs: {serving_per_active_user: 1, fixed: [{name: tools, monthly: 500}]}", "costs: {serving_per_active_user: 1}")
    figures = run_json(write(tmp_path, text))["figures"]
    assert figures["roi"] == pytest.approx(-0.6625)
    assert (figures["paid_users"], figures["cac"]) == (pytest.approx(100), pytest.approx(40))
    assert figures["blended_cac"] == pytest.approx(4000 / 300)


# --- the new figures everywhere figures go -----------------------------------------------------


def test_new_figures_in_csv_xlsx_markdown_compare_and_simulate(tmp_path: Path) -> None:
    import csv
    import io

    import openpyxl

    # At a bid of 40: F = 2,700 + 1,000 - 4,000 - 500 = -800, then 1,350 - 500 = 850; m = 0, H = 2:
    # mirr = (850 / 800)^12 - 1. The campaign never pays back: P(2) = 1,350 - 4,000 < 0.
    dear = write(tmp_path, FREE_AND_PAID.replace("bid: 10", "bid: 40"))
    figures_csv = invoke(["run", str(dear), "--format", "csv", "--table", "figures"]).stdout
    rows = {row[0]: row[1] for row in csv.reader(io.StringIO(figures_csv))}
    assert rows["paid_payback_month"] == "" and float(rows["mirr"]) == pytest.approx((850 / 800) ** 12 - 1)
    book = tmp_path / "out.xlsx"
    assert invoke(["run", str(dear), "--format", "xlsx", "--output", str(book)]).exit_code == 0
    sheet = openpyxl.load_workbook(book)["figures"]
    cells = {row[2].value: row[1] for row in sheet.iter_rows(min_row=2)}
    assert cells["paid_payback_month"].value is None
    assert (cells["mirr"].value, cells["mirr"].number_format) == (pytest.approx((850 / 800) ** 12 - 1), "0.00%")
    path = write(tmp_path, FREE_AND_PAID)
    markdown = invoke(["run", str(path), "--format", "markdown", "--lang", "zh"]).stdout
    assert "| 投放回本月份（仅买量现金） | 2 |" in markdown
    compare = json.loads(invoke(["compare", str(path), str(path), "--format", "json"]).stdout)
    assert compare["scenarios"][0]["figures"]["paid_payback_month"] == 2
    simulated = json.loads(invoke(["simulate", str(path), "--samples", "50", "--format", "json"]).stdout)
    assert simulated["figures"]["paid_payback_month"]["p50"] == 2
    assert "mirr" in simulated["figures"]


# --- break-even: payback thresholds are true crossings --------------------------------------------


def _payback_by_hand(cumulative: np.ndarray) -> float:
    """First month from which the cumulative cash stays >= 0 (docs/formulas.md), compared exactly."""
    short = [t for t, cash in enumerate(cumulative, start=1) if cash < 0]
    last = short[-1] if short else 0
    return math.inf if last == len(cumulative) else last + 1.0


@pytest.mark.parametrize("template", ["chat-assistant-cpa", "koc-seeding"])
def test_payback_thresholds_are_true_crossings(template: str) -> None:
    from aigc_roi.model.engine import evaluate
    from aigc_roi.model.sampling import realize
    from aigc_roi.reader.load import load_path
    from aigc_roi.whatif.breakeven import break_even
    from aigc_roi.whatif.drivers import with_value

    scenario = load_path(Path(__file__).resolve().parents[2] / "scenarios" / f"{template}.yaml").scenario
    realized = realize(scenario)
    table = break_even(realized)
    checked = 0
    for row in table.rows:
        value = row.payback_target
        if value is None or value <= 0:
            continue
        candidates = np.array([value, value * (1 - 1e-6), value * (1 + 1e-6)])
        if row.driver.is_rate and candidates.max() > 1:
            continue
        result = evaluate(with_value(realized, row.driver, candidates), irr=False)
        by_hand = [_payback_by_hand(result.months["cumulative_cash"][i]) for i in range(3)]
        # The engine's payback is the exact definition, and the threshold meets the target while a
        # value a millionth away, on one side, misses it: a crossing, not an artefact of a tolerance.
        engine = [math.inf if math.isnan(m) else m for m in result.figures["payback_month"]]
        assert engine == by_hand, row.driver.path
        assert by_hand[0] <= table.target_payback_months, row.driver.path
        assert max(by_hand[1:]) > table.target_payback_months, row.driver.path
        checked += 1
    assert checked >= 3
