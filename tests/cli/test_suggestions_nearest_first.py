"""Every "did you mean" offers what the slip resembles by one rule (model/names.py ``resembling``), the nearest first
and only the near: a mistyped option, a long option written with one dash, a choice's value, a gate named alone in
--set, and a name that differs from a channel's in case only, wherever a name is looked up.

Nearness is difflib's ratio 2 x M / T (M characters matched, T the two lengths together), 0.5 or more, after a name
that holds the slip or is held by it (two characters or more); case aside throughout."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi import api
from aigc_roi.reader.load import load_text

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "scenarios" / "chat-assistant-cpa.yaml"

GATED = """\
name: 视频AI：小预算CPA
horizon_months: 24
start: 2025-03
acquisition:
  - {name: 抖音达人, type: kol, posts: 3, fee: 2万, views: 600_000, view_to_user: 0.004, months: 1-3}
  - {name: 抖音激活CPA, type: cpa, bid: 12, budget: 5万, months: 4-18}
  - {name: 信息流, type: cpm, cpm: 30, ctr: 1.8%, cvr: 12%, budget: 10万, months: 4-18}
retention: {days: {1: 45%, 7: 22%, 30: 12%}}
monetization:
  plans: [{name: 月度会员, price: 69, period: month, conversion: 4%}]
gates:
  - {name: 达人验证, after_month: 3, channels: [抖音达人], min_roas: 0.3, then: [THEN]}
  - {name: CPA控本, after_month: 6, channels: [抖音激活CPA], max_cac: 20}
"""


def _gated(tmp_path: Path, then: str = "信息流") -> Path:
    path = tmp_path / "g6.yaml"
    path.write_text(GATED.replace("THEN", then), encoding="utf-8")
    return path


def _refused(args: list[str], lang: str) -> str:
    result = invoke([*args, "--lang", lang])
    assert result.exit_code == 2, result.stdout
    return result.stderr.strip()


# --sets holds set; --seeds holds seed (not set: 'set' is no part of 'seeds'); --formt matches 5 of format's 6
# letters, 2 x 5 / 11 = 0.91, far above --force's 2 x 3 / 10 = 0.6 and --bom's; --tabel is table but for two
# letters swapped, 2 x 4 / 10 = 0.8, where --help is 2 x 2 / 9 = 0.44.
@pytest.mark.parametrize(("args", "english", "chinese"), [
    (["run", "{plan}", "--sets", "a=1"], "--sets: no such option; did you mean --set?",
     "--sets：没有这个选项；是否想写 --set？"),
    (["run", "{plan}", "--formt", "json"], "--formt: no such option; did you mean --format?",
     "--formt：没有这个选项；是否想写 --format？"),
    (["run", "{plan}", "--fromat", "json"], "--fromat: no such option; did you mean --format?",
     "--fromat：没有这个选项；是否想写 --format？"),
    (["simulate", "{plan}", "--seeds", "3"], "--seeds: no such option; did you mean --seed?",
     "--seeds：没有这个选项；是否想写 --seed？"),
    (["curves", "{plan}", "--tabel", "x"], "--tabel: no such option; did you mean --table?",
     "--tabel：没有这个选项；是否想写 --table？"),
])
def test_a_mistyped_option_is_offered_the_nearest_alone(args: list[str], english: str, chinese: str) -> None:
    args = [str(PLAN) if arg == "{plan}" else arg for arg in args]
    assert _refused(args, "en") == f"aigc-roi: {english}"
    assert _refused(args, "zh") == f"aigc-roi: {chinese}"


# Click reads -set as -s -e -t and refused -s; -output as -o with the value 'utput', a file so named.
@pytest.mark.parametrize(("args", "word", "meant"), [
    (["run", "{plan}", "-set", "acquisition[0].bid=3"], "-set", "--set"),
    (["run", "{plan}", "-set=acquisition[0].bid=3"], "-set=acquisition[0].bid=3", "--set"),
    (["run", "{plan}", "-output", "x.json"], "-output", "--output"),
    (["run", "{plan}", "-format", "json"], "-format", "--format"),
    (["run", "{plan}", "-quiet"], "-quiet", "--quiet"),
    (["simulate", "{plan}", "-seeds", "3"], "-seeds", "--seed"),
    (["-lang", "zh", "run", "{plan}"], "-lang", "--lang"),
])
def test_a_long_option_written_with_one_dash_is_offered_it(args: list[str], word: str, meant: str, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    args = [str(PLAN) if arg == "{plan}" else arg for arg in args]
    assert _refused(args, "en") == f"aigc-roi: {word}: no such option; did you mean {meant}?"
    assert _refused(args, "zh") == f"aigc-roi: {word}：没有这个选项；是否想写 {meant}？"
    assert list(tmp_path.iterdir()) == []


def test_short_options_together_and_a_value_joined_are_read_as_before(tmp_path: Path) -> None:
    result = invoke(["run", str(PLAN), "-qfjson", "-o", str(tmp_path / "r.json")])
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "r.json").read_text(encoding="utf-8").startswith("{")
    # -z is no option, and no long one is like 'qz': click's own refusal stands.
    assert _refused(["run", str(PLAN), "-qz"], "en") == "aigc-roi: -z: no such option"


# 'jsn' is json without its o, 2 x 3 / 7 = 0.86; 'JSON' is json but for case; 'p10' is held by 'p10_npv'.
@pytest.mark.parametrize(("args", "english", "chinese"), [
    (["run", "{plan}", "-f", "jsn"],
     "--format: 'jsn' is not one of 'table', 'json', 'csv', 'markdown', 'xlsx'; did you mean 'json'?",
     "--format：'jsn' 不是可选值之一：'table'、'json'、'csv'、'markdown'、'xlsx'；是否想写 'json'？"),
    (["run", "{plan}", "--format", "JSON"],
     "--format: 'JSON' is not one of 'table', 'json', 'csv', 'markdown', 'xlsx'; did you mean 'json'?",
     "--format：'JSON' 不是可选值之一：'table'、'json'、'csv'、'markdown'、'xlsx'；是否想写 'json'？"),
    (["allocate", "{plan}", "--budget", "1万", "--objective", "p10"],
     "--objective: 'p10' is not one of 'npv', 'net_cash', 'p10_npv', 'payback_probability'; did you mean 'p10_npv'?",
     "--objective：'p10' 不是可选值之一：'npv'、'net_cash'、'p10_npv'、'payback_probability'；是否想写 'p10_npv'？"),
    (["run", "{plan}", "--lang", "ZH"], "--lang: expected one of en, zh, found 'ZH'; did you mean 'zh'?", None),
])
def test_a_choices_refused_value_is_offered_the_choice_it_resembles(args: list[str], english: str,
                                                                     chinese: str | None) -> None:
    args = [str(PLAN) if arg == "{plan}" else arg for arg in args]
    result = invoke(args)
    assert (result.exit_code, result.stderr.strip()) == (2, f"aigc-roi: {english}")
    if chinese is not None:
        assert _refused(args, "zh") == f"aigc-roi: {chinese}"


@pytest.mark.parametrize("name", ["CPA控本", "cpa控本"])
def test_a_gate_named_alone_in_set_is_offered_its_path(name: str, tmp_path: Path) -> None:
    path = _gated(tmp_path)
    text = f"{name}.max_cac=18"
    where = f"--set {text}:1:1: {name}.max_cac"
    assert _refused(["run", str(path), "--set", text], "en") == (
        f"{where}: no channel, plan, purchase, order or fixed cost is named '{name}'; did you mean "
        "'gates[CPA控本].max_cac'?")
    assert _refused(["run", str(path), "--set", text], "zh") == (
        f"{where}: 没有名为 '{name}' 的渠道、会员方案、单次购买、订单或固定成本；是否想写 'gates[CPA控本].max_cac'？")
    # The path offered sets the gate's threshold.
    assert invoke(["run", str(path), "--set", "gates[CPA控本].max_cac=18"]).exit_code == 0


def test_a_gate_set_whole_by_its_name_alone_is_offered_its_path(tmp_path: Path) -> None:
    path = tmp_path / "cap.yaml"
    path.write_text(GATED.replace("THEN", "信息流").replace("CPA控本", "Cap"), encoding="utf-8")
    text = "Cap={name: Cap, after_month: 6, channels: [抖音激活CPA], max_cac: 18}"
    assert _refused(["run", str(path), "--set", text], "en") == (
        f"--set {text}:1:1: Cap: 'Cap' is an item's name, not a key of the file: set the item whole at its path, gates[Cap]")


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "expected the name of a channel in acquisition (抖音达人, 抖音激活CPA, 信息流), found '抖音激活cpa'; "
           "did you mean '抖音激活CPA'?"),
    ("zh", "应为 acquisition 中的渠道名称（抖音达人、抖音激活CPA、信息流），实际为 '抖音激活cpa'；是否想写 '抖音激活CPA'？"),
])
def test_a_gates_channel_in_another_case_is_offered_the_channel(lang: str, said: str, tmp_path: Path) -> None:
    path = _gated(tmp_path, "抖音激活cpa")
    result = invoke(["validate", str(path), "--lang", lang])
    assert result.exit_code == 2
    assert result.stdout == f"{path}:12:74: gates[0].then[0]: {said}\n"


@pytest.mark.parametrize(("option", "text"), [("--lock", "抖音激活cpa"), ("--min", "抖音激活cpa=1万"),
                                              ("--max", "抖音激活cpa=1万")])
def test_allocates_channel_in_another_case_is_offered_the_channel(option: str, text: str, tmp_path: Path) -> None:
    args = ["allocate", str(_gated(tmp_path)), "--budget", "10万", option, text]
    assert _refused(args, "en") == f"aigc-roi: {option}: no channel named '抖音激活cpa'; did you mean '抖音激活CPA'?"
    assert _refused(args, "zh") == f"aigc-roi: {option}：没有名为 '抖音激活cpa' 的渠道；是否想写 '抖音激活CPA'？"


def test_actuals_map_to_a_channel_in_another_case_is_offered_the_channel(tmp_path: Path) -> None:
    export = tmp_path / "dy.csv"
    export.write_text("date,campaign,spend,installs\n2025-03-01,dy_a,100,10\n", encoding="utf-8")
    args = ["actuals", str(_gated(tmp_path)), str(export), "--map", "抖音激活cpa=dy_*"]
    assert _refused(args, "en") == ("aigc-roi: --map 抖音激活cpa=dy_*: expected a channel of the plan (抖音达人, 抖音激活CPA, "
                                    "信息流), found '抖音激活cpa'; did you mean '抖音激活CPA'?")
    assert _refused(args, "zh") == ("aigc-roi: --map 抖音激活cpa=dy_*：应为方案中的渠道（抖音达人、抖音激活CPA、信息流），"
                                    "实际为 '抖音激活cpa'；是否想写 '抖音激活CPA'？")


def test_the_librarys_lock_in_another_case_is_offered_the_channel(tmp_path: Path) -> None:
    scenario = load_text(GATED.replace("THEN", "信息流"), "g6.yaml").scenario
    with pytest.raises(api.AllocationError, match=r"^locks\[0\]: no channel named '抖音激活cpa'; did you mean '抖音激活CPA'\?$"):
        api.allocate(scenario, 100_000, locks="抖音激活cpa")


def test_the_rule_puts_the_nearest_first_and_offers_no_far_one() -> None:
    from aigc_roi.model.names import resembling  # the rule's home: model/paths.py held it, as it held names only

    # Held: 'sample' is in both, samples by 2 x 6 / 13 = 0.92 before samples-out by 2 x 6 / 17 = 0.71.
    assert resembling("sample", ["samples-out", "set", "samples"]) == ["samples", "samples-out"]
    # One letter is held by no name (max-cash-need holds x), and is near none of these: 2 x 1 / 14 = 0.14.
    assert resembling("x", ["max-cash-need"]) == []
    # Alike but for case or width: only those, before any that holds it.
    assert resembling("抖音激活cpa", ["抖音激活CPA", "抖音激活CPA二期"]) == ["抖音激活CPA"]
