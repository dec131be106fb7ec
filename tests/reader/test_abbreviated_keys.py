"""A key written in full where the format abbreviates it (``distribution`` for ``dist``, ``standard_deviation`` for
``sd``) is told the key, as a slip of its spelling is: difflib reads ``distribution`` as 0.5 of ``dist``, under the
cutoff, so ``{distribution: normal, mean, sd}`` was told the keys it could be and that its ``dist`` was missing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.reader.load import load_text

PLAN = """\
name: keys
retention: {monthly_churn: 0.5}
acquisition:
  - {name: A, type: cpa, budget: 900, bid: BID}
"""
BID_COLUMN = len("  - {name: A, type: cpa, budget: 900, bid: {") + 1


def errors(bid: str) -> list[str]:
    with pytest.raises(ScenarioInvalid) as raised:
        load_text(PLAN.replace("BID", bid), "s.yaml")
    return [str(error) for error in raised.value.errors]


@pytest.mark.parametrize(("bid", "written", "meant"), [
    ("{distribution: normal, mean: 10, sd: 1}", "distribution", "dist"),
    ("{Distribution: uniform, low: 5, high: 10}", "Distribution", "dist"),
    ("{dist: normal, mean: 10, standard_deviation: 1}", "standard_deviation", "sd"),
    ("{dist: normal, mean: 10, std_dev: 1}", "std_dev", "sd"),
    ("{dist: normal, mean: 10, standardDeviation: 1}", "standardDeviation", "sd"),
])
def test_a_key_written_in_full_is_told_its_abbreviation_alone(bid: str, written: str, meant: str) -> None:
    column = BID_COLUMN + bid.index(written) - 1
    assert errors(bid) == [f"s.yaml:4:{column}: acquisition[0].bid.{written}: unknown key '{written}'; "
                           f"did you mean '{meant}'?"]


LEVELS = """\
name: keys
currency: EUR
horizon_months: 12
TOP
acquisition:
  - {name: A, type: cpm, cpm: 20, ctr: 0.01, cvr: 0.1, budget: 900CHANNEL}
  - {name: B, type: cpa, budget: 900, bid: BID}
retention: {monthly_churn: 0.5}
monetization:
  plans:
    - {name: M, price: 9.99, period: month, conversion: 0.05PLAN}
targets: {min_roi: 0.1TARGET}
"""


def suggested(level: str, written: str) -> str | None:
    """The key the reader tells ``written`` at ``level`` to write instead, or None where it suggests none."""
    text = LEVELS
    for place in ("TOP", "CHANNEL", "BID", "PLAN", "TARGET"):
        filled = {"TOP": f"{written}: 1", "BID": f"{{dist: normal, mean: 10, sd: 2, {written}: 1}}"}.get(place, f", {written}: 1")
        text = text.replace(place, filled if place == level else "10" if place == "BID" else "")
    with pytest.raises(ScenarioInvalid) as raised:
        load_text(text, "s.yaml")
    told = [error.message for error in raised.value.errors if f"'{written}'" in error.message]
    assert len(told) == 1, raised.value.errors
    meant = re.search(r"did you mean '([^']+)'\?", told[0])
    return meant[1] if meant else None


@pytest.mark.parametrize(("level", "written", "meant"), [
    # A word opening another (the key a cut of the written word) is no abbreviation of it, nor are words' initials:
    ("TOP", "startup_costs", None),
    ("TOP", "starting_cash", None),
    ("CHANNEL", "cost_per_month", None),       # cpm by its initials: a monthly cost read as a price per 1,000 impressions
    ("CHANNEL", "cash_per_mille", None),
    ("PLAN", "feedback", None),                # fee
    ("PLAN", "desc", None),
    # Three letters that open one key of their level name it (near_keys._opened); an abbreviation is its own word:
    ("TOP", "acq", "acquisition"),
    ("TOP", "mon", "monetization"),
    ("TOP", "cur", "currency"),
    ("TOP", "ret", "retention"),
    ("TOP", "ltv", None),                      # ltv_months counts months, it is no LTV
    ("PLAN", "ren", "renewal"),
    # The format's abbreviations spelt out (near_keys.SPELLED_OUT):
    ("BID", "distribution", "dist"),
    ("BID", "Distribution", "dist"),
    ("BID", "standard_deviation", "sd"),
    ("BID", "std_dev", "sd"),
    ("BID", "stdev", "sd"),
    ("CHANNEL", "click_through_rate", "ctr"),
    ("CHANNEL", "cost_per_mille", "cpm"),
    ("CHANNEL", "cost_per_thousand", "cpm"),
    ("CHANNEL", "conversion_rate", "cvr"),     # not difflib's conversion_index (0.77): a multiplier, not a rate
    ("TARGET", "max_customer_acquisition_cost", "max_cac"),
    ("TARGET", "min_return_on_investment", "min_roi"),
    ("TARGET", "minimum_roas", "min_roas"),
    ("TOP", "LifetimeValueMonths", "ltv_months"),
    # Slips and cuts of a key, as before (difflib, the key without separators, openings of four letters or more):
    ("BID", "std", "sd"),
    ("PLAN", "conv", "conversion"),
    ("TOP", "curr", "currency"),
    ("TOP", "disc", "discount_rate"),
    ("TOP", "horizon", "horizon_months"),
])
def test_only_the_formats_abbreviations_spelt_out_are_told_their_key(level: str, written: str, meant: str | None) -> None:
    assert suggested(level, written) == meant


@pytest.mark.parametrize(("lang", "told"), [
    ("en", "acquisition[0].bid.distribution: unknown key 'distribution'; did you mean 'dist'?"),
    ("zh", "acquisition[0].bid.distribution: 未知字段 'distribution'；是否想写 'dist'？"),
])
def test_validate_tells_distribution_as_dist_alone(tmp_path: Path, lang: str, told: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN.replace("BID", "{distribution: normal, mean: 10, sd: 1}"), encoding="utf-8")
    result = invoke(["--lang", lang, "validate", "-q", str(path)])
    assert (result.exit_code, result.stdout) == (2, f"{path}:4:{BID_COLUMN}: {told}\n")
