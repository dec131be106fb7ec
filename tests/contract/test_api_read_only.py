"""Every numpy array the library hands back is read-only (README, "Results are read-only values"), set in place.

QA: a Result's months and figures, a Simulation's draws and per-sample figures were writeable: a write went through
and left the object disagreeing with itself (its npv array rewritten beside monthly series that sum to another)."""

from __future__ import annotations

import dataclasses
import json
import typing
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest

from aigc_roi import api

PLAN = Path(__file__).resolve().parents[2] / "scenarios" / "creators-first-gated.yaml"


def arrays(value: object, seen: set[int] | None = None) -> Iterator[np.ndarray]:
    """Every array in ``value``: in a dataclass's fields, a mapping's values (each monthly series, joined as read), a
    tuple's or list's items."""
    seen = set() if seen is None else seen
    if isinstance(value, np.ndarray):
        yield value
        return
    if id(value) in seen or isinstance(value, str | bytes | int | float | type(None)):
        return
    seen.add(id(value))
    if dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            yield from arrays(getattr(value, field.name), seen)
    elif hasattr(value, "keys"):
        for key in list(value.keys()):  # type: ignore[attr-defined]
            yield from arrays(value[key], seen)  # type: ignore[index]
    elif isinstance(value, tuple | list):
        for item in value:
            yield from arrays(item, seen)


CALLS: dict[str, Callable[[], object]] = {
    "run": lambda: api.run(api.load(PLAN)),
    "simulate": lambda: api.simulate(api.load(PLAN), samples=200),
    "compare": lambda: api.compare([(None, "plan", api.load(PLAN))], samples=200),
    "plan_facts": lambda: api.plan_facts(api.load_plan(PLAN), samples=200),
}


@pytest.mark.parametrize("call", CALLS.values(), ids=CALLS)
def test_every_array_handed_back_refuses_a_write(call: Callable[[], object]) -> None:
    found = list(arrays(call()))
    assert len(found) >= 10
    for array in found:
        assert not array.flags.writeable
        with pytest.raises(ValueError, match="read-only"):
            array[...] = 0


def test_a_results_computed_figures_refuse_a_write_and_a_copy_is_the_callers() -> None:
    result = api.run(api.load(PLAN))
    for write in (lambda: result.channel_roi.__setitem__((0, 0), 99.0),
                  lambda: result.channel_spend.__setitem__((0, 0), 0.0),
                  lambda: result.months["net_cash"].__setitem__((0, 0), 0.0),
                  lambda: result.figures["npv"].__setitem__(0, 0.0)):
        with pytest.raises(ValueError, match="read-only"):
            write()
    first = float(result.months["net_cash"][0, 0])
    copy = np.array(result.months["net_cash"])
    copy[0, 0] = first + 1.0
    assert result.months["net_cash"][0, 0] == first


def test_the_library_keeps_computing_with_read_only_results() -> None:
    """What takes a Result the library handed back (curves from run's) still computes."""
    scenario = api.load(PLAN)
    assert api.curves(scenario).horizon_months == scenario.horizon_months
    assert api.figures(scenario)["npv"] == pytest.approx(float(api.run(scenario).figures["npv"][0]))


MOVING_PRICE = """name: Price by month
acquisition: [{name: Feed, type: cpa, bid: 12, budget: 10000}]
retention: {monthly_churn: 0.3}
monetization: {purchases: [{name: Pack, price: {by_month: {1: 10, 6: 20}}, rate: 0.1}]}
"""
"""A plan whose price moves by month (its worth by join month is stored, not read off the values by age): its worth
was read-only where every other plan's was writeable."""


@pytest.mark.parametrize("moving", [False, True], ids=["values by age", "price by month"])
def test_the_arrays_a_result_builds_at_each_call_are_the_callers(tmp_path: Path, moving: bool) -> None:
    """README: channel_monthly_spend, channel_monthly_users, worth and cohort_table() are built anew at each call,
    writeable (README once said every array a Result hands back refuses a write): a write into one changes nothing the
    Result gives after it."""
    plan = tmp_path / "moving.yaml"
    plan.write_text(MOVING_PRICE, encoding="utf-8")
    result = api.run(api.load(plan if moving else PLAN))
    assert (result.stored_worth is not None) is moving
    built: dict[str, Callable[[], tuple[np.ndarray, ...]]] = {
        "channel_monthly_spend": lambda: (result.channel_monthly_spend,),
        "channel_monthly_users": lambda: (result.channel_monthly_users,),
        "worth": lambda: result.worth,
        "cohort_table": lambda: (result.cohort_table(),),
    }
    npv = float(result.figures["npv"][0])
    for name, call in built.items():
        befores = [array.copy() for array in call()]
        for array in call():
            assert array.flags.writeable, name
            array[...] = 12345.0
        assert all(np.array_equal(again, before, equal_nan=True) for again, before in zip(call(), befores, strict=True)), name
    assert float(result.figures["npv"][0]) == npv


def _nodes(value: object) -> Iterator[object]:
    """Every mapping and list of a JSON value, each as often as it stands in the tree."""
    if isinstance(value, dict | list):
        yield value
        for item in value.values() if isinstance(value, dict) else value:
            yield from _nodes(item)


def test_each_schema_is_a_value_of_its_own() -> None:
    """QA: api.schema() handed back pieces of the module's tables, shared by every call and by many places of one
    schema: an item appended to one schema's retention.oneOf was in the next call's too."""
    first = api.schema()
    pristine = json.loads(json.dumps(first))
    first["properties"]["retention"]["oneOf"].append({"x": 1})  # type: ignore[index]
    first["$defs"]["scalar"]["anyOf"].clear()  # type: ignore[index]
    assert api.schema() == pristine
    # Within one schema, no mapping or list stands in two places: a change at one place is at that place alone.
    nodes = list(_nodes(api.schema()))
    assert len({id(node) for node in nodes}) == len(nodes)


def test_a_results_irr_notes_refuse_a_write() -> None:
    """QA: Result.irr_none_reason was a kept list: ``r.irr_none_reason[0] = 'no_sign_change'`` went through, and
    irr_notes() then said the IRR was none beside an irr of 0.72."""
    result = api.run(api.load(PLAN))
    # The plan's net cash is negative first, positive later: one sign change, an investment's IRR.
    net_cash = np.asarray(result.months["net_cash"][0])
    assert net_cash[0] < 0 < net_cash[-1] and np.isfinite(result.figures["irr"][0])
    for notes in (result.irr_none_reason, result.irr_kind):
        assert isinstance(notes, tuple)
        with pytest.raises(TypeError):
            notes[0] = "no_sign_change"  # type: ignore[index]
    assert result.irr_notes() == {"irr_none_reason": None, "irr_kind": "investment"}
    hints = typing.get_type_hints(type(result).irr_none_reason.func)
    assert hints["return"] == tuple[str | None, ...]


def test_a_results_mappings_refuse_a_key_set_and_copy_as_values() -> None:
    """QA: ``result.figures["npv"] = 0`` went through silently (figures was a plain dict), and every later reader of
    the Result (presenters, compare) read 0; the rest of a Result refused a write."""
    import copy
    import pickle

    result = api.run(api.load(PLAN))
    npv = float(result.figures["npv"][0])
    assert npv == pytest.approx(api.figures(api.load(PLAN))["npv"])  # another run's, as computed before any write
    for mapping in (result.figures, result.group_series):
        with pytest.raises(TypeError):
            mapping["npv"] = 0  # type: ignore[index]
        with pytest.raises(TypeError):
            del mapping["npv"]  # type: ignore[attr-defined]
        # A dict still (json writes it), whose every other write refuses too.
        for write in ("update", "pop", "popitem", "setdefault", "clear", "__ior__"):
            with pytest.raises(TypeError):
                getattr(mapping, write)(*{"update": [{}], "pop": ["npv"], "setdefault": ["npv"], "__ior__": [{}]}.get(write, []))
    assert float(result.figures["npv"][0]) == npv
    mine = dict(result.figures)  # the caller's copy to write into
    mine["npv"] = 0
    assert float(result.figures["npv"][0]) == npv and len(mine) == len(result.figures)
    for again in (pickle.loads(pickle.dumps(result)), copy.deepcopy(result), copy.copy(result)):
        assert list(again.figures) == list(result.figures) and float(again.figures["npv"][0]) == npv
        with pytest.raises(TypeError):
            again.figures["npv"] = 0  # type: ignore[index]
