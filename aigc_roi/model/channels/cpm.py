"""``type: cpm``: feed ads bought per 1,000 impressions."""

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
class CpmChannel(ChannelType):
    """Feed ads bought per 1,000 impressions."""

    cpm: Moving = declare("money", "Cost per 1,000 impressions.", by_month=True, en="CPM", zh="CPM")
    ctr: Moving = declare("rate", "Clicks per impression.", by_month=True)
    cvr: Moving = declare("rate", "New users per click.", by_month=True)
    budget: Moving | None = budget_field()
    impressions: Moving | None = declare("count", "Impressions per active month.", default=None, by_month=True,
                                         en="impressions per month", zh="每月曝光量")
    saturation_budget: Value | None = saturation_field()

    type: ClassVar[str] = "cpm"
    affine_drivers: ClassVar[bool] = True
    unit_cost: ClassVar[str] = "cpm"
    volumes: ClassVar[tuple[str, ...]] = ("budget", "impressions")
    movable: ClassVar[bool] = True
    max_unit_cost_labels: ClassVar[dict[str, str]] = {"en": "Max CPM", "zh": "最高 CPM"}
    unit_cost_per_labels: ClassVar[dict[str, str]] = {"en": "per 1,000 impressions", "zh": "每千次展示"}
    type_labels: ClassVar[dict[str, str]] = {"en": "cpm", "zh": "按展示付费"}

    def users_and_spend(self, p: Params) -> tuple[FloatArray, FloatArray]:
        from aigc_roi.model.channels.buying import divide_or_zero, saturation

        cpm = p.monthly(self.cpm)
        click_to_user = p.monthly(self.ctr) * p.monthly(self.cvr)
        if self.budget is not None:
            budget = p.monthly(self.budget)
            impressions = divide_or_zero(budget, cpm) * 1000.0
            return impressions * click_to_user * saturation(budget, self.saturation_budget, p), budget
        if self.impressions is not None:
            impressions = p.monthly(self.impressions)
            return impressions * click_to_user, impressions / 1000.0 * cpm
        raise ValueError(f"cpm channel {self.name!r} needs a budget or impressions")
