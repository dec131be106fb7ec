"""The layers of docs/architecture.md: every import of every module points down.

One walk over the package's syntax trees, so a new module is covered the day
it is added, including imports inside functions (the lazy ones).
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "aigc_roi"

ALLOWED_LAYERS: dict[str, set[str]] = {
    "model": set(),
    "reader": {"model"},
    "whatif": {"model"},
    "ci": {"reader", "whatif", "model"},
    "present": {"ci", "whatif", "model"},
    "api": {"ci", "whatif", "reader", "model"},
    "cli": {"api", "present", "ci", "whatif", "reader", "model"},
}
"""Which layers a layer may import (besides itself and the package root's ``__version__``)."""

ALLOWED_LIBRARIES: dict[str, set[str]] = {
    "model": {"numpy", "scipy"},
    "reader": {"yaml", "openpyxl"},  # openpyxl: xlsx report exports (reader/exports/tables.py)
    "whatif": {"numpy", "scipy"},
    "ci": set(),
    "present": {"numpy", "rich", "pandas", "openpyxl", "matplotlib"},
    "api": set(),
    "cli": {"typer", "click", "rich"},
}
"""Third-party libraries each layer may use; the standard library is free for all."""

THIRD_PARTY = {"numpy", "scipy", "yaml", "rich", "pandas", "openpyxl", "matplotlib", "typer", "click", "pydantic"}


def layer_of(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def imported_modules(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == "aigc_roi":
                found += [(node.lineno, f"aigc_roi.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, node.module))
    return found


def violations() -> list[str]:
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        layer = layer_of(path)
        if layer in {"__init__", "__main__"}:
            continue
        assert layer in ALLOWED_LAYERS, f"{path}: module outside every layer; add it to a layer folder"
        for line, module in imported_modules(path):
            parts = module.split(".")
            where = f"{path.relative_to(PACKAGE.parent)}:{line}: {layer} imports {module}"
            if parts[0] == "aigc_roi":
                target = parts[1] if len(parts) > 1 else ""
                if target not in {layer, "__version__"} and target not in ALLOWED_LAYERS[layer]:
                    problems.append(where)
            elif parts[0] in THIRD_PARTY and parts[0] not in ALLOWED_LIBRARIES[layer]:
                problems.append(where)
    return problems


def test_every_import_points_down() -> None:
    assert violations() == []


def test_the_walk_sees_lazy_imports() -> None:
    # The reader is the only PyYAML user; a function-level import must count too.
    sample = PACKAGE / "reader" / "yamltree.py"
    assert any(module == "yaml" for _, module in imported_modules(sample))
