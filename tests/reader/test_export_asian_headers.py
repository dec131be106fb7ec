"""Meta Ads Manager exports in its UI's Japanese and Korean (reader/exports/locales.py ``META_ADS_DECIMAL_POINT``): a
report of ``日, キャンペーン名, 消化金額 (JPY)`` or ``일, 캠페인 이름, 지출 금액 (KRW)`` was refused as no known
export. Their headers are as docs/actuals.md's sources spell them; their numbers write a decimal point, so ``1,250``
is twelve hundred and fifty, as in the English twin. Every total is by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_files import HORIZON, export_errors, write_export

from aigc_roi.model.actuals import Report
from aigc_roi.reader.exports import read_report

# Meta's first row sums the others, every name empty; two ads of one campaign-day, then a second day.
ROWS = (",,,2000.5,15000,110\n"
        '2025-03-01,m_a,ad1,"1,250",10000,80\n'
        "2025-03-01,m_a,ad2,500,4000,20\n"
        "2025-03-02,m_a,ad1,250.5,1000,10\n")
ENGLISH = "Day,Campaign name,Ad name,Amount spent ({}),Impressions,Link clicks\n"
TWINS = [
    ("JPY", "日,キャンペーン名,広告名,消化金額 (JPY),インプレッション,リンクのクリック\n", "日", "広告名", "リンクのクリック"),
    ("KRW", "일,캠페인 이름,광고 이름,지출 금액 (KRW),노출,링크 클릭\n", "일", "광고 이름", "링크 클릭"),
]


def _read(tmp_path: Path, text: str, currency: str) -> Report:
    return read_report([write_export(tmp_path, "meta.csv", text)], HORIZON, currency=currency)


def _days(report: Report) -> list[tuple[int, str, float, float, float]]:
    return [(row.day.day, row.campaign, row.spend, row.impressions or 0, row.clicks or 0) for row in report.rows]


@pytest.mark.parametrize(("currency", "header", "day", "ad", "clicks"), TWINS, ids=["ja", "ko"])
def test_a_meta_export_in_japanese_or_korean_reads_as_its_english_twin(
        tmp_path: Path, currency: str, header: str, day: str, ad: str, clicks: str) -> None:
    report = _read(tmp_path, header + ROWS, currency)
    (source,) = report.sources
    assert (source.platform, source.currency, source.columns["date"]) == ("meta_ads", currency, day)
    assert (source.grain, source.columns["clicks"]) == ((ad,), clicks)
    # 1,250 + 500 on the 1st (twelve hundred and fifty, no decimal comma asked for), 250.50 on the 2nd; the totals
    # row's 2,000.50 not added.
    assert _days(report) == [(1, "m_a", 1750.0, 14000.0, 100.0), (2, "m_a", 250.5, 1000.0, 10.0)]
    assert _days(report) == _days(_read(tmp_path, ENGLISH.format(currency) + ROWS, currency))


@pytest.mark.parametrize(("currency", "header", "spend"), [
    ("JPY", TWINS[0][1], "消化金額 (JPY)"), ("KRW", TWINS[1][1], "지출 금액 (KRW)")], ids=["ja", "ko"])
def test_a_japanese_or_korean_meta_amount_states_its_currency_in_its_bracket(
        tmp_path: Path, currency: str, header: str, spend: str) -> None:
    path = write_export(tmp_path, "meta.csv", header + ROWS)
    assert export_errors([path], HORIZON, currency="CNY") == [
        f"{path}:1:4: {spend}: expected money in CNY (the plan's currency), found {currency}; actuals converts no "
        f"currency: convert the export to CNY, or the plan to {currency}"]


# The span's headers as a Korean export writes them (``보고 시작``, ``보고 종료``, an ad-level report of no campaign
# column: each ad is its own campaign), and a Japanese one's.
SPANS = [("KRW", '"보고 시작","보고 종료","광고 이름","지출 금액 (KRW)",노출\n', "보고 시작", "보고 종료"),
         ("JPY", "レポート開始日,レポート終了日,キャンペーン名,消化金額 (JPY),インプレッション\n", "レポート開始日", "レポート終了日")]


@pytest.mark.parametrize(("currency", "header", "first", "last"), SPANS, ids=["ko", "ja"])
def test_a_meta_report_of_one_day_spans_is_read_by_its_first_day(
        tmp_path: Path, currency: str, header: str, first: str, last: str) -> None:
    report = _read(tmp_path, header + '2025-03-01,2025-03-01,m_a,1000,50\n2025-03-02,2025-03-02,m_a,"2,000",70\n',
                   currency)
    assert (report.sources[0].columns["date"], _days(report)) == (
        first, [(1, "m_a", 1000.0, 50.0, 0), (2, "m_a", 2000.0, 70.0, 0)])


@pytest.mark.parametrize(("currency", "header", "first", "last"), SPANS, ids=["ko", "ja"])
def test_a_meta_report_not_broken_down_by_day_is_refused(
        tmp_path: Path, currency: str, header: str, first: str, last: str) -> None:
    path = write_export(tmp_path, "meta.csv", header + "2025-03-01,2025-03-31,m_a,31000,900\n")
    assert export_errors([path], HORIZON, currency=currency) == [
        f"{path}:2:2: {last}: expected 2025-03-01, the row's own day, found 2025-03-31; a row over 31 days sums "
        "them: export the report broken down by day"]
