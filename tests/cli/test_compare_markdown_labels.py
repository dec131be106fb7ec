"""`compare`'s markdown is for people, as `run`'s is: its rows and headers are the figures' labels in the invocation's
language and its cells read as `run`'s markdown writes the same figures, while CSV and JSON keep the keys
(README, "Output and exit codes"). The expected words are the label catalogue's definitions
(present/label_catalogue/figures.py, compare.py, simulate.py), written out here by hand.

The two plans start in different calendar months (2025-01, 2025-04), so compare labels each month figure with its
calendar month as `run` does (docs/formulas.md §12): every figure's cell reads as in that plan's own `run`."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.model.figures import FIGURE_NAMES

TEMPLATES = Path(__file__).resolve().parents[2] / "aigc_roi" / "templates"
FEED = TEMPLATES / "feed-ads-only.yaml"
KOC = TEMPLATES / "koc-seeding.yaml"
FEED_NAME = "信息流 Feed ads only, ROAS 1.1"
KOC_NAME = "小红书种草 AI photo app, KOC seeding"

HEADERS = {"en": ("Figure", "Statistic", "Best"), "zh": ("指标", "统计量", "最优")}
BASIS = {"en": ["Horizon (months)", "Start month", "Discount rate (a year)"], "zh": ["模拟期（月）", "起始月份", "贴现率（年）"]}
CHANCES = {"en": ["Chance: payback on target", "Chance: ROI > 0", "Chance: NPV > 0"],
           "zh": ["概率：按目标回本", "概率：ROI > 0", "概率：NPV > 0"]}
SOME_FIGURES = {"en": {"ad_spend": "Ad spend", "npv": "NPV", "roi": "ROI (paid, after variable, before fixed)",
                       "peak_cash_need": "Peak cash need"},
                "zh": {"ad_spend": "广告支出", "npv": "净现值（NPV）", "roi": "ROI（买量，扣除变动成本，未扣固定成本）",
                       "peak_cash_need": "最大资金需求"}}


def _out(*args: str | Path) -> str:
    result = invoke([str(arg) for arg in args])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _tables(markdown: str) -> list[list[list[str]]]:
    """Each markdown table's rows (its header first, the alignment row left out), as cells."""
    tables: list[list[list[str]]] = []
    previous = ""
    for line in markdown.splitlines():
        if line.startswith("| "):
            if not previous.startswith("|"):
                tables.append([])
            tables[-1].append([cell.strip() for cell in line[1:-1].split(" | ")])
        previous = line
    return tables


def _run_figures(path: Path, lang: str) -> list[list[str]]:
    """`run`'s markdown figures table: label, value."""
    return _tables(_out("run", path, "-f", "markdown", "--lang", lang))[0][1:]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_figures_read_as_runs_markdown_writes_them(lang: str) -> None:
    header, *rows = _tables(_out("compare", FEED, KOC, "-f", "markdown", "--lang", lang))[0]
    figure, _, best = HEADERS[lang]
    assert header == [figure, FEED_NAME, KOC_NAME, f"Δ {KOC_NAME}", best]
    feed, koc = _run_figures(FEED, lang), _run_figures(KOC, lang)
    figures, basis = rows[:len(FIGURE_NAMES)], rows[len(FIGURE_NAMES):]
    # The same labels as run's, row for row, and each plan's cells as its own run writes them (units, 万, never).
    assert [row[0] for row in figures] == [label for label, _ in feed] == [label for label, _ in koc]
    assert [row[1] for row in figures] == [value for _, value in feed]
    assert [row[2] for row in figures] == [value for _, value in koc]
    labels = dict(zip(FIGURE_NAMES, (row[0] for row in figures), strict=True))
    assert {name: labels[name] for name in SOME_FIGURES[lang]} == SOME_FIGURES[lang]
    assert [row[0] for row in basis] == BASIS[lang]
    assert not {row[0] for row in rows} & {*FIGURE_NAMES, "horizon_months", "start", "discount_rate"}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_on_risk_the_figures_and_chances_are_labelled(lang: str) -> None:
    header, *rows = _tables(_out("compare", FEED, KOC, "--samples", "40", "-f", "markdown", "--lang", lang))[0]
    figure, statistic, best = HEADERS[lang]
    assert header == [figure, statistic, FEED_NAME, KOC_NAME, best]
    firsts = list(dict.fromkeys(row[0] for row in rows))
    run_labels = [label for label, _ in _run_figures(FEED, lang)]
    assert firsts == [*run_labels, *CHANCES[lang], *BASIS[lang]]
    assert [row[1] for row in rows if row[0] == SOME_FIGURES[lang]["npv"]] == ["P5", "P50", "P95"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_explain_names_the_figures_as_runs_markdown(tmp_path: Path, lang: str) -> None:
    text = FEED.read_text(encoding="utf-8")
    assert "\n    cpm: 30 " in text
    dearer = tmp_path / "dearer.yaml"
    dearer.write_text(text.replace("\n    cpm: 30 ", "\n    cpm: 33 "), encoding="utf-8")
    tables = _tables(_out("compare", FEED, dearer, "--explain", "-f", "markdown", "--lang", lang))
    explained = list(dict.fromkeys(row[0] for row in tables[1][1:]))
    run_labels = dict(zip(FIGURE_NAMES, (label for label, _ in _run_figures(FEED, lang)), strict=True))
    assert explained == [run_labels[name] for name in ("roi", "npv", "payback_month", "peak_cash_need")]
    assert tables[1][0][0] == HEADERS[lang][0]


@pytest.mark.parametrize("extra", [(), ("--samples", "40")])
def test_csv_keeps_the_keys_as_runs_csv_does(extra: tuple[str, ...]) -> None:
    compared = list(csv.reader(io.StringIO(_out("compare", FEED, KOC, *extra, "-f", "csv", "--lang", "zh"))))
    run = list(csv.reader(io.StringIO(_out("run", FEED, "-f", "csv", "--table", "figures", "--lang", "zh"))))
    assert compared[0][0] == run[0][0] == "figure"
    # On risk a figure's rows carry its shares instead of a note (docs/simulate.md).
    assert compared[0][-3:] == ([compared[0][-3], "best", "currency"] if extra else ["best", "note", "currency"])
    assert list(dict.fromkeys(row[0] for row in compared[1:]))[:len(FIGURE_NAMES)] == [row[0] for row in run[1:]][
        :len(FIGURE_NAMES)] == list(FIGURE_NAMES)
