"""``conversion: 3`` gets "did you mean 3%?": a share written as a percentage without its sign. The hint is given
only where following it gives a value the field takes, so a value that has its sign already (``150%``) never gets
a second one."""

from __future__ import annotations

import pytest

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.reader.load import load_text
from aigc_roi.reader.overrides import parse_override

PLAN = "name: P\nretention: {{monthly_churn: 0.5}}\nvirality: {virality}\nmonetization:\n  plans:\n" \
       "    - {{name: M, price: 30, period: month, conversion: {conversion}}}\n"


def _messages(virality: str = "0", conversion: str = "0.1", *sets: str) -> dict[str, str]:
    """Each invalid field's message, by path."""
    text = PLAN.format(virality=virality, conversion=conversion)
    with pytest.raises(ScenarioInvalid) as caught:
        load_text(text, "s.yaml", tuple(parse_override(item) for item in sets))
    return {error.path: error.message for error in caught.value.errors}


@pytest.mark.parametrize(("written", "found", "hint"), [
    ("3", "3", "; did you mean 3%?"),
    ('"3"', "3", "; did you mean 3%?"),
    ("1e1", "1e1", "; did you mean 1e1%?"),
    ("100", "100", "; did you mean 100%?"),
    ("150%", "150%", ""),
    ("120 %", "120 %", ""),
    # 50, but 0.005万% is no number.
    ("0.005万", "0.005万", ""),
    # 101% is no share either.
    ("101", "101", ""),
    # Float noise on 100%, not a percentage missing its sign.
    ("1.0000000001", "1.0000000001", ""),
])
def test_a_share_over_1_gets_the_percent_sign_only_where_it_makes_a_share(written: str, found: str, hint: str) -> None:
    assert _messages(conversion=written)["monetization.plans[0].conversion"] == (
        f"expected a number from 0 to 1, found {found}{hint}")


def test_a_share_below_1_gets_no_hint_that_would_reach_its_bound() -> None:
    # virality < 1: 100% is out of bounds as well, 50% is in.
    assert _messages(virality="100")["virality"] == "expected a number >= 0 and < 1, found 100"
    assert _messages(virality="50")["virality"] == "expected a number >= 0 and < 1, found 50; did you mean 50%?"


def test_a_set_value_with_its_percent_sign_gets_none() -> None:
    assert _messages("0", "0.1", "virality=150%")["virality"] == "expected a number >= 0 and < 1, found 150%"


# The full-width twin of a sign (an IME's ％, ，) follows the same rule: its ASCII form is suggested only where that
# form is a value the field takes; elsewhere the hint still names the character and says what is wrong.
@pytest.mark.parametrize(("field", "written", "hint"), [
    ("virality", "5％", "full-width '％' (IME input): write 5%"),
    ("conversion", "100％", "full-width '％' (IME input): write 100%"),
    ("virality", "150％", "full-width '％' (IME input), and 150% is over 100%"),
    ("conversion", "250％", "full-width '％' (IME input), and 250% is over 100%"),
    # virality < 1: 100% is its excluded bound.
    ("virality", "100％", "full-width '％' (IME input), and 100% is not under 100%"),
    ("virality", "-5％", "full-width '％' (IME input), and -5% is under 0%"),
    ("virality", "5％％", "full-width '％' (IME input), and 5%% is not a number"),
    ("conversion", "1，000", "full-width '，' (IME input), and 1_000 is over 1"),
    ("conversion", "0。5", "full-width '。' (IME input): write 0.5"),
])
def test_a_full_width_slip_gets_its_ascii_form_only_where_that_form_is_valid(field: str, written: str, hint: str) -> None:
    messages = _messages(**{field: written})
    path, expected = {"virality": ("virality", "a number >= 0 and < 1"),
                      "conversion": ("monetization.plans[0].conversion", "a number from 0 to 1")}[field]
    assert messages[path] == f"expected {expected}, found '{written}'; {hint}"


def _discount_rate_warnings(written: str) -> list[tuple[int, int, str, str]]:
    """Where the discount rate's warnings are (line, column, path) and what they say; the file loads either way,
    being valid."""
    text = f"name: P\nretention: {{monthly_churn: 0.5}}\ndiscount_rate: {written}\n"
    return [(warning.line, warning.column, warning.path, warning.message)
            for warning in load_text(text, "s.yaml").warnings if warning.path.startswith("discount_rate")]


ABOVE_ANY = "above any cost of capital a finance team discounts at"
AT = len("discount_rate: ") + 1


@pytest.mark.parametrize(("written", "message"), [
    # Valid (spec 1.1 bounds it only below), but a yearly rate written as a whole number is most often a percentage
    # without its sign: 10 is 1,000% a year, at which month 12's cash is worth 1/11 of itself.
    ("10", "10 is 1,000% a year; did you mean 10%?"),
    ("8", "8 is 800% a year; did you mean 8%?"),
    ("2", "2 is 200% a year; did you mean 2%?"),
    ("100", "100 is 10,000% a year; did you mean 100%?"),
    # From 1 to 2 the number is as likely a slipped decimal point (1.5 for 0.15) as 1.5%: the rate is said, no guess.
    ("1.5", f"1.5 is 150% a year, {ABOVE_ANY}"),
    ("1.1", f"1.1 is 110% a year, {ABOVE_ANY}"),
    # Over 100 a percentage would be over 100% too; with its sign it is the rate meant.
    ("150", f"150 is 15,000% a year, {ABOVE_ANY}"),
    ("1e15", f"1e15 is 100,000,000,000,000,000% a year, {ABOVE_ANY}"),
    ("150%", f"150% a year is {ABOVE_ANY}"),
    # Both ends of low..high over 1: the whole range is, said at the range.
    ("5..20", "5..20 is 500%..2,000% a year; did you mean 5%..20%?"),
    ("1.5..3", f"1.5..3 is 150%..300% a year, {ABOVE_ANY}"),
    ("150%..600%", f"150%..600% a year is {ABOVE_ANY}"),
])
def test_a_discount_rate_over_100_percent_a_year_is_valid_and_warned_of_at_its_value(written: str, message: str) -> None:
    assert _discount_rate_warnings(written) == [(3, AT, "discount_rate", message)]


@pytest.mark.parametrize(("written", "found"), [
    # The slip the QA file made: a triangle of rates whose high is written without its sign. Its median,
    # 12 - sqrt(11.95 x 11.9 / 2) = 3.568, is no number anyone wrote; 12% is, and 0.05 <= 0.1 <= 0.12 stays valid.
    ("{dist: triangular, low: 0.05, mode: 0.1, high: 12}",
     [("12", "discount_rate.high", "12 is 1,200% a year; did you mean 12%?")]),
    # 12% would fall below the mode 0.2: following the hint would make the file invalid, so none is given.
    ("{dist: triangular, low: 0.05, mode: 0.2, high: 12}",
     [("12", "discount_rate.high", f"12 is 1,200% a year, {ABOVE_ANY}")]),
    ("{dist: lognormal, low: 0.05, high: 12}", [("12", "discount_rate.high", "12 is 1,200% a year; did you mean 12%?")]),
    ("{dist: uniform, low: 0.05, high: 300%}", [("300%", "discount_rate.high", f"300% a year is {ABOVE_ANY}")]),
    ("{low: 5, high: 20}", [("5", "discount_rate.low", "5 is 500% a year; did you mean 5%?"),
                            ("20", "discount_rate.high", "20 is 2,000% a year; did you mean 20%?")]),
    ("{dist: normal, mean: 10, sd: 2}", [("10", "discount_rate.mean", "10 is 1,000% a year; did you mean 10%?"),
                                         ("2", "discount_rate.sd", "2 is 200% a year; did you mean 2%?")]),
    # A mean of 10% with an sd of 200% a year: the median is a rate, the spread a slip.
    ("{dist: normal, mean: 0.1, sd: 2}", [("2", "discount_rate.sd", "2 is 200% a year; did you mean 2%?")]),
    # One end of low..high over 1: said at that end, in the file's line and column.
    ("0.05..12", [("12", "discount_rate", "12 is 1,200% a year; did you mean 12%?")]),
    ("'0.05 .. 12'", [("12", "discount_rate", "12 is 1,200% a year; did you mean 12%?")]),
    ("5%..600%", [("600%", "discount_rate", f"600% a year is {ABOVE_ANY}")]),
    # 0.5..12% reads 0.5..0.12, low above high; 0.5..2 (median 1, no warning before) likewise.
    ("0.5..12", [("12", "discount_rate", f"12 is 1,200% a year, {ABOVE_ANY}")]),
    ("0.5..2", [("2", "discount_rate", f"2 is 200% a year, {ABOVE_ANY}")]),
    # -0.5..12% is a normal range of median (-0.5 + 0.12) / 2 = -0.19, below the rate's 0; -0.05..12%'s is 0.035.
    ("-0.5..12", [("12", "discount_rate", f"12 is 1,200% a year, {ABOVE_ANY}")]),
    ("-0.05..12", [("12", "discount_rate", "12 is 1,200% a year; did you mean 12%?")]),
])
def test_a_range_is_warned_of_at_each_number_over_1(written: str, found: list[tuple[str, str, str]]) -> None:
    def column(number: str) -> int:
        assert written.count(number) == 1
        return AT + written.index(number)

    assert _discount_rate_warnings(written) == [(3, column(number), path, message) for number, path, message in found]


# The last: the 90% interval of a normal range reaches 0.1 + 1.645 x 0.6 = 1.087, but no number written is over 1.
@pytest.mark.parametrize("written", ["10%", "0.1", "0", "100%", "1", "60%", "8%..15%", "0.5..1",
                                     "{low: 0.05, high: 0.2}", "{dist: triangular, low: 0, mode: 0.1, high: 1}",
                                     "{dist: normal, mean: 0.1, sd: 0.6}"])
def test_a_discount_rate_of_0_to_100_percent_a_year_draws_no_warning(written: str) -> None:
    assert _discount_rate_warnings(written) == []


def test_a_discount_rate_set_as_a_whole_number_is_warned_of_in_its_option() -> None:
    warnings = load_text("name: P\nretention: {monthly_churn: 0.5}\n", "s.yaml",
                         (parse_override("discount_rate=12"),)).warnings
    assert [(warning.file, warning.message) for warning in warnings] == [
        ("--set discount_rate=12", "12 is 1,200% a year; did you mean 12%?")]
