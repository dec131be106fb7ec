"""A column no shape names whose every cell is an ISO 4217 code is the rows' currency (reader/exports/currency_column.py
CodeColumns). Meta's Japanese export with a ``通貨`` column of ``JPY`` read against a CNY plan listed ``ignored: 通貨``
and read 1,250 yen as 1,250 yuan; the Korean ``통화`` alike. Such a column is now held to the plan's currency, as the
English ``Currency`` is, whatever its header's language; a column of other three-letter words is still ignored."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_files import HORIZON, refusals, workbook, written

from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.exports import read_report

READ_AS = "a column whose every cell is an ISO 4217 currency code is read as each row's currency"

JAPANESE = ("日,キャンペーン名,通貨,消化金額,インプレッション,リンクのクリック\n"
            '2025-03-01,m_jp,JPY,"1,250",1000,10\n2025-03-02,m_jp,JPY,"2,000",1500,12\n')
KOREAN = ("일,캠페인 이름,통화,지출 금액,노출,링크 클릭\n"
          '2025-03-01,m_kr,KRW,"12,500",1000,10\n2025-03-02,m_kr,KRW,"7,500",900,8\n')
MADE_UP = ("Day,Campaign name,Zorvalu,Amount spent,Impressions,Link clicks\n"
           "2025-03-01,m_zz,USD,10.00,100,1\n2025-03-02,m_zz,,11.00,100,1\n2025-03-03,m_zz,EUR,12.00,100,1\n"
           "2025-03-04,m_zz,USD,13.00,100,1\n")
"""A header in no language at all: only its cells say it is a currency column. Its empty cell states nothing."""


def _refusal(path: Path, line: int, header: str, code: str, plan: str = "CNY") -> str:
    return (f"{path}:{line}:3: {header}: expected {plan} (the plan's currency), found '{code}'; {READ_AS}; actuals "
            f"converts no currency: convert the export to {plan}, or the plan to {code}")


@pytest.mark.parametrize(("text", "header", "code"), [(JAPANESE, "通貨", "JPY"), (KOREAN, "통화", "KRW")],
                         ids=["ja", "ko"])
def test_a_localized_meta_currency_column_in_another_currency_is_refused(tmp_path: Path, text: str, header: str,
                                                                         code: str) -> None:
    path = written(tmp_path, text)
    # Once, at its first cell (line 2, the third column): the fix is one for all of its rows.
    assert refusals(path) == [_refusal(path, 2, header, code)]


def test_a_made_up_header_of_codes_is_refused_once_per_other_currency(tmp_path: Path) -> None:
    path = written(tmp_path, MADE_UP)
    # USD first on line 2, EUR first on line 4; USD again on line 5 is not told twice.
    assert refusals(path, "CNY") == [_refusal(path, 2, "Zorvalu", "USD"), _refusal(path, 4, "Zorvalu", "EUR")]
    # Against a USD plan only the EUR row is in another currency.
    assert refusals(path, "USD") == [_refusal(path, 4, "Zorvalu", "EUR", plan="USD")]


@pytest.mark.parametrize(("text", "header", "code", "spend"), [
    (JAPANESE, "通貨", "JPY", 3250.0),  # 1,250 + 2,000 yen
    (KOREAN, "통화", "KRW", 20000.0),  # 12,500 + 7,500 won
], ids=["ja", "ko"])
def test_a_column_of_the_plans_code_is_read_as_its_currency_column(tmp_path: Path, text: str, header: str, code: str,
                                                                   spend: float) -> None:
    report = read_report([written(tmp_path, text)], HORIZON, currency=code)
    (source,) = report.sources
    assert (source.columns["currency"], source.column_numbers["currency"], source.ignored) == (header, 3, ())
    assert source.currency == code
    assert sum(row.spend for row in report.rows) == spend


@pytest.mark.parametrize("cells", [
    ("ACT", "ACT"),  # a status: three capitals, no currency's code
    ("JPY", "ACT"),  # one code among other words: no currency column
    ("jpy", "jpy"),  # codes are written in capitals; a word in lower case may be any word ("all", "top")
    ("JPY1", "JPY1"),  # a campaign's code that begins with one
])
def test_a_column_of_other_words_is_still_ignored(tmp_path: Path, cells: tuple[str, str]) -> None:
    text = ("日,キャンペーン名,状態,消化金額\n"
            f'2025-03-01,m_jp,{cells[0]},"1,250"\n2025-03-02,m_jp,{cells[1]},"2,000"\n')
    report = read_report([written(tmp_path, text)], HORIZON, currency="CNY")
    (source,) = report.sources
    assert source.ignored == ("状態",) and "currency" not in source.columns
    assert sum(row.spend for row in report.rows) == 3250.0


def test_a_generic_csv_with_a_code_column_is_held_too(tmp_path: Path) -> None:
    path = written(tmp_path, "date,campaign,spend,Währung des Kontos\n2025-03-01,g_a,9.50,GBP\n")
    assert refusals(path) == [
        f"{path}:2:4: Währung des Kontos: expected CNY (the plan's currency), found 'GBP'; {READ_AS}; actuals converts "
        "no currency: convert the export to CNY, or the plan to GBP"]


def test_the_refusal_reads_in_chinese() -> None:
    message = (f"expected CNY (the plan's currency), found 'JPY'; {READ_AS}; actuals converts no currency: convert the "
               "export to CNY, or the plan to JPY")
    assert translate(message) == ("应为 CNY（方案的币种），实际为 'JPY'；每个单元格都是 ISO 4217 货币代码的列按各行的币种读取；"
                                  "actuals 不做币种换算：请把报表换算为 CNY，或把方案换算为 JPY")


def test_a_workbooks_code_column_is_held_past_its_empty_cells(tmp_path: Path) -> None:
    path = workbook(tmp_path / "meta.xlsx", {"Sheet1": [["日", "キャンペーン名", "通貨", "消化金額"],
                                                          ["2025-03-01", "m_jp", None, 1250], ["2025-03-02", "m_jp", "JPY", 2000]]})
    # Row 2's cell is empty: the first cell in JPY is row 3's.
    assert refusals(path) == [_refusal(path, 3, "通貨", "JPY")]


BREAKDOWNS = ("Day,Campaign name,Age,Gender,Placement,Amount spent,Impressions,Link clicks\n"
              "2025-03-01,m_en,ALL,ALL,TOP,10.00,100,1\n2025-03-02,m_en,ALL,ALL,TOP,11.00,100,1\n")
"""Breakdown columns whose cells are words that ISO 4217 also lists (ALL: the Albanian lek, TOP: the Tongan pa'anga)."""


def test_columns_of_words_that_are_also_codes_stay_ignored(tmp_path: Path) -> None:
    """QA: this export, read before the codes columns were held to the plan's currency, was refused as in lek and
    pa'anga (Age, Gender, Placement)."""
    report = read_report([written(tmp_path, BREAKDOWNS)], HORIZON, currency="CNY")
    (source,) = report.sources
    assert set(source.ignored) == {"Age", "Gender", "Placement"}
    assert sum(row.spend for row in report.rows) == 21.0


def test_a_word_code_beside_another_code_is_a_currency(tmp_path: Path) -> None:
    path = written(tmp_path, MADE_UP.replace(",USD,10.00", ",ALL,10.00"))
    assert refusals(path, "CNY") == [_refusal(path, 2, "Zorvalu", "ALL"), _refusal(path, 4, "Zorvalu", "EUR"),
                                     _refusal(path, 5, "Zorvalu", "USD")]
