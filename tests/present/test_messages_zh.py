"""Error messages in Chinese: every message the bad-input corpus produces is translated."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.load import load_path

CORPUS = Path(__file__).parents[1] / "contract" / "bad_inputs"
ENGLISH_FRAME = re.compile(r"\b(expected|found|unknown key|missing|duplicate|not allowed|deeper than|cannot)\b")


def corpus_messages() -> list[str]:
    messages = set()
    for path in sorted(CORPUS.glob("*.yaml")):
        try:
            load_path(path)
        except ScenarioInvalid as invalid:
            messages.update(error.message for error in invalid.errors)
    return sorted(messages)


@pytest.mark.parametrize("message", corpus_messages())
def test_every_corpus_message_has_a_chinese_frame(message: str) -> None:
    chinese = translate(message)  # the YAML parser's own wording included (present/yaml_zh.py)
    assert ENGLISH_FRAME.search(chinese) is None, (message, chinese)


def test_translations_keep_values_and_names() -> None:
    assert translate("expected a number >= 0, found -5") == "应为 ≥ 0 的数字，实际为 -5"
    assert translate("unknown key 'bidd'; did you mean 'bid'?") == "未知字段 'bidd'；是否想写 'bid'？"
    assert translate("expected a number from 0 to 1, found a boolean (yes)") == "应为 0 到 1 之间的数字，实际为布尔值（yes）"
    assert translate("something the table does not know") == "something the table does not know"


@pytest.mark.parametrize(("message", "chinese"), [
    # A space where what was expected opens with a number, a Latin word or a sign, as 1 到 10 and 实际为 -5 have one.
    ("expected a whole number from 1 to 10, found 0", "应为 1 到 10 之间的整数，实际为 0"),
    ("expected a number >= 0, found -5", "应为 ≥ 0 的数字，实际为 -5"),
    ("expected a share in [0, 1], found 2", "应为 [0, 1] 之内的比例，实际为 2"),
    ("expected UTF-8 text", "应为 UTF-8 文本"),
    ("--samples: expected a whole number from 1 to 10, found '0'", "--samples：应为 1 到 10 之间的整数，实际为 '0'"),
    # None before Chinese.
    ("expected a number, found 'x'", "应为数字，实际为 'x'"),
    ("--budget: expected a positive amount, found '0'", "--budget：应为正数金额，实际为 '0'"),
])
def test_what_was_expected_is_spaced_as_chinese_text_spaces_numbers(message: str, chinese: str) -> None:
    assert translate(message) == chinese


def test_a_hint_in_parentheses_after_the_found_value_is_translated() -> None:
    """Its table once shared a name with the table of hints after "; " and was shadowed by it."""
    assert (translate("expected a number, found 017 (a leading 0 marks an octal number in YAML 1.1; write 17 without it)")
            == "应为数字，实际为 017（YAML 1.1 把前导 0 读作八进制；请写成 17）")
    assert (translate("expected a number, found 0x1f (hexadecimal and binary numbers are not accepted; "
                      "write the number in decimal)") == "应为数字，实际为 0x1f（不接受十六进制和二进制数字；请用十进制书写）")


def test_errors_in_chinese_keep_their_location(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text("name: x\nretention: {monthly_churn: 2}\n", encoding="utf-8")
    result = invoke(["run", str(path), "--lang", "zh"])
    assert result.exit_code == 2
    assert result.stderr == (f"{path}:2:28: retention.monthly_churn: 应为 0 到 1 之间的数字，实际为 2；"
                             "是否想写 2%？（比例要带 %，或写成 0 到 1 的小数）\n")
    # The next invocation in the same process, without --lang, is English again.
    english = invoke(["validate", str(path)])
    assert f"{path}:2:28: retention.monthly_churn: expected a number from 0 to 1, found 2" in english.stdout


def test_validate_follows_a_chinese_locale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    path = tmp_path / "s.yaml"
    path.write_text("name: x\nretention: {monthly_churn: 0.1}\nbidd: 1\n", encoding="utf-8")
    result = invoke(["validate", str(path)])
    assert result.exit_code == 2
    assert f"{path}:3:1: bidd: 未知字段 'bidd'" in result.stdout  # findings on stdout, as ruff and yamllint


@pytest.mark.parametrize(("message", "chinese"), [
    # The search's bound, as whatif/allocate_reach.py words it.
    ("no budget reaches subscribers@6 = 1,000: the furthest split reaches 0.90 at B = 20",
     "没有预算能达到 subscribers@6 = 1,000：最佳分配在 B = 20 时只达到 0.90"),
    ("the minimums of one phase add up to more than the maximums of another: no budget fits every phase",
     "某一阶段的下限合计超过另一阶段的上限合计：没有哪个预算能同时满足各阶段"),
    # Amounts from 10,000 read in 万 and 亿 as the tables show them, with the decimals the English kept:
    # 20,000.50 / 10,000 = 2.00万, 10,000 = 1.0万; 123,456,789 / 1e8 = 1.23亿; below 10,000 as written.
    ("the minimums add up to 20,000.50 in months 1-3, more than the budget 10,000",
     "第 1-3 月的下限合计 2.00万，超过预算 1.0万"),
    # One month is "month 1"; months apart read as a Chinese list, "1-3、7".
    ("the minimums add up to 5,000 in month 1, more than the budget 1,000", "第 1 月的下限合计 5,000，超过预算 1,000"),
    ("the maximums add up to 500 in months 1-3, 7, less than the budget 1,000", "第 1-3、7 月的上限合计 500，低于预算 1,000"),
    ("the maximums add up to 3,000.25 in months 4-6, less than the total 1,234,567.50",
     "第 4-6 月的上限合计 3,000.25，低于总额 123.46万"),
    ("the minimums add up to 12,000, more than the budget 10,000", "下限合计 1.2万，超过预算 1.0万"),
    ("the maximums add up to 9,999, less than the total 123,456,789", "上限合计 9,999，低于总额 1.23亿"),
    ("the minimum of 'A' (30,000) exceeds its maximum (20,000)", "'A' 的下限（3.0万）超过其上限（2.0万）"),
    ("no budget reaches cumulative_cash@12 = 1,000,000: the furthest split reaches -52,345.67 at B = 123,456,789",
     "没有预算能达到 cumulative_cash@12 = 100.0万：最佳分配在 B = 1.23亿 时只达到 -5.23万"),
    # report --allocate B names its option before allocate's refusal.
    ("--allocate: no cpa, cpm or kol channel left to allocate the budget to", "--allocate：没有剩余的 cpa、cpm 或 kol 渠道可分配预算"),
    ("give two or more FILEs, or one FILE with --variant", "请给出两个或更多 FILE，或一个 FILE 加 --variant"),
    ("--variant: expected 'LABEL: PATH=VALUE[, PATH=VALUE]', such as 'cheaper bid: acquisition[0].bid=25', found ''",
     "--variant：应为 'LABEL: PATH=VALUE[, PATH=VALUE]' 形式，如 '出价降低: acquisition[0].bid=25'，实际为 ''"),
    # A --set's error in compare, then the column it broke (cli/whatif.py).
    ("unknown key 'a'; expected one of name, retention (in --variant 'cheap' of a.yaml)",
     "未知字段 'a'；可用字段：name、retention（位于 a.yaml 的 --variant 'cheap'）"),
    ("expected a number >= 0, found 'x' (in b (1).yaml)", "应为 ≥ 0 的数字，实际为 'x'（位于 b (1).yaml）"),
    # An option's name may hold a colon: --map NAME=GLOB with a colon in NAME.
    ("--map x: y=dy_*: expected a channel of the plan (A, B), found 'x: y'", "--map x: y=dy_*：应为方案中的渠道（A、B），实际为 'x: y'"),
    ("--map x=dy_*: expected a channel of the plan (none), found 'x'", "--map x=dy_*：应为方案中的渠道（方案中没有渠道），实际为 'x'"),
    ("--budget: expected a finite number, found '1e999'", "--budget：应为有限的数字，实际为 '1e999'"),
    # An option where a value should be (cli/edge.py).
    ("expected a value, found --lang, an option of simulate", "应为一个值，实际为 simulate 的选项 --lang"),
    ("--grid: two different drivers are needed, found acquisition[0].bid twice",
     "--grid：需要两个不同的驱动因素，acquisition[0].bid 出现了两次"),
    # A library call's argument, named as the function names it (model/arguments.py).
    ("budget: expected a positive amount, found 0.0", "budget：应为正数金额，实际为 0.0"),
    ("steps: expected a whole number from 2 to 41, found 2.5 (float)", "steps：应为 2 到 41 之间的整数，实际为 2.5 (float)"),
    ("step: expected a step in (0, 1], such as 0.2, found nan", "step：应为 (0, 1] 之内的步长，如 0.2，实际为 nan"),
    ("min_payback_probability: expected a share in [0, 1], found -0.5", "min_payback_probability：应为 [0, 1] 之内的比例，实际为 -0.5"),
    ("from_day: expected a date, found '2025-03-01' (str)", "from_day：应为日期，实际为 '2025-03-01' (str)"),
    ("exports: expected at least one export file, found none", "exports：应至少有一个报表文件，实际一个也没有"),
    ("the scenarios are in CNY and USD: amounts in different currencies cannot be compared",
     "各方案的币种分别为 CNY、USD：不同币种的金额无法比较"),
    ("the plan has no start month: add start: YYYY-MM so export dates fall in plan months",
     "方案没有起始月份：请添加 start: YYYY-MM，以便把报表的日期放入方案月份"),
    # A by_month's month after the actuals that the re-forecast cannot write (its path is the error's, apart).
    ("expected a value for month 2 (2025-02) that one number or range writes, found a blend of the ranges at months "
     "1 and 3; give month 2 a point of its own",
     "应为第 2 月（2025-02）可由单个数字或区间写出的值，实际为第 1 月与第 3 月两个区间的混合；请在 by_month 中为第 2 月单独写一个值"),
    ("expected a value for month 4 (2025-04) that one number or range writes, found a blend of the number at month 3 "
     "and the lognormal range at month 6; give month 4 a point of its own",
     "应为第 4 月（2025-04）可由单个数字或区间写出的值，实际为第 3 月的数字与第 6 月的对数正态区间的混合；"
     "请在 by_month 中为第 4 月单独写一个值"),
    ("Feed ads: a re-forecast cannot rewrite a channel of type organic", "Feed ads：重新预测无法改写 organic 类型的渠道"),
    ("Feed ads: the exports report no new users (activations), so the re-forecast cannot set its users",
     "Feed ads：报表中没有新增用户（激活）数据，重新预测无法设置其用户数"),
    ("--base: git rev-parse failed: fatal: bad revision", "--base：git rev-parse 失败：fatal: bad revision"),
])
def test_allocate_and_compare_refusals_are_chinese(message: str, chinese: str) -> None:
    assert translate(message) == chinese


@pytest.mark.parametrize(("reason", "chinese"), [
    ("it spent 50,000.00 for no new users", "广告支出 5.00万 却没有新增用户"),
    ("it spent 5,000.00 for no impressions", "广告支出 5,000.00 却没有展示"),
    ("it spent 30,000.00 where the plan has no posts", "广告支出 3.00万，而方案中没有发帖"),
    ("it reports 12,000 new users for no spend on a budget", "按预算投放却没有广告支出，报表中有 1.2万 个新增用户"),
    ("it reports 12 new users from no clicks", "没有点击，报表中却有 12 个新增用户"),
    ("12,000 new users from 9,000 clicks is a cvr above 100%", "9,000 次点击带来 1.2万 个新增用户，转化率超过 100%"),
    ("the plan's posts reach no users", "方案中的发帖触达不到任何用户"),
])
def test_why_a_reforecast_cannot_express_a_month_is_chinese(reason: str, chinese: str) -> None:
    message = f"Douyin CPA 2025-01: {reason}; the re-forecast cannot express that month"
    assert translate(message) == f"Douyin CPA 2025-01：{chinese}；重新预测无法表达这个月"


@pytest.mark.parametrize(("summary", "chinese"), [
    ("1,001 files, 0 invalid, 3,003 targets, 12 missed", "1,001 个文件，0 个无效，3,003 个目标，12 个未达成"),
    ("1,234 files, 1 invalid, 24,857 errors, 2 unreadable folders", "1,234 个文件，1 个无效，24,857 个错误，2 个无法打开的文件夹"),
])
def test_a_summary_of_a_thousand_or_more_is_translated_with_its_separators(summary: str, chinese: str) -> None:
    # The summaries write counts as 1,001 (present/labels.py counted); a rule reading digits alone left them English.
    assert translate(summary) == chinese


@pytest.mark.parametrize(("message", "chinese"), [
    ("channel names must be distinct to allocate; repeated: A, B", "分配预算要求渠道名各不相同；重复的有：A、B"),
    ("no channel named 'Z'; channels: A, B", "没有名为 'Z' 的渠道；现有渠道：A、B"),
    ("the marginal ROAS of A, B never falls to 2 (no diminishing returns): give it a --max",
     "A、B 的边际 ROAS 永远不会降到 2（没有边际递减）：请给它设 --max"),
    ("the search found no budget reaching new_users@6 = 100 with the gates: planned as if every gate passed, B = 1,000 "
     "would, but there the gates 'g1', 'g2' fail (a split holding the test months, as --budget's, is not searched)",
     "计入闸门后，搜索未找到能达到 new_users@6 = 100 的预算：按每道闸门都通过来规划，B = 1,000 可以达到，"
     "但届时闸门 'g1'、'g2' 未通过（未搜索像 --budget 那样保持测试月份的分配）"),
    ("channel 'A' does not run after month 2 (it runs in months 1-2, 5): the gate has nothing of it to stop",
     "渠道 'A' 在第 2 月之后不投放（它在第 1-2、5 月投放）：闸门对它无可停止"),
    ("--grid: 'x' is not a driver; the drivers are: a.bid, b.price", "--grid：'x' 不是驱动因素；驱动因素有：a.bid、b.price"),
    ("No such command 'rn'. Did you mean 'run', 'report'?", "没有命令 'rn'；是否想写 'run'、'report'？"),
    ("expected a CSV or xlsx export, found no row of two or more filled cells (sheets: S1, S2)",
     "应为 CSV 或 xlsx 报表，实际为任何一行都不足两个非空单元格（工作表：S1、S2）"),
    ("expected the columns of a known export (Google Ads, generic CSV; docs/actuals.md lists their columns), found foo "
     "(x), bar", "应为已知报表（Google Ads、通用 CSV；各报表的列见 docs/actuals.md）的列，实际为 foo (x)、bar"),
])
def test_a_list_in_a_message_is_joined_as_chinese_joins_one(message: str, chinese: str) -> None:
    """Names, words and month runs an English message joins with ", " are joined with 、 (list_separator)."""
    assert translate(message) == chinese


@pytest.mark.parametrize(("english", "chinese"), [
    # What was found is set apart from 实际为 as what was expected is from 应为: by a space before a number, a Latin
    # word or a sign, none before Chinese.
    ("expected UTF-8 text, found byte 0xf9", "应为 UTF-8 文本，实际为字节 0xf9"),
    ("expected a number >= 0, found a mapping", "应为 ≥ 0 的数字，实际为映射"),
    ("--grid: expected two driver paths separated by a comma, found 抖音", "--grid：应为逗号分隔的两个驱动因素路径，实际为抖音"),
    ("--grid: expected two driver paths separated by a comma, found bid", "--grid：应为逗号分隔的两个驱动因素路径，实际为 bid"),
])
def test_what_was_found_is_spaced_as_chinese_text_is(english: str, chinese: str) -> None:
    assert translate(english) == chinese


@pytest.mark.parametrize(("english", "chinese"), [
    # Nothing found is said as Chinese says it, not as a thing found ("实际为都没有"): of rows, none at all.
    ("expected at least one data row under the header, found none", "应为表头下至少一行数据，实际一行也没有"),
    ("expected a header row of comma- or tab-separated columns, found none", "应为以逗号或制表符分隔的表头行，实际没有"),
    ("expected exactly one of 'points', 'monthly_churn' or 'days', found none",
     "应为 'points'、'monthly_churn'、'days' 恰好其一，实际一个也没有"),
    ("notes: expected exactly one of 'points', 'monthly_churn' or 'days', found none",
     "notes：应为 'points'、'monthly_churn'、'days' 恰好其一，实际一个也没有"),
    ("expected either budget or volume, found both", "应为 budget 与 volume 二选一，实际两者都有"),
    ("expected Reporting ends beside it, or a Day column, found neither", "应为与它并列的 Reporting ends 列，或 Day 列，实际两者都没有"),
    # A thing found is still 实际为 it.
    ("expected exactly one of 'points', 'monthly_churn' or 'days', found points and days",
     "应为 'points'、'monthly_churn'、'days' 恰好其一，实际为 points 和 days"),
])
def test_nothing_found_reads_as_chinese_says_it(english: str, chinese: str) -> None:
    assert translate(english) == chinese
