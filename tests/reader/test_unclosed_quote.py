"""A quote left open on a line: YAML reads on across lines to the next quote of its kind and fails there, far
from the slip. The message points at the quote that opened, on its own line, in English and in Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

STARTER = Path(__file__).resolve().parents[2] / "aigc_roi" / "templates" / "starter.yaml"


def _with_open_quote(tmp_path: Path, quote: str) -> tuple[Path, int, int]:
    """The starter with its name's quote left open; the line and column of that quote, and the line of the next one."""
    lines = STARTER.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("name: "))
    lines[at] = lines[at].replace("name: ", f"name: {quote}", 1)
    following = next(i for i, line in enumerate(lines) if i > at and quote in line)
    path = tmp_path / "open.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, at + 1, following + 1


@pytest.mark.parametrize("quote", ['"', "'"])
def test_an_open_quote_is_named_on_the_line_it_opened(tmp_path: Path, quote: str) -> None:
    path, line, following = _with_open_quote(tmp_path, quote)
    assert following > line + 1  # the quote YAML reads on to is lines away
    result = invoke(["validate", str(path)])
    assert result.exit_code == 2
    assert result.stdout.splitlines() == [
        f"{path}:{line}:7: invalid YAML: unclosed quote: the quote opened at line {line}, column 7 "
        f"is not closed on its line (YAML read on to line {following})"]


def test_an_open_quote_in_chinese(tmp_path: Path) -> None:
    path, line, following = _with_open_quote(tmp_path, '"')
    result = invoke(["validate", str(path), "--lang", "zh"])
    assert result.exit_code == 2
    assert result.stdout.splitlines() == [
        f"{path}:{line}:7: YAML 语法错误：引号未闭合：第 {line} 行第 7 列开始的引号在该行没有结束（YAML 一直读到第 {following} 行）"]
