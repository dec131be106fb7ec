"""``validate`` tells a plan's amount written with a decimal comma (``"5,50"``, ``"1.234,56"``) that it is one and
the reading with a point, in English and Chinese, as ``actuals`` tells such a cell; ``"5,50"`` was told only what was
expected."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

CHANNEL = '  - {name: A, type: cpa, budget: 900, bid: "'


@pytest.mark.parametrize(("written", "meant"), [("5,50", "5.50"), ("1.234,56", "1_234.56")])
@pytest.mark.parametrize(("lang", "expected", "hint"), [
    ("en", "expected a number >= 0, found '{written}'; ", "a decimal comma is not read: write {meant}"),
    ("zh", "应为 ≥ 0 的数字，实际为 '{written}'；", "不读取小数逗号：请写 {meant}"),
])
def test_a_decimal_comma_is_told_so(tmp_path: Path, written: str, meant: str, lang: str, expected: str,
                                    hint: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(f"name: P\ncurrency: EUR\nretention: {{monthly_churn: 0.5}}\nacquisition:\n{CHANNEL}{written}\"}}\n",
                    encoding="utf-8")
    result = invoke(["--lang", lang, "validate", "-q", str(path)])
    column = len(CHANNEL) + written.index(",") + 1  # at the comma
    assert (result.exit_code, result.stdout) == (
        2, f"{path}:5:{column}: acquisition[0].bid: {expected.format(written=written)}"
           f"{hint.format(meant=meant)}\n")
