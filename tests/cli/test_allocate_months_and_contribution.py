"""`allocate` names its months by the calendar where the plan sets start, as `run` does, and does not call its
per-user contribution "LTV", the word `run` uses for another number of the same channel (docs/allocate.md)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from cli_runner import invoke

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


def _allocate(tmp_path: Path, text: str, *args: str) -> str:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    result = invoke(["allocate", str(path), "--budget", "20000", *args], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_csv_labels_each_channels_months_by_the_calendar(tmp_path: Path) -> None:
    # start 2024-11: month 1 is 2024-11, 2 is 2024-12, 4 is 2025-02, 6 is 2025-04.
    table = list(csv.DictReader(io.StringIO(_allocate(tmp_path, PLAN, "-f", "csv"))))
    assert [(row["months"], row["months_label"]) for row in table] == [("1..6", "2024-11..2025-04"),
                                                                       ("2..4", "2024-12..2025-02")]


def test_csv_without_start_labels_months_as_run_does(tmp_path: Path) -> None:
    table = list(csv.DictReader(io.StringIO(_allocate(tmp_path, PLAN.replace("start: 2024-11\n", ""), "-f", "csv"))))
    assert [row["months_label"] for row in table] == ["M1..M6", "M2..M4"]


@pytest.mark.parametrize(("lang", "phases"), [
    ("en", ["| Month 1 (2024-11) | A |", "| Months 2-4 (2024-12..2025-02) | A |", "| Months 5-6 (2025-03..2025-04) | A |"]),
    ("zh", ["| 第 1 月（2024-11） | A |", "| 第 2-4 月（2024-12..2025-02） | A |", "| 第 5-6 月（2025-03..2025-04） | A |"]),
])
def test_phases_name_their_calendar_months(tmp_path: Path, lang: str, phases: list[str]) -> None:
    markdown = _allocate(tmp_path, PLAN, "-f", "markdown", "--lang", lang)
    assert all(phase in markdown for phase in phases), markdown
    assert ("| 1-6 (2024-11..2025-04) |" if lang == "en" else "| 1-6（2024-11..2025-04） |") in markdown
    view = _allocate(tmp_path, PLAN, "--lang", lang)
    # The calendar months on a line of their own under the phase's months.
    assert ("(2024-12..2025-02)" if lang == "en" else "（2024-12..2025-02）") in view


def test_without_start_the_phases_are_numbered_alone(tmp_path: Path) -> None:
    markdown = _allocate(tmp_path, PLAN.replace("start: 2024-11\n", ""), "-f", "markdown")
    assert "| Months 2-4 | A |" in markdown and "M2" not in markdown


@pytest.mark.parametrize(("lang", "headers"), [("en", ["Contrib. per user · Current", "Contrib. / CAC · Best"]),
                                               ("zh", ["人均贡献 · 当前", "贡献/CAC · 最优"])])
def test_the_contribution_per_user_is_not_called_ltv(tmp_path: Path, lang: str, headers: list[str]) -> None:
    markdown = _allocate(tmp_path, PLAN, "-f", "markdown", "--lang", lang)
    assert all(header in markdown for header in headers) and "LTV ·" not in markdown and "LTV/CAC" not in markdown
    view = _allocate(tmp_path, PLAN, "--lang", lang)
    assert "LTV/CAC" not in view
    assert ("not run's discounted LTV" if lang == "en" else "不是 run 的折现 LTV") in view
    # JSON and CSV keep their keys.
    channel = json.loads(_allocate(tmp_path, PLAN, "-f", "json"))["channels"][0]
    assert {"ltv", "ltv_to_cac"} <= set(channel["current"])


GAPPED = PLAN.replace("months: 2-4}", "months: [1, 2, 3, 7, 9, 10]}").replace("horizon_months: 6", "horizon_months: 12")
"""B in months 1-3, 7 and 9-10 of 12 (2024-11..2025-01, 2025-05, 2025-07..2025-08), A in all: six phases, each a run
of months (1-3, 4-6, 7, 8, 9-10, 11-12)."""
MONTH_RUN = r"(?<![\d-])\d+\.\.\d+(?![\d-])"
"""A run of month numbers written 1..3; a calendar span, 2025-07..2025-08, is none."""
ALONG = "1-3, 7, 9-10 (2024-11..2025-01, 2025-05, 2025-07..2025-08)"


@pytest.mark.parametrize(("lang", "cells"), [
    ("en", ["| Months 1-3 (2024-11..2025-01) | A |", "| Month 7 (2025-05) | A |", "| Months 9-10 (2025-07..2025-08) | A |",
            f"| {ALONG} |", "| 1-12 (2024-11..2025-10) |",
            " | A [1-3 (2024-11..2025-01)] | B [1-3 (2024-11..2025-01)] | A [4-6 (2025-02..2025-04)] | A [7 (2025-05)] |"]),
    ("zh", ["| 第 1-3 月（2024-11..2025-01） | A |", "| 第 7 月（2025-05） | A |", "| 第 9-10 月（2025-07..2025-08） | A |",
            "| 1-3、7、9-10（2024-11..2025-01、2025-05、2025-07..2025-08） |", "| 1-12（2024-11..2025-10） |",
            " | A [1-3（2024-11..2025-01）] | B [1-3（2024-11..2025-01）] | A [4-6（2025-02..2025-04）] | A [7（2025-05）] |"]),
])
def test_people_read_month_runs_one_way_throughout(tmp_path: Path, lang: str, cells: list[str]) -> None:
    """The phases, the channels' months and the curve's columns write a run 1-3, as the sentences and a file's
    ``months:`` do, where the channel table and the curve wrote 1..3 beside the phases' "Months 1-3"; the curve's
    columns with their calendar months too, as every other span of months the text formats write."""
    import re

    markdown = _allocate(tmp_path, GAPPED, "-f", "markdown", "--lang", lang)
    assert all(cell in markdown for cell in cells), markdown
    assert not re.findall(MONTH_RUN, markdown)
    view = _allocate(tmp_path, GAPPED, "--lang", lang)
    assert ("months 1-3, 7, 9-10" if lang == "en" else "第 1-3、7、9-10 月") in view.replace("\n", " ")
    assert not re.findall(MONTH_RUN, view)


def test_csv_keeps_its_documented_month_runs(tmp_path: Path) -> None:
    """A spreadsheet reads 1-3 as a date: CSV's months and curve columns keep 1..3 (docs/allocate.md)."""
    table = list(csv.DictReader(io.StringIO(_allocate(tmp_path, GAPPED, "-f", "csv"))))
    assert [row["months"] for row in table] == ["1..12", "1..3, 7, 9..10"]
    curve = _allocate(tmp_path, GAPPED, "-f", "csv", "--table", "curve").splitlines()[0]
    assert ",A [1..3],B [1..3],A [4..6],A [7],B [7],A [8],A [9..10],B [9..10],A [11..12]," in curve


def test_json_labels_every_list_of_months_by_the_calendar(tmp_path: Path) -> None:
    """start 2024-11: month 1 is 2024-11, 2 is 2024-12, 4 is 2025-02, 5 is 2025-03, 6 is 2025-04. A runs in months 1-6
    and B in 2-4: three phases, month 1 (A alone), 2-4 (both) and 5-6 (A alone), each list of months with its labels
    beside it, as run's JSON labels its months."""
    data = json.loads(_allocate(tmp_path, PLAN, "-f", "json"))
    assert [(channel["months"], channel["month_labels"]) for channel in data["channels"]] == [
        ([1, 2, 3, 4, 5, 6], ["2024-11", "2024-12", "2025-01", "2025-02", "2025-03", "2025-04"]),
        ([2, 3, 4], ["2024-12", "2025-01", "2025-02"])]
    phases = [([1], ["2024-11"]), ([2, 3, 4], ["2024-12", "2025-01", "2025-02"]), ([5, 6], ["2025-03", "2025-04"])]
    for split in ("current", "best"):
        assert [(phase["months"], phase["month_labels"]) for phase in data[split]["phases"]] == phases
    for point in data["curve"]:
        assert [(phase["months"], phase["month_labels"]) for phase in point["phases"]] == phases
        assert point["held_month_labels"] == point["held_months"] == []
    assert data["best"]["held_month_labels"] == data["best"]["held_months"] == []
    undated = json.loads(_allocate(tmp_path, PLAN.replace("start: 2024-11\n", ""), "-f", "json"))
    assert [phase["month_labels"] for phase in undated["best"]["phases"]] == [["M1"], ["M2", "M3", "M4"], ["M5", "M6"]]


@pytest.mark.parametrize(("lang", "kind", "calendar"), [("en", "cpa · months 2-4", "(2024-12..2025-02)"),
                                                        ("zh", "按转化付费 · 第 2-4 月", "（2024-12..2025-02）")])
@pytest.mark.parametrize("columns", ["80", "120"])
def test_the_channel_view_names_each_channels_calendar_months(tmp_path: Path, lang: str, kind: str, calendar: str,
                                                              columns: str) -> None:
    """Under a channel's name, its kind and months, then their calendar months on a line of their own, as the phases
    table above has them."""
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    view = invoke(["allocate", str(path), "--budget", "20000", "--lang", lang], env={"COLUMNS": columns}).stdout
    lines = view[view.index("│ B "):].splitlines()
    at = next(i for i, line in enumerate(lines) if kind in line)
    assert lines[at + 1].startswith(f"│ {calendar} ")
    # Without a start the months are numbers alone: M2..M4 would repeat them.
    undated = _allocate(tmp_path, PLAN.replace("start: 2024-11\n", ""))
    assert "cpa · months 2-4" in undated and "M2" not in undated


@pytest.mark.parametrize("columns", [80, 90, 100, 110])
def test_a_header_with_its_unit_keeps_the_channel_table_inside_the_terminal(columns: int) -> None:
    """At 3,000,000 a month the budgets read in k and the headers "Budget (k)" and "Change (k)" are wider than their
    numbers; counted by their words, they pushed the table's last column past the terminal, where it was cut."""
    from rich.cells import cell_len

    template = Path(__file__).resolve().parents[2] / "aigc_roi" / "templates" / "video-tool-kol-then-feed.yaml"
    view = invoke(["allocate", str(template), "--budget", "300万"], env={"COLUMNS": str(columns)}).stdout
    table = view[view.index("Monthly budget per channel"):].splitlines()[1:]
    table = table[:next(i for i, line in enumerate(table) if line.startswith("└")) + 1]
    assert "Budget (k)" in "\n".join(table)
    assert all(line.rstrip()[-1] in "┓┃┩│┤┘" and cell_len(line.rstrip()) <= columns for line in table), "\n".join(table)
