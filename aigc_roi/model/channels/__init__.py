"""The channel types, one class each, found by their ``type:`` word.

The pattern is pymc-marketing's adstock transformations (one class per
variant plus a lookup table): everything that differs between types lives on
the class (model/channels/base.py says what), and every other module asks
this registry instead of testing types. docs/architecture.md shows where a
new type goes; docs/formulas.md §4.1 lists the types' formulas.
"""

from __future__ import annotations

from aigc_roi.model.channels.base import ChannelType, FieldInfo, check_channel_type
from aigc_roi.model.channels.cpa import CpaChannel
from aigc_roi.model.channels.cpm import CpmChannel
from aigc_roi.model.channels.flat import FlatChannel
from aigc_roi.model.channels.kol import KolChannel

CHANNEL_TYPES: dict[str, type[ChannelType]] = {
    cls.type: check_channel_type(cls) for cls in (CpaChannel, CpmChannel, KolChannel, FlatChannel)
}
"""Every channel type by its ``type:`` word, in the order errors and the JSON Schema list them."""


def register_channel_type(cls: type[ChannelType]) -> type[ChannelType]:
    """Make ``cls`` readable from files as ``type: <cls.type>`` (usable as a class decorator).

    TypeError when the class lacks what a type must declare (``check_channel_type``).
    """
    check_channel_type(cls)
    if cls.type in CHANNEL_TYPES and CHANNEL_TYPES[cls.type] is not cls:
        raise ValueError(f"channel type {cls.type!r} is already registered to {CHANNEL_TYPES[cls.type].__name__}")
    CHANNEL_TYPES[cls.type] = cls
    return cls


def unregister_channel_type(name: str) -> None:
    """Forget the type ``name`` (a test's toy type, once the test is done)."""
    CHANNEL_TYPES.pop(name, None)


def channel_type(name: str) -> type[ChannelType]:
    """The class of the type ``name``; KeyError for a word no type is registered under."""
    return CHANNEL_TYPES[name]


def channel_rate_fields() -> frozenset[str]:
    """The names of the registered types' fields that hold shares in [0, 1] (``ctr``, ``view_to_user``, ...)."""
    return frozenset(f.name for cls in CHANNEL_TYPES.values() for f in cls.own_fields()
                     if (info := cls.field_info(f.name)) is not None and info.unit == "rate")


def movable_types() -> tuple[str, ...]:
    """The types whose spend ``allocate`` moves."""
    return tuple(name for name, cls in CHANNEL_TYPES.items() if cls.movable)


__all__ = ["CHANNEL_TYPES", "ChannelType", "CpaChannel", "CpmChannel", "FieldInfo", "FlatChannel", "KolChannel",
           "channel_rate_fields", "channel_type", "movable_types", "register_channel_type", "unregister_channel_type"]
