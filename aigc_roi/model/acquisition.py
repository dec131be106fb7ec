"""Users and spend of the channels by month, and the viral chain that turns them into new users
(docs/formulas.md §2, §4)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from aigc_roi.model.by_month import is_by_month, moves
from aigc_roi.model.layout import _Layout
from aigc_roi.model.params import _Params, every
from aigc_roi.model.running import recurrence
from aigc_roi.model.scenario import Channel, FloatArray


def _source_users_by_month(acquired: _Acquired, organic: FloatArray, layout: _Layout, p: _Params,
                           activity: FloatArray | None = None) -> list[FloatArray]:
    """``(H, s)`` the users each source (the channels, then organic) brings in each month, after the gates when
    ``activity`` (``(C', H, s)``, model/gated_plan.py) is given."""
    shape = (p.horizon, p.samples)
    masks = layout.source_masks[: len(acquired.unit_users)]
    moving = {channel: position for position, channel in enumerate(acquired.moving)}
    users = [acquired.by_month[0][moving[c]] if acquired.by_month is not None and c in moving
             else masks[c][:, None] * acquired.unit_users[c] for c in range(len(acquired.unit_users))]
    if activity is not None:
        users = [bought * activity[c] for c, bought in enumerate(users)]
    return users + [np.broadcast_to(organic, shape)] if layout.organic else users


def _unit_cost(channel: Channel, p: _Params) -> FloatArray:
    """The channel's unit cost (its type's ``unit_cost`` field); NaN when it moves by month (no single maximum: the factor
    instead)."""
    value = getattr(channel, channel.unit_cost)
    return np.full(p.samples, np.nan) if is_by_month(value) else p(value)


def _source_months(acquired: _Acquired, organic: FloatArray, layout: _Layout,
                   p: _Params) -> tuple[tuple[int, ...], dict[str, FloatArray]]:
    """The sources whose users or spend move by month, and their ``(M, H, s)`` users and spend by month."""
    moving = list(acquired.moving)
    users = list(acquired.by_month[0]) if acquired.by_month is not None else []
    spend = list(acquired.by_month[1]) if acquired.by_month is not None else []
    if layout.organic and moves(organic):
        moving.append(len(layout.source_names) - 1)
        users.append(np.broadcast_to(organic, (p.horizon, p.samples)))
        spend.append(np.zeros((p.horizon, p.samples)))
    if not moving:
        return (), {}
    return tuple(moving), {"users": np.stack(users), "spend": np.stack(spend)}


class _Bought(NamedTuple):
    """The channels' totals by month, ``(H, s)`` each, before any gate."""

    users: FloatArray
    """Users all channels buy."""
    paid_users: FloatArray
    """Users the paid channels buy (paid means spending, docs/formulas.md §2)."""
    ad_spend: FloatArray

    def for_samples(self, samples: int) -> _Bought:
        """What one sample bought, as every one of ``samples`` samples' (read-only views)."""
        return _Bought(*(_wide(total, samples) for total in self))


@dataclass(frozen=True)
class _Acquired:
    masks: FloatArray
    """``(H, C)`` the months each channel runs."""
    unit_users: FloatArray
    """``(C, s)`` users a channel buys per active month (its mean over them when a value moves by month)."""
    unit_spend: FloatArray
    """``(C, s)`` spend per active month, likewise."""
    by_month: tuple[FloatArray, FloatArray] | None
    """``(M, H, s)`` users and spend by month of the ``moving`` channels, in that order; None when none moves."""
    moving: tuple[int, ...] = ()
    """The channels whose users or spend move by month."""

    def for_samples(self, samples: int) -> _Acquired:
        """What one sample bought, as every one of ``samples`` samples' (read-only views): samples that share their
        channels buy their users once."""
        by_month = None if self.by_month is None else (_wide(self.by_month[0], samples), _wide(self.by_month[1], samples))
        return _Acquired(self.masks, _wide(self.unit_users, samples), _wide(self.unit_spend, samples), by_month,
                         self.moving)

    def bought(self) -> _Bought:
        """The totals by month over every channel; a plan with gates sums its own, after them (model/gated_plan.py).

        A channel whose values are constant buys the same users and spend in each of its active months, so its
        row times its mask; the sum over such channels is one matrix product. Paid means spending over the
        horizon, sample by sample."""
        every_channel_spends = every(self.unit_spend > 0)
        if self.by_month is None:
            users = self.masks @ self.unit_users
            paid = users if every_channel_spends else self.masks @ np.where(self.unit_spend > 0, self.unit_users, 0.0)
            return _Bought(users, paid, self.masks @ self.unit_spend)
        moving = list(self.moving)
        constant = [c for c in range(self.unit_users.shape[0]) if c not in self.moving]
        rest = self.masks[:, constant]
        users_by_month, spend_by_month = self.by_month
        users = rest @ self.unit_users[constant] + _over_channels(users_by_month)
        spending = (self.unit_spend > 0).astype(np.float64)
        paid = (users if every_channel_spends
                else rest @ (self.unit_users[constant] * spending[constant])
                + np.einsum("chs,cs->hs", users_by_month, spending[moving]))
        return _Bought(users, paid, rest @ self.unit_spend[constant] + _over_channels(spend_by_month))


def _wide(values: FloatArray, samples: int) -> FloatArray:
    return np.broadcast_to(values, (*values.shape[:-1], samples))


def _acquisition(channels: tuple[Channel, ...], layout: _Layout, p: _Params) -> _Acquired:
    """What every channel buys per active month, and by month where its values move (``_Acquired.bought`` sums them).

    Paid means spending (docs/formulas.md §2): a channel that costs nothing over
    the horizon, in a sample, brings users but is no paid channel there.
    ``(C, H, s)`` is built only when some channel's value moves by month.
    """
    # A type whose formula reads no value by month may return (s,) rows: a row, not s months.
    rates = [tuple(amount if amount.ndim == 2 else np.atleast_2d(amount) for amount in ch.users_and_spend(p))
             for ch in channels]
    masks = layout.source_masks[: len(channels)].T
    if not any(moves(users) or moves(spend) for users, spend in rates):
        unit_users = np.array([users for users, _ in rates]).reshape(len(channels), p.samples)
        unit_spend = np.array([spend for _, spend in rates]).reshape(len(channels), p.samples)
        return _Acquired(masks, unit_users, unit_spend, None)
    # Only the channels whose values move get months of their own; the others are rows times their masks.
    moving = tuple(c for c, (users_c, spend_c) in enumerate(rates) if moves(users_c) or moves(spend_c))
    constant = [c for c in range(len(channels)) if c not in moving]
    shape = (p.horizon, p.samples)
    # Each channel's months times its mask, written in place: no broadcast copy of them first.
    channel_masks = masks.T[list(moving), :, None]
    spend = np.empty((len(moving), *shape))
    for row, (c, mask) in enumerate(zip(moving, channel_masks, strict=True)):
        np.multiply(rates[c][1], mask, out=spend[row])
    lone = rates[moving[0]][0]
    if len(moving) == 1 and lone.shape == shape and lone.flags.c_contiguous and every(channel_masks):
        # One channel that runs every month: its users' months times 1 are those months, laid out as the stack's (read
        # only from here on, as the stack is).
        users = lone[None]
    else:
        users = np.empty((len(moving), *shape))
        for row, (c, mask) in enumerate(zip(moving, channel_masks, strict=True)):
            np.multiply(rates[c][0], mask, out=users[row])
    active_months = np.maximum(masks.sum(axis=0), 1.0)[:, None]
    unit_users = np.empty((len(channels), p.samples))
    unit_spend = np.empty((len(channels), p.samples))
    unit_users[list(moving)] = users.sum(axis=1) / active_months[list(moving)]
    unit_spend[list(moving)] = spend.sum(axis=1) / active_months[list(moving)]
    for c in constant:
        # A row (1, s) or a value for every sample (1, 1): its first row broadcasts as it is copied in, without the
        # Python of a broadcast view (two a channel, each chunk).
        unit_users[c], unit_spend[c] = rates[c][0][0], rates[c][1][0]
    return _Acquired(masks, unit_users, unit_spend, (users, spend), moving)


def _over_channels(by_channel: FloatArray) -> FloatArray:
    """``(H, s)`` the sum of ``(C, H, s)`` over its channels; one channel's own months, not a copy of them."""
    return by_channel[0] if by_channel.shape[0] == 1 else by_channel.sum(axis=0)


def _new_users(paid_users: FloatArray, organic: FloatArray, virality: FloatArray) -> FloatArray:
    """N(t) = paid(t) + organic + k N(t-1)."""
    return _viral_chain(paid_users + organic, virality)


def _viral_users(new_users: FloatArray, virality: FloatArray) -> FloatArray:
    """V(t) = k N(t-1), ``(H, s)``: the users every new user brings a month later (none in month 1)."""
    viral = np.empty_like(new_users)
    viral[0] = 0.0
    np.multiply(new_users[:-1], virality, out=viral[1:])
    return viral


def _viral_chain(inflow: FloatArray, virality: FloatArray) -> FloatArray:
    """x(t) = inflow(t) + k x(t-1) along the first (month) axis.

    ``virality`` broadcasts against ``inflow[t]``.
    """
    return recurrence(np.asarray(inflow, dtype=np.float64), virality)
