"""Fitted curves (retention days, observed renewal), the fits sheet's columns and the curves command."""

from aigc_roi.present.label_catalogue import Label

LABELS: dict[str, Label] = {
    "fit_retention": Label("Retention fitted from days (power law D(d) = e^u · d^-b)", "由日留存拟合的留存（幂律 D(d) = e^u · d^-b）"),
    "fit_renewal": Label("Renewal of {plan} fitted from observed survival (sBG)", "{plan} 由实际续费存留拟合的续费（sBG 模型）"),
    "fit_channel_retention": Label(
        "Retention of {channel}'s users fitted from days (power law D(d) = e^u · d^-b)",
        "{channel} 用户由日留存拟合的留存（幂律 D(d) = e^u · d^-b）",
    ),
    "channel_retention_by_month": Label("Retention of {channel}'s users by month", "{channel} 用户的逐月留存"),
    "largest_gap": Label("largest gap", "最大偏差"),
    "poor_fit": Label(
        "poor fit: an observed point is {gap} percentage points from the curve (more than {limit}); check the data",
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
    "fit_poor_column": Label("Poor (gap > 5 pp)", "拟合较差（偏差 > 5 个百分点）"),
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
}
