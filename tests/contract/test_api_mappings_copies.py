"""A copy of what the library hands back is the caller's to write into (README, "Results are read-only values").

QA: once every mapping a result holds was a ``FrozenMapping``, every copy built by calling its type was frozen too:
``dataclasses.asdict(simulation)["probabilities"]["note"] = "x"`` raised "refuses a write: write into a copy, dict(it)"
on the caller's own copy, ``yaml.safe_dump(dataclasses.asdict(result))`` raised ``RepresenterError`` (PyYAML's
SafeRepresenter finds dict by exact type) and ``FrozenMapping.fromkeys(keys)`` refused to be built; while
``m.__init__({...})`` rewrote a frozen mapping in place. Only the library freezes; pickles and copies stay frozen."""

from __future__ import annotations

import copy
import dataclasses
import pickle
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from aigc_roi import api
from aigc_roi.model.read_only import FrozenMapping

ROOT = Path(__file__).resolve().parents[2]
GATED = ROOT / "scenarios" / "creators-first-gated.yaml"
CPA = ROOT / "scenarios" / "chat-assistant-cpa.yaml"
STARTER = ROOT / "scenarios" / "starter.yaml"


def dicts(value: object) -> Iterator[dict[object, object]]:
    """Every dict in a plain tree of dicts, lists and tuples (what ``dataclasses.asdict`` builds)."""
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from dicts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from dicts(item)


def test_asdict_of_a_simulation_is_plain_writable_dicts_at_every_depth() -> None:
    simulation = api.simulate(api.load(GATED), samples=50)
    chance = simulation.probabilities["roi_positive"]
    copied = dataclasses.asdict(simulation)
    found = list(dicts(copied))
    # The result's own mappings: figures, probabilities, variance_shares and each figure's shares, inputs, ...
    assert len(found) > 10
    assert {type(mapping) for mapping in found} == {dict}
    copied["probabilities"]["note"] = "mine"
    copied["probabilities"]["roi_positive"] = 2.0
    figure, shares = next(iter(copied["variance_shares"].items()))
    shares["mine"] = 1.0
    percentiles = copied["figures"]["npv"]["percentiles"]
    percentiles[50.0] = 0.0
    # The copy is the caller's; the result is as it was, and still refuses a write.
    assert simulation.probabilities["roi_positive"] == chance
    assert "note" not in simulation.probabilities
    assert "mine" not in simulation.variance_shares[figure]
    with pytest.raises(TypeError):
        simulation.probabilities["note"] = "mine"  # type: ignore[assignment]
    with pytest.raises(TypeError):
        simulation.variance_shares[figure]["mine"] = 1.0  # type: ignore[index]


def test_asdict_of_a_result_without_arrays_writes_as_safe_yaml() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", api.ScenarioWarning)
        change = api.explain_change(STARTER, CPA)
        allocation = api.allocate(api.load(CPA), 340_000)
    assert isinstance(change.unexplained, FrozenMapping) and isinstance(allocation.constraints, FrozenMapping)
    read = yaml.safe_load(yaml.safe_dump(dataclasses.asdict(change)))
    assert set(read["unexplained"]) == set(change.unexplained)
    for name, value in change.unexplained.items():
        assert read["unexplained"][name] == pytest.approx(value, nan_ok=True)
    assert yaml.safe_load(yaml.safe_dump(dataclasses.asdict(allocation)))["budget"] == 340_000
    # A mapping handed back itself writes once made a plain dict, as any dict subclass for SafeDumper.
    simulation = api.simulate(api.load(GATED), samples=50)
    read = yaml.safe_load(yaml.safe_dump({"p": dict(simulation.probabilities)}))
    assert read["p"] == dict(simulation.probabilities)


def test_building_one_from_items_gives_a_plain_dict_and_only_the_library_freezes() -> None:
    frozen = api.run(api.load(GATED)).figures
    assert type(frozen) is FrozenMapping
    built = FrozenMapping.fromkeys(["a", "b"], 0)
    assert built == {"a": 0, "b": 0} and type(built) is dict
    built["c"] = 1
    for made in (FrozenMapping({"a": 1}), type(frozen)([("a", 1)]), FrozenMapping(a=1), frozen.copy(), dict(frozen)):
        assert type(made) is dict
        made["a"] = 2  # type: ignore[index]
    # __init__ would rewrite it in place: refused, the items as they were.
    before = dict(frozen)
    with pytest.raises(TypeError):
        frozen.__init__({"npv": 0})  # type: ignore[misc]
    assert dict(frozen) == before


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_pickles_and_copies_stay_frozen(protocol: int) -> None:
    frozen = api.run(api.load(GATED)).figures
    again = pickle.loads(pickle.dumps(frozen, protocol=protocol))
    for rebuilt in (again, copy.copy(frozen), copy.deepcopy(frozen)):
        assert type(rebuilt) is FrozenMapping and rebuilt.keys() == frozen.keys()
        with pytest.raises(TypeError):
            rebuilt["npv"] = 0  # type: ignore[assignment]
