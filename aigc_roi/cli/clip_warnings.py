"""The warning of every command that samples, on stderr: the draws of a range clipped to its field's domain."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from aigc_roi.cli.streams import language, note

if TYPE_CHECKING:
    from aigc_roi.model.sampling import Clipped
    from aigc_roi.reader.load import LoadedScenario


def warn_clipped(loaded: LoadedScenario, clipped: Iterable[Clipped],
                 known: Mapping[str, tuple[int, int] | None] | None = None) -> None:
    """One line (a note: -q drops it) per field and end of its domain that some of its draws were clipped to,
    located where the range is written, as an error would be (present/clipped_draws.py): in ``loaded``'s tree, else
    at the (line, column) ``known`` gives (`check`'s workers send no tree back), else the file alone."""
    from aigc_roi.present.clipped_draws import clipped_draw_warnings
    from aigc_roi.present.text import visible
    from aigc_roi.reader.load import find_node

    for path, _, sentence in clipped_draw_warnings(clipped, language()):
        node = find_node(loaded.tree, path)
        position = (known or {}).get(path)
        if node is not None:
            where = f"{node.source or loaded.path}:{node.line}:{node.column}"
        elif position is not None:
            where = f"{loaded.path}:{position[0]}:{position[1]}"
        else:
            where = loaded.path
        note(visible(f"{where}: {path}: {sentence}"))
