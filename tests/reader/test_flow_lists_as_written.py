"""A flow list's items are read as written. 3b32b3f0 joined a list's pieces into one number once one started with 0
or followed an item 0: ``match: [123,045]`` became one pattern ``123,045`` (actuals: spend of campaigns 123 and 045
unmatched, exit 0), ``renewal: [0,1]`` or ``[0.9,0,0]`` was refused (``found '0,1'; ... write 0.1``). Each list is
its items again, in the file and through ``--set``; only a flow mapping's key with no value is joined."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.reader.load import load_text

ROOT = Path(__file__).resolve().parents[2]
STARTER = ROOT / "scenarios" / "starter.yaml"
PLAN = ("name: H\nhorizon_months: 12\nacquisition:\n"
        "  - {{name: C, type: cpa, bid: 20, budget: 1000, match: {match}}}\n"
        "retention: {{monthly_churn: 0.5}}\n"
        "monetization: {{plans: [{{name: P, price: 10, period: 1, conversion: 0.1, renewal: {renewal}}}]}}\n")


def read(match: str = "[c]", renewal: str = "0.5") -> object:
    return load_text(PLAN.format(match=match, renewal=renewal), "s.yaml").scenario


@pytest.mark.parametrize(("written", "rates"), [
    ("[0,1]", (0.0, 1.0)), ("[1,0]", (1.0, 0.0)), ("[0,0,0]", (0.0, 0.0, 0.0)), ("[0.9,0,0]", (0.9, 0.0, 0.0)),
    ("[1,0,1]", (1.0, 0.0, 1.0)), ("[0.5,1,0]", (0.5, 1.0, 0.0)), ("[1,1,0]", (1.0, 1.0, 0.0)),
])
def test_a_renewal_list_without_spaces_is_its_rates(written: str, rates: tuple[float, ...]) -> None:
    assert read(renewal=written).monetization.plans[0].renewal == rates  # type: ignore[attr-defined]


@pytest.mark.parametrize(("written", "patterns"), [("[123,045]", ("123", "045")), ("[0,100]", ("0", "100")),
                                                   ("[dy_0,dy_1]", ("dy_0", "dy_1"))])
def test_match_patterns_without_spaces_are_each_a_pattern(written: str, patterns: tuple[str, ...]) -> None:
    assert tuple(read(match=written).acquisition[0].match) == patterns  # type: ignore[attr-defined]


def test_actuals_matches_campaigns_123_and_045(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Campaign 123 spent 1000, 045 spent 2000, both the channel's: none is unmatched.
    plan = STARTER.read_text(encoding="utf-8").replace("# start: 2025-01", "start: 2025-01", 1)
    plan = plan.replace("    months: 1-6", "    months: 1-6\n    match: [123,045]", 1)
    assert "match: [123,045]" in plan and "\nstart: 2025-01" in plan
    (tmp_path / "plan.yaml").write_text(plan, encoding="utf-8")
    (tmp_path / "ids.csv").write_text("date,campaign,spend,new_users\n2025-01-01,123,1000,50\n"
                                      "2025-01-01,045,2000,80\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke(["actuals", "plan.yaml", "ids.csv"], env={"COLUMNS": "200"})
    assert result.exit_code == 0 and "expected a number" not in result.stderr, result.stderr
    out = result.stdout + result.stderr
    assert "every campaign matched a channel" in out and "unmatched" not in out


def test_a_renewal_list_through_set_is_its_rates() -> None:
    result = invoke(["run", str(ROOT / "scenarios" / "chat-assistant-cpa.yaml"), "--set",
                     "monetization.plans[0].renewal=[0.9,0,0]"], env={"COLUMNS": "200"})
    assert result.exit_code == 0 and "expected a number" not in result.stderr, result.stderr


def test_a_number_with_commas_in_a_flow_mapping_is_still_joined() -> None:
    with pytest.raises(ScenarioInvalid) as raised:
        load_text(PLAN.format(match="[c]", renewal="0.5").replace("budget: 1000", "budget: 1,000,000"), "s.yaml")
    (error,) = raised.value.errors
    assert error.path == "acquisition[0].budget" and "found '1,000,000'" in error.message


@pytest.mark.parametrize(("field", "mapping"), [("retention", "{points: {1: 0.5, 3:}}"),
                                              ("retention", "{days: {1: 0.5, 7: 0.3, 30:}}"),
                                              ("retention", "{monthly_churn: 0.5}\norganic_users: {by_month: {1: 5, 3:}}")])
def test_a_key_of_digits_without_a_value_is_valid_in_no_mapping(field: str, mapping: str) -> None:
    # Why joining such a key into the value before it hides no valid reading (reader/comma_split.py); with its
    # own colon (``3:``) the key is left a key, so it is refused as one.
    text = PLAN.format(match="[c]", renewal="0.5").replace("retention: {monthly_churn: 0.5}", f"{field}: {mapping}")
    with pytest.raises(ScenarioInvalid) as raised:
        load_text(text, "s.yaml")
    assert [error.line for error in raised.value.errors] in ([5], [6])


def refused(renewal: str) -> list[tuple[str, str]]:
    with pytest.raises(ScenarioInvalid) as raised:
        read(renewal=renewal)
    return [(error.path, error.message) for error in raised.value.errors]


RATE = "monetization.plans[0].renewal"


def test_a_rate_split_at_its_decimal_comma_is_told_the_number_meant() -> None:
    # Still four items, 5 and 7 refused where they were; each error adds the decimal-comma reading of its pair.
    assert refused("[0,5, 0,7]") == [
        (f"{RATE}[1]", "expected a number from 0 to 1, found 5; did you mean 5%?; if 0,5 was meant, write 0.5"),
        (f"{RATE}[3]", "expected a number from 0 to 1, found 7; did you mean 7%?; if 0,7 was meant, write 0.7")]


@pytest.mark.parametrize("renewal", ["[0,5,0,7]", "[0, 5, 0, 7]", "[0.5, 7]", "[1,5, 0.5]", "[10,5, 0.5]", "[-0,5, 0.5]"])
def test_no_pair_standing_apart_is_told_no_decimal_comma(renewal: str) -> None:
    # No comma with a space beside tight ones (or none tight): nothing tells which commas were decimal commas. Nor is
    # a number offered that the rate refuses in turn (1.5, 10.5, -0.5: QA).
    assert not any("was meant" in message for _, message in refused(renewal))


def test_the_decimal_comma_hint_in_chinese(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(PLAN.format(match="[c]", renewal="[0,5, 0.7]"), encoding="utf-8")
    result = invoke(["--lang", "zh", "validate", str(path)], env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert result.stdout.rstrip().endswith("；若本意是 0,5，请写 0.5"), result.stdout
