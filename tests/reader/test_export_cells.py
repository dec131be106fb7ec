"""One export cell as a count, an amount or a date: the fast paths for the common texts read exactly what the general
one does; nothing reported is None, not 0; a currency sign must be the export's currency."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from aigc_roi.reader.exports import Horizon, read_report
from aigc_roi.reader.exports.cells import Amounts, CellError, UnsavedFormula, blank, count, day


@pytest.mark.parametrize(("cell", "expected"), [
    ("1234", 1234.0), ("1234.5", 1234.5), ("0.25", 0.25), ("1,234.50", 1234.5), ("-1,234", -1234.0),
    ("12，345", 12345.0), ("1,234,567.8", 1234567.8), (" 1,234.5 ", 1234.5), (7, 7.0), (2.5, 2.5),
    # Full-width forms as a Chinese IME types them read as their ASCII ones.
    ("１，２３４", 1234.0), ("－5", -5.0), ("−5", -5.0),
])
def test_count(cell: object, expected: float) -> None:
    assert count(cell) == expected


@pytest.mark.parametrize("cell", ["", "  ", "-", "--", "—", "——", "－", "－－", "–", "/", "N/A", "n/a", "null"])
def test_nothing_reported_is_none_not_zero(cell: str) -> None:
    assert count(cell) is None
    assert Amounts("CNY", "CNY")(cell) is None


@pytest.mark.parametrize("cell", ["1,2345", "12,34", "1.2.3", "1,234,56", "abc", "1_000", "nan", True,
                                  "¥1,234", "$5", "5元", "12.5%", "#N/A", "$5元", "USD 5"])
def test_not_a_count(cell: object) -> None:
    with pytest.raises(CellError):
        count(cell)


@pytest.mark.parametrize("cell", ["1000000000000001", "1,000,000,000,000,001", "$1,000,000,000,000,001"])
def test_larger_than_1e15_is_refused_on_every_path(cell: str) -> None:
    with pytest.raises(CellError, match="no larger than"):
        Amounts(None, "USD")(cell)


@pytest.mark.parametrize(("currency", "cell", "expected"), [
    ("CNY", "¥1,234", 1234.0), ("CNY", "￥1,234", 1234.0), ("CNY", "1,234.50元", 1234.5), ("CNY", "RMB 5", 5.0),
    ("CNY", "-¥5", -5.0), ("USD", "$1,234.50", 1234.5), ("USD", "US$5", 5.0), ("USD", "USD 12", 12.0),
    ("USD", "12 USD", 12.0), ("USD", "＄7", 7.0), ("JPY", "¥500", 500.0), ("HKD", "$8", 8.0), ("HKD", "HK$8", 8.0),
])
def test_an_amount_with_its_currency_sign(currency: str, cell: str, expected: float) -> None:
    assert Amounts(currency, currency)(cell) == expected


@pytest.mark.parametrize(("currency", "cell"), [("CNY", "$5"), ("CNY", "US$5"), ("USD", "¥5"), ("USD", "5元"),
                                                ("USD", "HK$5"), ("CNY", "EUR 5")])
def test_a_sign_of_another_currency_is_refused(currency: str, cell: str) -> None:
    with pytest.raises(CellError) as raised:
        Amounts(currency, currency)(cell)
    assert str(raised.value) == f"expected an amount in {currency}, found {cell!r}"


@pytest.mark.parametrize(("currency", "cell", "expected"), [
    ("CNY", "CN¥1,234.00", 1234.0), ("CNY", "CN￥1,234.00", 1234.0), ("CNY", "-CN¥5", -5.0), ("JPY", "JP¥500", 500.0),
    ("USD", "US$5", 5.0), ("AUD", "A$5", 5.0), ("AUD", "AU$5", 5.0), ("CAD", "C$5", 5.0), ("CAD", "CA$5", 5.0),
    ("NZD", "NZ$5", 5.0), ("SGD", "S$5", 5.0), ("SGD", "SG$5", 5.0), ("TWD", "NT$5", 5.0), ("MOP", "MOP$5", 5.0),
    ("EUR", "€1,234.50", 1234.5), ("GBP", "£5", 5.0), ("KRW", "₩5,000", 5000.0),
])
def test_a_sign_with_its_countrys_letters_names_its_currency(currency: str, cell: str, expected: float) -> None:
    """CN¥ is how an English locale formats CNY (Google Ads may show it): it was 'expected a number'."""
    assert Amounts(None, currency)(cell) == expected


@pytest.mark.parametrize(("cell", "other"), [("JP¥5", "JPY"), ("A$5", "AUD"), ("C$5", "CAD"), ("NZ$5", "NZD"),
                                             ("S$5", "SGD"), ("€5", "EUR"), ("£5", "GBP")])
def test_a_sign_with_its_countrys_letters_of_another_currency_is_refused(cell: str, other: str) -> None:
    with pytest.raises(CellError) as raised:
        Amounts(None, "CNY")(cell)
    assert str(raised.value) == (f"expected an amount in CNY (the plan's currency), found {cell!r}; actuals converts no "
                                 f"currency: convert the export to CNY, or the plan to {other}")


def test_cn_yuan_sign_is_read_in_an_export(tmp_path: Path) -> None:
    path = tmp_path / "google.csv"
    path.write_text('date,campaign,spend\n2025-01-03,抖音_A,"CN¥1,234.00"\n2025-01-04,抖音_A,CN¥766\n', "utf-8")
    rows = read_report([path], Horizon.of((2025, 1), 6)).rows
    assert [row.spend for row in rows] == [1234.0, 766.0]


def test_an_export_that_states_no_currency_is_in_the_plans() -> None:
    """Its first sign states it (the plan's, or refused); a plain number states nothing."""
    amounts = Amounts(None, "USD")
    assert (amounts("1,000"), amounts.currency) == (1000.0, None)
    assert (amounts("$1,234.50"), amounts.currency) == (1234.5, "USD")
    with pytest.raises(CellError) as raised:
        amounts("¥5")
    assert str(raised.value) == ("expected an amount in USD (the plan's currency), found '¥5'; actuals converts no "
                                 "currency: convert the export to USD, or the plan to CNY")


def test_three_capitals_are_no_sign_unless_a_currency_code() -> None:
    with pytest.raises(CellError, match=r"^expected a number, found 'ABC5'$"):
        Amounts(None, "CNY")("ABC5")


def test_a_percentage_is_no_amount() -> None:
    with pytest.raises(CellError) as raised:
        Amounts("CNY", "CNY")("3.2%")
    assert str(raised.value) == "expected a number, found '3.2%'; a percentage is no amount or count"


@pytest.mark.parametrize(("cell", "expected"), [
    ("2025-01-03", datetime.date(2025, 1, 3)), (" 2025/1/3 ", datetime.date(2025, 1, 3)),
    ("20250103", datetime.date(2025, 1, 3)), ("2025年1月3日", datetime.date(2025, 1, 3)),
    (20250103.0, datetime.date(2025, 1, 3)), (datetime.datetime(2025, 1, 3, 9, 30), datetime.date(2025, 1, 3)),
    # Excel date serials (1900 system): 1970-01-01 is 25569, and 2025-03-01 is 20,148 days after it (55 years of
    # 365 days, 14 leap days 1972..2024, then 31 + 28): 45717. A fraction is the time of day.
    ("45717", datetime.date(2025, 3, 1)), (45717, datetime.date(2025, 3, 1)), (45717.75, datetime.date(2025, 3, 1)),
    ("25569", datetime.date(1970, 1, 1)),
])
def test_day(cell: object, expected: datetime.date) -> None:
    assert day(cell) == expected


@pytest.mark.parametrize("cell", ["44255", 44255, 44255.5])
def test_a_serial_counts_from_its_date_systems_day_zero(cell: object) -> None:
    """The 1904 system's serial 0 is 1904-01-01: 2025-03-01 is 121 years of 365 days, 31 leap days 1904..2024 and
    31 + 28 days on, 44,255; read in the 1900 system, the same serial is four years and a day earlier."""
    assert day(cell, datetime.date(1904, 1, 1)) == datetime.date(2025, 3, 1)
    assert day(cell) == datetime.date(2021, 2, 28)


@pytest.mark.parametrize(("cell", "found"), [
    ("2025-02-30", "'2025-02-30' (no such day: 2025-02 has 28 days)"),
    ("2024/2/30", "'2024/2/30' (no such day: 2024-02 has 29 days)"),
    ("2025-04-31", "'2025-04-31' (no such day: 2025-04 has 30 days)"),
    ("2025-13-01", "'2025-13-01'"),
    ("2025-03", "'2025-03'"),
])
def test_not_a_day(cell: str, found: str) -> None:
    with pytest.raises(CellError) as raised:
        day(cell)
    assert str(raised.value) == f"expected a date YYYY-MM-DD, found {found}"


def test_a_formula_without_its_saved_value_is_no_number_and_no_day() -> None:
    formula = UnsavedFormula("=100*2")
    hint = "a formula with no saved value (=100*2); open and save the workbook in Excel so it keeps the result"
    for read, expected in ((count, "a number"), (Amounts("CNY", "CNY"), "a number"), (day, "a date YYYY-MM-DD")):
        with pytest.raises(CellError) as raised:
            read(formula)
        assert str(raised.value) == f"expected {expected}, found {hint}"


@pytest.mark.parametrize(("cell", "expected"), [
    ("", True), ("  ", True), ("-", True), ("--", True), ("—", True), ("－－", True), ("–", True),
    ("N/A", False), ("null", False), ("/", False), ("0", False), (0, False), ("-5", False), ("dy_a", False),
])
def test_blank_is_an_empty_cell_or_dashes(cell: object, expected: bool) -> None:
    """A count's empty or dashed cell is nothing that day (0), its N/A not reported: report.py tells them apart."""
    assert blank(cell) is expected
