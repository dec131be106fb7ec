"""``type: flat``: a placement bought for a fixed cost with an expected user yield (brand, subway posters)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from aigc_roi.model.channels.base import ChannelType, Params, declare

if TYPE_CHECKING:
    from aigc_roi.model.scenario import FloatArray, Value


@dataclass(frozen=True)
class FlatChannel(ChannelType):
    """A placement bought for a fixed cost with an expected user yield."""

    cost: Value = declare("money", "Cost per active month.", en="cost per month", zh="每月费用")
    users: Value = declare("count", "Expected new users per active month.", en="users per month", zh="每月用户数")

    type: ClassVar[str] = "flat"
    unit_cost: ClassVar[str] = "cost"
    volumes: ClassVar[tuple[str, ...]] = ("users",)
    movable: ClassVar[bool] = False
    """A placement is bought whole: ``allocate`` keeps its spend."""
    max_unit_cost_labels: ClassVar[dict[str, str]] = {"en": "Max cost", "zh": "最高费用"}

    def users_and_spend(self, p: Params) -> tuple[FloatArray, FloatArray]:
        return p(self.users), p(self.cost)
