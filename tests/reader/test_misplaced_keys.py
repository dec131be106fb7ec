"""A key the format has, written at a level that has no such key (``serving_per_subscriber:`` at the top level rather
than under ``costs:``, ``milestones:`` beside ``targets:``, a kol channel's ``posts`` on a cpa channel), is told where
it belongs, in English and Chinese, rather than offered the keys of the level it is at."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.reader.load import load_text

PLAN = """name: 画途
horizon_months: 18
acquisition:
  - {name: 抖音激活CPA, type: cpa, bid: 12, budget: 1000}
retention: {monthly_churn: 0.3}
monetization:
  plans:
    - {name: 月度会员, price: 30, period: month, conversion: 4%}
costs:
  serving_per_active_user: 1
targets:
  min_roi: 0
"""


def _messages(text: str) -> dict[str, str]:
    with pytest.raises(ScenarioInvalid) as raised:
        load_text(text, "s.yaml")
    return {error.path: error.message for error in raised.value.errors}


@pytest.mark.parametrize(("old", "new", "path", "message"), [
    ("costs:\n", "serving_per_subscriber: 2\ncosts:\n", "serving_per_subscriber",
     "unknown key 'serving_per_subscriber'; it belongs under costs:"),
    ("targets:\n  min_roi: 0\n", "targets:\n  min_roi: 0\nmilestones:\n  - {month: 6, subscribers: 2000}\n", "milestones",
     "unknown key 'milestones'; it belongs under targets:"),
    ("retention: {monthly_churn: 0.3}", "retention: {monthly_churn: 0.3}\npoints: {1: 0.4}", "points",
     "unknown key 'points'; it belongs under retention:"),
    # Within a channel, its own retention.
    ("budget: 1000}", "budget: 1000, monthly_churn: 0.5}", "acquisition[0].monthly_churn",
     "unknown key 'monthly_churn'; it belongs under acquisition[0].retention:"),
    ("budget: 1000}", "budget: 1000, posts: 3}", "acquisition[0].posts",
     "unknown key 'posts'; it belongs in an item of acquisition with type: kol"),
    # A letter changed is no slip of a key of the level: a kol channel's posts is no costs misspelt.
    ("costs:\n", "posts: 3\ncosts:\n", "posts", "unknown key 'posts'; it belongs in an item of acquisition with type: kol"),
    ("  serving_per_active_user: 1\n", "  serving_per_active_user: 1\n  name: 团队\n", "costs.name",
     "unknown key 'name'; it belongs in an item of costs.fixed"),
    ("targets:\n", "price: 30\ntargets:\n", "price",
     "unknown key 'price'; it belongs in an item of monetization.plans, monetization.purchases or monetization.orders"),
    ("  min_roi: 0\n", "  min_roi: 0\n  horizon_months: 12\n", "targets.horizon_months",
     "unknown key 'horizon_months'; it belongs at the top level"),
    ("  min_roi: 0\n", "  min_roi: 0\n  retention: {monthly_churn: 0.5}\n", "targets.retention",
     "unknown key 'retention'; it belongs in an item of acquisition or at the top level"),
])
def test_a_key_of_another_level_is_told_where_it_belongs(old: str, new: str, path: str, message: str) -> None:
    assert _messages(PLAN.replace(old, new, 1)) == {path: message}


@pytest.mark.parametrize(("old", "new", "path", "message"), [
    # A misspelling is still offered the key it resembles.
    ("  min_roi: 0\n", "  min_roii: 0\n", "targets.min_roii", "unknown key 'min_roii'; did you mean 'min_roi'?"),
    # One letter from a key of its own level, the slip wins over the level that has the key as written: a
    # milestone's month, a flat channel's cost.
    ("budget: 1000}", "budget: 1000, month: 1-2}", "acquisition[0].month", "unknown key 'month'; did you mean 'months'?"),
    ("costs:\n", "cost:\n", "cost", "unknown key 'cost'; did you mean 'costs'?"),
    # A key of too many items to say which (every item has a name) names the keys of the level instead.
    ("retention: {monthly_churn: 0.3}", "retention: {monthly_churn: 0.3, name: x}", "retention.name",
     "unknown key 'name'; expected one of days, monthly_churn, points"),
])
def test_a_key_of_no_one_other_place_gets_the_keys_of_its_level(old: str, new: str, path: str, message: str) -> None:
    assert _messages(PLAN.replace(old, new, 1)) == {path: message}


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "13:1: milestones: unknown key 'milestones'; it belongs under targets:"),
    ("zh", "13:1: milestones: 未知字段 'milestones'；它应写在 targets: 之下"),
])
def test_validate_says_it_in_both_languages(tmp_path: Path, lang: str, line: str) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(PLAN + "milestones:\n  - {month: 6, subscribers: 2000}\n", encoding="utf-8")
    result = invoke(["validate", str(path), "--lang", lang])
    assert (result.exit_code, result.stdout) == (2, f"{path}:{line}\n")


def test_a_milestones_months_is_its_month_misspelt() -> None:
    plan = PLAN.replace("  min_roi: 0\n", "  min_roi: 0\n  milestones: [{months: 6, subscribers: 2000}]\n")
    assert _messages(plan) == {"targets.milestones[0].months": "unknown key 'months'; did you mean 'month'?"}


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "4:55: acquisition[0].month: unknown key 'month'; did you mean 'months'?"),
    ("zh", "4:55: acquisition[0].month: 未知字段 'month'；是否想写 'months'？"),
])
def test_a_slip_of_a_key_of_its_level_in_both_languages(tmp_path: Path, lang: str, line: str) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(PLAN.replace("budget: 1000}", "budget: 1000, month: 1-2}"), encoding="utf-8")
    result = invoke(["validate", str(path), "--lang", lang])
    assert (result.exit_code, result.stdout) == (2, f"{path}:{line}\n")


@pytest.mark.parametrize(("message", "chinese"), [
    ("unknown key 'posts'; it belongs in an item of acquisition with type: kol",
     "未知字段 'posts'；它应写在 acquisition 中 type 为 kol 的项里"),
    ("unknown key 'budget'; it belongs in an item of acquisition with type: cpa or cpm",
     "未知字段 'budget'；它应写在 acquisition 中 type 为 cpa 或 cpm 的项里"),
    ("unknown key 'price'; it belongs in an item of monetization.plans, monetization.purchases or monetization.orders",
     "未知字段 'price'；它应写在 monetization.plans、monetization.purchases 或 monetization.orders 的列表项里"),
    ("unknown key 'retention'; it belongs in an item of acquisition or at the top level",
     "未知字段 'retention'；它应写在 acquisition 的列表项里或文件最顶层"),
    ("unknown key 'fixed'; it belongs under costs:", "未知字段 'fixed'；它应写在 costs: 之下"),
])
def test_each_place_reads_in_chinese(message: str, chinese: str) -> None:
    from aigc_roi.present.messages_zh import translate

    assert translate(message) == chinese
