"""A comma a Chinese input method types between the items of a ``[ ]`` list or a ``{ }`` mapping: the full-width
'，' and the ideographic '、' (the comma that lists things in Chinese). YAML separates items with an ASCII ',' only,
so it reads ``[抖音激活CPA， 信息流]`` as the one item '抖音激活CPA， 信息流', and fails at the next ':' in a mapping.
reader/yamltree.py reports either at the comma, in these words, and reads such an item as the items meant."""

from __future__ import annotations

import re

ITEM_COMMAS = {
    "，": "full-width comma '，' (IME input) does not separate items in YAML; write an ASCII ','",
    "、": "ideographic comma '、' (IME input) does not separate items in YAML; write an ASCII ','",
}
_COMMA = re.compile(f"[{''.join(ITEM_COMMAS)}]")


def first_comma(text: str) -> re.Match[str] | None:
    """The first of ``ITEM_COMMAS`` in ``text``."""
    return _COMMA.search(text)


def items_meant(text: str) -> list[tuple[int, str]]:
    """(offset, text) of each item that ``text`` holds between such commas, without its outer spaces; an empty one
    (two commas in a row) is none."""
    items = []
    start = 0
    for part in _COMMA.split(text):
        stripped = part.strip()
        if stripped:
            items.append((start + len(part) - len(part.lstrip()), stripped))
        start += len(part) + 1
    return items
