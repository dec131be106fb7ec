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
