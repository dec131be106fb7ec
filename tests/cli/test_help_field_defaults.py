"""A scenario field named in ``--help`` with a number beside it says the number is its default: ``breakeven`` used the
file's own ``targets.max_payback_months`` while its help read "targets.max_payback_months (12)", as if fixed at 12."""

from __future__ import annotations

import re

import pytest
from cli_runner import invoke

from aigc_roi.cli.commands import COMMANDS

FIELD_BESIDE_A_NUMBER = re.compile(r"\b[a-z_]+\.[a-z_]+ ?[(（]([^)）]*\d[^)）]*)[)）]")
"""A dotted field path (``targets.max_payback_months``) and the parentheses after it that hold a number."""


def _help(args: list[str], lang: str) -> str:
    result = invoke([*args, "--help", "--lang", lang], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("args", [[], *([name] for name in COMMANDS)], ids=lambda args: " ".join(args) or "root")
def test_a_number_beside_a_field_is_called_its_default(args: list[str], lang: str) -> None:
    for beside in FIELD_BESIDE_A_NUMBER.findall(_help(args, lang)):
        assert beside.startswith("default " if lang == "en" else "默认 "), (args, beside)


def test_breakevens_payback_target_is_the_files_by_default_12() -> None:
    assert "targets.max_payback_months (default 12)" in _help(["breakeven"], "en")
    assert "targets.max_payback_months（默认 12）" in _help(["breakeven"], "zh")
