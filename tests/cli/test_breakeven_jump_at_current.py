"""A driver without a break-even whose current value is on the other side of the threshold than every other value
searched says so, in every format of `breakeven` and both languages (docs/formulas.md §10; QA finding: a free
channel's cost read "none (always holds)", JSON ``none_reason`` "holds", though ROI >= 0 held at a cost of 0 alone).

The plan, by hand (one month, half the users churn after it, which the one month never sees): P buys 100 users at
10 (ad spend 1,000); F brings 1,000 users for a cost c a month, converting at 0.01 of P's rate. Plan M at 20 a month
converts 90%: P's users pay 90 x 20 = 1,800, F's 1,000 x 0.9 x 0.01 = 9 subscribers pay 180. Serving is 1 per
active user: 100 for P's, 1,000 for F's. Contributions: P 1,800 - 100 = 1,700, F 180 - 1,000 = -820.
At c = 0, F is no paid channel (§12): ROI = (1,700 - 1,000) / 1,000 = 70%. At any c > 0 its users are paid:
ROI = (1,700 - 820 - 1,000 - c) / (1,000 + c) = -(120 + c) / (1,000 + c) < 0 (-12.09% at c = 1). So ROI >= 0 holds
at the current cost alone: "only at current", neither "always holds" nor "out of reach". Payback within the month:
cash 1,800 + 180 - 1,100 - 1,000 - c = -120 - c < 0 at every c >= 0: out of reach there and everywhere else, as
before. F's users per month (ROI 70% now, and unaffected: F is no paid channel at a cost of 0) still always hold.
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
name: Free costly users
horizon_months: 1
acquisition:
  - {name: P, type: cpa, bid: 10, users: 100}
  - {name: F, type: flat, cost: 0, users: 1000, conversion_index: 0.01}
retention: {monthly_churn: 0.5}
monetization:
  plans: [{name: M, price: 20, period: month, conversion: 0.9, renewal: 0.5}]
costs:
  serving_per_active_user: 1
"""

CELL = {"en": "none (only at current)", "zh": "无（仅当前值成立）"}
OUT_OF_REACH = {"en": "none (out of reach)", "zh": "无（无法达到）"}
NOTE = {"en": "Only at current: met at the current value alone", "zh": "仅当前值成立：只在当前值达到"}
WRONG = {"en": ("always holds", "Always holds"), "zh": ("始终成立",)}


def _plan(tmp_path: Path) -> str:
    path = tmp_path / "free2.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return str(path)


def _out(*args: str, lang: str = "en") -> str:
    result = invoke(["breakeven", *args, "--lang", lang], env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_the_plan_is_as_derived(tmp_path: Path) -> None:
    at_zero = json.loads(invoke(["run", _plan(tmp_path), "-f", "json"]).stdout)["figures"]["roi"]
    at_one = json.loads(invoke(["run", _plan(tmp_path), "--set", "F.cost=1", "-f", "json"]).stdout)["figures"]["roi"]
    assert at_zero == pytest.approx(0.70) and at_one == pytest.approx(-121 / 1001)


def test_json_and_csv_name_the_jump(tmp_path: Path) -> None:
    rows = {row["path"]: row for row in json.loads(_out(_plan(tmp_path), "-f", "json"))["drivers"]}
    assert rows["acquisition[1].cost"]["roi_zero"] is None
    assert rows["acquisition[1].cost"]["none_reason"] == {"roi_zero": "only_at_current", "payback_target": "out_of_reach"}
    assert rows["acquisition[1].users"]["none_reason"]["roi_zero"] == "holds"
    table = {row["path"]: row for row in csv.DictReader(io.StringIO(_out(_plan(tmp_path), "-f", "csv")))}
    assert table["acquisition[1].cost"]["roi_zero_none_reason"] == "only_at_current"
    assert table["acquisition[1].users"]["roi_zero_none_reason"] == "holds"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_format_says_the_same(tmp_path: Path, lang: str) -> None:
    plan = _plan(tmp_path)
    cost_label = "F cost per month" if lang == "en" else "F 每月费用"
    markdown = _out(plan, "-f", "markdown", lang=lang)
    row = next(line for line in markdown.splitlines() if line.startswith("| acquisition[F].cost |"))
    assert [cell.strip() for cell in row.strip("|").split("|")][3:7] == [CELL[lang], "—", OUT_OF_REACH[lang], "—"]
    assert NOTE[lang] in markdown

    page = invoke(["report", plan, "--lang", lang]).stdout
    cells = dict(re.findall(r"<tr><td>([^<]*)</td>((?:<td class=\"n\">[^<]*</td>)+)</tr>", page))[cost_label]
    assert re.findall(r'<td class="n">([^<]*)</td>', cells)[1:3] == [CELL[lang], "—"]
    assert NOTE[lang] in page

    terminal = _out(plan, lang=lang)
    assert NOTE[lang].replace(" ", "") in "".join(terminal.split())  # the note wraps, zh between any two characters
    # The cost's row, over the lines its wrapped cells take: the room column's cell is the reason.
    lines = terminal.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith(("│ F cost", f"│ {cost_label}")))
    last = next(i for i, line in enumerate(lines) if line.startswith(("│ F users", "│ F 每月用户数")))
    room = " ".join(line.split("│")[4].strip() for line in lines[first:last]).strip()
    assert room == ("only at current" if lang == "en" else "仅当前值成立")
    assert not any(word in " ".join(lines[first:last]) for word in WRONG[lang])


@pytest.mark.parametrize(("roi", "reason", "cell"), [
    (0.7, "only_at_current", "none (only at current)"),
    (-0.2, "all_but_current", "none (all but current)"),
])
def test_either_side_of_the_jump_is_named(roi: float, reason: str, cell: str) -> None:
    """The reverse side, missed at the current value alone, has no plan above (a cost of 0 makes roi jump, and at
    a cost near the domain's end roi nears -100%, so roi >= 0 at every cost above 0 cannot be): the table says it
    from the searched room's side as it says the other."""
    from aigc_roi.model.targets import PaybackWindow
    from aigc_roi.present.breakeven import none_reason, value_or_reason
    from aigc_roi.present.numbers import NumberStyle
    from aigc_roi.whatif.breakeven import BreakEven, BreakEvenTable
    from aigc_roi.whatif.drivers import Driver

    driver = Driver(path="acquisition[1].cost", item="F", field="cost", current=0.0, upper_bound=1e15, search_high=1e5)
    row = BreakEven(driver, None, None, jump_at_current=frozenset({"roi_zero"}))
    table = BreakEvenTable("plan", PaybackWindow(12, 12), roi, None, (row,))
    assert none_reason(table, row, "roi_zero") == reason
    assert value_or_reason(table, row, "roi_zero", NumberStyle()) == cell
    assert none_reason(table, row, "payback_target") == "out_of_reach"
