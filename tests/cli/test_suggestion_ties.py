"""The rule of every suggestion (model/names.py ``resembling``, docs/formulas.md §12) offers every name as near as the
nearest, offers none below difflib's ratio of 0.6, reaches every field that chooses a word, and a long option written
with one dash that is another command's is told so, as with two dashes.

Nearness is difflib's ratio 2 x M / T (M characters matched, T the two lengths together), compared case aside."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.model.names import resembling

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "scenarios" / "chat-assistant-cpa.yaml"

TWINS = """\
name: Two of a kind
horizon_months: 12
acquisition:
  - {name: 抖音A, type: cpa, bid: 12, budget: 5万}
  - {name: 抖音B, type: cpa, bid: 15, budget: 5万}
retention: {points: {1: 0.3, 12: 0.08}}
monetization:
  plans: [{name: M, price: 29, period: month, conversion: 2%}]
"""


def _refused(args: list[str], lang: str) -> str:
    result = invoke([*args, "--lang", lang])
    assert result.exit_code == 2, result.stdout
    return result.stderr.strip()


def _plan(args: list[str]) -> list[str]:
    return [str(PLAN) if arg == "{plan}" else arg for arg in args]


# --seed is an option of compare, simulate, allocate, actuals, check and report; click read -seed as -s and refused
# it, and -objective as -o with the value 'bjective', a file so named written.
def test_a_one_dash_option_of_other_commands_names_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert _refused(["run", str(PLAN), "-seed", "5"], "en") == (
        "aigc-roi: -seed: no such option; --seed is an option of compare, simulate, allocate, actuals, check and "
        "report, not of run, which uses the median of each range")
    assert _refused(["run", str(PLAN), "-seed", "5"], "zh") == (
        "aigc-roi: -seed：没有这个选项；--seed 是 compare、simulate、allocate、actuals、check 和 report 的选项，run 没有它："
        "run 按各区间的中位数计算")
    assert _refused(["run", str(PLAN), "-objective", "npv"], "en") == (
        "aigc-roi: -objective: no such option; --objective is an option of allocate, not of run")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args", [
    ["validate", "{plan}", "-set", "x=1"], ["validate", "{plan}", "-set=x=1"], ["schema", "-set", "x"],
    ["init", "-set", "x"], ["run", "{plan}", "-samples", "5"], ["init", "-table", "x"], ["validate", "{plan}", "-force"],
])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_one_dash_option_of_other_commands_is_told_as_with_two(args: list[str], lang: str, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    word = next(arg for arg in args if arg.startswith("-"))
    long = "-" + word.partition("=")[0]
    two_dashes = ["-" + arg if arg == word else arg for arg in _plan(args)]
    said = _refused(_plan(args), lang)
    assert said == _refused(two_dashes, lang).replace(f"aigc-roi: {long}", f"aigc-roi: {word}", 1)
    assert f"{long} is an option of " in said or f"{long} 是 " in said
    assert list(tmp_path.iterdir()) == []


# Each shares a letter, two or three with the option offered before, a ratio of 0.5 (set and quiet: 'et', 2 x 2 / 8;
# seeds and set: 'se', 2 x 2 / 8; o and bom: 2 x 1 / 4; samples and table: 'a', 'le', 2 x 3 / 12) or 0.57 (seed
# and set, 2 x 2 / 7): no slip of one another.
@pytest.mark.parametrize("args", [["run", "{plan}", "--seeds", "3"], ["run", "{plan}", "--o", "x"],
                                  ["run", "{plan}", "--bogus"]])
def test_a_weak_likeness_is_no_suggestion(args: list[str]) -> None:
    option = args[2]
    assert _refused(_plan(args), "en") == f"aigc-roi: {option}: no such option"
    assert _refused(_plan(args), "zh") == f"aigc-roi: {option}：没有这个选项"


def test_the_cutoff_and_ties() -> None:
    assert resembling("set", ["quiet", "verbose", "format"]) == []
    assert resembling("seed", ["set", "table"]) == []
    # cpc is cpa as much as cpm, 2 x 2 / 6 each: both, in the order given.
    assert resembling("cpc", ["cpa", "cpm", "kol", "flat"]) == ["cpa", "cpm"]
    assert resembling("tabel", ["table", "bom"]) == ["table"]


@pytest.mark.parametrize(("text", "english", "chinese"), [
    # cpx, 2 x 2 / 6 of each (cpc, a price's word, is told where its price goes: test_price_words.py).
    ("acquisition[0].type=cpx", "acquisition[0].type: expected one of cpa, cpm, kol, flat, found 'cpx'; did you mean "
     "'cpa' or 'cpm'?", "acquisition[0].type: 应为以下之一：cpa、cpm、kol、flat，实际为 'cpx'；是否想写 'cpa' 或 'cpm'？"),
    # A word of the periods is no type: 'yearly' is near no type (2 x 1 / 10 with cpa).
    ("acquisition[0].type=yearly", "acquisition[0].type: expected one of cpa, cpm, kol, flat, found 'yearly'",
     "acquisition[0].type: 应为以下之一：cpa、cpm、kol、flat，实际为 'yearly'"),
])
def test_a_type_as_near_two_is_offered_both(text: str, english: str, chinese: str) -> None:
    assert _refused(["run", str(PLAN), "--set", text], "en") == f"--set {text}:1:1: {english}"
    assert _refused(["run", str(PLAN), "--set", text], "zh") == f"--set {text}:1:1: {chinese}"


DISTS = "lognormal, normal, uniform, triangular"


# triangle is triangular but 'e' for 'ar', 2 x 7 / 18 = 0.78; norm is held by normal and lognormal, normal nearer
# (2 x 4 / 10 against 2 x 4 / 13); Normal is normal but for case; monthly is a period's slip, no distribution's.
@pytest.mark.parametrize(("dist", "hint", "hint_zh"), [
    ("triangle", "; did you mean 'triangular'?", "；是否想写 'triangular'？"),
    ("norm", "; did you mean 'normal' or 'lognormal'?", "；是否想写 'normal' 或 'lognormal'？"),
    ("Normal", "; did you mean 'normal'?", "；是否想写 'normal'？"),
    ("monthly", "", ""),
])
def test_a_distribution_is_offered_the_one_it_resembles(dist: str, hint: str, hint_zh: str, tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    path.write_text(PLAN.read_text(encoding="utf-8"), encoding="utf-8")
    text = f"acquisition[0].bid={{dist: {dist}, low: 1, mode: 2, high: 3}}"
    where = f"--set {text}:1:8: acquisition[0].bid.dist: "
    assert _refused(["run", str(path), "--set", text], "en") == f"{where}expected one of {DISTS}, found '{dist}'{hint}"
    assert _refused(["run", str(path), "--set", text], "zh") == (
        f"{where}应为以下之一：{DISTS.replace(', ', '、')}，实际为 '{dist}'{hint_zh}")


@pytest.mark.parametrize("months", ["All", "alll"])
def test_months_all_misspelt_is_offered_all(months: str) -> None:
    text = f"acquisition[0].months={months}"
    expected = "all, a month, a span 'a-b' or a list of months within 1..24"
    assert _refused(["run", str(PLAN), "--set", text], "en") == (
        f"--set {text}:1:1: acquisition[0].months: expected {expected}, found '{months}'; did you mean 'all'?")
    assert _refused(["run", str(PLAN), "--set", text], "zh") == (
        f"--set {text}:1:1: acquisition[0].months: 应为 all、单个月份、区间 'a-b' 或 1..24 之内的月份列表，实际为 '{months}'；"
        "是否想写 'all'？")


# 抖音C is 抖音A as much as 抖音B: 2 x 2 / 6 each.
def test_two_channels_as_near_are_both_offered(tmp_path: Path) -> None:
    path = tmp_path / "twins.yaml"
    path.write_text(TWINS, encoding="utf-8")
    assert _refused(["sensitivity", str(path), "--grid", "抖音C.bid,M.price"], "en") == (
        "aigc-roi: --grid: '抖音C.bid' is not a driver; did you mean 'acquisition[抖音A].bid' or 'acquisition[抖音B].bid'?")
    assert _refused(["sensitivity", str(path), "--grid", "抖音C.bid,M.price"], "zh") == (
        "aigc-roi: --grid：'抖音C.bid' 不是驱动因素；是否想写 'acquisition[抖音A].bid' 或 'acquisition[抖音B].bid'？")
    assert _refused(["allocate", str(path), "--budget", "10万", "--lock", "抖音C"], "en") == (
        "aigc-roi: --lock: no channel named '抖音C'; did you mean '抖音A' or '抖音B'?")


# feed is held by both, feed-ads-only nearer (2 x 4 / 17 against 2 x 4 / 28).
def test_a_template_offers_every_one_it_resembles(tmp_path: Path) -> None:
    args = ["init", str(tmp_path / "x.yaml"), "--template", "feed"]
    assert _refused(args, "en").startswith(
        "aigc-roi: --template: no template named 'feed' (did you mean 'feed-ads-only' or 'video-tool-kol-then-feed'?); ")
    assert _refused(args, "zh").startswith(
        "aigc-roi: --template：没有名为 'feed' 的模板（是否想用 'feed-ads-only' 或 'video-tool-kol-then-feed'？）；")
