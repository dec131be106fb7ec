"""`check --base` in Chinese: a change in percentage points keeps its unit whole (``-42.52 百分点``), at 80 columns
too, where a change in 万 followed by its share (``-33.96万 (-7.0%)``) once made the column read as words and cut the
unit (``-42.52 百分`` / ``点``, QA)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_runner import invoke
from test_check_zh import commit_all
from test_validate_and_check import write

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = (ROOT / "aigc_roi" / "templates" / "chat-assistant-cpa.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("width", [80, 100, 120])
def test_points_and_amounts_in_wan_stay_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, width: int) -> None:
    # The annual plan's price 99 -> 79 moves revenue by more than 10,000 (in 万) and ROI and IRR (in points).
    write(tmp_path, {"plan.yaml": TEMPLATE})
    commit_all(tmp_path, monkeypatch)
    assert "price: 99 " in TEMPLATE
    write(tmp_path, {"plan.yaml": TEMPLATE.replace("price: 99 ", "price: 79 ", 1)})
    out = invoke(["check", "plan.yaml", "--base", "HEAD", "--lang", "zh"], env={"COLUMNS": str(width)}).stdout
    changes = re.findall(r"[-+][0-9.]+ 百分点", out)
    assert len(changes) >= 3 and out.count("百分") == len(changes), out  # roi, irr, mirr: each unit whole
    assert re.search(r"[-+][0-9.]+万 \([-+][0-9.]+%\)", out), out
