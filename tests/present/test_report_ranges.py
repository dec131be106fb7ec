"""The report's inputs table names what a range's two numbers are: its 90% interval for every kind, and for a uniform
or triangular range, written by its support, that support as well (the column read "Range (90% interval)" over
"triangular 10..15", whose P5-P95 is 10.71..14.13). Values by hand: tests/model/test_range_interval.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_runner import invoke

PLAN = """\
name: Ranges of every kind
horizon_months: 3
acquisition:
  - {name: CPA, type: cpa, bid: {dist: triangular, low: 10, mode: 12, high: 15}, users: {dist: uniform, low: 500, high: 1500}, months: 1}
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: item, price: 8..12, rate: 1}]
costs: {serving_per_active_user: -1..3}
"""


def _ranges(tmp_path: Path, lang: str) -> tuple[str, dict[str, str]]:
    """The inputs table's last header and each ranged input's last cell."""
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    result = invoke(["report", str(path), "--samples", "200", "--lang", lang])
    assert result.exit_code == 0, result.stderr
    table = result.stdout.split('<td class="path">version</td>', 1)[0].rsplit("<table>", 1)[1]
    header = re.findall(r"<th[^>]*>([^<]*)</th>", table)[-1]
    # A path's <wbr> break points are no text.
    cells = re.findall(r'<tr><td class="path">([^<]+)</td>.*?<td class="n range">([^<]*)</td></tr>',
                       result.stdout.replace("<wbr>", ""))
    return header, {path: cell for path, cell in cells if cell}


@pytest.mark.parametrize(("lang", "header", "cells"), [
    ("en", "Range", {
        "acquisition[0].bid": "triangular: 90% interval 10.7071..14.134; support 10..15",
        "acquisition[0].users": "uniform: 90% interval 550..1,450; support 500..1,500",
        "monetization.purchases[0].price": "lognormal: 90% interval 8..12",
        "costs.serving_per_active_user": "normal: 90% interval -1..3",
    }),
    ("zh", "区间", {
        "acquisition[0].bid": "三角：90% 区间 10.7071..14.134；取值范围 10..15",
        "acquisition[0].users": "均匀：90% 区间 550..1,450；取值范围 500..1,500",
        "monetization.purchases[0].price": "对数正态：90% 区间 8..12",
        "costs.serving_per_active_user": "正态：90% 区间 -1..3",
    }),
])
def test_each_range_says_its_90_percent_interval_and_a_support_where_it_is_written_so(
        tmp_path: Path, lang: str, header: str, cells: dict[str, str]) -> None:
    shown_header, shown = _ranges(tmp_path, lang)
    assert shown_header == header
    assert {path: cell for path, cell in shown.items() if path in cells} == cells
