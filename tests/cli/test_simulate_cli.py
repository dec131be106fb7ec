"""`simulate`, `check` with min_payback_probability and `compare --samples` through the CLI.

The workhorse plan has one uncertain input, a uniform bid B ~ U[0, 20], for
1000 users bought in month 1 who stay (no churn) and spend 1 a month: cash
by month t is 1000 t - 1000 B, so net cash over 24 months is 24000 - 1000 B,
payback comes in month max(1, ceil(B)) and P(payback within 12 months) =
P(B <= 12) = 12 / 20 = 0.6 exactly. Sampled statistics get a tolerance of
four standard errors at the sample size used (seed fixed).
"""

from __future__ import annotations

import csv
import importlib.util
import json
import math
import textwrap
from pathlib import Path
from typing import Any

import pytest
from cli_runner import invoke
from spec_example import ZERO_WIDTH

from aigc_roi import api
from aigc_roi.cli.progress import progress_bar
from aigc_roi.model.engine import FIGURE_NAMES

TEMPLATES = Path(__file__).resolve().parents[2] / "aigc_roi" / "templates"

UNIFORM_BID = """\
name: Uniform bid
horizon_months: 24
acquisition:
  - {name: Ads, type: cpa, bid: {dist: uniform, low: 0, high: 20}, users: 1000, months: 1}
retention: {monthly_churn: 0}
monetization:
  purchases: [{name: Credits, price: 1, rate: 1}]
"""
PAYBACK_CHANCE = 12 / 20


def write(tmp_path: Path, text: str, name: str = "plan.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def simulate_json(*args: str) -> dict[str, Any]:
    result = invoke(["simulate", *args, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def four_se_of_share(p: float, samples: int) -> float:
    return 4 * math.sqrt(p * (1 - p) / samples)


# --- simulate ----------------------------------------------------------------------------




def test_zero_width_ranges_give_every_percentile_and_mean_equal_to_run_through_the_cli(tmp_path: Path) -> None:
    path = write(tmp_path, ZERO_WIDTH)
    run = invoke(["run", str(path), "--format", "json"])
    assert run.exit_code == 0, run.stderr
    figures = json.loads(run.stdout)["figures"]
    # docs/formulas.md §11's worked example less 300 of tools: the run itself is right.
    assert figures["net_cash"] == -4550.0 and figures["roi"] == -0.2125
    data = simulate_json(str(path), "--samples", "300", "--percentiles", "0,5,50,95,100")
    for name in FIGURE_NAMES:
        summary = data["figures"][name]
        # None (payback never reached) stays None in the mean and every percentile.
        assert [summary[key] for key in ("mean", "p0", "p5", "p50", "p95", "p100")] == [figures[name]] * 6, name
    assert data["inputs_independent"] is True
    # Nothing varies: there is no variance to split, and the shares are null rather than 0.
    assert all(share is None for shares in data["variance_shares"].values() for share in shares.values())


def test_uniform_bid_chances_percentiles_and_shares_match_the_closed_forms(tmp_path: Path) -> None:
    samples = 10_000
    data = simulate_json(str(write(tmp_path, UNIFORM_BID + "discount_rate: 0.05..0.2\n")),
                         "--samples", str(samples), "--percentiles", "10,50,90")
    assert (data["samples"], data["seed"], data["payback_target_months"]) == (samples, 0, 12)
    chance = data["probabilities"]["payback_within_target"]
    assert chance == pytest.approx(PAYBACK_CHANCE, abs=four_se_of_share(PAYBACK_CHANCE, samples))
    # Ad spend = 1000 B ~ U[0, 20000]: its p-quantile is 20000 p, standard error sqrt(p (1 - p) / S) x 20000.
    ad_spend = data["figures"]["ad_spend"]
    assert set(ad_spend) == {"mean", "p10", "p50", "p90", "defined_share"}
    for key, p in (("p10", 0.1), ("p50", 0.5), ("p90", 0.9)):
        assert ad_spend[key] == pytest.approx(20000 * p, abs=4 * 20000 * math.sqrt(p * (1 - p) / samples))
    # Net cash is 24000 - 1000 B: all of its variance is the bid's; the discount rate does not enter it.
    shares = data["variance_shares"]["net_cash"]
    assert shares["discount_rate"] == 0.0
    assert shares["acquisition[0].bid"] == pytest.approx(1.0, abs=0.01)
    assert list(shares) == ["acquisition[0].bid", "discount_rate"]  # ordered by share
    assert data["probabilities"]["roi_positive"] == 1.0  # B < 24 always: every sample earns back its spend
    assert sum(data["net_cash_histogram"]["counts"]) == samples


def test_probabilities_lie_in_0_1_and_percentiles_are_ordered_for_every_template() -> None:
    for template in sorted(TEMPLATES.glob("*.yaml")):
        data = simulate_json(str(template), "--samples", "400")
        assert data["probabilities"], template.name
        chances = data["probabilities"]
        # A chance is null only where its figure is defined in no sample (ROI of a plan without ad spend).
        assert chances["roi_positive"] is not None or data["figures"]["roi"]["defined_share"] == 0.0, template.name
        assert all(value is None or 0.0 <= value <= 1.0 for value in chances.values()), template.name
        for name, summary in data["figures"].items():
            values = [summary[key] for key in ("p5", "p50", "p95") if summary[key] is not None]
            assert values == sorted(values), (template.name, name)
        for shares in data["variance_shares"].values():
            found = [share for share in shares.values() if share is not None]
            assert all(0.0 <= share <= 1.0 for share in found) and sum(found) <= 1.0 + 1e-12


def test_same_seed_same_json_and_another_seed_other_numbers(tmp_path: Path) -> None:
    path = str(write(tmp_path, UNIFORM_BID))
    first = invoke(["simulate", path, "--samples", "2000", "--seed", "7", "-f", "json"]).stdout
    again = invoke(["simulate", path, "--samples", "2000", "--seed", "7", "-f", "json"]).stdout
    other = invoke(["simulate", path, "--samples", "2000", "--seed", "8", "-f", "json"]).stdout
    assert first == again
    assert json.loads(first)["figures"]["net_cash"] != json.loads(other)["figures"]["net_cash"]


def test_threads_print_the_same_json_as_one() -> None:
    path = str(TEMPLATES / "chat-assistant-cpa.yaml")
    one = invoke(["simulate", path, "--samples", "30000", "--seed", "3", "-f", "json", "--jobs", "1"])
    three = invoke(["simulate", path, "--samples", "30000", "--seed", "3", "-f", "json", "-j", "3"])
    assert one.exit_code == three.exit_code == 0
    assert three.stdout == one.stdout


def test_samples_out_holds_each_samples_bid_and_its_closed_form_figures(tmp_path: Path) -> None:
    path = write(tmp_path, UNIFORM_BID)
    out = tmp_path / "samples.csv"
    result = invoke(["simulate", str(path), "--samples", "500", "--samples-out", str(out), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 500 and [row["sample"] for row in rows[:3]] == ["0", "1", "2"]
    for row in rows:
        bid = float(row["acquisition[0].bid"])
        assert 0 <= bid <= 20
        assert float(row["net_cash"]) == pytest.approx(24000 - 1000 * bid, rel=1e-12, abs=1e-9)
        assert float(row["payback_month"]) == max(1, math.ceil(bid))
        assert float(row["peak_cash_need"]) == pytest.approx(max(0.0, 1000 * bid - 1000), abs=1e-9)


def test_samples_out_never_overwrites_without_force(tmp_path: Path) -> None:
    path = write(tmp_path, UNIFORM_BID)
    out = tmp_path / "samples.csv"
    out.write_text("keep me\n", encoding="utf-8")
    result = invoke(["simulate", str(path), "--samples", "50", "--samples-out", str(out)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"aigc-roi: {out}: file exists; use --force to replace it"
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8") == "keep me\n"
    forced = invoke(["simulate", str(path), "--samples", "50", "--samples-out", str(out), "--force", "-f", "json"])
    assert forced.exit_code == 0, forced.stderr
    assert out.read_text(encoding="utf-8").startswith("sample,acquisition[0].bid,")


@pytest.mark.skipif(importlib.util.find_spec("pyarrow") is not None, reason="pyarrow is installed")
def test_parquet_without_pyarrow_is_one_line_naming_what_to_install(tmp_path: Path) -> None:
    result = invoke(["simulate", str(write(tmp_path, UNIFORM_BID)), "--samples-out", str(tmp_path / "s.parquet")])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "pip install" in result.stderr and "pyarrow" in result.stderr
    assert not (tmp_path / "s.parquet").exists()


@pytest.mark.parametrize(("args", "message"), [
    (["--percentiles", "5,150"], "aigc-roi: --percentiles: expected numbers from 0 to 100 separated by commas"),
    (["--percentiles", "five"], "aigc-roi: --percentiles: expected"),
    (["--samples-out", "s.txt"], "aigc-roi: --samples-out: expected a file name ending in .csv or .parquet"),
    (["--plot", "fan.pdf"], "aigc-roi: --plot: expected a file name ending in .svg or .png"),
    (["--jobs", "0"], "aigc-roi: --jobs: expected a whole number >= 1, found '0'"),
])
def test_bad_options_exit_2_with_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    result = invoke(["simulate", str(write(tmp_path, UNIFORM_BID)), *args])
    assert result.exit_code == 2
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1
    assert result.stdout == ""


def test_samples_below_one_is_refused(tmp_path: Path) -> None:
    result = invoke(["simulate", str(write(tmp_path, UNIFORM_BID)), "--samples", "0"])
    assert result.exit_code == 2


def test_table_view_shows_the_chances_fan_tornado_and_the_independence_note(tmp_path: Path) -> None:
    path = write(tmp_path, UNIFORM_BID + "costs: {fixed: [{name: Tools, monthly: 100..120}]}\n")
    result = invoke(["simulate", str(path), "--samples", "2000"])
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Payback within 12 months" in out and "Which guess drives the risk" in out
    assert "Cumulative cash by month" in out and "Net cash over the horizon" in out
    assert "Inputs are drawn independently" in out
    # The bid moves net cash by up to 20,000, the tools by about 480: the bid heads the tornado. Each input
    # is named as the file names it, by its item's name.
    assert out.index("acquisition[Ads].bid") < out.index("costs.fixed[Tools].monthly")
    zh = invoke(["simulate", str(path), "--samples", "500", "--lang", "zh"])
    assert "各输入相互独立抽样" in zh.stdout and "12 个月内回本" in zh.stdout


def test_every_format_says_when_the_shares_are_over_the_first_samples_only(monkeypatch: pytest.MonkeyPatch,
                                                                          tmp_path: Path) -> None:
    from aigc_roi.whatif import simulate as simulate_module

    monkeypatch.setattr(simulate_module, "SHARE_SAMPLES", 300)
    path = str(write(tmp_path, UNIFORM_BID + "discount_rate: 0.05..0.2\n"))
    assert simulate_json(path, "--samples", "900")["variance_share_samples"] == 300
    assert simulate_json(path, "--samples", "200")["variance_share_samples"] == 200

    def words(*args: str) -> str:
        return " ".join(invoke(["simulate", path, *args], env={"COLUMNS": "200"}).stdout.split())

    # About the largest standard deviation of a share of a normal outcome from 300 samples: 1 / sqrt(300) = 5.77 points.
    note = "Shares over the first 300 samples (their sampling error there is at most about 5.77 percentage points)"
    assert note in words("--samples", "900")
    assert note in words("--samples", "900", "-f", "markdown")
    assert "方差占比基于前 300 次抽样（其抽样误差至多约 5.77 个百分点）" in words("--samples", "900", "--lang", "zh")
    assert note not in words("--samples", "300")


NEVER_PAYS_BACK = """\
name: Dear
horizon_months: 12
acquisition:
  - {name: Ads, type: cpa, bid: {dist: uniform, low: 13, high: 20}, users: 1000, months: 1}
retention: {monthly_churn: 0}
monetization:
  purchases: [{name: Credits, price: 1, rate: 1}]
"""


@pytest.mark.parametrize(("lang", "defined", "never"), [("en", "Defined in", "Never"), ("zh", "有定义的比例", "未回本")])
def test_each_share_row_is_named_by_what_it_holds(tmp_path: Path, lang: str, defined: str, never: str) -> None:
    """1000 users paying 1 a month repay at most 12,000 by month 12 of a spend of 13,000 or more: every sample never
    pays back. A card's payback block has a "Never 100.00%" row, ad spend (defined everywhere) "Defined in 100.00%";
    the table's one share column, holding both, is headed by both."""
    path = str(write(tmp_path, NEVER_PAYS_BACK))
    cards = invoke(["simulate", path, "--samples", "200", "--lang", lang], env={"COLUMNS": "50"}).stdout.splitlines()
    payback = cards.index(next(line for line in cards if line.startswith(("Payback month", "回本月份"))))
    assert cards[payback + 5].split() == [never, "100.00%"]
    spend = cards.index(next(line for line in cards if line.startswith(("Ad spend", "广告支出"))))
    assert cards[spend + 5].split() == [*defined.split(), "100.00%"]
    markdown = invoke(["simulate", path, "--samples", "200", "--lang", lang, "-f", "markdown"]).stdout
    assert f"| P95 | {defined} / {never.lower() if lang == 'en' else never} |" in markdown


def test_markdown_and_csv_formats(tmp_path: Path) -> None:
    path = str(write(tmp_path, UNIFORM_BID))
    markdown = invoke(["simulate", path, "--samples", "500", "-f", "markdown"]).stdout
    assert "| Figure | Mean | P5 | P50 | P95 | Defined in / never |" in markdown
    assert "Inputs are drawn independently" in markdown
    rows = list(csv.reader(invoke(["simulate", path, "--samples", "500", "-f", "csv"]).stdout.splitlines()))
    assert rows[0] == ["section", "name", "statistic", "value", "currency"]
    # 1000 users paying 1 a month for 24 months whatever the bid.
    assert ["figures", "gross_revenue", "p50", "24000", "CNY"] in rows


def test_plot_writes_a_png(tmp_path: Path) -> None:
    image = tmp_path / "fan.png"
    result = invoke(["simulate", str(write(tmp_path, UNIFORM_BID)), "--samples", "500", "--plot", str(image), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_no_progress_bar_unless_stderr_is_a_terminal() -> None:
    with progress_bar("en") as update:
        assert update is None


def test_api_simulate_matches_the_closed_form(tmp_path: Path) -> None:
    simulation = api.simulate(api.load(write(tmp_path, UNIFORM_BID)), samples=4000, seed=1)
    net_cash = simulation.figures["net_cash"].mean
    assert net_cash == pytest.approx(24000 - 1000 * 10, abs=4 * 1000 * 20 / math.sqrt(12) / math.sqrt(4000))


# --- check with targets.min_payback_probability ---------------------------------------------


@pytest.mark.parametrize(("required", "exit_code"), [(0.65, 1), (0.55, 0)])
def test_check_misses_when_the_simulated_chance_of_payback_is_below_the_target(
        tmp_path: Path, required: float, exit_code: int) -> None:
    # 10,000 samples: 0.6 +- 0.0196 at four standard errors, clear of both targets.
    path = write(tmp_path, UNIFORM_BID + f"targets:\n  min_payback_probability: {required}\n")
    result = invoke(["check", str(path), "--format", "json"])
    assert result.exit_code == exit_code, result.stderr
    [target] = json.loads(result.stdout)["scenarios"][0]["targets"]
    assert target["name"] == "min_payback_probability" and target["limit"] == required
    assert target["actual"] == pytest.approx(PAYBACK_CHANCE, abs=four_se_of_share(PAYBACK_CHANCE, 10_000))


def test_check_annotation_says_the_chance_found_and_the_one_required(tmp_path: Path) -> None:
    path = write(tmp_path, UNIFORM_BID + "targets:\n  min_payback_probability: 0.65\n")
    result = invoke(["check", str(path), "--format", "github", "--samples", "4000", "--seed", "3"])
    assert result.exit_code == 1
    annotation = next(line for line in result.stdout.splitlines() if line.startswith("::error"))
    assert annotation.startswith(f"::error file={path},line=9,")
    assert ",col=28," in annotation and ",title=aigc-roi check%3A min_payback_probability::" in annotation
    found = float(annotation.split("payback_probability is ")[1].split("%25")[0]) / 100
    assert found == pytest.approx(PAYBACK_CHANCE, abs=four_se_of_share(PAYBACK_CHANCE, 4000))
    assert annotation.endswith("must be >= 65.00%25")


def test_check_uses_the_files_payback_target(tmp_path: Path) -> None:
    # Within 6 months: P(B <= 6) = 0.3. The run's payback month at the median bid 10 misses 6 too.
    path = write(tmp_path, UNIFORM_BID + "targets:\n  max_payback_months: 6\n  min_payback_probability: 0.25\n")
    result = invoke(["check", str(path), "--format", "json"])
    outcomes = {t["name"]: t for t in json.loads(result.stdout)["scenarios"][0]["targets"]}
    assert outcomes["min_payback_probability"]["actual"] == pytest.approx(0.3, abs=four_se_of_share(0.3, 10_000))
    assert outcomes["min_payback_probability"]["passed"] is True
    missed = outcomes["max_payback_months"]
    assert {key: missed[key] for key in ("name", "figure", "actual", "limit", "passed", "applicable")} == {
        "name": "max_payback_months", "figure": "payback_month", "actual": 10, "limit": 6, "passed": False,
        "applicable": True}
    assert result.exit_code == 1


def test_a_probability_target_outside_0_1_is_a_located_error(tmp_path: Path) -> None:
    path = write(tmp_path, UNIFORM_BID + "targets:\n  min_payback_probability: 80\n")
    result = invoke(["validate", str(path)])
    assert result.exit_code == 2
    assert f"{path}:9:28: targets.min_payback_probability: expected" in result.stdout


# --- compare --samples --------------------------------------------------------------------------


def test_compare_with_samples_gives_each_scenario_its_percentiles_and_chance(tmp_path: Path) -> None:
    plan = write(tmp_path, UNIFORM_BID)
    samples = 4000
    result = invoke(["compare", str(plan), "--variant", "half the bid: acquisition[0].bid={dist: uniform, low: 0, high: 10}",
                     "--samples", str(samples), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    first, half = (column["distribution"] for column in json.loads(result.stdout)["scenarios"])
    assert first["probabilities"]["payback_within_target"] == pytest.approx(0.6, abs=four_se_of_share(0.6, samples))
    assert half["probabilities"]["payback_within_target"] == 1.0  # B <= 10 pays back by month 10
    # Net cash 24000 - 1000 B: median 14000 and 19000; a median's standard error is 0.5 / (f sqrt(S)).
    for distribution, width in ((first, 20000), (half, 10000)):
        p50 = distribution["figures"]["net_cash"]["p50"]
        assert p50 == pytest.approx(24000 - width / 2, abs=4 * 0.5 * width / math.sqrt(samples))
    table = invoke(["compare", str(plan), "--variant", "half: acquisition[0].bid=5", "--samples", "500"])
    assert "Chance: payback on target" in table.stdout and "(" in table.stdout


def test_compare_on_risk_prints_the_same_json_on_threads_as_on_one() -> None:
    path = str(TEMPLATES / "chat-assistant-cpa.yaml")
    args = ["compare", path, "--variant", "dearer: acquisition[0].bid=14", "--samples", "25000", "-f", "json"]
    one, two = invoke([*args, "--jobs", "1"]), invoke([*args, "-j", "2"])
    assert one.exit_code == two.exit_code == 0
    assert two.stdout == one.stdout


def test_compare_without_samples_keeps_its_shape(tmp_path: Path) -> None:
    plan = str(write(tmp_path, UNIFORM_BID))
    result = invoke(["compare", plan, plan, "-f", "json"])
    # The basis (horizon, start, discount rate) is stated beside the figures, never a distribution.
    assert all(set(column) == {"name", "source", "figures", "horizon_months", "start", "discount_rate",
                                     "discount_rate_range"}
               for column in json.loads(result.stdout)["scenarios"])


def test_progress_bar_on_a_terminal_appears_only_after_a_second(monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    import types

    from aigc_roi.cli import progress as command

    clock = iter([0.0, 0.5, 2.0, 2.5])
    monkeypatch.setattr(command, "time", types.SimpleNamespace(monotonic=lambda: next(clock)))
    monkeypatch.setattr(command.sys.stderr, "isatty", lambda: True)
    with progress_bar("en") as update:
        assert update is not None
        update(1_000, 10_000)  # at 0.5 s: too soon for a bar
        assert capsys.readouterr().err == ""
        update(5_000, 10_000)  # at 2 s: the bar starts
        update(10_000, 10_000)
    assert "Simulating" in capsys.readouterr().err


def test_compare_with_samples_as_csv_has_a_row_per_figure_and_statistic(tmp_path: Path) -> None:
    plan = str(write(tmp_path, UNIFORM_BID))
    result = invoke(["compare", plan, "--variant", "fixed: acquisition[0].bid=5", "--samples", "1000", "-f", "csv"])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(result.stdout.splitlines()))
    assert rows[0] == ["figure", "statistic", "Uniform bid", "fixed", "best", "currency"]
    by_key = {(row[0], row[1]): row[2:] for row in rows[1:]}
    # A fixed bid of 5: cash 1000 t - 5000 pays back in month 5 in every sample.
    assert [by_key[("payback_month", key)][1] for key in ("p5", "p50", "p95")] == ["5", "5", "5"]
    assert by_key[("payback_within_target", "probability")][1:] == ["1", "fixed", ""]


NO_ADS = """\
name: No ads
horizon_months: 6
organic_users: 800..1200
retention: {monthly_churn: 0.2..0.4}
monetization:
  purchases: [{name: pack, price: 10..30, rate: 0.1}]
"""


def test_a_chance_whose_figure_is_defined_in_no_sample_reads_a_dash_and_why(tmp_path: Path) -> None:
    # No ad spend in any sample: ROI = (paid contribution - spend) / spend is 0 / 0 in every one, so "ROI > 0" has
    # nothing to count; a 0% would read as a plan that loses. NPV > 0 and payback are shares as before.
    path = str(write(tmp_path, NO_ADS))
    data = simulate_json(path, "--samples", "300")
    assert data["probabilities"]["roi_positive"] is None
    assert data["probabilities"]["npv_positive"] == 1.0  # revenue and no cost: every sample earns
    rows = list(csv.reader(invoke(["simulate", path, "--samples", "300", "-f", "csv"]).stdout.splitlines()))
    assert ["probabilities", "roi_positive", "probability", "", ""] in rows
    for lang, cell in (("en", "— (no ad spend)"), ("zh", "—（无广告支出）")):
        for args in ([], ["-f", "markdown"]):
            out = invoke(["simulate", path, "--samples", "300", "--lang", lang, *args], env={"COLUMNS": "80"}).stdout
            assert cell in out and "0.00%" not in out.split("ROI > 0", 1)[1].splitlines()[0]
    compared = invoke(["compare", path, str(write(tmp_path, UNIFORM_BID, "bid.yaml")), "--samples", "300"],
                      env={"COLUMNS": "160"}).stdout
    line = next(line for line in compared.splitlines() if "ROI > 0" in line)
    assert "— (no ad spend)" in line and "★" in line  # the bid plan's chance, the only one counted, is the best
