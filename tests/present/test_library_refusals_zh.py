"""api.allocate's refusals of arguments the CLI's options never let through, in Chinese: as the library raises them,
so a changed English wording fails here rather than falling back to English under --lang zh."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

import pytest

from aigc_roi import api
from aigc_roi.model.scenario import Milestone
from aigc_roi.present.messages_zh import translate

PLAN = Path(__file__).resolve().parents[2] / "scenarios" / "chat-assistant-cpa.yaml"


@pytest.mark.parametrize(("call", "chinese"), [
    (lambda plan: api.allocate(plan, 10_000, objective="roi"),
     "objective：应为以下之一：npv、net_cash、p10_npv、payback_probability，实际为 'roi' (str)"),
    (lambda plan: api.allocate(plan, 10_000, target_roas=-1.0), "target_roas：应为正数，实际为 -1.0"),
    (lambda plan: api.allocate(plan, 0, reach=Milestone(6, "subscribers", 60), min_payback_probability=0.5),
     "reach 只针对里程碑求最低预算，不能与 max_cash_need 或 min_payback_probability 同用"),
    (lambda plan: api.allocate(plan, 0, reach=Milestone(99, "subscribers", 60)),
     "reach.month：应为 1..24 之内的月份，实际为 99"),  # the plan's horizon_months: 24
    (lambda plan: api.allocate(plan, 10_000, minimums={"Douyin activation CPA": math.nan}),
     "minimums['Douyin activation CPA']：应为 ≥ 0 的金额，实际为 nan"),
    (lambda plan: api.allocate(plan, 0, reach=Milestone(6, "subscriber", 60)),
     "reach.key：应为以下之一：subscribers、gross_revenue、new_users、active_users、cumulative_cash，实际为 'subscriber' (str)"),
    (lambda plan: api.allocate(plan, 10_000, locks=[1]), "locks[0]：应为渠道名称，实际为 1 (int)"),
    (lambda plan: api.allocate(plan, 1, target_roas=1.5, reach=Milestone(6, "subscribers", 60)),
     "reach：与 target_roas 一样是用来代替 budget 的，total、target_roas 和 reach 只能给一个"),
    (lambda plan: api.allocate(plan, 10_000, locks=["Douyin"]),
     "locks[0]：没有名为 'Douyin' 的渠道；是否想写 'Douyin activation CPA'？"),
    (lambda plan: api.allocate(plan, 10_000, maximums={"Nope": 1}),
     "maximums['Nope']：没有名为 'Nope' 的渠道；现有渠道：Bilibili CPA (registered user)、Douyin activation CPA"),
    (lambda plan: api.allocate(plan, 10_000, locks=["Douyin activation CPA"], minimums={"Douyin activation CPA": 1}),
     "minimums['Douyin activation CPA']：'Douyin activation CPA' 已锁定：不能再设下限或上限"),
    (lambda plan: api.allocate(plan, 10_000, samples=7),
     "samples：仅在给出 objective p10_npv / objective payback_probability / min_payback_probability 时适用；否则不起作用"),
], ids=["objective", "target_roas", "reach with a limit", "reach past the horizon", "minimums", "reach key", "locks",
        "two budgets", "unknown lock", "unknown maximum", "bound of a lock", "samples without a draw"])
def test_an_allocate_argument_refused_by_the_library_is_chinese(call: Callable[[api.Scenario], object],
                                                                 chinese: str) -> None:
    plan = api.load(PLAN)
    with pytest.raises(api.AllocationError) as refused:
        call(plan)
    assert translate(str(refused.value)) == chinese


def test_a_key_a_scenario_built_in_code_gives_twice_is_chinese() -> None:
    """A scenario built in code has no file: an age, a month or a day it gives twice is told as given twice, at its
    field."""
    import dataclasses

    from aigc_roi.model.scenario import ByMonth, RetentionDays, RetentionPoints

    plan = api.load(PLAN)
    chinese = {
        "retention": (RetentionPoints(((1, 0.5), (1, 0.4))), "月龄 1 给了两次"),
        "organic_users": (ByMonth(((3, 5.0), (3, 6.0))), "月份 3 给了两次"),
        "days": (RetentionDays(((1, 0.4), (1, 0.3))), "天数 1 给了两次"),
    }
    for field, (value, expected) in chinese.items():
        changed = dataclasses.replace(plan, **{"retention" if field == "days" else field: value})
        with pytest.raises(api.ScenarioInvalid) as refused:
            api.run(changed)
        (error,) = refused.value.errors
        assert translate(error.message) == expected
