"""Dots grouping thousands in an export's counts and amounts. An amount in a decimal-comma currency (EUR, BRL, IDR,
VND, ...) was refused at ``12.345``, but a count beside it was read as 12.345 impressions: a German or Brazilian
export's users came out a thousand times too few, its CTR 3,322%. ``1.500.000`` was refused without saying why."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_files import COMMA_HINT, HORIZON, refusals, written

from aigc_roi.reader.exports import read_report
from aigc_roi.reader.exports.cells import Amounts, CellError, count


@pytest.mark.parametrize("cell", ["12.345", "1.200", "-1.500", "１２．３４５"])
def test_a_count_in_a_decimal_comma_export_refuses_a_dot_before_three_digits(cell: str) -> None:
    with pytest.raises(CellError, match="in EUR a dot before three digits may separate thousands"):
        count(cell, decimal_comma="EUR")


@pytest.mark.parametrize(("cell", "users"), [("12.5", 12.5), ("0.125", 0.125), ("1,200", 1200.0), ("12.3450", 12.345)])
def test_a_count_that_groups_nothing_is_read_in_a_decimal_comma_export(cell: str, users: float) -> None:
    """Conversions credited in parts by attribution are fractional; only three digits after a lone dot are in doubt."""
    assert count(cell, decimal_comma="EUR") == users


@pytest.mark.parametrize(("cell", "hint"), [
    ("12.345", "; a dot before three digits may separate thousands: write 12345" + COMMA_HINT), ("0.5", ""), ("1.25", ""),
])
def test_a_whole_count_takes_no_fraction(cell: str, hint: str) -> None:
    """No platform reports part of an impression or a click: 12.345 impressions are 12,345 written with a dot."""
    with pytest.raises(CellError) as raised:
        count(cell, whole=True)
    assert str(raised.value) == f"expected a whole count, found {cell!r}{hint}"
    assert count("12345.0", whole=True) == 12345.0


@pytest.mark.parametrize(("cell", "digits"), [("1.500.000", "1500000"), ("Rp 1.500.000", "1500000"),
                                              ("1.234.567 ₫", "1234567"), ("-12.345.678", "-12345678")])
def test_dots_grouping_thousands_twice_are_refused_saying_so(cell: str, digits: str) -> None:
    plan = "VND" if "₫" in cell else "IDR"
    with pytest.raises(CellError) as raised:
        Amounts(None, plan)(cell)
    assert str(raised.value) == (f"expected a number, found {cell!r}; dots separating thousands are not read: "
                                 f"write {digits}{COMMA_HINT}")


def test_a_european_export_refuses_its_dot_grouped_counts_at_their_cells_left_to_right(tmp_path: Path) -> None:
    path = written(tmp_path, 'date,campaign,spend,new_users,clicks,impressions\n'
                             '2025-01-03,dy_a,1500.50,"1.020","12.000","1.200.000"\n')
    # New users may be a fraction (Google's 3.50 conversions), so both readings; clicks are whole, so only thousands.
    assert refusals(path, "EUR") == [
        f"{path}:2:4: new_users: expected a number, found '1.020'; in an export in EUR a dot before three digits may "
        f"separate thousands: write 1020 for thousands, or 1.0200 for a decimal point{COMMA_HINT}",
        f"{path}:2:5: clicks: expected a whole count, found '12.000'; a dot before three digits may separate "
        f"thousands: write 12000{COMMA_HINT}",
        f"{path}:2:6: impressions: expected a number, found '1.200.000'; dots separating thousands are not read: "
        f"write 1200000{COMMA_HINT}"]


def test_a_yuan_export_reads_a_fractional_conversion_and_refuses_a_fractional_impression(tmp_path: Path) -> None:
    path = written(tmp_path, "date,campaign,spend,new_users,impressions\n2025-01-03,dy_a,100,12.345,1000\n")
    assert [row.users for row in read_report([path], HORIZON, currency="CNY").rows] == [12.345]
    fraction = written(tmp_path, "date,campaign,spend,new_users,impressions\n2025-01-03,dy_a,100,12,12.345\n", "f.csv")
    assert refusals(fraction, "CNY") == [f"{fraction}:2:5: impressions: expected a whole count, found '12.345'; a dot "
                                         f"before three digits may separate thousands: write 12345{COMMA_HINT}"]


def test_the_new_refusals_read_in_chinese() -> None:
    from aigc_roi.present.messages_zh import translate

    assert translate("expected a whole count, found '12.345'; a dot before three digits may separate thousands: write "
                     "12345") == "应为整数的数量，实际为 '12.345'；点号后跟三位数字可能是千位分隔符：请写成 12345"
    assert translate("expected a number, found '1.200.000'; dots separating thousands are not read: write 1200000") == (
        "应为数字，实际为 '1.200.000'；不读取用点号分隔的千位：请写 1200000")
