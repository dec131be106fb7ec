"""A file's warnings in the order they are written in it (line, then column), whatever their kind, in every format of
`validate` and `check`: the reader's (a gate that stops nothing, a return target or a discount rate above its bound)
and `check`'s own (a payback target past the horizon, a range whose draws were clipped), as its errors are listed.
Listed kind by kind, a warning at line 15 once came before one at line 3."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from cli_runner import invoke

BID = '  - {name: Early, type: cpa, bid: "-10..30", budget: 1000, months: 1-2}'
GATE = "  - {name: Idle, after_month: 2, channels: [Early], min_roas: 50}"
PLAN = f"""\
name: Ordered
acquisition:
{BID}
  - {{name: Always, type: cpa, bid: 10, budget: 1000}}
gates:
{GATE}
targets:
  max_payback_months: 30
  min_roi: 50
  min_payback_probability: 0
horizon_months: 6
retention: {{monthly_churn: 0.5}}
monetization:
  purchases: [{{name: Item, price: 10, rate: 1}}]
discount_rate: 12
"""
# Where each warning is written, counted by hand on PLAN above.
CLIPPED = (3, BID.index('"') + 1)           # the bid range, whose draws below 0 are clipped
STOPS_NOTHING = (6, GATE.index("{") + 1)    # the gate: Early runs in months 1-2 alone, so nothing runs after month 2
GATE_ROAS = (6, GATE.index("50") + 1)       # min_roas: 50, a ratio of 5,000%
PAYBACK_PAST = (8, len("  max_payback_months: ") + 1)         # 30 months, past the 6-month horizon
TARGET_ROI = (9, len("  min_roi: ") + 1)                      # min_roi: 50, 5,000%
CHANCE_PAST = (10, len("  min_payback_probability: ") + 1)    # judged by the horizon too
DISCOUNT = (15, len("discount_rate: ") + 1)                   # 12, 1,200% a year
READ = [STOPS_NOTHING, GATE_ROAS, TARGET_ROI, DISCOUNT]
CHECKED = [CLIPPED, STOPS_NOTHING, GATE_ROAS, PAYBACK_PAST, TARGET_ROI, CHANCE_PAST, DISCOUNT]
SAMPLES = ["--samples", "200"]


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def _located(text: str, plan: Path) -> list[tuple[int, int]]:
    """The line and column of each ``FILE:LINE:COL: ...`` line of ``text``, in order."""
    return [(int(line), int(column)) for line, column in re.findall(rf"^{re.escape(str(plan))}:(\d+):(\d+): ", text, re.M)]


def _annotated(text: str, level: str) -> list[tuple[int, int]]:
    return [(int(line), int(column)) for line, column in
            re.findall(rf"^::{level} file=[^,]+,line=(\d+),(?:endLine=\d+,)?col=(\d+)", text, re.M)]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_validate_text_lists_them_in_file_order(plan: Path, lang: str) -> None:
    result = invoke(["validate", str(plan), "--lang", lang])
    assert result.exit_code == 0, result.stderr
    assert _located(result.stderr, plan) == READ


def test_validate_json_lists_them_in_file_order(plan: Path) -> None:
    result = invoke(["validate", str(plan), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    warnings = json.loads(result.stdout)["files"][0]["warnings"]
    assert [(warning["line"], warning["column"]) for warning in warnings] == READ


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_validate_github_annotates_them_in_file_order(plan: Path, lang: str) -> None:
    result = invoke(["validate", str(plan), "--format", "github", "--lang", lang])
    assert result.exit_code == 0, result.stderr
    assert _annotated(result.stdout, "warning") == READ


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_check_text_lists_every_kind_in_file_order(plan: Path, lang: str) -> None:
    result = invoke(["check", str(plan), *SAMPLES, "--lang", lang])
    assert result.exit_code == 1, result.stderr  # min_roi: 50 is missed
    assert _located(result.stderr, plan) == CHECKED
    assert _located(result.stdout, plan) == [TARGET_ROI]


def test_check_json_lists_every_kind_in_file_order(plan: Path) -> None:
    result = invoke(["check", str(plan), *SAMPLES, "--format", "json"])
    assert result.exit_code == 1, result.stderr
    warnings = json.loads(result.stdout)["warnings"]
    assert [(warning["line"], warning["column"]) for warning in warnings] == CHECKED


def test_check_markdown_lists_every_kind_in_file_order(plan: Path) -> None:
    result = invoke(["check", str(plan), *SAMPLES, "--format", "markdown"])
    assert result.exit_code == 1, result.stderr
    section = result.stdout[result.stdout.index("### Warnings"):]
    assert _located(section, plan) == CHECKED


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_check_github_annotates_every_kind_in_file_order_then_the_miss(plan: Path, lang: str) -> None:
    result = invoke(["check", str(plan), *SAMPLES, "--format", "github", "--lang", lang])
    assert result.exit_code == 1, result.stderr
    assert _annotated(result.stdout, "warning") == CHECKED
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::") and "group::" not in line]
    assert annotations[-1].startswith("::error ") and _annotated(annotations[-1], "error") == [TARGET_ROI]


def test_check_github_annotates_a_sets_payback_warning_after_the_files(plan: Path) -> None:
    """A payback target past the horizon that a --set wrote is located at the option (1:1 within it), which once sorted
    as the file's line 1, before every warning the file holds; as every other format lists it, it comes after them."""
    result = invoke(["check", str(plan), *SAMPLES, "--set", "targets.max_payback_months=40", "--format", "github"])
    assert result.exit_code == 1, result.stderr
    warnings = [line for line in result.stdout.splitlines() if line.startswith("::warning ")]
    assert _annotated("\n".join(warnings[:-1]), "warning") == [CLIPPED, STOPS_NOTHING, GATE_ROAS, TARGET_ROI, CHANCE_PAST,
                                                                DISCOUNT]
    assert "--set targets.max_payback_months=40:1:1: " in warnings[-1]
