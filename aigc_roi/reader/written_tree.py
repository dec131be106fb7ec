"""A ``Scenario`` as the tree of its file: what a scenario built or changed in code is read as (reader/in_code.py),
so that it is held to every rule a file is, each told in the reader's own words.

Each value is the node YAML gives for it written in a file: a real number (numpy's, a ``Decimal``, a ``Fraction``)
that number, a text that text, a range its ``{dist: ...}`` mapping, a value by month its ``{by_month: {...}}``, a dict
a mapping, and any sequence (a tuple, a list, a range, a numpy array) the list of its items, its pairs where a field
holds pairs the mapping the file writes (so ``start=[2025, 1]`` is ``2025-01`` and ``months=range(1, 4)`` is
``[1, 2, 3]``; an array of samples, which a field of one number refuses as a list); any other object a scalar of its
Python text, which no field reads as a number. A field left ``None`` is a key left out where None is its default,
anywhere else the file's ``null``. No node has a place in a file: each is at line 0, so an error is located by its
field path alone.
"""

from __future__ import annotations

import dataclasses
import math
import numbers
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from aigc_roi.model.arguments import is_real, is_time, real
from aigc_roi.model.channels import ChannelType
from aigc_roi.model.scenario import (
    Z90,
    ByMonth,
    Distribution,
    DropLimit,
    Milestone,
    Plan,
    RenewalObserved,
    RetentionChurn,
    RetentionDays,
    RetentionPoints,
    Scenario,
)
from aigc_roi.reader.kinds import BY_MONTH_KEY, DIST_KEYS
from aigc_roi.reader.numbers import RANGE_SEPARATOR
from aigc_roi.reader.yamltree import Entry, Node

FILE_KEYS = {"period_months": "period"}
"""A field the file names otherwise (``Plan.period_months`` is ``period:``)."""


def scenario_tree(scenario: Scenario) -> Node:
    """The tree of the file that writes ``scenario``."""
    return _node(scenario)


def _node(value: Any) -> Node:
    value = _one(value)
    if value is None or isinstance(value, str | bool) or is_real(value):
        return _scalar(value)
    if isinstance(value, Distribution):
        return _range(value)
    if isinstance(value, ByMonth):
        return _mapping({BY_MONTH_KEY: _keyed(value.points)})
    if isinstance(value, RetentionPoints):
        return _mapping({"points": _keyed(value.points)})
    if isinstance(value, RetentionDays):
        return _mapping({"days": _keyed(value.days)})
    if isinstance(value, RetentionChurn):
        return _mapping({"monthly_churn": _node(value.monthly_churn)})
    if isinstance(value, RenewalObserved):
        return _mapping({"observed": _node(value.observed)})
    if isinstance(value, Plan):
        return _fields(value, conversion=_keyed(value.conversion) if _items(value.conversion) is not None else None)
    if isinstance(value, Milestone):
        return _mapping({"month": _node(value.month), str(value.key): _node(value.value)})
    if isinstance(value, DropLimit):
        return _drop_limit(value)
    if isinstance(value, Scenario):
        return _fields(value, start=_start(value.start))
    if isinstance(value, ChannelType):
        # Its type: word, which says which keys it may have.
        return _fields(value, type=_scalar(getattr(type(value), "type", None)))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _fields(value)
    if isinstance(value, Mapping):
        return _mapping({str(key): _node(item) for key, item in value.items()})
    items = _items(value)
    if items is not None:
        return Node("seq", 0, 0, [_node(item) for item in items])
    return _scalar(value)


def _one(value: Any) -> Any:
    """A 0-d array (numpy's, which the reader does not import) as its one item, by its ``tolist``; anything else as it
    is. Not a time's (numpy's datetime64 or timedelta64, whose ``tolist`` of nanoseconds is an int): a time is no
    number; nor one whose ``tolist`` gives its own type back (numpy's long double or long complex, an object array
    holding itself), which is that item already."""
    if value is None or isinstance(value, str | bytes | bytearray | bool) or is_real(value) or is_time(value):
        return value
    as_list = getattr(value, "tolist", None)
    if not callable(as_list) or getattr(value, "shape", ()) != ():
        return value
    item = as_list()
    return value if isinstance(item, list) or type(item) is type(value) else _one(item)


def _items(value: Any) -> list[Any] | None:
    """The items of a sequence as the file lists them: a tuple's, a list's, a range's, an array's (numpy's, by its
    ``tolist``: a 2-d array its rows); None for anything else, a text, bytes and a 0-d array among them."""
    if isinstance(value, str | bytes | bytearray):
        return None
    if isinstance(value, Sequence):
        return list(value)
    as_list = getattr(value, "tolist", None)
    listed = as_list() if callable(as_list) else None
    return listed if isinstance(listed, list) else None


def _fields(value: Any, **written: Node | None) -> Node:
    """A dataclass's mapping: each field under its file key, ``written`` the nodes some are written as (and the
    ``type`` a channel has beside its fields, after its name). A field left None whose default is None (those typed
    ``X | None``: a fee, a target, ``ltv_months``) is its key left out; None in any other field is the file's
    ``null`` there, which the reader refuses as it refuses a file's (``virality: null``) or reads as a file's (an
    empty list), never the field's default."""
    entries: dict[str, Node] = {}
    for field in dataclasses.fields(value):
        given, node = getattr(value, field.name), written.get(field.name)
        if node is not None or given is not None or field.default is not None:
            entries[FILE_KEYS.get(field.name, field.name)] = node if node is not None else _node(given)
        if field.name == "name" and (kind := written.get("type")) is not None:
            entries["type"] = kind
    return _mapping(entries)


def _mapping(entries: dict[str, Node]) -> Node:
    return Node("map", 0, 0, {key: Entry(_text(key), node) for key, node in entries.items()})


def _keyed(pairs: Any) -> Node:
    """``((key, value), ...)``, any sequence of sequences of two, as the mapping ``{key: value}`` (ages, days, months).
    A key given twice is written with leading zeros (``1``, ``01``), the same number to the reader, which a read of
    code refuses as that key given twice (kinds.py ``Context.given_twice``); anything but pairs is the list it is,
    which no field of pairs takes."""
    items = _items(pairs)
    split = None if items is None else [_items(pair) for pair in items]
    if split is None or not all(pair is not None and len(pair) == 2 for pair in split):
        return _node(pairs)
    entries: dict[str, Node] = {}
    for key, value in split:  # type: ignore[misc]
        # A key is the number it holds, a 0-d array's too (``_one``), as its value is: written as given, array(1) was
        # refused as the text 'array(1)'.
        text = _scalar(_one(key)).raw
        while text in entries:
            text = "0" + text
        entries[text] = _node(value)
    return _mapping(entries)


def _range(dist: Distribution) -> Node:
    """A range as the file writes it: ``{dist: kind, ...}`` by its kind's keys. A normal range is written by its mean
    and sd (its 90% interval read back from them, to within a last digit); one the mean and sd cannot write (low <= 0,
    low > high, bounds that are no numbers) as ``low..high``, which the reader reads as normal or refuses. A ``mode``
    given to a kind that has none is written beside its keys, which the reader refuses as a file's ``mode:`` there
    (``unknown key 'mode'``); a normal range with one by its mean and sd whatever its bounds, to be refused so."""
    low, high, mode = (_one(bound) for bound in (dist.low, dist.high, dist.mode))
    low, high = (real(bound) if is_real(bound) else bound for bound in (low, high))
    stray = {} if mode is None or dist.kind == "triangular" else {"mode": _scalar(mode)}
    if dist.kind == "normal":
        if isinstance(low, float) and isinstance(high, float) and (0 < low <= high or stray):
            return _mapping({"dist": _text("normal"), "mean": _scalar((low + high) / 2),
                             "sd": _scalar((high - low) / (2 * Z90)), **stray})
        if not stray:
            return _text(f"{_scalar(low).raw}{RANGE_SEPARATOR}{_scalar(high).raw}")
    # A kind the format has not is written with a low and high, and refused at its dist:.
    keys = DIST_KEYS.get(dist.kind, ("low", "high")) if isinstance(dist.kind, str) else ("low", "high")
    # A triangular range's mode left None is its key left out (``missing required key 'mode'``).
    bounds = {"low": low, "high": high, "mode": mode}
    return _mapping({"dist": _scalar(dist.kind), **{key: _scalar(bounds.get(key)) for key in keys
                                                     if key != "mode" or mode is not None}, **stray})


def _drop_limit(limit: DropLimit) -> Node:
    """A share of the base's npv written in percent (the reader's sign of one), digit for digit and as a file writes
    it (``-10%``, never Decimal's ``-1E+1%``); one no file can write in percent (nan, inf) the float it is with its
    sign, as a file's ``.nan`` is shown; an amount as it is. A limit that is no number, or a ``relative`` that is no
    bool (None, "no"), is the limit as Python shows it (``DropLimit(limit=0.1, relative=None)``), which the field
    refuses: read by its truthiness, None ran as an amount of 0.1 and DropLimit("10%", False) as a share of 10%."""
    value, relative = _one(limit.limit), _one(limit.relative)
    if not isinstance(relative, bool) or not is_real(value):
        return _scalar(limit)
    if not relative:
        return _scalar(value)
    share = real(value)
    if not math.isfinite(share):
        return Node("scalar", 0, 0, share, raw=f"{share!r}%")
    return _text(f"{_decimal_text(Decimal(repr(share)).scaleb(2))}%")


def _decimal_text(number: Decimal) -> str:
    """``number`` as Python writes a float: its digits in full from 1e-4 up to 1e16, beyond them with an exponent
    (``1e+20``, ``1.5e-7``)."""
    if -4 <= number.adjusted() < 16:
        return format(number, "f")
    return format(number, "e").replace("E", "e")


def _start(start: Any) -> Node | None:
    """(year, month), any sequence of two whole numbers, as ``YYYY-MM``; anything else as it is (three numbers, a
    text), which ``start:`` refuses."""
    parts = _items(start)
    # Each part the number it holds, a 0-d array's too (``_one``): (np.array(2025), np.array(3)) was refused as a list.
    parts = None if parts is None else [_one(part) for part in parts]
    if parts is not None and len(parts) == 2 and all(_whole(part) for part in parts):
        return _text(f"{int(parts[0]):04d}-{int(parts[1]):02d}")
    return None if start is None else _node(start)


def _whole(value: Any) -> bool:
    return isinstance(value, numbers.Integral) and is_real(value)


def _text(text: str) -> Node:
    return Node("scalar", 0, 0, text, raw=text)


def _scalar(value: Any) -> Node:
    """A value as the scalar YAML gives for it: a whole number an int, any other number a float, a text, a boolean,
    nothing; any other object kept as it is, which no field reads as a number, written as Python shows it (so a field
    of any text, a name, reads that text, as a file's ``name: 123`` is the name "123")."""
    if value is None:
        return Node("scalar", 0, 0, None, raw="null")
    if isinstance(value, bool):
        return Node("scalar", 0, 0, value, raw="true" if value else "false")
    if isinstance(value, str):
        return _text(value)
    if _whole(value):
        return Node("scalar", 0, 0, int(value), raw=str(int(value)))
    if is_real(value):
        return Node("scalar", 0, 0, real(value), raw=repr(real(value)))
    return Node("scalar", 0, 0, value, raw=repr(value))
