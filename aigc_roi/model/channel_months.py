"""Sums over channels of the users and spend they buy by month, after the gates (docs/formulas.md §4, §15, §18).

A channel whose values are constant buys the same users at the same spend in
each of its active months: its months are its row ``(s,)`` times its month
mask, and the sum over many such channels is one matrix product. Only the
channels whose values move by month have months of their own (``_Acquired.by_month``).
The gates stop channels from a month on, sample by sample, and the channels
a gate names share one share array (model/gates.py): each sum multiplies a
share once, by the sum over its channels, never once per channel.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np

from aigc_roi.model.acquisition import _Acquired
from aigc_roi.model.scenario import FloatArray

Shares = Mapping[int, FloatArray]
"""Channel -> ``(H, s)`` the share of its plan it still buys in each month (``GateRun.still_buying``); a channel no
gate names is absent and buys all of it."""


class ChannelMonths:
    """The channels' users and spend by month, summed on demand over any set of channels."""

    def __init__(self, acquired: _Acquired, masks: FloatArray) -> None:
        """``masks`` ``(C, H)``: the months each channel runs."""
        self._acquired = acquired
        self._masks = masks
        self._moving = {channel: position for position, channel in enumerate(acquired.moving)}
        self._spending = acquired.unit_spend > 0
        self.every_channel_spends = bool(self._spending.all())
        """Whether every channel spends in every sample: its paid users are then all it buys."""

    def planned(self, channel: int, months: int | None = None) -> tuple[FloatArray, FloatArray]:
        """``(T, s)`` users and spend of one channel as planned in months 1..T (0 in the months it does not run);
        T = ``months``, default the horizon."""
        acquired = self._acquired
        if acquired.by_month is not None and channel in self._moving:
            position = self._moving[channel]
            return acquired.by_month[0][position][:months], acquired.by_month[1][position][:months]
        mask = self._masks[channel][:months, None]
        return mask * acquired.unit_users[channel], mask * acquired.unit_spend[channel]

    def summed(self, channels: Iterable[int], shares: Shares | None = None, *, spend: bool = False,
               paying_only: bool = False) -> FloatArray:
        """``(H, s)`` the users (or with ``spend`` the spend) of ``channels`` by month, each times its share after the
        gates; ``paying_only`` counts a channel only in the samples where it spends (paid means spending,
        docs/formulas.md §2)."""
        by_share: dict[int, tuple[FloatArray | None, list[int]]] = {}
        for channel in channels:
            share = None if shares is None else shares.get(channel)
            by_share.setdefault(id(share), (share, []))[1].append(channel)
        total: FloatArray | None = None
        for share, members in by_share.values():
            part = self._plain_sum(members, spend, paying_only)
            if share is not None:
                part *= share
            if total is None:
                total = part
            else:
                total += part
        return np.zeros((self._masks.shape[1], self._acquired.unit_users.shape[1])) if total is None else total

    def _plain_sum(self, channels: list[int], spend: bool, paying_only: bool) -> FloatArray:
        """A new ``(H, s)`` array: the sum over ``channels`` before the gates."""
        acquired = self._acquired
        rows = acquired.unit_spend if spend else acquired.unit_users
        constant = [channel for channel in channels if channel not in self._moving]
        total: FloatArray | None = None
        # Only a channel that spends nothing in some sample is left out there: where every sample spends, as in
        # most plans, its months are read as they are, not copied through a mask of all True.
        if constant:
            values = rows[constant]
            if paying_only and not self.every_channel_spends:
                values = np.where(self._spending[constant], values, 0.0)
            total = self._masks[constant].T @ values
        for channel in channels:
            if channel in self._moving:
                users, spent = self.planned(channel)
                series = spent if spend else users
                if paying_only and not self.every_channel_spends:
                    series = np.where(self._spending[channel], series, 0.0)
                if total is None:
                    total = np.array(series)
                else:
                    total += series
        assert total is not None, "a sum over at least one channel"
        return total
