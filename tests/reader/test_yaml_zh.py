"""The YAML parser's own wording in Chinese, and the cause named in both languages.

reader/yamltree.py reads a file through ``yaml.parse`` (events only), so the
messages a user can meet come from PyYAML's scanner and parser: libyaml's
wording when the C loader is installed, the pure-Python wording otherwise.
The composer and constructor never run (their cases, anchors, aliases, tags
and a second document, are the tree builder's own messages), and reader errors
are shown as the character's code point, so neither's wording reaches a user.

Every message is taken from the installed package, not from a list copied
here: the Python ones from the source of yaml/scanner.py and yaml/parser.py,
libyaml's from the strings compiled into yaml/_yaml*.so. A PyYAML upgrade
that adds a message fails these tests until present/yaml_zh.py has it.
"""

from __future__ import annotations

import ast
import inspect
import json
import re
import shlex
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
import yaml
import yaml.parser
import yaml.scanner
from cli_runner import invoke

from aigc_roi.present.messages_zh import translate
from aigc_roi.present.yaml_zh import cause_zh, context_zh, problem_zh
from aigc_roi.reader import yaml_causes, yamltree

CONTEXT_NAMES = {
    "while scanning an %s": ("anchor", "alias"),
    "while scanning a %s": ("tag", "directive"),
    "while parsing a %s": ("tag", "directive"),
    "while parsing a %s node": ("block", "flow"),
}
"""The values PyYAML's scanner and parser put into the ``%s`` of a context (scan_anchor, scan_tag_handle, scan_tag_uri, parse_node)."""
NOT_LITERAL = {"str(exc)": "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"}
"""Problems built from something other than a string: scan_uri_escapes passes on a UnicodeDecodeError's text."""
LIBYAML_NOT_SHOWN = {
    "control characters are not allowed": "a reader error, shown as the character's code point",
    "found duplicate anchor; first occurrence": "libyaml's composer (loader.c), which yaml.parse does not run",
    "found undefined alias": "libyaml's composer (loader.c), which yaml.parse does not run",
}
ALLOWED_ENGLISH = {"YAML", "Tab", "URI", "UTF", "Unicode", "sets"}
"""Names that stay as they are in Chinese text (``sets``: a library call's argument, as Python code names it)."""


def _sample(node: ast.expr, source: str) -> Iterator[str]:
    """Each string a message argument can be: a literal, or a %-format filled as PyYAML fills it."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) and isinstance(node.left, ast.Constant):
        template = str(node.left.value)
        if "%s" in template:
            assert template in CONTEXT_NAMES, f"a new formatted context {template!r}: list its values in CONTEXT_NAMES"
            yield from (template % name for name in CONTEXT_NAMES[template])
        else:
            # %r is a character or a token id, both repr'd; %d a count of hexadecimal digits.
            yield re.sub(r"%d", "4", template.replace("%r", "'@'"))
    else:
        text = ast.get_source_segment(source, node)
        assert text in NOT_LITERAL, f"a message built from {text!r}: give a sample in NOT_LITERAL"
        yield NOT_LITERAL[text]


def python_messages(module: ModuleType) -> tuple[set[str], set[str]]:
    """(contexts, problems) of every ``...Error(context, context_mark, problem, problem_mark)`` raised in ``module``."""
    source = inspect.getsource(module)
    contexts: set[str] = set()
    problems: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("ScannerError", "ParserError"):
            context, _, problem, _ = node.args
            if not (isinstance(context, ast.Constant) and context.value is None):
                contexts.update(_sample(context, source))
            problems.update(_sample(problem, source))
    return contexts, problems


PY_CONTEXTS, PY_PROBLEMS = (set.union(*parts) for parts in zip(*(python_messages(m) for m in (yaml.scanner, yaml.parser)), strict=True))


def libyaml_messages() -> set[str]:
    """The scanner's and parser's messages compiled into the C extension (libyaml is linked in statically)."""
    paths = sorted(Path(yaml.__file__).parent.glob("_yaml*.so")) + sorted(Path(yaml.__file__).parent.glob("_yaml*.pyd"))
    if not paths:
        return set()
    shape = re.compile(rb"(?<![ -~])((?:found|did not find|could not find|while (?:scanning|parsing)) [ -~]+"
                       rb"|[ -~]+ (?:is|are) not allowed[ -~]*)\x00")
    return {text.decode() for text in shape.findall(paths[0].read_bytes())}


LIBYAML = libyaml_messages()


def english_words(chinese: str) -> set[str]:
    """ASCII words left in a Chinese line, outside quoted text (values, characters, examples), directives and known names."""
    unquoted = re.sub(r"'[^']*'|\"[^\"]*\"|%[A-Z]+|--[\w-]+", "", chinese)
    return set(re.findall(r"[A-Za-z]{2,}", unquoted)) - ALLOWED_ENGLISH


def test_the_python_source_yields_the_messages() -> None:
    """The extraction itself: it finds the messages the probes below meet, so an empty table cannot pass."""
    assert "mapping values are not allowed here" in PY_PROBLEMS
    assert "found character '@' that cannot start any token" in PY_PROBLEMS
    assert "while scanning an alias" in PY_CONTEXTS and "while parsing a flow node" in PY_CONTEXTS
    assert len(PY_PROBLEMS) > 30


@pytest.mark.parametrize("problem", sorted(PY_PROBLEMS))
def test_every_python_problem_has_chinese(problem: str) -> None:
    chinese = problem_zh(problem)
    assert chinese is not None, problem
    assert english_words(chinese) == set(), (problem, chinese)


@pytest.mark.parametrize("context", sorted(PY_CONTEXTS))
def test_every_python_context_has_chinese(context: str) -> None:
    chinese = context_zh(context)
    assert chinese is not None, context
    assert english_words(chinese) == set(), (context, chinese)


@pytest.mark.skipif(not LIBYAML, reason="PyYAML without its C extension, or libyaml linked dynamically")
def test_libyaml_strings_are_found() -> None:
    assert "mapping values are not allowed in this context" in LIBYAML
    assert "while scanning for the next token" in LIBYAML


@pytest.mark.parametrize("message", sorted(LIBYAML - set(LIBYAML_NOT_SHOWN)))
def test_every_libyaml_message_has_chinese(message: str) -> None:
    chinese = context_zh(message) if message.startswith("while ") else problem_zh(message)
    assert chinese is not None, message
    assert english_words(chinese) == set(), (message, chinese)


def test_every_cause_has_chinese() -> None:
    """Each cause reader/yaml_causes.py can give (its str constants; the two templates filled) reads in Chinese."""
    causes = [value for name, value in vars(yaml_causes).items() if name.isupper() and isinstance(value, str)]
    assert len(causes) > 20
    for cause in causes:
        samples = {yaml_causes.STRAY: ("]", "["), yaml_causes.RESERVED: ("@", "@bar"),
                   yaml_causes.SET_VALUE: ("--set", "--set 'name=\"[bold]x\"'"),
                   yaml_causes.SETS_ITEM_VALUE: ("sets", "'name=\"[bold]x\"'")}
        english = cause.format(*samples[cause]) if cause in samples else cause
        chinese = cause_zh(english)
        assert chinese is not None, english
        assert english_words(chinese) == set(), (english, chinese)


BROKEN = [
    # (text, line:column of the slip, a word of the cause in English, in Chinese)
    pytest.param("name: x\n  horizon_months: 12\n bad: 2\n", "2:17", "indented deeper", "缩进更深", id="indented-under-a-value"),
    pytest.param("name: x\nnotes: @bar\n", "2:8", "put the value in quotes", "请给值加引号", id="at-sign"),
    pytest.param("name: `x`\n", "1:7", "put the value in quotes", "请给值加引号", id="backquote"),
    pytest.param("name: x\n\thorizon_months: 12\n", "2:1", "not tabs", "Tab", id="tab"),
    pytest.param("name: x\nchannels: [a, b\nhorizon_months: 12\n", "3:15", "not closed by ']'", "没有用 ']' 闭合",
                 id="unclosed-bracket"),
    pytest.param("name: x\n]\n", "2:1", "a stray ']'", "多余的 ']'", id="stray-bracket"),
    pytest.param("name: x\n- a\n", "2:1", "'- ' list item", "列表项 '- '", id="list-item-under-mapping"),
    pytest.param("name: a: b\n", "1:8", "unless it is quoted", "必须加引号", id="key-value-value"),
    pytest.param("name: x\nhorizon_months\nstart: 2025-01\n", "2:1", "without ': '", "没有 ': '", id="key-without-colon"),
    pytest.param("name:x\nhorizon_months: 12\n", "2:15", "needs a space after it", "要有一个空格", id="colon-without-space"),
    pytest.param("name: - a\n", "1:7", "line of its key", "同一行", id="list-on-the-key-line"),
    pytest.param('name: "C:\\users"\n', "1:12", "single quotes", "单引号", id="backslash-in-double-quotes"),
]


@pytest.mark.parametrize(("text", "where", "english", "chinese"), BROKEN)
def test_a_broken_file_reads_in_chinese(tmp_path: Path, text: str, where: str, english: str, chinese: str) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    result = invoke(["validate", "--lang", "zh", str(path)])
    assert result.exit_code == 2
    [line] = result.stdout.splitlines()
    assert line.startswith(f"{path}:{where}: YAML 语法错误："), line
    assert chinese in line
    assert english_words(line.removeprefix(f"{path}:{where}: ")) == set(), line
    english_line = invoke(["validate", str(path)]).stdout
    assert english_line.startswith(f"{path}:{where}: invalid YAML: ") and english in english_line, english_line


@pytest.mark.parametrize(("text", "where", "chinese"), [
    pytest.param("---\nname: x\nretention: {monthly_churn: 0.1}\n---\nname: y\n", "4:1",
                 "应只有一个 YAML 文档，发现了第二个", id="two-documents"),
    pytest.param("name: &a x\nretention: {monthly_churn: 0.1}\n", "1:7", "不允许使用 YAML 锚点和别名", id="anchor"),
    pytest.param("name: !!python/object:os.system x\nretention: {monthly_churn: 0.1}\n", "1:7",
                 "不允许使用 YAML 标签", id="python-tag"),
])
def test_what_the_composer_and_constructor_would_refuse_reads_in_chinese(tmp_path: Path, text: str, where: str, chinese: str) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    result = invoke(["validate", "--lang", "zh", str(path)])
    assert result.exit_code == 2
    [line] = result.stdout.splitlines()
    assert re.match(rf"{re.escape(str(path))}:{where}: (name: )?{chinese}", line), line


@pytest.mark.parametrize("loader", [pytest.param("SafeLoader", id="python"),
                                    pytest.param("CSafeLoader", id="libyaml", marks=pytest.mark.skipif(
                                        not yaml.__with_libyaml__, reason="no libyaml"))])
@pytest.mark.parametrize(("text", "where"), [(param.values[0], param.values[1]) for param in BROKEN])
def test_both_loaders_give_a_located_cause_with_a_chinese_version(
        monkeypatch: pytest.MonkeyPatch, loader: str, text: str, where: str) -> None:
    """The fallback loader words the same slips differently; the location and both languages' causes hold for it too."""
    monkeypatch.setattr(yamltree, "_Loader", getattr(yaml, loader))
    _, [error] = yamltree.parse(text, "s.yaml")
    assert f"{error.line}:{error.column}" == where
    problem, _, cause = error.message.rpartition("; ")
    assert problem.startswith("invalid YAML: ") and cause_zh(cause) is not None, error.message
    assert english_words(translate(error.message)) == set(), translate(error.message)


def test_an_escape_past_unicode_is_located_without_libyaml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """PyYAML's pure-Python scanner hands "\\UFFFFFFFF" to chr() unchecked (OverflowError, no mark)."""
    import yaml

    from aigc_roi.reader import yamltree

    monkeypatch.setattr(yamltree, "_Loader", yaml.SafeLoader)
    path = tmp_path / "escape.yaml"
    path.write_text('name: x\ncurrency: "CN\\UFFFFFFFF"\n', encoding="utf-8")
    english = invoke(["validate", str(path)])
    chinese = invoke(["validate", str(path), "--lang", "zh"])
    assert english.exit_code == chinese.exit_code == 2
    assert f"{path}:2:14: invalid YAML: an escape in a double-quoted string is beyond" in english.stdout
    assert f"{path}:2:14: YAML 语法错误：双引号字符串中的转义超出了最后一个 Unicode 字符" in chinese.stdout


@pytest.mark.parametrize("value", [
    "[bold]x",  # a list, then text after the document's end
    "{a: 1} b",
    "%x",  # a directive line in a file
    "|x",  # a block scalar, whose text a file starts on the next line
    "[it's] \"x\"",  # quotes of both kinds, for the shell and for YAML
])
def test_a_set_value_that_is_no_yaml_gets_the_quotes_to_type(example: Path, value: str) -> None:
    """A value typed after --set has no lines, indentation or documents: the file's causes do not apply to it;
    the hint names the option quoted as the shell and YAML need, and typing it sets the text."""
    result = invoke(["run", str(example), "--set", f"name={value}"])
    assert result.exit_code == 2 and "scenario file" not in result.stderr
    problem, _, cause = result.stderr.strip().rpartition("; ")
    assert problem.endswith(("<document start>", "directive at line 1, column 1)", "block scalar at line 1, column 1)")), problem
    assert cause.startswith("a --set value is YAML: to set this text as it is, put it in quotes, as in --set "), cause
    typed = shlex.split(cause.split(" as in ", 1)[1])
    fixed = invoke(["run", str(example), *typed, "-f", "json"])
    assert fixed.exit_code == 0 and json.loads(fixed.stdout)["scenario"] == value
    chinese = invoke(["run", str(example), "--set", f"name={value}", "--lang", "zh"]).stderr
    assert chinese.strip().endswith("；--set 的值按 YAML 读取：要原样设为这段文本，请加引号，如 " + cause.split(" as in ", 1)[1])
