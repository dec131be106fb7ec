"""Labels shown to people, English and Chinese side by side. Machine formats keep English keys.

Every key is written out where it is used (no key is assembled from pieces), so a test can
find a label no code uses and a use with no label; ``label`` raises on a key it does not know,
rather than showing the key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Label:
    en: str
    zh: str
    short: tuple[str, str] | None = None
    """(English, Chinese) for a column header or a figure named in a sentence, where the
    label is long; None when the label is short already."""


class UnknownLabel(KeyError):
    """A key with no entry in ``LABELS``: a programming error, never shown to a user as text."""


LABELS: dict[str, Label] = {
    "ad_spend": Label("Ad spend", "广告支出"),
    "paid_users": Label("Paid users", "买量用户"),
    "new_users": Label("New users", "新增用户", short=("New", "新增")),
    "cac": Label("CAC", "获客成本 (CAC)", short=("CAC", "获客成本")),
    "gross_revenue": Label("Gross revenue", "总收入", short=("Gross rev.", "总收入")),
    "net_revenue": Label("Net revenue", "净收入", short=("Net rev.", "净收入")),
    "contribution": Label("Contribution", "边际贡献"),
    "net_cash": Label("Net cash", "净现金流"),
    "roas": Label("ROAS (paid revenue / ad spend)", "ROAS (投放ROI = 买量收入 / 广告支出)", short=("ROAS", "ROAS")),
    # docs/formulas.md §2: after every variable cost (revenue fees, serving, delivery, referral rewards), before fixed.
    "roi": Label("ROI (paid, after variable, before fixed)", "ROI (买量，扣除变动成本，未扣固定成本)", short=("ROI", "ROI")),
    "blended_roas": Label("Blended ROAS (all revenue / ad spend)", "综合 ROAS (全部收入 / 广告支出)", short=("Blended ROAS", "综合 ROAS")),
    "blended_cac": Label("Blended CAC (ad spend / new users)", "综合获客成本 (广告支出 / 新增用户)", short=("Blended CAC", "综合获客成本")),
    "payback_month": Label("Payback month (plan cash)", "回本月份 (全盘现金)", short=("Payback month", "回本月份")),
    "first_payback_month": Label("First payback month (first crossing)", "首次回本月份 (首次转正)",
                                 short=("First payback", "首次回本")),
    "paid_payback_month": Label("Paid payback month (campaign's own cash)", "投放回本月份 (仅买量现金)",
                                short=("Paid payback", "投放回本")),
    "peak_cash_need": Label("Peak cash need", "最大资金需求"),
    "peak_cash_month": Label("Peak cash month", "资金缺口最大月份"),
    "npv": Label("NPV", "净现值 (NPV)", short=("NPV", "净现值")),
    "irr": Label("IRR (annual)", "内部收益率 (IRR，年化)", short=("IRR", "内部收益率")),
    "mirr": Label("MIRR (annual)", "修正内部收益率 (MIRR，年化)", short=("MIRR", "修正内部收益率")),
    "ltv": Label("LTV per new user", "单个新增用户 LTV"),
    "ltv_to_cac": Label("LTV : CAC (per new user / paid CAC)", "LTV : CAC (单个新增用户 / 买量 CAC)",
                        short=("LTV : CAC", "LTV : CAC")),
    "cac_payback_months": Label("CAC payback per user (≤ ltv_months)", "单用户 CAC 回收期 (月，≤ ltv_months)",
                                short=("CAC payback", "CAC 回收期")),
    # docs/formulas.md §5: the rate NPV is discounted at and its conventions, said beside NPV (present/discount_note.py).
    "npv_basis": Label("NPV at {rate} a year, m = {monthly} a month compounded; each month's cash at its end.",
                       "净现值按年贴现率 {rate}，月贴现率 m = {monthly} 按月复利；每月现金计在月末。"),
    "no_ad_spend": Label("no ad spend", "无广告支出"),
    "no_ad_spend_note": Label("no ad spend: the campaign's cash P(t) is 0 throughout, so month 1 by definition",
                              "无广告支出：投放现金 P(t) 始终为 0，按定义为第 1 个月"),
    "discount_rate_note": Label("an annual rate: NPV and LTV discount each month's cash at m = (1 + rate)^(1/12) - 1",
                                "年利率：净现值和 LTV 按月贴现率 m = (1 + 年利率)^(1/12) - 1 贴现每月现金"),
    "npv_basis_undiscounted": Label("NPV at 0% a year: undiscounted, equal to net cash.",
                                    "净现值按年贴现率 0%：不贴现，等于净现金流。"),
    "no_single_irr": Label("none: no single IRR", "无：IRR 不唯一或不存在"),
    "irr_none_no_sign_change": Label("none: no sign change", "无：现金流未变号"),
    "irr_none_more_than_one_sign_change": Label("none: more than one sign change", "无：现金流多次变号"),
    "irr_borrowing_value": Label("{value}, a borrowing rate", "{value}，借款利率"),
    "excel_capped_note": Label(
        "Above 9.99999999999999E+307, the largest number Excel holds: the cell is capped at it (CSV and JSON keep the "
        "figure).",
        "超过 Excel 能存储的最大数 9.99999999999999E+307：单元格按该数写入（CSV 和 JSON 保留原数）。"),
    "irr_borrowing_note": Label(
        "The IRR is a borrowing rate: cash comes in first, so a higher IRR is worse (the MIRR reads as a return).",
        "IRR 是借款利率：现金先流入，IRR 越高越差（MIRR 仍按收益率读）。"),
    "mirr_none": Label("no month is negative or none is positive (or the horizon is one month)",
                       "没有负的月份或没有正的月份（或期限只有 1 个月）"),
    "recognised_revenue": Label("Recognised revenue", "确认收入", short=("Recognised", "确认收入")),
    "deferred_revenue": Label("Deferred revenue", "递延收入", short=("Deferred", "递延收入")),
    # One short line each (a caption wraps at the table's width, and must never split a number).
    "accrual_line": Label(
        "Accrual view: recognised revenue {recognised} over the horizon;\n"
        "deferred revenue at the end of {last}: {deferred}.\n"
        "A plan payment is recognised evenly over its period; every figure is cash.",
        "权责发生制：期内确认收入 {recognised}；\n"
        "{last} 末递延收入 {deferred}。\n"
        "订阅款在其周期内平均确认；以上指标均为收付实现制。",
    ),
    "cohorts": Label("Cohorts: contribution by month", "同期群：各月边际贡献"),
    # A staged plan's gates (docs/formulas.md §18).
    "gates": Label("Gates", "闸门"),
    "gate": Label("Gate", "闸门"),
    "gate_months": Label("Test months", "测试月份"),
    "gate_after_month": Label("Test until month (T)", "测试截止月 (T)"),
    # docs/formulas.md §18: the test channels' cash revenue in months 1..T over their spend then, not the plan's ROAS.
    "gate_roas": Label("Test ROAS (months 1..T)", "测试期 ROAS (第 1..T 月)", short=("Test ROAS", "测试期 ROAS")),
    "gate_cac": Label("Test CAC (months 1..T)", "测试期获客成本 (第 1..T 月)", short=("Test CAC", "测试期获客成本")),
    "gate_min_roas": Label("Min ROAS", "ROAS 下限"),
    "gate_max_cac": Label("Max CAC", "获客成本上限"),
    "gate_metric": Label("Metric", "指标"),
    "gate_value": Label("Test", "测试值"),
    "gate_threshold": Label("Threshold", "门槛"),
    "gate_result": Label("Result", "结果"),
    "gate_pass": Label("pass", "通过"),
    "gate_fail": Label("fail", "未通过"),
    "gate_stopped": Label("{gate} failed: {channels} buy no users after {month}.",
                          "{gate} 未通过：{channels} 在 {month} 之后不再获客。"),
    "gate_pass_probability": Label("Gate passes: {gate}", "闸门通过概率：{gate}"),
    "gates_note": Label("Every figure is the staged plan's: each sample decides its own gates.",
                        "所有指标都是分阶段方案的结果：每个样本各自判定闸门。"),
    "cohort": Label("Cohort", "同期群"),
    "cohort_contribution_in": Label("Cohort (contribution in {currency} by month)", "同期群（各月边际贡献，{currency}）"),
    "cohorts_too_wide": Label(
        "wider than this terminal; see it with --format csv --table cohorts or --format xlsx.",
        "超出终端宽度；请用 --format csv --table cohorts 或 --format xlsx 查看。",
    ),
    "figures": Label("Figures", "核心指标"),
    "channels": Label("Channels", "渠道"),
    "months": Label("Months", "月度现金流"),
    "channel": Label("Channel", "渠道"),
    "channel_path": Label("Path", "路径"),
    "type": Label("Type", "类型"),
    "spend": Label("Spend", "广告支出", short=("Spend", "支出")),
    "users": Label("Users", "用户数"),
    "month": Label("Month", "月份"),
    "active_users": Label("Active users", "活跃用户", short=("Active", "活跃")),
    "subscribers": Label("Subscribers in force", "在订用户", short=("Subs.", "在订")),
    "serving_cost": Label("Serving", "服务成本"),
    "delivery_cost": Label("Delivery", "交付成本"),
    "referral_cost": Label("Referral rewards", "推荐奖励", short=("Referral", "推荐奖励")),
    "fixed_cost": Label("Fixed", "固定成本"),
    "cumulative_cash": Label("Cumulative cash", "累计现金流", short=("Cumulative", "累计")),
    "never": Label("never", "未回本"),
    "chart_title": Label("Cumulative net cash", "累计净现金流"),
    "payback_marker": Label("payback", "回本"),
    "organic": Label("Organic", "自然流量"),
    "organic_users_row": Label("Organic users", "自然流量用户"),
    "xlsx_needs_output": Label("--format xlsx needs -o FILE.xlsx, or -o - to write the workbook into a pipe",
                               "--format xlsx 需要 -o FILE.xlsx，或用 -o - 把工作簿写入管道"),
    "reforecast_beside_output": Label(
        "--reforecast -: standard output already carries the comparison; write one of them to a file "
        "(-o FILE or --reforecast OUT.yaml)",
        "--reforecast -：标准输出已用于对比结果；请把其中之一写入文件（-o FILE 或 --reforecast OUT.yaml）"),
    "xlsx_to_terminal": Label("--format xlsx is binary; write it to a file with -o FILE.xlsx or pipe it",
                              "--format xlsx 是二进制格式；请用 -o FILE.xlsx 写入文件，或用管道交给其他程序"),
    "output_format_mismatch": Label(
        "{path}: --format {format} does not match the file's extension {suffix} ({named}); change one of them",
        "{path}：--format {format} 与文件扩展名 {suffix}（{named}）不符；请修改其中之一",
    ),
    "output_suffix_unwritten": Label(
        "{path}: {command} does not write {named}, the format of the extension {suffix}; its formats: {formats}",
        "{path}：{command} 不能写出扩展名 {suffix} 对应的格式 {named}；它的格式：{formats}",
    ),
    "output_format_mismatch_unwritten": Label(
        "{path}: --format {format} does not match the file's extension {suffix}, and {command} does not write {named}; "
        "its formats: {formats}",
        "{path}：--format {format} 与文件扩展名 {suffix} 不符，且 {command} 不能写出 {named}；它的格式：{formats}",
    ),
    "plot_suffix": Label(
        "--plot: expected a file name ending in .svg or .png, found {path}",
        "--plot：应为以 .svg 或 .png 结尾的文件名，实际为 {path}",
    ),
    "init_wrote": Label(
        "Wrote {path} from template {template}. Next: aigc-roi run {path}",
        "已根据模板 {template} 写入 {path}。下一步：aigc-roi run {path}",
    ),
    "init_unknown_template": Label(
        "--template: no template named {name!r}{hint}; available: {names}",
        "--template：没有名为 {name!r} 的模板{hint}；可用模板：{names}",
    ),
    "did_you_mean": Label(" (did you mean {name!r}?)", "（是否想用 {name!r}？）"),
    "templates": Label("Templates", "模板"),
    "template": Label("Template", "模板"),
    "description": Label("Description", "说明"),
    "default_marker": Label("(default)", "(默认)"),
    "is_a_folder": Label(
        "{path}: is a folder; give a file name such as {path}/scenario.yaml",
        "{path}：这是一个文件夹，请给出文件名，例如 {path}/scenario.yaml",
    ),
    "plot_no_cjk_font": Label(
        "No Chinese font found, so the chart leaves Chinese text out; install one, e.g. "
        "apt-get install fonts-noto-cjk (Debian/Ubuntu) or brew install --cask font-noto-sans-cjk-sc (macOS).",
        "未找到可用于图表的中文字体（如 Noto Sans CJK SC），图中文字改用英文、略去中文；"
        "安装方法：apt-get install fonts-noto-cjk（Debian/Ubuntu）或 brew install --cask font-noto-sans-cjk-sc（macOS）。",
    ),
    # What-if commands (compare, breakeven, sensitivity).
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
    "channel_ltv": Label("LTV (per user it bought)", "LTV (每个买入用户)", short=("LTV", "LTV")),
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
    "can_rise": Label("can rise {amount} before {condition}", "可上涨 {amount}，超出则 {condition}"),
    "can_fall": Label("can fall {amount} before {condition}", "可下降 {amount}，超出则 {condition}"),
    "must_rise": Label("must rise {amount} for {condition}", "须上涨 {amount} 才能 {condition}"),
    "must_fall": Label("must fall {amount} for {condition}", "须下降 {amount} 才能 {condition}"),
    "to_value": Label("to {value}", "至 {value}"),
    "roi_zero_limit": Label("ROI < 0", "ROI < 0"),
    "roi_zero_goal": Label("ROI ≥ 0", "ROI ≥ 0"),
    "payback_target_limit": Label("payback > {months} mo", "回本 > {months} 个月"),
    "payback_target_goal": Label("payback ≤ {months} mo", "回本 ≤ {months} 个月"),
    "holds_in_range": Label("holds at every valid value", "在任何有效取值下均成立"),
    "out_of_reach": Label("out of reach at any valid value", "在任何有效取值下均无法达到"),
    "roi_undefined": Label("no ad spend, ROI undefined", "无广告支出，ROI 无定义"),
    "sensitivity_title": Label("Sensitivity · {scenario} · each driver ±{step}", "敏感性 · {scenario} · 各驱动因素 ±{step}"),
    "sensitivity_caption": Label(
        "Now: ROI {roi}, net cash {net_cash}, payback month {payback}. "
        "Bars: change in {measure} either side of the axis {axis}, {low} −{step}, {high} +{step}; largest first.",
        "当前：ROI {roi}，净现金流 {net_cash}，回本月份 {payback}。"
        "条形：{measure} 的变化，中轴 {axis} 左减右增，{low} −{step}，{high} +{step}；按影响从大到小排列。",
    ),
    "grid_caption": Label("ROI, green ≥ 0, red < 0; now (underlined): {roi}.", "ROI，绿色 ≥ 0，红色 < 0；当前（带下划线）：{roi}。"),
    "compare_title": Label("Compare", "方案对比"),
    # present/compare.py best_legend fills these from model/figures.py's rules, the ones best_columns ranks by.
    "compare_caption": Label(
        "★ best in row: lower is better for {lower} and every payback month (never is worst), higher for the rest; "
        "not ranked: {unranked}.",
        "★ 每行最优：{lower}和各回本月份越低越好（未回本最差），其余越高越好；不参与排名：{unranked}。",
    ),
    "figure": Label("Figure", "指标"),
    "vs_first": Label("vs first", "与第一个相比"),
    # Narrow terminals (present/layout.py) and the run view.
    "months_hint": Label("Monthly cash flow ({months} months): add --months.", "月度现金流（{months} 个月）：加 --months 显示。"),
    # simulate (issue 12)
    "payback_probability": Label("Chance of payback on target", "按目标回本的概率"),
    "simulate_title": Label(
        "Simulation · {scenario} · {samples} samples, seed {seed} ({currency})",
        "模拟 · {scenario} · {samples} 次抽样，种子 {seed} ({currency})",
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
        "周期内净现金流：各区间的抽样占比 ({currency})",
    ),
    "fan_title": Label("Cumulative cash by month ({currency})", "各月累计现金流 ({currency})"),
    "fan_caption": Label(
        "─ from the lowest to the highest percentile shown, ● the middle one, │ zero.",
        "─ 从所示最低到最高分位数，● 中间分位数，│ 零点。",
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
    "simulating": Label("Simulating", "模拟中"),
    "allocating": Label("Searching splits", "搜索分配方案"),
    "simulating_draws": Label("Drawing the ranges", "抽取区间"),
    "simulating_shares": Label("Splitting the variance", "拆分方差"),
    "checking_files": Label("Checking files", "检查文件"),
    "comparing_scenarios": Label("Simulating scenarios", "模拟各方案"),
    "rendering_page": Label("Writing the page", "生成页面"),
    "fan_band": Label("P{low:g}–P{high:g}", "P{low:g}–P{high:g}"),
    "fan_median": Label("P{middle:g}", "P{middle:g}"),
    "simulate_chart_title": Label("Cumulative net cash, simulated", "累计净现金流（模拟）"),
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
    "samples_out_suffix": Label(
        "--samples-out: expected a file name ending in .csv or .parquet, found {path}",
        "--samples-out：应为以 .csv 或 .parquet 结尾的文件名，实际为 {path}",
    ),
    "parquet_needs": Label(
        "--samples-out: writing .parquet needs {missing}; install with: pip install {missing} (or write .csv)",
        "--samples-out：写入 .parquet 需要 {missing}；请安装：pip install {missing}（或改写 .csv）",
    ),
    "percentiles_bad": Label(
        "--percentiles: expected numbers from 0 to 100 separated by commas, such as 5,50,95, found {text!r}; "
        "percentiles are written without %",
        "--percentiles：应为 0 到 100 之间以逗号分隔的数，例如 5,50,95，实际为 {text!r}；分位数不带 %",
    ),
    "percentiles_alike": Label(
        "--percentiles: {first} and {second} differ beyond a float's precision, so both are {key}; give one of them",
        "--percentiles：{first} 与 {second} 的差别超出浮点数精度，二者都是 {key}；请只写其中一个",
    ),

    # allocate (issue 13)
    "allocate_unknown_channel": Label(
        "{option}: no channel named {name!r}; channels: {names}",
        "{option}：没有名为 {name!r} 的渠道；现有渠道：{names}",
    ),
    "allocate_title": Label(
        "Allocation · {scenario} · B = {budget} a month ({currency})",
        "预算分配 · {scenario} · 每月预算 B = {budget} ({currency})",
    ),
    "allocate_objective": Label("Objective", "优化目标"),
    "allocate_objective_npv": Label("NPV", "净现值 (NPV)", short=("NPV", "净现值")),
    "allocate_objective_net_cash": Label("Net cash over the horizon", "整个周期的净现金流", short=("net cash", "净现金流")),
    "allocate_objective_p10_npv": Label(
        "P10 NPV (10th percentile of {samples} samples, seed {seed})",
        "P10 净现值 ({samples} 次抽样的第 10 百分位，种子 {seed})",
        short=("P10 NPV", "P10 净现值"),
    ),
    "allocate_objective_payback_probability": Label(
        "Chance of payback within {months} months{beyond} ({samples} samples, seed {seed})",
        "{months} 个月内回本{beyond}的概率 ({samples} 次抽样，种子 {seed})",
        short=("chance of payback", "回本概率"),
    ),
    "allocate_current_split": Label("At the current split", "当前分配下"),
    "allocate_best_split": Label("At the best split", "最优分配下"),
    # --target-roas shows the fill, which evens out the next yuan's revenue, not the objective: never "best".
    "allocate_best_split_filled": Label("At the filled split", "投满分配下"),
    "allocate_gain": Label("Gain", "提升"),
    "allocate_best": Label("Best", "最优"),
    "allocate_best_filled": Label("Filled", "投满"),
    "allocate_change": Label("Change", "变化"),
    "allocate_roas": Label("Avg ROAS", "平均 ROAS"),
    "allocate_marginal_roas": Label("Marg. ROAS", "边际 ROAS"),
    "allocate_cac": Label("Avg CAC", "平均 获客成本"),
    "allocate_marginal_cac": Label("Marg. CAC", "边际 获客成本"),
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
        "Average (avg) ROAS and CAC count all the money a channel gets; marginal (marg.) ones only the next yuan "
        "(deterministic run). The best split evens out what the next yuan of {budget} adds to the objective in "
        "each channel, so a saturated channel, high average but low marginal ROAS, gets little more. "
        "Locked and flat channels are outside {budget}.",
        "平均 ROAS 和获客成本按渠道的全部广告支出计算；边际值只按下一元钱计算（确定性运行）。"
        "最优分配使 {budget} 的下一元钱在各渠道对目标的贡献相等，"
        "因此平均 ROAS 高但已饱和、边际 ROAS 低的渠道不会多分到多少预算。"
        "已锁定和固定费用渠道不计入 {budget}。",
    ),
    "allocate_channels_caption_filled": Label(
        "Average (avg) ROAS and CAC count all the money a channel gets; marginal (marg.) ones only the next yuan "
        "(deterministic run). The filled split gives each channel money until its next yuan returns {roas} in "
        "revenue (its marginal ROAS), so a saturated channel, high average but low marginal ROAS, gets little more. "
        "Locked and flat channels are outside {budget}.",
        "平均 ROAS 和获客成本按渠道的全部广告支出计算；边际值只按下一元钱计算（确定性运行）。"
        "投满分配给每个渠道投钱，直到其下一元钱只带来 {roas} 元收入（边际 ROAS），"
        "因此平均 ROAS 高但已饱和、边际 ROAS 低的渠道不会多分到多少预算。"
        "已锁定和固定费用渠道不计入 {budget}。",
    ),
    "allocate_curve_fill_note": Label(
        "At T the best split gives {best}, the filled split {filled}: filling evens out what each channel's next "
        "yuan returns in revenue, not what it adds to {objective}.",
        "在 T 处最优分配为 {best}，投满分配为 {filled}：投满使各渠道下一元钱带来的收入相等，"
        "而不是它对{objective}的贡献相等。",
    ),
    "allocate_curve_title": Label("Budget curve · best {objective} at each monthly budget", "预算曲线 · 各月预算下的最优{objective}"),
    "allocate_curve_budget": Label("Monthly budget", "每月预算"),
    "allocate_curve_value": Label("Best value", "最优值"),
    "allocate_curve_slope": Label("Per extra unit of B", "B 每多 1 元"),
    "allocate_curve_slope_probability": Label("Per extra 10% of B", "B 每多 10%"),
    "allocate_curve_infeasible": Label("outside the bounds", "超出上下限"),
    "allocate_peak": Label("peak", "峰值"),
    "allocate_peak_edge": Label("highest shown", "所示最高"),
    "allocate_curve_peak": Label(
        "Of these budgets the best value is highest at {budget} ({multiple}): "
        "the next yuan stops paying somewhere between {low} and {high}.",
        "在这些预算中，{budget} ({multiple}) 时最优值最高：多投的钱在 {low} 到 {high} 之间的某处不再带来回报。",
    ),
    "allocate_curve_rising": Label(
        "Still rising at {budget} ({multiple}): up to there the next yuan keeps paying.",
        "到 {budget} ({multiple}) 仍在上升：在此之前多投的钱仍有回报。",
    ),
    "allocate_curve_none": Label("No budget of the curve fits the bounds.", "曲线上没有满足上下限的预算。"),
    "allocate_warnings": Label("Warnings", "提示"),
    "allocate_warning_best_is_current": Label(
        "The best split is the current one: no transfer of money improves the objective.",
        "最优分配就是当前分配：任何资金转移都不能改善目标。",
    ),
    "allocate_warning_best_is_current_filled": Label("The filled split is the current one.", "投满分配就是当前分配。"),
    "allocate_warning_current_total_differs": Label(
        "Today the moved channels spend {total} a month, not B = {budget}: "
        "the gain includes the change in total spend.",
        "当前参与分配的渠道每月广告支出 {total}，而非 B = {budget}：提升中包含总广告支出的变化。",
    ),
    "allocate_warning_on_minimum": Label(
        "{channel} sits on its minimum ({amount}): the objective would take money out of it.",
        "{channel} 位于下限 ({amount})：目标希望从中撤出资金。",
    ),
    "allocate_warning_on_minimum_filled": Label(
        "{channel} sits on its minimum ({amount}): its next yuan there returns less than the target ROAS.",
        "{channel} 位于下限 ({amount})：在此处再投一元的收入已低于目标 ROAS。",
    ),
    "allocate_warning_gets_nothing_filled": Label(
        "{channel} gets nothing at the filled split: its first yuan returns {roas} in revenue, less than the target "
        "{target}.",
        "{channel} 在投满分配中没有预算：它的第一元钱只带来 {roas} 元收入，低于目标 {target}。",
    ),
    "allocate_warning_gets_nothing": Label(
        "{channel} gets nothing at the best split: its first yuan returns less than the others' last.",
        "{channel} 在最优分配中没有预算：它的第一元钱的回报低于其他渠道的最后一元钱。",
    ),
    "allocate_warning_gets_nothing_below_one": Label(
        "{channel} gets nothing at the best split: its first yuan returns {roas} in revenue, less than the yuan itself.",
        "{channel} 在最优分配中没有预算：它的第一元钱只带来 {roas} 元收入，不到这一元本身。",
    ),
    "allocate_warning_on_maximum": Label(
        "{channel} sits on its maximum ({amount}): the objective would put more money in.",
        "{channel} 位于上限 ({amount})：目标希望投入更多资金。",
    ),
    "allocate_warning_on_maximum_filled": Label(
        "{channel} sits on its maximum ({amount}): its next yuan there still returns more than the target ROAS.",
        "{channel} 位于上限 ({amount})：在此处再投一元的收入仍高于目标 ROAS。",
    ),
    "allocate_warning_locked": Label("{channel} is locked at {amount} a month, outside {budget}.",
                                     "{channel} 锁定在每月 {amount}，不计入 {budget}。"),
    # Decisions a founder acts on (issue 22): allocation's phases, spend less, limits, what decides; risk figures
    # read without surprises.
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
    "allocate_gate_name": Label("'{name}'", "“{name}”"),
    "allocate_gate_one": Label("the gate {name}", "闸门{name}"),
    "allocate_gate_many": Label("the gates {names}", "闸门{names}"),
    "allocate_curve_limit_not_met": Label("limits not kept", "未满足约束"),
    "allocate_curve_gate_fails": Label("gate '{gate}' fails", "闸门“{gate}”不通过"),
    "allocate_curve_held": Label("{months} held", "{months}保持现状"),
    "allocate_curve_limits": Label("Limits kept", "满足约束"),
    "allocate_curve_peak_limits": Label(
        "Of the budgets that keep the limits the best value is highest at {budget} ({multiple}); the next budget, "
        "{high}, breaks a limit.",
        "在满足约束的预算中，{budget} ({multiple}) 时最优值最高；下一个预算 {high} 不满足约束。",
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
        "{channel}: at the best split its next yuan returns {roas} in revenue, less than the yuan itself.",
        "{channel}：最优分配下再投一元只带来 {roas} 元收入，不到这一元本身。",
    ),
    "allocate_warning_marginal_roas_below_one_filled": Label(
        "{channel}: at the filled split its next yuan returns {roas} in revenue, less than the yuan itself.",
        "{channel}：投满分配下再投一元只带来 {roas} 元收入，不到这一元本身。",
    ),
    "allocate_warning_current_total_differs_total": Label(
        "Today the moved channels spend {total} over the horizon, not {budget}: the gain includes the change in total "
        "spend.",
        "当前参与分配的渠道在整个周期广告支出 {total}，而非 {budget}：提升中包含总广告支出的变化。",
    ),
    "allocate_phases": Label("Split per phase (monthly budget)", "各阶段分配（每月预算）"),
    "allocate_spend_less": Label(
        "Spend less: the best {objective} on the budget curve is at {budget} ({value}); {asked} loses {loss} against "
        "it.",
        "少花钱：预算曲线上{objective}最高处在 {budget}（{value}）；所给预算 {asked} 比它少 "
        "{loss}。",
    ),
    "allocate_spend_nothing": Label(
        "Spend nothing: the best {objective} on the budget curve is at a budget of 0 ({value}); {asked} loses {loss} "
        "against it.",
        "不投放：预算曲线上{objective}最高处在预算 0（{value}）；所给预算 {asked} 比它少 "
        "{loss}。",
    ),
    "allocate_asked_filled": Label("the filled split of {asked}", "{asked} 的投满分配"),
    "allocate_total_title": Label("T = {budget} over the horizon", "整个周期共 T = {budget}"),
    "allocate_active_months": Label("Months", "月份"),
    "months_named": Label("months {months}", "第 {months} 月"),
    "months_named_one": Label("month {months}", "第 {months} 月"),
    "allocate_ltv": Label("LTV", "LTV"),
    "allocate_ltv_to_cac": Label("LTV/CAC", "LTV/CAC"),
    "allocate_figures_note_ltv": Label(
        "LTV: attributed contribution per user bought, over the horizon, undiscounted.",
        "LTV：每个买来的用户在周期内归因的贡献，不折现。",
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
    "channel_own_max_unit_cost": Label("Own max", "自身最高价"),
    "allocate_curve_budget_total": Label("Total", "总额"),
    "allocate_multiple_total": Label("× T", "× T"),
    "allocate_curve_slope_total": Label("Per extra unit of T", "T 每多 1 元"),
    "allocate_curve_slope_probability_total": Label("Per extra 10% of T", "T 每多 10%"),
    "allocate_curve_title_total": Label(
        "Budget curve · best {objective} at each total over the horizon",
        "预算曲线 · 各周期总额下的最优{objective}",
    ),
    "allocate_one_budget": Label(
        "give exactly one of --budget, --total, --target-roas and --reach (given: {given})",
        "--budget、--total、--target-roas、--reach 须且只能给一个（已给：{given}）",
    ),
    "allocate_warning_constraint_not_met": Label(
        "No split found keeps {constraint}: {value} against a limit of {limit}; the split shown comes closest.",
        "没有分配能满足{constraint}：{value}，限值 {limit}；所示分配最接近。",
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
    # Workbook and document exports.
    "value": Label("Value", "数值"),
    "key": Label("Key", "键名"),
    "month_number": Label("Month no.", "月序号"),
    "field_path": Label("Field path", "字段路径"),
    "missing_extra": Label(
        "{feature} needs the {module} package: pip install 'aigc-roi[{extra}]'",
        "{feature} 需要 {module} 包：pip install 'aigc-roi[{extra}]'",
    ),
    "option_needs_format": Label(
        "{option} applies to {formats} only; it does nothing with --format {format}",
        "{option} 仅适用于 {formats}；与 --format {format} 一起使用不起作用",
    ),
    "option_needs_option": Label(
        "{option} applies only with {options}; without it, it does nothing",
        "{option} 仅在给出 {options} 时适用；否则不起作用",
    ),
    "option_idle_with": Label(
        "{option} does nothing with {other}; give one or the other",
        "{option} 与 {other} 同时给出时不起作用；请只给其一",
    ),
    # Fitted curves (retention days, observed renewal) and the curves command.
    "fit_retention": Label("Retention fitted from days (power law D(d) = e^u · d^-b)", "由日留存拟合的留存（幂律 D(d) = e^u · d^-b）"),
    "fit_renewal": Label("Renewal of {plan} fitted from observed survival (sBG)", "{plan} 由实际续费存留拟合的续费（sBG 模型）"),
    "fit_channel_retention": Label(
        "Retention of {channel}'s users fitted from days (power law D(d) = e^u · d^-b)",
        "{channel} 用户由日留存拟合的留存（幂律 D(d) = e^u · d^-b）",
    ),
    "channel_retention_by_month": Label("Retention of {channel}'s users by month", "{channel} 用户的逐月留存"),
    "largest_gap": Label("largest gap", "最大偏差"),
    "poor_fit": Label(
        "poor fit: an observed point is {gap} points from the curve (more than {limit}); check the data",
        "拟合较差：有观测点与曲线相差 {gap} 个百分点（超过 {limit}）；请检查数据",
    ),
    "loose_fit": Label(
        "loose fit: the curve is {gap}% off the observed share at {day} (more than {limit}% of it); "
        "check the data, or give more days",
        "拟合偏松：曲线在 {day} 与实际留存相差 {gap}%（超过实际值的 {limit}%）；请检查数据，或补充更多天的留存",
    ),
    "tail_understated": Label(
        "the curve is {gap}% below the observed share at {day}, the last day given (more than {limit}%), and keeps "
        "falling after it: retention after {day}, and with it LTV, is likely understated",
        "曲线在最后给出的 {day} 比实际留存低 {gap}%（超过 {limit}%），且此后继续下降："
        "{day} 之后的留存、进而 LTV 很可能被低估",
    ),
    "fit_at_bound": Label(
        "the fit ran to the optimiser's bound (alpha or beta at 1e-6 or 1e6): these shares have no sBG "
        "maximum (renewal not rising with tenure, or some never leaving), so the curve is only the nearest one",
        "拟合触及优化器边界（alpha 或 beta 为 1e-6 或 1e6）：这组比例没有 sBG 最大似然解"
        "（续费率不随在网时长上升，或有人永不流失），曲线只是最接近的一条",
    ),
    "point": Label("Point", "观测点"),
    "observed": Label("Observed", "实际"),
    "fitted": Label("Fitted", "拟合"),
    "gap": Label("Gap", "偏差"),
    # The fits sheet's columns; its curve column keeps CSV's word in English, as the type column does.
    "fit_curve": Label("Curve", "曲线"),
    "fit_of": Label("Plan or channel", "订阅方案或渠道"),
    "fit_at_bound_column": Label("At bound", "触及边界"),
    "fit_relative_gap_column": Label("Gap / observed", "偏差 / 实际"),
    "fit_poor_column": Label("Poor (gap > 5 pt)", "拟合较差（偏差 > 5 个百分点）"),
    "fit_loose_column": Label("Loose (gap > 15% of observed)", "拟合偏松（偏差 > 实际的 15%）"),
    "fit_tail_column": Label("Tail understated", "尾部低估"),
    "fit_curve_retention": Label("retention", "留存"),
    "fit_curve_channel_retention": Label("channel_retention", "渠道留存"),
    "fit_curve_renewal": Label("renewal", "续费"),
    "curves_title": Label("Curves", "曲线"),
    "retention_by_month": Label("Retention by month", "按月留存"),
    "age_months": Label("Age (months)", "月龄"),
    "retention_share": Label("Active share", "活跃占比"),
    "observed_days_caption": Label("Observed: each day's share as given, ◆ D30 in the row of age 30 / 30.4375 ≈ 1 "
                                   "(day / 30.4375 months, rounded)",
                                   "实际：各天给出的留存，◆ D30 列在月龄 30 / 30.4375 ≈ 1 那一行（天数 / 30.4375，四舍五入）"),
    # Counts of observed days are data points: "(45 days)" under D46–D90 read as a duration (QA zh3 F5).
    "more_days": Label("+{count} more points (fit table)", "另有 {count} 个数据点（见拟合表）"),
    "days_past_table": Label("{days} past the last age shown, {age} (fit table)", "超出表中最大月龄 {age}（见拟合表）：{days}"),
    "day_span": Label("D{first}–D{last} ({count} points)", "D{first}–D{last}（{count} 个数据点）"),
    "renewal_survival": Label("Renewal survival of {plan} (period {period} mo)", "{plan} 续费存留（周期 {period} 个月）"),
    "renewal_k": Label("Renewals", "续费次数"),
    "renewal_rate": Label("Renewal rate", "续费率"),
    "still_subscribed": Label("Still subscribed", "仍在订阅"),
    "paid_at_age": Label("Paid at age", "付费月龄"),
    # validate and check (issue 15): the check table, its annotations and the --base view.
    "validate_valid": Label("valid", "有效"),
    "check_scenario": Label("scenario", "方案"),
    "check_target": Label("target", "目标"),
    "check_actual": Label("actual", "实际"),
    "check_limit": Label("limit", "限值"),
    "check_result": Label("result", "结果"),
    "check_pass": Label("pass", "达成"),
    "check_fail": Label("fail", "未达成"),
    "check_fail_new": Label("fail (new)", "未达成 (新增)"),
    "check_fail_at_base": Label("fail (at {base})", "未达成 ({base} 已有)"),
    "check_no_targets": Label("(no targets)", "(无目标)"),
    # A target's cell: its YAML key, which English readers read as is; in Chinese the key, then the
    # target in words (the key is what the reader finds in the file), words as the schema's Chinese
    # titles (present/schema_zh.py) have them.
    "target_max_payback_months": Label("max_payback_months", "max_payback_months 回本月份上限"),
    "target_min_roi": Label("min_roi", "min_roi ROI 下限"),
    "target_min_ltv_to_cac": Label("min_ltv_to_cac", "min_ltv_to_cac LTV : CAC 下限"),
    "target_min_roas": Label("min_roas", "min_roas ROAS 下限"),
    "target_max_cac": Label("max_cac", "max_cac 获客成本上限"),
    "target_min_npv": Label("min_npv", "min_npv 净现值下限"),
    "target_min_payback_probability": Label("min_payback_probability", "min_payback_probability 按目标回本概率下限"),
    "target_max_cash_need": Label("max_cash_need", "max_cash_need 最大资金需求上限"),
    # Targets on the change (check --base; docs/formulas.md §10) and what they bound.
    "target_max_npv_drop": Label("max_npv_drop", "max_npv_drop 净现值降幅上限"),
    "target_max_payback_delay": Label("max_payback_delay", "max_payback_delay 回本推迟月数上限"),
    "check_npv_drop": Label("npv drop", "净现值降幅"),
    "check_npv_drop_share": Label("npv drop", "净现值降幅"),
    "check_payback_delay": Label("payback delay (months)", "回本推迟月数"),
    "check_not_applicable": Label("n/a (needs --base)", "不适用（需 --base）"),
    "check_not_applicable_at_base": Label("n/a (no valid version at {base})", "不适用（{base} 无有效版本）"),
    "check_not_applicable_note": Label(
        "{scenario}: targets.{target} not applicable: it bounds the change from a base revision (check --base REF)",
        "{scenario}: targets.{target} 不适用：它约束相对基准版本的变化（check --base REF）",
    ),
    "check_not_applicable_at_base_note": Label(
        "{scenario}: targets.{target} not applicable: no valid version at {base} to compare with",
        "{scenario}: targets.{target} 不适用：{base} 没有可比较的有效版本",
    ),
    "check_not_applicable_currency": Label("n/a (currency changed: {was} at {base}, {now} now)",
                                           "不适用（币种已变：{base} 为 {was}，现为 {now}）"),
    "check_not_applicable_currency_note": Label(
        "{scenario}: targets.{target} not applicable: the currency changed ({was} at {base}, {now} now), and an "
        "amount in one is not compared with an amount in the other",
        "{scenario}: targets.{target} 不适用：币种已变（{base} 为 {was}，现为 {now}），两种币种的金额不作比较",
    ),
    "check_md_explain": Label("What moved each figure: {named}", "各指标变化的来源：{named}"),
    "check_md_explain_currency": Label(
        "Money figures are not split: the currency changed ({was} at {base}, {now} now).",
        "金额类指标不作分摊：币种已变（{base} 为 {was}，现为 {now}）。",
    ),
    "check_missed": Label(
        "{scenario}: targets.{target} missed: {figure} is {actual}, must be {limit}",
        "{scenario}: targets.{target} 未达成：{figure} {actual}，应 {limit}",
    ),
    "check_past_horizon": Label("{scenario}: targets.{target}: {sentence}", "{scenario}: targets.{target}：{sentence}"),
    "payback_month_past_horizon": Label(
        "the payback target of {target} months{default} is past the {horizon}-month horizon: payback is judged by month "
        "{horizon}, so a plan that pays back after it reads as never, a miss; set horizon_months to at least "
        "{target} to judge the target",
        "回本目标 {target} 个月{default}超出了 {horizon} 个月的模拟期：回本只能判断到第 {horizon} 个月，"
        "此后才回本的方案记为未回本，即未达成；要按目标判断，请把 horizon_months 设为至少 {target}",
    ),
    "check_missed_milestone": Label(
        "{scenario}: {target} missed: {figure} in month {month} is {actual}, must be {limit}",
        "{scenario}: {target} 未达成：第 {month} 个月{figure} {actual}，应 {limit}",
    ),
    # A milestone's cell: its name as JSON gives it (model/scenario.py Milestone.name).
    "target_milestone": Label("milestone {key}@{month}", "{key}@{month} 里程碑"),
    "check_also_missed": Label(" (also missed at {base})", "（{base} 时已未达成）"),
    "check_new_since": Label(" (new since {base})", "（自 {base} 以来新增）"),
    "check_changed_here": Label("; changed here: {path} {was} -> {now}", "；改动处：{path} {was} -> {now}"),
    "check_not_compared_here": Label(
        "; no input is named: the currency changed ({was} at {base}, {now} now), and an amount in one is not compared "
        "with an amount in the other",
        "；不指明改动处：币种已变（{base} 为 {was}，现为 {now}），两种币种的金额不作比较",
    ),
    "check_absent": Label("absent", "无"),
    "check_figure": Label("figure", "指标"),
    "check_before": Label("before", "之前"),
    "check_after": Label("after", "之后"),
    "check_change": Label("change", "变化"),
    "check_status_modified": Label("modified", "已修改"),
    "check_status_new": Label("new", "新增"),
    "check_status_removed": Label("removed", "已删除"),
    "check_status_renamed": Label("renamed (was {was} at {base})", "已重命名（{base} 时为 {was}）"),
    "check_status_copied": Label("copied (from {was} at {base})", "已复制（复制自 {base} 时的 {was}）"),
    "check_invalid": Label("invalid", "无效"),
    "check_worse_never": Label("worse: {never}", "变差：{never}"),
    "check_better_never": Label("better: {never} -> {month}", "改善：{never} -> {month}"),
    "check_title": Label("{named}: {status}", "{named}：{status}"),
    "check_currency_changed": Label("; currency changed: {was} at {base}, {now} now, so no amount's change is shown",
                                    "；币种已变：{base} 为 {was}，现为 {now}，故不显示金额的变化"),
    "check_new_since_base": Label("{named}: new since {base}", "{named}：自 {base} 以来新增"),
    "check_removed_since_base": Label("{named}: removed since {base}", "{named}：自 {base} 以来删除"),
    "check_no_figure_changed": Label("{named}: {status}; no figure changed", "{named}：{status}；数字均未变化"),
    "check_base_error": Label("{file} at {base}, line {line}, column {column}: {problem}",
                              "{file}（{base} 时）第 {line} 行第 {column} 列：{problem}"),
    "check_base_option_error": Label("{file} at {base}: {problem}", "{file}（{base} 时）：{problem}"),
    "check_no_change": Label("No scenario changed since {base}.", "自 {base} 以来没有方案改动。"),
    "check_md_targets": Label("Targets", "目标"),
    "check_md_invalid": Label("Invalid files", "无效文件"),
    "check_md_unreadable": Label("Unreadable folders", "无法打开的文件夹"),
    "check_md_warnings": Label("Warnings", "警告"),
    "check_md_changed": Label("Figures changed since `{base}`", "自 `{base}` 以来变化的指标"),
    "check_md_no_change": Label("No scenario changed.", "没有方案改动。"),
    # Spreadsheets (units, why a figure is none, inputs as numbers) and compare --explain.
    "unit": Label("Unit", "单位"),
    "note": Label("Note", "说明"),
    "unit_users": Label("users", "人"),
    "unit_percent": Label("%", "%"),
    "unit_ratio": Label("ratio", "比值"),
    "unit_month": Label("month", "月"),
    "never_within": Label("never within {months} months", "{months} 个月内未回本"),
    "never_within_lifetime": Label("never within a user's ltv_months", "用户 ltv_months 个月内未回收"),
    "no_cash_need": Label("no cash needed: cumulative cash never below 0", "无需垫资：累计现金流从未为负"),
    "zero_denominator": Label("its denominator is 0", "分母为 0"),
    "none_over": Label("{figure} is none ({reason})", "{figure}为无（{reason}）"),
    "peak_cash_lower_bound": Label("a lower bound: cumulative cash is still falling at month {month}",
                                   "只是下限：累计现金到第 {month} 月仍在下降"),
    "peak_cash_at_horizon": Label("Cash still falling at the horizon (peak cash need a lower bound)",
                                  "期末现金仍在下降（最大资金需求只是下限）"),
    "unit_boolean": Label("yes/no", "是/否"),
    "scenario_note": Label("{name}: {reason}", "{name}：{reason}"),
    # An option or argument and its problem, as click refuses it (cli/edge.py).
    "named_problem": Label("{name}: {problem}", "{name}：{problem}"),
    "notes_separator": Label("; ", "；"),
    "low": Label("Low", "下限"),
    "high": Label("High", "上限"),
    "distribution": Label("Distribution", "分布"),
    "as_written": Label("As written", "原文"),
    "set_over_file": Label("{written} (--set; file: {file})", "{written}（--set；文件：{file}）"),
    "set_not_in_file": Label("{written} (--set; not in the file)", "{written}（--set；文件中没有）"),
    "explain_title": Label("What moved each figure (each changed input's share of the change)", "各指标变化的来源（每个改动输入的贡献）"),
    "explain_input": Label("Input", "输入"),
    "explain_base_input": Label("Input in base", "基准中的输入"),
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
        "The shares are rounded so that the shown ones add up to the shown change (largest remainders): one may "
        "read a unit of its last place off its own rounding.",
        "各项经取整使显示值之和等于显示的总变化（最大余数法），个别项可能与自身的四舍五入相差末位一个单位。",
    ),
    "explain_whole_file": Label("every change at once (the versions differ in form, not only in value)",
                                "全部改动合在一起（两个版本写法不同，不只是取值不同）"),
    "explain_exact": Label(
        "Shapley shares over every order of the changes (exact); they add up to the whole change.",
        "Shapley 分摊：遍历所有改动顺序（精确），各项之和等于总变化。",
    ),
    "explain_sampled": Label(
        "Shapley shares averaged over {orders} random orders of the changes; they add up to the whole change.",
        "Shapley 分摊：{orders} 个随机改动顺序的平均，各项之和等于总变化。",
    ),
    # aigc-roi actuals (present/actuals.py): its tables, captions and summary line.
    "actuals_title": Label("Plan vs actual", "方案与实际"),
    "actuals_through": Label("exports through {date}", "报表截至 {date}"),
    "actuals_month": Label("Month", "月份"),
    "actuals_spend": Label("Spend", "广告支出", short=("Spend", "支出")),
    "actuals_users": Label("New users", "新增用户"),
    "actuals_cac": Label("CAC", "获客成本"),
    "actuals_ctr": Label("CTR", "点击率"),
    "actuals_cvr": Label("CVR", "转化率"),
    "actuals_revenue_per_user": Label("Early rev./user", "单个新客早期收入"),
    "actuals_plan": Label("plan", "方案"),
    "actuals_actual": Label("actual", "实际"),
    "actuals_percentile": Label("P(CAC)", "获客成本 分位", short=("Pctl", "分位")),
    "actuals_partial": Label("* partial month: {days}", "* 不完整月份：{days}"),
    "actuals_not_exported": Label("† not in this channel's exports (they end earlier): {months}",
                                  "† 此渠道的报表未覆盖（报表更早结束）：{months}"),
    "actuals_flag_caption": Label(
        "! outside the plan's P{low:g}–P{high:g} (percentile among {samples:,} draws, seed {seed})",
        "! 超出方案的 P{low:g}–P{high:g}（在 {samples:,} 次抽样中的分位，种子 {seed}）",
    ),
    "actuals_furthest": Label(
        "Furthest off: {path} ({measure}) plan {plan}, actual {actual} (×{ratio})",
        "偏差最大：{path}（{measure}）方案 {plan}，实际 {actual}（×{ratio}）",
    ),
    "actuals_no_rows": Label("no export row matched this channel", "没有报表行匹配此渠道"),
    "actuals_sources": Label("Exports read", "已读取的报表"),
    "actuals_source_line": Label(
        "{file}: {platform}, {rows}; columns {columns}",
        "{file}：{platform}，{rows} 行；使用列 {columns}",
    ),
    "actuals_time_basis": Label("time basis: {basis}", "时间口径：{basis}"),
    "actuals_ignored": Label("ignored: {columns}", "未使用：{columns}"),
    "actuals_conversion_time": Label(
        "conversion time: {columns} count each conversion on the day it happened, not the day of delivery",
        "按转化时间：{columns} 按转化发生的日期计数，而非投放日期",
    ),
    "actuals_deduplicated": Label(
        "deduplicated (去重): {columns} read for the column without (去重), which the export lacks",
        "去重口径：报表中没有不带 (去重) 的同类列，改用 {columns}",
    ),
    "actuals_unmatched": Label("Unmatched spend (no channel's match)", "未匹配的广告支出（不属于任何渠道的 match）"),
    "actuals_campaign": Label("Campaign", "广告计划"),
    "actuals_no_campaign": Label("(no campaign name or id)", "（无计划名称或 ID）"),
    "actuals_file": Label("File", "文件"),
    "actuals_reforecast": Label("Plan vs re-forecast", "方案与重新预测"),
    "actuals_figure": Label("Figure", "指标"),
    "actuals_re": Label("re-forecast", "重新预测"),
    "actuals_npv": Label("NPV", "净现值 (NPV)"),
    "actuals_payback_month": Label("Payback month", "回本月份"),
    "actuals_peak_cash_need": Label("Peak cash need", "最大资金需求"),
    "actuals_payback_probability": Label("P(payback ≤ {months} months){beyond}", "{months} 个月内回本{beyond}的概率"),
    "actuals_never": Label("never", "未回本"),
    "actuals_reforecast_caption": Label(
        "past {months} as exported; written to {path}",
        "过去的{months}按报表实际；已写入 {path}",
    ),
    "actuals_reforecast_caption_none": Label(
        "no whole month yet as exported; written to {path}",
        "报表尚无完整月份；已写入 {path}",
    ),
    "actuals_reforecast_header": Label(
        "# Re-forecast of {plan} by aigc-roi actuals: {months} as exported through {through}.",
        "# aigc-roi actuals 对 {plan} 的重新预测：{months}按报表实际，报表截至 {through}。",
    ),
    "actuals_reforecast_header_none": Label(
        "# Re-forecast of {plan} by aigc-roi actuals: no whole month yet as exported through {through}.",
        "# aigc-roi actuals 对 {plan} 的重新预测：报表截至 {through}，尚无完整月份。",
    ),
    "actuals_of_days": Label("{share}% of its days", "覆盖其 {share}% 的天数"),
    "actuals_channel": Label("Channel", "渠道"),
    "actuals_label": Label("Label", "标签"),
    "actuals_partial_mark": Label("Partial", "不完整"),
    "actuals_mark": Label("Mark", "标记"),
    "actuals_percentile_spend": Label("P(spend)", "广告支出 分位"),
    "actuals_percentile_users": Label("P(users)", "新增用户 分位"),
    "actuals_summary": Label(
        "{rows}{summed} from {files} through {through}{stated}{totals}; unmatched spend {spend} in {campaigns}",
        "{files} 个报表共 {rows} 行{summed}，截至 {through}{stated}{totals}；{campaigns} 个广告计划未匹配，广告支出 {spend}",
    ),
    "actuals_rows_summed": Label(" ({read:,} read, {summed:,} summed into the same campaign-day's row)",
                                 "（读取 {read:,} 行，其中 {summed:,} 行并入同一计划同一天的行）"),
    "actuals_totals_skipped": Label("; skipped as totals: {labels}", "；作为合计行跳过：{labels}"),
    "actuals_totals_label": Label("{label} {spend} ({rows})", "{label} {spend}（{rows} 行）"),
    "actuals_totals_more": Label("{items} and {more:,} more", "{items} 等另外 {more:,} 个"),
    "actuals_source_totals": Label("skipped as totals: {labels}", "作为合计行跳过：{labels}"),
    "actuals_source_summed": Label("{summed} summed into an earlier row of the same campaign-day (--sum-duplicates)",
                                   "{summed} 行并入此前同一计划同一天的行（--sum-duplicates）"),
    "actuals_not_reported": Label("‡ not reported in a row's cell (such as N/A), so none in that month: {items}",
                                  "‡ 某行的单元格未报告数值（如 N/A），该月此项为空：{items}"),
    "actuals_not_reported_item": Label("{month} {metric} (first at {place}, column '{header}')",
                                       "{month} {metric}（首次在 {place}，'{header}' 列）"),
    "actuals_not_reported_mark": Label("Not reported", "未报告"),
    "actuals_gap_through": Label(
        "{file}: its rows end on {row_day}, {days:,} days before --through {stated}: its campaigns are read as "
        "spending nothing after that day, as paused ones would; if it was exported only through {row_day}, leave "
        "out --through (each export then covers its own rows' days)",
        "{file}：数据行止于 {row_day}，比 --through {stated} 早 {days:,} 天：其广告计划在此后按广告支出为零计（如同已暂停）；"
        "如果该报表只导出到 {row_day}，请去掉 --through（每个报表即按自身数据行的日期覆盖）",
    ),
    "actuals_gap_from": Label(
        "{file}: its rows start on {row_day}, {days:,} days after --from {stated}: its campaigns are read as "
        "spending nothing before that day, as ones not yet started would; if it was exported only from {row_day}, "
        "leave out --from (each export then covers its own rows' days)",
        "{file}：数据行始于 {row_day}，比 --from {stated} 晚 {days:,} 天：其广告计划在此前按广告支出为零计（如同尚未开始）；"
        "如果该报表只从 {row_day} 起导出，请去掉 --from（每个报表即按自身数据行的日期覆盖）",
    ),
    "actuals_covered_rows": Label("days covered: {first} to {through}, first to last row (or --from/--through)",
                                  "覆盖日期：{first} 至 {through}，首行至末行（或用 --from/--through）"),
    "actuals_covered_through": Label("days covered: {first} (first row) to {through} (--through)",
                                     "覆盖日期：{first}（首行）至 {through}（--through）"),
    "actuals_covered_from": Label("days covered: {first} (--from) to {through} (last row)",
                                  "覆盖日期：{first}（--from）至 {through}（末行）"),
    "actuals_covered_stated": Label("days covered: {first} (--from) to {through} (--through)",
                                    "覆盖日期：{first}（--from）至 {through}（--through）"),
    "actuals_measure_cac": Label("cac", "获客成本"),
    "actuals_measure_spend": Label("spend", "广告支出"),
    "actuals_measure_users": Label("users", "新增用户"),
    "actuals_measure_impressions": Label("impressions", "展示数"),
    "actuals_measure_cpm": Label("cpm", "千次展示成本"),
    "actuals_measure_ctr": Label("ctr", "点击率"),
    "actuals_measure_cvr": Label("cvr", "转化率"),
    "actuals_measure_users_per_spend": Label("users_per_spend", "每元新增用户"),
    "actuals_measure_clicks": Label("clicks", "点击数"),
    "actuals_measure_revenue": Label("early revenue", "早期收入"),
    # Chinese to the last word (#25): units, words and titles that read English under --lang zh before.
    "percentage_points": Label("pp", "百分点"),
    "gap_points": Label("pt", "百分点"),
    "organic_type": Label("organic", "自然"),
    # Sheet names of the xlsx workbooks (an Excel sheet name holds at most 31 characters).
    "sheet_figures": Label("figures", "核心指标"),
    "sheet_channels": Label("channels", "渠道"),
    "sheet_months": Label("months", "月度现金流"),
    "sheet_cohorts": Label("cohorts", "同期群"),
    "sheet_fits": Label("fits", "拟合"),
    "sheet_gates": Label("gates", "闸门"),
    "sheet_inputs": Label("inputs", "输入"),
    "sheet_compare": Label("compare", "方案对比"),
    "sheet_explain": Label("explain", "变化来源"),
    "sheet_actuals": Label("actuals", "方案与实际"),
    "sheet_unmatched": Label("unmatched", "未匹配广告支出"),
    "sheet_reforecast": Label("reforecast", "重新预测"),
    # At 80 columns with real names, things named as people name them (issue 25, helper narrow).
    "list_separator": Label(", ", "、"),
    "max_unit_cost_caption": Label("Max bid, by kind of channel: {words}.", "最高出价按渠道类型：{words}。"),
    "max_unit_cost_kind": Label("{word} ({names})", "{word}（{names}）"),
    "headroom_goal": Label("Needed for {condition}", "{condition} 所需变动"),
    "headroom_limit": Label("Room before {condition}", "{condition} 前余量"),
    "out_of_reach_short": Label("out of reach", "无法达到"),
    "holds_short": Label("always holds", "始终成立"),
    "no_break_even": Label("none ({reason})", "无（{reason}）"),
    "out_of_reach_note": Label("Out of reach: that driver alone reaches it at no valid value.",
                               "无法达到：只变动该驱动因素，任何有效取值都达不到。"),
    "holds_note": Label("Always holds: at every valid value of that driver.", "始终成立：该驱动因素取任何有效值都成立。"),
    # A break-even at a gate's flip (docs/formulas.md §10): the figure jumps across the threshold there.
    "breakeven_jump_marker": Label("jump", "跳变"),
    "breakeven_jump_note": Label(
        "jump: past that value a gate decides otherwise, and the figure jumps across its threshold there without "
        "ever equalling it.",
        "跳变：越过该值后闸门判定改变，指标在该处跃过阈值，从未恰好等于阈值。"),
    "breakeven_jump": Label("{driver} {value}: past it {gates}; {changes}.", "{driver} {value}：越过该值{gates}；{changes}。"),
    "breakeven_jump_roi": Label("ROI {before} → {after}", "ROI {before} → {after}"),
    "breakeven_jump_payback": Label("payback month {before} → {after}", "回本月份 {before} → {after}"),
    "breakeven_gate_fails": Label("gate '{gate}' fails", "闸门“{gate}”不通过"),
    "breakeven_gate_passes": Label("gate '{gate}' passes", "闸门“{gate}”通过"),
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
    # An IRR beside a compared cell, a share of all draws as the defined share is (docs/formulas.md §5).
    "borrowing_in_share": Label("a borrowing rate in {share}", "借款利率占 {share}"),
    "borrowing_in_every_draw": Label("a borrowing rate in every draw", "每次抽样都是借款利率"),
    "borrowing_share_row": Label("Borrowing rate in", "借款利率占比"),
}
"""Every label by key, in both languages."""


def _entry(key: str) -> Label:
    try:
        return LABELS[key]
    except KeyError:
        raise UnknownLabel(f"no label {key!r}: add it to LABELS in present/labels.py") from None


def counted(count: int, noun: str, lang: str = "en") -> str:
    """``1 export``, ``2 exports``: an English count with its noun in the number the count takes. Chinese nouns take
    no plural, so in Chinese the count alone, its template placing the measure word (``{files} 个报表``)."""
    if lang == "zh":
        return f"{count:,}"
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


def label(key: str, lang: str = "en") -> str:
    """The label of ``key`` in ``lang`` (a language other than zh reads English)."""
    entry = _entry(key)
    return entry.zh if lang == "zh" else entry.en


_CJK_GAP = re.compile(r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]) +(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])")


def cjk_tidy(text: str) -> str:
    """A filled-in Chinese label without the spaces its template put around a word that came out Chinese too
    (占 {figure} 方差 with 净现金流): Chinese has no spaces between words; one beside ROI or a number stays."""
    return _CJK_GAP.sub("", text)


def filled(key: str, lang: str = "en", **values: object) -> str:
    """``label(key, lang).format(**values)``, tidied for Chinese (``cjk_tidy``)."""
    text = label(key, lang).format(**values)
    return cjk_tidy(text) if lang == "zh" else text


def sentences(parts: list[str], lang: str = "en") -> str:
    """Sentences as one note: English puts a space between them, Chinese none (a full stop 。 is its own space)."""
    return ("" if lang == "zh" else " ").join(part for part in parts if part)


def short_label(key: str, lang: str = "en") -> str:
    """The label as a column header or inside a sentence: its short form, else the label itself."""
    entry = _entry(key)
    if entry.short is None:
        return label(key, lang)
    english, chinese = entry.short
    return chinese if lang == "zh" else english


_ZH_HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "month": ("月份",),
    "new_users": ("新增",),
    "active_users": ("活跃",),
    "subscribers": ("在订",),
    "cumulative_cash": ("累计",),
    "gross_revenue": ("总", "收入"),
    "net_revenue": ("净", "收入"),
    "ad_spend": ("广告", "支出"),
    "serving_cost": ("服务", "成本"),
    "delivery_cost": ("交付", "成本"),
    "referral_cost": ("推荐", "奖励"),
    "fixed_cost": ("固定", "成本"),
    "net_cash": ("净", "现金流"),
    "recognised_revenue": ("确认", "收入"),
    "deferred_revenue": ("递延", "收入"),
}
"""The words of the Chinese month-table headers (each ``short_label``): Chinese has no spaces,
and a header broken anywhere but between these words splits a word (总收 / 入)."""


ZH_TERM_WORDS: tuple[tuple[str, ...], ...] = (
    ("资金缺口", "最大月份"),
    ("修正", "内部收益率"),
    ("测试期", "获客成本"),
    ("单活跃用户", "服务成本"),
    ("单在订用户", "服务成本"),
    ("按目标", "回本概率", "下限"),
    ("按目标", "回本的概率"),
    ("最大资金需求", "上限"),
    ("净现值", "降幅上限"),
    ("回本推迟", "月数上限"),
)
"""The words of the Chinese labels too long to be kept whole as a name (present/wrap.py ``SHORT_WORD``): a label
cell narrower than one breaks between these words only, not inside one (资金缺口最大月 / 份)."""


def header_label(key: str, lang: str = "en") -> str:
    """``short_label`` as a Rich table header, with the places a narrow column may break a Chinese
    one (U+200B, which present/layout.py honours and removes; a one-word header ends in a mark:
    it breaks nowhere). Markdown, CSV and xlsx headers use ``short_label``, without marks."""
    words = _ZH_HEADER_WORDS.get(key) if lang == "zh" else None
    if words is None:
        return short_label(key, lang)
    return "\u200b".join(words) + ("\u200b" if len(words) == 1 else "")
