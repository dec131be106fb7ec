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
    ("en", ["| Months 1, 5-6 (2024-11, 2025-03..2025-04) | A |", "| Months 2-4 (2024-12..2025-02) | A |"]),
    ("zh", ["| 第 1、5-6 月（2024-11、2025-03..2025-04） | A |", "| 第 2-4 月（2024-12..2025-02） | A |"]),
])
def test_phases_name_their_calendar_months(tmp_path: Path, lang: str, phases: list[str]) -> None:
    markdown = _allocate(tmp_path, PLAN, "-f", "markdown", "--lang", lang)
    assert all(phase in markdown for phase in phases), markdown
    assert ("| 1..6 (2024-11..2025-04) |" if lang == "en" else "| 1..6（2024-11..2025-04） |") in markdown
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
