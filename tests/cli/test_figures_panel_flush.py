"""The figures panel's values end at its right border, also where its title is wider than its figures: Rich widens a
panel for its title, not its body, and koc-seeding's 54-cell Chinese title left every value five cells short of the
border (``30.55万     │``, QA)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke
from rich.cells import cell_len

from aigc_roi.model.figures import FIGURES

ROOT = Path(__file__).resolve().parents[2]
KOC = ROOT / "aigc_roi" / "templates" / "koc-seeding.yaml"


def _figure_lines(path: Path, lang: str, width: int) -> list[str]:
    result = invoke(["run", str(path), "--lang", lang], env={"COLUMNS": str(width), "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    top = next(i for i, line in enumerate(lines) if line.startswith("╭─ "))
    return lines[top:top + 1 + len(FIGURES)]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("width", [80, 100])
def test_a_template_s_values_end_at_the_border(lang: str, width: int) -> None:
    border, *figures = _figure_lines(KOC, lang, width)
    for line in figures:
        assert cell_len(line) == cell_len(border) and line.endswith(" │") and line[-3] != " ", (line, border)


@pytest.mark.parametrize("width", [54, 60])
def test_a_title_wider_than_each_figure_on_its_line(tmp_path: Path, width: int) -> None:
    # At 54 columns the labels and values (39 + 2 + 11 cells at most) are one figure a line, the widest 47 cells,
    # and this title (30 + 17) takes 49 inside the panel; at 60 they are two columns 52 wide, under a title of 54.
    path = tmp_path / "koc.yaml"
    name = "KOC seeding plan for AI app 26" if width == 54 else "小红书种草 AI photo app, KOC seeding"
    path.write_text(KOC.read_text(encoding="utf-8").replace("小红书种草 AI photo app, KOC seeding", name, 1),
                    encoding="utf-8")
    border, *figures = _figure_lines(path, "zh", width)
    assert border.startswith(f"╭─ {name} · 核心指标（CNY） ─")
    for line in figures:
        assert line.endswith(" │") and line[-3] != " ", (line, border)
