"""`actuals` on Meta's Japanese export with a ``通貨`` column of ``JPY`` against the bundled CNY plan printed
``ignored: 通貨`` and compared 1,250 yen as 1,250 yuan, exit 0. It now exits 2 at the column's first cell, in English
and Chinese, as for an English ``Currency`` column; against a JPY plan the column is read as the currency column."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "scenarios" / "chat-assistant-cpa.yaml"
EXPORT = "日,キャンペーン名,通貨,消化金額,インプレッション,リンクのクリック\n2025-03-01,dy_jp,JPY,\"1,250\",1000,10\n"
MAP = ["--map", "Douyin activation CPA=dy_*"]


@pytest.mark.parametrize(("lang", "refusal"), [
    ("en", "jcur.csv:2:3: 通貨: expected CNY (the plan's currency), found 'JPY'; a column whose every cell is an ISO 4217 "
           "currency code is read as each row's currency; actuals converts no currency: convert the export to CNY, or "
           "the plan to JPY"),
    ("zh", "jcur.csv:2:3: 通貨: 应为 CNY（方案的币种），实际为 'JPY'；每个单元格都是 ISO 4217 货币代码的列按各行的币种读取；"
           "actuals 不做币种换算：请把报表换算为 CNY，或把方案换算为 JPY"),
])
def test_a_japanese_currency_column_in_yen_is_refused_against_a_yuan_plan(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, refusal: str) -> None:
    (tmp_path / "jcur.csv").write_text(EXPORT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke(["actuals", str(PLAN), "jcur.csv", *MAP, "--lang", lang])
    assert result.exit_code == 2 and refusal in result.stderr.splitlines(), result.stderr


def test_a_japanese_currency_column_in_the_plans_currency_is_its_currency_column(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN.read_text(encoding="utf-8").replace("currency: CNY", "currency: JPY"), encoding="utf-8")
    (tmp_path / "jcur.csv").write_text(EXPORT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke(["actuals", "plan.yaml", "jcur.csv", *MAP], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    assert "currency=通貨" in result.stdout and "ignored" not in result.stdout
