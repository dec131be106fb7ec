"""`check` locates a target a --set wrote at that --set, as the option's own errors are, and lists such targets after
the file's in the order the options were given (docs/ci.md).

QA: `check chk.yaml --set 'targets.milestones[0].subscribers=9999999'` reported the missed milestone at the file's
line 15, which says `subscribers: 100000`, while a `--set targets.min_roi=5` target had no location at all.

The plan is docs/formulas.md §11's worked example (tests/ci/test_validate_and_check.py): 1,000 users in month 1 at a
bid of 20, then 500 and 250 active (churn 0.5); roi -21.25%, cac 20, roas 17,500 / 20,000 = 0.875. Its targets, lines
11-13: the milestone of 400 active users in month 2 (500: met), max_cac 25 (met), min_roi 0 (missed).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke
from test_validate_and_check import example, write

from aigc_roi.ci import checks, parallel
from aigc_roi.ci.parallel import validate_and_check
from aigc_roi.reader.overrides import parse_override

PLAN = example(targets="milestones: [{month: 2, active_users: 400}];max_cac: 25;min_roi: 0")
ROI = "plan.yaml:13:12: Spec example: targets.min_roi missed: roi is -21.25%, must be >= 0.00%"
BOUND = "--set targets.milestones[0].active_users=600"
BOUND_MISSED = "Spec example: milestone active_users@2 missed: active_users in month 2 is 500, must be >= 600"
ROAS = "--set targets.min_roas=2"
ROAS_MISSED = "Spec example: targets.min_roas missed: roas is 0.88, must be >= 2.00"


def _check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, list[str], str]:
    write(tmp_path, {"plan.yaml": PLAN})
    monkeypatch.chdir(tmp_path)
    result = invoke(["check", "plan.yaml", *args])
    return result.exit_code, result.stdout.splitlines(), result.stderr


@pytest.mark.parametrize(("sets", "lines"), [
    # The milestone's bound: line 11 says 400, so the miss is the option's, after the file's min_roi.
    ([BOUND], [ROI, f"plan.yaml: {BOUND}:1:1: {BOUND_MISSED}"]),
    # Its month: 250 active in month 3.
    (["--set targets.milestones[0].month=3"],
     [ROI, "plan.yaml: --set targets.milestones[0].month=3:1:1: Spec example: milestone active_users@3 missed: "
           "active_users in month 3 is 250, must be >= 400"]),
    # The whole milestone.
    (["--set targets.milestones[0]={month: 3, active_users: 300}"],
     [ROI, "plan.yaml: --set targets.milestones[0]={month: 3, active_users: 300}:1:1: Spec example: milestone "
           "active_users@3 missed: active_users in month 3 is 250, must be >= 300"]),
    # A target the file does not write, and one it does (min_roi 0 on line 13).
    ([ROAS], [ROI, f"plan.yaml: {ROAS}:1:1: {ROAS_MISSED}"]),
    (["--set targets.min_roi=0.5"],
     ["plan.yaml: --set targets.min_roi=0.5:1:1: Spec example: targets.min_roi missed: roi is -21.25%, "
      "must be >= 50.00%"]),
    # Two: in the order given, either way.
    ([BOUND, ROAS], [ROI, f"plan.yaml: {BOUND}:1:1: {BOUND_MISSED}", f"plan.yaml: {ROAS}:1:1: {ROAS_MISSED}"]),
    ([ROAS, BOUND], [ROI, f"plan.yaml: {ROAS}:1:1: {ROAS_MISSED}", f"plan.yaml: {BOUND}:1:1: {BOUND_MISSED}"]),
], ids=["bound", "month", "milestone", "absent-target", "file-target", "bound-then-roas", "roas-then-bound"])
def test_a_target_a_set_wrote_is_located_at_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sets: list[str],
                                               lines: list[str]) -> None:
    code, stdout, _ = _check(tmp_path, monkeypatch, *(part for given in sets for part in given.split(" ", 1)))
    assert code == 1
    assert stdout == lines


def test_in_chinese_the_location_is_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, stdout, _ = _check(tmp_path, monkeypatch, "--set", BOUND.split(" ")[1], "--lang", "zh")
    assert stdout[0].startswith("plan.yaml:13:12: Spec example：targets.min_roi 未达成")
    assert stdout[1].startswith(f"plan.yaml: {BOUND}:1:1: Spec example：active_users@2 里程碑 未达成：")
    assert stdout[1].endswith("500，应 >= 600")


def test_json_names_the_option(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, stdout, _ = _check(tmp_path, monkeypatch, "--set", ROAS.split(" ")[1], "--set", BOUND.split(" ")[1],
                          "--format", "json")
    targets = json.loads("\n".join(stdout))["scenarios"][0]["targets"]
    assert [(target["name"], target["option"], target["line"], target["column"]) for target in targets] == [
        ("max_cac", None, 12, 12), ("min_roi", None, 13, 12), ("min_roas", ROAS, 1, 1),
        ("milestone active_users@2", BOUND, 1, 1)]


def test_github_annotates_the_file_led_by_the_option(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, stdout, _ = _check(tmp_path, monkeypatch, "--set", BOUND.split(" ")[1], "--format", "github")
    assert (f"::error file=plan.yaml,title=aigc-roi check%3A milestone active_users@2::{BOUND}:1:1: {BOUND_MISSED}"
            in stdout)


def test_a_payback_target_past_the_horizon_warns_at_the_option(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Never paid back in the 3 months; the target of 6 is past them.
    _, stdout, stderr = _check(tmp_path, monkeypatch, "--set", "targets.max_payback_months=6")
    assert stdout[-1].startswith("plan.yaml: --set targets.max_payback_months=6:1:1: Spec example: "
                                 "targets.max_payback_months missed: payback_month is never")
    assert "plan.yaml: --set targets.max_payback_months=6:1:1: targets.max_payback_months: the payback target" in stderr


def test_workers_locate_them_as_one_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {f"s{i}.yaml": PLAN for i in range(3)})
    monkeypatch.setattr(checks, "POOL_FROM", 2)
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    sets = tuple(parse_override(given.split(" ")[1]) for given in (ROAS, BOUND))
    for workers in (1, 2):
        _, checked = validate_and_check(sorted(tmp_path.iterdir()), sets, 100, 0, workers=workers)
        assert [[(outcome.name, item.target_location(outcome)) for outcome in item.outcomes] for item in checked] == [[
            ("max_cac", (12, 12, None)), ("min_roi", (13, 12, None)), ("min_roas", (1, 1, ROAS)),
            ("milestone active_users@2", (1, 1, BOUND))]] * 3
