"""Commas in an export's numbers: India's locales group a thousand, then lakhs and crores (``₹12,34,567.50``), which
was refused as no number; and a comma before decimals (``5,50``, ``1.234,56``), as the consoles write amounts in
decimal-comma locales, is refused saying so, where ``0,125`` was read as a hundred and twenty-five."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_files import HORIZON, refusals, written

from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.exports import read_report
from aigc_roi.reader.exports.cells import Amounts, CellError, count


@pytest.mark.parametrize(("cell", "amount"), [
    ("₹1,23,456.00", 123_456.0), ("1,00,000", 100_000.0), ("12,34,56,789", 123_456_789.0), ("-1,23,456.5", -123_456.5),
    ("₹ 1,00,000", 100_000.0), ("１，２３，４５６", 123_456.0),
])
def test_indias_lakh_and_crore_groups_are_read(cell: str, amount: float) -> None:
    assert Amounts(None, "INR")(cell) == amount


@pytest.mark.parametrize(("cell", "users"), [("12,34,567", 1_234_567.0), ("1,00,000", 100_000.0)])
def test_a_count_in_lakhs_is_read(cell: str, users: float) -> None:
    assert count(cell) == users


@pytest.mark.parametrize("cell", ["1,2,345", "1,234,56", "123,45,678", "1,23,45"])
def test_commas_that_group_in_neither_way_are_no_number(cell: str) -> None:
    with pytest.raises(CellError) as raised:
        count(cell)
    assert "decimal comma" not in str(raised.value)


@pytest.mark.parametrize(("cell", "plan", "decimal"), [
    ("0,125", "USD", "0.125"), ("5,50", "EUR", "5.50"), ("1.234,56", "EUR", "1234.56"), ("12.345.678,9", "BRL", "12345678.9"),
    ("1,5", "CNY", "1.5"), ("5,50 €", "EUR", "5.50"), ("R$ 1.500,00", "BRL", "1500.00"), ("-0,125", "EUR", "-0.125"),
])
def test_a_decimal_comma_is_refused_saying_what_it_is(cell: str, plan: str, decimal: str) -> None:
    """``0,125`` was read as 125: a group of thousands never starts with 0."""
    with pytest.raises(CellError) as raised:
        Amounts(None, plan)(cell)
    message = (f"expected a number, found {cell!r}; a decimal comma: read the export with decimal_comma=True, or "
               f"export it with a decimal point, or write {decimal}")
    assert str(raised.value) == message
    assert translate(message) == (f"应为数字，实际为 {cell!r}；这是小数逗号：请用 decimal_comma=True 读取报表，或以小数点格式重新"
                                  f"导出，或写成 {decimal}")


def test_a_count_with_a_decimal_comma_is_refused() -> None:
    with pytest.raises(CellError, match="a decimal comma"):
        count("0,125")


def test_an_indian_export_is_read_and_a_decimal_comma_refused_at_its_cell(tmp_path: Path) -> None:
    path = written(tmp_path, 'date,campaign,spend (₹),clicks\n2025-01-03,dy_a,"₹1,23,456.00","1,234"\n'
                             '2025-01-04,dy_a,"₹12,34,567.50","12,34,567"\n')
    report = read_report([path], HORIZON, currency="INR")
    assert [(row.spend, row.clicks) for row in report.rows] == [(123_456.0, 1_234.0), (1_234_567.5, 1_234_567.0)]
    comma = written(tmp_path, 'date,campaign,spend\n2025-01-03,dy_a,"0,125"\n', "comma.csv")
    assert refusals(comma, "EUR") == [f"{comma}:2:3: spend: expected a number, found '0,125'; a decimal comma: read "
                                      "the export with decimal_comma=True, or export it with a decimal point, or "
                                      "write 0.125"]
