"""A run's monthly series read from several threads at once (a library user's thread pool; QA of the library).

``Result.months`` joins each series from its chunks the first time it is read and drops the chunks' copies. A reader
that came while another was joining found the copies gone and raised a bare ``KeyError: 'new_users'``. Here the
first reader is held inside its join while a second reads the same series: both get it.
"""

from __future__ import annotations

import pickle
import threading

import numpy as np
import pytest

from aigc_roi.model import engine


def test_a_series_read_while_another_thread_joins_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each chunk (months, samples): two months of one sample each.
    chunks = [{"new_users": np.array([[1.0], [2.0]]), "ad_spend": np.array([[5.0], [6.0]])},
              {"new_users": np.array([[3.0], [4.0]]), "ad_spend": np.array([[7.0], [8.0]])}]
    series = engine._JoinedSeries(chunks)
    joining, released = threading.Event(), threading.Event()
    join = engine._join
    calls = []

    def held_join(parts: list[np.ndarray]) -> np.ndarray:
        calls.append(1)
        if len(calls) == 1:  # the first reader waits inside its join until the second has read
            joining.set()
            released.wait(5)
        return join(parts)

    monkeypatch.setattr(engine, "_join", held_join)
    read: dict[str, np.ndarray] = {}
    first = threading.Thread(target=lambda: read.setdefault("first", series["new_users"]))
    first.start()
    assert joining.wait(5)
    try:
        read["second"] = series["new_users"]
    finally:
        released.set()
        first.join(5)
    # Joined over the samples, then (samples, months).
    expected = np.array([[1.0, 2.0], [3.0, 4.0]])
    np.testing.assert_array_equal(read["first"], expected)
    np.testing.assert_array_equal(read["second"], expected)
    np.testing.assert_array_equal(series["ad_spend"], [[5.0, 6.0], [7.0, 8.0]])


def test_the_series_show_their_names_and_pickle() -> None:
    series = engine._JoinedSeries([{"new_users": np.ones((2, 1))}, {"new_users": np.zeros((2, 1))}])  # 2 months
    assert repr(series) == "{'new_users': (samples, months) arrays}"
    np.testing.assert_array_equal(pickle.loads(pickle.dumps(series))["new_users"], [[1.0, 1.0], [0.0, 0.0]])
