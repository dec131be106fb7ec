"""``targets.min_roi: 20`` is a 2,000% return: valid (the spec bounds return targets not at all, and ``min_roi: 2.0``
is a 200% one), but no return a plan is held to, so most often 20% without its sign. A warning at the number says so;
the file keeps its meaning."""

from __future__ import annotations

import pytest

from aigc_roi.ci.rules import warning_rule_of
from aigc_roi.model.errors import ScenarioError
from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.load import load_text
from aigc_roi.reader.overrides import parse_override

PLAN = "name: P\nretention: {monthly_churn: 0.5}\nacquisition:\n  - {name: Feed, type: cpa, bid: 20, users: 100}\n"
ABOVE_ANY = "above any return a plan is held to"


def _warnings(text: str, *sets: str) -> list[tuple[str, int, int, str, str]]:
    return [(warning.file, warning.line, warning.column, warning.path, warning.message)
            for warning in load_text(PLAN + text, "s.yaml", tuple(parse_override(item) for item in sets)).warnings]


@pytest.mark.parametrize(("field", "written", "message"), [
    # 20 x 100 = 2,000%; 20% (0.2) is a return a plan may be held to.
    ("min_roi", "20", "20 is 2,000%; did you mean 20%?"),
    ("min_roi", "10.5", "10.5 is 1,050%; did you mean 10.5%?"),
    # An ad platform's target ROAS is entered in percent: 400 there is 4x.
    ("min_roas", "400", "400 is 40,000%; did you mean 400%?"),
    ("min_roas", "1000", "1000 is 100,000%; did you mean 1000%?"),
    # 1001% is itself above 1,000%: no reading is offered.
    ("min_roas", "1001", f"1001 is 100,100%, {ABOVE_ANY}"),
    ("min_roi", "20000", f"20000 is 2,000,000%, {ABOVE_ANY}"),
])
def test_a_return_target_above_1000_percent_is_valid_and_warned_of_at_its_value(field: str, written: str,
                                                                                 message: str) -> None:
    assert _warnings(f"targets:\n  {field}: {written}\n") == [
        ("s.yaml", 6, len(f"  {field}: ") + 1, f"targets.{field}", message)]


@pytest.mark.parametrize(("field", "written"), [
    # Up to 10x a target may be the multiple meant (min_roi: 2.0 is 200%, spec); with its sign it is the one meant.
    ("min_roi", "10"), ("min_roi", "2.0"), ("min_roas", "3"), ("min_roi", "2000%"), ("min_roas", "0.3"),
    # ltv_to_cac is quoted as a multiple (3:1), never in percent.
    ("min_ltv_to_cac", "50"),
])
def test_a_plausible_or_signed_target_draws_no_warning(field: str, written: str) -> None:
    assert _warnings(f"targets:\n  {field}: {written}\n") == []


def test_a_gates_min_roas_is_warned_of_as_a_targets() -> None:
    gate = "horizon_months: 12\ngates:\n  - {name: G, after_month: 2, channels: [Feed], min_roas: 30}\n"
    assert _warnings(gate) == [("s.yaml", 7, 59, "gates[0].min_roas", "30 is 3,000%; did you mean 30%?")]


def test_a_target_set_as_a_whole_number_is_warned_of_in_its_option() -> None:
    assert [(file, message) for file, _, _, _, message in _warnings("", "targets.min_roi=20")] == [
        ("--set targets.min_roi=20", "20 is 2,000%; did you mean 20%?")]


@pytest.mark.parametrize(("message", "zh"), [
    ("20 is 2,000%; did you mean 20%?", "20 即 2,000%；是否想写 20%？"),
    (f"20000 is 2,000,000%, {ABOVE_ANY}", "20000 即 2,000,000%，高于任何方案会被要求达到的回报"),
])
def test_the_warning_has_its_rule_and_says_the_same_in_chinese(message: str, zh: str) -> None:
    assert warning_rule_of(ScenarioError("s.yaml", 1, 1, "targets.min_roi", message)) == "target-ratio-high"
    assert translate(message) == zh

