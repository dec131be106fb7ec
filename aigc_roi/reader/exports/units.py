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
from aigc_roi.reader.currency_signs import ABBREVIATION_DOT, BY_CAPITALS, SIGNS
from aigc_roi.reader.currency_signs import CODES as CODES
from aigc_roi.reader.currency_signs import DECIMAL_COMMA as DECIMAL_COMMA

CNY = "CNY"


@dataclass(frozen=True)
class Money:
    currency: str
    """ISO code."""
    scale: float
    """Factor from the written unit to one of the currency (0.01 for 分, 10,000 for 万元)."""
    unit: str
    """As the summary shows it: 元, 分, 万元, lakh, crore or the currency's code."""
    means: tuple[str, ...] = ()
    """Every currency a sign may mean (``SIGNS``), ``currency`` first; none for a unit that names one."""

    def read_in(self, plan: str) -> Money:
        """As a cell's sign is read: the ``plan``'s currency where the sign may mean it (``$`` of a plan in HKD), in
        the same scale (``Rs lakh`` of a plan in PKR is a lakh of PKR)."""
        if plan not in self.means:
            return self
        return Money(plan, self.scale, plan if self.unit == self.currency else self.unit, self.means)


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
_ABBREVIATED = re.compile(ABBREVIATION_DOT + "$")
_SCALES = {"lakh": 100_000.0, "crore": 10_000_000.0}
"""The scales India and its neighbours state amounts in (``Cost (₹ lakh)``, ``Rs. in crores``, ``₹ Cr``), read as
万元 is: a lakh is 100,000 of the currency, a crore 10,000,000."""
_SCALE_WORDS = {"lakh": "lakh", "lakhs": "lakh", "lac": "lakh", "lacs": "lakh", "crore": "crore", "crores": "crore",
                "cr": "crore"}
"""How a scale is spelt, in lower case -> the scale."""
_SCALED = re.compile(r"(?P<money>.+?)\s+(?:in\s+)?(?P<scale>[^\W\d_]+)\.?", re.IGNORECASE)
"""A currency, then a word for how many of it a unit is: ``₹ lakh``, ``Rs. in lakhs``, ``USD thousands``."""

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
    reads it in a cell, its first meaning until ``Money.read_in`` reads it in the plan's currency; a currency in
    lakh or crore (``₹ lakh``) as 万元 is a scale of yuan."""
    known = _NAMED.get(bracket.lower().replace(" ", ""))
    if known is not None:
        return known
    means = BY_CAPITALS.get(_ABBREVIATED.sub("", unicodedata.normalize("NFKC", bracket).replace(" ", "").upper()))
    if means is not None:
        return Money(means[0], 1.0, means[0], means)
    if _CODE.fullmatch(bracket):
        return Money(bracket, 1.0, bracket)
    scaled = _scaled(bracket)
    word = _SCALE_WORDS.get(scaled[2].lower()) if scaled is not None else None
    return None if scaled is None or word is None else Money(scaled[0].currency, _SCALES[word], word, scaled[0].means)


def _scaled(bracket: str) -> tuple[Money, str, str] | None:
    """A currency's unit, as read and as written, and the word after it (``₹ in lakhs``: ₹ and lakhs), whether a
    scale or not; None for a bracket that does not start with a currency."""
    found = _SCALED.fullmatch(bracket.strip())
    money = money_unit(found["money"]) if found is not None else None
    if found is None or money is None or money.scale != 1.0:
        return None
    return money, found["money"], found["scale"]


def unknown_scale(bracket: str) -> tuple[str, str] | None:
    """The currency as written and the word after it that is no scale ``money_unit`` reads (₹ and thousand of ``₹
    thousand``), else None: refused as a scale this reader does not know, not as a currency's sign (₹ is one)."""
    scaled = _scaled(bracket)
    return (scaled[1], scaled[2]) if scaled is not None and scaled[2].lower() not in _SCALE_WORDS else None


def unknown_sign(bracket: str) -> bool:
    """Whether a bracket no unit of ``money_unit``'s is a currency's sign all the same (``₿``, ``¤``): refused as a
    sign this reader does not know, not as no unit of money."""
    return any(unicodedata.category(character) == "Sc" for character in bracket)


def time_basis(bracket: str) -> str | None:
    """CONVERSION_TIME or REPORTING_TIME where the bracket names one (its words compared as a header's), else None."""
    return _TIME_BASES.get(header_key(bracket))


def sign_means(sign: str) -> tuple[str, ...]:
    return SIGNS.get(sign, (sign,))
