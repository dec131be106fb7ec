"""A section left empty (``monetization:`` with nothing under it, what commenting out its lines leaves) is the section
with no entries: spec §2 Values, "An empty acquisition, monetization or costs is allowed", targets "all optional"
(QA hostile F10: all but acquisition were "expected a mapping, found nothing").

docs/formulas.md §11's worked example: one CPA channel buying 1,000 users at 20 in month 1 (spend 20,000), churn
0.5 over 3 months, so 1,000 + 500 + 250 = 1,750 active user-months; a purchase of 10 by every active user each
month is 17,500 of revenue, serving at 1 an active user 1,750 of cost.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke
from test_schema import VALIDATOR, as_json_document

HEAD = """name: Empty sections
horizon_months: 3
acquisition:
  - {name: CPA, type: cpa, bid: 20, users: 1000, months: 1}
retention: {monthly_churn: 0.5}
"""
PURCHASE = "monetization:\n  purchases:\n    - {name: Item, price: 10, rate: 1}\n"
SERVING = "costs: {serving_per_active_user: 1}\n"


def _figures(tmp_path: Path, text: str, *options: str) -> dict[str, float]:
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    result = invoke(["run", str(path), "--format", "json", *options])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["figures"]


@pytest.mark.parametrize("empty", ["monetization:\n", "monetization: ~\n", "monetization: null\n"])
def test_an_empty_monetization_is_no_revenue(tmp_path: Path, empty: str) -> None:
    figures = _figures(tmp_path, HEAD + empty + SERVING)
    # No revenue; 1,750 of serving and 20,000 of spend: net cash -21,750, roi -21,750 / 20,000.
    assert figures["gross_revenue"] == 0 and figures["roas"] == 0
    assert figures["net_cash"] == pytest.approx(-21_750)
    assert figures["roi"] == pytest.approx(-1.0875)


def test_an_empty_costs_is_no_cost_but_the_spend(tmp_path: Path) -> None:
    figures = _figures(tmp_path, HEAD + PURCHASE + "costs:\n")
    # 17,500 of revenue against 20,000 of spend: net cash -2,500, roi -0.125, roas 0.875.
    assert figures["net_cash"] == pytest.approx(-2_500)
    assert figures["roi"] == pytest.approx(-0.125)
    assert figures["roas"] == pytest.approx(0.875)


def test_an_empty_costs_takes_a_set_as_an_absent_one_does(tmp_path: Path) -> None:
    figures = _figures(tmp_path, HEAD + PURCHASE + "costs:\n", "--set", "costs.serving_per_active_user=1")
    # The worked example itself: 17,500 - 1,750 - 20,000.
    assert figures["net_cash"] == pytest.approx(-4_250)
    assert figures["roi"] == pytest.approx(-0.2125)


def test_empty_targets_are_no_targets(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(HEAD + PURCHASE + SERVING + "targets:\n", encoding="utf-8")
    result = invoke(["check", str(path)])
    assert result.exit_code == 0, result.stdout + result.stderr
    assert result.stderr == "1 file, 0 invalid, 0 targets, 0 missed\n"
    # roi -0.2125 misses a min_roi of 0 set into the empty section.
    result = invoke(["check", str(path), "--set", "targets.min_roi=0"])
    assert result.exit_code == 1
    assert "targets.min_roi missed: roi is -21.25%, must be >= 0.00%" in result.stdout


@pytest.mark.parametrize("section", ["acquisition", "monetization", "costs", "targets"])
def test_every_empty_section_validates_and_passes_the_schema(tmp_path: Path, section: str) -> None:
    text = f"name: X\nretention: {{monthly_churn: 0.5}}\n{section}:\n"
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    result = invoke(["validate", str(path)])
    assert result.exit_code == 0, result.stdout
    assert list(VALIDATOR.iter_errors(as_json_document(text))) == []


@pytest.mark.parametrize("section", ["monetization", "costs", "targets"])
def test_a_section_written_as_text_or_a_list_is_still_refused(tmp_path: Path, section: str) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(f"name: X\nretention: {{monthly_churn: 0.5}}\n{section}: []\n", encoding="utf-8")
    result = invoke(["validate", str(path)])
    assert result.exit_code == 2
    assert result.stdout == f"{path}:3:{len(section) + 3}: {section}: expected a mapping, found an empty list\n"
