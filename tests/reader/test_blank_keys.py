"""A blank key (``""``, ``" "``) is shown quoted in the path and in ``found``: QA found a top-level ``"": 1`` told with
no field path at all (``ek.yaml:2:1: unknown key ''; ...``) and ``bid: {by_month: {"": 3}}`` told
``acquisition[0].bid.by_month.: expected a month within 1..6, found `` with nothing after ``found``."""

from __future__ import annotations

import pytest

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.load import load_text

PLAN = """\
name: Keys
horizon_months: 6
acquisition:
  - name: A
    type: cpa
    bid: 20
    budget: 10000
retention:
  monthly_churn: 0.3
"""


def _errors(old: str, new: str) -> list[tuple[str, str]]:
    assert old in PLAN
    with pytest.raises(ScenarioInvalid) as caught:
        load_text(PLAN.replace(old, new, 1), "s.yaml")
    return [(error.path, error.message) for error in caught.value.errors]


def test_a_blank_top_level_key_has_a_path() -> None:
    [(path, message)] = _errors("name: Keys", 'name: Keys\n"": 1')
    assert path == "''"
    assert message.startswith("unknown key ''; expected one of acquisition, ")


def test_a_blank_key_given_twice_has_a_path() -> None:
    assert _errors("name: Keys", 'name: Keys\n"": 1\n"": 2')[1] == ("''", "duplicate key '' (first at line 2)")


@pytest.mark.parametrize(("old", "new", "path", "message"), [
    ("bid: 20", 'bid: {by_month: {"": 3}}', "acquisition[0].bid.by_month.''", "expected a month within 1..6, found ''"),
    ("bid: 20", 'bid: {by_month: {1: 3, " ": 4}}', "acquisition[0].bid.by_month.' '",
     "expected a month within 1..6, found ' '"),
    ("monthly_churn: 0.3", 'points: {"": 0.5}', "retention.points['']",
     "expected an age in months within 1..6, found ''"),
    ("monthly_churn: 0.3", 'days: {"": 0.5, 1: 40%, 30: 10%}', "retention.days['']",
     "expected a day within 1..3653, found ''"),
    ("bid: 20", 'bid: {"": 3}', "acquisition[0].bid.''", "unknown key ''; expected one of by_month, high, low"),
])
def test_a_blank_key_is_quoted_in_the_path_and_in_found(old: str, new: str, path: str, message: str) -> None:
    assert _errors(old, new) == [(path, message)]


def test_in_chinese() -> None:
    assert translate("expected a month within 1..6, found ''") == "应为 1..6 之内的月份，实际为 ''"
