"""``type: kol``: creator (KOL/KOC) posts bought at a fee per post."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from aigc_roi.model.channels.base import ChannelType, Params, declare
from aigc_roi.model.type_refs import imported_when_read

if TYPE_CHECKING:
    from aigc_roi.model.scenario import FloatArray, Moving, Value
else:  # model/scenario.py imports this module, so its types are imported when an annotation is read
    FloatArray = imported_when_read("aigc_roi.model.scenario", "FloatArray")
    Moving = imported_when_read("aigc_roi.model.scenario", "Moving")
    Value = imported_when_read("aigc_roi.model.scenario", "Value")


@dataclass(frozen=True)
class KolChannel(ChannelType):
    """Creator posts bought at a fee per post."""

    posts: Moving = declare("small_count", "Posts per active month (may be fractional).", by_month=True,
                            en="posts per month", zh="每月发帖数")
    fee: Moving = declare("money", "Cost per post.", by_month=True, en="fee per post", zh="单条费用")
    views: Moving = declare("count", "Views of one post.", by_month=True)
    view_to_user: Moving = declare("rate", "Share of views that become new users.", by_month=True)
    views_decay: Value = declare("rate", "Each further post in a month gets (1 - decay) of the previous one's views.",
                                 default=0.0)

    type: ClassVar[str] = "kol"
    affine_drivers: ClassVar[bool] = True
    unit_cost: ClassVar[str] = "fee"
    volumes: ClassVar[tuple[str, ...]] = ("posts",)
    movable: ClassVar[bool] = True
    max_unit_cost_labels: ClassVar[dict[str, str]] = {"en": "Max fee", "zh": "最高单条费用"}
    unit_cost_per_labels: ClassVar[dict[str, str]] = {"en": "per post", "zh": "每条"}
    type_labels: ClassVar[dict[str, str]] = {"en": "kol", "zh": "达人"}

    def driver_form(self, field: str) -> bool | None:
        # With decaying views each further post brings fewer users: users are not affine in posts.
        import numpy as np  # here: a channel type is read by `validate`, which loads no numpy

        if field == "posts" and bool(np.any(np.asarray(self.views_decay, dtype=np.float64) != 0.0)):
            return None
        return super().driver_form(field)

    def users_and_spend(self, p: Params) -> tuple[FloatArray, FloatArray]:
        from aigc_roi.model.channels.buying import post_equivalents

        posts = p.monthly(self.posts)
        views = post_equivalents(posts, p(self.views_decay))
        return p.monthly(self.view_to_user) * p.monthly(self.views) * views, posts * p.monthly(self.fee)

    def with_budget(self, budget: FloatArray) -> KolChannel:
        """``budget / fee`` posts (fractional posts count, docs/formulas.md §4.1)."""
        import numpy as np

        fee = np.broadcast_to(np.asarray(self.fee, dtype=np.float64), budget.shape)
        # A sampled fee clipped to 0 buys no posts, as a bid of 0 buys no users.
        posts = np.divide(budget, fee, out=np.zeros_like(budget), where=fee > 0)
        return dataclasses.replace(self, posts=posts)
