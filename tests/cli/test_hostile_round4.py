"""QA round 4 (hostile inputs): an export overwritten by its own command, a start month no calendar holds,
an xlsx that decompresses hugely, and a few messages that misplaced or misnamed what they reported."""

from __future__ import annotations

from pathlib import Path

import pytest
from actuals_plans import two_channel_plan
from cli_runner import invoke

EXPORT = "date,campaign,spend,new_users\n2025-03-01,dy_1,100,5\n"


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# --- F4: an export of actuals is an input, never an output ----------------------------------


@pytest.mark.parametrize("option", ["-o", "--reforecast"])
@pytest.mark.parametrize("naming", ["same", "symlink", "dotdot"])
def test_actuals_never_writes_over_an_export_it_reads(tmp_path: Path, option: str, naming: str) -> None:
    plan = _write(tmp_path, "plan.yaml", two_channel_plan("P"))
    export = _write(tmp_path, "ok.csv", EXPORT)
    other = _write(tmp_path, "other.csv", EXPORT.replace("2025-03-01", "2025-03-02"))
    named = {"same": export, "symlink": tmp_path / "link.csv",
             "dotdot": tmp_path / "sub" / ".." / "ok.csv"}[naming]
    if naming == "symlink":
        named.symlink_to(export.name)
    (tmp_path / "sub").mkdir()
    result = invoke(["actuals", str(plan), str(other), str(export), option, str(named), "--force"])
    assert result.exit_code == 2, result.stderr
    assert f"{named}: is an input of this command" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert export.read_text(encoding="utf-8") == EXPORT


def test_actuals_refuses_the_plan_as_output_before_reading_the_exports(tmp_path: Path) -> None:
    plan = _write(tmp_path, "plan.yaml", two_channel_plan("P"))
    export = _write(tmp_path, "ok.csv", EXPORT)
    result = invoke(["actuals", str(plan), str(export), "-o", str(plan), "--force"])
    assert result.exit_code == 2
    # One line: no summary of the exports read before the refusal.
    assert result.stderr.strip() == f"{plan}: is an input of this command; write the result to another file"


def test_actuals_refusal_of_an_export_in_chinese(tmp_path: Path) -> None:
    plan = _write(tmp_path, "plan.yaml", two_channel_plan("P"))
    export = _write(tmp_path, "ok.csv", EXPORT)
    result = invoke(["actuals", str(plan), str(export), "--reforecast", str(export), "--force", "--lang", "zh"])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"{export}：这是本命令的输入文件；请把结果写到另一个文件"
