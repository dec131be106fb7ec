"""A name that holds a list's separator (``Douyin, KOL``, ``B、2``) reads as one item of every list a message or
note makes of names, in English and Chinese: it is quoted there (model/names.py ``listed``), and the Chinese, which
joins an English list again with 、, no longer splits it (``Douyin、KOL`` was two channels)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi import api

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "scenarios" / "chat-assistant-cpa.yaml"
EXPORT = ROOT / "examples" / "actuals" / "bilibili.csv"
GATED = """\
name: Gated
horizon_months: 6
acquisition:
  - {name: "A, 1", type: cpa, bid: 10, users: 100}
  - {name: "B、2", type: cpa, bid: 10, users: 100}
  - {name: C, type: cpm, cpm: 10, impressions: 100000, ctr: 0.01, cvr: 0.1}
retention: {monthly_churn: 0.5}
gates:
  - {name: g, after_month: 2, channels: ["A, 1"], then: ["B、2", C], min_roas: 1000%}
"""


def _plan(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _kol(tmp_path: Path) -> Path:
    """The CPA plan with its Douyin channel named ``Douyin, KOL``."""
    return _plan(tmp_path, PLAN.read_text(encoding="utf-8").replace("name: Douyin activation CPA", 'name: "Douyin, KOL"'))


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "expected the name of a channel in acquisition ('A, 1', 'B、2', C), found 'Z'"),
    ("zh", "应为 acquisition 中的渠道名称（'A, 1'、'B、2'、C），实际为 'Z'"),
])
def test_a_gates_unknown_channel_lists_each_channel_whole(lang: str, said: str, tmp_path: Path) -> None:
    path = _plan(tmp_path, GATED.replace('then: ["B、2", C]', "then: [Z]"))
    result = invoke(["validate", str(path), "--lang", lang])
    assert result.exit_code == 2
    assert result.stdout == f"{path}:9:58: gates[0].then[0]: {said}\n"


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "--map Nope=bili_*: expected a channel of the plan (Bilibili CPA (registered user), 'Douyin, KOL'), "
           "found 'Nope'"),
    ("zh", "--map Nope=bili_*：应为方案中的渠道（Bilibili CPA (registered user)、'Douyin, KOL'），实际为 'Nope'"),
])
def test_an_unknown_map_channel_lists_each_channel_whole(lang: str, said: str, tmp_path: Path) -> None:
    result = invoke(["actuals", str(_kol(tmp_path)), str(EXPORT), "--map", "Nope=bili_*", "--lang", lang])
    assert result.exit_code == 2
    assert result.stderr == f"aigc-roi: {said}\n"


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "the marginal ROAS of 'Douyin, KOL' never falls to 0.01 (no diminishing returns): give it a --max"),
    ("zh", "'Douyin, KOL' 的边际 ROAS 永远不会降到 0.01（没有边际递减）：请给它设 --max"),
])
def test_a_channel_without_diminishing_returns_is_named_whole(lang: str, said: str, tmp_path: Path) -> None:
    result = invoke(["allocate", str(_kol(tmp_path)), "--target-roas", "0.01", "--lang", lang])
    assert result.exit_code == 2
    assert result.stderr == f"aigc-roi: {said}\n"


def test_the_library_lists_a_channel_named_with_a_comma_whole(tmp_path: Path) -> None:
    with pytest.raises(api.WhatIfError) as refused:
        api.actuals(api.load(_kol(tmp_path)), EXPORT, [("Nope", "x*")])
    assert str(refused.value) == ("maps[0]: expected a channel of the plan (Bilibili CPA (registered user), "
                                  "'Douyin, KOL'), found 'Nope'")


@pytest.mark.parametrize(("lang", "stopped", "unit_costs"), [
    # A ROAS of 1000% is never met: the gate stops B、2 and C after month 2.
    ("en", "g failed: 'A, 1', 'B、2', C buy no users after M2.", "Max bid ('A, 1', 'B、2'), Max CPM (C)"),
    ("zh", "g 未通过：'A, 1'、'B、2'、C 在 M2 之后不再获客。", "最高出价（'A, 1'、'B、2'）、最高 CPM（C）"),
])
def test_the_run_notes_list_each_channel_whole(lang: str, stopped: str, unit_costs: str, tmp_path: Path) -> None:
    from aigc_roi.present.channel_notes import channel_notes
    from aigc_roi.present.run_data import run_report

    path = _plan(tmp_path, GATED)
    result = invoke(["run", str(path), "--lang", lang, "--format", "markdown"])
    assert result.exit_code == 0, result.stderr
    assert f"\n{stopped}\n" in result.stdout
    scenario = api.load(path)
    assert any(unit_costs in note for note in channel_notes(run_report(scenario, api.run(scenario)).channels, lang))
