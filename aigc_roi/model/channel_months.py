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
from aigc_roi.model.gates import Stops
from aigc_roi.model.params import every, some
from aigc_roi.model.scenario import FloatArray

Shares = Mapping[int, Stops]
"""Channel -> the gates' decisions that leave it its share of its plan in each month (``GateRun.stops``: the share
``GateRun.still_buying`` holds); a channel no gate names is absent and buys all of it."""


class ChannelMonths:
    """The channels' users and spend by month, summed on demand over any set of channels."""

    def __init__(self, acquired: _Acquired, masks: FloatArray) -> None:
        """``masks`` ``(C, H)``: the months each channel runs."""
        self._acquired = acquired
        self._masks = masks
        self._moving = {channel: position for position, channel in enumerate(acquired.moving)}
        self._spending = acquired.unit_spend > 0
        self.every_channel_spends = every(self._spending)
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
        by_share: dict[int, tuple[Stops | None, list[int]]] = {}
        for channel in channels:
            share = None if shares is None else shares.get(channel)
            by_share.setdefault(id(share), (share, []))[1].append(channel)
        total: FloatArray | None = None
        for share, members in by_share.values():
            part = self._plain_sum(members, spend, paying_only, share)
            if total is None:
                total = part
            else:
                total += part
        return np.zeros((self._masks.shape[1], self._acquired.unit_users.shape[1])) if total is None else total

    def _plain_sum(self, channels: list[int], spend: bool, paying_only: bool, share: Stops | None) -> FloatArray:
        """A new ``(H, s)`` array: the sum over ``channels`` before the gates, times ``share`` (None: all of it)."""
        acquired = self._acquired
        units = acquired.unit_spend if spend else acquired.unit_users
        constant = [channel for channel in channels if channel not in self._moving]
        moving = [channel for channel in channels if channel in self._moving]
        total: FloatArray | None = None
        # Only a channel that spends nothing in some sample is left out there: where every sample spends, as in
        # most plans, its months are read as they are, not copied through a mask of all True.
        if constant:
            values = units[constant]
            if paying_only and not self.every_channel_spends:
                values = np.where(self._spending[constant], values, 0.0)
            if len(constant) == 1 and not some(np.signbit(values)):
                # One channel: its row times its mask of 0s and 1s, which a matrix product of one term rounds alike
                # (it adds a -0 to 0, hence no sign bit) at a third of BLAS's cost; a mask of 1s is its row itself,
                # multiplied straight by the share.
                mask = self._masks[constant[0]]
                if share is not None and not moving and every(mask):
                    return _shared(values, share, self._masks.shape[1])
                total = mask[:, None] * values
            else:
                total = self._masks[constant].T @ values
        months: list[FloatArray] = []
        for channel in moving:
            users, spent = self.planned(channel)
            series = spent if spend else users
            months.append(np.where(self._spending[channel], series, 0.0) if paying_only and not self.every_channel_spends
                          else series)
        if total is None:
            if share is not None and len(months) == 1:
                # One channel's own months times the share, written once rather than copied and then multiplied.
                return _shared(months[0], share, self._masks.shape[1])
            total, months = np.array(months[0]), months[1:]
        for series in months:
            total += series
        if share is not None:
            _share_of(total, share)
        return total


def _shared(months: FloatArray, share: Stops, horizon: int) -> FloatArray:
    """A new ``(H, s)`` array: ``months`` (``(H, s)``, or one row for every month) times ``share`` as ``_share_of``
    multiplies, each month written once."""
    first, decision = share[0]
    out = np.empty((horizon, decision.shape[0]))
    out[:first] = months[:first] if months.shape[0] > 1 else months
    np.multiply(months[first:] if months.shape[0] > 1 else months, decision, out=out[first:])
    _share_of(out, share[1:])
    return out


def _share_of(months: FloatArray, share: Stops) -> None:
    """``months`` ``(H, s)`` times the share the gates leave, in place: each gate's decision (1 or 0) multiplies the
    months from its first after the test on, and leaves those before it as they are (times 1). Products by 1s and 0s
    are exact, so these are the products by the share ``GateRun.still_buying`` holds, to the last bit, without reading
    that second chunk-sized array."""
    for first, decision in share:
        months[first:] *= decision
