"""The one place a ``ScenarioError`` becomes text: location first, then the message in the user's language."""

from __future__ import annotations

import dataclasses

from aigc_roi.model.errors import ScenarioError
from aigc_roi.present.text import visible


def located_message(error: ScenarioError | str, lang: str) -> str:
    """``file:line:col: path: message``; English stays canonical, ``zh`` translates the message only."""
    # A line break or escape in a file name or a found value must not split the line or reach the terminal.
    if lang != "zh":
        return visible(str(error))
    # Its few hundred patterns compile at import: only a Chinese session pays for them.
    from aigc_roi.present.messages_zh import translate

    if isinstance(error, ScenarioError):
        return visible(str(dataclasses.replace(error, message=translate(error.message))))
    return visible(translate(error))
