"""Every exception the package defines survives pickle and ``copy.deepcopy``: the same class, message and attributes.

QA: a ``ProcessPoolExecutor`` or joblib worker sends what it raised back by pickle, which rebuilds an exception as
``type(error)(*error.args)``: ``ScenarioInvalid`` and ``ValuesRefused`` came back with their message one character a
line (``args`` was the message, taken as the errors), ``UnknownDriver`` not at all (its ``available`` missing), which
broke the whole pool (BrokenProcessPool), and ``deepcopy`` failed alike. So did simulate's forked workers
(whatif/forked.py), which send what they raise the same way.
"""

from __future__ import annotations

import copy
import importlib
import pickle
import pkgutil
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

import aigc_roi
from aigc_roi import api
from aigc_roi.ci.errors import BaselineError, CiError, NoScenarioFiles
from aigc_roi.cli.files import UsageError, _Signalled
from aigc_roi.model.errors import ScenarioError, ScenarioInvalid, ScenarioWarning
from aigc_roi.model.month_value import NoOneRange
from aigc_roi.model.paths import AmbiguousName, NamesNothing, RefusedName
from aigc_roi.model.scenario import Distribution
from aigc_roi.present.labels import LabelDefinedTwice, UnknownLabel
from aigc_roi.reader.exports.cells import CellError
from aigc_roi.reader.exports.grain import PartError
from aigc_roi.reader.exports.sheet_xml import DamagedCell
from aigc_roi.reader.item_names import Refused, UnknownKeys
from aigc_roi.reader.numbers import NotANumber, NotFinite, ValueProblem
from aigc_roi.reader.overrides import Refusal, UnknownKey
from aigc_roi.reader.yamltree import _ParserTooDeep
from aigc_roi.whatif.allocate_result import (
    AllocationArgumentError,
    AllocationError,
    BoundsRefused,
    MustLock,
    NoDiminishingReturns,
)
from aigc_roi.whatif.change_samples import _Disagrees
from aigc_roi.whatif.drivers import AmbiguousDriver, UnknownDriver
from aigc_roi.whatif.errors import ArgumentError, ValuesRefused, WhatIfError
from aigc_roi.whatif.forked import WorkerEnded

PLAN = str(Path(__file__).resolve().parents[2] / "scenarios" / "chat-assistant-cpa.yaml")
LOCATED = [ScenarioError("plan.yaml", 12, 10, "acquisition[1].bid", "expected a number >= 0, found -5"),
           ScenarioError("plan.yaml", 0, 0, "", "1 more error in this file", omitted=1)]
UNPLACED = [ScenarioError("scenario", 0, 0, "acquisition[0].bid.by_month", "expected a value for month 4 (2025-04) "
                                                                           "that one number or range writes")]
DRIVERS = ["acquisition[0].bid", "acquisition[1].bid"]
CELL = CellError("a date", "'yesterday'")

EXCEPTIONS: list[BaseException] = [
    ScenarioInvalid(LOCATED), ScenarioWarning(LOCATED[0]), Refusal(LOCATED), UnknownKey(LOCATED[:1]), ValuesRefused(UNPLACED),
    WhatIfError("the plan has no start month"), ArgumentError("percentiles[0]", "expected a number from 0 to 100, found 101"),
    AllocationError("the minimums add up to 90,000, more than the budget 80,000"),
    AllocationArgumentError("minimums['Feed ads']", "expected an amount >= 0, found -1"),
    NoDiminishingReturns(["Feed ads"], 1.5),
    MustLock("Feed ads", "'Feed ads' has a unit cost of 0, so no budget form"),
    BoundsRefused(["the minimums add up to 5,000 in months 1-3, more than the budget 1,000",
                   "the minimums add up to 3,000 in months 4-6, more than the budget 1,000"]),
    UnknownDriver("acquisition[0].bd", DRIVERS, "acquisition[0].bid"), UnknownDriver("roi", DRIVERS),
    UnknownDriver("acquisition[2].bid", DRIVERS, "acquisition[0].bid", ["acquisition[1].bid"]),
    AmbiguousDriver("'Pro' names 2 items: write the one meant, acquisition[0] or monetization.plans[0]"),
    WorkerEnded(4242, 9, None), WorkerEnded(4243, None, 1), WorkerEnded(4244, 9, None, "check"),
    RefusedName("'x' names nothing"), NamesNothing("no key 'bd'; did you mean 'bid'?"),
    AmbiguousName("Pro", ["acquisition[0]", "monetization.plans[0]"]),
    NoOneRange(4, (1, Distribution("triangular", 1.0, 3.0, 2.0)), (7, Distribution("lognormal", 2.0, 8.0))),
    ValueProblem("a number", "write 5"), NotFinite("a number no larger than 1e15"), NotANumber("a number"),
    Refused("'Pro' names 2 items"), UnknownKeys("no key 'bd'"),
    UnknownLabel("no_such_label"), LabelDefinedTwice("'figure' is defined in two catalogues"),
    CELL, PartError(3, CELL), DamagedCell(2, 4, '<row r="inf">'),
    CiError("cannot check"), NoScenarioFiles("paths: expected at least one file or folder, found none"),
    BaselineError("--base: unknown git revision nope"),
    _ParserTooDeep(), _Disagrees(), UsageError("--output: named twice"), _Signalled(15),
]


def _name(error: BaseException) -> str:
    return type(error).__name__


def _defined() -> set[type[BaseException]]:
    """Every exception class of the package's modules (``__main__`` runs the CLI, so it is left out)."""
    for module in pkgutil.walk_packages(aigc_roi.__path__, "aigc_roi."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    found: set[type[BaseException]] = set()
    unseen = [BaseException]
    while unseen:
        for subclass in unseen.pop().__subclasses__():
            if subclass not in found:
                found.add(subclass)
                unseen.append(subclass)
    return {kind for kind in found if kind.__module__.split(".")[0] == "aigc_roi"}


def test_every_exception_class_is_tried() -> None:
    assert _defined() == {type(error) for error in EXCEPTIONS}


@pytest.mark.parametrize("carry", [lambda error: pickle.loads(pickle.dumps(error)), copy.deepcopy, copy.copy],
                         ids=["pickle", "deepcopy", "copy"])
@pytest.mark.parametrize("error", EXCEPTIONS, ids=[_name(error) for error in EXCEPTIONS])
def test_an_exception_comes_back_the_same(error: BaseException, carry: Callable[[BaseException], BaseException]) -> None:
    carried = carry(error)
    assert type(carried) is type(error)
    assert str(carried) == str(error)
    assert vars(carried) == vars(error)
    assert repr(carried.args) == repr(error.args)  # an exception in them (PartError's) equals only itself


def test_the_messages_are_as_written() -> None:
    """The messages the classes whose ``args`` changed word, hand-written: what a caller reads did not move."""
    assert str(ScenarioInvalid(LOCATED)) == ("plan.yaml:12:10: acquisition[1].bid: expected a number >= 0, found -5\n"
                                             "plan.yaml: 1 more error in this file")
    assert str(ValuesRefused(UNPLACED)) == ("scenario: acquisition[0].bid.by_month: expected a value for month 4 "
                                            "(2025-04) that one number or range writes")
    assert str(UnknownDriver("acquisition[0].bd", DRIVERS, "acquisition[0].bid")) == \
        "'acquisition[0].bd' is not a driver; did you mean 'acquisition[0].bid'?"
    assert str(UnknownDriver("acquisition[2].bid", DRIVERS, "acquisition[0].bid", ["acquisition[1].bid"])) == \
        "'acquisition[2].bid' is not a driver; did you mean 'acquisition[0].bid' or 'acquisition[1].bid'?"
    assert str(UnknownDriver("roi", DRIVERS)) == \
        "'roi' is not a driver; the drivers are: acquisition[0].bid, acquisition[1].bid"
    assert str(UnknownDriver("roi", [])) == "'roi' is not a driver; the drivers are: none"
    assert str(WorkerEnded(4243, None, 1)) == "worker process 4243 ended before its samples were done (exit status 1)"
    assert str(AmbiguousName("Pro", ["acquisition[0]", "monetization.plans[0]"])) == \
        "'Pro' names 2 items: write the one meant, acquisition[0] or monetization.plans[0]"
    assert str(CELL) == "expected a date, found 'yesterday'"
    assert (str(PartError(3, CELL)), PartError(3, CELL).index) == ("expected a date, found 'yesterday'", 3)


def _npv(bid: int) -> object:
    return api.figures(api.load(PLAN, sets=[f"acquisition[1].bid={bid}"]))["npv"]


def _grid(path: str) -> object:
    return api.sensitivity_grid(api.load(PLAN), path, "acquisition[1].bid")


def test_a_process_pool_hands_back_what_a_worker_raised() -> None:
    with ProcessPoolExecutor(2) as pool:
        found = [pool.submit(_npv, -5), pool.submit(_grid, "acquisition[0].bd")]
        with pytest.raises(api.ScenarioInvalid) as invalid:
            found[0].result()
        with pytest.raises(api.UnknownDriver) as unknown:
            found[1].result()
    (error,) = invalid.value.errors
    assert (error.file, error.path) == ("sets[0]", "acquisition[1].bid")
    assert "\n" not in str(invalid.value) and str(invalid.value) == str(error)
    assert str(unknown.value) == "'acquisition[0].bd' is not a driver; did you mean 'acquisition[Bilibili CPA (registered user)].bid'?"
    assert (unknown.value.path, unknown.value.meant) == ("acquisition[0].bd", "acquisition[Bilibili CPA (registered user)].bid")
