"""A ``--set`` refused before the file is read with it keeps the file's own warnings in `check`'s record, as one the
reading refuses does: with two channels named B, ``check f.yaml --set 'Plan.价格=29' -f json`` gave ``"warnings": []``
and text no warning line, where ``--set 'Plan.pric=29'`` showed the warning (docs/ci.md: an invalid file's warnings
are shown beside its errors). `run` still refuses such an option in its one line."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from cli_runner import invoke

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
    budget: 1000
monetization:
  plans:
    - {name: Plan, price: 9, period: month, conversion: 0.05}
"""
# The second "  - name: B": line 9, its value after "  - name: " (10 characters), at column 11.
WARNED = [("plan.yaml", None, 9, 11, "acquisition[1].name", "shared-name")]
WARNING_LINE = "plan.yaml:9:11: acquisition[1].name: 'B' is also acquisition[0]'s name (line 5)"
WARNING_LINE_ZH = "plan.yaml:9:11: acquisition[1].name: 'B' 也是 acquisition[0] 的名称（第 5 行）"

REFUSED_BEFORE_READING = [
    "Plan.价格=29",  # a field word in Chinese
    "Nope.price=29",  # a name no item has
    "acquisition[9].bid=3",  # an index past its list
    "Plan.price=[",  # a value YAML refuses
    "Plan.price.by_month.3=5",  # a month of a value written once
    "Plan。price=29",  # an input method's full stop
    "B.bid=5",  # a name two channels share
]
REFUSED_BY_READING = ["Plan.pric=29", "Plan.price=abc"]  # what showed the warning already


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


@pytest.mark.parametrize("setting", REFUSED_BEFORE_READING + REFUSED_BY_READING)
def test_check_json_keeps_the_files_warning(plan: Path, setting: str) -> None:
    result = invoke(["check", "plan.yaml", "--set", setting, "-f", "json"])
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    assert [(error["file"], error["option"]) for error in document["invalid"]] == [("plan.yaml", f"--set {setting}")]
    assert [(w["file"], w["option"], w["line"], w["column"], w["path"], w["rule"]) for w in document["warnings"]] == WARNED
    assert (document["summary"]["invalid"], document["summary"]["errors"]) == (1, 1)  # warnings count nothing


@pytest.mark.parametrize("setting", REFUSED_BEFORE_READING + REFUSED_BY_READING)
def test_check_text_keeps_the_files_warning(plan: Path, setting: str) -> None:
    result = invoke(["check", "plan.yaml", "--set", setting])
    assert result.exit_code == 2
    (refusal,) = result.stdout.splitlines()
    assert refusal.startswith(f"plan.yaml: --set {setting}:1:")
    assert sum(line.startswith(WARNING_LINE) for line in result.stderr.splitlines()) == 1


@pytest.mark.parametrize("setting", ["Plan.价格=29", "Nope.price=29"])
def test_check_text_in_chinese_keeps_the_files_warning(plan: Path, setting: str) -> None:
    result = invoke(["check", "plan.yaml", "--set", setting, "--lang", "zh"])
    assert result.exit_code == 2
    assert sum(line.startswith(WARNING_LINE_ZH) for line in result.stderr.splitlines()) == 1


@pytest.mark.parametrize("setting", ["Plan.价格=29", "Nope.price=29"])
def test_check_github_annotates_the_files_warning(plan: Path, setting: str) -> None:
    result = invoke(["check", "plan.yaml", "--set", setting, "-f", "github"])
    assert result.exit_code == 2
    assert sum(line.startswith("::warning file=plan.yaml,line=9,endLine=9,col=11,")
               for line in result.stdout.splitlines()) == 1


@pytest.mark.parametrize("setting", REFUSED_BEFORE_READING)
def test_run_still_refuses_the_option_in_one_line(plan: Path, setting: str) -> None:
    result = invoke(["run", "plan.yaml", "--set", setting])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"--set {setting}:1:")


def test_the_refusal_keeps_the_files_warnings_apart_from_its_own(plan: Path) -> None:
    """``warnings`` (what `run` prints after its errors) stays empty; the record's survive a worker's pickle."""
    with pytest.raises(ScenarioInvalid) as raised:
        api.load(plan, sets=["Nope.price=29"])
    copied = pickle.loads(pickle.dumps(raised.value))
    for invalid in (raised.value, copied):
        assert invalid.warnings == ()
        assert [(warning.line, warning.column) for warning in invalid.file_warnings] == [(9, 11)]
