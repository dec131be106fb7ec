"""The CLI's own refusals and hints: output options and formats, init, a missing extra, click's refusals
(cli/edge.py) and the progress lines."""

from aigc_roi.present.label_catalogue import Label

LABELS: dict[str, Label] = {
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
        "{path}: --format {format} 与文件扩展名 {suffix}（{named}）不符；请修改其中之一",
    ),
    "output_suffix_unwritten": Label(
        "{path}: {command} does not write {named}, the format of the extension {suffix}; its formats: {formats}",
        "{path}: {command} 不能写出扩展名 {suffix} 对应的格式 {named}；它的格式：{formats}",
    ),
    # A spreadsheet's extension of a format the project does not write (cli/output.py SPREADSHEET_SUFFIXES).
    "output_suffix_spreadsheet_hint": Label(
        "{path}: {command} does not write {suffix} files, which a spreadsheet would open as garbage; write {suggested} "
        "(-f {format}) instead",
        "{path}: {command} 不能写出 {suffix} 文件，电子表格会把它读成乱码；请改为写出 {suggested}（-f {format}）",
    ),
    "output_suffix_spreadsheet": Label(
        "{path}: {command} does not write {suffix} files, which a spreadsheet would open as garbage; its formats: "
        "{formats}",
        "{path}: {command} 不能写出 {suffix} 文件，电子表格会把它读成乱码；它的格式：{formats}",
    ),
    "output_format_mismatch_unwritten": Label(
        "{path}: --format {format} does not match the file's extension {suffix}, and {command} does not write {named}; "
        "its formats: {formats}",
        "{path}: --format {format} 与文件扩展名 {suffix} 不符，且 {command} 不能写出 {named}；它的格式：{formats}",
    ),
    "plot_suffix": Label(
        "--plot: expected a file name ending in .svg or .png, found {path}",
        "--plot：应为以 .svg 或 .png 结尾的文件名，实际为 {path}",
    ),
    # {lang}: " --lang zh" where the language is not the locale's, so the command followed speaks it too.
    "init_wrote": Label(
        "Wrote {path} from template {template}. Next: aigc-roi run {path}{lang}",
        "已根据模板 {template} 写入 {path}。下一步：aigc-roi run {path}{lang}",
    ),
    "init_unknown_template": Label(
        "--template: no template named {name!r}{hint}; available: {names}",
        "--template：没有名为 {name!r} 的模板{hint}；可用模板：{names}",
    ),
    "did_you_mean": Label(" (did you mean {names}?)", "（是否想用 {names}？）"),
    # Between names as near as each other (model/names.py resembling): 'a' or 'b'.
    "or_separator": Label(" or ", " 或 "),
    "templates": Label("Templates", "模板"),
    "template": Label("Template", "模板"),
    "description": Label("Description", "说明"),
    "default_marker": Label("default", "默认"),
    "is_a_folder": Label(
        "{path}: is a folder; give a file name such as {path}/scenario.yaml",
        "{path}: 这是一个文件夹，请给出文件名，例如 {path}/scenario.yaml",
    ),
    "plot_no_cjk_font": Label(
        "No Chinese font found, so the chart leaves Chinese text out; install one, e.g. "
        "apt-get install fonts-noto-cjk (Debian/Ubuntu) or brew install --cask font-noto-sans-cjk-sc (macOS).",
        "未找到可用于图表的中文字体（如 Noto Sans CJK SC），图中文字改用英文、略去中文；"
        "安装方法：apt-get install fonts-noto-cjk（Debian/Ubuntu）或 brew install --cask font-noto-sans-cjk-sc（macOS）。",
    ),
    "simulating": Label("Simulating", "模拟中"),
    "allocating": Label("Searching splits", "搜索分配方案"),
    "simulating_draws": Label("Drawing the ranges", "抽取区间"),
    "simulating_shares": Label("Splitting the variance", "拆分方差"),
    "checking_files": Label("Checking files", "检查文件"),
    "comparing_scenarios": Label("Simulating scenarios", "模拟各方案"),
    "rendering_page": Label("Writing the page", "生成页面"),
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
    # An option or argument and its problem, as click refuses it (cli/edge.py).
    "named_problem": Label("{name}: {problem}", "{name}：{problem}"),
}
