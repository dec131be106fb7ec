"""The warnings of every command that samples, on stderr: the draws of a range clipped to its field's domain, and a
chance of payback counted by a horizon that ends before the payback target."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from aigc_roi.cli.streams import language, warn_at

if TYPE_CHECKING:
    from aigc_roi.model.sampling import Clipped
    from aigc_roi.model.targets import PaybackWindow
    from aigc_roi.reader.load import LoadedScenario


def warn_clipped(loaded: LoadedScenario, clipped: Iterable[Clipped]) -> None:
    """One line (a note: -q drops it) per field and end of its domain that some of its draws were clipped to,
    located where the range is written, as an error would be (present/clipped_draws.py); the file alone where its
    tree does not hold it."""
    from aigc_roi.present.clipped_draws import clipped_draw_warnings

    clipped = list(clipped)
    for (path, _, sentence), (_, _, english) in zip(clipped_draw_warnings(clipped, language()),
                                                    clipped_draw_warnings(clipped, "en"), strict=True):
        _warn(loaded, path, sentence, english)


def warn_payback_window(loaded: LoadedScenario, window: PaybackWindow, chance: bool = True, asked: bool = False) -> None:
    """One line (a note) when the payback target lies past the horizon, where the target is written (the horizon
    for the default target): every ``chance`` of payback, or payback month, is then judged by the horizon. Not for
    the default target unless the file or the command line (``asked``) holds a chance of payback to a share: its
    label says it (present/payback_window.py)."""
    from aigc_roi.present.payback_window import past_horizon_warning, window_field

    sentence = past_horizon_warning(window, language(), chance, asked)
    english = past_horizon_warning(window, "en", chance, asked)
    if sentence is not None and english is not None:
        _warn(loaded, window_field(window), sentence, english)


def _warn(loaded: LoadedScenario, path: str, sentence: str, english: str) -> None:
    from aigc_roi.present.errors import in_file_order
    from aigc_roi.present.text import visible
    from aigc_roi.reader.yamltree import find_node

    node = find_node(loaded.tree, path)
    where = loaded.path if node is None else f"{node.source or loaded.path}:{node.line}:{node.column}"
    order = in_file_order(None, None) if node is None else in_file_order(node.line, node.column, node.source)
    warn_at(loaded.path, order, visible(f"{where}: {path}: {sentence}"), visible(f"{where}: {path}: {english}"))
