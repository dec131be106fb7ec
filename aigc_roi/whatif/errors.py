"""What a what-if refuses to do: problems of the request, not bugs.

The CLI turns a ``WhatIfError`` into one line and exit 2; any other
exception is a bug and must not be dressed up as a usage error. The
numbers a message compares are written so that two different ones never
read as one (model/compared.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from aigc_roi.model.compared import told_apart
from aigc_roi.model.errors import ScenarioError
from aigc_roi.model.rounding import fixed


class WhatIfError(ValueError):
    """A what-if asked of a scenario that cannot answer it (the message says why)."""


class ArgumentError(WhatIfError):
    """A what-if refused for what one of its arguments holds: ``argument`` names it as the call does (``from_day``,
    ``maps[1]``), ``problem`` says what is wrong, and the message is ``argument: problem``, as model/arguments.py
    words a refusal. The CLI, whose options give those arguments, names its option instead (``--from``)."""

    def __init__(self, argument: str, problem: str) -> None:
        super().__init__(argument, problem)
        self.argument, self.problem = argument, problem

    def __str__(self) -> str:
        return f"{self.argument}: {self.problem}"


class ValuesRefused(WhatIfError):
    """Values of the plan a what-if cannot carry into the file it writes, each an ``errors`` line at its field's path:
    unplaced (line 0) where only the Scenario is at hand, in the plan's file once its tree places them
    (api.reforecast), so the user reads where to change the plan, as a reader's error says it."""

    def __init__(self, errors: Sequence[ScenarioError]) -> None:
        # ``args`` the constructor's, as pickle rebuilds the exception from them (model/errors.py ScenarioInvalid).
        super().__init__(tuple(errors))
        self.errors = tuple(errors)

    def __str__(self) -> str:
        return "\n".join(str(error) for error in self.errors)


def amount_text(value: float) -> str:
    """An amount of money in a message, as the other messages write one: thousands separated, cents only
    when there are any (20,000; 1,234.50), never an exponent that drops digits (1.23457e+06); under zh,
    present/messages_zh.py shows it in 万 or 亿 as the tables do."""
    return _amount_at(value, 2)


def _amount_at(value: float, decimals: int) -> str:
    text = fixed(value, decimals, separators=True)
    return text.removesuffix(".00") if decimals == 2 else text


def amount_texts(first: float, second: float) -> tuple[str, str]:
    """Two amounts a message compares, each as ``amount_text`` writes it unless that reads as one amount
    (``told_apart``): minimums of 40,000.004 above a budget of 40,000 read 40,000.004 and 40,000.000, not 40,000
    twice."""
    return told_apart(_amount_at, first, second, 2)


def count_texts(first: float, second: float) -> tuple[str, str]:
    """Two counts a message compares, whole (12,345 users from 12,300 clicks), or with the decimals that tell them
    apart (``told_apart``)."""
    return told_apart(lambda value, decimals: fixed(value, decimals, separators=True), first, second, 0)
