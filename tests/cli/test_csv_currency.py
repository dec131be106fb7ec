"""Every CSV table of amounts names its currency in a last ``currency`` column, as `run`'s do (README, "Units and
rounding"; docs/formulas.md §8): a finance analyst found `compare`'s, `breakeven`'s, `sensitivity`'s, `simulate`'s,
`allocate`'s and `actuals`' money columns unlabelled numbers. The columns before it keep their places; a row of one
value has the code where that value is an amount, a row of several where it holds one; JSON says it once.

The plan is the spec's worked example (docs/formulas.md §11) in dollars: 1,000 users bought at 20 in month 1, so an
ad spend of 20,000 (1,000 x 20).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from actuals_plans import two_channel_plan
from cli_runner import invoke
from spec_example import WORKED_EXAMPLE

USD = "currency: USD\n"
PLAN = WORKED_EXAMPLE + USD
CHEAPER = PLAN.replace("bid: 20", "bid: 15").replace("price: 10", "price: 12")
RANGED = PLAN.replace("bid: 20", "bid: 18..22")
SUBSCRIPTION = """\
name: Subscription
horizon_months: 6
currency: USD
acquisition:
  - {name: CPA, type: cpa, bid: 20, users: 1000, months: 1}
retention: {monthly_churn: 0.3}
monetization:
  plans: [{name: Monthly, price: 30, period: month, conversion: 0.1, renewal: 0.8}]
"""
TWO_CHANNELS = """\
name: Two channels
horizon_months: 1
currency: USD
acquisition:
  - {name: Search, type: cpa, bid: 20, budget: 30000, saturation_budget: 50000}
  - {name: currency, type: cpa, bid: 40, budget: 20000, saturation_budget: 50000}
retention: {monthly_churn: 1}
monetization:
  purchases: [{name: item, price: 100, rate: 1}]
"""
"""allocate's plan: a channel named as the column the curve's CSV now ends with."""


def _file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    return _file(tmp_path, "plan.yaml", PLAN)


def _csv(*args: str | Path) -> list[list[str]]:
    result = invoke([*map(str, args), "--format", "csv"])
    assert result.exit_code == 0, result.stderr
    table = list(csv.reader(io.StringIO(result.stdout)))
    assert table[0][-1] == "currency" and all(len(row) == len(table[0]) for row in table), table[0]
    return table


def _json(*args: str | Path) -> dict:  # type: ignore[type-arg]
    result = invoke([*map(str, args), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def _by_key(table: list[list[str]], width: int = 1) -> dict[tuple[str, ...], str]:
    """Each row's currency cell by its first ``width`` cells."""
    return {tuple(row[:width]): row[-1] for row in table[1:]}


def test_compare_names_the_currency_on_the_money_figures_rows(plan: Path, tmp_path: Path) -> None:
    cheaper = _file(tmp_path, "cheaper.yaml", CHEAPER.replace("Spec worked example", "Cheaper"))
    table = _csv("compare", plan, cheaper)
    # The columns before it as they were: figure, each scenario, each change, best; then the scenarios' notes.
    assert table[0] == ["figure", "Spec worked example", "Cheaper", "Δ Cheaper", "best", "note", "currency"]
    rows = {row[0]: row for row in table[1:]}
    # 1,000 users at 20 against 1,000 at 15: 20,000 and 15,000, 5,000 less; less spend is no better (a choice).
    assert rows["ad_spend"] == ["ad_spend", "20000", "15000", "-5000", "", "", "USD"]
    assert rows["npv"][-1] == rows["cac"][-1] == rows["peak_cash_need"][-1] == "USD"
    assert rows["roi"][-1] == rows["roas"][-1] == rows["paid_users"][-1] == rows["payback_month"][-1] == ""
    assert _json("compare", plan, cheaper)["currency"] == "USD"


def test_compare_on_risk_names_it_on_the_percentiles_of_amounts(tmp_path: Path) -> None:
    ranged = _file(tmp_path, "ranged.yaml", RANGED)
    cells = _by_key(_csv("compare", ranged, ranged, "--samples", "40"), 2)
    assert cells["ad_spend", "p5"] == cells["ad_spend", "p50"] == cells["npv", "p95"] == "USD"
    # A share of the draws, a ratio's percentile, a chance and the months a chance counts are no amounts.
    assert cells["ad_spend", "defined_share"] == cells["roi", "p50"] == cells["cac", "defined_share"] == ""
    assert cells["npv_positive", "probability"] == cells["payback_within_target", "target_months"] == ""


def test_compare_explain_names_it_on_the_rows_of_an_amounts_change(plan: Path, tmp_path: Path) -> None:
    cheaper = _file(tmp_path, "cheaper.yaml", CHEAPER)
    table = _csv("compare", plan, cheaper, "--explain")
    assert table[0] == ["figure", "path", "base_path", "from", "to", "change", "from_text", "to_text", "currency"]
    by_figure: dict[str, set[str]] = {}
    for row in table[1:]:
        by_figure.setdefault(row[0], set()).add(row[-1])
    # npv and peak cash need change by amounts; roi by a fraction, the payback month by months.
    assert by_figure == {"roi": {""}, "npv": {"USD"}, "payback_month": {""}, "peak_cash_need": {"USD"}}
    assert _json("compare", plan, cheaper, "--explain")["currency"] == "USD"


def test_breakeven_names_it_on_the_drivers_that_are_amounts(plan: Path) -> None:
    table = _csv("breakeven", plan)
    assert table[0][:3] == ["path", "label", "current"] and table[0][-3:] == [
        "roi_zero_wrong_side", "payback_target_wrong_side", "currency"]
    cells = _by_key(table)
    # A bid, a price and a serving cost are amounts; the users a channel buys are a count.
    assert cells["acquisition[0].bid",] == cells["monetization.purchases[0].price",] == "USD"
    assert cells["costs.serving_per_active_user",] == "USD" and cells["acquisition[0].users",] == ""
    assert _json("breakeven", plan)["currency"] == "USD"


def test_breakeven_leaves_a_rate_drivers_row_empty(tmp_path: Path) -> None:
    cells = _by_key(_csv("breakeven", _file(tmp_path, "plan.yaml", SUBSCRIPTION)))
    assert cells["monetization.plans[0].conversion",] == cells["monetization.plans[0].renewal",] == ""
    assert cells["monetization.plans[0].price",] == "USD"


def test_sensitivity_names_it_on_every_row(plan: Path) -> None:
    table = _csv("sensitivity", plan)
    assert table[0][:3] == ["path", "label", "current"] and table[0][-2:] == ["high_payback_month", "currency"]
    # Every row holds the net cash at both moves, an amount, whatever the driver.
    assert {row[-1] for row in table[1:]} == {"USD"} and len(table) > 2
    assert _json("sensitivity", plan)["currency"] == "USD"


def test_sensitivity_grid_names_it_where_a_drivers_values_are_amounts(plan: Path, tmp_path: Path) -> None:
    table = _csv("sensitivity", plan, "--grid", "CPA.bid,item.price", "--grid-steps", "3")
    # The corner and the column values first, as before: 16, 20, 24 (20 less and more 20%), then the currency.
    assert table[0] == ["acquisition[0].bid \\ monetization.purchases[0].price", "8", "10", "12", "currency"]
    assert [row[0] for row in table[1:]] == ["16", "20", "24"] and {row[-1] for row in table[1:]} == {"USD"}
    assert _json("sensitivity", plan, "--grid", "CPA.bid,item.price")["currency"] == "USD"
    # A grid of two rates holds no amount: the column is there, empty.
    rates = _csv("sensitivity", _file(tmp_path, "sub.yaml", SUBSCRIPTION), "--grid", "Monthly.conversion,Monthly.renewal",
                 "--grid-steps", "3")
    assert {row[-1] for row in rates[1:]} == {""}


def test_simulate_names_it_on_the_statistics_of_amounts(tmp_path: Path) -> None:
    ranged = _file(tmp_path, "ranged.yaml", RANGED)
    table = _csv("simulate", ranged, "--samples", "40")
    assert table[0] == ["section", "name", "statistic", "value", "currency"]
    cells = _by_key(table, 3)
    assert cells["figures", "ad_spend", "mean"] == cells["figures", "npv", "p50"] == cells["figures", "cac", "p95"] == "USD"
    assert cells["figures", "ad_spend", "defined_share"] == cells["figures", "roi", "mean"] == ""
    assert cells["figures", "payback_month", "p50"] == cells["probabilities", "npv_positive", "probability"] == ""
    assert {currency for (section, *_), currency in cells.items() if section == "variance_shares"} == {""}


def test_simulate_samples_out_names_it_on_every_sample(tmp_path: Path) -> None:
    ranged, samples = _file(tmp_path, "ranged.yaml", RANGED), tmp_path / "samples.csv"
    assert invoke(["simulate", str(ranged), "--samples", "5", "--samples-out", str(samples), "-q"]).exit_code == 0
    table = list(csv.reader(io.StringIO(samples.read_text(encoding="utf-8"))))
    assert table[0][:2] == ["sample", "acquisition[0].bid"] and table[0][-1] == "currency"
    assert [row[-1] for row in table[1:]] == ["USD"] * 5


def test_simulate_samples_out_parquet_has_the_csvs_columns(tmp_path: Path) -> None:
    """A script that reads the samples as Parquet instead of CSV finds the same columns, the currency last."""
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    ranged = _file(tmp_path, "ranged.yaml", RANGED)
    for name in ("samples.csv", "samples.parquet"):
        args = ["simulate", str(ranged), "--samples", "5", "--seed", "1", "--samples-out", str(tmp_path / name), "-q"]
        assert invoke(args).exit_code == 0
    header = next(csv.reader(io.StringIO((tmp_path / "samples.csv").read_text(encoding="utf-8"))))
    frame = pd.read_parquet(tmp_path / "samples.parquet")
    assert [frame.index.name, *frame.columns] == header
    assert list(frame["currency"]) == ["USD"] * 5


def test_allocate_names_it_on_every_channel_and_budget(tmp_path: Path) -> None:
    path = _file(tmp_path, "plan.yaml", TWO_CHANNELS)
    channels = _csv("allocate", path, "--budget", "50000")
    assert channels[0][:3] == ["channel", "type", "status"] and channels[0][-3:] == ["months", "months_label", "currency"]
    assert [(row[0], row[-1]) for row in channels[1:]] == [("Search", "USD"), ("currency", "USD")]
    curve = _csv("allocate", path, "--budget", "50000", "--table", "curve")
    # The channel named currency keeps a column of its own, as one named value does.
    assert curve[0] == ["budget", "multiple", "value", "marginal_value", "limit_met", "Search", "currency (channel)",
                        "currency"]
    assert {row[-1] for row in curve[1:]} == {"USD"}
    assert _json("allocate", path, "--budget", "50000")["currency"] == "USD"


def test_actuals_names_it_on_every_channel_month(tmp_path: Path) -> None:
    plan = _file(tmp_path, "plan.yaml", two_channel_plan("Dollars") + USD)
    export = _file(tmp_path, "export.csv", "date,campaign,spend,new_users\n2025-03-01,dy_a,1200,100\n"
                                           "2025-03-01,gdt_a,900,60\n")
    table = _csv("actuals", plan, export, "--through", "2025-03-31")
    assert table[0][:3] == ["channel", "path", "month"] and table[0][-3:] == ["not_reported", "covered", "currency"]
    assert {row[-1] for row in table[1:]} == {"USD"} and len(table) == 3
    assert _json("actuals", plan, export, "--through", "2025-03-31")["currency"] == "USD"


def test_curves_hold_no_amount_and_keep_their_columns(plan: Path) -> None:
    result = invoke(["curves", str(plan), "--format", "csv"])
    assert result.stdout.splitlines()[0] == "curve,channel,plan,day,age_months,renewals,renewal_rate,share,survival,fitted,observed"


def test_check_json_names_each_scenarios_currency(tmp_path: Path) -> None:
    """`check`'s targets on amounts (an npv here) come in the scenario's currency, which its JSON entry names."""
    dollars = tmp_path / "usd.yaml"
    dollars.write_text(PLAN + "targets: {min_npv: 0}\n", encoding="utf-8")
    yuan = tmp_path / "cny.yaml"
    yuan.write_text(WORKED_EXAMPLE + "targets: {min_npv: 0}\n", encoding="utf-8")
    result = invoke(["check", str(dollars), str(yuan), "--format", "json"])
    assert result.exit_code in (0, 1), result.stderr
    currencies = {Path(entry["path"]).name: entry["currency"] for entry in json.loads(result.stdout)["scenarios"]}
    assert currencies == {"usd.yaml": "USD", "cny.yaml": "CNY"}
