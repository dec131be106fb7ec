"""The summary lines of `validate` and `check` group every count by thousands alike, in English and in Chinese.

1,001 empty files are 1,001 invalid files of one error each (empty-file). Each of 21 plans (docs/formulas.md §11's
worked example, 1,000 users bought in month 1) holds 50 milestones of 1,000,000 active users in month 1, all missed:
21 x 50 = 1,050 targets, 1,050 missed, over 1,001 + 21 = 1,022 files.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke
from test_validate_and_check import example

from aigc_roi.ci.records import Checked, Validated
from aigc_roi.model.targets import TargetOutcome
from aigc_roi.present.ci_view import check_summary
from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.load import load_text

MISSED_50 = example(targets="milestones: [" + ", ".join(["{month: 1, active_users: 1000000}"] * 50) + "]")


def _empty_files(folder: Path, count: int = 1001) -> None:
    for i in range(count):
        (folder / f"e{i}.yaml").write_bytes(b"")


@pytest.mark.parametrize(("lang", "summary"), [("en", "1,001 files, 1,001 invalid, 1,001 errors\n"),
                                               ("zh", "1,001 个文件，1,001 个无效，1,001 个错误\n")])
def test_validate_groups_the_invalid_count_as_the_others(tmp_path: Path, lang: str, summary: str) -> None:
    _empty_files(tmp_path)
    result = invoke(["validate", str(tmp_path), "--lang", lang])
    assert result.exit_code == 2
    assert result.stderr.endswith(summary)


@pytest.mark.parametrize(("lang", "summary"), [
    ("en", "1,022 files, 1,001 invalid, 1,050 targets, 1,050 missed\n"),
    ("zh", "1,022 个文件，1,001 个无效，1,050 个目标，1,050 个未达成\n")])
def test_check_groups_the_invalid_and_missed_counts_as_the_others(tmp_path: Path, lang: str, summary: str) -> None:
    _empty_files(tmp_path)
    for i in range(21):
        (tmp_path / f"plan{i}.yaml").write_text(MISSED_50, encoding="utf-8")
    result = invoke(["check", str(tmp_path), "--lang", lang])
    assert result.exit_code == 2
    assert result.stderr.endswith(summary)


def test_check_groups_the_not_applicable_count() -> None:
    # 1,200 targets on the change without --base: none held, so none missed, all 1,200 not applicable.
    loaded = load_text(example(), "plan.yaml")
    outcome = TargetOutcome("max_npv_drop", "npv", None, 0.1, True, applicable=False)
    checked = [Checked("plan.yaml", loaded, {}, [outcome] * 1200, {})]
    summary = check_summary([Validated("plan.yaml", loaded)], checked)
    assert summary == "1 file, 0 invalid, 1,200 targets, 0 missed, 1,200 not applicable"
    assert translate(summary) == "1 个文件，0 个无效，1,200 个目标，0 个未达成，1,200 个不适用"
