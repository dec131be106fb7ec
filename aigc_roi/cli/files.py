"""Writing output files: atomically, and never over a file without ``force``.

A written file gets the mode any other program would give it (0666 less the
umask), or keeps the mode of the file ``--force`` replaces; mkstemp's 0600
would silently hide a shared report from its readers.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Sequence
from pathlib import Path


class UsageError(Exception):
    """A bad command-line option value (exit code 2); the message names the option or file."""


def cannot_write(path: Path | str, error: OSError) -> UsageError:
    """``FILE: cannot write: reason``, the one line every failed write reads as."""
    return UsageError(f"{path}: cannot write: {error.strerror or error}")


def _name_max(folder: Path) -> int:
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        return 255


def check_writable(path: Path, force: bool) -> None:
    """Refuse, before anything is computed or written, an output that cannot be written."""
    try:
        _check_writable(path, force)
    except OSError as error:  # stat itself fails on a name too long or a folder without access
        raise cannot_write(path, error) from None


def _check_writable(path: Path, force: bool) -> None:
    if path.is_dir():
        raise UsageError(f"{path}: is a folder; expected a file name")
    if path.exists() and not force:
        raise UsageError(f"{path}: file exists; use --force to replace it")
    folder = path.parent
    if not folder.exists():
        raise UsageError(f"{path}: folder {folder} does not exist")
    if not folder.is_dir():
        raise cannot_write(path, NotADirectoryError(20, os.strerror(20)))
    if len(os.fsencode(path.name)) > _name_max(folder):
        raise cannot_write(path, OSError(36, os.strerror(36)))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise cannot_write(path, PermissionError(13, os.strerror(13)))


def check_outputs(paths: Sequence[Path | None], force: bool) -> None:
    """Every output of one command checked before any is written: each writable, no two the same file."""
    given = [path for path in paths if path is not None]
    seen: dict[str, Path] = {}
    for path in given:
        check_writable(path, force)
        key = os.path.realpath(path)
        if key in seen:
            raise UsageError(f"{path}: named twice ({seen[key]} is the same file); give each output its own file")
        seen[key] = path


def _new_file_mode(path: Path, force: bool) -> int:
    if force:
        try:
            return stat.S_IMODE(os.stat(path).st_mode)
        except OSError:
            pass
    # The umask can only be read by setting it; restored at once (the CLI is single-threaded).
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomically(path: Path, force: bool, write: Callable[[Path], None]) -> None:
    """Run ``write`` on a temporary file beside ``path``, then rename it into place.

    A reader never sees a half-written file, and a failed write leaves any
    existing file untouched. Any failure of the file system becomes one
    ``FILE: cannot write: reason`` UsageError.
    """
    import tempfile  # only a command writing a file needs it

    check_writable(path, force)
    try:
        # A short fixed prefix: a name near the 255-byte limit must not overflow in its temporary twin.
        handle, temporary = tempfile.mkstemp(prefix=".aigc-roi.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise cannot_write(path, error) from None
    os.close(handle)
    try:
        write(Path(temporary))
        os.chmod(temporary, _new_file_mode(path, force))
        if force:
            os.replace(temporary, path)
        else:
            # link() refuses an existing target, so a file that appeared since
            # the check above is not clobbered either.
            try:
                os.link(temporary, path)
            except FileExistsError:
                raise UsageError(f"{path}: file exists; use --force to replace it") from None
    except OSError as error:
        raise cannot_write(path, error) from None
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
