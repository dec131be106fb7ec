"""Why a file given to read could not be opened, in the words every reader (scenario or export) uses."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from aigc_roi.model.names import extension_of


def cannot_read(path: str | Path, error: OSError | ValueError) -> str:
    """``cannot read file: REASON``; a folder (one below a folder `validate` was given, that it may not open) is
    called a folder, a ``-`` that names no file says what the user meant by it: standard input, and a link that
    leads nowhere says so, naming what it leads to: the file is there, its target is not (`No such file or
    directory` beside a name `ls` lists read as a typo)."""
    reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    if isinstance(error, OSError) and error.errno == errno.ENOENT and str(path) == "-":
        return "cannot read file: reading from standard input (-) is not supported; give a file name"
    if isinstance(error, OSError) and error.errno == errno.ENOENT:
        target = _link_text(path)
        if target is not None:
            return missing_target(target)
    try:
        folder = os.path.isdir(path)
    except (OSError, ValueError):
        folder = False
    return f"cannot read {'folder' if folder else 'file'}: {reason}"


def missing_target(target: str) -> str:
    """Why a link holding ``target`` that leads nowhere is not read, the working tree's or one stored at a git
    revision: its target named by kind as far as its text tells, the target being gone. A YAML name is a file (a
    scenario's); a name ending in ``/`` a folder; anything else a path (``s/lf -> ../shared`` was called a file,
    QA)."""
    last = target.rstrip("/").rsplit("/", 1)[-1]
    kind = ("folder" if target.endswith("/") else
            "file" if extension_of(last) in (".yaml", ".yml") else "path")
    return f"cannot read file: a symbolic link to a missing {kind} ({target})"


def _link_text(path: str | Path) -> str | None:
    """What the link ``path`` holds, as ``ls -l`` shows it; None where ``path`` is no link (or went away)."""
    try:
        return os.readlink(path)
    except (OSError, ValueError):
        return None


def not_a_regular_file(mode: int, kind: str) -> str:
    """Why a file to read (``kind``: ``a scenario file``) that ``mode`` (its st_mode) says is no regular file is
    refused: a folder is called one (``run plans/``; validate and check are the commands that read a folder),
    a device, FIFO or socket not a regular file."""
    return f"is a folder, not {kind}" if stat.S_ISDIR(mode) else "cannot read file: not a regular file"
