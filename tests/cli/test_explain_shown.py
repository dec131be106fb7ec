"""compare --explain as a person reads it: the shown shares add up to the shown change, and a payback of never says
which month it counts as (QA F6, docs/formulas.md §13).

The spec's worked example (docs/formulas.md §11) with the bid 20 -> 15, the price 10 -> 12 and serving 1 -> 2:
payback never (month 4 of a 3-month horizon) -> 2. v(none) = 4, v(bid) = 3, v(price) = v(serving) = 4,
v(bid, price) = 2, v(bid, serving) = v(price, serving) = 4, v(all) = 2, so the shares are -4/3, -5/6 and +1/6: each
rounded on its own -1.3, -0.8 and +0.2, which add up to -1.9, not -2. By largest remainders (tenths -13.33, -8.33,
+1.67, each rounded down to -14, -9, +1, then the two missing tenths to the largest remainders): -1.3, -0.8, +0.1.
"""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from cli_runner import invoke
from spec_example import WORKED_EXAMPLE

from aigc_roi.model.rounding import apportioned
from aigc_roi.present.labels import label


def _versions(tmp_path: Path, users: int = 1000, serving: str = "2") -> list[str]:
    base = WORKED_EXAMPLE.replace("users: 1000", f"users: {users}")
    new = base.replace("bid: 20", "bid: 15").replace("price: 10", "price: 12").replace(
        "serving_per_active_user: 1", f"serving_per_active_user: {serving}")
    paths = [tmp_path / "base.yaml", tmp_path / "new.yaml"]
    for path, text in zip(paths, (base, new), strict=True):
        path.write_text(text, encoding="utf-8")
    return [str(path) for path in paths]


def _blocks(table: str) -> dict[str, list[str]]:
    """Each figure's column of values: base, every share, new."""
    blocks: dict[str, list[str]] = {}
    current: list[str] = []
    for line in table[table.index("What moved"):].splitlines():
        cells = [cell.strip() for cell in line.split("│")[1:-1]]
        if len(cells) != 4:
            continue
        if cells[1] == "base":
            current = blocks.setdefault(cells[0], [])
        if cells[2]:
            current.append(cells[2])
    return blocks


def _number(text: str) -> Decimal:
    return Decimal("4" if text == "never" else re.sub(r"[,%+]| pp", "", text))


def test_payback_shares_add_up_to_never_as_month_4(tmp_path: Path) -> None:
    table = invoke(["compare", *_versions(tmp_path), "--explain"], env={"COLUMNS": "160"}).stdout
    blocks = _blocks(table)
    assert blocks["Payback month"] == ["never", "-1.3", "-0.8", "+0.1", "2"]
    # Every figure's shown shares add up to its change rounded as its Δ, here new less base as shown (whole months).
    for name, values in blocks.items():
        base, *shares, new = map(_number, values)
        assert sum(shares) == new - base, name
    note = " ".join(table[table.index("Shapley"):].split())
    assert "Never paying back counts as month 4 in the split, the month after the 3-month horizon." in note
    assert "rounded so that the shown ones add up to the shown change, its Δ (largest remainders)" in note
    zh = invoke(["compare", *_versions(tmp_path), "--explain", "--lang", "zh"], env={"COLUMNS": "160"}).stdout
    assert "拆分时未回本按第4个月计，即3个月期限之后的一个月。" in "".join(zh.split())


def test_markdown_says_how_never_counts(tmp_path: Path) -> None:
    markdown = invoke(["compare", *_versions(tmp_path), "--explain", "--format", "markdown"]).stdout
    assert "| Payback month (plan cash) | monetization.purchases[item].price | 10 | 12 | -0.8 |" in markdown
    assert "| Payback month (plan cash) | costs.serving_per_active_user | 1 | 2 | +0.1 |" in markdown
    assert "Never paying back counts as month 4 in the split" in markdown


def test_chinese_amounts_of_one_figure_share_one_unit(tmp_path: Path) -> None:
    """10,000 users: 17,500 user-months, npv = 17,500 (p - s) - 10,000 b: -42,500 -> 17,500 x 10.8 - 150,000 =
    39,000; the bid +50,000, the price +35,000, serving 1 -> 1.2 -3,500. In 万 with two decimals all of them, so that
    -4.25 + 5.00 + 3.50 - 0.35 = 3.90 reads as a sum (-3,500.00 beside 万 would not)."""
    table = invoke(["compare", *_versions(tmp_path, 10_000, "1.2"), "--explain", "--lang", "zh"],
                   env={"COLUMNS": "160"}).stdout
    npv = table[table.index("│ 净现值"):].splitlines()[:5]
    assert [line.split("│")[3].strip() for line in npv] == ["-4.25万", "+5.00万", "+3.50万", "-0.35万", "3.90万"]


@pytest.mark.parametrize(("values", "total", "decimals", "shown"), [
    ([-4 / 3, -5 / 6, 1 / 6], "-2", 1, [-1.3, -0.8, 0.1]),
    # Three equal thirds of 1.00: one takes the missing hundredth, the first.
    ([1 / 3] * 3, "1.00", 2, [0.34, 0.33, 0.33]),
    ([-1 / 3] * 3, "-1.00", 2, [-0.33, -0.33, -0.34]),
    # Parts already at the places shown stay as they are.
    ([5_000.0, 3_500.0, -1_750.0], "6750.00", 2, [5_000.0, 3_500.0, -1_750.0]),
    # In 万 with two decimals (places -2): 194,189.37 and -49,599.66 of 144,589.71 shown as 144,600.
    ([194_189.37, -49_599.66], "144600", -2, [194_200.0, -49_600.0]),
])
def test_largest_remainders(values: list[float], total: str, decimals: int, shown: list[float]) -> None:
    assert apportioned(values, Decimal(total), decimals) == shown


@pytest.mark.parametrize(("lang", "peak", "npv"), [
    # By hand: the peak cash need is month 1's cash, 1,000 b - 1,000 x (10 - 1), and NPV (rate 0) the net cash,
    # 1,000 x 1.75 x (10 - 1) - 1,000 b. The bid 20.045004 -> 32.390006: 11,045.004 -> 23,390.006, a change of
    # 12,345.002 (+12,345.00); the ends shown, 11,045.00 and 23,390.01, differ by 12,345.01. In 万: 1.10万 and 2.34万
    # differ by 1.24万, the change is 1.2345002万, +1.23万. NPV: -4,295.004 -> -16,640.006, -12,345.00 (ends -12,345.01).
    ("en", "+12,345.00", "-12,345.00"),
    ("zh", "+1.23万", "-1.23万"),
])
def test_a_lone_share_reads_as_the_change_it_is(tmp_path: Path, lang: str, peak: str, npv: str) -> None:
    """One input changed: its share of each figure is the whole change, shown as the comparison's Δ shows it, not as
    the difference of the rounded ends (QA: 最大资金需求 Δ +2.24万 beside its share +2.23万)."""
    base = WORKED_EXAMPLE.replace("bid: 20", "bid: 20.045004")
    paths = [tmp_path / "base.yaml", tmp_path / "new.yaml"]
    paths[0].write_text(base, encoding="utf-8")
    paths[1].write_text(base.replace("bid: 20.045004", "bid: 32.390006"), encoding="utf-8")
    markdown = invoke(["compare", *map(str, paths), "--explain", "--format", "markdown", "--lang", lang]).stdout
    compared, split = markdown.split("###")[1:3]
    deltas = {line.split(" | ")[0].lstrip("| "): line.split(" | ")[3] for line in compared.splitlines()
              if line.startswith("| ")}
    shares = [line.rstrip(" |").rsplit(" | ", 1)[1] for line in split.splitlines() if "acquisition[CPA].bid" in line]
    roi, shown_npv, _payback, shown_peak = shares
    assert (shown_peak, shown_npv) == (peak, npv)
    assert [roi, shown_npv, shown_peak] == [deltas[label(name, lang)] for name in ("roi", "npv", "peak_cash_need")]


@pytest.mark.parametrize(("lang", "npv_ends", "peak_ends"), [
    ("en", ("-42,500.00", "-42,325.00"), ("110,000.00", "109,900.00")),
    ("zh", ("-4.25万", "-4.23万"), ("11.00万", "10.99万")),
])
def test_shares_read_in_the_unit_of_their_change(tmp_path: Path, lang: str, npv_ends: tuple[str, str],
                                                 peak_ends: tuple[str, str]) -> None:
    """10,000 users: npv = 17,500 (p - s) - 10,000 b = -42,500; the price 10 -> 10.02 adds 17,500 x 0.02 = +350,
    serving 1 -> 1.01 takes 17,500 x 0.01 = 175, a change of +175 (-42,325). The peak cash need is month 1's,
    10,000 b - 10,000 (p - s) = 110,000: the price -200, serving +100, a change of -100. Each figure's ends read in 万
    in Chinese, its Δ and so its shares in yuan: "+0.04万" and "-0.02万" beside a Δ of "+175.00" read as another
    amount, and added up to 0.02万, not 175."""
    base = WORKED_EXAMPLE.replace("users: 1000", "users: 10000")
    paths = [tmp_path / "base.yaml", tmp_path / "new.yaml"]
    paths[0].write_text(base, encoding="utf-8")
    paths[1].write_text(base.replace("price: 10", "price: 10.02").replace("serving_per_active_user: 1",
                                                                          "serving_per_active_user: 1.01"), encoding="utf-8")
    markdown = invoke(["compare", *map(str, paths), "--explain", "--format", "markdown", "--lang", lang]).stdout
    compared, split = markdown.split("###")[1:3]
    deltas = {line.split(" | ")[0].lstrip("| "): line.split(" | ")[3] for line in compared.splitlines()
              if line.startswith("| ")}
    assert (deltas[label("npv", lang)], deltas[label("peak_cash_need", lang)]) == ("+175.00", "-100.00")
    shares = [line.rstrip(" |").rsplit(" | ", 1)[1] for line in split.splitlines() if "| 1" in line]
    # ROI, NPV, payback and peak cash need, each by the price then serving (the larger share first).
    assert shares[2:4] == ["+350.00", "-175.00"]
    assert shares[6:8] == ["-200.00", "+100.00"]
    table = invoke(["compare", *map(str, paths), "--explain", "--lang", lang], env={"COLUMNS": "160"}).stdout
    title = {"en": "│ NPV", "zh": "│ 净现值"}[lang]
    npv = table[table.rindex(title):].splitlines()[:4]
    assert [line.split("│")[3].strip() for line in npv] == [npv_ends[0], "+350.00", "-175.00", npv_ends[1]]
    title = {"en": "│ Peak cash need", "zh": "│ 最大资金需求"}[lang]
    peak = table[table.rindex(title):].splitlines()[:4]
    assert [line.split("│")[3].strip() for line in peak] == [peak_ends[0], "-200.00", "+100.00", peak_ends[1]]


def _pair(tmp_path: Path, base: str, new: str) -> list[str]:
    paths = [tmp_path / "base.yaml", tmp_path / "new.yaml"]
    for path, text in zip(paths, (base, new), strict=True):
        path.write_text(text, encoding="utf-8")
    return [str(path) for path in paths]


def test_a_payback_never_reached_in_any_combination_has_no_share(tmp_path: Path) -> None:
    """The worked example never pays back (cumulative cash -11,000, -6,500, -4,250); at a bid of 25 the more so. Never
    against never is no change, compare's Δ a dash: the share read 0.0 beside it."""
    files = _pair(tmp_path, WORKED_EXAMPLE, WORKED_EXAMPLE.replace("bid: 20", "bid: 25"))
    markdown = invoke(["compare", *files, "--explain", "--format", "markdown"]).stdout
    assert "| Payback month (plan cash) | never (≤ 3) | never (≤ 3) | — |" in markdown
    assert "| Payback month (plan cash) | acquisition[CPA].bid | 20 | 25 | — |" in markdown
    table = invoke(["compare", *files, "--explain"], env={"COLUMNS": "160"}).stdout
    assert _blocks(table)["Payback month"] == ["never", "—", "never"]
    payback = json.loads(invoke(["compare", *files, "--explain", "--format", "json"]).stdout)["explain"]["figures"][
        "payback_month"]
    assert [item["change"] for item in payback["contributions"]] == [None] and payback["unexplained"] is None
    rows = csv.DictReader(io.StringIO(invoke(["compare", *files, "--explain", "--format", "csv"]).stdout))
    assert [row["change"] for row in rows if row["figure"] == "payback_month"] == [""]


def test_a_share_that_moves_no_month_reads_as_compare_s_delta(tmp_path: Path) -> None:
    """At a bid of 5 month 1's cash is 10,000 - 1,000 - 5,000 = 4,000: payback in month 1, at a price of 11 too.
    compare's Δ of months reads 0, and so does the share (it read 0.0)."""
    base = WORKED_EXAMPLE.replace("bid: 20", "bid: 5")
    files = _pair(tmp_path, base, base.replace("price: 10", "price: 11"))
    markdown = invoke(["compare", *files, "--explain", "--format", "markdown"]).stdout
    assert "| Payback month (plan cash) | 1 | 1 | 0 |" in markdown
    assert "| Payback month (plan cash) | monetization.purchases[item].price | 10 | 11 | 0 |" in markdown
