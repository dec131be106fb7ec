"""What a header's brackets say (a unit of money or of count, a time basis, or a qualifier this reader does not know)
and what currency a cell's sign names.

``消耗(元)``, ``spend (USD)``, ``消耗(万元)`` state the money's unit; ``展示数(次)`` a count's, ``小时(时)`` an
hour's; ``激活数(转化时间)`` the day conversions are counted on; ``激活数(去重)`` a count deduplicated over the rows
it sums. A header may have several (``消耗(元)(去重)``). Anything else in brackets (``激活数(含自然量)``,
``消耗(千元)``) is a qualifier the reader cannot interpret: such a column is not taken for the plain one (report.py
refuses it for money rather than guess its unit).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from aigc_roi.model.names import as_read

CNY = "CNY"


@dataclass(frozen=True)
class Money:
    currency: str
    """ISO code."""
    scale: float
    """Factor from the written unit to one of the currency (0.01 for 分, 10,000 for 万元)."""
    unit: str
    """As the summary shows it: 元, 分, 万元 or the currency's code."""
    means: tuple[str, ...] = ()
    """Every currency a sign may mean (``SIGNS``), ``currency`` first; none for a unit that names one."""

    def read_in(self, plan: str) -> Money:
        """As a cell's sign is read: the ``plan``'s currency where the sign may mean it (``$`` of a plan in HKD)."""
        return Money(plan, self.scale, plan, self.means) if plan in self.means else self


YUAN_UNIT = Money(CNY, 1.0, "元")
FEN_UNIT = Money(CNY, 0.01, "分")

_NAMED: dict[str, Money] = {
    "元": YUAN_UNIT, "人民币": YUAN_UNIT, "人民币元": YUAN_UNIT, "rmb": YUAN_UNIT, "cny": YUAN_UNIT,
    "分": FEN_UNIT, "万元": Money(CNY, 10_000.0, "万元"),
    "usd": Money("USD", 1.0, "USD"), "美元": Money("USD", 1.0, "USD"), "美金": Money("USD", 1.0, "USD"),
    "欧元": Money("EUR", 1.0, "EUR"), "港元": Money("HKD", 1.0, "HKD"), "港币": Money("HKD", 1.0, "HKD"),
    "日元": Money("JPY", 1.0, "JPY"), "英镑": Money("GBP", 1.0, "GBP"),
}
"""Units of money a header writes in brackets, compared in lower case (RMB, rmb); a currency's sign is read by
``SIGNS``, as in a cell."""
_CODE = re.compile(r"[A-Z]{3}")
"""Any other ISO code, as the plan's own ``currency:`` is written (upper case: a word in lower case is no code)."""
ABBREVIATION_DOT = r"(?<=[^\W\d_])\."
"""The dot of a sign written as an abbreviation (``Rs.``, ``kr.``): after a letter, as none of ``SIGNS`` ends."""
_ABBREVIATED = re.compile(ABBREVIATION_DOT + "$")

MONEY_UNITS_SHOWN = "元, 分, 万元 or a currency such as CNY, USD, 美元, $"
"""What an error says a money column's brackets may hold."""
SIGNS_SHOWN = "$, ¥, €, £, HK$ or CN¥"
"""What an error says a currency sign in a header's brackets may be."""

COUNT_UNITS = frozenset({"次", "个", "人", "次数", "个数", "人数"})
HOUR_UNITS = frozenset({"时"})
"""The unit an hour column may name (``小时(时)``), as a count's ``展示数(次)``."""

CONVERSION_TIME = "conversion"
REPORTING_TIME = "reporting"
_TIME_BASES = {"转化时间": CONVERSION_TIME, "按转化时间": CONVERSION_TIME, "conversiontime": CONVERSION_TIME,
               "byconv.time": CONVERSION_TIME,
               "计费时间": REPORTING_TIME, "按计费时间": REPORTING_TIME, "报告时间": REPORTING_TIME,
               "按报告时间": REPORTING_TIME, "投放时间": REPORTING_TIME, "reportingtime": REPORTING_TIME}
"""The 口径 a console writes after a metric when a report offers both (巨量引擎's 激活数(转化时间), Google Ads'
``Conversions (by conv. time)`` beside its ``Conversions`` by the time of the click)."""

DEDUPLICATED = frozenset({"去重", "排重"})
"""A count a console deduplicated over the rows it sums (巨量引擎's 激活数(去重)): each user counted once."""

_BRACKETS = re.compile(r"\s*[(（\[【]\s*([^()（）\[\]【】]*?)\s*[)）\]】]\s*$")


def split_header(header: str) -> tuple[str, tuple[str, ...]]:
    """(the name as ``header_key`` compares it; the texts of its trailing brackets, in order, full-width forms read as
    their ASCII ones: ``消耗（元）(去重)`` is ``消耗`` with ``元`` and ``去重``)."""
    text = unicodedata.normalize("NFKC", header).strip().strip("\ufeff").strip().strip('"').strip()
    brackets: list[str] = []
    while found := _BRACKETS.search(text):
        brackets.insert(0, found.group(1))
        text = text[: found.start()]
    return header_key(text), tuple(brackets)


_SEPARATORS = frozenset({"Pc", "Pd"})
"""What may stand between a header's words besides a space: an underscore (connector punctuation), a hyphen or dash."""


@lru_cache(maxsize=1024)
def header_key(name: str) -> str:
    """A header's name as the shapes' headers and the file's are compared, both sides alike: case, width and what
    separates its words (spaces of any width, an underscore, a hyphen, or nothing) aside, so ``New Users``,
    ``new_users``, ``NEW-USERS``, ``ｎｅｗ＿ｕｓｅｒｓ`` and ``newusers`` are one header. A spreadsheet's author or a
    platform's UI spells a header so; no two headers of one shape read alike (tests/reader/test_export_headers.py)."""
    return "".join(c for c in as_read(name) if unicodedata.category(c) not in _SEPARATORS)


def money_unit(bracket: str) -> Money | None:
    """The unit of money a bracket's text names, else None: a currency sign (``€``, ``CN¥``, ``$``) as ``SIGNS``
    reads it in a cell, its first meaning until ``Money.read_in`` reads it in the plan's currency."""
    known = _NAMED.get(bracket.lower().replace(" ", ""))
    if known is not None:
        return known
    means = _BY_CAPITALS.get(_ABBREVIATED.sub("", unicodedata.normalize("NFKC", bracket).replace(" ", "").upper()))
    if means is not None:
        return Money(means[0], 1.0, means[0], means)
    return Money(bracket, 1.0, bracket) if _CODE.fullmatch(bracket) else None


def unknown_sign(bracket: str) -> bool:
    """Whether a bracket no unit of ``money_unit``'s is a currency's sign all the same (``₿``, ``¤``): refused as a
    sign this reader does not know, not as no unit of money."""
    return any(unicodedata.category(character) == "Sc" for character in bracket)


def time_basis(bracket: str) -> str | None:
    """CONVERSION_TIME or REPORTING_TIME where the bracket names one (its words compared as a header's), else None."""
    return _TIME_BASES.get(header_key(bracket))


SIGNS: dict[str, tuple[str, ...]] = {
    "$": ("USD", "HKD", "SGD", "AUD", "CAD", "NZD", "TWD", "MXN", "ARS", "CLP", "COP"), "¥": (CNY, "JPY"),
    "元": (CNY,), "RMB": (CNY,), "CN¥": (CNY,), "JP¥": ("JPY",), "US$": ("USD",), "HK$": ("HKD",), "A$": ("AUD",),
    "AU$": ("AUD",), "C$": ("CAD",), "CA$": ("CAD",), "NZ$": ("NZD",), "S$": ("SGD",), "SG$": ("SGD",),
    "NT$": ("TWD",), "MOP$": ("MOP",), "MX$": ("MXN",), "Mex$": ("MXN",), "R$": ("BRL",), "€": ("EUR",),
    "£": ("GBP",), "₩": ("KRW",), "₹": ("INR",), "₽": ("RUB",), "₺": ("TRY",), "TL": ("TRY",), "₫": ("VND",),
    "฿": ("THB",), "₱": ("PHP",), "Rp": ("IDR",), "RM": ("MYR",), "₪": ("ILS",), "₦": ("NGN",), "R": ("ZAR",),
    "E£": ("EGP",), "S/": ("PEN",), "zł": ("PLN",), "Kč": ("CZK",), "Ft": ("HUF",), "lei": ("RON",), "₴": ("UAH",),
    "₸": ("KZT",), "৳": ("BDT",), "₾": ("GEL",), "₼": ("AZN",), "₮": ("MNT",), "₭": ("LAK",), "៛": ("KHR",),
    "₡": ("CRC",), "₲": ("PYG",), "₵": ("GHS",),
    "kr": ("SEK", "NOK", "DKK", "ISK"), "Rs": ("INR", "PKR", "LKR", "NPR"), "₨": ("INR", "PKR", "LKR", "NPR"),
}
"""The currencies a cell's sign may mean, the first the one it sets where the export states none ($: USD; ¥: CNY,
as the Chinese consoles write it; kr: SEK, Sweden's, the largest market of the four). A sign with its country's
letters names one (CN¥, as an English-locale formatting of CNY writes it, and Google Ads may show it; A$, C$, NZ$,
S$, MX$, R$), as does a sign of one currency (₹, ₫, Rp, zł); a sign several countries write (kr of Sweden, Norway,
Denmark and Iceland; Rs of India, Pakistan, Sri Lanka and Nepal; $ of the dollars and pesos) is the plan's currency
where it may mean it, as $ and ¥ are. An ISO code written in the cell (USD 5) means itself."""
_BY_CAPITALS = {sign.upper(): means for sign, means in SIGNS.items()}
"""``SIGNS`` as a header's bracket is compared, in capitals (hk$, ZŁ, KR)."""

CODES = tuple(sorted({code for means in SIGNS.values() for code in means} | {"CHF"}))
"""The ISO codes a cell may write by its amount (``USD 5``): those of the currencies a sign names, and CHF, which
Switzerland writes for its own; a known few, so that a stray ``ABC5`` is no number."""


def sign_means(sign: str) -> tuple[str, ...]:
    return SIGNS.get(sign, (sign,))


DECIMAL_COMMA = frozenset({"EUR", "VND", "IDR", "BRL", "TRY", "ARS", "CLP", "COP", "DKK", "NOK", "SEK", "ISK", "RON",
                           "PLN", "RUB", "UAH", "CZK", "HUF", "PYG"})
"""Currencies whose locales write a decimal comma, so that a dot in an amount read in one may group thousands
(``₫5.000``, ``R$ 1.500``, ``5.000 €``, ``$1.500`` in a plan in CLP). The others' (CNY, USD, JPY, GBP, INR, ...)
write a decimal point: ``¥1.500`` and ``$0.125`` are a price to the tenth of a cent, as the consoles show a CPC or a
CPM."""
