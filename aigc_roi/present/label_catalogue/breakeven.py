"""breakeven and sensitivity: their drivers, the channels' max bid and headroom, and the notes on a
break-even out of reach or at a gate's jump."""

from aigc_roi.present.label_catalogue import Label

LABELS: dict[str, Label] = {
    "driver": Label("Driver", "驱动因素"),
    "driver_price": Label("price", "价格"),
    "driver_conversion": Label("conversion", "转化率"),
    "driver_renewal": Label("renewal", "续费率"),
    "driver_item_fee": Label("fee share", "渠道费率"),
    "driver_count": Label("orders per month", "每月订单数"),
    "driver_serving_per_active_user": Label("Serving cost per active user", "单活跃用户服务成本"),
    "driver_factor": Label("{field} (factor on every month)", "{field}（各月统一倍数）"),
    "driver_serving_per_subscriber": Label("Serving cost per subscriber", "单在订用户服务成本"),
    "driver_conversion_index": Label("conversion index", "转化指数"),
    "channels_alone_title": Label("Each channel on its own users", "各渠道按自身用户核算"),
    "channels_caption": Label("A channel's ROAS and ROI include the viral users its users bring.",
                              "渠道的 ROAS 和 ROI 含其用户带来的裂变用户。"),
    "saturating_caption": Label("avg: with saturation_budget the max bid is an average; the marginal user costs far more.",
                                "均值：设置了 saturation_budget 的渠道，最高出价是平均值；边际用户的成本远高于此。"),
    "average_marker": Label("avg", "均值"),
    # Beside a factor a max bid is shown as (0.34×) where the unit cost is written by month (docs/formulas.md §14).
    "factor_caption": Label("×: a factor on every month's unit cost, where that is written by month.",
                            "×：单价按月设置时，为各月单价统一乘的倍数。"),
    # The same words where no "avg" marks the bid (a workbook's Note column beside its Saturating column).
    "saturating_note": Label("With saturation_budget the max bid is an average; the marginal user costs far more.",
                             "设置了 saturation_budget 的渠道，最高出价是平均值；边际用户的成本远高于此。"),
    "saturating": Label("Saturating (max bid is an average)", "饱和（最高出价为平均值）"),
    "channels_alone_caption": Label(
        "Own max: the bid, CPM, fee or cost at which the channel's own ROI is 0 (everything else as now); 0 when no "
        "price pays back. It differs from the driver's \"Plan ROI = 0 at\" above: there the other channels' profit or "
        "loss still counts, here only the channel's own users.",
        "自身最高价：渠道自身 ROI 为 0 时的出价、CPM、单条费用或每月费用（其余保持现状）；为 0 "
        "表示任何价格都无法回本。它不同于上表该项的“整体 ROI = 0 时”：那里计入其他渠道的盈亏，"
        "这里只算本渠道自己的用户。",
    ),
    "max_unit_cost": Label("Max bid", "最高出价"),
    "max_unit_cost_factor": Label("Max bid factor (x every month's unit cost)", "最高出价倍数（乘以每月单价）"),
    "channel_ltv": Label("LTV (per user it bought)", "LTV（每个买入用户）", short=("LTV", "LTV")),
    "channel_ltv_to_cac": Label("LTV:CAC", "LTV:CAC"),
    "unit_cost": Label("Unit cost", "单价"),
    "current": Label("Current", "当前"),
    "none": Label("none", "无"),
    "headroom": Label("Headroom", "余量"),
    "breakeven_title": Label("Break-even", "盈亏平衡"),
    "breakeven_caption": Label(
        "Each driver alone, everything else as now (ranges at their median). Now: ROI {roi}, payback month {payback}.",
        "每次只变动一个驱动因素，其余保持现状（区间取中位数）。当前：ROI {roi}，回本月份 {payback}。",
    ),
    "roi_zero_at": Label("Plan ROI = 0 at", "整体 ROI = 0 时"),
    "payback_target_at": Label("Payback ≤ {months} mo at", "回本 ≤ {months} 个月时"),
    "breakeven_payback_window": Label("Payback ≤ {months} mo{beyond}.", "回本 ≤ {months} 个月{beyond}。"),
    "to_value": Label("to {value}", "至 {value}"),
    "roi_zero_limit": Label("ROI < 0", "ROI < 0"),
    "roi_zero_goal": Label("ROI ≥ 0", "ROI ≥ 0"),
    "payback_target_limit": Label("payback > {months} mo", "回本 > {months} 个月"),
    "payback_target_goal": Label("payback ≤ {months} mo", "回本 ≤ {months} 个月"),
    "roi_undefined": Label("no ad spend, ROI undefined", "无广告支出，ROI 无定义"),
    "sensitivity_title": Label("Sensitivity · {scenario} · each driver ±{step} ({currency})",
                               "敏感性 · {scenario} · 各驱动因素 ±{step}（{currency}）"),
    "sensitivity_caption": Label(
        "Now: ROI {roi}, net cash {net_cash}, payback month {payback}. "
        "Bars: change in {measure} either side of the axis {axis}, {low} −{step}, {high} +{step}; largest first.",
        "当前：ROI {roi}，净现金流 {net_cash}，回本月份 {payback}。"
        "条形：{measure} 的变化，中轴 {axis} 左减右增，{low} −{step}，{high} +{step}；按影响从大到小排列。",
    ),
    "grid_caption": Label("ROI, green ≥ 0, red < 0; now (underlined): {roi}.", "ROI，绿色 ≥ 0，红色 < 0；当前（带下划线）：{roi}。"),
    "grid_caption_plain": Label("ROI; now ({mark}): {roi}.", "ROI；当前（{mark}）：{roi}。"),
    # A cell of a conversion index and a conversion whose product passes 1 (docs/formulas.md §15).
    "grid_past_ceiling": Label("n/a", "不适用"),
    "grid_past_ceiling_note": Label(
        "n/a: {index} × {conversion} above 1 would have more than all of a cohort subscribe; no valid plan is there.",
        "不适用：{index} × {conversion} 超过 1，即订阅人数多于同期群全部用户；该处没有有效方案。"),
    "channel_own_max_unit_cost": Label("Own max", "自身最高价"),
    "max_unit_cost_caption": Label("Max bid, by kind of channel: {words}.", "最高出价按渠道类型：{words}。"),
    "max_unit_cost_kind": Label("{word} ({names})", "{word}（{names}）"),
    # The xlsx channels sheet's column saying, row by row, what its Max bid prices (docs/formulas.md §12).
    "max_unit_cost_kind_column": Label("Max bid is", "最高出价含义"),
    "max_unit_cost_per": Label("{word} ({per})", "{word}（{per}）"),
    "headroom_goal": Label("Needed for {condition}", "{condition} 所需变动"),
    "headroom_limit": Label("Room before {condition}", "{condition} 前余量"),
    "out_of_reach_short": Label("out of reach", "无法达到"),
    "holds_short": Label("always holds", "始终成立"),
    "no_break_even": Label("none ({reason})", "无（{reason}）"),
    "out_of_reach_note": Label("Out of reach: that driver alone reaches it at no valid value.",
                               "无法达到：只变动该驱动因素，任何有效取值都达不到。"),
    "holds_note": Label("Always holds: at every valid value of that driver.", "始终成立：该驱动因素取任何有效值都成立。"),
    # No break-even where the figure jumps at the current value itself (docs/formulas.md §10): a free channel's cost
    # of 0 makes its users no paid users (§12), so ROI at 0 is not the ROI at any cost above it.
    "only_at_current_short": Label("only at current", "仅当前值成立"),
    "all_but_current_short": Label("all but current", "仅当前值不成立"),
    "only_at_current_note": Label(
        "Only at current: met at the current value alone; at every other valid value of that driver the figure "
        "jumps across the threshold (as at a channel's cost of 0, where its users are no paid users).",
        "仅当前值成立：只在当前值达到；该驱动因素取其他任何有效值时，指标都跳到阈值另一侧"
        "（如渠道费用为 0 时，其用户不算付费用户）。"),
    "all_but_current_note": Label(
        "All but current: missed at the current value alone; at every other valid value of that driver the figure "
        "jumps across the threshold (as at a channel's cost of 0, where its users are no paid users).",
        "仅当前值不成立：只在当前值达不到；该驱动因素取其他任何有效值时，指标都跳到阈值另一侧"
        "（如渠道费用为 0 时，其用户不算付费用户）。"),
    # A break-even on the other side of the current value than the plan (docs/formulas.md §10, Headroom): the
    # figure jumps at the current value, so its room cell is "—"; the note says which values meet the threshold.
    "wrong_side_note": Label(
        "— beside a break-even: the figure jumps at the current value itself (as at a channel's cost of 0, where its "
        "users are no paid users), so the break-even lies on the other side of it than the plan is, and no move from "
        "it is room or a need.",
        "盈亏平衡点旁的 —：指标在当前值本身处跳变（如渠道费用为 0 时，其用户不算付费用户），"
        "盈亏平衡点因而位于当前值与方案所在一侧相反的一侧，从当前值出发的变动既不是余量也不是所需变动。"),
    "wrong_side_missed": Label("{driver}: {condition} at every value {span}, but not at {current} itself.",
                               "{driver}：{span}的任何取值都满足 {condition}，唯独当前值 {current} 本身不满足。"),
    "wrong_side_met": Label("{driver}: {condition} at {current} itself and at every value {span}, but not between.",
                            "{driver}：当前值 {current} 本身及{span}的取值满足 {condition}，两者之间的取值不满足。"),
    "wrong_side_span_above": Label("above {current} up to {value}", "高于 {current} 且不高于 {value} "),
    "wrong_side_span_below": Label("below {current} down to {value}", "低于 {current} 且不低于 {value} "),
    "wrong_side_from_up": Label("from {value} up", " {value} 及以上"),
    "wrong_side_from_down": Label("from {value} down", " {value} 及以下"),
    # A break-even at a gate's flip (docs/formulas.md §10): the figure jumps across the threshold there.
    "breakeven_jump_marker": Label("jump", "跳变"),
    "breakeven_jump_note": Label(
        "jump: past that value a gate decides otherwise, and the figure jumps across its threshold there without "
        "ever equalling it.",
        "跳变：越过该值后闸门判定改变，指标在该处跃过阈值，从未恰好等于阈值。"),
    "breakeven_jump": Label("{driver} {value}: past it {gates}; {changes}.", "{driver} {value}：越过该值{gates}；{changes}。"),
    "breakeven_jump_roi": Label("ROI {before} → {after}", "ROI {before} → {after}"),
    "breakeven_jump_payback": Label("payback month {before} → {after}", "回本月份 {before} → {after}"),
    # A gate's flip within a room (docs/formulas.md §10): the figure stays on its side there, but the gated channels
    # start or stop, so the room holds only with them switched.
    "breakeven_flip_marker": Label("flip", "切换"),
    "breakeven_flip_note": Label(
        "flip: within that room a gate decides otherwise, and the channels it gates start or stop there; the figure "
        "jumps but stays on its threshold's side, so the break-even is that of the plan with them switched.",
        "切换：在该余量范围内闸门判定改变，其控制的渠道在该处启停；指标随之跳变但仍在阈值同侧，"
        "因此盈亏平衡点是这些渠道启停之后的方案的。"),
    # A gate's flip beside a threshold without a break-even (docs/formulas.md §10): the driver alone never moves the
    # figure across its threshold, but a gate still decides otherwise at some value of it.
    "breakeven_flip_anywhere_note": Label(
        "flip beside \"always holds\" or \"out of reach\": at every valid value of that driver the figure stays on the "
        "side of its threshold it is on now, but at the value named below a gate decides otherwise and the channels it "
        "gates start or stop there, so the figure jumps there without crossing its threshold.",
        "“始终成立”或“无法达到”旁的切换：该驱动因素取任何有效值，指标都停在阈值的当前一侧；但在下面所列取值处闸门判定"
        "改变，其控制的渠道在该处启停，指标随之跳变，但不越过阈值。"),
    # A sensitivity move at which a gate decides otherwise than now (docs/formulas.md §10): its change holds the gated
    # channels starting or stopping, which may turn a lower price into more net cash.
    "sensitivity_flip_note": Label(
        "{mark}: at that move a gate decides otherwise than now, so the channels it gates start or stop, and the "
        "changes include theirs.",
        "{mark}：该变动下闸门判定与当前不同，其控制的渠道随之启停，变化中包含这些渠道的影响。"),
    "sensitivity_flip": Label("{driver} {sides}.", "{driver} {sides}。"),
    "sensitivity_flip_side": Label("{move}: {gates}", "{move}：{gates}"),
    "sensitivity_gate_fails": Label("gate '{gate}' fails ({channels} stop after month {month})",
                                    "闸门“{gate}”不通过（{channels} 在第 {month} 月之后停止投放）"),
    "sensitivity_gate_fails_one": Label("gate '{gate}' fails ({channels} stops after month {month})",
                                        "闸门“{gate}”不通过（{channels} 在第 {month} 月之后停止投放）"),
    "sensitivity_gate_passes": Label("gate '{gate}' passes ({channels} run after month {month})",
                                     "闸门“{gate}”通过（{channels} 在第 {month} 月之后投放）"),
    "sensitivity_gate_passes_one": Label("gate '{gate}' passes ({channels} runs after month {month})",
                                         "闸门“{gate}”通过（{channels} 在第 {month} 月之后投放）"),
    "grid_flip_note": Label("{mark}: there a gate decides otherwise than now: {gates}.",
                            "{mark}：该处闸门判定与当前不同：{gates}。"),
    "breakeven_gate_fails": Label("gate '{gate}' fails", "闸门“{gate}”不通过"),
    "breakeven_gate_passes": Label("gate '{gate}' passes", "闸门“{gate}”通过"),
}
