"""The signals that end a command as they end any process, named once: a command unwinds its outputs on them
(cli/files.py), and forks its workers with them held (whatif/forked.py). Imports nothing but ``signal``, which every
command, ``--help`` included, has already loaded."""

from __future__ import annotations

import signal

ENDING_SIGNALS: tuple[signal.Signals, ...] = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))
"""SIGTERM (a ``kill``, ``docker stop``) and SIGHUP (a closed terminal), where the system has them: Windows has no
SIGHUP."""
