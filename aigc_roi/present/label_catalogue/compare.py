"""compare, on figures and on risk, and compare --explain: what moved each figure."""

from aigc_roi.present.label_catalogue import Label

LABELS: dict[str, Label] = {
    "compare_title": Label("Compare", "方案对比"),
    # present/compare.py best_legend fills these from model/figures.py's rules, the ones best_columns ranks by.
    "compare_caption": Label(
        "★ best in row: lower is better for {lower} and every payback month (never is worst), higher for the rest; "
        "not ranked: {unranked}.",
        "★ 每行最优：{lower}和各回本月份越低越好（未回本最差），其余越高越好；不参与排名：{unranked}。",
    ),
    "vs_first": Label("vs first", "与第一个相比"),
    # A staged plan's gates beside the figures (docs/formulas.md §13): run's decision, or on risk simulate's share.
    "compare_gate": Label("Gate: {gate}", "闸门：{gate}"),
    "compare_gates_note": Label(
        "Gate rows: whether each gate passed in the scenario's run (a failed one stops its channels after its test); "
        "— where a scenario has no such gate; not ranked.",
        "闸门行：各方案运行时每个闸门是否通过（未通过的闸门在测试期后停止其渠道）；方案没有该闸门时为 —；不参与排名。"),
    # Where a gate of a name two gates share pairs with none in a scenario that has that name (present/gate_pairs.py).
    "compare_gates_unpaired": Label(
        "Gates sharing a name are paired by their test (channels tested, thresholds set, channels run after), not by "
        "order; {gates}: no gate of that name tests the same in a scenario showing —.",
        "同名闸门按测试内容（测试渠道、所设门槛、其后投放的渠道）配对，而非按顺序；{gates}：显示 — 的方案中"
        "没有测试内容相同的同名闸门。"),
    "compare_gates_risk_note": Label(
        "Gate rows: the share of samples in which each gate passed, every figure being the staged plan's (each sample "
        "decides its own gates); — where a scenario has no such gate; not ranked.",
        "闸门行：每个闸门通过的样本占比，各指标都是分阶段方案的结果（每个样本各自判定闸门）；"
        "方案没有该闸门时为 —；不参与排名。"),
    # Markdown's headers beside the figures' (CSV keeps its keys: figure, statistic, best).
    "compare_best": Label("Best", "最优"),
    "compare_statistic": Label("Statistic", "统计量"),
    # Each column's basis, rows after the figures (present/compare.py BASIS; docs/formulas.md §12).
    "basis_horizon_months": Label("Horizon (months)", "模拟期（月）"),
    "basis_start": Label("Start month", "起始月份"),
    "basis_discount_rate": Label("Discount rate (a year)", "贴现率（年）"),
    "compare_month_starts": Label(
        "Month figures count from each scenario's own start, its calendar month in brackets; their Δ is in months "
        "into the plan.",
        "月份指标从各方案自己的起始月算起，括号内为日历月份；其 Δ 为计划内月数之差。",
    ),
    # The line on stderr when the columns are on different bases: each difference and the figures it affects.
    "basis_differs": Label("the compared scenarios are on different bases: {parts}", "对比的方案口径不同：{parts}"),
    "basis_differs_discount_rate": Label(
        "discount rate {values} a year (NPV, MIRR, LTV and LTV : CAC are discounted at each one's own rate, and each "
        "IRR is to be judged against its own)",
        "贴现率分别为每年 {values}（NPV、MIRR、LTV 与 LTV : CAC 按各自的贴现率贴现，IRR 也应与各自的贴现率比较）",
    ),
    "basis_differs_horizon_months": Label(
        "horizon {values} months (totals such as ad spend, revenue, net cash and NPV, the returns and the payback "
        "months run over each one's own horizon)",
        "模拟期分别为 {values} 个月（广告支出、收入、净现金流、NPV 等累计指标以及收益率和回本月份均按各自的模拟期计算）",
    ),
    "basis_differs_start": Label(
        "start {values} (month numbers count from each one's own start: the tables add each one's calendar month, "
        "and a Δ of months is in months into the plan)",
        "起始月份分别为 {values}（月份序号从各自的起始月算起：表中注明各自的日历月份，月份的 Δ 为计划内月数之差）",
    ),
    "basis_no_start": Label("none", "未设置"),
    "compare_risk_title": Label(
        "Compared on risk · {samples} samples each, seed {seed}",
        "按风险对比 · 每个方案 {samples} 次抽样，种子 {seed}",
    ),
    "compare_risk_caption": Label(
        "Each cell: P50 (P5 .. P95) over the samples where the figure is defined, with that share (or the never "
        "share) when below 100%. ★ best median where each scenario's percentiles are over all its samples, or best "
        "chance. Payback is within each scenario's own targets.max_payback_months (default 12), by its horizon if "
        "sooner. Inputs are drawn independently.",
        "每格：P50 (P5 .. P95)，只计该指标有定义的样本，占比（或未回本占比）低于 100% 时注明。"
        "★ 中位数最优（仅当各方案的分位数都覆盖全部样本）或概率最高。回本按各方案自己的 "
        "targets.max_payback_months（默认 12）计算，模拟期更短时截至模拟期末。各输入相互独立抽样。",
    ),
    "compare_payback_within_target": Label("Chance: payback on target", "概率：按目标回本"),
    "compare_roi_positive": Label("Chance: ROI > 0", "概率：ROI > 0"),
    "compare_npv_positive": Label("Chance: NPV > 0", "概率：NPV > 0"),
    # compare --explain: what moved each figure, and how the change was split among the inputs.
    "explain_title": Label("What moved each figure (each changed input's share of the change)", "各指标变化的来源（每个改动输入的贡献）"),
    "explain_input": Label("Input", "输入"),
    "explain_base_input": Label("Input in base", "基准中的输入"),
    "explain_input_unit": Label("Input unit", "输入单位"),
    "explain_from": Label("From", "原值"),
    "explain_to": Label("To", "新值"),
    "explain_move": Label("From → to", "原值 → 新值"),
    "explain_change": Label("Change", "变化"),
    "explain_bars": Label("▇ a move that improves the figure, ▒ one that worsens it, each as long as its share of the "
                          "largest move.", "▇ 表示使该指标变好的改动，▒ 表示使其变差的改动，长度按其占最大一项的比例。"),
    "explain_base": Label("base", "基准"),
    "explain_new": Label("new", "新方案"),
    "explain_not_split": Label("not split (none in a combination)", "无法拆分（某些组合下为空）"),
    "explain_not_split_row": Label("not split: {items}", "无法拆分：{items}"),
    "explain_rest": Label("not split", "无法拆分"),
    "explain_added": Label("{path} added", "新增 {path}"),
    "explain_removed": Label("{path} removed", "删除 {path}"),
    "explain_changed": Label("{path} {was} → {now}", "{path} {was} → {now}"),
    "explain_not_split_note": Label(
        "An item added or removed, a field left out, or a gate's list naming an added channel is no value a --set on "
        "the base gives: what it moves is not split, its row is the rest of the change.",
        "新增或删除的条目、省略的字段、列出新增渠道的闸门列表不是基准上 --set 能给出的取值：其影响不作拆分，单列一行，为总变化的其余部分。",
    ),
    "explain_never_note": Label(
        "Never paying back counts as month {month} in the split, the month after the {horizon}-month horizon.",
        "拆分时未回本按第 {month} 个月计，即 {horizon} 个月期限之后的一个月。",
    ),
    "explain_rounded_note": Label(
        "The shares are rounded so that the shown ones add up to the shown change, its Δ (largest remainders): one "
        "may read a unit of its last place off its own rounding.",
        "各项经取整使显示值之和等于显示的总变化，即其 Δ（最大余数法），个别项可能与自身的四舍五入相差末位一个单位。",
    ),
    "explain_whole_file": Label("every change at once (the changes cannot be set on the base apart)",
                                "全部改动合在一起（这些改动无法在基准上分开设置）"),
    "explain_other_changes": Label("every other change at once (what cannot be set on the base apart)",
                                   "其余改动合在一起（无法在基准上分开设置的部分）"),
    "explain_exact": Label(
        "Shapley shares over every order of the changes (exact); they add up to the whole change.",
        "Shapley 分摊：遍历所有改动顺序（精确），各项之和等于总变化。",
    ),
    "explain_sampled": Label(
        "Shapley shares averaged over {orders} random orders of the changes; they add up to the whole change.",
        "Shapley 分摊：{orders} 个随机改动顺序的平均，各项之和等于总变化。",
    ),
    # An IRR beside a compared cell, a share of all draws as the defined share is (docs/formulas.md §5).
    "borrowing_in_share": Label("a borrowing rate in {share}", "借款利率占 {share}"),
    "borrowing_in_every_draw": Label("a borrowing rate in every draw", "每次抽样都是借款利率"),
    "borrowing_share_row": Label("Borrowing rate in", "借款利率占比"),
}
