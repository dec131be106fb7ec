"""A Chinese message's frame is translated whatever value it holds: a line break, or nothing at all.

Every pattern of present/messages_zh.py and yaml_zh.py is turned back into a message (its literal words, a sample
for each ``\\d+`` or ``\\S+``), each free value in it (a ``(.*)`` slot) written as the hostile value; the pattern must still
read it. A ``(.+)`` slot without DOTALL read neither ``'a\\nb'`` (a YAML key, a --set path, a folder) nor ``''``
(``--grid ,``), and the whole line stayed English.
"""

from __future__ import annotations

import re
from pathlib import Path
from re import _parser as sre_parse  # type: ignore[attr-defined]  # the parser re compiles with (3.11 on)

import pytest
from cli_runner import invoke

from aigc_roi.present import messages_zh, yaml_zh

TABLES = {**{name: getattr(messages_zh, name) for name in
             ("_EXPECTED", "_FOUND", "_FOUND_HINTS", "_REFORECAST_REASONS", "_MESSAGES", "_HINTS")},
          **{f"yaml_{name}": getattr(yaml_zh, name) for name in ("_PROBLEMS", "_CAUSES", "_OWN")}}
VALUES = ("a\nb", "", "x\r\ny\tz")
_CATEGORY_SAMPLES = {"CATEGORY_DIGIT": "1", "CATEGORY_WORD": "w", "CATEGORY_NOT_SPACE": "s", "CATEGORY_SPACE": " "}


def _is_free(items: list) -> bool:
    """A group that is one repeat of ``.``: a value written as the user wrote it."""
    return (len(items) == 1 and str(items[0][0]) in ("MAX_REPEAT", "MIN_REPEAT")
            and [str(op) for op, _ in items[0][1][2]] == ["ANY"])


def _one_of(items: list) -> str:
    """A character of a ``[...]`` set: its first member, or a letter where the set is negated."""
    if str(items[0][0]) == "NEGATE":
        return "q"
    op, argument = items[0]
    if str(op) == "LITERAL":
        return chr(argument)
    if str(op) == "RANGE":
        return chr(argument[0])
    return _CATEGORY_SAMPLES[str(argument)]


def _example(items: list, value: str) -> str:
    """A message the parsed pattern ``items`` matches, each free group holding ``value``."""
    text = ""
    for op, argument in items:
        name = str(op)
        if name == "LITERAL":
            text += chr(argument)
        elif name in ("ANY", "NOT_LITERAL"):
            text += "y"
        elif name == "IN":
            text += _one_of(argument)
        elif name in ("MAX_REPEAT", "MIN_REPEAT"):
            low, _, sub = argument  # an optional part holding a value is written once, to hold it too
            text += _example(list(sub), value) * (low or int("SUBPATTERN" in repr(sub) and not _is_free(list(sub))))
        elif name == "SUBPATTERN":
            sub = list(argument[-1])
            text += value if argument[0] is not None and _is_free(sub) else _example(sub, value)
        elif name == "BRANCH":
            text += _example(list(argument[1][0]), value)
        elif name not in ("AT", "ASSERT", "ASSERT_NOT"):
            raise AssertionError(f"no example for {name}")
    return text


def _message(pattern: re.Pattern[str], value: str) -> str:
    return _example(list(sre_parse.parse(pattern.pattern)), value)


FREE = [(table, number) for table, rules in TABLES.items() for number, (pattern, _) in enumerate(rules)
        if _message(pattern, "v") != _message(pattern, "")]
"""The patterns with a value the user wrote in them, by table and place."""


@pytest.mark.parametrize("value", VALUES, ids=repr)
@pytest.mark.parametrize(("table", "number"), FREE, ids=lambda item: str(item))
def test_every_pattern_reads_a_value_with_a_line_break_or_none(table: str, number: int, value: str) -> None:
    rules = TABLES[table]
    message = _message(rules[number][0], value)
    assert rules[number][0].fullmatch(message), (rules[number][0].pattern, message)
    assert messages_zh._apply(rules, message) is not None


def test_the_free_values_are_found() -> None:
    """The walk above finds every pattern with a value slot: a test over none would pass on any table."""
    assert len(FREE) == sum("(.*" in pattern.pattern for rules in TABLES.values() for pattern, _ in rules) > 100


ROOT = Path(__file__).parents[2]
PLAN = str(ROOT / "scenarios" / "chat-assistant-cpa.yaml")
ENGLISH = re.compile(r"\b(expected|found|unknown key|is not a driver|does not exist|no channel|named)\b")


@pytest.mark.parametrize("args", [
    ["sensitivity", PLAN, "--grid", ","],
    ["sensitivity", PLAN, "--grid", "a\nb,acquisition[0].bid"],
    ["actuals", PLAN, str(ROOT / "examples" / "actuals" / "bilibili.csv"), "--map", "a\nb=x"],
    ["run", PLAN, "-o", "a\nb/x.json"],
    ["run", PLAN, "--set", "a\nb.bid=1"],
], ids=["grid-empty", "grid-line-break", "map", "output-folder", "set-name"])
def test_a_refusal_holding_a_line_break_or_nothing_reads_in_chinese(args: list[str]) -> None:
    result = invoke([*args, "--lang", "zh"])
    assert result.exit_code == 2
    assert ENGLISH.search(result.stderr) is None, result.stderr
    assert "\n" not in result.stderr.rstrip("\n")


def test_a_key_holding_a_line_break_reads_in_chinese(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text('name: x\nhorizon_months: 3\n"a\\nb": 1\nretention: {monthly_churn: 0.5}\n', encoding="utf-8")
    result = invoke(["validate", str(path), "--lang", "zh"])
    assert result.exit_code == 2
    assert f"{path}:3:1: a\\x0ab: 未知字段 'a\\x0ab'；可用字段：" in result.stdout
