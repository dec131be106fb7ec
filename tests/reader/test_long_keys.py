"""A key longer than YAML's 1,024 characters is told as such, at the key: QA found one told ``invalid YAML: could not
find expected ':'`` (and a line without ': ' as the cause) on a line whose ':' was there, past the parser's limit on a
key; in a list item or brackets the parser names other problems at the ':'. Both of PyYAML's parsers, libyaml's and
the pure-Python one, stop at the same length."""

from __future__ import annotations

import pytest
import yaml

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.present.messages_zh import translate
from aigc_roi.reader import yamltree
from aigc_roi.reader.load import load_text

KEY = "k" * 1025
PLAN = """\
name: Keys
acquisition:
  - name: A
    type: cpa
    bid: 20
    budget: 10000
retention: {monthly_churn: 0.3}
"""
LONG = "invalid YAML: a key running {0:,} characters to its ':', past the 1,024 YAML allows: shorten it"


@pytest.fixture(params=["libyaml", "python"])
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if request.param == "python":
        monkeypatch.setattr(yamltree, "_Loader", yaml.SafeLoader)
    elif not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML without libyaml")


def _errors(old: str, new: str) -> list[str]:
    assert old in PLAN
    with pytest.raises(ScenarioInvalid) as caught:
        load_text(PLAN.replace(old, new, 1), "s.yaml")
    return [str(error) for error in caught.value.errors]


@pytest.mark.usefixtures("loader")
@pytest.mark.parametrize(("old", "new", "line", "column", "length"), [
    ("name: Keys", f"name: Keys\n{KEY}: 1", 2, 1, 1025),
    # Spaces before the ':' count, as the parser counts them; quotes too.
    ("name: Keys", f"name: Keys\n{KEY}  : 1", 2, 1, 1027),
    ("name: Keys", f'name: Keys\n"{KEY}": 1', 2, 1, 1027),
    ("budget: 10000", f"budget: 10000\n    {KEY}: 1", 7, 5, 1025),
    ("bid: 20", f"bid: {{low: 1, {KEY}: 3}}", 5, 19, 1025),
    ("bid: 20", f"bid: [1, {KEY}: 3]", 5, 14, 1025),
    ("  - name: A", f"  - {KEY}: 1\n    name: A", 3, 5, 1025),
    # Characters, not bytes: 1,025 Chinese characters are 3,075 bytes of UTF-8.
    ("name: Keys", f"name: Keys\n{'渠' * 1025}: 1", 2, 1, 1025),
])
def test_a_key_past_the_limit_is_told_at_the_key(old: str, new: str, line: int, column: int, length: int) -> None:
    assert _errors(old, new) == [f"s.yaml:{line}:{column}: {LONG.format(length)}"]


@pytest.mark.usefixtures("loader")
def test_a_key_at_the_limit_is_a_key() -> None:
    [error] = _errors("name: Keys", f"name: Keys\n{'k' * 1024}: 1")
    assert error.startswith(f"s.yaml:2:1: {'k' * 1024}: unknown key ")


@pytest.mark.usefixtures("loader")
def test_a_long_line_without_its_colon_is_still_told_so() -> None:
    [error] = _errors("name: Keys", f"name: Keys\n{KEY} 1")
    assert error.startswith("s.yaml:2:1: invalid YAML: could not find expected ':'; a line in a mapping without ': '")


@pytest.mark.usefixtures("loader")
def test_a_colon_in_a_long_value_is_still_told_so() -> None:
    [error] = _errors("name: Keys", f"name: a, {'a' * 1100}: x")
    assert error.endswith("a value cannot hold ': ' unless it is quoted: put the value in quotes")


def test_in_chinese() -> None:
    assert translate(LONG.format(1025)) == "YAML 语法错误：键到它的 ':' 共 1,025 个字符，超过了 YAML 允许的 1,024 个：请缩短它"
