"""A key written in full where the format abbreviates it (``distribution`` for ``dist``, ``standard_deviation`` for
``sd``) is told the key, as a slip of its spelling is: difflib reads ``distribution`` as 0.5 of ``dist``, under the
cutoff, so ``{distribution: normal, mean, sd}`` was told the keys it could be and that its ``dist`` was missing."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.reader.load import load_text
from aigc_roi.reader.near_keys import nearest_key

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


@pytest.mark.parametrize(("written", "known", "meant"), [
    ("distribution", ("dist", "mean", "sd"), "dist"),
    ("click_through_rate", ("cpm", "ctr", "cvr", "budget"), "ctr"),   # initials
    ("cost_per_click", ("cost", "users"), None),      # a whole first word: the words after it may change its meaning
    ("distribution", ("low", "high"), None),          # abbreviates none
    ("standard_deviation", ("sd", "sdx"), "sd"),      # sd by its initials; sdx none
    ("summer_days", ("sd", "sum"), None),             # two keys abbreviate it: neither is offered
    ("lower", ("low", "high"), "low"),                # as before: difflib's 0.75
])
def test_an_abbreviation_is_found_last(written: str, known: tuple[str, ...], meant: str | None) -> None:
    assert nearest_key(written, known) == meant


@pytest.mark.parametrize(("lang", "told"), [
    ("en", "acquisition[0].bid.distribution: unknown key 'distribution'; did you mean 'dist'?"),
    ("zh", "acquisition[0].bid.distribution: 未知字段 'distribution'；是否想写 'dist'？"),
])
def test_validate_tells_distribution_as_dist_alone(tmp_path: Path, lang: str, told: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN.replace("BID", "{distribution: normal, mean: 10, sd: 1}"), encoding="utf-8")
    result = invoke(["--lang", lang, "validate", "-q", str(path)])
    assert (result.exit_code, result.stdout) == (2, f"{path}:4:{BID_COLUMN}: {told}\n")
