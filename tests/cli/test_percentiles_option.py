"""`simulate --percentiles`: numbers from 0 to 100 in the file's grammar without a suffix, one key each.

Its numbers were read with Python's float(), which takes 'infinity', '٥' and '1_0' but gave the keys six digits
(``p{q:g}``): 33.33333 and 33.333331 were two percentiles under one key, p33.3333. Now each key is the shortest repr
that reads back as its percentile, two values that are one float are refused, and every other refusal is the
option's own line, in English and in Chinese.
"""

from __future__ import annotations

import csv
import io
import json
import textwrap
from pathlib import Path

import pytest
from cli_runner import invoke
from test_simulate_cli import UNIFORM_BID  # net cash over 24 months is 24000 - 1000 B, B ~ U[0, 20]


@pytest.fixture
def plan(tmp_path: Path) -> str:
    path = tmp_path / "plan.yaml"
    path.write_text(textwrap.dedent(UNIFORM_BID), encoding="utf-8")
    return str(path)


def _simulate(plan: str, percentiles: str, *args: str) -> tuple[int, str, str]:
    result = invoke(["simulate", plan, "--samples", "400", "--percentiles", percentiles, *args])
    return result.exit_code, result.stdout, result.stderr


def test_two_percentiles_that_agree_to_six_digits_get_a_key_each(plan: str) -> None:
    code, out, _ = _simulate(plan, "33.333331,33.33333", "-f", "json")
    assert code == 0
    data = json.loads(out)
    net_cash = data["figures"]["net_cash"]
    assert [key for key in net_cash if key.startswith("p")] == ["p33.33333", "p33.333331"]
    assert net_cash["p33.33333"] <= net_cash["p33.333331"]
    assert all({"p33.33333", "p33.333331"} <= set(row) for row in data["cash_fan"]["months"])
    code, out, _ = _simulate(plan, "33.333331,33.33333", "-f", "csv")
    keys = [row[2] for row in csv.reader(io.StringIO(out)) if row[:2] == ["figures", "net_cash"]]
    assert keys == ["mean", "p33.33333", "p33.333331", "defined_share"]


@pytest.mark.parametrize(("written", "keys"), [
    ("5,50,95", ["p5", "p50", "p95"]),
    ("2.5,1e1", ["p2.5", "p10"]),
    ("95, 5 ,50,5.0,05", ["p5", "p50", "p95"]),  # sorted, spaces and repeats dropped
    ("1_0,５０", ["p10", "p50"]),  # as a file writes numbers: _ groups digits, an IME types ５０
    ("-0,100", ["p0", "p100"]),
])
def test_numbers_written_as_in_a_file_are_accepted(plan: str, written: str, keys: list[str]) -> None:
    code, out, _ = _simulate(plan, written, "-f", "json")
    assert code == 0
    assert [key for key in json.loads(out)["figures"]["net_cash"] if key.startswith("p")] == keys


PERCENT = ("percentiles are written without %", "分位数不带 %")
EMPTY = ("an item between commas is empty (two commas in a row, or one at either end)",
         "逗号之间有空项（两个逗号相连，或逗号在首尾）")


@pytest.mark.parametrize("written", [
    "nan", "inf", "infinity", "1e999", "0.5万", "1k", "101", "100.0000000000000001", "-1",
    "-0.0000000000000000001", "", " ", "five", "٥", "0x10", "5;50",
])
def test_anything_but_numbers_from_0_to_100_is_refused_in_one_line(plan: str, written: str) -> None:
    code, out, err = _simulate(plan, written)
    assert code == 2
    assert out == ""
    # No % was typed and no item is empty: nothing more to say than what is expected.
    assert err == ("aigc-roi: --percentiles: expected numbers from 0 to 100 separated by commas, such as 5,50,95, "
                   f"found {written!r}\n")


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("written", "hint"), [
    ("50%", PERCENT), ("50％", PERCENT), ("5,50%", PERCENT),
    (",", EMPTY), ("5,", EMPTY), (",5", EMPTY), ("5,,50", EMPTY), ("10, ,90", EMPTY),
    # No percentile holds a comma, so each full-width one is an input method's; an empty item is left out of the
    # text to write, which the ASCII comma would refuse.
    ("50，", ("full-width '，' (IME input): write 50", "全角字符 '，'（输入法输入）：请写 50")),
    ("10，，90", ("full-width '，' (IME input): write 10,90", "全角字符 '，'（输入法输入）：请写 10,90")),
    ("0、50，100", ("full-width '、', '，' (IME input): write 0,50,100", "全角字符 '、'、'，'（输入法输入）：请写 0,50,100")),
])
def test_the_refusal_says_why_where_it_knows(plan: str, written: str, hint: tuple[str, str], lang: str) -> None:
    code, out, err = _simulate(plan, written, "--lang", lang)
    assert code == 2
    assert out == ""
    frame = ("aigc-roi: --percentiles：应为 0 到 100 之间以逗号分隔的数，例如 5,50,95，实际为 {!r}；{}\n" if lang == "zh" else
             "aigc-roi: --percentiles: expected numbers from 0 to 100 separated by commas, such as 5,50,95, found {!r}; {}\n")
    assert err == frame.format(written, hint[lang == "zh"])


@pytest.mark.parametrize(("lang", "message"), [
    ("en", "33.3333333333333331 and 33.333333333333333 differ beyond a float's precision, so both are "
           "p33.333333333333336; give one of them"),
    ("zh", "33.3333333333333331 与 33.333333333333333 的差别超出浮点数精度，二者都是 p33.333333333333336；请只写其中一个"),
])
def test_two_values_that_are_one_float_are_refused(plan: str, lang: str, message: str) -> None:
    # Both round to the float nearest 100/3, whose shortest repr is 33.333333333333336.
    assert repr(float("33.3333333333333331")) == repr(float("33.333333333333333")) == "33.333333333333336"
    code, out, err = _simulate(plan, "33.3333333333333331,33.333333333333333", "--lang", lang)
    assert code == 2
    assert out == ""
    assert err == f"aigc-roi: --percentiles{'：' if lang == 'zh' else ': '}{message}\n"
