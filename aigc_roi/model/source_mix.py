"""Cohort sums of a scenario whose sources differ in retention or conversion index (docs/formulas.md §15)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from aigc_roi.model.active_users import _active_users, curve_toeplitz
from aigc_roi.model.channel_months import ChannelMonths, Shares
from aigc_roi.model.monthly_revenue import _RevenueByAge
from aigc_roi.model.params import _Params
from aigc_roi.model.running import add_product, sum_product
from aigc_roi.model.scenario import FloatArray, Retention, RetentionChurn
from aigc_roi.model.sources import SourceGroup, joined_by_group, toeplitz_product
from aigc_roi.model.tree import leaves


def _one_curve(retention: Retention) -> bool:
    """Whether a retention is one curve for every sample and not the (linear-time) churn recursion."""
    return not isinstance(retention, RetentionChurn) and not any(True for _ in leaves(retention))


@dataclass(frozen=True)
class _SourceMix:
    """The cohort sums of a scenario whose sources differ in retention or conversion index
    (model/sources.py): per group g, its users N_g, active users A_g and index k_g."""

    bought: list[FloatArray]
    """``(H, s)`` per group: users its channels bought (group 0: without organic and viral users), after the gates."""
    new_users: list[FloatArray]
    retention: list[FloatArray]
    """``(H, s)`` R_g by age."""
    indices: list[FloatArray]
    active: FloatArray
    indexed_new_users: FloatArray
    """sum_g k_g N_g(t): what every plan converts."""
    indexed_active: FloatArray
    """sum_g k_g A_g(t): who makes purchases."""
    others: _OtherGroups
    """The sums over every group but group 0, which the paid channels' cohorts share (model/paid_contribution.py)."""

    @classmethod
    def of(cls, groups: tuple[SourceGroup, ...], curves: list[FloatArray], indices: list[FloatArray], p: _Params,
           months: ChannelMonths, shares: Shares | None, organic: FloatArray, viral: FloatArray) -> _SourceMix:
        """``curves`` R_g ``(H, s)`` and ``indices`` k_g per group; ``months`` the channels' users by month and
        ``shares`` what the gates leave of them (``GateRun.stops``), None without gates; ``organic``
        ``(1, s)``, or ``(H, s)`` when it moves by month; ``viral`` the viral users by month (group 0's)."""
        bought = [months.summed(group.channels, shares) for group in groups]
        by_group = joined_by_group(bought, organic, viral)
        active_by_group = _active_by_group(groups, by_group, curves, p)
        others = _OtherGroups.of(by_group, active_by_group, indices)
        active, indexed_new_users, indexed_active = others.with_group_0(by_group[0], active_by_group[0])
        return cls(bought, by_group, curves, indices, active, indexed_new_users, indexed_active, others)

    def by_age(self, revenue: _RevenueByAge, serving_per_active: FloatArray, subscriber_serving_by_age: FloatArray | None,
               contribution_by_age: FloatArray, delivery_per_active: FloatArray | None,
               gross_revenue: bool = True) -> dict[str, list[FloatArray]]:
        """``(H, s)`` per group: gross revenue and contribution of one user of each group by age
        (group 0's are the scenario's own, ``revenue.gross_by_age`` and ``contribution_by_age``). A group's
        subscriptions, and so their serving (``subscriber_serving_by_age``, index 1), scale with its index, as do
        its purchases and so their deliveries (``delivery_per_active``). Without ``gross_revenue`` the contribution
        alone: only the series read the gross (a source's worth, Result.group_series)."""
        gross: list[FloatArray] = []
        if gross_revenue:
            assert revenue.gross_by_age is not None, "the series sum the revenue by age with its gross"
            gross.append(revenue.gross_by_age)
        contribution = [contribution_by_age]
        for curve, index in zip(self.retention[1:], self.indices[1:], strict=True):
            if gross_revenue:
                gross.append(index * (curve * revenue.purchase_gross + revenue.subscription_by_age))
            net = index * (curve * revenue.purchase_net + revenue.subscription_net_by_age)
            if subscriber_serving_by_age is not None:
                net -= index * subscriber_serving_by_age
            if delivery_per_active is not None:
                net -= index * curve * delivery_per_active
            contribution.append(net - curve * serving_per_active)
        return {"gross": gross, "contribution": contribution} if gross_revenue else {"contribution": contribution}


def _active_by_group(groups: tuple[SourceGroup, ...], users: list[FloatArray], curves: list[FloatArray],
                     p: _Params) -> list[FloatArray]:
    """A_g per group from N_g ``(H, s)``."""
    # Group 0 is summed as the single-curve model sums it; another group's curve, when no sample varies it
    # and it is not the churn recursion, in one matrix product (model/sources.py).
    return [toeplitz_product(curve[:, 0], joined, curve_toeplitz(curve, p)) if g and _one_curve(group.retention)
            else _active_users(joined, group.retention, curve, p)
            for g, (joined, group, curve) in enumerate(zip(users, groups, curves, strict=True))]


@dataclass(frozen=True)
class _OtherGroups:
    """Over the groups g >= 1 (at least one): sum A_g, sum k_g N_g and sum k_g A_g ``(H, s)``; where they share one
    index k, sum N_g and sum A_g, each product by k taken where group 0's are added (``with_group_0``)."""

    users: tuple[int, ...]
    """The identity of each N_g summed, so that the same users summed again are known."""
    active: FloatArray
    """sum A_g."""
    index: FloatArray | None
    """The index k of every group g >= 1, None where they differ."""
    new_users: FloatArray
    """sum N_g where they share ``index``, else sum k_g N_g."""
    indexed_active: FloatArray | None
    """sum k_g A_g where the indices differ; None where they share one."""

    @classmethod
    def of(cls, users: list[FloatArray], active_by_group: list[FloatArray], indices: list[FloatArray]) -> _OtherGroups:
        """From N_g, A_g and k_g of every group (group 0's A_0 and k_0 are not read). The callers read no A_g again:
        sum A_g is added into the first of them, and sum k_g A_g into the first product, not into new arrays."""
        identities = tuple(id(joined) for joined in users[1:])
        if all(np.array_equal(index, indices[1]) for index in indices[2:]):
            # Groups of one index (channels given the same number): k sum N_g and k sum A_g, one product each.
            return cls(identities, _summed(active_by_group[1:], out=active_by_group[1]), indices[1], _summed(users[1:]), None)
        products = [index * joined for joined, index in zip(users[1:], indices[1:], strict=True)]
        indexed_new_users = _summed(products, out=products[0])
        products = [index * own for own, index in zip(active_by_group[1:], indices[1:], strict=True)]
        indexed_active = _summed(products, out=products[0])
        return cls(identities, _summed(active_by_group[1:], out=active_by_group[1]), None, indexed_new_users, indexed_active)

    def with_group_0(self, users: FloatArray, active: FloatArray, users_read: bool = True
                     ) -> tuple[FloatArray, FloatArray, FloatArray]:
        """The active users sum_g A_g, and sum_g k_g N_g and sum_g k_g A_g (what plans convert and who makes
        purchases), from group 0's N_0 and A_0 (index 1). A_0 is read no more by any caller: the last sum is written
        over it, and over N_0 the second unless the caller reads it (``users_read``)."""
        everyone = active + self.active
        if self.index is None:
            assert self.indexed_active is not None, "groups of several indices sum their indexed active users"
            indexed_new_users = np.add(users, self.new_users, out=None if users_read else users)
            np.add(active, self.indexed_active, out=active)
            return everyone, indexed_new_users, active
        # N_0 + k sum N_g and A_0 + k sum A_g, each product added as it is taken (model/running.py add_product): the
        # products are the same whichever sum reads them, and two chunk-sized arrays fewer are written and read.
        if users_read:
            indexed_new_users = sum_product(users, self.index, self.new_users)
        else:
            add_product(users, self.index, self.new_users)
            indexed_new_users = users
        add_product(active, self.index, self.active)
        return everyone, indexed_new_users, active


def _summed(arrays: list[FloatArray], out: FloatArray | None = None) -> FloatArray:
    """``sum(arrays[1:], arrays[0])``, the same additions in the same order, into ``out`` (default a new array);
    ``arrays[0]`` itself, read only, when it is alone."""
    if len(arrays) == 1:
        return arrays[0]
    total = np.add(arrays[0], arrays[1], out=out)
    for array in arrays[2:]:
        total += array
    return total
