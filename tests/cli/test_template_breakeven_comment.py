"""What a bundled template's comments say the tool prints is what it prints."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest
from cli_runner import invoke

TEMPLATES = Path(__file__).resolve().parents[2] / "aigc_roi" / "templates"


@pytest.mark.parametrize(("path", "said", "channel"), [
    ("chat-assistant-cpa.yaml", r"the Douyin bid can rise to ([\d.]+) before", "Douyin activation CPA"),
    ("zh/chat-assistant-cpa.yaml", r"抖音出价可以涨到 ([\d.]+) 元", "抖音激活 CPA")])
def test_the_chat_assistants_break_even_bid_is_the_one_breakeven_prints(path: str, said: str, channel: str) -> None:
    """A bid is a cost: breakeven writes its ROI-zero value rounded down to the cents that still hold (13.8664 ->
    13.86; 13.87 would already lose money), and the comment quotes that."""
    template = TEMPLATES / path
    found = re.search(said, re.sub(r"\n# ?", " ", template.read_text(encoding="utf-8")))
    assert found is not None
    drivers = json.loads(invoke(["breakeven", str(template), "-f", "json"]).stdout)["drivers"]
    roi_zero = next(driver["roi_zero"] for driver in drivers if driver["path"] == "acquisition[1].bid")
    assert found.group(1) == f"{math.floor(roi_zero * 100) / 100:.2f}"
    shown = invoke(["breakeven", str(template), "-f", "markdown"]).stdout
    assert f"| {channel} bid | 12.26 | {found.group(1)} |" in shown
