"""An input method's mark beside a name that holds the same mark (model/ime_marks.py): the hint keeps the name's own
and writes the others as ASCII, so the command it suggests runs; --set's hint is read on the file like every other
option's; a reading refused with a "did you mean" is no reading; --percentiles is told only what it holds."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi import api
from aigc_roi.model.paths import names_something
from aigc_roi.reader.overrides import path_reader
from aigc_roi.reader.written_tree import scenario_tree

PLAN = """\
name: t
start: 2025-01
horizon_months: 6
retention: {monthly_churn: 0.2}
acquisition:
  - {name: 信息流。测试, type: cpa, bid: 12, budget: 9000}
  - {name: "A，B", type: cpa, bid: 10, budget: 5000}
  - {name: "X＝Y", type: cpa, bid: 11, budget: 4000}
  - {name: 【K】, type: cpa, bid: 11, budget: 4000}
  - {name: "1", type: cpa, bid: 11, budget: 4000}
monetization:
  plans:
    - {name: 年度会员, price: 99, period: year, conversion: 0.04}
"""

SET = ("--set {}:1:1: expected PATH=VALUE such as acquisition[0].bid=25; ",
       "--set {}:1:1: 应为 PATH=VALUE 形式，如 acquisition[0].bid=25；")
VARIANT = ("aigc-roi: --variant: expected 'LABEL: PATH=VALUE[, PATH=VALUE]', such as 'cheaper bid: acquisition[0].bid=25', "
           "found {!r}; ", "aigc-roi: --variant：应为 'LABEL: PATH=VALUE[, PATH=VALUE]' 形式，如 '出价降低: acquisition[0].bid=25'，"
           "实际为 {!r}；")
BOUND = ("aigc-roi: --min: expected NAME=AMOUNT, such as 'Feed ads=20万', found {!r}; ",
         "aigc-roi: --min：应为 NAME=AMOUNT 形式，如 '信息流=20万'，实际为 {!r}；")

CASES = [
    # (command, option, typed, frame, the characters, the text to write): each name's own mark kept.
    ("run", "--set", "信息流。测试.bid＝20", SET, "'＝'", "信息流。测试.bid=20"),
    ("run", "--set", "【K】.bid＝20", SET, "'＝'", "【K】.bid=20"),
    ("run", "--set", "信息流。测试。bid=20", SET, "'。'", "信息流。测试.bid=20"),
    ("run", "--set", "X＝Y.bid＝20", SET, "'＝'", "X＝Y.bid=20"),
    ("run", "--set", "【K】。bid＝20", SET, "'。', '＝'", "【K】.bid=20"),
    # Eight marks, four of them the name's: told as the separators and the label's colon.
    ("compare", "--variant", "L：A，B.bid=1，A，B.bid=1，A，B.bid=1，A，B.bid=1", VARIANT, "'：', '，'",
     "L:A，B.bid=1,A，B.bid=1,A，B.bid=1,A，B.bid=1"),
    ("compare", "--variant", "L：" + "，".join(["信息流。测试。bid＝1", "【K】。bid＝2"] * 4), VARIANT, "'：', '。', '＝', '，'",
     "L:" + ",".join(["信息流。测试.bid=1", "【K】.bid=2"] * 4)),
    ("allocate", "--min", "X＝Y＝100", BOUND, "'＝'", "X＝Y=100"),
    ("allocate", "--min", "【K】＝100", BOUND, "'＝'", "【K】=100"),
]


def _args(tmp_path: Path, command: str, option: str, typed: str) -> list[str]:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    return [command, str(plan), *(["--budget", "1万"] if command == "allocate" else []), option, typed]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("command", "option", "typed", "frame", "marks", "fixed"), CASES,
                         ids=[f"{case[1]} {case[2]}" for case in CASES])
def test_the_hint_keeps_a_name_s_own_mark_and_its_command_runs(
        tmp_path: Path, command: str, option: str, typed: str, frame: tuple[str, str], marks: str, fixed: str,
        lang: str) -> None:
    result = invoke([*_args(tmp_path, command, option, typed), "--lang", lang])
    assert result.exit_code == 2 and result.stdout == ""
    zh = lang == "zh"
    hint = f"全角字符 {marks.replace(', ', '、')}（输入法输入）：请写 {fixed}" if zh else \
        f"full-width {marks} (IME input): write {fixed}"
    assert result.stderr == f"{frame[zh].format(typed)}{hint}\n"
    taken = invoke([*_args(tmp_path, command, option, fixed), "-f", "json"])
    assert taken.exit_code == 0, taken.stderr


def test_the_library_reads_a_set_s_marks_on_the_file(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    with pytest.raises(api.ScenarioInvalid) as invalid:
        api.load(plan, ["信息流。测试。bid=20"])
    assert [(error.file, error.message) for error in invalid.value.errors] == [
        ("sets[0]", "expected PATH=VALUE such as acquisition[0].bid=25; full-width '。' (IME input): write 信息流。测试.bid=20")]
    # No reading on the file: the shape's refusal alone, with the text as a call's item has it.
    with pytest.raises(api.ScenarioInvalid) as invalid:
        api.load(plan, ["无此渠道。bid＝20"])
    assert [error.message for error in invalid.value.errors] == [
        "expected PATH=VALUE such as acquisition[0].bid=25, found '无此渠道。bid＝20'"]


def test_a_path_refused_with_a_did_you_mean_is_no_reading(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    read = path_reader(scenario_tree(api.load(plan)), "--grid")
    # acquisition[1] is item 1 and the item named 1: neither has a key 'bdi', which is refused with 'bid' offered.
    assert not names_something(read, "acquisition[1].bdi")
    assert names_something(read, "acquisition[1].bid")  # both have it: refused offering the two places it names
    assert names_something(read, "A，B.bid")
    for args in (["sensitivity", str(plan), "--grid", "acquisition【1】.bdi,年度会员.price"],
                 ["run", str(plan), "--set", "acquisition【1】.bdi=3"]):
        result = invoke(args)
        assert result.exit_code == 2
        assert "IME" not in result.stderr and "acquisition[1].bdi" not in result.stderr
