"""allocate's contribution per user is called what its table calls it wherever it is described: docs/allocate.md said
it is deliberately not named LTV, while docs/formulas.md §12 called it "a channel's users' LTV ... LTV/CAC = 1 + the
channel's roi" and allocate's --help listed it as LTV."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.present.labels import label

ROOT = Path(__file__).resolve().parents[2]


def _allocation_decision() -> str:
    """docs/formulas.md §12's entry on allocation."""
    formulas = (ROOT / "docs" / "formulas.md").read_text(encoding="utf-8")
    twelve = formulas.split('<a id="s12"></a>', 1)[1].split('<a id="s13"></a>', 1)[0]
    entry = re.search(r"^- \*\*Allocation\*\*.*?(?=^- )", twelve, re.MULTILINE | re.DOTALL)
    assert entry is not None
    return " ".join(entry[0].split())


def test_formulas_names_it_as_the_table_does_and_tells_it_from_runs_ltv() -> None:
    entry = _allocation_decision()
    for lang in ("en", "zh"):
        assert label("allocate_ltv", lang) in entry and label("allocate_ltv_to_cac", lang) in entry
    assert not re.search(r"LTV ?/ ?CAC|users' LTV", entry), entry
    # Against §5's ltv, and under which keys scripts find it.
    assert "[§5](#s5)" in entry and "discounted" in entry and "`ltv_months`" in entry
    assert all(f"`{key}`" in entry for key in ("ltv", "ltv_to_cac", "current_ltv", "best_ltv_to_cac"))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_allocates_help_names_it_as_the_table_does(lang: str) -> None:
    result = invoke(["allocate", "--help", "--lang", lang], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.stderr
    summary = result.stdout.split("\n\n")[1]
    assert "LTV" not in summary and ("contribution per user" if lang == "en" else "人均贡献") in summary, summary
