"""Combinations of spec 1.2 features the engine does not yet compose, refused with the field that asks for one
(docs/formulas.md §17)."""

from __future__ import annotations

import dataclasses
from typing import Any

from aigc_roi.model.by_month import is_by_month
from aigc_roi.model.params import _is_plain_zero
from aigc_roi.model.scenario import Scenario


def _refuse_uncomposed(scenario: Scenario, grouped: bool) -> None:
    """Values by month, and referral rewards, are not yet composed with channels of their own retention or
    conversion index (source groups) nor with gates (docs/formulas.md §17): refuse rather than give a wrong number."""
    if not grouped and not scenario.gates:
        return
    where = "a channel with its own retention or conversion_index" if grouped else "gates"
    moving = _moving_field(scenario)
    if moving is not None:
        raise ValueError(f"{moving}: a value by month cannot yet be combined with {where} (docs/formulas.md §17)")
    if grouped and not _is_plain_zero(scenario.referral_reward):
        raise ValueError(f"referral_reward cannot yet be combined with {where} (docs/formulas.md §17)")


def _moving_field(scenario: Scenario) -> str | None:
    """The first field a user or a channel reads that is written by month (fixed costs and orders excepted:
    they are whole-plan sums, right in any case)."""
    monetization = scenario.monetization
    fields: list[tuple[str, Any]] = [("organic_users", scenario.organic_users),
                                     ("costs.serving_per_active_user", scenario.costs.serving_per_active_user),
                                     ("costs.serving_per_subscriber", scenario.costs.serving_per_subscriber)]
    fields += [(f"monetization.plans[{i}].price", plan.price) for i, plan in enumerate(monetization.plans)]
    fields += [(f"monetization.purchases[{i}].{name}", getattr(item, name))
               for i, item in enumerate(monetization.purchases) for name in ("price", "rate")]
    fields += [(f"acquisition[{i}].{name}", value) for i, channel in enumerate(scenario.acquisition)
               for name, value in ((f.name, getattr(channel, f.name)) for f in dataclasses.fields(channel))]
    return next((path for path, value in fields if is_by_month(value)), None)
