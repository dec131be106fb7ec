"""A gate's name in compare's row label breaks only at its spaces (QA zh-cli 3): at 80 columns the label column, prose
that breaks between any two Chinese characters, split 闸门：先用达人验 / 证再放量 (on risk 闸门通过概率：先用达人 /
验证再放量, en Gate: 先用达人验证再 / 放量), where run's gate table keeps it whole. The plan is that of
tests/cli/test_compare_gates.py, its gate renamed: A's test ROAS 800 / 1,000 = 0.8 >= 0.7 passes, on risk in every
sample (100%); a name of nine Chinese characters is 18 cells, wider than a label column squeezed to 80 columns."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

GATE = "先用达人验证再放量"
PLAN = f"""version: 1
name: 画境AI：先用达人验证再放量
horizon_months: 3
acquisition:
  - {{name: A, type: cpa, bid: 10, users: 100, months: 1}}
  - {{name: B, type: cpa, bid: 10, users: 100, months: 2-3}}
retention: {{monthly_churn: 0.5}}
monetization:
  purchases: [{{name: Item, price: 8, rate: 1}}]
gates:
  - {{name: {GATE}, after_month: 1, channels: [A], min_roas: 0.7, then: [B]}}
"""


def _labels(tmp_path: Path, lang: str, width: int, *more: str) -> list[str]:
    path = Path("p.yaml")  # in tmp_path: a scenario's header holds its file, which a long path would widen
    path.write_text(PLAN, encoding="utf-8")
    other = Path("q.yaml")
    other.write_text(PLAN.replace("bid: 10, users: 100, months: 2-3", "bid: 9, users: 100, months: 2-3"), encoding="utf-8")
    result = invoke(["compare", str(path), *(more or [str(other)]), "--lang", lang],
                    env={"COLUMNS": str(width), "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    # The first cell of each table row: the label column.
    return [line.split("│")[1].strip() for line in result.stdout.splitlines() if line.startswith("│")]


@pytest.mark.parametrize("width", [80, 100, 120])
@pytest.mark.parametrize(("lang", "head"), [("en", "Gate:"), ("zh", "闸门：")])
def test_gate_row_keeps_the_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, head: str,
                                 width: int) -> None:
    monkeypatch.chdir(tmp_path)
    labels = _labels(tmp_path, lang, width)
    assert f"{head} {GATE}" in labels or (head in labels and labels[labels.index(head) + 1] == GATE) \
        or f"{head}{GATE}" in labels, labels
    assert not any(GATE[:4] in cell and GATE not in cell for cell in labels), labels


@pytest.mark.parametrize(("lang", "head"), [("en", "Gate passes:"), ("zh", "闸门通过概率：")])
def test_risk_gate_row_keeps_the_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, head: str) -> None:
    monkeypatch.chdir(tmp_path)
    labels = _labels(tmp_path, lang, 80, "--variant", "不设闸门: gates=[]", "--samples", "50")
    assert any(cell in (f"{head} {GATE}", f"{head}{GATE}", GATE) for cell in labels), labels
    assert not any(GATE[:4] in cell and GATE not in cell for cell in labels), labels
