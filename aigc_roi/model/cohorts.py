"""The cohort table (docs/formulas.md §7, ``run --table cohorts``): per cohort
month s, its new users and its contribution in each month s..H.

The model is linear in the cohort sizes, so cohort s contributes
``N(s) x c(t - s)`` in month t, c(a) being one new user's contribution at
age a (the engine's ``contribution_by_age``). Summed over the cohorts this
is the monthly contribution of every user; orders belong to no user and to
no cohort.
"""

from __future__ import annotations

import numpy as np

from aigc_roi.model.scenario import FloatArray


def cohort_contribution(new_users: FloatArray, contribution_by_age: FloatArray) -> FloatArray:
    """(H, H) for one sample: row s (cohort of month s + 1), column t (month
    t + 1); NaN before the cohort joins (t < s), none rather than 0."""
    horizon = new_users.shape[0]
    ages = np.arange(horizon)[None, :] - np.arange(horizon)[:, None]
    joined = ages >= 0
    by_age = contribution_by_age[:horizon]
    return np.where(joined, new_users[:, None] * by_age[np.where(joined, ages, 0)], np.nan)


def grouped_cohort_contribution(new_users: FloatArray, contribution_by_age: FloatArray) -> FloatArray:
    """As ``cohort_contribution`` when a cohort's users differ by source (docs/formulas.md §15):
    ``(G, H)`` users and per-user contribution of each source group; cohort s contributes
    sum_g N_g(s) c_g(t - s) in month t."""
    return sum((cohort_contribution(users, by_age) for users, by_age in zip(new_users, contribution_by_age, strict=True)),
               np.zeros((new_users.shape[1], new_users.shape[1])))
