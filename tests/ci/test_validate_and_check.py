"""`validate`, `check` and `check --base`: exit codes, outputs and annotations.

The scenarios are docs/formulas.md §11's worked example with its purchase price
and targets varied; its figures are derived by hand in the spec:
roas 0.875, roi -0.2125, cac 20, ltv_to_cac 0.7875, npv = net_cash = -4250,
payback none. At price 30 every figure triples in revenue: gross 52,500,
contribution 50,750, roi 1.5375, net cash 9,000 / 14,500 / 7,250 so
payback in month 1.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_runner import invoke
from typer.testing import Result

from aigc_roi.model.engine import evaluate
from aigc_roi.model.figures import figures_of
from aigc_roi.model.sampling import realize
from aigc_roi.model.targets import check_targets, within
from aigc_roi.present.ci_view import annotation, group
from aigc_roi.reader.load import load_text


def example(price: float = 10, targets: str = "", name: str = "Spec example") -> str:
    """docs/formulas.md §11, one purchase item at ``price``, with a ``targets:`` block."""
    text = (
        f"name: {name}\n"
        "horizon_months: 3\n"
        "acquisition:\n"
        "  - {name: CPA, type: cpa, bid: 20, users: 1000, months: 1}\n"
        "retention: {monthly_churn: 0.5}\n"
        "monetization:\n"
        "  purchases:\n"
        f"    - {{name: Item, price: {price}, rate: 1}}\n"
        "costs: {serving_per_active_user: 1}\n"
    )
    return text + ("targets:\n" + "".join(f"  {line}\n" for line in targets.split(";")) if targets else "")


LOSING = example(targets="min_roi: 0;max_cac: 25")  # line 11: min_roi, line 12: max_cac
WINNING = example(price=30, targets="max_payback_months: 1;min_roi: 1.5")
BROKEN = "name: Broken\nretention: {monthly_churn: 1.5}\nunknown_key: 1\n"



def run_cli(*args: str) -> Result:
    return invoke(list(args))


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


# --- targets -------------------------------------------------------------------


def outcomes(text: str) -> dict[str, tuple[float | int | None, bool]]:
    scenario = load_text(text, "s.yaml").scenario
    figures = figures_of(evaluate(realize(scenario)).figures)
    return {o.name: (o.actual, o.passed) for o in check_targets(scenario.targets, figures)}


def test_each_target_against_the_worked_example() -> None:
    checked = outcomes(example(targets="max_payback_months: 3;min_roi: -0.25;min_ltv_to_cac: 0.8;"
                                       "min_roas: 0.875;max_cac: 19.99;min_npv: -4250"))
    assert checked["max_payback_months"] == (None, False)  # never pays back: a missed target
    assert checked["min_roi"] == (pytest.approx(-0.2125), True)
    assert checked["min_ltv_to_cac"] == (pytest.approx(0.7875), False)
    assert checked["min_roas"] == (pytest.approx(0.875), True)  # exactly on the limit passes
    assert checked["max_cac"] == (pytest.approx(20), False)
    assert checked["min_npv"] == (pytest.approx(-4250), True)
    assert list(checked) == ["max_payback_months", "min_roi", "min_ltv_to_cac", "min_roas", "max_cac", "min_npv"]


def test_a_figure_within_1e_9_of_its_limit_meets_it() -> None:
    # docs/formulas.md §10: relative to the larger magnitude, or 1e-9 absolute for a limit of 0. The worked
    # example's npv is -4,250: 5e-10 short of a limit relatively is rounding, 2e-9 short is a miss.
    assert outcomes(example(targets=f"min_npv: {-4250 * (1 - 5e-10)!r}"))["min_npv"][1] is True
    assert outcomes(example(targets=f"min_npv: {-4250 * (1 - 2e-9)!r}"))["min_npv"][1] is False
    assert within(-1e-10, 0, "min") and not within(-2e-9, 0, "min")
    assert within(500.0, 500.0000001, "min") and not within(500.0, 500.000001, "min")


def test_payback_reached_meets_its_target() -> None:
    assert outcomes(WINNING) == {"max_payback_months": (1, True), "min_roi": (pytest.approx(1.5375), True)}


def test_no_targets_nothing_to_check() -> None:
    assert outcomes(example()) == {}


# --- validate ------------------------------------------------------------------


def test_validate_valid_folder(tmp_path: Path) -> None:
    write(tmp_path, {"a.yaml": LOSING, "sub/b.yml": WINNING, "notes.txt": "not a scenario"})
    result = run_cli("validate", str(tmp_path))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "2 files, 0 invalid, 0 errors\n"


def test_validate_reports_every_error_of_every_file(tmp_path: Path) -> None:
    write(tmp_path, {"a.yaml": LOSING, "b.yaml": BROKEN, "c.yaml": "name: [\n"})
    result = run_cli("validate", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == "3 files, 2 invalid, 3 errors\n"
    lines = result.stdout.splitlines()
    assert lines[0] == f"{tmp_path / 'b.yaml'}:2:28: retention.monthly_churn: expected a number from 0 to 1, found 1.5; did you mean 1.5%?"
    assert lines[1].startswith(f"{tmp_path / 'b.yaml'}:3:1: unknown_key: ")
    assert lines[2].startswith(f"{tmp_path / 'c.yaml'}:1:8: invalid YAML")
    assert len(lines) == 3


def test_validate_folders_sorted_hidden_skipped_duplicates_once(tmp_path: Path) -> None:
    write(tmp_path, {"z.yaml": LOSING, "b/a.yml": LOSING, "a.yaml": LOSING, ".hidden/x.yaml": BROKEN,
                     ".dot.yaml": BROKEN})
    result = run_cli("validate", str(tmp_path), str(tmp_path / "a.yaml"), "--format", "json")
    assert result.exit_code == 0
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == [
        str(tmp_path / "a.yaml"), str(tmp_path / "b" / "a.yml"), str(tmp_path / "z.yaml")]


def test_one_file_under_several_spellings_is_read_once_under_the_first(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"h/dup.yaml": BROKEN, "h/other.yaml": LOSING})
    (tmp_path / "h" / "link.yaml").symlink_to("dup.yaml")
    monkeypatch.chdir(tmp_path)
    result = run_cli("validate", "h/dup.yaml", "h/../h/dup.yaml", str(tmp_path / "h" / "dup.yaml"), "h")
    # BROKEN has two errors; dup.yaml and its link are one file, named as first given; other.yaml is valid.
    assert result.stdout.count("h/dup.yaml:") == 2 and "link.yaml" not in result.stdout and "../" not in result.stdout
    assert result.stderr == "2 files, 1 invalid, 2 errors\n"
    checked = run_cli("check", "h", "h/dup.yaml", "--format", "json")
    assert [error["file"] for error in json.loads(checked.stdout)["invalid"]] == ["h/dup.yaml", "h/dup.yaml"]


def test_a_symlinked_folder_below_a_folder_is_walked_once_and_a_loop_ends(tmp_path: Path) -> None:
    # A shared folder linked into scenarios/ was skipped: validate passed (exit 0) with its broken file unchecked.
    write(tmp_path, {"shared/broken.yaml": BROKEN, "w/real.yaml": LOSING})
    (tmp_path / "w" / "dirlink").symlink_to(tmp_path / "shared")
    (tmp_path / "w" / "again").symlink_to(tmp_path / "shared")
    (tmp_path / "shared" / "back").symlink_to(tmp_path / "w")
    result = run_cli("validate", str(tmp_path / "w"), "--format", "json")
    assert result.exit_code == 2
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == [
        str(tmp_path / "w" / "again" / "broken.yaml"), str(tmp_path / "w" / "real.yaml")]


def test_validate_missing_path_is_an_error(tmp_path: Path) -> None:
    result = run_cli("validate", str(tmp_path / "missing.yaml"))
    assert result.exit_code == 2
    assert result.stdout.startswith(f"{tmp_path / 'missing.yaml'}:1:1: cannot read file")
    assert result.stderr == "1 file, 1 invalid, 1 error\n"


def test_validate_folder_without_scenarios_is_an_error(tmp_path: Path) -> None:
    result = run_cli("validate", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == f"{tmp_path}: no *.yaml or *.yml files in this folder\n"


def test_validate_json(tmp_path: Path) -> None:
    write(tmp_path, {"a.yaml": LOSING, "b.yaml": BROKEN})
    result = run_cli("validate", str(tmp_path), "--format", "json")
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert data["summary"] == {"files": 2, "invalid": 1, "errors": 2, "unreadable_folders": 0}
    assert data["files"][0] == {"path": str(tmp_path / "a.yaml"), "kind": "file", "valid": True, "errors": [],
                                 "warnings": []}
    assert data["files"][1]["valid"] is False
    # "1.5" takes columns 28 to 30 of line 2.
    assert data["files"][1]["errors"][0] == {"line": 2, "column": 28, "end_line": 2, "end_column": 30,
                                             "path": "retention.monthly_churn", "rule": "invalid-value",
                                             "message": "expected a number from 0 to 1, found 1.5; did you mean 1.5%?"}


def test_validate_github_annotations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"b.yaml": BROKEN})
    monkeypatch.chdir(tmp_path)
    result = run_cli("validate", "b.yaml", "--format", "github")
    assert result.exit_code == 2
    lines = result.stdout.splitlines()
    assert lines[0] == "::group::b.yaml"
    # "%" is escaped as "%25" in GitHub workflow commands.
    assert lines[1] == ("::error file=b.yaml,line=2,endLine=2,col=28,endColumn=30,title=aigc-roi%3A invalid-value::"
                        "retention.monthly_churn: expected a number from 0 to 1, found 1.5; did you mean 1.5%25?")
    # unknown_key: 11 characters from column 1.
    assert lines[2].startswith("::error file=b.yaml,line=3,endLine=3,col=1,endColumn=11,title=aigc-roi%3A unknown-key::unknown_key: ")
    assert lines[3] == "::endgroup::"
    assert len(lines) == 4
    assert result.stderr == "1 file, 1 invalid, 2 errors\n"


def test_github_actions_selects_annotations_unless_a_format_is_given(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"b.yaml": BROKEN})
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    # Like yamllint: GITHUB_ACTIONS alone (a variable copied into a shell) is not GitHub Actions.
    assert run_cli("validate", str(tmp_path)).stdout.startswith(str(tmp_path))
    monkeypatch.setenv("GITHUB_WORKFLOW", "scenarios")
    assert run_cli("validate", str(tmp_path)).stdout.startswith("::group::")
    assert run_cli("check", str(tmp_path)).stdout.startswith("::group::")
    explicit = run_cli("validate", str(tmp_path), "--format", "text")
    assert "::error" not in explicit.stdout + explicit.stderr


def test_annotation_escaping() -> None:
    line = annotation("50% off", "a:b", "dir,x/a:b.yaml", 3, 4)
    assert line == "::error file=dir%2Cx/a%3Ab.yaml,line=3,col=4,title=a%3Ab::50%25 off\n"


def test_annotations_write_control_characters_out_as_the_text_format_does() -> None:
    """A line break is ``\\x0a`` in the message, the title and the file alike, as the text format's line writes it
    (README: names are data), never %0A, which GitHub shows as a break; a tab and an ESC are written out too, and the
    ``%`` GitHub requires is escaped after, so the written-out ``\\x0a`` is not read back as a break."""
    line = annotation("a\r\nb\tc\x1bd 5%", "x\ny:", "dir\n,x\x07.yaml", 3, 4)
    assert line == ("::error file=dir\\x0a%2Cx\\x07.yaml,line=3,col=4,title=x\\x0ay%3A::a\\x0d\\x0ab\\x09c\\x1bd 5%25\n")
    assert group("dir\n%.yaml", "body\n") == "::group::dir\\x0a%25.yaml\nbody\n::endgroup::\n"


def test_validate_path_imports_neither_engine_nor_pandas(tmp_path: Path) -> None:
    write(tmp_path, {"a.yaml": LOSING})
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from aigc_roi import api\n"
        f"results = api.validate([Path({str(tmp_path)!r})])\n"
        "assert results[0].loaded is not None\n"
        "print(sorted(m for m in ('pandas', 'aigc_roi.model.engine', 'aigc_roi.present.run_data') if m in sys.modules))\n"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True)
    assert done.stdout == "[]\n"


# --- check ---------------------------------------------------------------------


def test_check_all_targets_met(tmp_path: Path) -> None:
    write(tmp_path, {"win.yaml": WINNING, "plain.yaml": example()})
    result = run_cli("check", str(tmp_path))
    assert result.exit_code == 0
    assert result.stderr == "2 files, 0 invalid, 2 targets, 0 missed\n"
    # Findings only, as ruff and yamllint: nothing passed is listed unless asked for.
    assert result.stdout == ""
    for everything in (["--verbose"], ["-v"], ["--format", "table"]):
        shown = run_cli("check", str(tmp_path), *everything)
        assert shown.exit_code == 0
        assert "(no targets)" in shown.stdout and "max_payback_months" in shown.stdout


def test_check_a_missed_target_exits_1(tmp_path: Path) -> None:
    write(tmp_path, {"lose.yaml": LOSING, "win.yaml": WINNING})
    found = run_cli("check", str(tmp_path))
    assert found.exit_code == 1
    # The one miss, located on its line in targets: (line 11, column 12), and nothing else.
    assert found.stdout == (f"{tmp_path / 'lose.yaml'}:11:12: Spec example: targets.min_roi missed: "
                            "roi is -21.25%, must be >= 0.00%\n")
    assert found.stderr == "2 files, 0 invalid, 4 targets, 1 missed\n"
    result = run_cli("check", str(tmp_path), "--format", "table")
    assert result.exit_code == 1
    # The located line first, as text prints it, then the table.
    assert result.stdout.startswith(found.stdout)
    row = next(line for line in result.stdout.splitlines() if "min_roi" in line and "lose" in line and "│" in line)
    assert [cell.strip() for cell in row.split("│")[3:6]] == ["-21.25%", ">= 0.00%", "fail"]
    assert result.stderr == "2 files, 0 invalid, 4 targets, 1 missed\n"


def test_check_invalid_file_exits_2_and_still_checks_the_others(tmp_path: Path) -> None:
    write(tmp_path, {"bad.yaml": BROKEN, "lose.yaml": LOSING})
    result = run_cli("check", str(tmp_path))
    assert result.exit_code == 2
    assert result.stdout.startswith(f"{tmp_path / 'bad.yaml'}:2:28: ")
    assert "lose.yaml" in result.stdout
    assert result.stderr == "2 files, 1 invalid, 2 targets, 1 missed\n"


def test_check_json(tmp_path: Path) -> None:
    write(tmp_path, {"bad.yaml": BROKEN, "lose.yaml": LOSING})
    data = json.loads(run_cli("check", str(tmp_path), "--format", "json").stdout)
    assert data["passed"] is False
    assert [error["path"] for error in data["invalid"]] == ["retention.monthly_churn", "unknown_key"]
    [scenario] = data["scenarios"]
    assert scenario["path"] == str(tmp_path / "lose.yaml")
    assert scenario["scenario"] == "Spec example"
    assert scenario["passed"] is False
    # Where each target is written and what a miss says: tests/ci/test_check_json_locations.py.
    assert [{key: value for key, value in target.items() if key not in ("file", "option", "line", "column", "message")}
            for target in scenario["targets"]] == [
        {"name": "min_roi", "figure": "roi", "actual": pytest.approx(-0.2125), "limit": 0, "passed": False, "applicable": True,
         "not_applicable_reason": None, "new_since_base": None, "changed_here": None},
        {"name": "max_cac", "figure": "cac", "actual": pytest.approx(20), "limit": 25, "passed": True, "applicable": True,
         "not_applicable_reason": None, "new_since_base": None, "changed_here": None},
    ]


def test_check_github_annotates_the_missed_target_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"lose.yaml": LOSING, "bad.yaml": BROKEN})
    monkeypatch.chdir(tmp_path)
    result = run_cli("check", ".", "--format", "github")
    assert result.exit_code == 2
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert annotations[0] == "::group::bad.yaml"
    assert annotations[1].startswith("::error file=bad.yaml,line=2,endLine=2,col=28,endColumn=30,title=aigc-roi%3A invalid-value::")
    assert annotations[3:] == ["::endgroup::", "::group::lose.yaml",
                               "::error file=lose.yaml,line=11,col=12,title=aigc-roi check%3A min_roi::"
                               "Spec example: targets.min_roi missed: roi is -21.25%25, must be >= 0.00%25",
                               "::endgroup::"]


def test_github_error_from_a_set_option_points_at_the_whole_file(tmp_path: Path) -> None:
    # The option's line 1 is no line of the file: the annotation names the file alone, its message the option.
    write(tmp_path, {"a.yaml": LOSING})
    result = run_cli("check", str(tmp_path), "--set", "organic_users=-5", "--format", "github")
    assert result.exit_code == 2
    assert result.stdout.splitlines()[0] == (
        "::group::" + str(tmp_path / "a.yaml"))
    assert result.stdout.splitlines()[1] == (
        f"::error file={tmp_path / 'a.yaml'},title=aigc-roi%3A invalid-value::"
        "--set organic_users=-5:1:1: organic_users: expected a number >= 0, found -5")


def test_check_set_applies_to_every_file(tmp_path: Path) -> None:
    write(tmp_path, {"a.yaml": LOSING, "b.yaml": example(targets="min_roi: 0", name="Other")})
    assert run_cli("check", str(tmp_path)).exit_code == 1
    result = run_cli("check", str(tmp_path), "--set", "monetization.purchases[0].price=30")
    assert result.exit_code == 0, result.stdout


def test_check_bad_set_exits_2(tmp_path: Path) -> None:
    write(tmp_path, {"a.yaml": LOSING})
    assert run_cli("check", str(tmp_path), "--set", "no-equals-sign").exit_code == 2
    result = run_cli("check", str(tmp_path), "--set", "acquisition[5].bid=1")
    assert result.exit_code == 2
    assert "no item 5" in result.stdout


def test_check_markdown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"lose.yaml": LOSING})
    monkeypatch.chdir(tmp_path)
    result = run_cli("check", "lose.yaml", "--format", "markdown")
    assert result.exit_code == 1
    assert "| lose.yaml | min_roi | -21.25% | >= 0.00% | fail |" in result.stdout


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run_cli("check").exit_code == 2
    assert run_cli("validate").exit_code == 2
    assert run_cli("validate", str(tmp_path), "--format", "markdown").exit_code == 2


# --- check --base ----------------------------------------------------------------


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository with scenarios/spec.yaml (price 10) and scenarios/gone.yaml committed."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)  # no user hooks, signing or templates
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for key in ("GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"):
        monkeypatch.setenv(key, "Test")
    for key in ("GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"):
        monkeypatch.setenv(key, "test@example.com")
    write(tmp_path, {"scenarios/spec.yaml": example(price=10), "scenarios/gone.yaml": example(name="Gone")})
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "scenarios")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_base_before_after_change(repo: Path) -> None:
    write(repo, {"scenarios/spec.yaml": example(price=12), "scenarios/fresh.yaml": example(name="Fresh")})
    (repo / "scenarios" / "gone.yaml").unlink()
    result = run_cli("check", "scenarios", "--base", "HEAD", "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    # Price 10 -> 12: revenue 17,500 -> 21,000; contribution 15,750 -> 19,250;
    # roi -21.25% -> (19,250 - 20,000) / 20,000 = -3.75%; ltv 15.75 -> 19.25.
    assert "### scenarios/spec.yaml (Spec example): modified" in out
    assert "| gross_revenue | 17,500.00 | 21,000.00 | +3,500.00 (+20.0%) |" in out
    assert "| roi | -21.25% | -3.75% | +17.50 pp |" in out
    assert "| ltv | 15.75 | 19.25 | +3.50 (+22.2%) |" in out
    assert "| payback_month | never | never | — |" in out
    assert "| cac | 20.00 | 20.00 | 0.00 |" in out  # a change of money, 0 or not, in its decimals
    # An added or a removed file is one line, not a table of "new" or "removed" cells.
    assert "- scenarios/fresh.yaml (Fresh): new since HEAD\n" in out
    assert "- scenarios/gone.yaml (Gone): removed since HEAD\n" in out
    assert "| roi | new |" not in out and "| removed |" not in out
    assert out.index("scenarios/fresh") < out.index("scenarios/gone") < out.index("### scenarios/spec")
    # What moved each figure (#24): one change, so it carries the whole move: roi +17.50 pp, npv +3,500
    # (net cash -4,250 -> -750 at discount rate 0), peak cash need 11,000 -> 9,000 (month 1: -20,000 + 12,000 - 1,000).
    assert "### What moved each figure: scenarios/spec.yaml (Spec example)" in out
    # The markdown names the input by its item (the annotations and JSON keep the index).
    assert "| NPV | monetization.purchases[Item].price | 10 | 12 | +3,500.00 |" in out
    assert "| monetization.purchases[Item].price | 10 | 12 | +17.50 pp |" in out
    assert "| Peak cash need | monetization.purchases[Item].price | 10 | 12 | -2,000.00 |" in out
    assert out.endswith("they add up to the whole change.\n\n2 files, 0 invalid, 0 targets, 0 missed\n")


def test_base_json_numbers(repo: Path) -> None:
    write(repo, {"scenarios/spec.yaml": example(price=12)})
    data = json.loads(run_cli("check", "scenarios", "--base", "HEAD", "--format", "json").stdout)
    [change] = data["baseline"]["changes"]
    assert data["baseline"]["ref"] == "HEAD"
    assert (change["path"], change["status"]) == (str(Path("scenarios", "spec.yaml")), "modified")
    roas = change["figures"]["roas"]
    assert (roas["before"], roas["after"], roas["change"]) == pytest.approx((0.875, 1.05, 0.175))
    assert change["figures"]["payback_month"] == {"before": None, "after": None, "change": None}


def test_base_text_table_and_no_change(repo: Path) -> None:
    unchanged = run_cli("check", "scenarios", "--base", "HEAD")
    assert unchanged.exit_code == 0
    assert "No scenario changed since HEAD." in unchanged.stdout
    write(repo, {"scenarios/spec.yaml": example(price=12)})
    changed = run_cli("check", "scenarios", "--base", "HEAD")
    assert "scenarios/spec.yaml (Spec example): modified" in changed.stdout
    assert "17,500.00" in changed.stdout and "21,000.00" in changed.stdout


def test_base_sees_through_a_symlinked_folder(repo: Path) -> None:
    (repo / "linked").symlink_to("scenarios")
    git(repo, "add", "linked")
    git(repo, "commit", "-q", "-m", "link")
    write(repo, {"scenarios/spec.yaml": example(price=12)})
    data = json.loads(run_cli("check", "linked", "--base", "HEAD", "--format", "json").stdout)
    assert [change["path"] for change in data["baseline"]["changes"]] == [str(Path("linked", "spec.yaml"))]


def test_base_invalid_before_reads_invalid(repo: Path) -> None:
    write(repo, {"scenarios/spec.yaml": BROKEN})
    git(repo, "commit", "-q", "-am", "break it")
    write(repo, {"scenarios/spec.yaml": example()})
    result = run_cli("check", "scenarios", "--base", "HEAD", "--format", "markdown")
    assert result.exit_code == 0
    assert "| roi | invalid | -21.25% | — |" in result.stdout


def test_base_unknown_ref_exits_2(repo: Path) -> None:
    result = run_cli("check", "scenarios", "--base", "no-such-branch")
    assert result.exit_code == 2
    assert result.stderr == "aigc-roi: --base: unknown git revision 'no-such-branch'\n"
    assert result.stdout == ""


def test_base_unknown_in_a_shallow_clone_says_to_fetch_the_history(repo: Path, tmp_path_factory: pytest.TempPathFactory,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # actions/checkout fetches one commit unless told fetch-depth: 0; HEAD~1 and the base branch are then unknown.
    write(repo, {"scenarios/spec.yaml": example(price=12)})
    git(repo, "commit", "-q", "-am", "price 12")
    clone = tmp_path_factory.mktemp("clone")
    git(clone, "clone", "-q", "--depth", "1", f"file://{repo}", ".")
    monkeypatch.chdir(clone)
    result = run_cli("check", "scenarios", "--base", "HEAD~1")
    assert result.exit_code == 2
    assert result.stderr == ("aigc-roi: --base: unknown git revision 'HEAD~1'; this clone is shallow: fetch the "
                             "history (actions/checkout fetch-depth: 0)\n")
    assert run_cli("check", "scenarios", "--base", "HEAD~1", "--lang", "zh").stderr == (
        "aigc-roi: --base：未知的 git 版本 'HEAD~1'；这是浅克隆：请获取完整历史（actions/checkout 的 fetch-depth: 0）\n")


def test_base_outside_a_repository_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))  # no repository found above
    write(tmp_path, {"a.yaml": LOSING})
    result = run_cli("check", str(tmp_path), "--base", "HEAD")
    assert result.exit_code == 2
    assert result.stderr == f"aigc-roi: --base: {tmp_path} is not inside a git repository\n"


def test_base_marks_new_misses_apart_and_points_at_the_changed_driver(repo: Path) -> None:
    # At HEAD: win.yaml pays back in month 1 at price 30 (roi 153.75%), and old.yaml already
    # misses min_roi 0 (roi -21.25%). The change drops win.yaml's price to 10: roi -21.25%,
    # payback never -> both of its targets are newly missed; old.yaml's miss is not new.
    write(repo, {"scenarios/win.yaml": WINNING, "scenarios/old.yaml": LOSING})
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "targets")
    write(repo, {"scenarios/win.yaml": WINNING.replace("price: 30", "price: 10")})

    text = run_cli("check", "scenarios", "--base", "HEAD", "--format", "markdown")
    assert text.exit_code == 1
    assert "| scenarios/win.yaml | max_payback_months | never | <= 1 | fail (new) |" in text.stdout
    assert "| scenarios/win.yaml | min_roi | -21.25% | >= 150.00% | fail (new) |" in text.stdout
    assert "| scenarios/old.yaml | min_roi | -21.25% | >= 0.00% | fail (at HEAD) |" in text.stdout
    assert "| payback_month | 1 | never | worse: never |" in text.stdout

    github = run_cli("check", "scenarios", "--base", "HEAD", "--format", "github").stdout.splitlines()
    price_line = WINNING.splitlines()[7]  # line 8: "    - {name: Item, price: 30, rate: 1}"
    column = price_line.index("30") + 1
    new_miss = next(line for line in github if "win.yaml" in line and "min_roi" in line)
    assert new_miss.startswith(f"::error file=scenarios/win.yaml,line=8,endLine=8,col={column},endColumn={column + 1},"
                               "title=aigc-roi check%3A min_roi::")
    assert new_miss.endswith("(new since HEAD); changed here: monetization.purchases[0].price 30 -> 10")
    old_miss = next(line for line in github if "old.yaml" in line and "min_roi" in line)
    assert old_miss.startswith("::error file=scenarios/old.yaml,line=11,col=12,")  # its own targets line
    assert old_miss.endswith("(also missed at HEAD)")


def test_base_annotation_sits_on_the_input_that_moved_the_figure_most(repo: Path) -> None:
    # Two changes: the bid 20 -> 21 (line 4, first in the file) and the price 30 -> 10 (line 8).
    # Ad spend rises by 1,000 (1,000 users x 1) while revenue falls by 35,000 (3,500 purchases x 20):
    # the price moved roi furthest down, so min_roi points at the price; only the bid moves cac
    # (= bid, users given), so max_cac points at the bid.
    before = example(price=30, targets="min_roi: 1.5;max_cac: 20.5")
    write(repo, {"scenarios/win.yaml": before})
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "targets")
    write(repo, {"scenarios/win.yaml": before.replace("price: 30", "price: 10").replace("bid: 20", "bid: 21")})
    github = run_cli("check", "scenarios/win.yaml", "--base", "HEAD", "--format", "github").stdout.splitlines()
    roi = next(line for line in github if "min_roi" in line)
    cac = next(line for line in github if "max_cac" in line)
    assert roi.startswith("::error file=scenarios/win.yaml,line=8,") and roi.endswith("monetization.purchases[0].price 30 -> 10")
    assert cac.startswith("::error file=scenarios/win.yaml,line=4,") and cac.endswith("acquisition[0].bid 20 -> 21")


@pytest.mark.parametrize(("command", "format_"), [
    ("validate", "text"), ("validate", "json"), ("validate", "github"),
    ("check", "text"), ("check", "json"), ("check", "github"), ("check", "table"), ("check", "markdown")])
def test_an_invalid_file_is_never_refused_in_silence(tmp_path: Path, command: str, format_: str) -> None:
    # Found by the fuzz test: `check FILE --set acquisition[0].bid=0100 --format json` exited 2 with nothing on
    # stderr. The tally goes to stderr in every format; stdout keeps its one document.
    path = tmp_path / "bad.yaml"
    path.write_text(example().replace("bid: 20", "bid: -1"), encoding="utf-8")
    result = run_cli(command, str(path), "--format", format_)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1].startswith("1 file, 1 invalid")
    if format_ == "json":
        assert json.loads(result.stdout)
