"""What every chunk of an evaluation shares: its sizes and the sources of the attribution."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from aigc_roi.model.params import _month_mask, _Params, _sample_count
from aigc_roi.model.scenario import FloatArray, Scenario
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
        organic = bool(np.any(_Params(samples, horizon).monthly(scenario.organic_users) != 0))
        if organic:
            names += (ORGANIC_NAME,)
            types += (ORGANIC_TYPE,)
            masks = np.concatenate([masks, np.ones((1, horizon))], axis=0)
        return cls(horizon, samples, names, types, masks, organic, tuple(group.channels for group in source_groups(scenario)))
