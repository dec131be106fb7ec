"""Chinese wording of error messages, applied when an error is shown.

English stays the canonical text of every error (tests, JSON, GitHub
annotations use it); for ``--lang zh`` the CLI passes each message through
``translate``. Messages are built from a few frames ("expected X, found Y",
"unknown key ...") around a closed set of phrases, so a table of patterns
covers them; ``tests/present/test_messages_zh.py`` runs the whole bad-input corpus
through it and fails on any English frame left untranslated. A phrase the
table does not know is shown in English rather than guessed. An amount in
a message reads as the tables show it under zh (``_amount``: 2.0万, not
20,000); two that the message compares keep the decimals that tell them
apart (``_amounts_apart``: a minimum of 1.2350万 above a maximum of 1.2346万,
never 1.23万 above 1.23万). A list the English joins with ", " (channels, choices, a
plan's month runs) is joined with 、, as every Chinese list is (``_listed``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from unicodedata import east_asian_width

from aigc_roi.model.compared import told_apart
from aigc_roi.model.names import list_items
from aigc_roi.present.grain_words import grain_of, grain_zh
from aigc_roi.present.labels import label
from aigc_roi.present.money_words import priced
from aigc_roi.present.os_errors_zh import os_reason_zh
from aigc_roi.present.shape_words import SHAPE_TITLES_ZH, needed_zh, titles_zh
from aigc_roi.present.yaml_zh import yaml_problem

Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]


def _filler(template: str) -> Callable[[re.Match[str]], str]:
    """A replacement that puts the pattern's groups into ``template`` ({0}, {1}, ...)."""

    def fill(match: re.Match[str]) -> str:
        return template.format(*match.groups())

    return fill


def _listed(text: str) -> str:
    """A list an English message joins with ", " (names, words, a month's runs: ``1-3, 7``) joined as a Chinese list
    is, with 、 (``list_separator``): a name that holds ", " or 、 is quoted in both (model/names.py ``listed``)."""
    return label("list_separator", "zh").join(list_items(text))


def _enumerated(text: str) -> str:
    """Months an English message enumerates, ``3, 4 and 6``, as a Chinese list: ``3、4、6``."""
    return label("list_separator", "zh").join(re.split(r", | and ", text))


_LIES = r"(past the horizon of \d+ months|past month \d+, the last this takes|before month 1)"
"""Where a month outside a field's range lies, as reader/worded_months.py says it."""


def _lies_zh(where: str) -> str:
    """Where a month outside a field's range lies (reader/worded_months.py): past the horizon, past the field's last
    month, or before month 1."""
    horizon = re.fullmatch(r"past the horizon of (\d+) months", where)
    if horizon:
        return f"超出 {horizon[1]} 个月的期限"
    last = re.fullmatch(r"past month (\d+), the last this takes", where)
    if last:
        return f"晚于此处可取的最后一个月（第 {last[1]} 个月）"
    return "早于第 1 个月"


_SPAN_HEADS = {
    "months of the plan are their numbers alone": "方案的月份只写数字",
    "a month of the plan is its number alone, and this is one month, not a span": "方案的月份只写数字，且此处只写一个月，不是区间",
    "this is one month, not a span": "此处只写一个月，不是区间",
    "a by_month key is one month, not a span": "by_month 的键是一个月，不是区间",
    "a list holds single months, not a span": "列表里逐个写月份，不写区间",
}
"""What a span of months is told in each place it is written (reader/worded_months.py ``_HEADS``)."""
_SPAN_READING = re.compile(r"(.+?) if it means (?:the plan's months (\d+) to (\d+)|calendar months? (\d+) (?:to (\d+)|(on))"
                           r" \(start (\S+) is month 1\))")


def _span_written_zh(written: str) -> str:
    """What to write for a span in its place (reader/worded_months.py ``_written``), as an instruction."""
    one = re.fullmatch(r"one month of (\d+) to (\d+)", written)
    if one:
        return f"请写 {one[1]} 到 {one[2]} 之间的一个月"
    either = re.fullmatch(r"(\d+) or (\d+)", written)
    if either:
        return f"请写 {either[1]} 或 {either[2]}"
    every = re.fullmatch(r"(\S+) or all", written)
    if every:
        return f"请写 {every[1]} 或 all"
    keys = re.fullmatch(r"keys (\d+) and (\d+)", written)
    if keys:
        return f"请写键 {keys[1]} 和 {keys[2]}"
    item = re.fullmatch(r"(.+) in its place", written)
    if item:
        return f"请在此项的位置写 {item[1]}"
    return f"请写 {written}"


_READS_ZH = {
    "runs linearly from the key before": "从前一个键线性过渡",
    "holds its first key back to month 1": "第一个键的值向前保持到第 1 个月",
    "holds its last key to the end": "最后一个键的值保持到期末",
    "runs linearly to the key after": "线性过渡到后一个键",
}
"""How by_month reads the months around a span's keys (reader/key_holds.py ``READS``), joined by " and "."""
_READ = "(?:" + "|".join(re.escape(read) for read in _READS_ZH) + ")"


def _around_zh(reads: str, before: str | None, after: str | None) -> str:
    """How by_month reads the months around a span's keys, and the keys that give them their own values
    (reader/key_holds.py ``around``)."""
    keys = [f"之前的值写在键 {before}"] if before else []
    keys += [f"之后的值写在键 {after}"] if after else []
    told = "，".join(_READS_ZH[read] for read in reads.split(" and "))
    return f"by_month {told}" + (f"：请把{'、'.join(keys)}" if keys else "")


def _first_keys_zh(keys: str) -> str:
    """The keys of a by_month value over a plan's first months (reader/month_lengths.py ``_first_keys``)."""
    between = re.fullmatch(r"keys 1 and one of (\d+) to (\d+)", keys)
    if between:
        return f"键 1 和 {between[1]} 到 {between[2]} 中的一个"
    return "键 1 和 " + keys.removeprefix("keys 1 and ").replace(", ", "、").replace(" or ", " 或 ")


def _firsts_zh(firsts: str) -> str:
    """The spans a length of some months from month 1 may be (reader/month_lengths.py ``_lengths_hint``)."""
    between = re.fullmatch(r"one of (\S+) to (\S+)", firsts)
    if between:
        return f"{between[1]} 到 {between[2]} 中的一个"
    return firsts.replace(", ", "、").replace(" or ", " 或 ")


def _span_hint_zh(match: re.Match[str]) -> str:
    """A span's hint (reader/worded_months.py ``_span_hint``): each reading, the plan's months or the calendar's,
    with what to write in the span's place."""
    readings = []
    for reading in re.split(r", or ", match[2]):
        told = _SPAN_READING.fullmatch(reading)
        if told is None:
            readings.append(_span_written_zh(reading))
        elif told[2]:
            readings.append(f"若指方案的第 {told[2]}-{told[3]} 个月，{_span_written_zh(told[1])}")
        else:
            calendar = f"{told[4]} 月起" if told[6] else f"{told[4]} 月至 {told[5]} 月"
            readings.append(f"若指日历上的 {calendar}，{_span_written_zh(told[1])}（start {told[7]} 为第 1 月）")
    return f"{_SPAN_HEADS[match[1]]}：{'；'.join(readings)}"


_SCHEDULE_READING = re.compile(r"(.+?) if it means (?:the plan's months (\d+) to (\d+)|calendar (?:months (\d+) to (\d+)|"
                               r"month (\d+) on) \(start (\S+) is month 1\))")
_SCHEDULE_MONTH = re.compile(r"(.+?) if it means (?:the plan's month (\d+)|calendar month (\d+) \(start (\S+) is month 1\)|"
                             r"the plan's first (\d+) months)")
"""A --set of one month written in words (6月) offers a schedule for each month it may be."""


def _schedules_zh(schedules: str) -> str:
    """The schedules a --set of a span of months offers (reader/overrides.py ``_schedules_meant``): one as written,
    or each with the reading it holds, the plan's months or the calendar's."""
    told = []
    for schedule in schedules.split(", or "):
        reading = _SCHEDULE_READING.fullmatch(schedule)
        month = _SCHEDULE_MONTH.fullmatch(schedule) if reading is None else None
        if month is not None:
            told.append(f"{month[1]}（若指方案的第 {month[2]} 个月）" if month[2] else
                        f"{month[1]}（若指方案的前 {month[5]} 个月）" if month[5] else
                        f"{month[1]}（若指日历上的 {month[3]} 月，start {month[4]} 为第 1 月）")
        elif reading is None:
            told.append(schedule)
        elif reading[2]:
            told.append(f"{reading[1]}（若指方案的第 {reading[2]}-{reading[3]} 个月）")
        else:
            calendar = f"{reading[6]} 月起" if reading[6] else f"{reading[4]} 月至 {reading[5]} 月"
            told.append(f"{reading[1]}（若指日历上的 {calendar}，start {reading[7]} 为第 1 月）")
    return "；或 ".join(told)


def _lock_zh(lock: str, ask: bool = True) -> str:
    """How to lock a channel allocate cannot move (whatif/allocate_result.py ``MustLock``), as each command says it:
    allocate's ``--lock``, report's allocate command, a library call's ``locks``."""
    please = "请" if ask else ""
    option = re.fullmatch(r"lock it with (--lock .*)", lock, re.DOTALL)
    if option:
        return f"{please}用 {option[1]} 锁定它"
    command = re.fullmatch(r"lock it with allocate, as report has no --lock: (.*)", lock, re.DOTALL)
    if command:
        return f"{please}用 allocate 锁定它（report 没有 --lock）：{command[1]}"
    return f"{please}锁定它（locks）"


def _lists(template: str, *lists: int) -> Callable[[re.Match[str]], str]:
    """A replacement that puts the pattern's groups into ``template``, the groups numbered in ``lists`` as ``_listed``."""

    def fill(match: re.Match[str]) -> str:
        return template.format(*(_listed(group) if n in lists else group for n, group in enumerate(match.groups())))

    return fill


EXAMPLE_NAMES_ZH = {"Douyin CPA": "抖音CPA", "Feed ads": "信息流"}
"""The English channel names of the code's examples (--map's 'Douyin CPA=dy_*', --min's 'Feed ads=20万') -> the names a
Chinese example gives, as --set's help gives '抖音CPA.bid=25': an English name in Chinese text read as one to copy."""


def _examples(template: str) -> Callable[[re.Match[str]], str]:
    """A replacement that puts the pattern's groups into ``template``, each example's English name in Chinese."""

    def fill(match: re.Match[str]) -> str:
        groups = []
        for group in match.groups():
            for english, chinese in EXAMPLE_NAMES_ZH.items():
                group = group.replace(f"'{english}=", f"'{chinese}=")
            groups.append(group)
        return template.format(*groups)

    return fill


def _schedule_set_zh(match: re.Match[str]) -> str:
    """reader/schedule_sets.py's warning: the months a month set into a schedule moved, and the keys that set it
    (or the months named, those of it read) alone (``a=1, b=2 and c=3``, listed with 、)."""
    moved, whole, these, asked, alone, keys = match.groups()
    against = "" if whole is None else f"（相对 {whole} 写入的按月取值）"
    said = (f"第 {_listed(moved)} 月也随之改变{against}：按月取值在给定月份之间线性变化（docs/formulas.md §14），"
            f"{'此设置' if these == 'this sets' else '这些设置'}给出第 {_listed(asked)} 月的取值")
    return said if keys is None else f"{said}；若只改第 {_listed(alone or asked)} 月，请同时设置 {_enumerated(keys)}"


_SCHEDULE_SET = re.compile(
    r"months? ([\d, -]+) moved too(?: from the schedule as (.*) wrote it)?: "
    r"a by_month runs straight between its keys \(docs/formulas\.md §14\), and "
    r"(this sets|these set) the keys? at months? ([\d, -]+?)"
    r"(?:; to set (?:it|them|months? ([\d, -]+)) alone, also set (.*))?", re.DOTALL)
"""reader/schedule_sets.py's warning of the months a month set moved."""


def _unread_set_zh(match: re.Match[str]) -> str:
    """reader/schedule_sets.py's warning of a month set that the value is not read in (a channel's months, the
    horizon): what it changes, read through the line, or that it changes nothing read."""
    unread, item, runs, rest = match.groups()
    said = f"第 {_listed(unread)} 月不会被读取（{item} 只在第 {_listed(runs)} 月运行）"
    changes = re.fullmatch(r": what (this setting changes|these settings change) is months? ([\d, -]+), read on the "
                           r"line a by_month runs straight between its keys \(docs/formulas\.md §14\)", rest)
    if changes:
        these = "此设置" if changes[1] == "this setting changes" else "这些设置"
        return (f"{said}：{these}实际改变的只是第 {_listed(changes[2])} 月，按月取值在给定月份之间线性变化"
                f"（docs/formulas.md §14）")
    nothing = re.fullmatch(r": (this setting changes|these settings change|setting it changes|setting them changes) "
                           r"nothing read", rest)
    if nothing:
        these = {"this setting changes": "此设置", "these settings change": "这些设置",
                 "setting it changes": "设置该月"}.get(nothing[1], "设置这些月份")
        return f"{said}：{these}不改变任何被读取的月份"
    moved = _SCHEDULE_SET.fullmatch(rest.removeprefix("; "))
    return f"{said}；{_schedule_set_zh(moved)}" if rest.startswith("; ") and moved else match.string  # as written


def _rules(table: list[tuple[str, str | Callable[[re.Match[str]], str]]]) -> list[Rule]:
    # A value in a message is whatever the user wrote, a line break or nothing at all included (a YAML key "a\nb",
    # --grid ','): its slot is (.*) and . takes a line break, so the frame around it is translated all the same.
    return [(re.compile(pattern, re.DOTALL), _filler(replacement) if isinstance(replacement, str) else replacement)
            for pattern, replacement in table]


def _apply(rules: list[Rule], text: str) -> str | None:
    for pattern, replace in rules:
        match = pattern.fullmatch(text)
        if match:
            return replace(match)
    return None


_PERIOD_ZH = {"week": ("周", "一周"), "month": ("月", "一个月"), "quarter": ("季度", "一个季度"), "year": ("年", "一年")}
"""A period a column of an export names (reader/exports/periods.py): by it, and one of it."""

_NAMING_ZH = {"a gate, --set, actuals --map or allocate --lock": "闸门、--set、actuals --map 或 allocate --lock",
              "--set, --grid or --variant": "--set、--grid 或 --variant"}
"""What names an item by its name alone (reader/shared_names.py), in Chinese."""

_EXPECTED = _rules([
    (r"a horizon of at least 2 months \(a gate's test month and a month after it\)",
     "至少 2 个月的周期（闸门的测试月及其后的一个月）"),
    # whatif/reforecast.py: the month after the actuals of a by_month value, where the re-forecast resumes the plan.
    (r"a value for month (\d+) \((\S+)\) that one number or range writes", "第 {0} 月（{1}）可由单个数字或区间写出的值"),
    (r"a date YYYY-MM-DD", "YYYY-MM-DD 格式的日期"),
    (r"a column of days", "按天的日期列"),
    (r"a date", "日期"),
    (r"a date within (\S+)\.\.(\S+) \(the plan's months 1-(\d+)\)", "{0}..{1} 之内的日期（方案的第 1-{2} 月）"),
    (r"a date on or after (\S+), the last day the exports report", "不早于 {0}（报表中的最后一天）的日期"),
    (r"a date on or before (\S+), the first day the exports report", "不晚于 {0}（报表中的第一天）的日期"),
    (r"money in (\w+) \(the plan's currency\)", "以 {0} 计的金额（方案的币种）"),
    (r"(\w+) \(the plan's currency\)", "{0}（方案的币种）"),
    (r"a currency code such as CNY or USD", "币种代码，如 CNY 或 USD"),
    (r"a count >= 0", "≥ 0 的数量"),
    (r"a whole count", "整数的数量"),
    (r"a number with a decimal comma \(1\.234,56\)", "以逗号为小数点的数字（1.234,56）"),
    (r"a campaign name or id", "计划名称或 ID"),
    (r"a campaign id with all its digits", "位数完整的计划 ID"),
    (r"a campaign (name|id) on one line", lambda m: f"写在一行内的计划{'名称' if m[1] == 'name' else ' ID'}"),
    (r"an ad's id with all its digits", "位数完整的广告 ID"),
    (r"an hour such as 1, 01:00 or 01:00-02:00", "小时，如 1、01:00 或 01:00-02:00"),
    (r"an hour of the row's date (\S+)", "本行日期 {0} 的小时"),
    (r"a campaign of one channel", "只属于一个渠道的计划"),
    (r"whole 分 \(a Tencent Ads API export reports cost in cents\)", "整数的分（腾讯广告 API 报表的 cost 以分为单位）"),
    (r"(\d{4}-\d\d-\d\d), the row's own day", "本行自己的日期 {0}"),
    (r"(.*) beside it, or a (.*) column", "与它并列的 {0} 列，或 {1} 列"),
    (r"(.*), the indicator of new users", "{0}（新增用户的成效指标）"),
    (r"one row per (.*) \(or --sum-duplicates\)", lambda m: _rows_per(m[1], "一行（或用 --sum-duplicates）") or m[0]),
    (r"the columns of a known export \((.*); docs/actuals\.md lists their columns\)",
     lambda m: f"已知报表（{titles_zh(m[1])}；各报表的列见 docs/actuals.md）的列"),
    (r"a report with a header row", "带表头的报表"),
    (r"a header row of comma- or tab-separated columns", "以逗号或制表符分隔的表头行"),
    (r"at least one data row under the header", "表头下至少一行数据"),
    (r"(\d+) cells as the header has", "{0} 个单元格（与表头一致）"),
    (r"a unit of money \(元, 分, 万元 or a currency such as CNY, USD, 美元, \$\)", "货币单位（元、分、万元，或 CNY、USD、美元、$ 等币种）"),
    (r"a currency sign this reader knows, such as (.*)", lambda m: f"本工具认识的货币符号（如 {_listed(m[1].replace(' or ', ', '))}）"),
    (r"money in (\S+) as the spend column", "与广告支出列相同的币种 {0}"),
    (r"an amount in (\S+) \(the plan's currency\)", "以 {0} 计的金额（方案的币种）"),
    (r"an amount in (\S+)", "以 {0} 计的金额"),
    (r"an xlsx workbook", "xlsx 工作簿"),
    (r"the columns of sheet ('.*') \(sheets are read together only where their columns are the same\)",
     "与工作表 {0} 相同的列（各工作表只有列完全相同时才一起读取）"),
    (r"a report table on a visible sheet", "可见工作表上的报表"),
    (r"a workbook of at most ([\d,]+) parts \(the files in its zip archive\)", "最多 {0} 个部件（zip 压缩包中的文件）的工作簿"),
    (r"a CSV or xlsx export", "CSV 或 xlsx 报表"),
    (r"lines ending in LF or CRLF", "以 LF 或 CRLF 结尾的行"),
    (r"cells of at most ([\d,]+) characters", "不超过 {0} 个字符的单元格"),
    (r"NAME=GLOB such as (.*)", _examples("NAME=GLOB 形式，如 {0}")),
    (r"a \(NAME, GLOB\) pair of texts, neither blank, or NAME=GLOB such as (.*)",
     _examples("两段都不为空的文本组成的 (NAME, GLOB) 对，或 NAME=GLOB 形式，如 {0}")),
    (r"a list of \(NAME, GLOB\) pairs or NAME=GLOB texts", "(NAME, GLOB) 对或 NAME=GLOB 文本的列表"),
    (r"a channel of the plan \(none\)", "方案中的渠道（方案中没有渠道）"),
    (r"a channel of the plan \((.*)\)", _lists("方案中的渠道（{0}）", 0)),
    (r"a month YYYY-MM \(actuals places each export's dates in a plan month\)", "YYYY-MM 格式的月份（actuals 据此把报表日期放入方案月份）"),
    (r"a share >= 0% \(10%\) or an amount >= 0 \(5万\)", "≥ 0% 的比例（10%）或 ≥ 0 的金额（5万）"),
    (r"a number >= (\S+) and < (\S+)", "≥ {0} 且 < {1} 的数字"),
    (r"a number > (\S+) and <= (\S+)", "> {0} 且 ≤ {1} 的数字"),
    (r"a number >= (\S+)", "≥ {0} 的数字"),
    (r"a whole number >= (\S+)", "≥ {0} 的整数"),
    (r"a number from (\S+) to (\S+)", "{0} 到 {1} 之间的数字"),
    (r"a whole number from (\S+) to 2\^128 - 1", "{0} 到 2^128 - 1 之间的整数"),
    (r"a whole number from (\S+) to (\S+)", "{0} 到 {1} 之间的整数"),
    (r"a (?:whole )?number", "数字"),
    (r"a finite number", "有限的数字"),
    (r"a number no larger than (.*) \(1e15\)", "绝对值不超过 {0} (1e15) 的数字"),
    (r"0 or a number of at least (\S+) in size", "0 或绝对值不小于 {0} 的数字"),
    (r"1 \(the only format version\)", "1（唯一的格式版本）"),
    (r"one of (.*)", _lists("以下之一：{0}", 0)),
    (r"a mapping", "映射（键: 值）"),
    (r"a list", "列表"),
    (r"a non-empty text", "非空文本"),
    (r"a quoted text", "带引号的文本"),
    (r"a plain key", "普通键"),
    (r"an ISO 4217 currency code such as CNY or USD", "ISO 4217 货币代码，如 CNY 或 USD"),
    (r"(\S+), the currency of (.*)", "{0}（{1} 的币种）"),
    (r"a month YYYY-MM", "YYYY-MM 格式的月份"),
    (r"a month within 1\.\.(\d+)", "1..{0} 之内的月份"),
    (r"one value for every month \(by_month is not allowed on this field\)", "每月同一个值（此字段不能按月取值 by_month）"),
    (r"a mapping of month to value such as (.*)", "月份到数值的映射，例如 {0}"),
    (r"at least one month, such as (.*)", "至少一个月份，例如 {0}"),
    (r"a span 'a-b' with 1 <= a <= b <= (\d+)", "满足 1 <= a <= b <= {0} 的区间 'a-b'"),
    (r"all, a month, a span 'a-b' or a list of months within 1\.\.(\d+)",
     "all、单个月份、区间 'a-b' 或 1..{0} 之内的月份列表"),
    (r"month, quarter, year or a whole number of months from 1 to (\d+)",
     "month、quarter、year 或 1 到 {0} 的整月数"),
    (r"low <= high", "low <= high"),
    (r"low > 0 for a lognormal range", "对数正态区间的 low > 0"),
    (r"low <= mode <= high", "low <= mode <= high"),
    (r"either (\w+) or (\w+)", "{0} 与 {1} 二选一"),
    (r"(\w+) >= (\S+) when a budget is given \(users = budget / \w+\)",
     "给定 budget 时 {0} >= {1}（用户数 = budget / {0}）"),
    (r"a share <= (\S+) \(retention cannot rise with age\)", "≤ {0} 的留存比例（留存不能随月龄上升）"),
    (r"an age in months within (\d+)\.\.(\d+)", "{0}..{1} 之内的月龄"),
    (r"a day within (\d+)\.\.(\d+)", "{0}..{1} 之内的天数"),
    (r"a mapping such as (.*)", "映射，例如 {0}"),
    (r"a value", "一个值"),
    (r"'LABEL: PATH=VALUE\[, PATH=VALUE\]', such as '(.*): (.*)'", "'LABEL: PATH=VALUE[, PATH=VALUE]' 形式，如 '出价降低: {1}'"),
    (r"at least two days to fit a curve, e\.g\. (.*)", "至少两个日留存点才能拟合曲线，例如 {0}"),
    (r"exactly one of '(\w+)', '(\w+)' or '(\w+)'", "'{0}'、'{1}'、'{2}' 恰好其一"),
    (r"conversions by age summing to at most 1 \(each user subscribes once\)", "各月龄转化率之和不超过 1（每个用户只订阅一次）"),
    (r"an index of at most (\S+): (\S+) converts (\S+) of a cohort and index x conversion must stay <= 1",
     "不超过 {0} 的转化指数：{1} 的转化率合计 {2}，指数 × 转化率不能超过 1"),
    (r"a share <= (\S+) \(survival of the same first subscribers cannot rise\)",
     "≤ {0} 的比例（同一批首次订阅者的存留不能上升）"),
    (r"at least two shares \(after the 1st and 2nd renewal\) to fit a survival curve",
     "至少两个比例（第 1、2 次续费后）才能拟合存留曲线"),
    (r"some churn to fit \(write renewal: 1 instead\)", "有流失的数据才能拟合（否则请写 renewal: 1）"),
    (r"a list of shares still subscribed after each renewal, e\.g\. (.*)", "每次续费后仍在订阅的比例列表，例如 {0}"),
    (r"a list of at least one renewal rate, e\.g\. (.*)", "至少含一个续费率的列表，例如 {0}"),
    (r"a mapping of age in months to share active, e\.g\. (.*)", "月龄到留存比例的映射，例如 {0}"),
    (r"a range 'low\.\.high' of numbers", "数字区间 'low..high'"),
    (r"a range within (.*)", lambda m: f"范围在「{expected_phrase(m[1])}」之内的区间"),
    (r"a range with its median within (.*)", lambda m: f"中位数在「{expected_phrase(m[1])}」之内的区间"),
    (r"a range of numbers no larger than (.*) \(1e15\) and 0 or at least (\S+) in size",
     "绝对值不超过 {0} (1e15)、且为 0 或绝对值不小于 {1} 的数字区间"),
    (r"a range of numbers no larger than (.*) \(1e15\)", "绝对值不超过 {0} (1e15) 的数字区间"),
    (r"at most (\d+) items", "最多 {0} 项"),
    (r"at most ([\d,]+) keys in a mapping", "一个映射最多 {0} 个键"),
    (r"at most ([\d,]+) keys and values in a file", "一个文件最多 {0} 个键和值"),
    (r"at most (\d+) points \(one per month\)", "最多 {0} 个点（每月一个）"),
    (r"a step in \(0, 1\], such as 20% or 0\.2", "(0, 1] 之内的步长，如 20% 或 0.2"),
    (r"a step in \(0, 1\], such as 0\.2", "(0, 1] 之内的步长，如 0.2"),
    (r"a number \(suffixes k, m, 万, 亿, %\)", "数字（后缀可用 k、m、万、亿、%）"),
    (r"a number \(suffixes k, m, 万, 亿\)", "数字（后缀可用 k、m、万、亿）"),
    (r"a positive amount", "正数金额"),
    (r"a positive amount of at least (\S+)", "不小于 {0} 的正数金额"),
    (r"a positive number", "正数"),
    (r"a share in \[0, 1\]", "[0, 1] 之内的比例"),
    (r"NAME=AMOUNT, such as (.*)", _examples("NAME=AMOUNT 形式，如 {0}")),
    (r"an item index without leading zeros", "不带前导零的序号"),
    (r"shares that fall with the day overall \(retention cannot rise with age\)", "总体随天数下降的留存比例（留存不能随时间上升）"),
    (r"a month from (\d{4}-\d\d) to (\d{4}-\d\d) \(all (\d+) months by (\d{4}-\d\d)\)",
     "{0} 至 {1} 之间的月份（全部 {2} 个月都不晚于 {3}）"),
    (r"a file name", "文件名"),
    (r"an amount >= 0", "≥ 0 的金额"),
    (r"an amount", "金额"),
    (r"a scenario mapping \(name:, retention:, \.\.\.\)", "方案映射（name:、retention: 等）"),
    (r"a scenario mapping", "方案映射"),
    (r"UTF-8 text", "UTF-8 文本"),
    (r"PATH=VALUE such as (.*)", "PATH=VALUE 形式，如 {0}"),
    (r"exactly one of '(\w+)' or '(\w+)'", "'{0}' 与 '{1}' 恰好其一"),
    (r"two driver paths separated by a comma", "逗号分隔的两个驱动因素路径"),
    (r"the name of a channel in acquisition \(there is none\)", "acquisition 中的渠道名称（目前没有渠道）"),
    (r"the name of a channel in acquisition \((.*)\)", _lists("acquisition 中的渠道名称（{0}）", 0)),
    (r"a list of one or more channel names to test", "至少含一个待测试渠道名称的列表"),
    (r"exactly one of subscribers, gross_revenue, new_users, active_users or cumulative_cash",
     "subscribers、gross_revenue、new_users、active_users、cumulative_cash 恰好其一"),
    # What a library call's arguments are (model/arguments.py).
    (r"a text", "文本"),
    (r"a text PATH=VALUE", "PATH=VALUE 形式的文本"),
    (r"a channel's name", "渠道名称"),
    (r"a path \(a str, bytes or Path\)", "路径（str、bytes 或 Path）"),
    (r"a mapping of names to amounts", "名称到金额的映射"),
    (r"names \(texts\) as keys", "以名称（文本）为键"),
    (r"True or False", "True 或 False"),
    (r"a function", "函数"),
    (r"a list of numbers from (\S+) to (\S+)", "{0} 到 {1} 之间的数字列表"),
    (r"a Milestone\(month, key, value\)", "Milestone(month, key, value)"),
    (r"a \(label or None, source, Scenario\) triple", "(label 或 None, source, Scenario) 三元组"),
    (r"a list of \(label or None, source, Scenario\) triples", "(label 或 None, source, Scenario) 三元组的列表"),
    (r"a git revision \(a text\)", "git 版本（文本）"),
    (r"(.*) in an order \(a list or a tuple, not a set, which keeps none\)",
     lambda m: _followed(expected_phrase(m[1]), "，且须有顺序（列表或元组；集合不保持顺序）")),
    (r"(.*) or a list of them", lambda m: _followed(expected_phrase(m[1]), "或其列表")),
    (r"(.*) or None", lambda m: _followed(expected_phrase(m[1]), "或 None")),
])

_TOTALS_ROWS = re.compile(r" \(([\d,]+) rows?\)(, |$)")
"""The rows each totals label of reader/exports/report.py's list skipped, and the list's separator after them."""


def _totals_zh(listing: str) -> str:
    """``合计 31,000.00 (1 row), Total 5.00 (2 rows)`` as the summary's Chinese writes it (``合计 31,000.00（1 行）、
    Total 5.00（2 行）``), each spend exact."""
    listing = listing.replace("(a row naming no campaign) ", "（未写计划名称的行）")
    return _TOTALS_ROWS.sub(lambda m: f"（{m[1]} 行）" + ("、" if m[2] else ""), listing)


_FOUND = _rules([
    (r"a blend of the ranges at months (\d+) and (\d+)", "第 {0} 月与第 {1} 月两个区间的混合"),
    (r"a blend of the lognormal range at month (\d+) and the number at month (\d+)",
     "第 {0} 月的对数正态区间与第 {1} 月的数字的混合"),
    (r"a blend of the number at month (\d+) and the lognormal range at month (\d+)",
     "第 {0} 月的数字与第 {1} 月的对数正态区间的混合"),
    (r"an empty cell", "空单元格"),
    # reader/exports/periods.py: a column of weeks or months where an export's days would be.
    (r"a column of (week|month|quarter|year)s", lambda m: f"按{_PERIOD_ZH[m[1]][0]}的列"),
    (r"an empty cell, part of the merged cell (\S+)", "空单元格（属于合并单元格 {0}）"),
    (r"no row of two or more filled cells \(sheets: (.*)\)", _lists("任何一行都不足两个非空单元格（工作表：{0}）", 0)),
    (r"a formula with no saved value \((.*)\)", "没有保存结果的公式（{0}）"),
    # reader/exports/sheets.py: a sheet's first column unlike the first sheet's.
    (r"(?:column (\d+) ('.*')|no header in column (\d+)), where ('.*') has ('.*'|none)",
     lambda m: (f"第 {m[1]} 列 {m[2]}" if m[1] else f"第 {m[3]} 列没有表头")
               + (f"（{m[4]} 没有这一列）" if m[5] == "none" else f"（{m[4]} 的这一列为 {m[5]}）")),
    (r"one only on hidden sheets \((.*)\)", _lists("隐藏的工作表（{0}）上的报表", 0)),
    # reader/exports/indicated.py: an empty indicator beside the count it leaves unexplained.
    (r"(an empty cell|'.*') beside ('.*') in (.*)",
     lambda m: f"{'空单元格' if m[1] == 'an empty cell' else m[1]}，而同一行的 {m[3]} 为 {m[2]}"),
    # reader/exports/duplicates.py: the day (and hour), the campaign (and its finer ids), where it was first, and the
    # grain of that first row where it differs.
    (r"(\d{4}-\d\d-\d\d(?: \d\d:\d\d)?) (id )?('.+?'(?: \S+ '[^']*')*) again \(first at (.*?)(?:, one row per (.*))?\)",
     lambda m: f"{m[1]} {'计划 ID ' if m[2] else ''}{m[3]} 重复（首次在 {m[4]}"
               f"{'，' + (_rows_per(m[5], '一行') or m[5]) if m[5] else ''}）"),
    (r"'(.*)' matching both '(.*)' \('(.*)'\) and '(.*)' \('(.*)'\)", "'{0}' 同时匹配 '{1}'（'{2}'）和 '{3}'（'{4}'）"),
    (r"a damaged one \((\w+)\)", "已损坏的文件（{0}）"),
    # reader/exports/sheet_xml.py: what a sheet's XML holds that no xlsx writer writes, and a number cell left empty.
    (r"a damaged one \(its sheet holds (.*)\)", "已损坏的文件（其工作表含 {0}）"),
    (r"an empty number cell \(<v/>, as a program writes NaN or infinity\)", "空的数值单元格（<v/>，程序写入 NaN 或无穷大时即如此）"),
    (r"an Excel 97-2003 \.xls workbook \(save it as xlsx or CSV\)", "Excel 97-2003 的 .xls 工作簿（请另存为 xlsx 或 CSV）"),
    (r"binary data", "二进制数据"),
    (r"columns separated by ';'", "以 ';' 分隔的列"),
    (r"a carriage return \(CR\) inside a line", "行中间的回车符（CR）"),
    (r"a longer one", "更长的单元格"),
    (r"a boolean \((.*)\)", "布尔值（{0}）"),
    (r"a mapping", "映射"),
    (r"a list", "列表"),
    (r"nothing", "空值"),
    (r"a sum of (.*)", "合计 {0}"),
    (r"((?:points|monthly_churn|days)(?: and (?:points|monthly_churn|days))+)", lambda m: m[1].replace(" and ", " 和 ")),
    (r"((?:subscribers|gross_revenue|new_users|active_users|cumulative_cash)"
     r"(?: and (?:subscribers|gross_revenue|new_users|active_users|cumulative_cash))+)", lambda m: m[1].replace(" and ", " 和 ")),
    (r"an empty list", "空列表"),
    (r"every share at 100%", "所有比例均为 100%"),
    (r"an empty file", "空文件"),
    # reader/load.py: a scenario file of no YAML node, by what it holds.
    (r"only comments", "仅含注释的文件"),
    (r"byte (0x[0-9a-f]+)", "字节 {0}"),
    (r"more", "更多"),
    (r"mean (\S+), sd (\S+)", "均值 {0}，标准差 {1}"),
    (r"a by_month schedule", "按月取值（by_month）"),
    (r"an empty mapping", "空映射"),
    (r"median (\S+)", "中位数 {0}"),
    (r"a fitted power law that rises", "上升的拟合幂律"),
    # An option where its value should be (cli/edge.py): the command it belongs to.
    (r"(-[\w-]+), an option of (\S+)", "{1} 的选项 {0}"),
])

_SCRIPTS_ZH = {"simplified Chinese": "简体中文", "traditional Chinese": "繁体中文", "Japanese": "日文", "Korean": "韩文"}
"""The scripts of reader/legacy_code_pages.py's code pages."""


def _code_pages_zh(pages: str) -> str:
    """``GBK (simplified Chinese) or CP949/EUC-KR (Korean)`` as ``GBK（简体中文）或 CP949/EUC-KR（韩文）``."""
    return re.sub(r" \(([^()]+)\)", lambda m: f"（{_SCRIPTS_ZH[m[1]]}）", pages).replace(" or ", "或 ")


_COUNTED_ZH = {"count of months": "月数", "month": "月份", "format version": "格式版本号"}
"""What a whole number of a field is (reader/kinds.py ``Number.counted``), which a percentage never is."""

_FOUND_HINTS = _rules([
    (r"a leading 0 marks an octal number in YAML 1\.1; write (\S+) without it", "YAML 1.1 把前导 0 读作八进制；请写成 {0}"),
    (r"hexadecimal and binary numbers are not accepted; write the number in decimal", "不接受十六进制和二进制数字；请用十进制书写"),
    (r"YAML 1\.1 reads a:b as a base-60 number; write the number itself", "YAML 1.1 把 a:b 读作六十进制数；请直接写出数字"),
    (r"90% interval (\S+)", "90% 区间 {0}"),
    (r"byte (0x[0-9a-f]{2})", "字节 {0}"),
    (r"byte-order mark ((?:[0-9A-F]{2} ?)+)", "字节顺序标记 {0}"),
    (r"no byte-order mark", "无字节顺序标记"),
    (r"the rest of the file is UTF-8: a damaged character", "文件其余部分是 UTF-8：这是一个损坏的字符"),
    (r"the file starts with UTF-8's byte-order mark", "文件以 UTF-8 的字节顺序标记开头"),
    (r"a span that ends before it starts", "结束早于开始的日期范围"),
    (r"Excel's CSV where the decimal mark is a comma", "以逗号为小数点的地区中 Excel 保存的 CSV"),
    (r"a lone surrogate", "孤立的代理项字符"),
    (r"not a number", "不是数字"),
    (r"no such day: (\d{4}-\d{2}) has (\d+) days", "没有这一天：{0} 只有 {1} 天"),
    (r"the default: the file sets no currency", "默认值：文件未写 currency"),
    (r"b = (\S+)", "b = {0}"),
    (r"a power law never reaches 0: give the smallest share your analytics show", "幂律曲线不会降到 0：请填写数据中最小的比例"),
    (r"a gate decides what runs after its test, so a later month must follow", "闸门决定测试之后的投放，测试之后须还有月份"),
    (r"a percentage is no (count of months|month|format version)", lambda m: f"百分比不是{_COUNTED_ZH[m[1]]}"),
    (r"ending in (\S+), it names a folder", "以 {0} 结尾，指的是文件夹"),
])


_BUDGET_WORDS = {"budget": "预算", "total": "总额"}
"""What allocate's bounds are held against: --budget a month, or --total over the horizon."""

_AMOUNT = re.compile(r"-?\d{1,3}(?:,\d{3})*(?:\.\d+)?")


def _amount(text: str) -> str:
    """An amount as an English message writes it (20,000; 1,234.50; whatif/errors.py ``amount_text``) as the tables
    show it under zh: from 10,000 in 万 or 亿 (2.0万), with the decimals the English kept."""
    if _AMOUNT.fullmatch(text) is None:
        return text
    from aigc_roi.present.numbers import NumberStyle

    return NumberStyle("zh").money(float(text.replace(",", "")), len(text.partition(".")[2]))


def _amounts_apart(first: str, second: str) -> tuple[str, str]:
    """Two amounts an English message compares (whatif/errors.py ``amount_texts``), as ``_amount`` shows each, with
    the decimals that tell them apart where 万 or 亿 would show two as one (12,345.67 and 12,349.99: 1.2346万 and
    1.2350万, not 1.23万 twice)."""
    texts = _amount(first), _amount(second)
    if texts[0] != texts[1] or _AMOUNT.fullmatch(first) is None or _AMOUNT.fullmatch(second) is None:
        return texts
    from aigc_roi.present.numbers import NumberStyle

    decimals = max(len(text.partition(".")[2]) for text in (first, second))
    return told_apart(NumberStyle("zh").money, float(first.replace(",", "")), float(second.replace(",", "")), decimals)


def _amounts(template: str, *amounts: int, compared: tuple[int, int] | None = None,
             lists: tuple[int, ...] = ()) -> Callable[[re.Match[str]], str]:
    """A replacement that puts the pattern's groups into ``template``, the groups numbered in ``amounts`` as ``_amount``,
    the two ``compared`` as ``_amounts_apart``, those in ``lists`` as ``_listed``."""

    def fill(match: re.Match[str]) -> str:
        groups = [_amount(group) if n in amounts else _listed(group) if n in lists else group
                  for n, group in enumerate(match.groups())]
        if compared is not None:
            first, second = compared
            groups[first], groups[second] = _amounts_apart(match.groups()[first], match.groups()[second])
        return template.format(*groups)

    return fill


_REFORECAST_REASONS = _rules([
    (r"it spent (\S+) for no new users", _amounts("广告支出 {0} 却没有新增用户", 0)),
    (r"it spent (\S+) for no impressions", _amounts("广告支出 {0} 却没有展示", 0)),
    (r"it spent (\S+) where the plan has no posts", _amounts("广告支出 {0}，而方案中没有发帖", 0)),
    (r"it reports (\S+) new users for no spend on a budget", _amounts("按预算投放却没有广告支出，报表中有 {0} 个新增用户", 0)),
    (r"it reports (\S+) new users from no clicks", _amounts("没有点击，报表中却有 {0} 个新增用户", 0)),
    (r"(\S+) new users from (\S+) clicks is a cvr above 100%", _amounts("{1} 次点击带来 {0} 个新增用户，转化率超过 100%", compared=(0, 1))),
    (r"the plan's posts reach no users", "方案中的发帖触达不到任何用户"),
])
"""Why a re-forecast cannot express a month (whatif/reforecast.py)."""


def _rows_per(phrase: str, after: str) -> str | None:
    """``model.actuals.rows_per``'s ``phrase`` in Chinese, ``after`` it; None for another phrase."""
    grain = grain_of(phrase)
    return None if grain is None else grain_zh(grain) + after


def _followed(phrase: str, chinese: str) -> str:
    """``phrase`` and ``chinese`` after it, a space between them where ``phrase`` ends in a Latin word or sign, as
    ``_spaced`` spaces one before (Milestone(month, key, value) 或 None)."""
    return phrase + (" " if phrase and east_asian_width(phrase[-1]) not in ("W", "F") else "") + chinese


_OTHER_PLAN = re.compile(r"(?:channels (.*?) where this plan has (.*?))?(?:(?:; )?start (\S+) where this plan's is (\S+))?"
                         r"(?:(?:; )?months through (\d+) where this plan has (\d+))?", re.DOTALL)
"""What differs between a re-forecast's plan and the actuals' (whatif/reforecast.py ``_of_the_plan``)."""


def _other_plan(differences: str) -> str:
    match = _OTHER_PLAN.fullmatch(differences)
    if match is None:
        return differences

    def channels(text: str) -> str:
        return "无" if text == "none" else _listed(text)

    def month(text: str) -> str:
        return "无" if text == "none" else text

    parts = []
    if match[1] is not None:
        parts.append(f"渠道为{_spaced(channels(match[1]))}，本方案为{_spaced(channels(match[2]))}")
    if match[3] is not None:
        parts.append(f"起始月为{_spaced(month(match[3]))}，本方案为{_spaced(month(match[4]))}")
    if match[5] is not None:
        parts.append(f"对比到第 {match[5]} 月，本方案只有 {match[6]} 个月")
    return "；".join(parts)


def _should_be(expected: str) -> str:
    """``应为`` and what was expected, a space between them where it opens with a number, a Latin word or a sign
    (应为 1 到 10 之间的整数, 应为 ≥ 0 的数字), as Chinese text sets them apart from Chinese (1 到 10, 实际为 -5)."""
    phrase = expected_phrase(expected)
    return "应为" + _spaced(phrase)


def _was(found: str) -> str:
    """``实际为`` and what was found, spaced as ``_should_be`` spaces what was expected (实际为 -5, 实际为字节 0xf9)."""
    return "实际为" + _spaced(found)


_NOTHING_FOUND = {"none": "一个也没有", "neither": "两者都没有", "both": "两者都有"}
"""What was found where it is no thing but how many: said without 为 (实际一个也没有, not 实际为都没有)."""


def _found(found: str) -> str:
    """``实际为`` and what was found in Chinese (``_FOUND``), or ``实际`` and ``_NOTHING_FOUND``'s words."""
    nothing = _NOTHING_FOUND.get(found)
    return "实际" + nothing if nothing else _was(_apply(_FOUND, found) or found)


def _spaced(phrase: str) -> str:
    return (" " if phrase and east_asian_width(phrase[0]) not in ("W", "F") else "") + phrase


def _found_with_hint(match: re.Match[str]) -> str:
    """``expected X, found Y (hint)``, the hint translated too; a parenthesis that is no known hint is part of Y."""
    found, hint = match[2], _apply(_FOUND_HINTS, match[3])
    if hint is None:
        found, hint = f"{match[2]} ({match[3]})", None
    text = f"{_should_be(match[1])}，{_found(found)}"
    return text + (f"（{hint}）" if hint else "")

_UNIT_ZH = {"an amount": "金额", "a count": "数量"}
"""What reader/amount_warning.py says a percent was written on."""

_MESSAGES = _rules([
    # reader/exports/periods.py: a row's day (a start date renamed Day) outside the period its period column names.
    (r"found the (week|month|quarter|year) of (\S+) beside (.*) (\S+), no day of that (?:week|month|quarter|year)",
     lambda m: f"本行的{_PERIOD_ZH[m[1]][0]}是 {m[2]} 起的{_PERIOD_ZH[m[1]][1]}，而 {m[3]} 为 {m[4]}，不在其中"),
    # reader/amount_warning.py: a percent on an amount or a count; the number meant has no sign to hint at.
    (r"(.*) reads as (\S+): a % on (an amount|a count) divides it by 100; did you mean (.*)\?",
     lambda m: f"{m[1]} 读作 {m[2]}：在{_UNIT_ZH[m[3]]}上写 % 会把它除以 100；是否想写 {m[4]}？"),
    (r"(.*) reads as (\S+): a % on (an amount|a count) divides it by 100",
     lambda m: f"{m[1]} 读作 {m[2]}：在{_UNIT_ZH[m[3]]}上写 % 会把它除以 100"),
    # reader/dot_group_warning.py: a dot before three digits in a plan in a currency written with a decimal comma.
    (r"(.*) reads as (\S+), but in ([A-Z]{3}) a dot before three digits may separate thousands: write (\S+) for "
     r"thousands, or (\S+) for a decimal point",
     "{0} 读作 {1}，但以 {2} 计时，点号后跟三位数字可能是千位分隔符：若是千位，请写成 {3}；若是小数点，请写成 {4}"),
    # reader/range_unit_warning.py: a range's bare low end, which its high end's suffix does not scale.
    (r"(.*) reads as (\S+); if (\S+) was meant, write (\S+)", "{0} 读作 {1}（后缀只作用于紧挨它的数字）；若下限指 {2}，请写 {3}"),
    (r"file is ([\d,]+) bytes; the limit for an export is ([\d,]+) \((\d+) MiB\)", "文件有 {0} 字节，报表的上限为 {1} ({2} MiB)"),
    (r"workbook unpacks to ([\d,]+) bytes \((.*): ([\d,]+)\); the limit for an xlsx export is ([\d,]+) \((\d+) MiB\) unpacked",
     "工作簿解压后有 {0} 字节（{1}：{2}），xlsx 报表解压后的上限为 {3} ({4} MiB)"),
    (r"([\d,]+) more errors? in this file", "此文件还有 {0} 个错误"),
    (r"(.*): the re-forecast of (.*) does not validate, so it was not written", "{0}: {1} 的重新预测未通过校验，因此没有写出"),
    (r"reading an xlsx export needs openpyxl: (.*)", "读取 xlsx 报表需要 openpyxl：{0}"),
    (r"(.*) (\d{4}-\d{2}): (.*); the re-forecast cannot express that month",
     lambda m: f"{m[1]} {m[2]}：{_apply(_REFORECAST_REASONS, m[3]) or m[3]}；重新预测无法表达这个月"),
    (r"expected one YAML document, found a second", "应只有一个 YAML 文档，发现了第二个"),
    (r"expected each export once, found the same (file|bytes) as (.*) \(export (\d+)\), whose rows would count twice",
     lambda m: f"每个报表应只给一次，实际与第 {m[3]} 个报表 {m[2]} {'是同一个文件' if m[1] == 'file' else '内容完全相同'}，"
               "其各行会被重复计算"),
    (r"expected one column of (\S+), found a second beside (.*) \(column (\d+)\): header words compare alike whatever their "
     r"case, width and separators", "字段 {0} 应只有一列，发现了第二列，与第 {2} 列 {1} 读作同一列：表头不分大小写、全半角和分隔符"),
    (r"expected a header this export's shape reads or ignores, found ('.*'), which Windows-1252 reads as ('.*'): it "
     r"may be a column the shape reads",
     "应为该报表格式读取或忽略的表头，实际为 {0}，按 Windows-1252 读作 {1}：它可能是该格式读取的列"),
    (r"expected one column of (\S+), found (.*) again \(column (\d+)\)", "字段 {0} 应只有一列，表头 {1} 与第 {2} 列重复"),
    # The headers found, listed (reader/exports/report.py): a parenthesis there is a header's, no hint.
    (r"expected (the columns of a known export \(.+\)), found (.*)",
     lambda m: f"{_should_be(m[1])}，{_was(_listed(m[2]))}"),
    (r"expected the columns of a known export, found (.*)", lambda m: f"应为已知报表的列，{_was(_listed(m[1]))}"),
    (r"expected at least one data row under the header, found none", "应为表头下至少一行数据，实际一行也没有"),
    (r"expected a header row of comma- or tab-separated columns, found none", "应为以逗号或制表符分隔的表头行，实际没有"),
    (r"expected at least one data row under the header, found only totals rows: (.*)",
     lambda m: f"应为表头下至少一行数据，实际只有合计行：{_totals_zh(m[1])}"),
    # reader/exports/open_quotes.py: a quoted cell left open, at its quote.
    (r"expected the quote opened here to close, found it open to the end of the file \(line (\d+)\)",
     "此处打开的引号应当闭合，实际直到文件末尾（第 {0} 行）都未闭合"),
    (r"expected the quote opened here to close before the next row, found it closing on line (\d+), its cell taking in "
     r"line (\d+), a row of (.*)",
     "此处打开的引号应在下一行数据之前闭合，实际到第 {0} 行才闭合，把第 {1} 行（日期为 {2} 的一行数据）并入了它的单元格"),
    (r"expected (.*), found (.*?) \(([^()]+)\)", _found_with_hint),
    (r"expected (.*), found (.*)",
     lambda m: f"{_should_be(m[1])}，{_found(m[2])}"),
    (r"expected (.*)", lambda m: _should_be(m[1])),
    (r"unknown key '(.*)'; did you mean '(.*)'\?", "未知字段 '{0}'；是否想写 '{1}'？"),
    # reader/overrides.py: a field word in Chinese in a --set path (model/field_words.py).
    (r"'(.*)' writes a field in Chinese, and a path takes its key: did you mean ('.*' if it means .*)\?",
     lambda m: f"'{m[1]}' 用中文写了字段名，而路径只认英文字段名：是否想写 {_schedules_zh(m[2])}？"),
    (r"'(.*)' writes a field in Chinese, and a path takes its key: did you mean '(.*)'\?",
     "'{0}' 用中文写了字段名，而路径只认英文字段名：是否想写 '{1}'？"),
    # The path meant is refused in turn (reader/overrides.py _refuse_a_field_word): its own refusal, translated.
    (r"'(.*?)' writes a field in Chinese, and a path takes its key, but '(.*?)' is refused too: (.*)",
     lambda m: f"'{m[1]}' 用中文写了字段名，而路径只认英文字段名，但 '{m[2]}' 同样不能设置：{translate(m[3])}"),
    (r"unknown key '(.*)'; months go under by_month, as in (.*)", "未知字段 '{0}'；各月的值应写在 by_month 之下，如 {1}"),
    (r"unknown key '(.*)'; expected one of (.*)", _lists("未知字段 '{0}'；可用字段：{1}", 1)),
    (r"unknown key '(.*)'", "未知字段 '{0}'"),
    (r"missing required key '(.*)'", "缺少必填字段 '{0}'"),
    (r"YAML merge keys \('<<'\) are not supported; write each key out here", "不支持 YAML 合并键（'<<'）；请在此处逐个写出各字段"),
    (r"duplicate key '(.*)' \(first at line (\d+)\)", "重复字段 '{0}'（首次出现在第 {1} 行）"),
    (r"YAML tags are not allowed, found '(.*)'", "不允许使用 YAML 标签，发现 '{0}'"),
    (r"YAML anchors and aliases are not allowed, found '(.*)'", "不允许使用 YAML 锚点和别名，发现 '{0}'"),
    (r"invalid YAML: (.*)", lambda m: f"YAML 语法错误：{yaml_problem(m[1])}"),
    (r"nesting deeper than (\d+) levels", "嵌套超过 {0} 层"),
    (r"file is ([\d,]+) bytes; the limit is ([\d,]+) \(1 MiB\)", "文件有 {0} 字节，上限为 {1} (1 MiB)"),
    (r"cannot read file: not a regular file", "无法读取文件：不是普通文件"),
    (r"is a folder, not a scenario file", "这是文件夹，不是方案文件"),
    (r"is a folder, not an export file", "这是文件夹，不是报表文件"),
    (r"cannot read file: a symbolic link to a file outside the repository", "无法读取文件：符号链接指向仓库之外的文件"),
    (r"cannot read file: a symbolic link to a missing file \((.*)\)", "无法读取文件：符号链接指向的文件不存在（{0}）"),
    (r"cannot read file: a symbolic link to a missing folder \((.*)\)", "无法读取文件：符号链接指向的文件夹不存在（{0}）"),
    (r"cannot read file: a symbolic link to a missing path \((.*)\)", "无法读取文件：符号链接指向的路径不存在（{0}）"),
    (r"cannot read file: reading from standard input \(-\) is not supported; give a file name",
     "无法读取文件：不支持从标准输入（-）读取；请给出文件名"),
    (r"cannot read file: (.*)", lambda m: f"无法读取文件：{os_reason_zh(m[1])}"),
    (r"cannot read folder: (.*)", lambda m: f"无法读取文件夹：{os_reason_zh(m[1])}"),
    (r"duplicate age (\d+): '(.*)' and '(.*)' \(line (\d+)\) name the same month",
     "重复的月龄 {0}：'{1}' 与 '{2}'（第 {3} 行）是同一个月"),
    (r"duplicate month (\d+): '(.*)' and '(.*)' \(line (\d+)\) name the same month",
     "重复的月份 {0}：'{1}' 与 '{2}'（第 {3} 行）是同一个月"),
    (r"duplicate day (\d+): '(.*)' and '(.*)' \(line (\d+)\) name the same day",
     "重复的天数 {0}：'{1}' 与 '{2}'（第 {3} 行）是同一天"),
    # The same of a scenario built in code: one pair given twice (reader/kinds.py Context.given_twice).
    (r"month (\d+) given twice", "月份 {0} 给了两次"),
    (r"age (\d+) given twice", "月龄 {0} 给了两次"),
    (r"day (\d+) given twice", "天数 {0} 给了两次"),
    (r"(.*): cannot write: its encoding \((.*)\) has no '(.*)' \((U\+[0-9A-F]+)\); set PYTHONIOENCODING=utf-8 or a UTF-8 locale",
     "{0}: 无法写入：其编码（{1}）中没有 '{2}'（{3}）；请设置 PYTHONIOENCODING=utf-8 或使用 UTF-8 区域设置"),
    (r"(.*): cannot write: a name on the command line is not UTF-8 text \(it holds (.*)\)",
     "{0}: 无法写入：命令行中的名称不是 UTF-8 文本（含有 {1}）"),
    (r"(.*): cannot write: (.*)", lambda m: f"{m[1]}: 无法写入：{os_reason_zh(m[2])}"),
    (r"(.*): named twice \((.*) is the same file\); give each output its own file",
     "{0}: 重复指定（与 {1} 是同一个文件）；每个输出需各用一个文件"),
    (r"missing '(\w+)' or '(\w+)': one of them says how much is bought each month",
     "缺少 '{0}' 或 '{1}'：需用其一说明每月购买多少"),
    (r"missing '(\w+)' or '(\w+)': one of them says when the test passes", "缺少 '{0}' 或 '{1}'：需用其一说明测试何时算通过"),
    (r"channel '(.*)' is named twice in this gate \(first at (.*)\)", "渠道 '{0}' 在此闸门中出现了两次（首次在 {1}）"),
    (r"'(.*)' names (\d+) channels, (.*): a gate cannot tell them apart; give each its own name",
     lambda m: f"'{m[1]}' 是 {m[2]} 个渠道的名称（{m[3].replace(' and ', '、')}）：闸门无法区分它们；请给每个渠道起不同的名称"),
    # reader/gate_warnings.py: a gate named as an earlier one, which the outputs tell apart by place.
    (r"'(.*)' is also (gates\[\d+\])'s name(?: \(line (\d+)\))?; outputs naming '(.*)' cannot tell them apart, so they "
     r"name each by its place: '(.*)' and '(.*)'",
     lambda m: f"'{m[1]}' 也是 {m[2]} 的名称{f'（第 {m[3]} 行）' if m[3] else ''}；输出用 '{m[4]}' 指代时无法区分它们，"
               f"因此按各自在文件中的位置称为 '{m[5]}' 与 '{m[6]}'"),
    # reader/shared_names.py: a name an earlier item of its list has.
    (r"'(.*)' is also (\S+)'s name(?: \(line (\d+)\))?; (.*) naming '(.*)' cannot tell them apart",
     lambda m: f"'{m[1]}' 也是 {m[2]} 的名称{f'（第 {m[3]} 行）' if m[3] else ''}；"
               f"{_NAMING_ZH.get(m[4], m[4])} 用 '{m[5]}' 指代时无法区分它们"),
    (r"no test channel runs in the test's months? (\S+): with no spend to measure, the gate always fails, and its "
     r"channels buy nothing after month (\d+)",
     "测试的第 {0} 月没有任何测试渠道投放：没有广告支出可衡量，闸门总是不通过，其渠道在第 {1} 月之后不再买量"),
    (r"channel '(.*)' does not run in the test's months? (\S+) \(it runs in months? (.*)\): the test cannot observe it",
     _lists("渠道 '{0}' 在测试的第 {1} 月不投放（它在第 {2} 月投放）：测试观察不到它", 2)),
    (r"no channel of this gate runs after month (\d+): it stops nothing whether the test passes or fails; name in "
     r"'then' the channels the test decides",
     "此闸门的渠道在第 {0} 月之后都不投放：无论测试是否通过都不会停止任何投放；请在 'then' 中列出由测试决定的渠道"),
    (r"channel '(.*)' does not run after month (\d+) \(it runs in months? (.*)\): the gate has nothing of it to stop",
     _lists("渠道 '{0}' 在第 {1} 月之后不投放（它在第 {2} 月投放）：闸门对它无可停止", 2)),
    # reader/discount_warning.py: a discount rate (or a range with both ends) above 100% a year.
    (r"([\d,.]+)%\.\.([\d,.]+)% a year is above any cost of capital a finance team discounts at",
     "每年 {0}%..{1}% 高于任何财务团队折现所用的资本成本"),
    (r"(.*) is ([\d,.]+)%\.\.([\d,.]+)% a year, above any cost of capital a finance team discounts at",
     "{0} 即每年 {1}%..{2}%，高于任何财务团队折现所用的资本成本"),
    (r"(.*) is ([\d,.]+)%\.\.([\d,.]+)% a year", "{0} 即每年 {1}%..{2}%"),
    (r"([\d,.]+)% a year is above any cost of capital a finance team discounts at",
     "每年 {0}% 高于任何财务团队折现所用的资本成本"),
    (r"(.*) is ([\d,.]+)% a year, above any cost of capital a finance team discounts at",
     "{0} 即每年 {1}%，高于任何财务团队折现所用的资本成本"),
    (r"(.*) is ([\d,.]+)% a year", "{0} 即每年 {1}%"),
    # reader/schedule_sets.py: a month set into a by_month schedule, and the months that moved with it.
    (_SCHEDULE_SET.pattern, _schedule_set_zh),
    (r"months? ([\d, -]+) (?:is|are) not read \((.*) runs in months? ([\d, -]+)\)(.*)",
     _unread_set_zh),
    # reader/target_warning.py: a return target above 1,000%.
    (r"(.*) is ([\d,]+)%, above any return a plan is held to", "{0} 即 {1}%，高于任何方案会被要求达到的回报"),
    (r"saturation_budget needs budget, not (\w+)", "saturation_budget 需要与 budget 一起使用，而不是 {0}"),
    (r"no item (\d+): the list has (\d+) items?", "没有第 {0} 项：列表只有 {1} 项"),
    (r"no item (\d+): the list is empty", "没有第 {0} 项：列表为空"),
    (r"no item named '(.*)'", "没有名为 '{0}' 的项"),
    (r"no list '(.*)' here to hold item (.*); add it to the file first", "此处没有列表 '{0}' 可容纳第 {1} 项；请先在文件中添加"),
    (r"no list '(.*)' here to hold item (.*)", "此处没有列表 '{0}' 可容纳第 {1} 项"),
    (r"no key '(.*)' here", "此处没有字段 '{0}'"),
    (r"cannot set '(.*)' inside a value that is not a mapping", "不能在非映射的值中设置 '{0}'"),
    (r"cannot set one month of a value written once; replace it whole, with months within 1\.\.(\d+)",
     "不能只设置单一取值的某个月；请整体替换，月份须在 1..{0} 之内"),
    # A span set as one key of a schedule by month (reader/span_sets.py): the --set options that write it.
    (r"cannot set a span of months as one by_month key; write (.*?)(; --set cannot drop a key within the span, so the "
     r"schedule is set whole)?((?:; set key \d+ too, at the value month \d+ is to keep: the schedule gives it no one "
     r"number there \(a blend of two ranges, or a decimal without end\))*)",
     lambda m: f"不能把一段月份设为 by_month 的一个键；请写 {_schedules_zh(m[1])}"
               + ("；--set 不能删去区间之内的键，因此整体设置该时间表" if m[2] else "")
               + "".join(f"；还请设置键 {key}，取第 {key} 个月应保持的值：时间表在该月给出的不是一个数（两个区间的混合，或无限小数）"
                         for key in re.findall(r"set key (\d+) too", m[3]))),
    # A range at two keys of the schedule offered is two draws (reader/overrides.py DRAWN_APART).
    (r"cannot set one month of a value written once; replace it whole, such as (.*); each key of a by_month is drawn "
     r"on its own \(docs/formulas\.md §14\): a range at two keys is two draws, where a range written once is one draw "
     r"for every month",
     lambda m: f"不能只设置单一取值的某个月；请整体替换，如 {_schedules_zh(m[1])}；by_month 的每个键各自抽样"
               f"（docs/formulas.md §14）：同一区间写在两个键上就是两次抽样，而只写一次的区间对所有月份只抽样一次"),
    (r"cannot set one month of a value written once; replace it whole, such as (.*)",
     lambda m: f"不能只设置单一取值的某个月；请整体替换，如 {_schedules_zh(m[1])}"),
    # Followed by why no schedule is offered (a length, a date with no start), each hint translated on its own.
    (r"cannot set one month of a value written once", "不能只设置单一取值的某个月"),
    (r"cannot set one month of (.*): by_month is not allowed on this field", "不能设置 {0} 的某个月：此字段不能按月取值 by_month"),
    (r"channel names must be distinct to allocate; repeated: (.*)", _lists("分配预算要求渠道名各不相同；重复的有：{0}", 0)),
    (r"channel names must be distinct to allocate; '(.*)' is also the name of (.*)",
     "分配预算要求渠道名各不相同；'{0}' 也是 {1} 的名称"),
    (r"'(.*)' is a (\w+) channel: its spend is never moved, so it cannot be locked or bounded",
     "'{0}' 是 {1} 渠道：其广告支出从不调整，因此不能锁定或设上下限"),
    (r"'(.*)' is locked: it cannot also have a minimum or maximum", "'{0}' 已锁定：不能再设下限或上限"),
    (r"'(.*)' has a unit cost of 0, so no budget form; (lock it.*)", lambda m: f"'{m[1]}' 的单价为 0，无法按预算计算；{_lock_zh(m[2])}"),
    (r"the minimum of '(.*)' \((\S+)\) exceeds its maximum \((\S+)\)", _amounts("'{0}' 的下限（{1}）超过其上限（{2}）", compared=(1, 2))),
    (r"the minimums add up to (\S+), more than the (budget|total) (\S+)",
     lambda m: "下限合计 {0}，超过{2} {1}".format(*_amounts_apart(m[1], m[3]), _BUDGET_WORDS[m[2]])),
    (r"the maximums add up to (\S+), less than the (budget|total) (\S+)",
     lambda m: "上限合计 {0}，低于{2} {1}".format(*_amounts_apart(m[1], m[3]), _BUDGET_WORDS[m[2]])),
    (r"the minimums add up to (\S+) in months? (.*?), more than the (budget|total) (\S+)",
     lambda m: "第 {2} 月的下限合计 {0}，超过{3} {1}".format(*_amounts_apart(m[1], m[4]), _listed(m[2]), _BUDGET_WORDS[m[3]])),
    (r"the maximums add up to (\S+) in months? (.*?), less than the (budget|total) (\S+)",
     lambda m: "第 {2} 月的上限合计 {0}，低于{3} {1}".format(*_amounts_apart(m[1], m[4]), _listed(m[2]), _BUDGET_WORDS[m[3]])),
    (r"the marginal ROAS of (.*) never falls to (\S+) \(no diminishing returns\): give it a --max",
     _lists("{0} 的边际 ROAS 永远不会降到 {1}（没有边际递减）：请给它设 --max", 0)),
    (r"no channel's first 1 ([A-Z]{3}) returns a ROAS of (\S+): every budget would be 0",
     lambda m: priced("没有哪个渠道的第 1 {money} 能达到 ROAS {0}：每个渠道的预算都会是 0", m[1], "zh").format(m[2])),
    (r"no channel named '(.*)'; channels: (.*)", _lists("没有名为 '{0}' 的渠道；现有渠道：{1}", 1)),
    # Before its hint, the channels it resembles (whatif/allocate_names.py).
    (r"no channel named '(.*)'", "没有名为 '{0}' 的渠道"),
    (r"no ([\w ,]+) channel left to allocate the budget to",
     lambda m: f"没有剩余的 {_listed(m[1]).replace(' or ', ' 或 ')} 渠道可分配预算"),
    (r"'(.*)' has (\w+) written by month \(by_month\): allocate gives a channel the same budget every month and "
     r"reads its budget, users, impressions, posts, fee and saturation_budget as one number each, so its \w+ may not "
     r"move by month \(its bid, cpm, ctr, cvr, views and view_to_user may: docs/formulas.md §14\); write the months as "
     r"separate channels, or (lock it.*)",
     lambda m: f"'{m[1]}' 的 {m[2]} 按月取值（by_month）：分配给渠道的预算每月相同，且其 budget、users、impressions、posts、"
               f"fee 和 saturation_budget 各按一个数读取，所以 {m[2]} 不能按月变化（bid、cpm、ctr、cvr、views 和 "
               f"view_to_user 可以：docs/formulas.md §14）；请把各月写成单独的渠道，或{_lock_zh(m[3], ask=False)}"),
    (r"--reach finds the least budget for a milestone alone: it cannot be combined with --max-cash-need or "
     r"--min-payback-probability", "--reach 只针对里程碑求最低预算，不能与 --max-cash-need 或 --min-payback-probability 同用"),
    # api.allocate given two of total, target_roas and reach, which the CLI's options refuse as a whole.
    (r"(total|target_roas|reach): instead of budget, as (total|target_roas) is: give one of total, target_roas and "
     r"reach", "{0}：与 {1} 一样是用来代替 budget 的，total、target_roas 和 reach 只能给一个"),
    # api.allocate given one channel's bound twice, by its name and by its path (whatif/allocate_names.py).
    (r"(minimums|maximums): '(.*)' and '(.*)' name one channel, '(.*)', with different amounts \((\S+) and (\S+)\)",
     _amounts("{0}：'{1}' 与 '{2}' 指同一个渠道 '{3}'，金额却不同（{4} 与 {5}）", compared=(4, 5))),
    # api.allocate's reach beside a limit, which the CLI refuses naming its options (whatif/allocate.py).
    (r"reach finds the least budget for a milestone alone: it cannot be combined with max_cash_need or "
     r"min_payback_probability", "reach 只针对里程碑求最低预算，不能与 max_cash_need 或 min_payback_probability 同用"),
    (r"no budget reaches (\S+) = (\S+): the furthest split reaches (\S+) at B = (\S+)",
     _amounts("没有预算能达到 {0} = {1}：最佳分配在 B = {3} 时只达到 {2}", 3, compared=(1, 2))),
    (r"the search found no budget reaching (\S+) = (\S+) with the gates: planned as if every gate passed, B = (\S+) "
     r"would, but there the gates? (.*) fails? \(a split holding the test months, as --budget's, is not searched\)",
     _amounts("计入闸门后，搜索未找到能达到 {0} = {1} 的预算：按每道闸门都通过来规划，B = {2} 可以达到，但届时闸门 {3} 未通过"
              "（未搜索像 --budget 那样保持测试月份的分配）", 1, 2, lists=(3,))),
    (r"the scenarios are in (.*): amounts in different currencies cannot be compared",
     lambda m: f"各方案的币种分别为 {m[1].replace(' and ', '、')}：不同币种的金额无法比较"),
    (r"the plan has no start month: add start: YYYY-MM so export dates fall in plan months",
     "方案没有起始月份：请添加 start: YYYY-MM，以便把报表的日期放入方案月份"),
    (r"(.*): a re-forecast cannot rewrite a channel of type (\w+)", "{0}：重新预测无法改写 {1} 类型的渠道"),
    (r"(.*) (\d{4}-\d{2}): the exports report no new users \(activations\) at (\S+) in column '(.*)', so the "
     r"re-forecast cannot set that month's users", "{0} {1}：报表在 {2}（'{3}' 列）未报告新增用户（激活）数，重新预测无法设置该月的用户数"),
    (r"(.*): the exports report no new users \(activations\), so the re-forecast cannot set its users",
     "{0}：报表中没有新增用户（激活）数据，重新预测无法设置其用户数"),
    (r"the minimums of one phase add up to more than the maximums of another: no budget fits every phase",
     "某一阶段的下限合计超过另一阶段的上限合计：没有哪个预算能同时满足各阶段"),
    # report --allocate B: allocate's own refusal after the option that asked for it.
    (r"--allocate: (.*)", lambda m: f"--allocate：{translate(m[1])}"),
    (r"--reach: expected a month from 1 to (\d+) \(the horizon\), found (.*)",
     lambda m: f"--reach：应为 1 到 {m[1]} 之间的月份（周期内），{_was(m[2])}"),
    (r"--reach: expected KEY@MONTH=VALUE with KEY one of (.*), such as (.*), found (.*)",
     lambda m: f"--reach：应为 KEY@MONTH=VALUE 形式，KEY 取 {_listed(m[1])} 之一，如 {m[2]}，{_was(m[3])}"),
    (r"(.*): file exists; use --force to replace it", "{0}: 文件已存在；用 --force 覆盖"),
    (r"(.*): is an input of this command; write the result to another file", "{0}: 这是本命令的输入文件；请把结果写到另一个文件"),
    (r"(.*): is an input of this command \((.*)\); write the result to another file",
     "{0}: 这是本命令的输入文件（{1}）；请把结果写到另一个文件"),
    (r"(.*): not a regular file \(a device, FIFO or socket\); name a file, or - for standard output",
     "{0}: 不是普通文件（设备、FIFO 或套接字）；请给出文件名，或用 - 表示标准输出"),
    (r"(.*): not a regular file \(a device, FIFO or socket\); name a file", "{0}: 不是普通文件（设备、FIFO 或套接字）；请给出文件名"),
    (r"(.*): folder (.*) does not exist", "{0}: 文件夹 {1} 不存在"),
    (r"(.*): is a folder; expected a file name", "{0}: 这是文件夹；应为文件名"),
    (r"(.*): no \*\.yaml or \*\.yml files in this folder", "{0}: 此文件夹中没有 *.yaml 或 *.yml 文件"),
    (r"(.*), ([\d,]+) unreadable folders?", lambda m: f"{translate(m[1])}，{m[2]} 个无法打开的文件夹"),
    (r"([\d,]+) files?, ([\d,]+) invalid, ([\d,]+) errors?", "{0} 个文件，{1} 个无效，{2} 个错误"),
    (r"([\d,]+) files?, ([\d,]+) invalid, ([\d,]+) targets?, ([\d,]+) missed, ([\d,]+) not applicable",
     "{0} 个文件，{1} 个无效，{2} 个目标，{3} 个未达成，{4} 个不适用"),
    (r"([\d,]+) files?, ([\d,]+) invalid, ([\d,]+) targets?, ([\d,]+) missed", "{0} 个文件，{1} 个无效，{2} 个目标，{3} 个未达成"),
    (r"--lang: expected one of (.*), found (.*)", _lists("--lang：应为 {0} 之一，实际为 {1}", 0)),
    (r"--variant: give exactly one FILE to vary, found (\d+)", "--variant：只能对一个 FILE 做变体，收到 {0} 个"),
    (r"give two or more FILEs, or one FILE with --variant", "请给出两个或更多 FILE，或一个 FILE 加 --variant"),
    (r"--explain: give exactly two FILEs \(base, new\), without --variant or --samples",
     "--explain：请给出恰好两个 FILE（基准、新方案），且不与 --variant 或 --samples 同用"),
    (r"--grid: '(.*)' is not a driver; the drivers are: (.*)", _lists("--grid：'{0}' 不是驱动因素；驱动因素有：{1}", 1)),
    # The driver it resembles follows, a hint of its own (translate).
    (r"--grid: '(.*)' is not a driver", "--grid：'{0}' 不是驱动因素"),
    (r"--grid: two different drivers are needed, found (.*) twice", "--grid：需要两个不同的驱动因素，{0} 出现了两次"),
    # Any option's number or amount, as the commands check them (--budget, --min NAME, --target-roas, --map, ...).
    # The name may hold a colon (--map 'x: y'=...): it ends at the first ": expected ".
    (r"(--[\w-]+(?: .*?)?): expected (.*), found (.*)", lambda m: f"{m[1]}：{_should_be(m[2])}，{_was(m[3])}"),
    # A library call's argument (model/arguments.py), named as the function names it: api.simulate(samples=1.5), an
    # item of it: maps[0], minimums['Feed ads'], or a field of it: reach.month.
    (r"exports: expected at least one export file, found none", "exports：应至少有一个报表文件，实际一个也没有"),
    (r"paths: expected at least one file or folder, found none", "paths：应至少有一个文件或文件夹，实际一个也没有"),
    (r"percentiles: expected at least one number from 0 to 100, found none",
     "percentiles：应至少有一个 0 到 100 之间的数字，实际一个也没有"),
    # Two percentiles that are one float (whatif/percentile_choice.py), worded as the CLI's label percentiles_alike.
    (r"(percentiles\[\d+\]): (.*) and (percentiles\[\d+\]), (.*), differ beyond a float's precision, so both are (\S+); "
     r"give one of them", "{0}：{1} 与 {2}（{3}）的差别超出浮点数精度，二者都是 {4}；请只写其中一个"),
    (r"scenarios: expected at least one \(label or None, source, Scenario\) triple, found none",
     "scenarios：应至少有一个 (label 或 None, source, Scenario) 三元组，实际一个也没有"),
    (r"plan\.scenario: the LoadedScenario's tree no longer writes its scenario \(changed in code\), and api\.(\w+) reads "
     r"the file's values from that tree: load the changed file, or pass the change as sets \(api\.load_plan\(path, sets=\[\.\.\.\]\)\)",
     "plan.scenario：LoadedScenario 的树已不再写出它的方案（方案在代码中改过），而 api.{0} 从这棵树读取文件中的值："
     "请加载改过的文件，或把改动作为 sets 传入（api.load_plan(path, sets=[...])）"),
    # api.reforecast (whatif/reforecast.py _of_the_plan, api.py _with_sets).
    (r"compared: expected the actuals of this plan, found another's: (.*); compare this plan's own: "
     r"api\.actuals\(plan\.scenario, exports, maps\)",
     lambda m: f"compared：应为本方案的实际对比结果，实际为另一方案的：{_other_plan(m[1])}；"
               "请对比本方案自身：api.actuals(plan.scenario, exports, maps)"),
    (r"plan: expected sets a re-forecast can write into the plan's text, found (.*), which written there read as "
     r"another plan: write them into the file and load it without sets",
     _lists("plan：应为重新预测能写入方案文本的 sets，实际为 {0}，写入后读出的是另一个方案：请把它们写进文件，"
            "并不带 sets 加载", 0)),
    (r"([a-z][a-z_]*(?:\[(?:\d+|'[^']*')\]){0,2}(?:\.(?:key|month|value))?): expected (.*), found (.*)",
     lambda m: f"{m[1]}：{_should_be(m[2])}，{_found(m[3])}"),
    # --map NAME=GLOB's channel refused as --set refuses a path's channel part (reader/overrides.py channel_at), in
    # --set's words read below; the option's text ends at the first ": " whose rest they translate.
    (r"(--map [^=]*=.*?): (.*)", lambda m: _under_option(m[1], m[2]) or m[0]),
    # allocate's --lock, --min and --max NAME alike (cli/allocate.py).
    (r"(--(?:lock|min|max) .*?): (.*)", lambda m: _under_option(m[1], m[2]) or m[0]),
    # api.allocate's locks, minimums and maximums alike, each item named as the call gave it (whatif/allocate_names.py).
    (r"((?:locks|minimums|maximums)\[(?:\d+|'.*?')\]): (.*)", lambda m: _under_option(m[1], m[2]) or m[0]),
    # api.allocate's samples and seed without a draw to make, as the CLI's label option_needs_option words them.
    (r"(samples|seed): applies only with (.*); without it, it does nothing", "{0}：仅在给出 {1} 时适用；否则不起作用"),
    (r"--grid: expected two driver paths separated by a comma, found (.*)",
     lambda m: f"--grid：应为逗号分隔的两个驱动因素路径，{_was(m[1])}"),
    # Any other refusal of the grid's drivers (whatif/drivers.py: an index that is also a name, a name of two items),
    # as the message reads without the option.
    (r"--grid: (.*)", lambda m: _under_option("--grid", m[1]) or m[0]),
    (r"--base: git was not found on PATH", "--base：PATH 中找不到 git"),
    (r"--base: git (\S+) failed: (.*)", "--base：git {0} 失败：{1}"),
    (r"--base: unknown git revision ('.*') in the repository (.*?); (.*)", "--base：仓库 {1} 中没有 git 版本 {0}；{2}"),
    (r"--base: unknown git revision ('.*') in the repository (.*)", "--base：仓库 {1} 中没有 git 版本 {0}"),
    (r"--base: unknown git revision (.*)", "--base：未知的 git 版本 {0}"),
    (r"--base: (.*) is not inside a git repository", "--base：{0} 不在 git 仓库中"),
    (r"--base: (.*) is outside the git repository (.*) that holds (.*); check each repository on its own",
     "--base：{0} 不在 {2} 所在的 git 仓库 {1} 中；请分别检查每个仓库"),
    (r"--base: (.*), a repository of its own, lacks its commit at (.*) \((\w+)\); fetch its history there",
     "--base：{0} 是独立的 git 仓库，缺少它在 {1} 时的提交（{2}）；请在其中获取历史"),
    (r"--base: the submodule (.*) is not checked out, so its commit at (.*) \((\w+)\) is not here; run (.*)",
     "--base：子模块 {0} 未检出，本地没有它在 {1} 时的提交（{2}）；请运行 {3}"),
    (r"--base: no repository here holds the commit (.*) records for the submodule (.*) \((\w+)\)",
     "--base：本地没有仓库含有 {0} 为子模块 {1} 记录的提交（{2}）"),
    # Click's usage errors, after the `aigc-roi: --option: ` prefix (cli/edge.py option_error_line).
    (r"missing; it is required", "缺少此项；它是必填的"),
    (r"no such option", "没有这个选项"),
    (r"(.*) is not one of (.*)", _lists("{0} 不是可选值之一：{1}", 1)),
    (r"(.*) is not a valid (?:int|int range|integer)", "{0} 不是有效的整数"),
    (r"(.*) is not a valid (?:float|float range)", "{0} 不是有效的数字"),
    (r"(.*) is not in the range (.*)", "{0} 不在范围 {1} 之内"),
    (r"Got unexpected extra arguments? ?(?:\(s\))? \((.*)\)", "多余的参数：{0}"),
    (r"No such command '(.*)'\. Did you mean (.*)\?", _lists("没有命令 '{0}'；是否想写 {1}？", 1)),
    (r"No such command '(.*)'", "没有命令 '{0}'"),
    (r"Option '(.*)' requires an argument", "选项 '{0}' 需要一个值"),
    (r"Option '(.*)' requires (\d+) arguments", "选项 '{0}' 需要 {1} 个值"),
    (r"Option '(.*)' does not take a value", "选项 '{0}' 不接受值"),
    (r"aborted", "已中止"),
    (r"not enough memory to finish: fewer --samples \(where the command draws them\) or fewer --jobs need less",
     "内存不足，无法完成：减少 --samples（命令抽样时）或 --jobs 可少用内存"),
    (r"(simulate|check|validate)'s worker process (\d+) ended before (its samples were done|its files were checked) "
     r"\((?:killed by (\S+)|exit status (-?\d+))\); run it again, with (fewer --samples or )?--jobs 1",
     lambda m: f"{m[1]} 的工作进程 {m[2]} 在{'样本算完' if m[3] == 'its samples were done' else '文件检查完'}之前结束（"
               + (f"被 {m[4]} 终止" if m[4] else f"退出状态 {m[5]}") + "）；请重新运行，"
               + ("减少 --samples 或" if m[6] else "") + "用 --jobs 1"),
    # --set by an item's name (reader/overrides.py).
    (r"no channel, plan, purchase, order or fixed cost is named '(.*)'", "没有名为 '{0}' 的渠道、会员方案、单次购买、订单或固定成本"),
    (r"'(.*)' names (\d+) items and none has a key '(.*)'; (\d+) have (.*): write the one meant, (.*)",
     lambda match: f"'{match[1]}' 是 {match[2]} 项的名称，都没有字段 '{match[3]}'；其中 {match[4]} 项有 "
                   f"{match[5].replace(' or ', ' 或 ')}：请写明是哪一项，{match[6].replace(' or ', ' 或 ')}"),
    (r"'(.*)' is an item's name, not a key of the file: set the item whole at its path, (.*)",
     lambda match: f"'{match[1]}' 是项的名称，不是文件的字段：请在该项的路径上整体设置它，{match[2].replace(' or ', ' 或 ')}"),
    (r"'(.*)' names (\d+) items: write the one meant, (.*)",
     lambda match: f"'{match[1]}' 是 {match[2]} 项的名称：请写明是哪一项，{match[3].replace(' or ', ' 或 ')}"),
    (r"(\[\d+\]) reads both as index (\d+) \(the item named '(.*)'\) and as the item named '(.*)'; write the one meant by "
     r"its name alone, (.*) or (.*)",
     "{0} 既可读作索引 {1}（名为 '{2}' 的项），也可读作名为 '{3}' 的项；请只用名称写明是哪一项：{4} 或 {5}"),
    (r"(\[\d+\]) reads both as index (\d+) \(an item with no name\) and as the item named '(.*)'; write the one meant by "
     r"its name alone, (.*)",
     "{0} 既可读作索引 {1}（一个没有名称的项），也可读作名为 '{2}' 的项；请只用名称写明是哪一项：{3}"),
    (r"(\[\d+\]) reads both as index (\d+) \(the item named '(.*)'\) and as the item named '(.*)'; write the one meant at "
     r"its path, (.*) or (.*)",
     "{0} 既可读作索引 {1}（名为 '{2}' 的项），也可读作名为 '{3}' 的项；请用该项的路径写明是哪一项：{4} 或 {5}"),
    (r"(\[\d+\]) reads both as index (\d+) \(an item with no name\) and as the item named '(.*)'; write the one meant at "
     r"its path, (.*)",
     "{0} 既可读作索引 {1}（一个没有名称的项），也可读作名为 '{2}' 的项；请用该项的路径写明是哪一项：{3}"),
    (r"(\[\d+\]) reads both as index (\d+) \(the item named '(.*)'\) and as the item named '(.*)', and no path names "
     r"each of them: give the items names of their own",
     "{0} 既可读作索引 {1}（名为 '{2}' 的项），也可读作名为 '{3}' 的项，且没有路径能分别指明它们：请给各项起各自的名称"),
    (r"(\[\d+\]) reads both as index (\d+) \(an item with no name\) and as the item named '(.*)', and no path names "
     r"each of them: give the items names of their own",
     "{0} 既可读作索引 {1}（一个没有名称的项），也可读作名为 '{2}' 的项，且没有路径能分别指明它们：请给各项起各自的名称"),
    (r"(\[\d+\]) reads both as index (\d+) \(the item named '(.*)'\) and as the item named '(.*)'; write the one meant, "
     r"(.*) or (.*)",
     "{0} 既可读作索引 {1}（名为 '{2}' 的项），也可读作名为 '{3}' 的项；请写明是哪一项：{4} 或 {5}"),
    # A name holding brackets or '=', or an item's name indexed as a list (reader/overrides.py _refuse_offering).
    (r"a path cannot hold the name '(.*)', whose brackets read as an index, and no path names each item so called: "
     r"give each a name of its own",
     "路径中不能写名称 '{0}'：其中的方括号会被读作索引，且没有路径能分别指明叫这个名称的各项：请给各项起各自的名称"),
    (r"a path cannot hold the name '(.*)', whose brackets read as an index: write (.*)",
     lambda match: f"路径中不能写名称 '{match[1]}'：其中的方括号会被读作索引；请写 {match[2].replace(' or ', ' 或 ')}"),
    (r"a path cannot hold the name '(.*)', whose '=' reads as the path's end, and no path names each item so called: "
     r"give each a name of its own",
     "路径中不能写名称 '{0}'：其中的 '=' 会被读作路径的结尾，且没有路径能分别指明叫这个名称的各项：请给各项起各自的名称"),
    (r"a path cannot hold the name '(.*)', whose '=' reads as the path's end: write (.*)",
     lambda match: f"路径中不能写名称 '{match[1]}'：其中的 '=' 会被读作路径的结尾；请写 {match[2].replace(' or ', ' 或 ')}"),
    (r"'(.*)' is an item's name, not a list to hold item (.*), and no path names each item so called: give each a "
     r"name of its own",
     "'{0}' 是项的名称，不是可容纳第 {1} 项的列表，且没有路径能分别指明叫这个名称的各项：请给各项起各自的名称"),
    (r"'(.*)' is an item's name, not a list to hold item (.*): write (.*)",
     lambda match: f"'{match[1]}' 是项的名称，不是可容纳第 {match[2]} 项的列表：请写 {match[3].replace(' or ', ' 或 ')}"),
    (r"'(.*)' names (\d+) items and no path names each of them: give the items names of their own",
     "'{0}' 是 {1} 项的名称，且没有路径能分别指明它们：请给各项起各自的名称"),
    # A channel's reference that is a key of the file (reader/overrides.py channel_at).
    (r"'(.*)' is a key of the file, not a channel's name, and no path names each item so called: give each a name of "
     r"its own",
     "'{0}' 是文件的字段，不是渠道的名称，且没有路径能分别指明叫这个名称的各项：请给各项起各自的名称"),
    (r"'(.*)' is a key of the file, not a channel's name: write (.*)",
     lambda match: f"'{match[1]}' 是文件的字段，不是渠道的名称：请写 {match[2].replace(' or ', ' 或 ')}"),
])

def _under_option(option: str, message: str) -> str | None:
    """``--grid：`` and the message in Chinese, or None where the message has no translation."""
    translated = translate(message)
    return None if translated == message else f"{option}：{translated}"


def _commands_zh(commands: str) -> str:
    """``simulate, check and report`` as a Chinese list: 、 between the command names, 和 before the last."""
    return _listed(commands).replace(" and ", " 和 ")


_NEEDED_ZH = {"date": "日期", "spend": "广告支出", "campaign name or id": "计划名称或 ID "}
"""The columns a CSV row cannot end before (reader/exports/report.py NEEDED)."""

_PLACE_PIECES = re.compile(r"(?:, | or )(?=under |in an item of |at the top level)")
"""Where one place of reader/key_places.py's list ends and the next begins (a place may list lists itself)."""


def _places_zh(places: str) -> str:
    """``it belongs`` and the places an unknown key belongs (reader/key_places.py) in Chinese: 它应写在 costs: 之下."""
    text = "它应写在"
    for number, piece in enumerate(_PLACE_PIECES.split(places)):
        words = _place_zh(piece)
        text += ("或" if number else "") + (" " if words[0].isascii() else "") + words
    return text


def _place_zh(piece: str) -> str:
    if piece == "at the top level":
        return "文件最顶层"
    if piece.startswith("under "):
        return f"{piece.removeprefix('under ')} 之下"
    typed = re.fullmatch(r"in an item of (\S+) with type: (.*)", piece)
    if typed:
        return f"{typed[1]} 中 type 为 {typed[2].replace(' or ', ' 或 ')} 的项里"
    return f"{piece.removeprefix('in an item of ').replace(', ', '、').replace(' or ', ' 或 ')} 的列表项里"


_BOUND_ZH = {"over": "超过", "under": "低于", "not over": "不高于", "not under": "不低于"}
"""How reader/numbers.py bound_fault says a value is outside its bounds."""

_GOAL_OF = {"ad set": "广告组", "unit": "推广单元"}
"""The level whose optimisation goal an indicated count counts (reader/exports/indicated.py), in Chinese."""

_HINTS = _rules([
    (r"give month (\d+) a point of its own", "请在 by_month 中为第 {0} 月单独写一个值"),
    # An option another command has (cli/edge.py): which commands, and why this one has none.
    (r"(--?[\w-]+) is an option of (.*), not of (\w+), which uses the median of each range",
     lambda m: f"{m[1]} 是 {_commands_zh(m[2])} 的选项，{m[3]} 没有它：{m[3]} 按各区间的中位数计算"),
    (r"(--?[\w-]+) is an option of (.*), not of (\w+)", lambda m: f"{m[1]} 是 {_commands_zh(m[2])} 的选项，{m[3]} 没有它"),
    (r"a cost in 元 comes from the console, whose header is 花费\(元\)", "以元为单位的广告支出来自投放后台，其表头为 花费(元)"),
    (r"an export that names no platform \(a generic CSV, a console's\) meets every export's campaigns",
     "不注明平台的报表（通用 CSV、无法判断平台的后台报表）会与每个报表的广告计划比对"),
    (r"actuals converts no currency: convert the export to (\w+), or the plan to (\w+)",
     "actuals 不做币种换算：请把报表换算为 {0}，或把方案换算为 {1}"),
    (r"write the currency's ISO code in the brackets instead", "请在括号中改写该币种的 ISO 代码"),
    (r"a column whose every cell is an ISO 4217 currency code is read as each row's currency",
     "每个单元格都是 ISO 4217 货币代码的列按各行的币种读取"),
    (r"'(.*)' is no scale this reader knows \(lakh, crore\): export the amounts in (.*)",
     "'{0}' 不是本工具认识的计量单位（只认识 lakh 即十万、crore 即千万）：请以 {1} 为单位导出金额"),
    (r"remove it, or quote the cell that holds it", "请删除它，或给它所在的单元格加引号"),
    (r"a row that names no day and no campaign reads as a totals row without its label: label it 合计, or delete it",
     "既无日期也无计划的一行应是漏写标签的合计行：请标注“合计”，或删除该行"),
    (r"a row over a range of days sums them: delete such summary rows, or export the report broken down by day",
     "跨多天的一行是这些天的合计：请删除这类汇总行，或按天细分（分日）后导出报表"),
    (r"a row of a (week|month|quarter|year) sums its days: export the report broken down by day",
     lambda m: f"一行是{_PERIOD_ZH[m[1]][1]}各天的合计：请按天细分后导出报表"),
    (r"a row over (\d+) days sums them: export the report broken down by day",
     "跨 {0} 天的一行是这些天的合计：请按天细分后导出报表"),
    (r"an? (.*) export reads its days from a column named (.*), and none is: (.*) holds dates, so name it one of them",
     lambda m: f"{SHAPE_TITLES_ZH.get(m[1], m[1])}报表从名为 {m[2]} 的列读取日期，但没有这样的列：{m[3]} 列是日期，"
               "请把它改名为其中之一"),
    (r"an? (.*) export reads its days from a column named (.*), and none is: (.*) write each day in parts, so join "
     r"them into one column of dates named one of them",
     lambda m: f"{SHAPE_TITLES_ZH.get(m[1], m[1])}报表从名为 {m[2]} 的列读取日期，但没有这样的列："
               f"{m[3].replace(', ', '、')} 列分开写出每一天，请把它们合并为一列日期，并命名为其中之一"),
    (r"an? (.*?) export needs its (.*?), or an? (.*?) export its (.*)",
     lambda m: f"{SHAPE_TITLES_ZH.get(m[1], m[1])}报表需要其{needed_zh(m[2])}；"
               f"或者，{SHAPE_TITLES_ZH.get(m[3], m[3])}报表需要其{needed_zh(m[4])}"),
    (r"an? (.*) export needs its date column (.*): export the report broken down by day",
     lambda m: f"{SHAPE_TITLES_ZH.get(m[1], m[1])}报表需要其日期列 {m[2]}：请按天细分后导出报表"),
    (r"an? (.*?) export needs its (.*)", lambda m: f"{SHAPE_TITLES_ZH.get(m[1], m[1])}报表需要其{needed_zh(m[2])}"),
    (r"each row may sum the report's whole range: export the report broken down by day",
     "每一行都可能是报表整个日期范围的合计：请按天细分后导出报表"),
    (r"a row without its last day may sum the report's whole range: export the report broken down by day",
     "缺少结束日期的一行可能是报表整个日期范围的合计：请按天细分后导出报表"),
    (r"export the report again, broken down by day", "请按天细分后重新导出报表"),
    (r"(.*) counts what each row's (ad set|unit) is optimised for: export the (.*) column, which counts new users "
     r"whatever the goal", lambda m: f"{m[1]} 计的是各行{_GOAL_OF[m[2]]}各自的优化目标：请导出 {m[3]} 列，无论目标为何它都计新增用户"),
    (r"a date of two numbers before its year may be month first \(MM/DD/YYYY\) or day first \(DD/MM/YYYY\), and the "
     r"export does not say which: write its dates as YYYY-MM-DD",
     "年份前写两个数字的日期可能是月在前（MM/DD/YYYY），也可能是日在前（DD/MM/YYYY），报表未表明是哪种：请把日期写成 YYYY-MM-DD"),
    (r"a date with dots is day first \(DD\.MM\.YYYY\), and (\d+) is no month", "以点分隔的日期为日在前（DD.MM.YYYY），而 {0} 不是月份"),
    (r"its dates are month first \(MM/DD/YYYY\), and (\d+) is no month", "其日期为月在前（MM/DD/YYYY），而 {0} 不是月份"),
    (r"(\d+) is no month, so this date is (month|day) first \((MM/DD/YYYY|DD/MM/YYYY)\), but the export does not say its "
     r"other dates are: write its dates as YYYY-MM-DD",
     lambda m: f"{m[1]} 不是月份，所以该日期为{'月' if m[2] == 'month' else '日'}在前（{m[3]}），但报表未表明其他日期也是如此："
               "请把日期写成 YYYY-MM-DD"),
    (r"its dates are month first with slashes \(MM/DD/YYYY\), and one with dots or dashes is a day-first form "
     r"\(DD\.MM\.YYYY\) a spreadsheet rewrote it in: export the report again, or write its dates as YYYY-MM-DD",
     "其日期为月在前、以斜杠分隔（MM/DD/YYYY），以点或短横分隔的是电子表格改写成的日在前格式（DD.MM.YYYY）："
     "请重新导出报表，或把日期写成 YYYY-MM-DD"),
    (r"a year of two digits may be of any century: write its dates as YYYY-MM-DD",
     "两位数的年份无法确定世纪：请把日期写成 YYYY-MM-DD"),
    (r"a comma inside an unquoted cell \(such as 1,234\.56\) splits it in two: quote the cell",
     "未加引号的单元格中的逗号（如 1,234.56）会把它一分为二：请给该单元格加引号"),
    (r"a percentage is no amount or count", "百分比不是金额或数量"),
    (r"in an export in ([A-Z]{3}) a dot before three digits may separate thousands: write (\S+) for thousands, or (\S+) "
     r"for a decimal point",
     "在金额以 {0} 计的报表中，点号后跟三位数字可能是千位分隔符：若是千位，请写成 {1}；若是小数点，请写成 {2}"),
    (r"a comma before fewer than three digits is a decimal comma's fraction, which no count of impressions or clicks has",
     "逗号后不足三位数字是小数逗号后的小数部分，而展示数和点击数都不会有小数"),
    (r"in ([A-Z]{3}) a dot before three digits may separate thousands: write (\S+) for thousands, or (\S+) for a "
     r"decimal point",
     "以 {0} 计的金额中，点号后跟三位数字可能是千位分隔符：若是千位，请写成 {1}；若是小数点，请写成 {2}"),
    (r"a dot before three digits may separate thousands: write (\S+)$", "点号后跟三位数字可能是千位分隔符：请写成 {0}"),
    # reader/exports/comma_numbers.py: the option named as the command (--decimal-comma) or the call names it.
    (r"the export's header ('.*') is in a language that writes a decimal comma, where (\S+) is (\S+), not (\S+): read "
     r"it with (\S+)", "报表的表头 {0} 所用语言以逗号为小数点，{1} 即为 {2}，而非 {3}：请用 {4} 读取"),
    (r"a decimal comma: read the export with (\S+), or export it with a decimal point, or write (\S+)",
     "这是小数逗号：请用 {0} 读取报表，或以小数点格式重新导出，或写成 {1}"),
    (r"if the export writes decimal commas \(1\.234,56\), read it with (\S+)", "若报表以逗号为小数点（1.234,56），请用 {0} 读取"),
    (r"a dot after the comma, as a decimal point's number writes it, while (\S+) reads every export given with a decimal "
     r"comma: read this one without it, in a run of its own, or export it with a decimal comma",
     "逗号之后有点号，这是以小数点书写的数字；{0} 按小数逗号读取所给的每个报表：请不加该选项单独读取这个报表，或以小数逗号重新导出"),
    (r"a decimal point, as this export writes its numbers, while (\S+) reads every export given with a decimal comma: read "
     r"this one without it, in a run of its own, or export it with a decimal comma",
     "这是小数点，该报表的数字以小数点书写；{0} 按小数逗号读取所给的每个报表：请不加该选项单独读取这个报表，或以小数逗号重新导出"),
    (r"a dot, space or apostrophe groups a number's digits in threes before its decimal comma \(1\.234\.567,89\)",
     "点号、空格或撇号只用于在小数逗号之前把数字每三位分为一组（1.234.567,89）"),
    (r"unmerge the cells and fill in every row", "请取消合并，并在每一行填入值"),
    (r"hide the sheets not to read, or save each report as its own file", "请隐藏不需读取的工作表，或把每个报表另存为单独的文件"),
    (r"unhide the sheet to read: hidden sheets are not read", "请取消隐藏要读取的工作表：隐藏的工作表不会被读取"),
    (r"retype it, or export the report again", "请重新输入该字符，或重新导出报表"),
    # reader/exports/broken_names.py: a line break in a campaign's name or id cell.
    (r"no platform writes a line break in a campaign's (name|id) \(Excel's Alt\+Enter puts one in a cell\): delete it "
     r"from the cell",
     lambda m: f"投放平台的计划{'名称' if m[1] == 'name' else ' ID '}不含换行（Excel 中按 Alt+Enter 会在单元格里插入换行）："
               "请从单元格中删除它"),
    (r"a spreadsheet keeps (\d+) digits of a number, so a longer id stored as one has lost its last: keep the id "
     r"column as text \(import it into Excel as Text\)",
     "电子表格只保留数字的 {0} 位，存成数字的更长 ID 已丢失末尾几位：请把 ID 列保持为文本（导入 Excel 时设为“文本”）"),
    (r"a spreadsheet wrote the id as a number in scientific notation, rounded to its first digits: keep the id "
     r"column as text \(import it into Excel as Text\)",
     "电子表格把 ID 当作数字以科学计数法写出，只留下了前几位：请把 ID 列保持为文本（导入 Excel 时设为“文本”）"),
    (r"the row ends before its (date|spend|campaign name or id) column",
     lambda m: f"该行在{_NEEDED_ZH[m[1]]}列之前就结束了"),
    (r"a time with minutes is no hourly report's \(a half-hour's, an event's\): export the report by hour",
     "带分钟的时间不是按小时报表的（而是半小时或某个事件的时间）：请按小时导出报表"),
    (r"a span of other than an hour is no hourly report's: export the report by hour",
     "长度不是一小时的时段不是按小时报表的：请按小时导出报表"),
    (r"open and save the workbook in Excel so it keeps the result", "请在 Excel 中打开并保存工作簿，以保存公式的结果"),
    (r"a quote left open takes the lines below it into its cell", "未闭合的引号会把下面的行都并入它的单元格"),
    (r"save the file as UTF-8", "请把文件另存为 UTF-8"),
    # reader/legacy_code_pages.py: the code page a scenario that is no UTF-8 looks saved in (or several, with "or").
    (r"the file looks saved as (.*): save it as UTF-8 \(Notepad: Save as, Encoding UTF-8\), or convert it: "
     r"iconv -f (\S+) -t UTF-8((?: \(or -f \S+\))*)",
     lambda m: f"文件看来是以 {_code_pages_zh(m[1])}保存的：请另存为 UTF-8（记事本：“另存为”，编码选 UTF-8），"
               f"或用 iconv -f {m[2]} -t UTF-8 转换" + re.sub(r" \(or -f (\S+)\)", r"（或 -f \1）", m[3])),
    (r"read it with (\S+) if its numbers write a decimal comma, or save the export as comma-separated CSV, or as "
     r"Unicode Text \(UTF-16, tab-separated\)",
     "若其数字以逗号为小数点，请用 {0} 读取；否则请把报表另存为逗号分隔的 CSV，或另存为 Unicode 文本（UTF-16，制表符分隔）"),
    (r"the file is not UTF-8, and read as GBK this is no Chinese text: save the export as CSV UTF-8",
     "文件不是 UTF-8，按 GBK 读取，这里读出的不是中文：请把报表另存为 CSV UTF-8"),
    (r"this clone is shallow: fetch the history \(actions/checkout fetch-depth: 0\)",
     "这是浅克隆：请获取完整历史（actions/checkout 的 fetch-depth: 0）"),
    (r"did you mean ('.*' or '.*')\?", lambda match: "是否想写 " + match[1].replace("' or '", "' 或 '") + "？"),
    (r"did you mean '(.*)'\?", "是否想写 '{0}'？"),
    (r"did you mean (--[\w-]+(?:, --[\w-]+)*)\?", _lists("是否想写 {0}？", 0)),
    (r"did you mean (.+%)\?", "是否想写 {0}？（比例要带 %，或写成 0 到 1 的小数）"),
    (r"write (\d+) for (.*)", "{1} 请写成 {0}"),
    # reader/written_times.py: a count of months written with its unit; reader/day_keys.py: a day as a month's age.
    (r"(.*) is (\d+) months: write (\d+)", "{0} 即 {1} 个月：请写 {2}"),
    (r"(.*) is (\d+) months", "{0} 即 {1} 个月"),
    (r"write (\d+)", "请写 {0}"),
    (r"(.*) is day (\d+), not an age in months: day-level retention is written as days: such as (\{.*\}), with at "
     r"least (\d+) days", "{0} 是第 {1} 天，不是月龄：日留存写在 days: 下，如 {2}，至少 {3} 天"),
    (r"(.*) is day (\d+), not an age in months: day-level retention is written as days: (\{.*\})",
     "{0} 是第 {1} 天，不是月龄：日留存写在 days: 下：{2}"),
    (r"D0 is 100% by definition \(the day of joining\): leave it out", "D0 按定义为 100%（加入当天）：请删去这一项"),
    (r"write (.*) without '(.*)' if its dot separates thousands, or (.*) if it is a decimal point: amounts are in the "
     r"scenario's currency", "点号若是千位分隔符请写 {0}，若是小数点请写 {2}，并去掉 '{1}'：金额的币种由方案的 currency 决定"),
    (r"write (.*) without '(.*)' if its comma separates thousands, or (.*) if it is a decimal comma: amounts are in the "
     r"scenario's currency", "逗号若是千位分隔符请写 {0}，若是小数逗号请写 {2}，并去掉 '{1}'：金额的币种由方案的 currency 决定"),
    (r"write (.*) without '(.*)': amounts are in the scenario's currency", "请写 {0}，去掉 '{1}'：金额的币种由方案的 currency 决定"),
    (r"'(w|百万|千万|百|千)' is not a suffix: write (.*)", "'{0}' 不是数字后缀：请写 {1}"),
    (r"budgets and costs are per month: (.*) is (.*) a month \((.*) x (.*) days\), so write (.*)",
     "预算和费用均按月填写：{0} 折合每月 {1}（{2} × {3} 天）；请写 {4}"),
    (r"amounts are per month already: write (.*)", "金额本来就是按月计：请写 {0}"),
    (r"a range is written low\.\.high, and (.*) is no range of this field: its median (\S+) is (over|under|not over|not under) (.*)",
     lambda m: f"区间写作 low..high，但 {m[1]} 不是本字段可取的区间：其中位数 {m[2]} {_BOUND_ZH[m[3]]} {m[4]}"),
    (r"a range is written low\.\.high: (.*)", "区间写作 low..high：{0}"),
    (r"a suffix scales only the number it is written on: write (.*)", "后缀只作用于紧挨它的数字：请写 {0}"),
    # reader/kinds.py: a range of an amount run high to low by its % (bid: 2..5%), told the range without it.
    (r"a % on (an amount|a count) divides it by 100: write (.*)",
     lambda m: f"在{_UNIT_ZH[m[1]]}上写 % 会把它除以 100：请写 {m[2]}"),
    (r"Chinese numerals are not read: write (.*)", "不读取中文数字：请写 {0}"),
    (r"Chinese numerals are not read, and a range is written low\.\.high: write (.*)",
     "不读取中文数字，区间写作 low..high：请写 {0}"),
    (r"for (.*) write dist: (\w+)", _lists("写 {0} 时还需写 dist: {1}", 0)),
    (r"a span of months is written first-last: (.*)", "月份区间写作 起-止：{0}"),
    # A date past the field's last month is told so (reader/dated_months.py).
    (r"months are counted from start \((\S+) is month 1\): (\S+) is month (\d+), " + _LIES,
     lambda m: f"月份从 start 起算（{m[1]} 为第 1 月）：{m[2]} 是第 {m[3]} 月，{_lies_zh(m[4])}"),
    (r"months are counted from start \((\S+) is month 1\): (\S+) to (\S+) are months (\d+)-(\d+), " + _LIES,
     lambda m: f"月份从 start 起算（{m[1]} 为第 1 月）：{m[2]} 至 {m[3]} 是第 {m[4]}-{m[5]} 月，{_lies_zh(m[6])}"),
    (r"months are counted from start \((\S+) is month 1\): (\S+) is month (\d+)", "月份从 start 起算（{0} 为第 1 月）：{1} 是第 {2} 月"),
    (r"months are counted from start \((\S+) is month 1\): (\S+) is before it", "月份从 start 起算（{0} 为第 1 月）：{1} 在它之前"),
    (r"months are counted from start \((\S+) is month 1\): (\S+) to (\S+) are months (\d+)-(\d+)",
     "月份从 start 起算（{0} 为第 1 月）：{1} 至 {2} 是第 {3}-{4} 月"),
    (r"a month of the plan is a number, 1 for its first, not a date", "方案的月份写作数字（第一个月为 1），不是日期"),
    (r"a month of the plan is its number alone: write (\d+)", "方案的月份只写数字：请写 {0}"),
    (r"a month of the plan is its number alone: write (\d+) if it means the plan's month \d+, or (\d+) if it means "
     r"calendar month (\d+) \(start (\S+) is month 1\)",
     "方案的月份只写数字：若指方案的第 {0} 个月，请写 {0}；若指日历上的 {2} 月，请写 {1}（start {3} 为第 1 月）"),
    (r"months of the plan are their numbers alone: write (\S+) if it means the plan's months (\d+) to (\d+), or (\S+) "
     r"if it means calendar months (\d+) to (\d+) \(start (\S+) is month 1\)",
     "方案的月份只写数字：若指方案的第 {1}-{2} 个月，请写 {0}；若指日历上的 {4} 月至 {5} 月，请写 {3}（start {6} 为第 1 月）"),
    (r"months of the plan are their numbers alone: write (\S+) if it means calendar months (\d+) to (\d+) "
     r"\(start (\S+) is month 1\)", "方案的月份只写数字：若指日历上的 {1} 月至 {2} 月，请写 {0}（start {3} 为第 1 月）"),
    (r"months of the plan are their numbers alone: write (\[[\d, ]+\]) if it means the plan's months ((?:\d+, )*\d+ and "
     r"\d+), or (\[[\d, ]+\]) if it means calendar months ((?:\d+, )*\d+ and \d+) \(start (\S+) is month 1\)",
     lambda m: f"方案的月份只写数字：若指方案的第 {_enumerated(m[2])} 个月，请写 {m[1]}；若指日历上的 {_enumerated(m[4])} 月，"
               f"请写 {m[3]}（start {m[5]} 为第 1 月）"),
    (r"months of the plan are their numbers alone: write (\d+-\d+|\[[\d, ]+\])", "方案的月份只写数字：请写 {0}"),
    (r"months of the plan are their numbers alone: a list of months or one span first-last, not spans in a list",
     "方案的月份只写数字：写一个月份列表或一个 起-止 区间，不能在列表里写区间"),
    # A reading of a worded month outside the field's range is told where it lies, not written (worded_months.py).
    (r"a month of the plan is its number alone: write (\d+) if it means the plan's month \d+",
     "方案的月份只写数字：若指方案的第 {0} 个月，请写 {0}"),
    (r"a month of the plan is its number alone: write (\d+) if it means calendar month (\d+) \(start (\S+) is month 1\)",
     "方案的月份只写数字：若指日历上的 {1} 月，请写 {0}（start {2} 为第 1 月）"),
    (r"months of the plan are their numbers alone: write (\d+-\d+) if it means the plan's months (\d+) to (\d+)",
     "方案的月份只写数字：若指方案的第 {1}-{2} 个月，请写 {0}"),
    (r"months of the plan are their numbers alone: write (\[[\d, ]+\]) if it means the plan's months "
     r"((?:\d+, )*\d+ and \d+)", lambda m: f"方案的月份只写数字：若指方案的第 {_enumerated(m[2])} 个月，请写 {m[1]}"),
    (r"months of the plan are their numbers alone: write (\[[\d, ]+\]) if it means calendar months "
     r"((?:\d+, )*\d+ and \d+) \(start (\S+) is month 1\)",
     lambda m: f"方案的月份只写数字：若指日历上的 {_enumerated(m[2])} 月，请写 {m[1]}（start {m[3]} 为第 1 月）"),
    # A span where one month is written, a span to the plan's end (3月起, 后6个月): worded_months.py _span_hint.
    ("(" + "|".join(re.escape(head) for head in _SPAN_HEADS) + r"): write (.*)", _span_hint_zh),
    (r"a by_month key is one month, not a span", "by_month 的键是一个月，不是区间"),
    (r"this is one month, not a span", "此处只写一个月，不是区间"),
    (r"a list holds single months, not a span", "列表里逐个写月份，不写区间"),
    # What by_month makes of a span's two ends as keys and of the months around them (reader/key_holds.py).
    (r"the same value at both holds between them", "两个键取同一个值，其间各月即为该值"),
    (rf"by_month ({_READ}(?: and {_READ})*)(?:, so write (?:the value before at key (\d+))?(?: and the one after at key "
     r"(\d+)|the value after at key (\d+))?)?", lambda m: _around_zh(m[1], m[2], m[3] or m[4])),
    # The schedule's other keys a span's keys fall on (reader/key_holds.py ``clashes``).
    # Of one of two readings (key_holds.py ``clashes`` named): the months of the reading each note is of.
    (r"key (\d+), an end of months (\d+) to (\d+), is written already: write one value there",
     "键 {0} 是第 {1}-{2} 个月的一端，已写过：此处只写一个值"),
    (r"keys (\d+) and (\d+), the ends of months (\d+) to (\d+), are written already: write one value at each",
     "键 {0} 和 {1} 是第 {2}-{3} 个月的两端，已写过：每个键只写一个值"),
    (r"key (\d+) lies within months (\d+) to (\d+): drop it for the value to hold",
     "键 {0} 落在第 {1}-{2} 个月之内：删去它，该值才能在区间内保持"),
    (r"keys (.*) lie within months (\d+) to (\d+): drop them for the value to hold",
     lambda m: f"键 {_enumerated(m[1])} 落在第 {m[2]}-{m[3]} 个月之内：删去它们，该值才能在区间内保持"),
    (r"key (\d+) is written already: write one value there", "键 {0} 已写过：此处只写一个值"),
    (r"keys (\d+) and (\d+) are written already: write one value at each", "键 {0} 和 {1} 已写过：每个键只写一个值"),
    (r"key (\d+) lies within the span: drop it for the value to hold", "键 {0} 落在区间之内：删去它，该值才能在区间内保持"),
    (r"keys (.*) lie within the span: drop them for the value to hold",
     lambda m: f"键 {_enumerated(m[1])} 落在区间之内：删去它们，该值才能在区间内保持"),
    # A span of lengths as a by_month key (reader/month_lengths.py ``_lengths_hint``): both readings as keys.
    (r"(\S+) is months (\d+) to (\d+) or a length of \d+ to \d+ months: write keys (\d+) and (\d+) if it means the plan's "
     r"months \d+ to \d+, or (keys 1 and .*) if it means the plan's first (\d+(?: to \d+)?) months",
     lambda m: f"{m[1]} 可能是第 {m[2]}-{m[3]} 个月，也可能是 {m[2]} 到 {m[3]} 个月的时长：若指方案的第 {m[2]}-{m[3]} 个月，"
               f"请写键 {m[4]} 和 {m[5]}；若指方案的前 {m[7].replace(' to ', ' 到 ')} 个月，请写{_first_keys_zh(m[6])}"),
    (r"(\S+) is months (\d+) to (\d+) or a length of \d+ to \d+ months: write (keys 1 and .*) if it means the plan's "
     r"first (\d+(?: to \d+)?) months",
     lambda m: f"{m[1]} 可能是第 {m[2]}-{m[3]} 个月，也可能是 {m[2]} 到 {m[3]} 个月的时长：若指方案的前 "
               f"{m[5].replace(' to ', ' 到 ')} 个月，请写{_first_keys_zh(m[4])}"),
    (r"the plan has (\d+) months, not (\d+)", "方案只有 {0} 个月，不足 {1} 个月"),
    # A length of months where a month is asked (reader/month_lengths.py): 6个月 is six months long, not month 6.
    (r"(\S+) is a length of (\d+) months, not a month: write (\S+) or all if it means the plan's first (\d+) months",
     "{0} 是 {1} 个月的时长，不是某一个月：若指方案的前 {3} 个月，请写 {2} 或 all"),
    (r"(\S+) is a length of (\d+) months?, not a month: write (\S+) if it means the plan's first \d+ months?",
     "{0} 是 {1} 个月的时长，不是某一个月：若指方案的前 {1} 个月，请写 {2}"),
    (r"(\S+) is a length of (\d+) months?, not a month: write (\d+), the month it ends on",
     "{0} 是 {1} 个月的时长，不是某一个月：请写它结束的那个月 {2}"),
    (r"(\S+) is the first (\d+) months?, not a month: write (\d+), the month it ends on",
     "{0} 是前 {1} 个月，不是某一个月：请写它结束的那个月 {2}"),
    # A list of lengths where months are asked (3个月、6个月): worded_months.py, beside the months they may be.
    (r"(\S+) is a length of months, not a month", "{0} 是时长，不是某一个月"),
    (r"((?:\S+, )*\S+) and (\S+) are lengths of months, not months",
     lambda m: f"{m[1].replace(', ', '、')}、{m[2]} 是时长，不是月份"),
    (r"(\S+) is months (\d+) to (\d+) or a length of \d+ to \d+ months: write (\S+) if it means the plan's months "
     r"\d+ to \d+, or (.*) if it means the plan's first (\d+(?: to \d+)?) months",
     lambda m: f"{m[1]} 可能是第 {m[2]}-{m[3]} 个月，也可能是 {m[2]} 到 {m[3]} 个月的时长：若指方案的第 {m[2]}-{m[3]} 个月，"
               f"请写 {m[4]}；若指方案的前 {m[6].replace(' to ', ' 到 ')} 个月，请写 {_firsts_zh(m[5])}"),
    # Past the horizon, the lengths within it alone (3-30个月 of 24: 1-3 to 1-24), the months told where they lie after.
    (r"(\S+) is months (\d+) to (\d+) or a length of \d+ to \d+ months: write (.*) if it means the plan's first "
     r"(\d+(?: to \d+)?) months",
     lambda m: f"{m[1]} 可能是第 {m[2]}-{m[3]} 个月，也可能是 {m[2]} 到 {m[3]} 个月的时长：若指方案的前 "
               f"{m[5].replace(' to ', ' 到 ')} 个月，请写 {_firsts_zh(m[4])}"),
    # 0个月后 (reader/month_lengths.py _after_none): a plan has no month 0.
    (r"(\S+) is the time after no month: a plan has no month 0", "{0} 指第 0 个月之后，而方案没有第 0 个月"),
    (r"write key 1 if it means from month 1", "若指从第 1 个月起，请写键 1"),
    (r"write all if it means from month 1", "若指从第 1 个月起，请写 all"),
    (r"(\S+) is months (\d+) to (\d+) or a length of \d+ to \d+ months",
     "{0} 可能是第 {1}-{2} 个月，也可能是 {1} 到 {2} 个月的时长"),
    (r"(\S+) is the time after the first (?:month|(\d+) months), not a month: write (\S+) if it means the plan's months "
     r"after the first \d+", lambda m: f"{m[1]} 指前 {m[2] or 1} 个月之后，不是某一个月：若指方案在这之后的各月，请写 {m[3]}"),
    (r"(\S+) is the time after the first (?:month|(\d+) months), not a month: write key (\d+), its first month",
     lambda m: f"{m[1]} 指前 {m[2] or 1} 个月之后，不是某一个月：请写键 {m[3]}，即其后的第一个月"),
    (r"(\S+) is the time after the first (?:month|(\d+) months), not a month: write (\S+)",
     lambda m: f"{m[1]} 指前 {m[2] or 1} 个月之后，不是某一个月：请写 {m[3]}"),
    (r"(\S+) is a length of (\d+) months?, not a month", "{0} 是 {1} 个月的时长，不是某一个月"),
    (r"(\S+) is the time after the first (?:month|(\d+) months), not a month",
     lambda m: f"{m[1]} 指前 {m[2] or 1} 个月之后，不是某一个月"),
    (r"a by_month key is one month, its number alone", "by_month 的键是一个月，只写数字"),
    (r"a list holds single months, their numbers alone", "列表里逐个写月份，只写数字"),
    (r"calendar month (\d+) on \(start (\S+) is month 1\) begins at month (\d+), " + _LIES,
     lambda m: f"日历上的 {m[1]} 月起始于第 {m[3]} 个月（start {m[2]} 为第 1 月），{_lies_zh(m[4])}"),
    (r"a month of the plan is its number alone", "方案的月份只写数字"),
    (r"months of the plan are their numbers alone", "方案的月份只写数字"),
    (r"month (-?\d+) is " + _LIES, lambda m: f"第 {m[1]} 个月{_lies_zh(m[2])}"),
    (r"months (\d+) to (\d+) are " + _LIES, lambda m: f"第 {m[1]}-{m[2]} 个月{_lies_zh(m[3])}"),
    (r"months (\[[\d, ]+\]) are " + _LIES, lambda m: f"月份 {m[1]} {_lies_zh(m[2])}"),
    (r"calendar month (\d+) \(start (\S+) is month 1\) is month (\d+), " + _LIES,
     lambda m: f"日历上的 {m[1]} 月是第 {m[3]} 个月（start {m[2]} 为第 1 月），{_lies_zh(m[4])}"),
    (r"calendar months (\d+) to (\d+) \(start (\S+) is month 1\) are months (\d+) to (\d+), " + _LIES,
     lambda m: f"日历上的 {m[1]} 月至 {m[2]} 月是第 {m[4]}-{m[5]} 个月（start {m[3]} 为第 1 月），{_lies_zh(m[6])}"),
    (r"calendar months ((?:\d+, )*\d+ and \d+) \(start (\S+) is month 1\) are (\[[\d, ]+\]), " + _LIES,
     lambda m: f"日历上的 {_enumerated(m[1])} 月即 {m[3]}（start {m[2]} 为第 1 月），{_lies_zh(m[4])}"),
    (r"a span runs low to high, not (\d+-\d+)", "区间从小到大写，不写 {0}"),
    (r"every month is written all: write all", "所有月份写作 all：请写 all"),
    (r"a month of the plan is its number alone, and this is one month, not a span", "方案的月份只写数字，且此处只写一个月，不是区间"),
    (r"a month of the plan is its number alone, and this is one month, not a list", "方案的月份只写数字，且此处只写一个月，不是列表"),
    (r"a target is one number, not a range", "目标是一个数，不是区间"),
    (r"a list is written in brackets: (.*)", "列表要写在方括号里：{0}"),
    (r"it belongs (.*)", lambda m: _places_zh(m[1])),
    (r"this field is one number, not a range", "此字段是一个数，不是区间"),
    (r"this option is one number, not a range", "此选项是一个数，不是区间"),
    (r"no thousands commas: write (.*)", "不要用千位逗号：请写 {0}"),
    (r"dots separating thousands are not read: write (.*)", "不读取用点号分隔的千位：请写 {0}"),
    (r"a decimal comma is not read: write (.*)", "不读取小数逗号：请写 {0}"),
    (r"commas grouping digits by four \(万\) are not read: write (.*)", "不读取按四位（万）分组的逗号：请写 {0}"),
    (r"in ([A-Z]{3}) a comma before four digits may be a decimal comma: write (\S+) if it groups digits by four "
     r"\(万\), or (\S+) if it is a decimal comma",
     "以 {0} 计时，逗号后跟四位数字也可能是小数逗号：若按四位（万）分组，请写 {1}；若是小数逗号，请写 {2}"),
    # reader/comma_split.py: a number a flow mapping's commas split, read back whole.
    # reader/list_commas.py: a list item refused that, with the item before it, may be a number with a decimal comma.
    # Its number holds the comma: a range's "if 3万 was meant, write 3万..6万" is the whole message's (reader/range_unit_warning.py).
    (r"if (\S+,\S+) was meant, write (\S+)", "若本意是 {0}，请写 {1}"),
    (r"YAML split (\S+(?: \S+)*) at its comma, which separates the items of a flow mapping",
     "YAML 在 {0} 的逗号处把它拆开了：流式映射（{{ }}）中逗号分隔各项"),
    # reader/kinds.py Text: such a number read back where a text is written.
    (r'to keep its commas in a text, quote it: write (".*")', "要在文本中保留逗号，请加引号：写 {0}"),
    (r"(spaces|apostrophes) separating thousands are not read, and (?:in ([A-Z]{3}) )?a (comma|dot) before three digits "
     r"may separate them too: write (\S+) if it does, or (\S+) if it is a decimal (?:comma|point)",
     lambda m: (f"不读取用{'空格' if m[1] == 'spaces' else '撇号'}分隔的千位，且{f'以 {m[2]} 计时，' if m[2] else ''}"
                f"{'逗号' if m[3] == 'comma' else '点号'}后跟三位数字也可能是千位分隔符：若是千位分隔符，请写 {m[4]}；"
                f"若是{'小数逗号' if m[3] == 'comma' else '小数点'}，请写 {m[5]}")),
    (r"(spaces|apostrophes) separating thousands( and a decimal comma)? are not read: write (.*)",
     lambda m: f"不读取用{'空格' if m[1] == 'spaces' else '撇号'}分隔的千位{'和小数逗号' if m[2] else ''}：请写 {m[3]}"),
    (r"in ([A-Z]{3}) a comma before three digits may be a decimal comma: write (\S+) if it separates thousands, or "
     r"(\S+) if it is a decimal comma", "以 {0} 计时，逗号后跟三位数字可能是小数逗号：若是千位分隔符，请写 {1}；若是小数逗号，请写 {2}"),
    # One character or several (model/ime_marks.py: '：', '，'), listed as Chinese lists are.
    (r"full-width ('.'(?:, '.')*) \(IME input\): write (.*)", _lists("全角字符 {0}（输入法输入）：请写 {1}", 0)),
    (r"full-width '(.)' \(IME input\), and (.*) is (over|under|not over|not under) (\S+)",
     lambda m: f"全角字符 '{m[1]}'（输入法输入），且 {m[2]} {_BOUND_ZH[m[3]]} {m[4]}"),
    (r"full-width '(.)' \(IME input\), and (.*) is a percentage, not a (count of months|month|format version)",
     lambda m: f"全角字符 '{m[1]}'（输入法输入），且 {m[2]} 是百分比，不是{_COUNTED_ZH[m[3]]}"),
    (r"full-width '(.)' \(IME input\), and (.*) is not a (whole )?number",
     lambda m: f"全角字符 '{m[1]}'（输入法输入），且 {m[2]} 不是{'整数' if m[3] else '数字'}"),
    (r"full-width '＃' \(IME input\) starts no comment: write (.*)", "全角字符 '＃'（输入法输入）不能开始注释：请写 {0}"),
    (r"full-width '＃' \(IME input\) starts no comment: the text reads (.*); write (.*) # \.\.\. for a comment",
     "全角字符 '＃'（输入法输入）不能开始注释：该文本读作 {0}；若要写注释，请写 {1} # ..."),
    (r"full-width quote '(.)' \(IME input\) does not quote in YAML: write (.*) or use ASCII quotes",
     "全角引号 '{0}'（输入法输入）在 YAML 中不起引号作用：请写 {1}，或用英文引号"),
    (r"KOC \(素人\) posts are type: kol, priced per post", "KOC（素人）投放请写 type: kol，按条计费"),
    # reader/type_words.py: the organic row's word written as a channel's type.
    (r"organic users are no channel: write them at the top level, organic_users: \(new users a month\)",
     "自然流量不是渠道：请在文件顶层写 organic_users:（每月新增用户数）"),
    # reader/price_words.py: an ad platform's word for a price, as a channel's type or key.
    (r"a cost per click is no channel type or field: a cpm channel's cpm is cpc x ctr x 1000, a cpa channel's bid is "
     r"cpc / cvr", "按点击计费（CPC）既不是渠道类型也不是字段：cpm 渠道的 cpm = cpc × ctr × 1000，cpa 渠道的 bid = cpc / cvr"),
    (r"a cost per install is a cost per user: a cpa channel's bid", "按安装计费（CPI）即每个用户的成本：写作 cpa 渠道的 bid"),
    (r"a cost per user is a cpa channel's bid", "每个用户的成本（CPA、CAC）写作 cpa 渠道的 bid"),
    (r"write a field path such as (.*)", "请写字段路径，如 {0}"),
])

def expected_phrase(text: str) -> str:
    """What was expected, in Chinese; unknown phrases stay as written."""
    return _apply(_EXPECTED, text) or text


_DISCOUNT_MEANT = re.compile(r"(.*) is ([\d,.]+%(?:\.\.[\d,.]+%)?) a year; did you mean (.+%)\?", re.DOTALL)
"""reader/discount_warning.py's warning with the percentage meant."""
_TARGET_MEANT = re.compile(r"(\S+) is ([\d,]+%); did you mean (\S+%)\?", re.DOTALL)
"""reader/target_warning.py's warning with the percentage meant."""
_COLUMN = re.compile(r"(.*) \(in (?:--variant ('.*'|\".*\") of )?(.+)\)", re.DOTALL)
"""A --set's error in compare, the column it broke after it (cli/whatif.py): ``(in --variant 'cheap' of a.yaml)``."""
_WITH_FILE = re.compile(r"(.+) \(with the file at (.+:\d+:\d+)\)")
"""A rule over a --set's value and the file's, the file's place after it (reader/kinds.py Context.error)."""


def _hinted(message: str) -> str | None:
    """A message ending in one or more hints, each after "; ", in Chinese (a cell's hint, then reader/exports/
    code_pages.py's on the file's encoding); None for one whose last part is no hint."""
    head, separator, tail = message.rpartition("; ")
    hint = _apply(_HINTS, tail) if separator else None
    if hint is None:
        return None
    return f"{_hinted(head) or _apply(_MESSAGES, head) or head}；{hint}"


def translate(message: str) -> str:
    """A whole message in Chinese; a message the table does not know stays English.
    Each hint after a "; " at its end (reader/numbers.py slip_hint, reader/kinds.py) is translated on its own,
    and the column a compare's --set broke, after the message, too."""
    column = _COLUMN.fullmatch(message)
    if column:
        where = f"{column[3]} 的 --variant {column[2]}" if column[2] else column[3]
        return f"{translate(column[1])}（位于 {where}）"
    with_file = _WITH_FILE.fullmatch(message)
    if with_file:
        return f"{translate(with_file[1])}（连同文件 {with_file[2]} 处）"
    # The discount warning's "did you mean 10%?" offers the rate meant: the parenthetical of a share's hint ("or a
    # decimal from 0 to 1") is none the English gives it.
    discount = _DISCOUNT_MEANT.fullmatch(message)
    if discount:
        return f"{discount[1]} 即每年 {discount[2]}；是否想写 {discount[3]}？"
    # Nor is it a return target's: a ratio such as min_roi: 2.0 (200%) is no decimal from 0 to 1.
    target = _TARGET_MEANT.fullmatch(message)
    if target:
        return f"{target[1]} 即 {target[2]}；是否想写 {target[3]}？"
    hinted = _hinted(message)
    if hinted is not None:
        return hinted
    # A hint alone is a label's field (cli/allocate.py, cli/simulate.py: an input method's mark, model/ime_marks.py).
    return _apply(_MESSAGES, message) or _apply(_HINTS, message) or message
