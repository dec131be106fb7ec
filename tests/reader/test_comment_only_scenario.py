"""A scenario file of only comments was refused as "found an empty file", which it is not: it says what it holds."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke


@pytest.mark.parametrize(("text", "lang", "found"), [
    ("# only\n# comments\n", "en", "expected a scenario mapping, found only comments"),
    ("# only\n# comments\n", "zh", "应为方案映射，实际为仅含注释的文件"),
    ("\n  \n", "en", "expected a scenario mapping, found an empty file"),
    ("\n  \n", "zh", "应为方案映射，实际为空文件"),
])
def test_a_file_of_no_yaml_node_says_what_it_holds(tmp_path: Path, text: str, lang: str, found: str) -> None:
    path = tmp_path / "comments.yaml"
    path.write_text(text, encoding="utf-8")
    result = invoke(["--lang", lang, "run", str(path)])
    assert result.exit_code == 2
    assert f"comments.yaml:1:1: {found}" in result.stderr
