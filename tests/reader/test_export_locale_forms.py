"""Dates and amounts as the consoles' and spreadsheets' other locales write them.

Korean Excel's short date ``2025. 3. 1.`` (a space after each dot, and a dot after the day) is read as ``2025.3.1``
is; it was refused without a reason. Where an export does not say the order of two numbers before the year, a year of
two digits (``03/01/25``) is refused for its century, as docs/actuals.md says and Apple Ads' exports did, and a date
whose first or second number is no month is refused saying which order it is: ``13/03/2025`` was told it may be
month first. The dong written ``đ`` or ``VNĐ`` is VND, as ``₫`` is; and a header's ``₹ lakh`` or ``₹ crore`` is a
scale of rupees, as 万元 is of yuan, where it was refused as a sign this reader does not know.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from export_files import export_errors, refusals, written

from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.exports import Horizon, read_report
from aigc_roi.reader.exports.cells import Amounts, CellError, day

HORIZON = Horizon.of((2025, 3), 12)


@pytest.mark.parametrize(("text", "expected"), [
    ("2025. 3. 1.", datetime.date(2025, 3, 1)), ("2025. 12. 31.", datetime.date(2025, 12, 31)),
    ("2025. 03. 01.", datetime.date(2025, 3, 1)), ("2025.3.1.", datetime.date(2025, 3, 1)),
    ("2025. 3. 1", datetime.date(2025, 3, 1)), ("2025. 3. 1. 13:00", datetime.date(2025, 3, 1)),
])
def test_korean_excels_short_date_is_read(text: str, expected: datetime.date) -> None:
    assert day(text) == expected


def test_a_korean_date_of_no_day_says_why() -> None:
    with pytest.raises(CellError) as refused:
        day("2025. 2. 30.")
    assert refused.value.found == "'2025. 2. 30.' (no such day: 2025-02 has 28 days)"


def test_an_export_of_korean_dates_is_read(tmp_path: Path) -> None:
    path = written(tmp_path, "date,campaign,spend\n2025. 3. 1.,dy_a,2\n2025. 3. 2.,dy_a,3\n")
    assert [(row.day, row.spend) for row in read_report([path], HORIZON).rows] == [
        (datetime.date(2025, 3, 1), 2.0), (datetime.date(2025, 3, 2), 3.0)]


TWO_DIGITS = "a year of two digits may be of any century: write its dates as YYYY-MM-DD"
TWO_DIGITS_ZH = "两位数的年份无法确定世纪：请把日期写成 YYYY-MM-DD"


@pytest.mark.parametrize(("header", "column"), [("date,campaign,spend", "date"), ("Day,Campaign,Cost", "Day")])
@pytest.mark.parametrize("text", ["03/01/25", "13/03/25", "3.1.25"])
def test_a_year_of_two_digits_is_refused_for_its_century_where_the_order_is_not_said(tmp_path: Path, header: str,
                                                                                     column: str, text: str) -> None:
    path = written(tmp_path, f"{header}\n{text},dy_a,2\n")
    (error,) = export_errors([path], HORIZON)
    assert error == f"{path}:2:1: {column}: expected a date YYYY-MM-DD, found '{text}'; {TWO_DIGITS}"
    assert translate(error.split(": ", 2)[2]).endswith(f"；{TWO_DIGITS_ZH}")


@pytest.mark.parametrize(("text", "number", "order", "order_zh"), [
    ("13/03/2025", 13, "day first (DD/MM/YYYY)", "日在前（DD/MM/YYYY）"),
    ("31-12-2025", 31, "day first (DD/MM/YYYY)", "日在前（DD/MM/YYYY）"),
    ("03/13/2025", 13, "month first (MM/DD/YYYY)", "月在前（MM/DD/YYYY）"),
])
def test_a_date_with_a_number_no_month_is_refused_saying_its_order(tmp_path: Path, text: str, number: int, order: str,
                                                                   order_zh: str) -> None:
    path = written(tmp_path, f"date,campaign,spend\n{text},dy_a,2\n")
    (error,) = export_errors([path], HORIZON)
    assert error == (f"{path}:2:1: date: expected a date YYYY-MM-DD, found '{text}'; {number} is no month, so this "
                     f"date is {order}, but the export does not say its other dates are: write its dates as YYYY-MM-DD")
    assert translate(error.split(": ", 2)[2]) == (
        f"应为 YYYY-MM-DD 格式的日期，实际为 '{text}'；{number} 不是月份，所以该日期为{order_zh}，但报表未表明其他日期也是"
        "如此：请把日期写成 YYYY-MM-DD")


def test_a_date_with_dots_is_read_day_first_as_every_locale_writing_dots_writes_it(tmp_path: Path) -> None:
    # 01.03.2025 is 1 March in German, French and Russian; no locale writes a month first with dots.
    path = written(tmp_path, "date,campaign,spend\n01.03.2025,dy_a,2\n12.03.2025,dy_a,3\n")
    assert [row.day for row in read_report([path], HORIZON).rows] == [datetime.date(2025, 3, 1),
                                                                      datetime.date(2025, 3, 12)]


def test_a_date_with_dots_whose_second_number_is_no_month_says_so(tmp_path: Path) -> None:
    path = written(tmp_path, "date,campaign,spend\n03.13.2025,dy_a,2\n")
    (error,) = export_errors([path], HORIZON)
    assert error == (f"{path}:2:1: date: expected a date YYYY-MM-DD, found '03.13.2025'; a date with dots is day first "
                     "(DD.MM.YYYY), and 13 is no month")
    assert translate(error.split(": ", 2)[2]) == ("应为 YYYY-MM-DD 格式的日期，实际为 '03.13.2025'；以点分隔的日期为日在前"
                                                 "（DD.MM.YYYY），而 13 不是月份")


@pytest.mark.parametrize("text", ["13/13/2025", "00/03/2025", "03/32/2025"])
def test_two_numbers_that_make_no_date_either_way_are_no_date(text: str) -> None:
    with pytest.raises(CellError) as refused:
        day(text)
    assert refused.value.found == repr(text)


@pytest.mark.parametrize(("cell", "amount"), [("150000đ", 150000.0), ("150000 VNĐ", 150000.0), ("đ 5", 5.0),
                                              ("VND 5", 5.0)])
def test_the_dong_as_vietnamese_write_it_is_vnd(cell: str, amount: float) -> None:
    amounts = Amounts(None, "VND")
    assert (amounts(cell), amounts.currency) == (amount, "VND")


@pytest.mark.parametrize("cell", ["150.000đ", "150.000 VNĐ"])
def test_the_dongs_dot_before_three_digits_is_told_it_may_group_thousands(cell: str) -> None:
    with pytest.raises(CellError) as refused:
        Amounts(None, "VND")(cell)
    assert str(refused.value) == (f"expected a number, found {cell!r}; in VND a dot before three digits may separate "
                                  "thousands: write 150000 for thousands, or 150.0000 for a decimal point; if the "
                                  "export writes decimal commas (1.234,56), read it with decimal_comma=True")


@pytest.mark.parametrize("written_sign", ["đ", "VNĐ", "vnđ"])
def test_the_dong_in_a_header_or_a_currency_column_is_vnd(tmp_path: Path, written_sign: str) -> None:
    header = written(tmp_path, f"date,campaign,spend ({written_sign})\n2025-03-01,dy_a,5\n", "header.csv")
    column = written(tmp_path, f"date,campaign,spend,currency\n2025-03-02,dy_a,5,{written_sign}\n", "column.csv")
    report = read_report([header, column], HORIZON, currency="VND")
    assert [(source.currency, row.spend) for source, row in zip(report.sources, report.rows, strict=True)] == [
        ("VND", 5.0), ("VND", 5.0)]


@pytest.mark.parametrize(("header", "plan", "cell", "amount", "unit"), [
    ("date,campaign,spend (₹ lakh)", "INR", "1.5", 150_000.0, "lakh"),
    ("Day,Campaign,Cost (₹ Lakhs)", "INR", "2", 200_000.0, "lakh"),
    ("date,campaign,spend (INR crore)", "INR", "0.25", 2_500_000.0, "crore"),
    ("date,campaign,spend (₹ Cr)", "INR", "3", 30_000_000.0, "crore"),
    # Rs is the plan's currency where it may mean it, in the scale the header states.
    ("date,campaign,spend (Rs. in lakhs)", "PKR", "0.5", 50_000.0, "lakh"),
])
def test_lakh_and_crore_in_a_header_are_scales_of_its_currency(tmp_path: Path, header: str, plan: str, cell: str,
                                                               amount: float, unit: str) -> None:
    path = written(tmp_path, f"{header}\n2025-03-01,dy_a,{cell}\n")
    report = read_report([path], HORIZON, currency=plan)
    (source,) = report.sources
    assert ([row.spend for row in report.rows], source.currency, source.units["spend"]) == ([amount], plan, unit)


def test_a_scale_in_another_currency_than_the_plans_is_refused_as_its_currency(tmp_path: Path) -> None:
    path = written(tmp_path, "date,campaign,spend (₹ lakh)\n2025-03-01,dy_a,1\n")
    assert refusals(path, "EUR") == [
        f"{path}:1:3: spend (₹ lakh): expected money in EUR (the plan's currency), found ₹ lakh (INR); actuals converts "
        "no currency: convert the export to EUR, or the plan to INR"]


@pytest.mark.parametrize(("bracket", "money", "word"), [("₹ thousand", "₹", "thousand"),
                                                        ("USD thousands", "USD", "thousands"),
                                                        ("Rs. in millions", "Rs.", "millions")])
def test_a_scale_this_reader_does_not_know_is_refused_as_such(tmp_path: Path, bracket: str, money: str,
                                                              word: str) -> None:
    path = written(tmp_path, f"date,campaign,spend ({bracket})\n2025-03-01,dy_a,1\n")
    (error,) = refusals(path, "INR")
    assert error == (f"{path}:1:3: spend ({bracket}): expected a unit of money (元, 分, 万元 or a currency such as "
                     f"CNY, USD, 美元, $), found '{bracket}'; '{word}' is no scale this reader knows (lakh, crore): "
                     f"export the amounts in {money}")
    assert translate(error.split(": ", 2)[2]).endswith(
        f"；'{word}' 不是本工具认识的计量单位（只认识 lakh 即十万、crore 即千万）：请以 {money} 为单位导出金额")
