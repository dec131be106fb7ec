"""Workbook and document exports: columns, units, why a figure is none, inputs as written, sheet names."""

from aigc_roi.present.label_catalogue import Label

LABELS: dict[str, Label] = {
    "value": Label("Value", "数值"),
    "key": Label("Key", "键名"),
    "month_number": Label("Month no.", "月序号"),
    "field_path": Label("Field path", "字段路径"),
    # Spreadsheets: units, why a figure is none, inputs as numbers.
    "unit": Label("Unit", "单位"),
    "note": Label("Note", "说明"),
    "unit_users": Label("users", "人"),
    "unit_percent": Label("%", "%"),
    "unit_ratio": Label("ratio", "比值"),
    "unit_month": Label("month", "月"),
    # An input's: a churn of 0.3 is a share, not 0.3%; users, posts and orders a count.
    "unit_share": Label("share", "占比"),
    "unit_count": Label("count", "数量"),
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
    "low": Label("Low", "下限"),
    "high": Label("High", "上限"),
    "distribution": Label("Distribution", "分布"),
    # A range's distribution (model/scenario.py DistributionKind) in the reader's language: the workbook's inputs sheet
    # and the report's inputs table (present/inputs_table.py distribution_label); CSV keeps the file's dist: word.
    "distribution_lognormal": Label("lognormal", "对数正态"),
    "distribution_normal": Label("normal", "正态"),
    "distribution_uniform": Label("uniform", "均匀"),
    "distribution_triangular": Label("triangular", "三角"),
    "as_written": Label("As written", "原文"),
    "set_over_file": Label("{written} (--set; file: {file})", "{written}（--set；文件：{file}）"),
    "set_over_file_at": Label("{written} (--set; file at {path}: {file})", "{written}（--set；文件中 {path}：{file}）"),
    "set_not_in_file": Label("{written} (--set; not in the file)", "{written}（--set；文件中没有）"),
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
    # A what-if's marks (present/what_if.py): the overrides named on every format, in report's wording.
    "sheet_what_if": Label("what-if", "假设分析"),
    "what_if_sheet_note": Label("What-if: the file changed by the --set values below, not the plan as written.",
                                "假设分析：文件经下方 --set 取值修改后的结果，并非文件所写的方案。"),
    "what_if_title": Label(" · what-if: {sets}", " · 假设分析：{sets}"),
    "what_if_line": Label("What-if: {sets} (--set), not the plan as written", "假设分析：{sets}（--set），并非文件所写的方案"),
}
