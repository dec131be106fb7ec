"""Every command that reads a scenario refuses an invalid one as `validate` shows it: its errors, then its warnings
(docs/ci.md). `run`, `simulate`, ... printed the errors alone, so ``budget: 1.500`` in EUR was told only once the
file's other errors were fixed, though the warning may explain one of them."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

ROOT = Path(__file__).resolve().parents[2]
PLAN = """name: x
currency: EUR
retention: {monthly_churn: 0.5}
acquisition:
  - name: A
    type: cpa
    bid: "3,00"
    budget: 1.500
monetization:
  plans:
    - {name: Monthly, price: 9.99, period: month, conversion: 0.05}
"""
ERROR = "plan.yaml:7:12: acquisition[0].bid: expected a number >= 0, found '3,00'; a decimal comma is not read: write 3.00"
WARNING = ("plan.yaml:8:13: acquisition[0].budget: 1.500 reads as 1.5, but in EUR a dot before three digits may "
           "separate thousands: write 1_500 for thousands, or 1.5 for a decimal point")
WARNING_ZH = ("plan.yaml:8:13: acquisition[0].budget: 1.500 读作 1.5，但以 EUR 计时，点号后跟三位数字可能是千位分隔符："
              "若是千位，请写成 1_500；若是小数点，请写成 1.5")

EXPORT = str(ROOT / "examples" / "actuals" / "bilibili.csv")
READING_A_SCENARIO = [
    ["run", "plan.yaml"],
    ["run", "plan.yaml", "-f", "json"],
    ["simulate", "plan.yaml"],
    ["breakeven", "plan.yaml"],
    ["sensitivity", "plan.yaml"],
    ["curves", "plan.yaml"],
    ["compare", "plan.yaml", "plan.yaml"],
    ["compare", "plan.yaml", "--variant", "low:acquisition[0].bid=2"],
    ["allocate", "plan.yaml", "--budget", "1000"],
    ["report", "plan.yaml", "-o", "r.html"],
    ["report", "valid.yaml", "--base", "plan.yaml", "-o", "r.html"],
    ["actuals", "plan.yaml", EXPORT],
    ["actuals", "plan.yaml", EXPORT, "--reforecast", "next.yaml"],
]


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "valid.yaml").write_text(PLAN.replace('"3,00"', "3").replace("1.500", "1_500"), encoding="utf-8")
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


@pytest.mark.parametrize("args", READING_A_SCENARIO, ids=" ".join)
def test_the_refusal_shows_the_warning_after_the_error(plan: Path, args: list[str]) -> None:
    result = invoke(args)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert ERROR in lines
    assert WARNING in lines
    # Where validate puts them: the file's errors, then its warnings.
    assert lines.index(ERROR) < lines.index(WARNING)


def test_the_lines_are_validates_in_chinese_too(plan: Path) -> None:
    validated = invoke(["--lang", "zh", "validate", "plan.yaml"])
    result = invoke(["--lang", "zh", "run", "plan.yaml"])
    assert result.exit_code == 2
    assert WARNING_ZH in result.stderr.splitlines()
    # validate's errors are its findings, on stdout; the summary line is its own.
    assert result.stderr.splitlines() == validated.stdout.splitlines() + validated.stderr.splitlines()[:-1]


def test_quiet_drops_the_warning_as_validate_does(plan: Path) -> None:
    result = invoke(["run", "plan.yaml", "-q"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [ERROR]


def test_compare_shows_an_earlier_files_warnings_before_the_refused_ones(plan: Path) -> None:
    Path("warned.yaml").write_text(PLAN.replace('"3,00"', "3"), encoding="utf-8")
    result = invoke(["compare", "warned.yaml", "plan.yaml"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [WARNING.replace("plan.yaml", "warned.yaml"), ERROR, WARNING]
