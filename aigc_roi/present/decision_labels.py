"""Labels of the decisions a founder acts on (allocation's phases, "spend less", limits, what decides) and of
risk figures read without surprises (a peak cash need still falling at the horizon), English and Chinese.

Kept apart from present/labels.py, which merges them in, so that this wording lives in one place.
"""

from __future__ import annotations

EN: dict[str, str] = {
    "allocate_warning_different_months": "The channels run in different months: B is spent in every month in which "
    "one runs, split among the channels running then (one split per phase above).",
    "allocate_warning_marginal_roas_below_one": "{channel}: at the best split its next yuan returns {roas} in revenue, "
    "less than the yuan itself.",
    "allocate_warning_current_total_differs_total": "Today the moved channels spend {total} over the horizon, not "
    "{budget}: the gain includes the change in total spend.",
    "allocate_phases": "Split per phase (monthly budget)",
    "allocate_phase_months": "Months {months}",
    "allocate_spend_less": "Spend less: the best {objective} on the budget curve is at {budget} ({value}); "
    "{asked} loses {loss} against it.",
    "allocate_spend_nothing": "Spend nothing: the best {objective} on the budget curve is at a budget of 0 ({value}); "
    "{asked} loses {loss} against it.",
    "allocate_total_title": "T = {budget} over the horizon",
    "allocate_active_months": "Months",
    "allocate_runs": "months {months}",
    "allocate_ltv": "LTV",
    "allocate_ltv_to_cac": "LTV/CAC",
    "allocate_figures_note_ltv": "LTV: attributed contribution per user bought, over the horizon, undiscounted.",
    "peak_cash_still_falling": "≥ {amount}, still falling at month {month}",
    "peak_cash_share_still_falling": "Peak cash need: in {share} of draws the cash is still falling at month {month}, "
    "so there it is the low so far, not a peak.",
    "roi_zero_at": "Plan ROI = 0 at",
    "channel_own_max_unit_cost": "Own max",
    "channels_alone_caption": "Own max: the bid, CPM, fee or cost at which the channel's own ROI is 0 (everything "
    "else as now); 0 when no price pays back. It differs from the driver's \"Plan ROI = 0 at\" above: there the "
    "other channels' profit or loss still counts, here only the channel's own users.",
    "allocate_curve_budget_total": "Total",
    "allocate_multiple_total": "× T",
    "allocate_curve_slope_total": "Per extra unit of T",
    "allocate_curve_slope_probability_total": "Per extra 10% of T",
    "allocate_curve_title_total": "Budget curve · best {objective} at each total over the horizon",
    "allocate_one_budget": "allocate: give exactly one of --budget, --total and --target-roas (given: {given})",
    "allocate_warning_constraint_not_met": "No split found keeps {constraint}: {value} against a limit of {limit}; "
    "the split shown comes closest.",
    "allocate_constraint_max_cash_need": "peak cash need",
    "allocate_constraint_min_payback_probability": "the chance of payback",
    "allocate_constraints": "Limits",
    "allocate_target_roas_title": "filled to a marginal ROAS of {roas}, T = {budget} over the horizon",
}

ZH: dict[str, str] = {
    "allocate_warning_different_months": "各渠道投放月份不同：B 在每个有渠道投放的月份都花出，由当月投放的渠道分配"
    "（见上方各阶段分配）。",
    "allocate_warning_marginal_roas_below_one": "{channel}：最优分配下再投一元只带来 {roas} 元收入，不到这一元本身。",
    "allocate_warning_current_total_differs_total": "当前参与分配的渠道在整个周期花费 {total}，而非 {budget}："
    "提升中包含总花费的变化。",
    "allocate_phases": "各阶段分配（每月预算）",
    "allocate_phase_months": "第 {months} 月",
    "allocate_spend_less": "少花钱：预算曲线上{objective}最高处在 {budget}（{value}）；所给预算 {asked} 比它少 {loss}。",
    "allocate_spend_nothing": "不投放：预算曲线上{objective}最高处在预算 0（{value}）；所给预算 {asked} 比它少 {loss}。",
    "allocate_total_title": "整个周期共 T = {budget}",
    "allocate_active_months": "月份",
    "allocate_runs": "第 {months} 月",
    "allocate_ltv": "LTV",
    "allocate_ltv_to_cac": "LTV/CAC",
    "allocate_figures_note_ltv": "LTV：每个买来的用户在周期内归因的贡献，不折现。",
    "peak_cash_still_falling": "≥ {amount}，第 {month} 月仍在下降",
    "peak_cash_share_still_falling": "最大资金需求：{share} 的抽样到第 {month} 月现金仍在下降，那里只是目前的最低点，不是峰值。",
    "roi_zero_at": "整体 ROI = 0 时",
    "channel_own_max_unit_cost": "自身最高价",
    "channels_alone_caption": "自身最高价：渠道自身 ROI 为 0 时的出价、CPM、单条费用或每月费用（其余保持现状）；为 0 "
    "表示任何价格都无法回本。它不同于上表该项的“整体 ROI = 0 时”：那里计入其他渠道的盈亏，这里只算本渠道自己的用户。",
    "allocate_curve_budget_total": "总额",
    "allocate_multiple_total": "× T",
    "allocate_curve_slope_total": "T 每多 1 元",
    "allocate_curve_slope_probability_total": "T 每多 10%",
    "allocate_curve_title_total": "预算曲线 · 各周期总额下的最优{objective}",
    "allocate_one_budget": "allocate：--budget、--total、--target-roas 须且只能给一个（已给：{given}）",
    "allocate_warning_constraint_not_met": "没有分配能满足{constraint}：{value}，限值 {limit}；所示分配最接近。",
    "allocate_constraint_max_cash_need": "最大资金需求",
    "allocate_constraint_min_payback_probability": "回本概率",
    "allocate_constraints": "约束",
    "allocate_target_roas_title": "各渠道投到边际 ROAS 降至 {roas}，整个周期共 T = {budget}",
}
