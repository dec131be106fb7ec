"""Degenerate but valid scenarios run in every format and show undefined figures as none.

"None" reads: JSON null, an empty CSV/markdown cell (``export`` documents
empty cells), an em dash (or "never" for a month figure) in the table.
Never a division error, NaN or inf.
"""

from __future__ import annotations

import csv
import io
import json
import re
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from cli_runner import invoke

from aigc_roi.model.engine import evaluate
from aigc_roi.model.figures import FIGURE_NAMES
from aigc_roi.model.sampling import realize
from aigc_roi.present.labels import label
from aigc_roi.reader.load import load_text

NON_FINITE = re.compile(r"(?i)\b(nan|-?inf|infinity)\b")

SCENARIOS = {
    "no_channels": "name: Nothing bought\nretention: {monthly_churn: 0.2}\n",
    "no_channels_no_monetization_horizon_1": "name: Bare\nhorizon_months: 1\nretention: {points: {1: 0}}\n",
    "zero_conversion": """\
name: Zero conversion
acquisition:
  - {name: Feed, type: cpm, cpm: 40, ctr: 0, cvr: 0, budget: 200000}
  - {name: CPA, type: cpa, bid: 30, users: 0}
retention: {monthly_churn: 0.1}
monetization:
  plans: [{name: Annual, price: 365, period: year, conversion: 0, renewal: 0.6}]
  purchases: [{name: Pack, price: 19.9, rate: 0}]
costs: {serving_per_active_user: 0.8}
""",
    "horizon_1": """\
name: One month
horizon_months: 1
acquisition: [{name: CPA, type: cpa, bid: 30, budget: 600000}]
retention: {monthly_churn: 0.5}
monetization: {plans: [{name: Annual, price: 365, period: year, conversion: 0.05}]}
costs: {serving_per_active_user: 0.8, fixed: [{name: Tools, monthly: 1000}]}
""",
    "churn_1": """\
name: Everyone leaves
horizon_months: 12
acquisition: [{name: Poster, type: flat, cost: 1000000, users: 20000, months: 1}]
virality: 0.5
retention: {monthly_churn: 1}
monetization: {purchases: [{name: Pack, price: 9.9, rate: 0.02}], revenue_fee: 1}
costs: {serving_per_active_user: 0.8}
""",
    "amounts_1e15": """\
name: Huge
horizon_months: 120
discount_rate: 1e15
acquisition:
  - {name: CPA, type: cpa, bid: 1e15, budget: 1e15, saturation_budget: 1e15}
  - {name: Feed, type: cpm, cpm: 1e15, ctr: 1, cvr: 1, budget: 1e15}
  - {name: KOL, type: kol, posts: 1e15, fee: 1e15, views: 1e15, view_to_user: 1, views_decay: 0.5}
  - {name: Poster, type: flat, cost: 1e15, users: 1e15}
organic_users: 1e15
virality: 0.99
retention: {points: {1: 1, 120: 1}}
monetization:
  plans: [{name: Big, price: 1e15, period: 1, conversion: 1, renewal: 1}]
  purchases: [{name: Big, price: 1e15, rate: 1e15}]
costs: {serving_per_active_user: 1e15, fixed: [{name: Big, monthly: 1e15}]}
""",
    "free_spend_zero_bid_users": """\
name: Free users, no spend
acquisition: [{name: Gift, type: cpa, bid: 0, users: 1000}]
retention: {monthly_churn: 0.3}
""",
}


@pytest.fixture(params=sorted(SCENARIOS))
def case(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, Path]:
    path = tmp_path / f"{request.param}.yaml"
    path.write_text(SCENARIOS[request.param], encoding="utf-8")
    return request.param, path


def _run(path: Path, *args: str) -> Any:
    result = invoke(["run", str(path), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert NON_FINITE.search(result.stdout) is None, result.stdout
    return result


def _json(path: Path) -> dict[str, Any]:
    def refuse(constant: str) -> Any:
        raise AssertionError(f"non-finite JSON constant {constant}")

    return json.loads(_run(path, "--format", "json").stdout, parse_constant=refuse)


def test_engine_stays_finite_without_numpy_warnings(case: tuple[str, Path]) -> None:
    name, path = case
    scenario = load_text(SCENARIOS[name], str(path)).scenario
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an overflow or 0/0 inside the engine would show up here
        result = evaluate(realize(scenario))
    for series in result.months.values():
        assert np.all(np.isfinite(series))
    for figure in result.figures.values():
        assert not np.any(np.isinf(figure))


def test_every_format_runs_and_undefined_figures_are_none(case: tuple[str, Path]) -> None:
    _, path = case
    data = _json(path)
    figures = data["figures"]
    undefined = {name for name in FIGURE_NAMES if figures[name] is None}

    rows = list(csv.reader(io.StringIO(_run(path, "--format", "csv", "--table", "figures").stdout)))
    csv_rows = {row[0]: row[1] for row in rows}
    # The irr row's note is JSON's word beside the figures: why it is none, else how it reads.
    assert next(row[2] for row in rows if row[0] == "irr") == (figures["irr_none_reason"] or figures["irr_kind"])
    for name in FIGURE_NAMES:
        value = figures[name]
        if value is None:
            assert csv_rows[name] == "", name
        elif isinstance(value, bool):
            # peak_cash_at_horizon (issue 22): a flag, 1 or 0 in the CSV's number column.
            assert csv_rows[name] == str(int(value)), name
        else:
            assert float(csv_rows[name]) == pytest.approx(value)

    markdown = _run(path, "--format", "markdown").stdout
    for name in undefined:
        # As in the table view: a month never reached reads "never (≤ horizon)" (a CAC payback, searched over
        # ltv_months, "never", and an em dash where the CAC itself is none), an IRR says why it is none, any other
        # none an em dash.
        never = f"never \\(≤ {data['horizon_months']}\\)"
        irr_why = re.escape(label(f"irr_none_{figures['irr_none_reason']}"))
        shown = {"payback_month": never, "first_payback_month": never, "paid_payback_month": never,
                 "cac_payback_months": "—" if figures["cac"] is None else "never", "irr": irr_why}.get(name, "—")
        assert re.search(rf"^\| {re.escape(label(name))} \| {shown} \|$", markdown, re.MULTILINE), name

    table = _run(path, "--format", "table").stdout
    assert table.strip()
    # Paybacks read "never"; an IRR that is none says why.
    if undefined - {"payback_month", "first_payback_month", "paid_payback_month", "cac_payback_months", "irr"}:
        assert "—" in table
    if "irr" in undefined:
        assert figures["irr_none_reason"] in ("no_sign_change", "more_than_one_sign_change")
        assert label(f"irr_none_{figures['irr_none_reason']}") in table
    for fmt in ("csv",):
        for which in ("channels", "months"):
            _run(path, "--format", fmt, "--table", which)


def test_no_channels_has_no_cac_roas_or_roi(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(SCENARIOS["no_channels"], encoding="utf-8")
    figures = _json(path)["figures"]
    assert figures["ad_spend"] == 0 and figures["paid_users"] == 0
    for name in ("cac", "roas", "roi", "ltv_to_cac", "cac_payback_months", "irr"):
        assert figures[name] is None, name


def test_zero_conversion_buys_no_users_but_spends(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(SCENARIOS["zero_conversion"], encoding="utf-8")
    data = _json(path)
    figures = data["figures"]
    assert figures["paid_users"] == 0
    assert figures["ad_spend"] == pytest.approx(200_000 * 24)
    assert figures["cac"] is None  # spend / 0 users
    assert figures["roas"] == 0 and figures["roi"] == -1
    assert figures["payback_month"] is None
    feed = data["channels"][0]
    assert feed["cac"] is None and feed["roas"] == 0


def test_horizon_1(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(SCENARIOS["horizon_1"], encoding="utf-8")
    data = _json(path)
    assert len(data["months"]) == 1
    figures = data["figures"]
    # 20,000 users x 5% x 365 = 365,000 < 600,000 + serving + fixed: no payback in one month.
    assert figures["gross_revenue"] == pytest.approx(365_000)
    assert figures["payback_month"] is None
    assert figures["cac_payback_months"] is None


def test_churn_1_keeps_only_the_join_month(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(SCENARIOS["churn_1"], encoding="utf-8")
    data = _json(path)
    active = [month["active_users"] for month in data["months"]]
    new = [month["new_users"] for month in data["months"]]
    assert active == pytest.approx(new)
    assert data["figures"]["net_revenue"] == 0  # revenue_fee 1
    assert data["figures"]["payback_month"] is None


def test_spend_free_channel_is_no_paid_channel(tmp_path: Path) -> None:
    # Spec 1.2: paid means spending. The channel's 24,000 users cost nothing, so the plan has no paid
    # users and its cac is 0 / 0, none; the channel itself shows 0 spend over 24,000 users, a cac of 0.
    path = tmp_path / "s.yaml"
    path.write_text(SCENARIOS["free_spend_zero_bid_users"], encoding="utf-8")
    data = _json(path)
    assert data["figures"]["paid_users"] == 0 and data["figures"]["new_users"] == pytest.approx(24_000)
    assert data["figures"]["cac"] is None and data["figures"]["roas"] is None
    assert data["channels"][0]["users"] == pytest.approx(24_000) and data["channels"][0]["cac"] == 0
    assert data["channels"][0]["roas"] is None and data["channels"][0]["roi"] is None
