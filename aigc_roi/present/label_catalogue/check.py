"""validate and check (issue 15): the check table, its annotations and the --base view."""

from aigc_roi.present.label_catalogue import Label

LABELS: dict[str, Label] = {
    "validate_valid": Label("valid", "有效"),
    "check_scenario": Label("scenario", "方案"),
    "check_target": Label("target", "目标"),
    "check_actual": Label("actual", "实际"),
    "check_limit": Label("limit", "限值"),
    "check_result": Label("result", "结果"),
    "check_pass": Label("pass", "达成"),
    "check_fail": Label("fail", "未达成"),
    "check_fail_new": Label("fail (new)", "未达成（新增）"),
    "check_fail_at_base": Label("fail (at {base})", "未达成（{base} 已有）"),
    "check_no_targets": Label("(no targets)", "（无目标）"),
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
        "{scenario}：targets.{target} 不适用：它约束相对基准版本的变化（check --base REF）",
    ),
    "check_not_applicable_at_base_note": Label(
        "{scenario}: targets.{target} not applicable: no valid version at {base} to compare with",
        "{scenario}：targets.{target} 不适用：{base} 没有可比较的有效版本",
    ),
    "check_not_applicable_currency": Label("n/a (currency changed: {was} at {base}, {now} now)",
                                           "不适用（币种已变：{base} 为 {was}，现为 {now}）"),
    "check_not_applicable_currency_note": Label(
        "{scenario}: targets.{target} not applicable: the currency changed ({was} at {base}, {now} now), and an "
        "amount in one is not compared with an amount in the other",
        "{scenario}：targets.{target} 不适用：币种已变（{base} 为 {was}，现为 {now}），两种币种的金额不作比较",
    ),
    "check_md_explain": Label("What moved each figure: {named}", "各指标变化的来源：{named}"),
    "check_md_explain_currency": Label(
        "Money figures are not split: the currency changed ({was} at {base}, {now} now).",
        "金额类指标不作分摊：币种已变（{base} 为 {was}，现为 {now}）。",
    ),
    "check_missed": Label(
        "{scenario}: targets.{target} missed: {figure} is {actual}, must be {limit}",
        "{scenario}：targets.{target} 未达成：{figure} {actual}，应 {limit}",
    ),
    "check_past_horizon": Label("{scenario}: targets.{target}: {sentence}", "{scenario}：targets.{target}：{sentence}"),
    "payback_month_past_horizon": Label(
        "the payback target of {target} months{default} is past the {horizon}-month horizon: payback is judged by month "
        "{horizon}, so a plan that pays back after it reads as never, a miss; set horizon_months to at least "
        "{target} to judge the target",
        "回本目标 {target} 个月{default}超出了 {horizon} 个月的模拟期：回本只能判断到第 {horizon} 个月，"
        "此后才回本的方案记为未回本，即未达成；要按目标判断，请把 horizon_months 设为至少 {target}",
    ),
    "check_missed_milestone": Label(
        "{scenario}: {target} missed: {figure} in month {month} is {actual}, must be {limit}",
        "{scenario}：{target} 未达成：第 {month} 个月{figure} {actual}，应 {limit}",
    ),
    # A milestone's cell: its name as JSON gives it (model/scenario.py Milestone.name).
    "target_milestone": Label("milestone {key}@{month}", "{key}@{month} 里程碑"),
    # What a milestone bounds (the report's targets table): in Chinese in check's order, 第 6 个月在订用户.
    # A month as the report's sentences write it: "in month 4 (2025-06)", "第 4 个月（2025-06）".
    "milestone_figure": Label("{figure} in month {month}{label}", "第 {month} 个月{label}{figure}"),
    "check_also_missed": Label(" (also missed at {base})", "（{base} 时已未达成）"),
    "check_new_since": Label(" (new since {base})", "（自 {base} 以来新增）"),
    "check_changed_here": Label("; changed here: {path} {was} -> {now}", "；改动处：{path} {was} -> {now}"),
    # A field NEW leaves out: no line of the file is "here", and 0.0 would read as if the file wrote it.
    "check_changed_removed": Label("; changed: {path} {was} -> removed (default {default})",
                                   "；改动：{path} {was} -> 已删除（默认 {default}）"),
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
    "check_neither_computes": Label("{named}: {status}; neither version computes", "{named}：{status}；两个版本都无法计算"),
    "check_base_error": Label("{file} at {base}, line {line}, column {column}: {problem}",
                              "{file}（{base} 时）第 {line} 行第 {column} 列：{problem}"),
    "check_base_option_error": Label("{file} at {base}: {problem}", "{file}（{base} 时）：{problem}"),
    "check_no_change": Label("No scenario changed since {base}.", "自 {base} 以来没有方案改动。"),
    "check_md_targets": Label("Targets", "目标"),
    "check_md_invalid": Label("Invalid files", "无效文件"),
    "check_md_unreadable": Label("Unreadable folders", "无法打开的文件夹"),
    "check_md_warnings": Label("Warnings", "警告"),
    "check_md_changed": Label("Figures changed since {base}", "自 {base} 以来变化的指标"),
    "check_md_no_change": Label("No scenario changed.", "没有方案改动。"),
}
