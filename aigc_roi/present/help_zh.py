"""Chinese ``--help``: each command's docstring and each option's help, keyed by the English text.

Typer builds the help from docstrings and ``help=`` strings; under ``--lang zh``
or a Chinese locale the CLI swaps them for these before the help is printed
(cli/help_frame.py). Keyed by the English text, so a reworded option could
only fall back to English, never show a stale translation; and
tests/contract/test_help_coverage.py fails on any help text, docstring
paragraph or click frame word without an entry, so it cannot do that
silently either. Click's frame ("Usage:", "Options", "[default: ...]",
"Show this message and exit.") is here too (CLICK_ZH, and HELP_ZH for the
help and completion options). Pure tables: ``--help`` stays light.
"""

from __future__ import annotations

HELP_ZH: dict[str, str] = {
    # The program.
    "ROI, ROAS, CAC, LTV, payback and NPV of user acquisition for generative-AI apps.":
        "生成式 AI 应用买量的 ROI、ROAS、获客成本（CAC）、LTV、回本周期和 NPV。",
    "Print the version and exit.": "显示版本号并退出。",
    # Typer's and click's own options.
    "Install completion for the current shell.": "为当前 shell 安装命令补全。",
    "Show completion for the current shell, to copy it or customize the installation.":
        "显示当前 shell 的补全脚本，可复制或自行安装。",
    "Show this message and exit.": "显示此帮助并退出。",
    # Commands.
    "Figures, per-channel table, monthly cash flow and cumulative-cash chart.":
        "核心指标、分渠道表、月度现金流和累计现金流图。",
    "Figures of several scenarios side by side: best per row marked, differences against the first.":
        "并排对比多个方案的指标：每行标出最优，并列出与第一个方案的差值。",
    "For every driver, the value at which ROI = 0 and at which payback meets targets.max_payback_months (default 12).":
        "每个驱动因素在什么取值时 ROI = 0，以及在什么取值时回本满足 targets.max_payback_months（默认 12）。",
    "Each driver moved down and up by --step: change in ROI, net cash and payback, largest first.":
        "每个驱动因素按 --step 上下浮动：ROI、净现金流和回本月份的变化，按影响从大到小排列。",
    "Check scenario files against the format: every error of every file on stdout, a summary on stderr. Exit 0 or 2.":
        "按格式检查方案文件：每个文件的每个错误输出到 stdout，汇总输出到 stderr。退出码 0 或 2。",
    "Print no summary or note on stderr; errors and results only.":
        "不在 stderr 输出汇总和提示；只输出错误和结果。",
    "Start CSV with a UTF-8 byte-order mark, so Excel on Chinese Windows reads it as UTF-8.":
        "CSV 以 UTF-8 字节顺序标记（BOM）开头，中文 Windows 上的 Excel 才能按 UTF-8 读取，不出现乱码。",
    "Validate, then hold every valid scenario to its targets. Exit 0 all met, 1 a target missed, 2 invalid input.":
        "先校验，再用每个有效方案自己的 targets 检查它。退出码 0 全部达成，1 有目标未达成，2 输入无效。",
    "Print the JSON Schema (draft 2020-12) of the scenario format, for editors and the YAML language server.":
        "输出方案格式的 JSON Schema（draft 2020-12），供编辑器和 YAML 语言服务器（yaml-language-server）使用。",
    "Write a commented starter scenario (or any bundled template) to edit.":
        "写出一个带注释的起步方案（或任一内置模板），供你修改。",
    "Plan vs actual by channel and plan month from the ad platforms' exports; --reforecast rewrites the plan's past months.":
        "用广告平台导出的报表，按渠道和方案月份对比方案与实际；--reforecast 把方案中已过去的月份改写为实际。",
    "Scenario YAML file of the plan (needs start).": "方案 YAML 文件（需要 start）。",
    "Ad-platform report exports: CSV or xlsx.": "广告平台导出的报表：CSV 或 xlsx。",
    "Also map campaigns matching GLOB to channel NAME, or acquisition[N] where channels share NAME (repeatable).":
        "另把匹配 GLOB 的广告计划归入渠道 NAME（几个渠道同名时写 acquisition[N]；可重复）。",
    "Add up rows of the same day and campaign instead of refusing them.": "同一天同一计划的多行相加，而不是报错。",
    "Read the exports' numbers with a decimal comma and dots grouping thousands (1.234,56), and CSV columns separated "
    "by ';', as German, Brazilian or Indonesian consoles and Excel write them.":
        "按逗号为小数点、点号为千位分隔符读取报表中的数字（1.234,56），并读取以 ';' 分隔列的 CSV，即德国、巴西、印尼等地的"
        "后台与 Excel 的写法。",
    "The first day the exports were run for (default: their first row's).": "报表所选日期范围的第一天（默认：其第一行的日期）。",
    "The last day the exports were run for (default: their last row's; platforms leave out days without spend).":
        "报表所选日期范围的最后一天（默认：其最后一行的日期；平台不导出没有广告支出的日子）。",
    "Write the plan with past months as they happened to OUT.yaml.": "把已过去的月份按实际改写后的方案写入 OUT.yaml。",
    "Draws of the plan for percentiles and P(payback).": "方案的抽样次数，用于分位和回本概率。",
    # Arguments and options.
    "Scenario YAML file.": "方案 YAML 文件。",
    "Override one field for a what-if, by path or by name, e.g. acquisition[0].bid=25 or 'Douyin CPA.bid=25' (repeatable).":
        "为假设分析覆盖一个字段，按路径或按名称，例如 acquisition[0].bid=25 或 '抖音CPA.bid=25'（可重复）。",
    "Output format.": "输出格式。",
    "Output format; xlsx writes every table as a sheet of --output.": "输出格式；xlsx 把每张表写成 --output 的一个工作表。",
    "Also show the monthly cash-flow table, after the figures, channels and chart "
    "(table and markdown formats; off by default in the table view, shown in markdown).":
        "同时显示月度现金流表，位于指标、渠道和图之后（适用于 table 和 markdown 格式；table 视图默认不显示，markdown 默认显示）。",
    "Which table --format csv writes (default: months); cohorts also adds the cohort table to every other format, as --cohorts does.":
        "--format csv 写出哪张表（默认 months）；选 cohorts 时，其他格式也会加上同期群表，如同 --cohorts。",
    "Add the cohort table (contribution of each month's new users, month by month); xlsx always has it.":
        "加上同期群表（每个月新增用户逐月的贡献）；xlsx 总是包含此表。",
    "Write to FILE instead of standard output ('-' is standard output).": "写入 FILE，而不是标准输出（'-' 即标准输出）。",
    "Write to FILE instead of standard output ('-' is standard output); "
    "without --format, a FILE ending in one of {suffixes} is written in that format.":
        "写入 FILE，而不是标准输出（'-' 即标准输出）；未给 --format 时，以 {suffixes} 之一结尾的 FILE 按该格式写出。",
    "Also save the cumulative-cash chart as an image.": "同时把累计现金流图保存为图片。",
    "Replace an existing output file.": "覆盖已存在的输出文件。",
    "Language of tables and messages: en or zh (default from LANG).": "表格和提示的语言：en 或 zh（默认取自 LANG）。",
    "Two or more scenario files, or one file with --variant.": "两个或更多方案文件，或一个文件加 --variant。",
    "A what-if column of the one FILE, e.g. 'cheaper bid: Douyin CPA.bid=10' (repeatable).":
        "对这一个 FILE 增加一列假设，例如 '出价降低: 抖音CPA.bid=10'（可重复）。",
    "Relative move of each driver, e.g. 20% or 0.2.": "每个驱动因素的相对浮动，例如 20% 或 0.2。",
    "Two-way ROI table of two drivers (as breakeven lists them), by path or by name, "
    "e.g. 'Douyin CPA.bid,Annual member.price'.":
        "两个驱动因素（与 breakeven 列出的一致，按路径或按名称）的 ROI 双向表，例如 '抖音CPA.bid,年度会员.price'。",
    "Values of each --grid driver.": "每个 --grid 驱动因素取多少个值。",
    "Scenario files, or folders to search for *.yaml and *.yml files.": "方案文件，或在其中查找 *.yaml 和 *.yml 的文件夹。",
    "Output format (default: github when GITHUB_ACTIONS and GITHUB_WORKFLOW are set, else text).":
        "输出格式（默认：同时设置了 GITHUB_ACTIONS 和 GITHUB_WORKFLOW 时为 github，否则为 text）。",
    "Output format (default: github when GITHUB_ACTIONS and GITHUB_WORKFLOW are set, else text). "
    "text lists problems only; table adds every target of every file.":
        "输出格式（默认：同时设置了 GITHUB_ACTIONS 和 GITHUB_WORKFLOW 时为 github，否则为 text）。"
        "text 只列出问题；table 另列出每个文件的每个目标。",
    "Also show what passed, not only the problems.": "同时显示通过的项，而不只是问题。",
    "Worker processes over many files, at most one per core (default: one per core; 1 runs all in this process). "
    "The results never change.":
        "文件很多时使用的工作进程数，每个 CPU 核最多一个（默认：每个 CPU 核一个；1 表示全部在本进程中运行）。结果不会因此改变。",
    "Workers that share the work (processes on Linux, else threads), at most one per core "
    "(default: up to 4). The numbers never change.":
        "分担计算的并行任务数（Linux 上为进程，其他系统为线程），每个 CPU 核最多一个（默认：最多 4 个）。结果数字不会因此改变。",
    "With --samples: workers that share each simulation (processes on Linux, else threads), at most one "
    "per core (default: up to 4). The numbers never change.":
        "配合 --samples：分担每次模拟的并行任务数（Linux 上为进程，其他系统为线程），每个 CPU 核最多一个（默认：最多 4 个）。"
        "结果数字不会因此改变。",
    "Git revision to compare with: the figures of each scenario changed since REF, before and after.":
        "对比的 git 版本：自 REF 以来有改动的每个方案，改动前后的指标。",
    "Where to write the scenario; - writes it to standard output.": "方案写到哪里；- 表示写到标准输出。",
    "Bundled scenario to start from (see --list).": "从哪个内置方案开始（见 --list）。",
    "List the bundled templates and exit.": "列出内置模板并退出。",
    "Monte Carlo over the ranges: mean and percentiles of every figure, the chance of paying back, "
    "net-cash histogram, cumulative-cash fan, and which uncertain input drives the variance.":
        "在各区间上做蒙特卡洛模拟：每项指标的均值和分位数、回本概率、净现金流直方图、累计现金流扇形图，以及哪个不确定输入主导方差。",
    "Split a budget across channels to maximise NPV (or net cash, P10 NPV, chance of payback), phase by phase: "
    "whether to spend less, current vs best split, what decides (ROAS, CAC, contribution per user) and the budget curve "
    "from 0 to 2B.":
        "按阶段把预算分配到各渠道以最大化 NPV（或净现金流、P10 NPV、回本概率）：是否该少花钱、当前分配与最优分配的对比、"
        "起决定作用的指标（ROAS、CAC、人均贡献），以及从 0 到 2B 的预算曲线。",
    "One self-contained HTML page: verdict, figures with formulas, charts and every input.":
        "一个独立的 HTML 页面：结论、带公式的指标、图表和全部输入。",
    "Monte Carlo samples for the cash band and the chance of payback (as check's, when the file has ranges).":
        "现金流区间和回本概率的蒙特卡洛样本数（与 check 相同；仅当文件含区间时）。",
    "Also split a monthly budget B as `allocate --budget B` does and draw its budget curve.":
        "另按 `allocate --budget B` 拆分每月预算 B，并画出其预算曲线。",
    "An earlier version of FILE: show what moved each figure since it (compare --explain).":
        "FILE 的早先版本：显示自该版本以来各指标变化的来源（同 compare --explain）。",
    "With two FILEs (base, new): split the change of roi, npv, payback month and peak cash need among the inputs that "
    "differ (Shapley shares). With --format csv, writes that table.":
        "给出两个文件（基准、新方案）时：把 roi、npv、回本月份和最大资金需求的变化拆分到各个改动的输入上（Shapley 分摊）。"
        "配合 --format csv 时输出该表。",
    "Output format; xlsx writes the figures side by side (and --explain's table) to --output.":
        "输出格式；xlsx 把各方案指标并排（及 --explain 的表）写入 --output。",
    "Output format; xlsx writes the comparison, the unmatched spend and the re-forecast as sheets of --output.":
        "输出格式；xlsx 把方案与实际对比、未匹配的广告支出和重新预测作为工作表写入 --output。",
    "Retention by month (with the fitted day points) and each plan's renewal survival.":
        "逐月留存（附拟合所用的日留存点）和每个订阅方案的续订存活率。",
    "Compare on risk: simulate each scenario with this many samples and show P5/P50/P95 of each figure and the chance of payback.":
        "按风险对比：每个方案用这么多样本做模拟，列出每项指标的 P5/P50/P95 和回本概率。",
    "Random seed of that simulation.": "该模拟的随机种子。",
    "Monte Carlo samples.": "蒙特卡洛样本数。",
    "Random seed: the same seed gives the same numbers.": "随机种子：同一种子得到同样的数字。",
    "Percentiles to report, e.g. 10,50,90.": "要列出的分位数，例如 10,50,90。",
    "Also save the cumulative-cash fan and the net-cash histogram as an image.": "同时把累计现金流扇形图和净现金流直方图保存为图片。",
    "Also write every sample's drawn inputs and figures.": "同时写出每个样本抽到的输入和算出的指标。",
    "Monthly budget, spent in every month in which a movable channel runs, split among the channels "
    "running then, e.g. 100万, 1m or 1_000_000.":
        "月预算：在每个有可调整渠道投放的月份都花出，由当月投放的渠道分配，例如 100万、1m 或 1_000_000。",
    "Instead of --budget: money to spend over the horizon, split across phases and channels (early phases may get more).":
        "代替 --budget：整个周期要花的总额，在各阶段和各渠道之间分配（前期阶段可以多分）。",
    "Instead of --budget: spend in each channel until its marginal ROAS falls to X, e.g. 1.5 or 150%.":
        "代替 --budget：每个渠道一直投到其边际 ROAS 降到 X 为止，例如 1.5 或 150%。",
    "Instead of --budget: the least monthly budget whose best split reaches a milestone KEY@MONTH=VALUE "
    "(KEY: subscribers, gross_revenue, new_users, active_users, cumulative_cash), e.g. subscribers@6=1000.":
        "代替 --budget：最佳分配能达到里程碑 KEY@MONTH=VALUE 的最低月预算"
        "（KEY：subscribers、gross_revenue、new_users、active_users、cumulative_cash），例如 subscribers@6=1000。",
    "Keep the peak cash need (median values) at most C.": "最大资金需求（中位数取值下）不超过 C。",
    "Keep the chance of payback within targets.max_payback_months (default 12) at least P, e.g. 80% or 0.8, "
    "over --samples draws.":
        "在 --samples 次抽样中，于 targets.max_payback_months（默认 12）内回本的概率至少为 P，例如 80% 或 0.8。",
    "What the split maximises; p10_npv and payback_probability are simulated.":
        "分配要最大化的目标；p10_npv 和 payback_probability 由模拟得出。",
    "Lowest monthly budget of a channel, e.g. 'Feed ads=20万' (repeatable).": "某个渠道的最低月预算，例如 '信息流=20万'（可重复）。",
    "Highest monthly budget of a channel (repeatable).": "某个渠道的最高月预算（可重复）。",
    "Keep this channel's spend as in the file, outside B (repeatable).": "该渠道的广告支出保持文件中的值，不计入 B（可重复）。",
    "Monte Carlo samples of the risk objectives.": "风险类目标的蒙特卡洛样本数。",
    "Random seed: the same seed gives the same split.": "随机种子：同一种子得到同样的分配。",
    "Samples simulated for targets.min_payback_probability.": "为 targets.min_payback_probability 模拟的样本数。",
    "Also save the budget curve as an image.": "同时把预算曲线保存为图片。",
    "Which table --format csv writes.": "--format csv 写出哪张表。",
}

CLICK_ZH: dict[str, str] = {
    # Click's frame of every --help, as Typer asks gettext for it (typer/core.py `_`).
    "Arguments": "参数",
    "Options": "选项",
    "Commands": "命令",
    "default: {default}": "默认：{default}",
    "required": "必填",
    # What the vendored click writes without gettext (cli/help_frame.py ChineseHelpFormatter).
    "Usage: ": "用法：",
    # The usage line's placeholders (cli/help_frame.py translate_command).
    "[OPTIONS]": "[选项]",
    "COMMAND [ARGS]...": "命令 [参数]...",
}
"""Click's and Typer's own words of ``--help``; their usage errors are translated as lines (messages_zh.py)."""


RANGE_ZH = "范围"
"""What opens an option's bounds in its Chinese ``--help`` (click's ``1<=x<=1000000`` in English)."""


def range_in_chinese(low: float | None, high: float | None, low_open: bool, high_open: bool) -> str:
    """An option's bounds as its Chinese help shows them, in the words its refusal uses (``应为 1 到 1,000,000 之间的
    整数``, ``≥ 0 且 < 1``): ``范围 1 到 1,000,000``, ``范围 ≥ 1``, ``范围 > 0 且 ≤ 1``; a bound 2^n - 1 as that power
    (the seed's ``0 到 2^128 - 1``, as its refusal writes it, not its 39 digits)."""
    if low is not None and high is not None and not low_open and not high_open:
        return f"{RANGE_ZH} {_bound(low)} 到 {_bound(high)}"
    sides = ([f"{'>' if low_open else '≥'} {_bound(low)}"] if low is not None else []) + (
        [f"{'<' if high_open else '≤'} {_bound(high)}"] if high is not None else [])
    return f"{RANGE_ZH} " + " 且 ".join(sides)


def _bound(value: float) -> str:
    """A bound as a number is read: thousands apart (1,000,000), a whole float without its .0 (1.0 is 1)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and value >= 2**53 and (value + 1) & value == 0:
        # Spaced as the seed's refusal and docs/limits.md write it; a narrow help keeps it on one line
        # (present/help_notes.py SUM).
        return f"2^{(value + 1).bit_length() - 1} - 1"
    return f"{value:,}"


def in_chinese(text: str | None) -> str | None:
    """Each paragraph of ``text`` (a docstring, an option's help) in Chinese where the table has it."""
    if not text:
        return text
    return "\n\n".join(HELP_ZH.get(help_key(paragraph), paragraph) for paragraph in text.split("\n\n"))


def help_key(paragraph: str) -> str:
    """A paragraph as the table keys it: its words joined by single spaces, however the source wrapped it."""
    return " ".join(paragraph.split())


def click_in_chinese(message: str) -> str:
    """Click's own wording in Chinese: a gettext replacement for the words CLICK_ZH knows."""
    return CLICK_ZH.get(message, message)
