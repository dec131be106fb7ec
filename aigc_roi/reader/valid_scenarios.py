"""The scenarios known to keep every rule of the format: each one the reader built (reader/load.py) or found valid as
it was given (reader/in_code.py), so that a library call given it again reads it no second time, with the warnings
its reading drew, which the library tells until they were shown (reader/told_warnings.py).

Known by the object itself, not by what it holds: ``dataclasses.replace`` makes another object, which is read in its
turn. A scenario is frozen and a valid one holds no array, so what was found valid stays so.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

from aigc_roi.model.errors import ScenarioError
from aigc_roi.model.scenario import Scenario

_VALID: dict[int, tuple[weakref.ref[Scenario], tuple[ScenarioError, ...]]] = {}
"""By ``id``, each with its warnings, held only while something else holds it: a scenario let go frees its id for
another object, and its entry goes with it (the callback runs before the id can be another object's)."""


def remember(scenario: Scenario, warnings: tuple[ScenarioError, ...] = ()) -> Scenario:
    """``scenario``, known valid from now on, with the ``warnings`` a call given it tells (none for one the reader
    built, whose warnings are told with what read it: ``api.load``, ``load_plan``'s ``.warnings``)."""
    key = id(scenario)
    _VALID[key] = (weakref.ref(scenario, _forget(key)), warnings)
    return scenario


def known(scenario: Scenario) -> tuple[ScenarioError, ...] | None:
    """The warnings of ``scenario`` if it is itself one the reader built or found valid; None otherwise."""
    entry = _VALID.get(id(scenario))
    return entry[1] if entry is not None and entry[0]() is scenario else None


def _forget(key: int) -> Callable[[weakref.ref[Scenario]], None]:
    def forget(gone: weakref.ref[Scenario]) -> None:
        entry = _VALID.get(key)
        if entry is not None and entry[0] is gone:
            del _VALID[key]

    return forget
