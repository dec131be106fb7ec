"""A scenario saved as UTF-16 without a byte-order mark, or as UTF-32 (QA F7), is named as such, not as a NUL
the user never wrote ("character U+0000") nor as UTF-16 for UTF-32's mark FF FE 00 00; so is UTF-32 without its mark
whose text is mostly Chinese, its zero bytes not where an ASCII character's are."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.reader.load import decode

TEXT = "version: 1\nname: 抖音\nretention: {monthly_churn: 0.3}\n"


@pytest.mark.parametrize(("data", "found"), [
    (TEXT.encode("utf-16-le"), "UTF-16LE (no byte-order mark)"),
    (TEXT.encode("utf-16-be"), "UTF-16BE (no byte-order mark)"),
    ("名称: 抖音拉新\n渠道: 腾讯\n".encode("utf-16-le"), "UTF-16LE (no byte-order mark)"),
    ("名称: 抖音拉新\n渠道: 腾讯\n".encode("utf-16-be"), "UTF-16BE (no byte-order mark)"),
    (TEXT.encode("utf-32-le"), "UTF-32LE (no byte-order mark)"),
    (TEXT.encode("utf-32-be"), "UTF-32BE (no byte-order mark)"),
    ("名称: 抖音拉新\n渠道: 腾讯\n".encode("utf-32-le"), "UTF-32LE (no byte-order mark)"),
    ("名称: 抖音拉新\n渠道: 腾讯\n".encode("utf-32-be"), "UTF-32BE (no byte-order mark)"),
    (b"\xff\xfe\x00\x00" + TEXT.encode("utf-32-le"), "UTF-32 (byte-order mark FF FE 00 00)"),
    (b"\x00\x00\xfe\xff" + TEXT.encode("utf-32-be"), "UTF-32 (byte-order mark 00 00 FE FF)"),
    (b"\xff\xfe" + TEXT.encode("utf-16-le"), "UTF-16 (byte-order mark FF FE)"),
])
def test_a_wide_encoding_is_named(data: bytes, found: str) -> None:
    with pytest.raises(ScenarioInvalid) as caught:
        decode(data, "s.yaml")
    assert [str(error) for error in caught.value.errors] == [
        f"s.yaml:1:1: expected UTF-8 text, found {found}; save the file as UTF-8"]


def test_a_nul_in_utf8_text_is_not_a_wide_encoding() -> None:
    assert decode(TEXT.encode() + b"# \x00\n", "s.yaml").startswith("version")


def test_the_name_is_translated(tmp_path: Path) -> None:
    path = tmp_path / "wide.yaml"
    path.write_bytes(TEXT.encode("utf-16-le"))
    result = invoke(["validate", str(path), "--lang", "zh"])
    assert result.exit_code == 2
    assert "应为 UTF-8 文本，实际为 UTF-16LE（无字节顺序标记）；请把文件另存为 UTF-8" in result.stdout + result.stderr
