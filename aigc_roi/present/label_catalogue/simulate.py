"""simulate (issue 12): its tables, charts and variance shares, notes on the draws and on figures some draws
leave undefined, and the options it refuses."""

from aigc_roi.present.label_catalogue import Label

LABELS: dict[str, Label] = {
    "payback_probability": Label("Chance of payback on target", "按目标回本的概率"),
    "simulate_title": Label(
        "Simulation · {scenario} · {samples} samples, seed {seed} ({currency})",
        "模拟 · {scenario} · {samples} 次抽样，种子 {seed}（{currency}）",
    ),
    "mean": Label("Mean", "均值"),
    "defined_share": Label("Defined in", "有定义的比例"),
    # A payback counted in months is never none: its share row holds the samples that never pay back.
    "never_row": Label("Never", "未回本"),
    "defined_or_never": Label("Defined in / never", "有定义的比例 / 未回本"),
    "chances": Label("Chances", "概率"),
    "condition": Label("Condition", "条件"),
    "chance": Label("Chance", "概率"),
    "chance_payback": Label("Payback within {months} months{beyond}", "{months} 个月内回本{beyond}"),
    # A payback target past the horizon (model/targets.py PaybackWindow): what a chance of payback then counts.
    "payback_window_horizon": Label(" (the horizon; target {target})", "（即模拟期；目标 {target} 个月）"),
    "payback_by_horizon": Label(" (by month {months}, the horizon)", "（截至第 {months} 个月，即模拟期末）"),
    "payback_past_horizon": Label(
        "the payback target of {target} months{default} is past the {horizon}-month horizon: payback is counted by "
        "month {horizon}, so a chance of payback is the chance by month {horizon}, a lower bound of the chance by "
        "month {target}; set horizon_months to at least {target} to judge the target",
        "回本目标 {target} 个月{default}超出了 {horizon} 个月的模拟期：回本只能统计到第 {horizon} 个月，"
        "因此回本概率是第 {horizon} 个月前回本的概率，只是第 {target} 个月前回本概率的下限；"
        "要按目标判断，请把 horizon_months 设为至少 {target}",
    ),
    "payback_target_default": Label(" (the default)", "（默认值）"),
    "chance_roi_positive": Label("ROI > 0", "ROI > 0"),
    "chance_npv_positive": Label("NPV > 0", "NPV > 0"),
    "chance_cash_need": Label("Peak cash need <= {limit}", "最大资金需求 ≤ {limit}"),
    "histogram_title": Label(
        "Net cash over the horizon: share of samples per bin ({currency})",
        "周期内净现金流：各区间的抽样占比（{currency}）",
    ),
    "histogram_one_value": Label(
        "Net cash over the horizon: {value} in every sample ({currency}).",
        "周期内净现金流：每次抽样都是 {value}（{currency}）。",
    ),
    "histogram_share": Label("Share of samples", "抽样占比"),
    "fan_title": Label("Cumulative cash by month ({currency})", "各月累计现金流（{currency}）"),
    "fan_caption": Label(
        "─ from the lowest to the highest percentile shown, ● P{line:g}, │ zero.",
        "─ 从所示最低到最高分位数，● P{line:g}，│ 零点。",
    ),
    "fan_caption_no_band": Label("● P{line:g}, │ zero.", "● P{line:g}，│ 零点。"),
    "fan_caption_no_line": Label(
        "─ from the lowest to the highest percentile shown, │ zero.",
        "─ 从所示最低到最高分位数，│ 零点。",
    ),
    "fan_subset": Label("Fan over the first {samples} samples (memory cap).", "扇形图基于前 {samples} 次抽样（内存上限）。"),
    "shares_subset": Label("Shares over the first {samples} samples (their sampling error there is at most about {error} "
                           "percentage points).", "方差占比基于前 {samples} 次抽样（其抽样误差至多约 {error} 个百分点）。"),
    "input": Label("Uncertain input", "不确定输入"),
    "variance_shares": Label("Which guess drives the risk: share of variance", "哪个假设决定风险：方差占比"),
    "variance_share_of": Label("Share of var({figure})", "占 {figure} 方差"),
    "variance_caption": Label("First-order share Var(E[Y | input]) / Var(Y).", "一阶占比 Var(E[Y | 输入]) / Var(Y)。"),
    "variance_undetected": Label(
        "< x: a share too small to tell from no effect at {samples} samples (the one-sided 1% level), so below x, "
        "not 0; more samples show smaller shares.",
        "< x：在 {samples} 次抽样下无法与无影响区分的占比（单侧 1% 显著性水平），即低于 x，而非 0；抽样越多，能显示的占比越小。",
    ),
    "variance_rest": Label(
        "The rest is not explained by any input alone (interactions between inputs, or estimation noise).",
        "其余部分不能由任何单个输入单独解释（输入之间的交互作用，或估计噪声）。",
    ),
    "variance_one_input": Label(
        "With one uncertain input each figure is a function of it: all of its variance is that input's.",
        "只有一个不确定输入时，每个指标都是它的函数：全部方差都来自这个输入。",
    ),
    "shares_too_few": Label(
        "Shares of the variance of {figures} not estimated: defined in {samples} of the samples, at least {minimum} "
        "are needed.",
        "未估计 {figures} 的方差占比：只在 {samples} 次抽样中有定义，至少需要 {minimum} 次。",
    ),
    "shares_constant": Label(
        "{figures}: the same in every sample where defined ({samples}), no variance to split.",
        "{figures}：在有定义的每次抽样（{samples} 次）中都相同，没有方差可拆分。",
    ),
    "shares_undefined": Label("{figures}: defined in no sample, no variance to split.",
                              "{figures}：在所有抽样中都没有定义，没有方差可拆分。"),
    "independence_note": Label(
        "Inputs are drawn independently (no correlation between ranges); "
        "each is drawn once per sample and used in every month of that sample.",
        "各输入相互独立抽样（区间之间无相关性）；每次抽样每个输入只抽一次，并用于该次抽样的每个月。",
    ),
    "no_ranges": Label("No uncertain input: every sample equals the deterministic run.", "没有不确定输入：每次抽样都等于确定性运行结果。"),
    "fan_band": Label("P{low:g}–P{high:g}", "P{low:g}–P{high:g}"),
    "fan_median": Label("P{middle:g}", "P{middle:g}"),
    "simulate_chart_title": Label("Cumulative net cash, simulated", "累计净现金流（模拟）"),
    "histogram_all_below_zero": Label("All samples below 0", "全部样本均低于 0"),
    "histogram_all_above_zero": Label("All samples above 0", "全部样本均高于 0"),
    "samples_out_suffix": Label(
        "--samples-out: expected a file name ending in .csv or .parquet, found {path}",
        "--samples-out：应为以 .csv 或 .parquet 结尾的文件名，实际为 {path}",
    ),
    "parquet_needs": Label(
        "--samples-out: writing .parquet needs {missing}; install with: pip install {missing} (or write .csv)",
        "--samples-out：写入 .parquet 需要 {missing}；请安装：pip install {missing}（或改写 .csv）",
    ),
    "percentiles_bad": Label(
        "--percentiles: expected numbers from 0 to 100 separated by commas, such as 5,50,95, found {text!r}",
        "--percentiles：应为 0 到 100 之间以逗号分隔的数，例如 5,50,95，实际为 {text!r}",
    ),
    "percentiles_bad_hinted": Label(
        "--percentiles: expected numbers from 0 to 100 separated by commas, such as 5,50,95, found {text!r}; {hint}",
        "--percentiles：应为 0 到 100 之间以逗号分隔的数，例如 5,50,95，实际为 {text!r}；{hint}",
    ),
    "percentiles_without_percent": Label("percentiles are written without %", "分位数不带 %"),
    "percentiles_empty_item": Label("an item between commas is empty (two commas in a row, or one at either end)",
                                    "逗号之间有空项（两个逗号相连，或逗号在首尾）"),
    "percentiles_alike": Label(
        "--percentiles: {first} and {second} differ beyond a float's precision, so both are {key}; give one of them",
        "--percentiles：{first} 与 {second} 的差别超出浮点数精度，二者都是 {key}；请只写其中一个",
    ),
    "peak_cash_still_falling": Label("≥ {amount}, still falling at month {month}", "≥ {amount}，第 {month} 月仍在下降"),
    "irr_borrowing_share": Label(
        "IRR: in {share} of draws it is a borrowing rate (cash comes in first, so a higher IRR is worse); its "
        "percentiles mix those costs of money with the other draws' returns.",
        "IRR：{share} 的抽样中它是借款利率（现金先流入，IRR 越高越差）；其分位数把这些资金成本与其余抽样的收益率混在一起。"),
    "irr_borrowing_in_draws": Label(
        "In some draws the IRR is a borrowing rate (cash comes in first, so a higher IRR is worse): its median is "
        "marked best only where every column's draws read one way.",
        "部分抽样中 IRR 是借款利率（现金先流入，IRR 越高越差）：只有各列抽样读法一致时才标出最佳中位数。"),
    "irr_borrowing_every_draw": Label(
        "IRR: in every draw it is a borrowing rate (cash comes in first, so a higher IRR is worse).",
        "IRR：每次抽样中它都是借款利率（现金先流入，IRR 越高越差）。"),
    "peak_cash_share_still_falling": Label(
        "Peak cash need: in {share} of draws the cash is still falling at month {month}, so there it is the low so "
        "far, not a peak.",
        "最大资金需求：{share} 的抽样到第 {month} 月现金仍在下降，那里只是目前的最低点，不是峰值。",
    ),
    "draws_clipped_below": Label(
        "{share} of the draws ({count} of {draws}) fell below {bound} and were clipped to it; the figures include them",
        "{share} 的抽样值（{draws} 个中的 {count} 个）低于 {bound}，已截断为 {bound}；各项指标已计入这些抽样",
    ),
    "draws_clipped_above": Label(
        "{share} of the draws ({count} of {draws}) fell above {bound} and were clipped to it; the figures include them",
        "{share} 的抽样值（{draws} 个中的 {count} 个）高于 {bound}，已截断为 {bound}；各项指标已计入这些抽样",
    ),
    "draws_lowered": Label(
        "{share} of the draws ({count} of {draws}) were above an earlier age's retention in their sample and were "
        "lowered to it (retention never rises with age); the figures include them",
        "{share} 的抽样值（{draws} 个中的 {count} 个）高于同次抽样中更早月龄的留存，已降为该值（留存不随月龄上升）；"
        "各项指标已计入这些抽样",
    ),
    # A conversion index above 1 / the largest plan conversion (docs/formulas.md §15): one ceiling for every
    # sample when no plan's conversion is drawn, else each sample's own.
    "index_lowered": Label(
        "{share} of the samples ({count} of {draws}) had an index above {bound} (1 / the largest plan conversion) and "
        "used {bound} instead (no more than all of a cohort subscribes); the figures include them",
        "{share} 的抽样（{draws} 个中的 {count} 个）该指数高于 {bound}（1 / 最大的订阅转化率），已降为 {bound}"
        "（订阅人数不超过同期群人数）；各项指标已计入这些抽样",
    ),
    "index_lowered_by_sample": Label(
        "{share} of the samples ({count} of {draws}) had an index above 1 / the largest plan conversion drawn in "
        "that sample and used that instead (no more than all of a cohort subscribes); the figures include them",
        "{share} 的抽样（{draws} 个中的 {count} 个）该指数高于 1 / 同次抽样中最大的订阅转化率，已降为该值"
        "（订阅人数不超过同期群人数）；各项指标已计入这些抽样",
    ),
    # A plan's conversions by age drawn each on its own, summing past 1 in some samples (docs/formulas.md §9).
    "conversions_scaled": Label(
        "{share} of the samples ({count} of {draws}) drew conversions by age summing past 1 and were scaled down to "
        "sum to 1 (each user subscribes once); the figures include them",
        "{share} 的抽样（{draws} 个中的 {count} 个）各月龄转化率之和超过 1，已按比例缩小至和为 1（每位用户只订阅一次）；"
        "各项指标已计入这些抽样",
    ),
    "never_share": Label("{never} {share}", "{never} {share}"),
    # A figure that says nothing where another is none or 0 in some samples (model/figures.py
    # Figure.undefined_for): each share on its own base, the never share on the samples its percentiles are over.
    "undefined_over_cac": Label("no CAC in {share} of all", "全部样本中无获客成本 {share}"),
    "undefined_without_ad_spend": Label("no ad spend in {share} of all", "全部样本中无广告支出 {share}"),
    "never_of_rest": Label("{undefined} · {never} of the rest", "{undefined} · 其余样本中{never}"),
    # The same two shares as rows of their own (a card, compare's markdown), each row named by what it holds.
    "no_cac_row": Label("No CAC", "无获客成本"),
    "no_ad_spend_row": Label("No ad spend", "无广告支出"),
    "of_the_rest": Label("{share} of the rest", "其余样本中 {share}"),
    "chance_undefined": Label("{none} ({why})", "{none}（{why}）"),
    "defined_in_share": Label("defined in {share}", "有定义 {share}"),
}
