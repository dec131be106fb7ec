"""`compare` shows what each scenario's gates decided, in every format and both languages (docs/formulas.md §13; QA
finding: `compare creators-first-gated.yaml --variant 'no test: gates=[]' --samples 2000`, the README's "what testing
first is worth", had no pass chance, and a variant whose gate failed did not say so).

The plan, by hand: A buys 100 users at a bid of 10 in month 1 (ad spend 1,000), each buying one item at 8 then: the
gate's test ROAS over month 1 is 800 / 1,000 = 0.8 >= 0.7, so it passes and B buys 100 users at 10 in months 2 and 3
(ad spend 3,000 in all). At a bid of 12 the test ROAS is 800 / 1,200 = 0.67 < 0.7: it fails, B never buys (ad spend
1,200). Nothing is drawn, so on risk every sample decides alike: a pass share of 100% and of 0%. A copy without the
gate has no such row: "—", null in JSON, empty in CSV.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from cli_runner import invoke

PLAN = """version: 1
name: Tested
horizon_months: 3
acquisition:
  - {{name: A, type: cpa, bid: 10, users: 100, months: 1}}
  - {{name: B, type: cpa, bid: 10, users: 100, months: 2-3}}
retention: {{monthly_churn: 0.5}}
monetization:
  purchases: [{{name: Item, price: 8, rate: 1}}]
{gates}"""
GATES = "gates:\n  - {name: test A, after_month: 1, channels: [A], min_roas: 0.7, then: [B]}\n"
VARIANT = ["--variant", "dearer: A.bid=12", "--variant", "no test: gates=[]"]
WORDS = {"en": ("Gate: test A", "pass", "fail", "Gate passes: test A"),
         "zh": ("闸门：test A", "通过", "未通过", "闸门通过概率：test A")}


def _plan(tmp_path: Path, gates: str = GATES, name: str = "gated.yaml") -> str:
    path = tmp_path / name
    path.write_text(PLAN.format(gates=gates), encoding="utf-8")
    return str(path)


def _out(*args: str, lang: str = "en") -> str:
    result = invoke(["compare", *args, "--lang", lang], env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _row(text: str, start: str, bar: str = "│") -> list[str]:
    """A table row's cells, its label's wrapped lines joined (the label starts with ``start``, of which its first
    line holds at least four characters)."""
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith(f"{bar} {start[:4]}"))
    cells = [cell.strip() for cell in lines[first].strip().strip(bar).split(bar)]
    for line in lines[first + 1:]:
        more = [cell.strip() for cell in line.strip().strip(bar).split(bar)]
        if not line.startswith(bar) or more[1:] != [""] * (len(more) - 1):
            break
        cells[0] += (" " if more[0] else "") + more[0]
    return cells


def test_json_holds_each_run_s_gates(tmp_path: Path) -> None:
    scenarios = json.loads(_out(_plan(tmp_path), *VARIANT, "-f", "json"))["scenarios"]
    passed, failed, none = (scenario["gates"] for scenario in scenarios)
    assert passed[0]["passed"] is True and passed[0]["roas"] == pytest.approx(0.8)
    assert failed[0]["passed"] is False and failed[0]["roas"] == pytest.approx(800 / 1200)
    assert none is None
    assert [scenario["figures"]["ad_spend"] for scenario in scenarios[:2]] == pytest.approx([3000, 1200])


def test_json_on_risk_holds_simulate_s_pass_share(tmp_path: Path) -> None:
    scenarios = json.loads(_out(_plan(tmp_path), *VARIANT, "--samples", "20", "-f", "json"))["scenarios"]
    assert [scenario["distribution"]["gates"] for scenario in scenarios] == [
        [{"name": "test A", "pass_probability": 1.0}], [{"name": "test A", "pass_probability": 0.0}], None]
    assert [scenario["gates"] is None for scenario in scenarios] == [False, False, True]


def test_csv_rows(tmp_path: Path) -> None:
    rows = list(csv.reader(io.StringIO(_out(_plan(tmp_path), *VARIANT, "-f", "csv"))))
    assert next(row for row in rows if row[0] == "gate:test A")[1:4] == ["1", "0", ""]
    risk = list(csv.reader(io.StringIO(_out(_plan(tmp_path), *VARIANT, "--samples", "20", "-f", "csv"))))
    assert next(row for row in risk if row[0] == "gate:test A")[1:5] == ["pass_probability", "1", "0", ""]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_tables_and_markdown(tmp_path: Path, lang: str) -> None:
    row_label, passes, fails, share_label = WORDS[lang]
    plan = _plan(tmp_path)
    # Each later scenario's column is followed by its Δ, empty on a gate's row, where the width keeps the Δs.
    assert [cell for cell in _row(_out(plan, *VARIANT, lang=lang), row_label)[1:] if cell] == [passes, fails, "—"]
    markdown = _out(plan, *VARIANT, "-f", "markdown", lang=lang)
    assert f"| {row_label} | {passes} | {fails} | — |" in markdown
    assert _row(_out(plan, *VARIANT, "--samples", "20", lang=lang), share_label)[1:4] == ["100.00%", "0.00%", "—"]
    risk = _out(plan, *VARIANT, "--samples", "20", "-f", "markdown", lang=lang)
    assert f"| {share_label} | {'Chance' if lang == 'en' else '概率'} | 100.00% | 0.00% | — |" in risk


def test_two_files_one_without_gates(tmp_path: Path) -> None:
    plain = _plan(tmp_path, "", "plain.yaml")
    assert "| Gate: test A | — | pass |  |  |" in _out(plain, _plan(tmp_path), "-f", "markdown")
    assert json.loads(_out(plain, _plan(tmp_path), "-f", "json"))["scenarios"][0]["gates"] is None


def test_the_pass_share_is_simulate_s(tmp_path: Path) -> None:
    """On a plan with drawn ranges, the share each sample's gate passes in is the one `simulate` reports."""
    plan = str(Path(__file__).resolve().parents[2] / "scenarios" / "creators-first-gated.yaml")
    simulated = json.loads(invoke(["simulate", plan, "--samples", "300", "-f", "json"]).stdout)["gates"]
    compared = json.loads(_out(plan, "--variant", "no test: gates=[]", "--samples", "300", "-f", "json"))
    assert compared["scenarios"][0]["distribution"]["gates"] == simulated
    assert 0 < simulated[0]["pass_probability"] < 1


def test_no_gates_no_rows(tmp_path: Path) -> None:
    plain = _plan(tmp_path, "", "plain.yaml")
    for args in ([], ["--samples", "20"]):
        data = json.loads(_out(plain, "--variant", "dearer: A.bid=12", *args, "-f", "json"))
        assert all("gates" not in scenario and "gates" not in scenario.get("distribution", {})
                   for scenario in data["scenarios"])
        for form in ("table", "markdown", "csv"):
            text = _out(plain, "--variant", "dearer: A.bid=12", *args, "-f", form)
            assert "Gate" not in text and "gate:" not in text


def test_workbook_row(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    book = tmp_path / "c.xlsx"
    result = invoke(["compare", _plan(tmp_path), *VARIANT, "-f", "xlsx", "-o", str(book), "--lang", "zh"])
    assert result.exit_code == 0, result.stderr
    rows = [[cell.value for cell in row] for row in load_workbook(book).active.iter_rows()]
    assert next(row for row in rows if row[1] == "gate:test A")[3:6] == ["通过", "未通过", "—"]
