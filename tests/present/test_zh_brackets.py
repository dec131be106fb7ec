"""The Chinese catalogues write a Chinese sentence's brackets full-width, as Chinese text does.

获客成本 (CAC), 千次曝光费用 (CPM), 按月取值 (by_month), 其编码 (utf-8) 中 stood in ``--help``, the schema and the
messages beside 净现值（NPV） and 方案对比（CNY） of the labels: an aside of a Chinese sentence, whatever it holds (an
abbreviation, a key, a value, a code), takes （）. ASCII brackets stay where they are the code's or formula's own
(``D(d)``, a tuple's ``(NAME, GLOB)``), where they belong to the number before them (``1,000,000 (1e15)``,
``12 (2025-06)``), around a formula and in English. Every string of every ``*_zh.py`` catalogue (its English patterns, keys and
docstrings aside) and every label's Chinese is scanned, so a new entry keeps the rule.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import aigc_roi
from aigc_roi.present.labels import LABELS

_CJK = "[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"
_NUMBER = re.compile(r"[≤≥<>~ ]*[-+]?(?:[0-9]|\{\d*\} \w)[^()]*")
"""A number, or a value's slot followed by its unit (``{2} MiB``)."""

ALLOWED = {
    "(NAME, GLOB)": "a Python tuple's notation, as --map's argument is typed",
    "(label 或 None, source, Scenario)": "a Python tuple's notation, the type compare's library call takes",
    "花费(元)": "a console's column header, as the export writes it",
    "(去重)": "the header suffix of an export's deduplicated column, as the export writes it",
    "P50 (P5 .. P95)": "the notation of a simulated cell, as the cell writes it",
    "(1 - views_decay)": "a formula",
}
"""ASCII brackets beside Chinese that are no bracket of a Chinese sentence: each with why."""

CATALOGUES = sorted(Path(aigc_roi.__file__).parent.rglob("*_zh.py"))


def ascii_brackets_in_chinese(text: str) -> list[str]:
    """Each ASCII bracket of ``text`` that stands in Chinese: a pair around Chinese words, or beside them around
    anything but the number just before (a code's own, ``F(t)``, neither), and a lone one touching Chinese."""
    for allowed in ALLOWED:
        text = text.replace(allowed, " ")
    found = []
    for match in re.finditer(r"\(([^()\n]*)\)", text):
        inside, before, after = match[1], text[:match.start()].rstrip(" "), text[match.end():].lstrip(" ")
        if re.match(r"[A-Za-z0-9_]", text[match.start() - 1:match.start()]):
            continue
        if _NUMBER.fullmatch(inside) and not re.match(_CJK, before[-1:]):
            continue
        if re.search(_CJK, inside) or re.match(_CJK, before[-1:]) or re.match(_CJK, after[:1]):
            found.append(match[0])
    rest = re.sub(r"\([^()\n]*\)", " ", text)
    found += re.findall(f"{_CJK} *[()]|[()] *{_CJK}", rest)
    return found


def _catalogue_texts(path: Path) -> Iterator[tuple[int, str]]:
    """The Chinese a catalogue writes: every string of the module but its docstrings, its tables' keys and the
    English patterns its rules open with (``(pattern, replacement)``); an f-string with ``{}`` for each value."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    english: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            english.add(id(node.value))
        elif isinstance(node, ast.Dict):
            english.update(id(key) for key in node.keys if key is not None)
        elif isinstance(node, ast.Tuple) and len(node.elts) > 1 and isinstance(node.elts[0], ast.Constant):
            english.add(id(node.elts[0]))
        elif isinstance(node, ast.JoinedStr):
            english.update(id(value) for value in node.values)
            yield node.lineno, "".join(value.value if isinstance(value, ast.Constant) else "{}" for value in node.values)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in english:
            yield node.lineno, node.value


def test_the_checker_finds_ascii_brackets_in_chinese() -> None:
    assert ascii_brackets_in_chinese("获客成本 (CAC)、按月取值 (by_month)：其编码 ({1}) 中；(买量，扣除变动成本)；概率 (0..1) 不") == [
        "(CAC)", "(by_month)", "({1})", "(买量，扣除变动成本)", "(0..1)"]
    assert ascii_brackets_in_chinese("半个括号(在这") == ["号("]
    assert ascii_brackets_in_chinese("中没有 '{2}' ({3})；") == ["({3})"]
    assert ascii_brackets_in_chinese(
        "绝对值不超过 {0} (1e15) 的数字；上限为 {1} ({2} MiB)；D(d) 不变；的 (1 - views_decay) 倍；(NAME, GLOB) 对；"
        "12 (2025-06)；NPV (CNY)") == []


def test_the_catalogues_are_found() -> None:
    assert {path.name for path in CATALOGUES} >= {"messages_zh.py", "schema_zh.py", "help_zh.py", "yaml_zh.py"}


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: path.name)
def test_a_catalogue_writes_full_width_brackets_in_chinese(path: Path) -> None:
    assert [f"{path.name}:{line}: {found} in {text!r}" for line, text in _catalogue_texts(path)
            for found in ascii_brackets_in_chinese(text)] == []


def test_the_labels_write_full_width_brackets_in_chinese() -> None:
    texts = {key: [entry.zh, *(entry.short[1:] if entry.short else ())] for key, entry in LABELS.items()}
    assert [f"{key}: {found} in {text!r}" for key, zh in texts.items() for text in zh
            for found in ascii_brackets_in_chinese(text)] == []


def test_the_allowed_brackets_are_still_written() -> None:
    """An entry of ``ALLOWED`` no catalogue writes any more is dropped, so the list stays the exceptions there are."""
    written = "".join(path.read_text(encoding="utf-8") for path in CATALOGUES)
    written += "".join(entry.zh for entry in LABELS.values())
    assert [allowed for allowed in ALLOWED if allowed not in written] == []
