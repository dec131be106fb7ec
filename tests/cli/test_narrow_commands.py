"""`allocate`, `curves` and `simulate` as a person meets them in a laptop terminal (80 columns) and a wide one.

The same rule as tests/present/test_narrow.py: no number split across lines or cut with "…", no line wider
than the terminal (a CJK character takes two columns), and every header readable (a line break
in a header once reached the terminal as a literal "\\x0a").
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_runner import invoke
from rich.cells import cell_len
from test_check_zh import in_terminal
from test_narrow import broken_numbers

ROOT = Path(__file__).resolve().parents[2]
VIDEO = ROOT / "aigc_roi" / "templates" / "zh" / "video-tool-kol-then-feed.yaml"
"""Two channels, two plans, a retention fit and uncertain inputs: every table these commands draw."""

COMMANDS = {
    "allocate": ["allocate", str(VIDEO), "-b", "100万"],
    "allocate-large": ["allocate", str(VIDEO), "-b", "300万"],
    "curves": ["curves", str(VIDEO)],
    "simulate": ["simulate", str(VIDEO), "--samples", "300"],
}


CJK = "\u2e80-\u9fff\u3000-\u303f\uff00-\uffef"


@pytest.fixture(autouse=True)
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """stdout a terminal, as wide as each test's COLUMNS: a log writes each title whole, however wide
    (tests/cli/test_log_titles.py)."""
    in_terminal(monkeypatch, 80)


def _numbers_apart(text: str) -> str:
    """A number after CJK text ("预算中，25.0万") set apart for the checker, which reads tokens between spaces."""
    return re.sub(rf"(?<=[{CJK}])(?=[\d+\-])", " ", text)


def _screen(command: str, lang: str, width: int) -> str:
    result = invoke([*COMMANDS[command], "--lang", lang], env={"COLUMNS": str(width), "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_no_number_is_split_or_cut(command: str, lang: str, width: int) -> None:
    text = _screen(command, lang, width)
    assert "…" not in text, text
    assert "\\x0a" not in text, text
    # P5, P50, P95 (percentile headers) and acquisition[0].fee (an input path) are not numbers.
    not_numbers = re.compile(r"P\d+|[a-z_.]+\[\d+\][a-z_.\[\]\d]*")
    assert [piece for piece in broken_numbers(_numbers_apart(text)) if not not_numbers.fullmatch(piece)] == [], text
    assert max(cell_len(line) for line in text.splitlines()) <= width, text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_variance_table_names_its_inputs_at_80_columns(lang: str) -> None:
    # The two uncertain inputs of the template (a KOL fee range and a fixed-cost range) stay on screen.
    text = _screen("simulate", lang, 80)
    # Named as the file names them (its channel and its fixed cost), each whole on its line.
    assert "acquisition[抖音达人 KOL].fee" in text
    assert "costs.fixed[工具和算力].monthly" in text


def test_a_header_over_two_lines_reads_as_two_words() -> None:
    text = _screen("allocate", "en", 80)
    lines = text.splitlines()
    # "Avg ROAS" is one header on two lines: "Avg" above "ROAS" in the same column.
    above = next(index for index, line in enumerate(lines) if "Avg" in line)
    assert "ROAS" in lines[above + 1]
    assert lines[above].index("Avg") < lines[above + 1].index("ROAS") + len("ROAS")


SCENARIOS = ROOT / "scenarios"
CURVE_COMMANDS = {
    "budget": ["allocate", str(SCENARIOS / "chat-assistant-cpa.yaml"), "--budget", "300000"],
    "gated": ["allocate", str(SCENARIOS / "creators-first-gated.yaml"), "--target-roas", "0.5",
              "--max", "Bilibili CPA=100000"],
}


@pytest.mark.parametrize("width", [60, 50, 80])
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("command", list(CURVE_COMMANDS))
def test_a_budget_curve_bar_stays_on_its_row(command: str, lang: str, width: int) -> None:
    result = invoke([*CURVE_COMMANDS[command], "--lang", lang], env={"COLUMNS": str(width), "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    curve = result.stdout.split("━┓")[-1]  # the budget curve is the last table
    bars = [line for line in curve.splitlines() if re.search("[█▒]", line)]
    assert len(bars) == 9, curve  # budgets 0, 0.25 B .. 2 B, a bar each
    for line in bars:
        assert line.split("│")[1].strip(), curve  # a bar's line is its budget's row, not a bar folded below it
    assert max(cell_len(line) for line in result.stdout.splitlines()) <= width, result.stdout


@pytest.mark.parametrize("width", [40, 36])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_curves_give_up_the_bar_before_a_number_or_header(lang: str, width: int, tmp_path: Path) -> None:
    flat = "\n".join([
        "version: 1", "name: Flat tail days", "horizon_months: 12", "start: 2025-03",
        "acquisition:", "  - {name: Douyin CPA, type: cpa, bid: 8, budget: 10000, months: 1-6}",
        "retention:", "  days: {1: 0.4, 7: 0.2, 30: 0.05, 60: 0.05, 90: 0.05}",
        "monetization:", "  purchases: [{name: pack, price: 30, rate: 0.3}]", ""])
    path = tmp_path / "flat.yaml"
    path.write_text(flat, encoding="utf-8")
    result = invoke(["curves", str(path), "--lang", lang], env={"COLUMNS": str(width), "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    chart = result.stdout.split("└")[0]  # the retention chart; the fits' table has no bar to give up
    assert "…" not in chart, chart
    assert "100.00%" in chart and "(months)" in chart or lang == "zh", chart
    assert max(cell_len(line) for line in chart.splitlines()) <= width, chart
