"""A rule over several values (a fit through the days, a sum, one form among several) broken by a ``--set`` value is
located at the option, as an error at the option's own value is (``--set PATH=VALUE:1:1``), not at the valid file."""

from __future__ import annotations

import pytest

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.reader.load import load_text
from aigc_roi.reader.overrides import parse_override

FILE = """\
name: Located
horizon_months: 6
acquisition:
  - name: Feed
    type: cpa
    bid: 10
    users: 1000
    conversion_index: 2
    retention:
      days: {1: 25%, 7: 10%, 30: 4%}
retention:
  days: {1: 40%, 7: 20%, 30: 10%}
monetization:
  plans:
    - name: Pro
      price: 30
      period: month
      conversion: {0: 20%, 1: 10%}
      renewal: {observed: [60%, 45%]}
targets:
  milestones:
    - {month: 3, subscribers: 10}
"""


def _errors(text: str, *sets: str) -> list[str]:
    with pytest.raises(ScenarioInvalid) as caught:
        load_text(text, "s.yaml", tuple(parse_override(option) for option in sets))
    return [str(error) for error in caught.value.errors]


def test_the_file_itself_is_valid() -> None:
    load_text(FILE, "s.yaml")


@pytest.mark.parametrize(("option", "path", "message"), [
    # D30 at 30% after D7 at 10%: the least-squares line through D1, D7, D30 rises.
    ("acquisition[0].retention.days[30]=30%", "acquisition[0].retention.days", "found a fitted power law that rises"),
    ("retention.days[30]=60%", "retention.days", "found a fitted power law that rises"),
    ("retention.points={1: 50%}", "retention", "found points and days"),
    ("acquisition[0].budget=100", "acquisition[0].budget", "expected either budget or users, found both"),
    ("monetization.plans[0].conversion[2]=80%", "monetization.plans[0].conversion", "found a sum of 1.1"),
    # Index 2 x conversions 30% was within 1; 60% makes it 1.2.
    ("monetization.plans[0].conversion[0]=50%", "acquisition[0].conversion_index", "an index of at most 1.667"),
    ("monetization.plans[0].renewal.observed=[100%, 100%]", "monetization.plans[0].renewal.observed", "every share at 100%"),
    ("monetization.plans[0].renewal.observed[0]=40%", "monetization.plans[0].renewal.observed[1]",
     "expected a share <= 0.4 (survival of the same first subscribers cannot rise), found 45%"),
    ("targets.milestones[0].active_users=5", "targets.milestones[0]", "found subscribers and active_users"),
])
def test_a_rule_an_option_broke_is_located_at_the_option(option: str, path: str, message: str) -> None:
    errors = _errors(FILE, option)
    # Conversions summing to 1.1 also break the channel's index of 2: both are the option's.
    assert all(error.startswith(f"--set {option}:1:1: ") for error in errors), errors
    assert any(error.startswith(f"--set {option}:1:1: {path}: ") and message in error for error in errors), errors


def test_a_point_an_option_lowered_is_blamed_for_the_later_point_that_now_rises() -> None:
    text = "name: Points\nretention:\n  points: {1: 40%, 3: 25%}\n"
    assert _errors(text, "retention.points[1]=10%") == [
        "--set retention.points[1]=10%:1:1: retention.points[3]: expected a share <= 0.1 (retention cannot rise with age), "
        "found 25% (with the file at s.yaml:3:23)"]


def test_a_rule_no_option_takes_part_in_stays_in_the_file() -> None:
    points = "name: Points\nhorizon_months: 6\nretention:\n  points: {1: 40%, 3: 50%}\n"
    assert _errors(points, "horizon_months=12") == [
        "s.yaml:4:23: retention.points[3]: expected a share <= 0.4 (retention cannot rise with age), found 50%"]
    days = "name: Rising\nhorizon_months: 6\nretention:\n  days: {1: 10%, 30: 40%}\n"
    assert _errors(days, "horizon_months=12")[0].startswith("s.yaml:4:9: retention.days: ")


def test_a_whole_value_an_option_wrote_is_located_at_its_start() -> None:
    option = "retention.days={1: 10%, 30: 40%}"
    assert _errors("name: Whole\nretention: {monthly_churn: 0.1}\n", option) == [
        f"--set {option}:1:1: retention: expected exactly one of 'points', 'monthly_churn' or 'days', found monthly_churn and days"
        " (with the file at s.yaml:2:12)"]
    # ln 0.4 - ln 0.1 over ln 30: a slope of +0.4076, so b = -0.4076.
    assert _errors("name: Whole\nretention: {days: {1: 10%, 30: 10%}}\n", option) == [
        f"--set {option}:1:1: retention.days: expected shares that fall with the day overall (retention cannot rise with age), "
        "found a fitted power law that rises (b = -0.4076)"]


CROSS = """\
name: Cross
horizon_months: 6
acquisition:
  - name: Feed
    type: cpa
    bid: {dist: triangular, low: 10, mode: 12, high: 15}
    users: 1000
    months: 1-6
  - {name: Creators, type: cpa, bid: 5, users: 100}
gates:
  - {name: test, after_month: 2, channels: [Creators], then: [Feed], min_roas: 0.5}
retention: {monthly_churn: 0.1}
organic_users: {by_month: {1: 100, 5: 300}}
"""


def test_the_cross_file_is_valid() -> None:
    load_text(CROSS, "s.yaml")


@pytest.mark.parametrize(("option", "located"), [
    # QA: blamed on the file's valid line 6, "found 10, 16, 15" with no word of the option.
    ("acquisition[0].bid.mode=16",
     ["acquisition[0].bid: expected low <= mode <= high, found 10, 16, 15 (with the file at s.yaml:6:10)"]),
    ("acquisition[0].bid.dist=uniform",
     ["acquisition[0].bid.mode: unknown key 'mode'; expected one of dist, high, low (with the file at s.yaml:6:38)"]),
    # QA: a valid file's lines were named as missing and unknown keys; the type is what changed.
    ("acquisition[0].type=cpm",
     ["acquisition[0].bid: unknown key 'bid'; it belongs in an item of acquisition with type: cpa "
      "(with the file at s.yaml:6:5)",
      "acquisition[0].users: unknown key 'users'; it belongs in an item of acquisition with type: cpa or flat "
      "(with the file at s.yaml:7:5)",
      "acquisition[0].cpm: missing required key 'cpm' (with the file at s.yaml:4:5)",
      "acquisition[0].ctr: missing required key 'ctr' (with the file at s.yaml:4:5)",
      "acquisition[0].cvr: missing required key 'cvr' (with the file at s.yaml:4:5)",
      "acquisition[0]: missing 'budget' or 'impressions': one of them says how much is bought each month "
      "(with the file at s.yaml:4:5)"]),
    # A shorter horizon: the months the file writes past it are the option's doing.
    ("horizon_months=4",
     ["acquisition[0].months: expected a span 'a-b' with 1 <= a <= b <= 4, found '1-6' (with the file at s.yaml:8:13)",
      "organic_users.by_month.5: expected a month within 1..4, found 5 (with the file at s.yaml:13:36)"]),
    # A channel renamed: the gate's name for it is no channel's now.
    ("acquisition[1].name=KOL",
     ["gates[0].channels[0]: expected the name of a channel in acquisition (Feed, KOL), found 'Creators' "
      "(with the file at s.yaml:11:45)"]),
])
def test_a_rule_an_option_broke_names_the_option_and_the_files_place(option: str, located: list[str]) -> None:
    assert _errors(CROSS, option) == [f"--set {option}:1:1: {line}" for line in located]


def test_an_options_own_value_names_the_file_value_it_clashes_with() -> None:
    assert _errors(CROSS, "acquisition[0].budget=100") == [
        "--set acquisition[0].budget=100:1:1: acquisition[0].budget: expected either budget or users, found both "
        "(with the file at s.yaml:7:12)"]
    assert _errors(CROSS, "organic_users={by_month: {1: 100, 7: 300}}") == [
        "--set organic_users={by_month: {1: 100, 7: 300}}:1:21: organic_users.by_month.7: expected a month within 1..6, "
        "found 7 (with the file at s.yaml:2:17)"]


def test_a_key_an_option_misspelt_is_its_own_slip_not_the_types() -> None:
    assert _errors(CROSS, "acquisition[0].bidd=5") == [
        "--set acquisition[0].bidd=5:1:1: acquisition[0].bidd: unknown key 'bidd'; did you mean 'bid'?"]


def test_the_files_place_is_named_in_chinese_too() -> None:
    from aigc_roi.present.messages_zh import translate

    [error] = _errors(CROSS, "acquisition[0].bid.mode=16")
    message = error.split(": ", 2)[2]
    assert translate(message) == "应为 low <= mode <= high，实际为 10, 16, 15（连同文件 s.yaml:6:10 处）"
