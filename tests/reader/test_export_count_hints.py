"""A refused count's fix offers only what a count can be. Impressions and clicks are whole: ``12.345`` in an export
whose money is in EUR was told ``write 12345 for thousands, or 12.3450 for a decimal point`` (and in Chinese that it
was an amount, 金额), and ``1,5`` clicks ``or write 1.5``, which is then refused as no whole count. New users may be a
fraction (Google's conversions), so both readings stay theirs, told as a count's."""

from __future__ import annotations

from pathlib import Path

from export_files import COMMA_HINT, refusals, written

from aigc_roi.present.messages_zh import translate

WHOLE_COMMA = ("a comma before fewer than three digits is a decimal comma's fraction, which no count of impressions or "
               "clicks has")


def test_a_whole_count_is_told_its_one_reading(tmp_path: Path) -> None:
    path = written(tmp_path, 'date,campaign,spend,impressions,clicks,new_users\n'
                             '2025-01-03,dy_a,10,12.345,"1,5","12.345"\n'
                             '2025-01-04,dy_a,10,"12,5",12.000,"1,5"\n')
    assert refusals(path, "EUR") == [
        f"{path}:2:4: impressions: expected a whole count, found '12.345'; a dot before three digits may separate "
        f"thousands: write 12345{COMMA_HINT}",
        f"{path}:2:5: clicks: expected a whole count, found '1,5'; {WHOLE_COMMA}",
        f"{path}:2:6: new_users: expected a number, found '12.345'; in an export in EUR a dot before three digits may "
        f"separate thousands: write 12345 for thousands, or 12.3450 for a decimal point{COMMA_HINT}",
        f"{path}:3:4: impressions: expected a whole count, found '12,5'; {WHOLE_COMMA}",
        f"{path}:3:5: clicks: expected a whole count, found '12.000'; a dot before three digits may separate "
        f"thousands: write 12000{COMMA_HINT}",
        f"{path}:3:6: new_users: expected a number, found '1,5'; a decimal comma: read the export with "
        "decimal_comma=True, or export it with a decimal point, or write 1.5"]


def test_the_count_hints_read_in_chinese(tmp_path: Path) -> None:
    path = written(tmp_path, 'date,campaign,spend,impressions,clicks,new_users\n2025-01-03,dy_a,10,1,"1,5","12.345"\n')
    assert [translate(error.split(": ", 2)[2]) for error in refusals(path, "EUR")] == [
        "应为整数的数量，实际为 '1,5'；逗号后不足三位数字是小数逗号后的小数部分，而展示数和点击数都不会有小数",
        "应为数字，实际为 '12.345'；在金额以 EUR 计的报表中，点号后跟三位数字可能是千位分隔符：若是千位，请写成 12345；"
        "若是小数点，请写成 12.3450；若报表以逗号为小数点（1.234,56），请用 decimal_comma=True 读取"]
