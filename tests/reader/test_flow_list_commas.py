"""A full-width comma '，' or an ideographic comma '、' typed by a Chinese IME between the items of a [ ] list: YAML
raises no error there, it reads ``[抖音激活CPA， 信息流]`` as the one item '抖音激活CPA， 信息流'. Whatever list it is (a
gate's channels and then, a channel's months and match, a plan's renewal, observed survival), the item is refused
at that comma, in the words the same slip gets in a { } mapping, and read as the items meant, so their own problems
are found too. Quoted, the comma is part of the text, as in any YAML."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.reader.load import load_text
from aigc_roi.reader.overrides import parse_override

PLAN = """name: 画途
horizon_months: 6
acquisition:
  - {{name: 抖音激活CPA, type: cpa, bid: 12, budget: 1000, months: {months}, match: {match}}}
  - {{name: 信息流, type: cpa, bid: 10, budget: 1000}}
  - {{name: 小红书达人, type: flat, cost: 1000, users: 100}}
retention: {{monthly_churn: 0.3}}
monetization:
  plans:
    - {{name: 月度会员, price: 30, period: month, conversion: 4%, renewal: {renewal}}}
gates:
  - {{name: 达人验证, after_month: 2, channels: {channels}, min_roas: 0.5, then: {then}}}
"""
FULL_WIDTH = "invalid YAML: full-width comma '，' (IME input) does not separate items in YAML; write an ASCII ','"
IDEOGRAPHIC = "invalid YAML: ideographic comma '、' (IME input) does not separate items in YAML; write an ASCII ','"


def _errors(sets: tuple[str, ...] = (), **written: str) -> list[tuple[int, int, str, str]]:
    values = {"months": "[1, 2]", "match": "[dy_*]", "renewal": "[0.6, 0.8]", "channels": "[小红书达人]",
              "then": "[信息流]"} | written
    with pytest.raises(ScenarioInvalid) as raised:
        load_text(PLAN.format(**values), "s.yaml", tuple(parse_override(item) for item in sets))
    return [(error.line, error.column, error.path, error.message) for error in raised.value.errors]


def _column(line: int, character: str, **written: str) -> int:
    values = {"months": "[1, 2]", "match": "[dy_*]", "renewal": "[0.6, 0.8]", "channels": "[小红书达人]",
              "then": "[信息流]"} | written
    return PLAN.format(**values).splitlines()[line - 1].index(character) + 1


@pytest.mark.parametrize(("field", "written", "line", "path"), [
    ("then", "[抖音激活CPA， 信息流]", 12, "gates[0].then[0]"),
    ("then", "[抖音激活CPA，信息流]", 12, "gates[0].then[0]"),
    ("channels", "[小红书达人， 抖音激活CPA]", 12, "gates[0].channels[0]"),
    ("months", "[1， 2]", 4, "acquisition[0].months[0]"),
    ("match", "[dy_*， bili_*]", 4, "acquisition[0].match[0]"),
    ("renewal", "[0.6， 0.8]", 10, "monetization.plans[0].renewal[0]"),
    ("months", "[1, 2， 3]", 4, "acquisition[0].months[1]"),
])
def test_a_full_width_comma_in_a_list_is_refused_at_the_comma(field: str, written: str, line: int, path: str) -> None:
    assert _errors(**{field: written}) == [(line, _column(line, "，", **{field: written}), path, FULL_WIDTH)]


@pytest.mark.parametrize(("field", "written", "line"), [
    ("then", "[抖音激活CPA、信息流]", 12),
    ("months", "[1、2]", 4),
])
def test_an_ideographic_comma_in_a_list_is_refused_so_too(field: str, written: str, line: int) -> None:
    assert [error[1:] for error in _errors(**{field: written})] == [
        (_column(line, "、", **{field: written}), error_path, IDEOGRAPHIC)
        for error_path in [{"then": "gates[0].then[0]", "months": "acquisition[0].months[0]"}[field]]]


def test_the_items_meant_are_read_so_their_own_slips_are_found_too() -> None:
    # 信息留 is no channel: found beside the comma, not hidden behind it.
    errors = _errors(then="[抖音激活CPA， 信息留]")
    assert [(path, message.split(";")[0]) for _, _, path, message in errors] == [
        ("gates[0].then[0]", FULL_WIDTH.split(";")[0]),
        ("gates[0].then[1]", "expected the name of a channel in acquisition (抖音激活CPA, 信息流, 小红书达人), found '信息留'")]


def test_a_quoted_item_keeps_its_comma() -> None:
    # A channel may be named with one; quoted, the text is the name, as YAML reads it.
    text = PLAN.format(months="[1, 2]", match='["dy_*，春季"]', renewal="[0.6, 0.8]", channels="[小红书达人]",
                       then="[信息流]")
    assert load_text(text, "s.yaml").scenario.acquisition[0].match == ("dy_*，春季",)


def test_a_block_list_item_keeps_its_comma() -> None:
    # One item a line: no comma separates anything there, so a match glob may hold one.
    text = ("name: 画途\nacquisition:\n  - name: 抖音激活CPA\n    type: cpa\n    bid: 12\n    budget: 1000\n"
            "    match:\n      - dy_*，春季\nretention: {monthly_churn: 0.3}\n")
    assert load_text(text, "s.yaml").scenario.acquisition[0].match == ("dy_*，春季",)


def test_a_set_value_gets_the_same() -> None:
    with pytest.raises(ScenarioInvalid) as raised:
        load_text(PLAN.format(months="[1, 2]", match="[dy_*]", renewal="[0.6, 0.8]", channels="[小红书达人]",
                              then="[信息流]"), "s.yaml", (parse_override("gates[0].then=[抖音激活CPA， 信息流]"),))
    assert [(error.file, error.column, error.message) for error in raised.value.errors] == [
        ("--set gates[0].then=[抖音激活CPA， 信息流]", 9, FULL_WIDTH)]


@pytest.mark.parametrize(("lang", "message"), [
    ("en", FULL_WIDTH),
    ("zh", "YAML 语法错误：全角逗号 '，'（输入法输入）在 YAML 中不分隔各项；请改成英文逗号 ','"),
])
def test_validate_names_it_in_both_languages(tmp_path: Path, lang: str, message: str) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(PLAN.format(months="[1, 2]", match="[dy_*]", renewal="[0.6, 0.8]", channels="[小红书达人]",
                                then="[抖音激活CPA， 信息流]"), encoding="utf-8")
    result = invoke(["validate", str(path), "--lang", lang])
    assert result.exit_code == 2
    assert result.stdout.splitlines() == [f"{path}:12:{_column(12, '，', then='[抖音激活CPA， 信息流]')}: "
                                          f"gates[0].then[0]: {message}"]


@pytest.mark.parametrize(("lang", "message"), [
    ("en", IDEOGRAPHIC),
    ("zh", "YAML 语法错误：顿号 '、'（输入法输入）在 YAML 中不分隔各项；请改成英文逗号 ','"),
])
def test_an_ideographic_comma_in_a_mapping_is_named_as_the_full_width_one_is(tmp_path: Path, lang: str,
                                                                            message: str) -> None:
    path = tmp_path / "s.yaml"
    text = PLAN.format(months="[1, 2]", match="[dy_*]", renewal="[0.6, 0.8]", channels="[小红书达人]", then="[信息流]")
    path.write_text(text.replace("{monthly_churn: 0.3}", "{points: {1: 0.4、 3: 0.2}}"), encoding="utf-8")
    result = invoke(["validate", str(path), "--lang", lang])
    assert result.exit_code == 2
    assert result.stdout.splitlines() == [f"{path}:7:28: {message}"]
