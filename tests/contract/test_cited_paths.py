"""Every test file, benchmark or module the docs and the code point a reader to exists: the tests are arranged like
the package (tests/reader, tests/model, tests/whatif, tests/ci, tests/present, tests/cli, tests/bench), and a moved
or renamed file must take its citations with it."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CITED = re.compile(r"\b((?:tests|benchmarks|aigc_roi)/[\w/]+\.py)\b")
LAYERS = {"reader", "model", "whatif", "ci", "present", "cli", "bench", "contract"}


def _texts() -> list[Path]:
    return [*ROOT.glob("aigc_roi/**/*.py"), *ROOT.glob("tests/**/*.py"), *ROOT.glob("benchmarks/*.py"),
            *ROOT.glob("docs/*.md"), ROOT / "README.md", ROOT / ".ci" / "run"]


def test_every_cited_file_exists() -> None:
    cited = {(str(path.relative_to(ROOT)), name) for path in _texts()
             for name in CITED.findall(path.read_text(encoding="utf-8"))}
    assert cited, "the docs cite files"
    assert sorted((where, name) for where, name in cited if not (ROOT / name).exists()) == []


def test_tests_sit_in_the_folder_of_the_layer_they_test() -> None:
    loose = sorted(path.name for path in (ROOT / "tests").glob("test_*.py"))
    assert loose == []
    assert {path.parent.name for path in (ROOT / "tests").glob("*/test_*.py")} <= LAYERS
