"""allocate's warnings (issue 13, docs/allocate.md): what to know about a split before acting on it."""

from aigc_roi.present.label_catalogue import Label

LABELS: dict[str, Label] = {
    "allocate_warnings": Label("Warnings", "提示"),
    "allocate_warning_best_is_current": Label(
        "The best split is the current one: no transfer of money improves the objective.",
        "最优分配就是当前分配：任何资金转移都不能改善目标。",
    ),
    "allocate_warning_best_is_current_filled": Label("The filled split is the current one.", "投满分配就是当前分配。"),
    "allocate_warning_best_is_current_reaching": Label("The reaching split is the current one.", "达标分配就是当前分配。"),
    "allocate_warning_current_total_differs": Label(
        "Today the moved channels spend {total} a month, not B = {budget}: "
        "the gain includes the change in total spend.",
        "当前参与分配的渠道每月广告支出 {total}，而非 B = {budget}：提升中包含总广告支出的变化。",
    ),
    "allocate_warning_on_minimum": Label(
        "{channel} sits on its minimum ({amount}): the objective would take money out of it.",
        "{channel} 位于下限（{amount}）：目标希望从中撤出资金。",
    ),
    "allocate_warning_on_minimum_filled": Label(
        "{channel} sits on its minimum ({amount}): its next 1 {money} there returns less than the target ROAS.",
        "{channel} 位于下限（{amount}）：在此处再投 1 {money} 的收入已低于目标 ROAS。",
    ),
    "allocate_warning_on_minimum_reaching": Label(
        "{channel} sits on its minimum ({amount}): the milestone would take money out of it.",
        "{channel} 位于下限（{amount}）：为使里程碑更高，需从中撤出资金。",
    ),
    "allocate_warning_gets_nothing_filled": Label(
        "{channel} gets nothing at the filled split: its first 1 {money} returns {roas} {money} in revenue, less than "
        "the target {target}.",
        "{channel} 在投满分配中没有预算：它的第 1 {money} 只带来 {roas} {money} 收入，低于目标 {target}。",
    ),
    "allocate_warning_gets_nothing": Label(
        "{channel} gets nothing at the best split: its first 1 {money} returns less than the others' last.",
        "{channel} 在最优分配中没有预算：它的第 1 {money} 的回报低于其他渠道的最后 1 {money}。",
    ),
    "allocate_warning_gets_nothing_below_one": Label(
        "{channel} gets nothing at the best split: its first 1 {money} returns {roas} {money} in revenue, less than "
        "the 1 {money} itself.",
        "{channel} 在最优分配中没有预算：它的第 1 {money} 只带来 {roas} {money} 收入，不到这 1 {money} 本身。",
    ),
    "allocate_warning_gets_nothing_reaching": Label(
        "{channel} gets nothing at the reaching split: its first 1 {money} takes the milestone less far than the "
        "others' last.",
        "{channel} 在达标分配中没有预算：它的第 1 {money} 对里程碑的贡献低于其他渠道的最后 1 {money}。",
    ),
    "allocate_warning_gets_nothing_below_one_reaching": Label(
        "{channel} gets nothing at the reaching split; its first 1 {money} returns {roas} {money} in revenue, less "
        "than the 1 {money} itself.",
        "{channel} 在达标分配中没有预算；它的第 1 {money} 只带来 {roas} {money} 收入，不到这 1 {money} 本身。",
    ),
    "allocate_warning_on_maximum": Label(
        "{channel} sits on its maximum ({amount}): the objective would put more money in.",
        "{channel} 位于上限（{amount}）：目标希望投入更多资金。",
    ),
    "allocate_warning_on_maximum_filled": Label(
        "{channel} sits on its maximum ({amount}): its next 1 {money} there still returns more than the target ROAS.",
        "{channel} 位于上限（{amount}）：在此处再投 1 {money} 的收入仍高于目标 ROAS。",
    ),
    "allocate_warning_on_maximum_reaching": Label(
        "{channel} sits on its maximum ({amount}): the milestone would put more money in.",
        "{channel} 位于上限（{amount}）：为使里程碑更高，需投入更多资金。",
    ),
    "allocate_warning_locked": Label("{channel} is locked at {amount} a month, outside {budget}.",
                                     "{channel} 锁定在每月 {amount}，不计入 {budget}。"),
    # Its budget written by month: the amount is the mean over its months (the channel table's budget), which no
    # month spends.
    "allocate_warning_locked_by_month": Label(
        "{channel} is locked at its budget by month, {amount} a month on average over {months}, outside {budget}.",
        "{channel} 按各月预算锁定，{months}平均每月 {amount}，不计入 {budget}。"),
    # A channel written by volume whose unit cost is a range, under draws (docs/allocate.md, channels given by volume):
    # {volume} and {cost} are the fields' names (posts per month, fee per post; 每月发帖数, 单条费用).
    "allocate_warning_volume_at_drawn_cost": Label(
        "{channel} is written as {volume} with a drawn {cost}: a split that moves its budget fixes that budget, so its "
        "{volume} vary with the drawn {cost}; today's split is the file's, {volume} fixed.",
        "{channel} 按{volume}填写，{cost}为抽样区间：改变其预算的分配固定的是预算，其{volume}随抽样的{cost}变化；"
        "当前分配即文件所写，{volume}固定。",
    ),
    # Appended to the last of those warnings where the best split moves such a channel (Allocation
    # current_in_budget_form): how much of the gain is the change of form, not the re-split.
    "allocate_form_change": Label(
        "Today's split in budget form reads {objective} {in_form} (today as written {today}): {change} of the gain is "
        "that change of form, the rest the re-split.",
        "当前分配按预算形式计算时，{objective}为 {in_form}（按文件所写为 {today}）：收益中 {change} 来自这一形式变化，"
        "其余来自重新分配。",
    ),
    "allocate_form_change_many": Label(
        "Today's split with {channels} in budget form reads {objective} {in_form} (today as written {today}): {change} "
        "of the gain is that change of form, the rest the re-split.",
        "当前分配中 {channels} 按预算形式计算时，{objective}为 {in_form}（按文件所写为 {today}）：收益中 {change} 来自这一"
        "形式变化，其余来自重新分配。",
    ),
    # The same where the best split gives each channel today's money (B is today's spend): the re-split is nothing.
    "allocate_form_change_all": Label(
        "Today's split in budget form reads {objective} {in_form} (today as written {today}): the whole gain, {change}, "
        "is that change of form.",
        "当前分配按预算形式计算时，{objective}为 {in_form}（按文件所写为 {today}）：收益 {change} 全部来自这一形式变化。",
    ),
    "allocate_form_change_all_many": Label(
        "Today's split with {channels} in budget form reads {objective} {in_form} (today as written {today}): the whole "
        "gain, {change}, is that change of form.",
        "当前分配中 {channels} 按预算形式计算时，{objective}为 {in_form}（按文件所写为 {today}）：收益 {change} 全部来自"
        "这一形式变化。",
    ),
    # "The best split is the current one" where that split, a proposal, runs such channels in budget form at today's
    # money: the split is today's, the gain is not nothing but the change of form (whatif/allocate_proposed.py).
    "allocate_warning_best_is_current_form": Label(
        "The best split gives each channel today's money: no transfer of money improves the objective, and the whole "
        "gain is the change of form of {channels}, run in budget form.",
        "最优分配给各渠道的资金与当前分配相同：任何资金转移都不能改善目标；收益全部来自 {channels} 按预算形式计算这一"
        "形式变化。",
    ),
    # Appended after those where B is today's spend and the split at B leaves such a channel at today's budget, the
    # file as written there (CurvePoint.in_budget_form): the curve's point at B runs it in budget form, as its others.
    "allocate_curve_form": Label(
        "The budget curve runs {channels} in budget form at every budget, {asked} included: there it reads {objective} "
        "{in_form}, where the same split as written reads {written}; the {change} between them is that change of form.",
        "预算曲线在每个预算下都按预算形式计算 {channels}，{asked} 处亦然：该处{objective}为 {in_form}，同一分配按文件所写"
        "为 {written}；两者相差的 {change} 即这一形式变化。",
    ),
    "allocate_warning_drawn_volume": Label(
        "{channel} is written as a range of {volume}: a split that moves its budget fixes that budget, which buys its "
        "{volume} at its {cost}, so their range is not drawn there; today's split is the file's, {volume} drawn.",
        "{channel} 的{volume}为抽样区间：改变其预算的分配固定的是预算，按{cost}折算{volume}，不再抽样其区间；"
        "当前分配即文件所写，{volume}照常抽样。",
    ),
    # A plan with gates (issue 22): how its split was searched, and where today's was kept.
    "allocate_warning_gates_planned_as_passed": Label(
        "The plan has gates: each split is searched as if every gate passed, then run with the gates as run and simulate "
        "run it (each gate decided per sample); every value shown, the budget curve's included, is that staged run's.",
        "方案含闸门：每个分配先按所有闸门都通过来搜索，再像 run 和 simulate 那样带闸门运行（每次抽样各自判定闸门）；"
        "所示数值（含预算曲线）都是分阶段运行的结果。",
    ),
    # {months}: "month 1" or "months 1-2" (present/month_words.py), so no verb agrees with it.
    "allocate_warning_gates_held": Label(
        "Today's split is kept in {months}: the split searched as if every gate passed fails {gates} that "
        "today's split passes, so only the other months were searched again.",
        "{months}保持当前分配：按闸门全部通过搜索出的分配会使当前分配下通过的{gates}不通过，"
        "因此保持这些月份不变，重新搜索其余月份。",
    ),
    "allocate_warning_gates_held_filled": Label(
        "Today's split is kept in {months}: filled as if every gate passed, the split fails {gates} that "
        "today's split passes, so only the other months were filled.",
        "{months}保持当前分配：按闸门全部通过投满的分配会使当前分配下通过的{gates}不通过，"
        "因此保持这些月份不变，只投满其余月份。",
    ),
    "allocate_warning_best_is_current_held": Label(
        "The best split is the current one: the split searched as if every gate passed fails {gates} that today's "
        "split passes, and with today's split kept in {months} no transfer of money in the other months "
        "improves the objective.",
        "最优分配就是当前分配：按闸门全部通过搜索出的分配会使当前分配下通过的{gates}不通过；"
        "{months}保持当前分配时，其余月份的任何资金转移都不能改善目标。",
    ),
    "allocate_warning_best_is_current_held_worse": Label(
        "Today's split stays the best found: the split searched as if every gate passed fails {gates} that today's "
        "split passes, and searched again with today's split kept in {months} it still does worse once the "
        "gates decide.",
        "当前分配仍是找到的最优分配：按闸门全部通过搜索出的分配会使当前分配下通过的{gates}不通过；"
        "保持{months}不变重新搜索后，按闸门实际判定的结果仍不如当前分配。",
    ),
    "allocate_warning_best_is_current_staged": Label(
        "Today's split stays the best found: the split searched as if every gate passed does worse once the gates "
        "decide.",
        "当前分配仍是找到的最优分配：按闸门全部通过搜索出的分配，按闸门实际判定后不如当前分配。",
    ),
    # Today's split kept as the file writes it (Allocation.kept_as_written): every split searched, a proposal, runs
    # those channels in budget form, and none does as well, today's split in budget form included.
    "allocate_warning_best_is_current_as_written": Label(
        "Today's split stays the best found, as the file writes it: every split searched runs {channels} in budget "
        "form, today's split so run included, and none does as well.",
        "当前分配（按文件所写）仍是找到的最优分配：搜索出的每个分配都按预算形式计算 {channels}（包括按预算形式计算的当前"
        "分配），没有一个比它好。",
    ),
    "allocate_warning_best_is_current_as_written_gated": Label(
        "Today's split stays the best found, as the file writes it: every split searched runs {channels} in budget "
        "form, today's split so run included, and once the gates decide none does as well.",
        "当前分配（按文件所写）仍是找到的最优分配：搜索出的每个分配都按预算形式计算 {channels}（包括按预算形式计算的当前"
        "分配），按闸门实际判定后没有一个比它好。",
    ),
    # After the sentences on a channel written by volume where B is today's spend and the split there reads such a
    # channel as written, that form ranking higher (CurvePoint.kept_as_written).
    "allocate_curve_as_written": Label(
        "At {asked}, today's spend, today's plan as the file writes it is an option no other budget has: with "
        "{channels} as written the split there reads {objective} {written}, and {in_form} in budget form, the form of "
        "the curve's other points; the point at {asked} reads it as written, so it can stand above its neighbours.",
        "{asked} 即当前支出，此时按文件所写的当前方案是其他预算都没有的选项：{channels} 按文件所写时该分配{objective}为 "
        "{written}，按预算形式（曲线其余各点的形式）计算为 {in_form}；曲线在 {asked} 处取按文件所写的值，因此可能高于相邻"
        "各点。",
    ),
    "allocate_warning_gate_fails": Label(
        "At the best split the gate {gate} fails: {channels} buy nothing after month {month}, whatever budget the "
        "split shows for them then; every figure shown counts that.",
        "最优分配下闸门{gate}不通过：第 {month} 月之后 {channels} 不再投放，无论分配显示给它们多少预算；"
        "所示数字均已计入。",
    ),
    "allocate_warning_gate_fails_filled": Label(
        "At the filled split the gate {gate} fails: {channels} buy nothing after month {month}, whatever budget the "
        "split shows for them then; every figure shown counts that.",
        "投满分配下闸门{gate}不通过：第 {month} 月之后 {channels} 不再投放，无论分配显示给它们多少预算；"
        "所示数字均已计入。",
    ),
    "allocate_warning_gate_fails_reaching": Label(
        "At the reaching split the gate {gate} fails: {channels} buy nothing after month {month}, whatever budget the "
        "split shows for them then; every figure shown counts that.",
        "达标分配下闸门{gate}不通过：第 {month} 月之后 {channels} 不再投放，无论分配显示给它们多少预算；"
        "所示数字均已计入。",
    ),
    "allocate_warning_gate_fails_share": Label(
        "At the best split the gate {gate} passes in {share} of the draws (today's split: {today}): in the others "
        "{channels} buy nothing after month {month}; every figure shown counts that.",
        "最优分配下闸门{gate}在 {share} 的抽样中通过（当前分配：{today}）：其余抽样中第 {month} 月之后 {channels} "
        "不再投放；所示数字均已计入。",
    ),
    "allocate_warning_gate_fails_share_filled": Label(
        "At the filled split the gate {gate} passes in {share} of the draws (today's split: {today}): in the others "
        "{channels} buy nothing after month {month}; every figure shown counts that.",
        "投满分配下闸门{gate}在 {share} 的抽样中通过（当前分配：{today}）：其余抽样中第 {month} 月之后 {channels} "
        "不再投放；所示数字均已计入。",
    ),
    "allocate_warning_gate_fails_share_reaching": Label(
        "At the reaching split the gate {gate} passes in {share} of the draws (today's split: {today}): in the others "
        "{channels} buy nothing after month {month}; every figure shown counts that.",
        "达标分配下闸门{gate}在 {share} 的抽样中通过（当前分配：{today}）：其余抽样中第 {month} 月之后 {channels} "
        "不再投放；所示数字均已计入。",
    ),
    # What run of the split spends once a failed gate stops channels, beside what every channel's budget gives out
    # there (B x its months, or T, and the locked channels' money): "every figure shown counts that" must hold for the
    # money too, and both sides count every channel, as run's ad spend does.
    "allocate_warning_spends_less": Label(
        "Run of the best split spends {spent} over the horizon, not the {allotted} every channel's budget gives out: the "
        "channels a failed gate stops buy nothing after its test.",
        "按最优分配运行（run），整个周期的广告支出为 {spent}，而非各渠道预算合计的 {allotted}：闸门不通过时被停掉的渠道"
        "在测试之后不再投放。",
    ),
    "allocate_warning_spends_less_filled": Label(
        "Run of the filled split spends {spent} over the horizon, not the {allotted} every channel's budget gives out: the "
        "channels a failed gate stops buy nothing after its test.",
        "按投满分配运行（run），整个周期的广告支出为 {spent}，而非各渠道预算合计的 {allotted}：闸门不通过时被停掉的渠道"
        "在测试之后不再投放。",
    ),
    "allocate_warning_spends_less_reaching": Label(
        "Run of the reaching split spends {spent} over the horizon, not the {allotted} every channel's budget gives out: the "
        "channels a failed gate stops buy nothing after its test.",
        "按达标分配运行（run），整个周期的广告支出为 {spent}，而非各渠道预算合计的 {allotted}：闸门不通过时被停掉的渠道"
        "在测试之后不再投放。",
    ),
    # Run decides the gates at the plan's medians; a risk objective's draws each decide them: where a gate passes at
    # the medians but fails in some draws, run spends every channel's budget and the draws spend less on average.
    "allocate_warning_spends_all": Label(
        "Run of the best split spends {spent} over the horizon, all that every channel's budget gives out: at the "
        "plan's medians no gate stops a channel.",
        "按最优分配运行（run），整个周期的广告支出为 {spent}，即各渠道预算合计：按方案中位数，没有闸门停掉渠道。",
    ),
    "allocate_warning_spends_all_filled": Label(
        "Run of the filled split spends {spent} over the horizon, all that every channel's budget gives out: at the "
        "plan's medians no gate stops a channel.",
        "按投满分配运行（run），整个周期的广告支出为 {spent}，即各渠道预算合计：按方案中位数，没有闸门停掉渠道。",
    ),
    "allocate_warning_spends_all_reaching": Label(
        "Run of the reaching split spends {spent} over the horizon, all that every channel's budget gives out: at the "
        "plan's medians no gate stops a channel.",
        "按达标分配运行（run），整个周期的广告支出为 {spent}，即各渠道预算合计：按方案中位数，没有闸门停掉渠道。",
    ),
    "allocate_warning_spends_mean": Label(
        "Over the {samples} draws it spends {mean} on average, each draw deciding the gates: {passes}; where a gate "
        "fails, the channels it stops buy nothing after its test.",
        "在 {samples} 次抽样中平均支出 {mean}（每次抽样各自判定闸门）：{passes}；闸门不通过时，被停掉的渠道在测试之后"
        "不再投放。",
    ),
    "allocate_gate_passes_share": Label("the gate {name} passes in {share} of them", "闸门{name}在 {share} 的抽样中通过"),
    "allocate_warning_in_months_only": Label(
        "That holds in {months} only: after them a failed gate stops it, whatever budget the split shows for it then.",
        "这只是{months}的情况：此后闸门不通过将其停掉，无论分配中此后给它多少预算。",
    ),
    "allocate_gate_name": Label("'{name}'", "“{name}”"),
    "allocate_gate_one": Label("the gate {name}", "闸门{name}"),
    "allocate_gate_many": Label("the gates {names}", "闸门{names}"),
    "allocate_warning_different_months": Label(
        "The channels run in different months: B is spent in every month in which one runs, split among the channels "
        "running then (one split per phase above).",
        "各渠道投放月份不同：B 在每个有渠道投放的月份都花出，由当月投放的渠道分配（见上方各阶段分配）。",
    ),
    "allocate_warning_different_months_total": Label(
        "The channels run in different months: T is split across the phases as well as among each phase's channels, "
        "so one phase may get more a month than another (one split per phase above).",
        "各渠道投放月份不同：T 既在各阶段之间分配，也在每个阶段的渠道之间分配，一个阶段每月可以比另一个阶段多"
        "（见上方各阶段分配）。",
    ),
    "allocate_warning_different_months_target_roas": Label(
        "The channels run in different months: each phase's channels are filled to the target ROAS on their own, "
        "and T is what the phases spend together (one split per phase above).",
        "各渠道投放月份不同：每个阶段的渠道各自投到目标 ROAS，T 是各阶段广告支出之和（见上方各阶段分配）。",
    ),
    "allocate_warning_marginal_roas_below_one": Label(
        "{channel}: at the best split its next 1 {money} returns {roas} {money} in revenue, less than the 1 {money} "
        "itself.",
        "{channel}：最优分配下再投 1 {money} 只带来 {roas} {money} 收入，不到这 1 {money} 本身。",
    ),
    "allocate_warning_marginal_roas_below_one_filled": Label(
        "{channel}: at the filled split its next 1 {money} returns {roas} {money} in revenue, less than the 1 {money} "
        "itself.",
        "{channel}：投满分配下再投 1 {money} 只带来 {roas} {money} 收入，不到这 1 {money} 本身。",
    ),
    # Named what each amount is: "spend 2,520,000 over the horizon, not 5,400,000" left the reader to find which
    # number of the command line the second was.
    "allocate_warning_current_total_differs_total": Label(
        "At the current split the moved channels spend {total} over the horizon, not the --total T = {budget}: the "
        "gain includes the change in total spend.",
        "当前分配下，参与分配的渠道在整个周期广告支出 {total}，而非 --total 给出的 T = {budget}：提升中包含总广告支出的变化。",
    ),
    "allocate_warning_current_total_differs_filled": Label(
        "At the current split the moved channels spend {total} over the horizon, not the T = {budget} the filled split "
        "spends: the gain includes the change in total spend.",
        "当前分配下，参与分配的渠道在整个周期广告支出 {total}，而非投满分配花出的 T = {budget}：提升中包含总广告支出的变化。",
    ),
    "allocate_warning_current_differs_phases": Label(
        "Today the moved channels do not spend B = {budget} a month in every phase: {phases}; the gain includes the "
        "change in spend.",
        "当前参与分配的渠道并非每个阶段每月都花 B = {budget}：{phases}；提升中包含广告支出的变化。",
    ),
    "allocate_warning_marginal_roas_below_one_reaching": Label(
        "{channel}: at the reaching split its next 1 {money} returns {roas} {money} in revenue, less than the 1 {money} "
        "itself.",
        "{channel}：达标分配下再投 1 {money} 只带来 {roas} {money} 收入，不到这 1 {money} 本身。",
    ),
    "allocate_phase_spend": Label("{amount} in {months}", "{months}每月 {amount}"),
    "allocate_warning_constraint_not_met": Label(
        "No split found keeps {constraint}: {value} against a limit of {limit}; the split shown comes closest.",
        "没有分配能满足{constraint}：{value}，限值 {limit}；所示分配最接近。",
    ),
}
