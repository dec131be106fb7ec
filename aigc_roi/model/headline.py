"""The figures of spec revision 1.1 that read an evaluated cash flow: paid
versus blended returns, first and sustained payback, peak cash need, the
unique-root rule of the IRR and each channel's maximum unit cost.

Pure numpy over a leading sample axis: series are ``(S, H)``, figures
``(S,)``. NaN means "none", as in the engine that calls these.

Decisions where the spec is silent:

- A month's net cash counts as 0 for the IRR's sign rule when it is within
  ``1e-9`` of the money moved over the horizon (sum of |F(t)|): float
  rounding of a month that nets to nothing must not invent a sign change.
- ``peak_cash_need`` below the same slack is 0 (and then
  ``peak_cash_month`` is none), so a plan that ``payback_month`` calls paid
  back from month 1 never also "needs" a rounding error of cash.
"""

from __future__ import annotations

import numpy as np

from aigc_roi.model.running import running_sum
from aigc_roi.model.scenario import FloatArray

_TOLERANCE = 1e-9


def _slack(net_cash: FloatArray) -> FloatArray:
    """(S, 1) rounding slack: 1e-9 of the money moved over the horizon."""
    return _TOLERANCE * np.abs(net_cash).sum(axis=1, keepdims=True)


def first_payback_month(net_cash: FloatArray, cumulative: FloatArray) -> FloatArray:
    """First month whose cumulative net cash is >= 0; NaN if none."""
    reached = cumulative >= -_slack(net_cash)
    return np.where(reached.any(axis=1), reached.argmax(axis=1) + 1.0, np.nan)


def peak_cash(net_cash: FloatArray, cumulative: FloatArray) -> tuple[FloatArray, FloatArray]:
    """(peak_cash_need, peak_cash_month): max(0, -min cumulative cash) and the
    first month at that low point (NaN when the need is 0)."""
    low = cumulative.min(axis=1)
    need = np.where(low < -_slack(net_cash)[:, 0], -low, 0.0)
    month = np.where(need > 0, cumulative.argmin(axis=1) + 1.0, np.nan)
    return need, month


def single_sign_change(net_cash: FloatArray) -> np.ndarray:
    """(S,) True where the non-zero F(t) change sign exactly once: by
    Descartes' rule of signs the IRR is then the one root in (-1, inf).

    Exactly one change means every positive month comes before every
    negative one, or after: four reductions over the months, no loop.
    """
    slack = _slack(net_cash)
    months = np.arange(net_cash.shape[1])
    positive = net_cash > slack
    negative = net_cash < -slack
    never = net_cash.shape[1]
    first_positive = np.where(positive, months, never).min(axis=1)
    first_negative = np.where(negative, months, never).min(axis=1)
    last_positive = np.where(positive, months, -1).max(axis=1)
    last_negative = np.where(negative, months, -1).max(axis=1)
    both = (first_positive < never) & (first_negative < never)
    return both & ((last_positive < first_negative) | (last_negative < first_positive))


def paid_totals(paid_users: FloatArray, per_user_by_age: FloatArray, virality: FloatArray) -> FloatArray:
    """Revenue or contribution attributed to the paid channels over the horizon.

    ``paid_users`` (S, H) users the channels buy per month; ``per_user_by_age``
    (S, ..., H) a value of one new user at each age (gross revenue, contribution;
    any leading axes after the sample axis are kept); ``virality`` (S,).

    A user bought in month s earns the cumulative per-user value through age
    H - s, plus k times what a user joining in s + 1 earns (its viral users,
    credited to its source; spec section 4): credit(s) = worth(H - s) + k credit(s + 1).
    """
    # The running sum is a fresh array: the chain runs in place on its reversed view.
    credit = running_sum(per_user_by_age, axis=-1)[..., ::-1]
    k = virality.reshape((-1,) + (1,) * (credit.ndim - 2))
    horizon = credit.shape[-1]
    for s in range(horizon - 2, -1, -1):
        credit[..., s] += k * credit[..., s + 1]
    users = paid_users.reshape(paid_users.shape[:1] + (1,) * (credit.ndim - 2) + paid_users.shape[1:])
    return (users * credit).sum(axis=-1)


def max_unit_cost(unit_cost: FloatArray, roi: FloatArray) -> FloatArray:
    """The unit cost at which a channel's own roi is 0: max(0, unit cost x (1 + roi)).

    Exact because a channel's attributed contribution is proportional to the
    users it buys, and those to 1 / unit cost (or its spend to the unit cost);
    NaN where roi is NaN (no spend)."""
    with np.errstate(invalid="ignore"):
        return np.where(np.isnan(roi), np.nan, np.maximum(0.0, unit_cost * (1.0 + roi)))
