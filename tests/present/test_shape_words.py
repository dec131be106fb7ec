"""The export shapes an unrecognised header's error names, under --lang zh: "ad console (Chinese headers)" and
"generic CSV" stayed English in the Chinese message, and its shapes were set apart by "; "."""

from __future__ import annotations

import re
from pathlib import Path

from cli_runner import invoke

from aigc_roi.present.shape_words import SHAPE_TITLES_ZH
from aigc_roi.reader.exports.platforms import PLATFORMS

PLAN = Path(__file__).resolve().parents[2] / "scenarios" / "chat-assistant-cpa.yaml"


def test_every_shape_has_a_chinese_title() -> None:
    assert sorted(SHAPE_TITLES_ZH) == sorted(platform.title for platform in PLATFORMS)


def test_an_unknown_header_lists_the_shapes_in_chinese(tmp_path: Path) -> None:
    export = tmp_path / "x.csv"
    export.write_text("foo,bar\n1,2\n", encoding="utf-8")
    result = invoke(["actuals", str(PLAN), str(export), "--lang", "zh"])
    assert result.exit_code == 2
    listed = re.fullmatch(r".*应为已知报表（(.+)；各报表的列见 docs/actuals.md）的列，实际为 foo、bar\n", result.stderr, re.S)
    assert listed is not None, result.stderr
    assert listed[1].split("、") == ["巨量引擎 API", "巨量引擎投放后台", "腾讯广告 API", "腾讯广告投放后台", "磁力引擎 API",
                                    "百度营销投放后台", "Google Ads", "Meta 广告管理工具", "TikTok 广告管理平台",
                                    "Apple 广告（搜索广告）", "投放后台（中文表头）", "通用 CSV"]
