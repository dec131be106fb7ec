"""A result computed with --set says so in every format of every command that takes --set (present/what_if.py,
through cli/output.py's one path): JSON's ``set``, CSV's ``what_if`` column, markdown's heading, the terminal's first
line, the workbook's first sheet and a chart's title; without --set, none of them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest
import typer.main
from cli_runner import invoke
from typer import _click

from aigc_roi.cli.app import app

PLAN = """\
name: Small
currency: CNY
horizon_months: 6
start: 2024-11
acquisition:
  - {name: A, type: cpa, bid: 20, budget: 10_000, saturation_budget: 50_000}
  - {name: B, type: cpa, bid: 20, budget: 10_000, saturation_budget: 50_000, months: 2-4}
retention: {monthly_churn: 0.3}
monetization:
  purchases: [{name: item, price: 100, rate: 0.5}]
"""

COMMANDS = {
    "run": ["run"],
    "compare": ["compare", "{plan}"],
    "breakeven": ["breakeven"],
    "sensitivity": ["sensitivity"],
    "grid": ["sensitivity", "--grid", "A.bid,B.bid", "--grid-steps", "3"],
    "simulate": ["simulate", "--samples", "20"],
    "allocate": ["allocate", "--budget", "20000"],
    "curves": ["curves"],
}
"""Every command that takes --set and writes through cli/output.py's deliver, with what it needs to run."""
OWN_OUTPUT = {"report", "check"}
"""Commands that take --set and write their own output: report's page says "What-if", check is tested below."""
SETS = ["--set", "A.bid=25", "--set", "discount_rate=10%"]


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def _out(plan: Path, command: str, *args: str) -> str:
    name, *rest = COMMANDS[command]
    result = invoke([name, str(plan), *(part.format(plan=plan) for part in rest), *args], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_every_command_with_set_is_marked_here() -> None:
    """A new command taking --set must be added to COMMANDS (or mark its own output)."""
    root = typer.main.get_command(app)
    assert isinstance(root, typer.core.TyperGroup)
    context = _click.Context(root, info_name="aigc-roi")
    taking = {name for name in root.list_commands(context)
              if any("--set" in getattr(param, "opts", ()) for param in root.get_command(context, name).params)}
    assert taking == {COMMANDS[command][0] for command in COMMANDS} | OWN_OUTPUT


@pytest.mark.parametrize("command", list(COMMANDS))
def test_json_lists_the_overrides_as_typed(plan: Path, command: str) -> None:
    data = json.loads(_out(plan, command, *SETS, "-f", "json"))
    assert data["set"] == [{"path": "A.bid", "value": "25"}, {"path": "discount_rate", "value": "10%"}]
    keys = list(data)
    # Right after the scenario's name where the document has one, so a reader meets it before any number.
    assert keys.index("set") == (keys.index("scenario") + 1 if "scenario" in keys else 0)
    assert "set" not in json.loads(_out(plan, command, "-f", "json"))


@pytest.mark.parametrize("command", list(COMMANDS))
def test_csv_has_a_what_if_column_on_every_row(plan: Path, command: str) -> None:
    table = list(csv.reader(io.StringIO(_out(plan, command, *SETS, "-f", "csv"))))
    plain = list(csv.reader(io.StringIO(_out(plan, command, "-f", "csv"))))
    header = table[0]
    assert "what_if" in header and "what_if" not in plain[0]
    at = header.index("what_if")
    assert {row[at] for row in table[1:]} == {"A.bid=25; discount_rate=10%"}
    # The other columns keep their keys and order (compare's name each scenario's source, --set and all), currency
    # still last where the table has one.
    kept = header[:at] + header[at + 1:]
    assert kept == plain[0] if command != "compare" else (kept[0], kept[-2:]) == (plain[0][0], plain[0][-2:])
    assert header[-1] == "currency" if plain[0][-1] == "currency" else header[-1] == "what_if"


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_markdown_heading_and_terminal_first_line_name_the_overrides(plan: Path, command: str, lang: str) -> None:
    marked = _out(plan, command, *SETS, "-f", "markdown", "--lang", lang)
    plain = _out(plan, command, "-f", "markdown", "--lang", lang)
    first, rest = marked.split("\n", 1)
    mark = " · what-if: A.bid=25; discount_rate=10%" if lang == "en" else " · 假设分析：A.bid=25；discount_rate=10%"
    assert first.startswith("#") and first.endswith(mark)
    assert first.removesuffix(mark) == plain.split("\n", 1)[0]
    line = _out(plan, command, *SETS, "--lang", lang).split("\n", 1)[0].rstrip()
    assert line == ("What-if: A.bid=25; discount_rate=10% (--set), not the plan as written" if lang == "en"
                    else "假设分析：A.bid=25；discount_rate=10%（--set），并非文件所写的方案")
    assert "what-if" not in plain.lower() and "What-if" not in _out(plan, command)


@pytest.mark.parametrize("command", ["run", "compare"])
def test_the_workbook_opens_on_a_what_if_sheet(plan: Path, tmp_path: Path, command: str) -> None:
    marked, plain = tmp_path / "marked.xlsx", tmp_path / "plain.xlsx"
    _out(plan, command, *SETS, "-o", str(marked))
    _out(plan, command, "-o", str(plain))
    book, before = openpyxl.load_workbook(marked), openpyxl.load_workbook(plain)
    assert book.sheetnames == ["what-if", *before.sheetnames]
    assert book.active is not None and book.active.title == "what-if"
    rows = list(book["what-if"].iter_rows(values_only=True))
    assert rows[0][0] == "What-if: the file changed by the --set values below, not the plan as written."
    assert rows[2:] == [("Field path", "Value"), ("A.bid", "25"), ("discount_rate", "10%")]
    # The sheets behind it kept as the presenter wrote them: each cell's number format, the frozen header (run's
    # inputs sheet has a row more, discount_rate, which the file does not set).
    for name in before.sheetnames[:3]:
        assert [[cell.number_format for cell in row] for row in book[name].iter_rows()] == \
            [[cell.number_format for cell in row] for row in before[name].iter_rows()]
        assert book[name].freeze_panes == before[name].freeze_panes == "A2"


def test_the_chinese_workbook_names_its_sheet_in_chinese(plan: Path, tmp_path: Path) -> None:
    marked = tmp_path / "marked.xlsx"
    _out(plan, "run", *SETS, "--lang", "zh", "-o", str(marked))
    book = openpyxl.load_workbook(marked)
    assert book.sheetnames[0] == "假设分析"
    assert list(book["假设分析"].iter_rows(values_only=True))[2] == ("字段路径", "数值")


def test_check_marks_json_and_markdown_and_notes_the_others(plan: Path) -> None:
    data = json.loads(invoke(["check", str(plan), *SETS, "-f", "json"]).stdout)
    assert data["set"] == [{"path": "A.bid", "value": "25"}, {"path": "discount_rate", "value": "10%"}]
    markdown = invoke(["check", str(plan), *SETS, "-f", "markdown"]).stdout
    assert markdown.split("\n", 1)[0].endswith(" · what-if: A.bid=25; discount_rate=10%")
    text = invoke(["check", str(plan), *SETS, "-f", "text"])
    assert "What-if: A.bid=25; discount_rate=10% (--set), not the plan as written\n" in text.stderr
    assert "set" not in json.loads(invoke(["check", str(plan), "-f", "json"]).stdout)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("command", [*COMMANDS, "report", "check"])
def test_a_refused_set_announces_no_what_if(plan: Path, tmp_path: Path, command: str, lang: str) -> None:
    """A --set no file could take computed nothing: the refusal alone, never a what-if that did not run."""
    name, *rest = COMMANDS.get(command, [command])
    args = [name, str(plan), *(part.format(plan=plan) for part in rest), "--set", "Nope.bid=20", "--lang", lang]
    result = invoke([*args, *(["-o", str(tmp_path / "page.html")] if command == "report" else [])])
    assert result.exit_code == 2, result.stdout
    assert "Nope" in result.stdout + result.stderr
    assert "What-if" not in result.stdout + result.stderr and "假设分析" not in result.stdout + result.stderr


@pytest.mark.parametrize("fmt", ["text", "table", "github", "json", "markdown"])
def test_check_marks_nothing_when_no_file_was_checked_under_the_set(plan: Path, tmp_path: Path, fmt: str) -> None:
    # The value is refused in the one file, and a file invalid on its own computes nothing under a good --set either.
    broken = tmp_path / "broken.yaml"
    broken.write_text(PLAN.replace("horizon_months: 6", "horizon_months: 0"), encoding="utf-8")
    for args in ([str(plan), "--set", "A.bid=-5"], [str(broken), "--set", "A.bid=25"]):
        result = invoke(["check", *args, "-f", fmt])
        assert result.exit_code == 2, result.stderr
        assert "what-if" not in (result.stdout + result.stderr).lower()
        if fmt == "json":
            assert "set" not in json.loads(result.stdout)
    # One file checked under it: the others' refusals do not unmark it.
    result = invoke(["check", str(plan), str(broken), "--set", "A.bid=25", "-f", fmt])
    if fmt == "json":
        assert json.loads(result.stdout)["set"] == [{"path": "A.bid", "value": "25"}]
    else:
        assert "what-if: a.bid=25" in (result.stdout + result.stderr).lower()
