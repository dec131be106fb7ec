"""A file the command line names to write is refused as an option is, after the program's name, and its name keeps
an ASCII colon, a location's, in Chinese too; check's Chinese line puts a full-width colon after the scenario's name
(README, "An option's problem always starts with the program's name")."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke
from spec_example import WORKED_EXAMPLE

STARTER = str(Path(__file__).resolve().parents[2] / "aigc_roi" / "templates" / "starter.yaml")


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "aigc-roi: r.html: file exists; use --force to replace it\n"),
    ("zh", "aigc-roi: r.html: 文件已存在；用 --force 覆盖\n"),
])
def test_an_existing_output_is_refused_after_the_program_name(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str) -> None:
    monkeypatch.chdir(tmp_path)
    Path("r.html").write_text("keep", encoding="utf-8")
    result = invoke(["report", STARTER, "--samples", "20", "-o", "r.html", "--lang", lang])
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", said)
    assert Path("r.html").read_text(encoding="utf-8") == "keep"


@pytest.mark.parametrize(("args", "said"), [
    (["init", "plan.yaml"], "aigc-roi: plan.yaml: 文件已存在；用 --force 覆盖\n"),
    (["init", "d"], "aigc-roi: d: 这是一个文件夹，请给出文件名，例如 d/scenario.yaml\n"),
    (["init", "plan.csv"], "aigc-roi: plan.csv: init 不能写出扩展名 .csv 对应的格式 csv；它的格式：yaml\n"),
    (["run", STARTER, "-f", "json", "-o", "out.csv"],
     "aigc-roi: out.csv: --format json 与文件扩展名 .csv（csv）不符；请修改其中之一\n"),
])
def test_init_and_output_names_in_chinese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str],
                                          said: str) -> None:
    monkeypatch.chdir(tmp_path)
    Path("plan.yaml").write_text("mine\n", encoding="utf-8")
    Path("d").mkdir()
    result = invoke([*args, "--lang", "zh"])
    assert (result.exit_code, result.stderr) == (2, said)


def test_check_puts_a_full_width_colon_after_the_scenario_name(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(WORKED_EXAMPLE + "targets: {min_roi: 100}\n", encoding="utf-8")
    result = invoke(["check", str(path), "--lang", "zh"])
    assert result.exit_code == 1
    line = result.stdout.splitlines()[0]
    assert line.startswith(f"{path}:") and "Spec worked example：targets.min_roi 未达成：ROI " in line, line
