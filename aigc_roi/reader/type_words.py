"""A channel's ``type:`` written as the tables write the type: what to write instead.

`run --lang zh` shows a channel's type as 按转化付费, 按展示付费, 达人 or 固定费用 (each type's ``type_labels``,
model/channels/) and the organic row's as 自然; a Chinese team writes a file with those words. None is spelt near
the word it means (达人 is nothing like ``kol`` to difflib), so each is told the type it names, from the registry,
as ``period: 年`` is told ``'year'``; the organic row's word is told where organic users are written, since they are
no channel.
"""

from __future__ import annotations

from aigc_roi.model.channels import CHANNEL_TYPES

ORGANIC_WORDS = frozenset({"organic", "自然", "自然流量"})
"""The organic row's label in a table (and the CSV's 自然流量): no channel type."""

ORGANIC_HINT = "organic users are no channel: write them at the top level, organic_users: (new users a month)"


def type_word_hint(written: str) -> str | None:
    """The hint for ``written`` as a channel's type, where it is a table's word for a type (``达人``: ``did you
    mean 'kol'?``) or for organic users; None for any other word, left to the spelling rule."""
    word = written.strip().lower()
    if word in ORGANIC_WORDS:
        return ORGANIC_HINT
    meant = next((kind for kind, cls in CHANNEL_TYPES.items()
                  if word != kind and word in (label.lower() for label in cls.type_labels.values())), None)
    return f"did you mean '{meant}'?" if meant is not None else None
