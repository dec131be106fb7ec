"""`check --base` in an 80-column terminal: the before/after table keeps every figure key and number whole.

The scenario is the bundled starter with its CPA bid raised from 12 to 16: an IRR of "none: more than one sign
change" on both sides (run's wording), the widest text the table holds, and a payback of 15 that becomes never.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from cli_runner import invoke
from rich.cells import cell_len
from test_check_zh import commit_all, in_terminal
from test_narrow import broken_numbers

from aigc_roi.model.figures import FIGURE_NAMES

STARTER = Path(__file__).resolve().parents[2] / "aigc_roi" / "templates" / "starter.yaml"


@pytest.mark.parametrize("width", [80, 100])
def test_base_table_splits_no_key_nor_number(tmp_path: Path, width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(STARTER, tmp_path / "a.yaml")
    commit_all(tmp_path, monkeypatch)
    text = (tmp_path / "a.yaml").read_text(encoding="utf-8")
    assert "bid: 12 " in text
    (tmp_path / "a.yaml").write_text(text.replace("bid: 12 ", "bid: 16 "), encoding="utf-8")
    in_terminal(monkeypatch, width)
    result = invoke(["check", "a.yaml", "--base", "HEAD", "--format", "table"])
    assert result.exit_code == 1, result.stderr  # min_ltv_to_cac 1.0: 14.53 / 16 = 0.91
    # The tables after the located lines of the misses, lines for a matcher rather than ones to fit the terminal.
    located = "".join(line for line in invoke(["check", "a.yaml", "--base", "HEAD"]).stdout.splitlines(keepends=True)
                      if line.startswith("a.yaml:"))
    assert located.startswith("a.yaml:29:10: ") and result.stdout.startswith(located)
    out = result.stdout[len(located):]
    assert max(cell_len(line) for line in out.splitlines()) <= width, out
    assert broken_numbers(out) == [], out
    # Each figure key whole on its row, never "first_payback_m" over "onth".
    table = out[out.index("modified"):]
    names = [match.group(1) for line in table.splitlines() if (match := re.match(r"│ ([a-z_:]+)\s", line))]
    assert names == list(FIGURE_NAMES), out
    assert re.search(r"│ first_payback_month +│ +15 │ +never │", table), out
