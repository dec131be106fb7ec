"""A key's separator spoiled by an input method or a paste, where YAML raises no syntax error: ``key:　value``
(U+3000, or U+00A0) or ``key：value`` is then one text, read as a value, a list item or a key, at any depth, in block or
flow style. Whatever goes wrong with it ("expected a mapping", "unknown key", the missing key it hid) is one line
at the odd character, naming it (the cases where YAML fails at the next line: tests/reader/test_ime_slips_round3.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke
from test_ime_slips_round3 import COLON, LOOK_ALIKES, NBSP, SPACE

BASE = """version: 1
name: Slip
acquisition:
  - name: A
    type: cpa
    bid: 12
    budget: 1000
    retention:
      monthly_churn: 0.3
retention:
  points: {1: 0.35, 3: 0.2}
monetization:
  plans:
    - {name: P, price: 10, period: month, conversion: 0.05}
costs:
  serving_per_active_user: 0.3
  fixed:
    - {name: Tools, monthly: 300}
"""

SEPARATORS = {
    "U+3000": (f":{SPACE}", LOOK_ALIKES[SPACE][0]),
    "U+00A0": (f":{NBSP}", LOOK_ALIKES[NBSP][0]),
    "full-width colon": ("：", COLON),
    "full-width colon, space": ("： ", COLON),
}
"""Each separator as written, and its (English, Chinese) message."""


def _odd(sep: str) -> str:
    """The character the message names: the look-alike of a space after ':', or the full-width colon."""
    return sep[1] if sep.startswith(":") else sep[0]

# (what BASE writes, the same slipped with {sep} for the separator, the path of the key meant)
PLACES = {
    "block value, depth 1": ("retention:\n  points: {1: 0.35, 3: 0.2}", "retention:\n  monthly_churn{sep}0.2",
                             "retention.monthly_churn"),
    "block value, depth 3": ("      monthly_churn: 0.3", "      monthly_churn{sep}0.3",
                             "acquisition[0].retention.monthly_churn"),
    "value on the next line": ("  points: {1: 0.35, 3: 0.2}", "  monthly_churn{sep}\n    0.2", "retention.monthly_churn"),
    "block key before a flow mapping": ("  points: {1: 0.35, 3: 0.2}", "  points{sep}{{1: 0.35}}",
                                        "retention.points"),
    "block key, depth 3": ("    bid: 12", "    bid:\n      by_month{sep}{{1: 10}}", "acquisition[0].bid.by_month"),
    "block list item": ("    - {name: Tools, monthly: 300}", "    - name{sep}Tools", "costs.fixed[0].name"),
    "flow list item": ("  fixed:\n    - {name: Tools, monthly: 300}", "  fixed: [name{sep}Tools]", "costs.fixed[0].name"),
}


@pytest.mark.parametrize("separator", list(SEPARATORS))
@pytest.mark.parametrize("place", list(PLACES))
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_spoiled_separator_is_the_one_error_at_it(tmp_path: Path, place: str, separator: str, lang: str) -> None:
    written, slipped, meant = PLACES[place]
    sep, messages = SEPARATORS[separator]
    assert written in BASE
    text = BASE.replace(written, slipped.format(sep=sep), 1)
    path = tmp_path / "slip.yaml"
    path.write_text(text, encoding="utf-8")
    line = next(number for number, row in enumerate(text.splitlines(), start=1) if sep in row)
    column = text.splitlines()[line - 1].index(_odd(sep)) + 1
    result = invoke(["validate", str(path), "--lang", lang])
    assert result.exit_code == 2
    assert result.stdout.splitlines() == [f"{path}:{line}:{column}: {meant}: {messages[lang == 'zh']}"]


@pytest.mark.parametrize("separator", list(SEPARATORS))
def test_a_file_whose_every_line_slipped_is_one_text(tmp_path: Path, separator: str) -> None:
    """No line holds ': ', so YAML reads the whole file as one text: named at the first line's character."""
    sep, messages = SEPARATORS[separator]
    path = tmp_path / "slip.yaml"
    path.write_text(f"version{sep}1\nname{sep}Slip\nhorizon_months{sep}12\n", encoding="utf-8")
    column = len("version") + 1 + (sep[0] == ":")
    assert invoke(["validate", str(path)]).stdout.splitlines() == [f"{path}:1:{column}: {messages[0]}"]


def test_a_spoiled_separator_in_a_set_value() -> None:
    """A --set value is YAML too: located in the option's value, as its other errors are."""
    result = invoke(["run", str(Path(__file__).resolve().parents[2] / "aigc_roi" / "templates" / "zh" / "starter.yaml"),
                     "--set", f"retention=monthly_churn:{SPACE}0.2"])
    assert result.exit_code == 2
    assert f"--set retention=monthly_churn:{SPACE}0.2:1:15: retention.monthly_churn: {LOOK_ALIKES[SPACE][0][0]}" in result.stderr


@pytest.mark.parametrize("name", [f"Notes:{SPACE}beta", f"Notes:{NBSP}beta", "我的 AI 应用：起步计划", "Plan：beta"])
def test_text_that_is_no_slip_stays_valid(tmp_path: Path, name: str) -> None:
    """A text may hold these characters (a Chinese name's '：'): only an error at it is told as a slip."""
    path = tmp_path / "named.yaml"
    path.write_text(BASE.replace("name: Slip", f"name: {name}").replace("name: Tools", f"name: {name}"), encoding="utf-8")
    assert invoke(["validate", str(path)]).exit_code == 0


def test_the_base_is_valid(tmp_path: Path) -> None:
    path = tmp_path / "base.yaml"
    path.write_text(BASE, encoding="utf-8")
    assert invoke(["validate", str(path)]).exit_code == 0
