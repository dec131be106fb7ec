"""The field's own numbers through the loader: retention days, conversion by age, renewal forms,
per-item fees and orders (spec revision 1.1, sections 2 and 3a)."""

from __future__ import annotations

import math
import textwrap

import numpy as np
import pytest
from test_schema import VALIDATOR, as_json_document

from aigc_roi.model import scenario as models
from aigc_roi.model.sampling import realize
from aigc_roi.present.fit_data import fits_report
from aigc_roi.reader.load import load_text
from aigc_roi.reader.overrides import parse_override
from aigc_roi.whatif.drivers import find_driver, list_drivers

FIELDS = textwrap.dedent("""\
    name: Field numbers
    horizon_months: 12
    retention:
      days: {1: 45%, 7: 22%, 30: 12%}
    acquisition:
      - {name: Creators, type: kol, posts: 2, fee: "20k..45k", views: 100000, view_to_user: 0.01}
    monetization:
      plans:
        - {name: iOS monthly, price: 30, period: month, conversion: {0: 3%, 1: 1%}, renewal: [0.5, 0.8], fee: 30%}
        - {name: WeChat annual, price: 299, period: year, conversion: 1%, renewal: {observed: [60%, 45%, 37%]}, fee: 0.6%}
        - {name: Web monthly, price: 25, period: month, conversion: 1%, renewal: 0.7}
      purchases:
        - {name: Pack, price: 19.9, rate: 0.02, fee: 0.6%}
      orders:
        - {name: Custom LoRA training, price: 1000..5000, count: 4, months: 3-12, fee: 0}
      revenue_fee: 7%
    """)


def load(text: str, *sets: str) -> models.Scenario:
    return load_text(text, "s.yaml", tuple(parse_override(s) for s in sets)).scenario


def test_every_new_field_reads_into_the_model() -> None:
    scenario = load(FIELDS)
    assert scenario.retention == models.RetentionDays(((1, 0.45), (7, 0.22), (30, 0.12)))
    ios, wechat, web = scenario.monetization.plans
    assert ios.conversion == ((0, 0.03), (1, 0.01))
    assert ios.renewal == (0.5, 0.8)
    assert ios.fee == 0.3
    assert wechat.renewal == models.RenewalObserved((0.6, 0.45, 0.37))
    assert wechat.fee == pytest.approx(0.006)
    assert web.fee is None
    (order,) = scenario.monetization.orders
    assert order.months == tuple(range(3, 13))
    assert order.price == models.Distribution("lognormal", 1000.0, 5000.0)


def test_the_schema_accepts_what_the_loader_accepts() -> None:
    assert list(VALIDATOR.iter_errors(as_json_document(FIELDS))) == []


def test_points_exactly_on_a_power_law_are_recovered_through_the_loader() -> None:
    # D(d) = 0.5 x d^-0.4 at days 1, 7, 30, written to 17 significant digits.
    shares = {day: 0.5 * day**-0.4 for day in (1, 7, 30)}
    text = "name: Exact\nretention:\n  days: {" + ", ".join(f"{day}: {share!r}" for day, share in shares.items()) + "}\n"
    (fit,) = fits_report(load(text))
    assert fit["parameters"]["u"] == pytest.approx(math.log(0.5), abs=1e-12)
    assert fit["parameters"]["b"] == pytest.approx(0.4, abs=1e-12)
    assert fit["largest_gap"] == pytest.approx(0.0, abs=1e-12)
    assert fit["poor"] is False
    assert [point["day"] for point in fit["points"]] == [1, 7, 30]


def test_a_poor_fit_is_flagged() -> None:
    # A plateau is far from any power law: the fit misses D7 by about 9 points.
    (fit,) = fits_report(load("name: Plateau\nretention:\n  days: {1: 40%, 7: 38%, 30: 5%}\n"))
    assert fit["largest_gap"] > 0.05
    assert fit["poor"] is True


def test_observed_survival_fit_is_listed_with_its_plan_and_field() -> None:
    fits = fits_report(load(FIELDS))
    renewal = fits[1]
    assert (renewal["curve"], renewal["plan"], renewal["field"]) == ("renewal", "WeChat annual",
                                                                   "monetization.plans[1].renewal.observed")
    # Survival from sBG(alpha=1, beta=2) is S(k) = 2 / (2 + k); the fit of 6 such shares recovers them.
    exact = load("name: X\nretention: {monthly_churn: 0.1}\nmonetization:\n  plans:\n"
                 "    - {name: A, price: 1, period: month, conversion: 0.1, renewal: {observed: ["
                 + ", ".join(repr(2 / (2 + k)) for k in range(1, 7)) + "]}}\n")
    (fit,) = fits_report(exact)
    assert fit["parameters"]["alpha"] == pytest.approx(1.0, abs=1e-3)
    assert fit["parameters"]["beta"] == pytest.approx(2.0, abs=1e-3)


@pytest.mark.parametrize(
    ("option", "check"),
    [
        ("retention.days[7]=25%", lambda s: dict(s.retention.days)[7] == 0.25),
        ("monetization.plans[0].conversion[1]=2%", lambda s: s.monetization.plans[0].conversion == ((0, 0.03), (1, 0.02))),
        ("monetization.plans[0].renewal=[0.6, 0.9]", lambda s: s.monetization.plans[0].renewal == (0.6, 0.9)),
        ("monetization.plans[0].renewal[1]=0.9", lambda s: s.monetization.plans[0].renewal == (0.5, 0.9)),
        ("monetization.plans[1].renewal.observed[2]=40%", lambda s: s.monetization.plans[1].renewal.observed == (0.6, 0.45, 0.4)),
        ("monetization.plans[iOS monthly].fee=15%", lambda s: s.monetization.plans[0].fee == 0.15),
        ("monetization.purchases[0].fee=0", lambda s: s.monetization.purchases[0].fee == 0.0),
        ("monetization.orders[0].count=2", lambda s: s.monetization.orders[0].count == 2.0),
    ],
)
def test_set_reaches_every_new_field(option: str, check: object) -> None:
    assert callable(check)
    assert check(load(FIELDS, option))


def test_set_errors_name_the_option() -> None:
    from aigc_roi.model.errors import ScenarioInvalid

    with pytest.raises(ScenarioInvalid) as caught:
        load(FIELDS, "monetization.plans[1].renewal.observed=[0.5, 0.6]")
    (error,) = caught.value.errors
    assert error.file == "--set monetization.plans[1].renewal.observed=[0.5, 0.6]"
    assert error.path == "monetization.plans[1].renewal.observed[1]"


def test_item_fees_are_rates_and_a_kol_fee_is_money() -> None:
    # Sampled: a plan fee range reaching past 1 is clipped to 1; the kol fee range (money) never is.
    text = FIELDS.replace("fee: 30%}", "fee: {dist: uniform, low: 0.5, high: 1.0}}")
    draws = realize(load(text), 2000, np.random.default_rng(0))
    assert float(np.max(draws.monetization.plans[0].fee)) <= 1.0  # type: ignore[arg-type]
    assert float(np.min(draws.acquisition[0].fee)) > 1.0  # type: ignore[union-attr, arg-type]
    drivers = list_drivers(load(FIELDS))
    assert find_driver(drivers, "monetization.plans[0].fee").is_rate
    assert not find_driver(drivers, "acquisition[0].fee").is_rate


def test_drivers_where_the_new_fields_are_numbers() -> None:
    paths = [driver.path for driver in list_drivers(load(FIELDS))]
    assert "monetization.plans[0].conversion" not in paths  # by age: no single value to move
    assert "monetization.plans[0].renewal" not in paths  # a list
    assert "monetization.plans[1].renewal" not in paths  # observed survival
    for path in ("monetization.plans[1].conversion", "monetization.plans[2].renewal", "monetization.plans[0].fee",
                 "monetization.purchases[0].fee", "monetization.orders[0].price", "monetization.orders[0].count",
                 "monetization.orders[0].fee"):
        assert path in paths
    assert "monetization.plans[2].fee" not in paths  # no fee of its own: revenue_fee applies
