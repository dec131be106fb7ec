"""A gate that cannot observe its test or stops nothing (reader/gate_warnings.py): every command that reads the file
says so on stderr, located as an error would be, in English and Chinese, and still succeeds (-q drops it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke
from gate_plans import EVERY_GATE_WARNING

BUNDLED = Path(__file__).parents[2] / "scenarios" / "creators-first-gated.yaml"
THEN = "    then: [Feed ads, Bilibili CPA]   # run after month 2 only if the test passed\n"


def _then_empty(tmp_path: Path) -> tuple[Path, int]:
    """The bundled staged plan with ``then: []``: its one test channel runs in months 1-2 alone, so the gate decides
    nothing. Returns the file and the line of ``then:``."""
    text = BUNDLED.read_text(encoding="utf-8")
    assert THEN in text
    path = tmp_path / "plan.yaml"
    path.write_text(text.replace(THEN, "    then: []\n"), encoding="utf-8")
    return path, text[:text.index(THEN)].count("\n") + 1


EN = ("gates[0].then: no channel of this gate runs after month 2: it stops nothing whether the test passes or fails; "
      "name in 'then' the channels the test decides")
ZH = "gates[0].then: 此闸门的渠道在第 2 月之后都不投放：无论测试是否通过都不会停止任何投放；请在 'then' 中列出由测试决定的渠道"


@pytest.mark.parametrize(("command", "code"), [
    (["run"], 0), (["run", "--format", "json"], 0), (["validate"], 0), (["validate", "--format", "json"], 0),
    (["check"], 0), (["breakeven"], 0),
])
def test_every_command_warns_once_where_then_is_written(tmp_path: Path, command: list[str], code: int) -> None:
    path, line = _then_empty(tmp_path)
    # `    then: []`: the list starts at column 11.
    located = f"{path}:{line}:11: {EN}"
    result = invoke([*command[:1], str(path), *command[1:]])
    assert result.exit_code == code, result.stderr
    assert result.stderr.splitlines().count(located) == 1, result.stderr
    assert EN not in result.stdout


def test_in_chinese_and_dropped_by_quiet(tmp_path: Path) -> None:
    path, line = _then_empty(tmp_path)
    assert f"{path}:{line}:11: {ZH}" in invoke(["run", str(path), "--lang", "zh"]).stderr.splitlines()
    assert invoke(["run", str(path), "-q"]).stderr == ""


def test_compare_says_it_once_for_every_variant_of_the_file(tmp_path: Path) -> None:
    path, _ = _then_empty(tmp_path)
    result = invoke(["compare", str(path), "--variant", "cheaper: costs.serving_per_active_user=0.5"])
    assert result.exit_code == 0, result.stderr
    assert sum(EN in line for line in result.stderr.splitlines()) == 1, result.stderr


def test_the_bundled_staged_plan_says_nothing() -> None:
    result = invoke(["validate", str(BUNDLED)])
    assert result.exit_code == 0
    assert result.stderr.splitlines() == ["1 file, 0 invalid, 0 errors"]




def test_every_kind_of_warning_reads_in_chinese(tmp_path: Path) -> None:
    path = tmp_path / "gated.yaml"
    path.write_text(EVERY_GATE_WARNING, encoding="utf-8")
    result = invoke(["validate", str(path), "--lang", "zh"])
    assert result.exit_code == 0, result.stderr
    # Early runs in months 1..2, so after the second gate's month 1; First in month 1 alone.
    assert [line.split(": ", 1)[1] for line in result.stderr.splitlines()[:-1]] == [
        "gates[0].channels: 测试的第 1-2 月没有任何测试渠道投放：没有广告支出可衡量，闸门总是不通过，其渠道在第 2 月之后不再买量",
        "gates[1].channels[1]: 渠道 'Late' 在测试的第 1 月不投放（它在第 3-6 月投放）：测试观察不到它",
        "gates[1].then[1]: 渠道 'First' 在第 1 月之后不投放（它在第 1 月投放）：闸门对它无可停止",
        "gates[2]: 此闸门的渠道在第 2 月之后都不投放：无论测试是否通过都不会停止任何投放；请在 'then' 中列出由测试决定的渠道",
    ]
