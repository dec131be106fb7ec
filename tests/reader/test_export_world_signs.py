"""The signs of the currencies the platforms' other markets are billed in (₹, R$, ₽, ₫, Rp, zł, ...) are read as $
and € are, in a cell (before its number or after it, as those locales write it), a header's brackets, a title line
and a currency column: each names its ISO code. They were refused with advice to write that code. A sign several
countries write (kr, Rs) is the plan's currency where it may mean it, else refused as its first meaning, as $ and ¥
are. Beside a sign, a dot before three digits (``₫5.000``) may group thousands, as those locales write them: refused,
where it read as 5."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from export_files import COMMA_HINT, HORIZON, refusals, written

from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.exports import read_report
from aigc_roi.reader.exports.cells import Amounts, CellError
from aigc_roi.reader.exports.units import money_unit

ONE_CURRENCY = [
    ("₹", "INR"), ("R$", "BRL"), ("₽", "RUB"), ("₺", "TRY"), ("TL", "TRY"), ("₫", "VND"), ("฿", "THB"), ("₱", "PHP"),
    ("Rp", "IDR"), ("RM", "MYR"), ("zł", "PLN"), ("MX$", "MXN"), ("Mex$", "MXN"), ("₪", "ILS"), ("₦", "NGN"),
    ("Kč", "CZK"), ("Ft", "HUF"), ("R", "ZAR"), ("E£", "EGP"), ("S/", "PEN"), ("₴", "UAH"), ("₸", "KZT"),
    ("৳", "BDT"), ("₨", "INR"),
]
"""Signs and the currency each names (₨, of several, is INR as its first)."""
SEVERAL = [("kr", ("SEK", "NOK", "DKK", "ISK")), ("Rs", ("INR", "PKR", "LKR", "NPR")),
           ("$", ("MXN", "ARS", "CLP", "COP"))]
"""Signs of several currencies: each is read as the plan's, for a plan in any of them."""
OF_SEVERAL = [(sign, code) for sign, codes in SEVERAL for code in codes]




def _refused(plan: str, found: str, other: str) -> str:
    return f"{found}; actuals converts no currency: convert the export to {plan}, or the plan to {other}"


@pytest.mark.parametrize(("sign", "code"), ONE_CURRENCY + OF_SEVERAL)
@pytest.mark.parametrize(("written", "amount"), [("{sign}1,234.50", 1234.5), ("-{sign} 5", -5.0),
                                                 ("1,234.50 {sign}", 1234.5), ("7{sign}", 7.0)])
def test_a_cells_sign_before_or_after_its_number_is_read(sign: str, code: str, written: str, amount: float) -> None:
    cell = written.format(sign=sign)
    amounts = Amounts(None, code)
    assert (amounts(cell), amounts.currency) == (amount, code)
    assert Amounts(code, code)(cell) == amount


@pytest.mark.parametrize(("sign", "code"), ONE_CURRENCY + [("kr", "SEK"), ("Rs", "INR")])
def test_a_cells_sign_of_another_currency_than_the_plans_is_refused(sign: str, code: str) -> None:
    """A sign of several currencies, none the plan's, is refused as its first, as $ is refused as USD."""
    for cell in (f"{sign}5", f"5 {sign}"):
        with pytest.raises(CellError) as raised:
            Amounts(None, "CNY")(cell)
        assert str(raised.value) == ("expected an amount in CNY (the plan's currency), found "
                                     f"{_refused('CNY', repr(cell), code)}")
        with pytest.raises(CellError) as raised:
            Amounts("EUR", "EUR")(cell)
        assert str(raised.value) == f"expected an amount in EUR, found {cell!r}"


@pytest.mark.parametrize(("cell", "plan", "amount"), [
    ("Rs.500", "INR", 500.0), ("Rs. 1,234.50", "PKR", 1234.5), ("kr. 100", "DKK", 100.0), ("100 kr.", "NOK", 100.0),
    ("CHF 5", "CHF", 5.0), ("5 CHF", "CHF", 5.0), ("INR 12", "INR", 12.0), ("12 PLN", "PLN", 12.0),
    ("VND 5,000", "VND", 5000.0), ("€.50", "EUR", 0.5),
])
def test_an_abbreviations_dot_and_the_markets_codes(cell: str, plan: str, amount: float) -> None:
    """The dot after Rs or kr is the abbreviation's: Rs.500 is 500, where a dot after no letter is a decimal point
    ($.50); the codes of the currencies a sign names, and CHF, are read by an amount as USD is."""
    assert Amounts(None, plan)(cell) == amount


@pytest.mark.parametrize(("cell", "plan", "thousands"), [
    ("₫5.000", "VND", "5000"), ("Rp 12.500", "IDR", "12500"), ("R$ 1.500", "BRL", "1500"), ("5.000 €", "EUR", "5000"),
    ("€1.500", "EUR", "1500"), ("-1.234 zł", "PLN", "-1234"), ("IDR 5.000", "IDR", "5000"), ("$1.500", "CLP", "1500"),
    ("kr 2.500", "DKK", "2500"),
])
def test_a_dot_before_three_digits_beside_a_sign_is_refused(cell: str, plan: str, thousands: str) -> None:
    """Where the sign's locale groups thousands with a dot, read as a decimal point it is a thousand times off."""
    with pytest.raises(CellError) as raised:
        Amounts(None, plan)(cell)
    decimal = _dot_three(cell) + "0"
    hint = (f"in {plan} a dot before three digits may separate thousands: write {thousands} for thousands, or "
            f"{decimal} for a decimal point; if the export writes decimal commas (1.234,56), read it with "
            "decimal_comma=True")
    assert str(raised.value) == f"expected a number, found {cell!r}; {hint}"
    assert translate(str(raised.value)) == (f"应为数字，实际为 {cell!r}；以 {plan} 计的金额中，点号后跟三位数字可能是千位"
                                            f"分隔符：若是千位，请写成 {thousands}；若是小数点，请写成 {decimal}"
                                            "；若报表以逗号为小数点（1.234,56），请用 decimal_comma=True 读取")


def _dot_three(cell: str) -> str:
    """The signed number of a cell as written (``-1.234`` of ``-1.234 zł``)."""
    found = re.search(r"-?\d+\.\d{3}", cell)
    assert found is not None
    return found.group(0)


@pytest.mark.parametrize(("stated", "plan", "cell"), [
    ("₫", "VND", "5.000"), ("€", "EUR", "1.500"), ("R$", "BRL", "1.500"), ("EUR", "EUR", "12.345"),
    (None, "VND", "5.000"), (None, "EUR", "-1.500"),
])
def test_a_dot_before_three_digits_is_refused_in_the_currency_without_a_sign(stated: str | None, plan: str,
                                                                            cell: str) -> None:
    """The export's currency stated by its header (``spend (₫)``) or by the plan alone: its amounts are that
    currency's, written its locale's way whether or not a cell repeats the sign (5.000 was read as 5)."""
    currency = None if stated is None else money_unit(stated)
    with pytest.raises(CellError) as raised:
        Amounts(None if currency is None else currency.read_in(plan).currency, plan)(cell)
    assert f"in {plan} a dot before three digits may separate thousands" in str(raised.value)


@pytest.mark.parametrize(("plan", "cell", "amount"), [("EUR", "0.125", 0.125), ("VND", "5.0000", 5.0),
                                                     ("EUR", "1,500.000", 1500.0), ("CNY", "5.000", 5.0)])
def test_a_dot_that_groups_nothing_is_a_decimal_point(plan: str, cell: str, amount: float) -> None:
    """A group never starts with 0, four decimals are no group, a comma already groups, and a currency whose locales
    write a decimal point reads it as one."""
    assert Amounts(None, plan)(cell) == amount


@pytest.mark.parametrize(("cell", "plan", "amount"), [
    ("¥1.500", "CNY", 1.5), ("1.500元", "CNY", 1.5), ("CN¥0.125", "CNY", 0.125), ("$0.125", "USD", 0.125),
    ("USD 1.500", "USD", 1.5), ("£2.250", "GBP", 2.25), ("₹1.500", "INR", 1.5), ("$1.500", "HKD", 1.5),
])
def test_a_dot_before_three_digits_is_a_decimal_point_where_the_locale_writes_one(cell: str, plan: str,
                                                                                 amount: float) -> None:
    """A price to a tenth of a cent (a CPC, a CPM) in a currency whose locales write a decimal point is read as
    written, whichever of its currencies the sign is read as."""
    assert Amounts(None, plan)(cell) == amount


@pytest.mark.parametrize(("cell", "plan", "amount"), [("₫5.5", "VND", 5.5), ("Rp 12.50", "IDR", 12.5),
                                                    ("5.0000 €", "EUR", 5.0), ("₹1,234.567", "INR", 1234.567)])
def test_other_decimals_beside_a_sign_are_read(cell: str, plan: str, amount: float) -> None:
    """Only three digits after a lone dot are in doubt: two or four are decimals, and a comma before them groups."""
    assert Amounts(None, plan)(cell) == amount


@pytest.mark.parametrize(("sign", "code"), ONE_CURRENCY + OF_SEVERAL + [("Rs.", "PKR"), ("ZŁ", "PLN"), ("KR", "NOK")])
def test_a_headers_sign_names_the_exports_currency(tmp_path: Path, sign: str, code: str) -> None:
    path = written(tmp_path, f"date,campaign,spend ({sign})\n2025-01-03,dy_a,\"1,234.50\"\n")
    report = read_report([path], HORIZON, currency=code)
    assert [row.spend for row in report.rows] == [1234.5]
    (source,) = report.sources
    assert (source.currency, source.units["spend"]) == (code, code)


@pytest.mark.parametrize(("sign", "code"), [("₹", "INR"), ("R$", "BRL"), ("zł", "PLN"), ("kr", "SEK"), ("Rs", "INR")])
def test_a_headers_sign_of_another_currency_than_the_plans_is_refused(tmp_path: Path, sign: str, code: str) -> None:
    path = written(tmp_path, f"date,campaign,spend ({sign})\n2025-01-03,dy_a,5\n")
    # The sign as the header writes it, and the currency it names.
    assert refusals(path, "CNY") == [f"{path}:1:3: spend ({sign}): expected money in CNY (the plan's currency), found "
                                    f"{_refused('CNY', f'{sign} ({code})', code)}"]


@pytest.mark.parametrize(("sign", "code"), [("₹", "INR"), ("R$", "BRL"), ("₫", "VND"), ("zł", "PLN"), ("kr", "DKK"),
                                            ("RM", "MYR")])
def test_a_title_lines_sign_is_read(tmp_path: Path, sign: str, code: str) -> None:
    path = written(tmp_path, f"Currency: {sign}\nDay,Campaign Name,Spend,Taps\n2025-01-03,a_a,5,1\n")
    assert read_report([path], HORIZON, currency=code).sources[0].currency == code


@pytest.mark.parametrize(("sign", "code"), [("₹", "INR"), ("R$", "BRL"), ("Rp", "IDR"), ("kr", "NOK"), ("CHF", "CHF")])
def test_a_currency_columns_sign_is_read(tmp_path: Path, sign: str, code: str) -> None:
    path = written(tmp_path, f"date,campaign,currency,spend\n2025-01-03,dy_a,{sign},5\n")
    assert read_report([path], HORIZON, currency=code).sources[0].currency == code


def test_a_currency_columns_sign_of_another_currency_is_refused(tmp_path: Path) -> None:
    path = written(tmp_path, "date,campaign,currency,spend\n2025-01-03,dy_a,₹,5\n")
    assert refusals(path, "CNY") == [f"{path}:2:3: currency: expected CNY (the plan's currency), found "
                                    f"{_refused('CNY', repr('₹') + ' (INR)', 'INR')}"]


def test_a_dot_before_three_digits_is_refused_at_its_cell(tmp_path: Path) -> None:
    path = written(tmp_path, "date,campaign,spend (₫)\n2025-01-03,dy_a,\"₫1,500\"\n2025-01-04,dy_a,₫5.000\n")
    assert refusals(path, "VND") == [
        f"{path}:3:3: spend (₫): expected a number, found '₫5.000'; in VND a dot before three digits may separate "
        f"thousands: write 5000 for thousands, or 5.0000 for a decimal point{COMMA_HINT}"]


def test_a_headers_currency_refuses_a_signless_dot_before_three_digits(tmp_path: Path) -> None:
    """The tester's export: ``spend(₫)`` with 5.000 in its cells read as 5, a CAC of 0.04."""
    path = written(tmp_path, "date,campaign,spend(₫)\n2025-01-03,dy_a,5.000\n")
    assert refusals(path, "VND") == [
        f"{path}:2:3: spend(₫): expected a number, found '5.000'; in VND a dot before three digits may separate "
        f"thousands: write 5000 for thousands, or 5.0000 for a decimal point{COMMA_HINT}"]
