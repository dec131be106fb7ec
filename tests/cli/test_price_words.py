"""An ad platform's word for a price, written as a channel's ``type`` or as a key of it, is told the field that holds
that price and how to convert it (spec §3): ``type: cpc`` was offered ``did you mean 'cpa' or 'cpm'?``, as a key
``cpc:`` on a cpm channel ``'cpm'``, either of which reads a price per click as a price per user or per 1,000
impressions. A click at cpc, with ctr clicks an impression and cvr users a click, is a cpm of cpc x ctr x 1000 and
a user at cpc / cvr; an install is a user, and a CPA or a CAC a cpa channel's bid."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.reader.load import load_text

CPC = ("a cost per click is no channel type or field: a cpm channel's cpm is cpc x ctr x 1000, a cpa channel's bid is "
       "cpc / cvr")
CPC_ZH = "按点击计费（CPC）既不是渠道类型也不是字段：cpm 渠道的 cpm = cpc × ctr × 1000，cpa 渠道的 bid = cpc / cvr"
CPI = "a cost per install is a cost per user: a cpa channel's bid"
CPI_ZH = "按安装计费（CPI）即每个用户的成本：写作 cpa 渠道的 bid"
PER_USER = "a cost per user is a cpa channel's bid"
PER_USER_ZH = "每个用户的成本（CPA、CAC）写作 cpa 渠道的 bid"
HEAD = "name: P\nretention: {monthly_churn: 0.5}\nacquisition:\n"


def told(channel: str) -> list[str]:
    with pytest.raises(ScenarioInvalid) as raised:
        load_text(HEAD + f"  - {{name: A, {channel}}}\n", "s.yaml")
    return [str(error) for error in raised.value.errors]


TYPE_AT = f"s.yaml:4:{len('  - {name: A, type: ') + 1}: acquisition[0].type: expected one of cpa, cpm, kol, flat"


@pytest.mark.parametrize(("word", "hint"), [("cpc", CPC), ("CPC", CPC), ("cpi", CPI), ("cac", PER_USER)])
def test_a_price_word_as_a_type_is_told_where_its_price_goes(word: str, hint: str) -> None:
    assert told(f"type: {word}, budget: 900, bid: 2") == [f"{TYPE_AT}, found '{word}'; {hint}"]


def test_a_types_own_word_in_capitals_is_still_that_type() -> None:
    assert told("type: CPA, budget: 900, bid: 2") == [f"{TYPE_AT}, found 'CPA'; did you mean 'cpa'?"]


@pytest.mark.parametrize(("channel", "key", "hint"), [
    ("type: cpm, cpc: 0.5, ctr: 1%, cvr: 10%, budget: 900", "cpc", CPC),   # was: did you mean 'cpm'?
    ("type: cpa, cpc: 0.5, budget: 900", "cpc", CPC),
    ("type: cpa, cpi: 3, budget: 900", "cpi", CPI),
    ("type: cpa, cpa: 3, budget: 900", "cpa", PER_USER),
    ("type: cpa, CAC: 3, budget: 900", "CAC", PER_USER),
    ("cpc: 0.5, budget: 900", "cpc", CPC),                                 # no type yet
])
def test_a_price_word_as_a_channels_key_is_told_where_its_price_goes(channel: str, key: str, hint: str) -> None:
    column = len("  - {name: A, ") + channel.index(f"{key}:") + 1
    assert f"s.yaml:4:{column}: acquisition[0].{key}: unknown key '{key}'; {hint}" in told(channel)


@pytest.mark.parametrize(("lang", "expected", "hint"), [
    ("en", "expected one of cpa, cpm, kol, flat, found 'cpc'; ", CPC),
    ("zh", "应为以下之一：cpa、cpm、kol、flat，实际为 'cpc'；", CPC_ZH),
])
def test_validate_tells_type_cpc_in_both_languages(tmp_path: Path, lang: str, expected: str, hint: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(HEAD + "  - {name: A, type: cpc, budget: 900, bid: 2}\n", encoding="utf-8")
    result = invoke(["--lang", lang, "validate", "-q", str(path)])
    column = len("  - {name: A, type: ") + 1
    assert (result.exit_code, result.stdout) == (2, f"{path}:4:{column}: acquisition[0].type: {expected}{hint}\n")


@pytest.mark.parametrize(("lang", "channel", "key", "hint"), [
    ("en", "type: cpm, cpm: 20, ctr: 1%, cvr: 10%, budget: 900, cpi: 3", "cpi", f"unknown key 'cpi'; {CPI}"),
    ("zh", "type: cpm, cpm: 20, ctr: 1%, cvr: 10%, budget: 900, cpi: 3", "cpi", f"未知字段 'cpi'；{CPI_ZH}"),
    ("zh", "type: cpa, bid: 2, budget: 900, cac: 3", "cac", f"未知字段 'cac'；{PER_USER_ZH}"),
    ("zh", "type: cpm, cpm: 20, ctr: 1%, cvr: 10%, budget: 900, cpc: 3", "cpc", f"未知字段 'cpc'；{CPC_ZH}"),
])
def test_a_price_word_key_in_both_languages(tmp_path: Path, lang: str, channel: str, key: str, hint: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(HEAD + f"  - {{name: A, {channel}}}\n", encoding="utf-8")
    result = invoke(["--lang", lang, "validate", "-q", str(path)])
    column = len("  - {name: A, ") + channel.index(f"{key}:") + 1
    assert (result.exit_code, result.stdout) == (2, f"{path}:4:{column}: acquisition[0].{key}: {hint}\n")
