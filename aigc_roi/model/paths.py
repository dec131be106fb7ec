"""Field paths as ``--set`` and the drivers write them: ``acquisition[0].bid``,
``acquisition[Bilibili CPA].bid``, ``monetization.plans[0].price``."""

from __future__ import annotations

import re

_SEGMENT = re.compile(r"\.?([A-Za-z_][A-Za-z0-9_]*)|\[([^\]]+)\]")


def split_path(path: str) -> list[str] | None:
    """``a.b[0][Name]`` -> ["a", "b", "[0]", "[Name]"]; None when malformed."""
    segments: list[str] = []
    position = 0
    while position < len(path):
        match = _SEGMENT.match(path, position)
        if match is None or (match.group(0).startswith(".") and not segments):
            return None
        segments.append(match[1] if match[1] is not None else f"[{match[2]}]")
        position = match.end()
    return segments
