"""whatif/allocate_names.py: allocate keys two channels of one name by their paths too, and takes one of them by its
path; the shared name alone is refused naming both, as --set refuses it (docs/formulas.md §12)."""

from __future__ import annotations

import pytest

from aigc_roi import api
from aigc_roi.reader.load import load_text

SHARED = """\
name: Two A
horizon_months: 12
retention: {monthly_churn: 0.3}
acquisition:
  - {name: A, type: cpa, bid: 20, budget: 20000}
  - {name: A, type: cpa, bid: 10, budget: 20000}
  - {name: B, type: cpa, bid: 10, budget: 5000}
monetization:
  purchases: [{name: item, price: 10, rate: 1}]
"""


@pytest.mark.parametrize("argument", ["locks", "minimums", "maximums"])
def test_the_shared_name_is_refused_naming_both(argument: str) -> None:
    scenario = load_text(SHARED, "s.yaml").scenario
    given = {"locks": ["A"]} if argument == "locks" else {argument: {"A": 1000.0}}
    item = "locks[0]" if argument == "locks" else f"{argument}['A']"
    with pytest.raises(api.AllocationError) as refused:
        api.allocate(scenario, 30_000, **given)  # type: ignore[arg-type]
    # Named as the call gave it (api.ArgumentError), in --set's words.
    assert str(refused.value) == f"{item}: 'A' names 2 items: write the one meant, acquisition[0] or acquisition[1]"


def test_one_of_them_is_locked_by_its_path_and_bounded_by_it() -> None:
    """acquisition[1]'s 20,000 a month stays outside B. A user is worth 10 a month while active, 10 x (1 - 0.7^12) /
    0.3 = 32.6 over the year: B's, at 10, return more per yuan than the first A's, at 20, so B gets its maximum 5,000
    and the first A the rest of B = 30,000, 25,000."""
    scenario = load_text(SHARED, "s.yaml").scenario
    result = api.allocate(scenario, 30_000, locks="acquisition[1]", maximums={"B": 5_000})
    assert [(row.name, row.status) for row in result.channels] == [
        ("A (acquisition[0])", "movable"), ("A (acquisition[1])", "locked"), ("B", "movable")]
    assert result.phases[0].best == {"A (acquisition[0])": pytest.approx(25_000), "B": pytest.approx(5_000)}
