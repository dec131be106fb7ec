"""docs/formulas.md is the project's reference: its sections keep their numbers and anchors, and every
``docs/formulas.md §N`` cited in the code, the tests and the docs names a section that exists."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FORMULAS = (ROOT / "docs" / "formulas.md").read_text(encoding="utf-8")
HEADING = re.compile(r'^<a id="s([\d-]+)"></a>\n#{2,3} (\d+(?:\.\d+)?)\.? ', re.MULTILINE)
CITATION = re.compile(r"formulas\.md §(\d+(?:\.\d+)?)")


def sections() -> dict[str, str]:
    """Section number -> its anchor."""
    return {number: anchor for anchor, number in HEADING.findall(FORMULAS)}


def test_every_section_has_a_numbered_heading_under_its_own_anchor() -> None:
    found = sections()
    assert {"1", "4.4", "4.5", "5", "12"} <= set(found)
    assert all(anchor == number.replace(".", "-") for number, anchor in found.items())
    # Two headings with one number (the old pair of "5."s) would make a citation ambiguous.
    numbers = [number for _, number in HEADING.findall(FORMULAS)]
    assert len(numbers) == len(set(numbers))
    assert len(numbers) == len(re.findall(r"^##+ \d", FORMULAS, re.MULTILINE))


def test_every_citation_names_an_existing_section() -> None:
    known = set(sections())
    cited = []
    for path in [*ROOT.glob("aigc_roi/**/*.py"), *ROOT.glob("tests/**/*.py"), *ROOT.glob("docs/*.md"), ROOT / "README.md"]:
        text = path.read_text(encoding="utf-8")
        cited += [(path.relative_to(ROOT), number) for number in CITATION.findall(text)]
    assert cited, "the code cites docs/formulas.md sections"
    assert [(str(path), number) for path, number in cited if number not in known] == []
