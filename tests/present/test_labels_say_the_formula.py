"""Labels that say what the formula does (a finance reader's findings), in English and Chinese.

- ROI is after every variable cost (docs/formulas.md §2: revenue fees, serving, delivery, referral), not "after
  serving"; before fixed costs.
- A gate's ROAS and CAC are the test channels' own over months 1..T (§18), not the plan's headline ROAS.
- Without ad spend the campaign's paid payback is month 1 by definition (§12): the text formats say "no ad spend"
  rather than a month that reads as a campaign that paid back; JSON keeps 1.
- A month of the plan's calendar reads as the months table labels it where the plan has a start (``1 (2025-03)``).
- One Chinese word for a gate: 闸门.
- A count in 万 in the headline figures has 2 decimals, as their money: 11,600 paid users read 1.16万, not 1.2万.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import openpyxl
import pytest
from cli_runner import invoke
from spec_example import GATED_EXAMPLE, WORKED_EXAMPLE

from aigc_roi.present.labels import LABELS, label

ROOT = Path(__file__).parents[2]
# The worked example's A (100 users at 10, churn 0.5, 9 then 4.5) beside a free flat channel: spend 0 without A.
FREE_ONLY = """\
name: Free only
horizon_months: 2
start: 2025-03
acquisition:
  - {name: Launch, type: flat, cost: 0, users: 200, months: 1}
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: item, price: 10, rate: 1}]
costs: {serving_per_active_user: 1}
"""


def _write(tmp_path: Path, text: str, name: str = "plan.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _figure_cells(text: str) -> dict[str, str]:
    """A markdown figures table: label -> value."""
    return dict(re.findall(r"^\| ([^|]+?) \| ([^|]+?) \|$", text, re.MULTILINE))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_roi_is_labelled_after_every_variable_cost(lang: str) -> None:
    assert label("roi", lang) == {"en": "ROI (paid, after variable, before fixed)", "zh": "ROI（买量，扣除变动成本，未扣固定成本）"}[lang]
    assert "serving" not in label("roi", "en") and "服务" not in label("roi", "zh")


def test_a_gate_test_is_labelled_as_the_test_channels_months(tmp_path: Path) -> None:
    path = _write(tmp_path, GATED_EXAMPLE)
    markdown = invoke(["run", str(path), "--format", "markdown"]).stdout
    # §18's worked example: KOL's revenue paid in months 1-2 is 27,000 on 20,000 of spend, a test ROAS of 1.35.
    assert "| creators prove it | M1 – M2 | Test ROAS | 1.35 | >= 2.00 | fail |" in markdown
    assert "| creators prove it | M1 – M2 | 测试期 ROAS | 1.35 |" in invoke(["run", str(path), "-f", "markdown", "--lang", "zh"]).stdout
    book = tmp_path / "plan.xlsx"
    assert invoke(["run", str(path), "-f", "xlsx", "-o", str(book)]).exit_code == 0
    header = next(openpyxl.load_workbook(book)["gates"].iter_rows(values_only=True))
    assert header == ("Gate", "Test until month (T)", "Min ROAS", "Test ROAS (months 1..T)", "Max CAC (CNY)",
                      "Test CAC (months 1..T, CNY)", "Result")


@pytest.mark.parametrize(("lang", "shown"), [("en", "no ad spend"), ("zh", "无广告支出")])
def test_a_paid_payback_without_ad_spend_says_so(tmp_path: Path, lang: str, shown: str) -> None:
    path = _write(tmp_path, FREE_ONLY)
    assert json.loads(invoke(["run", str(path), "-f", "json"]).stdout)["figures"]["paid_payback_month"] == 1
    markdown = _figure_cells(invoke(["run", str(path), "-f", "markdown", "--lang", lang]).stdout)
    assert markdown[label("paid_payback_month", lang)] == shown
    terminal = invoke(["run", str(path), "--lang", lang], env={"COLUMNS": "100"}).stdout
    assert re.search(rf"{re.escape(label('paid_payback_month', lang))} +{shown} │", terminal)
    page = invoke(["report", str(path), "--samples", "20", "--lang", lang]).stdout
    assert re.search(rf'<tr data-figure="paid_payback_month">.*?<td class="n">{shown}</td>', page)
    book = tmp_path / "plan.xlsx"
    assert invoke(["run", str(path), "-f", "xlsx", "-o", str(book), "--lang", lang]).exit_code == 0
    row = next(row for row in openpyxl.load_workbook(book).worksheets[0].iter_rows(values_only=True)
               if row[2] == "paid_payback_month")
    assert row[1] == 1 and row[4].startswith(shown)  # the value as JSON has it, the note saying why
    # Beside a plan that spends (the worked example: P(t) never >= 0 within 3 months), no change from "month 1".
    other = _write(tmp_path, WORKED_EXAMPLE, "spends.yaml")
    compared = invoke(["compare", str(path), str(other), "-f", "markdown", "--lang", lang]).stdout
    row_label = label("paid_payback_month", lang)
    assert f"| {row_label} | {shown} | " in compared and f"| {row_label} | 1 |" not in compared
    # The compare workbook keeps the 1 too, its note naming the plan and why (the spending plan's own note after it).
    book = tmp_path / "compared.xlsx"
    assert invoke(["compare", str(path), str(other), "-f", "xlsx", "-o", str(book), "--lang", lang]).exit_code == 0
    row = next(row for row in openpyxl.load_workbook(book).worksheets[0].iter_rows(values_only=True)
               if row[1] == "paid_payback_month")
    assert row[3] == 1 and row[-1].startswith(label("scenario_note", lang).format(name="Free only", reason=shown))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_figures_csv_notes_a_paid_payback_without_ad_spend(tmp_path: Path, lang: str) -> None:
    """A finance reviewer read ``paid_payback_month,1,,`` for a plan of orders and fixed costs alone, where the table
    said "no ad spend" and the xlsx's note why it is 1: the CSV's note is the machine word, in either language."""
    path = _write(tmp_path, FREE_ONLY)
    rows = invoke(["run", str(path), "-f", "csv", "--table", "figures", "--lang", lang]).stdout.splitlines()
    assert "paid_payback_month,1,no_ad_spend," in rows
    # A plan that spends (the worked example: P(t) never >= 0 within its 3 months) has no such note.
    spends = invoke(["run", str(_write(tmp_path, WORKED_EXAMPLE, "spends.yaml")), "-f", "csv", "--table", "figures"])
    assert "paid_payback_month,,," in spends.stdout.splitlines()


def test_months_of_the_calendar_carry_their_label_where_the_plan_has_a_start(tmp_path: Path) -> None:
    # The worked example's cumulative cash -11,000, -6,500, -4,250: its low is month 1, 2025-03 with the start.
    dated = _figure_cells(invoke(["run", str(_write(tmp_path, WORKED_EXAMPLE + "start: 2025-03\n")), "-f", "markdown"]).stdout)
    assert dated["Peak cash month"] == "1 (2025-03)"
    assert dated["CAC payback per user (≤ ltv_months)"] == "never"  # an age of a user, not a calendar month
    plain = _figure_cells(invoke(["run", str(_write(tmp_path, WORKED_EXAMPLE, "plain.yaml")), "-f", "markdown"]).stdout)
    assert plain["Peak cash month"] == "1"  # months M1, M2, M3: the label would repeat the number
    page = invoke(["report", str(tmp_path / "plan.yaml"), "--samples", "20"]).stdout
    assert "Peak cash need 11,000.00 CNY, in month 1 (2025-03)." in page
    assert re.search(r'<tr data-figure="peak_cash_month">.*?<td class="n">1 \(2025-03\)</td>', page)


def test_one_chinese_word_for_a_gate() -> None:
    from aigc_roi.present.messages_zh import __file__ as messages_file
    from aigc_roi.present.report.words import WORDS

    texts = [text for entry in LABELS.values() for text in (entry.zh, *(entry.short or ()))]
    texts += [chinese for _, chinese in WORDS.values()]
    texts.append(Path(messages_file).read_text(encoding="utf-8"))
    texts += [path.read_text(encoding="utf-8") for path in (ROOT / "docs").glob("*.md")]
    texts += [path.read_text(encoding="utf-8") for path in (ROOT / "aigc_roi" / "templates" / "zh").glob("*.yaml")]
    assert [text[:80] for text in texts if "关卡" in text] == []
    assert "闸门" in label("gates", "zh") and WORDS["gates"][1].startswith("闸门")


def test_a_headline_count_in_wan_keeps_two_decimals(tmp_path: Path) -> None:
    # 11,600 users bought at 20: ad spend 232,000 (23.20万), CAC 20.00 = 23.20万 / 1.16万; 1.2万 would read 19.33.
    path = _write(tmp_path, WORKED_EXAMPLE.replace("users: 1000", "users: 11600"))
    cells = _figure_cells(invoke(["run", str(path), "-f", "markdown", "--lang", "zh"]).stdout)
    assert (cells["广告支出"], cells["买量用户"], cells["新增用户"], cells["获客成本（CAC）"]) == ("23.20万", "1.16万", "1.16万", "20.00")
    # The months table's counts are whole in English and keep 1 decimal in 万, as its money does.
    months = invoke(["run", str(path), "-f", "markdown", "--lang", "zh"]).stdout.split("### 月度现金流", 1)[1]
    assert re.search(r"^\| M1 \| 1\.2万 \| 1\.2万 \|", months, re.MULTILINE)
