"""A CSV in Windows-1252, as Excel saves "CSV" on a German or Brazilian Windows, is no UTF-8 and was read as GBK with
no word (QA: Promoção Verão unmatched as 'Promo玢o Ver鉶', exit 0, no warning; a cell '1500 €' refused as
'1500 �' with nothing on the file's encoding). Read as GBK still, it is doubted where its GBK reading holds a
character GB2312 has not, or where the plan's currency is not CNY and no header read is Chinese: the summary names
the first such cell as GBK and as Windows-1252 read it, and a refused cell of such text says the file is not UTF-8.
A Chinese export in GBK is read as before, without a word."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from actuals_plans import two_channel_plan
from cli_runner import invoke
from export_files import HORIZON, export_errors, write_export

from aigc_roi.reader.exports import read_report

GOOGLE = "Day,Campaign,Cost,Impr.,Clicks,Conversions\r\n"
PROMO = GOOGLE + "2025-01-03,Promoção Verão,1234.56,100000,1000,50\r\n"


def _doubt(path: Path, currency: str = "CNY") -> tuple[int, int, str, str | None] | None:
    """Where and how the export's GBK reading is doubted: (line, column, as GBK, as Windows-1252)."""
    doubt = read_report([path], HORIZON, currency=currency).sources[0].not_utf8
    return None if doubt is None else (doubt.line, doubt.column, doubt.gbk, doubt.windows_1252)


def test_the_premise_windows_1252_reads_as_gbk_without_a_word() -> None:
    """e7 e3 (çã) is GB2312's 玢; e3 6f (ã and o) GBK's 鉶, no GB2312 character; e9 before a comma none at all."""
    assert "Promoção Verão".encode("cp1252").decode("gb18030") == "Promo玢o Ver鉶"
    assert "Café,".encode("cp1252").decode("gb18030", errors="replace") == "Caf\ufffd,"
    assert "玢".encode("gb2312") == b"\xe7\xe3"
    with pytest.raises(UnicodeEncodeError):
        "鉶".encode("gb2312")


@pytest.mark.parametrize("currency", ["CNY", "EUR"])
def test_a_character_gb2312_has_not_doubts_the_reading_whatever_the_currency(tmp_path: Path, currency: str) -> None:
    path = write_export(tmp_path, "g.csv", PROMO, "cp1252")
    assert _doubt(path, currency) == (2, 2, "Promo玢o Ver鉶", "Promoção Verão")


@pytest.mark.parametrize(("text", "gbk", "western"), [
    # A lone accented letter before a letter: ü and h (fc 68), GBK's 黨.
    ("2025-01-03,Frühling,100,10,1,1\r\n", "Fr黨ling", "Frühling"),
    # Before a comma: no GBK character.
    ("2025-01-03,Café,100,10,1,1\r\n", "Caf\ufffd", "Café"),
    # Windows-1250 (Central European): 8F is no Windows-1252 character; 8f 72, f3 64 and b3 6f are GBK's only.
    ("2025-01-03,Źródło,100,10,1,1\r\n", "\u5f10\u9ab4\u7842", None),
])
def test_the_first_such_cell_is_named_as_each_code_page_reads_it(tmp_path: Path, text: str, gbk: str,
                                                                 western: str | None) -> None:
    encoding = "cp1250" if "Ź" in text else "cp1252"
    path = write_export(tmp_path, "g.csv", GOOGLE + "2025-01-02,g_plain,1,1,1,1\r\n" + text, encoding)
    assert _doubt(path) == (3, 2, gbk, western)


def test_the_cp1250_premise() -> None:
    """The bytes of the case above: Ź r ó d ł o is 8f 72 f3 64 b3 6f, three GBK characters outside GB2312."""
    assert "Źródło".encode("cp1250") == b"\x8f\x72\xf3\x64\xb3\x6f"
    assert b"\x8f\x72\xf3\x64\xb3\x6f".decode("gbk") == "\u5f10\u9ab4\u7842"


def test_gb2312_text_in_a_plan_of_another_currency_than_cny_is_doubted(tmp_path: Path) -> None:
    """Two accented letters together (çã) are a GB2312 character: GBK alone would read Promoção so without a word.
    A plan in EUR with an English header is no Chinese export's."""
    path = write_export(tmp_path, "g.csv", GOOGLE + "2025-01-03,Promoção,100,10,1,1\r\n", "cp1252")
    assert _doubt(path, "EUR") == (2, 2, "Promo玢o", "Promoção")
    assert _doubt(path, "CNY") is None


def test_a_chinese_export_in_a_plan_of_another_currency_names_its_first_text_past_ascii(tmp_path: Path) -> None:
    """Its GBK text read as Windows-1252: 春 b4 ba, 节 bd da, 拉 c0 ad, 新 d0 c2."""
    path = write_export(tmp_path, "g.csv", GOOGLE + "2025-01-03,gdt_a,1,1,1,1\r\n2025-01-03,春节拉新,100,10,1,1\r\n",
                        "gbk")
    assert _doubt(path, "USD") == (3, 2, "春节拉新", "\u00b4\u00ba\u00bd\u00da\u00c0\u00ad\u00d0\u00c2")


@pytest.mark.parametrize(("text", "currency"), [
    # GB2312 text, its · and — among it (GB18030 reads A1A4 and A1AA as other characters than GB2312's codec).
    ("日期,广告组名称,花费(元),曝光次数\n2025-01-05,腾讯·春节—拉新（A）,100,1000\n", "CNY"),
    # A Chinese header: the GBK reading is the export's own words, whatever the plan's currency.
    ("按天,推广系列名称,消耗,展示量\n2025-01-05,春节拉新,100,1000\n", "USD"),
])
def test_a_chinese_export_in_gbk_is_read_without_a_word(tmp_path: Path, text: str, currency: str) -> None:
    path = write_export(tmp_path, "g.csv", text, "gbk")
    assert _doubt(path, currency) is None


HINT = "the file is not UTF-8, and read as GBK this is no Chinese text: save the export as CSV UTF-8"


def test_a_cell_refused_for_what_gbk_made_of_it_says_the_file_is_not_utf8(tmp_path: Path) -> None:
    path = write_export(tmp_path, "g.csv", "date,campaign,spend\r\n2025-03-01,g_a,1500 €\r\n", "cp1252")
    assert export_errors([path], HORIZON) == [f"{path}:2:3: spend: expected a number, found '1500 \ufffd'; {HINT}"]


def test_a_chinese_exports_refused_cell_says_nothing_of_encodings(tmp_path: Path) -> None:
    path = write_export(tmp_path, "g.csv", "date,campaign,spend\n2025-01-05,腾讯_拉新,一百\n", "gbk")
    assert export_errors([path], HORIZON) == [f"{path}:2:3: spend: expected a number, found '一百'"]


def _plan(tmp_path: Path, currency: str) -> None:
    plan = two_channel_plan("Code pages").replace("start:", f"currency: {currency}\nstart:", 1)
    (tmp_path / "plan.yaml").write_text(plan, encoding="utf-8")


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "g.csv:2:2: not UTF-8, so read as GBK (Chinese Windows' encoding) as 'Promo玢o Ver鉶', which Windows-1252 "
           "reads as 'Promoção Verão'; if that is its text, save the export as CSV UTF-8"),
    ("zh", "g.csv:2:2: 不是 UTF-8，因此按 GBK（中文 Windows 的编码）读作 'Promo玢o Ver鉶'，按 Windows-1252 则为 "
           "'Promoção Verão'；若那才是它的文字，请把报表另存为 CSV UTF-8"),
])
def test_the_command_says_so_on_one_line_of_stderr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str,
                                                   line: str) -> None:
    _plan(tmp_path, "EUR")
    write_export(tmp_path, "g.csv", PROMO.replace("2025-01", "2025-03"), "cp1252")
    monkeypatch.chdir(tmp_path)
    result = invoke(["actuals", "plan.yaml", "g.csv", "--map", "Douyin CPA=Promoção*", "--lang", lang])
    assert result.exit_code == 0 and line in result.stderr.splitlines()


def test_json_names_the_cell_in_its_warnings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _plan(tmp_path, "EUR")
    write_export(tmp_path, "g.csv", PROMO.replace("2025-01", "2025-03"), "cp1252")
    monkeypatch.chdir(tmp_path)
    result = invoke(["actuals", "plan.yaml", "g.csv", "-f", "json", "-q"])
    assert result.exit_code == 0 and json.loads(result.stdout)["warnings"] == [
        {"code": "not_utf8", "file": "g.csv", "line": 2, "column": 2, "gbk": "Promo玢o Ver鉶",
         "windows_1252": "Promoção Verão",
         "message": "g.csv:2:2: not UTF-8, so read as GBK (Chinese Windows' encoding) as 'Promo玢o Ver鉶', which "
                    "Windows-1252 reads as 'Promoção Verão'; if that is its text, save the export as CSV UTF-8"}]


def test_the_refused_cell_in_chinese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _plan(tmp_path, "EUR")
    write_export(tmp_path, "g.csv", "date,campaign,spend\r\n2025-03-01,dy_a,1500 €\r\n", "cp1252")
    monkeypatch.chdir(tmp_path)
    result = invoke(["actuals", "plan.yaml", "g.csv", "--lang", "zh"])
    assert result.exit_code == 2 and result.stderr.splitlines() == [
        "g.csv:2:3: spend: 应为数字，实际为 '1500 \ufffd'；文件不是 UTF-8，按 GBK 读取，这里读出的不是中文：请把报表另存为 CSV UTF-8"]
