"""Pieces of work on threads (whatif/threads.py), and `simulate` on several of them: the same numbers as on one."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import fields
from typing import Any

import numpy as np
import pytest
from test_simulate_stream import EVERY_KIND, GATED, scenario

from aigc_roi.whatif import simulate as simulate_module
from aigc_roi.whatif.forked import can_fork
from aigc_roi.whatif.simulate import Simulation, simulate
from aigc_roi.whatif.threads import ordered_map


def test_results_come_in_the_order_of_the_items_though_a_later_one_finishes_first() -> None:
    first_may_finish = threading.Event()
    finished: list[int] = []

    def work(item: int) -> int:
        if item == 0:
            assert first_may_finish.wait(timeout=10)
            finished.append(item)
        else:
            finished.append(item)
            first_may_finish.set()
        return item * 10

    assert list(ordered_map(work, range(4), jobs=2)) == [0, 10, 20, 30]
    assert finished[0] == 1


def test_no_more_than_jobs_plus_one_items_are_taken_before_the_first_result_is_read() -> None:
    taken: list[int] = []

    def items() -> Iterator[int]:
        for item in range(100):
            taken.append(item)
            yield item

    results = ordered_map(lambda item: item, items(), jobs=3)
    assert next(results) == 0
    assert len(taken) == 4
    results.close()


def test_an_exception_is_raised_where_its_result_would_be_read_and_later_items_are_not_started() -> None:
    started: list[int] = []

    def work(item: int) -> int:
        started.append(item)
        if item == 1:
            raise ValueError("piece 1")
        return item

    results = ordered_map(work, range(50), jobs=2)
    assert next(results) == 0
    with pytest.raises(ValueError, match="piece 1"):
        next(results)
    assert max(started) <= 4


def test_no_thread_outlives_a_map_read_to_its_end_or_left_early() -> None:
    before = threading.active_count()
    assert list(ordered_map(lambda item: item, range(20), jobs=3)) == list(range(20))
    left = ordered_map(lambda item: item, range(20), jobs=3)
    assert next(left) == 0
    left.close()
    assert threading.active_count() == before


def test_one_job_works_in_the_calling_thread() -> None:
    caller = threading.get_ident()
    assert list(ordered_map(lambda item: threading.get_ident() == caller, range(3), jobs=1)) == [True] * 3


def assert_same_simulation(got: Simulation, expected: Simulation) -> None:
    """Every field, every array to the last bit (NaN where NaN)."""
    for field in fields(Simulation):
        left, right = getattr(got, field.name), getattr(expected, field.name)
        if field.name in ("sample_figures", "inputs"):
            assert left.keys() == right.keys()
            for name in left:
                np.testing.assert_array_equal(left[name], right[name], strict=True)
        elif field.name == "net_cash_histogram":
            np.testing.assert_array_equal(left.edges, right.edges, strict=True)
            np.testing.assert_array_equal(left.counts, right.counts, strict=True)
        elif field.name == "cash_fan":
            assert left.samples == right.samples and left.percentiles.keys() == right.percentiles.keys()
            for q in left.percentiles:
                np.testing.assert_array_equal(left.percentiles[q], right.percentiles[q], strict=True)
        else:
            assert left == right, field.name


WORKERS = [pytest.param(False, id="threads"),
           pytest.param(True, id="forked", marks=pytest.mark.skipif(not can_fork(), reason="workers fork on Linux alone"))]
"""Where ``simulate``'s chunks go on several cores: threads, or forked processes (whatif/forked.py)."""


@pytest.mark.parametrize("text", [EVERY_KIND, GATED], ids=["by_month", "gated"])
@pytest.mark.parametrize("streamed", [False, True], ids=["in_memory", "streamed"])
@pytest.mark.parametrize("forked", WORKERS)
def test_threads_give_the_numbers_one_thread_gives(monkeypatch: pytest.MonkeyPatch, text: str, streamed: bool,
                                                   forked: bool) -> None:
    if streamed:
        monkeypatch.setattr(simulate_module, "STREAM_SAMPLES", 1000)
    monkeypatch.setattr(simulate_module, "can_fork", lambda: forked)
    # Three threads on any machine: simulate holds them to the cores, which this says are three.
    monkeypatch.setattr(simulate_module, "cores", lambda: 3)
    plan = scenario(text)
    # Nine chunks: threads finish them out of order.
    one = simulate(plan, samples=3000, seed=5, chunk_size=350)
    three = simulate(plan, samples=3000, seed=5, chunk_size=350, jobs=3)
    assert_same_simulation(three, one)


@pytest.mark.parametrize("forked", WORKERS)
def test_the_progress_of_every_stage_still_rises_in_order_on_threads(monkeypatch: pytest.MonkeyPatch, forked: bool) -> None:
    monkeypatch.setattr(simulate_module, "cores", lambda: 2)
    monkeypatch.setattr(simulate_module, "can_fork", lambda: forked)
    heard: list[tuple[str, int, int]] = []
    simulate(scenario(EVERY_KIND), samples=2000, seed=1, chunk_size=300, jobs=2,
             stage_progress=lambda stage, done, total: heard.append((stage, done, total)))
    evaluated = [done for stage, done, _ in heard if stage == "evaluating"]
    if forked:
        # The samples done, as each chunk ends: the short last chunk may end before another.
        assert evaluated[-1] == 2000 and sorted(np.diff([0, *evaluated]).tolist()) == [200] + [300] * 6
    else:
        assert evaluated == [300, 600, 900, 1200, 1500, 1800, 2000]
    shares = [(done, total) for stage, done, total in heard if stage == "shares"]
    assert shares == [(done, shares[0][1]) for done in range(1, shares[0][1] + 1)]


def test_jobs_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="^jobs: expected a whole number >= 1, found 0$"):
        simulate(scenario(EVERY_KIND), samples=10, jobs=0)


def test_a_thread_count_beyond_the_cores_is_held_to_the_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[int] = []
    real_map = simulate_module.ordered_map

    def counting_map(work: Any, items: Any, jobs: int) -> Any:
        asked.append(jobs)
        return real_map(work, items, jobs)

    monkeypatch.setattr(simulate_module, "cores", lambda: 3)
    monkeypatch.setattr(simulate_module, "ordered_map", counting_map)
    simulate(scenario(EVERY_KIND), samples=1000, seed=2, chunk_size=300, jobs=1000)
    assert asked and set(asked) == {3}
