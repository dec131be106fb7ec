"""The East Asian code pages Windows saves "ANSI" text in (GBK, Big5, Shift-JIS, CP949), and EUC-JP (Japanese Unix
and web pages), told from the bytes of a file that is no UTF-8, or ISO-2022-JP's 7-bit escapes in one that is; and the
rule on GB2312's characters and Latin letters that the exports reader shares (``outside_gb2312``, ``latin_text``).

A wrong name is worse than none (converting with it turns the file into other text, which then reads as valid
UTF-8), so a code page is named only on strong evidence. A file is said to be in a code page where its bytes read
there as text of that script: they decode without a bad byte, hold no control character (tab, LF and CR aside), every
character past ASCII is one of the code page's common set below, and at least ``FREQUENT_LETTERS`` different ones are
letters of its most frequent set (GB2312's 3,755 level-1 characters for GBK, Big5's 5,401 frequent ones, JIS X
0208's kana and level-1 kanji for Shift-JIS and EUC-JP, KS X 1001's Hangul for CP949); and no Windows single-byte page
(Windows-1250 to -1258, -874) reads the file as ordinary European, Greek, Cyrillic, Hebrew, Arabic or Thai text
(reader/single_byte_text.py: French ``l’élève`` in Windows-1252 reads as Shift-JIS ``l帝l钁e``, Thai names as GBK).

The common sets are the characters everyday text is written in, not every code the page has: GB2312 for GBK (and, read
as GB18030, a character only GB18030's four-byte codes write, ``¥``), Big5's symbols and its 5,401 frequent characters
(A140-A3BF, A440-C67E), JIS X 0208's symbols, kana and two levels of kanji for Shift-JIS (81-84, 88-9F and E0-EA as lead
bytes; no half-width katakana) and EUC-JP (its rows plus A0 in both bytes; no half-width katakana, no JIS X 0212), KS X
1001's symbols (A1-AC as lead bytes; Hanja beside a Hangul word) and every Hangul syllable for CP949, Korean Windows' page (Unified Hangul
Code), named CP949/EUC-KR: EUC-KR's text (KS X 1001's 2,350 syllables, B0-C8 as lead bytes) reads the same there, and
CP949 writes the other 8,822 (lead bytes 81-C6, trail bytes 41-5A, 61-7A, 81-FE), which Korean text seldom holds (a
typo's 떄, slang's 햏, 똠양꿍) and other text's bytes often read as (GBK's 嫐 is 떄, Shift-JIS's 禦 too): a reading holding
one is Korean only where ``FREQUENT_LETTERS`` different Hangul or more, and ``KOREAN_SHARE`` of them, are frequent
Korean syllables (below). Debian's 14 Korean texts holding one are so named, CP949 alone; of 1,386 Chinese and
Japanese texts whose reading holds one (Big5, traditional hanzi in GBK, EUC-JP's half-width katakana) none is, at most
3 in 5 frequent. iconv is told CP949, as iconv -f EUC-KR drops such a syllable's lead byte (glibc's: 똠 8C63 becomes
c). Each page's text read in another page leaves its common set within a few characters: GB2312's characters read as
Shift-JIS are half-width katakana (B0-DF are one byte there), Big5's second bytes 40-7E are no GB2312 character,
UTF-8's 80-A0 neither, and a Latin-1 accented letter takes the next byte into a character outside every set (Promoção
as GBK: Promo玢o with 鉶) or, before a space or a line break, into none; random bytes hold control characters. Where
several pages read a file so (a short text) every one is named, but for Korean: its Hangul (rows B0-C8) are GB2312
characters too, so every Korean text reads as GBK. Chinese text's characters fall in those rows 6 times in 10 (this
project's Chinese plans and docs), so 20 different ones all there come by chance about 0.6^20 (4 in 100,000): a file
GBK and CP949 both read that holds ``KOREAN_CHARACTERS`` different characters past ASCII is named CP949 alone, where at
least ``KOREAN_SHARE`` of its Hangul are frequent Korean syllables (reader/frequent_hangul.py); where fewer, and 20
different Hangul, it is other text's bytes and not named CP949 beside another page (新規顧客獲得単価 京都四条店 ... in EUC-JP reads
as 21 Hangul, 4 of them frequent: it was EUC-KR alone). In Debian's Korean translations every text of 20 different
Hangul holds 73 in 100 frequent or more (4,623, the syllables counted from the other half of the catalogues), Japanese
kanji read as Hangul at most 45 in 100 (832). Text in a page's rarer characters (Big5's second level, half-width
katakana, Hanja) is not named, and keeps the plain refusal.

GB2312 and EUC-JP both write JIS X 0208's layout (94 rows of 94, each byte A1-FE): rows 4 and 5 hold the same hiragana
and katakana at the same codes, and a kanji's code is some hanzi's (私のアプリの計画 reads as GBK 讳のアプリの纷茶). Japanese text
writes kana; Chinese text seldom does, and then one or two borrowed (小确幸の店): a GBK reading holding ``FREQUENT_LETTERS``
different kana is Japanese, not GBK. Text past ASCII of Han characters alone reads in both, and is told by which
language writes them often (reader/frequent_han.py): a Chinese text's frequent hanzi read as EUC-JP are kanji Japanese
seldom writes (万助对手打话赏 is 三嬉嵐廁斤浜返), a Japanese text's frequent kanji read as GBK hanzi Chinese seldom writes (基本計画 is
答塑纷茶). Of the different Han characters, those frequent in one reading and not in the other count for it;
``CHINESE_MARGIN`` more for Chinese names GBK alone, ``JAPANESE_MARGIN`` more for Japanese EUC-JP alone, either also
``DOMINANCE`` times the other's, and a smaller margin both; GBK alone needs more, evidence a Japanese text's bytes do
not reach (``_chinese_alone``): a Japanese name's kanji read as GBK are frequent hanzi by chance, a short one's all
(顧客遊戯 is 杠狄头岛, named GBK alone before). Measured (hanzi lists of this project's plans and Debian's zh_CN and ja
words, alone and paired): Japanese kanji-only texts named without EUC-JP 1 of 49,462 (133 before; 突厥文字, whose
second-level 厥 leaves EUC-JP's reading 3 frequent letters, as before the tables), Chinese texts named
GBK alone 13,447 of 19,040 (15,218 before this rule, 5,205 before the tables). Korean writing Hanja (KS X 1001's,
rows 42-93) beside Hangul reads as CP949 where a Hangul word is there (two syllables in a row) and ``HANJA_SHARE`` of
its Hangul are frequent Korean syllables, or holds no Hangul, named beside GBK unless the GBK reading's hanzi are frequent beyond chance
for Korean (``KOREAN_HANZI``), and alone only as Korean text without Hanja is. In Debian's translations, the tables counted from half the
catalogues and the other half read (27,501 Chinese texts, 23,253 Japanese): of 12,277 Chinese texts both pages read
12,095 are named GBK alone, 182 both, none EUC-JP alone; of 763 Japanese 584 EUC-JP alone, 179 both, none GBK alone; and
of the names and lists from this project's Chinese messages and docs both pages read (4,893), 4,841 GBK alone, none
EUC-JP alone. 20 different characters none of them kana that CP949 reads as Hangul, frequent ones as above, are
Korean's, and EUC-JP is not named beside CP949 then (19 in 20 of Debian's 42,000 Japanese messages hold kana, and all
9,036 with 20 different characters past ASCII do). A short Japanese text may read as Big5 or CP949 too (EUC-JP's kana
are Big5's frequent characters A4A1-A5F6, and KS X 1001's jamo and Roman numerals); nothing tells them apart, and both
are named. ISO-2022-JP is 7-bit, so UTF-8: a file holding ESC whose text read as ISO-2022-JP is Japanese by the rule
above is named so.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from aigc_roi.reader.frequent_han import CHINESE, JAPANESE
from aigc_roi.reader.frequent_hangul import KOREAN
from aigc_roi.reader.single_byte_text import single_byte_text

_AS_GB2312 = (("\u00b7", "\u30fb"), ("\u2014", "\u2015"))
"""GB2312's two codes (A1A4 ·, A1AA —) that GB18030 reads as other characters than Python's gb2312 codec writes."""
_LATIN_LETTERS = ((0x00C0, 0x024F), (0x1E00, 0x1EFF))
"""Latin-1 Supplement's letters and Latin Extended-A and -B (European languages), Latin Extended Additional
(Vietnamese)."""
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
FREQUENT_LETTERS = 4
"""Different letters of a page's most frequent set a file's text holds at least for the page to be named."""
KOREAN_CHARACTERS = 20
"""Different characters past ASCII from which a file that reads as GBK and as CP949 is CP949's, and one that reads as
EUC-JP without kana and as GBK or CP949 is not EUC-JP's (the module's)."""
KOREAN_SHARE = 0.6
"""The share of a CP949 reading's different Hangul that are frequent Korean syllables (reader/frequent_hangul.py) from
which it is Korean text, for the rules on ``KOREAN_CHARACTERS`` and on syllables only CP949 writes: long Korean
text's are 73 in 100 or more, Chinese or Japanese text's read as Hangul a random few."""
HANJA_SHARE = 0.4
"""The share of a CP949 reading's different Hangul that are frequent Korean syllables from which one holding Hanja is
Korean text (광고 廣告: 고 of 광고, 1 in 2); Chinese text read there is random Hangul and Hanja, about 1 in 5 frequent."""
KOREAN_HANZI = 0.25
"""The share of Korean text's different characters read as GBK that are frequent hanzi (22 in 100: Debian's Korean
words beside Hanja), for ``_frequent_hanzi``."""
CHINESE_MARGIN = 2
"""By how many more of its Han characters a text GBK and EUC-JP both read is Chinese than Japanese (the module's)
for EUC-JP not to be named beside GBK."""
JAPANESE_MARGIN = 3
"""The same for GBK not to be named beside EUC-JP: a wrong EUC-JP alone would mislead the main users, Chinese."""
DOMINANCE = 3
"""How many times the other's count a page's is at least for it to be named alone: a Korean text read as both is random
hanzi and kanji, many of each frequent (Debian's bash messages: 26 for Chinese, 36 for Japanese)."""
CHANCE = 0.2
"""The share of a Japanese text's different kanji that read in GBK as frequent hanzi, for the margin of
``_chinese_alone`` (a bound: Debian's ja translations 4 in 100, business words such as 顧客 遊戯 医療 more)."""
_JIS_LEVEL_2 = 0xA0 + 48
"""EUC-JP's lead byte of JIS X 0208's second-level kanji (rows 48-84), rare in Japanese text."""
_AMOUNT = re.compile("[0-9][万亿元]")
_HANGUL_WORD = re.compile("[\uac00-\ud7a3]{2}")
"""Two Hangul syllables in a row, as a Korean word writes them (광고 廣告); a hanzi read as a Hangul syllable comes
between others read as Hanja or nothing about half the time (信息流 as CP949: two Hanja and 직)."""
_NOT_TEXT = frozenset({"Cc", "Cn", "Co", "Cs"})
"""Character categories no text holds: controls, unassigned, private use, surrogates."""


def outside_gb2312(text: str) -> int | None:
    """The index in ``text`` of its first character neither ASCII nor GB2312's (U+FFFD among them), None for none."""
    for read, written in _AS_GB2312:
        text = text.replace(read, written)
    try:
        text.encode("gb2312")
    except UnicodeEncodeError as error:
        return error.start
    return None


def latin_text(text: str) -> bool:
    """Whether every character of ``text`` past ASCII is a Latin letter, as a European or Vietnamese name writes one
    (Café, Chiến dịch Tết). GBK text read as UTF-8 seldom is: 路路通 is '··ͨ', 茅台 an é and a combining ogonek."""
    return all(char.isascii() or (char.isalpha() and any(low <= ord(char) <= high for low, high in _LATIN_LETTERS))
               for char in text)


def _code(char: str, codec: str) -> int:
    """The two-byte code of ``char`` in ``codec`` as a number (0xA440), 0 for a character of another length or none."""
    try:
        written = char.encode(codec)
    except UnicodeEncodeError:
        return 0
    return int.from_bytes(written, "big") if len(written) == 2 else 0


def _gb(char: str) -> bool:
    return outside_gb2312(char) is None or _four_byte(char)


def _four_byte(char: str) -> bool:
    """A character of the Basic Multilingual Plane that GB18030 writes in four bytes (none of GBK's): ¥, é."""
    return len(char.encode("gb18030")) == 4 and ord(char) < 0x10000 and unicodedata.category(char) not in _NOT_TEXT


def _big5(char: str) -> bool:
    return 0xA140 <= _code(char, "big5") <= 0xA3BF or 0xA440 <= _code(char, "big5") <= 0xC67E


def _jis(char: str) -> bool:
    return any(low <= _code(char, "shift_jis") <= high for low, high in ((0x8140, 0x84BE), (0x889F, 0x9FFC),
                                                                          (0xE040, 0xEAA4)))


def _ks(char: str) -> bool:
    """KS X 1001's symbols, its Hanja and every Hangul syllable (CP949 writes all 11,172)."""
    return 0xA1A1 <= _code(char, "euc_kr") <= 0xACFE or _hangul(char) or _hanja(char)


def _hanja(char: str) -> bool:
    """KS X 1001's 4,888 Hanja (rows 42-93, CAA1-FDFE), which Korean text writes beside Hangul (월간 廣告)."""
    return _han(char) and 0xCAA1 <= _code(char, "euc_kr") <= 0xFDFE


def _ks_letter(char: str) -> bool:
    """A letter of CP949's frequent set: KS X 1001's Hangul, or its Hanja (kept only beside frequent Hangul)."""
    return _ks_hangul(char) or _hanja(char)


def _han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _kana(char: str) -> bool:
    """Hiragana and katakana (JIS X 0208's rows 4 and 5, which GB2312 holds at the same codes)."""
    return "\u3041" <= char <= "\u30f6"


def _hangul(char: str) -> bool:
    return "\uac00" <= char <= "\ud7a3"


def _gb_level_1(char: str) -> bool:
    """GB2312's 3,755 frequent Han characters (rows 16-55, B0A1-D7F9)."""
    return _han(char) and 0xB0A1 <= _code(char, "gb2312") <= 0xD7F9


def _big5_frequent(char: str) -> bool:
    return _han(char) and 0xA440 <= _code(char, "big5") <= 0xC67E


def _jis_level_1(char: str) -> bool:
    """JIS X 0208's kana (82 9F-83 96) and 2,965 level-1 kanji (88 9F-98 72)."""
    return (0x829F <= _code(char, "shift_jis") <= 0x8396 and not _han(char)) or (
        _han(char) and 0x889F <= _code(char, "shift_jis") <= 0x9872)


def _ks_hangul(char: str) -> bool:
    """KS X 1001's 2,350 Hangul syllables (B0A1-C8FE), the ones EUC-KR writes too."""
    return _hangul(char) and 0xB0A1 <= _code(char, "euc_kr") <= 0xC8FE


def _uhc_hangul(char: str) -> bool:
    """The 8,822 Hangul syllables only CP949 writes (lead bytes 81-C6, trail bytes 41-5A, 61-7A, 81-FE), EUC-KR not."""
    return _hangul(char) and not _ks_hangul(char)


@dataclass(frozen=True)
class CodePage:
    name: str
    """As iconv and Notepad name it."""
    codec: str
    script: str
    """What text it writes, as a message says it."""
    common: Callable[[str], bool]
    """Whether a character past ASCII is of the page's common set (the module's)."""
    frequent: Callable[[str], bool]
    """Whether a character is a letter of the page's most frequent set (the module's)."""


KOREAN_PAGE = "CP949/EUC-KR"
"""Korean Windows' page, CP949 (Unified Hangul Code), which EUC-KR's text reads as the same: iconv's name is CP949."""
CODE_PAGES = (CodePage("GBK", "gb18030", "simplified Chinese", _gb, _gb_level_1),
              CodePage("Big5", "big5", "traditional Chinese", _big5, _big5_frequent),
              CodePage("Shift-JIS", "shift_jis", "Japanese", _jis, _jis_level_1),
              CodePage("EUC-JP", "euc_jp", "Japanese", _jis, _jis_level_1),
              CodePage(KOREAN_PAGE, "cp949", "Korean", _ks, _ks_letter))


ISO_2022_JP = CodePage("ISO-2022-JP", "iso2022_jp", "Japanese", _jis, _jis_level_1)
"""Japanese e-mail's 7-bit page: JIS X 0208 between escapes (ESC $ B ... ESC ( B), so valid UTF-8 with ESC in it."""


def _reading(data: bytes, page: CodePage) -> set[str] | None:
    """The different characters past ASCII of ``data`` read in ``page``, None where it is no text of its script."""
    try:
        text = data.decode(page.codec)
    except UnicodeDecodeError:
        return None
    past_ascii = {char for char in text if not char.isascii()}
    if (_CONTROL.search(text) or not all(map(page.common, past_ascii))
            or sum(map(page.frequent, past_ascii)) < FREQUENT_LETTERS):
        return None
    return past_ascii


def _han_evidence(data: bytes) -> tuple[int, int, int, int]:
    """Of the different Han characters of ``data``'s GBK reading, which EUC-JP reads as kanji at the same bytes: how
    many are frequent hanzi read as kanji Japanese seldom writes (Chinese), how many the reverse (Japanese), how many
    of the Chinese ones are JIS X 0208's second level (rows 48-84, lead byte D0 on), and how many there are."""
    chinese = japanese = second_level = 0
    han = {char for char in data.decode("gb18030") if _han(char)}
    for hanzi in han:
        code = hanzi.encode("gb18030")
        kanji = code.decode("euc_jp", "replace")
        chinese += hanzi in CHINESE and kanji not in JAPANESE
        second_level += hanzi in CHINESE and kanji not in JAPANESE and code[0] >= _JIS_LEVEL_2
        japanese += kanji in JAPANESE and hanzi not in CHINESE
    return chinese, japanese, second_level, len(han)


def _chinese_alone(chinese: int, japanese: int, second_level: int, han: int, amount: bool) -> bool:
    """Whether the Han evidence names GBK alone: a margin of ``CHINESE_MARGIN`` and ``DOMINANCE`` times, and then
    evidence a Japanese text's bytes do not reach. Either a frequent hanzi read as a kanji of JIS X 0208's second level
    (GB2312's rows 48-55 are frequent hanzi, 新 信 用 有 在 这 中; JIS's rare kanji and old forms, 仟 佚 會: none of
    45,779 Japanese texts both pages read holds one), or an amount in Chinese (``_chinese_amount``), or a margin
    beyond chance (``_beyond_chance``) for Japanese kanji read as frequent hanzi (``CHANCE``): a short name's can all
    be (顧客遊戯 is 杠狄头岛, 3 of 4 frequent, none of its kanji frequent in Debian's ja), so with 4 characters none
    names GBK alone by this margin."""
    if chinese < japanese + CHINESE_MARGIN or japanese * DOMINANCE > chinese:
        return False
    return second_level > 0 or amount or _beyond_chance(chinese - japanese, han, CHANCE)


def _beyond_chance(count: int, of: int, chance: float) -> bool:
    """Whether ``count`` of ``of`` characters is more than ``chance`` of them and 3 standard deviations: what chance
    reaches seldom (about 1 in 1,000)."""
    return count >= chance * of + 3 * math.sqrt(chance * (1 - chance) * of)


def _chinese_amount(data: bytes) -> bool:
    """Whether ``data``'s GBK reading writes an amount in Chinese, a digit and 万, 亿 or 元 ("3万"): EUC-JP reads
    those as 嵐, 叮, 圷, which no Japanese text writes after a digit."""
    return _AMOUNT.search(data.decode("gb18030")) is not None


def _frequent_hanzi(data: bytes) -> bool:
    """Whether the different Han characters of ``data``'s GBK reading are frequent hanzi beyond what Korean text read
    there reaches (its Hangul and Hanja read as hanzi are frequent ones about 1 in 4, ``KOREAN_HANZI``)."""
    han = {char for char in data.decode("gb18030") if _han(char)}
    return _beyond_chance(sum(char in CHINESE for char in han), len(han), KOREAN_HANZI)


def _korean(past_ascii: set[str], least: int = 1, share: float = 0.0) -> bool:
    """Whether ``share`` (``KOREAN_SHARE`` by default) of the different Hangul of a CP949 reading or more, and
    ``least``, are frequent Korean syllables."""
    hangul = [char for char in past_ascii if _hangul(char)]
    frequent = sum(char in KOREAN for char in hangul)
    return frequent >= least and frequent >= (share or KOREAN_SHARE) * len(hangul)


def legacy_code_pages(data: bytes) -> list[tuple[str, str]]:
    """The code pages (name, script) whose text ``data``, no UTF-8, reads as, by the module's rule; GBK is named
    GB18030 where a character only GB18030 writes is read. None for text a single-byte page reads, binary data, a
    page's rarer text or too few of its frequent letters."""
    if data.startswith(b"\xef\xbb\xbf") or single_byte_text(data) is not None:
        return []
    named = {}
    read: dict[str, set[str]] = {}
    for page in CODE_PAGES:
        past_ascii = _reading(data, page)
        if past_ascii is None:
            continue
        gb18030 = page.codec == "gb18030" and any(map(_four_byte, past_ascii))
        named[page.name] = ("GB18030" if gb18030 else page.name, page.script)
        read[page.name] = past_ascii
    # Syllables only CP949 writes are rare in Korean text (a typo's 떄, slang's 햏) and most of what other text's bytes
    # read as there (GBK's 嫐 is 떄, Shift-JIS's 禦 too): a reading holding one is Korean only by its frequent syllables.
    if KOREAN_PAGE in read and any(map(_uhc_hangul, read[KOREAN_PAGE])) and not _korean(read[KOREAN_PAGE], FREQUENT_LETTERS):
        del named[KOREAN_PAGE], read[KOREAN_PAGE]
    # Hanja are GBK's and EUC-JP's Han characters at other codes, and Chinese text's hanzi past GB2312's row 41 read
    # as Hanja: a reading holding one is Korean beside a Hangul word, 2 in 5 of its Hangul frequent Korean syllables,
    # or Hanja alone; named beside GBK only where GBK's hanzi are not frequent beyond what Korean text's read as reach.
    if KOREAN_PAGE in read and any(map(_hanja, read[KOREAN_PAGE])) and not (
            (_korean(read[KOREAN_PAGE], 1, HANJA_SHARE) and _HANGUL_WORD.search(data.decode("cp949"))
             or not any(map(_hangul, read[KOREAN_PAGE])))
            and not ("GBK" in named and (_frequent_hanzi(data) or _chinese_amount(data)))):
        del named[KOREAN_PAGE], read[KOREAN_PAGE]
    # EUC-JP's kana are GB2312's at the same codes: a GBK reading holding several is Japanese.
    if "GBK" in read and sum(map(_kana, read["GBK"])) >= FREQUENT_LETTERS:
        del named["GBK"]
    # Hanzi read as kanji: frequent Chinese characters are rare kanji (万助对手打话赏 is 三嬉嵐廁斤浜返), and frequent
    # Japanese kanji rare hanzi (基本計画 is 答塑纷茶); only a clear margin names one alone.
    if "GBK" in named and "EUC-JP" in named:
        chinese, japanese, second_level, han = _han_evidence(data)
        if _chinese_alone(chinese, japanese, second_level, han, _chinese_amount(data)):
            del named["EUC-JP"]
        elif japanese >= chinese + JAPANESE_MARGIN and chinese * DOMINANCE <= japanese:
            del named["GBK"]
    # Hangul read as kanji: many characters, no kana and frequent Korean syllables are Korean text, not Japanese.
    korean = KOREAN_PAGE in named and _korean(read[KOREAN_PAGE])
    if ("EUC-JP" in named and korean and not any(map(_kana, read["EUC-JP"]))
            and len(read["EUC-JP"]) >= KOREAN_CHARACTERS):
        del named["EUC-JP"]
    if "GBK" in named and korean and len(read[KOREAN_PAGE]) >= KOREAN_CHARACTERS:
        del named["GBK"]
    # Hanja with few Hangul (a short name) are named only beside another page: Chinese or Japanese text whose other page
    # reads no text (a rare hanzi, 湄宏顺府) reads as such.
    if named.keys() == {KOREAN_PAGE} and any(map(_hanja, read[KOREAN_PAGE])) and not _korean(read[KOREAN_PAGE], FREQUENT_LETTERS):
        del named[KOREAN_PAGE]
    # Many Hangul, mostly rare syllables: Chinese or Japanese text's bytes, not Korean text, beside a page that reads it.
    hangul = {char for char in read.get(KOREAN_PAGE, ()) if _hangul(char)}
    if len(named) > 1 and KOREAN_PAGE in named and not korean and len(hangul) >= KOREAN_CHARACTERS:
        del named[KOREAN_PAGE]
    return list(named.values())


def saved_as(data: bytes) -> str | None:
    """The hint of a scenario file that is no UTF-8 in ``legacy_code_pages``' text, or that is UTF-8 holding ESC
    and reads as ISO-2022-JP's Japanese: which it looks saved as, and how to save it as UTF-8; None where it reads as
    none."""
    if b"\x1b" in data:
        escaped = _reading(data, ISO_2022_JP) is not None
        named = [(ISO_2022_JP.name, ISO_2022_JP.script)] if escaped else []
    else:
        named = legacy_code_pages(data)
    if not named:
        return None
    pages = " or ".join(f"{name} ({script})" for name, script in named)
    others = "".join(f" (or -f {_iconv(name)})" for name, _ in named[1:])
    return (f"the file looks saved as {pages}: save it as UTF-8 (Notepad: Save as, Encoding UTF-8), or convert it: "
            f"iconv -f {_iconv(named[0][0])} -t UTF-8{others}")


def _iconv(name: str) -> str:
    """iconv's name of a code page named ``name``: CP949 for CP949/EUC-KR (glibc's iconv -f EUC-KR drops the lead byte
    of a syllable only CP949 writes, and converts the rest without a word), BIG5 for Big5."""
    return name.split("/")[0].upper()
