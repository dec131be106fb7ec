"""Searches over drivers run side by side: each step of all of them is one engine call (docs/formulas.md §10).

A search is a generator: it yields an ``Ask``, drivers and their (D, K) candidates, each driver moved alone
with everything else current, and is sent back the figures (D, K) and cumulative cash (D, K, H) at them;
what it returns is its answer. ``run_together`` advances every search by one step per engine call, so
searches of a few steps each cost as many calls as the longest of them, not their sum: a call's Python
overhead, not its samples, is most of what a step of a few drivers costs.
"""

from __future__ import annotations

from collections.abc import Generator, Sequence
from typing import Any, TypeVar

import numpy as np

from aigc_roi.model.scenario import FloatArray, Scenario
from aigc_roi.whatif.drivers import ROW_SERIES, Driver, Figures, moved_alone

T = TypeVar("T")
Ask = tuple[Sequence[Driver], FloatArray] | tuple[Sequence[Driver], FloatArray, bool]
"""Drivers and their (D, K) candidates; at least one driver. A third item True asks for ``evaluate``'s figures
to the last bit (``drivers.moved_alone``, ``exact``): a check of which side of a threshold a value is on."""
Answer = tuple[Figures, Figures]
"""Figures (D, K) and monthly series (D, K, H) of an ``Ask``'s candidates, with which gates pass (D, K, G) in a plan
with gates (``drivers.GATES_PASSED``)."""
Steps = Generator[Ask, Answer, T]


def run_together(realized: Scenario, searches: Sequence[Steps[Any]]) -> list[Any]:
    """Each search's answer, every step of all of them one engine call on the realized scenario."""
    answers: list[Any] = [None] * len(searches)
    pending: dict[int, Ask] = {}

    def advance(index: int, sent: Answer | None) -> None:
        try:
            pending[index] = searches[index].send(sent)  # type: ignore[arg-type]
        except StopIteration as done:
            answers[index] = done.value
            pending.pop(index, None)

    for index in range(len(searches)):
        advance(index, None)
    while pending:
        asked = list(pending.items())
        rows = moved_alone(realized, [(driver, ask[1][d]) for _, ask in asked for d, driver in enumerate(ask[0])],
                           ROW_SERIES, [len(ask) > 2 and bool(ask[2]) for _, ask in asked for _ in ask[0]])
        first = 0
        for index, (drivers, *_) in asked:
            part = rows[first:first + len(drivers)]
            first += len(drivers)
            advance(index, ({name: np.stack([row[0][name] for row in part]) for name in part[0][0]},
                            {name: np.stack([row[1][name] for row in part]) for name in part[0][1]}))
    return answers
