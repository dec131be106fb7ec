"""The signs of currencies, one list for every reader: an export's cells and header brackets (exports/units.py,
exports/cells.py), and a plan's amounts and ``currency:`` told what to write instead (numbers.py, currencies.py).

Its own module, outside ``exports``, so that reading a plan loads no export reader.
"""

from __future__ import annotations

SIGNS: dict[str, tuple[str, ...]] = {
    "$": ("USD", "HKD", "SGD", "AUD", "CAD", "NZD", "TWD", "MXN", "ARS", "CLP", "COP"), "¥": ("CNY", "JPY"),
    "元": ("CNY",), "RMB": ("CNY",), "CN¥": ("CNY",), "JP¥": ("JPY",), "US$": ("USD",), "HK$": ("HKD",), "A$": ("AUD",),
    "AU$": ("AUD",), "C$": ("CAD",), "CA$": ("CAD",), "NZ$": ("NZD",), "S$": ("SGD",), "SG$": ("SGD",),
    "NT$": ("TWD",), "MOP$": ("MOP",), "MX$": ("MXN",), "Mex$": ("MXN",), "R$": ("BRL",), "€": ("EUR",),
    "£": ("GBP",), "₩": ("KRW",), "₹": ("INR",), "₽": ("RUB",), "₺": ("TRY",), "TL": ("TRY",), "₫": ("VND",),
    "đ": ("VND",), "VNĐ": ("VND",),
    "฿": ("THB",), "₱": ("PHP",), "Rp": ("IDR",), "RM": ("MYR",), "₪": ("ILS",), "₦": ("NGN",), "R": ("ZAR",),
    "E£": ("EGP",), "S/": ("PEN",), "zł": ("PLN",), "Kč": ("CZK",), "Ft": ("HUF",), "lei": ("RON",), "₴": ("UAH",),
    "₸": ("KZT",), "৳": ("BDT",), "₾": ("GEL",), "₼": ("AZN",), "₮": ("MNT",), "₭": ("LAK",), "៛": ("KHR",),
    "₡": ("CRC",), "₲": ("PYG",), "₵": ("GHS",),
    "kr": ("SEK", "NOK", "DKK", "ISK"), "Rs": ("INR", "PKR", "LKR", "NPR"), "₨": ("INR", "PKR", "LKR", "NPR"),
}
"""The currencies a cell's sign may mean, the first the one it sets where the export states none ($: USD; ¥: CNY,
as the Chinese consoles write it; kr: SEK, Sweden's, the largest market of the four). A sign with its country's
letters names one (CN¥, as an English-locale formatting of CNY writes it, and Google Ads may show it; A$, C$, NZ$,
S$, MX$, R$), as does a sign of one currency (₹, ₫, Rp, zł; đ and VNĐ, the dong as Vietnamese type it, 150.000đ);
a sign several countries write (kr of Sweden, Norway, Denmark and Iceland; Rs of India, Pakistan, Sri Lanka and
Nepal; $ of the dollars and pesos) is the plan's currency where it may mean it, as $ and ¥ are. An ISO code written
in the cell (USD 5) means itself."""
BY_CAPITALS = {sign.upper(): means for sign, means in SIGNS.items()}
"""``SIGNS`` as a header's bracket is compared, in capitals (hk$, ZŁ, KR)."""

CODES = tuple(sorted({code for means in SIGNS.values() for code in means} | {"CHF"}))
"""The ISO codes a cell may write by its amount (``USD 5``): those of the currencies a sign names, and CHF, which
Switzerland writes for its own; a known few, so that a stray ``ABC5`` is no number."""

ABBREVIATION_DOT = r"(?<=[^\W\d_])\."
"""The dot of a sign written as an abbreviation (``Rs.``, ``kr.``): after a letter, as none of ``SIGNS`` ends."""

DECIMAL_COMMA = frozenset({"EUR", "VND", "IDR", "BRL", "TRY", "ARS", "CLP", "COP", "DKK", "NOK", "SEK", "ISK", "RON",
                           "PLN", "RUB", "UAH", "CZK", "HUF", "PYG"})
"""Currencies whose locales write a decimal comma, so that a dot in an amount read in one may group thousands
(``₫5.000``, ``R$ 1.500``, ``5.000 €``, ``$1.500`` in a plan in CLP). The others' (CNY, USD, JPY, GBP, INR, ...)
write a decimal point: ``¥1.500`` and ``$0.125`` are a price to the tenth of a cent, as the consoles show a CPC or a
CPM."""
