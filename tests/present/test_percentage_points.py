"""A change or gap in percentage points reads ``pp`` in English and 百分点 in Chinese, in every output (docs/formulas.md
§8): a tester found the fitted curves' gaps written ``pt`` while sensitivity and compare wrote ``pp``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.present.labels import LABELS

VIDEO = Path(__file__).resolve().parents[2] / "aigc_roi" / "templates" / "video-tool-kol-then-feed.yaml"


@pytest.mark.parametrize("key", sorted(LABELS))
def test_every_label_of_percentage_points_says_pp(key: str) -> None:
    entry = LABELS[key]
    for english, chinese in [(entry.en, entry.zh), *([entry.short] if entry.short else [])]:
        assert not re.search(r"\bpts?\b", english), (key, english)
        if "百分点" in chinese:
            assert re.search(r"\bpp\b|percentage points", english), (key, english)


@pytest.mark.parametrize("args", [["curves"], ["curves", "-f", "markdown"], ["run"], ["run", "-f", "markdown"]],
                         ids=" ".join)
def test_a_fits_gaps_read_pp(args: list[str]) -> None:
    """docs/formulas.md §4.3's fit of {1: 45%, 7: 22%, 30: 12%}: fitted 45.52%, 21.42%, 12.19%, so gaps of +0.52, -0.58
    and +0.19 percentage points, the largest 0.58."""
    english = invoke([args[0], str(VIDEO), *args[1:], "--lang", "en"])
    assert english.exit_code == 0, english.stderr
    assert "largest gap 0.58 pp" in english.stdout and not re.search(r"\bpt\b", english.stdout)
    chinese = invoke([args[0], str(VIDEO), *args[1:], "--lang", "zh"])
    assert chinese.exit_code == 0, chinese.stderr
    assert "0.58 百分点" in chinese.stdout and not re.search(r"\bp[pt]\b", chinese.stdout)
    if args == ["curves"]:
        assert "+0.52 pp" in english.stdout and "-0.58 pp" in english.stdout and "+0.19 pp" in english.stdout
