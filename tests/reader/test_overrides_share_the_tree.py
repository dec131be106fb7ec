"""``apply_overrides``: a file's tree with --set values, the original left as read (ci/changes.py builds thousands)."""

from __future__ import annotations

import pickle

import pytest

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.reader.load import build, load_text
from aigc_roi.reader.overrides import apply_overrides, parse_override

PLAN = """\
name: Two channels
horizon_months: 3
acquisition:
  - {name: A, type: cpa, bid: 10, users: 100}
  - {name: B, type: cpa, bid: 12, users: 100}
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: item, price: 30, rate: 1}]
"""


def test_the_copy_has_the_values_set_and_the_original_is_left_as_read() -> None:
    loaded = load_text(PLAN, "plan.yaml")
    as_read = pickle.dumps(loaded.tree)
    sets = (parse_override("acquisition[B].bid=20"), parse_override("monetization.purchases[0].price=25"),
            parse_override("discount_rate=0.1"))
    scenario = build(apply_overrides(loaded.tree, sets), loaded.path)
    assert (scenario.acquisition[1].bid, scenario.monetization.purchases[0].price, scenario.discount_rate) == (20, 25, 0.1)
    assert scenario.acquisition[0].bid == 10
    assert pickle.dumps(loaded.tree) == as_read
    # What no override writes through is shared, not copied.
    copied = apply_overrides(loaded.tree, sets[:1])
    assert copied.value["retention"].value is loaded.tree.value["retention"].value
    assert copied.value["acquisition"].value.value[0] is loaded.tree.value["acquisition"].value.value[0]


def test_a_bad_path_is_the_same_error_as_on_the_file_itself() -> None:
    loaded = load_text(PLAN, "plan.yaml")
    with pytest.raises(ScenarioInvalid, match="no item named 'C'"):
        apply_overrides(loaded.tree, (parse_override("acquisition[C].bid=20"),))
