"""Which warnings of a scenario the library has told (``api.ScenarioWarning``), so that each is told once, as Python's
own ``__warningregistry__`` tells a warning once at a line (README, "From Python").

A warning is told once it was shown: ``warnings.warn`` returned. Under ``simplefilter("error")`` it raises, and the
warning is not told: the next call given the scenario raises again, where it once ran silently at a discount rate of
500% a year. What was told is told under the filters then in force: once those that may apply to it change (``catch_warnings``,
``simplefilter``), as Python's registry forgets all it showed when they change, it is told again, so one hidden by
``"ignore"`` is shown once the filters show it.

Told of a scenario by what it reads as, not by the object: a copy (``dataclasses.replace(s)``, ``copy.deepcopy``,
``pickle``) of one told, or one given otherwise that reads the same (``5`` for ``5.0``), reads equal to it and is not
told again. Each warning by its field's path (and its place among the warnings at that path): a file's warning is
located in the file and the same warning of a copy at ``scenario:``, and a number in code is written as code writes it
(``5.0``), where the file wrote ``5``.
"""

from __future__ import annotations

import threading
import warnings as python_warnings
from collections import OrderedDict
from collections.abc import Callable, Iterable

from aigc_roi.model.errors import ScenarioError, ScenarioWarning
from aigc_roi.model.scenario import Scenario

MAX_TOLD = 1024
"""The scenarios whose told warnings are kept, the least recently told let go first (one let go is told again): a
scenario is held whole as its key, and a service reading many holds no more than these."""

_TOLD: OrderedDict[Scenario, dict[tuple[str, int], object]] = OrderedDict()
_LOCK = threading.Lock()


def tell(scenario: Scenario, warnings: Iterable[ScenarioError], warn: Callable[[ScenarioError], None],
         read: bool = False) -> None:
    """Each of ``warnings`` (those of ``scenario``, as its reading drew them) through ``warn`` unless it was told of a
    scenario equal to ``scenario`` under the filters now in force; told from when ``warn`` returns. Those of a file
    ``read`` now (``api.load``) are each told, as the CLI tells a file's at each command: a scenario alike
    read before from another file, or the same one since edited and set back, is another reading."""
    at_path: dict[str, int] = {}
    for warning in warnings:
        place = at_path[warning.path] = at_path.get(warning.path, -1) + 1
        key, filters = (warning.path, place), _filters(warning)
        with _LOCK:
            told = _told(scenario)
            if not read and told is not None and told.get(key) == filters:
                continue
        warn(warning)  # raises under "error", and the warning is not told
        with _LOCK:
            told = _told(scenario, create=True)
            if told is not None:
                told[key] = filters


def _told(scenario: Scenario, create: bool = False) -> dict[tuple[str, int], object] | None:
    try:
        told = _TOLD.get(scenario)
    except TypeError:  # a part no scenario the reader checked holds (a list): told at every call
        return None
    if told is None and create:
        told = _TOLD[scenario] = {}
        if len(_TOLD) > MAX_TOLD:
            _TOLD.popitem(last=False)
    elif told is not None:
        _TOLD.move_to_end(scenario)
    return told


def _filters(warning: ScenarioError) -> object:
    """The filters in force that may apply to ``warning`` (of its category, matching its text), by what they hold:
    Python's own count of their changes (``_filters_version``) is kept inside its C module, out of reach, and it
    counts filters no ``ScenarioWarning`` meets too (numpy's, added when it is first imported, which once told a
    scenario's warnings again at its first run). Filters changed and set back as they were show a warning as they
    did."""
    text = str(warning)
    # defaultaction is the module's, which typeshed leaves out.
    return getattr(python_warnings, "defaultaction", None), tuple(
        entry for entry in python_warnings.filters
        if issubclass(ScenarioWarning, entry[2]) and (entry[1] is None or entry[1].match(text)))
