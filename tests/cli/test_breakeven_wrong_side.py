"""A break-even on the other side of the current value than the plan has no headroom, in every format of
`breakeven` and both languages (docs/formulas.md §10, **Headroom**; QA finding: a free channel's cost read "can rise
to 163.87 before ROI < 0" under "Needed for ROI ≥ 0" while the plan's ROI was -7.87%, JSON's headroom null and
markdown's and the report's cells —).

The plan, by hand (one month, no serving cost): P buys 100 users at 10 (ad spend 1,000), F brings 100 users for a
cost c a month, each user buys once at 8. At c = 0, F is no paid channel (§12): ROI = (800 - 1,000) / 1,000 = -20%.
At any c > 0 its users are paid: ROI = (1,600 - 1,000 - c) / (1,000 + c), >= 0 for 0 < c <= 600. So ROI = 0 at
600, but a cost of 0 is neither "room before ROI < 0" up to 600 (it misses ROI >= 0 now) nor a move to 600 a need
(any cost in (0, 600] meets it): the cell reads —. Payback within the one month: cash 1,600 - 1,000 - c >= 0 for
c <= 600, met now (cash 600 at c = 0), room "to 600.00" (no relative move from 0). The serving cost per active user
s, 0 now: cash 600 - 200 s >= 0 for s <= 3, room "to 3.00" (its ROI, (800 - 100 s - 1,000) / 1,000, is out of
reach).
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from cli_runner import invoke

PLAN = """version: 1
name: Free beside paid
horizon_months: 1
acquisition:
  - {name: P, type: cpa, bid: 10, users: 100}
  - {name: F, type: flat, cost: 0, users: 100}
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: Item, price: 8, rate: 1}]
"""

TO = {"en": "to {}", "zh": "至 {}"}


def _plan(tmp_path: Path) -> str:
    path = tmp_path / "free.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return str(path)


def _out(*args: str, lang: str = "en") -> str:
    result = invoke(["breakeven", *args, "--lang", lang], env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _cells(line: str, bar: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip(bar).split(bar)]


def test_json_has_the_break_even_and_no_headroom(tmp_path: Path) -> None:
    rows = {row["path"]: row for row in json.loads(_out(_plan(tmp_path), "-f", "json"))["drivers"]}
    cost = rows["acquisition[1].cost"]
    assert cost["roi_zero"] == pytest.approx(600, rel=1e-8) and cost["payback_target"] == pytest.approx(600, rel=1e-8)
    assert cost["headroom"] == {"roi_zero": None, "payback_target": None}
    table = list(csv.DictReader(io.StringIO(_out(_plan(tmp_path), "-f", "csv"))))
    csv_cost = next(row for row in table if row["path"] == "acquisition[1].cost")
    assert csv_cost["roi_zero_headroom"] == csv_cost["payback_target_headroom"] == ""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_format_says_the_same(tmp_path: Path, lang: str) -> None:
    plan = _plan(tmp_path)
    cost_label, serving_label = ("F cost per month", "Serving cost per active user") if lang == "en" else (
        "F 每月费用", "单活跃用户服务成本")
    # ROI = 0 at, its room, payback at, its room: the cost's ROI room none, its payback room and the serving
    # cost's "to" the break-even (no relative move from 0).
    cost = ["600.00", "—", "600.00", TO[lang].format("600.00")]
    serving_payback = ["3.00", TO[lang].format("3.00")]

    markdown = {cells[1]: cells[3:7] for line in _out(plan, "-f", "markdown", lang=lang).splitlines()
                if line.startswith("| acquisition") or line.startswith("| costs")
                for cells in [_cells(line, "|")]}
    assert markdown[cost_label] == cost
    assert markdown[serving_label][2:] == serving_payback

    page = invoke(["report", plan, "--lang", lang]).stdout
    rows = dict(re.findall(r"<tr><td>([^<]*)</td>((?:<td class=\"n\">[^<]*</td>)+)</tr>", page))
    assert re.findall(r'<td class="n">([^<]*)</td>', rows[cost_label])[1:5] == cost
    assert re.findall(r'<td class="n">([^<]*)</td>', rows[serving_label])[3:5] == serving_payback

    terminal = _out(plan, lang=lang)
    # At 80 columns the zh labels fit one line each; the English ones wrap, their first line naming the driver. The
    # first table's rows, before the channels' (which name the cost's driver too).
    lines: dict[str, list[str]] = {}
    for line in terminal.splitlines():
        if line.startswith("│"):
            lines.setdefault(_cells(line, "│")[0], _cells(line, "│"))
    assert lines["F cost per" if lang == "en" else cost_label][2:6] == cost
    assert lines["Serving cost" if lang == "en" else serving_label][4:6] == serving_payback
    assert not any(word in terminal for word in ("can rise", "before ROI", "可上涨", "超出则"))


NOTES = {"en": "F cost per month: ROI ≥ 0 at every value above 0.00 up to 600.00, but not at 0.00 itself.",
         "zh": "F 每月费用：高于 0.00 且不高于 600.00 的任何取值都满足 ROI ≥ 0，唯独当前值 0.00 本身不满足。"}
"""By hand (above): ROI >= 0 for 0 < c <= 600, not at c = 0 (ROI -20%)."""


def test_json_and_csv_tell_the_wrong_side_from_a_zero_current_value(tmp_path: Path) -> None:
    """The cost's ROI = 0 is on the wrong side, its payback (met now, room "to 600.00") and the serving cost's payback
    (room "to 3.00") are not, though every one of those headrooms is null: the mark tells them apart (QA finding)."""
    rows = {row["path"]: row for row in json.loads(_out(_plan(tmp_path), "-f", "json"))["drivers"]}
    assert rows["acquisition[1].cost"]["wrong_side"] == {"roi_zero": True, "payback_target": False}
    assert rows["costs.serving_per_active_user"]["wrong_side"] == {"roi_zero": False, "payback_target": False}
    table = list(csv.DictReader(io.StringIO(_out(_plan(tmp_path), "-f", "csv"))))
    marks = {row["path"]: (row["roi_zero_wrong_side"], row["payback_target_wrong_side"]) for row in table}
    assert marks["acquisition[1].cost"] == ("1", "0")
    assert marks["costs.serving_per_active_user"] == ("0", "0")
    assert list(table[0])[-3:] == ["roi_zero_wrong_side", "payback_target_wrong_side", "currency"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_format_names_the_good_side(tmp_path: Path, lang: str) -> None:
    """Under the table, the terminal, markdown and report say which costs meet ROI >= 0: (0, 600]."""
    plan = _plan(tmp_path)
    flat = "" if lang == "zh" else " "
    terminal = flat.join(line.strip() for line in _out(plan, lang=lang).splitlines())
    assert NOTES[lang] in terminal
    assert NOTES[lang] in _out(plan, "-f", "markdown", lang=lang)
    assert NOTES[lang] in invoke(["report", plan, "--lang", lang]).stdout
