"""The JSON Schema in Chinese: each ``title`` and ``description``, keyed by the English text.

reader/fields.py writes the schema once, in English (the reader knows no
presentation); under ``--lang zh`` or a Chinese locale ``aigc-roi schema``
passes it through ``translate_schema``, which changes those strings and
nothing else: keys, patterns, enums and structure stay as they are, so an
editor validates a file the same way in either language. Keyed by the English
text, as present/help_zh.py is: a field whose wording changes reads in
English until it is translated here, never with a stale translation
(tests/reader/test_schema_zh.py fails on any string left out). The words for
figures and targets are the Chinese ones of present/labels.py. A pure table:
``schema`` stays light.
"""

from __future__ import annotations

from typing import Any

SCHEMA_ZH: dict[str, str] = {
    # The document.
    "aigc-roi scenario, format version 1": "aigc-roi 方案，格式版本 1",
    # Titles: one per field key (reader/fields.py field_title), the same key in every place it appears.
    "Version": "格式版本",
    "Name": "名称",
    "Currency": "货币",
    "Horizon months": "测算月数",
    "Start": "起始月份",
    "Discount rate": "折现率",
    "Ltv months": "LTV 计算月数",
    "Acquisition": "买量渠道",
    "Organic users": "自然新增用户",
    "Virality": "病毒系数",
    "Retention": "留存",
    "Monetization": "变现",
    "Costs": "成本",
    "Targets": "目标",
    "Type": "类型",
    "Bid": "出价",
    "Budget": "每月预算",
    "Users": "每月用户数",
    "Saturation budget": "饱和预算",
    "Conversion index": "转化指数",
    "Cpm": "千次曝光费用（CPM）",
    "Ctr": "点击率（CTR）",
    "Cvr": "点击转化率（CVR）",
    "Impressions": "每月曝光量",
    "Posts": "每月发帖数",
    "Fee": "费用",
    "Views": "单条观看量",
    "View to user": "观看转化率",
    "Views decay": "观看量衰减",
    "Cost": "每月费用",
    "Months": "生效月份",
    "Points": "留存点",
    "Monthly churn": "月流失率",
    "Days": "日留存",
    "Plans": "订阅方案",
    "Purchases": "单次购买",
    "Orders": "订单",
    "Revenue fee": "收入费率",
    "Price": "价格",
    "Period": "计费周期",
    "Conversion": "订阅转化率",
    "Renewal": "续费率",
    "Observed": "实际续费存留",
    "Rate": "购买频率",
    "Count": "每月订单数",
    "Serving per active user": "单活跃用户服务成本",
    "Fixed": "固定成本",
    "Monthly": "每月金额",
    "Max payback months": "回本月份上限",
    "Min roi": "ROI 下限",
    "Min ltv to cac": "LTV : CAC 下限",
    "Min roas": "ROAS 下限",
    "Max cac": "获客成本上限",
    "Min npv": "净现值下限",
    "Min payback probability": "按目标回本概率下限",
    "Max cash need": "最大资金需求上限",
    "Max npv drop": "净现值降幅上限",
    "Max payback delay": "回本推迟月数上限",
    # An uncertain value written as {dist: ..., ...}.
    "Distribution": "分布",
    "Low": "低值",
    "High": "高值",
    "Mode": "众数",
    "Mean": "均值",
    "Sd": "标准差",
    # Descriptions: the scenario.
    "Scenario name.": "方案名称。",
    "ISO currency code, display only (default CNY).": "ISO 货币代码，仅用于显示（默认 CNY）。",
    "Months modelled (default 24).": "测算的月数（默认 24）。",
    "Month 1 as YYYY-MM (1900-01 or later, all months by 9999-12); labels only.":
        "第 1 个月，格式 YYYY-MM（不早于 1900-01，全部月份不晚于 9999-12）；只用于标注月份。",
    "Annual discount rate used by NPV and LTV (default 0).": "NPV 和 LTV 使用的年折现率（默认 0）。",
    "Months over which LTV is counted (default horizon_months).": "LTV 统计的月数（默认等于 horizon_months）。",
    "Paid acquisition channels.": "付费买量渠道。",
    "New users per month that no channel bought.": "每月不靠任何渠道购买而来的新增用户数。",
    "Each month's new users bring k x as many next month.": "每月的新增用户在下个月再带来 k 倍的新增用户。",
    "Name shown in tables.": "表格中显示的名称。",
    "Months in which it runs: all, 3, '1-6' or [1, 2, 5]; default all.": "生效的月份：all、3、'1-6' 或 [1, 2, 5]；默认 all。",
    "Match": "匹配",
    "Campaign names or ids in ad-platform exports that are this channel, as globs (`aigc-roi actuals`).":
        "广告平台报表中属于此渠道的计划名称或 ID，写成通配符（供 `aigc-roi actuals` 使用）。",
    "A case-insensitive glob (* ? [..]) over campaign names or ids.": "不区分大小写的通配符（* ? [..]），匹配计划名称或 ID。",
    # Channels.
    "How the channel buys users: cpa, cpm, kol, flat.": "渠道的买量方式：cpa、cpm、kol、flat。",
    "Cost per acquired user.": "每个获客用户的成本。",
    "Spend per active month.": "每个投放月的广告支出。",
    "New users per active month.": "每个投放月的新增用户数。",
    "Monthly spend at which the effective CAC has doubled (needs budget).": "实际获客成本翻倍时的月广告支出（需与 budget 一起使用）。",
    "Cost per 1,000 impressions.": "每千次曝光的费用。",
    "Clicks per impression.": "每次曝光的点击数。",
    "New users per click.": "每次点击带来的新增用户数。",
    "Impressions per active month.": "每个投放月的曝光量。",
    "Posts per active month (may be fractional).": "每个投放月的发帖数（可以是小数）。",
    "Cost per post.": "每条帖子的费用。",
    "Views of one post.": "单条帖子的观看量。",
    "Share of views that become new users.": "观看转化为新增用户的比例。",
    "Each further post in a month gets (1 - decay) of the previous one's views.":
        "同一个月里每多发一条，观看量为上一条的 (1 - views_decay) 倍。",
    "Cost per active month.": "每个投放月的费用。",
    "Expected new users per active month.": "每个投放月预计的新增用户数。",
    # Retention.
    "How a cohort decays; exactly one of points, monthly_churn or days.": "同期群如何衰减；points、monthly_churn、days 三者恰好其一。",
    "Multiplier on plan conversions and purchase rates for the users this channel buys (default 1); index x a plan's "
    "conversions <= 1.": "该渠道买来的用户的订阅转化率与购买频率的倍数（默认 1）；指数 × 某订阅的转化率 ≤ 1。",
    "Share of a cohort active at age a months (age 0 is 1.0).": "同期群在月龄 a 时仍活跃的比例（月龄 0 为 1.0）。",
    "Share active at this age.": "该月龄仍活跃的比例。",
    "Share of active users lost each month: R(a) = (1 - churn)^a.": "每月流失的活跃用户比例：R(a) = (1 - monthly_churn)^a。",
    "Day-level retention (D1, D7, D30, ...), at least two days >= 1; fitted by a power law.":
        "按天的留存（D1、D7、D30 等），至少两个 >= 1 的天数；用幂律拟合。",
    "Share active on this day (0 < share <= 1).": "当天仍活跃的比例（0 < 比例 <= 1）。",
    # Monetization.
    "Subscriptions.": "订阅。",
    "Price per period.": "每个计费周期的价格。",
    "Billing period: month, quarter, year or a whole number of months.": "计费周期：month、quarter、year 或整月数。",
    "Share of new users who subscribe in their join month, or shares by age {0: 3%, 1: 1%}.":
        "新增用户在加入当月订阅的比例，或按月龄的比例 {0: 3%, 1: 1%}。",
    "Share of new users who subscribe in their join month.": "新增用户在加入当月订阅的比例。",
    "Share of a cohort subscribing at age a months; sum <= 1.": "同期群在月龄 a 时订阅的比例；总和 <= 1。",
    "Share of the cohort subscribing at this age.": "同期群在该月龄订阅的比例。",
    "Share of subscribers who renew at each period end (default 0); or a list per renewal, "
    "the last repeating; or {observed: [...]} survival to fit (sBG).":
        "每个周期结束时续费的订阅者比例（默认 0）；或按续费次数的列表，最后一个值重复使用；"
        "或 {observed: [...]}，用实际存留拟合（sBG）。",
    "Share of subscribers who renew at this period end.": "在该周期结束时续费的订阅者比例。",
    "Share of the first subscribers still subscribed after the 1st, 2nd, ... renewal; non-increasing.":
        "首批订阅者在第 1、2……次续费后仍在订阅的比例；不能上升。",
    "Store/payment share of this item's revenue; default monetization.revenue_fee.":
        "应用商店/支付渠道从该项收入中抽取的比例；默认为 monetization.revenue_fee。",
    "One-off items.": "单次购买的商品。",
    "Price per purchase.": "每次购买的价格。",
    "Purchases per active user per month.": "每个活跃用户每月的购买次数。",
    "B2B orders not tied to users (custom model training, ...).": "与用户数无关的企业订单（定制模型训练等）。",
    "Price per order.": "每笔订单的价格。",
    "Orders per active month.": "每个生效月的订单数。",
    "Share of gross revenue lost to stores, payment and tax.": "总收入中被应用商店、支付渠道和税费拿走的比例。",
    # Costs.
    "Inference/compute cost per active user per month.": "每个活跃用户每月的推理/算力成本。",
    "Cost per running month.": "每个生效月的成本。",
    # Revision 1.2: values by month, delivery cost, referral reward.
    "By month": "按月取值",
    "The value in given months (1..horizon_months): linear between them, the first before the first, the last after the last.":
        "给定月份（1..horizon_months）的取值：两个给定月份之间线性变化，第一个给定月份之前取第一个值，最后一个之后取最后一个值。",
    "Unit cost": "单位交付成本",
    "Cost of delivering one purchase (tutoring, printed goods); default 0.": "每次购买的交付成本（辅导、实物印刷等）；默认为 0。",
    "Cost of delivering one order (training compute); default 0.": "每笔订单的交付成本（训练算力等）；默认为 0。",
    "Referral reward": "推荐奖励",
    "Money paid for each user a referral brings (a gift, a credit), in its join month; default 0.":
        "每个经推荐带来的用户所付出的奖励（礼品、额度），在其加入当月支付；默认为 0。",
    # Targets: the figure's name as present/labels.py gives it in Chinese.
    "Guardrails that `aigc-roi check` enforces.": "`aigc-roi check` 检查的底线。",
    "Payback month must be at most this.": "回本月份不得晚于此值。",
    "roi must be at least this.": "ROI（roi）不得低于此值。",
    "ltv_to_cac must be at least this.": "LTV : CAC（ltv_to_cac）不得低于此值。",
    "roas must be at least this.": "ROAS（roas）不得低于此值。",
    "cac (money per paid user) must be at most this.": "获客成本（cac，每个买量用户的金额）不得高于此值。",
    "npv (money) must be at least this.": "净现值（npv，金额）不得低于此值。",
    "Simulated chance (0..1) of payback within max_payback_months (default 12) must be at least this.":
        "模拟得到的在 max_payback_months（默认 12）内回本的概率（0..1）不得低于此值。",
    "peak_cash_need (money) must be at most this.": "最大资金需求（peak_cash_need，金额）不得高于此值。",
    "With check --base: npv may fall at most this far from the base revision's, a share of it (10%) or an amount (5万).":
        "用于 check --base：净现值（npv）相对基准版本的降幅上限，可写比例（10%）或金额（5万）。",
    "With check --base: payback_month may come at most this many months later than at the base revision.":
        "用于 check --base：回本月份（payback_month）最多可比基准版本推迟的月数。",
    # Numbers and ranges written as text.
    "A number as text: 6_000_000, 1e6, 1.5万, 30k, 5%.": "以文本书写的数字：6_000_000、1e6、1.5万、30k、5%。",
    "A whole number as text, without %: 12, １２, 1e1.": "以文本书写的整数，不带 %：12、１２、1e1。",
    "A share as text: a percentage from 0% to 100% or a decimal from 0 to 1.": "以文本书写的比例：0% 到 100% 的百分数，或 0 到 1 的小数。",
    "A share as text: a percentage from 0% to below 100% or a decimal from 0 to below 1.":
        "以文本书写的比例：0% 到小于 100% 的百分数，或 0 到小于 1 的小数。",
    "An uncertain value low..high, e.g. 20..40 (lognormal 90% interval).": "不确定值 low..high，例如 20..40（对数正态的 90% 区间）。",
    "An uncertain value as {low, high} or {dist: lognormal|normal|uniform|triangular, ...}.":
        "不确定值，写作 {low, high} 或 {dist: lognormal|normal|uniform|triangular, ...}。",
    # Spec 1.2: subscribers in force, gates, milestones.
    "Serving per subscriber": "每在订用户服务成本",
    "Extra compute per subscriber in force per month (default 0).": "每个在订用户每月额外的算力成本（默认 0）。",
    "Gates": "闸门",
    "A staged plan: tests evaluated in order; a failed test stops its channels and the next ones.":
        "分阶段方案：按顺序评估各项测试；测试未通过则其渠道及后续渠道停止投放。",
    "A test that decides whether channels keep running.": "决定渠道是否继续投放的测试。",
    "After month": "测试截止月",
    "The test runs in months 1..after_month (1..horizon_months - 1).": "测试在第 1..after_month 月进行（1..horizon_months - 1）。",
    "Channels": "测试渠道",
    "Names of the test channels.": "测试渠道的名称。",
    "A channel's name.": "渠道名称。",
    "The test channels' attributed gross revenue paid in months 1..after_month over their spend must be at least this.":
        "测试渠道在第 1..after_month 月实收的归因总收入除以其广告支出，须不低于此值。",
    "Their spend over the users they bought in those months must be at most this.":
        "测试渠道在这些月的广告支出除以其买到的用户数，须不高于此值。",
    "Then": "后续渠道",
    "Channels that run after after_month only if the test passed.": "仅当测试通过时才在 after_month 之后投放的渠道。",
    "Milestones": "里程碑",
    "Dated targets: {month: 6, subscribers: 1000}, one series each.": "按月的目标：如 {month: 6, subscribers: 1000}，每项一个指标。",
    "At least this much of one monthly series in the month.": "某个月度指标在该月至少达到此值。",
    "Month": "月份",
    "Month of the horizon.": "测算期内的月份。",
    "Subscribers": "在订用户",
    "Subscribers in force in the month must be at least this.": "该月在订用户数须不低于此值。",
    "Gross revenue": "总收入",
    "Gross revenue of the month (money) must be at least this.": "该月总收入（金额）须不低于此值。",
    "New users": "新增用户",
    "New users of the month must be at least this.": "该月新增用户数须不低于此值。",
    "Active users": "活跃用户",
    "Active users of the month must be at least this.": "该月活跃用户数须不低于此值。",
    "Cumulative cash": "累计现金流",
    "Cumulative net cash at the end of the month (money) must be at least this.": "该月末累计净现金流（金额）须不低于此值。",
}

_TRANSLATED = ("title", "description")


def translate_schema(schema: Any) -> Any:
    """A copy of ``schema`` with every ``title`` and ``description`` string in Chinese where the table has it.

    Only string values are touched: a property that happens to be named
    ``title`` maps to a schema (a dict), which is walked like any other.
    """
    if isinstance(schema, dict):
        return {key: SCHEMA_ZH.get(value, value) if key in _TRANSLATED and isinstance(value, str) else translate_schema(value)
                for key, value in schema.items()}
    if isinstance(schema, list):
        return [translate_schema(item) for item in schema]
    return schema
