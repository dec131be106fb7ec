"""An unknown header's refusal names the fix the file needs. ``Datum,Kampagne,Kosten,...`` was told to export the
report broken down by day, though its Datum column holds a date on every row: it is by day, under a name no shape
reads. ``Day,Campaign,Spend,Impressions,Clicks,Installs``, a sheet of one's own, was told it is an Apple Ads export
lacking its campaign column and Taps, where the generic CSV lacks only its ``date`` (and Google's shape only its
``Cost``)."""

from __future__ import annotations

from pathlib import Path

from export_files import HORIZON, export_errors, write_export

from aigc_roi.present.messages_zh import translate

GOOGLE_DATES = "(Day|Tag|Jour|Día|Dia)"
GOOGLE_SPEND = "(Cost|Kosten|Coût|Coste|Costo|Custo)"


def _refusal(tmp_path: Path, text: str) -> str:
    path = write_export(tmp_path, "export.csv", text)
    (error,) = export_errors([path], HORIZON)
    prefix = f"{path}:1:1: header: "
    assert error.startswith(prefix)
    return error.removeprefix(prefix)


def test_a_date_column_under_another_name_is_named_not_a_report_without_days(tmp_path: Path) -> None:
    refusal = _refusal(tmp_path, "Datum,Kampagne,Kosten,Impr.,Klicks\n2025-01-01,g_a,10,45000,1\n"
                                 "2025-01-02,g_a,12,45001,2\n")
    assert refusal == ("expected the columns of a known export, found Datum, Kampagne, Kosten, Impr., Klicks; a Google "
                       f"Ads export reads its days from a column named {GOOGLE_DATES}, and none is: 'Datum' holds "
                       "dates, so name it one of them")
    assert translate(refusal) == (
        "应为已知报表的列，实际为 Datum、Kampagne、Kosten、Impr.、Klicks；Google Ads报表从名为 "
        f"{GOOGLE_DATES} 的列读取日期，但没有这样的列：'Datum' 列是日期，请把它改名为其中之一")


def test_a_report_whose_columns_hold_no_dates_is_told_to_export_it_by_day(tmp_path: Path) -> None:
    """Months are no days, and impressions of 45,000 are no date serials (45000 would be 2023-03-15)."""
    refusal = _refusal(tmp_path, "Zeitraum,Kampagne,Kosten,Impr.\n2025-01,g_a,10,45000\n")
    assert refusal == ("expected the columns of a known export, found Zeitraum, Kampagne, Kosten, Impr.; a Google Ads "
                       f"export needs its date column {GOOGLE_DATES}: export the report broken down by day")


def test_a_sheet_of_common_words_is_told_the_generic_csv_and_the_shape_as_near(tmp_path: Path) -> None:
    refusal = _refusal(tmp_path, "Day,Campaign,Spend,Impressions,Clicks,Installs\n2025-01-01,a,10,100,5,1\n")
    assert refusal == ("expected the columns of a known export, found Day, Campaign, Spend, Impressions, Clicks, "
                       "Installs; a generic CSV export needs its date column date, or a Google Ads export its spend "
                       f"column {GOOGLE_SPEND}")
    assert translate(refusal) == (
        "应为已知报表的列，实际为 Day、Campaign、Spend、Impressions、Clicks、Installs；通用 CSV报表需要其日期列 date；"
        f"或者，Google Ads报表需要其花费列 {GOOGLE_SPEND}")


def test_a_platforms_shape_lacking_fewer_columns_is_named_alone(tmp_path: Path) -> None:
    """Apple's Taps beside its Day and Spend: the generic CSV would lack its date and campaign, Apple its campaign."""
    refusal = _refusal(tmp_path, "Day,Spend,Taps,Installs (Tap-Through)\n2025-01-01,10,5,1\n")
    assert refusal == ("expected the columns of a known export, found Day, Spend, Taps, Installs (Tap-Through); an "
                       "Apple Ads (Search Ads) export needs its campaign column (Campaign Name|Ad Group Name|Campaign "
                       "ID|Ad Group ID)")
