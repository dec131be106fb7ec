"""``type: cpa``: users bought at a price per acquired user (CPA bids on video platforms)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from aigc_roi.model.channels.base import ChannelType, Params, budget_field, declare, saturation_field
from aigc_roi.model.type_refs import imported_when_read

if TYPE_CHECKING:
    from aigc_roi.model.scenario import FloatArray, Moving, Value
else:  # model/scenario.py imports this module, so its types are imported when an annotation is read
    FloatArray = imported_when_read("aigc_roi.model.scenario", "FloatArray")
    Moving = imported_when_read("aigc_roi.model.scenario", "Moving")
    Value = imported_when_read("aigc_roi.model.scenario", "Value")


@dataclass(frozen=True)
class CpaChannel(ChannelType):
    """Users bought at a fixed price per acquired user."""

    bid: Moving = declare("money", "Cost per acquired user.", by_month=True, en="bid", zh="出价")
    budget: Moving | None = budget_field()
    users: Moving | None = declare("count", "New users per active month.", default=None, by_month=True,
                                   en="users per month", zh="每月用户数")
    saturation_budget: Value | None = saturation_field()

    type: ClassVar[str] = "cpa"
    affine_drivers: ClassVar[bool] = True
    unit_cost: ClassVar[str] = "bid"
    volumes: ClassVar[tuple[str, ...]] = ("budget", "users")
    movable: ClassVar[bool] = True
    max_unit_cost_labels: ClassVar[dict[str, str]] = {"en": "Max bid", "zh": "最高出价"}
    unit_cost_per_labels: ClassVar[dict[str, str]] = {"en": "per new user", "zh": "每个新用户"}
    type_labels: ClassVar[dict[str, str]] = {"en": "cpa", "zh": "按转化付费"}

    def users_and_spend(self, p: Params) -> tuple[FloatArray, FloatArray]:
        from aigc_roi.model.channels.buying import divide_or_zero, saturation

        bid = p.monthly(self.bid)
        if self.budget is not None:
            budget = p.monthly(self.budget)
            # Not scaled in place: a drawn saturation_budget has more samples than a budget and bid written once.
            return divide_or_zero(budget, bid) * saturation(budget, self.saturation_budget, p), budget
        if self.users is not None:
            users = p.monthly(self.users)
            return users, users * bid
        raise ValueError(f"cpa channel {self.name!r} needs a budget or users")
