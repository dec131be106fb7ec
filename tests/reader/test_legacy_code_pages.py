"""A scenario saved in the "ANSI" code page of Chinese, Japanese or Korean Windows (GBK, Big5, Shift-JIS, CP949) is
refused at its first byte that is no UTF-8, as before, naming the code page and the fix (EUC-JP's too, and
ISO-2022-JP's, whose 7-bit text is UTF-8, at its first escape): reader/legacy_code_pages.py
names one where the bytes read as text of its script, and no Latin-1 text or binary data.

Each expected byte is the first of the plan's first character past ASCII, in the code page's own table: 信 is GB2312
D0C5 (row 48, cell 37: A0+48, A0+37), 資 Big5 B8EA, フ Shift-JIS 8374 (row 5, cell 84), 피 EUC-KR and CP949 C7C7. None of
those pairs is UTF-8 (a lead byte C2-F4 takes a continuation 80-BF after it; B8 and 83 are continuations), so the
refusal is at that character: line 2, column 7, after ``name: ``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke
from hypothesis import given, settings
from hypothesis import strategies as st

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.reader.frequent_han import CHINESE as FREQUENT_HANZI
from aigc_roi.reader.frequent_han import JAPANESE as FREQUENT_KANJI
from aigc_roi.reader.frequent_hangul import KOREAN as FREQUENT_HANGUL
from aigc_roi.reader.legacy_code_pages import CODE_PAGES, _reading, legacy_code_pages
from aigc_roi.reader.load import decode
from aigc_roi.reader.single_byte_text import single_byte_text

SIMPLIFIED = """version: 1
name: 信息流：只投信息流
currency: CNY
horizon_months: 12
acquisition:
  - name: 信息流 CPM
    type: cpm
    cpm: 30                          # 每千次展示的价格（元）
    ctr: "2%"                        # 每次展示的点击率
    cvr: "10%"                       # 每次点击带来的新用户
    budget: "20万"                   # 每月 20 万元
retention:                           # 信息流用户流失快
  points: {1: 0.35, 3: 0.20, 6: 0.13, 12: 0.09}
"""
TRADITIONAL = """version: 1
name: 資訊流：只投資訊流
currency: TWD
horizon_months: 12
acquisition:
  - name: 資訊流廣告
    type: cpm
    cpm: 90                          # 每千次顯示的價格（新臺幣）
    ctr: "2%"                        # 每次顯示的點擊率
    cvr: "10%"                       # 每次點擊帶來的新用戶
    budget: "50萬"                   # 每月 50 萬元
retention:                           # 資訊流用戶流失快
  points: {1: 0.35, 3: 0.20, 6: 0.13, 12: 0.09}
"""
JAPANESE = """version: 1
name: フィード広告のみ
currency: JPY
horizon_months: 12
acquisition:
  - name: フィード広告
    type: cpm
    cpm: 500                         # 千回表示あたりの価格（円）
    ctr: "2%"                        # 表示あたりのクリック率
    cvr: "10%"                       # クリックあたりの新規ユーザー
    budget: "100万"                  # 毎月 100 万円
retention:                           # フィードのユーザーは離脱が早い
  points: {1: 0.35, 3: 0.20, 6: 0.13, 12: 0.09}
"""
KOREAN = """version: 1
name: 피드 광고만
currency: KRW
horizon_months: 12
acquisition:
  - name: 피드 광고
    type: cpm
    cpm: 5000                        # 노출 천 회당 가격(원)
    ctr: "2%"                        # 노출당 클릭률
    cvr: "10%"                       # 클릭당 신규 사용자
    budget: "1000만"                 # 매월 1000만 원
retention:                           # 피드 사용자는 빨리 떠난다
  points: {1: 0.35, 3: 0.20, 6: 0.13, 12: 0.09}
"""
TYPO = "# 클릭률은 지난 캠페인 떄와 비슷하다\n"
"""A comment holding 떄, a typo for 때 (time), one of the 8,822 Hangul syllables CP949 writes and EUC-KR not."""
FIX = "save it as UTF-8 (Notepad: Save as, Encoding UTF-8), or convert it: iconv -f {} -t UTF-8"
FIX_ZH = "请另存为 UTF-8（记事本：“另存为”，编码选 UTF-8），或用 iconv -f {} -t UTF-8 转换"


def _refusal(data: bytes) -> str:
    with pytest.raises(ScenarioInvalid) as caught:
        decode(data, "p.yaml")
    assert len(caught.value.errors) == 1
    return str(caught.value.errors[0])


@pytest.mark.parametrize(("text", "codec", "byte", "named", "iconv"), [
    (SIMPLIFIED, "gbk", "0xd0", "GBK (simplified Chinese)", "GBK"),
    (TRADITIONAL, "big5", "0xb8", "Big5 (traditional Chinese)", "BIG5"),
    (JAPANESE, "shift_jis", "0x83", "Shift-JIS (Japanese)", "SHIFT-JIS"),
    # フ is JIS X 0208 row 5, cell 53: EUC-JP A5 D5 (A0+5, A0+53).
    (JAPANESE, "euc_jp", "0xa5", "EUC-JP (Japanese)", "EUC-JP"),
    # EUC-KR's text reads the same in CP949, whose iconv name converts it as well.
    (KOREAN, "euc_kr", "0xc7", "CP949/EUC-KR (Korean)", "CP949"),
    # CP949 alone (Korean Windows' "ANSI"): a typo's 떄 for 때 is 8B9A there, which EUC-KR has not (its bytes are A1-FE).
    (KOREAN + TYPO, "cp949", "0xc7", "CP949/EUC-KR (Korean)", "CP949"),
])
def test_a_plan_in_a_code_page_is_refused_naming_it(text: str, codec: str, byte: str, named: str, iconv: str) -> None:
    assert _refusal(text.encode(codec)) == (f"p.yaml:2:7: expected UTF-8 text, found byte {byte}; "
                                            f"the file looks saved as {named}: {FIX.format(iconv)}")


def test_gb18030_is_named_where_a_character_has_only_its_four_byte_code() -> None:
    # ¥ (U+00A5) is none of GBK's characters: GB18030 writes it 81 30 84 36, which iconv -f GBK refuses.
    data = (SIMPLIFIED + "# 不要写 ¥30\n").encode("gb18030")
    assert _refusal(data).endswith(f"the file looks saved as GB18030 (simplified Chinese): {FIX.format('GB18030')}")


def test_a_short_text_that_reads_in_several_code_pages_names_each() -> None:
    # 百度搜索 in GBK is B0D9 B6C8 CBD1 CBF7; in EUC-JP 為業朴沫, level-1 kanji (rows 16, 22, 43, 43 of JIS X 0208); in
    # CP949 겟똑鎧乞, two Hangul in a row (B0, B6 are Hangul rows) and two Hanja (CB is a Hanja row), 겟 a frequent
    # Korean syllable. Of the hanzi, 搜 and 索 are frequent Chinese read as kanji Japanese seldom writes (朴, 沫), 百 is
    # no frequent one read as the frequent 為, 度 and 業 frequent both: 2 against 1, no margin of 2.
    data = b"name: \xb0\xd9\xb6\xc8\xcb\xd1\xcb\xf7\n"
    assert (data.decode("gbk"), data.decode("euc_jp"), data.decode("cp949")) == (
        "name: 百度搜索\n", "name: 為業朴沫\n", "name: 겟똑鎧乞\n")
    assert ([hanzi in FREQUENT_HANZI for hanzi in "百度搜索"], [kanji in FREQUENT_KANJI for kanji in "為業朴沫"]) == (
        [False, True, True, True], [True, True, False, False])
    assert [syllable in FREQUENT_HANGUL for syllable in "겟똑"] == [True, False]
    assert _refusal(data) == (
        "p.yaml:1:7: expected UTF-8 text, found byte 0xb0; the file looks saved as GBK (simplified Chinese) or "
        "EUC-JP (Japanese) or CP949/EUC-KR (Korean): save it as UTF-8 (Notepad: Save as, Encoding UTF-8), or convert "
        "it: iconv -f GBK -t UTF-8 (or -f EUC-JP) (or -f CP949)")


def test_frequent_hanzi_read_as_second_level_kanji_are_chinese() -> None:
    # 新用户增长 in GBK (D0C2 D3C3 BBA7 D4F6 B3A4) reads in EUC-JP as 仟喘薩奐海: 新 用 增 are GB2312 rows 48, 51, 52,
    # frequent hanzi, and there JIS X 0208's second level (rows 48-84: 仟 喘 奐), kanji Japanese text seldom writes. CP949
    # reads 劤痰빵藤낀, Hangul only between Hanja: no Korean word.
    data = "name: 新用户增长\n".encode("gbk")
    assert (data.decode("euc_jp"), data.decode("cp949")) == ("name: 仟喘薩奐海\n", "name: 劤痰빵藤낀\n")
    assert all(hanzi in FREQUENT_HANZI for hanzi in "新用户增长")
    assert [char.encode("euc_jp")[0] >= 0xA0 + 48 for char in "仟喘薩奐海"] == [True, True, False, True, False]
    assert _refusal(data).endswith(f"the file looks saved as GBK (simplified Chinese): {FIX.format('GBK')}")


def test_a_short_japanese_name_whose_kanji_read_as_frequent_hanzi_names_both() -> None:
    """顧客遊戯 in EUC-JP (B8DC B5D2 CDB7 B5BA) reads in GBK as 杠狄头岛: 杠, 头, 岛 are frequent hanzi and 顧 客 遊 戯
    none of the kanji frequent in Debian's Japanese, 3 against 0. It was named GBK alone (QA), whose iconv turns the
    plan into that Chinese; four characters are too few for that margin (a Japanese name's kanji are frequent hanzi
    about 1 in 5 at most), and no kanji is one of the second level (all lead bytes below D0)."""
    data = "name: 顧客遊戯\n".encode("euc_jp")
    assert data.decode("gbk") == "name: 杠狄头岛\n"
    assert [hanzi in FREQUENT_HANZI for hanzi in "杠狄头岛"] == [True, False, True, True]
    assert not any(kanji in FREQUENT_KANJI for kanji in "顧客遊戯")
    assert _refusal(data).endswith("the file looks saved as GBK (simplified Chinese) or EUC-JP (Japanese): save it as "
                                   "UTF-8 (Notepad: Save as, Encoding UTF-8), or convert it: iconv -f GBK -t UTF-8 "
                                   "(or -f EUC-JP)")


@pytest.mark.parametrize("name", ["월간 廣告", "광고 廣告", "연간 廣告 예산", "廣告 年間"])
def test_korean_hangul_beside_hanja_names_cp949(name: str) -> None:
    # KS X 1001's Hanja (rows 42-93, CAA1-FDFE: 廣 CEC6, 告 CDB1) were none of CP949's common set, so Korean beside
    # Hanja read only as GBK (and EUC-JP): named GBK alone (QA). A Hangul word (two syllables in a row) with 2 in 5 of its
    # syllables frequent (월 간, 고, 예 산) is Korean's: CP949 is named too; so is Hanja alone (廣告 年間, GBK's 纹捅 掖枢:
    # no hanzi frequent beyond chance), beside GBK.
    data = ("name: " + name + "\n").encode("cp949")
    assert "廣告".encode("cp949") == b"\xce\xc6\xcd\xb1"
    assert "CP949/EUC-KR (Korean)" in _refusal(data)


def test_the_bundled_english_scenarios_chinese_names_in_gbk_are_gbk(tmp_path: Path) -> None:
    # chat-assistant-cpa.yaml holds 7 different hanzi past ASCII (万助对手打话赏, all frequent), which EUC-JP reads as
    # 三嬉嵐廁斤浜返 (廁 a level-2 kanji, row 57: D9 A1+); the user who saved it from Notepad was told GBK or EUC-JP.
    path = tmp_path / "c.yaml"
    path.write_bytes(Path(__file__).parents[2].joinpath("scenarios", "chat-assistant-cpa.yaml").read_text(
        encoding="utf-8").encode("gbk"))
    hanzi = sorted({char for char in path.read_bytes().decode("gbk") if not char.isascii()})
    assert "".join(hanzi) == "".join(sorted("万助对手打话赏"))
    assert sorted("".join(hanzi).encode("gbk").decode("euc_jp")) == sorted("三嬉嵐廁斤浜返")
    result = invoke(["validate", str(path), "--lang", "zh", "-q"])
    assert "；文件看来是以 GBK（简体中文）保存的：" + FIX_ZH.format("GBK") in result.stdout


# 私のアプリの計画 in EUC-JP: 私 BBE4, の A4CE, ア A5A2, プ A5D7, リ A5EA, の A4CE, 計 B7D7, 画 B2E8 (JIS X 0208's row and
# cell, each plus A0). GB2312 holds the same kana at rows 4 and 5 (A4CE の, A5A2 ア ...), and its hanzi at the kanji's
# codes: read as GBK the name is 讳のアプリの纷茶, which iconv -f GBK then writes as valid UTF-8.
EUC_JP_NAME = b"\xbb\xe4\xa4\xce\xa5\xa2\xa5\xd7\xa5\xea\xa4\xce\xb7\xd7\xb2\xe8"


def test_japanese_in_euc_jp_is_named_euc_jp_not_gbk() -> None:
    assert EUC_JP_NAME.decode("gbk") == "讳のアプリの纷茶"
    # 動画広告の予算 (C6B0 B2E8 B9AD B9F0 A4CE CDBD BBBB): 動 (row 38, cell 16) is none of Big5's frequent characters
    # (A440-C67E), 予 (row 45, cell 29) none of EUC-KR's Hangul or symbols (Hanja there), so neither reads the file.
    data = (b"version: 1\nname: " + EUC_JP_NAME + b"\nacquisition:\n"
            b"  - name: \xc6\xb0\xb2\xe8\xb9\xad\xb9\xf0\xa4\xce\xcd\xbd\xbb\xbb\n")
    assert _refusal(data) == ("p.yaml:2:7: expected UTF-8 text, found byte 0xbb; the file looks saved as EUC-JP "
                              f"(Japanese): {FIX.format('EUC-JP')}")


def test_the_kana_of_a_gbk_reading_say_japanese() -> None:
    # The name alone also reads as Big5 (BBE4 A4CE ... are Big5's frequent characters there), which nothing tells
    # apart: both are named; GBK, whose reading holds 4 different kana (の ア プ リ), is not.
    assert _refusal(b"name: " + EUC_JP_NAME + b"\n").endswith(
        "the file looks saved as Big5 (traditional Chinese) or EUC-JP (Japanese): "
        "save it as UTF-8 (Notepad: Save as, Encoding UTF-8), or convert it: iconv -f BIG5 -t UTF-8 (or -f EUC-JP)")


def test_frequent_kanji_read_as_rare_hanzi_are_japanese() -> None:
    # 基本計画 in EUC-JP is B4F0 CBDC B7D7 B2E8: in GBK 答塑纷茶, all GB2312 characters and no kana; but the kanji are
    # frequent Japanese, the hanzi none of the frequent Chinese ones: 4 against 0. It was named GBK or EUC-JP.
    data = b"name: \xb4\xf0\xcb\xdc\xb7\xd7\xb2\xe8\n"
    assert data.decode("gbk") == "name: 答塑纷茶\n"
    assert all(kanji in FREQUENT_KANJI for kanji in "基本計画") and not any(hanzi in FREQUENT_HANZI for hanzi in "答塑纷茶")
    assert _refusal(data).endswith(f"the file looks saved as EUC-JP (Japanese): {FIX.format('EUC-JP')}")


def test_a_long_text_of_kanji_alone_is_japanese() -> None:
    """Twenty different kanji and no kana were read as Chinese, GBK alone, whose iconv garbled the file into valid
    text (QA), then as GBK or EUC-JP: its kanji are frequent Japanese ones. The name and comment are the reviewer's."""
    text = "name: 株式会社東京本店営業企画部\n# 年度広告予算案概要説明資料 第二版\n"
    data = text.encode("euc_jp")
    assert len({char for char in text if not char.isascii()}) >= 20
    assert data.decode("gbk") != text  # the GBK reading is other text
    assert "the file looks saved as EUC-JP (Japanese): " in _refusal(data)


def test_a_chinese_name_that_borrows_a_kana_stays_gbk() -> None:
    # 小确幸の咖啡店：新品推广 in GBK: one kana (の A4CE) among hanzi, too few to say Japanese; the full-width colon
    # (A3BA, GB2312 row 3) is none of JIS X 0208's characters, so EUC-JP reads no text.
    data = (b"name: \xd0\xa1\xc8\xb7\xd0\xd2\xa4\xce\xbf\xa7\xb7\xc8\xb5\xea\xa3\xba\xd0\xc2\xc6\xb7\xcd\xc6"
            b"\xb9\xe3\n")
    assert data.decode("gbk") == "name: 小确幸の咖啡店：新品推广\n"
    assert _refusal(data).endswith(f"the file looks saved as GBK (simplified Chinese): {FIX.format('GBK')}")


# フィード広告のみ in ISO-2022-JP: ESC $ B, then each character's JIS X 0208 row and cell plus 20 (フ 25 55 "%U",
# ィ 25 23 "%#", ー 21 3C "!<", ド 25 49 "%I", 広 39 2D "9-", 告 39 70 "9p", の 24 4E "$N", み 24 5F "$_"), ESC ( B.
ISO_2022_JP = b"version: 1\nname: \x1b$B%U%#!<%I9-9p$N$_\x1b(B\n"


def test_japanese_in_iso_2022_jp_is_named_at_its_first_escape() -> None:
    # 7-bit, so valid UTF-8: the escape (1B) was refused as a YAML character, naming no cause.
    assert _refusal(ISO_2022_JP) == ("p.yaml:2:7: expected UTF-8 text, found byte 0x1b; the file looks saved as "
                                     f"ISO-2022-JP (Japanese): {FIX.format('ISO-2022-JP')}")


def test_an_escape_in_other_text_keeps_the_yaml_refusal(tmp_path: Path) -> None:
    # A terminal's colour codes (ESC [ 31 m) read as no ISO-2022-JP text.
    path = tmp_path / "c.yaml"
    path.write_bytes(b"version: 1\nname: \x1b[31mred\x1b[0m\n")
    result = invoke(["validate", str(path), "-q"])
    assert result.stdout.splitlines() == [f"{path}:2:7: invalid YAML: character U+001B is not allowed"]


@pytest.mark.parametrize(("data", "location", "byte"), [
    # Latin-1: ö and ß (F6 DF) are a GB2312 character (鲞), but read as Windows-1252 the text is Latin letters.
    ("name: Größe\n".encode("latin-1"), "1:9", "0xf6"),
    ("name: Crème brûlée à Paris\nretention: {monthly_churn: 0.5}\n".encode("latin-1"), "1:9", "0xe8"),
    # A PNG's start: 89 is a continuation byte, and the header holds control bytes (1A, 00).
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "1:1", "0x89"),
    # Random-looking bytes past ASCII without controls, which no page reads as its script's text.
    (b"name: \xfe\xfe\xa0\x80\xff\n", "1:7", "0xfe"),
])
def test_latin_1_text_and_binary_data_name_no_code_page(data: bytes, location: str, byte: str) -> None:
    assert _refusal(data) == f"p.yaml:{location}: expected UTF-8 text, found byte {byte}"


@pytest.mark.parametrize("command", [["run"], ["validate"], ["check"]])
def test_every_command_says_it_in_chinese_on_one_line(tmp_path: Path, command: list[str]) -> None:
    path = tmp_path / "g.yaml"
    path.write_bytes(SIMPLIFIED.encode("gbk"))
    result = invoke([*command, str(path), "--lang", "zh", "-q"])
    assert result.exit_code == 2
    told = [line for line in (result.stdout + result.stderr).splitlines() if line.startswith(str(path))]
    assert told == [f"{path}:2:7: 应为 UTF-8 文本，实际为字节 0xd0；文件看来是以 GBK（简体中文）保存的："
                    + FIX_ZH.format("GBK")]


def test_two_code_pages_are_both_said_in_chinese(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_bytes("name: 顧客遊戯\n".encode("euc_jp"))
    result = invoke(["validate", str(path), "--lang", "zh", "-q"])
    assert result.stdout.splitlines() == [
        f"{path}:1:7: 应为 UTF-8 文本，实际为字节 0xb8；文件看来是以 GBK（简体中文）或 EUC-JP（日文）保存的："
        "请另存为 UTF-8（记事本：“另存为”，编码选 UTF-8），或用 iconv -f GBK -t UTF-8 转换（或 -f EUC-JP）"]


def test_check_keeps_the_encoding_rule(tmp_path: Path) -> None:
    path = tmp_path / "j.yaml"
    path.write_bytes(JAPANESE.encode("shift_jis"))
    result = invoke(["check", str(path), "--format", "json"])
    assert result.exit_code == 2
    (invalid,) = json.loads(result.stdout)["invalid"]
    assert (invalid["line"], invalid["column"], invalid["rule"]) == (2, 7, "encoding")
    assert invalid["message"] == ("expected UTF-8 text, found byte 0x83; the file looks saved as Shift-JIS (Japanese): "
                                  + FIX.format("SHIFT-JIS"))


@pytest.mark.parametrize(("text", "codec", "said"), [
    (TRADITIONAL, "big5", "文件看来是以 Big5（繁体中文）保存的：" + FIX_ZH.format("BIG5")),
    (JAPANESE, "shift_jis", "文件看来是以 Shift-JIS（日文）保存的：" + FIX_ZH.format("SHIFT-JIS")),
    (JAPANESE, "euc_jp", "文件看来是以 EUC-JP（日文）保存的：" + FIX_ZH.format("EUC-JP")),
    (JAPANESE, "iso2022_jp", "文件看来是以 ISO-2022-JP（日文）保存的：" + FIX_ZH.format("ISO-2022-JP")),
    (KOREAN, "euc_kr", "文件看来是以 CP949/EUC-KR（韩文）保存的：" + FIX_ZH.format("CP949")),
    (KOREAN + TYPO, "cp949", "文件看来是以 CP949/EUC-KR（韩文）保存的：" + FIX_ZH.format("CP949")),
])
def test_each_code_page_is_said_in_chinese(tmp_path: Path, text: str, codec: str, said: str) -> None:
    path = tmp_path / "p.yaml"
    path.write_bytes(text.encode(codec))
    result = invoke(["run", str(path), "--lang", "zh"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0].split("；", 1)[1] == said


@pytest.mark.parametrize(("data", "location", "byte", "reading"), [
    # Windows-1252 French: 92 is ’, E9 é, E8 è; read as Shift-JIS 92 E9 was 帝, E8 76 钁.
    (b"name: Campagne de l\x92\xe9l\xe8ve\n", "1:20", "0x92", ("cp1252", "name: Campagne de l’élève\n")),
    (b"name: \x93Qualit\xe9\x94 fa\xe7ade\n", "1:7", "0x93", ("cp1252", "name: “Qualité” façade\n")),
    # Windows-1252 German: B0 is the degree sign; read as Big5 B0 43 was 蚓.
    (b"name: Ofen 62\xb0C\n", "1:14", "0xb0", ("cp1252", "name: Ofen 62°C\n")),
    # Windows-874 Thai แคมเปญ รายได้ (campaign, revenue): E1 แ, A4 ค, C1 ม ...; every pair was a GB2312 character.
    (b"name: \xe1\xa4\xc1\xe0\xbb\xad \xc3\xd2\xc2\xe4\xb4\xe9\n", "1:7", "0xe1",
     ("cp874", "name: แคมเปญ รายได้\n")),
    # Windows-1255 Hebrew קמפיין אביב (spring campaign): F7 ק, EE מ, F4 פ, E9 י, EF ן, E0 א, E1 ב.
    (b"name: \xf7\xee\xf4\xe9\xe9\xef \xe0\xe1\xe9\xe1\n", "1:7", "0xf7", ("cp1255", "name: קמפיין אביב\n")),
    # Windows-1256 Arabic حملة الربيع, -1253 Greek Καμπάνια άνοιξη, -1251 Russian Подписка на год.
    (b"name: \xcd\xe3\xe1\xc9 \xc7\xe1\xd1\xc8\xed\xda\n", "1:7", "0xcd", ("cp1256", "name: حملة الربيع\n")),
    (b"name: \xca\xe1\xec\xf0\xdc\xed\xe9\xe1 \xdc\xed\xef\xe9\xee\xe7\n", "1:7", "0xca",
     ("cp1253", "name: Καμπάνια άνοιξη\n")),
    (b"name: \xcf\xee\xe4\xef\xe8\xf1\xea\xe0 \xed\xe0 \xe3\xee\xe4\n", "1:7", "0xcf", ("cp1251", "name: Подписка на год\n")),
])
def test_text_of_a_single_byte_page_names_no_east_asian_one(data: bytes, location: str, byte: str,
                                                             reading: tuple[str, str]) -> None:
    # Converting with a page named for these would turn them into other text that then reads as UTF-8: none is named.
    codec, text = reading
    assert data.decode(codec) == text
    assert _refusal(data) == f"p.yaml:{location}: expected UTF-8 text, found byte {byte}"


def test_the_bundled_scenarios_saved_as_gbk_are_named() -> None:
    # GB18030 writes the ¥ some hold, which GBK has not: those are named GB18030, the rest GBK. The English ones hold a
    # few Chinese names (brand-subway.yaml: 会告员品地年广度牌铁), which EUC-JP read too: they were GBK or EUC-JP.
    root = Path(__file__).parents[2].joinpath("scenarios")
    paths = sorted(root.glob("*.yaml")) + sorted(root.joinpath("zh").glob("*.yaml"))
    assert len(paths) == 16
    for path in paths:
        text = path.read_text(encoding="utf-8")
        page = "GB18030" if "¥" in text else "GBK"
        assert _refusal(text.encode("gb18030")).endswith(
            f"the file looks saved as {page} (simplified Chinese): {FIX.format(page)}"), path


@pytest.mark.parametrize(("data", "named"), [
    # 中文方案: GBK D6D0 CEC4 B7BD B0B8, Big5 A4A4 A4E5 A4E8 AED7, four different frequent characters.
    (b"name: \xd6\xd0\xce\xc4\xb7\xbd\xb0\xb8\n", "GBK (simplified Chinese)"),
    (b"name: \xa4\xa4\xa4\xe5\xa4\xe8\xae\xd7\n", "Big5 (traditional Chinese)"),
    # 日本語のプラン in Shift-JIS: 93FA 967B 8CEA 82CC 8376 8389 8393.
    (b"name: \x93\xfa\x96{\x8c\xea\x82\xcc\x83v\x83\x89\x83\x93\n", "Shift-JIS (Japanese)"),
])
def test_a_four_character_name_is_named(data: bytes, named: str) -> None:
    assert f"the file looks saved as {named}: " in _refusal(data)


def test_three_characters_are_too_few_to_name_a_page() -> None:
    # 信息流 in GBK (D0C5 CFA2 C1F7) is three different characters, fewer than the four the rule asks for.
    assert _refusal(b"name: \xd0\xc5\xcf\xa2\xc1\xf7\n") == "p.yaml:1:7: expected UTF-8 text, found byte 0xd0"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0xB0, 0xF7), st.integers(0xA1, 0xFE)), min_size=1, max_size=40))
def test_text_gbk_and_euc_jp_both_read_keeps_one_of_them(pairs: list[tuple[int, int]]) -> None:
    # Two-byte codes of GB2312's hanzi rows, which EUC-JP reads as kanji or no character: the rules on Han characters
    # and on Hangul drop at most one of the two pages both read (or both for CP949's Korean), and never fail. Text a
    # Windows single-byte page reads (B0A1 B0A2 B0A4 B0A6 is Thai in Windows-874) names none, as before.
    data = b"name: " + bytes(byte for pair in pairs for byte in pair) + b"\n"
    named = {name for name, _ in legacy_code_pages(data)}
    read = {page.name for page in CODE_PAGES if _reading(data, page) is not None}
    if {"GBK", "EUC-JP"} <= read and single_byte_text(data) is None:
        assert named & {"GBK", "GB18030", "EUC-JP"} or named == {"CP949/EUC-KR"}


def test_japanese_kanji_that_read_as_rare_hangul_are_not_named_korean() -> None:
    # 新規顧客獲得単価 京都四条店 雑誌広告 源泉徴収 in EUC-JP: 21 different kanji, no kana, all in rows 16-40 (lead bytes
    # B0-C8), which EUC-KR reads as Hangul: 옆뎄멎둠넌팀챰꼰 딸텃뽕얻탁 빻삼묶뱅 말쟐침숫. With 20 different characters and
    # no kana that was Korean's, EUC-KR alone, whose iconv would turn the plan into that Hangul; but only 4 of the 21
    # (말 묶 숫 침) are frequent Korean syllables, fewer than 3 in 5 (a long Korean text's are 73 in 100 or more).
    text = "name: 新規顧客獲得単価\n  - name: 京都四条店\n  - name: 雑誌広告\n  - name: 源泉徴収\n"
    data = text.encode("euc_jp")
    hangul = {char for char in data.decode("euc_kr") if not char.isascii()}
    assert len(hangul) == 21 and sorted(hangul & FREQUENT_HANGUL) == sorted("말묶숫침")
    assert _refusal(data).endswith(f"the file looks saved as EUC-JP (Japanese): {FIX.format('EUC-JP')}")


def test_a_long_korean_text_is_still_named_korean_alone() -> None:
    # The KOREAN plan's 29 different Hangul are frequent syllables but 광 떠 빨 천: 25 in 29, Korean alone, as before.
    data = KOREAN.encode("euc_kr")
    hangul = {char for char in KOREAN if "\uac00" <= char <= "\ud7a3"}
    assert (len(hangul), sorted(hangul - FREQUENT_HANGUL)) == (29, sorted("광떠빨천"))
    assert _refusal(data).endswith(f"the file looks saved as CP949/EUC-KR (Korean): {FIX.format('CP949')}")


def test_korean_with_syllables_only_cp949_writes_is_named_cp949() -> None:
    """A Korean plan saved by Korean Windows' Notepad or Excel ("ANSI", CP949) that holds one of the 8,822 syllables
    EUC-KR has not was refused naming no page (EUC-KR stops at its lead byte): 똠 (of 똠양꿍, tom yum) is CP949 8C63,
    떄 8B9A (Microsoft's table). And iconv -f EUC-KR would not do: glibc's drops 8C and keeps 63, so 똠 turns into c."""
    text = "version: 1\nname: 똠양꿍 맛집 체험단\n" + TYPO
    data = text.encode("cp949")
    assert data[text.index("똠"):][:2] == b"\x8c\x63" and "떄".encode("cp949") == b"\x8b\x9a"
    with pytest.raises(UnicodeDecodeError):
        data.decode("euc_kr")
    assert _refusal(data) == ("p.yaml:2:7: expected UTF-8 text, found byte 0x8c; the file looks saved as CP949/EUC-KR "
                              f"(Korean): {FIX.format('CP949')}")


def test_a_few_syllables_only_cp949_writes_are_not_named_korean_without_frequent_ones() -> None:
    # 加利福尼亞 (California) in GBK: 加 BCD3 利 C0FB 福 B8A3 尼 C4E1 are KS X 1001's 속 적 르 콩 at the same codes, and
    # 亞 8186 (GBK's, no GB2312 character) CP949's 걝. 3 of the 5 are frequent Korean syllables (속 적 르): 3 in 5, but
    # a reading holding a syllable only CP949 writes needs 4 different frequent ones too. GBK and Big5 read no text
    # (亞 is none of GB2312's characters, 81 no Big5 lead byte), so no page is named.
    data = b"name: \xbc\xd3\xc0\xfb\xb8\xa3\xc4\xe1\x81\x86\n"
    assert data.decode("gbk") == "name: 加利福尼亞\n" and data.decode("cp949") == "name: 속적르콩걝\n"
    assert [syllable in FREQUENT_HANGUL for syllable in "속적르콩걝"] == [True, True, True, False, False]
    assert _refusal(data) == "p.yaml:1:7: expected UTF-8 text, found byte 0xbc"
