"""The months table, too narrow for every column, keeps the costs that make a row add up before Subs. and says which it
leaves out (present/run_view.py ``month_layouts``; docs/formulas.md, values by month).

Before, at up to 120 columns it gave up Delivery and Referral first, keeping Subs. and a Fixed column of zeros, so Net
rev. less the costs shown was not Net cash, and nothing said a cost was hidden.
"""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console

from aigc_roi.model.engine import evaluate
from aigc_roi.model.sampling import realize
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.present.run_data import run_report
from aigc_roi.present.run_view import months_table
from aigc_roi.reader.load import load_text

# Hand calculation, month by month (1,000 users bought at 20 in M1; churn 0.5; virality 0.2 brings 200 in M2 and 40
# in M3, each rewarded 5; 10% subscribe at 30, renewing half; one purchase of 10 a month per active user, costing 6 to
# deliver; serving 1 per active user):
#   active     1,000            700 = 500 + 200        390 = 350 + 40
#   subs.      100              70 = 50 + 20           39 = 35 + 4
#   net rev.   13,000           9,100 = 2,100 + 7,000  5,070 = 1,170 + 3,900
#   ad spend   20,000           0                      0
#   serving    1,000            700                    390
#   delivery   6,000            4,200                  2,340
#   referral   0                1,000 = 200 x 5        200 = 40 x 5
#   fixed      0                0                      0
#   net cash   -14,000          3,200                  2,140
DELIVERY = """\
name: 交付成本示例
horizon_months: 3
referral_reward: 5
virality: 0.2
acquisition:
  - {name: 抖音, type: cpa, bid: 20, users: 1000, months: 1}
retention: {monthly_churn: 0.5}
monetization:
  plans:
    - {name: 月卡, price: 30, period: month, conversion: 10%, renewal: 0.5}
  purchases:
    - {name: 写真, price: 10, rate: 1, unit_cost: 6}
costs:
  serving_per_active_user: 1
"""
HEADERS = {"en": {"subscribers": "Subs.", "ad_spend": "Ad", "serving_cost": "Serving", "delivery_cost": "Delivery",
                  "referral_cost": "Referral", "fixed_cost": "Fixed"},
           "zh": {"subscribers": "在订", "ad_spend": "广告", "serving_cost": "服务", "delivery_cost": "交付",
                  "referral_cost": "推荐", "fixed_cost": "固定"}}
NOTE = {"en": "Not shown for want of width: {columns}; Net cash subtracts them too.",
        "zh": "因宽度不足未显示：{columns}；净现金流已扣除。"}
NAMES = {"en": {"ad_spend": "Ad spend", "serving_cost": "Serving", "delivery_cost": "Delivery",
                "referral_cost": "Referral", "fixed_cost": "Fixed"},
         "zh": {"ad_spend": "广告支出", "serving_cost": "服务成本", "delivery_cost": "交付成本",
                "referral_cost": "推荐奖励", "fixed_cost": "固定成本"}}
COST_COLUMNS = ("ad_spend", "serving_cost", "delivery_cost", "referral_cost", "fixed_cost")
"""What net cash subtracts from net revenue (docs/formulas.md §4.8), in the table's order."""
SPENT = ("ad_spend", "serving_cost", "delivery_cost", "referral_cost")
"""The costs some month of DELIVERY has (Fixed is 0 throughout)."""


def _rendered(lang: str, width: int) -> tuple[str, str]:
    """(header, what follows the table) of DELIVERY's months table at ``width``."""
    scenario = load_text(DELIVERY, "delivery.yaml").scenario
    report = run_report(scenario, evaluate(realize(scenario)))
    console = Console(width=width, file=io.StringIO(), color_system=None, legacy_windows=False)
    console.print(months_table(report, NumberStyle(lang, "CNY")))
    lines = console.file.getvalue().splitlines()
    top = next(i for i, line in enumerate(lines) if line.startswith("┏"))
    rule = next(i for i, line in enumerate(lines) if line.startswith("┡"))
    bottom = next(i for i, line in enumerate(lines) if line.startswith("└"))
    return "\n".join(lines[top:rule]), " ".join(line.strip() for line in lines[bottom + 1:])


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("width", [50, 60, 70, 80, 90, 100, 110, 120, 140])
def test_a_cost_is_shown_before_subs_or_named_as_left_out(lang: str, width: int) -> None:
    header, after = _rendered(lang, width)
    shown = {key for key, word in HEADERS[lang].items() if word in header}
    left_out = [key for key in COST_COLUMNS if key in SPENT and key not in shown]
    if left_out:
        assert "subscribers" not in shown, header
        separator = "、" if lang == "zh" else ", "
        note = NOTE[lang].format(columns=separator.join(NAMES[lang][key] for key in left_out))
        # Compared without spaces, no-break ones too: a Chinese caption's lines join with none.
        assert note.replace(" ", "") in re.sub("[ \u00a0]", "", after), after
    else:
        assert "宽度" not in after and "want of width" not in after, after


def test_at_100_columns_the_row_adds_up() -> None:
    header, after = _rendered("en", 100)
    for word in ("Ad", "Serving", "Delivery", "Referral"):
        assert word in header, header
    assert "Subs." not in header and "Fixed" not in header and "want of width" not in after


def test_at_100_columns_each_row_is_the_hand_calculation() -> None:
    scenario = load_text(DELIVERY, "delivery.yaml").scenario
    report = run_report(scenario, evaluate(realize(scenario)))
    console = Console(width=100, file=io.StringIO(), color_system=None, legacy_windows=False)
    console.print(months_table(report, NumberStyle("en", "CNY")))
    rows = {cells[0]: cells[1:] for line in console.file.getvalue().splitlines() if line.startswith("│")
            for cells in [[cell.strip() for cell in line.strip("│").split("│")]]}
    # Month, New, Net rev. (k), Ad spend (k), Serving, Delivery, Referral, Net cash (k), Cumulative (k):
    # net rev. - ad spend - serving - delivery - referral = net cash in every row.
    assert rows["M1"] == ["1,000", "13.0", "20.0", "1,000", "6,000", "0", "-14.0", "-14.0"]
    assert rows["M2"] == ["200", "9.1", "0.0", "700", "4,200", "1,000", "3.2", "-10.8"]
    assert rows["M3"] == ["40", "5.1", "0.0", "390", "2,340", "200", "2.1", "-8.7"]


@pytest.mark.parametrize("costs", [frozenset(SPENT), frozenset(COST_COLUMNS), frozenset({"ad_spend", "fixed_cost"}),
                                   frozenset()])
def test_every_layout_with_subs_keeps_every_cost_some_month_has(costs: frozenset[str]) -> None:
    from aigc_roi.present.run_view import month_layouts

    layouts = month_layouts(costs)
    assert layouts[0] == (False, layouts[0][1]) and all(compact for compact, _ in layouts[1:])
    for _, names in layouts:
        if "subscribers" in names or "active_users" in names:
            assert costs <= set(names), names
    # A cost column of zeros goes before Subs.
    with_subscribers = [names for _, names in layouts if "subscribers" in names]
    assert any(not set(names) & (set(COST_COLUMNS) - costs) for names in with_subscribers)
    assert layouts[-1] == (True, ("net_cash", "cumulative_cash"))


def test_the_note_names_each_left_out_cost_in_the_table_s_order() -> None:
    _, after = _rendered("en", 60)
    assert re.search(r"Not shown for want of width: Serving, Delivery, Referral; Net cash subtracts them too\.",
                     after), after


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("width", range(30, 61))
def test_the_note_keeps_each_left_out_column_name_on_one_line(lang: str, width: int) -> None:
    scenario = load_text(DELIVERY, "delivery.yaml").scenario
    report = run_report(scenario, evaluate(realize(scenario)))
    console = Console(width=width, file=io.StringIO(), color_system=None, legacy_windows=False)
    console.print(months_table(report, NumberStyle(lang, "CNY")))
    lines = console.file.getvalue().splitlines()
    note = [line.strip() for line in lines[next(i for i, line in enumerate(lines) if line.startswith("└")) + 1:]]
    # At 40 columns "Ad" ended a line and "spend," began the next.
    for name in NAMES[lang].values():
        if name in re.sub("[ \u00a0]", " ", " ".join(note)):
            assert any(name in re.sub("\u00a0", " ", line) for line in note), (name, note)
