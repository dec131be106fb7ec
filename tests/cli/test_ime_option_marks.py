"""Punctuation a Chinese input method types into an option's syntax (model/ime_marks.py): every option that takes
paths, settings, labels or separators tells the character and the text to write, in --set's words, in one line
(exit 2); a channel whose own name holds such a character is still read as written."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi import api
from aigc_roi.whatif.errors import ArgumentError

PLAN = """\
name: t
start: 2025-01
horizon_months: 6
retention: {monthly_churn: 0.2}
acquisition:
  - {name: 信息流, type: cpa, bid: 30, budget: 9000}
  - {name: "A，B", type: cpa, bid: 12, budget: 5000}
  - {name: "降价：试", type: cpa, bid: 20, budget: 4000}
  - {name: "k＝v", type: cpa, bid: 20, budget: 4000}
monetization:
  plans:
    - {name: 年度会员, price: 99, period: year, conversion: 0.04}
"""

VARIANT = ("--variant: expected 'LABEL: PATH=VALUE[, PATH=VALUE]', such as 'cheaper bid: acquisition[0].bid=25', "
           "found {!r}", "--variant：应为 'LABEL: PATH=VALUE[, PATH=VALUE]' 形式，如 '出价降低: acquisition[0].bid=25'，实际为 {!r}")
GRID = ("--grid: expected two driver paths separated by a comma, found {!r}", "--grid：应为逗号分隔的两个驱动因素路径，实际为 {!r}")
BOUND = ("{}: expected NAME=AMOUNT, such as 'Feed ads=20万', found {!r}", "{}：应为 NAME=AMOUNT 形式，如 '信息流=20万'，实际为 {!r}")
REACH = ("--reach: expected KEY@MONTH=VALUE with KEY one of subscribers, gross_revenue, new_users, active_users, "
         "cumulative_cash, such as 'subscribers@6=1000', found {!r}",
         "--reach：应为 KEY@MONTH=VALUE 形式，KEY 取 subscribers、gross_revenue、new_users、active_users、cumulative_cash "
         "之一，如 'subscribers@6=1000'，实际为 {!r}")
PERCENTILES = ("--percentiles: expected numbers from 0 to 100 separated by commas, such as 5,50,95, found {!r}",
               "--percentiles：应为 0 到 100 之间以逗号分隔的数，例如 5,50,95，实际为 {!r}")
MAP = ("--map: expected NAME=GLOB such as 'Douyin CPA=dy_*', found {!r}", "--map：应为 NAME=GLOB 形式，如 '抖音CPA=dy_*'，实际为 {!r}")
LOCK = ("--lock: no channel named {!r}", "--lock：没有名为 {!r} 的渠道")

CASES = [
    # (command, option, typed, (frame in en, in zh) with the typed text, the characters, the text to write)
    ("run", "--set", "信息流.bid＝25", None, "'＝'", "信息流.bid=25"),
    ("run", "--set", "信息流。bid=25", None, "'。'", "信息流.bid=25"),
    ("run", "--set", "acquisition【0】.bid=25", None, "'【', '】'", "acquisition[0].bid=25"),
    ("compare", "--variant", "降价：信息流.bid=25", VARIANT, "'：'", "降价:信息流.bid=25"),
    ("compare", "--variant", "cut: 信息流.bid=25， 年度会员.price=199", VARIANT, "'，'", "cut: 信息流.bid=25, 年度会员.price=199"),
    ("compare", "--variant", "cut: 信息流.bid=25、年度会员.price=199", VARIANT, "'、'", "cut: 信息流.bid=25,年度会员.price=199"),
    ("compare", "--variant", "信息流.bid＝25", VARIANT, "'＝'", "信息流.bid=25"),
    ("compare", "--variant", "降价：信息流。bid＝25", VARIANT, "'：', '。', '＝'", "降价:信息流.bid=25"),
    ("sensitivity", "--grid", "信息流.bid，年度会员.price", GRID, "'，'", "信息流.bid,年度会员.price"),
    ("sensitivity", "--grid", "信息流.bid、年度会员.price", GRID, "'、'", "信息流.bid,年度会员.price"),
    ("sensitivity", "--grid", "信息流。bid,年度会员.price", GRID, "'。'", "信息流.bid,年度会员.price"),
    # The name's own comma stays; the one between the drivers is the slip.
    ("sensitivity", "--grid", "A，B.bid，年度会员.price", GRID, "'，'", "A，B.bid,年度会员.price"),
    ("allocate", "--lock", "acquisition【0】", LOCK, "'【', '】'", "acquisition[0]"),
    ("allocate", "--min", "信息流＝2000", BOUND, "'＝'", "信息流=2000"),
    ("allocate", "--max", "acquisition［0］=5000", BOUND, "'［', '］'", "acquisition[0]=5000"),
    ("allocate", "--reach", "subscribers＠3=100", REACH, "'＠'", "subscribers@3=100"),
    ("allocate", "--reach", "subscribers@3＝100", REACH, "'＝'", "subscribers@3=100"),
    ("actuals", "--map", "信息流＝xx_*", MAP, "'＝'", "信息流=xx_*"),
    ("actuals", "--map", "acquisition【0】=xx_*", MAP, "'【', '】'", "acquisition[0]=xx_*"),
    ("simulate", "--percentiles", "10，50，90", PERCENTILES, "'，'", "10,50,90"),
    ("simulate", "--percentiles", "10、50、90", PERCENTILES, "'、'", "10,50,90"),
]

SET = ("--set {}:1:1: expected PATH=VALUE such as acquisition[0].bid=25", "--set {}:1:1: 应为 PATH=VALUE 形式，如 acquisition[0].bid=25")


def _command(tmp_path: Path, command: str, option: str, typed: str) -> list[str]:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    before = {"allocate": [] if option == "--reach" else ["--budget", "1万"], "actuals": [str(tmp_path / "x.csv")]}
    return [command, str(plan), *before.get(command, []), option, typed]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("command", "option", "typed", "frames", "marks", "fixed"), CASES,
                         ids=[f"{case[1]} {case[2]}" for case in CASES])
def test_a_mark_an_input_method_typed_is_told_with_the_text_to_write(
        tmp_path: Path, command: str, option: str, typed: str, frames: tuple[str, str] | None, marks: str, fixed: str,
        lang: str) -> None:
    result = invoke([*_command(tmp_path, command, option, typed), "--lang", lang])
    assert result.exit_code == 2 and result.stdout == ""
    zh = lang == "zh"
    if frames is None:
        frame = SET[zh].format(typed)
    else:
        frame = "aigc-roi: " + (frames[zh].format(option, typed) if frames is BOUND else frames[zh].format(typed))
    hint = f"全角字符 {marks.replace(', ', '、')}（输入法输入）：请写 {fixed}" if zh else \
        f"full-width {marks} (IME input): write {fixed}"
    assert result.stderr == f"{frame}{'；' if zh else '; '}{hint}\n"


@pytest.mark.parametrize("args", [
    ["run", "--set", "A，B.bid=25"],
    ["run", "--set", "acquisition[降价：试].bid=25"],
    ["compare", "--variant", "降价：试.bid=25"],  # no label: the channel named 降价：试
    ["compare", "--variant", "x: A，B.bid=25, k＝v.bid=25"],
    ["sensitivity", "--grid", "A，B.bid,年度会员.price", "--grid-steps", "3"],
    ["allocate", "--budget", "1万", "--lock", "A，B", "--min", "k＝v=100", "--max", "降价：试=5000"],
], ids=lambda args: " ".join(args[1:]))
def test_a_name_holding_such_a_mark_is_read_as_written(tmp_path: Path, args: list[str]) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    result = invoke([args[0], str(plan), *args[1:], "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert "IME" not in result.stderr


def test_the_library_tells_a_map_and_a_set_so(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    with pytest.raises(ArgumentError) as refused:
        api.actuals(api.load(plan), [tmp_path / "x.csv"], ["信息流＝xx_*"])
    assert str(refused.value) == ("maps[0]: expected NAME=GLOB such as 'Douyin CPA=dy_*', found '信息流＝xx_*'; "
                                  "full-width '＝' (IME input): write 信息流=xx_*")
    with pytest.raises(api.ScenarioInvalid) as invalid:
        api.load(plan, ["acquisition【1】.bid=25"])
    assert [error.message for error in invalid.value.errors] == [
        "expected PATH=VALUE such as acquisition[0].bid=25; full-width '【', '】' (IME input): write acquisition[1].bid=25"]
