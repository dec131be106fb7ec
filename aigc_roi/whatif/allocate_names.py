"""The names an allocation keys its channels by: a split, a bound, a lock and a warning name a channel.

A file may give two channels one name (reader/shared_names.py): each of them is then keyed, and shown in every
output, as ``x (acquisition[1])`` (model/paths.py ``row_names``). A lock or bound names a channel as ``--set`` reads
the channel part of a path (model/paths.py ``ChannelReader``): one of two of a name by its path (``acquisition[1]``);
the shared name alone is refused, as ``--set`` refuses one that two items with its field share.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from aigc_roi.model.names import did_you_mean, listed, resembling
from aigc_roi.model.paths import (
    ChannelReader,
    RefusedName,
    channel_path,
    channel_references,
    references_like,
    row_names,
)
from aigc_roi.model.scenario import Scenario
from aigc_roi.whatif.allocate_result import AllocationArgumentError
from aigc_roi.whatif.errors import amount_texts


def keyed(scenario: Scenario, locks: Sequence[str], minimums: Mapping[str, float], maximums: Mapping[str, float],
          read: ChannelReader | None = None) -> tuple[Scenario, list[str], dict[str, float], dict[str, float]]:
    """``scenario`` with each channel named by its key, and the locks and bounds by the keys of the channels they
    name as ``read`` reads them (``acquisition[1]``, ``acquisition[x]``, ``x``), or, without ``read`` (a call in code,
    not the library's), as the channels' keys. An ``AllocationArgumentError`` naming the item as the call gave it
    (``locks[0]``, ``minimums['Feed ads']``) for one ``read`` refuses, in ``--set``'s words, that names no channel,
    or a channel whose spend is never moved, and for a bound of a locked channel: the CLI names its options before
    the call (cli/allocate.py ``check_channel_names``) and words the rest as these do."""
    names = [channel.name for channel in scenario.acquisition]
    keys = row_names(names, [channel_path(index) for index in range(len(names))])
    renamed = tuple(channel if key == channel.name else dataclasses.replace(channel, name=key)
                    for channel, key in zip(scenario.acquisition, keys, strict=True))
    by_key = dict(zip(keys, renamed, strict=True))

    def key_of(item: str, name: str) -> str:
        if read is None:
            key = name if name in by_key else None
            if key is None:
                near = resembling(name, keys)
                raise AllocationArgumentError(item, f"no channel named {name!r}; "
                                                    + (did_you_mean(near) if near else f"channels: {listed(keys)}"))
        else:
            try:
                index = read(name)
            except RefusedName as refused:
                raise AllocationArgumentError(item, str(refused)) from None
            if index is None:
                near = references_like(name, names, read)
                raise AllocationArgumentError(item, f"no channel named {name!r}; " + (
                    did_you_mean(near) if near else f"channels: {listed(channel_references(names, read))}"))
            key = keys[index]
        if not by_key[key].movable:
            raise AllocationArgumentError(item, f"{key!r} is a {by_key[key].type} channel: its spend is never moved, "
                                                "so it cannot be locked or bounded")
        return key

    locked = [key_of(f"locks[{index}]", name) for index, name in enumerate(locks)]

    def bounds_of(argument: str, bounds: Mapping[str, float]) -> dict[str, float]:
        # Two names of one channel (its name and its path) with different amounts: keeping the last dropped the other
        # unsaid. The same amount twice is one bound.
        found: dict[str, tuple[str, float]] = {}
        for name, value in bounds.items():
            key = key_of(f"{argument}[{name!r}]", name)
            if key in locked:
                raise AllocationArgumentError(f"{argument}[{name!r}]",
                                              f"{key!r} is locked: it cannot also have a minimum or maximum")
            earlier, kept = found.setdefault(key, (name, value))
            if kept != value:
                kept_text, value_text = amount_texts(kept, value)
                raise AllocationArgumentError(argument, f"{earlier!r} and {name!r} name one channel, {key!r}, with "
                                                        f"different amounts ({kept_text} and {value_text})")
        return {key: value for key, (_, value) in found.items()}

    return (dataclasses.replace(scenario, acquisition=renamed), locked, bounds_of("minimums", minimums),
            bounds_of("maximums", maximums))
