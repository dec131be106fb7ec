"""`breakeven` says what a value is where it is not a plain crossing, in every format and both languages at 80
columns: a gate's jump (docs/formulas.md §10, QA what-if F1) and a saturating channel's average max bid (§6, F7).

Plans, by hand. GATED_S4 (QA's s4 with U at 40): churn 0.5 over 3 months, each active user-month earns 10 - 1 = 9;
T buys 100 users a month at bid b in months 1-3, U 100 a month at 40 in months 2-3 while T's month-1 ROAS,
10 / b, is >= 0.9. Passed, 6,075 of contribution against 300 b + 8,000 of spend: roi < 0 at every bid. Failed
(b > 100 / 9), T alone in month 1: 1,575 against 100 b. So from b = 10 roi's side changes first at 100 / 9, a
jump: roi (6,075 - 11,333.33) / 11,333.33 = -46.40% just below, 1,575 / 1,111.11 - 1 = +41.75% just above;
payback never below, month 2 above (cumulative cash 900 - 1,111.11 = -211.11, then +450). Without U that dear
(QA's s4, U at 20) roi = 0 at a T bid of 2,075 / 300 = 6.9167 and a price of 1 + 7,000 / 675 = 11.3704.
SATURATING (QA's s3): A buys 500 / 10 x 1,000 / 1,500 = 33.33 users worth 19 each for 500, max bid
10 x 633.33 / 500 = 12.667; B 500 / 5 x 500 / 1,000 = 50 users, 9.50.
Shown, each is rounded to the side where its threshold holds (docs/formulas.md §10): the jump 11.111 up to 11.12
(at 11.11 the gate still passes), the bid 6.9167 and the max bids down (6.91, 12.66), a price up.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from breakeven_plans import GATED_S4
from cli_runner import invoke
from rich.cells import cell_len

SATURATING = """version: 1
name: S3 allocate
horizon_months: 1
acquisition:
  - {name: A, type: cpa, bid: 10, budget: 500, saturation_budget: 1000}
  - {name: B, type: cpa, bid: 5, budget: 500, saturation_budget: 500}
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: Item, price: 20, rate: 1}]
costs: {serving_per_active_user: 1}
"""


def _file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _out(*args: str | Path, lang: str = "en") -> str:
    result = invoke(["breakeven", *map(str, args), "--lang", lang], env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    if "-f" not in args:
        assert all(cell_len(line) <= 80 for line in result.stdout.splitlines())
    return result.stdout


def _flat(text: str) -> str:
    """The table's notes as one line: Rich wraps them at 80 columns."""
    return " ".join(line.strip() for line in text.splitlines())


def _row(text: str, start: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(f"│ {start}"))


@pytest.mark.parametrize(("lang", "mark", "words"), [
    ("en", "jump", ["past it gate 'test' fails", "ROI -46.40% → 41.75%", "payback month never → 2"]),
    ("zh", "跳变", ["越过该值闸门“test”不通过", "ROI -46.40% → 41.75%", "回本月份 未回本 → 2"]),
])
def test_a_break_even_at_a_gates_jump_is_marked_and_explained(tmp_path: Path, lang: str, mark: str,
                                                              words: list[str]) -> None:
    out = _out(_file(tmp_path, "dear.yaml", GATED_S4.format(u_bid=40)), lang=lang)
    bid = _row(out, "T ")
    # The bid must rise past 100 / 9 = 11.111: +11.1% (11.11) falls short, +11.2% (11.12) does not.
    assert bid.count(f"11.12 {mark}") == 2 and bid.count("+11.2%") == 2
    notes = _flat(out)
    for word in words:
        assert word in notes, word


def test_a_gated_plan_shows_the_crossings_not_the_flips(tmp_path: Path) -> None:
    out = _out(_file(tmp_path, "s4.yaml", GATED_S4.format(u_bid=20)))
    assert "jump" not in out
    # ROI < 0 now, so each move is rounded away from 0: the bid -30.833% to -30.9%, the price +13.704% to +13.8%.
    assert "6.91" in _row(out, "T bid") and "-30.9%" in _row(out, "T bid")
    assert "11.38" in _row(out, "Item price") and "+13.8%" in _row(out, "Item price")
    # F2: the payback break-even of T's volume is 1,750 / 8.25 = 212.12 users, not 0 (no campaign at all): +112.12%,
    # needed, so +112.2% (112 users more, 212, still fall short).
    assert _row(out, "T users").count("+112.2%") == 2


def test_a_jump_in_json_csv_markdown_and_the_report(tmp_path: Path) -> None:
    path = _file(tmp_path, "dear.yaml", GATED_S4.format(u_bid=40))
    bid = json.loads(_out(path, "-f", "json"))["drivers"][0]
    assert bid["roi_zero"] == pytest.approx(100 / 9, rel=1e-8)
    jump = bid["gate_jump"]["roi_zero"]
    assert jump["gates"] == ["test"]
    assert jump["below"] == {"roi": pytest.approx(-5_258.333333 / 11_333.333333, rel=1e-6), "payback_month": None,
                             "gates_passed": ["test"]}
    assert jump["above"] == {"roi": pytest.approx(0.4175, rel=1e-6), "payback_month": 2, "gates_passed": []}
    assert bid["gate_jump"]["payback_target"]["above"]["payback_month"] == 2
    price = json.loads(_out(path, "-f", "json"))["drivers"][4]
    assert price["gate_jump"] == {"roi_zero": None, "payback_target": None}
    rows = list(csv.DictReader(io.StringIO(_out(path, "-f", "csv"))))
    assert (rows[0]["roi_zero_jump"], rows[0]["payback_target_jump"], rows[4]["roi_zero_jump"]) == ("1", "1", "0")
    markdown = _out(path, "-f", "markdown")
    assert "| 11.12 jump |" in markdown and "_T bid 11.12: past it gate 'test' fails;" in markdown
    page = tmp_path / "page.html"
    result = invoke(["report", str(path), "-o", str(page), "--samples", "100"])
    assert result.exit_code == 0, result.stderr
    html = page.read_text(encoding="utf-8")
    assert '<td class="n">11.12 jump</td>' in html and "ROI -46.40% → 41.75%" in html


@pytest.mark.parametrize(("lang", "mark", "note"), [
    ("en", "avg", "avg: with saturation_budget the max bid is an average"),
    ("zh", "均值", "均值：设置了 saturation_budget 的渠道"),
])
def test_a_saturating_channels_own_max_is_marked_average_as_run_marks_it(tmp_path: Path, lang: str, mark: str,
                                                                         note: str) -> None:
    path = _file(tmp_path, "s3.yaml", SATURATING)
    out = _out(path, lang=lang)
    rows = out.split("\n", 1)[1].splitlines()
    own = [line for line in rows if f" {mark} " in line]
    assert any("12.66" in line for line in own) and any("9.50" in line for line in own)
    assert note.replace(" ", "") in _flat(out).replace(" ", "")


def test_a_saturating_channel_in_json_csv_and_markdown(tmp_path: Path) -> None:
    path = _file(tmp_path, "s3.yaml", SATURATING)
    channel = json.loads(_out(path, "-f", "json"))["drivers"][0]["channel"]
    assert channel["max_unit_cost"] == pytest.approx(12.6666666667) and channel["saturating"] is True
    rows = list(csv.DictReader(io.StringIO(_out(path, "-f", "csv"))))
    assert [row["channel_saturating"] for row in rows] == ["1", "", "1", "", "", ""]
    markdown = _out(path, "-f", "markdown")
    assert "| 12.66 avg |" in markdown and "| 9.50 avg |" in markdown
    assert "_avg: with saturation_budget the max bid is an average" in markdown
