"""A plan's sets written into its file's text (aigc_roi/reader/set_text.py): what api.reforecast rewrites, so that the
re-forecast of a plan loaded with sets holds them. Each text below is the file with the set's value written where
the set puts it, comments and layout kept."""

from __future__ import annotations

import pytest

from aigc_roi.reader.load import load_text
from aigc_roi.reader.overrides import parse_overrides
from aigc_roi.reader.set_text import with_sets

PLAN = """\
name: x   # the plan
retention: {monthly_churn: 0.5}
acquisition:
  - name: A   # main
    type: cpa
    bid:
      low: 10
      high: 15
    budget: 1000  # a month
targets: {max_cac: 30}
costs:
"""


def written(text: str, *sets: str) -> str:
    plan = load_text(text, "p.yaml", parse_overrides(sets))
    assert plan.file_tree is not None
    result = with_sets(plan.text, plan.file_tree, plan.tree)
    # What the sets wrote reads back as the plan they made.
    assert load_text(result, "p.yaml").scenario == plan.scenario
    return result


@pytest.mark.parametrize(("sets", "expected"), [
    # A value replaced where it stands, a block one by one line, its comment kept.
    (["acquisition[0].budget=\"2万\""], PLAN.replace("budget: 1000  #", "budget: \"2万\"  #")),
    (["acquisition[0].bid=12"], PLAN.replace("      low: 10\n      high: 15\n", "      12\n")),
    # A key a flow mapping lacks, before its brace; one a block mapping lacks, on a line after its last value.
    (["targets.min_roi=0.1"], PLAN.replace("{max_cac: 30}", "{max_cac: 30, min_roi: 0.1}")),
    (["acquisition[0].months=1-3"], PLAN.replace("  # a month\n", "  # a month\n    months: 1-3\n")),
    # A section left empty takes the set's mapping after its colon.
    (["costs.serving_per_active_user=0.2"], PLAN.replace("costs:\n", "costs: {serving_per_active_user: 0.2}\n")),
    (["organic_users=50", "discount_rate=0.1"], PLAN + "organic_users: 50\ndiscount_rate: 0.1\n"),
], ids=["scalar", "block", "flow key", "block key", "empty section", "keys of the file"])
def test_a_set_is_written_where_it_goes(sets: list[str], expected: str) -> None:
    assert written(PLAN, *sets) == expected


def test_keys_of_two_mappings_ending_on_one_line() -> None:
    # The channel's mapping and the file's end on the budget's line: the channel's key goes first, inside it.
    text = PLAN.split("targets:")[0]
    assert written(text, "organic_users=50", "acquisition[0].saturation_budget=5000") == (
        text + "    saturation_budget: 5000\norganic_users: 50\n")


def test_a_key_added_to_an_empty_flow_mapping() -> None:
    text = PLAN.replace("{max_cac: 30}", "{}")
    assert written(text, "targets.min_roi=0.1") == PLAN.replace("{max_cac: 30}", "{min_roi: 0.1}")


def test_a_key_added_after_a_file_without_a_last_line_break() -> None:
    text = PLAN.replace("costs:\n", "virality: 0.1")
    assert written(text, "organic_users=50") == text + "\norganic_users: 50\n"


def test_a_key_added_after_a_value_ending_in_a_flow_mapping() -> None:
    # The mapping's last value ends at its brace, lines below: the key goes after it, not inside it.
    text = "name: x\nretention:\n  monthly_churn: {low: 0.4,\n    high: 0.6}\n"
    assert written(text, "organic_users=50") == text + "organic_users: 50\n"
