"""An error's "found Y" names what is wrong with the value, never the very kind "expected X" asks for:
an empty mapping where a mapping of points was expected read "expected a mapping ..., found a mapping"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.load import load_path
from aigc_roi.reader.overrides import parse_override

STARTER = Path(__file__).resolve().parents[2] / "aigc_roi" / "templates" / "starter.yaml"
FRAME = re.compile(r"expected (.+), found (.+)$")

EMPTY_COLLECTIONS = [
    "retention.points={}", "retention.points=[]", "retention={days: {}}", "monetization.plans[0].renewal=[]",
    "monetization.plans[0].renewal={observed: {}}", "acquisition[0].budget={by_month: {}}", "acquisition[0].months=[]",
    "costs.fixed={}", "name={}", "name=[]",
]


def _errors(assignment: str) -> list[str]:
    with pytest.raises(ScenarioInvalid) as caught:
        load_path(STARTER, (parse_override(assignment),))
    return [error.message for error in caught.value.errors]


@pytest.mark.parametrize("assignment", EMPTY_COLLECTIONS)
def test_an_empty_collection_is_found_empty(assignment: str) -> None:
    framed = [FRAME.match(message) for message in _errors(assignment)]
    assert framed and all(framed), framed
    for match in framed:
        assert match is not None
        expected, found = match.groups()
        assert found in ("an empty mapping", "an empty list"), match.string
        assert not expected.startswith(found), match.string


def test_empty_points_say_so_in_both_languages() -> None:
    message = _errors("retention.points={}")[0]
    assert message == ("expected a mapping of age in months to share active, e.g. {1: 0.4, 3: 0.25}, "
                       "found an empty mapping")
    assert translate(message) == "应为月龄到留存比例的映射，例如 {1: 0.4, 3: 0.25}，实际为空映射"
