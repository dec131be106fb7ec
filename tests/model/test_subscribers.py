"""Subscribers in force and serving_per_subscriber (docs/formulas.md §4.10).

The worked example of docs/formulas.md, every number derived by hand there
and in the comments below.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from cli_runner import invoke

from aigc_roi.model.engine import evaluate
from aigc_roi.model.sampling import realize
from aigc_roi.reader.load import load_text

EXAMPLE = """\
name: Quarterly plan with serving per subscriber
horizon_months: 4
acquisition:
  - {name: CPA, type: cpa, bid: 20, users: 1000, months: 1}
retention: {monthly_churn: 0.5}
monetization:
  plans:
    - {name: Quarterly, price: 30, period: 3, conversion: 0.1, renewal: 0.5}
costs:
  serving_per_active_user: 1
  serving_per_subscriber: 2
"""
EXACT = 1e-9


def run(text: str) -> dict[str, np.ndarray]:
    """The month series of one run, and its ltv."""
    result = evaluate(realize(load_text(text, "example.yaml").scenario))
    return {name: result.months[name][0] for name in result.months} | {"ltv": result.figures["ltv"][0]}


def test_subscribers_in_force_count_each_payment_over_its_period() -> None:
    got = run(EXAMPLE)
    # 100 pay in month 1 (covering 1-3); half renew in month 4 (covering 4-6).
    np.testing.assert_allclose(got["subscribers"], [100, 100, 100, 50], rtol=0, atol=EXACT)
    np.testing.assert_allclose(got["gross_revenue"], [3000, 0, 0, 1500], rtol=0, atol=EXACT)


def test_serving_charges_active_users_and_subscribers() -> None:
    got = run(EXAMPLE)
    # A(t) x 1 + subscribers(t) x 2 with A = 1000, 500, 250, 125.
    np.testing.assert_allclose(got["serving_cost"], [1200, 700, 450, 225], rtol=0, atol=EXACT)
    np.testing.assert_allclose(got["contribution"], [1800, -700, -450, 1275], rtol=0, atol=EXACT)


def test_ltv_charges_each_users_subscriptions_by_age() -> None:
    # c(a) = 1.8, -0.7, -0.45, 1.275: ltv 1.925 (the contribution of 1,000 users, per user).
    assert float(run(EXAMPLE)["ltv"]) == pytest.approx(1.925, abs=EXACT)
    # Past the horizon the month-4 renewal still covers ages 4 and 5: -0.0625 - 0.1 and -0.03125 - 0.1.
    longer = EXAMPLE.replace("horizon_months: 4", "horizon_months: 4\nltv_months: 6")
    assert float(run(longer)["ltv"]) == pytest.approx(1.63125, abs=EXACT)


def test_serving_per_subscriber_is_attributed_to_the_subscribers_channel() -> None:
    # A second channel whose 1,000 users arrive in month 2: each channel's contribution is its own
    # users' (no virality). Month-1 cohort: 1.8 - 0.7 - 0.45 + 1.275 = 1.925 a user; month-2 cohort,
    # ages 0..2: 1.8 - 0.7 - 0.45 = 0.65 a user.
    text = EXAMPLE.replace("  - {name: CPA, type: cpa, bid: 20, users: 1000, months: 1}",
                           "  - {name: CPA, type: cpa, bid: 20, users: 1000, months: 1}\n"
                           "  - {name: Late, type: cpa, bid: 20, users: 1000, months: 2}")
    result = evaluate(realize(load_text(text, "example.yaml").scenario))
    np.testing.assert_allclose(result.channel_contribution[0], [1925, 650], rtol=0, atol=1e-6)


def test_default_serving_per_subscriber_changes_nothing() -> None:
    without = run(EXAMPLE.replace("  serving_per_subscriber: 2\n", ""))
    np.testing.assert_allclose(without["serving_cost"], [1000, 500, 250, 125], rtol=0, atol=EXACT)


def test_subscribers_column_in_every_output(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(EXAMPLE, encoding="utf-8")
    months = json.loads(invoke(["run", str(path), "--format", "json"]).stdout)["months"]
    assert [month["subscribers"] for month in months] == pytest.approx([100, 100, 100, 50])
    csv_lines = invoke(["run", str(path), "--format", "csv"]).stdout.splitlines()
    header = csv_lines[0].split(",")
    assert [line.split(",")[header.index("subscribers")] for line in csv_lines[1:]] == ["100", "100", "100", "50"]
    markdown = invoke(["run", str(path), "--format", "markdown"]).stdout
    assert "| Subs. |" in markdown
    assert "| 在订 |" in invoke(["run", str(path), "--format", "markdown", "--lang", "zh"]).stdout


def test_set_serving_per_subscriber_takes_a_range(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(EXAMPLE, encoding="utf-8")
    # The median of the lognormal 1..4 is 2: the same serving as the example.
    result = invoke(["run", str(path), "--format", "json", "--set", "costs.serving_per_subscriber=1..4"])
    months = json.loads(result.stdout)["months"]
    assert [month["serving_cost"] for month in months] == pytest.approx([1200, 700, 450, 225])


def test_conversion_by_age_and_a_renewal_list_are_counted_the_same_way() -> None:
    # Period 2; 10% subscribe at age 0 (month 1) and 10% at age 1 (month 2); half of each renews once
    # a period later: payments 100, 100, 50, 50. In force: month 1 the month-1 payment; month 2 it and
    # the month-2 one; month 3 the month-2 one and the month-3 renewal; month 4 the two renewals.
    text = EXAMPLE.replace("{name: Quarterly, price: 30, period: 3, conversion: 0.1, renewal: 0.5}",
                           "{name: Bimonthly, price: 30, period: 2, conversion: {0: 0.1, 1: 0.1}, renewal: [0.5]}")
    got = run(text)
    np.testing.assert_allclose(got["gross_revenue"], [3000, 3000, 1500, 1500], rtol=0, atol=EXACT)
    np.testing.assert_allclose(got["subscribers"], [100, 200, 150, 100], rtol=0, atol=EXACT)
    # Serving: A(t) + 2 x subscribers(t), A = 1000, 500, 250, 125.
    np.testing.assert_allclose(got["serving_cost"], [1200, 900, 550, 325], rtol=0, atol=EXACT)
    # Per user: cash 3, 3, 1.5, 1.5 less serving 1.2, 0.9, 0.55, 0.325: ltv 1.8 + 2.1 + 0.95 + 1.175.
    assert float(got["ltv"]) == pytest.approx(6.025, abs=EXACT)
