"""Writing output files: atomically, and never over a file without ``force``."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


class UsageError(Exception):
    """A bad command-line option value (exit code 2); the message names the option or file."""


def check_writable(path: Path, force: bool) -> None:
    if path.is_dir():
        raise UsageError(f"{path}: is a folder; expected a file name")
    if path.exists() and not force:
        raise UsageError(f"{path}: file exists; use --force to replace it")
    if not path.parent.exists():
        raise UsageError(f"{path}: folder {path.parent} does not exist")


def write_atomically(path: Path, force: bool, write: Callable[[Path], None]) -> None:
    """Run ``write`` on a temporary file beside ``path``, then rename it into place.

    A reader never sees a half-written file, and a failed write leaves any
    existing file untouched.
    """
    check_writable(path, force)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        write(Path(temporary))
        if force:
            os.replace(temporary, path)
        else:
            # link() refuses an existing target, so a file that appeared since
            # the check above is not clobbered either.
            try:
                os.link(temporary, path)
            except FileExistsError:
                raise UsageError(f"{path}: file exists; use --force to replace it") from None
    finally:
        Path(temporary).unlink(missing_ok=True)


def write_text(path: Path, text: str, force: bool) -> None:
    def write(temporary: Path) -> None:
        temporary.write_text(text, encoding="utf-8")

    write_atomically(path, force, write)


def write_bytes(path: Path, data: bytes, force: bool) -> None:
    def write(temporary: Path) -> None:
        temporary.write_bytes(data)

    write_atomically(path, force, write)
