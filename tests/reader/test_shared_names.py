"""A name two items of one list share (reader/shared_names.py, docs/formulas.md §12): valid, as spec 1.1 allows it,
with a warning at the second name; a gate naming it is refused, as --set is.

QA: two channels named x were accepted silently, then break-even printed two identical ``x bid`` rows, a gate's
``channels: [x]`` took both, ``--set x.bid=5`` refused x as ambiguous and allocate refused the file only when asked
to split. Refusing the file instead (f60f62e) made valid 1.1 files invalid.
"""

from __future__ import annotations

import pytest

from aigc_roi.ci.rules import rule_of, warning_rule_of
from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.load import load_text
from aigc_roi.reader.overrides import parse_override

PLAN = """\
name: Names
horizon_months: 3
acquisition:
  - {name: x, type: cpa, bid: 20, users: 1000}
  - {name: y, type: cpa, bid: 30, users: 500}
retention: {monthly_churn: 0.5}
monetization:
  plans:
    - {name: Pro, price: 30, period: month, conversion: 0.05, renewal: 0.7}
    - {name: Max, price: 60, period: month, conversion: 0.01, renewal: 0.7}
  purchases: [{name: item, price: 10, rate: 1}, {name: pack, price: 5, rate: 0.5}]
  orders: [{name: B2B, price: 1000, count: 1}, {name: B2C, price: 500, count: 2}]
costs:
  fixed: [{name: Rent, monthly: 100}, {name: Tools, monthly: 50}]
"""
CHANNELS = "a gate, --set, actuals --map or allocate --lock"
OTHERS = "--set, --grid or --variant"


def _warnings(text: str, *sets: str) -> list[str]:
    loaded = load_text(text, "s.yaml", tuple(parse_override(option) for option in sets))
    return [str(warning) for warning in loaded.warnings]


def _errors(text: str) -> list[str]:
    with pytest.raises(ScenarioInvalid) as caught:
        load_text(text, "s.yaml")
    return [str(error) for error in caught.value.errors]


def test_items_of_their_own_names_draw_no_warning() -> None:
    assert _warnings(PLAN) == []


@pytest.mark.parametrize(("second", "first", "said"), [
    ("{name: y,", "{name: x,", f"s.yaml:5:12: acquisition[1].name: 'x' is also acquisition[0]'s name (line 4); "
                               f"{CHANNELS} naming 'x' cannot tell them apart"),
    ("{name: Max,", "{name: Pro,", "s.yaml:10:14: monetization.plans[1].name: 'Pro' is also monetization.plans[0]'s "
                                   f"name (line 9); {OTHERS} naming 'Pro' cannot tell them apart"),
    ("{name: pack,", "{name: item,", "s.yaml:11:56: monetization.purchases[1].name: 'item' is also "
                                     f"monetization.purchases[0]'s name (line 11); {OTHERS} naming 'item' cannot tell "
                                     "them apart"),
    ("{name: B2C,", "{name: B2B,", "s.yaml:12:55: monetization.orders[1].name: 'B2B' is also monetization.orders[0]'s "
                                   f"name (line 12); {OTHERS} naming 'B2B' cannot tell them apart"),
    ("{name: Tools,", "{name: Rent,", "s.yaml:14:46: costs.fixed[1].name: 'Rent' is also costs.fixed[0]'s name "
                                      f"(line 14); {OTHERS} naming 'Rent' cannot tell them apart"),
])
def test_a_name_an_earlier_item_of_its_list_has_is_valid_and_warned_at_it(second: str, first: str, said: str) -> None:
    text = PLAN.replace(second, first)
    loaded = load_text(text, "s.yaml")
    assert [str(warning) for warning in loaded.warnings] == [said]
    assert warning_rule_of(loaded.warnings[0]) == "shared-name"


def test_the_file_runs_as_written() -> None:
    """Both channels named x are read, each with its own values: nothing is merged or dropped."""
    loaded = load_text(PLAN.replace("{name: y,", "{name: x,"), "s.yaml")
    assert [(channel.name, channel.bid) for channel in loaded.scenario.acquisition] == [("x", 20), ("x", 30)]


def test_each_later_item_is_warned_naming_the_first() -> None:
    text = PLAN.replace("{name: y,", "{name: x,").replace("users: 500}", "users: 500}\n  - {name: x, type: cpa, bid: 5, "
                                                                         "users: 10}")
    assert [warning.split(": ", 2)[1:] for warning in _warnings(text)] == [
        ["acquisition[1].name", f"'x' is also acquisition[0]'s name (line 4); {CHANNELS} naming 'x' cannot tell them apart"],
        ["acquisition[2].name", f"'x' is also acquisition[0]'s name (line 4); {CHANNELS} naming 'x' cannot tell them apart"]]


def test_a_name_is_compared_as_outputs_show_it() -> None:
    # Outer spaces are no part of a name; case is.
    assert _warnings(PLAN.replace("{name: y,", '{name: " x ",'))[0].startswith("s.yaml:5:12: acquisition[1].name: 'x' ")
    assert _warnings(PLAN.replace("{name: y,", "{name: X,")) == []


def test_two_lists_may_share_a_name() -> None:
    assert _warnings(PLAN.replace("{name: item,", "{name: Pro,").replace("{name: Rent,", "{name: x,")) == []


def test_warnings_keep_the_files_order() -> None:
    """A discount rate above 100% a year at line 3 before the shared name at line 6, a plan's at line 12 after."""
    text = (PLAN.replace("horizon_months: 3\n", "horizon_months: 3\ndiscount_rate: 5\n")
            .replace("{name: y,", "{name: x,").replace("{name: Max,", "{name: Pro,"))
    assert [warning.split(": ")[0] for warning in _warnings(text)] == ["s.yaml:3:16", "s.yaml:6:12", "s.yaml:11:14"]


def test_a_set_that_makes_a_name_twice_is_warned_at_the_option() -> None:
    assert _warnings(PLAN, "acquisition[1].name=x") == [
        f"--set acquisition[1].name=x:1:1: acquisition[1].name: 'x' is also acquisition[0]'s name; {CHANNELS} naming "
        "'x' cannot tell them apart (with the file at s.yaml:4:12)"]


GATED = PLAN.replace("{name: y,", "{name: x,") + "gates:\n  - {name: G, after_month: 1, channels: [x], min_roas: 1}\n"


def test_a_gate_naming_a_shared_name_is_refused_at_it() -> None:
    """It took both channels: a test is of the channels meant, which the name cannot say."""
    errors = _errors(GATED)
    assert errors == ["s.yaml:16:42: gates[0].channels[0]: 'x' names 2 channels, acquisition[0] and acquisition[1]: "
                      "a gate cannot tell them apart; give each its own name"]
    then = PLAN.replace("users: 500}", "users: 500}\n  - {name: x, type: cpa, bid: 5, users: 10}")
    then += "gates:\n  - {name: G, after_month: 1, channels: [y], min_roas: 1, then: [x]}\n"
    assert _errors(then) == ["s.yaml:17:66: gates[0].then[0]: 'x' names 2 channels, acquisition[0] and acquisition[2]: "
                             "a gate cannot tell them apart; give each its own name"]


def test_the_gates_refusal_has_its_rule_and_chinese() -> None:
    with pytest.raises(ScenarioInvalid) as caught:
        load_text(GATED, "s.yaml")
    error = caught.value.errors[0]
    assert rule_of(error) == "shared-name"
    assert translate(error.message) == ("'x' 是 2 个渠道的名称（acquisition[0]、acquisition[1]）：闸门无法区分它们；"
                                        "请给每个渠道起不同的名称")


def test_the_warning_in_chinese() -> None:
    loaded = load_text(PLAN.replace("{name: y,", "{name: x,").replace("{name: Max,", "{name: Pro,"), "s.yaml")
    assert [translate(warning.message) for warning in loaded.warnings] == [
        "'x' 也是 acquisition[0] 的名称（第 4 行）；闸门、--set、actuals --map 或 allocate --lock 用 'x' 指代时无法区分它们",
        "'Pro' 也是 monetization.plans[0] 的名称（第 9 行）；--set、--grid 或 --variant 用 'Pro' 指代时无法区分它们"]
