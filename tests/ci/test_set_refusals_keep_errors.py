"""A ``--set`` refused before the file is read with it keeps the file's own errors in `check`'s record, beside its
warnings and the refusal, as one the reading refuses does: with a ``budgte:`` typo and two channels named B,
``check f.yaml --set 'Plan.价格=29'`` showed the refusal and the shared-name warning but not ``unknown key
'budgte'``, where ``--set 'Plan.pric=29'`` showed both (docs/ci.md: a file is fixed in one pass). `run` still refuses
such an option in its one line."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from cli_runner import invoke
from test_set_refusals_keep_warnings import REFUSED_BEFORE_READING, REFUSED_BY_READING

from aigc_roi import api
from aigc_roi.model.errors import ScenarioInvalid

PLAN = """name: x
currency: EUR
retention: {monthly_churn: 0.5}
acquisition:
  - name: B
    type: cpa
    bid: 3
    budget: 1000
  - name: B
    type: cpa
    bid: 4
    budgte: 1000
monetization:
  plans:
    - {name: Plan, price: 9, period: month, conversion: 0.05}
"""
# The second channel opens on line 9 ("  - name: B", its mapping at column 5) and lacks a budget; its "budgte" key is
# line 12, column 5. Its name's value is line 9, column 11 (the warning).
# The kinds of refusal are test_set_refusals_keep_warnings' lists: a kind added there is tested for the errors too.
MISSING = "plan.yaml:9:5: acquisition[1]: missing 'budget' or 'users'"
UNKNOWN = "plan.yaml:12:5: acquisition[1].budgte: unknown key 'budgte'; did you mean 'budget'?"
FILE_ERRORS = [(None, 9, 5, "acquisition[1]"), (None, 12, 5, "acquisition[1].budgte")]
WARNING = "plan.yaml:9:11: acquisition[1].name: 'B' is also acquisition[0]'s name (line 5)"



@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


@pytest.mark.parametrize("setting", REFUSED_BEFORE_READING + REFUSED_BY_READING)
def test_check_json_keeps_the_files_errors(plan: Path, setting: str) -> None:
    result = invoke(["check", "plan.yaml", "--set", setting, "-f", "json"])
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    # The file's two errors in its order, then the option's refusal: three errors, one invalid file.
    assert [(error["option"], error["line"], error["column"], error["path"]) for error in document["invalid"][:2]] \
        == FILE_ERRORS
    assert [error["option"] for error in document["invalid"][2:]] == [f"--set {setting}"]
    assert document["invalid"][1]["rule"] == "unknown-key"
    assert [(w["line"], w["column"]) for w in document["warnings"]] == [(9, 11)]
    assert (document["summary"]["invalid"], document["summary"]["errors"]) == (1, 3)


@pytest.mark.parametrize("setting", REFUSED_BEFORE_READING + REFUSED_BY_READING)
def test_check_text_keeps_the_files_errors(plan: Path, setting: str) -> None:
    result = invoke(["check", "plan.yaml", "--set", setting])
    assert result.exit_code == 2
    missing, unknown, refusal = result.stdout.splitlines()
    assert (missing.startswith(MISSING), unknown, refusal.startswith(f"plan.yaml: --set {setting}:1:")) == \
        (True, UNKNOWN, True)
    assert sum(line.startswith(WARNING) for line in result.stderr.splitlines()) == 1


@pytest.mark.parametrize("setting", ["Plan.价格=29", "Nope.price=29"])
def test_check_github_and_markdown_keep_the_files_errors(plan: Path, setting: str) -> None:
    github = invoke(["check", "plan.yaml", "--set", setting, "-f", "github"]).stdout.splitlines()
    assert [line.split("::")[1].split(",title=")[0] for line in github if line.startswith("::error ")] == [
        "error file=plan.yaml,line=9,col=5", "error file=plan.yaml,line=12,endLine=12,col=5,endColumn=10",
        "error file=plan.yaml"]
    markdown = invoke(["check", "plan.yaml", "--set", setting, "-f", "markdown"]).stdout.splitlines()
    assert UNKNOWN in markdown and any(line.startswith(MISSING) for line in markdown)


def test_check_in_chinese_keeps_the_files_errors(plan: Path) -> None:
    result = invoke(["check", "plan.yaml", "--set", "Plan.价格=29", "--lang", "zh"])
    assert result.exit_code == 2
    assert "plan.yaml:12:5: acquisition[1].budgte: 未知字段 'budgte'；是否想写 'budget'？" in result.stdout.splitlines()


@pytest.mark.parametrize("setting", REFUSED_BEFORE_READING)
def test_run_still_refuses_the_option_in_one_line(plan: Path, setting: str) -> None:
    result = invoke(["run", "plan.yaml", "--set", setting])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"--set {setting}:1:")


def test_the_files_errors_are_kept_apart_from_the_refusal(plan: Path) -> None:
    """``errors`` (what `run` prints) is the refusal alone; the file's survive a worker's pickle."""
    with pytest.raises(ScenarioInvalid) as raised:
        api.load(plan, sets=["Nope.price=29"])
    copied = pickle.loads(pickle.dumps(raised.value))
    for invalid in (raised.value, copied):
        assert [error.file for error in invalid.errors] == ["sets[0]"]  # the api names the argument that gave it
        assert [(error.line, error.column) for error in invalid.file_errors] == [(9, 5), (12, 5)]
