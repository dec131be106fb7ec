"""The budget curve marks every point where a gate fails, whether or not today's split passes it (docs/allocate.md,
gates). Before, a point was marked only for a gate passing today (whatif/allocate_gates.py ``Holding.failing``, which
the held search needs): with today's test already past its gate the curve jumped where the gate failed and neither
allocate's terminal curve, its JSON ``failed_gates`` nor the report's chart, rows and caption said why.

The plan, by hand (tests/present/test_report_budget_gates.py with Test's budget today 30,000): two months, a user pays
100 in the month he is bought and leaves, no costs, no discounting. Test buys in month 1 at a bid of 20 with h =
50,000: b buys b / 20 x h / (b + h) users at a CAC of 20 (b + h) / h, so the gate proof (max_cac 30) passes for
b <= h / 2 = 25,000. Today b = 30,000: CAC 32, the gate fails today. Test alone runs in month 1, so it spends the
curve's budget there: of --allocate/--budget 16000's budgets 0, 4,000, ..., 32,000 the gate fails at 28,000 and 32,000
alone (0 spends nothing and stops no one). Scale (bid 400, month 2) loses money, so the curve jumps up where it stops:
at 24,000 Test makes 1,200 x 50,000 / 74,000 x 100 - 24,000 = 57,081.08 and Scale 60 x 50,000 / 74,000 x 100 - 24,000
= -19,945.95, 37,135.14 in all; at 28,000 Test alone, 1,400 x 50,000 / 78,000 x 100 - 28,000 = 61,743.59.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from cli_runner import invoke
from gate_plans import ONE_GATE
from gate_plans import ONE_GATE_CAPTION as CAPTION
from gate_plans import ONE_GATE_FAILING as FAILING
from gate_plans import ONE_GATE_MARK as MARK

PLAN = ONE_GATE.format(test_budget="30_000")
TODAY = {"en": "Today's split fails it too.", "zh": "当前分配下该闸门也不通过。"}


def _run(tmp_path: Path, *args: str) -> str:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    result = invoke([args[0], str(path), *args[1:]], env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_the_json_names_the_gate_at_each_point_failing_it(tmp_path: Path) -> None:
    data = json.loads(_run(tmp_path, "allocate", "--budget", "16000", "-f", "json"))
    assert [(gate["name"], gate["current_pass_share"]) for gate in data["gates"]] == [("proof", 0.0)]
    marked = {point["budget"]: point["failed_gates"] for point in data["curve"]}
    assert marked == {budget: (["proof"] if budget > 25_000 else []) for budget in range(0, 32_001, 4_000)}
    value = {point["budget"]: point["value"] for point in data["curve"]}
    assert (value[24_000], value[28_000]) == (pytest.approx(37_135.14, abs=0.01), pytest.approx(61_743.59, abs=0.01))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_terminal_curve_marks_the_points_failing_the_gate(tmp_path: Path, lang: str) -> None:
    out = _run(tmp_path, "allocate", "--budget", "16000", "--lang", lang)
    marked, budget = [], ""
    for line in out.splitlines():
        cells = [cell.strip() for cell in line.split("│")[1:-1]]
        if len(cells) < 2:
            continue
        budget = cells[0] or budget
        if MARK[lang] in line:
            marked.append(budget)
    assert marked == FAILING[lang]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_report_marks_them_and_its_caption_says_today_fails_too(tmp_path: Path, lang: str) -> None:
    page = html.unescape(_run(tmp_path, "report", "--allocate", "16000", "--samples", "50", "--lang", lang))
    heading = "Budget curve" if lang == "en" else "预算曲线"
    section = page.split(f"<h2>{heading}", 1)[1].split("<h2>", 1)[0]
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", section.split("<tbody>", 1)[1])
    assert [re.sub(r"<[^>]+>", " ", row).split()[0] for row in rows if MARK[lang] in row] == FAILING[lang]
    chart = section.split("</svg>", 1)[0]
    assert len(re.findall(r'<g><path d="M[^"]*"[^>]*/><title>([^<]*)</title></g>', chart)) == 2
    caption = re.sub(r"\s+", " ", section.split("<figcaption>", 1)[1].split("</figcaption>", 1)[0])
    assert CAPTION[lang] in caption and TODAY[lang] in caption
