"""``currency:`` is an ISO 4217 code (the spec's "ISO code"; QA spec N6): three capitals alone took ``XYZ``. A slip of
one is told the code it was meant as, in English and Chinese; the JSON Schema takes the same codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke
from test_schema import VALIDATOR

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.reader.currencies import ACTIVE
from aigc_roi.reader.load import load_text

PLAN = "name: c\ncurrency: {code}\nretention: {{monthly_churn: 0.5}}\n"
EXPECTED = "expected an ISO 4217 currency code such as CNY or USD"


def errors(code: str) -> list[str]:
    with pytest.raises(ScenarioInvalid) as raised:
        load_text(PLAN.format(code=code), "s.yaml")
    return [str(error) for error in raised.value.errors]


@pytest.mark.parametrize("code", ["CNY", "USD", "EUR", "JPY", "NOK", "HKD", "GBP", "XCG", "ZWG", "SLE"])
def test_an_active_code_is_read(code: str) -> None:
    assert load_text(PLAN.format(code=code), "s.yaml").scenario.currency == code
    assert not list(VALIDATOR.iter_errors({"name": "c", "currency": code, "retention": {"monthly_churn": 0.5}}))


@pytest.mark.parametrize("code", ["XYZ", "ABC", "XTS", "XXX", "ZZZ"])
def test_three_capitals_that_name_no_currency_are_refused(code: str) -> None:
    assert errors(code) == [f"s.yaml:2:11: currency: {EXPECTED}, found '{code}'"]
    assert list(VALIDATOR.iter_errors({"name": "c", "currency": code, "retention": {"monthly_churn": 0.5}}))


@pytest.mark.parametrize(("written", "meant"), [
    ("usd", "USD"), ("Cny", "CNY"),        # a code in the wrong case
    ("RMB", "CNY"), ("rmb", "CNY"), ("CNH", "CNY"), ("美元", "USD"), ("NTD", "TWD"),  # what people write for one
    ("HRK", "EUR"), ("ZWL", "ZWG"), ("VEF", "VES"),  # withdrawn, and what replaced it
    ("CYN", "CNY"), ("UDS", "USD"),        # its letters in another order
    ("ＵＳＤ", "USD"), ("ｃｎｙ", "CNY"), ("＄", "USD"),  # an input method's full width, read as NFKC reads it
])
def test_a_slip_is_told_the_code_meant(written: str, meant: str) -> None:
    assert errors(written) == [f"s.yaml:2:11: currency: {EXPECTED}, found '{written}'; did you mean '{meant}'?"]


def test_the_table_is_iso_codes_alone() -> None:
    assert all(len(code) == 3 and code.isascii() and code.isupper() for code in ACTIVE)
    assert {"CNY", "USD", "EUR", "CLF", "XAF", "XOF", "XCD"} <= ACTIVE
    assert not {"XTS", "XXX", "HRK", "ZWL", "RMB"} & ACTIVE


def test_the_refusal_in_chinese(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(PLAN.format(code="RMB"), encoding="utf-8")
    result = invoke(["validate", str(path), "--lang", "zh"])
    assert result.exit_code == 2
    assert result.stdout == f"{path}:2:11: currency: 应为 ISO 4217 货币代码，如 CNY 或 USD，实际为 'RMB'；是否想写 'CNY'？\n"


def test_a_full_width_code_is_told_in_chinese_too(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(PLAN.format(code="ＵＳＤ"), encoding="utf-8")
    result = invoke(["validate", str(path), "--lang", "zh"])
    assert (result.exit_code, result.stdout) == (
        2, f"{path}:2:11: currency: 应为 ISO 4217 货币代码，如 CNY 或 USD，实际为 'ＵＳＤ'；是否想写 'USD'？\n")


def test_set_is_held_to_it_too(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(PLAN.format(code="USD"), encoding="utf-8")
    result = invoke(["run", str(path), "--set", "currency=XYZ"])
    assert (result.exit_code, result.stderr) == (2, f"--set currency=XYZ:1:1: currency: {EXPECTED}, found 'XYZ'\n")
