"""`check` shows a simulated chance of payback as `simulate` shows it (docs/simulate.md): the smaller of the chance
and its complement is rounded half away from zero and the larger is 100% less it.

0.64525 of 20,000 samples is 12,905 paying back; the 7,095 that do not are 35.475%, which reads 35.48%, so the
chance reads 100% - 35.48% = 64.52% (64.525% rounded up would read 64.53%, and the two 100.01%).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke
from test_validate_and_check import example

from aigc_roi.ci.records import Checked
from aigc_roi.model.targets import TargetOutcome
from aigc_roi.present.ci_view import check_grid, target_finding
from aigc_roi.reader.load import load_text

TEMPLATES = Path(__file__).parents[2] / "aigc_roi" / "templates"


def _checked(chance: float, limit: float, samples: int) -> tuple[Checked, TargetOutcome]:
    outcome = TargetOutcome("min_payback_probability", "payback_probability", chance, limit, chance >= limit)
    return Checked("plan.yaml", load_text(example(), "plan.yaml"), {}, [outcome], {}, samples=samples), outcome


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_chance_at_a_half_reads_as_simulate_rounds_it(lang: str) -> None:
    checked, _ = _checked(0.64525, 0.6, 20_000)
    [[_, _, actual, limit, _]] = check_grid([checked], lang=lang)[1]
    assert (actual, limit) == ("64.52%", ">= 60.00%")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_missed_chance_reads_as_simulate_rounds_it(lang: str) -> None:
    # 0.64525 < 0.64526: the chance 64.52% (above), the limit as written, 64.526% (not 64.53%, another limit).
    checked, outcome = _checked(0.64525, 0.64526, 20_000)
    finding = target_finding(checked, outcome, lang=lang)
    assert finding is not None
    assert "64.52%" in finding.message and "64.526%" in finding.message and "64.53%" not in finding.message


def test_a_chance_reading_as_its_limit_takes_a_decimal_more_by_the_same_rule() -> None:
    # 64,519 of 100,000 (the 35,481 that do not: 35.48%, so 64.52%) missing 0.6452 (64.52%): one decimal more reads
    # 100% - 35.481% = 64.519% against the limit as written.
    checked, outcome = _checked(0.64519, 0.6452, 100_000)
    finding = target_finding(checked, outcome)
    assert finding is not None
    assert finding.message.endswith("payback_probability is 64.519%, must be >= 64.52%")


def test_a_chance_below_a_limit_of_more_decimals_keeps_its_own() -> None:
    # 64,521 of 100,000 reads 64.52% (above), already below 0.64523, which reads as written: 64.523%.
    checked, outcome = _checked(0.64521, 0.64523, 100_000)
    finding = target_finding(checked, outcome)
    assert finding is not None
    assert finding.message.endswith("payback_probability is 64.52%, must be >= 64.523%")


def test_check_and_simulate_show_one_chance(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The starter plan at bid 12.70 with a drawn conversion (a tester's, whose chance over 20,000 samples at seed 7
    lies at a half): `check -v` shows the chance `simulate` shows, whatever it is."""
    text = (TEMPLATES / "starter.yaml").read_text(encoding="utf-8")
    text = text.replace("bid: 12 ", "bid: 12.70 ").replace('conversion: "4%"', 'conversion: "3%..5%"').replace(
        "  max_payback_months: 18", "  max_payback_months: 18\n  min_payback_probability: 0.6")
    (tmp_path / "plan.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    options = ["--samples", "20000", "--seed", "7", "--lang", "en"]
    simulated = invoke(["simulate", "plan.yaml", *options]).stdout
    [chance] = [line.split("│")[2].strip() for line in simulated.splitlines() if "Payback within 18 months" in line]
    checked = invoke(["check", "plan.yaml", "-v", *options]).stdout
    [row] = [line for line in checked.splitlines() if "min_payback_probability" in line]
    assert row.split("│")[3].strip() == chance
