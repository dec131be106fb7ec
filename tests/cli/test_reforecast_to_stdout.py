"""`actuals --reforecast -` writes the re-forecast YAML to standard output: where the comparison goes there too, the
two documents would share one stream (the YAML before the table, or before a JSON no parser reads), so it is refused
unless -o takes the comparison to a file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from cli_runner import invoke

ROOT = Path(__file__).resolve().parents[2]
ACTUALS = ["actuals", str(ROOT / "scenarios/chat-assistant-cpa.yaml"), str(ROOT / "examples/actuals/douyin-ocean-engine.csv"),
           str(ROOT / "examples/actuals/bilibili.csv"), "--map", "Douyin activation CPA=dy_*",
           "--map", "Bilibili CPA (registered user)=bili_*", "--samples", "100"]


@pytest.mark.parametrize(("lang", "message"), [
    ("en", "--reforecast -: standard output already carries the comparison; write one of them to a file "
           "(-o FILE or --reforecast OUT.yaml)"),
    ("zh", "--reforecast -：标准输出已用于对比结果；请把其中之一写入文件（-o FILE 或 --reforecast OUT.yaml）"),
])
@pytest.mark.parametrize("destination", [[], ["-o", "-"]])
def test_both_on_standard_output_is_refused(lang: str, message: str, destination: list[str]) -> None:
    result = invoke([*ACTUALS, "--reforecast", "-", "-f", "json", *destination, "--lang", lang])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.strip().endswith(message)


def test_the_comparison_in_a_file_leaves_standard_output_to_the_yaml(tmp_path: Path) -> None:
    out = tmp_path / "actuals.json"
    result = invoke([*ACTUALS, "--reforecast", "-", "-f", "json", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    plan = yaml.safe_load(result.stdout)
    assert plan["name"] and plan["acquisition"]
    assert json.loads(out.read_text(encoding="utf-8"))["channels"]
