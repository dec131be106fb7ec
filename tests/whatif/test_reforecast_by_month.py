"""`actuals --reforecast` of a plan whose rewritten fields are already written by month (spec 1.2 §3b.3).

The past months take the actual values; every month after them evaluates to what the plan says there: its given
points after the actuals kept as written, its value in the first month after them written out (so the schedule does
not run from the last actual month to the plan's next point). Every golden value here is worked by hand.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import numpy as np
import pytest
from cli_runner import invoke

from aigc_roi import api
from aigc_roi.model.by_month import schedule
from aigc_roi.model.month_value import GivenPoint, NoOneRange, median_in, month_value
from aigc_roi.model.sampling import realize
from aigc_roi.model.scenario import ByMonth, Distribution

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
STORY = EXAMPLES / "stories" / "chat-assistant-cac-rising.yaml"
DOUYIN = EXAMPLES / "actuals" / "douyin-ocean-engine.csv"

PLAN = """\
name: By month
start: 2025-01
horizon_months: 6
acquisition:
  - name: Douyin CPA
    type: cpa
    bid: BID
    budget: BUDGET   # ramping up
    match: ["dy_*"]
retention: {monthly_churn: 0.5}
monetization:
  purchases:
    - {name: Pack, price: 10, rate: 1}
"""
JANUARY = "date,campaign,spend,new_users\n2025-01-01,dy_a,45000,1800\n2025-01-31,dy_b,45000,1800\n"
"""90,000 spent for 3,600 users in January, the one whole month: a bid of 25."""


def _reforecast(tmp_path: Path, bid: str, budget: str, rows: str = JANUARY, *args: str) -> tuple[str, api.Result]:
    """The re-forecast's bid and budget lines, and its deterministic run."""
    plan, export, out = tmp_path / "plan.yaml", tmp_path / "export.csv", tmp_path / "re.yaml"
    plan.write_text(PLAN.replace("BID", bid).replace("BUDGET", budget), encoding="utf-8")
    export.write_text(rows, encoding="utf-8")
    result = invoke(["actuals", str(plan), str(export), "--reforecast", str(out), *args])
    assert result.exit_code == 0, result.stderr
    written = out.read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in written if line.startswith(("    bid:", "    budget:"))), api.run(api.load(out))


def _users(result: api.Result) -> list[float]:
    return [float(users) for users in result.channel_monthly_users[0][0]]


@pytest.mark.parametrize(("rows", "args", "bid", "budget", "users"), [
    # January: the budget's value in February, 100,000 + 60,000 / 3 = 120,000, is written out; month 4 as written.
    (JANUARY, (), "{by_month: {1: 25, 2: 20}}", "{by_month: {1: 90000, 2: 120000, 4: 160_000}}",
     [3_600, 6_000, 7_000, 8_000, 8_000, 8_000]),
    # February alone: January keeps its point as written, March is 100,000 + 60,000 x 2/3 = 140,000.
    ("date,campaign,spend,new_users\n2025-02-01,dy_a,50000,2000\n2025-02-28,dy_b,50000,2000\n", (),
     "{by_month: {1: 20, 2: 25, 3: 20}}", "{by_month: {1: 100_000, 2: 100000, 3: 140000, 4: 160_000}}",
     [5_000, 4_000, 7_000, 8_000, 8_000, 8_000]),
], ids=["january", "february"])
def test_a_budget_by_month_keeps_the_plans_later_months(tmp_path: Path, rows: str, args: tuple[str, ...], bid: str,
                                                        budget: str, users: list[float]) -> None:
    lines, result = _reforecast(tmp_path, "20", "{by_month: {1: 100_000, 4: 160_000}}", rows, *args)
    assert lines == f"    bid: {bid}\n    budget: {budget}   # ramping up"
    # users = budget / 20 after the actual month: 120,000, 140,000, then 160,000 a month.
    assert _users(result) == pytest.approx(users, rel=1e-12)


def test_a_range_point_keeps_its_range_and_the_month_after_is_that_range_moved(tmp_path: Path) -> None:
    bid = '{by_month: {1: 10, 4: {dist: uniform, low: 16, high: 22}, 6: "20..30"}}'
    lines, result = _reforecast(tmp_path, bid, "100_000")
    # February is 2/3 x 10 + 1/3 x U(16, 22) = U(6.67 + 5.33, 6.67 + 7.33) = U(12, 14); months 4 and 6 as written.
    assert lines.splitlines()[0] == ('    bid: {by_month: {1: 25, 2: {dist: uniform, low: 12, high: 14}, '
                                     '4: {dist: uniform, low: 16, high: 22}, 6: "20..30"}}')
    # January's 3,600 users, then 100,000 / the medians: 13, 16 (the plan's 1/3 x 10 + 2/3 x 19), 19, the mean of
    # 19 and sqrt(20 x 30), then sqrt(600).
    bids = [13, 16, 19, (19 + math.sqrt(600)) / 2, math.sqrt(600)]
    assert _users(result) == pytest.approx([3_600, *(100_000 / bid for bid in bids)], rel=1e-12)


@pytest.mark.parametrize(("point", "february"), [
    # 2/3 x 10 + 1/3 x N(22, 3) = N(14, 1).
    ("{dist: normal, mean: 22, sd: 3}", "{dist: normal, mean: 14, sd: 1}"),
    # 2/3 x 10 + 1/3 x T(16, 19, 25) = T(12, 13, 15).
    ("{dist: triangular, low: 16, mode: 19, high: 25}", "{dist: triangular, low: 12, mode: 13, high: 15}"),
])
def test_each_kind_of_range_moves_as_the_blend_does(tmp_path: Path, point: str, february: str) -> None:
    lines, _ = _reforecast(tmp_path, f"{{by_month: {{1: 10, 4: {point}}}}}", "100_000")
    assert lines.splitlines()[0] == f"    bid: {{by_month: {{1: 25, 2: {february}, 4: {point}}}}}"


def test_a_lognormal_range_beside_zero_is_scaled(tmp_path: Path) -> None:
    # February's budget is 2/3 x 0 + 1/3 x LN(30,000, 60,000) = LN(10,000, 20,000): a lognormal scaled stays one.
    lines, _ = _reforecast(tmp_path, "20", '{by_month: {1: 0, 4: "30000..60000"}}')
    assert lines.splitlines()[1] == ('    budget: {by_month: {1: 90000, 2: {dist: lognormal, low: 10000, high: 20000}, '
                                     '4: "30000..60000"}}   # ramping up')


def test_the_month_after_draws_what_the_plan_draws_there(tmp_path: Path) -> None:
    """Not only the median: February's draws are the plan's, U(12, 14) (sd 2 / sqrt(12)), in the plan and re-forecast."""
    _reforecast(tmp_path, "{by_month: {1: 10, 4: {dist: uniform, low: 16, high: 22}}}", "100_000")
    for path in (tmp_path / "plan.yaml", tmp_path / "re.yaml"):
        drawn = realize(api.load(path), 20_000, np.random.default_rng(1))
        february = schedule(drawn.acquisition[0].bid, 6, 20_000)[1]
        assert 12 <= february.min() and february.max() <= 14
        assert float(np.std(february)) == pytest.approx(2 / math.sqrt(12), rel=0.02)


NORMALS = "{by_month: {1: {dist: normal, mean: 12, sd: 1}, 4: {dist: normal, mean: 15, sd: 2}}}"
"""Two normal ranges: February is 2/3 X + 1/3 Y of independent draws, N(8 + 5, sqrt(4/9 x 1 + 1/9 x 4)) = N(13, sqrt(8)/3)."""


def test_two_normal_ranges_blend_into_the_normal_of_their_blend(tmp_path: Path) -> None:
    lines, result = _reforecast(tmp_path, NORMALS, "100_000")
    assert lines.splitlines()[0] == ("    bid: {by_month: {1: 25, 2: {dist: normal, mean: 13, sd: "
                                     f"{math.sqrt(8) / 3:.12g}}}, 4: {{dist: normal, mean: 15, sd: 2}}}}}}")
    # January's 3,600 users, then 100,000 / the plan's medians: 13, 14 (1/3 x 12 + 2/3 x 15), then 15.
    assert _users(result) == pytest.approx([3_600, 100_000 / 13, 100_000 / 14, *[100_000 / 15] * 3], rel=1e-12)


def test_the_normal_written_for_two_draws_as_the_plans_month_draws(tmp_path: Path) -> None:
    """The plan's February blends two independent draws, the re-forecast's draws one normal: the same distribution,
    mean 13, sd sqrt(8)/3 = 0.943, 90% of it within 13 -+ 1.6448536 sd (no draw near the bid's clip at 1e-6)."""
    _reforecast(tmp_path, NORMALS, "100_000")
    for path in (tmp_path / "plan.yaml", tmp_path / "re.yaml"):
        drawn = realize(api.load(path), 40_000, np.random.default_rng(3))
        february = schedule(drawn.acquisition[0].bid, 6, 40_000)[1]
        assert float(np.mean(february)) == pytest.approx(13, abs=0.02)
        assert float(np.std(february)) == pytest.approx(math.sqrt(8) / 3, rel=0.02)
        assert float(np.mean(np.abs(february - 13) <= 1.6448536 * math.sqrt(8) / 3)) == pytest.approx(0.9, abs=0.01)


def test_a_rate_by_month_the_exports_do_not_measure_is_read_in_each_month(tmp_path: Path) -> None:
    """Without impressions and clicks a cpm month keeps the plan's ctr and cvr, so its cpm is priced at that month's."""
    plan, export, out = tmp_path / "feed.yaml", tmp_path / "feed.csv", tmp_path / "re.yaml"
    plan.write_text(PLAN.replace("type: cpa\n    bid: BID\n    budget: BUDGET   # ramping up\n",
                                 "type: cpm\n    cpm: 40\n    ctr: {by_month: {1: 0.01, 3: 0.03}}\n    cvr: 0.1\n"
                                 "    budget: 40_000\n"), encoding="utf-8")
    export.write_text("date,campaign,spend,new_users\n2025-01-01,dy_a,40000,800\n2025-02-28,dy_a,40000,1000\n",
                      encoding="utf-8")
    result = invoke(["actuals", str(plan), str(export), "--reforecast", str(out)])
    assert result.exit_code == 0, result.stderr
    # cpm = 1000 x spend x ctr x cvr / users: 1000 x 40,000 x 0.01 x 0.1 / 800 = 50 in January, with February's ctr
    # 0.02 (halfway to 0.03) 1000 x 40,000 x 0.02 x 0.1 / 1,000 = 80.
    written = out.read_text(encoding="utf-8")
    assert "    cpm: {by_month: {1: 50, 2: 80, 3: 40}}\n    ctr: {by_month: {1: 0.01, 2: 0.02, 3: 0.03}}\n" in written
    # users = budget / cpm x 1000 x ctr x cvr: 800, 1,000, then 40,000 / 40 x 1000 x 0.03 x 0.1 = 3,000.
    assert _users(api.run(api.load(out))) == pytest.approx([800, 1_000, 3_000, 3_000, 3_000, 3_000], rel=1e-12)


def _march(export: Path) -> tuple[float, float]:
    """March 2025's spend and activations in the bundled Ocean Engine export, read as plain CSV."""
    with export.open(encoding="utf-8") as rows:
        march = [row for row in csv.DictReader(rows) if row["stat_time_day"].startswith("2025-03")]
    return sum(float(row["stat_cost"].replace(",", "")) for row in march), sum(float(row["active"]) for row in march)


def test_the_bundled_story_with_a_bid_rising_by_month(tmp_path: Path) -> None:
    """spec 1.2's headline story: the bid written by month (a 10-15 range, 13 in month 4, 30 from month 10)."""
    out = tmp_path / "rf2.yaml"
    result = invoke(["actuals", str(STORY), str(DOUYIN), "--map", "Douyin activation CPA=dy_*", "--reforecast", str(out)])
    assert result.exit_code == 0, result.stderr
    assert "Plan vs re-forecast" in result.stdout
    spend, users = _march(DOUYIN)
    # March is the one whole month (the export ends 04-15). April is 2/3 x T(10, 12, 15) + 13/3 = T(11, 37/3, 43/3).
    assert (f"      {{by_month: {{1: {spend / users:.12g}, 2: {{dist: triangular, low: 11, mode: 12.3333333333, "
            "high: 14.3333333333}, 4: 13, 10: 30}}") in out.read_text(encoding="utf-8")
    assert f'    budget: {{by_month: {{1: {spend:.12g}, 2: "25万"}}}}' in out.read_text(encoding="utf-8")
    plan, reforecast = (api.run(api.load(path)).channel_monthly_users[0][1] for path in (STORY, out))
    # users = 250,000 / bid (no saturation): the T(10, 12, 15) median m = 15 - sqrt(7.5), then April 2/3 m + 13/3,
    # May m/3 + 26/3, 13 from June, 13 + 17/6 in July ... 30 from December (month 10) to the channel's month 12.
    median = 15 - math.sqrt(7.5)
    bids = [2 / 3 * median + 13 / 3, median / 3 + 26 / 3, *(13 + 17 * k / 6 for k in range(7)), 30, 30]
    assert reforecast[0] == pytest.approx(users, rel=5e-12)  # the bid in 12 digits: half a unit of the 12th
    assert list(reforecast[1:12]) == pytest.approx([250_000 / bid for bid in bids], rel=1e-9)
    assert list(reforecast[1:]) == pytest.approx(list(plan[1:]), rel=1e-9)


PLAN_REFUSED = """\
name: Ranges by month
start: 2025-01
horizon_months: 6
acquisition:
  - name: Douyin CPA
    type: cpa
    bid: {by_month: {1: "8..12", 4: "12..16"}}
    budget: {by_month: {1: 80_000, 4: "100000..140000"}}
    match: ["dy_*"]
retention: {monthly_churn: 0.5}
"""


@pytest.mark.parametrize(("lang", "lines"), [
    ("en", ["{plan}:7:21: acquisition[0].bid.by_month: expected a value for month 2 (2025-02) that one number or range "
            "writes, found a blend of the ranges at months 1 and 4; give month 2 a point of its own",
            "{plan}:8:24: acquisition[0].budget.by_month: expected a value for month 2 (2025-02) that one number or range "
            "writes, found a blend of the number at month 1 and the lognormal range at month 4; give month 2 a point of "
            "its own"]),
    # The location and path keep their ASCII colon and space, as the reader's errors do under zh.
    ("zh", ["{plan}:7:21: acquisition[0].bid.by_month: 应为第 2 月（2025-02）可由单个数字或区间写出的值，实际为第 1 月与"
            "第 4 月两个区间的混合；请在 by_month 中为第 2 月单独写一个值",
            "{plan}:8:24: acquisition[0].budget.by_month: 应为第 2 月（2025-02）可由单个数字或区间写出的值，实际为第 1 月的"
            "数字与第 4 月的对数正态区间的混合；请在 by_month 中为第 2 月单独写一个值"]),
])
def test_a_month_no_one_range_writes_refuses_each_such_field_where_the_plan_writes_it(
        tmp_path: Path, lang: str, lines: list[str]) -> None:
    # February blends two ranges' draws (bid), or shifts a lognormal range by 2/3 x 80,000 (budget): no range is
    # either. Each field is named at its by_month (line 7 column 21, line 8 column 24), nothing is written.
    plan, export, out = tmp_path / "plan.yaml", tmp_path / "export.csv", tmp_path / "re.yaml"
    plan.write_text(PLAN_REFUSED, encoding="utf-8")
    export.write_text(JANUARY, encoding="utf-8")
    result = invoke(["actuals", str(plan), str(export), "--reforecast", str(out), "--lang", lang])
    assert result.exit_code == 2 and result.stdout == "" and not out.exists()
    assert result.stderr.splitlines() == [line.format(plan=plan) for line in lines]


def test_a_months_value_by_where_it_lies() -> None:
    triangle = Distribution("triangular", 10.0, 15.0, 12.0)
    value = ByMonth(((2, triangle), (4, 13.0), (10, 30.0)))
    # A given month, one before the first and one after the last are given points, copied as written.
    assert [month_value(value, month) for month in (1, 2, 4, 11)] == [GivenPoint(2), GivenPoint(2), GivenPoint(4),
                                                                      GivenPoint(10)]
    # Between two numbers, a number: 13 + 17 x 3/6.
    assert month_value(value, 7) == 21.5
    # Between the range and a number: 1/2 x T(10, 12, 15) + 13/2.
    assert month_value(value, 3) == Distribution("triangular", 11.5, 14.0, 12.5)
    assert median_in(value, 3) == pytest.approx((15 - math.sqrt(7.5)) / 2 + 6.5, rel=1e-15)


def _normal(mean: float, sd: float) -> Distribution:
    """A normal range as the reader holds it: its 90% interval mean -+ 1.6448536 sd."""
    return Distribution("normal", mean - 1.6448536 * sd, mean + 1.6448536 * sd)


def test_two_normal_points_blend_into_one_normal() -> None:
    # Month 3 of N(10, 3) at 1 and N(22, 4) at 5: 1/2 X + 1/2 Y = N(16, sqrt(9 + 16) / 2) = N(16, 2.5).
    blended = month_value(ByMonth(((1, _normal(10, 3)), (5, _normal(22, 4)))), 3)
    assert isinstance(blended, Distribution) and blended.kind == "normal" and blended.mode is None
    assert (blended.low, blended.high) == pytest.approx((16 - 1.6448536 * 2.5, 16 + 1.6448536 * 2.5), rel=1e-12)
    # A normal of sd 0 is its mean: month 2 of 14 (sd 0) at 1 and N(26, 6) at 4 is 2/3 x 14 + 1/3 N(26, 6) = N(18, 2).
    fixed = month_value(ByMonth(((1, _normal(14, 0)), (4, _normal(26, 6)))), 2)
    assert isinstance(fixed, Distribution)
    assert (fixed.low, fixed.high) == pytest.approx((18 - 1.6448536 * 2, 18 + 1.6448536 * 2), rel=1e-12)


@pytest.mark.parametrize(("first", "second"), [
    (Distribution("uniform", 8.0, 12.0), Distribution("uniform", 12.0, 16.0)),
    (Distribution("triangular", 8.0, 12.0, 9.0), _normal(14, 1)),
    (_normal(14, 1), Distribution("lognormal", 12.0, 16.0)),
], ids=["uniform-uniform", "triangular-normal", "normal-lognormal"])
def test_any_other_two_ranges_are_no_one_range(first: Distribution, second: Distribution) -> None:
    # A sum of two uniform, triangular or lognormal draws is none of these (two uniforms make a trapezoid).
    with pytest.raises(NoOneRange):
        month_value(ByMonth(((1, first), (4, second))), 2)
