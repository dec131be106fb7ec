"""The run's channels table at 80 columns, where its amounts take one unit a column (万/亿, k/M) and it drops the
columns it needs least: a channel's spend or users other than 0 never read 0 in the unit, and the columns it leaves
out are named under it, as the months table's are. Golden strings are worked out by hand in the comments."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke
from test_check_zh import in_terminal

from aigc_roi.present.numbers import NONZERO_PLACES, NumberStyle

# 大盘CPA: 1.2亿 at a bid of 15 buys 8,000,000 users; 小额CPA: 300 at 15 buys 20. Spend's largest, 120,000,000, is
# 12,000.0万 (past 4 integer digits), so the column is in 亿 (1.20); users' largest, 8,000,000, is 800.0万.
PLAN = """\
version: 1
name: 放量
currency: CNY
horizon_months: 12
acquisition:
  - {name: 大盘CPA, type: cpa, bid: 15, budget: 1.2亿, months: 1}
  - {name: 小额CPA, type: cpa, bid: 15, budget: 300, months: 1}
retention:
  points: {1: 0.30, 3: 0.18}
monetization:
  plans:
    - {name: 月度会员, price: 29, period: month, conversion: 3%, renewal: 0.7}
"""


def run_at_80(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> str:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    in_terminal(monkeypatch, 80)
    result = invoke(["run", str(path), *args])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def cells(output: str, name: str) -> list[str]:
    row = next(line for line in output.splitlines() if line.startswith(f"│ {name} "))
    return [cell.strip() for cell in row.split("│")[1:-1]]


@pytest.mark.parametrize(("lang", "big", "small"), [
    # 300 is 0.000003亿 (0.00 at the unit's 2 decimals): below 0.00001, the 5th decimal that two significant digits
    # may take (numbers.py nonzero_text), a bound; 20 users 0.002万 (0.0).
    ("zh", ["1.20", "800.0"], ["<0.00001", "0.0020"]),
    # 300 is 0.0003M (0.0): 0.00030; 20 users 0.02k (0.0): 0.020; 1.2亿 is 120.0M, 8,000,000 users 8,000.0k.
    ("en", ["120.0", "8,000.0"], ["0.00030", "0.020"]),
])
def test_a_channels_spend_and_users_other_than_0_never_read_0_in_the_columns_unit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, big: list[str], small: list[str]) -> None:
    output = run_at_80(tmp_path, monkeypatch, "--lang", lang)
    spend = 2 if lang == "en" else 1  # English keeps the Type column at 80 columns, Chinese drops it
    assert cells(output, "大盘CPA")[spend:spend + 2] == big
    assert cells(output, "小额CPA")[spend:spend + 2] == small


@pytest.mark.parametrize(("value", "unit", "text"), [
    (160_000, "亿", "0.0016"),  # 16万 beside 12亿: 0.00 at 2 places, 0.0016 at 2 significant digits
    (300, "万", "0.030"),
    (-40, "k", "-0.040"),  # a loss that would read 0.0 keeps its sign with its digits
    (2_600_000, "亿", "0.03"),  # 0.026亿 reads other than 0 at the unit's 2 places: they are kept
    (0, "亿", "0.00"),  # a real 0 reads as one
])
def test_a_cell_other_than_0_takes_its_first_two_significant_digits(value: float, unit: str, text: str) -> None:
    assert NumberStyle("zh").in_unit(value, unit, nonzero_places=NONZERO_PLACES) == text


def caption(output: str, lang: str) -> str:
    """The lines under the channels table, as one text (a caption breaks where the terminal does)."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("└")) + 1
    end = next(i for i in range(start, len(lines)) if not lines[i].strip() or lines[i][0] in "╭┏")
    return ("" if lang == "zh" else " ").join(line.strip() for line in lines[start:end]).replace("\u00a0", " ")


@pytest.mark.parametrize(("lang", "note"), [
    # Chinese drops the type and the channel's LTV to fit 80 columns (ROAS too while 300 read 0.0000030 (亿), a column
    # wider than <0.00001); English the LTV alone.
    ("zh", "因宽度不足未显示：类型、LTV。"),
    ("en", "Not shown for want of width: LTV."),
])
def test_the_channels_table_names_the_columns_it_leaves_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           lang: str, note: str) -> None:
    assert caption(run_at_80(tmp_path, monkeypatch, "--lang", lang), lang).endswith(note)


@pytest.mark.parametrize(("lang", "line"), [
    ("zh", "同期群：各月边际贡献（CNY）：超出终端宽度；"),
    ("en", "Cohorts: contribution by month (CNY): wider than this terminal;"),
])
def test_cohorts_too_wide_reads_in_the_languages_own_colon(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          lang: str, line: str) -> None:
    output = run_at_80(tmp_path, monkeypatch, "--lang", lang, "--cohorts")
    assert line in output
    assert "）: " not in output
