"""The YAML parser's own wording in Chinese, with the likely cause reader/yaml_causes.py named.

A syntax error reads ``invalid YAML: PROBLEM (CONTEXT at line L, column C); CAUSE``:
PROBLEM and CONTEXT are PyYAML's words, which differ between its C loader
(libyaml, used when installed) and its pure-Python one, so both wordings are
here; CAUSE is this project's. ``tests/reader/test_yaml_zh.py`` extracts every
message from the installed PyYAML's scanner and parser and from libyaml's
runs, so an upgrade that adds a message fails until it has a line here.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]

_TOKENS = {
    "'<scalar>'": "文本", "'<block mapping start>'": "映射", "'<block sequence start>'": "列表",
    "'<block end>'": "缩进块结束", "'<document start>'": "文档开头 '---'", "'<document end>'": "文档结尾 '...'",
    "'<stream start>'": "文件开头", "'<stream end>'": "文件结尾", "'<directive>'": "指令 '%'",
    "'<alias>'": "别名 '*'", "'<anchor>'": "锚点 '&'", "'<tag>'": "标签 '!'",
    "'\\t'": "Tab", "'\\n'": "换行", "'\\r'": "换行", "' '": "空格", "'\\x00'": "文件结尾",
}
"""How pure-Python PyYAML's token names and character reprs read in Chinese; any other stays as written (a quoted character)."""


def _shown(text: str) -> str:
    return _TOKENS.get(text, text)


def _rule(pattern: str, template: str) -> Rule:
    """``template`` takes the groups ({0}, {1}, ...), each a token or character shown as _TOKENS says; a value's
    slot takes a line break or nothing, as messages_zh.py's do."""
    return re.compile(pattern, re.DOTALL), lambda match: template.format(*(_shown(group or "") for group in match.groups()))


_PROBLEMS = [_rule(pattern, template) for pattern, template in [
    # Indentation, keys and values: the slips people make first.
    (r"mapping values are not allowed (?:here|in this context)", "此处不能出现 '键: 值'"),
    (r"found character (\S+) that cannot start any token", "出现了不能作为值开头的字符 {0}"),
    (r"found character that cannot start any token", "出现了不能作为值开头的字符"),
    (r"found a tab character that violates indentation", "Tab 字符破坏了缩进"),
    (r"found a tab character where an indentation space is expected", "此处应为缩进用的空格，却是 Tab 字符"),
    (r"could not find expected ':'", "找不到应有的 ':'"),
    (r"did not find expected key", "找不到应有的键"),
    (r"expected <block end>, but found (.*)", "缩进块应在此结束，却出现了 {0}"),
    (r"did not find expected '-' indicator", "找不到应有的列表项标记 '-'"),
    (r"(?:block )?sequence entries are not allowed (?:here|in this context)", "此处不能出现列表项 '- '"),
    (r"mapping keys are not allowed (?:here|in this context)", "此处不能出现复杂键 '? '"),
    (r"did not find expected node content", "找不到应有的值"),
    (r"expected the node content, but found (.*)", "应为一个值，实际为 {0}"),
    # Brackets and documents.
    (r"did not find expected ',' or '\]'", "找不到应有的 ',' 或 ']'"),
    (r"expected ',' or '\]', but got (.*)", "应为 ',' 或 ']'，实际为 {0}"),
    (r"did not find expected ',' or '\}'", "找不到应有的 ',' 或 '}}'"),
    (r"expected ',' or '\}', but got (.*)", "应为 ',' 或 '}}'，实际为 {0}"),
    (r"found unexpected ':'", "出现了意外的 ':'"),
    (r"did not find expected <document start>", "找不到应有的文档开头 '---'"),
    (r"expected '<document start>', but found (.*)", "应为文档开头 '---'，实际为 {0}"),
    (r"did not find expected <stream-start>", "找不到应有的文件开头"),
    # Quoted and block scalars.
    (r"found unexpected end of stream", "文件意外结束"),
    (r"found unexpected document (?:indicator|separator)", "引号内出现了文档标记（'---' 或 '...'）"),
    (r"found unknown escape character (.*)", "未知的转义字符 {0}"),
    (r"found unknown escape character", "未知的转义字符"),
    (r"did not find expected hexdecimal number", "转义序列中应为十六进制数字"),
    (r"expected escape sequence of (\d+) hexadecimal numbers, but found (.*)", "转义序列应有 {0} 位十六进制数字，实际为 {1}"),
    (r"found invalid Unicode character escape code", "无效的 Unicode 字符转义码"),
    (r"found an indentation indicator equal to 0", "缩进指示数字应为 1-9，实际为 0"),
    (r"expected indentation indicator in the range 1-9, but found 0", "缩进指示数字应为 1-9，实际为 0"),
    (r"expected chomping or indentation indicators, but found (.*)", "'|' 或 '>' 之后应为 '+'、'-' 或 1-9，实际为 {0}"),
    (r"did not find expected comment or line break", "找不到应有的注释或换行"),
    (r"expected a comment or a line break, but found (.*)", "应为注释或换行，实际为 {0}"),
    # Anchors, aliases, tags and directives, which a scenario file does not use.
    (r"did not find expected alphabetic or numeric character", "找不到应有的字母或数字"),
    (r"expected alphabetic or numeric character, but found (.*)", "应为字母或数字，实际为 {0}"),
    (r"found undefined tag handle (.*)", "未定义的标签前缀 {0}"),
    (r"found undefined tag handle", "未定义的标签前缀"),
    (r"duplicate tag handle (.*)", "重复的标签前缀 {0}"),
    (r"did not find the expected '>'", "找不到应有的 '>'"),
    (r"expected '>', but found (.*)", "应为 '>'，实际为 {0}"),
    (r"did not find expected '!'", "找不到应有的 '!'"),
    (r"expected '!', but found (.*)", "应为 '!'，实际为 {0}"),
    (r"did not find expected tag URI", "找不到应有的标签 URI"),
    (r"expected URI, but found (.*)", "应为标签 URI，实际为 {0}"),
    (r"did not find URI escaped octet", "URI 中的 '%' 转义应有 2 位十六进制数字"),
    (r"expected URI escape sequence of 2 hexadecimal numbers, but found (.*)", "URI 中的 '%' 转义应有 2 位十六进制数字，实际为 {0}"),
    (r"found an incorrect (?:leading|trailing) UTF-8 octet", "URI 中的 '%' 转义不是有效的 UTF-8"),
    (r"'[\w-]+' codec can't decode .+", "URI 中的 '%' 转义不是有效的 UTF-8"),
    (r"found incompatible YAML document(?: \(version 1\.\* is required\))?", "不兼容的 YAML 版本（需要 1.x）"),
    (r"found duplicate %?YAML directive", "重复的 %YAML 指令"),
    (r"found duplicate %TAG directive", "重复的 %TAG 指令"),
    (r"found unknown directive name", "未知的指令名"),
    (r"could not find expected directive name", "找不到应有的指令名"),
    (r"found unexpected non-alphabetical character", "出现了非字母字符"),
    (r"did not find expected whitespace", "找不到应有的空格"),
    (r"did not find expected whitespace or line break", "找不到应有的空格或换行"),
    (r"expected ' ', but found (.*)", "应为空格，实际为 {0}"),
    (r"did not find expected digit or '\.' character", "找不到应有的数字或 '.'"),
    (r"expected a digit or '\.', but found (.*)", "应为数字或 '.'，实际为 {0}"),
    (r"expected a digit or ' ', but found (.*)", "应为数字或空格，实际为 {0}"),
    (r"expected a digit, but found (.*)", "应为数字，实际为 {0}"),
    (r"did not find expected version number", "找不到应有的版本号"),
    (r"found extremely long version number", "版本号过长"),
]]

_THINGS = {
    "simple key": "键", "quoted scalar": "引号字符串", "double-quoted scalar": "双引号字符串", "plain scalar": "文本",
    "block scalar": "多行文本（| 或 >）", "block mapping": "映射", "block collection": "列表",
    "flow mapping": "花括号映射", "flow sequence": "方括号列表", "flow node": "括号中的值", "block node": "值",
    "node": "值", "anchor": "锚点（&）", "alias": "别名（*）", "tag": "标签（!）", "directive": "指令（%）",
    "%YAML directive": "版本指令（%YAML）", "%TAG directive": "标签指令（%TAG）", "tag directive": "标签指令（%TAG）",
}
"""What the parser was reading (its ``while scanning a ...`` context)."""


def context_zh(context: str) -> str | None:
    """``while scanning a plain scalar`` -> 扫描文本时; None when the construct is not known."""
    if context == "while scanning for the next token":
        return "读取下一个记号时"
    match = re.fullmatch(r"while (scanning|parsing) an? (.+)", context)
    if match is None or match[2] not in _THINGS:
        return None
    return ("扫描" if match[1] == "scanning" else "解析") + _THINGS[match[2]] + "时"


def problem_zh(problem: str) -> str | None:
    """PyYAML's or libyaml's problem in Chinese; None when not known."""
    for pattern, replace in _PROBLEMS:
        match = pattern.fullmatch(problem)
        if match:
            return replace(match)
    return None


_CAUSES = [_rule(pattern, template) for pattern, template in [
    (r"put the value in quotes", "请给值加引号"),
    (r"this line is indented deeper than the line above, which already has its value: line it up with the keys above",
     "这一行比上一行缩进更深，而上一行的键已经有值：请与上面的键对齐"),
    (r"a value cannot hold ': ' unless it is quoted: put the value in quotes", "值里含有 ': ' 时必须加引号：请给整个值加引号"),
    (r"a ':' needs a space after it, as in 'key: value': check this line and the one above",
     "':' 后面要有一个空格，如 'key: value'：请检查这一行和上一行"),
    (r"YAML indents with spaces, not tabs: replace the tab with spaces", "YAML 只能用空格缩进，不能用 Tab：请把 Tab 换成空格"),
    (r"a line in a mapping without ': ' after its key, or a value carried onto a line of its own: write 'key: value' on one line",
     "映射中有一行的键后面没有 ': '，或值被单独写到了下一行：请在同一行写成 'key: value'"),
    (r"a '- ' list item where the mapping above expects 'key: value': put the list under its key, indented",
     "上面的映射需要 'key: value'，这里却是列表项 '- '：请把列表缩进写在它的键下面"),
    (r"this line does not line up with the keys above it: indent it exactly as they are", "这一行与上面的键没有对齐：请用与它们相同的缩进"),
    (r"a line in a list that does not start with '- ' at the list's indentation", "列表中有一行没有在列表的缩进位置以 '- ' 开头"),
    (r"a '- ' list cannot start on the line of its key: start it on the next line, indented",
     "列表 '- ' 不能和它的键写在同一行：请换到下一行并缩进"),
    (r"a '\[' list that is not closed by '\]', or items without ',' between them", "'[' 列表没有用 ']' 闭合，或各项之间缺少 ','"),
    (r"a '\{' mapping that is not closed by '\}', or entries without ',' between them",
     "'{{' 映射没有用 '}}' 闭合，或各项之间缺少 ','"),
    (r"a ':' inside \[ \] or \{ \} needs a space after it, or the value needs quotes",
     "[ ] 或 {{ }} 中的 ':' 后面要有空格，否则请给值加引号"),
    (r"'\? ' starts a complex key, which scenario files do not use: put the text in quotes",
     "'? ' 表示复杂键，方案文件不使用：请给文本加引号"),
    (r"'&' and '\*' start YAML anchors and aliases, which scenario files do not use: put the value in quotes",
     "'&' 和 '*' 表示 YAML 锚点和别名，方案文件不使用：请给值加引号"),
    (r"'!' starts a YAML tag, which scenario files do not use: put the value in quotes",
     "'!' 表示 YAML 标签，方案文件不使用：请给值加引号"),
    (r"a line starting with '%' is a YAML directive, which scenario files do not use: remove it",
     "以 '%' 开头的行是 YAML 指令，方案文件不使用：请删除这一行"),
    (r"after '\|' or '>' only '\+', '-' or a digit 1-9 may follow on that line: start the text on the next line, indented",
     "'|' 或 '>' 后面同一行只能跟 '+'、'-' 或 1-9：请从下一行开始缩进书写文本"),
    (r"a '\\' inside double quotes starts an escape sequence: use single quotes for text with backslashes, as in (.*)",
     "双引号内的 '\\' 表示转义：含反斜杠的文本请用单引号，如 {0}"),
    (r"a line starting with '---' or '\.\.\.' inside a quoted value ends the document: close the quote before it",
     "引号内以 '---' 或 '...' 开头的行会结束文档：请在它之前闭合引号"),
    (r"text after the end of the document: a scenario file is one mapping of 'key: value' lines",
     "文档结束之后还有文本：方案文件是由 'key: value' 行组成的一个映射"),
    (r"a value is missing here", "此处缺少一个值"),
    (r"a (\S+) value is YAML: to set this text as it is, put it in quotes, as in (.*)",
     "{0} 的值按 YAML 读取：要原样设为这段文本，请加引号，如 {1}"),
    (r"a value in (\S+) is YAML: to set this text as it is, put it in quotes, as in (.*)",
     "{0} 中的值按 YAML 读取：要原样设为这段文本，请加引号，如 {1}"),
    (r"two ',' with nothing between them: remove one", "两个 ',' 之间没有内容：请删除多余的 ','"),
    (r"a stray '(.)' with no opening '(.)' before it: remove it, or put the value in quotes",
     "多余的 '{0}'，前面没有对应的 '{1}'：请删除它，或给值加引号"),
    (r"'(.)' cannot start an unquoted value: put the value in quotes, as in (\".*\")",
     "'{0}' 不能作为不加引号的值的开头：请给值加引号，如 {1}"),
]]


def cause_zh(cause: str) -> str | None:
    """A cause from reader/yaml_causes.py in Chinese; None when not known."""
    for pattern, replace in _CAUSES:
        match = pattern.fullmatch(cause)
        if match:
            return replace(match)
    return None


_OWN = [_rule(pattern, template) for pattern, template in [
    (r"full-width colon '：' \(IME input\) after a key; write an ASCII ':' and a space",
     "键后面是全角冒号 '：'（输入法输入）；请改成英文冒号 ':' 加一个空格"),
    (r"full-width '＃' \(IME input\) starts no comment in YAML; write an ASCII '#'",
     "全角字符 '＃'（输入法输入）在 YAML 中不能开始注释；请改成英文 '#'"),
    (r"full-width quote '(.)' \(IME input\) does not quote in YAML; use ASCII quotes \"\.\.\.\"",
     "全角引号 '{0}'（输入法输入）在 YAML 中不起引号作用；请用英文引号 \"...\""),
    (r"full-width comma '，' \(IME input\) does not separate items in YAML; write an ASCII ','",
     "全角逗号 '，'（输入法输入）在 YAML 中不分隔各项；请改成英文逗号 ','"),
    (r"ideographic comma '、' \(IME input\) does not separate items in YAML; write an ASCII ','",
     "顿号 '、'（输入法输入）在 YAML 中不分隔各项；请改成英文逗号 ','"),
    (r"ideographic space U\+3000 \(IME input\) in the indentation; indent with ASCII spaces",
     "缩进里有全角空格 U+3000（输入法输入）；请用英文空格缩进"),
    (r"ideographic space U\+3000 \(IME input\) after ':'; write an ASCII space",
     "冒号 ':' 后面是全角空格 U+3000（输入法输入）；请改成英文空格"),
    (r"no-break space U\+00A0 \(pasted from a web page or Word\) in the indentation; indent with ASCII spaces",
     "缩进里有不换行空格 U+00A0（从网页或 Word 粘贴而来）；请用英文空格缩进"),
    (r"no-break space U\+00A0 \(pasted from a web page or Word\) after ':'; write an ASCII space",
     "冒号 ':' 后面是不换行空格 U+00A0（从网页或 Word 粘贴而来）；请改成英文空格"),
    (r"byte-order mark U\+FEFF \(invisible, left where two files were joined\) before the line's text; delete it",
     "行首有看不见的字节顺序标记 U+FEFF（拼接两个文件时留下）；请删除它"),
    (r"unclosed quote: the quote opened at line (\d+), column (\d+) is never closed",
     "引号未闭合：第 {0} 行第 {1} 列开始的引号没有结束"),
    (r"unclosed quote: the quote opened at line (\d+), column (\d+) is not closed on its line \(YAML read on to line (\d+)\)",
     "引号未闭合：第 {0} 行第 {1} 列开始的引号在该行没有结束（YAML 一直读到第 {2} 行）"),
    (r"character U\+([0-9A-F]+) is not allowed", "不允许字符 U+{0}"),
    (r"a key running ([\d,]+) characters to its ':', past the ([\d,]+) YAML allows: shorten it",
     "键到它的 ':' 共 {0} 个字符，超过了 YAML 允许的 {1} 个：请缩短它"),
    (r"an escape in a double-quoted string is beyond the last Unicode character \\U0010FFFF",
     "双引号字符串中的转义超出了最后一个 Unicode 字符 \\U0010FFFF"),
]]
_OWN.append((re.compile(r"full-width ('.'(?:, '.')*) \(IME input\) open no list or mapping in YAML; write (.*)", re.DOTALL),
             lambda match: f"全角字符 {match[1].replace(', ', '、')}（输入法输入）在 YAML 中不能开始列表或映射；请写 {match[2]}"))
"""This project's own wording of YAML problems (reader/yamltree.py), which PyYAML does not give."""

_LOCATED = re.compile(r"(.*) \((while [^()]+) at line (\d+), column (\d+)\)", re.DOTALL)


def yaml_problem(text: str) -> str:
    """What follows ``invalid YAML: `` in Chinese: problem, where the construct began, cause.
    A part the tables do not know stays English rather than guessed."""
    for pattern, replace in _OWN:
        match = pattern.fullmatch(text)
        if match:
            return replace(match)
    head, separator, tail = text.rpartition("; ")
    cause = cause_zh(tail) if separator else None
    if cause is None:
        head = text
    located = _LOCATED.fullmatch(head)
    problem = located[1] if located else head
    chinese = problem_zh(problem) or problem
    if located:
        where = context_zh(located[2]) or located[2]
        chinese += f"（{where}，始于第 {located[3]} 行第 {located[4]} 列）"
    return chinese + (f"；{cause}" if cause else "")
