"""What every channel type shares, and how a type declares its own fields.

A channel type is one frozen dataclass subclassing ``ChannelType``: its own
fields (declared with ``declare``, which records unit, description and
labels), its users-and-spend formula, its unit cost, its budget form and
its drivers. The registry (``model/channels/__init__.py``) finds it by its
``type:`` word; the reader's field table, the JSON Schema, the engine, the
what-ifs and the labels all ask it, so a new type is one class.

No numpy at import: ``validate`` reads channels without it, so a formula
imports ``model/channels/buying.py`` (its numpy helpers) when it runs.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import KW_ONLY, dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Protocol

from aigc_roi.model.limits import MIN_UNIT_COST
from aigc_roi.model.type_refs import imported_when_read

if TYPE_CHECKING:
    from aigc_roi.model.scenario import FloatArray, Months, Moving, Retention, Value
else:  # model/scenario.py imports this module, so its types are imported when an annotation is read
    FloatArray = imported_when_read("aigc_roi.model.scenario", "FloatArray")
    Months = imported_when_read("aigc_roi.model.scenario", "Months")
    Moving = imported_when_read("aigc_roi.model.scenario", "Moving")
    Retention = imported_when_read("aigc_roi.model.scenario", "Retention")
    Value = imported_when_read("aigc_roi.model.scenario", "Value")

Unit = Literal["money", "rate", "count", "small_count"]
"""money: the scenario's currency; rate: a share in [0, 1]; count: users, impressions, clicks (large,
shown whole); small_count: a handful that may be fractional (posts per month, shown with decimals)."""

class Params(Protocol):
    """How a formula reads its realized values (the engine's ``_Params``)."""

    def __call__(self, value: Value) -> FloatArray:
        """A value written once: an ``(s,)`` float64 row."""
        ...

    def monthly(self, value: Moving) -> FloatArray:
        """A value that may be written by month (docs/formulas.md §14): ``(H, s)`` when it is, ``(1, s)`` when not;
        either broadcasts against ``(H, s)``."""
        ...

FIELD_INFO = "aigc_roi.channel_field"
"""Key of a channel field's ``FieldInfo`` in its dataclass metadata."""


@dataclass(frozen=True)
class FieldInfo:
    """What the reader, the JSON Schema and the labels need to know of one channel field."""

    unit: Unit
    description: str
    """One sentence with the unit: the JSON Schema's description (translated in present/schema_zh.py)."""
    labels: Mapping[str, str]
    """Label of the field as a what-if driver, by language (``bid`` / ``出价``); empty when it is no driver."""
    needs: str | None = None
    """A field that must be given too (``saturation_budget`` needs ``budget``)."""
    by_month: bool = False
    """Whether a file may write it ``{by_month: {...}}`` (docs/formulas.md §14); its formula then reads it with
    ``p.monthly``."""


def declare(unit: Unit, description: str, *, default: Any = dataclasses.MISSING, needs: str | None = None,
            by_month: bool = False, en: str = "", zh: str = "") -> Any:
    """A channel field: ``dataclasses.field`` with its unit, description and labels in the metadata."""
    labels = {"en": en, "zh": zh} if en else {}
    info = FieldInfo(unit, description, labels, needs, by_month)
    return dataclasses.field(default=default, metadata={FIELD_INFO: info})


def budget_field() -> Any:
    """``budget``, the money form of a type that can also buy by a volume (``volumes``: exactly one is given);
    a file may write it by month, so the type's formula reads it with ``p.monthly``."""
    return declare("money", "Spend per active month.", default=None, by_month=True, en="budget per month", zh="每月预算")


def saturation_field() -> Any:
    """``saturation_budget``: diminishing returns of a budget (docs/formulas.md §4.1, saturation)."""
    return declare("money", "Monthly spend at which the effective CAC has doubled (needs budget).", default=None,
                   needs="budget")


@dataclass(frozen=True)
class ChannelType:
    """A paid acquisition channel; subclasses are the types (``cpa``, ``cpm``, ...).

    Fields common to every type are declared here once, keyword-only so each
    type's own fields keep their positional order after ``name``.
    """

    name: str
    """Shown in tables."""
    _: KW_ONLY
    months: Months = None
    """Months (1-based) in which it runs; None means every month."""
    retention: Retention | None = None
    """Retention of the users it buys (docs/formulas.md §15); None: the scenario's."""
    conversion_index: Value = 1.0
    """Multiplier (>= 0) on plan conversions and purchase rates for the users it buys (docs/formulas.md §15)."""
    match: tuple[str, ...] | None = None
    """Globs over campaign names or ids in ad-platform exports that are this channel (`actuals`); None: not given."""

    type: ClassVar[str]
    """The word after ``type:`` in a file, and the key of the registry."""
    unit_cost: ClassVar[str]
    """The field that prices what it buys (bid, cpm, fee, cost): its maximum unit cost and the "max bid" label."""
    volumes: ClassVar[tuple[str, ...]]
    """The fields that size what it buys; a channel gives exactly one. With two, the first is
    ``budget`` and the unit cost divides it (what it buys = budget / unit cost)."""
    movable: ClassVar[bool]
    """Whether ``allocate`` may move its spend (``with_budget``)."""
    max_unit_cost_labels: ClassVar[Mapping[str, str]]
    """The channel table's word for its maximum unit cost, by language (Max bid, 最高出价)."""
    unit_cost_per_labels: ClassVar[Mapping[str, str]]
    """What one unit cost buys, by language (per new user, 每个新用户): the xlsx says it beside the max bid."""
    type_labels: ClassVar[Mapping[str, str]] = {}
    """The type's name in a table's type column, by language (``cpa``, 按转化付费); the ``type:`` word where
    a language has none."""
    affine_drivers: ClassVar[bool] = False
    """Whether what it buys is affine in its unit cost (or in 1 / unit cost, when a budget is divided by it)
    and in its volume, so that break-even may solve those drivers in closed form (whatif/closed_form.py, which
    confirms every answer by the engine); a type that says nothing is searched."""

    @classmethod
    def own_fields(cls) -> tuple[dataclasses.Field[Any], ...]:
        """The type's own fields, in declaration order (the common ones excluded)."""
        common = {f.name for f in dataclasses.fields(ChannelType)}
        return tuple(f for f in dataclasses.fields(cls) if f.name not in common)

    @classmethod
    def field_info(cls, name: str) -> FieldInfo | None:
        """The declaration of the type's own field ``name``; None for a common or unknown one."""
        found = next((f for f in cls.own_fields() if f.name == name), None)
        return None if found is None else found.metadata.get(FIELD_INFO)

    @classmethod
    def has_budget_form(cls) -> bool:
        """Whether a file may give ``budget`` or a volume (exactly one: docs/formulas.md §4.1)."""
        return len(cls.volumes) == 2

    @property
    def volume(self) -> str:
        """The field, of ``volumes``, that this channel gives."""
        return next((name for name in self.volumes if getattr(self, name) is not None), self.volumes[-1])

    @property
    def buys_with_budget(self) -> bool:
        """Whether its unit cost divides a budget (then it must stay >= MIN_UNIT_COST)."""
        return self.has_budget_form() and self.volume == self.volumes[0]

    def users_and_spend(self, p: Params) -> tuple[FloatArray, FloatArray]:
        """New users and spend in one active month, ``(1, s)`` (or ``(s,)``) each, or ``(H, s)`` when a value it
        reads moves by month (docs/formulas.md §4.1, §14).

        Elementwise in the rows ``p`` gives, so the same formula serves one
        sample, a Monte Carlo batch or a batch of candidates; fields declared
        ``by_month`` are read with ``p.monthly``, the others with ``p``.
        """
        raise NotImplementedError

    def drivers(self) -> tuple[tuple[str, float], ...]:
        """(field, lowest valid value) of each input a what-if moves: its unit cost, then its volume."""
        lowest = MIN_UNIT_COST if self.buys_with_budget else 0.0
        return (self.unit_cost, lowest), (self.volume, 0.0)

    def driver_form(self, field: str) -> bool | None:
        """Whether the model is affine in 1 / x (True) or in x (False) of this channel's ``field``; None when in
        neither, or not known to be (break-even then searches it)."""
        if not self.affine_drivers:
            return None
        if field == self.unit_cost:
            return self.buys_with_budget
        if field != self.volume:
            return None
        # A saturating budget buys fewer users per yuan as it grows.
        if self.buys_with_budget and getattr(self, "saturation_budget", None) is not None:
            return None
        return False

    def with_budget(self, budget: FloatArray) -> ChannelType:
        """This channel buying with a monthly ``budget`` (``allocate``); only for ``movable`` types."""
        if not self.has_budget_form():
            raise TypeError(f"{self.name!r} has no budget form")
        changes: dict[str, Any] = {self.volumes[0]: budget, self.volumes[1]: None}
        return dataclasses.replace(self, **changes)


def check_channel_type(cls: type[ChannelType]) -> type[ChannelType]:
    """``cls`` when it declares what a channel type must; TypeError naming what it lacks otherwise."""
    missing = [name for name in ("type", "unit_cost", "volumes", "movable", "max_unit_cost_labels",
                                     "unit_cost_per_labels") if not hasattr(cls, name)]
    if missing:
        raise TypeError(f"channel type {cls.__name__} does not set {', '.join(missing)}")
    own = {f.name: f.metadata.get(FIELD_INFO) for f in cls.own_fields()}
    undeclared = [name for name, info in own.items() if info is None]
    if undeclared:
        raise TypeError(f"channel type {cls.__name__}: declare() the fields {', '.join(undeclared)} (unit and description)")
    unknown = [name for name in (cls.unit_cost, *cls.volumes) if name not in own]
    if unknown or not 1 <= len(cls.volumes) <= 2 or (len(cls.volumes) == 2 and cls.volumes[0] != "budget"):
        raise TypeError(f"channel type {cls.__name__}: unit_cost and volumes must name its own fields, "
                        "volumes one field or ('budget', a volume)")
    for name in (cls.unit_cost, *cls.volumes):
        info = own[name]
        if info is None or not info.labels:
            raise TypeError(f"channel type {cls.__name__}: the driver {name!r} needs labels (declare(..., en=..., zh=...))")
    return cls

