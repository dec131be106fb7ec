"""Chinese to the last word: every command's --help and every text output under --lang zh, on bundled scenarios,
holds no Latin word that is not a key, a path, a unit, a file name or a name from the scenario.

Each output is searched for words of Latin letters; a word passes when it is code as typed (an option, a path,
a key with '_' or '.', a file name, ALL-CAPS: an abbreviation, unit or metavar), a word of a name the scenario
gives (channel, plan, purchase, order, fixed cost, gate or the scenario's own), a key of the format or of the
outputs, or one of the few proper nouns in ``NAMES``. Anything else is English a Chinese reader was left with.
Machine formats keep English keys (docs: present/labels.py): in JSON only the string values are read, in CSV
the cells below the header.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from cli_runner import invoke

from aigc_roi.cli.commands import COMMANDS
from aigc_roi.model.cashflow import IRR_KINDS
from aigc_roi.model.figures import CHANNEL_COLUMNS, FIGURE_NAMES, MONTH_COLUMNS

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "aigc_roi" / "templates"
CHAT = TEMPLATES / "chat-assistant-cpa.yaml"
"""Two CPA channels, four plans (iOS, WeChat Pay), a purchase: the break-even and sensitivity tables are long."""
GATED = TEMPLATES / "creators-first-gated.yaml"
"""kol, cpm and cpa channels, a gate, ranges: every channel type and the gates table."""
VIDEO = TEMPLATES / "video-tool-kol-then-feed.yaml"
"""Retention fitted from day points: the curves and fits tables; channels in phases for allocate."""
STORY = ROOT / "examples" / "stories" / "chat-assistant-cac-rising.yaml"
"""Misses its targets on purpose: check's failing rows and annotations."""
MILESTONES = ROOT / "examples" / "stories" / "prompt-community-okr.yaml"
"""Misses its dated milestones on purpose: check's milestone rows and messages."""
SCENARIOS = (*sorted(TEMPLATES.glob("*.yaml")), STORY, MILESTONES)
"""The files whose names and keys the outputs may show."""
CHEAPER = "{chat with a cheaper bid and a dearer plan}"
"""Stands for the chat plan with a cheaper Bilibili bid and a dearer annual plan (``_cheaper``): compare --explain
splits these two changes."""
EXPORTS = [str(ROOT / "examples" / "actuals" / name) for name in ("douyin-ocean-engine.csv", "bilibili.csv")]

NAMES = frozenset({
    # Standards, tools and methods, named as their makers name them.
    "JSON", "Schema", "draft", "Excel", "Windows", "Linux", "git", "shell", "Shapley", "SaaS", "sBG", "Var", "iOS",
    # Values a user types: output formats and tables, languages, streams, the format's words, booleans in CSV.
    "table", "json", "csv", "markdown", "xlsx", "html", "text", "github", "yaml", "yml", "en", "zh", "stdout", "stderr",
    "figures", "channels", "months", "cohorts", "fits", "gates", "inputs",
    "all", "month", "quarter", "year", "lognormal", "True", "False", "generic",
    # The --variant label this test gives.
    "cheap",
})
"""Words a Chinese text writes in Latin letters and that are no key of the format; kept small on purpose."""

_CODE = re.compile(
    r"'[^'\n]*'"                       # a quoted example or value: 'cheaper bid: acquisition[0].bid=25'
    r"|`[^`\n]*`"                      # code in markdown
    r"|<[^>\n]*>"                      # a metavar: <table|json|csv>
    r"|(?<![\w.])\.[A-Za-z0-9]+"          # a file name's extension: .svg
    r"|\{[^}\n]*\}"                    # an argument's metavar: {FILE}
    r"|-{1,2}[A-Za-z][\w-]*"           # an option: --format, -f
    r"|\S*[A-Za-z][\w-]*[._/=\[:@][\w\[\].,=/*:@%-]*[\w\]*%]"  # a path or key: acquisition[0].bid, a/b.yaml, x@6
    r"|(?<![A-Za-z])[a-z0-9]+(?:_[a-z0-9]+)+(?![A-Za-z])"  # a key: max_payback_months
    r"|(?<![A-Za-z])[a-z0-9]+(?:-[a-z0-9]+)+(?![A-Za-z])"  # a name with hyphens: aigc-roi, a template, a language server
    r"|(?<![A-Za-z])[A-Z][A-Z0-9]+s?(?![A-Za-z])"  # an abbreviation, unit or metavar: ROI (投放ROI too), CNY, FILE
    r"|(?<![A-Za-z])[a-z_]+: ?[a-z0-9_]+(?![A-Za-z])"  # a key and its value as a file writes them: type: kol
)
_WORD = re.compile(r"[A-Za-z]{2,}")


def _keys(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield str(key)
            yield from _keys(value)
    elif isinstance(node, list):
        for item in node:
            yield from _keys(item)


def _enums(node: Any) -> Iterator[str]:
    """The words a field of the format takes (``type: kol``, ``period: year``): keys a file writes as values."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "enum":
                yield from (word for word in value if isinstance(word, str))
            elif key == "const" and isinstance(value, str):
                yield value
            else:
                yield from _enums(value)
    elif isinstance(node, list):
        for item in node:
            yield from _enums(item)


def _names(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "name" and isinstance(value, str):
                yield value
            yield from _names(value)
    elif isinstance(node, list):
        for item in node:
            yield from _names(item)


def _name_words() -> frozenset[str]:
    """Words of every bundled scenario's names, and the proper nouns of ``NAMES``."""
    words: set[str] = set(NAMES)
    for path in SCENARIOS:
        for name in _names(yaml.safe_load(path.read_text(encoding="utf-8"))):
            words |= set(_WORD.findall(name))
    return frozenset(words)


def _key_words() -> frozenset[str]:
    """Every key of the format and of the outputs, and the proper nouns of ``NAMES``."""
    schema = json.loads(invoke(["schema"]).stdout)
    keys = set(_keys(schema["properties"])) | set(_keys(schema.get("$defs", {}))) | set(_enums(schema))
    for path in SCENARIOS:
        keys |= set(_keys(yaml.safe_load(path.read_text(encoding="utf-8"))))
    keys |= {*FIGURE_NAMES, *CHANNEL_COLUMNS, *MONTH_COLUMNS, *COMMANDS, *(path.stem for path in TEMPLATES.glob("*.yaml"))}
    # The CSV figures' note on the irr row: JSON's irr_kind, a key in every language.
    keys |= set(IRR_KINDS)
    # The columns of the what-if tables' CSV (compare's markdown heads its own with labels: figure and best are no
    # words of its Chinese).
    for args in (["breakeven", str(CHAT)], ["sensitivity", str(CHAT)]):
        keys |= set(next(csv.reader(io.StringIO(invoke([*args, "-f", "csv"]).stdout))))
    # A key as typed, whole (lower case, as the format spells every key): "price" as a key, not "Price" in a sentence.
    return frozenset(NAMES | {key for key in keys if _WORD.fullmatch(key)})


NAME_WORDS = _name_words()
KEY_WORDS = _key_words()
ALLOWED = NAME_WORDS | KEY_WORDS
"""Words of every bundled scenario's names (their 'of', 'the', 'and' too), and every key."""
FULL_NAMES = sorted({name for path in SCENARIOS for name in _names(yaml.safe_load(path.read_text(encoding="utf-8")))},
                    key=len, reverse=True)
_BRACKETED = re.compile(r"(?<!\S)[(（]([a-z]{2,})[)）]")
"""A lone word in brackets after a value says what the value is in (``spend (currency)``): words for the reader,
so a key of the format passes there no more than in a sentence; a unit (CNY, 元), a name's word or the key of the
figure just named (``ROI (roi)``) does. (A formula's variable, ``R(a)``, follows its function without a space.)"""
BRACKETED_OK = NAME_WORDS | {*FIGURE_NAMES, *CHANNEL_COLUMNS, *MONTH_COLUMNS}


def stray_words(text: str, allowed: frozenset[str] = ALLOWED) -> list[str]:
    """Latin words of ``text`` that are no code, key, name or unit (``allowed``), each with a little of its line
    around it."""
    stray = []
    for line in text.splitlines():
        stray += [f"{match[1]!r} in {line.strip()[:100]!r}" for match in _BRACKETED.finditer(line)
                  if match[1] not in BRACKETED_OK]
        rest = _CODE.sub(" ", line)
        for match in _WORD.finditer(rest):
            if match[0] not in allowed:
                stray.append(f"{match[0]!r} in {line.strip()[:100]!r}")
    return stray


def stray_message_words(text: str) -> list[str]:
    """``stray_words`` of a message, a name's words passing only inside the whole name: a message is English
    ('... of a.yaml', 'found X and Y') with no more than one of a scenario's names' words in it."""
    for name in FULL_NAMES:
        text = text.replace(name, " ")
    return stray_words(text, KEY_WORDS)


def test_stray_words_sees_english_and_passes_code_keys_and_names() -> None:
    assert stray_words("  -h, --help  Show this message and exit.") == [
        "'Show' in '-h, --help  Show this message and exit.'", "'this' in '-h, --help  Show this message and exit.'",
        "'message' in '-h, --help  Show this message and exit.'", "'exit' in '-h, --help  Show this message and exit.'",
    ]
    assert stray_words("│ Douyin activation CPA 出价 │ acquisition[1].bid │ max_payback_months 回本月份上限 │ 12.59% │") == []
    assert stray_words("│ 自然流量 │ Organic │") == ["'Organic' in '│ 自然流量 │ Organic │'"]
    assert stray_words("  --table <figures|channels>  --format csv 写出哪张表。  [默认：table]") == []
    # A key in brackets is a word about a value, not the key as typed; a unit or a name's word is fine there.
    assert stray_words("使用列 spend=spend (currency), clicks=clicks") == [
        "'currency' in '使用列 spend=spend (currency), clicks=clicks'"]
    assert stray_words("使用列 spend=spend (CNY), revenue=first_day_pay_amount (元) │ Bilibili CPA (registered user)") == []
    # In a message a name's word passes in the whole name only: 'of' is a word of "Prompt sites of ..." and English here.
    assert stray_message_words("未知字段 'a' (in --variant 'x' of a.yaml)") == [
        "'in' in \"未知字段 'a' (in --variant 'x' of a.yaml)\"", "'of' in \"未知字段 'a' (in --variant 'x' of a.yaml)\""]
    assert stray_message_words("没有名为 'x' 的渠道；现有渠道：Bilibili CPA (registered user), Douyin activation CPA") == []


def _json_strings(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for value in node.values():
            yield from _json_strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from _json_strings(item)
    elif isinstance(node, str):
        yield node


def _schema_words(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("title", "description") and isinstance(value, str):
                yield value
            yield from _schema_words(value)
    elif isinstance(node, list):
        for item in node:
            yield from _schema_words(item)


_FORMULA_NAME = re.compile(r"(?<![A-Za-z])(?:alpha|beta|[A-Za-z]{2,}(?=[(_,)])|(?<=_)[A-Za-z]{2,})")
"""A word a formula names a function or a variable with: it touches a bracket, an argument's comma or an index
(``cum(t)``, ``E(posts, decay)``, ``sum_t``, ``fee_i``), or is a Greek letter's name. Prose in a formula
(``sum over items i of``, ``(unsaturated users)``) touches none."""


def _page_text(page: str) -> str:
    """What a reader reads of the report's HTML: its text, the tooltips and the charts' labels, entities
    unescaped; in a formula (``<code>``, a definition's tooltip) the names of its functions and variables
    are code."""
    page = re.sub(r"<style>.*?</style>|<code>[0-9a-f]{7,40}</code>", "", page, flags=re.S)  # and a commit's hash
    page = re.sub(r"<code>(.*?)</code>", lambda code: _FORMULA_NAME.sub(" ", code[1]), page, flags=re.S)
    tooltips = [_FORMULA_NAME.sub(" ", tip) for tip in re.findall(r' title="([^"]*)"', page)]
    text = html.unescape("\n".join([re.sub(r"<[^>]+>", "\n", page), *tooltips]))
    # A chart cuts a long name to fit (Xiaohongs…): the cut word is a name's when a name's word starts so.
    return re.sub(r"[A-Za-z]+…", lambda cut: "" if any(word.startswith(cut[0][:-1]) for word in NAME_WORDS) else cut[0], text)


def _readable(args: list[str], stdout: str) -> str:
    """What a reader reads of an output: the schema's titles and descriptions, CSV's cells below the header,
    a GitHub annotation's message, the report's text, any other text whole. JSON is not read: its messages stay
    English, the canonical text (present/messages_zh.py), for the programs that read it."""
    fmt = args[args.index("-f") + 1] if "-f" in args else "table"
    if args[0] == "report":
        return _page_text(stdout)
    if args[0] == "schema":
        return "\n".join(_schema_words(json.loads(stdout)))
    if fmt == "csv":
        header, *rows = list(csv.reader(io.StringIO(stdout)))
        # Columns of keys (a channel's type cpa, status movable; simulate's section and statistic; breakeven's
        # none reasons, JSON's words), as a file and a program write them.
        keys = {index for index, name in enumerate(header)
                if name in ("type", "status", "section", "statistic") or name.endswith("_none_reason")}
        return "\n".join(" ".join(cell for i, cell in enumerate(row) if i not in keys) for row in rows)
    if fmt == "github":
        # The title is ids kept English for searches (docs/ci.md): the rule, or the target's name as JSON gives it.
        return "\n".join(re.sub(r"^::\w+ .*?title=aigc-roi(?: check)?%3A [^,:]*::", "", line)
                         for line in stdout.splitlines() if not line.startswith(("::group", "::endgroup")))
    return stdout


def _outputs() -> list[list[str]]:
    files = [str(CHAT), str(GATED), str(VIDEO)]
    runs: list[list[str]] = []
    for fmt in ("table", "markdown"):
        runs += [["run", file, "-f", fmt, "--months", "--cohorts"] for file in files]
        runs += [["compare", str(CHAT), str(VIDEO), "-f", fmt],
                 ["compare", str(CHAT), "--variant", "cheap: acquisition[0].bid=20", "-f", fmt],
                 ["breakeven", str(CHAT), "-f", fmt], ["breakeven", str(GATED), "-f", fmt],
                 ["sensitivity", str(CHAT), "-f", fmt],
                 ["sensitivity", str(CHAT), "--grid", "acquisition[0].bid,monetization.plans[0].price", "-f", fmt],
                 ["simulate", str(GATED), "--samples", "200", "-f", fmt],
                 ["allocate", str(VIDEO), "--budget", "20万", "-f", fmt],
                 ["curves", str(VIDEO), "-f", fmt],
                 ["actuals", str(CHAT), *EXPORTS, "--map", "Douyin activation CPA=dy_*",
                  "--map", "Bilibili CPA (registered user)=bili_*", "-f", fmt]]
    runs += [["run", str(GATED), "-f", "csv", "--table", table]
             for table in ("figures", "channels", "months", "cohorts", "fits", "gates", "inputs")]
    runs += [["simulate", str(GATED), "--samples", "200", "-f", "csv"], ["curves", str(VIDEO), "-f", "csv"],
             ["curves", str(VIDEO), "-f", "csv", "--table", "fits"],
             ["breakeven", str(CHAT), "-f", "csv"], ["sensitivity", str(CHAT), "-f", "csv"],
             ["compare", str(CHAT), str(VIDEO), "-f", "csv"], ["allocate", str(VIDEO), "--budget", "20万", "-f", "csv"],
             ["compare", str(CHAT), CHEAPER, "--explain"], ["compare", str(CHAT), str(VIDEO), "--samples", "200"],
             ["compare", str(CHAT), str(VIDEO), "--samples", "200", "-f", "markdown"],
             ["allocate", str(CHAT), "-b", "30万", "--objective", "payback_probability", "--samples", "100"]]
    for fmt in ("text", "github"):
        runs += [["validate", str(TEMPLATES), "-f", fmt], ["check", str(GATED), str(STORY), str(MILESTONES), "-f", fmt]]
    runs += [["check", str(GATED), str(STORY), str(MILESTONES), "-f", fmt] for fmt in ("markdown", "table")]
    # The HTML page: figures with their definitions, the bridge, gates, milestones, ranges, a what-if, the budget
    # curve and what each channel buys, fitted curves, what moved each figure.
    runs += [["report", file, "--samples", "200"] for file in (str(GATED), str(MILESTONES))]
    runs += [["report", str(CHAT), "--samples", "200", "--set", "acquisition[0].bid=25", "--base", CHEAPER],
             ["report", str(VIDEO), "--samples", "200", "--allocate", "20万"]]
    runs += [["init", "--list"], ["init", "-"],
             ["init", "-", "-t", "video-tool-kol-then-feed"], ["schema"]]
    return runs


def _cheaper(folder: Path) -> str:
    text = CHAT.read_text(encoding="utf-8")
    assert "\n    bid: 30 " in text and "\n      price: 99 " in text
    path = folder / "chat-cheaper.yaml"
    path.write_text(text.replace("\n    bid: 30 ", "\n    bid: 25 ").replace("\n      price: 99 ", "\n      price: 109"),
                    encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("args", _outputs(), ids=" ".join)
def test_every_output_in_chinese_is_chinese(args: list[str], tmp_path: Path) -> None:
    args = [_cheaper(tmp_path) if arg == CHEAPER else arg for arg in args]
    result = invoke([*args, "--lang", "zh"])
    assert result.exit_code in (0, 1), result.stderr
    text = _readable(args, result.stdout) + "\n" + result.stderr
    assert stray_words(text) == []


def test_channel_types_and_the_organic_row_in_chinese() -> None:
    """A type is a key of the format, so the word test lets 'cpa' pass: the type column is held to its Chinese here."""
    table = invoke(["run", str(GATED), "--lang", "zh"]).stdout
    channels_part = table[re.search(r"^渠道 *$", table, re.M).start():table.index("闸门")]  # before the gates' table
    rows = {line.split("│")[1].strip(): line.split("│")[2].strip() for line in channels_part.splitlines()
            if line.startswith("│")}
    assert rows == {"Douyin creators": "达人", "Feed ads": "按展示付费", "Bilibili CPA": "按转化付费", "自然流量": "自然"}
    channels = invoke(["run", str(GATED), "--lang", "zh", "-f", "csv", "--table", "channels"]).stdout.splitlines()
    assert [line.split(",")[:3] for line in channels[1:]] == [
        ["Douyin creators", "acquisition[0]", "kol"], ["Feed ads", "acquisition[1]", "cpm"],
        ["Bilibili CPA", "acquisition[2]", "cpa"], ["自然流量", "organic_users", "organic"]]
    assert invoke(["run", str(GATED), "-f", "csv", "--table", "channels"]).stdout.splitlines()[-1].startswith(
        "Organic,organic_users,organic,")


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_every_help_in_chinese_is_chinese(command: str) -> None:
    result = invoke([*([command] if command else []), "--help", "--lang", "zh"])
    assert result.exit_code == 0
    assert "[OPTIONS]" not in result.stdout and "COMMAND [ARGS]" not in result.stdout
    assert stray_words(result.stdout) == []


@pytest.mark.parametrize("args", [
    ["run", "missing.yaml"], ["run", str(CHAT), "--format", "x"], ["run", str(CHAT), "--bogus"], ["rnu"],
    ["allocate", str(VIDEO)], ["allocate", str(VIDEO), "--budget", "lots"], ["check", str(CHAT), "--base", "no-such-ref"],
    ["run", str(CHAT), "--plot", "x.pdf"], ["init", "-", "-t", "chat"], ["compare", str(CHAT)],
    ["allocate", str(CHAT), "--target-roas", "1.3"], ["allocate", str(CHAT), "-b", "30万", "--min", "Douyin activation CPA=40万"],
    ["allocate", str(CHAT), "-b", "30万", "--max", "Douyin activation CPA=1万", "--max", "Bilibili CPA (registered user)=1万"],
    ["allocate", str(CHAT), "-b", "1万", "--lock", "Douyin activation CPA", "--lock", "Bilibili CPA (registered user)"],
    ["allocate", str(CHAT), "--target-roas", "-1"], ["allocate", str(CHAT), "--target-roas", "x"],
    ["allocate", str(CHAT), "-b", "1万", "--min-payback-probability", "2"], ["allocate", str(CHAT), "-b", "1万", "--min", "A"],
    ["allocate", str(CHAT), "-b", "1万", "--max-cash-need", "abc"], ["sensitivity", str(CHAT), "--grid", "a,b"],
    ["actuals", str(CHAT), *EXPORTS, "--map", "x"], ["simulate", str(CHAT), "--percentiles", "5,150"],
    ["allocate", str(CHAT), "-b", "1万", "--min-payback-probability", "80"], ["sensitivity", str(CHAT), "--step", "20"],
    ["sensitivity", str(CHAT), "--grid", "Douyin activation CPA.bidd,Annual member.price"], ["init", "--list", "my.yaml"],
], ids=" ".join)
def test_every_error_in_chinese_is_chinese(args: list[str]) -> None:
    result = invoke([*args, "--lang", "zh"])
    assert result.exit_code == 2
    # An option's problem names the program first, as click's own errors do; a file's, the file.
    assert not result.stderr.startswith("-"), result.stderr
    assert stray_message_words(result.stderr) == []


def test_workbooks_name_their_sheets_in_chinese(tmp_path: Path) -> None:
    import openpyxl

    run_book, compare_book = tmp_path / "run.xlsx", tmp_path / "compare.xlsx"
    assert invoke(["run", str(GATED), "-f", "xlsx", "-o", str(run_book), "--lang", "zh"]).exit_code == 0
    assert openpyxl.load_workbook(run_book).sheetnames == ["核心指标", "渠道", "月度现金流", "同期群", "闸门", "输入"]
    args = ["compare", str(CHAT), _cheaper(tmp_path), "--explain", "-f", "xlsx", "-o", str(compare_book), "--lang", "zh"]
    assert invoke(args).exit_code == 0
    assert openpyxl.load_workbook(compare_book).sheetnames == ["方案对比", "变化来源"]
    assert invoke(["run", str(GATED), "-f", "xlsx", "-o", str(run_book), "--force"]).exit_code == 0
    assert openpyxl.load_workbook(run_book).sheetnames == ["figures", "channels", "months", "cohorts", "gates", "inputs"]



BAD_VALUES = {
    "number": ["", "x", "nan", "-1", "0", "1e999", "1.5"],
    "text": ["", " ", "x", "0", "-1", "nan", "1e999", "a=b", "x: y=1"],
    "choice": ["", "x"],
    "path": ["", ".", "no-such-folder/x.csv"],
}
"""Values an option of each kind refuses, or the most options of it do: a text option (--budget, --set, --variant,
--reach, ...) reads its own grammar, so it gets empty, blank, a word, numbers out of range, a stray = or colon."""
GRAMMAR_VALUES = {
    "--set": ["acquisition[0].bid=x", "acquisition[9].bid=1", "retention.monthly_churn=2", "x=-5", "acquisition[0]=1"],
    "--variant": ["cheap: acquisition[0].bid=x", "cheap: x=1", "cheap:", ": acquisition[0].bid=1"],
    "--budget": ["-5", "5w", "1,000", "1e16", "1e-300"], "--allocate": ["-5", "5w", "1e16", "1e-300"],
    "--total": ["5w"], "--max-cash-need": ["-5", "5w"],
    "--reach": ["net_cash@6=1", "subscribers@99=1", "subscribers@6=x", "subscribers=1"],
    "--min": ["A", "Nope=1万", "Douyin creators=-1", "Douyin creators=x"], "--max": ["Nope=1万", "Douyin creators=1"],
    "--lock": ["Nope", "Organic"],
    "--map": ["Nope=dy_*", "=dy_*", "Douyin activation CPA="],
    "--grid": ["a,b", "acquisition[0].bid,acquisition[0].bid", "acquisition[0].bid"],
    "--percentiles": ["5,150", "50%", "5,,95", "5,5.0000000000000001"], "--step": ["20", "1.5"],
    "--template": ["chat", "../x"], "--base": ["no-such-ref", "HEAD~999"],
}
"""Values an option's own grammar refuses, each at a different step of it: the deeper refusals of each option."""
SWEEP_BASES = {
    "run": [str(CHAT)], "compare": [str(CHAT), str(VIDEO), "--samples", "50"], "breakeven": [str(CHAT)],
    "sensitivity": [str(CHAT)], "simulate": [str(CHAT), "--samples", "50"],
    "allocate": [str(VIDEO), "-b", "20万"],
    "actuals": [str(CHAT), *EXPORTS, "--map", "Douyin activation CPA=dy_*", "--map", "Bilibili CPA (registered user)=bili_*"],
    "validate": [str(CHAT)], "check": [str(CHAT), "--samples", "50"], "schema": [], "init": ["-"],
    "curves": [str(VIDEO)], "report": [str(CHAT), "--samples", "50"],
}
"""What each command is given beside the swept option: a run that succeeds, and fast (few samples; the swept option
comes after, so a --samples swept wins; allocate refuses --samples where its objective draws none)."""
SWEEP_BASE_FOR = {("compare", "--variant"): [str(CHAT)], **dict.fromkeys(
    [("allocate", option) for option in ("--total", "--target-roas", "--reach")], [str(VIDEO)]), **dict.fromkeys(
    [("allocate", option) for option in ("--min", "--max", "--lock")], [str(GATED), "-b", "20万"])}
"""A variant varies one FILE (with two, the count is refused first); allocate takes one of --budget, --total,
--target-roas and --reach, and its bounds name the gated plan's channels."""


def _option_kind(param: Any) -> str:
    kind = getattr(param.type, "name", "")
    return ("number" if kind in ("integer", "float", "integer range", "float range")
            else kind if kind in ("choice", "path") else "text")


def _bad_option_values() -> list[list[str]]:
    from aigc_roi.cli.commands import build_command

    runs = []
    for name in COMMANDS:
        for param in build_command(name).params:
            if param.param_type_name != "option" or getattr(param, "is_flag", False):
                continue
            option = param.opts[0]
            base = SWEEP_BASE_FOR.get((name, option), SWEEP_BASES[name])
            values = BAD_VALUES[_option_kind(param)] + GRAMMAR_VALUES.get(option, [])
            runs += [[name, *base, option, value] for value in values]
    return runs


@pytest.mark.parametrize("args", _bad_option_values(), ids=" ".join)
def test_every_bad_option_value_in_chinese_is_chinese(args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every option of every command with values it refuses (one it takes runs, in a folder of its own): what is
    said of a value is Chinese, whichever layer refused it (click, the option's own check, the command, the
    library below it)."""
    monkeypatch.chdir(tmp_path)
    result = invoke([*args, "--lang", "zh"])
    assert result.exit_code in (0, 1, 2), result.stderr
    assert stray_message_words(result.stderr) == []
