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
