"""How many samples a realized scenario holds (model/params.py ``_sample_count``), and where it cannot say."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest
from spec_example import WORKED_EXAMPLE

from aigc_roi.model.params import _sample_count
from aigc_roi.model.sampling import realize
from aigc_roi.model.scenario import ByMonth
from aigc_roi.model.tree import leaf_values, leaves
from aigc_roi.reader.load import load_path, load_text

PLAN = load_text(WORKED_EXAMPLE, "plan.yaml").scenario


def test_the_length_of_the_sample_arrays_or_one() -> None:
    assert _sample_count(PLAN) == 1
    channel = dataclasses.replace(PLAN.acquisition[0], bid=np.array([20.0, 21.0, 22.0]))
    moved = dataclasses.replace(PLAN, acquisition=(channel,), virality=np.array([0.1]))
    # A one-element array holds for every sample, like a plain number.
    assert _sample_count(moved) == 3
    # A month's value of a schedule counts too.
    by_month = dataclasses.replace(channel, bid=ByMonth(((1, np.array([1.0, 2.0, 3.0])), (3, 4.0))))
    assert _sample_count(dataclasses.replace(PLAN, acquisition=(by_month,))) == 3


def test_a_scenario_it_cannot_count_is_named_by_the_paths_that_disagree() -> None:
    channel = dataclasses.replace(PLAN.acquisition[0], bid=np.array([20.0, 21.0, 22.0]))
    plan = dataclasses.replace(PLAN.monetization.purchases[0], price=np.array([10.0, 11.0]))
    both = dataclasses.replace(PLAN, acquisition=(channel,),
                               monetization=dataclasses.replace(PLAN.monetization, purchases=(plan,)))
    with pytest.raises(ValueError, match=r"acquisition\[0\]\.bid has 3, monetization\.purchases\[0\]\.price has 2"):
        _sample_count(both)
    flat = dataclasses.replace(PLAN.acquisition[0], bid=np.ones((2, 2)))
    with pytest.raises(ValueError, match=r"acquisition\[0\]\.bid: expected a float or a 1-d array"):
        _sample_count(dataclasses.replace(PLAN, acquisition=(flat,)))
    ranged = load_text(WORKED_EXAMPLE.replace("bid: 20", "bid: 18..22"), "plan.yaml").scenario
    with pytest.raises(TypeError, match=r"acquisition\[0\]\.bid is still a Distribution"):
        _sample_count(ranged)


@pytest.mark.parametrize("path", sorted(Path(__file__).parents[2].glob("scenarios/*.yaml")), ids=lambda path: path.name)
def test_the_counting_walk_finds_every_leaf_the_named_walk_finds(path: Path) -> None:
    # Counting reads each node's fields through a getter of its own (tree._child_values), naming nothing:
    # the same leaves as the walk that names them, on every bundled scenario, ranges drawn.
    drawn = realize(load_path(path).scenario, 3, np.random.default_rng(0))
    named = [value for _, value in leaves(drawn)]
    assert sorted(map(id, leaf_values(drawn))) == sorted(map(id, named))
    assert _sample_count(drawn) == (3 if named else 1)
