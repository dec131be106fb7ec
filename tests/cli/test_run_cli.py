"""`aigc-roi run` through the CLI: output shapes, streams and exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.cli.commands import COMMANDS, command_function


def test_json_has_the_spec_shape_and_the_worked_example_figures(example: Path) -> None:
    result = invoke(["run", str(example), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    data = json.loads(result.stdout)
    assert data["format_version"] == 1
    assert data["scenario"] == "Spec worked example"
    figures = data["figures"]
    assert figures["ad_spend"] == 20000
    assert figures["gross_revenue"] == 17500
    assert figures["net_cash"] == pytest.approx(-4250, abs=1e-9)
    assert figures["roas"] == pytest.approx(0.875)
    assert figures["roi"] == pytest.approx(-0.2125)
    assert figures["cac"] == pytest.approx(20)
    assert figures["ltv"] == pytest.approx(15.75)
    assert figures["ltv_to_cac"] == pytest.approx(0.7875)
    assert figures["payback_month"] is None
    assert figures["cac_payback_months"] is None
    assert data["channels"] == [
        {"name": "CPA", "path": "acquisition[0]", "type": "cpa", "spend": 20000.0, "users": 1000.0, "cac": 20.0,
         "roas": pytest.approx(0.875), "roi": pytest.approx(-0.2125),
         # 1.1: 17,500 and 15,750 are all the channel's; its max bid 20 x (1 - 0.2125) = 15.75.
         "gross_revenue": pytest.approx(17500), "contribution": pytest.approx(15750),
         "max_unit_cost": pytest.approx(15.75), "max_unit_cost_factor": None,
         # 1.2: its own users' ltv, the spec's 15.75, over its cac of 20.
         "ltv": pytest.approx(15.75), "ltv_to_cac": pytest.approx(0.7875),
         # 1.2: no saturation_budget, so the max bid is exact, not an average.
         "saturating": False,
         # Its max bid is a bid per new user (a cpa's unit cost).
         "max_unit_cost_kind": "bid"}
    ]
    assert [m["label"] for m in data["months"]] == ["M1", "M2", "M3"]
    assert [m["active_users"] for m in data["months"]] == pytest.approx([1000, 500, 250])
    assert [m["net_cash"] for m in data["months"]] == pytest.approx([-11000, 4500, 2250])
    assert [m["cumulative_cash"] for m in data["months"]] == pytest.approx([-11000, -6500, -4250])
    assert set(data["months"][0]) == {
        "month", "label", "new_users", "active_users", "subscribers", "gross_revenue", "net_revenue", "ad_spend",
        "serving_cost", "delivery_cost", "referral_cost", "fixed_cost", "net_cash", "cumulative_cash", "recognised_revenue",
        "deferred_revenue", "paid_contribution", "paid_cumulative_cash"}
    # Every user is paid and there are no fixed costs: the paid channels' cash is the plan's (9,000 - 20,000, ...).
    assert [m["paid_contribution"] for m in data["months"]] == pytest.approx([9000, 4500, 2250])
    assert [m["paid_cumulative_cash"] for m in data["months"]] == pytest.approx([-11000, -6500, -4250])


def test_labels_follow_start_and_payback_is_found(tmp_path: Path) -> None:
    # flat channel: 1000 users for 5000 in month 1; each user pays 10 a month while active;
    # churn 0 so A = 1000 every month: F = 10000 - 5000 = 5000 in month 1, payback month 1.
    path = tmp_path / "s.yaml"
    path.write_text(
        "name: Flat\nhorizon_months: 2\nstart: 2025-12\n"
        "acquisition: [{name: Poster, type: flat, cost: 5000, users: 1000, months: 1}]\n"
        "retention: {monthly_churn: 0}\n"
        "monetization: {purchases: [{name: p, price: 10, rate: 1}]}\n",
        encoding="utf-8",
    )
    data = json.loads(invoke(["run", str(path), "--format", "json"]).stdout)
    assert [m["label"] for m in data["months"]] == ["2025-12", "2026-01"]
    assert data["figures"]["payback_month"] == 1
    assert data["figures"]["roi"] == pytest.approx((20000 - 5000) / 5000)


def test_table_shows_figures_channels_months_and_chart(example: Path) -> None:
    result = invoke(["run", str(example), "--months"])
    assert result.exit_code == 0
    out = result.stdout
    for text in ("Spec worked example", "20,000.00", "-4,250.00", "-21.25%", "15.75", "Channels",
                 "Months (CNY)", "-11,000", "Cumulative net cash"):
        assert text in out, text
    assert out.index("Cumulative net cash") < out.index("Months (CNY)"), "months come after the headline"
    assert "Months (CNY)" not in invoke(["run", str(example), "--no-months"]).stdout


def test_months_table_is_behind_an_option_so_the_figures_stay_on_screen(example: Path) -> None:
    out = invoke(["run", str(example)]).stdout
    assert "Months (CNY)" not in out and "-11,000 " not in out.split("Cumulative net cash")[0]
    assert out.rstrip().endswith("Monthly cash flow (3 months): add --months.")


def test_csv_tables(example: Path) -> None:
    months = list(csv.DictReader(io.StringIO(invoke(["run", str(example), "--format", "csv"]).stdout)))
    assert [float(row["net_cash"]) for row in months] == [-11000, 4500, 2250]
    figures = invoke(["run", str(example), "--format", "csv", "--table", "figures"]).stdout
    rows = {row["figure"]: row for row in csv.DictReader(io.StringIO(figures))}
    assert figures.splitlines()[0] == "figure,value,note,currency"
    assert float(rows["roi"]["value"]) == pytest.approx(-0.2125)
    assert rows["payback_month"]["value"] == ""  # none is an empty cell
    # F = -11,000, 4,500, 2,250: out first, then in, a return.
    assert (rows["irr"]["note"], rows["roi"]["note"]) == ("investment", "")
    # The currency on the money figures' rows only: a ratio has none.
    assert (rows["npv"]["currency"], rows["roi"]["currency"]) == ("CNY", "")


def test_markdown_has_the_three_tables(example: Path) -> None:
    out = invoke(["run", str(example), "--format", "markdown"]).stdout
    assert out.startswith("## Spec worked example (CNY)")
    assert "### Figures" in out and "### Channels" in out and "### Months (CNY)" in out
    assert "| Net cash | -4,250.00 |" in out


def test_set_changes_the_run(example: Path) -> None:
    # bid 15.75 makes contribution 15750 equal ad spend 15750: roi exactly 0.
    result = invoke(["run", str(example), "--format", "json", "--set", "acquisition[0].bid=15.75"])
    assert json.loads(result.stdout)["figures"]["roi"] == pytest.approx(0.0, abs=1e-12)


def test_output_file_is_not_overwritten_without_force(example: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    assert invoke(["run", str(example), "-f", "json", "-o", str(target)]).exit_code == 0
    assert json.loads(target.read_text())["figures"]["ad_spend"] == 20000
    target.write_text("keep me")
    again = invoke(["run", str(example), "-f", "json", "-o", str(target)])
    assert again.exit_code == 2
    assert "file exists; use --force" in again.stderr
    assert target.read_text() == "keep me"
    assert invoke(["run", str(example), "-f", "json", "-o", str(target), "--force"]).exit_code == 0
    assert target.read_text() != "keep me"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("name: X\nretention: {monthly_churn: 2}\n", ":2:28: retention.monthly_churn: expected a number from 0 to 1, found 2"),
        ("name: X\n", ":1:1: retention: missing required key 'retention'"),
        ("name: [\n", ":1:8: invalid YAML"),
    ],
)
def test_bad_files_exit_2_with_located_errors_on_stderr(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    result = invoke(["run", str(path), "--format", "json"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines()[0] == f"{path}{expected}" or expected in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_file_and_bad_option_exit_2(tmp_path: Path, example: Path) -> None:
    missing = invoke(["run", str(tmp_path / "nope.yaml")])
    assert missing.exit_code == 2
    assert "cannot read file" in missing.stderr
    assert invoke(["run", str(example), "--format", "pdf"]).exit_code == 2
    bad_set = invoke(["run", str(example), "--set", "acquisition[0].bid"])
    assert bad_set.exit_code == 2
    assert "expected PATH=VALUE" in bad_set.stderr


def test_every_command_has_help() -> None:
    top = invoke(["--help"])
    assert top.exit_code == 0
    assert COMMANDS
    for name in COMMANDS:
        assert command_function(name).__doc__, name
        listed = invoke([name, "--help"])
        assert listed.exit_code == 0 and listed.stdout.startswith(f"Usage: aigc-roi {name} ")
        assert f"\n  {name} " in top.stdout
