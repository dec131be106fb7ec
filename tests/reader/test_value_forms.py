"""A value that may be written as one of several mappings is read as the one its keys are nearest (QA round E): a
slip in it is told the key meant (spec §2), with no error of another form, and a normal or triangular range written
without its ``dist`` is told which dist its keys are of. A key one slip from a key the mapping misses is that
key missing: told once, at the slip, wherever in the file (reader/value_forms.py, reader/kinds.py ``check_keys``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.ci.rules import rule_of
from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.reader.load import load_text
from aigc_roi.reader.value_forms import DIST_FORMS, PLAIN_RANGE, RANGE_FORMS, Form, nearest_form
from aigc_roi.reader.yamltree import Entry, parse

PLAN = """\
name: forms
horizon_months: 12
acquisition:
  - {name: A, type: cpa, bid: 10, users: 1000}
organic_users: 2
virality: 0.1
retention: {monthly_churn: 0.5}
monetization:
  plans:
    - {name: P, price: 30, period: month, conversion: 0.05, renewal: 0.5}
"""


def errors(text: str) -> list[str]:
    with pytest.raises(ScenarioInvalid) as raised:
        load_text(text, "s.yaml")
    return [f"{error.path}: {error.message}" for error in raised.value.errors]


def test_a_slip_in_renewals_observed_form_is_told_observed_alone() -> None:
    text = PLAN.replace("renewal: 0.5", "renewal: {observd: [0.5, 0.4]}")
    assert errors(text) == ["monetization.plans[0].renewal.observd: unknown key 'observd'; did you mean 'observed'?"]


# Every field that takes a range, each way a range may be written: by month or not, beside observed or ages.
FIELDS = [
    ("organic_users: 2", "organic_users: {}", "organic_users"),
    ("bid: 10", "bid: {}", "acquisition[0].bid"),
    ("virality: 0.1", "virality: {}", "virality"),
    ("renewal: 0.5", "renewal: {}", "monetization.plans[0].renewal"),
    ("conversion: 0.05", "conversion: {}", "monetization.plans[0].conversion"),
]


@pytest.mark.parametrize(("old", "template", "path"), FIELDS)
def test_a_slip_of_dist_is_told_dist_alone(old: str, template: str, path: str) -> None:
    text = PLAN.replace(old, template.replace("{}", "{dsit: normal, mean: 0.1, sd: 0.01}"))
    assert errors(text) == [f"{path}.dsit: unknown key 'dsit'; did you mean 'dist'?"]


@pytest.mark.parametrize(("old", "template", "path"), FIELDS)
def test_a_normal_range_without_its_dist_is_told_the_dist_its_keys_are_of(old: str, template: str, path: str) -> None:
    text = PLAN.replace(old, template.replace("{}", "{mean: 0.1, sd: 0.01}"))
    assert errors(text) == [f"{path}.dist: missing required key 'dist'; for mean, sd write dist: normal"]


@pytest.mark.parametrize(("old", "template", "path"), FIELDS)
def test_a_slip_of_a_plain_ranges_key_is_told_that_key_alone(old: str, template: str, path: str) -> None:
    # ``lo`` is low, as ``hihg`` is high: the low or high missing is that slip, not a second error.
    text = PLAN.replace(old, template.replace("{}", "{lo: 0.1, high: 0.2}"))
    assert errors(text) == [f"{path}.lo: unknown key 'lo'; did you mean 'low'?"]


def test_a_triangular_range_without_its_dist_is_told_triangular() -> None:
    text = PLAN.replace("organic_users: 2", "organic_users: {low: 1, mode: 2, high: 3}")
    assert errors(text) == ["organic_users.dist: missing required key 'dist'; for low, mode, high write dist: triangular"]


def test_a_triangular_range_with_a_slipped_mode_is_told_its_dist_and_its_mode() -> None:
    # Two slips, two errors: dist forgotten, mode misspelt (mod is no key of {low, high}, so a triangle is meant).
    text = PLAN.replace("organic_users: 2", "organic_users: {low: 1, mod: 2, high: 3}")
    assert errors(text) == ["organic_users.dist: missing required key 'dist'; for low, high write dist: triangular",
                            "organic_users.mod: unknown key 'mod'; did you mean 'mode'?"]


def test_a_misspelt_dist_word_is_told_the_word() -> None:
    text = PLAN.replace("organic_users: 2", "organic_users: {dist: normla, mean: 2, sd: 1}")
    assert errors(text) == ["organic_users.dist: expected one of lognormal, normal, uniform, triangular, "
                            "found 'normla'; did you mean 'normal'?"]


def test_a_conversion_by_age_with_a_slipped_age_is_by_age() -> None:
    text = PLAN.replace("conversion: 0.05", "conversion: {0: 3%, 1x: 1%}")
    assert errors(text) == ["monetization.plans[0].conversion[1x]: expected an age in months within 0..11, found '1x'"]


@pytest.mark.parametrize(("old", "new", "told"), [
    ("virality: 0.1", "virality: {xyz: 0.1}", "virality.xyz: unknown key 'xyz'; expected one of high, low"),
    ("renewal: 0.5", "renewal: {xyz: 0.1}",
     "monetization.plans[0].renewal.xyz: unknown key 'xyz'; expected one of high, low, observed"),
    ("organic_users: 2", "organic_users: {xyz: 2}", "organic_users.xyz: unknown key 'xyz'; expected one of by_month, high, low"),
])
def test_a_mapping_of_no_form_is_told_its_keys_and_no_form_missing(old: str, new: str, told: str) -> None:
    assert errors(PLAN.replace(old, new)) == [told]


@pytest.mark.parametrize(("old", "new", "told"), [
    ("retention: {monthly_churn: 0.5}", "retention: {monthly_chrun: 0.5}",
     "retention.monthly_chrun: unknown key 'monthly_chrun'; did you mean 'monthly_churn'?"),
    ("virality: 0.1", "targets:\n  milestones: [{month: 2, subscriber: 5}]",
     "targets.milestones[0].subscriber: unknown key 'subscriber'; did you mean 'subscribers'?"),
    ("  - {name: A, type: cpa, bid: 10, users: 1000}", "  - {name: A, type: cpa, bdi: 10, users: 1000}",
     "acquisition[0].bdi: unknown key 'bdi'; did you mean 'bid'?"),
])
def test_a_slip_of_the_one_key_a_mapping_needs_is_told_once(old: str, new: str, told: str) -> None:
    assert errors(PLAN.replace(old, new)) == [told]


def test_a_retention_of_no_form_still_says_none_is_given() -> None:
    assert errors(PLAN.replace("{monthly_churn: 0.5}", "{}")) == [
        "retention: expected exactly one of 'points', 'monthly_churn' or 'days', found none"]


def test_the_dist_a_range_misses_is_a_missing_key_to_ci() -> None:
    with pytest.raises(ScenarioInvalid) as raised:
        load_text(PLAN.replace("organic_users: 2", "organic_users: {mean: 2, sd: 1}"), "s.yaml")
    assert [rule_of(error) for error in raised.value.errors] == ["missing-key"]


@pytest.mark.parametrize(("lang", "told"), [
    ("en", "organic_users.dist: missing required key 'dist'; for mean, sd write dist: normal"),
    ("zh", "organic_users.dist: 缺少必填字段 'dist'；写 mean、sd 时还需写 dist: normal"),
])
def test_the_dist_a_range_misses_is_told_in_both_languages(tmp_path: Path, lang: str, told: str) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(PLAN.replace("organic_users: 2", "organic_users: {mean: 2, sd: 1}"), encoding="utf-8")
    result = invoke(["validate", str(path), "--lang", lang])
    assert (result.exit_code, result.stdout) == (2, f"{path}:5:16: {told}\n")


@pytest.mark.parametrize(("lang", "told"), [
    ("en", "unknown key 'observd'; did you mean 'observed'?"),
    ("zh", "未知字段 'observd'；是否想写 'observed'？"),
])
def test_the_observed_slip_is_told_in_both_languages(tmp_path: Path, lang: str, told: str) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(PLAN.replace("renewal: 0.5", "renewal: {observd: [0.5, 0.4]}"), encoding="utf-8")
    result = invoke(["validate", str(path), "--lang", lang])
    assert (result.exit_code, result.stdout) == (2, f"{path}:10:71: monetization.plans[0].renewal.observd: {told}\n")


def _entries(text: str) -> dict[str, Entry]:
    tree, _ = parse(text, "s.yaml")
    assert tree is not None
    return tree.value


@pytest.mark.parametrize(("text", "meant"), [
    ("{low: 1, high: 2}", PLAIN_RANGE),
    ("{lo: 1, high: 2}", PLAIN_RANGE),          # one slip: a plain range needs no dist, so is nearer than uniform
    ("{mean: 1, sd: 2}", DIST_FORMS["normal"]),
    ("{dsit: x, mean: 1, sd: 2}", DIST_FORMS["normal"]),
    ("{mean: 1, sd: 2, low: 1}", DIST_FORMS["normal"]),  # holds two of normal's keys, one of low and high
    ("{low: 1, mode: 2, high: 3}", DIST_FORMS["triangular"]),
    ("{dsit: x, low: 1, high: 2}", DIST_FORMS["lognormal"]),  # low, high and a slip of dist: the first such
    ("{xyz: 1}", None),
])
def test_the_nearest_range_form(text: str, meant: Form | None) -> None:
    assert nearest_form(_entries(text), RANGE_FORMS) is meant
