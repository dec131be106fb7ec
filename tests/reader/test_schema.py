"""`aigc-roi schema`: a valid draft 2020-12 schema that agrees with the loader.

Editors check files with the schema, CI with the loader; a bundled scenario
the schema rejects would show red squiggles on a file `validate` accepts.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from cli_runner import invoke
from jsonschema import Draft202012Validator

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.reader.fields import json_schema
from aigc_roi.reader.load import load_text

TEMPLATES = sorted((Path(__file__).resolve().parents[2] / "aigc_roi" / "templates").glob("*.yaml"))
VALIDATOR = Draft202012Validator(json_schema())

MINIMAL = "name: Minimal\nretention: {monthly_churn: 0.5}\n"
SPEC_EXAMPLE = """\
version: 1
name: Image community, annual membership
currency: CNY
horizon_months: 24
start: 2025-01
discount_rate: 0.10
acquisition:
  - {name: Bilibili CPA, type: cpa, bid: 30, budget: 600_000, months: 1-6, saturation_budget: 2_000_000}
  - {name: Douyin creators, type: kol, posts: 4, fee: 50_000, views: 800_000, view_to_user: 0.002, views_decay: 0.1}
  - {name: Feed ads, type: cpm, cpm: 40, ctr: 0.012, cvr: 0.08, budget: 200_000}
  - {name: Subway posters, type: flat, cost: 1_000_000, users: 20_000, months: 1}
organic_users: 500
virality: 0.1
retention:
  points: {1: 0.40, 3: 0.25, 6: 0.18, 12: 0.12}
monetization:
  plans:
    - {name: Annual member, price: 365, period: year, conversion: 0.05, renewal: 0.6}
  purchases:
    - {name: Prompt pack, price: 19.9, rate: 0.02}
  revenue_fee: 0.0
costs:
  serving_per_active_user: 0.8
  fixed:
    - {name: Tools and compute, monthly: 300..1000}
    - {name: Community platform, monthly: 100..300, months: 1-12}
targets: {max_payback_months: 12, min_roi: 0.0, min_ltv_to_cac: 3, min_roas: 1.1, max_cac: "25", min_npv: 1万}
"""


def as_json_document(text: str) -> Any:
    """The YAML as the language server hands it to the schema: mapping keys are strings in JSON."""

    def keys_to_strings(value: Any) -> Any:
        if isinstance(value, dict):
            return {str(key): keys_to_strings(item) for key, item in value.items()}
        if isinstance(value, list):
            return [keys_to_strings(item) for item in value]
        return value

    return keys_to_strings(yaml.safe_load(text))


def test_schema_command_prints_the_schema() -> None:
    result = invoke(["schema"])
    assert result.exit_code == 0
    printed = json.loads(result.stdout)
    assert printed == json_schema()
    assert printed["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(printed)


def test_schema_command_writes_a_file_once(tmp_path: Path) -> None:
    target = tmp_path / "aigc-roi.schema.json"
    assert invoke(["schema", "--output", str(target)]).exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8")) == json_schema()
    assert invoke(["schema", "--output", str(target)]).exit_code == 2


def test_there_are_bundled_scenarios() -> None:
    assert TEMPLATES, "aigc_roi/templates/*.yaml: no bundled scenario to check the schema against"


@pytest.mark.parametrize("template", TEMPLATES, ids=[path.name for path in TEMPLATES])
def test_every_bundled_scenario_validates_against_the_schema(template: Path) -> None:
    text = template.read_text(encoding="utf-8")
    load_text(text, str(template))
    errors = [f"{'.'.join(map(str, error.absolute_path))}: {error.message}"
              for error in VALIDATOR.iter_errors(as_json_document(text))]
    assert errors == []


@pytest.mark.parametrize("text", [MINIMAL, SPEC_EXAMPLE], ids=["minimal", "spec-example"])
def test_files_the_loader_accepts_the_schema_accepts(text: str) -> None:
    load_text(text, "s.yaml")
    assert list(VALIDATOR.iter_errors(as_json_document(text))) == []


def _gated(after: object, channels: str, then: str) -> str:
    """A plan of two channels with a gate testing ``channels`` after month ``after``, ``then`` waiting for it."""
    return MINIMAL + "acquisition: [{name: A, type: cpa, bid: 10, budget: 100}, {name: B, type: cpa, bid: 10, budget: 100}]\n" \
        f"gates: [{{name: g, after_month: {after}, channels: {channels}, min_roas: 1, then: {then}}}]\n"


REJECTED = {
    "unknown key": MINIMAL + "budgett: 5\n",
    "bid as a list": MINIMAL + "acquisition:\n  - {name: A, type: cpa, bid: [1, 2], users: 10}\n",
    "no name": "retention: {monthly_churn: 0.5}\n",
    "no retention": "name: No retention\n",
    "both budget and users": MINIMAL + "acquisition:\n  - {name: A, type: cpa, bid: 1, budget: 10, users: 10}\n",
    "unknown channel type": MINIMAL + "acquisition:\n  - {name: A, type: tv, cost: 1, users: 1}\n",
    "rate above one": "name: X\nretention: {monthly_churn: 1.5}\n",
    "number with a bad suffix": MINIMAL + "organic_users: 12x\n",
    "unknown target": MINIMAL + "targets: {min_irr: 0.1}\n",
    # A month or a count of months is no percentage (docs/formulas.md §12); the schema let these through.
    "horizon in percent": MINIMAL + 'horizon_months: "600%"\n',
    "ltv months in percent": MINIMAL + 'ltv_months: "600%"\n',
    "version in percent": 'version: "100%"\n' + MINIMAL,
    "a target's months in percent": MINIMAL + 'targets: {max_payback_months: "1200%"}\n',
    "a gate's month in percent": _gated(after='"200%"', channels="[A]", then="[B]"),
    # A gate tests one channel at least: null (no items) and [] were valid to the schema.
    "a gate's channels null": _gated(after=2, channels="null", then="[B]"),
    "a gate's channels empty": _gated(after=2, channels="[]", then="[B]"),
    # Refused by both before, and still.
    "months in percent": MINIMAL + 'acquisition: [{name: A, type: cpa, bid: 10, budget: 100, months: "300%"}]\n',
    "period in percent": MINIMAL + 'monetization: {plans: [{name: P, price: 10, period: "600%", conversion: 5%}]}\n',
}


@pytest.mark.parametrize("text", REJECTED.values(), ids=REJECTED.keys())
def test_schema_and_loader_both_reject(text: str) -> None:
    assert list(VALIDATOR.iter_errors(as_json_document(text))), "the schema accepted it"
    with pytest.raises(ScenarioInvalid):
        load_text(text, "s.yaml")


WHOLE_NUMBERS_AS_TEXT = {
    "a month in full-width digits": MINIMAL + "acquisition: [{name: A, type: cpa, bid: 10, budget: 100, months: ３}]\n",
    "a month quoted": MINIMAL + 'acquisition: [{name: A, type: cpa, bid: 10, budget: 100, months: "3.0"}]\n',
    "months in full-width digits": MINIMAL + "acquisition: [{name: A, type: cpa, bid: 10, budget: 100, months: [１, ２]}]\n",
    "a period in full-width digits": MINIMAL + "monetization: {plans: [{name: P, price: 10, period: １２, conversion: 5%}]}\n",
    "a period quoted": MINIMAL + 'monetization: {plans: [{name: P, price: 10, period: "12", conversion: 5%}]}\n',
    "a period with an exponent": MINIMAL + "monetization: {plans: [{name: P, price: 10, period: 1e1, conversion: 5%}]}\n",
    "a horizon in full-width digits": MINIMAL + "horizon_months: １２\n",
    "a gate's month in full-width digits": _gated(after="３", channels="[A]", then="[B]"),
    "a gate's then null": _gated(after=2, channels="[A]", then="null"),
}
"""Months and counts of months written as text in a form the loader reads (reader/numbers.py ``whole_number``): an
editor must not underline them. A single month and a period had no text form in the schema."""


@pytest.mark.parametrize("text", WHOLE_NUMBERS_AS_TEXT.values(), ids=WHOLE_NUMBERS_AS_TEXT.keys())
def test_a_month_written_as_text_the_loader_reads_the_schema_accepts(text: str) -> None:
    load_text(text, "s.yaml")
    assert _errors_at(text) == []


def _walk(node: Any) -> Any:
    """Every dict in the schema, depth first."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def test_the_number_pattern_is_defined_once() -> None:
    schema = json_schema()
    text = json.dumps(schema, ensure_ascii=False)
    number_pattern = schema["$defs"]["number_text"]["pattern"]
    # The range pattern holds the number pattern twice; nothing else repeats it.
    assert text.count(json.dumps(number_pattern, ensure_ascii=False)[1:-1]) == 1
    assert len(text.encode("utf-8")) < 64 * 1024  # was 236 KB with the pattern inlined 405 times


def test_every_field_has_a_title() -> None:
    # The if-conditions of channel types ({"type": {"const": "cpa"}}) are tests, not fields.
    untitled = [key for node in _walk(json_schema()) for key, field in node.get("properties", {}).items()
                if "title" not in field and set(field) != {"const"}]
    assert untitled == []


def _errors_at(text: str) -> list[str]:
    return sorted("/".join(map(str, error.absolute_path)) for error in VALIDATOR.iter_errors(as_json_document(text)))


def test_a_channel_error_names_the_field_that_is_wrong() -> None:
    # type: cpm picks the cpm shape, so the editor flags ctr itself, not "matches none of 4 shapes" at the channel.
    text = MINIMAL + "acquisition:\n  - {name: A, type: cpm, cpm: 40, ctr: 1.5, cvr: 0.1, budget: 10}\n"
    assert _errors_at(text) == ["acquisition/0/ctr"]
    with pytest.raises(ScenarioInvalid) as refused:
        load_text(text, "s.yaml")
    assert [error.path for error in refused.value.errors] == ["acquisition[0].ctr"]


def test_a_field_of_another_channel_type_is_flagged_there() -> None:
    text = MINIMAL + "acquisition:\n  - {name: A, type: cpa, bid: 20, users: 10, ctr: 0.1}\n"
    assert _errors_at(text) == ["acquisition/0"]  # additionalProperties: the unknown key ctr on this channel
    messages = [error.message for error in VALIDATOR.iter_errors(as_json_document(text))]
    assert any("'ctr'" in message for message in messages)


@pytest.mark.parametrize("written", ["30", "３０", "1_000", "１.５万", "5%", "1e6", "12x", "３０元", "--5", "1..2"])
def test_schema_reads_number_text_as_the_loader_does(written: str) -> None:
    text = f"name: X\nretention: {{monthly_churn: 0.5}}\norganic_users: '{written}'\n"
    try:
        load_text(text, "s.yaml")
        loader_accepts = True
    except ScenarioInvalid:
        loader_accepts = False
    assert (_errors_at(text) == []) == loader_accepts, written


SCHEMA_REJECTS = [
    "bool_true_bid", "bool_yes_bid", "channel_type_tv", "channels_51", "contra_budget_and_users",
    "contra_cpm_budget_and_impressions", "contra_retention_neither", "contra_retention_points_and_churn",
    "currency_number", "empty_name", "key_at_wrong_level", "list_as_text", "missing_name", "missing_retention",
    "plan_period_zero", "range_ctr_above_one",
    "range_horizon_121", "range_horizon_zero", "range_negative_bid", "range_virality_one", "start_month_13",
    "suffix_12x", "suffix_double_wan", "type_list_for_mapping", "type_list_for_name", "type_list_for_number",
    "type_mapping_for_list", "type_number_for_channel_type", "type_string_for_number", "unknown_key_bidd",
    "unknown_key_retension", "version_2",
]
"""Corpus files whose one problem a schema can see. The rest need the loader: YAML-level problems (tags,
anchors, encodings) and rules across fields or the horizon (retention rising, low <= high, months <= horizon)."""


@pytest.mark.parametrize("name", SCHEMA_REJECTS)
def test_bad_inputs_of_the_corpus_fail_the_schema_too(name: str) -> None:
    text = (Path(__file__).parents[1] / "contract" / "bad_inputs" / f"{name}.yaml").read_text(encoding="utf-8")
    with pytest.raises(ScenarioInvalid):
        load_text(text, "s.yaml")
    assert list(VALIDATOR.iter_errors(as_json_document(text))), "the schema accepted a file the loader refuses"


BEYOND_A_SINGLE_FIELD_BOUND = {
    "ctr 150% on a cpm channel": MINIMAL + "acquisition:\n  - {name: A, type: cpm, cpm: 30, ctr: 150%, cvr: 5%, budget: 1万}\n",
    "conversion 300%": MINIMAL + "monetization: {plans: [{name: P, price: 10, period: month, conversion: 300%}]}\n",
    "conversion by age 120%": MINIMAL + "monetization: {plans: [{name: P, price: 10, period: month, conversion: {0: 120%}}]}\n",
    "renewal list with 101%": MINIMAL + "monetization: {plans: [{name: P, price: 10, period: month, conversion: 5%, "
                              "renewal: [50%, 101%]}]}\n",
    "revenue fee 100.01%": MINIMAL + "monetization: {revenue_fee: 100.01%}\n",
    "revenue fee as text 1.01": MINIMAL + "monetization: {revenue_fee: '1.01'}\n",
    "virality as text 1.5": MINIMAL + 'virality: "1.5"\n',
    "virality 100% (it must stay below 1)": MINIMAL + "virality: 100%\n",
    "virality as text 1": MINIMAL + "virality: '1'\n",
    "retention share by month 150%": "name: X\nretention: {points: {1: 150%}}\n",
    "a number over 1e15": MINIMAL + "organic_users: 1.0e+16\n",
    "a by-month number over 1e15": MINIMAL + "organic_users: {by_month: {1: 2.0e+15}}\n",
    "a signed target beyond -1e15": MINIMAL + "targets: {min_npv: -1.0e+16}\n",
    "a range end over 1e15": MINIMAL + "organic_users: {low: 1, high: 1.0e+16}\n",
    "one retention day": "name: X\nretention: {days: {1: 45%}}\n",
}
"""Values beyond a bound of their own field, written as text or as a plain number past the size limit
(docs/limits.md): an editor underlines them as validate refuses them."""


@pytest.mark.parametrize("text", BEYOND_A_SINGLE_FIELD_BOUND.values(), ids=BEYOND_A_SINGLE_FIELD_BOUND.keys())
def test_a_value_beyond_its_field_bound_fails_the_schema_and_the_loader(text: str) -> None:
    assert list(VALIDATOR.iter_errors(as_json_document(text))), "the schema accepted it"
    with pytest.raises(ScenarioInvalid):
        load_text(text, "s.yaml")


AT_THE_EDGE = {
    "fee 0%": MINIMAL + "monetization: {revenue_fee: 0%}\n",
    "fee 100%": MINIMAL + "monetization: {revenue_fee: 100%}\n",
    "fee 100.0%": MINIMAL + "monetization: {revenue_fee: 100.0%}\n",
    "fee 12.5%": MINIMAL + "monetization: {revenue_fee: 12.5%}\n",
    "fee .5%": MINIMAL + "monetization: {revenue_fee: .5%}\n",
    "fee 7 %": MINIMAL + "monetization: {revenue_fee: 7 %}\n",
    "fee full-width 12.5%": MINIMAL + "monetization: {revenue_fee: １２.５%}\n",
    "fee as text 1": MINIMAL + "monetization: {revenue_fee: '1'}\n",
    "fee as text 0.125": MINIMAL + "monetization: {revenue_fee: '0.125'}\n",
    "fee as text .5": MINIMAL + "monetization: {revenue_fee: '.5'}\n",
    "conversion by age 0% and 100%": MINIMAL + "monetization: {plans: [{name: P, price: 10, period: month, "
                                     "conversion: {0: 0%, 1: 100%}}]}\n",
    "virality 99.9%": MINIMAL + "virality: 99.9%\n",
    # Bounded only below (spec 1.1): above 100% a year a rate is valid, and warned of (reader/discount_warning.py).
    "discount rate 100%": MINIMAL + "discount_rate: 100%\n",
    "discount rate 10 (1,000% a year)": MINIMAL + "discount_rate: 10\n",
    "discount rate 150%": MINIMAL + "discount_rate: 150%\n",
    "virality as text 0.999": MINIMAL + "virality: '0.999'\n",
    "organic users 1e15": MINIMAL + "organic_users: 1.0e+15\n",
    "min npv -1e15": MINIMAL + "targets: {min_npv: -1.0e+15}\n",
    "two retention days": "name: X\nretention: {days: {1: 45%, 30: 12%}}\n",
    # A share with an exponent or a suffix is read by the loader; the schema, which cannot bound it, lets it through.
    "fee as text 5e-2": MINIMAL + "monetization: {revenue_fee: '5e-2'}\n",
    "fee as text 0.0001万": MINIMAL + "monetization: {revenue_fee: 0.0001万}\n",
}


@pytest.mark.parametrize("text", AT_THE_EDGE.values(), ids=AT_THE_EDGE.keys())
def test_a_value_at_its_field_bound_passes_the_schema_and_the_loader(text: str) -> None:
    load_text(text, "s.yaml")
    assert _errors_at(text) == []


def test_share_patterns_are_anchored_and_fail_fast() -> None:
    defs = json_schema()["$defs"]
    for name in ("share_text", "share_below_one_text"):
        pattern = defs[name]["pattern"]
        assert pattern.startswith("^") and pattern.endswith("$")
        started = time.perf_counter()
        for attack in ("0" * 20_000 + "x", "0" * 20_000 + "150%", "1." + "0" * 20_000 + "1"):
            assert re.search(pattern, attack) is None
        assert time.perf_counter() - started < 1.0
