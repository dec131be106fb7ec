"""``type: flat``: a placement bought for a fixed cost with an expected user yield (brand, subway posters)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from aigc_roi.model.channels.base import ChannelType, Params, declare
from aigc_roi.model.type_refs import imported_when_read

if TYPE_CHECKING:
    from aigc_roi.model.scenario import FloatArray, Moving
else:  # model/scenario.py imports this module, so its types are imported when an annotation is read
    FloatArray = imported_when_read("aigc_roi.model.scenario", "FloatArray")
    Moving = imported_when_read("aigc_roi.model.scenario", "Moving")


@dataclass(frozen=True)
class FlatChannel(ChannelType):
    """A placement bought for a fixed cost with an expected user yield."""

    cost: Moving = declare("money", "Cost per active month.", by_month=True, en="cost per month", zh="每月费用")
    users: Moving = declare("count", "Expected new users per active month.", by_month=True, en="users per month",
                            zh="每月用户数")

    type: ClassVar[str] = "flat"
    affine_drivers: ClassVar[bool] = True
    unit_cost: ClassVar[str] = "cost"
    volumes: ClassVar[tuple[str, ...]] = ("users",)
    movable: ClassVar[bool] = False
    """A placement is bought whole: ``allocate`` keeps its spend."""
    max_unit_cost_labels: ClassVar[dict[str, str]] = {"en": "Max cost", "zh": "最高费用"}
    unit_cost_per_labels: ClassVar[dict[str, str]] = {"en": "per month", "zh": "每月"}
    type_labels: ClassVar[dict[str, str]] = {"en": "flat", "zh": "固定费用"}

    def users_and_spend(self, p: Params) -> tuple[FloatArray, FloatArray]:
        return p.monthly(self.users), p.monthly(self.cost)
