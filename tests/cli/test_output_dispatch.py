"""The one output path (cli/output.py): every command's --plot and --format go through the same checks."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from cli_runner import invoke

SCENARIO = Path(__file__).resolve().parents[2] / "scenarios" / "chat-assistant-cpa.yaml"


@pytest.mark.parametrize("command", [
    ["run"],
    # simulate and allocate drew their chart with no check for matplotlib: an internal error without it.
    ["simulate", "--samples", "50"],
    ["allocate", "--budget", "50万"],
])
def test_every_plot_without_matplotlib_names_the_extra_before_computing(
        command: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import now raises ImportError, as when not installed
    result = invoke([command[0], str(SCENARIO), *command[1:], "--plot", "out.svg"])
    assert result.exit_code == 2
    assert result.stderr == "aigc-roi: --plot needs the matplotlib package: pip install 'aigc-roi[plot]'\n"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [["run"], ["simulate", "--samples", "50"], ["allocate", "--budget", "50万"]])
def test_every_plot_refuses_a_suffix_it_cannot_write(command: list[str], tmp_path: Path) -> None:
    result = invoke([command[0], str(SCENARIO), *command[1:], "--plot", str(tmp_path / "cash.gif")])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "cash.gif" in result.stderr and ".svg" in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [["compare", str(SCENARIO), str(SCENARIO)], ["actuals", str(SCENARIO), str(SCENARIO)],
                                     ["run", str(SCENARIO)]])
def test_every_workbook_needs_a_file(command: list[str]) -> None:
    result = invoke([*command, "-f", "xlsx"])
    assert result.exit_code == 2
    assert result.stdout == "" and result.stderr.count("\n") == 1 and "-o FILE.xlsx" in result.stderr


SMALL = """version: 1
name: Small
horizon_months: 3
acquisition:
  - {name: A, type: cpa, bid: 10, users: 100}
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: Item, price: 20, rate: 1}]
"""

# Every command that writes a --format to --output, with the arguments it needs besides the plan.
COMMANDS = {
    "run": [], "compare": ["{plan}"], "breakeven": [], "sensitivity": [], "simulate": ["--samples", "50"],
    "allocate": ["--budget", "2000"], "curves": [],
}


def _command(name: str, plan: Path) -> list[str]:
    return [name, str(plan), *(arg.format(plan=plan) for arg in COMMANDS[name])]


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "small.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "suffix", "format_"), [
    ("run", ".csv", "csv"), ("run", ".md", "markdown"), ("compare", ".json", "json"), ("breakeven", ".CSV", "csv"),
    ("sensitivity", ".markdown", "markdown"), ("simulate", ".json", "json"), ("allocate", ".csv", "csv"),
    ("curves", ".md", "markdown"),
])
def test_without_format_the_output_files_extension_chooses_it(name: str, suffix: str, format_: str, plan: Path) -> None:
    """QA: `run plan.yaml -o plan.csv` wrote the terminal's table into plan.csv; it writes what -f csv prints."""
    out = plan.parent / f"out{suffix}"
    result = invoke([*_command(name, plan), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert out.read_text(encoding="utf-8") == invoke([*_command(name, plan), "-f", format_]).stdout


@pytest.mark.parametrize("name", ["run", "compare"])
def test_without_format_an_xlsx_output_is_a_workbook(name: str, plan: Path) -> None:
    """QA: `run plan.yaml -o plan.xlsx` wrote text that spreadsheets refuse to open."""
    out = plan.parent / "plan.xlsx"
    result = invoke([*_command(name, plan), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes()[:2] == b"PK"  # a workbook is a zip archive


@pytest.mark.parametrize(("name", "format_", "suffix"), [
    ("run", "csv", ".xlsx"), ("run", "xlsx", ".csv"), ("compare", "table", ".md"), ("breakeven", "json", ".csv"),
    ("allocate", "markdown", ".json"),
])
def test_a_format_the_extension_contradicts_is_refused(name: str, format_: str, suffix: str, plan: Path) -> None:
    out = plan.parent / f"out{suffix}"
    for lang, words in (("en", "does not match"), ("zh", "不符")):
        result = invoke([*_command(name, plan), "-f", format_, "-o", str(out), "--lang", lang])
        assert result.exit_code == 2
        assert result.stdout == "" and result.stderr.count("\n") == 1 and result.stderr.startswith(f"aigc-roi: {out}")
        assert f"--format {format_}" in result.stderr and suffix in result.stderr and words in result.stderr
    assert not out.exists()


@pytest.mark.parametrize(("args", "format_"), [([], None), (["-f", "csv"], "csv")])
@pytest.mark.parametrize("name", ["breakeven", "simulate"])
def test_an_extension_of_a_format_the_command_does_not_write_is_refused(
        name: str, args: list[str], format_: str | None, plan: Path) -> None:
    out = plan.parent / "out.xlsx"
    result = invoke([*_command(name, plan), *args, "-o", str(out)])
    assert result.exit_code == 2
    assert result.stdout == "" and result.stderr.count("\n") == 1 and result.stderr.startswith(f"aigc-roi: {out}")
    assert "xlsx" in result.stderr and "table, json, csv, markdown" in result.stderr
    assert format_ is None or f"--format {format_}" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize(("name", "suffix", "named"), [
    ("run", ".html", "html"), ("simulate", ".PNG", "png"), ("compare", ".svg", "svg"), ("allocate", ".htm", "html"),
    ("breakeven", ".parquet", "parquet"),
])
def test_an_extension_of_a_format_only_other_outputs_write_is_refused(name: str, suffix: str, named: str, plan: Path) -> None:
    """QA: `run plan.yaml -o plan.html` wrote the terminal's table into plan.html, a page no browser lays out."""
    out = plan.parent / f"out{suffix}"
    result = invoke([*_command(name, plan), "-o", str(out)])
    assert result.exit_code == 2
    assert result.stdout == "" and result.stderr.count("\n") == 1 and result.stderr.startswith(f"aigc-roi: {out}")
    assert f"{name} does not write {named}, the format of the extension {suffix.lower()}" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("name", ["out.txt", "out", "out.yaml"])
def test_another_extension_or_none_keeps_the_format_asked_or_the_table(name: str, plan: Path) -> None:
    out = plan.parent / name
    assert invoke(["breakeven", str(plan), "-f", "csv", "-o", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8") == invoke(["breakeven", str(plan), "-f", "csv"]).stdout
    out.unlink()
    assert invoke(["breakeven", str(plan), "-o", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("Break-even · Small")


ONE_FORMAT = {"schema": (["schema"], "json"), "report": (["report", "{plan}", "--samples", "20"], "html")}


@pytest.mark.parametrize(("name", "suffix", "named"), [
    ("schema", ".csv", "csv"), ("schema", ".XLSX", "xlsx"), ("schema", ".md", "markdown"),
    ("report", ".json", "json"), ("report", ".markdown", "markdown"), ("report", ".csv", "csv"),
    ("schema", ".html", "html"), ("schema", ".Svg", "svg"), ("report", ".png", "png"), ("report", ".parquet", "parquet"),
])
def test_a_command_of_one_format_refuses_an_extension_of_another(name: str, suffix: str, named: str, plan: Path) -> None:
    """QA: `schema -o x.csv` wrote JSON into x.csv, and `report -o x.md` HTML, with nothing said."""
    command, written = ONE_FORMAT[name]
    out = plan.parent / f"out{suffix}"
    args = [word.format(plan=plan) for word in command]
    for lang, said in (("en", f"aigc-roi: {out}: {command[0]} does not write {named}, the format of the extension {suffix.lower()}; "
                              f"its formats: {written}"),
                       ("zh", f"aigc-roi: {out}: {command[0]} 不能写出扩展名 {suffix.lower()} 对应的格式 {named}；它的格式：{written}")):
        result = invoke([*args, "-o", str(out), "--lang", lang])
        assert result.exit_code == 2
        assert result.stdout == "" and result.stderr == said + "\n"
    assert not out.exists()


@pytest.mark.parametrize("name", ["out.json", "out.txt", "out", "out.yaml"])
def test_schema_writes_its_json_to_its_own_extension_another_or_none(name: str, tmp_path: Path) -> None:
    out = tmp_path / name
    assert invoke(["schema", "-o", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8") == invoke(["schema"]).stdout


@pytest.mark.parametrize("name", ["out.html", "out.HTM"])
def test_report_writes_its_page_to_either_html_extension(name: str, plan: Path) -> None:
    out = plan.parent / name
    result = invoke(["report", str(plan), "--samples", "20", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(("command", "name", "start"), [
    (["run"], "cash.PNG.", b"\x89PNG"), (["run"], "cash.ＰＮＧ", b"\x89PNG"), (["run"], "cash.Svg ", b"<?xml"),
    (["simulate", "--samples", "50"], "fan.png. .", b"\x89PNG"), (["allocate", "--budget", "50万"], "curve.ｓｖｇ", b"<?xml"),
])
def test_a_plots_extension_is_read_as_an_outputs_is(command: list[str], name: str, start: bytes, tmp_path: Path) -> None:
    """`-o plan.csv.` and `-o plan.ＣＳＶ` are CSV (Windows drops the ending dots and spaces, a Chinese input method types
    full-width letters); `--plot cash.PNG.` was refused as no .svg or .png. Every option reads its extension one way."""
    out = tmp_path / name
    result = invoke([command[0], str(SCENARIO), *command[1:], "--plot", str(out), "-q"])
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes().startswith(start)


@pytest.mark.parametrize("name", ["cash.gif.", "cash.ＧＩＦ", "cash.png.gif "])
def test_a_plots_extension_it_cannot_write_is_refused_however_written(name: str, tmp_path: Path) -> None:
    out = tmp_path / name
    for lang, said in (("en", f"aigc-roi: --plot: expected a file name ending in .svg or .png, found {out}\n"),
                       ("zh", f"aigc-roi: --plot：应为以 .svg 或 .png 结尾的文件名，实际为 {out}\n")):
        result = invoke(["run", str(SCENARIO), "--plot", str(out), "--lang", lang])
        assert result.exit_code == 2
        assert result.stderr == said
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["draws.CSV.", "draws.ｃｓｖ", "draws.csv "])
def test_a_samples_files_extension_is_read_as_an_outputs_is(name: str, tmp_path: Path) -> None:
    plain, out = tmp_path / "plain.csv", tmp_path / name
    for path in (plain, out):
        result = invoke(["simulate", str(SCENARIO), "--samples", "20", "--samples-out", str(path), "-q"])
        assert result.exit_code == 0, result.stderr
    assert out.read_bytes() == plain.read_bytes()
