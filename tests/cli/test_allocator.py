"""The simulate command asks glibc to keep freed chunk memory, unless the user chose the thresholds."""

from __future__ import annotations

import ctypes
import sys
from typing import Any

import pytest

from aigc_roi.cli import allocator


class _Libc:
    def __init__(self, calls: list[tuple[int, int]]) -> None:
        self.mallopt = _Mallopt(calls)


class _Mallopt:
    argtypes: Any = None
    restype: Any = None

    def __init__(self, calls: list[tuple[int, int]]) -> None:
        self.calls = calls

    def __call__(self, parameter: int, value: int) -> int:
        self.calls.append((parameter, value))
        return 1


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    made: list[tuple[int, int]] = []
    monkeypatch.setattr(ctypes, "CDLL", lambda name: _Libc(made))
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("MALLOC_MMAP_THRESHOLD_", raising=False)
    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    return made


def test_both_thresholds_are_raised_together(calls: list[tuple[int, int]]) -> None:
    allocator.reuse_freed_memory()
    # glibc's M_MMAP_THRESHOLD is -3 and M_TRIM_THRESHOLD -1 (malloc.h); 32 MiB is the largest mmap threshold it takes.
    assert calls == [(-3, 32 * 1024 * 1024), (-1, 256 * 1024 * 1024)]


def test_a_users_own_threshold_wins(calls: list[tuple[int, int]], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MALLOC_TRIM_THRESHOLD_", "0")
    allocator.reuse_freed_memory()
    assert calls == []


def test_nothing_is_asked_of_an_allocator_that_is_not_glibcs(calls: list[tuple[int, int]], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    allocator.reuse_freed_memory()
    assert calls == []
