"""A value as written, as the number a spreadsheet cell holds (reader/inputs.py ``number_in``): the inputs sheet and
`compare --explain`'s From and To columns write numbers, not text Excel flags as "number stored as text"."""

from __future__ import annotations

import pytest

from aigc_roi.reader.inputs import number_in


@pytest.mark.parametrize(("written", "number"), [(25000, 25000.0), (0.012, 0.012), ("1.5万", 15000.0), ("5%", 0.05),
                                                 ("2k", 2000.0), ("1e6", 1e6), ("29", 29.0)])
def test_a_number_as_written_is_that_number(written: object, number: float) -> None:
    assert number_in(written) == pytest.approx(number, rel=1e-15)


@pytest.mark.parametrize("written", ["300..1000", "Douyin", "29, 35", "{by_month: {1: 12}}", True, None])
def test_text_ranges_and_several_values_are_no_number(written: object) -> None:
    assert number_in(written) is None
