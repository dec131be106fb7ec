"""`report`'s break-even table says why a driver has no break-even value, as `breakeven` does in the terminal
(QA what-if F3): a plan above break-even at every value "always holds", one below it at every value is "out of
reach", a plan without ad spend has no ROI. Each plan is the spec's worked example at another bid."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_runner import invoke
from spec_example import WORKED_EXAMPLE


def break_even_rows(tmp_path: Path, bid: str, lang: str) -> dict[str, list[str]]:
    """The page's break-even table: each driver's label -> its cells (current, ROI = 0 at, payback at), without the
    room beside each break-even (tests/present/test_report_breakeven_room.py)."""
    path = tmp_path / "plan.yaml"
    path.write_text(WORKED_EXAMPLE.replace("bid: 20", f"bid: {bid}"), encoding="utf-8")
    result = invoke(["report", str(path), "--samples", "200", "--lang", lang])
    assert result.exit_code == 0, result.stderr
    heading = "Break-even" if lang == "en" else "盈亏平衡"
    table = result.stdout.split(f"<h2>{heading}", 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr><td>([^<]*)</td>((?:<td class=\"n\">[^<]*</td>)+)</tr>", table)
    return {name: [found[i] for i in (0, 1, 3)]
            for name, cells in rows if (found := re.findall(r'<td class="n">([^<]*)</td>', cells))}


def none(reason: str, lang: str) -> str:
    """A cell without a value: the terminal's "none" and the reason its headroom column gives."""
    return f"none ({reason})" if lang == "en" else f"无（{reason}）"


def caption_of(tmp_path: Path, lang: str) -> str:
    html = invoke(["report", str(tmp_path / "plan.yaml"), "--samples", "200", "--lang", lang]).stdout
    table_end = html.split("<h2>Break-even" if lang == "en" else "<h2>盈亏平衡", 1)[1].split("</table>", 1)[1]
    return table_end.split("<h2>", 1)[0]


@pytest.mark.parametrize(("lang", "holds", "note"), [
    ("en", "always holds", "Always holds: at every valid value of that driver."),
    ("zh", "始终成立", "始终成立：该驱动因素取任何有效值都成立。"),
])
def test_a_plan_above_break_even_at_every_volume_always_holds(tmp_path: Path, lang: str, holds: str, note: str) -> None:
    # Bid 10: ad spend 10,000 against a contribution of 1,750 user-months x (10 - 1) = 15,750, ROI +57.5%, paid back
    # in month 2 (cash -1,000, +3,500). The users scale spend and contribution alike, so ROI stays 57.5% at any
    # volume; the price is at ROI = 0 where 1,750 (p - 1) = 10,000, p = 6.714: shown up, 6.72, where ROI >= 0
    # (at 6.71 it is -0.05%; docs/formulas.md §10).
    rows = break_even_rows(tmp_path, "10", lang)
    users = "CPA users per month" if lang == "en" else "CPA 每月用户数"
    assert rows[users] == ["1,000", none(holds, lang), none(holds, lang)]
    assert rows["item price" if lang == "en" else "item 价格"][1:] == ["6.72", "6.72"]
    assert note in caption_of(tmp_path, lang)


@pytest.mark.parametrize(("lang", "reach", "note"), [
    ("en", "out of reach", "Out of reach:"),
    ("zh", "无法达到", "无法达到："),
])
def test_a_plan_below_break_even_at_every_volume_is_out_of_reach(tmp_path: Path, lang: str, reach: str, note: str) -> None:
    # Bid 20: spend 20,000 against 15,750, ROI -21.25% at every volume; never paid back (cash -11,000, -6,500, -4,250).
    rows = break_even_rows(tmp_path, "20", lang)
    assert rows["CPA users per month" if lang == "en" else "CPA 每月用户数"][1:] == [none(reach, lang), none(reach, lang)]
    assert note in caption_of(tmp_path, lang)


@pytest.mark.parametrize(("lang", "undefined"), [("en", "no ad spend, ROI undefined"), ("zh", "无广告支出，ROI 无定义")])
def test_a_plan_without_ad_spend_has_no_roi_to_break_even(tmp_path: Path, lang: str, undefined: str) -> None:
    # Bid 0: no ad spend, so no ROI at any price; payback (cash +9,000 in month 1) holds at any volume, and the
    # price pays back in month 1 down to 1,000 (p - 1) = 0, p = 1.
    rows = break_even_rows(tmp_path, "0", lang)
    holds = "always holds" if lang == "en" else "始终成立"
    assert rows["CPA users per month" if lang == "en" else "CPA 每月用户数"][1:] == [none(undefined, lang), none(holds, lang)]
    assert rows["item price" if lang == "en" else "item 价格"][1:] == [none(undefined, lang), "1.00"]
