"""`compare`, `breakeven` and `sensitivity` through the CLI: formats, streams, exit codes."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from cli_runner import invoke
from spec_example import WORKED_EXAMPLE

from aigc_roi.cli.whatif import parse_variant


@pytest.fixture
def cheaper(tmp_path: Path) -> Path:
    path = tmp_path / "cheaper.yaml"
    path.write_text(WORKED_EXAMPLE.replace("Spec worked example", "cheaper").replace("bid: 20", "bid: 12"), encoding="utf-8")
    return path


def run_cli(*args: str | Path) -> tuple[int, str, str]:
    result = invoke([str(arg) for arg in args])
    return result.exit_code, result.stdout, result.stderr


# --- breakeven -----------------------------------------------------------------------


def test_breakeven_json_is_the_spec_shape(example: Path) -> None:
    code, out, err = run_cli("breakeven", example, "--format", "json")
    # The default target of 12 months lies past the 3-month horizon: payback is judged by month 3, which the column
    # heading says (payback_within_months here); no file wrote the target, so no warning.
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["scenario"] == "Spec worked example" and data["target_payback_months"] == 12
    assert data["payback_within_months"] == 3
    bid = data["drivers"][0]
    assert bid["path"] == "acquisition[0].bid" and bid["current"] == 20.0
    assert bid["roi_zero"] == pytest.approx(15.75, rel=1e-8)
    assert bid["headroom"]["roi_zero"] == pytest.approx(-0.2125, rel=1e-6)
    assert data["drivers"][-1]["roi_zero"] is None  # serving: even free, roi stays < 0


def test_breakeven_table_phrases_the_headroom(example: Path) -> None:
    code, out, _ = run_cli("breakeven", example, "--set", "acquisition[0].bid=14")
    assert code == 0
    # At bid 14 roi is positive: the bid can rise 12.5% (to 15.75) before roi < 0; the condition is said
    # once, in the column's header, and each row holds its signed move.
    assert "Room before ROI < 0" in out
    bid_row = next(line for line in out.splitlines() if "CPA bid" in line)
    assert "15.75" in bid_row and "+12.5%" in bid_row
    price_row = next(line for line in out.splitlines() if "item price" in line)
    assert re.search(r"│\s+-\d+\.\d%\s+│", price_row)


def test_breakeven_csv_and_markdown(example: Path) -> None:
    code, out, _ = run_cli("breakeven", example, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and rows[0]["path"] == "acquisition[0].bid"
    assert float(rows[0]["roi_zero"]) == pytest.approx(15.75, rel=1e-8)
    assert rows[-1]["roi_zero"] == ""  # serving: none
    code, out, _ = run_cli("breakeven", example, "--format", "markdown")
    assert code == 0 and out.startswith("### Break-even · Spec worked example (CNY)")
    # Markdown is read by people: the channel by its name (CSV above keeps the index); its headroom as the table
    # writes it, (15.75 - 20) / 20 = -21.25% to a tenth, half away from zero.
    assert "| acquisition[CPA].bid | CPA bid | 20.00 | 15.75 | -21.3% |" in out


def test_breakeven_markdown_headroom_is_the_tables(example: Path) -> None:
    """QA F9e: markdown wrote 12.50% where the table writes +12.5% for the same move."""
    args = ("breakeven", example, "--set", "acquisition[0].bid=14")
    table, markdown = run_cli(*args)[1], run_cli(*args, "--format", "markdown")[1]
    # At bid 14 the bid may rise (15.75 - 14) / 14 = +12.5% before ROI < 0.
    assert "+12.5%" in next(line for line in table.splitlines() if "CPA bid" in line)
    assert "| acquisition[CPA].bid | CPA bid | 14.00 | 15.75 | +12.5% |" in markdown


def test_breakeven_writes_output_files_and_refuses_to_overwrite(example: Path, tmp_path: Path) -> None:
    target = tmp_path / "be.json"
    assert run_cli("breakeven", example, "-f", "json", "-o", target)[0] == 0
    assert json.loads(target.read_text(encoding="utf-8"))["drivers"]
    code, _, err = run_cli("breakeven", example, "-f", "json", "-o", target)
    assert code == 2 and "be.json" in err
    assert run_cli("breakeven", example, "-f", "json", "-o", target, "--force")[0] == 0


def test_invalid_set_exits_2_naming_the_option(example: Path) -> None:
    code, out, err = run_cli("breakeven", example, "--set", "acquisition[0].bid=-5")
    assert code == 2 and out == ""
    assert err.startswith("--set acquisition[0].bid=-5:") and "Traceback" not in err


# --- sensitivity ---------------------------------------------------------------------------


def test_sensitivity_json(example: Path) -> None:
    code, out, err = run_cli("sensitivity", example, "-f", "json", "--step", "10%")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["step"] == pytest.approx(0.1)
    assert data["base"] == {"roi": pytest.approx(-0.2125), "net_cash": pytest.approx(-4250), "payback_month": None}
    bid = data["drivers"][0]
    assert bid["path"] == "acquisition[0].bid"  # largest roi change first
    assert (bid["low"]["value"], bid["high"]["value"]) == pytest.approx((18.0, 22.0))


def test_sensitivity_table_draws_a_tornado(example: Path) -> None:
    code, out, _ = run_cli("sensitivity", example)
    assert code == 0
    assert "each driver ±20%" in out and "█" in out
    assert out.index("CPA bid") < out.index("item price") < out.index("Serving cost")


def test_sensitivity_csv_and_markdown(example: Path) -> None:
    code, out, _ = run_cli("sensitivity", example, "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    # bid, users, purchase price and serving (spec 1.1 adds the channel's volume)
    assert code == 0 and len(rows) == 4 and float(rows[0]["low_value"]) == pytest.approx(16.0)
    code, out, _ = run_cli("sensitivity", example, "-f", "markdown")
    assert code == 0 and "| acquisition[CPA].bid | CPA bid | 20.00 | 16.00 |" in out


def test_sensitivity_grid_in_every_format(example: Path) -> None:
    grid = ["--grid", "acquisition[0].bid,monetization.purchases[item].price", "--grid-steps", "3"]
    code, out, _ = run_cli("sensitivity", example, *grid, "-f", "json")
    data = json.loads(out)
    assert code == 0 and data["rows"]["values"] == pytest.approx([16.0, 20.0, 24.0])
    assert data["roi"][1][1] == pytest.approx(-0.2125)
    code, out, _ = run_cli("sensitivity", example, *grid, "-f", "csv")
    assert code == 0 and out.splitlines()[0].startswith("acquisition[0].bid \\ monetization.purchases[0].price,")
    code, out, _ = run_cli("sensitivity", example, *grid, "-f", "markdown")
    assert code == 0 and "| 20.00 | -38.75% | -21.25% | -3.75% |" in out
    code, out, _ = run_cli("sensitivity", example, *grid)
    assert code == 0 and "-21.25%" in out


BY_MONTH = """\
name: By month
horizon_months: 3
acquisition:
  - {name: CPA, type: cpa, bid: {by_month: {1: 10, 3: 30}}, users: 100}
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: Item, price: {by_month: {1: 10, 3: 20}}, rate: 1}]
costs: {serving_per_active_user: 1}
"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_grid_of_by_month_values_says_its_numbers_are_factors(tmp_path: Path, lang: str) -> None:
    # QA what-if F9a: "0.8" under a bid written by month is a factor on every month's bid, not a bid of 0.8.
    path = tmp_path / "by-month.yaml"
    path.write_text(BY_MONTH, encoding="utf-8")
    factor = " (factor on every month)" if lang == "en" else "（各月统一倍数）"
    code, out, _ = run_cli("sensitivity", path, "--grid", "CPA.bid,Item.price", "--grid-steps", "3", "-f", "csv",
                           "--lang", lang)
    rows = list(csv.reader(io.StringIO(out)))
    assert code == 0
    # Factors on amounts are no amounts: the currency column is empty.
    assert rows[0] == [f"acquisition[0].bid{factor} \\ monetization.purchases[0].price{factor}", "0.8", "1", "1.2",
                       "currency"]
    assert {row[-1] for row in rows[1:]} == {""}
    # Bids 10, 20, 30 x 0.8 spend 4,800 on 100 users a month (active 100, 150, 175); prices 10, 15, 20 x 1.2 bring
    # 100 x 12 + 150 x 18 + 175 x 24 = 8,100, less serving 425: roi = (7,675 - 4,800) / 4,800.
    assert float(rows[1][3]) == pytest.approx(2875 / 4800)
    code, out, _ = run_cli("sensitivity", path, "--grid", "CPA.bid,CPA.users", "--grid-steps", "3", "-f", "csv")
    assert out.splitlines()[0].startswith("acquisition[0].bid (factor on every month) \\ acquisition[0].users,")
    code, out, _ = run_cli("sensitivity", path, "--grid", "CPA.bid,CPA.users", "--grid-steps", "3", "-f", "markdown")
    assert "| acquisition[CPA].bid (factor on every month) \\\\ acquisition[CPA].users |" in out
    data = json.loads(run_cli("sensitivity", path, "--grid", "CPA.bid,CPA.users", "-f", "json")[1])
    assert (data["rows"]["factor"], data["columns"]["factor"]) == (True, False)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--grid", "acquisition[0].bid,zzz"],
         "aigc-roi: --grid: 'zzz' is not a driver; the drivers are: acquisition[CPA].bid, "),
        (["--grid", "CPA.bid,itme.price"],
         "aigc-roi: --grid: 'itme.price' is not a driver; did you mean 'monetization.purchases[item].price'?\n"),
        (["--grid", "CPA.bid,itme.price", "--lang", "zh"],
         "aigc-roi: --grid：'itme.price' 不是驱动因素；是否想写 'monetization.purchases[item].price'？\n"),
        (["--grid", "acquisition[0].bid"], "aigc-roi: --grid: expected two driver paths"),
        (["--step", "abc"], "aigc-roi: --step: expected a step in (0, 1], such as 20% or 0.2, found 'abc'"),
        (["--step", "0"], "aigc-roi: --step: expected a step in (0, 1]"),
    ],
)
def test_sensitivity_bad_options_exit_2(example: Path, args: list[str], message: str) -> None:
    code, out, err = run_cli("sensitivity", example, *args)
    assert code == 2 and out == ""
    assert err.startswith(message)


# --- compare ---------------------------------------------------------------------------------


def test_compare_json_of_two_files(example: Path, cheaper: Path) -> None:
    code, out, err = run_cli("compare", example, cheaper, "-f", "json")
    assert (code, err) == (0, "")
    scenarios = json.loads(out)["scenarios"]
    assert [s["name"] for s in scenarios] == ["Spec worked example", "cheaper"]
    assert scenarios[0]["source"] == str(example)
    assert scenarios[1]["figures"]["ad_spend"] == 12000
    assert scenarios[1]["figures"]["payback_month"] == 2  # -3000, then +4500


def test_compare_table_marks_the_best_and_shows_differences(example: Path, cheaper: Path) -> None:
    code, out, _ = run_cli("compare", example, cheaper)
    assert code == 0
    roi_line = next(line for line in out.splitlines() if "ROI" in line and "ROAS" not in line)
    assert "31.25% ★" in roi_line and "+52.50 pp" in roi_line  # (15750 - 12000) / 12000
    ad_spend_line = next(line for line in out.splitlines() if "Ad spend" in line)
    assert "★" not in ad_spend_line  # spend is a choice, not ranked


def test_compare_csv_and_markdown_have_a_best_column(example: Path, cheaper: Path) -> None:
    code, out, _ = run_cli("compare", example, cheaper, "-f", "csv")
    rows = {row["figure"]: row for row in csv.DictReader(io.StringIO(out))}
    assert code == 0 and rows["cac"]["best"] == "cheaper" and rows["ad_spend"]["best"] == ""
    assert float(rows["roi"]["Δ cheaper"]) == pytest.approx(0.525)
    code, out, _ = run_cli("compare", example, cheaper, "-f", "markdown")
    assert code == 0 and "| Payback month (plan cash) | never (≤ 3) | 2 | — | cheaper |" in out


def test_compare_variants_of_one_file_with_set_applied_to_all(example: Path) -> None:
    code, out, err = run_cli(
        "compare", example, "--set", "monetization.purchases[0].price=12",
        "--variant", "cheaper bid: acquisition[0].bid=15, acquisition[CPA].users=2000",
        "--variant", "ranged: acquisition[0].bid={low: 10, high: 40}", "-f", "json")
    assert (code, err) == (0, "")
    scenarios = json.loads(out)["scenarios"]
    assert [s["name"] for s in scenarios] == ["Spec worked example", "cheaper bid", "ranged"]
    assert scenarios[0]["figures"]["gross_revenue"] == pytest.approx(1750 * 12)
    assert scenarios[1]["figures"]["ad_spend"] == pytest.approx(30000)
    assert scenarios[2]["figures"]["cac"] == pytest.approx(20)  # the range's median, sqrt(10 x 40)
    assert scenarios[1]["source"].endswith("--set acquisition[0].bid=15 --set acquisition[CPA].users=2000")


def test_compare_repeated_names_get_their_source(example: Path, tmp_path: Path) -> None:
    # Every column of a shared name gets its source, the first too: neither reads as the plain one.
    copy = tmp_path / "copy.yaml"
    copy.write_text(example.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _ = run_cli("compare", example, copy, "-f", "json")
    names = [s["name"] for s in json.loads(out)["scenarios"]]
    assert code == 0 and names == [f"Spec worked example ({example})", f"Spec worked example ({copy})"]


def test_compare_the_same_file_twice_numbers_its_columns(example: Path) -> None:
    code, out, _ = run_cli("compare", example, example, "-f", "json")
    names = [s["name"] for s in json.loads(out)["scenarios"]]
    assert code == 0 and names == [f"Spec worked example ({example} #1)", f"Spec worked example ({example} #2)"]


def test_compare_a_unique_name_stays_plain(example: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    other.write_text(example.read_text(encoding="utf-8").replace("name: Spec worked example", "name: Other"),
                     encoding="utf-8")
    code, out, _ = run_cli("compare", example, other, example, "-f", "json")
    names = [s["name"] for s in json.loads(out)["scenarios"]]
    assert code == 0 and names == [f"Spec worked example ({example} #1)", "Other", f"Spec worked example ({example} #3)"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "aigc-roi: give two or more FILEs"),
        # One line, its location first (the option the user typed it in), the column it broke at its end (issue 14).
        (["--variant", "x: acquisition[0].bid=abc"],
         "--variant acquisition[0].bid=abc:1:1: acquisition[0].bid: expected a number >= 0, found 'abc' (in --variant 'x' of {file})\n"),
        (["--set", "acquisition[0].bid=abc", "--variant", "x: acquisition[0].bid=2"],
         "--set acquisition[0].bid=abc:1:1: acquisition[0].bid: expected a number >= 0, found 'abc' (in {file})\n"),
        (["--variant", "no assignment"], "aigc-roi: --variant: expected 'LABEL: PATH=VALUE[, PATH=VALUE]', such as "
                                         "'cheaper bid: acquisition[0].bid=25', found 'no assignment'\n"),
    ],
)
def test_compare_bad_input_exits_2(example: Path, args: list[str], message: str) -> None:
    code, out, err = run_cli("compare", example, *args)
    assert code == 2 and out == "" and err.startswith(message.format(file=example))


def test_compare_says_which_file_a_bad_set_broke(example: Path, tmp_path: Path) -> None:
    kol = tmp_path / "kol.yaml"
    kol.write_text(WORKED_EXAMPLE.replace("{name: CPA, type: cpa, bid: 20, users: 1000, months: 1}",
                                          "{name: K, type: kol, posts: 1, fee: 20000, views: 1e6, view_to_user: 0.001}"),
                   encoding="utf-8")
    code, _, err = run_cli("compare", example, kol, "--set", "acquisition[0].bid=25")
    assert code == 2 and err.startswith("--set acquisition[0].bid=25:1:1: acquisition[0].bid: unknown key 'bid'")
    assert all(line.endswith(f"(in {kol})") for line in err.splitlines())


def test_compare_variants_need_exactly_one_file(example: Path, cheaper: Path) -> None:
    code, _, err = run_cli("compare", example, cheaper, "--variant", "a: acquisition[0].bid=1")
    assert code == 2 and "exactly one FILE" in err


def test_parse_variant_keeps_braces_and_named_items_whole() -> None:
    assert parse_variant("cheap: acquisition[Feed ads, CN].cpm=30, costs.fixed[0].monthly={low: 1, high: 2}") == (
        "cheap", ["acquisition[Feed ads, CN].cpm=30", "costs.fixed[0].monthly={low: 1, high: 2}"])
    assert parse_variant("acquisition[0].bid=25") == ("acquisition[0].bid=25", ["acquisition[0].bid=25"])


@pytest.mark.parametrize("command", ["compare", "breakeven", "sensitivity"])
def test_every_command_has_help(command: str) -> None:
    code, out, _ = run_cli(command, "--help")
    assert code == 0 and "--set" in out and "--format" in out


def test_a_table_written_to_a_file_is_plain_text(example: Path, tmp_path: Path) -> None:
    target = tmp_path / "tornado.txt"
    code, out, _ = run_cli("sensitivity", example, "--output", target)
    text = target.read_text(encoding="utf-8")
    assert (code, out) == (0, "")
    assert "CPA bid" in text and "█" in text and "\x1b[" not in text


def test_sensitivity_grid_moves_a_channel_volume(example: Path) -> None:
    # Users x 0.8 and x 1.2 with the bid fixed: spend and contribution scale together, so the
    # worked example's roi stays -0.2125 along the users axis (15.75 per user against 20).
    code, out, err = run_cli("sensitivity", example, "--grid", "acquisition[0].users,acquisition[0].bid", "-f", "json")
    assert code == 0, err
    data = json.loads(out)
    column = [row[2] for row in data["roi"]]  # the bid held at 20 (the middle of 5 steps)
    assert column == pytest.approx([-0.2125] * 5)
