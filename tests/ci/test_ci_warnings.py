"""A valid file's warnings in the machine formats of `validate` and `check`: a ``::warning`` annotation in github
(not a line on stderr too), an entry of the JSON document beside the errors (and the stderr line), a section of the
markdown document; text keeps its lines. Every kind: a gate that cannot do what a gate is for, a payback target past
the horizon, a range whose draws were clipped. None changes an exit code; -q drops stderr lines only, where text puts
every kind."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from cli_runner import invoke
from gate_plans import EVERY_GATE_WARNING

from aigc_roi.ci import checks
from aigc_roi.ci.rules import OTHER_WARNING, warning_rule_of
from aigc_roi.reader.load import load_text

GATE = "  - {name: G, after_month: 2, channels: [Early], min_roas: 1, then: []}"
PLAN = f"""\
name: Gated
horizon_months: 6
acquisition:
  - {{name: Early, type: cpa, bid: 10, budget: 1000, months: 1-2}}
  - {{name: Late, type: cpa, bid: 10, budget: 1000, months: 3-6}}
retention: {{monthly_churn: 0.5}}
monetization:
  purchases: [{{name: Item, price: 10, rate: 1}}]
gates:
{GATE}
"""
GATE_AT = (10, GATE.index("[]") + 1)
"""``then: []`` of the gate on line 10: Early runs in months 1-2 alone, so after month 2 nothing runs to stop."""
STOPS_NOTHING = ("no channel of this gate runs after month 2: it stops nothing whether the test passes or fails; "
                 "name in 'then' the channels the test decides")
STOPS_NOTHING_ZH = "此闸门的渠道在第 2 月之后都不投放：无论测试是否通过都不会停止任何投放；请在 'then' 中列出由测试决定的渠道"

BID = '  - {name: Ads, type: cpa, bid: "-10..30", budget: 1000}'
CLIPPED = f"""\
name: Clipped
horizon_months: 6
acquisition:
{BID}
retention: {{monthly_churn: 0.5}}
monetization:
  purchases: [{{name: Item, price: 10, rate: 1}}]
targets:
  max_payback_months: 12
  min_payback_probability: 0
"""
"""A bid of -10..30 (median 10, in its domain) has draws below the smallest bid, which the simulation of
min_payback_probability clips; both payback targets lie past the 6-month horizon, so both are judged by it."""
BID_AT = (4, BID.index('"') + 1)
MONTHS_AT = (9, len("  max_payback_months: ") + 1)
CHANCE_AT = (10, len("  min_payback_probability: ") + 1)
MONTH_PAST = ("the payback target of 12 months is past the 6-month horizon: payback is judged by month 6, so a plan "
              "that pays back after it reads as never, a miss; set horizon_months to at least 12 to judge the target")
CHANCE_PAST = ("the payback target of 12 months is past the 6-month horizon: payback is counted by month 6, so a chance "
               "of payback is the chance by month 6, a lower bound of the chance by month 12; set horizon_months to at "
               "least 12 to judge the target")
DRAWS = re.compile(r"\d+\.\d\d% of the draws \([\d,]+ of 400\) fell below 1e-06 and were clipped to it; "
                   "the figures include them")
SAMPLES = ["--samples", "400"]


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


@pytest.fixture
def clipped(tmp_path: Path) -> Path:
    path = tmp_path / "clipped.yaml"
    path.write_text(CLIPPED, encoding="utf-8")
    return path


def entry(file: Path | None, at: tuple[int, int], path: str, rule: str, message: str) -> dict[str, object]:
    """A warning as JSON lists it: ``file`` None for validate's, listed under its file."""
    where = {} if file is None else {"file": str(file), "option": None}
    return {**where, "line": at[0], "column": at[1], "end_line": None, "end_column": None, "path": path,
            "rule": rule, "message": message}


def test_validate_annotates_a_warning_in_github_and_not_on_stderr_too(plan: Path) -> None:
    result = invoke(["validate", str(plan), "--format", "github"])
    assert result.exit_code == 0
    assert result.stdout == (f"::group::{plan}\n"
                             f"::warning file={plan},line={GATE_AT[0]},col={GATE_AT[1]},"
                             f"title=aigc-roi%3A gate-stops-nothing::gates[0].then: {STOPS_NOTHING}\n::endgroup::\n")
    assert result.stderr == "1 file, 0 invalid, 0 errors\n"


def test_validate_lists_a_warning_in_json_beside_the_errors(plan: Path) -> None:
    result = invoke(["validate", str(plan), "--format", "json"])
    assert result.exit_code == 0
    [file] = json.loads(result.stdout)["files"]
    assert file["errors"] == []
    assert file["warnings"] == [entry(None, GATE_AT, "gates[0].then", "gate-stops-nothing", STOPS_NOTHING)]
    # stdout is for a program; the person reading the log still gets the line.
    assert f"{plan}:{GATE_AT[0]}:{GATE_AT[1]}: gates[0].then: {STOPS_NOTHING}" in result.stderr.splitlines()


def test_validate_json_lists_no_warning_of_a_file_without_any(tmp_path: Path) -> None:
    path = tmp_path / "plain.yaml"
    path.write_text(PLAN.replace("then: []", "then: [Late]"), encoding="utf-8")
    [file] = json.loads(invoke(["validate", str(path), "--format", "json"]).stdout)["files"]
    assert file["warnings"] == []


def test_check_json_lists_every_kind_of_warning_file_by_file(plan: Path, clipped: Path) -> None:
    result = invoke(["check", str(plan), str(clipped), "--format", "json", *SAMPLES])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["invalid"] == []
    # Each file's in file order: the bid on line 4 before the targets on lines 9 and 10.
    draws = data["warnings"].pop(1)
    assert data["warnings"] == [
        entry(plan, GATE_AT, "gates[0].then", "gate-stops-nothing", STOPS_NOTHING),
        entry(clipped, MONTHS_AT, "targets.max_payback_months", "payback-past-horizon", MONTH_PAST),
        entry(clipped, CHANCE_AT, "targets.min_payback_probability", "payback-past-horizon", CHANCE_PAST),
    ]
    assert DRAWS.fullmatch(draws.pop("message"))
    assert draws == {key: value for key, value in entry(clipped, BID_AT, "acquisition[0].bid", "draws-clipped", "").items()
                     if key != "message"}


def test_check_annotates_every_kind_of_warning_in_github(plan: Path, clipped: Path) -> None:
    result = invoke(["check", str(plan), str(clipped), "--format", "github", *SAMPLES])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[:3] == [f"::group::{plan}",
                         f"::warning file={plan},line={GATE_AT[0]},col={GATE_AT[1]},"
                         f"title=aigc-roi%3A gate-stops-nothing::gates[0].then: {STOPS_NOTHING}",
                         "::endgroup::"]
    assert lines[3] == f"::group::{clipped}"
    # In file order, each where its value is written: the clipped draws of the bid (line 4), then the targets' warnings.
    prefix = f"::warning file={clipped},line={BID_AT[0]},col={BID_AT[1]},title=aigc-roi%3A draws-clipped::acquisition[0].bid: "
    assert lines[4].startswith(prefix) and DRAWS.fullmatch(lines[4][len(prefix):].replace("%25", "%"))
    assert lines[5].startswith(f"::warning file={clipped},line={MONTHS_AT[0]},col={MONTHS_AT[1]},"
                               "title=aigc-roi check%3A max_payback_months::")
    assert lines[6].startswith(f"::warning file={clipped},line={CHANCE_AT[0]},col={CHANCE_AT[1]},")
    assert lines[7:] == ["::endgroup::"]
    # Annotated, so not said again on stderr: the job log shows both.
    assert result.stderr == "2 files, 0 invalid, 2 targets, 0 missed\n"


def test_check_markdown_has_a_section_of_warnings(plan: Path, clipped: Path) -> None:
    result = invoke(["check", str(plan), str(clipped), "--format", "markdown", *SAMPLES])
    assert result.exit_code == 0
    section = result.stdout.split("### Warnings\n\n```text\n", 1)[1].split("```\n", 1)[0].splitlines()
    draws = section.pop(1)
    assert section == [f"{plan}:{GATE_AT[0]}:{GATE_AT[1]}: gates[0].then: {STOPS_NOTHING}",
                       f"{clipped}:{MONTHS_AT[0]}:{MONTHS_AT[1]}: targets.max_payback_months: {MONTH_PAST}",
                       f"{clipped}:{CHANCE_AT[0]}:{CHANCE_AT[1]}: targets.min_payback_probability: {CHANCE_PAST}"]
    located = f"{clipped}:{BID_AT[0]}:{BID_AT[1]}: acquisition[0].bid: "
    assert draws.startswith(located) and DRAWS.fullmatch(draws[len(located):])


def test_check_markdown_without_warnings_has_no_such_section(tmp_path: Path) -> None:
    path = tmp_path / "plain.yaml"
    path.write_text(PLAN.replace("then: []", "then: [Late]"), encoding="utf-8")
    assert "Warnings" not in invoke(["check", str(path), "--format", "markdown"]).stdout


@pytest.mark.parametrize("format_", ["text", "table", "json", "github", "markdown"])
@pytest.mark.parametrize(("targets", "code"), [("", 0), ("  min_roi: 100\n", 1)])
def test_warnings_change_no_exit_code(plan: Path, clipped: Path, tmp_path: Path, format_: str, targets: str,
                                      code: int) -> None:
    # min_roi: 100 is an roi of 10,000%: missed. An invalid file beside them makes it 2 whatever else is found.
    clipped.write_text(CLIPPED + targets, encoding="utf-8")
    assert invoke(["check", str(plan), str(clipped), "--format", format_, *SAMPLES]).exit_code == code
    broken = tmp_path / "broken.yaml"
    broken.write_text("name: x\n", encoding="utf-8")
    assert invoke(["check", str(plan), str(clipped), str(broken), "--format", format_, *SAMPLES]).exit_code == 2
    if format_ in ("text", "json", "github"):
        assert invoke(["validate", str(plan), "--format", format_]).exit_code == 0


def test_quiet_drops_the_stderr_lines_and_never_the_document(plan: Path, clipped: Path) -> None:
    args = ["check", str(plan), str(clipped), *SAMPLES]
    assert invoke([*args, "-q"]).stderr == ""
    assert invoke(["validate", str(plan), "-q"]).stderr == ""
    for format_ in ("json", "github", "markdown"):
        loud, quiet = invoke([*args, "--format", format_]), invoke([*args, "--format", format_, "-q"])
        assert (quiet.stdout, quiet.stderr) == (loud.stdout, ""), format_
    loud, quiet = (invoke(["validate", str(plan), "--format", "github", *q]) for q in ([], ["-q"]))
    assert "::warning " in quiet.stdout and quiet.stdout == loud.stdout


def test_annotations_read_in_chinese_and_json_stays_english(plan: Path, clipped: Path) -> None:
    result = invoke(["validate", str(plan), "--format", "github", "--lang", "zh"])
    assert f"title=aigc-roi%3A gate-stops-nothing::gates[0].then: {STOPS_NOTHING_ZH}\n" in result.stdout
    github = invoke(["check", str(clipped), "--format", "github", "--lang", "zh", *SAMPLES]).stdout
    assert "title=aigc-roi%3A draws-clipped::acquisition[0].bid: " in github
    assert "的抽样值（400 个中的" in github and "已截断为 1e-06" in github
    markdown = invoke(["check", str(plan), "--format", "markdown", "--lang", "zh"]).stdout
    assert f"### 警告\n\n```text\n{plan}:{GATE_AT[0]}:{GATE_AT[1]}: gates[0].then: {STOPS_NOTHING_ZH}\n```" in markdown
    data = json.loads(invoke(["check", str(plan), "--format", "json", "--lang", "zh"]).stdout)
    assert [warning["message"] for warning in data["warnings"]] == [STOPS_NOTHING]


def test_a_warning_in_a_set_option_names_it_and_points_at_the_file(tmp_path: Path) -> None:
    path = tmp_path / "plain.yaml"
    path.write_text(PLAN.replace("then: []", "then: [Late]"), encoding="utf-8")
    option = "--set gates[0].then=[]"
    args = ["check", str(path), "--set", "gates[0].then=[]"]
    [warning] = json.loads(invoke([*args, "--format", "json"]).stdout)["warnings"]
    assert (warning["file"], warning["option"], warning["path"], warning["rule"]) == (
        str(path), option, "gates[0].then", "gate-stops-nothing")
    github = invoke([*args, "--format", "github"]).stdout
    # The after_month it reads, as an error of a value an option wrote names the file's values it is over.
    after_month = f"{path}:10:{GATE.index('2,') + 1}"
    assert (f"::warning file={path},title=aigc-roi%3A gate-stops-nothing::{option}:{warning['line']}:"
            f"{warning['column']}: gates[0].then: {STOPS_NOTHING} (with the file at {after_month})\n") in github


def test_workers_report_what_one_process_reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Workers send no tree back (ci/parallel.py): each warning is located where the file was read.
    for i in range(3):
        (tmp_path / f"plan{i}.yaml").write_text(PLAN, encoding="utf-8")
        (tmp_path / f"clipped{i}.yaml").write_text(CLIPPED, encoding="utf-8")
    monkeypatch.setattr(checks, "POOL_FROM", 2)
    alone, pooled = (json.loads(invoke(["check", str(tmp_path), "--format", "json", "--jobs", jobs, *SAMPLES]).stdout)
                     for jobs in ("1", "2"))
    assert pooled["warnings"] == alone["warnings"]
    assert [(w["rule"], w["line"], w["column"]) for w in pooled["warnings"][:4]] == [
        ("draws-clipped", *BID_AT), ("payback-past-horizon", *MONTHS_AT), ("payback-past-horizon", *CHANCE_AT),
        ("draws-clipped", *BID_AT)]




@pytest.mark.parametrize("format_", ["text", "table"])
def test_text_puts_every_kind_of_warning_on_stderr_where_quiet_drops_it(plan: Path, clipped: Path, format_: str) -> None:
    # A payback target past the horizon is a diagnostic as a gate's or a clipped draw's warning is: stdout holds
    # findings alone, so every target met prints no line there (the table alone with --format table).
    args = ["check", str(plan), str(clipped), "--format", format_, *SAMPLES]
    loud, quiet = invoke(args), invoke([*args, "-q"])
    assert (loud.exit_code, quiet.exit_code) == (0, 0)
    lines = loud.stderr.splitlines()
    draws = lines.pop(1)
    assert lines == [f"{plan}:{GATE_AT[0]}:{GATE_AT[1]}: gates[0].then: {STOPS_NOTHING}",
                     f"{clipped}:{MONTHS_AT[0]}:{MONTHS_AT[1]}: targets.max_payback_months: {MONTH_PAST}",
                     f"{clipped}:{CHANCE_AT[0]}:{CHANCE_AT[1]}: targets.min_payback_probability: {CHANCE_PAST}",
                     "2 files, 0 invalid, 2 targets, 0 missed"]
    located = f"{clipped}:{BID_AT[0]}:{BID_AT[1]}: acquisition[0].bid: "
    assert draws.startswith(located) and DRAWS.fullmatch(draws[len(located):])
    assert "set horizon_months" not in loud.stdout and quiet.stdout == loud.stdout and quiet.stderr == ""
    if format_ == "text":
        assert loud.stdout == ""


def test_workers_locate_a_range_a_set_option_wrote_as_one_process_does(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    # The bid of -10..30 comes from --set: its clipped draws are located in the option (1:1, as an error in one is),
    # led by the file.
    for i in range(3):
        (tmp_path / f"c{i}.yaml").write_text(CLIPPED.replace('"-10..30"', "10"), encoding="utf-8")
    monkeypatch.setattr(checks, "POOL_FROM", 2)
    option = "--set acquisition[0].bid=-10..30"
    args = ["check", str(tmp_path), "--set", "acquisition[0].bid=-10..30", *SAMPLES]
    alone, pooled = (json.loads(invoke([*args, "--format", "json", "--jobs", jobs]).stdout) for jobs in ("1", "2"))
    assert pooled["warnings"] == alone["warnings"]
    draws = [w for w in pooled["warnings"] if w["rule"] == "draws-clipped"]
    assert [(w["file"], w["option"], w["line"], w["column"]) for w in draws] == [
        (str(tmp_path / f"c{i}.yaml"), option, 1, 1) for i in range(3)]
    texts = [invoke([*args, "--jobs", jobs]).stderr for jobs in ("1", "2")]
    assert texts[0] == texts[1]
    assert f"{tmp_path / 'c0.yaml'}: {option}:1:1: acquisition[0].bid: " in texts[1]


def test_every_kind_of_gate_warning_has_a_named_rule() -> None:
    found = load_text(EVERY_GATE_WARNING, "plan.yaml").warnings
    assert [(warning.path, warning_rule_of(warning)) for warning in found] == [
        ("gates[0].channels", "gate-unobserved"), ("gates[1].channels[1]", "gate-unobserved"),
        ("gates[1].then[1]", "gate-stops-nothing"), ("gates[2]", "gate-stops-nothing")]
    assert OTHER_WARNING not in {warning_rule_of(warning) for warning in found}
