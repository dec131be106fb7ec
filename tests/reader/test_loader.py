"""The loader: the format's syntax (README, format reference) in, typed scenario or located errors out."""

from __future__ import annotations

import math
import textwrap

import pytest
import yaml

from aigc_roi.model import scenario as models
from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.reader import yamltree
from aigc_roi.reader.load import decode, load_text
from aigc_roi.reader.numbers import ValueProblem, parse_number_text
from aigc_roi.reader.overrides import parse_override

MINIMAL = "name: Minimal\nretention: {monthly_churn: 0.5}\n"


def load(text: str, *sets: str) -> models.Scenario:
    return load_text(textwrap.dedent(text), "s.yaml", tuple(parse_override(s) for s in sets)).scenario


def errors_of(text: str, *sets: str) -> list[str]:
    with pytest.raises(ScenarioInvalid) as caught:
        load(text, *sets)
    return [str(error) for error in caught.value.errors]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("6_000_000", 6e6), ("1e6", 1e6), ("1.5万", 15000.0), ("2亿", 2e8), ("5%", 0.05),
        ("1.1%", 0.011), ("30k", 30000.0), ("2.5M", 2.5e6), ("3m", 3e6), (".5", 0.5), ("-3", -3.0),
    ],
)
def test_number_suffixes(text: str, value: float) -> None:
    assert parse_number_text(text) == value


@pytest.mark.parametrize("text", ["12x", "1.5万万", "nan", "inf", "", "1,000", "1e400"])
def test_number_text_rejected(text: str) -> None:
    with pytest.raises(ValueProblem):
        parse_number_text(text)


def test_defaults_of_a_minimal_file() -> None:
    scenario = load(MINIMAL)
    assert scenario.name == "Minimal"
    assert scenario.horizon_months == 24
    assert scenario.currency == "CNY"
    assert scenario.discount_rate == 0.0
    assert scenario.acquisition == ()
    assert scenario.retention == models.RetentionChurn(0.5)
    assert scenario.month_labels()[:2] == ["M1", "M2"]


def test_spec_example_file_loads_every_section() -> None:
    scenario = load("""
        version: 1
        name: Image community, annual membership
        currency: CNY
        horizon_months: 24
        start: 2025-01
        discount_rate: 0.10
        acquisition:
          - {name: Bilibili CPA, type: cpa, bid: 30, budget: 600_000, months: 1-6, saturation_budget: 2_000_000}
          - {name: Douyin creators, type: kol, posts: 4, fee: 50_000, views: 800_000, view_to_user: 0.002,
             views_decay: 0.1}
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
        targets: {max_payback_months: 12, min_roi: 0.0, min_ltv_to_cac: 3}
    """)
    cpa, kol, cpm, flat = scenario.acquisition
    assert cpa == models.CpaChannel("Bilibili CPA", bid=30.0, budget=600_000.0,
                                    saturation_budget=2_000_000.0, months=(1, 2, 3, 4, 5, 6))
    assert kol.views_decay == 0.1 and kol.months is None
    assert cpm.budget == 200_000.0 and cpm.impressions is None
    assert flat.months == (1,)
    assert scenario.retention == models.RetentionPoints(((1, 0.4), (3, 0.25), (6, 0.18), (12, 0.12)))
    assert scenario.monetization.plans[0].period_months == 12
    tools = scenario.costs.fixed[0].monthly
    assert isinstance(tools, models.Distribution) and tools.kind == "lognormal"
    # The deterministic value of a lognormal range is its median sqrt(low * high).
    assert tools.median() == pytest.approx(math.sqrt(300 * 1000))
    assert scenario.start == (2025, 1)
    assert scenario.month_labels()[12] == "2026-01"
    assert scenario.targets == models.Targets(max_payback_months=12, min_roi=0.0, min_ltv_to_cac=3.0)


@pytest.mark.parametrize(
    ("field", "kind", "median"),
    [
        ('"10..40"', "lognormal", 20.0),
        ("{low: 0, high: 10}", "normal", 5.0),
        ("{dist: uniform, low: 10, high: 20}", "uniform", 15.0),
        # The median, not the mode: 20 - sqrt((20 - 10) x (20 - 12) / 2) (docs/formulas.md §9).
        ("{dist: triangular, low: 10, mode: 12, high: 20}", "triangular", 20.0 - 40.0**0.5),
        ("{dist: normal, mean: 30, sd: 3}", "normal", 30.0),
        ("{dist: lognormal, low: 1万, high: 4万}", "lognormal", 20000.0),
    ],
)
def test_range_forms(field: str, kind: str, median: float) -> None:
    scenario = load(MINIMAL + f"costs: {{serving_per_active_user: {field}}}\n")
    value = scenario.costs.serving_per_active_user
    assert isinstance(value, models.Distribution)
    assert value.kind == kind
    assert value.median() == pytest.approx(median)


@pytest.mark.parametrize(
    ("months", "expected"),
    [("all", None), ("3", (3,)), ('"1-6"', (1, 2, 3, 4, 5, 6)), ("[5, 1, 2]", (1, 2, 5))],
)
def test_month_forms(months: str, expected: tuple[int, ...] | None) -> None:
    scenario = load(MINIMAL + f"acquisition: [{{name: A, type: flat, cost: 1, users: 1, months: {months}}}]\n")
    assert scenario.acquisition[0].months == expected


def test_period_words_and_numbers() -> None:
    scenario = load(MINIMAL + """monetization:
  plans:
    - {name: M, price: 30, period: month, conversion: 0.1}
    - {name: Q, price: 80, period: quarter, conversion: 0.1}
    - {name: Six, price: 150, period: 6, conversion: 0.1}
""")
    assert [plan.period_months for plan in scenario.monetization.plans] == [1, 3, 6]


def test_bom_and_crlf_are_fine() -> None:
    text = decode(b"\xef\xbb\xbfname: BOM\r\nretention: {monthly_churn: 0.1}\r\n", "s.yaml")
    assert load_text(text, "s.yaml").scenario.name == "BOM"


def test_yaml_1_1_words_are_names_not_booleans() -> None:
    assert load("name: no\ncurrency: NOK\nretention: {monthly_churn: 0.1}\n").name == "no"


def test_every_problem_is_reported_with_its_location() -> None:
    errors = errors_of("""\
        name: Bad
        horizon_months: 12
        acquisition:
          - name: A
            type: cpa
            bidd: 20
            budget: -5
        retention: {monthly_churn: 1.5}
        virality: 1
    """)
    assert errors == [
        "s.yaml:6:5: acquisition[0].bidd: unknown key 'bidd'; did you mean 'bid'?",
        "s.yaml:7:13: acquisition[0].budget: expected a number >= 0, found -5",
        "s.yaml:8:28: retention.monthly_churn: expected a number from 0 to 1, found 1.5; did you mean 1.5%?",
        "s.yaml:9:11: virality: expected a number >= 0 and < 1, found 1",
    ]


@pytest.mark.parametrize(
    ("snippet", "message"),
    [
        ("acquisition: [{name: A, type: cpa, bid: 1, budget: 5, users: 5}]", "expected either budget or users"),
        ("acquisition: [{name: A, type: cpa, bid: 1}]", "missing 'budget' or 'users'"),
        ("acquisition: [{name: A, type: cpa, bid: 1, users: 5, saturation_budget: 9}]", "needs budget"),
        ("acquisition: [{name: A, type: cpa, bid: 0, budget: 5}]", "bid >= 1e-06 when a budget is given"),
        ("acquisition: [{name: A, type: cpm, cpm: 5, ctr: 0.1, cvr: 0.1}]", "missing 'budget' or 'impressions'"),
        ("acquisition: [{name: A, type: flat, cost: 1, users: 1, months: 25}]", "a month within 1..24"),
        ("acquisition: [{name: A, type: flat, cost: 1, users: 1, months: 6-1}]", "1 <= a <= b <= 24"),
        ("organic_users: .inf", "found .inf"),
        ("organic_users: true", "found a boolean (true)"),
        ("organic_users: 10..5", "expected low <= high, found 10..5"),
        ("organic_users: {dist: triangular, low: 1, mode: 5, high: 3}", "low <= mode <= high"),
        ("organic_users: {dist: bogus, low: 1, high: 2}", "expected one of lognormal, normal, uniform, triangular"),
        ("horizon_months: 121", "expected a whole number from 1 to 120, found 121"),
        ("version: 2", "expected 1 (the only format version), found 2"),
        ("start: 2025-13", "expected a month YYYY-MM"),
    ],
)
def test_rule_violations(snippet: str, message: str) -> None:
    errors = errors_of(MINIMAL + snippet + "\n")
    assert any(message in error for error in errors), errors


def test_retention_must_not_rise() -> None:
    errors = errors_of("name: R\nretention:\n  points: {1: 0.4, 3: 0.5}\n")
    assert errors == ["s.yaml:3:23: retention.points[3]: expected a share <= 0.4 "
                      "(retention cannot rise with age), found 0.5"]


def test_retention_needs_exactly_one_form() -> None:
    assert any("exactly one of 'points', 'monthly_churn' or 'days'" in e
               for e in errors_of("name: R\nretention: {points: {1: 0.5}, monthly_churn: 0.1}\n"))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name: A\nname: B\nretention: {monthly_churn: 0.1}\n", "s.yaml:2:1: name: duplicate key 'name' (first at line 1)"),
        ("name: !!str A\nretention: {monthly_churn: 0.1}\n", "s.yaml:1:7: name: YAML tags are not allowed"),
        ("name: &x A\nretention: {monthly_churn: 0.1}\nx: *x\n", "s.yaml:1:7: name: YAML anchors and aliases"),
        ("- a\n- b\n", "s.yaml:1:1: expected a scenario mapping"),
        ("", "s.yaml:1:1: expected a scenario mapping, found an empty file"),
        (" \n  \n", "s.yaml:1:1: expected a scenario mapping, found an empty file"),
        ("# only\n  # comments\n", "s.yaml:1:1: expected a scenario mapping, found only comments"),
        ("name: [\n", "s.yaml:1:8: invalid YAML"),  # the end of the file: after "[" on its one line
        ("name: A\n---\nname: B\n", "s.yaml:2:1: expected one YAML document, found a second"),
    ],
)
def test_document_level_errors(text: str, message: str) -> None:
    with pytest.raises(ScenarioInvalid) as caught:
        load_text(text, "s.yaml")
    assert any(str(error).startswith(message) for error in caught.value.errors), caught.value.errors


def test_deep_nesting_is_refused_without_recursion() -> None:
    with pytest.raises(ScenarioInvalid) as caught:
        load_text("name: " + "[" * 10_000, "s.yaml")
    assert "nesting deeper than 32 levels" in str(caught.value)


class _ParserThatStopsEarly(yaml.SafeLoader):
    """A parser with a nesting limit of its own below the format's 32 levels, worded as
    libyaml words it (PyYAML 6.0.4 stops near 1,000 levels, scanning ahead of its events)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.depth = 0

    def get_event(self):  # type: ignore[no-untyped-def]
        event = super().get_event()
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            self.depth += 1
            if self.depth > 5:
                raise yaml.scanner.ScannerError("while increasing block level", event.start_mark,
                                                "exceeded maximum nesting depth", event.start_mark)
        return event


@pytest.mark.parametrize("text", ["name: " + "[" * 40, "name:\n" + "".join("  " * i + "- \n" for i in range(40))])
def test_deep_nesting_gets_the_formats_message_whichever_parser_stops_first(monkeypatch, text) -> None:
    monkeypatch.setattr(yamltree, "_Loader", _ParserThatStopsEarly)
    with pytest.raises(ScenarioInvalid) as caught:
        load_text(text, "s.yaml")
    # The root mapping is level 1, so the 32nd opening bracket or item opens level 33.
    expected = "s.yaml:1:38:" if text.startswith("name: [") else "s.yaml:33:63:"
    assert str(caught.value) == f"{expected} nesting deeper than 32 levels"


def test_non_utf8_names_the_byte_and_its_position() -> None:
    with pytest.raises(ScenarioInvalid) as caught:
        decode(b"name: ok\nretention: \xff\n", "s.yaml")
    assert str(caught.value.errors[0]) == "s.yaml:2:12: expected UTF-8 text, found byte 0xff"


@pytest.mark.parametrize(("value", "found"), [("\udcff", "byte 0xff"), ("\ud83d", "U+D83D (a lone surrogate)")])
def test_a_set_that_is_not_utf8_names_what_it_holds(value: str, found: str) -> None:
    # A command line's byte 0xff reaches Python as U+DCFF (PEP 383); a program's half of a pair is no byte at all
    # (it read as byte 0x3d, an '=', before).
    with pytest.raises(ScenarioInvalid) as caught:
        parse_override(f"name={value}")
    assert caught.value.errors[0].message == f"expected UTF-8 text, found {found}"


def test_set_overrides_by_index_and_by_name() -> None:
    text = MINIMAL + "acquisition:\n  - {name: Bilibili CPA, type: cpa, bid: 30, users: 100}\n"
    assert load(text, "acquisition[0].bid=25").acquisition[0].bid == 25.0
    assert load(text, "acquisition[Bilibili CPA].bid=1.5万").acquisition[0].bid == 15000.0
    assert load(text, "targets.min_roi=5%").targets.min_roi == 0.05
    ranged = load(text, "acquisition[0].bid={low: 20, high: 45}").acquisition[0].bid
    assert isinstance(ranged, models.Distribution) and ranged.median() == pytest.approx(30.0)


@pytest.mark.parametrize(("channels", "said", "chinese"), [
    (0, "the list is empty", "列表为空"),
    (1, "the list has 1 item", "列表只有 1 项"),
    (2, "the list has 2 items", "列表只有 2 项"),
])
def test_an_item_past_the_list_counts_its_items_in_words(channels: int, said: str, chinese: str) -> None:
    from aigc_roi.present.messages_zh import translate

    items = "".join(f"\n  - {{name: C{i}, type: cpa, bid: 30, users: 100}}" for i in range(channels))
    text = MINIMAL + "acquisition:" + (items or " []") + "\n"
    message = f"no item 5: {said}"
    assert errors_of(text, "acquisition[5].bid=5") == [f"--set acquisition[5].bid=5:1:1: acquisition[5].bid: {message}"]
    assert translate(message) == f"没有第 5 项：{chinese}"


def test_set_errors_name_the_option() -> None:
    text = MINIMAL + "acquisition:\n  - {name: A, type: cpa, bid: 30, users: 100}\n"
    assert errors_of(text, "acquisition[0].bid=-5") == [
        "--set acquisition[0].bid=-5:1:1: acquisition[0].bid: expected a number >= 0, found -5"]
    assert errors_of(text, "acquisition[3].bid=5") == [
        "--set acquisition[3].bid=5:1:1: acquisition[3].bid: no item 3: the list has 1 item"]
    assert errors_of(text, "acquisition[0].bidd=5")[0].endswith("unknown key 'bidd'; did you mean 'bid'?")
    with pytest.raises(ScenarioInvalid):
        parse_override("no-equals-sign")
