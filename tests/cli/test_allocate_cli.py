"""`allocate` through the CLI: JSON shape, locks and bounds, parsing, errors, formats. Numbers derived by hand.

The scenarios run one month, churn 1, one purchase of 100 per user and nothing else: a user is
worth exactly 100, so net cash = 100 x users - spend. A cpa channel with bid a and saturation
budget h buys b/a x h/(b+h) users for a monthly budget b (docs/formulas.md §4).
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from cli_runner import invoke

ONE_MONTH = """\
horizon_months: 1
retention: {monthly_churn: 1}
monetization:
  purchases: [{name: item, price: 100, rate: 1}]
"""

TWO_SATURATING = """\
name: Two saturating
acquisition:
  - {name: A, type: cpa, bid: 20, budget: 80_000, saturation_budget: 50_000}
  - {name: B, type: cpa, bid: 20, budget: 20_000, saturation_budget: 50_000}
""" + ONE_MONTH

MIXED = """\
name: Mixed
acquisition:
  - {name: A, type: cpa, bid: 20, budget: 10_000, saturation_budget: 50_000}
  - {name: B, type: cpa, bid: 20, budget: 10_000, saturation_budget: 50_000}
  - {name: Locked, type: cpa, bid: 20, users: 2000}
  - {name: Creators, type: kol, posts: 3, fee: 1_000, views: 10_000, view_to_user: 0.001}
  - {name: Poster, type: flat, cost: 5_000, users: 100}
""" + ONE_MONTH

LINEAR = """\
name: Linear
acquisition:
  - {name: Cheap, type: cpa, bid: 20, budget: 30_000}
  - {name: Dear, type: cpa, bid: 40, budget: 70_000}
""" + ONE_MONTH


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "scenario.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _json(*args: str | Path) -> dict:  # type: ignore[type-arg]
    result = invoke(["allocate", *map(str, args), "--format", "json"])
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_two_identical_saturating_channels_split_evenly_end_to_end(tmp_path: Path) -> None:
    """Same bid and saturation: the marginal users (1/20) (h/(b+h))^2 are equal only at equal
    budgets, so 50k each. Then 2 x 2500 x 50/100 = 2500 users: net cash 250k - 100k = 150k.
    Today 4000 x 50/130 + 1000 x 50/70 users."""
    data = _json(_write(tmp_path, TWO_SATURATING), "--budget", "100k", "--objective", "net_cash")
    assert data["best"]["split"] == pytest.approx({"A": 50_000, "B": 50_000}, rel=1e-5)
    assert data["best"]["value"] == pytest.approx(150_000, rel=1e-9)
    current = 100 * (4000 * 50 / 130 + 1000 * 50 / 70) - 100_000
    # One phase (both run in month 1): its split is the split; B spent in its one month.
    assert data["current"] == {"split": {"A": 80_000, "B": 20_000}, "value": pytest.approx(current, rel=1e-12),
                               "phases": [{"months": [1], "month_labels": ["M1"], "split": {"A": 80_000, "B": 20_000}}],
                               "spend": 100_000, "spend_mean_over_draws": None}
    assert data["gain"] == pytest.approx(150_000 - current, rel=1e-6)
    a = data["channels"][0]
    # At 80k: average CAC 20 x 130/50 = 52; the next yuan buys (1/20)(50/130)^2 users: CAC 135.2, ROAS 100/135.2.
    assert a["current"] == pytest.approx(
        {"budget": 80_000, "roas": 100 / 52, "marginal_roas": 100 / 135.2, "cac": 52, "marginal_cac": 135.2,
         "ltv": 100, "ltv_to_cac": 100 / 52}, rel=1e-5)
    # At 50k: CAC 40, marginal CAC 20 x 4 = 80.
    assert a["best"] == pytest.approx({"budget": 50_000, "roas": 2.5, "marginal_roas": 1.25, "cac": 40, "marginal_cac": 80,
                                         "ltv": 100, "ltv_to_cac": 2.5}, rel=1e-5)


def test_json_has_the_spec_shape_with_kol_budget_as_posts_times_fee(tmp_path: Path) -> None:
    data = _json(_write(tmp_path, MIXED), "--budget", "23000", "--lock", "Locked")
    assert list(data)[:5] == ["scenario", "objective", "budget", "samples", "seed"]
    assert (data["scenario"], data["objective"], data["budget"]) == ("Mixed", "npv", 23_000)
    # Locked and flat channels are outside the split; the kol channel's budget is 3 posts x 1000.
    assert data["current"]["split"] == {"A": 10_000, "B": 10_000, "Creators": 3_000}
    assert set(data["best"]["split"]) == {"A", "B", "Creators"}
    assert sum(data["best"]["split"].values()) == pytest.approx(23_000, rel=1e-12)
    statuses = {row["name"]: (row["status"], row["current"]["budget"]) for row in data["channels"]}
    assert statuses == {"A": ("movable", 10_000), "B": ("movable", 10_000), "Locked": ("locked", 40_000),
                        "Creators": ("movable", 3_000), "Poster": ("fixed", 5_000)}
    locked = data["channels"][2]
    # Locked: average CAC is its bid, ROAS 100/20; no marginal figures (never moved); no maximum is null, not inf.
    # A user is worth 100 (ltv) and costs 20: LTV/CAC 5.
    assert locked["current"] == {"budget": 40_000, "roas": 5.0, "marginal_roas": None, "cac": 20.0, "marginal_cac": None,
                                 "ltv": 100.0, "ltv_to_cac": 5.0}
    assert data["channels"][0]["maximum"] is None
    assert [point["multiple"] for point in data["curve"]] == [0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0]
    assert {"code": "locked", "channel": "Locked", "message": "Locked is locked at 40,000 a month, outside B."} in data["warnings"]


def test_linear_channels_curve_pays_four_per_extra_yuan(tmp_path: Path) -> None:
    """All money to Cheap (20 per user, worth 100): net cash 100 b/20 - b = 4b at every budget, so
    the best value per extra unit of B between curve points is exactly 4, and Dear gets nothing."""
    data = _json(_write(tmp_path, LINEAR), "--budget", "1e5", "--objective", "net_cash")
    assert data["best"]["split"] == pytest.approx({"Cheap": 100_000, "Dear": 0}, abs=1e-3)
    # The curve starts at 0 (spending nothing is a candidate budget).
    assert [point["value"] for point in data["curve"]] == pytest.approx([4 * 25_000 * k for k in range(0, 9)])
    assert data["curve"][0]["marginal_value"] is None
    assert [point["marginal_value"] for point in data["curve"][1:]] == pytest.approx([4.0] * 8)
    assert {"code": "on_minimum", "channel": "Dear",
            "message": "Dear gets nothing at the best split: its first 1 CNY returns less than the others' last."} in data["warnings"]


@pytest.mark.parametrize(("lang", "sentence"), [
    ("en", "Dear gets nothing at the best split: its first 1 CNY returns 0.50 CNY in revenue, less than the 1 CNY "
           "itself."),
    ("zh", "Dear 在最优分配中没有预算：它的第 1 元只带来 0.50 元收入，不到这 1 元本身。"),
])
def test_a_channel_that_gets_nothing_is_one_warning_with_its_first_yuan(tmp_path: Path, lang: str, sentence: str) -> None:
    """Dear buys a user worth 100 for 200: its first yuan returns 100/200 = 0.50 in revenue, so it gets nothing. That
    zero budget's next yuan is its first: one sentence says both, not a second about the next yuan."""
    path = _write(tmp_path, LINEAR.replace("bid: 40", "bid: 200"))
    data = _json(path, "--budget", "1e5", "--objective", "net_cash", "--lang", lang)
    assert data["best"]["split"] == pytest.approx({"Cheap": 100_000, "Dear": 0}, abs=1e-3)
    assert [warning["code"] for warning in data["warnings"] if warning["channel"] == "Dear"] == ["on_minimum"]
    result = invoke(["allocate", str(path), "--budget", "1e5", "--objective", "net_cash", "--lang", lang])
    assert result.exit_code == 0
    assert [line for line in result.stdout.splitlines() if "Dear" in line and line.startswith("!")] == [f"! {sentence}"]


@pytest.mark.parametrize("budget", ["100万", "1m", "1_000_000", "1e6", "1000k"])
def test_budget_reads_the_file_number_grammar(tmp_path: Path, budget: str) -> None:
    data = _json(_write(tmp_path, LINEAR), "--budget", budget, "--objective", "net_cash")
    assert data["budget"] == 1_000_000
    assert sum(data["best"]["split"].values()) == pytest.approx(1_000_000, rel=1e-12)


def test_locks_and_bounds_hold_through_the_cli(tmp_path: Path) -> None:
    """Without bounds A and B (identical) would take 50k each of 100k. A minimum of 70k on A is
    binding: A 70k, B 30k. A maximum of 20k: A 20k, B 80k. Locked keeps 2000 x 20 = 40k outside B."""
    without_creators = "\n".join(line for line in MIXED.splitlines() if "Creators" not in line) + "\n"
    path = _write(tmp_path, without_creators)
    at_least = _json(path, "--budget", "10万", "--objective", "net_cash", "--lock", "Locked", "--min", "A=7万")
    assert at_least["best"]["split"] == pytest.approx({"A": 70_000, "B": 30_000}, rel=1e-9)
    users = 3500 * 50 / 120 + 1500 * 50 / 80 + 2000 + 100
    assert at_least["best"]["value"] == pytest.approx(100 * users - 100_000 - 40_000 - 5_000, rel=1e-9)
    codes = {(warning["code"], warning["channel"]) for warning in at_least["warnings"]}
    assert {("on_minimum", "A"), ("locked", "Locked"), ("current_total_differs", None)} <= codes
    at_most = _json(path, "--budget", "100000", "--objective", "net_cash", "--lock", "Locked", "--max", "A=20_000")
    assert at_most["best"]["split"] == pytest.approx({"A": 20_000, "B": 80_000}, rel=1e-9)
    assert ("on_maximum", "A") in {(warning["code"], warning["channel"]) for warning in at_most["warnings"]}


@pytest.mark.parametrize("option", [["--lock", "Nope"], ["--min", "Nope=5"], ["--max", "Nope=5"]])
def test_unknown_channel_is_one_line_with_the_known_names(tmp_path: Path, option: list[str]) -> None:
    result = invoke(["allocate", str(_write(tmp_path, MIXED)), "--budget", "1万", *option])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == f"aigc-roi: {option[0]}: no channel named 'Nope'; channels: 'A', 'B', 'Locked', 'Creators', 'Poster'\n"
    chinese = invoke(["allocate", str(_write(tmp_path, MIXED)), "--budget", "1万", *option, "--lang", "zh"])
    assert chinese.stderr == (f"aigc-roi: {option[0]}：没有名为 'Nope' 的渠道；"
                              "现有渠道：'A'、'B'、'Locked'、'Creators'、'Poster'\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--budget", "lots"], "aigc-roi: --budget: expected a number (suffixes k, m, 万, 亿), found 'lots'\n"),
        (["--budget", "0"], "aigc-roi: --budget: expected a positive amount, found '0'\n"),
        (["--budget", "1万", "--min", "A"], "aigc-roi: --min: expected NAME=AMOUNT, such as 'Feed ads=20万', found 'A'\n"),
        (["--budget", "1万", "--max", "A=-5"], "aigc-roi: --max A: expected an amount >= 0, found '-5'\n"),
        (["--budget", "1万", "--min", "A=6000", "--min", "B=6000"],
         "aigc-roi: the minimums add up to 12,000, more than the budget 10,000\n"),
        (["--budget", "1234567.5", "--max", "A=1000", "--max", "B=2000.25", "--max", "Locked=0", "--max", "Creators=0"],
         "aigc-roi: the maximums add up to 3,000.25, less than the budget 1,234,567.50\n"),
        (["--budget", "1万", "--min", "A=3万", "--max", "A=2万"],
         "aigc-roi: the minimum of 'A' (30,000) exceeds its maximum (20,000)\n"),
        ([], "aigc-roi: give exactly one of --budget, --total, --target-roas and --reach (given: none)\n"),
        (["--budget", "1万", "--lock", "Poster"],
         "aigc-roi: 'Poster' is a flat channel: its spend is never moved, so it cannot be locked or bounded\n"),
    ],
)
def test_bad_requests_are_one_line_and_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    result = invoke(["allocate", str(_write(tmp_path, MIXED)), *args])
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)


@pytest.mark.parametrize(("lang", "message"), [
    ("en", "aigc-roi: the minimums add up to 20,000, more than the budget 10,000\n"),
    # As the tables show amounts under zh: 20,000 = 2.0万 and 10,000 = 1.0万 (whole units: one decimal in 万).
    ("zh", "aigc-roi: 下限合计 2.0万，超过预算 1.0万\n"),
])
def test_a_refusal_writes_its_amounts_as_the_tables_do(lang: str, message: str) -> None:
    starter = Path(__file__).parents[2] / "aigc_roi" / "templates" / "starter.yaml"
    result = invoke(["allocate", str(starter), "--budget", "1万", "--min", "Douyin CPA=2万", "--lang", lang])
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)


@pytest.mark.parametrize("args", [
    [], ["--budget", "1万", "--min", "A=6000", "--min", "B=6000"], ["--budget", "1万", "--lock", "Poster"],
    ["--budget", "1万", "--min", "A=3万", "--max", "A=2万"], ["--budget", "1万", "--lock", "A", "--max", "A=5"],
], ids=" ".join)
def test_refusals_name_the_program_in_chinese_too(tmp_path: Path, args: list[str]) -> None:
    # The program first, as every option's problem; the rest Chinese, not the English of the search.
    result = invoke(["allocate", str(_write(tmp_path, MIXED)), *args, "--lang", "zh"])
    assert result.exit_code == 2 and result.stderr.startswith("aigc-roi: ") and result.stderr.count("\n") == 1
    assert not re.search(r"(?<![-\w])(allocate|budget|channel|minimum|maximum|give)\b", result.stderr), result.stderr


def test_unknown_channel_in_chinese(tmp_path: Path) -> None:
    result = invoke(["allocate", str(_write(tmp_path, MIXED)), "--budget", "1万", "--lock", "Nope", "--lang", "zh"])
    assert result.exit_code == 2
    assert result.stderr.startswith("aigc-roi: --lock：没有名为 'Nope' 的渠道；现有渠道：'A'")


def test_csv_channels_and_curve(tmp_path: Path) -> None:
    path = _write(tmp_path, LINEAR)
    channels = invoke(["allocate", str(path), "--budget", "1e5", "--objective", "net_cash", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(channels.stdout)))
    assert [row["channel"] for row in rows] == ["Cheap", "Dear"]
    # Dear at its current 70k buys 1750 users worth 175k: ROAS 2.5, CAC 40; linear, so the margin equals the average.
    assert float(rows[1]["current_roas"]) == pytest.approx(2.5) and float(rows[1]["current_marginal_cac"]) == pytest.approx(40)
    assert float(rows[1]["change"]) == pytest.approx(-70_000, abs=1e-3)
    curve = invoke(["allocate", str(path), "--budget", "1e5", "--objective", "net_cash", "--format", "csv", "--table", "curve"])
    points = list(csv.DictReader(io.StringIO(curve.stdout)))
    assert [float(point["budget"]) for point in points] == [25_000 * k for k in range(0, 9)]
    assert float(points[-1]["Cheap"]) == pytest.approx(200_000, abs=1e-2)


def test_table_and_markdown_show_both_splits_the_curve_and_the_warnings(tmp_path: Path) -> None:
    path = _write(tmp_path, TWO_SATURATING)
    table = invoke(["allocate", str(path), "--budget", "100k", "--objective", "net_cash", "--lang", "en"])
    assert table.exit_code == 0
    for text in ("Marg.", "Current", "Best", "80,000", "+30,000", "Budget curve", "peak", "Gain", "+24,725"):
        assert text in table.stdout
    # The best net cash of budget b at an even split is 100 x b/20 x 50k/(b/2 + 50k) - b, highest
    # where (50k/(b/2+50k))^2 = 1/5 (d/db = 0): b = 2 x 50k (sqrt 5 - 1) = 123.6k, so of the curve's
    # budgets 125k (1.25 B) is the highest, and the turn lies between its neighbours.
    caption = "highest at 125,000 (1.25 × B): the next 1 CNY stops paying somewhere between 100,000 and 150,000"
    assert caption in " ".join(table.stdout.split())
    markdown = invoke(["allocate", str(path), "--budget", "100k", "--objective", "net_cash", "--format", "markdown", "--lang", "zh"])
    assert markdown.exit_code == 0
    assert "### 预算分配 · Two saturating" in markdown.stdout and "| 渠道 | 类型 | 状态 |" in markdown.stdout
    assert "边际 ROAS" not in markdown.stdout.split("预算曲线")[1]  # the curve table is a table of its own


def test_best_equal_to_current_is_warned(tmp_path: Path) -> None:
    path = _write(tmp_path, TWO_SATURATING.replace("80_000", "50_000").replace("20_000", "50_000"))
    data = _json(path, "--budget", "100k", "--objective", "net_cash")
    assert data["warnings"][0]["code"] == "best_is_current"
    assert data["gain"] == pytest.approx(0, abs=1e-6)


def test_risk_objective_reports_samples_and_seed(tmp_path: Path) -> None:
    """Nothing uncertain: every sample is the deterministic run, so p10 npv is plain npv (no discounting): 150k."""
    data = _json(_write(tmp_path, TWO_SATURATING), "--budget", "100k", "--objective", "p10_npv", "--samples", "50", "--seed", "4")
    assert (data["objective"], data["samples"], data["seed"]) == ("p10_npv", 50, 4)
    assert data["best"]["value"] == pytest.approx(150_000, rel=1e-9)


def test_output_file_is_never_overwritten_without_force(tmp_path: Path) -> None:
    path = _write(tmp_path, LINEAR)
    target = tmp_path / "out.json"
    target.write_text("keep", encoding="utf-8")
    refused = invoke(["allocate", str(path), "--budget", "1e5", "-f", "json", "-o", str(target)])
    assert refused.exit_code == 2 and "use --force" in refused.stderr and target.read_text(encoding="utf-8") == "keep"
    forced = invoke(["allocate", str(path), "--budget", "1e5", "-f", "json", "-o", str(target), "--force"])
    assert forced.exit_code == 0 and json.loads(target.read_text(encoding="utf-8"))["budget"] == 100_000


def test_plot_writes_the_budget_curve(tmp_path: Path) -> None:
    image = tmp_path / "curve.svg"
    result = invoke(["allocate", str(_write(tmp_path, TWO_SATURATING)), "--budget", "100k", "--plot", str(image),
                     "--format", "json", "--lang", "en"])
    assert result.exit_code == 0, result.stderr
    svg = image.read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "peak" in svg
    bad = invoke(["allocate", str(_write(tmp_path, TWO_SATURATING)), "--budget", "100k", "--plot", str(tmp_path / "c.gif")])
    assert bad.exit_code == 2 and bad.stderr.startswith("aigc-roi: --plot: expected a file name ending in .svg or .png")


def test_total_target_roas_and_limits_from_the_command_line(tmp_path: Path) -> None:
    """--total spends T over the horizon; --target-roas fills each channel to it (bid 20, h 50k, a user worth
    100: marginal ROAS 5 x (h/(b+h))^2 = 1.25 at b = 50k); a limit shows in "constraints"; one budget only."""
    path = _write(tmp_path, TWO_SATURATING)
    data = _json(path, "--total", "100k", "--objective", "net_cash", "--max-cash-need", "1m")
    assert data["budget_kind"] == "total" and data["best"]["spend"] == pytest.approx(100_000)
    assert data["constraints"]["max_cash_need"]["limit"] == 1_000_000 and data["constraints"]["max_cash_need"]["met"]
    filled = _json(path, "--target-roas", "1.25")
    assert filled["best"]["split"] == pytest.approx({"A": 50_000, "B": 50_000}, rel=1e-4)
    assert filled["target_roas"] == 1.25
    both = invoke(["allocate", str(path), "--budget", "1", "--total", "2"])
    assert both.exit_code == 2 and "exactly one of --budget, --total, --target-roas and --reach" in both.stderr


def test_the_notes_of_a_horizon_total_call_it_t_as_the_title_and_the_curve_column_do(tmp_path: Path) -> None:
    """With --total or --target-roas the budgets are totals, multiples of T, and every note says T, not B.
    --target-roas 2.5 fills each channel to 5 (h/(b+h))^2 = 2.5: b = 50k (sqrt 2 - 1) = 20,711, T = 41,421; the
    best net cash of a total t, 100 x t/20 x 50k/(t/2 + 50k) - t, rises up to 123.6k (test above), past 2 T = 82,843.
    One month: a total of 100k is the 100k budget above, its peak at 125k."""
    path = _write(tmp_path, TWO_SATURATING)

    def words(*args: str) -> str:
        result = invoke(["allocate", str(path), "--objective", "net_cash", *args], env={"COLUMNS": "200"})
        assert result.exit_code == 0, result.stderr
        return " ".join(result.stdout.split())

    roas = words("--target-roas", "2.5")
    assert "Still rising at 82,843 (2.00 × T): up to there the next 1 CNY keeps paying." in roas
    assert "outside T" in roas and "× B" not in roas
    assert "到 8.3万（2.00 × T）仍在上升" in words("--target-roas", "2.5", "--lang", "zh")
    total = words("--total", "100k", "--lang", "zh")
    assert "在这些预算中，12.5万（1.25 × T）时最优值最高" in total and "最优分配使 T 的下 1 元" in total
    assert "× B" not in total and "highest at 125,000 (1.25 × T)" in words("--total", "100k")


def test_the_80_column_table_shows_what_decides() -> None:
    """Active months under the name, CAC, contribution per user and its ratio to CAC, average and marginal ROAS all
    fit 80 columns."""
    video = Path(__file__).parents[2] / "scenarios" / "video-tool-kol-then-feed.yaml"
    shown = invoke(["allocate", str(video), "--budget", "15万"], env={"COLUMNS": "80", "NO_COLOR": "1"}).stdout
    for header in ("Avg", "Marg.", "ROAS", "CAC", "Contrib.", "per user", "/ CAC", "months", "1-3", "4-18"):
        assert header in shown, header
    assert "The channels run in different months" in shown


SATURATING_ALONE = """\
name: One saturating
acquisition:
  - {name: A, type: cpa, bid: 20, budget: 10_000, saturation_budget: 50_000}
""" + ONE_MONTH
LOSING = """\
name: Losing
acquisition:
  - {name: Dear, type: cpa, bid: 200, budget: 10_000}
""" + ONE_MONTH


def test_spend_less_comes_first_with_the_budget_that_is_best(tmp_path: Path) -> None:
    """Net cash of b: 100 x b/20 x h/(b+h) - b, h = 50k: 0 at 0, 75k at 50k, 66.7k at 100k, 0 at 200k (the
    true best, b = h(sqrt 5 - 1) = 61,803, lies between curve points). Asked 200k: spend 50k, which is 75k better.
    A channel buying users worth 100 at 200 loses on every yuan: spend nothing."""
    path = _write(tmp_path, SATURATING_ALONE)
    data = _json(path, "--budget", "200k", "--objective", "net_cash")
    assert data["recommended_budget"] == 50_000
    assert data["best"]["value"] == pytest.approx(0, abs=1e-6)
    shown = invoke(["allocate", str(path), "--budget", "200k", "--objective", "net_cash"],
                   env={"COLUMNS": "120", "NO_COLOR": "1"}).stdout
    spend_less = "» Spend less: the best net cash on the budget curve is at 50,000 (75,000); B = 200,000 loses 75,000 against it."
    assert spend_less in shown
    assert shown.index("Spend less") < shown.index("Monthly budget per channel")
    losing = tmp_path / "losing.yaml"
    losing.write_text(LOSING, encoding="utf-8")
    assert _json(losing, "--budget", "100k", "--objective", "net_cash")["recommended_budget"] == 0
    assert "» Spend nothing" in invoke(["allocate", str(losing), "--budget", "100k"], env={"COLUMNS": "120"}).stdout


def test_spend_less_in_chinese_says_the_objective_at_b_is_lower(tmp_path: Path) -> None:
    """The English "B = 200,000 loses 75,000 against it" read 所给预算 B = 20.0万 比它少 7.5万, as if B were 7.5万 less
    than the best budget; it is the objective at B that is lower. Net cash as in the test above: 75k at 50k, 0 at
    200k. The losing channel: 100k buys 500 users worth 100 each, net cash -50k against 0 at a budget of 0."""
    path = _write(tmp_path, SATURATING_ALONE)
    shown = invoke(["allocate", str(path), "--budget", "200k", "--objective", "net_cash", "--lang", "zh"],
                   env={"COLUMNS": "200", "NO_COLOR": "1"}).stdout
    assert "» 少花钱：预算曲线上净现金流最高处在 5.0万（7.5万）；按所给预算 B = 20.0万，净现金流比它低 7.5万。" in shown
    losing = tmp_path / "losing.yaml"
    losing.write_text(LOSING, encoding="utf-8")
    shown = invoke(["allocate", str(losing), "--budget", "100k", "--objective", "net_cash", "--lang", "zh"],
                   env={"COLUMNS": "200", "NO_COLOR": "1"}).stdout
    assert "» 不投放：预算曲线上净现金流最高处在预算 0（0）；按所给预算 B = 10.0万，净现金流比它低 5.0万。" in shown
    assert "比它少" not in shown


def test_a_channel_named_as_a_curve_column_gets_a_column_of_its_own(tmp_path: Path) -> None:
    # Channels named "value" and "budget" wrote a curve header of budget,multiple,value,marginal_value,value,budget:
    # a spreadsheet or pandas then reads two columns under one name. (limit_met says whether a budget keeps the limits.)
    path = _write(tmp_path, LINEAR.replace("Cheap", "value").replace("Dear", "budget"))
    result = invoke(["allocate", str(path), "--budget", "100000", "--format", "csv", "--table", "curve"])
    assert result.exit_code == 0, result.stderr
    header = result.stdout.splitlines()[0].split(",")
    assert header == ["budget", "multiple", "value", "marginal_value", "limit_met", "value (channel)", "budget (channel)",
                      "currency"]


def test_the_budget_curve_reads_right_without_colour(tmp_path: Path) -> None:
    # LINEAR with the item at 10: a user bought at 20 or more pays back 10 and loses the rest, so the best value at
    # a budget b is -b / 2 (all in Cheap): 0 at 0, then ever more negative. Bars were |value| long, so the worst
    # budget drew the longest bar, like a peak; now one axis runs from the worst value up, losses in their own shade.
    path = _write(tmp_path, LINEAR.replace("price: 100", "price: 10"))
    result = invoke(["allocate", str(path), "--budget", "100000"], env={"NO_COLOR": "1", "COLUMNS": "120"})
    assert result.exit_code == 0, result.stderr
    bars = [line.split("│")[-2].split()[0] for line in result.stdout.splitlines() if "▒" in line or "█" in line]
    assert len(bars) == 9  # 0, 0.25B, ..., 2B
    assert [len(bar) for bar in bars] == sorted((len(bar) for bar in bars), reverse=True)
    assert bars[0] == "█" * 28 and len(bars[-1]) == 1  # the best (0 at no spend) longest, the worst shortest
    assert all(set(bar) == {"▒"} for bar in bars[1:])


def test_two_budgets_are_listed_as_chinese_lists_them(tmp_path: Path) -> None:
    result = invoke(["allocate", str(_write(tmp_path, MIXED)), "--budget", "1万", "--total", "2万", "--lang", "zh"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "aigc-roi: --budget、--total、--target-roas、--reach 须且只能给一个（已给：--budget、--total）\n"
