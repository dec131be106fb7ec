"""Each channel type's own formula reads its values by month (docs/formulas.md §4.1, §14): worked by hand."""

from __future__ import annotations

import dataclasses
import textwrap
from pathlib import Path

import numpy as np
import pytest
from cli_runner import invoke

from aigc_roi.model.channels import CHANNEL_TYPES
from aigc_roi.model.engine import evaluate
from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.model.sampling import realize
from aigc_roi.reader.load import load_text

BY_MONTH_FIELDS = {
    "cpa": {"bid", "budget", "users"},
    "cpm": {"cpm", "ctr", "cvr", "budget", "impressions"},
    "kol": {"posts", "fee", "views", "view_to_user"},
    "flat": {"cost", "users"},
}
"""The channel fields docs/formulas.md §14 lists as values that may move by month."""


def spend_and_users(channel: str) -> tuple[list[float], list[float]]:
    text = textwrap.dedent(f"""\
        name: by month
        horizon_months: 3
        acquisition:
          - {channel}
        retention: {{monthly_churn: 0.5}}
        monetization:
          purchases: [{{name: item, price: 10, rate: 1}}]
        """)
    result = evaluate(realize(load_text(text, "t.yaml").scenario))
    return [float(v) for v in result.months["ad_spend"][0]], [float(v) for v in result.months["new_users"][0]]


def test_the_types_declare_by_month_on_the_fields_the_formulas_list() -> None:
    declared = {name: {f.name for f in cls.own_fields() if (info := cls.field_info(f.name)) and info.by_month}
                for name, cls in CHANNEL_TYPES.items() if name in BY_MONTH_FIELDS}
    assert declared == BY_MONTH_FIELDS


def test_cpm_buys_at_each_months_cpm() -> None:
    # 1,000 a month at a cpm of 10, 15, 20: 100,000, 66,667, 50,000 impressions; x 1% x 50% users.
    spend, users = spend_and_users("{name: Feed, type: cpm, cpm: {by_month: {1: 10, 3: 20}}, ctr: 1%, cvr: 50%, budget: 1000}")
    assert spend == [1000.0, 1000.0, 1000.0]
    assert users == pytest.approx([500.0, 1000 / 15 * 1000 * 0.005, 250.0])


def test_cpm_rates_by_month_scale_its_users() -> None:
    # 200,000 impressions a month at cpm 5: 1,000 spend; ctr 1% then 2%, cvr 50%: 1,000 then 2,000 users.
    spend, users = spend_and_users(
        "{name: Feed, type: cpm, cpm: 5, ctr: {by_month: {1: 1%, 2: 2%}}, cvr: 50%, impressions: 200000}")
    assert spend == [1000.0, 1000.0, 1000.0]
    assert users == pytest.approx([1000.0, 2000.0, 2000.0])


def test_kol_pays_each_months_fee_and_posts() -> None:
    # posts 1, 2, 3 at a fee of 100, 200, 300 (no decay): spend 100, 400, 900; 1,000 views x 1% per post.
    spend, users = spend_and_users(
        "{name: KOL, type: kol, posts: {by_month: {1: 1, 3: 3}}, fee: {by_month: {1: 100, 3: 300}}, views: 1000, "
        "view_to_user: 1%}")
    assert spend == pytest.approx([100.0, 400.0, 900.0])
    assert users == pytest.approx([10.0, 20.0, 30.0])


def test_flat_costs_and_yields_each_months_values() -> None:
    spend, users = spend_and_users("{name: Subway, type: flat, cost: {by_month: {1: 1000, 3: 3000}}, users: {by_month: {2: 40}}}")
    assert spend == [1000.0, 2000.0, 3000.0]
    assert users == [40.0, 40.0, 40.0]


def test_a_field_not_declared_by_month_refuses_a_schedule() -> None:
    with pytest.raises(ScenarioInvalid, match="views_decay: expected one value for every month"):
        load_text(textwrap.dedent("""\
            name: decay
            horizon_months: 3
            acquisition:
              - {name: KOL, type: kol, posts: 2, fee: 100, views: 1000, view_to_user: 1%, views_decay: {by_month: {1: 0.1}}}
            retention: {monthly_churn: 0.5}
            """), "t.yaml")


def test_each_month_of_a_schedule_is_an_input_row_with_its_range(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(textwrap.dedent("""\
        name: Inputs by month
        horizon_months: 6
        acquisition:
          - {name: C, type: cpa, bid: {by_month: {1: 300..1200, 6: 30}}, users: 100}
        retention: {monthly_churn: 10%}
        """), encoding="utf-8")
    result = invoke(["run", str(path), "--format", "csv", "--table", "inputs"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    # Month 1's lognormal range is used at its median sqrt(300 x 1200) = 600, as a range written once.
    assert "acquisition[0].bid.by_month.1,600,300,1200,lognormal,300..1200" in lines
    assert "acquisition[0].bid.by_month.6,30,,,,30" in lines


def test_a_constant_channel_beside_a_moving_one_keeps_its_own_row_or_value() -> None:
    # Beside a channel whose bid moves, a plain channel (one value for every sample) and a ranged one (a row of
    # samples) buy budget / bid users a month: 1,000 / 5 = 200; 2,000 / 8 = 250 and 2,000 / 10 = 200. The moving
    # one's users per month are the mean of 1,000 / 4, 1,000 / 6 and 1,000 / 8.
    scenario = load_text(textwrap.dedent("""\
        name: t
        horizon_months: 3
        retention: {monthly_churn: 0.5}
        acquisition:
          - {name: Moving, type: cpa, bid: {by_month: {1: 4, 3: 8}}, budget: 1000}
          - {name: Plain, type: cpa, bid: 5, budget: 1000}
          - {name: Ranged, type: cpa, bid: 8..10, budget: 2000}
        monetization: {plans: [{name: P, price: 10, period: month, conversion: 0.1, renewal: 0.5}]}
        """), "t.yaml").scenario
    realized = realize(scenario)
    sampled = dataclasses.replace(realized, acquisition=(
        *realized.acquisition[:2], dataclasses.replace(realized.acquisition[2], bid=np.array([8.0, 10.0]))))
    users = evaluate(sampled).channel_users_per_month
    assert users[:, 1].tolist() == [200.0, 200.0]
    assert users[:, 2].tolist() == [250.0, 200.0]
    assert users[:, 0] == pytest.approx([(1000 / 4 + 1000 / 6 + 1000 / 8) / 3] * 2, rel=1e-15)
