"""A path whose field is a Chinese word (QA zh-cli 2): ``--set '月度会员.价格=29'`` was refused with "expected
PATH=VALUE such as acquisition[0].bid=25", which it is; every option taking a path now offers the key the word means,
the one the item has where the word means several (出价 is a cpa channel's bid, a cpm channel's cpm), at the option,
exit 2, as --grid offers it."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

PLAN = """version: 1
name: 词
horizon_months: 12
virality: 0.05
retention:
  points: {1: 0.4, 12: 0.1}
acquisition:
  - {name: 千川, type: cpm, cpm: 35, ctr: 1.5%, cvr: 10%, budget: 10万}
  - {name: 激活, type: cpa, bid: 20, budget: 1万}
monetization:
  plans:
    - {name: 月度会员, price: 39, period: month, conversion: 10%, renewal: 0.6}
"""


@pytest.fixture
def plan(tmp_path: Path) -> str:
    path = tmp_path / "p.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(("setting", "meant"), [
    ("月度会员.价格=29", "月度会员.price"),
    ("千川.出价=20", "千川.cpm"),  # a cpm channel has no bid: its cpm is what it bids
    ("激活.出价=20", "激活.bid"),
    ("acquisition[千川].预算=5万", "acquisition[千川].budget"),
    ("monetization.plans[0].续费率=0.5", "monetization.plans[0].renewal"),
    ("月度会员.转化率=5%", "月度会员.conversion"),
])
def test_set_offers_the_key(plan: str, setting: str, meant: str) -> None:
    path = setting.split("=")[0]
    result = invoke(["run", plan, "--set", setting])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.strip() == (f"--set {setting}:1:1: '{path}' writes a field in Chinese, and a path takes its "
                                     f"key: did you mean '{meant}'?")
    zh = invoke(["run", plan, "--set", setting, "--lang", "zh"])
    assert zh.exit_code == 2
    assert zh.stderr.strip() == f"--set {setting}:1:1: '{path}' 用中文写了字段名，而路径只认英文字段名：是否想写 '{meant}'？"


def test_the_offer_is_taken(plan: str) -> None:
    assert invoke(["run", plan, "--set", "月度会员.price=29"]).exit_code == 0


def test_variant_offers_the_key(plan: str) -> None:
    result = invoke(["compare", plan, "--variant", "降价: 月度会员.价格=29"])
    assert result.exit_code == 2
    assert "'月度会员.价格' writes a field in Chinese, and a path takes its key: did you mean '月度会员.price'?" in result.stderr
    assert "expected PATH=VALUE" not in result.stderr


def test_grid_offers_the_key(plan: str) -> None:
    result = invoke(["sensitivity", plan, "--grid", "月度会员.价格,千川.cpm"])
    assert result.exit_code == 2
    assert result.stderr.strip() == ("aigc-roi: --grid: '月度会员.价格' is not a driver; did you mean "
                                     "'monetization.plans[月度会员].price'?")


def test_an_unknown_item_is_still_told_its_shape(plan: str) -> None:
    """No item so named: the word's key would name nothing, so no key is offered."""
    result = invoke(["run", plan, "--set", "没有.价格=29"])
    assert result.exit_code == 2 and "did you mean" not in result.stderr


@pytest.mark.parametrize(("setting", "meant"), [
    # The word followed by more path: read as a name with a dot (月度会员.价格), or as no path at all, each was told
    # the generic refusal; the path after the word is kept in the key offered.
    ("月度会员.价格.by_month.6=29", "月度会员.price.by_month.6"),
    ("acquisition[1].出价.by_month.6=20", "acquisition[1].bid.by_month.6"),
    ("acquisition[0].出价.by_month.6=20", "acquisition[0].cpm.by_month.6"),  # 千川 is a cpm channel: its cpm
    ("激活.出价.low=18", "激活.bid.low"),
])
def test_set_offers_the_key_with_the_path_after_it(plan: str, setting: str, meant: str) -> None:
    path = setting.split("=")[0]
    result = invoke(["run", plan, "--set", setting])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.strip() == (f"--set {setting}:1:1: '{path}' writes a field in Chinese, and a path takes its "
                                     f"key: did you mean '{meant}'?")
    zh = invoke(["run", plan, "--set", setting, "--lang", "zh"])
    assert zh.exit_code == 2
    assert zh.stderr.strip() == f"--set {setting}:1:1: '{path}' 用中文写了字段名，而路径只认英文字段名：是否想写 '{meant}'？"


def test_the_offer_with_a_path_after_it_names_a_month(plan: str) -> None:
    """The offered path is one --set reads: the by_month is refused for a value written once, not the path."""
    result = invoke(["run", plan, "--set", "月度会员.price.by_month.6=29"])
    assert result.exit_code == 2 and "cannot set one month of a value written once" in result.stderr
