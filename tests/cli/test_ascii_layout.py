"""Every command's view on a stdout that cannot write Chinese (``PYTHONIOENCODING=ascii``, ``LC_ALL=C``, a CI log)
is laid out in what it writes: a Chinese name as its escape (``\\u6296``, six columns where 抖 took two), a symbol as
its stand-in (``‡`` as ``^^``). Escaped after Rich and the views' own layout had measured each character, a plan whose
channels have Chinese names ran a row past its table's right border and past the 80 columns of the terminal."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_every_width import COMMANDS
from test_snapshots_80 import write_plans
from typer.testing import CliRunner, Result, _NamedTextIOWrapper

from aigc_roi.cli.app import app

WIDTH = 80
VIEWS = {**COMMANDS, "check-table": ["check", "huajing.yaml", "cheaper.yaml", "--format", "table"]}
"""Each command's view (test_every_width's): of HUAJING, whose scenario and channels have Chinese names (画镜 AI写真,
小红书KOC, ...), and of bundled plans named in Chinese and English (对话助手 Chat assistant)."""


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_plans(tmp_path_factory.mktemp("plans"))


def _ascii_run(command: str, lang: str, folder: Path, monkeypatch: pytest.MonkeyPatch) -> Result:
    monkeypatch.chdir(folder)
    result = CliRunner(charset="ascii").invoke(app, [*VIEWS[command], "--lang", lang],
                                               env={"COLUMNS": str(WIDTH), "TERM": "dumb"})
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1, 2), result.stderr
    assert result.stdout.isascii()
    return result


def _framed_runs(text: str) -> list[list[str]]:
    """Each table's lines, Rich's ASCII frame: a border or a row, a rule or bar at each end; a table's bottom border
    and the next one's top, two borders in a row, part them."""
    runs: list[list[str]] = [[]]
    for line in text.splitlines():
        framed = line[:1] in "+|" and line.rstrip()[-1:] in "+|" and len(line.rstrip()) > 1
        if runs[-1] and (not framed or (line[:1] == "+" and runs[-1][-1][:1] == "+")):
            runs.append([])
        if framed:
            runs[-1].append(line)
    return [run for run in runs if run]


def _misfits(text: str) -> list[str]:
    """A table's lines wider than the terminal, and each table whose lines are not all as wide as its border."""
    wide = [line for run in _framed_runs(text) for line in run if len(line) > WIDTH]
    ragged = ["\n".join(run) for run in _framed_runs(text) if len({len(line) for line in run}) > 1]
    return wide + ragged


def test_the_checker_sees_a_row_past_its_border() -> None:
    # The row old code wrote, laid out for 小红书KOC (9 columns) and written as its escape (21), and as it should be.
    ragged = "+-----------+\n| \\u5c0f\\u7ea2\\u4e66KOC |\n+-----------+"
    laid_out = "+-----------------------+\n| \\u5c0f\\u7ea2\\u4e66KOC |\n+-----------------------+"
    assert _misfits(ragged) == [ragged] and _misfits(laid_out) == []
    # Two tables, one under the other, each keeping to its own borders.
    assert _misfits(laid_out + "\n+--+\n|  |\n+--+") == []
    assert _misfits("+" + "-" * 80 + "+") == ["+" + "-" * 80 + "+"]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("command", list(VIEWS))
def test_a_log_tables_keep_to_their_borders_and_the_page(plans: Path, monkeypatch: pytest.MonkeyPatch, command: str,
                                                         lang: str) -> None:
    result = _ascii_run(command, lang, plans, monkeypatch)
    assert _misfits(result.stdout) == [], result.stdout


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("command", ["run", "compare", "breakeven", "sensitivity", "simulate", "allocate", "actuals",
                                     "curves", "init"])
def test_on_a_terminal_every_line_fits_it(plans: Path, monkeypatch: pytest.MonkeyPatch, command: str,
                                          lang: str) -> None:
    """A terminal in a C locale: titles and captions are laid out at its width too (a log writes a title whole)."""
    monkeypatch.setattr(_NamedTextIOWrapper, "isatty", lambda stream: stream.name == "<stdout>")
    result = _ascii_run(command, lang, plans, monkeypatch)
    assert [line for line in result.stdout.splitlines() if len(line) > WIDTH] == [], result.stdout
    assert _misfits(result.stdout) == [], result.stdout


def test_a_chinese_name_is_laid_out_whole_as_its_escape(plans: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = _ascii_run("run", "en", plans, monkeypatch)
    # The figures panel's title on its border whole: centred by the name's own width, its end was cut ("(CN-+").
    assert " \\u753b\\u955c AI\\u5199\\u771f - Figures (CNY) -" in result.stdout.splitlines()[0]
    rows = [line for line in result.stdout.splitlines() if line.startswith("| ") and ("CPA" in line or "KOC" in line)]
    # One line a channel, its name's escapes whole in a column as wide as the widest: \u6296\u97f3\u6fc0\u6d3bCPA.
    assert rows[0].startswith("| \\u5c0f\\u7ea2\\u4e66KOC       | ")
    assert rows[1].startswith("| B\\u7ad9\\u6ce8\\u518cCPA      | ")
    assert rows[2].startswith("| \\u6296\\u97f3\\u6fc0\\u6d3bCPA | ")


def test_a_symbol_is_laid_out_as_its_stand_in(plans: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A month ‡-marked (not reported in a row's cell) is 2025-03^^ in ASCII: measured as 2025-03‡, it was folded.
    # The README's bilibili.csv with one N/A new_users cell (its blank impressions are a missing column, unmarked).
    bilibili = VIEWS["actuals"][3]
    header, first, *rest = Path(bilibili).read_text(encoding="utf-8").splitlines()
    cells = first.split(",")
    cells[header.split(",").index("new_users")] = "N/A"
    (plans / "bilibili-na.csv").write_text("\n".join([header, ",".join(cells), *rest]) + "\n", encoding="utf-8")
    monkeypatch.setitem(VIEWS, "actuals", [*VIEWS["actuals"][:3], str(plans / "bilibili-na.csv"), *VIEWS["actuals"][4:]])
    result = _ascii_run("actuals", "en", plans, monkeypatch)
    assert "| 2025-03^^ |" in result.stdout and "| ^  " not in result.stdout, result.stdout
