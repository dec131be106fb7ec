"""`compare --explain -f xlsx`: the explain sheet says what its numbers are in, as the compare sheet and every other
sheet do (README, units): each figure's unit, which its shares of the change are in, and each input's, which its
From and To are in. A bid moving a ROI is in the currency, its share of the ROI in %.

The worked example in USD (tests/spec_example.py) with four inputs changed, each of its own unit: the channel's users
(a count), the churn (a share), the price (an amount) and the purchases per user (another number).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from cli_runner import invoke
from spec_example import WORKED_EXAMPLE

BASE = WORKED_EXAMPLE.replace("horizon_months: 3", "currency: USD\nhorizon_months: 3")
NEW = (BASE.replace("users: 1000", "users: 1200").replace("monthly_churn: 0.5", "monthly_churn: 0.4")
       .replace("price: 10", "price: 12").replace("rate: 1}", "rate: 1.5}"))
INPUT_UNITS = {"en": {"acquisition[0].users": "count", "retention.monthly_churn": "share",
                      "monetization.purchases[0].price": "USD", "monetization.purchases[0].rate": "ratio"},
               "zh": {"acquisition[0].users": "数量", "retention.monthly_churn": "占比",
                      "monetization.purchases[0].price": "USD", "monetization.purchases[0].rate": "比值"}}
FIGURE_UNITS = {"en": {"ROI (paid, after variable, before fixed)": "%", "NPV": "USD", "Payback month (plan cash)": "month",
                       "Peak cash need": "USD"},
                "zh": {"ROI（买量，扣除变动成本，未扣固定成本）": "%", "净现值（NPV）": "USD", "回本月份（全盘现金）": "月",
                       "最大资金需求": "USD"}}


def _explain_sheet(tmp_path: Path, base: str, new: str, lang: str) -> list[tuple[object, ...]]:
    paths = []
    for name, text in (("base.yaml", base), ("new.yaml", new)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    target = tmp_path / "e.xlsx"
    result = invoke(["compare", *paths, "--explain", "-f", "xlsx", "-o", str(target), "--lang", lang])
    assert result.exit_code == 0, result.stderr
    return list(openpyxl.load_workbook(target).worksheets[1].iter_rows(values_only=True))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_figure_and_each_input_says_its_unit(tmp_path: Path, lang: str) -> None:
    header, *rows = _explain_sheet(tmp_path, BASE, NEW, lang)
    assert header[:5] == (("Figure", "Unit", "Input", "Input in base", "Input unit") if lang == "en"
                          else ("指标", "单位", "输入", "基准中的输入", "输入单位"))
    assert {row[0]: row[1] for row in rows} == FIGURE_UNITS[lang]
    assert {row[2]: row[4] for row in rows} == INPUT_UNITS[lang]
    # Each input's From and To in its own unit, whichever figure's row: 1,000 -> 1,200 users, a churn of 0.5 -> 0.4.
    assert {row[2]: row[5:7] for row in rows} == {"acquisition[0].users": (1000, 1200), "retention.monthly_churn": (0.5, 0.4),
                                                  "monetization.purchases[0].price": (10, 12),
                                                  "monetization.purchases[0].rate": (1, 1.5)}


def test_the_testers_bid_change_reads_in_yuan_and_its_roi_share_in_percent(tmp_path: Path) -> None:
    chat = Path(__file__).resolve().parents[2] / "scenarios" / "chat-assistant-cpa.yaml"
    text = chat.read_text(encoding="utf-8")
    header, *rows = _explain_sheet(tmp_path, text, text.replace("bid: 30 ", "bid: 25 "), "en")
    assert [row[:7] for row in rows] == [
        ("ROI (paid, after variable, before fixed)", "%", "acquisition[0].bid", "acquisition[0].bid", "CNY", 30, 25),
        ("NPV", "CNY", "acquisition[0].bid", "acquisition[0].bid", "CNY", 30, 25),
        ("Payback month (plan cash)", "month", "acquisition[0].bid", "acquisition[0].bid", "CNY", 30, 25),
        ("Peak cash need", "CNY", "acquisition[0].bid", "acquisition[0].bid", "CNY", 30, 25)]
