"""What the tests of worker processes ask of a process (tests/whatif/test_forked.py, tests/ci/test_check_signals.py)."""

from __future__ import annotations


def running(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie nobody has reaped yet has ended)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
