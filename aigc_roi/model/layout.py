"""What every chunk of an evaluation shares: its sizes and the sources of the attribution."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from aigc_roi.model.params import _month_mask, _Params, _sample_count, some
from aigc_roi.model.scenario import FloatArray, Months, Scenario
from aigc_roi.model.sources import source_groups

ORGANIC_NAME = "Organic"


ORGANIC_TYPE = "organic"


@dataclass(frozen=True)
class _Layout:
    """What every chunk shares: sizes, and the sources of the attribution."""

    horizon: int
    samples: int
    source_names: tuple[str, ...]
    source_types: tuple[str, ...]
    source_masks: FloatArray
    """``(C', H)`` 1 in the months a source runs."""
    source_months: tuple[tuple[int, ...], ...]
    """The (1-based) months each source runs, as ``source_masks`` marks them."""
    organic: bool
    """Whether "Organic" is a source: some sample has organic users."""
    group_channels: tuple[tuple[int, ...], ...]
    """Channel positions of each source group (model/sources.py), grouped once over all samples."""

    @classmethod
    def of(cls, scenario: Scenario, samples: int | None = None) -> _Layout:
        """``samples``: the length of the scenario's sample arrays where the caller knows it (counting walks the
        whole scenario, the largest part of a call on a large file with few samples)."""
        horizon = int(scenario.horizon_months)
        if horizon < 1:
            raise ValueError(f"horizon_months must be >= 1, got {horizon}")
        samples = _sample_count(scenario) if samples is None else samples
        channels = scenario.acquisition
        names = tuple(ch.name for ch in channels)
        types: tuple[str, ...] = tuple(ch.type for ch in channels)
        masks = np.array([_month_mask(ch.months, horizon) for ch in channels]).reshape(len(channels), horizon)
        months = tuple(_month_numbers(ch.months, horizon) for ch in channels)
        organic = some(_Params(samples, horizon).monthly(scenario.organic_users))
        if organic:
            names += (ORGANIC_NAME,)
            types += (ORGANIC_TYPE,)
            masks = np.concatenate([masks, np.ones((1, horizon))], axis=0)
            months += (_month_numbers(None, horizon),)
        return cls(horizon, samples, names, types, masks, months, organic,
                   tuple(group.channels for group in source_groups(scenario)))


@functools.lru_cache(maxsize=1024)
def _month_numbers(months: Months, horizon: int) -> tuple[int, ...]:
    """The (1-based) months ``_month_mask`` marks, in order: built once per months and horizon, as the mask is."""
    return tuple((np.flatnonzero(_month_mask(months, horizon)) + 1).tolist())
