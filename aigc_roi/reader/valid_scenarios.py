"""The scenarios known to keep every rule of the format: each one the reader built (reader/load.py) or found valid as
it was given (reader/in_code.py), so that a library call given it again reads it no second time.

Known by the object itself, not by what it holds: ``dataclasses.replace`` makes another object, which is read in its
turn. A scenario is frozen and a valid one holds no array, so what was found valid stays so.
"""

from __future__ import annotations

import weakref

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
