"""Two numbers a message or row compares never read as one (model/compared.py ``told_apart``); a target's or a gate's
limit reads as written, the value beside it on its side of it (``against_limit``, tests/present/test_limits_as_written.py).

Under zh an amount reads in 万 with few decimals, and in English a budget reads whole: 12,345.67 and 12,349.99
were both 1.23万, 39,999.6 and 40,000 both 40,000, so a refusal read "1.23万 exceeds 1.23万". Every expected text
below is worked out by hand from the amounts, not copied from the program.
"""

from __future__ import annotations

import pytest
from cli_runner import invoke

from aigc_roi.model.compared import told_apart
from aigc_roi.present.messages_zh import translate
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.whatif.errors import amount_texts, count_texts

ZH = NumberStyle("zh")


def test_two_amounts_get_the_decimals_that_tell_them_apart() -> None:
    # 1.234567万 and 1.234999万: 1.23 and 1.235 both times, 1.2346 and 1.2350 at four decimals.
    assert told_apart(ZH.money, 12_345.67, 12_349.99, 2) == ("1.2346万", "1.2350万")
    # 39,999.6 and 40,000 read 40,000 whole; one decimal tells them apart.
    assert told_apart(NumberStyle("en").money, 39_999.6, 40_000.0, 0) == ("39,999.6", "40,000.0")


def test_amounts_that_read_apart_or_are_equal_keep_their_text() -> None:
    assert told_apart(ZH.money, 12_000.0, 15_000.0, 0) == ("1.2万", "1.5万")
    assert told_apart(ZH.money, 12_000.0, 12_000.0, 0) == ("1.2万", "1.2万")
    assert amount_texts(12_000.5, 12_000.0) == ("12,000.50", "12,000")
    assert count_texts(12_345.0, 12_300.0) == ("12,345", "12,300")


def test_english_messages_tell_their_amounts_apart_too() -> None:
    assert amount_texts(40_000.003, 40_000.0) == ("40,000.003", "40,000.000")
    assert count_texts(1_000.4, 1_000.0) == ("1,000.4", "1,000.0")


@pytest.mark.parametrize(("english", "chinese"), [
    ("the minimum of 'Feed A' (12,349.99) exceeds its maximum (12,345.67)", "'Feed A' 的下限（1.2350万）超过其上限（1.2346万）"),
    # 4.004万 and 4.000万: 4.0 and 4.00 read alike.
    ("the minimums add up to 40,040, more than the budget 40,000", "下限合计 4.004万，超过预算 4.000万"),
    ("the maximums add up to 39,990 in months 4-6, less than the total 40,000", "第 4-6 月的上限合计 3.999万，低于总额 4.000万"),
    # The milestone and what was reached are compared; the budget beside them keeps its own text.
    ("no budget reaches subscribers@12 = 12,000: the furthest split reaches 11,990 at B = 50,000",
     "没有预算能达到 subscribers@12 = 1.200万：最佳分配在 B = 5.0万 时只达到 1.199万"),
    ("Feed 2025-03: 12,346 new users from 12,300 clicks is a cvr above 100%; the re-forecast cannot express that month",
     "Feed 2025-03：1.230万 次点击带来 1.235万 个新增用户，转化率超过 100%；重新预测无法表达这个月"),
])
def test_chinese_messages_tell_compared_amounts_apart(english: str, chinese: str) -> None:
    assert translate(english) == chinese


ONE_FEED = """\
name: One feed
horizon_months: 12
acquisition:
  - {name: Feed A, type: cpa, bid: 12, budget: 30_000}
  - {name: Feed B, type: cpa, bid: 10, budget: 9_800}
retention:
  monthly_churn: 0.25
monetization:
  plans:
    - {name: Annual, price: 299, period: year, conversion: "4%", renewal: 0.45}
"""


def test_allocate_refuses_minimums_above_the_budget_with_amounts_that_differ(tmp_path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(ONE_FEED, encoding="utf-8")
    result = invoke(["allocate", str(path), "--budget", "40000", "--min", "Feed A=20000.004", "--min", "Feed B=19999.999"])
    assert result.exit_code == 2
    assert result.stderr == "aigc-roi: the minimums add up to 40,000.003, more than the budget 40,000.000\n"


def test_allocate_warns_of_a_current_total_that_differs_from_b_in_zh(tmp_path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(ONE_FEED, encoding="utf-8")
    result = invoke(["--lang", "zh", "allocate", str(path), "--budget", "40000"])
    assert result.exit_code == 0
    # 39,800 against 40,000: 4.0万 twice at one decimal, 3.98万 and 4.00万 at two.
    assert "当前参与分配的渠道每月广告支出 3.98万，而非 B = 4.00万" in result.stdout


def test_allocate_warns_of_a_peak_cash_need_above_its_limit_apart(tmp_path) -> None:
    # Feed A alone at B = 40,000: each month earns 40,000 / 12 x 4% x 299 = 39,866.67, 133.33 short of its spend,
    # so twelve months need 1,600: the limit reads as given, 1,599.6 (rounded it would read 1,600, another limit),
    # and the need 1,600, past it (model/compared.py against_limit, as check's targets read).
    path = tmp_path / "plan.yaml"
    path.write_text(ONE_FEED.replace("  - {name: Feed B, type: cpa, bid: 10, budget: 9_800}\n", ""), encoding="utf-8")
    result = invoke(["allocate", str(path), "--budget", "40000", "--max-cash-need", "1599.6"])
    assert "No split found keeps peak cash need: 1,600 against a limit of 1,599.6" in result.stdout
    assert "1,600 (≤ 1,599.6 ✗)" in result.stdout


def test_check_states_a_missed_target_with_the_decimals_that_tell_it_from_its_limit(tmp_path) -> None:
    # Feed A alone, 30,000 a month at bid 12: 2,500 users, 100 subscribe at 299, 29,900 a month; roas 29,900 /
    # 30,000 = 0.99667 reads 1.00, as the limit 1 does, so 0.997, beside the limit as written, 1.00. Net cash
    # 12 x (-100) = -1,200 and npv the same (no discount rate): min_npv -1,199.996 is -1,200.00 at two decimals,
    # so it reads as written; -1,200.00 is already below it.
    text = ONE_FEED.replace("  - {name: Feed B, type: cpa, bid: 10, budget: 9_800}\n", "")
    path = tmp_path / "plan.yaml"
    path.write_text(text + "targets:\n  min_roas: 1\n  min_npv: -1_199.996\n", encoding="utf-8")
    result = invoke(["check", str(path)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{path}:11:13: One feed: targets.min_roas missed: roas is 0.997, must be >= 1.00",
        f"{path}:12:12: One feed: targets.min_npv missed: npv is -1,200.00, must be >= -1,199.996",
    ]


def test_check_in_zh_states_the_limit_in_wan_as_written(tmp_path) -> None:
    # Feed B alone, 10,000 a month at bid 10: 1,000 users, 40 subscribe at 299, 11,960 a month; npv 12 x 1,960 =
    # 23,520. The limit 23,540 reads 2.354万 (2.35万 would be 23,500, another limit); the npv 2.35万, already below.
    text = ONE_FEED.replace("  - {name: Feed A, type: cpa, bid: 12, budget: 30_000}\n", "").replace("9_800", "10_000")
    path = tmp_path / "plan.yaml"
    path.write_text(text + "targets:\n  min_npv: 23_540\n", encoding="utf-8")
    result = invoke(["--lang", "zh", "check", str(path)])
    assert result.exit_code == 1
    assert result.stdout == f"{path}:11:12: One feed：targets.min_npv 未达成：净现值 2.35万，应 >= 2.354万\n"


GATED = """\
name: Gated
horizon_months: 6
acquisition:
  - {name: Test, type: cpa, bid: 12.004, budget: 12_004}
  - {name: Scale, type: cpa, bid: 10, budget: 10_000}
retention:
  monthly_churn: 0.25
gates:
  - {name: cheap enough, after_month: 2, channels: [Test], max_cac: 12, then: [Scale]}
"""


def test_a_failed_gate_reads_its_cac_apart_from_the_threshold(tmp_path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(GATED, encoding="utf-8")
    result = invoke(["run", str(path), "--format", "markdown"])
    # 12.004 reads 12.00 at a CAC's two decimals, as the threshold 12 does: 12.004 beside 12.00.
    assert "| cheap enough | M1 – M2 | Test CAC | 12.004 | <= 12.00 | fail |" in result.stdout


def test_the_furthest_off_assumption_reads_its_plan_apart_from_what_happened() -> None:
    from aigc_roi.present.actuals import _furthest
    from aigc_roi.whatif.actuals import Deviation

    # Spend of 30,000 planned and 30,040 spent: 3.00万 twice at two decimals, 3.000万 and 3.004万 at three.
    deviation = Deviation("acquisition[0].budget", "spend", 30_000.0, 30_040.0, "acquisition[Feed].budget")
    assert _furthest(deviation, ZH) == "偏差最大：acquisition[Feed].budget（广告支出）方案 3.000万，实际 3.004万（×1.00）"


def test_the_report_lists_a_missed_target_apart_from_its_limit(tmp_path) -> None:
    # The plan of the zh check above: npv 23,520 against min_npv 23,540, which reads 2.354万 as written.
    text = ONE_FEED.replace("  - {name: Feed A, type: cpa, bid: 12, budget: 30_000}\n", "").replace("9_800", "10_000")
    path = tmp_path / "plan.yaml"
    path.write_text(text + "targets:\n  min_npv: 23_540\n", encoding="utf-8")
    result = invoke(["--lang", "zh", "report", str(path), "--samples", "10"])
    assert '<td class="n">2.354万</td><td class="n">2.35万</td><td class="missed">' in result.stdout
