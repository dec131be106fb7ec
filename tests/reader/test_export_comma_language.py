"""Read with a decimal point, an export whose header is German, French, Spanish or Portuguese read ``1,500`` cost as
1500 and ``2,125`` conversions as 2125 (QA: a thousand times off, exit 0), where its language writes 1.5 and 2.125.
Such a cell is refused, naming the header and --decimal-comma; an English header's ``1,500`` (Google Ads in English
writes ``1,500.00``, in a EUR account too) reads as before. And with --decimal-comma, an English export given beside a
German one has its decimal point refused saying the option reads every export given (QA: ``1500.00`` got a hint on
digit groups)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke
from export_files import HORIZON, export_errors, write_export

from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.exports import read_report

PLAN = Path(__file__).resolve().parents[2] / "aigc_roi" / "templates" / "chat-assistant-cpa.yaml"
"""Starts 2025-03, in CNY; its channel Douyin activation CPA is mapped to the exports' dy_* campaigns."""


def _either(header: str, body: str, comma: str, point: str) -> str:
    return (f"the export's header {header!r} is in a language that writes a decimal comma, where {body} is {comma}, "
            f"not {point}: read it with decimal_comma=True")


@pytest.mark.parametrize(("header", "named"), [
    ("Tag,Kampagne,Kosten,Conversions", "Kampagne"), ("Dia,Campanha,Custo,Conversões", "Campanha"),
    ("Jour,Campagne,Coût,Conversions", "Campagne"), ("Día,Campaña,Coste,Conversiones", "Campaña")])
def test_a_comma_before_three_digits_in_a_decimal_comma_language_is_refused(tmp_path: Path, header: str,
                                                                             named: str) -> None:
    path = write_export(tmp_path, "g.csv", f'{header}\n2025-01-03,dy_a,"1,500","2,125"\n')
    assert export_errors([path], HORIZON, currency="EUR") == [
        f"{path}:2:3: {header.split(',')[2]}: expected a number, found '1,500'; {_either(named, '1,500', '1.5', '1500')}",
        f"{path}:2:4: {header.split(',')[3]}: expected a number, found '2,125'; "
        f"{_either(named, '2,125', '2.125', '2125')}"]


def test_commas_that_say_their_mark_read_in_a_decimal_comma_language(tmp_path: Path) -> None:
    """Two groups are thousands whatever the language; a decimal point after a group says it too."""
    path = write_export(tmp_path, "g.csv", 'Tag,Kampagne,Kosten,Conversions\n2025-01-03,dy_a,"1,234,567","1,500.50"\n')
    assert [(row.spend, row.users) for row in read_report([path], HORIZON, currency="EUR").rows] == [
        (1_234_567.0, 1500.5)]


def test_an_english_header_reads_a_comma_before_three_digits_as_thousands(tmp_path: Path) -> None:
    path = write_export(tmp_path, "g.csv", 'Day,Campaign,Cost,Conversions\n2025-01-03,dy_a,"1,500","2,125"\n')
    assert [(row.spend, row.users) for row in read_report([path], HORIZON, currency="EUR").rows] == [(1500.0, 2125.0)]


def test_the_refusal_reads_in_chinese() -> None:
    assert translate(_either("Kosten", "1,500", "1.5", "1500")) == (
        "报表的表头 'Kosten' 所用语言以逗号为小数点，1,500 即为 1.5，而非 1500：请用 decimal_comma=True 读取")


def test_an_english_export_beside_a_german_one_under_the_option_says_the_option_reads_both(tmp_path: Path) -> None:
    german = write_export(tmp_path, "de.csv", "Tag;Kampagne;Kosten;Conversions\n2025-03-03;dy_a;1.234,56;2\n")
    english = write_export(tmp_path, "en.csv", "Day,Campaign,Cost,Conversions\n2025-03-03,dy_b,1500.00,3\n")
    result = invoke(["actuals", str(PLAN), str(german), str(english), "--decimal-comma"])
    assert result.exit_code == 2 and result.stderr.splitlines() == [
        f"{english}:2:3: Cost: expected a number with a decimal comma (1.234,56), found '1500.00'; a decimal point, as "
        "this export writes its numbers, while --decimal-comma reads every export given with a decimal comma: read "
        "this one without it, in a run of its own, or export it with a decimal comma"]
