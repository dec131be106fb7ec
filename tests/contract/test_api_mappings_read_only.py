"""Every mapping the library hands back refuses a write (README, "Results are read-only values"), at any depth.

QA: ``api.run``'s figures refused ``r.figures["npv"] = 0``, but a Simulation's figures, probabilities and
variance_shares, a break-even row's jumps, an allocation's splits, a check's figures, were plain dicts:
``sim.probabilities["roi_positive"] = 1.0`` went through silently, and every later presenter or comparison of the
object read 1.0 beside draws that say otherwise. A plan (``LoadedScenario``) a result holds is the caller's as given."""

from __future__ import annotations

import copy
import dataclasses
import json
import pickle
import warnings
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest

from aigc_roi import api

ROOT = Path(__file__).resolve().parents[2]
GATED = ROOT / "scenarios" / "creators-first-gated.yaml"
CPA = ROOT / "scenarios" / "chat-assistant-cpa.yaml"
STARTER = ROOT / "scenarios" / "starter.yaml"
EXPORT = ROOT / "examples" / "actuals" / "bilibili.csv"
MAPS = [("Bilibili CPA (registered user)", "bili_*")]


def mappings(value: object, seen: set[int] | None = None) -> Iterator[Mapping[object, object]]:
    """Every mapping in ``value``: in a dataclass's fields, a mapping's values, a tuple's or list's items; not inside
    a plan (the caller's ``LoadedScenario``)."""
    seen = set() if seen is None else seen
    if id(value) in seen or isinstance(value, str | bytes | int | float | type(None)):
        return
    seen.add(id(value))
    from aigc_roi.reader.load import LoadedScenario

    if isinstance(value, LoadedScenario):
        return
    if isinstance(value, Mapping):
        yield value
        for key in list(value):
            yield from mappings(value[key], seen)
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            yield from mappings(getattr(value, field.name), seen)
    elif isinstance(value, tuple | list):
        for item in value:
            yield from mappings(item, seen)


def _actuals() -> api.Actuals:
    return api.actuals(api.load(CPA), EXPORT, MAPS, samples=100)


CALLS: dict[str, tuple[Callable[[], object], bool]] = {
    # name: (the call, whether what it returns holds a mapping for this plan)
    "run": (lambda: api.run(api.load(GATED)), True),
    "simulate": (lambda: api.simulate(api.load(GATED), samples=50), True),
    "compare": (lambda: api.compare([(None, "a", api.load(GATED)), (None, "b", api.load(CPA))], samples=50), True),
    "break_even": (lambda: api.break_even(api.load(CPA)), True),
    "sensitivity": (lambda: api.sensitivity(api.load(CPA)), False),
    "sensitivity_grid": (lambda: api.sensitivity_grid(api.load(CPA), "acquisition[0].bid", "acquisition[1].bid"), False),
    "allocate": (lambda: api.allocate(api.load(CPA), 340_000), True),
    "explain_change": (lambda: api.explain_change(STARTER, CPA), True),
    "check": (lambda: api.check(CPA, samples=50), True),
    "check_run": (lambda: api.check_run(CPA, samples=50, jobs=1), True),
    "curves": (lambda: api.curves(api.load(CPA)), False),
    "inputs": (lambda: api.inputs(api.load_plan(CPA)), False),
    "plan_facts": (lambda: api.plan_facts(api.load_plan(CPA), samples=50), True),
    "actuals": (_actuals, True),
    "reforecast": (lambda: api.reforecast(api.load_plan(CPA), _actuals(), "# h", samples=100), False),
}


@pytest.mark.parametrize("call, holds", CALLS.values(), ids=CALLS)
def test_every_mapping_handed_back_refuses_a_write(call: Callable[[], object], holds: bool) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", api.ScenarioWarning)
        found = list(mappings(call()))
    assert bool(found) is holds
    for mapping in found:
        before = dict(mapping)
        key = next(iter(mapping), "npv")
        with pytest.raises(TypeError):
            mapping[key] = 0  # type: ignore[index]
        with pytest.raises(TypeError):
            del mapping[key]  # type: ignore[attr-defined]
        assert dict(mapping) == before


def test_a_simulations_mappings_refuse_every_write_and_a_copy_is_the_callers() -> None:
    simulation = api.simulate(api.load(GATED), samples=50)
    chance = simulation.probabilities["roi_positive"]
    shares = simulation.variance_shares
    writes: list[Callable[[], object]] = [
        lambda: simulation.probabilities.update(roi_positive=1.0), lambda: simulation.probabilities.pop("roi_positive"),
        lambda: simulation.probabilities.setdefault("new", 1.0), lambda: simulation.probabilities.popitem(),
        lambda: simulation.figures.clear(), lambda: shares[next(iter(shares))].clear()]
    for write in writes:
        with pytest.raises(TypeError):
            write()
    assert simulation.probabilities["roi_positive"] == chance
    mine = dict(simulation.probabilities)  # the caller's copy to write into
    mine["roi_positive"] = 2.0
    assert simulation.probabilities["roi_positive"] == chance
    # It writes as JSON as a dict does, and pickles and copies as a value that still refuses a write.
    assert json.loads(json.dumps(simulation.probabilities)) == json.loads(json.dumps(mine | {"roi_positive": chance}))
    for again in (pickle.loads(pickle.dumps(simulation)), copy.deepcopy(simulation), copy.copy(simulation)):
        assert again.probabilities == simulation.probabilities
        with pytest.raises(TypeError):
            again.probabilities["roi_positive"] = 1.0  # type: ignore[index]
