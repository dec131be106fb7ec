"""Chinese wording of error messages, applied when an error is shown.

English stays the canonical text of every error (tests, JSON, GitHub
annotations use it); for ``--lang zh`` the CLI passes each message through
``translate``. Messages are built from a few frames ("expected X, found Y",
"unknown key ...") around a closed set of phrases, so a table of patterns
covers them; ``tests/test_messages_zh.py`` runs the whole bad-input corpus
through it and fails on any English frame left untranslated. A phrase the
table does not know is shown in English rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]


def _filler(template: str) -> Callable[[re.Match[str]], str]:
    """A replacement that puts the pattern's groups into ``template`` ({0}, {1}, ...)."""

    def fill(match: re.Match[str]) -> str:
        return template.format(*match.groups())

    return fill


def _rules(table: list[tuple[str, str | Callable[[re.Match[str]], str]]]) -> list[Rule]:
    return [(re.compile(pattern + "$"), _filler(replacement) if isinstance(replacement, str) else replacement)
            for pattern, replacement in table]


def _apply(rules: list[Rule], text: str) -> str | None:
    for pattern, replace in rules:
        match = pattern.match(text)
        if match:
            return replace(match)
    return None


_EXPECTED = _rules([
    (r"a number >= (\S+) and < (\S+)", "≥ {0} 且 < {1} 的数字"),
    (r"a number >= (\S+)", "≥ {0} 的数字"),
    (r"a whole number >= (\S+)", "≥ {0} 的整数"),
    (r"a number from (\S+) to (\S+)", "{0} 到 {1} 之间的数字"),
    (r"a whole number from (\S+) to (\S+)", "{0} 到 {1} 之间的整数"),
    (r"a (?:whole )?number", "数字"),
    (r"a number no larger than (.+) \(1e15\)", "绝对值不超过 {0} (1e15) 的数字"),
    (r"0 or a number of at least (\S+) in size", "0 或绝对值不小于 {0} 的数字"),
    (r"1 \(the only format version\)", "1（唯一的格式版本）"),
    (r"one of (.+)", "以下之一：{0}"),
    (r"a mapping", "映射（键: 值）"),
    (r"a list", "列表"),
    (r"a non-empty text", "非空文本"),
    (r"a plain key", "普通键"),
    (r"a 3-letter ISO currency code such as CNY", "三个字母的 ISO 货币代码，如 CNY"),
    (r"a month YYYY-MM", "YYYY-MM 格式的月份"),
    (r"a month within 1\.\.(\d+)", "1..{0} 之内的月份"),
    (r"a span 'a-b' with 1 <= a <= b <= (\d+)", "满足 1 <= a <= b <= {0} 的区间 'a-b'"),
    (r"all, a month, a span 'a-b' or a list of months within 1\.\.(\d+)",
     "all、单个月份、区间 'a-b' 或 1..{0} 之内的月份列表"),
    (r"month, quarter, year or a whole number of months from 1 to (\d+)",
     "month、quarter、year 或 1 到 {0} 的整月数"),
    (r"low <= high", "low <= high"),
    (r"low > 0 for a lognormal range", "对数正态区间的 low > 0"),
    (r"low <= mode <= high with low < high", "low <= mode <= high 且 low < high"),
    (r"either (\w+) or (\w+)", "{0} 与 {1} 二选一"),
    (r"(\w+) >= (\S+) when a budget is given \(users = budget / \w+\)",
     "给定 budget 时 {0} >= {1}（用户数 = budget / {0}）"),
    (r"a share <= (\S+) \(retention cannot rise with age\)", "≤ {0} 的留存比例（留存不能随月龄上升）"),
    (r"an age in months within (\d+)\.\.(\d+)", "{0}..{1} 之内的月龄"),
    (r"a day within (\d+)\.\.(\d+)", "{0}..{1} 之内的天数"),
    (r"a mapping such as (.+)", "映射，例如 {0}"),
    (r"at least two days to fit a curve, e\.g\. (.+)", "至少两个日留存点才能拟合曲线，例如 {0}"),
    (r"a share above 0 \(a power law never reaches 0: give the smallest share your analytics show\)",
     "大于 0 的留存比例（幂律曲线不会降到 0：请填写数据中最小的比例）"),
    (r"exactly one of '(\w+)', '(\w+)' or '(\w+)'", "'{0}'、'{1}'、'{2}' 恰好其一"),
    (r"conversions by age summing to at most 1 \(each user subscribes once\)", "各月龄转化率之和不超过 1（每个用户只订阅一次）"),
    (r"a share <= (\S+) \(survival of the same first subscribers cannot rise\)",
     "≤ {0} 的比例（同一批首次订阅者的存留不能上升）"),
    (r"at least two shares \(after the 1st and 2nd renewal\) to fit a survival curve",
     "至少两个比例（第 1、2 次续费后）才能拟合存留曲线"),
    (r"some churn to fit \(write renewal: 1 instead\)", "有流失的数据才能拟合（否则请写 renewal: 1）"),
    (r"a list of shares still subscribed after each renewal, e\.g\. (.+)", "每次续费后仍在订阅的比例列表，例如 {0}"),
    (r"a list of at least one renewal rate, e\.g\. (.+)", "至少含一个续费率的列表，例如 {0}"),
    (r"a mapping of age in months to share active, e\.g\. (.+)", "月龄到留存比例的映射，例如 {0}"),
    (r"a range 'low\.\.high' of numbers", "数字区间 'low..high'"),
    (r"a range within (.+)", lambda m: f"范围在「{expected_phrase(m[1])}」之内的区间"),
    (r"at most (\d+) items", "最多 {0} 项"),
    (r"a scenario mapping \(name:, retention:, \.\.\.\)", "场景映射（name:、retention: 等）"),
    (r"a scenario mapping", "场景映射"),
    (r"UTF-8 text", "UTF-8 文本"),
    (r"PATH=VALUE such as (.+)", "PATH=VALUE 形式，如 {0}"),
    (r"exactly one of '(\w+)' or '(\w+)'", "'{0}' 与 '{1}' 恰好其一"),
    (r"two driver paths separated by a comma", "逗号分隔的两个驱动因素路径"),
])

_FOUND = _rules([
    (r"a boolean \((.+)\)", "布尔值 ({0})"),
    (r"a mapping", "映射"),
    (r"a list", "列表"),
    (r"nothing", "空值"),
    (r"both", "两者都有"),
    (r"a sum of (.+)", "合计 {0}"),
    (r"((?:points|monthly_churn|days)(?: and (?:points|monthly_churn|days))+)", lambda m: m[1].replace(" and ", " 和 ")),
    (r"none", "都没有"),
    (r"every share at 100%", "所有比例均为 100%"),
    (r"an empty file", "空文件"),
    (r"byte (0x[0-9a-f]+)", "字节 {0}"),
])

_MESSAGES = _rules([
    (r"expected one YAML document, found a second", "应只有一个 YAML 文档，发现了第二个"),
    (r"expected (.+), found (.+)",
     lambda m: f"应为{expected_phrase(m[1])}，实际为 {_apply(_FOUND, m[2]) or m[2]}"),
    (r"expected (.+)", lambda m: f"应为{expected_phrase(m[1])}"),
    (r"unknown key '(.+)'; did you mean '(.+)'\?", "未知字段 '{0}'；是否想写 '{1}'？"),
    (r"unknown key '(.+)'; expected one of (.+)", "未知字段 '{0}'；可用字段：{1}"),
    (r"missing required key '(.+)'", "缺少必填字段 '{0}'"),
    (r"duplicate key '(.+)' \(first at line (\d+)\)", "重复字段 '{0}'（首次出现在第 {1} 行）"),
    (r"YAML tags are not allowed, found '(.+)'", "不允许使用 YAML 标签，发现 '{0}'"),
    (r"YAML anchors and aliases are not allowed, found '(.+)'", "不允许使用 YAML 锚点和别名，发现 '{0}'"),
    (r"invalid YAML: (.+)", "YAML 语法错误：{0}"),
    (r"nesting deeper than (\d+) levels", "嵌套超过 {0} 层"),
    (r"file is ([\d,]+) bytes; the limit is ([\d,]+) \(1 MiB\)", "文件有 {0} 字节，上限为 {1} (1 MiB)"),
    (r"cannot read file: (.+)", "无法读取文件：{0}"),
    (r"missing '(\w+)' or '(\w+)': one of them says how much is bought each month",
     "缺少 '{0}' 或 '{1}'：需用其一说明每月购买多少"),
    (r"saturation_budget needs budget, not (\w+)", "saturation_budget 需要与 budget 一起使用，而不是 {0}"),
    (r"no item (\d+): the list has (\d+) items", "没有第 {0} 项：列表只有 {1} 项"),
    (r"no item named '(.+)'", "没有名为 '{0}' 的项"),
    (r"no key '(.+)' here", "此处没有字段 '{0}'"),
    (r"cannot set '(.+)' inside a value that is not a mapping", "不能在非映射的值中设置 '{0}'"),
    (r"(.+): file exists; use --force to replace it", "{0}：文件已存在；用 --force 覆盖"),
    (r"(.+): folder (.+) does not exist", "{0}：文件夹 {1} 不存在"),
    (r"(.+): is a folder; expected a file name", "{0}：这是文件夹；应为文件名"),
])


def expected_phrase(text: str) -> str:
    """What was expected, in Chinese; unknown phrases stay as written."""
    return _apply(_EXPECTED, text) or text


def translate(message: str) -> str:
    """A whole message in Chinese; a message the table does not know stays English."""
    return _apply(_MESSAGES, message) or message
