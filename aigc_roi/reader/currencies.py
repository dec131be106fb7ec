"""A plan's ``currency:``: an ISO 4217 code (the spec's "ISO code"), and the code a slip of one was meant as.

``ACTIVE`` is ISO 4217 list one as published in 2025 (amendment 179: ``XCG`` beside ``ANG``, ``ZWG`` for ``ZWL``,
``SLE`` beside ``SLL``), frozen here rather than read from a package: a code ISO adds later is refused until this
table has it, where three letters alone took ``XYZ``. Its fund codes (``CLF``, ``USN``, ...) and units (``XDR``, ``XAU``,
...) are in it, as the standard lists them; ``XTS`` (reserved for testing) and ``XXX`` (no currency) are not, being
no money a plan is counted in. The code is display only, but ``compare`` refuses two and ``actuals`` an export in
another: a code that names no currency would only ever mismatch.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from aigc_roi.reader.currency_signs import ABBREVIATION_DOT, BY_CAPITALS
from aigc_roi.reader.kinds import Context
from aigc_roi.reader.yamltree import Node

ACTIVE = frozenset("""
    AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD
    CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP
    GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY
    KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD
    MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR
    PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL
    THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST
    XAF XAG XAU XBA XBB XBC XBD XCD XCG XDR XOF XPD XPF XPT XSU XUA YER ZAR ZMW ZWG
""".split())

MEANT: dict[str, str] = {
    # What people write for a currency, compared in upper case; its signs are SIGNS'.
    "CNH": "CNY", "YUAN": "CNY", "人民币": "CNY", "美元": "USD", "美金": "USD", "EURO": "EUR", "欧元": "EUR",
    "UKP": "GBP", "英镑": "GBP", "港币": "HKD", "港元": "HKD", "日元": "JPY", "NTD": "TWD", "新台币": "TWD",
    "韩元": "KRW", "SGD$": "SGD",
    # Codes ISO has withdrawn, and the code that replaced each.
    "HRK": "EUR", "LTL": "EUR", "LVL": "EUR", "EEK": "EUR", "SKK": "EUR", "SIT": "EUR", "CYP": "EUR", "MTL": "EUR",
    "DEM": "EUR", "FRF": "EUR", "ITL": "EUR", "ESP": "EUR", "NLG": "EUR", "ZWL": "ZWG", "BYR": "BYN", "VEF": "VES",
    "MRO": "MRU", "STD": "STN", "CUC": "CUP", "RUR": "RUB", "TRL": "TRY", "GHC": "GHS", "ZMK": "ZMW",
}
"""A currency written as a word or a code ISO withdrew -> the code to write; a sign is ``SIGNS``' (currency_signs.py),
as an export's cell reads it."""
_ABBREVIATED = re.compile(ABBREVIATION_DOT + "$")

EXPECTED = "an ISO 4217 currency code such as CNY or USD"


def meant_code(written: str) -> str | None:
    """The active code ``written`` (not one) was likely meant as: itself in capitals (``usd``), the code of a word
    (``美元``), of a sign (``₹``, ``R$``, ``Rs.``; a sign of several currencies, ``kr``, its first as an export's cell
    reads it), a withdrawn code's successor (``HRK``), or the one active code of its letters in another order
    (``CYN``); None otherwise. Compared as NFKC reads it: an input method's full-width ``ＵＳＤ`` or ``＄`` is ``USD``
    or ``$``."""
    upper = unicodedata.normalize("NFKC", written).strip().upper()
    if upper in ACTIVE:
        return upper
    if upper in MEANT:
        return MEANT[upper]
    if (means := BY_CAPITALS.get(_ABBREVIATED.sub("", upper))) is not None:
        return means[0]
    reordered = [code for code in sorted(ACTIVE) if sorted(code) == sorted(upper)]
    return reordered[0] if len(reordered) == 1 else None


@dataclass(frozen=True)
class CurrencyCode:
    """An active ISO 4217 code, written in capitals as the standard writes it."""

    description: str = ""

    def parse(self, node: Node, path: str, ctx: Context) -> Any:
        text = node.raw.strip() if node.kind == "scalar" and node.value is not None else ""
        if text in ACTIVE:
            return text
        meant = meant_code(text) if text else None
        if meant is not None:
            return ctx.expected_with_hint(node, path, EXPECTED, 0, f"did you mean '{meant}'?")
        return ctx.expected(node, path, EXPECTED)

    def json_schema(self) -> dict[str, Any]:
        return {"enum": sorted(ACTIVE), "description": self.description}
