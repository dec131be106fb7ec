"""Trees of one file read with changes share the parses of the list items off the changed paths (reader/fields.py
``parse_item``): each tree still reads as it reads alone, errors and warnings included."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.reader.kinds import ReusedParses
from aigc_roi.reader.load import build, read_tree
from aigc_roi.reader.overrides import apply_overrides, parse_overrides
from aigc_roi.reader.yamltree import Node, parse

PLAN = """\
name: Reused
horizon_months: 36
acquisition:
  - {name: Feed, type: cpa, bid: {by_month: {1: 10, 30: 14}}, budget: 20000}
  - {name: Creators, type: cpa, bid: 9..12, budget: 15000}
  - {name: Search, type: cpa, bid: 11, budget: 5%}
retention: {points: {1: 0.4, 6: 0.2}}
monetization:
  plans:
    - {name: Pro, price: 30, period: month, conversion: 4%, renewal: 0.7}
    - {name: Max, price: 90, period: month, conversion: 1%, renewal: 0.8}
"""

SETTINGS = ("acquisition[1].bid", "acquisition[1].budget", "monetization.plans[0].price",
            "monetization.plans[1].conversion", "horizon_months")


def _base() -> Node:
    tree, errors = parse(PLAN, "plan.yaml")
    assert tree is not None and not errors
    return tree


def _tree_with(*sets: str) -> Node:
    return apply_overrides(_base(), parse_overrides(sets))


def test_an_item_is_read_again_under_another_horizon() -> None:
    """Feed's bid moves until month 30: valid over 36 months, refused over 24, even after a tree of 36 was read."""
    reused: ReusedParses = {}
    base = _base()
    build(base, "plan.yaml", reused)
    with pytest.raises(ScenarioInvalid) as refused:
        build(apply_overrides(base, parse_overrides(("horizon_months=24",))), "plan.yaml", reused)
    assert any(error.path.startswith("acquisition[0].bid") for error in refused.value.errors)


def test_a_warned_item_warns_in_every_tree() -> None:
    """Search's budget of 5% draws the percent-on-an-amount warning in each tree, not only the first to read it."""
    reused: ReusedParses = {}
    base = _base()
    changed = apply_overrides(base, parse_overrides(("monetization.plans[0].price=35",)))
    told = [[warning.path for warning in read_tree(tree, "plan.yaml", reused=reused)[1]] for tree in (base, changed)]
    assert told[0] == told[1]
    assert "acquisition[2].budget" in told[0]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(SETTINGS), st.integers(25, 60)), min_size=1, max_size=4))
def test_every_tree_reads_as_it_reads_alone(changes: list[tuple[str, int]]) -> None:
    reused: ReusedParses = {}
    for count in range(len(changes) + 1):
        sets = tuple(f"{path}={value}" for path, value in changes[:count])
        try:
            alone = build(_tree_with(*sets), "plan.yaml")
        except ScenarioInvalid as refused:
            with pytest.raises(ScenarioInvalid) as again:
                build(_tree_with(*sets), "plan.yaml", reused)
            assert again.value.errors == refused.errors
            continue
        assert build(_tree_with(*sets), "plan.yaml", reused) == alone
