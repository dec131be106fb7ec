"""Plain scalars are resolved once per text (reader/yamltree.py _PLAIN_VALUES): the same values and the same
refusals the second time, and a memory that stays bounded over any number of files."""

from __future__ import annotations

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.reader import yamltree
from aigc_roi.reader.load import load_text
from aigc_roi.reader.numbers import ForeignNumber

TEXT = "name: S\nhorizon_months: 0x10\nretention: {monthly_churn: 0.5}\norganic_users: 1_000\n"


def test_a_text_seen_before_reads_the_same() -> None:
    errors = []
    for _ in range(2):
        tree, found = yamltree.parse(TEXT, "s.yaml")
        assert tree is not None
        values = {key: entry.value.value for key, entry in tree.value.items() if entry.value.kind == "scalar"}
        assert values == {"name": "S", "horizon_months": "0x10", "organic_users": 1000}
        assert isinstance(values["horizon_months"], ForeignNumber)  # hexadecimal stays refusable text
        errors.append(found)
    assert errors[0] == errors[1] == []
    # The loader then refuses the hexadecimal number, the second time as the first.
    for _ in range(2):
        try:
            load_text(TEXT, "s.yaml")
        except ScenarioInvalid as invalid:
            assert [error.path for error in invalid.errors] == ["horizon_months"]
        else:
            raise AssertionError("0x10 was read as a number")


def test_the_memory_of_texts_is_bounded() -> None:
    distinct = yamltree._PLAIN_VALUES_KEPT + 500
    text = "".join(f"k{i}: {i}\n" for i in range(distinct))
    yamltree.parse(text, "many.yaml")
    assert len(yamltree._PLAIN_VALUES) <= yamltree._PLAIN_VALUES_KEPT
