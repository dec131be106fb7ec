"""One export cell as a number or a date: the fast paths for the common texts read exactly what the general one does."""

from __future__ import annotations

import datetime

import pytest

from aigc_roi.reader.exports.cells import CellError, day, number


@pytest.mark.parametrize(("cell", "expected"), [
    ("1234", 1234.0), ("1234.5", 1234.5), ("0.25", 0.25), ("1,234.50", 1234.5), ("-1,234", -1234.0),
    ("12，345", 12345.0), ("1,234,567.8", 1234567.8), (" 1,234.5 ", 1234.5), ("¥1,234", 1234.0), ("12.5%", 0.125),
    ("--", 0.0), ("", 0.0), (7, 7.0), (2.5, 2.5),
])
def test_number(cell: object, expected: float) -> None:
    assert number(cell) == expected


@pytest.mark.parametrize("cell", ["1,2345", "12,34", "1.2.3", "1,234,56", "abc", "1_000", "nan", True])
def test_not_a_number(cell: object) -> None:
    with pytest.raises(CellError):
        number(cell)


@pytest.mark.parametrize("cell", ["1000000000000001", "1,000,000,000,000,001"])
def test_larger_than_1e15_is_refused_on_every_path(cell: str) -> None:
    with pytest.raises(CellError, match="no larger than"):
        number(cell)


@pytest.mark.parametrize(("cell", "expected"), [
    ("2025-01-03", datetime.date(2025, 1, 3)), (" 2025/1/3 ", datetime.date(2025, 1, 3)),
    ("20250103", datetime.date(2025, 1, 3)), ("2025年1月3日", datetime.date(2025, 1, 3)),
    (20250103.0, datetime.date(2025, 1, 3)), (datetime.datetime(2025, 1, 3, 9, 30), datetime.date(2025, 1, 3)),
])
def test_day(cell: object, expected: datetime.date) -> None:
    assert day(cell) == expected


def test_not_a_day() -> None:
    with pytest.raises(CellError):
        day("2025-02-30")
