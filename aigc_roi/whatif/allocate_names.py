"""The names an allocation keys its channels by: a split, a bound, a lock and a warning name a channel.

A file may give two channels one name (reader/shared_names.py): each of them is then keyed, and shown in every
output, as ``x (acquisition[1])`` (model/paths.py ``row_names``), and a lock or bound is given to one by its path
(``acquisition[1]``); the shared name alone is refused, as ``--set`` refuses one that two items with its field share
(model/paths.py ``meant_by_name``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from aigc_roi.model.paths import AmbiguousName, channel_path, named_channel, row_names
from aigc_roi.model.scenario import Scenario
from aigc_roi.whatif.allocate_result import AllocationError


def keyed(scenario: Scenario, locks: Sequence[str], minimums: Mapping[str, float], maximums: Mapping[str, float]
          ) -> tuple[Scenario, list[str], dict[str, float], dict[str, float]]:
    """``scenario`` with each channel named by its key, and the locks and bounds by the keys of the channels they
    name (a name, or a path ``acquisition[1]``); a name that is no channel's is kept, for ``movable_channels`` to
    refuse. AllocationError for a name two channels share."""
    names = [channel.name for channel in scenario.acquisition]
    keys = row_names(names, [channel_path(index) for index in range(len(names))])
    renamed = tuple(channel if key == channel.name else dataclasses.replace(channel, name=key)
                    for channel, key in zip(scenario.acquisition, keys, strict=True))

    def key_of(name: str) -> str:
        try:
            index = named_channel(names, name)
        except AmbiguousName as ambiguous:
            raise AllocationError(str(ambiguous)) from None
        return name if index is None else keys[index]

    return (dataclasses.replace(scenario, acquisition=renamed), [key_of(name) for name in locks],
            {key_of(name): value for name, value in minimums.items()},
            {key_of(name): value for name, value in maximums.items()})
