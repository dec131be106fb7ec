"""A channel written in the file but unreadable (its ``type:`` none of the types, or missing) is told at its type
alone: a gate that names it was also told the name is none of acquisition's channels, listing the others, where the
channel is there and only its type is wrong. And a table's word for a type (达人, 按转化付费, the organic row's 自然)
written as ``type:`` is told the type it means, as ``period: 年`` is told 'year'."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

PLAN = """\
name: G
acquisition:
  - name: 小红书达人（种草）
    type: TYPE
    posts: 2
    fee: 3000
    views: 10000
    view_to_user: 1%
  - {name: 抖音激活 CPA（安卓）, type: cpa, bid: 10, budget: 100}
retention: {monthly_churn: 0.3}
gates:
  - name: g
    after_month: 2
    channels: [小红书达人（种草）]
    min_roas: 1
    then: [抖音激活 CPA（安卓）, 小红书达人（种草）]
"""


def _lines(tmp_path: Path, text: str, lang: str) -> list[str]:
    path = tmp_path / "g.yaml"
    path.write_text(text, encoding="utf-8")
    result = invoke(["validate", str(path), "--lang", lang])
    assert result.exit_code == 2
    return [line.removeprefix(f"{path}:") for line in result.stdout.splitlines()]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("written", ["达人", "koc", "CPA", "按展示付费", "video"])
def test_a_gate_naming_a_channel_of_an_invalid_type_is_no_second_error(tmp_path: Path, written: str,
                                                                       lang: str) -> None:
    lines = _lines(tmp_path, PLAN.replace("TYPE", written), lang)
    # One error, at line 4 column 11 (the type's value): none at the gate's lines 15 and 17.
    assert len(lines) == 1
    assert lines[0].startswith("4:11: acquisition[0].type: ")


def test_a_channel_with_no_type_is_not_unknown_to_its_gate(tmp_path: Path) -> None:
    lines = _lines(tmp_path, PLAN.replace("    type: TYPE\n", ""), "en")
    assert lines == ["3:5: acquisition[0].type: missing required key 'type'"]


def test_a_name_no_channel_has_is_still_refused_beside_an_invalid_channel(tmp_path: Path) -> None:
    """Only the unreadable channel's own name is let by: a gate's slip of a name is still an unknown name."""
    text = PLAN.replace("TYPE", "达人").replace("channels: [小红书达人（种草）]", "channels: [小红书达人]")
    lines = _lines(tmp_path, text, "en")
    assert [line.split(": ")[1] for line in lines] == ["acquisition[0].type", "gates[0].channels[0]"]


@pytest.mark.parametrize(("written", "meant"), [("达人", "kol"), ("按转化付费", "cpa"), ("按展示付费", "cpm"),
                                                ("固定费用", "flat")])
def test_a_tables_word_for_a_type_is_told_the_type(tmp_path: Path, written: str, meant: str) -> None:
    # The words run --lang zh prints in a channel table's type column (README, model/channels/).
    expected = "acquisition[0].type: expected one of cpa, cpm, kol, flat, found"
    assert _lines(tmp_path, PLAN.replace("TYPE", written), "en") == [
        f"4:11: {expected} '{written}'; did you mean '{meant}'?"]
    assert _lines(tmp_path, PLAN.replace("TYPE", written), "zh") == [
        f"4:11: acquisition[0].type: 应为以下之一：cpa、cpm、kol、flat，实际为 '{written}'；是否想写 '{meant}'？"]


@pytest.mark.parametrize("written", ["自然", "organic"])
def test_the_organic_rows_word_is_told_where_organic_users_go(tmp_path: Path, written: str) -> None:
    assert _lines(tmp_path, PLAN.replace("TYPE", written), "en") == [
        f"4:11: acquisition[0].type: expected one of cpa, cpm, kol, flat, found '{written}'; organic users are no "
        "channel: write them at the top level, organic_users: (new users a month)"]
    assert _lines(tmp_path, PLAN.replace("TYPE", written), "zh")[0].endswith(
        "；自然流量不是渠道：请在文件顶层写 organic_users:（每月新增用户数）")
