"""Chinese ``--help``: each command's docstring and each option's help, keyed by the English text.

Typer builds the help from docstrings and ``help=`` strings; under ``--lang zh``
or a Chinese locale the CLI swaps them for these before the help is printed
(cli/streams.py). Keyed by the English text, so an option whose wording
changes shows in English until it is translated here, never with a stale
translation. Click's own frame ("Usage:", "Options:", "Show this message and
exit.") stays English: click takes it from gettext, which ships no Chinese
catalogue. A pure table: ``--help`` stays light.
"""

from __future__ import annotations

from typing import Any

HELP_ZH: dict[str, str] = {
    # The program.
    "ROI, ROAS, CAC, LTV, payback and NPV of user acquisition for generative-AI apps.":
        "生成式 AI 应用买量的 ROI、ROAS、获客成本 (CAC)、LTV、回本周期和 NPV。",
    "Print the version and exit.": "显示版本号并退出。",
    "Exit codes: 0 fine, 1 a scenario misses one of its targets (check), 2 invalid input.":
        "退出码：0 正常，1 有场景未达成其目标（check），2 输入无效。",
    # Commands.
    "Figures, per-channel table, monthly cash flow and cumulative-cash chart.":
        "核心指标、分渠道表、月度现金流和累计现金流图。",
    "Figures of several scenarios side by side: best per row marked, differences against the first.":
        "并排对比多个场景的指标：每行标出最优，并列出与第一个场景的差值。",
    "For every driver, the value at which ROI = 0 and at which payback meets targets.max_payback_months (12).":
        "每个驱动因素在什么取值时 ROI = 0，以及在什么取值时回本满足 targets.max_payback_months（默认 12）。",
    "Each driver moved down and up by --step: change in ROI, net cash and payback, largest first.":
        "每个驱动因素按 --step 上下浮动：ROI、净现金流和回本月份的变化，按影响从大到小排列。",
    "Check scenario files against the format: every error of every file on stdout, a summary on stderr. Exit 0 or 2.":
        "按格式检查场景文件：每个文件的每个错误输出到 stdout，汇总输出到 stderr。退出码 0 或 2。",
    "Print no summary or note on stderr; errors and results only.":
        "不在 stderr 输出汇总和提示；只输出错误和结果。",
    "Start CSV with a UTF-8 byte-order mark, so Excel on Chinese Windows reads it as UTF-8.":
        "CSV 以 UTF-8 字节顺序标记（BOM）开头，中文 Windows 上的 Excel 才能按 UTF-8 读取，不出现乱码。",
    "Validate, then hold every valid scenario to its targets. Exit 0 all met, 1 a target missed, 2 invalid input.":
        "先校验，再用每个有效场景自己的 targets 检查它。退出码 0 全部达成，1 有目标未达成，2 输入无效。",
    "Print the JSON Schema (draft 2020-12) of the scenario format, for editors and the YAML language server.":
        "输出场景格式的 JSON Schema（draft 2020-12），供编辑器和 YAML language server 使用。",
    "Write a commented starter scenario (or any bundled template) to edit.":
        "写出一个带注释的起步场景（或任一内置模板），供你修改。",
    # Arguments and options.
    "Scenario YAML file.": "场景 YAML 文件。",
    "Override one field for a what-if, e.g. acquisition[0].bid=25 (repeatable).":
        "为假设分析覆盖一个字段，例如 acquisition[0].bid=25（可重复）。",
    "Output format.": "输出格式。",
    "Output format; xlsx writes every table as a sheet of --output.": "输出格式；xlsx 把每张表写成 --output 的一个工作表。",
    "Also show the monthly cash-flow table, after the figures, channels and chart (off by default).":
        "同时显示月度现金流表，位于指标、渠道和图之后（默认不显示）。",
    "Which table --format csv writes.": "--format csv 写出哪张表。",
    "Write to this file instead of standard output.": "写入此文件，而不是标准输出。",
    "Also save the cumulative-cash chart as an image.": "同时把累计现金流图保存为图片。",
    "Replace an existing output file.": "覆盖已存在的输出文件。",
    "Language of tables and messages: en or zh (default from LANG).": "表格和提示的语言：en 或 zh（默认取自 LANG）。",
    "Two or more scenario files, or one file with --variant.": "两个或更多场景文件，或一个文件加 --variant。",
    "A what-if column of the one FILE, e.g. 'cheaper bid: acquisition[0].bid=25' (repeatable).":
        "对这一个 FILE 增加一列假设，例如 'cheaper bid: acquisition[0].bid=25'（可重复）。",
    "Relative move of each driver, e.g. 20% or 0.2.": "每个驱动因素的相对浮动，例如 20% 或 0.2。",
    "Two-way ROI table of two driver paths (as breakeven lists them), "
    "e.g. 'acquisition[0].bid,monetization.plans[0].price'.":
        "两个驱动因素路径（与 breakeven 列出的一致）的 ROI 双向表，例如 'acquisition[0].bid,monetization.plans[0].price'。",
    "Values of each --grid driver.": "每个 --grid 驱动因素取多少个值。",
    "Scenario files, or folders to search for *.yaml and *.yml files.": "场景文件，或在其中查找 *.yaml 和 *.yml 的文件夹。",
    "Output format (default: github when GITHUB_ACTIONS=true, else text).":
        "输出格式（默认：GITHUB_ACTIONS=true 时为 github，否则为 text）。",
    "Git revision to compare with: the figures of each scenario changed since REF, before and after.":
        "对比的 git 版本：自 REF 以来有改动的每个场景，改动前后的指标。",
    "Where to write the scenario; - writes it to standard output.": "场景写到哪里；- 表示写到标准输出。",
    "Bundled scenario to start from (see --list).": "从哪个内置场景开始（见 --list）。",
    "List the bundled templates and exit.": "列出内置模板并退出。",
}


def _zh(text: str | None) -> str | None:
    """Each paragraph of ``text`` in Chinese where the table has it."""
    if not text:
        return text
    return "\n\n".join(HELP_ZH.get(" ".join(paragraph.split()), paragraph) for paragraph in text.split("\n\n"))


def translate_help(command: Any) -> None:
    """Put the Chinese help on ``command`` (a click Command or Group), its parameters and subcommands."""
    command.help = _zh(command.help)
    command.short_help = None  # derived from help when listed, so the list reads in Chinese too
    for parameter in command.params:
        if hasattr(parameter, "help"):
            parameter.help = _zh(parameter.help)
    for subcommand in getattr(command, "commands", {}).values():
        translate_help(subcommand)
