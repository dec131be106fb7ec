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


def imported_modules(path: Path, source: str | None = None) -> list[tuple[int, str]]:
    """(line, absolute module) of every import of the module at ``path`` (its text, or ``source``); a
    relative import is resolved against the module's package, so ``from ..present import labels`` in
    model/ counts as ``aigc_roi.present``."""
    tree = ast.parse(path.read_text(encoding="utf-8") if source is None else source)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = _absolute(path, node.level, node.module)
            if module == "aigc_roi":
                found += [(node.lineno, f"aigc_roi.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, module))
    return found


def _absolute(path: Path, level: int, module: str | None) -> str:
    if level == 0:
        return module or ""
    package = list(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    # ``from .`` is the module's own package; each further dot one package up.
    base = package[: len(package) - (level - 1)] if level - 1 <= len(package) else []
    return ".".join([*base, *([module] if module else [])])


def violations() -> list[str]:
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        problems += module_violations(path, imported_modules(path))
    return problems


def module_violations(path: Path, imports: list[tuple[int, str]]) -> list[str]:
    layer = layer_of(path)
    if layer in {"__init__", "__main__"}:
        return []
    assert layer in ALLOWED_LAYERS, f"{path}: module outside every layer; add it to a layer folder"
    problems = []
    for line, module in imports:
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


def test_a_relative_upward_import_counts() -> None:
    # model/ importing present/ through dots is the same arrow as by name, and as forbidden.
    figures = PACKAGE / "model" / "figures.py"
    source = "from ..present import labels\nfrom . import paths\nfrom .paths import field_path\nfrom .. import __version__\n"
    imports = imported_modules(figures, source)
    assert imports == [(1, "aigc_roi.present"), (2, "aigc_roi.model"), (3, "aigc_roi.model.paths"), (4, "aigc_roi.__version__")]
    assert module_violations(figures, imports) == ["aigc_roi/model/figures.py:1: model imports aigc_roi.present"]
