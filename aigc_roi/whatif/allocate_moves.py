"""The lowest feature of every sample after one channel alone moves by a step: the costly part of a
search round (whatif/allocate_search.py), computed in bounded memory and, where it is safe, on a
few columns only.

A payback margin is the lowest cumulative cash over the months from the target to the horizon's end
(up to 120 columns per sample), and a round scores 2 x 50 single-channel moves on 10,000 draws: over
a hundred million numbers a round if every column were recomputed. A step changes column t of
sample s by at most ``reach[t, s]`` (the largest user change of any move times the largest feature of
one user there, plus the same for spend), so only the columns whose value less their reach is not
above the lowest value plus reach can hold a moved minimum. When at most ``FEW_COLUMNS`` columns of a
sample can, its minimum is taken over the columns with the lowest such bounds, 1, 2, 4, 8 or 16 of
them as it needs (one, once the steps are small), which contain them all: the result is exact, not an
approximation. Samples with more candidates (the first, coarse steps) take every
column. Candidates are processed in chunks of at most ``CHUNK_NUMBERS`` numbers, which bounds the
memory of a round whatever the number of channels, months and samples (docs/limits.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from aigc_roi.model.scenario import FloatArray

FEW_COLUMNS = 16
"""Most columns kept per sample when no more can hold its moved minimum."""
WIDTHS = (1, 2, 4, 8, FEW_COLUMNS)
"""Columns kept per sample, by how many it needs (rounded up to one of these)."""
CHUNK_NUMBERS = 4_000_000
"""Most float64 numbers (32 MB) one chunk of candidates may form."""


@dataclass(frozen=True)
class FeatureGroup:
    """Columns of the features reduced by their minimum, over one block of samples."""

    columns: slice
    samples: slice
    per_user: FloatArray
    """(M, Qg, Sg) features of one user a month of each kind."""
    per_spend: FloatArray
    """(C, Qg, 1 or Sg) features of one unit of money a month of each channel."""
    user_reach: FloatArray
    """(Qg, Sg) largest |per_user| over the kinds."""
    spend_reach: FloatArray
    """(Qg, 1 or Sg) largest |per_spend| over the channels."""

    @classmethod
    def of(cls, columns: slice, samples: slice, per_user: FloatArray, per_spend: FloatArray) -> FeatureGroup:
        users = per_user[:, columns, samples]
        spend = per_spend[:, columns, samples] if per_spend.shape[-1] > 1 else per_spend[:, columns]
        return cls(columns, samples, users, spend, np.abs(users).max(axis=0), np.abs(spend).max(axis=0))

    def moved_minimum(self, at: FloatArray, users: FloatArray, spend: FloatArray, kinds: np.ndarray,
                      channels: np.ndarray) -> FloatArray:
        """(N, Sg) lowest feature of each sample when channel ``channels[n]`` (of kind ``kinds[n]``) gets
        ``users[n]`` more users and ``spend[n]`` more money a month (N, S each); ``at``: (Q, S) features."""
        own = at[self.columns, self.samples]
        users, spend = users[:, self.samples], spend[:, self.samples]
        out = np.empty((users.shape[0], own.shape[1]))
        needed = np.full(own.shape[1], own.shape[0])
        if own.shape[0] > FEW_COLUMNS:
            reach = np.abs(users).max(axis=0) * self.user_reach + np.abs(spend).max(axis=0) * self.spend_reach
            lowest_possible = (own - reach).T
            needed = (lowest_possible <= (own + reach).min(axis=0)[:, None]).sum(axis=1)
        narrower = 0
        for width in WIDTHS if own.shape[0] > FEW_COLUMNS else ():
            # Samples are taken by how many columns they need, so that a few demanding ones do not widen the rest.
            kept = np.flatnonzero((needed > narrower) & (needed <= width))
            narrower = width
            if kept.size == 0:
                continue
            order = (np.argmin(lowest_possible[kept], axis=1)[None] if width == 1
                     else np.argpartition(lowest_possible[kept], width - 1, axis=1)[:, :width].T)
            out[:, kept] = self._minimum(
                np.take_along_axis(own[:, kept], order, axis=0),
                np.take_along_axis(self.per_user[:, :, kept], order[None], axis=1),
                self._spend_at(order, kept),
                users[:, kept], spend[:, kept], kinds, channels)
        every = np.flatnonzero(needed > narrower)
        if every.size:
            spend_columns = self.per_spend[:, :, every] if self.per_spend.shape[-1] > 1 else self.per_spend
            out[:, every] = self._minimum(own[:, every], self.per_user[:, :, every], spend_columns, users[:, every],
                                          spend[:, every], kinds, channels)
        return out

    def _spend_at(self, order: np.ndarray, kept: np.ndarray) -> FloatArray:
        if self.per_spend.shape[-1] > 1:
            return np.take_along_axis(self.per_spend[:, :, kept], order[None], axis=1)
        return self.per_spend[:, order, 0]

    @staticmethod
    def _minimum(own: FloatArray, per_user: FloatArray, per_spend: FloatArray, users: FloatArray, spend: FloatArray,
                 kinds: np.ndarray, channels: np.ndarray) -> FloatArray:
        """(N, S') min over the Q' columns of own + users[n] per_user[kind] - spend[n] per_spend[channel]."""
        count, (columns, samples) = users.shape[0], own.shape
        block = max(1, min(samples, CHUNK_NUMBERS // max(columns, 1)))
        chunk = max(1, CHUNK_NUMBERS // (columns * block))
        out = np.empty((count, samples))
        for first in range(0, samples, block):
            drawn = slice(first, min(first + block, samples))
            spend_rows = per_spend[:, :, drawn] if per_spend.shape[-1] > 1 else per_spend
            for start in range(0, count, chunk):
                part = slice(start, min(start + chunk, count))
                # One kind of user (the usual case) multiplies without copying its rows per candidate.
                user_rows = per_user[:, :, drawn] if per_user.shape[0] == 1 else per_user[kinds[part], :, drawn]
                moved = own[None, :, drawn] + users[part, None, drawn] * user_rows
                moved -= spend[part, None, drawn] * spend_rows[channels[part]]
                out[part, drawn] = moved.min(axis=1)
        return out
