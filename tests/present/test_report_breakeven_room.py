"""`report`'s break-even table shows each break-even's room beside it, marked "flip" where a gate flips within it,
as the terminal and markdown do (docs/formulas.md §10): before, the page said under the table what "flip: within
that room" means, without the room or the mark it refers to.

Bundled `creators-first-gated`: the creators' fee of 30,000 keeps ROI >= 0 up to 43,971.19 (the break-even the
CSV gives), room (43,971.19 - 30,000) / 30,000 = 46.57%, shown toward 0 at a tenth of a percent: +46.5%; the
creators' gate flips at 41,652.02 inside it."""

from __future__ import annotations

import csv
import io
import math
import re
from pathlib import Path

import pytest
from cli_runner import invoke

GATED = str(Path(__file__).resolve().parents[2] / "scenarios" / "creators-first-gated.yaml")


def _table(lang: str) -> tuple[list[str], dict[str, list[str]]]:
    result = invoke(["report", GATED, "--lang", lang])
    assert result.exit_code == 0, result.stderr
    heading = "Break-even" if lang == "en" else "盈亏平衡"
    table = result.stdout.split(f"<h2>{heading}", 1)[1].split("</table>", 1)[0]
    head = re.findall(r"<th[^>]*>([^<]*)</th>", table)
    rows = re.findall(r"<tr><td>([^<]*)</td>((?:<td class=\"n\">[^<]*</td>)+)</tr>", table)
    return head, {name: re.findall(r'<td class="n">([^<]*)</td>', cells) for name, cells in rows}


@pytest.mark.parametrize(("lang", "fee", "room", "mark"), [
    ("en", "Douyin creators fee per post", "Room before ROI &lt; 0", "flip"),
    ("zh", "Douyin creators 单条费用", "ROI &lt; 0 前余量", "切换"),
])
def test_the_room_the_flip_note_refers_to_is_on_the_page(lang: str, fee: str, room: str, mark: str) -> None:
    found = invoke(["breakeven", GATED, "-f", "csv", "-q"])
    row = next(row for row in csv.DictReader(io.StringIO(found.stdout)) if row["path"] == "acquisition[0].fee")
    # Room before a limit: toward 0, at a tenth of a percent.
    headroom = math.floor((float(row["roi_zero"]) - 30_000) / 30_000 * 1_000) / 10
    head, rows = _table(lang)
    assert len(head) == 6 and head[3] == room
    cells = rows[fee]
    assert cells[2] == f"+{headroom:.1f}% {mark}" == f"+46.5% {mark}"
    # A room without a flip carries no mark; a driver without a break-even has no room.
    assert not any(mark in cell for cell in rows["Feed ads CPM"])
    budget = "Bilibili CPA budget per month" if lang == "en" else "Bilibili CPA 每月预算"
    assert rows[budget][2] == rows[budget][4] == "—"
