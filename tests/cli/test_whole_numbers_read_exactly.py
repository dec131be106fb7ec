"""A whole-number option (``--seed``, ``--samples``, ``--jobs``) is read exactly as written: through a float,
``--seed 9007199254740993`` (2^53 + 1) ran, and was reported, as 9007199254740992 (QA). The file's grammar still
holds (``1e4``, ``1万``, ``10_000``), for a value that is whole; a seed is at most 2^128 - 1 (model/limits.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke

PLAN = """\
name: Seeded
horizon_months: 3
acquisition:
  - {name: ch, type: cpa, bid: 15..25, users: 1000, months: 1}
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: item, price: 10, rate: 1}]
"""


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def _simulated(plan: Path, seed: str) -> dict[str, object]:
    result = invoke(["simulate", str(plan), "--samples", "20", "--seed", seed, "-f", "json"])
    assert result.exit_code == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    return data


@pytest.mark.parametrize(("written", "seed"), [
    ("9007199254740993", 2**53 + 1), ("340282366920938463463374607431768211455", 2**128 - 1),
    ("1e20", 10**20), ("12345678901234567e3", 12345678901234567000), ("1万", 10_000), ("2.0", 2)])
def test_a_seed_is_the_number_written(plan: Path, written: str, seed: int) -> None:
    assert _simulated(plan, written)["seed"] == seed


def test_seeds_a_float_would_merge_draw_apart(plan: Path) -> None:
    assert _simulated(plan, str(2**53 + 1))["figures"] != _simulated(plan, str(2**53))["figures"]


@pytest.mark.parametrize("written", ["340282366920938463463374607431768211456", "1e39", "1e999999999", "0.5",
                                     "9007199254740993.5", "-1"])
def test_a_seed_past_2_128_or_not_whole_is_refused(plan: Path, written: str) -> None:
    result = invoke(["simulate", str(plan), "--seed", written])
    assert result.exit_code == 2
    assert result.stderr == f"aigc-roi: --seed: expected a whole number from 0 to 2^128 - 1, found '{written}'\n"
    zh = invoke(["simulate", str(plan), "--seed", written, "--lang", "zh"])
    assert zh.stderr == f"aigc-roi: --seed：应为 0 到 2^128 - 1 之间的整数，实际为 '{written}'\n"


def test_a_count_just_past_its_bound_is_not_rounded_into_it(plan: Path) -> None:
    # 10,000,000.000000001 was the float 1e7, the largest simulate takes.
    result = invoke(["simulate", str(plan), "--samples", "10000000.000000001"])
    assert result.exit_code == 2
    assert result.stderr == ("aigc-roi: --samples: expected a whole number from 1 to 10,000,000, "
                             "found '10000000.000000001'\n")


def test_the_library_takes_the_same_seeds(plan: Path) -> None:
    from aigc_roi import api

    scenario = api.load(plan)
    assert api.simulate(scenario, 10, 2**128 - 1).seed == 2**128 - 1
    with pytest.raises(ValueError, match=rf"^seed: expected a whole number from 0 to 2\^128 - 1, found {2**128}$"):
        api.simulate(scenario, 10, 2**128)
