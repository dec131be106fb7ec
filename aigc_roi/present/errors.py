"""The one place a ``ScenarioError`` becomes text: location first, then the message in the user's language."""

from __future__ import annotations

import dataclasses

from aigc_roi.model.errors import ScenarioError
from aigc_roi.present.messages_zh import translate


def located_message(error: ScenarioError | str, lang: str) -> str:
    """``file:line:col: path: message``; English stays canonical, ``zh`` translates the message only."""
    if lang != "zh":
        return str(error)
    if isinstance(error, ScenarioError):
        return str(dataclasses.replace(error, message=translate(error.message)))
    return translate(error)
