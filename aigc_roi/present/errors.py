"""The one place a ``ScenarioError`` becomes text: location first, then the message in the user's language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aigc_roi.present.text import visible

if TYPE_CHECKING:
    # Not at run time: `--help` renders problems of the command line (text) and must not pay for the dataclasses an
    # error of a file is made of.
    from aigc_roi.model.errors import ScenarioError


def located_message(error: ScenarioError | str, lang: str) -> str:
    """``file:line:col: path: message``; English stays canonical, ``zh`` translates the message only."""
    # A line break or escape in a file name or a found value must not split the line or reach the terminal.
    return visible(message_in(error, lang) if isinstance(error, str) else str(error_in(error, lang)))


def message_in(message: str, lang: str) -> str:
    """An English message in ``lang``: as written, or translated for ``zh``."""
    if lang != "zh":
        return message
    # Its few hundred patterns compile at import: only a Chinese session pays for them.
    from aigc_roi.present.messages_zh import translate

    return translate(message)


def error_in(error: ScenarioError, lang: str) -> ScenarioError:
    """``error`` with its message in ``lang`` (``message_in``), its location as it is."""
    if lang != "zh":
        return error
    import dataclasses

    return dataclasses.replace(error, message=message_in(error.message, lang))


def in_file_order(line: int | None, column: int | None, option: str | None = None) -> tuple[bool, bool, int, int]:
    """The sort key of a file's warning where it is written, as the reader orders errors: line, then column; one in a
    ``--set`` (``option``) after the file's, and one nothing locates last. Every command's warnings are put in this
    order, whatever their kind (present/ci_warnings.py, cli/streams.py ``warn_at``): kind by kind, a warning at line
    15 once came before one at line 3."""
    return option is not None, line is None, line or 0, column or 0
