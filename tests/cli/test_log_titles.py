"""Every command's titles in a CI log (stdout no terminal): one line each, whole and unpadded, as `check`'s have been,
so ``grep`` finds a plan's name on one line. Rich wrapped a title to its table's width and padded it with spaces to
that width; a terminal's titles still fit its width (tests/present/test_snapshots_80.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke
from rich.cells import cell_len
from test_check_zh import in_terminal

from aigc_roi.present.labels import label

ROOT = Path(__file__).resolve().parents[2]
NAMES = {"en": "A chat assistant paid by CPA on three video networks, with a yearly plan and a monthly plan for teams",
         "zh": "对话助手：在三家视频平台按激活付费投放，年度会员与团队月度会员两种方案，先测试再放量"}
"""Wider than the 80 columns of the log below, so a title that names the plan cannot fit beside any table."""


def plan(folder: Path, lang: str) -> Path:
    path = folder / f"plan-{lang}.yaml"
    text = (ROOT / "scenarios" / "starter.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("name: My AI app, starter plan", f"name: {NAMES[lang]}"), encoding="utf-8")
    return path


CNY = {"en": " (CNY)", "zh": "（CNY）"}
"""A title's currency: in Chinese in full-width brackets, as Chinese text writes them."""


def commands(path: Path, lang: str) -> dict[str, tuple[list[str], list[str]]]:
    """Each command, and titles of its that must be lines of their own, as the labels write them."""
    name, cny = NAMES[lang], CNY[lang]
    return {
        "run": (["run", str(path)], [f"{name} · {label('figures', lang)}{cny}", label("channels", lang)]),
        "breakeven": (["breakeven", str(path)], [f"{label('breakeven_title', lang)} · {name}{cny}",
                                                 label("channels_alone_title", lang)]),
        "sensitivity": (["sensitivity", str(path)],
                        [label("sensitivity_title", lang).format(scenario=name, step="20%", currency="CNY")]),
        "simulate": (["simulate", str(path), "--samples", "200"],
                     [label("fan_title", lang).format(currency="CNY")]),
        "allocate": (["allocate", str(path), "--budget", "20000"], [label("allocate_channels_title", lang)]),
        "curves": (["curves", str(path)], [f"{name} · {label('retention_by_month', lang)}"]),
        "compare": (["compare", str(path), str(ROOT / "scenarios" / "feed-ads-only.yaml")],
                    [f"{label('compare_title', lang)}{cny}"]),
        "init": (["init", "--list"], [label("templates", lang)]),
    }


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("command", ["run", "breakeven", "sensitivity", "simulate", "allocate", "curves", "compare",
                                     "init"])
def test_a_title_is_one_whole_unpadded_line_in_a_log(tmp_path: Path, command: str, lang: str) -> None:
    args, titles = commands(plan(tmp_path, lang), lang)[command]
    result = invoke([*args, "--lang", lang], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    for title in titles:
        assert title in lines, result.stdout
    # A title that names the plan names it whole wherever it stands, the allocation's and the simulation's included.
    # compare names it in a column's header instead, which wraps inside its table, or above its block; init not at all.
    if command not in ("compare", "init"):
        named = [line for line in lines if NAMES[lang][:20] in line]
        assert named and all(NAMES[lang] in line for line in named), result.stdout


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_written_to_a_file_a_title_is_one_line_too(tmp_path: Path, lang: str) -> None:
    out = tmp_path / "run.txt"
    result = invoke(["run", str(plan(tmp_path, lang)), "--lang", lang, "-o", str(out)], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert f"{NAMES[lang]} · {label('figures', lang)}{CNY[lang]}" in lines and label("channels", lang) in lines


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_in_a_terminal_a_title_still_fits_its_width(tmp_path: Path, lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    in_terminal(monkeypatch, 80)
    result = invoke(["breakeven", str(plan(tmp_path, lang)), "--lang", lang])
    assert result.exit_code == 0, result.stderr
    assert max(cell_len(line) for line in result.stdout.splitlines()) <= 80, result.stdout
    assert NAMES[lang] not in result.stdout  # wrapped: no line holds it whole


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_compares_blocks_are_headed_by_each_plan_whole(tmp_path: Path, lang: str) -> None:
    """Too narrow for a table, compare shows a block per plan, whose heading Rich broke over two lines in a log."""
    path = plan(tmp_path, lang)
    other = tmp_path / "other.yaml"
    other.write_text(path.read_text(encoding="utf-8").replace("bid: 12", "bid: 14"), encoding="utf-8")
    result = invoke(["compare", str(path), str(other), "--lang", lang], env={"COLUMNS": "50"})
    assert result.exit_code == 0, result.stderr
    named = [line for line in result.stdout.splitlines() if NAMES[lang][:20] in line]
    assert len(named) == 2 and all(line.startswith(NAMES[lang]) for line in named), result.stdout


def test_checks_narrow_table_is_headed_by_each_file_whole(tmp_path: Path) -> None:
    """Too narrow for its table, check --verbose heads each file's targets with the file, which Rich wrapped."""
    folder = tmp_path / ("a-folder-whose-name-is-long-enough-to-pass-the-width-of-the-log" * 2)
    folder.mkdir()
    path = folder / "plan.yaml"
    path.write_text((ROOT / "scenarios" / "starter.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    result = invoke(["check", str(path), "--verbose"], env={"COLUMNS": "50"})
    assert result.exit_code == 0, result.stderr
    assert str(path) in result.stdout.splitlines(), result.stdout
