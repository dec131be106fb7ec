"""Each range draws from a stream of its own, named by the seed and its path (docs/formulas.md §9)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import numpy as np
import pytest

from aigc_roi.model.range_streams import paired_ranges
from aigc_roi.model.sampling import realize, realized_from
from aigc_roi.model.scenario import Scenario
from aigc_roi.reader.load import load_path, load_text

ROOT = Path(__file__).resolve().parents[2]

PLAN = """\
name: Streams
horizon_months: 12
acquisition:
  - {name: A, type: cpa, bid: {dist: uniform, low: 10, high: 20}, budget: 10000}
  - {name: B, type: cpa, bid: {dist: uniform, low: 10, high: 20}, budget: 10000}
organic_users: {dist: triangular, low: 100, mode: 300, high: 400}
retention: {points: {1: 0.4, 3: 0.2..0.3}}
monetization: {purchases: [{name: Pack, price: 20, rate: 0.02}]}
costs: {fixed: [{name: Tools, monthly: 300..1000}]}
"""


def scenario(text: str) -> Scenario:
    return load_text(textwrap.dedent(text), "s.yaml").scenario


def draws_of(plan: Scenario, samples: int, seed: int) -> dict[str, np.ndarray]:
    return {path: np.asarray(value) for path, value in paired_ranges(plan, realize(plan, samples, np.random.default_rng(seed)))}


def documented_stream(seed: int, path: str) -> np.random.Generator:
    """docs/formulas.md §9: SeedSequence(seed, spawn_key=(0x72616E67, *the path's UTF-8 bytes)), PCG64."""
    return np.random.Generator(np.random.PCG64(np.random.SeedSequence(seed, spawn_key=(0x72616E67, *path.encode("utf-8")))))


def test_each_range_draws_the_documented_stream_of_its_path() -> None:
    drawn = draws_of(scenario(PLAN), 200, 3)
    assert set(drawn) == {"acquisition[0].bid", "acquisition[1].bid", "organic_users", "retention.points[3]",
                          "costs.fixed[0].monthly"}
    np.testing.assert_array_equal(drawn["acquisition[0].bid"], documented_stream(3, "acquisition[0].bid").uniform(10, 20, 200))
    np.testing.assert_array_equal(drawn["organic_users"], documented_stream(3, "organic_users").triangular(100, 300, 400, 200))
    # 300..1000 is lognormal with 90% of its mass inside: mu and sigma of docs/formulas.md §9.
    mu, sigma = (np.log(300) + np.log(1000)) / 2, (np.log(1000) - np.log(300)) / (2 * 1.6448536269514722)
    np.testing.assert_array_equal(drawn["costs.fixed[0].monthly"],
                                  documented_stream(3, "costs.fixed[0].monthly").lognormal(mu, sigma, 200))


def test_a_range_keeps_its_draws_when_the_other_ranges_change() -> None:
    before = draws_of(scenario(PLAN), 500, 8)
    # The organic users fixed, a range added ahead of the rest, a channel's bid made wider: the others draw as before.
    changed = scenario(PLAN.replace("{dist: triangular, low: 100, mode: 300, high: 400}", "300")
                       .replace("horizon_months: 12", "horizon_months: 12\ndiscount_rate: 0.05..0.15")
                       .replace("bid: {dist: uniform, low: 10, high: 20}, budget: 10000}\n  - {name: B",
                                "bid: {dist: uniform, low: 8, high: 24}, budget: 10000}\n  - {name: B"))
    after = draws_of(changed, 500, 8)
    assert "organic_users" not in after and "discount_rate" in after
    for path in ("acquisition[1].bid", "retention.points[3]", "costs.fixed[0].monthly"):
        np.testing.assert_array_equal(after[path], before[path])
    assert not np.array_equal(after["acquisition[0].bid"], before["acquisition[0].bid"])
    # Another seed, other draws.
    assert not np.array_equal(draws_of(scenario(PLAN), 500, 9)["acquisition[1].bid"], before["acquisition[1].bid"])


def test_two_ranges_alike_draw_unrelated_numbers() -> None:
    samples = 20_000
    drawn = draws_of(scenario(PLAN), samples, 0)
    correlation = np.corrcoef(drawn["acquisition[0].bid"], drawn["acquisition[1].bid"])[0, 1]
    assert abs(correlation) < 4 / np.sqrt(samples)  # four standard errors of a correlation of 0


def test_the_generator_only_names_the_seed() -> None:
    plan = scenario(PLAN)
    used = np.random.default_rng(4)
    used.random(1000)
    for path, values in draws_of(plan, 50, 4).items():
        np.testing.assert_array_equal(dict(paired_ranges(plan, realize(plan, 50, used)))[path], values)


def test_a_generator_without_a_seed_sequence_is_refused() -> None:
    legacy = np.random.Generator(np.random.RandomState(5)._bit_generator)  # a seed without a SeedSequence
    with pytest.raises(TypeError, match="SeedSequence"):
        realize(scenario(PLAN), 10, legacy)


# A range in every kind of place: retention days, by month, a conversion by age, beside plain fields.
EVERY_PLACE = """\
name: Every place a range can be
horizon_months: 24
discount_rate: 0.05..0.15
acquisition:
  - {name: Scale, type: cpa, bid: {by_month: {1: 10..14, 24: 16}}, budget: 60000, months: 1-24}
retention: {days: {1: 0.4..0.5, 7: 0.2..0.3, 30: 0.1}}
monetization:
  plans: [{name: Monthly, price: 30, period: month, conversion: {0: 3%..5%, 2: 1%}, renewal: 0.6..0.8}]
costs: {fixed: [{name: Tools, monthly: 300..1000}]}
"""
BUNDLED = sorted((ROOT / "scenarios").glob("*.yaml")) + sorted((ROOT / "aigc_roi" / "templates").glob("*.yaml"))


@pytest.mark.parametrize("source", [PLAN, EVERY_PLACE, *BUNDLED],
                         ids=lambda source: source.name if isinstance(source, Path) else source.splitlines()[0])
def test_every_range_has_a_path_of_its_own_and_its_draws_land_there(source: Path | str) -> None:
    plan = load_path(source).scenario if isinstance(source, Path) else scenario(source)
    paths = [name for name, _ in paired_ranges(plan, plan)]
    assert len(set(paths)) == len(paths)
    # The walk that puts the draws in place takes them in the order their paths (and streams) are listed.
    markers = [np.full(3, 0.5) for _ in paths]
    realized = realized_from(plan, iter(markers))
    assert all(drawn is marker for (_, drawn), marker in zip(paired_ranges(plan, realized), markers, strict=True))
