"""A command the docs show with its output prints that output: docs/allocate.md's worked example showed
``Months 1..3 │ ...`` where `allocate` prints ``Months 1-3``.

Every ```` ```sh ```` block of one ``aigc-roi`` command followed by a ```` ```text ```` block, in README.md and
docs/*.md, is run from the repository's root at 80 columns; the text block is a run of lines of what it prints
(trailing spaces aside: the tables pad their lines to the width).
"""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest
from cli_runner import invoke

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = re.compile(r"```sh\naigc-roi ([^\n]*)\n```\n+```text\n(.*?)```", re.S)


def _examples() -> list[tuple[str, str, str]]:
    return [(f"{path.relative_to(ROOT)}:{text[:found.start()].count(chr(10)) + 1}", found[1], found[2])
            for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
            for text in [path.read_text(encoding="utf-8")] for found in EXAMPLE.finditer(text)]


def test_the_docs_show_a_command_with_its_output() -> None:
    assert any("allocate.md" in where for where, _, _ in _examples())


@pytest.mark.parametrize(("where", "command", "shown"), _examples(), ids=[where for where, _, _ in _examples()])
def test_a_shown_output_is_what_the_command_prints(where: str, command: str, shown: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = invoke(shlex.split(command), env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert result.exit_code in (0, 1), result.stderr
    printed = [line.rstrip() for line in result.stdout.splitlines()]
    lines = [line.rstrip() for line in shown.splitlines()]
    assert any(printed[start:start + len(lines)] == lines for start in range(len(printed))), (
        f"{where}: {os.linesep.join(lines)}\n--- printed ---\n{result.stdout}")
