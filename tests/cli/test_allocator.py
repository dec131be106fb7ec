"""Commands that evaluate ask glibc to keep freed chunk memory and numpy for small pages, unless the user chose."""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from aigc_roi.cli import allocator
from aigc_roi.model.pages import small_pages


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
    monkeypatch.delenv("MALLOC_ARENA_MAX", raising=False)
    return made


def test_both_thresholds_are_raised_together_and_threads_share_one_arena(calls: list[tuple[int, int]]) -> None:
    allocator.reuse_freed_memory()
    # glibc's M_MMAP_THRESHOLD is -3, M_TRIM_THRESHOLD -1 and M_ARENA_MAX -8 (malloc.h); 32 MiB is the largest mmap
    # threshold it takes.
    assert calls == [(-3, 32 * 1024 * 1024), (-1, 1024 * 1024 * 1024), (-8, 1)]


def test_a_users_own_threshold_wins(calls: list[tuple[int, int]], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MALLOC_TRIM_THRESHOLD_", "0")
    allocator.reuse_freed_memory()
    assert calls == [(-8, 1)]


def test_a_users_own_arena_count_wins(calls: list[tuple[int, int]], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")
    allocator.reuse_freed_memory()
    assert calls == [(-3, 32 * 1024 * 1024), (-1, 1024 * 1024 * 1024)]


def test_nothing_is_asked_of_an_allocator_that_is_not_glibcs(calls: list[tuple[int, int]], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    allocator.reuse_freed_memory()
    assert calls == []


def _huge_pages_asked() -> bool:
    """numpy's huge-page advice, read by setting it back to what it was (its setter returns the previous value)."""
    from numpy._core import multiarray

    asked = bool(multiarray._set_madvise_hugepage(True))
    multiarray._set_madvise_hugepage(asked)
    return asked


@pytest.fixture
def huge_pages(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    from numpy._core import multiarray

    monkeypatch.delenv("NUMPY_MADVISE_HUGEPAGE", raising=False)
    before = multiarray._set_madvise_hugepage(True)
    yield
    multiarray._set_madvise_hugepage(before)


@pytest.mark.usefixtures("huge_pages")
def test_numpy_is_told_to_fault_small_pages() -> None:
    small_pages()
    assert not _huge_pages_asked()


@pytest.mark.usefixtures("huge_pages")
def test_a_users_own_huge_page_choice_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NUMPY_MADVISE_HUGEPAGE", "1")
    small_pages()
    assert _huge_pages_asked()


@pytest.mark.usefixtures("huge_pages")
def test_a_command_that_evaluates_prepares_both(calls: list[tuple[int, int]]) -> None:
    allocator.prepare_memory()
    assert len(calls) == 3 and not _huge_pages_asked()
