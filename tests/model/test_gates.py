"""Gates of a staged plan (docs/formulas.md §18): the worked example by hand, per-sample
decisions in simulate, the outputs and the located errors."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from cli_runner import invoke
from spec_example import GATED_EXAMPLE as PLAN

from aigc_roi.model.engine import Result, evaluate
from aigc_roi.model.sampling import realize
from aigc_roi.reader.load import load_text
from aigc_roi.whatif.simulate import simulate

EXACT = 1e-9


def run(text: str) -> Result:
    return evaluate(realize(load_text(text, "plan.yaml").scenario))


def test_a_failed_gate_stops_the_test_and_then_channels() -> None:
    result = run(PLAN)
    # KOL's revenue paid in months 1-2: 1,000 x (10 + 5) + 1,000 x 10 + the month-2 viral users credited
    # to it, 250 x 1,000 / 1,250 = 200, x 10: 27,000 over its spend 20,000.
    assert result.gate_roas is not None and result.gate_cac is not None and result.gate_passed is not None
    assert result.gate_roas[0, 0] == pytest.approx(1.35, abs=EXACT)
    assert result.gate_cac[0, 0] == pytest.approx(10.0, abs=EXACT)
    assert result.gate_passed[0, 0] == 0.0
    # Feed (250 users a month for 20,000) buys nothing after month 2; months 3 and 4 are viral only:
    # 0.2 x 1,500 = 300 and 0.2 x 300 = 60.
    np.testing.assert_allclose(result.months["new_users"][0], [1250, 1500, 300, 60], rtol=0, atol=EXACT)
    np.testing.assert_allclose(result.months["ad_spend"][0], [30000, 30000, 0, 0], rtol=0, atol=EXACT)
    np.testing.assert_allclose(result.months["paid_users"][0], [1250, 1250, 0, 0], rtol=0, atol=EXACT)
    feed = result.channel_names.index("Feed")
    assert result.channel_spend[0, feed] == pytest.approx(40000, abs=EXACT)
    assert result.channel_users[0, feed] == pytest.approx(500, abs=EXACT)


def test_a_passed_gate_leaves_the_plan_as_written() -> None:
    result = run(PLAN.replace("min_roas: 2", "min_roas: 1.3"))
    assert result.gate_passed is not None and result.gate_passed[0, 0] == 1.0
    # Feed keeps buying 250 a month: 250 + 0.2 x 1,500 = 550, then 250 + 0.2 x 550 = 360.
    np.testing.assert_allclose(result.months["new_users"][0], [1250, 1500, 550, 360], rtol=0, atol=EXACT)
    np.testing.assert_allclose(result.months["ad_spend"][0], [30000, 30000, 20000, 20000], rtol=0, atol=EXACT)
    ungated = run(PLAN.split("gates:")[0])
    for name in ("net_cash", "active_users", "gross_revenue"):
        np.testing.assert_array_equal(result.months[name], ungated.months[name])


def test_max_cac_gate() -> None:
    # The test's CAC is 20,000 / 2,000 = 10.
    passes = run(PLAN.replace("min_roas: 2", "max_cac: 10"))
    fails = run(PLAN.replace("min_roas: 2", "max_cac: 9.99"))
    assert passes.gate_passed is not None and passes.gate_passed[0, 0] == 1.0
    assert fails.gate_passed is not None and fails.gate_passed[0, 0] == 0.0


def test_gates_apply_in_file_order_to_the_plan_already_gated() -> None:
    # The second gate tests Feed over months 1..3; the first gate stopped Feed after month 2, so the
    # test sees 2 x 250 users for 2 x 20,000: a CAC of 80 (not 60,000 / 750).
    text = PLAN + """\
  - name: feed holds up
    after_month: 3
    channels: [Feed]
    max_cac: 100
"""
    result = run(text)
    assert result.gate_cac is not None and result.gate_passed is not None
    assert result.gate_cac[0, 1] == pytest.approx(80.0, abs=EXACT)
    np.testing.assert_array_equal(result.gate_passed[0], [0.0, 1.0])
    np.testing.assert_allclose(result.months["ad_spend"][0], [30000, 30000, 0, 0], rtol=0, atol=EXACT)


def test_a_test_without_spend_fails() -> None:
    # A KOL test in months 3..4 has no spend in months 1..2: its ROAS is none and the gate fails.
    text = PLAN.replace("months: 1-2}", "months: 3-4}")
    result = run(text)
    assert result.gate_roas is not None and np.isnan(result.gate_roas[0, 0])
    assert result.gate_passed is not None and result.gate_passed[0, 0] == 0.0


def test_simulate_decides_each_sample_and_reports_pass_probability() -> None:
    # KOL's test ROAS is 27,000 / 20,000 x (view_to_user / 0.01) = 135 x view_to_user, so the gate at
    # min_roas 1.35 passes where view_to_user >= 0.01: with a uniform 0.005..0.015, half the samples.
    text = PLAN.replace("view_to_user: 0.01", "view_to_user: {dist: uniform, low: 0.005, high: 0.015}").replace(
        "min_roas: 2", "min_roas: 1.35")
    scenario = load_text(text, "plan.yaml").scenario
    simulation = simulate(scenario, samples=4000, seed=1)
    (name, share), = simulation.gate_pass_probabilities
    assert name == "creators prove it"
    drawn = simulation.inputs["acquisition[0].view_to_user"]
    assert share == pytest.approx(float(np.mean(drawn >= 0.01 * (1 - 1e-9))), abs=1e-12)
    assert share == pytest.approx(0.5, abs=0.03)
    # In a failing sample Feed stops: its ad spend is 60,000 (KOL 20,000 + Feed 2 x 20,000), else 80,000 + 20,000.
    spend = simulation.sample_figures["ad_spend"]
    np.testing.assert_allclose(np.sort(np.unique(spend)), [60000, 100000])
    assert float(np.mean(spend == 100000)) == pytest.approx(share, abs=1e-12)


def test_run_shows_the_gate(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    report = json.loads(invoke(["run", str(path), "--format", "json"]).stdout)
    (gate,) = report["gates"]
    assert gate["name"] == "creators prove it" and gate["passed"] is False
    assert gate["roas"] == pytest.approx(1.35) and gate["cac"] == pytest.approx(10.0)
    table = invoke(["run", str(path)]).stdout
    assert "1.35" in table and ">= 2.00" in table and "fail" in table
    assert "creators prove it failed: KOL, Feed buy no users after M2." in table
    markdown = invoke(["run", str(path), "--format", "markdown", "--lang", "zh"]).stdout
    assert "| creators prove it | M1 – M2 | 测试期 ROAS | 1.35 | >= 2.00 | 未通过 |" in markdown
    # A Chinese line lists the channels stopped with 、, as the tool's other Chinese lists.
    assert "creators prove it 未通过：KOL、Feed 在 M2 之后不再获客。" in markdown


def test_one_channel_stopped_reads_in_the_singular(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN.replace("    then: [Feed]\n", ""), encoding="utf-8")
    assert "creators prove it failed: KOL buys no users after M2." in invoke(["run", str(path)]).stdout


def test_markdown_gives_each_failed_gate_its_own_paragraph(tmp_path: Path) -> None:
    # A ROAS of 100 is never met: both gates fail, and each says so on a line of its own, as the table does.
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN + "  - {name: feed check, after_month: 3, channels: [Feed], min_roas: 100}\n", encoding="utf-8")
    for lang, first, second in (
            ("en", "creators prove it failed: KOL, Feed buy no users after M2.", "feed check failed: Feed buys no users after M3."),
            ("zh", "creators prove it 未通过：KOL、Feed 在 M2 之后不再获客。", "feed check 未通过：Feed 在 M3 之后不再获客。")):
        lines = invoke(["run", str(path), "--format", "markdown", "--lang", lang]).stdout.splitlines()
        assert lines[lines.index(first) + 1:lines.index(first) + 3] == ["", second]


def test_simulate_json_and_text_report_pass_probability(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    data = json.loads(invoke(["simulate", str(path), "--samples", "10", "--format", "json"]).stdout)
    assert data["gates"] == [{"name": "creators prove it", "pass_probability": 0.0}]
    text = invoke(["simulate", str(path), "--samples", "10"]).stdout
    assert "Gate passes: creators prove it" in text
    assert "Every figure is the staged plan's: each sample decides its own gates." in text


def test_compare_without_the_gate(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    result = invoke(["compare", str(path), "--variant", "no test: gates=[]", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    spends = [scenario["figures"]["ad_spend"] for scenario in data["scenarios"]]
    # Gated: 60,000. Without the test: KOL 20,000 + Feed 4 x 20,000.
    assert spends == pytest.approx([60000, 100000])


@pytest.mark.parametrize(("gate", "message"), [
    ("{name: g, after_month: 2, channels: [KOL], min_roas: 1, then: [Fed]}",
     "plan.yaml:14:68: gates[0].then[0]: expected the name of a channel in acquisition (KOL, Feed), found 'Fed'; "
     "did you mean 'Feed'?"),
    ("{name: g, after_month: 4, channels: [KOL], min_roas: 1}",
     "plan.yaml:14:28: gates[0].after_month: expected a month within 1..3, found 4 "
     "(a gate decides what runs after its test, so a later month must follow)"),
    ("{name: g, after_month: 2, channels: [KOL]}",
     "plan.yaml:14:5: gates[0]: missing 'min_roas' or 'max_cac': one of them says when the test passes"),
    ("{name: g, after_month: 2, channels: [KOL, KOL], max_cac: 5}",
     "plan.yaml:14:47: gates[0].channels[1]: channel 'KOL' is named twice in this gate (first at channels[0])"),
])
def test_gate_errors_are_located(tmp_path: Path, gate: str, message: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN.split("gates:")[0] + "gates:\n  - " + gate + "\n", encoding="utf-8")
    result = invoke(["validate", str(path)])
    assert result.exit_code == 2
    assert result.stdout.splitlines() == [f"{tmp_path}/{message}"]


def test_csv_and_xlsx_carry_the_gates(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    csv_text = invoke(["run", str(path), "--format", "csv", "--table", "gates"]).stdout
    assert csv_text.splitlines() == ["name,after_month,min_roas,max_cac,roas,cac,passed,currency",
                                     "creators prove it,2,2,,1.35,10,0,CNY"]
    import openpyxl

    workbook = tmp_path / "plan.xlsx"
    assert invoke(["run", str(path), "--format", "xlsx", "--output", str(workbook)]).exit_code == 0
    rows = list(openpyxl.load_workbook(workbook)["gates"].iter_rows(values_only=True))
    assert rows[1][0] == "creators prove it" and rows[1][3] == pytest.approx(1.35) and rows[1][-1] == "fail"


def test_the_table_says_which_threshold_failed(tmp_path: Path) -> None:
    # ROAS 1.35 meets min_roas 1.3; CAC 10 misses max_cac 9: the gate fails on its CAC.
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN.replace("min_roas: 2", "min_roas: 1.3\n    max_cac: 9"), encoding="utf-8")
    markdown = invoke(["run", str(path), "--format", "markdown"]).stdout
    assert "| creators prove it | M1 – M2 | Test ROAS | 1.35 | >= 1.30 | pass |" in markdown
    assert "| creators prove it | M1 – M2 | Test CAC | 10.00 | <= 9.00 | fail |" in markdown
    assert "creators prove it failed: KOL, Feed buy no users after M2." in markdown


def test_a_gated_free_channel_is_no_paid_channel() -> None:
    # A (cpa, bid 20, 100 users a month) is tested in month 1 against a ROAS of 2: 100 x 10 / 2,000 = 0.5 fails,
    # so A and the free placement B (50 users a month, cost 0) stop after month 1. No virality; one user
    # contributes 10 - 1 = 9, then 4.5, then 2.25.
    text = """\
name: Free placement after a test
horizon_months: 3
acquisition:
  - {name: A, type: cpa, bid: 20, users: 100}
  - {name: B, type: flat, cost: 0, users: 50}
retention: {monthly_churn: 0.5}
monetization:
  purchases:
    - {name: Pack, price: 10, rate: 1}
costs:
  serving_per_active_user: 1
gates:
  - {name: A first, after_month: 1, channels: [A], min_roas: 2, then: [B]}
"""
    result = run(text)
    np.testing.assert_allclose(result.months["new_users"][0], [150, 0, 0], rtol=0, atol=EXACT)
    # Paid means spending (docs/formulas.md §2): B's 50 users are no paid users, so cac = 2,000 / 100.
    np.testing.assert_allclose(result.months["paid_users"][0], [100, 0, 0], rtol=0, atol=EXACT)
    assert result.figures["cac"][0] == pytest.approx(20.0, abs=EXACT)
    # A's contribution 100 x (9 + 4.5 + 2.25) = 1,575: roi (1,575 - 2,000) / 2,000; the campaign's
    # P(t) = -1,100, -650, -425 never reaches 0.
    assert result.figures["roi"][0] == pytest.approx(-0.2125, abs=EXACT)
    assert np.isnan(result.figures["paid_payback_month"][0])
