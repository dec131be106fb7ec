"""An amount typed on the command line in a plan whose currency's locales write a decimal comma is read as the plan's
amounts are (reader/dot_group_warning.py): ``allocate eur.yaml -b 150.000`` allocated 150 a month silently, where a
European means 150,000, and ``-b 1,500`` was told only ``no thousands commas``. Every option that takes an amount in
the plan's currency (``allocate --budget/-b``, ``--total``, ``--max-cash-need``, ``--min``, ``--max``, ``--reach``,
``report --allocate``) is warned of at the option, and a comma before three digits is told both readings."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

PLAN = """\
name: P
currency: {currency}
horizon_months: 12
retention: {{monthly_churn: 0.5}}
acquisition:
  - {{name: Google, type: cpa, bid: 10, budget: 30_000, months: 1-3}}
monetization:
  plans:
    - {{name: Monthly, price: 9.99, period: month, conversion: 0.05}}
"""


def plan(tmp_path: Path, currency: str = "EUR") -> str:
    path = tmp_path / f"{currency}.yaml"
    path.write_text(PLAN.format(currency=currency), encoding="utf-8")
    return str(path)


def told(option: str, written: str, read: str, thousands: str, decimal: str) -> str:
    return (f"{option}: {written} reads as {read}, but in EUR a dot before three digits may separate thousands: "
            f"write {thousands} for thousands, or {decimal} for a decimal point")


def test_every_allocate_amount_with_one_dot_group_is_warned(tmp_path: Path) -> None:
    result = invoke(["allocate", plan(tmp_path), "-b", "150.000", "--min", "Google=1.500", "--max", "Google=150.000",
                     "--max-cash-need", "500.000", "-f", "csv"])
    assert result.exit_code == 0, result.stderr
    assert [line for line in result.stderr.splitlines() if "reads as" in line] == [
        told("--budget", "150.000", "150", "150_000", "150"),
        told("--max-cash-need", "500.000", "500", "500_000", "500"),
        told("--min Google", "1.500", "1.5", "1_500", "1.5"),
        told("--max Google", "150.000", "150", "150_000", "150"),
    ]


@pytest.mark.parametrize(("args", "option", "written", "read", "thousands", "decimal"), [
    (["allocate", "--total", "1.500k"], "--total", "1.500k", "1500", "1_500k", "1.5k"),
    (["allocate", "--reach", "subscribers@3=1.000"], "--reach", "1.000", "1", "1_000", "1"),
    (["report", "--allocate", "150.000"], "--allocate", "150.000", "150", "150_000", "150"),
])
def test_the_other_amount_options_are_warned(tmp_path: Path, args: list[str], option: str, written: str, read: str,
                                             thousands: str, decimal: str) -> None:
    output = ["-o", str(tmp_path / "r.html")] if args[0] == "report" else ["-f", "csv"]
    result = invoke([args[0], plan(tmp_path), *args[1:], *output])
    assert told(option, written, read, thousands, decimal) in result.stderr.splitlines()


def test_the_warning_is_in_chinese(tmp_path: Path) -> None:
    result = invoke(["--lang", "zh", "allocate", plan(tmp_path), "-b", "150.000", "-f", "csv"])
    assert ("--budget: 150.000 读作 150，但以 EUR 计时，点号后跟三位数字可能是千位分隔符：若是千位，请写成 150_000；"
            "若是小数点，请写成 150") in result.stderr.splitlines()


@pytest.mark.parametrize(("currency", "budget"), [("USD", "150.000"), ("EUR", "150.0000"), ("EUR", "150_000")])
def test_no_warning_in_a_decimal_point_currency_or_without_a_group(tmp_path: Path, currency: str, budget: str) -> None:
    result = invoke(["allocate", plan(tmp_path, currency), "-b", budget, "-f", "csv"])
    assert result.exit_code == 0 and "reads as" not in result.stderr


@pytest.mark.parametrize(("lang", "currency", "told_so"), [
    ("en", "EUR", "--budget: expected a number (suffixes k, m, 万, 亿), found '1,500'; in EUR a comma before three "
                  "digits may be a decimal comma: write 1_500 if it separates thousands, or 1.5 if it is a decimal comma"),
    ("zh", "EUR", "--budget：应为数字（后缀可用 k、m、万、亿），实际为 '1,500'；以 EUR 计时，逗号后跟三位数字可能是小数逗号："
                  "若是千位分隔符，请写 1_500；若是小数逗号，请写 1.5"),
    ("en", "USD", "--budget: expected a number (suffixes k, m, 万, 亿), found '1,500'; no thousands commas: write 1_500"),
])
def test_a_comma_before_three_digits_is_told_both_readings_in_a_decimal_comma_currency(
        tmp_path: Path, lang: str, currency: str, told_so: str) -> None:
    result = invoke(["--lang", lang, "allocate", plan(tmp_path, currency), "-b", "1,500"])
    assert (result.exit_code, result.stderr) == (2, f"aigc-roi: {told_so}\n")


@pytest.mark.parametrize(("budget", "thousands", "decimal"), [("1,500k", "1_500k", "1.5k"), ("1,500万", "1_500万", "1.5万")])
def test_a_suffixed_comma_group_is_told_both_readings(tmp_path: Path, budget: str, thousands: str, decimal: str) -> None:
    result = invoke(["allocate", plan(tmp_path), "-b", budget])
    assert (result.exit_code, result.stderr) == (2, f"aigc-roi: --budget: expected a number (suffixes k, m, 万, 亿), "
                                                    f"found '{budget}'; in EUR a comma before three digits may be a "
                                                    f"decimal comma: write {thousands} if it separates thousands, or "
                                                    f"{decimal} if it is a decimal comma\n")
    result = invoke(["--lang", "zh", "report", plan(tmp_path), "--allocate", budget, "-o", str(tmp_path / "r.html")])
    assert (result.exit_code, result.stderr) == (2, f"aigc-roi: --allocate：应为数字（后缀可用 k、m、万、亿），实际为 "
                                                    f"'{budget}'；以 EUR 计时，逗号后跟三位数字可能是小数逗号：若是千位"
                                                    f"分隔符，请写 {thousands}；若是小数逗号，请写 {decimal}\n")


def test_report_allocate_comma_is_told_both_readings(tmp_path: Path) -> None:
    result = invoke(["report", plan(tmp_path), "--allocate", "1,500", "-o", str(tmp_path / "r.html")])
    assert (result.exit_code, result.stderr) == (2, "aigc-roi: --allocate: expected a number (suffixes k, m, 万, 亿), "
                                                    "found '1,500'; in EUR a comma before three digits may be a decimal "
                                                    "comma: write 1_500 if it separates thousands, or 1.5 if it is a "
                                                    "decimal comma\n")


@pytest.mark.parametrize(("lang", "reach", "warned"), [
    # A cumulative cash may be below 0: its amount is quoted as typed, sign and all, in what it reads as and in both
    # readings (it was told "1.000 reads as 1", the amount without its sign).
    ("en", "-1.000", told("--reach", "-1.000", "-1", "-1_000", "-1")),
    ("en", "+1.000", told("--reach", "+1.000", "1", "+1_000", "+1")),
    ("zh", "-1.000", "--reach: -1.000 读作 -1，但以 EUR 计时，点号后跟三位数字可能是千位分隔符：若是千位，请写成 -1_000；"
                     "若是小数点，请写成 -1"),
])
def test_a_signed_amount_is_warned_of_with_its_sign(tmp_path: Path, lang: str, reach: str, warned: str) -> None:
    result = invoke(["--lang", lang, "allocate", plan(tmp_path), "--reach", f"cumulative_cash@3={reach}", "-f", "csv"])
    assert warned in result.stderr.splitlines()


@pytest.mark.parametrize(("lang", "reach", "refused"), [
    ("en", "-1,500", "--reach: expected a number (suffixes k, m, 万, 亿), found '-1,500'; in EUR a comma before three "
                     "digits may be a decimal comma: write -1_500 if it separates thousands, or -1.5 if it is a decimal comma"),
    ("en", "-5%", "--reach: expected an amount, found '-5%'; a percentage is no amount or count"),
    ("zh", "-5%", "--reach：应为金额，实际为 '-5%'；百分比不是金额或数量"),
])
def test_a_signed_amount_is_refused_with_its_sign(tmp_path: Path, lang: str, reach: str, refused: str) -> None:
    result = invoke(["--lang", lang, "allocate", plan(tmp_path), "--reach", f"cumulative_cash@3={reach}", "-f", "csv"])
    assert result.exit_code == 2
    assert result.stderr == f"aigc-roi: {refused}\n"


@pytest.mark.parametrize(("lang", "refused"), [
    ("en", "--budget: expected a number (suffixes k, m, 万, 亿), found '1 500,000'; spaces separating thousands are not "
           "read, and a comma before three digits may separate them too: write 1_500_000 if it does, or 1_500 if it is "
           "a decimal comma"),
    ("zh", "--budget：应为数字（后缀可用 k、m、万、亿），实际为 '1 500,000'；不读取用空格分隔的千位，且逗号后跟三位数字也可能是"
           "千位分隔符：若是千位分隔符，请写 1_500_000；若是小数逗号，请写 1_500"),
])
def test_a_comma_group_after_space_groups_is_told_both_readings(tmp_path: Path, lang: str, refused: str) -> None:
    result = invoke(["--lang", lang, "allocate", plan(tmp_path), "-b", "1 500,000", "-f", "csv"])
    assert (result.exit_code, result.stderr) == (2, f"aigc-roi: {refused}\n")
