"""A library user's tools read the api's annotations (typing.get_type_hints: pydantic's validate_call, Typer wrappers,
sphinx, IDEs): every name of ``api.__all__`` has its hints, the types its functions take and return as their classes,
while ``import aigc_roi.api`` still loads neither numpy nor PyYAML (tests/contract/test_startup.py). The names its
annotations gave only the type checker were undefined there (NameError), and a Scenario's array type was text."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import sys, typing
import aigc_roi.api as api
print(sorted({"numpy", "yaml"} & set(sys.modules)))
hints, failing = {}, []
for name in api.__all__:
    try:
        hints[name] = typing.get_type_hints(getattr(api, name))
    except Exception as error:
        failing.append(f"{name}: {type(error).__name__}")
print(failing)
from aigc_roi.reader.load import LoadedScenario
from aigc_roi.whatif.simulate import Simulation
print(hints["simulate"]["return"] is Simulation, hints["reforecast"]["plan"] is LoadedScenario)
print(hints["actuals"]["through"])
print(hints["Scenario"]["discount_rate"])
"""


def test_every_public_name_has_its_type_hints_and_the_import_stays_light() -> None:
    """In a fresh interpreter: here the test session has imported every module already, and the api has kept the
    names it was asked for, which would hide a name its annotations cannot find."""
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.stdout.splitlines()[:2] == ["[]", "[]"], done.stdout + done.stderr
    _, _, classes, day, value = done.stdout.splitlines()
    assert (classes, day) == ("True True", "datetime.date | None")
    assert value.startswith("typing.Union[float, aigc_roi.model.scenario.Distribution, numpy.ndarray[")


WALK = """
import sys, typing
import aigc_roi.api as api
seen, todo, failing = set(), [], []

def reach(hint):
    # A class of the package, then whatever a generic or union names (tuple[Clipped, ...], Result | None).
    if isinstance(hint, type) and hint.__module__.startswith("aigc_roi.") and hint not in seen:
        seen.add(hint)
        todo.append(hint)
    for part in (typing.get_origin(hint), *typing.get_args(hint)):
        if part is not None:
            reach(part)

def hints(owner, name):
    try:
        return typing.get_type_hints(owner)
    except Exception as error:
        failing.append(f"{name}: {type(error).__name__}: {error}")
        return {}

for name in api.__all__:
    reach(getattr(api, name))
    for hint in hints(getattr(api, name), f"api.{name}").values():
        reach(hint)
while todo:
    kind = todo.pop()
    for hint in hints(kind, f"{kind.__module__}.{kind.__qualname__}").values():
        reach(hint)
    # Sphinx and an IDE read the methods' too.
    for attribute, member in vars(kind).items():
        function = member.fget if isinstance(member, property) else getattr(member, "__func__", member)
        if callable(function) and getattr(function, "__module__", "").startswith("aigc_roi."):
            hints(function, f"{kind.__qualname__}.{attribute}")
print(len(seen))
for line in failing:
    print(line)
"""


def test_every_class_the_api_takes_or_returns_has_its_type_hints() -> None:
    """pydantic's validate_call and sphinx walk on from a function's hints into the classes it names and their fields:
    every class of the package reachable that way resolves too, its fields and methods (a channel's ``months``, a
    result's ``FloatArray | None``, ``Checked.clipped``, ``PlanFacts.result``)."""
    done = subprocess.run([sys.executable, "-c", WALK], capture_output=True, text=True, cwd=ROOT, check=False)
    count, *failing = done.stdout.splitlines()
    assert done.returncode == 0 and not failing, done.stdout + done.stderr
    # Result, Checked, PlanFacts, the channel types and the scenario's parts among them: the walk went deep.
    assert int(count) > 60
