"""The names an allocation keys its channels by: a split, a bound, a lock and a warning name a channel.

A file may give two channels one name (reader/shared_names.py): each of them is then keyed, and shown in every
output, as ``x (acquisition[1])`` (model/paths.py ``row_names``). A lock or bound names a channel as ``--set`` reads
the channel part of a path (model/paths.py ``ChannelReader``): one of two of a name by its path (``acquisition[1]``);
the shared name alone is refused, as ``--set`` refuses one that two items with its field share.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from aigc_roi.model.names import did_you_mean, listed
from aigc_roi.model.paths import (
    ChannelReader,
    RefusedName,
    channel_path,
    channel_references,
    references_like,
    row_names,
)
from aigc_roi.model.scenario import Scenario
from aigc_roi.whatif.allocate_result import AllocationArgumentError, AllocationError
from aigc_roi.whatif.errors import amount_texts


def keyed(scenario: Scenario, locks: Sequence[str], minimums: Mapping[str, float], maximums: Mapping[str, float],
          read: ChannelReader | None = None) -> tuple[Scenario, list[str], dict[str, float], dict[str, float]]:
    """``scenario`` with each channel named by its key, and the locks and bounds by the keys of the channels they
    name as ``read`` reads them (``acquisition[1]``, ``acquisition[x]``, ``x``); AllocationError for one it refuses,
    in ``--set``'s words, or that names no channel. Without ``read`` (a call in code, not the library's), each is a
    channel's key already, and one that is none is kept, for ``movable_channels`` to refuse."""
    names = [channel.name for channel in scenario.acquisition]
    keys = row_names(names, [channel_path(index) for index in range(len(names))])
    renamed = tuple(channel if key == channel.name else dataclasses.replace(channel, name=key)
                    for channel, key in zip(scenario.acquisition, keys, strict=True))

    def key_of(name: str) -> str:
        if read is None:
            return name
        try:
            index = read(name)
        except RefusedName as refused:
            raise AllocationError(str(refused)) from None
        if index is None:
            near = references_like(name, names, read)
            raise AllocationError(f"no channel named {name!r}; " + (did_you_mean(near) if near else
                                                                    f"channels: {listed(channel_references(names, read))}"))
        return keys[index]

    def bounds_of(argument: str, bounds: Mapping[str, float]) -> dict[str, float]:
        # Two names of one channel (its name and its path) with different amounts: keeping the last dropped the other
        # unsaid. The same amount twice is one bound.
        found: dict[str, tuple[str, float]] = {}
        for name, value in bounds.items():
            key = key_of(name)
            earlier, kept = found.setdefault(key, (name, value))
            if kept != value:
                kept_text, value_text = amount_texts(kept, value)
                raise AllocationArgumentError(argument, f"{earlier!r} and {name!r} name one channel, {key!r}, with "
                                                        f"different amounts ({kept_text} and {value_text})")
        return {key: value for key, (_, value) in found.items()}

    return (dataclasses.replace(scenario, acquisition=renamed), [key_of(name) for name in locks],
            bounds_of("minimums", minimums), bounds_of("maximums", maximums))
