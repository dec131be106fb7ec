"""Every located line (file:line:col) keeps an ASCII colon after its location in Chinese, as README says; the not-UTF-8
warnings wrote a full-width one (QA: ``x.csv:1:1：不是 UTF-8…``), and the also-GBK one after its file."""

from __future__ import annotations

import re

import pytest

from aigc_roi.model.actuals import NotUtf8
from aigc_roi.present.actuals import also_gbk_line, not_utf8_line
from aigc_roi.present.labels import LABELS
from aigc_roi.present.messages_zh import translate

_LOCATION_FIELDS = ("{place}", "{location}", "{file}:{line}:{column}")


@pytest.mark.parametrize("key", sorted(LABELS))
def test_no_chinese_label_puts_a_full_width_colon_after_a_location(key: str) -> None:
    zh = LABELS[key].zh
    assert not any(f"{field}：" in zh for field in _LOCATION_FIELDS), zh


@pytest.mark.parametrize("windows_1252", ["Promoção", None])
def test_the_not_utf8_warning_keeps_the_ascii_colon(windows_1252: str | None) -> None:
    line = not_utf8_line("x.csv", NotUtf8(1, 2, "Promo玢o", windows_1252), "zh")
    assert re.match(r"x\.csv:1:2: 不是 UTF-8", line), line


def test_the_also_gbk_warning_keeps_the_ascii_colon_after_its_file() -> None:
    assert also_gbk_line("x.csv", ("··ͨ", "路路通"), "zh").startswith("x.csv: 按 UTF-8 读取")


def test_the_refused_reforecast_keeps_the_ascii_colon_after_the_file_it_names() -> None:
    """A file the command line names to write is a location, as README says (``r.html: 文件已存在``)."""
    assert translate("new.yaml: the re-forecast of plan.yaml does not validate, so it was not written") == (
        "new.yaml: plan.yaml 的重新预测未通过校验，因此没有写出")
