"""The Chinese summary names an export's shape in Chinese (QA zh-cli 5): `juliang.csv：console，71 行` showed the
shape's key; now `投放后台（中文表头）`, the name the other Chinese messages give it, while English keeps the key
that JSON and docs/actuals.md's table use."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke

PLAN = """version: 1
name: shapes
horizon_months: 3
start: 2026-03
virality: 0.05
retention:
  points: {1: 0.4, 3: 0.2}
acquisition:
  - {name: 千川, type: cpa, bid: 10, budget: 1000}
monetization:
  plans:
    - {name: M, price: 30, period: month, conversion: 10%, renewal: 0.6}
"""
EXPORTS = {
    # Chinese headers no platform alone writes: the console of no named platform.
    "console": ("日期,计划名称,消耗\n2026-03-01,千川,100\n2026-03-02,千川,120\n", "投放后台（中文表头）"),
    "generic": ("date,campaign,spend\n2026-03-01,千川,100\n2026-03-02,千川,120\n", "通用 CSV"),
}


@pytest.mark.parametrize("key", EXPORTS)
def test_the_shape_is_named_in_each_language(tmp_path: Path, key: str) -> None:
    text, chinese = EXPORTS[key]
    plan = tmp_path / "p.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    export = tmp_path / "x.csv"
    export.write_text(text, encoding="utf-8")
    env = {"COLUMNS": "200", "NO_COLOR": "1"}
    zh = invoke(["actuals", str(plan), str(export), "--lang", "zh"], env=env)
    assert zh.exit_code == 0, zh.stderr
    assert f"x.csv：{chinese}，2 行；" in zh.stdout
    assert f"：{key}，" not in zh.stdout
    en = invoke(["actuals", str(plan), str(export)], env=env)
    assert f"x.csv: {key}, 2 rows;" in en.stdout
    data = json.loads(invoke(["actuals", str(plan), str(export), "-f", "json", "--lang", "zh"], env=env).stdout)
    assert [source["platform"] for source in data["sources"]] == [key]
