"""One list of rates: the reader's field table and the model's RATE_FIELDS agree.

Sampling clips the fields in ``model.scenario.RATE_FIELDS`` to [0, 1]; the
reader refuses values outside [0, 1] for the fields its table declares as
rates. A rate missing from either side would be sampled outside [0, 1], or
clipped although money, without a word. ``fee`` is the one name that is a
rate in some places (a plan's, purchase's or order's share of revenue) and
money in another (a kol channel's price per post): the model decides it by
owner (``is_rate_field``), and the table must agree place by place.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from aigc_roi.model.scenario import RATE_FIELDS, KolChannel, Order, Plan, Purchase, is_rate_field
from aigc_roi.reader import fields
from aigc_roi.reader.kinds import ByMonthOr, Number

TARGET_SHARES = {"min_roi", "min_payback_probability"}
"""Targets bound a figure or a probability, they are not inputs: never sampled."""


def numbers(kind: Any, name: str = "") -> Iterator[tuple[str, Number]]:
    """(field name, Number kind) of every number field in the table."""
    if isinstance(kind, Number):
        yield name, kind
    elif isinstance(kind, ByMonthOr):
        yield from numbers(kind.value, name)
    elif isinstance(kind, fields.Obj):
        for key, child in kind.fields.items():
            yield from numbers(child, key)
    elif isinstance(kind, fields.ListOf):
        yield from numbers(kind.item, name)
    elif isinstance(kind, fields.Tagged):
        for variant in kind.variants.values():
            yield from numbers(variant, name)
    elif isinstance(kind, fields.RetentionPointsKind | fields.KeyedShares | fields.Observed):
        yield from numbers(kind.share, name)
    elif isinstance(kind, fields.Conversion):
        yield from numbers(kind.share, name)
        yield from numbers(kind.by_age, name)
    elif isinstance(kind, fields.Renewal):
        yield from numbers(kind.rate, name)
        yield from numbers(kind.observed, name)


def is_rate(kind: Number) -> bool:
    return kind.minimum == 0.0 and kind.maximum == 1.0 and not kind.below_maximum


def test_every_rate_of_the_table_is_a_model_rate() -> None:
    declared = {name for name, kind in numbers(fields.SCENARIO) if is_rate(kind)} - TARGET_SHARES
    assert declared - {"fee"} == set(RATE_FIELDS)


def test_no_model_rate_is_money_anywhere() -> None:
    # A name that is a rate in one place and money in another would be clipped to 1 where it is money.
    assert {name for name, kind in numbers(fields.SCENARIO) if name in RATE_FIELDS and not is_rate(kind)} == set()


def test_fee_is_a_rate_exactly_where_the_model_says() -> None:
    monetization = fields.MONETIZATION.fields
    owners = {Plan: monetization["plans"].item, Purchase: monetization["purchases"].item, Order: monetization["orders"].item,
              KolChannel: fields.CHANNELS.variants["kol"]}
    for owner, table in owners.items():
        fee = table.fields["fee"]
        # A kol channel's fee may move by month: the number inside the schedule is what the table declares.
        assert is_rate(fee.value if isinstance(fee, ByMonthOr) else fee) == is_rate_field(owner, "fee"), owner.__name__
