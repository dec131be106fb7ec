"""`compare` refuses plans in two currencies; `--explain` names a currency a file leaves out by its default (F4).

360,000 CNY and 360,000 USD differ by a factor of about 7: a Δ of 0.00 between them, or a ★ for the larger, is a
wrong number, so the command exits 2 at the ``currency:`` that differs from the first file's.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi import api
from aigc_roi.ci.changes import split_changes
from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.reader.load import load_path, load_text
from aigc_roi.whatif.errors import WhatIfError

PLAN = """\
name: plan
horizon_months: 12
acquisition:
  - {name: Feed, type: cpa, bid: 12, budget: 30000}
retention: {monthly_churn: 0.2}
monetization:
  plans:
    - {name: p, price: 30, period: month, conversion: 0.05, renewal: 0.7}
"""


def write(tmp_path: Path, name: str, header: str = "") -> Path:
    path = tmp_path / name
    path.write_text(header + textwrap.dedent(PLAN), encoding="utf-8")
    return path


def test_a_file_in_another_currency_is_refused_at_its_currency_line(tmp_path: Path) -> None:
    base, usd = write(tmp_path, "base.yaml"), write(tmp_path, "usd.yaml", "# priced in dollars\ncurrency: USD\n")
    result = invoke(["compare", str(base), str(usd)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"{usd}:2:11: currency: expected CNY, the currency of {base}, found USD\n"


def test_a_file_without_currency_after_one_with_it_is_refused_at_its_first_line(tmp_path: Path) -> None:
    usd, base = write(tmp_path, "usd.yaml", "currency: USD\n"), write(tmp_path, "base.yaml")
    result = invoke(["compare", str(usd), str(base), "--samples", "100", "--format", "json"])
    assert result.exit_code == 2
    assert result.stderr == (f"{base}:1:1: currency: expected USD, the currency of {usd}, "
                             "found CNY (the default: the file sets no currency)\n")
    zh = invoke(["compare", str(usd), str(base), "--lang", "zh"])
    assert zh.stderr == f"{base}:1:1: currency: 应为 USD（{usd} 的币种），实际为 CNY（默认值：文件未写 currency）\n"


def test_a_variant_in_another_currency_is_refused_at_its_setting(tmp_path: Path) -> None:
    base = write(tmp_path, "base.yaml")
    result = invoke(["compare", str(base), "--variant", "dollars: currency=USD"])
    assert result.exit_code == 2
    assert result.stderr == f"--variant currency=USD:1:1: currency: expected CNY, the currency of {base}, found USD\n"


def test_the_same_currency_written_or_by_default_compares(tmp_path: Path) -> None:
    base, cny = write(tmp_path, "base.yaml"), write(tmp_path, "cny.yaml", "currency: CNY\n")
    result = invoke(["compare", str(base), str(cny), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert [column["source"] for column in json.loads(result.stdout)["scenarios"]] == [str(base), str(cny)]


def test_the_library_refuses_two_currencies_too(tmp_path: Path) -> None:
    base, usd = write(tmp_path, "base.yaml"), write(tmp_path, "usd.yaml", "currency: USD\n")
    with pytest.raises(WhatIfError, match="CNY and USD"):
        api.compare([(None, str(path), load_path(path).scenario) for path in (base, usd)])


def test_explain_names_the_default_a_base_leaves_out_and_writing_the_default_is_no_change(tmp_path: Path) -> None:
    base = write(tmp_path, "base.yaml")
    new = write(tmp_path, "new.yaml", "currency: CNY\ndiscount_rate: 0.2\n")
    result = invoke(["compare", str(base), str(new), "--explain", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    [moved] = json.loads(result.stdout)["explain"]["figures"]["npv"]["contributions"]
    assert (moved["path"], moved["from"], moved["to"], moved["from_text"], moved["to_text"]) == \
        ("discount_rate", 0.0, 0.2, "0.0", "0.2")


def test_a_currency_changed_between_revisions_reads_from_its_default(tmp_path: Path) -> None:
    # `check --base` explains a file against its base revision, where compare's refusal does not apply.
    before = load_text(textwrap.dedent(PLAN), "plan.yaml")
    after = load_text("currency: USD\n" + textwrap.dedent(PLAN), "plan.yaml")
    [change] = split_changes(before, after).changes
    assert (change.path, change.before, change.after) == ("currency", "CNY", "USD")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_report_refuses_a_base_in_another_currency_at_its_currency_line(tmp_path: Path, lang: str) -> None:
    """QA: `report plan.yaml --base usd.yaml` wrote 'What moved each figure' with `currency USD → CNY` beside a bid's
    npv share of yuan less dollars."""
    plan, usd = write(tmp_path, "plan.yaml"), write(tmp_path, "usd.yaml", "currency: USD\n")
    page = tmp_path / "r.html"
    result = invoke(["report", str(plan), "--base", str(usd), "-o", str(page), "--lang", lang])
    assert result.exit_code == 2
    assert not page.exists()
    assert result.stderr == {
        "en": f"{usd}:1:11: currency: expected CNY, the currency of {plan}, found USD\n",
        "zh": f"{usd}:1:11: currency: 应为 CNY（{plan} 的币种），实际为 USD\n"}[lang]


def test_report_refuses_a_base_without_currency_beside_a_file_in_dollars(tmp_path: Path) -> None:
    usd, base = write(tmp_path, "usd.yaml", "currency: USD\n"), write(tmp_path, "base.yaml")
    result = invoke(["report", str(usd), "--base", str(base), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2
    assert result.stderr == (f"{base}:1:1: currency: expected USD, the currency of {usd}, "
                             "found CNY (the default: the file sets no currency)\n")


def test_a_set_currency_applies_to_the_base_too_so_nothing_is_mixed(tmp_path: Path) -> None:
    plan = write(tmp_path, "plan.yaml")
    result = invoke(["report", str(plan), "--set", "currency=USD", "--base", str(plan), "-o", str(tmp_path / "r.html"),
                     "--samples", "100"])
    assert result.exit_code == 0, result.stderr


def test_the_librarys_explain_change_refuses_two_currencies_at_the_base(tmp_path: Path) -> None:
    base, usd = write(tmp_path, "base.yaml"), write(tmp_path, "usd.yaml", "currency: USD\n")
    with pytest.raises(ScenarioInvalid) as refused:
        api.explain_change(usd, base)
    assert [str(error) for error in refused.value.errors] == [
        f"{usd}:1:11: currency: expected CNY, the currency of {base}, found USD"]
    with pytest.raises(ScenarioInvalid):
        api.explain_change(base, usd)
