"""Folders for tests that write files where no fixture reaches: a module's helpers, or a hypothesis body run a
hundred times in one folder. Each is made under one folder per session, which ``tests/conftest.py`` removes when
the session ends: a folder made with ``tempfile.mkdtemp`` at import outlived every run (hundreds in /tmp)."""

from __future__ import annotations

import tempfile
from pathlib import Path

SESSION_FOLDER = Path(tempfile.mkdtemp(prefix="aigc-roi-tests-"))


def scratch_folder(name: str) -> Path:
    """A new, empty folder ``name`` for this session (``name`` unique among the modules that ask)."""
    folder = SESSION_FOLDER / name
    folder.mkdir()
    return folder
