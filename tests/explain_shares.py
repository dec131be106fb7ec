"""The explain tests' plans on disk and their one reading of what `compare --explain` credits each change with."""

from __future__ import annotations

from pathlib import Path

from aigc_roi.whatif.explain import FigureChanges


def shares_by_path(changes: FigureChanges, figure: str) -> dict[str, float | None]:
    """Each change's share of ``figure``'s move, by its path (``*`` for the changes that move only together)."""
    attribution = next(item for item in changes.explanation.attributions if item.figure == figure)
    return dict(zip((change.path for change in changes.changes), attribution.shares or (), strict=True))


def written(folder: Path, name: str, text: str) -> Path:
    """``text`` saved as ``folder/name``: one version of a plan the explain tests compare."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
