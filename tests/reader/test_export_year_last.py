"""Dates written with the year last, as the consoles write them in English: a month's name (Google Ads' ``Mar 1,
2025``) is read in any export; two numbers before the year (Apple Ads' ``03/01/2025``) only where the shape says
which is the month, and elsewhere refused at the cell with why, never read one way round by a guess."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from export_files import export_errors, write_export

from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.exports import Horizon, read_report
from aigc_roi.reader.exports.cells import CellError, day

HORIZON = Horizon.of((2025, 3), 12)


def _days(path: Path, currency: str = "CNY") -> list[tuple[datetime.date, float]]:
    return [(row.day, row.spend) for row in read_report([path], HORIZON, currency=currency).rows]


@pytest.mark.parametrize(("text", "expected"), [
    ("Mar 1, 2025", datetime.date(2025, 3, 1)),
    ("March 1, 2025", datetime.date(2025, 3, 1)),
    ("Aug 1, 2026", datetime.date(2026, 8, 1)),
    ("sept 30, 2025", datetime.date(2025, 9, 30)),
    ("Dec. 31, 2025", datetime.date(2025, 12, 31)),
    ("1 Mar 2025", datetime.date(2025, 3, 1)),
    ("12 December 2025", datetime.date(2025, 12, 12)),
    ("Mar 1, 2025 13:00", datetime.date(2025, 3, 1)),
    # Excel's d-mmm-yyyy, a comma with no space after it, a time of the 12-hour clock: the month's name says which
    # number is the day whatever the rest.
    ("1-Mar-2025", datetime.date(2025, 3, 1)),
    ("01-Mar-2025", datetime.date(2025, 3, 1)),
    ("31-Dec-2025", datetime.date(2025, 12, 31)),
    ("Mar 1,2025", datetime.date(2025, 3, 1)),
    ("Mar 1, 2025 1:00 PM", datetime.date(2025, 3, 1)),
    ("Mar 31, 2025, 11:59:59 PM", datetime.date(2025, 3, 31)),
])
def test_a_date_that_names_its_month_is_read_whatever_the_shape(text: str, expected: datetime.date) -> None:
    assert day(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("03/01/2025", datetime.date(2025, 3, 1)),
    ("3/1/2025", datetime.date(2025, 3, 1)),
    ("12/31/2025", datetime.date(2025, 12, 31)),
    ("03/01/2025 01:00", datetime.date(2025, 3, 1)),
    ("3/1/2025 1:00:00 PM", datetime.date(2025, 3, 1)),
    ("3/1/2025, 1:00:00 PM", datetime.date(2025, 3, 1)),
    ("3/31/2025 12:00 AM", datetime.date(2025, 3, 31)),
])
def test_two_numbers_before_the_year_are_month_first_where_the_shape_says_so(text: str, expected: datetime.date) -> None:
    assert day(text, month_first=True) == expected


REWRITTEN = ("its dates are month first with slashes (MM/DD/YYYY), and one with dots or dashes is a day-first form "
             "(DD.MM.YYYY) a spreadsheet rewrote it in: export the report again, or write its dates as YYYY-MM-DD")


@pytest.mark.parametrize(("text", "month_first", "found"), [
    ("03/01/2025", False, "'03/01/2025'; a date of two numbers before its year may be month first (MM/DD/YYYY) or day "
                          "first (DD/MM/YYYY), and the export does not say which: write its dates as YYYY-MM-DD"),
    ("15/03/2025", True, "'15/03/2025'; its dates are month first (MM/DD/YYYY), and 15 is no month"),
    ("02/30/2025", True, "'02/30/2025' (no such day: 2025-02 has 28 days)"),
    ("Feb 30, 2025", False, "'Feb 30, 2025' (no such day: 2025-02 has 28 days)"),
    ("Foo 1, 2025", False, "'Foo 1, 2025'"),
    ("03/01/25", True, "'03/01/25'; a year of two digits may be of any century: write its dates as YYYY-MM-DD"),
    ("1-Mar-25", False, "'1-Mar-25'; a year of two digits may be of any century: write its dates as YYYY-MM-DD"),
    ("03-01-2025", True, f"'03-01-2025'; {REWRITTEN}"),
    ("01.03.2025", True, f"'01.03.2025'; {REWRITTEN}"),
    ("3/1/2025 13:00 PM", True, "'3/1/2025 13:00 PM'"),
    ("2025-03-01 24:00", False, "'2025-03-01 24:00'"),
])
def test_a_date_of_no_day_says_why(text: str, month_first: bool, found: str) -> None:
    with pytest.raises(CellError) as refused:
        day(text, month_first=month_first)
    assert (refused.value.expected, refused.value.found) == ("a date YYYY-MM-DD", found)


def test_google_ads_dates_in_an_english_locale_are_read(tmp_path: Path) -> None:
    path = write_export(tmp_path, "google.csv", 'Campaign report\n"March 1, 2025 - March 31, 2025"\n'
                                                'Day,Campaign,Cost\n"Mar 1, 2025",g_uac,1.50\n"Mar 2, 2025",g_uac,2.25\n'
                                                '"Aug 1, 2025",g_uac,3.00\n')
    assert _days(path) == [(datetime.date(2025, 3, 1), 1.5), (datetime.date(2025, 3, 2), 2.25),
                           (datetime.date(2025, 8, 1), 3.0)]


def test_apple_ads_charts_download_is_read_month_first(tmp_path: Path) -> None:
    path = write_export(tmp_path, "apple.csv", "Currency: USD\nDay,Campaign Name,Spend,Taps,Installs (Tap-Through)\n"
                                               "03/01/2025,asa_brand,12.00,30,6\n03/02/2025,asa_brand,8.00,20,4\n"
                                               "12/01/2025,asa_brand,5.00,10,1\n")
    # 12/01 is December 1 here, never 12 January.
    assert _days(path, currency="USD") == [(datetime.date(2025, 3, 1), 12.0), (datetime.date(2025, 3, 2), 8.0),
                                           (datetime.date(2025, 12, 1), 5.0)]


def test_a_date_of_two_numbers_before_the_year_is_refused_where_the_shape_does_not_say_their_order(tmp_path: Path) -> None:
    # Google Ads is not known to write them; a sheet of one's own may have been saved day first or month first.
    google = write_export(tmp_path, "google.csv", "Day,Campaign,Cost\n03/01/2025,g_uac,1.50\n")
    sheet = write_export(tmp_path, "sheet.csv", "date,campaign,spend\n15/03/2025,dy_a,2\n")
    hint = ("a date of two numbers before its year may be month first (MM/DD/YYYY) or day first (DD/MM/YYYY), and the "
            "export does not say which: write its dates as YYYY-MM-DD")
    errors = export_errors([google, sheet], HORIZON)
    # 15 is no month, so that date is day first; the refusal says so, not that it may be month first.
    assert errors == [f"{google}:2:1: Day: expected a date YYYY-MM-DD, found '03/01/2025'; {hint}",
                      f"{sheet}:2:1: date: expected a date YYYY-MM-DD, found '15/03/2025'; 15 is no month, so this date "
                      "is day first (DD/MM/YYYY), but the export does not say its other dates are: write its dates as "
                      "YYYY-MM-DD"]
    assert translate(errors[0].split(": ", 2)[2]) == (
        "应为 YYYY-MM-DD 格式的日期，实际为 '03/01/2025'；年份前写两个数字的日期可能是月在前（MM/DD/YYYY），也可能是日在前"
        "（DD/MM/YYYY），报表未表明是哪种：请把日期写成 YYYY-MM-DD")


def test_an_apple_date_of_no_month_is_refused_at_its_cell_in_english_and_chinese(tmp_path: Path) -> None:
    path = write_export(tmp_path, "apple.csv", "Day,Campaign Name,Spend,Taps\n13/01/2025,asa_brand,12.00,30\n")
    (error,) = export_errors([path], HORIZON)
    assert error == (f"{path}:2:1: Day: expected a date YYYY-MM-DD, found '13/01/2025'; its dates are month first "
                     "(MM/DD/YYYY), and 13 is no month")
    assert translate(error.split(": ", 2)[2]) == (
        "应为 YYYY-MM-DD 格式的日期，实际为 '13/01/2025'；其日期为月在前（MM/DD/YYYY），而 13 不是月份")


def test_a_campaign_called_total_on_a_month_first_day_is_a_campaign_where_a_glob_names_it(tmp_path: Path) -> None:
    # A totals row has no day; a row of Apple's month-first day has one, so the plan's glob makes it a campaign.
    path = write_export(tmp_path, "apple.csv", "Day,Campaign Name,Spend,Taps\n03/01/2025,Total,12.00,30\n")
    (row,) = read_report([path], HORIZON, globs=("Total*",)).rows
    assert (row.day, row.campaign, row.spend) == (datetime.date(2025, 3, 1), "Total", 12.0)


def test_an_apple_export_of_dotted_dates_is_refused_not_read_month_first(tmp_path: Path) -> None:
    # 01.03.2025 read as Apple's month first was 2025-01-03, outside the plan; as a day-first locale writes it, March 1.
    path = write_export(tmp_path, "apple.csv", "Day,Campaign Name,Spend,Taps,Installs (Tap-Through)\n"
                                               "01.03.2025,asa_brand,12.00,30,6\n02.03.2025,asa_brand,8.00,20,4\n")
    errors = export_errors([path], HORIZON)
    assert errors == [f"{path}:2:1: Day: expected a date YYYY-MM-DD, found '01.03.2025'; {REWRITTEN}",
                      f"{path}:3:1: Day: expected a date YYYY-MM-DD, found '02.03.2025'; {REWRITTEN}"]
    assert translate(errors[0].split(": ", 2)[2]) == (
        "应为 YYYY-MM-DD 格式的日期，实际为 '01.03.2025'；其日期为月在前、以斜杠分隔（MM/DD/YYYY），以点或短横分隔的是"
        "电子表格改写成的日在前格式（DD.MM.YYYY）：请重新导出报表，或把日期写成 YYYY-MM-DD")


def test_excel_day_month_name_dates_are_read_in_any_export(tmp_path: Path) -> None:
    path = write_export(tmp_path, "sheet.csv", 'date,campaign,spend\n1-Mar-2025,g_a,5\n02-Mar-2025,g_a,7.5\n'
                                               '"Mar 3,2025",g_a,1\n')
    assert _days(path) == [(datetime.date(2025, 3, 1), 5.0), (datetime.date(2025, 3, 2), 7.5),
                           (datetime.date(2025, 3, 3), 1.0)]


def test_an_hourly_apple_export_of_12_hour_times_is_read_by_hour(tmp_path: Path) -> None:
    path = write_export(tmp_path, "apple.csv", "Day,Campaign Name,Spend,Taps\n3/1/2025 12:00:00 AM,asa_x,4.00,1\n"
                                               "3/1/2025 1:00:00 PM,asa_x,1.00,1\n3/1/2025 2:00:00 PM,asa_x,2.00,1\n")
    report = read_report([path], HORIZON, currency="USD")
    # Three hours of one day (00:00, 13:00, 14:00): 4.00 + 1.00 + 2.00 = 7.00, two rows summed into the first.
    assert [(row.day, row.spend) for row in report.rows] == [(datetime.date(2025, 3, 1), 7.0)]
    (source,) = report.sources
    assert (source.grain, source.parts) == (("hour",), 2)
