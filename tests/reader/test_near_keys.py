"""A misspelt key is told the known key it was meant as (spec §2), however it slipped: a key cut short or misspelt
in its first word (``horizen``), written without its underscore or in another case (``bymonth``), and a value
written by month whose ``by_month`` slipped is told that, never to write a range (QA spec N5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.reader.load import load_text
from aigc_roi.reader.near_keys import close_key, nearest_key

PLAN = """\
name: near
horizon_months: 12
acquisition:
  - {name: A, type: cpa, bid: 10, users: 1000, months: 1}
organic_users: 2
retention: {monthly_churn: 0.5}
"""


def errors(text: str) -> list[str]:
    with pytest.raises(ScenarioInvalid) as raised:
        load_text(text, "s.yaml")
    return [str(error) for error in raised.value.errors]


@pytest.mark.parametrize("slip", ["bymonth", "by_months", "By_Month", "by-month", "bymonths", "months"])
def test_a_schedules_slipped_key_is_told_by_month_alone(slip: str) -> None:
    text = PLAN.replace("organic_users: 2", f"organic_users: {{{slip}: {{1: 2}}}}")
    assert errors(text) == [f"s.yaml:5:17: organic_users.{slip}: unknown key '{slip}'; did you mean 'by_month'?"]


@pytest.mark.parametrize(("written", "told"), [
    # A key holding a mapping of months, in any words: a range's keys hold numbers.
    ("{按月: {1: 2}}", "5:17: organic_users.按月: unknown key '按月'; did you mean 'by_month'?"),
    # Months written without by_month above them.
    ("{1: 2, 6: 3}", "5:17: organic_users.1: unknown key '1'; months go under by_month, as in {by_month: {1: 12, 6: 30}}\n"
                     "s.yaml:5:23: organic_users.6: unknown key '6'; months go under by_month, as in "
                     "{by_month: {1: 12, 6: 30}}"),
    # Neither form's key: both forms' keys, by_month among them.
    ("{xyz: 1}", "5:17: organic_users.xyz: unknown key 'xyz'; expected one of by_month, high, low"),
])
def test_a_mapping_of_neither_form_on_a_field_by_month_is_no_range_missing_its_ends(written: str, told: str) -> None:
    text = PLAN.replace("organic_users: 2", f"organic_users: {written}")
    assert "\n".join(errors(text)) == f"s.yaml:{told}"


def test_a_field_never_by_month_still_lists_a_ranges_keys() -> None:
    text = PLAN.replace("monthly_churn: 0.5", "monthly_churn: {xyz: 0.5}")
    assert "unknown key 'xyz'; expected one of high, low" in "\n".join(errors(text))


def test_a_range_with_a_slipped_key_is_still_a_range() -> None:
    # Two keys, one of them a range's: a range slipped, told its own keys (no schedule has a low).
    text = PLAN.replace("organic_users: 2", "organic_users: {low: 1, hihg: 3}")
    assert errors(text) == ["s.yaml:5:25: organic_users.hihg: unknown key 'hihg'; did you mean 'high'?"]


@pytest.mark.parametrize(("old", "slip", "meant"), [
    ("horizon_months", "horizen", "horizon_months"),        # a slip in the first word of a longer key
    ("horizon_months", "horizon", "horizon_months"),        # the first word alone
    ("horizon_months", "HorizonMonths", "horizon_months"),  # another case, no underscore
    ("organic_users", "organic", "organic_users"),
    ("retention", "retension", "retention"),                # as before
    ("retention", "ret", "retention"),                      # the opening of one key alone: difflib said targets
    ("acquisition", "acq", "acquisition"),
    ("organic_users", "Org", "organic_users"),
])
def test_a_top_level_slip_is_told_its_key(old: str, slip: str, meant: str) -> None:
    assert f"{slip}: unknown key '{slip}'; did you mean '{meant}'?" in "\n".join(errors(PLAN.replace(f"{old}:", f"{slip}:")))


TOP = ("acquisition", "costs", "currency", "discount_rate", "gates", "horizon_months", "ltv_months", "monetization",
       "name", "organic_users", "referral_reward", "retention", "start", "targets", "version", "virality")
"""The top level's keys, as `validate` lists them."""


@pytest.mark.parametrize(("written", "known", "meant"), [
    ("bidd", ("bid", "budget", "users"), "bid"),   # difflib's nearest, kept
    ("tipe", ("type", "name", "bid"), "type"),
    ("min_roii", ("min_roi", "min_roas"), "min_roi"),
    ("name", ("days", "monthly_churn", "points"), None),  # resembles none: the keys are listed
    ("k99", ("name", "horizon_months"), None),
    ("bogus", ("budget", "bid"), None),
    ("extra", ("retention", "acquisition", "costs"), None),
    ("", ("name",), None),
    # Three letters or more that open exactly one key, without case or separators: that key, before difflib.
    ("ret", TOP, "retention"),
    ("acq", TOP, "acquisition"),
    ("mon", TOP, "monetization"),
    ("Hor", TOP, "horizon_months"),
    ("ser", ("serving_per_active_user", "serving_per_subscriber"), None),  # the opening of two names neither
    ("re", ("retention", "name"), None),                                   # too short to mean one word
    ("ltv", ("ltv_months", "name"), None),                                 # an abbreviation is its own word
])
def test_the_nearest_key_or_none(written: str, known: tuple[str, ...], meant: str | None) -> None:
    assert nearest_key(written, known) == meant


@pytest.mark.parametrize(("written", "known", "meant"), [
    ("month", ("months", "name"), "months"),   # a letter dropped
    ("costs", ("cost", "name"), "cost"),       # added
    ("tpye", ("type",), "type"),               # two swapped
    ("Min-ROI", ("min_roi",), "min_roi"),      # case and separators
    ("posts", ("costs",), None),               # a letter changed: no slip
    ("ab", ("abc",), None),                    # too short to tell
    ("bid", ("bids", "bidx"), None),           # a slip of two keys names neither
])
def test_the_close_key_or_none(written: str, known: tuple[str, ...], meant: str | None) -> None:
    assert close_key(written, known) == meant


def test_the_slip_is_told_in_chinese_too(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(PLAN.replace("horizon_months: 12", "horizen: 12").replace(
        "organic_users: 2", "organic_users: {bymonth: {1: 2}}"), encoding="utf-8")
    result = invoke(["validate", str(path), "--lang", "zh"])
    assert result.exit_code == 2
    assert f"{path}:2:1: horizen: 未知字段 'horizen'；是否想写 'horizon_months'？" in result.stdout
    assert f"{path}:5:17: organic_users.bymonth: 未知字段 'bymonth'；是否想写 'by_month'？" in result.stdout
    assert "low" not in result.stdout and "high" not in result.stdout


def test_an_opening_is_told_in_chinese_too(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(PLAN.replace("retention:", "ret:"), encoding="utf-8")
    result = invoke(["validate", str(path), "--lang", "zh"])
    assert (result.exit_code, result.stdout) == (2, f"{path}:6:1: ret: 未知字段 'ret'；是否想写 'retention'？\n")


def test_months_without_by_month_are_told_in_chinese(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(PLAN.replace("organic_users: 2", "organic_users: {1: 2}"), encoding="utf-8")
    result = invoke(["validate", str(path), "--lang", "zh"])
    assert (result.exit_code, result.stdout) == (
        2, f"{path}:5:17: organic_users.1: 未知字段 '1'；各月的值应写在 by_month 之下，如 {{by_month: {{1: 12, 6: 30}}}}\n")
