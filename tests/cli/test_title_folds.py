"""A title holding a name of one word wider than the terminal folds that word into lines of about equal width, as a
table folds a name (QA: a plan named in one word of 82 letters over sensitivity's table at 80 columns read
``...ForTheYearsAhead20`` over a lone ``26``, Rich folding it where the line ended; run's title over its panel alike, and
the title of the blocks a table too narrow for the terminal turns into).

The name is 82 letters: at 80 or 44 cells it takes two lines, and the even cut is after letter 41 (41 + 41), worked
by hand. A log still writes a title whole on one line (tests/cli/test_log_titles.py: grep finds the plan's name).

The words before the name share its first line and the words after it its last, where they fit (QA: under a name of
86 letters, run's title at 80 columns read "...NameThatKee" / "psGoing...2026" / "· Figures (CNY)", 59 cells left on a
line of their own, and "Allocation ·", "Simulation ·", "Sensitivity ·" stood alone above the name).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke
from rich.cells import cell_len
from test_check_zh import in_terminal

from aigc_roi.present.layout import folded_words

NAME = "SuperLongScenarioNameWithoutAnySpacesAtAllWhatsoeverInThisPlanForTheYearsAhead2026"
PLAN = f"""version: 1
name: {NAME}
currency: CNY
horizon_months: 12
acquisition:
  - {{name: Feed, type: cpa, bid: 12, users: 1000}}
retention: {{monthly_churn: 0.3}}
monetization:
  plans: [{{name: Pro, price: 30, period: month, conversion: "5%", renewal: 0.8}}]
"""
HEAD, TAIL = NAME[:41], NAME[41:]
"""The two lines of the name: 82 letters in two lines of 41."""


@pytest.fixture()
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def _shown(args: list[str], width: int, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    in_terminal(monkeypatch, width)
    result = invoke(args)
    assert result.exit_code in (0, 1), result.stderr
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert all(cell_len(line) <= width for line in lines), "\n".join(lines)
    return lines


@pytest.mark.parametrize("width", [80, 44])
def test_sensitivity_title(plan: Path, width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = _shown(["sensitivity", str(plan)], width, monkeypatch)
    # "Sensitivity · " (14) and the 41 cells of HEAD are 55, wider than 44; at 80 they share a line. The " ·" after the
    # name (43) fits beside TAIL at both widths, the 22 cells after it only at 80 (43 + 1 + 22 = 66).
    expected = {80: [f"Sensitivity · {HEAD}", f"{TAIL} · each driver ±20% (CNY)"],
                44: ["Sensitivity ·", HEAD, f"{TAIL} ·", "each driver ±20% (CNY)"]}[width]
    assert lines[:len(expected)] == expected


@pytest.mark.parametrize("width", [80, 44])
def test_sensitivity_title_in_chinese(plan: Path, width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = _shown(["sensitivity", str(plan), "--lang", "zh"], width, monkeypatch)
    # "敏感性 · " is 9 cells (a Chinese character 2), 50 with HEAD; 各驱动因素 ±20%（CNY） is 22 (（ and ） 2 each).
    expected = {80: [f"敏感性 · {HEAD}", f"{TAIL} · 各驱动因素 ±20%（CNY）"],
                44: ["敏感性 ·", HEAD, f"{TAIL} ·", "各驱动因素 ±20%（CNY）"]}[width]
    assert lines[:len(expected)] == expected


def test_run_title_above_its_panel(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = _shown(["run", str(plan)], 80, monkeypatch)
    assert lines[:2] == [HEAD, f"{TAIL} · Figures (CNY)"]


def test_a_log_keeps_the_title_whole(plan: Path) -> None:
    result = invoke(["sensitivity", str(plan)])
    assert result.stdout.splitlines()[0] == f"Sensitivity · {NAME} · each driver ±20% (CNY)"


LONG = "SuperLongScenarioNameThatKeepsGoingWithoutAnySpacesAtAllWhatsoeverForTheYearsAhead2026"
"""The name QA's plan had: 86 letters, two lines at 60 or 80 cells, cut evenly after letter 43 (43 + 43)."""
FIRST, LAST = LONG[:43], LONG[43:]


@pytest.fixture()
def long_plan(tmp_path: Path) -> Path:
    path = tmp_path / "long.yaml"
    path.write_text(PLAN.replace(NAME, LONG), encoding="utf-8")
    return path


ARGS = {"run": ["run"], "allocate": ["allocate", "--budget", "100000"], "simulate": ["simulate"],
        "sensitivity": ["sensitivity"]}

# Worked by hand, a Latin letter or sign one cell, a Chinese character or full-width mark two. The words before the
# name join its first 43 letters where they fit ("Allocation · " 13 + 43 = 56, at 60 too; "敏感性 · " 9); after its last
# 43 letters " · " takes 3, 46 cells, and then the words that fit:
EXPECTED = {
    # en at 80: "Figures (CNY)" 13 (59), "B = 100,000 a month (CNY)" 25 (71), "10,000 samples, seed 0 (CNY)" 28 (74),
    # "each driver ±20% (CNY)" 22 (68): every title in two lines.
    ("en", 80): {"run": [FIRST, f"{LAST} · Figures (CNY)"],
                 "allocate": [f"Allocation · {FIRST}", f"{LAST} · B = 100,000 a month (CNY)"],
                 "simulate": [f"Simulation · {FIRST}", f"{LAST} · 10,000 samples, seed 0 (CNY)"],
                 "sensitivity": [f"Sensitivity · {FIRST}", f"{LAST} · each driver ±20% (CNY)"]},
    # en at 60: 59 for run; 46 + " B = 100,000 a" 14 = 60, " month" would be 66; " 10,000" 53, " samples," 62;
    # " each driver" 58, " ±20%" 63.
    ("en", 60): {"run": [FIRST, f"{LAST} · Figures (CNY)"],
                 "allocate": [f"Allocation · {FIRST}", f"{LAST} · B = 100,000 a", "month (CNY)"],
                 "simulate": [f"Simulation · {FIRST}", f"{LAST} · 10,000", "samples, seed 0 (CNY)"],
                 "sensitivity": [f"Sensitivity · {FIRST}", f"{LAST} · each driver", "±20% (CNY)"]},
    # zh at 80: 核心指标（CNY） 15 (61), 每月预算 B = 10.0万（CNY） 26 (72), 10,000 次抽样，种子 0（CNY） 28 (74),
    # 各驱动因素 ±20%（CNY） 22 (68).
    ("zh", 80): {"run": [FIRST, f"{LAST} · 核心指标（CNY）"],
                 "allocate": [f"预算分配 · {FIRST}", f"{LAST} · 每月预算 B = 10.0万（CNY）"],
                 "simulate": [f"模拟 · {FIRST}", f"{LAST} · 10,000 次抽样，种子 0（CNY）"],
                 "sensitivity": [f"敏感性 · {FIRST}", f"{LAST} · 各驱动因素 ±20%（CNY）"]},
    # zh at 60, broken where Chinese text breaks (present/wrap.py): before （ (核心指标 54, （CNY） 61); B = 10.0万 a
    # comparison kept whole (54, then 65); 10,000 次抽样， kept together, a comma never starting a line (61);
    # 各驱动因素 56, ±20% 61.
    ("zh", 60): {"run": [FIRST, f"{LAST} · 核心指标", "（CNY）"],
                 "allocate": [f"预算分配 · {FIRST}", f"{LAST} · 每月预算", "B = 10.0万（CNY）"],
                 "simulate": [f"模拟 · {FIRST}", f"{LAST} ·", "10,000 次抽样，种子 0（CNY）"],
                 "sensitivity": [f"敏感性 · {FIRST}", f"{LAST} · 各驱动因素", "±20%（CNY）"]},
}


@pytest.mark.parametrize(("lang", "width"), list(EXPECTED))
@pytest.mark.parametrize("command", list(ARGS))
def test_words_beside_a_folded_name(long_plan: Path, command: str, lang: str, width: int,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    expected = EXPECTED[lang, width][command]
    [_, verb, *options] = ["", *ARGS[command]]
    lines = _shown([verb, str(long_plan), *options, "--lang", lang], width, monkeypatch)
    assert lines[:len(expected)] == expected
    # Nothing of the title's is left on the line after it (a table's border, a panel's or a block's heading follows).
    assert not lines[len(expected)].startswith(("·", "B", "month", "samples", "±", "（", "10,000 次"))


@pytest.mark.parametrize(("width", "expected"), [
    # At 44 the even halves (43 + 43) leave "... ·" 45 cells, Chinese keeping · beside the name: three lines of 29, 29
    # and 28 letters, the first beside 敏感性 · (9 + 29 = 38), the last with " · 各驱动因素" (28 + 13 = 41; ±20% 46).
    (44, [f"敏感性 · {LONG[:29]}", LONG[29:58], f"{LONG[58:]} · 各驱动因素", "±20%（CNY）"]),
    # At 86 the name fits, but with " ·" it is 88 cells: two halves of 43 (52 and 43 + 3 + 22 = 68 cells).
    (86, [f"敏感性 · {FIRST}", f"{LAST} · 各驱动因素 ±20%（CNY）"]),
])
def test_a_mark_kept_beside_the_name_in_chinese(width: int, expected: list[str]) -> None:
    assert folded_words(f"敏感性 · {LONG} · 各驱动因素 ±20%（CNY）", width).plain.split("\n") == expected


def test_a_name_that_fits_is_never_folded_in_english() -> None:
    # English breaks before the mark: at 86 columns the 86 letters keep a line of their own.
    assert folded_words(f"Sensitivity · {LONG} · each driver ±20% (CNY)", 86).plain.split("\n") == [
        "Sensitivity ·", LONG, "· each driver ±20% (CNY)"]
