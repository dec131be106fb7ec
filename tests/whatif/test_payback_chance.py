"""`check`'s min_payback_probability reads the chance of payback alone (whatif/simulate.py payback_chance): the same
draws and chunks as `simulate`, so the same chance and the same clipped ranges, without its summaries or variance
shares (whose stage `check`'s progress bar showed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from aigc_roi.reader.load import load_path
from aigc_roi.whatif.simulate import SHARES, payback_chance, simulate

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", ["chat-assistant-cpa", "video-tool-kol-then-feed", "creators-first-gated"])
def test_the_chance_and_the_clipped_ranges_are_simulates(name: str) -> None:
    scenario = load_path(ROOT / "scenarios" / f"{name}.yaml").scenario
    simulation = simulate(scenario, 3_000, 7)
    assert payback_chance(scenario, 3_000, 7) == (simulation.payback_chance, simulation.clipped)


def test_a_plan_without_ranges_pays_back_in_every_sample_or_none() -> None:
    text = ("version: 1\nname: Fixed\nhorizon_months: 12\nacquisition:\n  - {name: A, type: cpa, bid: 10, users: 100, months: 1}\n"
            "retention: {monthly_churn: 0}\nmonetization:\n  purchases: [{name: P, price: 5, rate: 1}]\n")
    from aigc_roi.reader.load import load_text

    # 1,000 spent in month 1 against 500 a month: cumulative cash -500 after month 1, 0 after month 2 (paid back).
    assert payback_chance(load_text(text, "f.yaml").scenario, 50, 0)[0] == 1.0
    later = load_text(text.replace("horizon_months: 12", "horizon_months: 12\ntargets: {max_payback_months: 1}"),
                      "f.yaml").scenario
    assert payback_chance(later, 50, 0)[0] == 0.0


def test_no_variance_shares_are_split() -> None:
    scenario = load_path(ROOT / "scenarios" / "chat-assistant-cpa.yaml").scenario
    stages: list[str] = []
    payback_chance(scenario, 2_000, 0, lambda stage, done, total: stages.append(stage))
    assert stages and SHARES not in stages
