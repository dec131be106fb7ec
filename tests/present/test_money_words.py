"""present/money_words.py: one unit of a plan's money named in its currency, in English by its code and in Chinese
by the name Chinese calls it (or its code); and the sentences outside allocate that speak of one unit."""

from __future__ import annotations

import pytest

from aigc_roi.present.actuals import _furthest
from aigc_roi.present.money_words import ZH_NAMES, money_word, priced
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.reader.currencies import ACTIVE, meant_code
from aigc_roi.whatif.actuals import Deviation


def test_each_chinese_name_reads_back_as_its_code() -> None:
    # What a plan's currency is called is what the reader takes for it: 美元 in a cell or header is USD.
    assert all(code in ACTIVE and meant_code(name) == code for code, name in ZH_NAMES.items())


@pytest.mark.parametrize(("currency", "lang", "word"), [
    ("CNY", "zh", "元"), ("USD", "zh", "美元"), ("GBP", "zh", "英镑"), ("SGD", "zh", "SGD"),
    ("CNY", "en", "CNY"), ("USD", "en", "USD"),
])
def test_money_word(currency: str, lang: str, word: str) -> None:
    assert money_word(currency, lang) == word


def test_a_chinese_name_sits_in_the_sentence_and_a_code_apart_from_it() -> None:
    template = "{channel}：再投 1 {money} 只带来 {roas} {money} 收入"
    assert priced(template, "USD", "zh") == "{channel}：再投 1 美元只带来 {roas} 美元收入"
    assert priced(template, "SGD", "zh") == "{channel}：再投 1 SGD 只带来 {roas} SGD 收入"
    # A channel's name is filled in after: its own spaces between Chinese words stay.
    assert priced(template, "USD", "zh").format(channel="抖音 信息流", roas="0.50").startswith("抖音 信息流：")
    # A label naming no money is left as written, spaces and all.
    assert priced("平均 获客成本", "USD", "zh") == "平均 获客成本"


@pytest.mark.parametrize(("lang", "currency", "line"), [
    ("en", "USD", "Furthest off: acquisition[Feed].view_to_user (new users per 1 USD of spend) plan 0.0500, actual "
                  "0.0400 (×0.80)"),
    ("zh", "USD", "偏差最大：acquisition[Feed].view_to_user（每 1 美元新增用户）方案 0.0500，实际 0.0400（×0.80）"),
    ("zh", "CNY", "偏差最大：acquisition[Feed].view_to_user（每 1 元新增用户）方案 0.0500，实际 0.0400（×0.80）"),
])
def test_actuals_measures_users_per_unit_of_the_plan_s_money(lang: str, currency: str, line: str) -> None:
    # 0.05 users planned per unit of spend, 0.04 bought: 0.04 / 0.05 = 0.80 of plan.
    deviation = Deviation("acquisition[0].view_to_user", "users_per_spend", 0.05, 0.04, "acquisition[Feed].view_to_user")
    assert _furthest(deviation, NumberStyle(lang, currency)) == line
