"""simulate --plot and allocate --plot with a scenario named in Chinese and no CJK font installed:
one line says how to install one, and no matplotlib glyph warning reaches stderr (run --plot already did so)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.present import chart as plot

BUNDLED_CJK = Path(__file__).resolve().parents[2] / "aigc_roi" / "templates" / "video-tool-kol-then-feed.yaml"
"""English template, bilingual name: 视频工具 Video tool, creators first then feed ads."""


@pytest.mark.parametrize("command", [["simulate", "--samples", "50"], ["allocate", "-b", "30万"]])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_plot_without_a_cjk_font_says_so_once(command: list[str], lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plot, "cjk_font", lambda: None)
    image = tmp_path / "chart.png"
    result = invoke([command[0], str(BUNDLED_CJK), *command[1:], "--plot", str(image), "--lang", lang, "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert "fonts-noto-cjk" in result.stderr
    assert "Glyph" not in result.stderr and "Warning" not in result.stderr
    assert image.read_bytes().startswith(b"\x89PNG")


def _drawn(image: Path) -> str:
    """The SVG's drawn part, after its title and metadata."""
    return image.read_text(encoding="utf-8").partition("</metadata>")[2]


@pytest.mark.parametrize("command", [["run"], ["simulate", "--samples", "50"], ["allocate", "-b", "30万"]])
def test_the_chart_title_names_the_missing_font(command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a CJK font the chart drops 视频工具 from its title; the title itself says which font would have drawn it."""
    image = tmp_path / "chart.svg"
    with_font = invoke([command[0], str(BUNDLED_CJK), *command[1:], "--plot", str(image), "-f", "json"])
    assert with_font.exit_code == 0, with_font.stderr
    drawn, font = _drawn(image), plot.cjk_font()
    monkeypatch.setattr(plot, "cjk_font", lambda: None)
    without = invoke([command[0], str(BUNDLED_CJK), *command[1:], "--plot", str(image), "-f", "json", "--force"])
    assert without.exit_code == 0, without.stderr
    left_out = _drawn(image)
    assert "视频工具" not in left_out and "Video tool" in left_out
    # The image's title is no text drawn: it keeps the whole name, which a deck tool shows as the file's.
    assert "<title>视频工具 Video tool, creators first then feed ads</title>" in image.read_text(encoding="utf-8")
    assert "Chinese text left out: font Noto Sans CJK SC or another CJK font is not installed" in left_out
    if font is not None:  # a machine with a CJK font draws the name, and no note
        assert "视频工具" in drawn and "Chinese text left out" not in drawn
