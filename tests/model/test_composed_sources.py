"""Values by month and referral rewards composed with channels of their own retention and conversion index, and
with gates (docs/formulas.md §14, §15, §17, §18).

The expected figures come from a direct reading of the formulas: every source's every cohort followed age by
age, in plain Python loops, with the credit shares w_c(t) = (N_c(t) + V(t) w_c(t-1)) / N(t) of the attribution.
Nothing here shares code with the engine.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest
from cli_runner import invoke

# Four months; A's bid rises 10 -> 16, the price 10 -> 20 by month 3, serving 1 -> 2.5, organic 0 -> 30; B's users
# keep 80% a month and buy half as much (index 0.5); every user brings 0.2 more a month later, rewarded 2 each.
COMPOSED = """name: composed
horizon_months: 4
ltv_months: 6
discount_rate: 0
retention: {monthly_churn: 0.5}
virality: 0.2
referral_reward: 2
organic_users: {by_month: {1: 0, 4: 30}}
acquisition:
  - {name: A, type: cpa, bid: {by_month: {1: 10, 4: 16}}, users: 100}
  - {name: B, type: cpa, bid: 8, users: 50, conversion_index: 0.5, retention: {monthly_churn: 0.2}}
monetization:
  revenue_fee: 0.1
  purchases: [{name: P, price: {by_month: {1: 10, 3: 20}}, rate: 1, unit_cost: 1}]
costs: {serving_per_active_user: {by_month: {1: 1, 4: 2.5}}}
"""

H, L = 4, 6
PRICE = [10.0, 15.0, 20.0, 20.0, 20.0, 20.0, 20.0, 20.0, 20.0]  # month 1.. (the last given value carries on)
SERVING = [1.0, 1.5, 2.0, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5]
FEE, UNIT_COST, RATE, VIRALITY, REWARD = 0.1, 1.0, 1.0, 0.2, 2.0


@dataclass
class Source:
    users: list[float]
    keep: float
    """The monthly retention: R(a) = keep^a."""
    index: float
    spend: list[float] = field(default_factory=lambda: [0.0] * H)


def _gross(source: Source, joined: int, age: int) -> float:
    """Gross revenue at age ``age`` of one user of ``source`` who joined in month ``joined`` (1-based)."""
    month = joined + age
    return source.index * source.keep ** age * RATE * PRICE[month - 1]


def _contribution(source: Source, joined: int, age: int) -> float:
    month = joined + age
    active = source.keep ** age
    bought = source.index * active * RATE
    return bought * (PRICE[month - 1] * (1 - FEE) - UNIT_COST) - active * SERVING[month - 1]


def _plan(sources: dict[str, Source]) -> tuple[list[float], list[float], dict[str, list[float]]]:
    """N(t), V(t), and each paying source's credit share w_c(t) (months 1..H, index t - 1)."""
    new, viral = [], []
    shares: dict[str, list[float]] = {name: [] for name in sources}
    for t in range(H):
        v = VIRALITY * new[t - 1] if t else 0.0
        n = sum(source.users[t] for source in sources.values()) + v
        viral.append(v)
        new.append(n)
        for name, source in sources.items():
            before = shares[name][t - 1] if t else 0.0
            shares[name].append((source.users[t] + v * before) / n if n else 0.0)
    return new, viral, shares


VIRAL = Source([0.0] * H, 0.5, 1.0)


def _attributed(sources: dict[str, Source], name: str, until: int = H) -> tuple[float, float]:
    """A source's own users' gross revenue and contribution paid in months 1..until, plus its credit share of each
    viral cohort's (viral users: the top-level curve, index 1, their reward at age 0)."""
    _, viral, shares = _plan(sources)
    source = sources[name]
    gross = contribution = 0.0
    for joined in range(1, until + 1):
        ages = range(until - joined + 1)
        gross += source.users[joined - 1] * sum(_gross(source, joined, a) for a in ages)
        contribution += source.users[joined - 1] * sum(_contribution(source, joined, a) for a in ages)
        if joined > 1:
            credit = shares[name][joined - 2] * viral[joined - 1]
            gross += credit * sum(_gross(VIRAL, joined, a) for a in ages)
            contribution += credit * (sum(_contribution(VIRAL, joined, a) for a in ages) - REWARD)
    return gross, contribution


def _ltv(source: Source, users: list[float], reward: float = 0.0) -> float:
    """The user-weighted mean over the source's users of sum_{a < L} c_{j,s}(a) (discount rate 0)."""
    worth = [sum(_contribution(source, joined, a) for a in range(L)) - reward for joined in range(1, H + 1)]
    return sum(n * w for n, w in zip(users, worth, strict=True)) / sum(users)


def _sources() -> dict[str, Source]:
    bids = [10.0, 12.0, 14.0, 16.0]
    return {"A": Source([100.0] * H, 0.5, 1.0, [100 * bid for bid in bids]),
            "B": Source([50.0] * H, 0.8, 0.5, [50 * 8.0] * H),
            "Organic": Source([0.0, 10.0, 20.0, 30.0], 0.5, 1.0)}


def _run(tmp_path: Path, text: str) -> dict:
    path = tmp_path / "composed.yaml"
    path.write_text(text, encoding="utf-8")
    result = invoke(["run", str(path), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_every_source_lives_the_values_of_its_calendar_months_on_its_own_curve(tmp_path: Path) -> None:
    report = _run(tmp_path, COMPOSED)
    sources = _sources()
    new, viral, _ = _plan(sources)
    channels = {channel["name"]: channel for channel in report["channels"]}
    for name in ("A", "B"):
        gross, contribution = _attributed(sources, name)
        spend = sum(sources[name].spend)
        assert channels[name]["gross_revenue"] == pytest.approx(gross, rel=1e-12)
        assert channels[name]["contribution"] == pytest.approx(contribution, rel=1e-12)
        assert channels[name]["roi"] == pytest.approx((contribution - spend) / spend, rel=1e-12)
        # A channel's own ltv: its own users (the months they joined in), before any referral reward.
        assert channels[name]["ltv"] == pytest.approx(_ltv(sources[name], sources[name].users), rel=1e-12)
    # The totals are every source's, viral users included; the attributed figures add up to them.
    months = report["months"]
    total_gross = sum(month["gross_revenue"] for month in months)
    expected_total = sum(_attributed(sources, name)[0] for name in sources)
    assert total_gross == pytest.approx(expected_total, rel=1e-12)
    assert [month["referral_cost"] for month in months] == pytest.approx([v * REWARD for v in viral], rel=1e-12)
    # ltv: the mean over every new user of the horizon, viral users carrying their reward at age 0.
    everyone = sum(_ltv(source, source.users) * sum(source.users) for source in sources.values() if sum(source.users))
    everyone += _ltv(VIRAL, viral, REWARD) * sum(viral)
    assert report["figures"]["ltv"] == pytest.approx(everyone / sum(new), rel=1e-12)
    # The paid channels' roas: A's and B's attributed gross revenue over their spend.
    paid_gross = sum(_attributed(sources, name)[0] for name in ("A", "B"))
    assert report["figures"]["roas"] == pytest.approx(paid_gross / sum(sum(sources[n].spend) for n in ("A", "B")),
                                                      rel=1e-12)


def test_month_one_by_hand(tmp_path: Path) -> None:
    """Month 1, worked by hand: A 100 users at price 10, B 50 users at index 0.5; serving 1 each."""
    month = _run(tmp_path, COMPOSED)["months"][0]
    assert month["gross_revenue"] == pytest.approx(100 * 10 + 50 * 0.5 * 10)
    assert month["delivery_cost"] == pytest.approx(100 * 1 + 25 * 1)
    assert month["serving_cost"] == pytest.approx(150 * 1.0)
    assert month["ad_spend"] == pytest.approx(100 * 10 + 50 * 8)


GATED = COMPOSED.replace("referral_reward: 2\n", "referral_reward: 2\ngates: [{name: G, after_month: 2, channels: [A], "
                         "min_roas: ROAS, then: [B]}]\n")


@pytest.mark.parametrize("passes", [True, False])
def test_a_gate_reads_the_prices_its_test_months_pay(tmp_path: Path, passes: bool) -> None:
    sources = _sources()
    test_gross, _ = _attributed(sources, "A", until=2)
    test_roas = test_gross / sum(sources["A"].spend[:2])
    threshold = test_roas * (0.99 if passes else 1.01)
    report = _run(tmp_path, GATED.replace("ROAS", repr(threshold)))
    [gate] = report["gates"]
    assert gate["roas"] == pytest.approx(test_roas, rel=1e-12)
    assert gate["passed"] is passes
    if not passes:
        # After month 2 neither A nor B buys; A's and B's figures are those of the plan so stopped.
        for name in ("A", "B"):
            sources[name].users[2:] = [0.0, 0.0]
            sources[name].spend[2:] = [0.0, 0.0]
    channels = {channel["name"]: channel for channel in report["channels"]}
    for name in ("A", "B"):
        gross, contribution = _attributed(sources, name)
        assert channels[name]["gross_revenue"] == pytest.approx(gross, rel=1e-12)
        assert channels[name]["contribution"] == pytest.approx(contribution, rel=1e-12)
        assert channels[name]["spend"] == pytest.approx(sum(sources[name].spend), rel=1e-12)
        assert channels[name]["ltv"] == pytest.approx(_ltv(sources[name], sources[name].users), rel=1e-12)


def test_with_constant_values_the_rewards_follow_every_groups_viral_users(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """A referral reward beside a channel of its own index, nothing moving by month."""
    monkeypatch.setitem(globals(), "PRICE", [10.0] * 9)
    monkeypatch.setitem(globals(), "SERVING", [1.0] * 9)
    text = (COMPOSED.replace("{by_month: {1: 10, 3: 20}}", "10").replace("{by_month: {1: 1, 4: 2.5}}", "1")
            .replace("organic_users: {by_month: {1: 0, 4: 30}}\n", "")
            .replace("{by_month: {1: 10, 4: 16}}", "10"))
    report = _run(tmp_path, text)
    sources = _sources()
    del sources["Organic"]
    sources["A"].spend = [1000.0] * H
    channels = {channel["name"]: channel for channel in report["channels"]}
    for name in ("A", "B"):
        gross, contribution = _attributed(sources, name)
        assert channels[name]["gross_revenue"] == pytest.approx(gross, rel=1e-12)
        assert channels[name]["contribution"] == pytest.approx(contribution, rel=1e-12)


def test_the_cohort_table_of_moving_values_adds_every_groups_cohorts(tmp_path: Path) -> None:
    from aigc_roi import api

    path = tmp_path / "composed.yaml"
    path.write_text(COMPOSED, encoding="utf-8")
    result = api.run(api.load(path))
    table = result.cohort_table()
    # Each month's column is every cohort's contribution in that month: the plan's contribution.
    assert list(np.nansum(table, axis=0)) == pytest.approx(list(result.months["contribution"][0]), rel=1e-12)
    sources = _sources()
    # Month 1's cohort in month 1: A's 100 users and B's 50, each at its index, less the serving of 150.
    assert table[0, 0] == pytest.approx(100 * _contribution(sources["A"], 1, 0) + 50 * _contribution(sources["B"], 1, 0))
