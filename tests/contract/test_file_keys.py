"""The keys at the top of a scenario file are one list: the reader's field table and the model's ``FILE_KEYS``, by
which --grid tells a field path from an item's name as --set does (model/paths.py ``is_field_path``)."""

from __future__ import annotations

from aigc_roi.model.scenario import FILE_KEYS
from aigc_roi.reader.fields import SCENARIO


def test_the_model_knows_every_key_of_the_file() -> None:
    assert set(SCENARIO.fields) == FILE_KEYS
