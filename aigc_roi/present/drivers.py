"""How a what-if's drivers and changes read: shared by the break-even and sensitivity views."""

from __future__ import annotations

import math
from collections.abc import Collection

from aigc_roi.model.figures import unit_of
from aigc_roi.model.rounding import limit_places, rounded_toward, value_places
from aigc_roi.present.channel_labels import channel_field_label
from aigc_roi.present.labels import label
from aigc_roi.present.numbers import NONE, NumberStyle, signed_change
from aigc_roi.whatif.drivers import Driver

FIELD_LABELS: dict[str, str] = {
    "price": "driver_price", "conversion": "driver_conversion", "renewal": "driver_renewal", "fee": "driver_item_fee",
    "count": "driver_count", "serving_per_active_user": "driver_serving_per_active_user",
    "serving_per_subscriber": "driver_serving_per_subscriber",
    "conversion_index": "driver_conversion_index",
}
"""A driver's field outside the channel types (whose types label their own; ``conversion_index`` is common to
every channel) -> its label."""


def driver_label(driver: Driver, lang: str = "en") -> str:
    """The item's own name and the field's label in ``lang``, e.g. ``Bilibili CPA bid``; ``x (acquisition[1]) bid``
    where another item of its list is named x too (``Driver.item_label``)."""
    if driver.channel_type is not None:
        field = channel_field_label(driver.channel_type, driver.field, lang)
    else:
        # A plan's, purchase's or order's fee is a share of its revenue (a kol channel's is its own label).
        field = label(FIELD_LABELS[driver.field], lang)
    if driver.is_factor:
        field = label("driver_factor", lang).format(field=field)
    return field if driver.item_label is None else f"{driver.item_label} {field}"


def is_amount(driver: Driver) -> bool:
    """Whether a driver's values are amounts in the plan's currency: a by-month value's are factors on it."""
    return not driver.is_factor and driver.unit == "money"


USUAL_PLACES: dict[str, int] = {"rate": 4, "count": 0}
"""A driver's unit -> the places of its plain value it is shown at (a rate's 4 are a percentage's 2); 2 for the
others (money, posts and orders, a factor)."""


def _usual_places(driver: Driver) -> int:
    return 2 if driver.is_factor else USUAL_PLACES.get(driver.unit, 2)


def driver_value(driver: Driver, value: float | None, style: NumberStyle, decimals: int | None = None) -> str:
    """``value`` in the driver's unit; ``decimals`` the places of its plain value (a rate's 4 are a percentage's 2)
    where a limit takes more than the usual (``bound_value``). Without them, a value that would read 0 and is not
    takes its first significant digits (model/rounding.py ``value_places``): a current bid of 0.004 reads 0.0040."""
    if decimals is None and value is not None:
        usual = _usual_places(driver)
        places = value_places(value, usual)
        decimals = None if places == usual else places
    if driver.is_factor:
        text = style.ratio(value, 2 if decimals is None else decimals)
        return text if value is None else f"{text}×"
    unit = driver.unit
    if unit == "rate":
        return style.percent(value, 2 if decimals is None else decimals - 2)
    if unit == "small_count":
        # Posts and orders are a handful and may be fractional; users and impressions are large counts.
        return style.ratio(value, 2 if decimals is None else decimals)
    if unit == "count":
        return style.count(value, 0 if decimals is None else decimals)
    return style.money(value, 2 if decimals is None else decimals)


def bound_value(driver: Driver, value: float | None, style: NumberStyle, up: bool, held: Collection[float] = ()) -> str:
    """``driver_value`` of a limit (a break-even, a max unit cost) rounded toward the side where it holds: ``up``
    where the threshold is met above it (a price, a volume), down where it is met below (a cost). Half away from zero
    would show a break-even price of 16.4217 as 16.42, where the ROI is -0.01% (docs/formulas.md §10). The digit just
    past it is shown where it is ``held``: a run there met the threshold (whatif/shown_limits.py). A limit that would
    read 0 at those places takes its first significant digits instead (model/rounding.py ``limit_places``)."""
    if value is None or not math.isfinite(value):
        return driver_value(driver, value, style)
    amount_or_count = not driver.is_factor and driver.unit in ("money", "count")
    usual = _usual_places(driver)
    places = limit_places(value, usual, up)
    if places == usual and amount_or_count:
        # Money and counts by the last digit shown, in 万 and 亿 too.
        return driver_value(driver, style.toward(value, usual, up, held), style)
    return driver_value(driver, rounded_toward(value, places, up, held), style, None if places == usual else places)


def signed(name: str, change: float | None, style: NumberStyle) -> str:
    """A change in figure ``name``: percentage points for ROI/IRR, else the figure's own unit.
    No change to tell (a side without the figure) is a dash: the figure's own none text ("no single
    IRR") describes a value, not a difference."""
    if change is None:
        return NONE
    if unit_of(name) == "percent":
        return style.points(change)
    if unit_of(name) == "month":
        return style.month_change(change)
    return signed_change(style.figure(name, change), change)


def signed_in(change: float | None, unit: str, style: NumberStyle) -> str:
    """A change of an amount in a compact ``unit`` (NumberStyle.compact_unit)."""
    if change is None:
        return style.in_unit(None, unit)
    return signed_change(style.in_unit(change, unit), change)


