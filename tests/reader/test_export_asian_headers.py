"""Meta Ads Manager exports in its UI's Japanese (reader/exports/locales.py ``META_ADS_DECIMAL_POINT``): a report of
``日, キャンペーン名, 消化金額 (JPY)`` was refused as no known export. Its headers are as docs/actuals.md's sources
spell them; its numbers write a decimal point, so ``1,250`` is twelve hundred and fifty, as in its English twin. Every
total is by hand."""

from __future__ import annotations

from pathlib import Path

from export_files import HORIZON, export_errors, write_export

from aigc_roi.model.actuals import Report
from aigc_roi.reader.exports import read_report

# Meta's first row sums the others, every name empty; two ads of one campaign-day, then a second day.
ROWS = (",,,2000.5,15000,110\n"
        '2025-03-01,m_jp,ad1,"1,250",10000,80\n'
        "2025-03-01,m_jp,ad2,500,4000,20\n"
        "2025-03-02,m_jp,ad1,250.5,1000,10\n")
ENGLISH = "Day,Campaign name,Ad name,Amount spent (JPY),Impressions,Link clicks\n" + ROWS
JAPANESE = "日,キャンペーン名,広告名,消化金額 (JPY),インプレッション,リンクのクリック\n" + ROWS


def _read(tmp_path: Path, text: str, currency: str = "JPY") -> Report:
    return read_report([write_export(tmp_path, "meta.csv", text)], HORIZON, currency=currency)


def _days(report: Report) -> list[tuple[int, str, float, float, float]]:
    return [(row.day.day, row.campaign, row.spend, row.impressions or 0, row.clicks or 0) for row in report.rows]


def test_a_japanese_meta_export_reads_as_its_english_twin(tmp_path: Path) -> None:
    report = _read(tmp_path, JAPANESE)
    (source,) = report.sources
    assert (source.platform, source.currency, source.columns["date"]) == ("meta_ads", "JPY", "日")
    assert (source.grain, source.columns["clicks"]) == (("広告名",), "リンクのクリック")
    # 1,250 + 500 on the 1st (twelve hundred and fifty, no decimal comma asked for), 250.50 on the 2nd; the totals
    # row's 2,000.50 not added.
    assert _days(report) == [(1, "m_jp", 1750.0, 14000.0, 100.0), (2, "m_jp", 250.5, 1000.0, 10.0)]
    assert _days(report) == _days(_read(tmp_path, ENGLISH))


def test_a_japanese_meta_amount_states_its_currency_in_its_bracket(tmp_path: Path) -> None:
    path = write_export(tmp_path, "meta.csv", JAPANESE)
    assert export_errors([path], HORIZON, currency="CNY") == [
        f"{path}:1:4: 消化金額 (JPY): expected money in CNY (the plan's currency), found JPY; actuals converts no "
        "currency: convert the export to CNY, or the plan to JPY"]


SPAN = "レポート開始日,レポート終了日,キャンペーン名,消化金額 (JPY)\n"


def test_a_japanese_meta_report_of_one_day_spans_is_read_by_its_first_day(tmp_path: Path) -> None:
    report = _read(tmp_path, SPAN + "2025-03-01,2025-03-01,m_jp,1000\n2025-03-02,2025-03-02,m_jp,\"2,000\"\n")
    assert (report.sources[0].columns["date"], _days(report)) == (
        "レポート開始日", [(1, "m_jp", 1000.0, 0, 0), (2, "m_jp", 2000.0, 0, 0)])


def test_a_japanese_meta_report_not_broken_down_by_day_is_refused(tmp_path: Path) -> None:
    path = write_export(tmp_path, "meta.csv", SPAN + "2025-03-01,2025-03-31,m_jp,31000\n")
    assert export_errors([path], HORIZON, currency="JPY") == [
        f"{path}:2:2: レポート終了日: expected 2025-03-01, the row's own day, found 2025-03-31; a row over 31 days sums "
        "them: export the report broken down by day"]
