"""Each command's ``-o`` help lists the extensions whose format it writes without ``--format``, and no other: a tester
found every command's help offering .xlsx, which breakeven, sensitivity, simulate, allocate and curves refuse."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_runner import invoke

ROOT = Path(__file__).resolve().parents[2]
CHAT = ROOT / "scenarios" / "chat-assistant-cpa.yaml"
EXPORTS = [str(ROOT / "examples" / "actuals" / name) for name in ("douyin-ocean-engine.csv", "bilibili.csv")]

SMALL = """version: 1
name: Small
horizon_months: 3
acquisition:
  - {name: A, type: cpa, bid: 10, users: 100}
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: Item, price: 20, rate: 1}]
"""

FORMAT_SUFFIXES = (".csv", ".json", ".md", ".markdown", ".xlsx", ".html", ".htm", ".svg", ".png", ".parquet")
"""Every extension that names a format of the project (but YAML): an -o FILE ending in any other writes --format's
default, whatever the command."""

# Every command that writes a --format to -o, with what it needs to run: {plan} a small plan of one channel.
COMMANDS = {
    "run": ["{plan}"], "compare": ["{plan}", "{plan}"], "breakeven": ["{plan}"], "sensitivity": ["{plan}"],
    "simulate": ["{plan}", "--samples", "20"], "allocate": ["{plan}", "--budget", "2000"], "curves": ["{plan}"],
    "actuals": [str(CHAT), *EXPORTS, "--map", "Douyin activation CPA=dy_*", "--map", "Bilibili CPA (registered user)=bili_*"],
}
WRITTEN = {
    "run": {".json", ".csv", ".md", ".markdown", ".xlsx"}, "compare": {".json", ".csv", ".md", ".markdown", ".xlsx"},
    "actuals": {".json", ".csv", ".md", ".markdown", ".xlsx"},
    **dict.fromkeys(["breakeven", "sensitivity", "simulate", "allocate", "curves"], {".json", ".csv", ".md", ".markdown"}),
}
"""By hand, from each command's --format choices (its --help's [table|json|...]): the extensions of its formats."""


def _output_help(name: str, lang: str) -> str:
    """The text of ``-o``'s help in ``name --help``, its lines joined again."""
    result = invoke([name, "--help", "--lang", lang], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.split("-o, --output FILE", 1)[1].splitlines()
    text = [lines[0].strip()]
    for line in lines[1:]:
        if line.startswith("  -"):  # the next option (the help's own lines are indented further)
            break
        text.append(line.strip())
    return " ".join(text)


def listed_suffixes(name: str, lang: str) -> list[str]:
    """The extensions ``-o``'s help names, in its order."""
    return re.findall(r"(?<![\w.])\.[a-z]+\b", _output_help(name, lang))


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", list(COMMANDS))
def test_outputs_help_lists_the_extensions_of_the_commands_formats(name: str, lang: str) -> None:
    listed = listed_suffixes(name, lang)
    assert len(listed) == len(set(listed)) and set(listed) == WRITTEN[name], (name, lang, listed)


def test_the_help_reads_in_each_language() -> None:
    assert _output_help("breakeven", "en") == (
        "Write to FILE instead of standard output ('-' is standard output); without --format, a FILE ending in one "
        "of .json, .csv, .md, .markdown is written in that format.")
    assert _output_help("run", "zh").replace(" ", "") == (
        "写入FILE，而不是标准输出（'-'即标准输出）；未给--format时，以.json、.csv、.md、.markdown、.xlsx之一结尾的FILE按该格式写出。")


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_extension_the_help_lists_is_written_and_every_other_refused(name: str, tmp_path: Path) -> None:
    """Tried, not read from the code: each extension the help lists writes a file, each other format's is refused."""
    plan = tmp_path / "small.yaml"
    plan.write_text(SMALL, encoding="utf-8")
    listed = set(listed_suffixes(name, "en"))
    assert listed <= set(FORMAT_SUFFIXES)
    for suffix in FORMAT_SUFFIXES:
        out = tmp_path / f"out{suffix}"
        result = invoke([name, *(arg.format(plan=plan) for arg in COMMANDS[name]), "-o", str(out)])
        if suffix in listed:
            assert result.exit_code in (0, 1), (suffix, result.stderr)
            assert out.exists(), suffix
        else:
            assert result.exit_code == 2 and f"{name} does not write" in result.stderr, (suffix, result.stderr)
            assert not out.exists(), suffix
