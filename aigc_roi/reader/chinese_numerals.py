"""Numbers written in Chinese numerals (三, 两, 十二, 三十万, 一亿二千万): what a plan's author types for a month's
count or an amount. None of them is read as a number (docs/formulas.md §12): each is told the digits the format
reads (``三十万``: write 30万), so a number is never silently read from words."""

from __future__ import annotations

from decimal import Decimal

DIGITS = "一二三四五六七八九"
"""1 to 9 in Chinese numerals; 两 is 2 before a unit or a measure word (两个月, 两千), 零 a gap (三千零五)."""
_DIGIT_VALUES = {**{digit: value for value, digit in enumerate(DIGITS, 1)}, "两": 2, "零": 0, "〇": 0}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_MYRIADS = {"万": 10**4, "亿": 10**8}
NUMERALS = "".join(_DIGIT_VALUES) + "".join(_UNITS) + "".join(_MYRIADS)
"""Every character a Chinese numeral is written with."""


def numeral_value(text: str) -> int | None:
    """The whole number ``text`` writes in Chinese numerals (三 3, 两 2, 十二 12, 二十四 24, 一百五十 150, 三千零五
    3005, 三十万 300,000, 一亿二千万 120,000,000); None for text that makes no number (十十, 三四, 万, digits)."""
    if not text or any(char not in NUMERALS for char in text):
        return None
    total, section, digit, last_unit = 0, 0, None, 10**5
    for char in text:
        if char in _DIGIT_VALUES:
            if digit is not None and _DIGIT_VALUES[char] != 0:
                return None  # 三四: two numbers, not one
            digit = _DIGIT_VALUES[char] or None
        elif char in _UNITS:
            unit = _UNITS[char]
            if unit >= last_unit:
                return None  # 十十, 十百: a unit above or equal to the one before it in its section
            section += (digit if digit is not None else (1 if char == "十" and section == 0 else 0)) * unit
            if digit is None and not (char == "十" and section == unit):
                return None  # 百 alone: no count of hundreds
            digit, last_unit = None, unit
        else:
            myriad = _MYRIADS[char]
            value = section + (digit or 0)
            if value == 0 and total == 0:
                return None
            total = (total + value) * myriad if myriad == 10**8 else total + value * myriad
            section, digit, last_unit = 0, None, 10**5
    return total + section + (digit or 0)


def amount_numerals(text: str) -> str | None:
    """An amount written in Chinese numerals as the format writes it: 三万 ``3万``, 三十万 ``30万``, 一百五十万 ``150万``,
    十二万五千 ``12.5万``, 一亿二千万 ``1.2亿``, 两千 ``2000``; None for text that is no such amount."""
    value = numeral_value(text.strip())
    if value is None:
        return None
    for word, size in (("亿", 10**8), ("万", 10**4)):
        if word in text and value >= size:
            return f"{Decimal(value) / size:f}".rstrip("0").rstrip(".") + word if value % size else f"{value // size}{word}"
    return str(value)
