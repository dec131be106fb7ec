"""An export in another currency than the plan's is refused quoting its unit as the header writes it: Meta's `Amount
spent (CNY)` was refused as `found 元 (CNY)`, a unit the header never wrote. The code follows in brackets where the
written unit is not the code itself; a shape's own unit, written in no header (巨量引擎 API's stat_cost, in 元), is
quoted as the shape states it."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke
from export_files import refusals, written

CONVERTS = "actuals converts no currency: convert the export to EUR, or the plan to CNY"


@pytest.mark.parametrize(("header", "found"), [
    ("Amount spent (CNY)", "CNY"),        # as written: the code alone
    ("Amount spent (RMB)", "RMB (CNY)"),  # a name of the currency, then its code
    ("Amount spent（人民币）", "人民币 (CNY)"),
])
def test_a_meta_headers_unit_is_quoted_as_written(tmp_path: Path, header: str, found: str) -> None:
    path = written(tmp_path, f"Reporting starts,Reporting ends,Campaign name,{header}\n"
                             "2025-01-03,2025-01-03,dy_a,5\n")
    assert refusals(path, "EUR") == [
        f"{path}:1:4: {header}: expected money in EUR (the plan's currency), found {found}; {CONVERTS}"]


def test_a_generic_headers_code_is_quoted_as_written(tmp_path: Path) -> None:
    path = written(tmp_path, "date,campaign,spend (CNY)\n2025-01-03,dy_a,5\n")
    assert refusals(path, "EUR") == [
        f"{path}:1:3: spend (CNY): expected money in EUR (the plan's currency), found CNY; {CONVERTS}"]


def test_a_unit_the_shape_states_is_quoted_as_the_shape_states_it(tmp_path: Path) -> None:
    # 巨量引擎 API's stat_cost is in 元 by the shape, its header naming no unit.
    path = written(tmp_path, "stat_time_day,campaign_name,stat_cost\n2025-01-03,dy_a,5\n")
    assert refusals(path, "EUR") == [
        f"{path}:1:3: stat_cost: expected money in EUR (the plan's currency), found 元 (CNY); {CONVERTS}"]


def test_the_cli_quotes_the_unit_as_written_in_english_and_chinese(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("name: EUR plan\ncurrency: EUR\nstart: 2025-01\nhorizon_months: 6\nacquisition:\n"
                    "  - {name: A, type: cpa, bid: 10, budget: 1000, match: ['dy_*']}\n"
                    "retention: {monthly_churn: 0.5}\n"
                    "monetization:\n  purchases:\n    - {name: Pack, price: 10, rate: 1}\n", encoding="utf-8")
    export = written(tmp_path, "Reporting starts,Reporting ends,Campaign name,Amount spent (CNY)\n"
                               "2025-01-03,2025-01-03,dy_a,5\n")
    english = invoke(["actuals", str(plan), str(export)])
    assert english.exit_code == 2
    assert english.stderr == (f"{export}:1:4: Amount spent (CNY): expected money in EUR (the plan's currency), "
                              f"found CNY; {CONVERTS}\n")
    chinese = invoke(["actuals", str(plan), str(export), "--lang", "zh"])
    assert chinese.stderr == (f"{export}:1:4: Amount spent (CNY): 应为以 EUR 计的金额（方案的币种），实际为 CNY；"
                              "actuals 不做币种换算：请把报表换算为 EUR，或把方案换算为 CNY\n")
