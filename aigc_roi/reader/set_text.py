"""The sets a plan was read with, written into its file's text: what a re-forecast of that plan rewrites
(api.reforecast), so that the file it writes holds the plan whose figures it was compared with.

Each value a set wrote replaces the file's where it stands, as one line of flow YAML in the set's own words
(``organic_users: 8000``, ``budget: {low: 1, high: 2}``); a key the file does not write joins its mapping: before a
flow mapping's closing brace, or on a line of its own after a block mapping's last value, at its keys' indent. The
rest of the text, comments included, stays as written. What a flow line cannot say as the set said it (a block
scalar's lines) the caller finds by reading the text back.
"""

from __future__ import annotations

from bisect import bisect_left

from aigc_roi.reader.reforecast import closing, is_empty, line_starts, offset, span
from aigc_roi.reader.yamltree import Entry, Node, flow_text

_Edit = tuple[int, int, int, str]
"""[start, end) of the text replaced, the depth of the mapping or list it is in, and the text put there."""


def with_sets(text: str, file_tree: Node, tree: Node) -> str:
    """``text``, which ``file_tree`` was read from, writing what ``tree`` (``file_tree`` with sets applied,
    reader/overrides.py) holds."""
    starts = line_starts(text)
    edits: list[_Edit] = []
    _changes(file_tree, tree, 0, text, starts, edits)
    # From the end backwards, so earlier positions hold; of lines added at one place, an outer mapping's go first,
    # each then pushed below by those of the mappings inside it.
    for start, end, _, replacement in sorted(edits, key=lambda edit: (edit[0], edit[1], -edit[2]), reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def _changes(before: Node, after: Node, depth: int, text: str, starts: list[int], edits: list[_Edit]) -> None:
    """The edits from ``before`` (the file's) to ``after``: a node a set wrote replaces the file's; a container the
    sets wrote through (copied by apply_overrides) is walked, its new keys added."""
    if after is before:
        return
    if after.source is not None:
        start, end = span(before, text, starts)
        # An empty value's position is right after its key's colon.
        edits.append((start, end, depth, (" " if is_empty(before) else "") + flow_text(after)))
    elif after.kind == "map":
        added = [entry for key, entry in after.value.items() if key not in before.value]
        for key, entry in after.value.items():
            if key in before.value:
                _changes(before.value[key].value, entry.value, depth + 1, text, starts, edits)
        if added:
            edits.append(_added(before, added, depth, text, starts))
    elif after.kind == "seq":
        for old, new in zip(before.value, after.value, strict=True):
            _changes(old, new, depth + 1, text, starts, edits)


def _added(mapping: Node, entries: list[Entry], depth: int, text: str, starts: list[int]) -> _Edit:
    """``entries`` added to the file's ``mapping``."""
    written = [f"{flow_text(entry.key)}: {flow_text(entry.value)}" for entry in entries]
    start = offset(starts, mapping.line, mapping.column)
    if text[start] == "{":
        end = closing(text, start)
        return end, end, depth, (", " if mapping.value else "") + ", ".join(written)
    # The line after the mapping's last value (a block scalar's end is a line's start already).
    end = span(mapping, text, starts)[1]
    at = bisect_left(starts, end)
    lines = "".join(f"{' ' * (mapping.column - 1)}{line}\n" for line in written)
    if at < len(starts):
        return starts[at], starts[at], depth, lines
    return len(text), len(text), depth, "\n" + lines  # the text ends on the mapping's last line
