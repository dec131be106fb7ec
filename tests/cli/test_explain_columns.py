"""compare --explain: the "From → to" column keeps a short move on one line where the table has the room, and a
line under the table says what its two bars mean (QA zh3, F14)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_runner import invoke

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "aigc_roi" / "templates" / "brand-subway.yaml"


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("width", [80, 120])
def test_a_move_reads_on_one_line_and_the_bars_are_explained(tmp_path: Path, lang: str, width: int) -> None:
    text = TEMPLATE.read_text(encoding="utf-8")
    new = tmp_path / "new.yaml"
    new.write_text(text.replace("price: 99\n", "price: 109\n", 1), encoding="utf-8")
    result = invoke(["compare", str(TEMPLATE), str(new), "--explain", "--lang", lang],
                    env={"COLUMNS": str(width), "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    # The move of 99 to 109 is 9 cells: a table that gave the column 6 read "99 →" / "109".
    assert re.search(r"│ 99 → 109 +│", result.stdout), result.stdout
    header = "原值 → 新值" if lang == "zh" else "From → to"
    assert re.search(rf"┃ {header} +┃", result.stdout), result.stdout
    legend = "▇ 表示使该指标变好的改动，▒ 表示使其变差的改动" if lang == "zh" else "▇ a move that improves the figure, ▒ one"
    assert legend in re.sub(r"\s*\n", "" if lang == "zh" else " ", result.stdout)
