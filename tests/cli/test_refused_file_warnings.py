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


WARNED = WARNING.replace("plan.yaml", "warned.yaml")
VARIANT_ERROR = "(in --variant 'a' of warned.yaml)"
# A command reading one file several times (a compare's base and each variant, a report's --base, sensitivity's
# grid) writes each of its warnings once, as the file is first read: a variant refused after the base was read wrote
# them before its error and again after it.
READING_A_FILE_AGAIN = [
    (["compare", "warned.yaml", "--variant", "a: acquisition[0].bid=-1"], 2, WARNED),
    (["compare", "warned.yaml", "--variant", "a: nosuch=1"], 2, WARNED),
    (["compare", "warned.yaml", "--variant", "b: acquisition[0].bid=2", "--variant", "a: acquisition[0].bid=-1"],
     2, WARNED),
    (["--lang", "zh", "compare", "warned.yaml", "--variant", "a: acquisition[0].bid=-1"], 2,
     WARNING_ZH.replace("plan.yaml", "warned.yaml")),
    (["compare", "warned.yaml", "--variant", "b: acquisition[0].bid=2", "--variant", "c: acquisition[0].bid=4"],
     0, WARNED),
    (["compare", "warned.yaml", "warned.yaml"], 0, WARNED),
    (["compare", "warned.yaml", "warned.yaml", "plan.yaml"], 2, WARNED),
    (["sensitivity", "warned.yaml", "--grid", "acquisition[0].bid,acquisition[0].budget", "--grid-steps", "3"],
     0, WARNED),
    (["sensitivity", "warned.yaml", "--grid", "nosuch,acquisition[0].bid"], 2, WARNED),
    (["report", "warned.yaml", "--base", "warned.yaml", "-o", "r.html"], 0, WARNED),
    (["report", "warned.yaml", "--base", "plan.yaml", "-o", "r.html"], 2, WARNED),
]


@pytest.mark.parametrize(("args", "code", "warning"), READING_A_FILE_AGAIN,
                         ids=[" ".join(args) for args, _, _ in READING_A_FILE_AGAIN])
def test_a_file_read_again_is_warned_of_once(plan: Path, args: list[str], code: int, warning: str) -> None:
    Path("warned.yaml").write_text(PLAN.replace('"3,00"', "3"), encoding="utf-8")
    result = invoke(args)
    assert result.exit_code == code
    lines = result.stderr.splitlines()
    assert lines.count(warning) == 1
    assert len(lines) == len(set(lines))
    refusals = [line for line in lines if VARIANT_ERROR in line or "（位于 warned.yaml 的 --variant 'a'）" in line]
    if refusals:
        # The file was read, and warned of, before its variant was refused: as sensitivity --grid's refusal follows it.
        assert lines.index(warning) < lines.index(refusals[0])


def test_a_warning_written_is_not_written_again_when_its_file_is_read_again(capsys: pytest.CaptureFixture[str]) -> None:
    from aigc_roi.cli.streams import flush_warnings, start_invocation, warn_at
    from aigc_roi.present.errors import in_file_order

    start_invocation(["run", "plan.yaml"])
    warn_at("plan.yaml", in_file_order(8, 13), WARNING, WARNING)
    # Something else written between two readings of the file (a note) writes the warnings held so far.
    flush_warnings()
    warn_at("plan.yaml", in_file_order(8, 13), WARNING, WARNING)
    flush_warnings()
    assert capsys.readouterr().err.splitlines() == [WARNING]
