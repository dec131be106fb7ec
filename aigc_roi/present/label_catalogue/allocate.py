"""allocate (issue 13): its titles, tables, budget curve, phases and limits; its warnings are in
allocate_warnings.py."""

from aigc_roi.present.label_catalogue import Label

LABELS: dict[str, Label] = {
    "allocate_unknown_channel": Label(
        "{option}: no channel named {name!r}; channels: {names}",
        "{option}：没有名为 {name!r} 的渠道；现有渠道：{names}",
    ),
    "allocate_unknown_channel_typed": Label(
        "{option}: no channel named {name!r}; {hint}",
        "{option}：没有名为 {name!r} 的渠道；{hint}",
    ),
    "allocate_bound_twice": Label(
        "{option} {first!r} and {option} {second!r} name one channel, {channel!r}, with different amounts: give one",
        "{option} {first!r} 与 {option} {second!r} 指同一个渠道 {channel!r}，金额却不同：请只给一个",
    ),
    "allocate_title": Label(
        "Allocation · {scenario} · B = {budget} a month ({currency})",
        "预算分配 · {scenario} · 每月预算 B = {budget}（{currency}）",
    ),
    "allocate_objective": Label("Objective", "优化目标"),
    "allocate_objective_npv": Label("NPV", "净现值（NPV）", short=("NPV", "净现值")),
    "allocate_objective_net_cash": Label("Net cash over the horizon", "整个周期的净现金流", short=("net cash", "净现金流")),
    "allocate_objective_p10_npv": Label(
        "P10 NPV (10th percentile of {samples} samples, seed {seed})",
        "P10 净现值（{samples} 次抽样的第 10 百分位，种子 {seed}）",
        short=("P10 NPV", "P10 净现值"),
    ),
    "allocate_objective_payback_probability": Label(
        "Chance of payback within {months} months{beyond} ({samples} samples, seed {seed})",
        "{months} 个月内回本{beyond}的概率（{samples} 次抽样，种子 {seed}）",
        short=("chance of payback", "回本概率"),
    ),
    "allocate_current_split": Label("At the current split", "当前分配下"),
    "allocate_best_split": Label("At the best split", "最优分配下"),
    # --target-roas shows the fill, which evens out the next unit of money's revenue, not the objective: never "best".
    "allocate_best_split_filled": Label("At the filled split", "投满分配下"),
    # --reach shows the split taking the milestone furthest at the least budget reaching it, not the objective's best.
    "allocate_best_split_reaching": Label("At the reaching split", "达标分配下"),
    "allocate_gain": Label("Gain", "提升"),
    "allocate_best": Label("Best", "最优"),
    "allocate_best_filled": Label("Filled", "投满"),
    "allocate_best_reaching": Label("Reaching", "达标"),
    "allocate_change": Label("Change", "变化"),
    "allocate_roas": Label("Avg ROAS", "平均 ROAS"),
    "allocate_marginal_roas": Label("Marg. ROAS", "边际 ROAS"),
    "allocate_cac": Label("Avg CAC", "平均获客成本"),
    "allocate_marginal_cac": Label("Marg. CAC", "边际获客成本"),
    "allocate_status": Label("Status", "状态"),
    "allocate_split": Label("Split", "分配"),
    "allocate_budget": Label("Budget", "预算"),
    "allocate_minimum": Label("Minimum", "下限"),
    "allocate_maximum": Label("Maximum", "上限"),
    "allocate_multiple": Label("× B", "× B"),
    "allocate_status_movable": Label("moved", "参与分配"),
    "allocate_status_locked": Label("locked", "已锁定"),
    "allocate_status_fixed": Label("flat, kept", "固定费用，保持不变"),
    "allocate_channels_title": Label("Monthly budget per channel", "各渠道每月预算"),
    "allocate_channels_caption": Label(
        "Average (avg) ROAS and CAC count all the money a channel gets; marginal (marg.) ones only the next 1 {money} "
        "(deterministic run). The best split evens out what the next 1 {money} of {budget} adds to the objective in "
        "each channel, so a saturated channel, high average but low marginal ROAS, gets little more. "
        "Locked and flat channels are outside {budget}.",
        "平均 ROAS 和获客成本按渠道的全部广告支出计算；边际值只按下 1 {money} 计算（确定性运行）。"
        "最优分配使 {budget} 的下 1 {money} 在各渠道对目标的贡献相等，"
        "因此平均 ROAS 高但已饱和、边际 ROAS 低的渠道不会多分到多少预算。"
        "已锁定和固定费用渠道不计入 {budget}。",
    ),
    "allocate_channels_caption_filled": Label(
        "Average (avg) ROAS and CAC count all the money a channel gets; marginal (marg.) ones only the next 1 {money} "
        "(deterministic run). The filled split gives each channel money until its next 1 {money} returns {roas} "
        "{money} in revenue (its marginal ROAS), so a saturated channel, high average but low marginal ROAS, gets little more. "
        "Locked and flat channels are outside {budget}.",
        "平均 ROAS 和获客成本按渠道的全部广告支出计算；边际值只按下 1 {money} 计算（确定性运行）。"
        "投满分配给每个渠道投钱，直到其下 1 {money} 只带来 {roas} {money} 收入（边际 ROAS），"
        "因此平均 ROAS 高但已饱和、边际 ROAS 低的渠道不会多分到多少预算。"
        "已锁定和固定费用渠道不计入 {budget}。",
    ),
    "allocate_channels_caption_reaching": Label(
        "Average (avg) ROAS and CAC count all the money a channel gets; marginal (marg.) ones only the next 1 {money} "
        "(deterministic run). The reaching split is the split of {budget} that takes the milestone furthest, not the "
        "one best for the objective: the budget curve gives that one's value at {budget}. "
        "Locked and flat channels are outside {budget}.",
        "平均 ROAS 和获客成本按渠道的全部广告支出计算；边际值只按下 1 {money} 计算（确定性运行）。"
        "达标分配是 {budget} 下使里程碑最高的分配，而不是使目标最优的分配：后者在 {budget} 处的值见预算曲线。"
        "已锁定和固定费用渠道不计入 {budget}。",
    ),
    "allocate_curve_reach_note": Label(
        "At B the best split gives {best}, the reaching split {reaching}: the reaching split takes the milestone "
        "furthest, not {objective}.",
        "在 B 处最优分配为 {best}，达标分配为 {reaching}：达标分配使里程碑最高，而不是使{objective}最高。",
    ),
    "allocate_curve_fill_note": Label(
        "At T the best split gives {best}, the filled split {filled}: filling evens out what each channel's next "
        "1 {money} returns in revenue, not what it adds to {objective}.",
        "在 T 处最优分配为 {best}，投满分配为 {filled}：投满使各渠道下 1 {money} 带来的收入相等，"
        "而不是它对{objective}的贡献相等。",
    ),
    "allocate_curve_title": Label("Budget curve · best {objective} at each monthly budget", "预算曲线 · 各月预算下的最优{objective}"),
    "allocate_curve_budget": Label("Monthly budget", "每月预算"),
    "allocate_curve_value": Label("Best value", "最优值"),
    "allocate_curve_slope": Label("Per extra 1 {money} of B", "B 每多 1 {money}"),
    "allocate_curve_slope_probability": Label("Per extra 10% of B", "B 每多 10%"),
    "allocate_curve_infeasible": Label("outside the bounds", "超出上下限"),
    "allocate_peak": Label("peak", "峰值"),
    "allocate_peak_edge": Label("highest shown", "所示最高"),
    # The peak's label where the peak is at B (T), which then names B's line too (present/allocation_chart.py).
    "allocate_peak_at_budget": Label("{peak} at {budget}", "{peak}（{budget} 处）"),
    "allocate_curve_peak": Label(
        "Of these budgets the best value is highest at {budget} ({multiple}): "
        "the next 1 {money} stops paying somewhere between {low} and {high}.",
        "在这些预算中，{budget}（{multiple}）时最优值最高：多投的 1 {money} 在 {low} 到 {high} 之间的某处不再带来回报。",
    ),
    "allocate_curve_flat": Label(
        "Flat from {budget} ({multiple}) to {high}: every budget between gives the same best value, so the next 1 {money} "
        "beyond {budget} buys nothing; the least of them is marked.",
        "从 {budget}（{multiple}）到 {high} 曲线持平：其间每个预算的最优值相同，超过 {budget} 多投的 1 {money} 没有回报；"
        "标出的是其中最低的预算。",
    ),
    "allocate_curve_rising": Label(
        "Still rising at {budget} ({multiple}): up to there the next 1 {money} keeps paying.",
        "到 {budget}（{multiple}）仍在上升：在此之前多投的 1 {money} 仍有回报。",
    ),
    "allocate_curve_none": Label("No budget of the curve fits the bounds.", "曲线上没有满足上下限的预算。"),
    "allocate_curve_limit_not_met": Label("limits not kept", "未满足约束"),
    "allocate_curve_gate_fails": Label("gate '{gate}' fails", "闸门“{gate}”不通过"),
    # The report's budget curve under its chart: why the curve jumps where a gate fails (report/budget.py).
    "allocate_curve_gate_note": Label(
        "At {budgets} the gate {gate} fails: {channels} buy nothing after month {month}, whatever budget the split "
        "shows for them then, so these budgets are not spent in full and the curve jumps there; a higher value there "
        "is not a reason to spend more.",
        "{budgets} 处闸门{gate}不通过：第 {month} 月之后 {channels} 不再投放，无论分配显示给它们多少预算；"
        "这些预算因此没有全部花出，曲线在此跳变，那里的值更高并不说明该多投。",
    ),
    # After it where today's split fails the gate too: the marks name every gate failing at a point, today's or not.
    "allocate_curve_gate_note_today": Label("Today's split fails it too.", "当前分配下该闸门也不通过。"),
    "allocate_curve_held": Label("{months} held", "{months}保持现状"),
    "allocate_curve_limits": Label("Limits kept", "满足约束"),
    "allocate_curve_peak_limits": Label(
        "Of the budgets that keep the limits the best value is highest at {budget} ({multiple}); the next budget, "
        "{high}, breaks a limit.",
        "在满足约束的预算中，{budget}（{multiple}）时最优值最高；下一个预算 {high} 不满足约束。",
    ),
    "allocate_curve_no_limit_met": Label(
        "No budget of the curve keeps the limits: none is recommended.",
        "曲线上没有满足约束的预算：不作推荐。",
    ),
    "allocate_spend_less_limits": Label(
        "Spend less: no split of {asked} keeps the limits; of the budget curve's budgets that keep them, the best "
        "{objective} is at {budget} ({value}).",
        "少花钱：所给预算 {asked} 下没有分配能满足约束；预算曲线上满足约束的预算中，{objective}最高处在 {budget}（{value}）。",
    ),
    "allocate_phases": Label("Split per phase (monthly budget)", "各阶段分配（每月预算）"),
    "allocate_spend_less": Label(
        "Spend less: the best {objective} on the budget curve is at {budget} ({value}); {asked} loses {loss} against "
        "it.",
        # The objective at B is lower by the loss, not B itself less than the best budget.
        "少花钱：预算曲线上{objective}最高处在 {budget}（{value}）；按所给预算 {asked}，{objective}比它低 {loss}。",
    ),
    "allocate_spend_nothing": Label(
        "Spend nothing: the best {objective} on the budget curve is at a budget of 0 ({value}); {asked} loses {loss} "
        "against it.",
        "不投放：预算曲线上{objective}最高处在预算 0（{value}）；按所给预算 {asked}，{objective}比它低 {loss}。",
    ),
    "allocate_asked_filled": Label("the filled split of {asked}", "{asked} 的投满分配"),
    # Under --reach every budget below B falls short of the milestone: the curve's best among them is no way to it.
    "allocate_spend_less_reaching": Label(
        "Spend less: the best {objective} on the budget curve is at {budget} ({value}), where no split reaches the "
        "milestone; the reaching split of {asked} loses {loss} against it.",
        "少花钱：预算曲线上{objective}最高处在 {budget}（{value}），但该预算下没有分配能达到里程碑；"
        "{asked} 的达标分配，{objective}比它低 {loss}。",
    ),
    "allocate_spend_nothing_reaching": Label(
        "Spend nothing: the best {objective} on the budget curve is at a budget of 0 ({value}), which reaches no "
        "milestone; the reaching split of {asked} loses {loss} against it.",
        "不投放：预算曲线上{objective}最高处在预算 0（{value}），但不投放达不到里程碑；"
        "{asked} 的达标分配，{objective}比它低 {loss}。",
    ),
    "allocate_total_title": Label("T = {budget} over the horizon", "整个周期共 T = {budget}"),
    "allocate_active_months": Label("Months", "月份"),
    "months_named": Label("months {months}", "第 {months} 月"),
    "months_named_one": Label("month {months}", "第 {months} 月"),
    # Not "LTV": run's LTV of the same channel is discounted over ltv_months and counts its own users only, so one
    # word for two numbers of one channel read as a contradiction (docs/allocate.md). The keys stay ltv, ltv_to_cac.
    "allocate_ltv": Label("Contrib. per user", "人均贡献"),
    "allocate_ltv_to_cac": Label("Contrib. / CAC", "贡献/CAC"),
    "allocate_figures_note_ltv": Label(
        "Contrib. per user: attributed contribution per user bought, over the horizon, undiscounted (not run's "
        "discounted LTV); contrib. / CAC = 1 + the channel's ROI.",
        "人均贡献：每个买来的用户在周期内归因的贡献，不折现（不是 run 的折现 LTV）；贡献/CAC = 1 + 渠道 ROI。",
    ),
    "allocate_curve_budget_total": Label("Total", "总额"),
    "allocate_multiple_total": Label("× T", "× T"),
    "allocate_curve_slope_total": Label("Per extra 1 {money} of T", "T 每多 1 {money}"),
    "allocate_curve_slope_probability_total": Label("Per extra 10% of T", "T 每多 10%"),
    "allocate_curve_title_total": Label(
        "Budget curve · best {objective} at each total over the horizon",
        "预算曲线 · 各周期总额下的最优{objective}",
    ),
    "allocate_one_budget": Label(
        "give exactly one of --budget, --total, --target-roas and --reach (given: {given})",
        "--budget、--total、--target-roas、--reach 须且只能给一个（已给：{given}）",
    ),
    "allocate_constraint_max_cash_need": Label("peak cash need", "最大资金需求"),
    "allocate_constraint_min_payback_probability": Label("the chance of payback", "回本概率"),
    "allocate_constraint_reach": Label("the milestone", "里程碑"),
    "allocate_reach_title": Label(
        "least budget reaching {milestone} ≥ {value}: B = {budget} a month",
        "达到 {milestone} ≥ {value} 的最低月预算 B = {budget}",
    ),
    "allocate_target_roas_title": Label(
        "filled to a marginal ROAS of {roas}, T = {budget} over the horizon",
        "各渠道投到边际 ROAS 降至 {roas}，整个周期共 T = {budget}",
    ),
}
