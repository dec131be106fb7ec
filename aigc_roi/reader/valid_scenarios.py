"""The scenarios known to keep every rule of the format: each one the reader built (reader/load.py) or found valid as
it was given (reader/in_code.py), so that a library call given it again reads it no second time.

Known by the object itself, not by what it holds: ``dataclasses.replace`` makes another object, which is read in its
turn. A scenario is frozen and a valid one holds no array, so what was found valid stays so.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

from aigc_roi.model.errors import ScenarioError
from aigc_roi.model.scenario import Scenario

_VALID: weakref.WeakValueDictionary[int, Scenario] = weakref.WeakValueDictionary()
"""By ``id``, each held only while something else holds it: a scenario let go frees its id for another object,
which ``known`` then tells from it by identity."""


def remember(scenario: Scenario) -> Scenario:
    """``scenario``, known valid from now on."""
    _VALID[id(scenario)] = scenario
    return scenario


def known(scenario: Scenario) -> bool:
    """Whether ``scenario`` itself is one the reader built or found valid."""
    return _VALID.get(id(scenario)) is scenario


_TOLD: dict[int, tuple[weakref.ref[Scenario], frozenset[ScenarioError]]] = {}
"""By ``id``, the warnings told of each scenario given in code, while it lives: one the reader reads otherwise (an
``int`` 5 for the float 5.0, a list for a tuple) is not known valid, for its lists may change, and is read at every
call; its warnings are told once all the same."""


def untold(scenario: Scenario, warnings: tuple[ScenarioError, ...]) -> tuple[ScenarioError, ...]:
    """Those of ``warnings`` not told of ``scenario`` itself before, told from now on."""
    key = id(scenario)
    entry = _TOLD.get(key)
    before = entry[1] if entry is not None and entry[0]() is scenario else frozenset()
    fresh = tuple(warning for warning in warnings if warning not in before)
    if fresh:
        # The entry goes with the scenario (the callback runs before its id can be another object's).
        _TOLD[key] = (weakref.ref(scenario, _forget(key)), before | set(fresh))
    return fresh


def _forget(key: int) -> Callable[[weakref.ref[Scenario]], None]:
    def forget(_: weakref.ref[Scenario]) -> None:
        _TOLD.pop(key, None)

    return forget
