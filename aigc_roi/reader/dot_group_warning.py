"""``budget: 1.500`` in a plan in EUR: YAML reads 1.5, where the locales of a currency that writes a decimal comma
(currency_signs.py ``DECIMAL_COMMA``: EUR, BRL, IDR, VND, ...) write 1.500 for fifteen hundred. The reader cannot know
which was meant, and either reading is a thousand times the other, so a number of an amount or a count (kinds.py
``Number.unit``) written as one dot before three digits, after one to three (``1.500``, ``12.500``, ``150.000``,
quoted or not; before a suffix too, ``1.500k``, ``1.500万``: 1.5k or 1,500k), is warned of at the number in a plan
in such a currency: what it reads as, and what to write for each reading; an amount option (``allocate --budget``,
``--total``, ``--min``, ``--max``, ``--max-cash-need``, ``--reach``, ``report --allocate``) at the option. A warning,
not an error: the file is valid by the spec (a YAML float), and ``cpm: 2.125`` may be a price to the tenth of a cent,
which ``2.1250`` then writes without a group. A share, a ratio or a multiplier (``conversion_index: 1.500``) is none
of these, nor is a plan in a currency written with a decimal point (CNY, USD,
INR: ``1.500`` is 1.5 there, as the consoles show a CPC).
"""

from __future__ import annotations

import re

from aigc_roi.model.errors import ScenarioError
from aigc_roi.reader.numbers import RANGE_SEPARATOR, decimal_reading, one_group, parse_number_text, split_range, thousands_reading
from aigc_roi.reader.percent_warnings import number_warnings
from aigc_roi.reader.yamltree import Node


def dot_group_warnings(node: Node, path: str, currency: str, filename: str) -> list[ScenarioError]:
    """The warning of a number of a valid amount or count in ``currency`` (one of ``DECIMAL_COMMA``) whose dot may
    group thousands: the value itself, a ``low..high`` range as one, or each number of a range's mapping."""
    return number_warnings(node, path, filename, lambda raw: dot_group_message(raw, currency))


def dot_group_message(written: str, currency: str) -> str | None:
    """What ``written`` (a number, or a ``low..high`` range) reads as, and what to write for each reading, where a
    dot before three digits may group thousands in ``currency`` (one of ``DECIMAL_COMMA``); None where none does. A
    file's value (``dot_group_warnings``) and an amount option's (cli/allocate.py ``parse_amount``) alike."""
    text = written.strip()
    ends = [_digits_and_suffix(end.strip()) for end in split_range(text) or (text,)]
    if not any(one_group(digits) == "." for digits, _ in ends):
        return None
    read = RANGE_SEPARATOR.join(f"{parse_number_text(digits + suffix):.15g}" for digits, suffix in ends)
    thousands = RANGE_SEPARATOR.join((thousands_reading(digits) if one_group(digits) == "." else digits) + suffix
                                     for digits, suffix in ends)
    decimal = RANGE_SEPARATOR.join((decimal_reading(digits) if one_group(digits) == "." else digits) + suffix
                                   for digits, suffix in ends)
    return (f"{text} reads as {read}, but in {currency} a dot before three digits may separate thousands: "
            f"write {thousands} for thousands, or {decimal} for a decimal point")


def _digits_and_suffix(end: str) -> tuple[str, str]:
    """``1.500k`` -> ("1.500", "k"): a suffix multiplies either reading of the digits before it (1.5k or 1,500k). A
    space before it is dropped from the readings (``12.500 M``: ``12_500M``), each then one word, as the Chinese
    catalogue reads them."""
    match = re.fullmatch(r"(?P<digits>.*?)\s*(?P<suffix>[kKmM万亿]?)", end)
    assert match is not None  # any text: both groups may be empty
    return match["digits"], match["suffix"]
