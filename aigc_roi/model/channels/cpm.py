"""``type: cpm``: feed ads bought per 1,000 impressions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from aigc_roi.model.channels.base import ChannelType, Params, budget_field, declare, saturation_field

if TYPE_CHECKING:
    from aigc_roi.model.scenario import FloatArray, Value


@dataclass(frozen=True)
class CpmChannel(ChannelType):
    """Feed ads bought per 1,000 impressions."""

    cpm: Value = declare("money", "Cost per 1,000 impressions.", en="CPM", zh="CPM")
    ctr: Value = declare("rate", "Clicks per impression.")
    cvr: Value = declare("rate", "New users per click.")
    budget: Value | None = budget_field()
    impressions: Value | None = declare("count", "Impressions per active month.", default=None,
                                        en="impressions per month", zh="每月曝光量")
    saturation_budget: Value | None = saturation_field()

    type: ClassVar[str] = "cpm"
    unit_cost: ClassVar[str] = "cpm"
    volumes: ClassVar[tuple[str, ...]] = ("budget", "impressions")
    movable: ClassVar[bool] = True
    max_unit_cost_labels: ClassVar[dict[str, str]] = {"en": "Max CPM", "zh": "最高 CPM"}

    def users_and_spend(self, p: Params) -> tuple[FloatArray, FloatArray]:
        from aigc_roi.model.channels.buying import divide_or_zero, saturation

        cpm = p(self.cpm)
        click_to_user = p(self.ctr) * p(self.cvr)
        if self.budget is not None:
            budget = p(self.budget)
            impressions = divide_or_zero(budget, cpm) * 1000.0
            return impressions * click_to_user * saturation(budget, self.saturation_budget, p), budget
        if self.impressions is not None:
            impressions = p(self.impressions)
            return impressions * click_to_user, impressions / 1000.0 * cpm
        raise ValueError(f"cpm channel {self.name!r} needs a budget or impressions")
