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
    # the generic refusal; the path after the word is kept in the key offered, which --set takes.
    ("千川.出价.by_month.6=20", "千川.cpm.by_month.6"),  # 千川 is a cpm channel written by month: its cpm
    ("月度会员.转化率.low=5%", "月度会员.conversion.low"),
])
def test_set_offers_the_key_with_the_path_after_it(by_month_plan: str, setting: str, meant: str) -> None:
    path = setting.split("=")[0]
    result = invoke(["run", by_month_plan, "--set", setting])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.strip() == (f"--set {setting}:1:1: '{path}' writes a field in Chinese, and a path takes its "
                                     f"key: did you mean '{meant}'?")
    zh = invoke(["run", by_month_plan, "--set", setting, "--lang", "zh"])
    assert zh.exit_code == 2
    assert zh.stderr.strip() == f"--set {setting}:1:1: '{path}' 用中文写了字段名，而路径只认英文字段名：是否想写 '{meant}'？"
    assert invoke(["run", by_month_plan, "--set", f"{meant}={setting.split('=')[1]}"]).exit_code == 0


BY_MONTH_PLAN = PLAN.replace("cpm: 35,", "cpm: {by_month: {1: 35, 12: 30}},").replace(
    "conversion: 10%,", "conversion: {low: 8%, high: 12%},")


@pytest.fixture
def by_month_plan(tmp_path: Path) -> str:
    path = tmp_path / "b.yaml"
    path.write_text(BY_MONTH_PLAN, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(("setting", "meant", "refusal", "zh"), [
    # A month of a value written once: the path meant is refused in turn, its refusal's schedule said at once (39
    # held through month 5), where '月度会员.price.by_month.6月' was offered and refused for its month once followed.
    ("月度会员.价格.by_month.6月=29", "月度会员.price.by_month.6",
     "cannot set one month of a value written once; replace it whole, such as "
     "monetization.plans[月度会员].price={by_month: {1: 39, 5: 39, 6: 29}}",
     "不能只设置单一取值的某个月；请整体替换，如 monetization.plans[月度会员].price={by_month: {1: 39, 5: 39, 6: 29}}"),
    ("acquisition[1].出价.by_month.6=25", "acquisition[1].bid.by_month.6",
     "cannot set one month of a value written once; replace it whole, such as "
     "acquisition[1].bid={by_month: {1: 20, 5: 20, 6: 25}}",
     "不能只设置单一取值的某个月；请整体替换，如 acquisition[1].bid={by_month: {1: 20, 5: 20, 6: 25}}"),
    # A plan has no bid (nor a cpm): '月度会员.bid.by_month.6' was offered, refused once followed.
    ("月度会员.出价.by_month.6=10", "月度会员.bid.by_month.6",
     "unknown key 'bid'; it belongs in an item of acquisition with type: cpa",
     "未知字段 'bid'；它应写在 acquisition 中 type 为 cpa 的项里"),
    ("月度会员.出价=10", "月度会员.bid", "unknown key 'bid'; it belongs in an item of acquisition with type: cpa",
     "未知字段 'bid'；它应写在 acquisition 中 type 为 cpa 的项里"),
    # A bracket after the word was the generic 'expected PATH=VALUE'.
    ("激活.出价[0]=1", "激活.bid[0]", "cannot set '[0]' inside a value that is not a mapping",
     "不能在非映射的值中设置 '[0]'"),
    ("激活.出价.low=18", "激活.bid.low", "cannot set 'low' inside a value that is not a mapping",
     "不能在非映射的值中设置 'low'"),
])
def test_a_path_meant_that_is_refused_in_turn_says_why(plan: str, setting: str, meant: str, refusal: str,
                                                       zh: str) -> None:
    path = setting.split("=")[0]
    result = invoke(["run", plan, "--set", setting])
    assert result.exit_code == 2 and "did you mean" not in result.stderr
    assert result.stderr.strip() == (f"--set {setting}:1:1: '{path}' writes a field in Chinese, and a path takes its "
                                     f"key, but '{meant}' is refused too: {refusal}")
    assert invoke(["run", plan, "--set", setting, "--lang", "zh"]).stderr.strip() == (
        f"--set {setting}:1:1: '{path}' 用中文写了字段名，而路径只认英文字段名，但 '{meant}' 同样不能设置：{zh}")
    schedule = refusal.partition("such as ")[2]
    if schedule:
        assert invoke(["run", plan, "--set", schedule]).exit_code == 0


def test_a_worded_month_of_a_schedule_is_offered_by_each_number(tmp_path: Path) -> None:
    """From a March start 6月 is the plan's month 6 or June, month 4: both paths offered, each taken."""
    path = tmp_path / "s.yaml"
    path.write_text(PLAN.replace("horizon_months: 12", "horizon_months: 12\nstart: 2025-03").replace(
        "price: 39,", "price: {by_month: {1: 39, 12: 39}},"), encoding="utf-8")
    result = invoke(["run", str(path), "--set", "月度会员.价格.by_month.6月=29"])
    assert result.exit_code == 2
    assert result.stderr.strip().endswith(
        "did you mean '月度会员.price.by_month.6' if it means the plan's month 6, or '月度会员.price.by_month.4' if it "
        "means calendar month 6 (start 2025-03 is month 1)?")
    assert invoke(["run", str(path), "--set", "月度会员.价格.by_month.6月=29", "--lang", "zh"]).stderr.strip().endswith(
        "是否想写 '月度会员.price.by_month.6'（若指方案的第 6 个月）；或 '月度会员.price.by_month.4'（若指日历上的 6 月，"
        "start 2025-03 为第 1 月）？")
    for month in (6, 4):
        assert invoke(["run", str(path), "--set", f"月度会员.price.by_month.{month}=29"]).exit_code == 0
