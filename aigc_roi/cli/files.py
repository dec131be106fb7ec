"""Writing output files: atomically, all of a command's outputs or none, never over a file without ``force``.

A written file gets the mode any other program would give it (0666 less the
umask), or keeps the mode of the file ``--force`` replaces; mkstemp's 0600
would silently hide a shared report from its readers.

What ``--force`` may replace: a regular file that is not an input of the same
command. A device, FIFO or socket is refused (renaming over ``/dev/null``
would replace the device itself with a file); a symbolic link is written
through to its target, as editors do, so the link survives and its target is
what changes. An input named as the output (``run s.yaml -o s.yaml --force``)
is refused: the result would replace the scenario it came from.

Inside ``command_outputs()`` (the CLI edge wraps every command in it) a write
only prepares its temporary file; they are renamed into place together when
the command succeeds, and removed when it fails, so a failure half-way (stdout
full after ``--plot`` was drawn) leaves no output behind. SIGTERM and SIGHUP
remove the temporary files too before the process ends by the signal.
"""

from __future__ import annotations

import os
import signal
import stat
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import BinaryIO

from aigc_roi.present.text import visible


class UsageError(Exception):
    """A bad command-line option value (exit code 2), a file the command line names to write included; the message
    names the option or file, and is shown after the program's name (cli/streams.py ``usage_errors``)."""


def cannot_write(path: Path | str, error: OSError) -> UsageError:
    """``FILE: cannot write: reason``, the one line every failed write reads as."""
    return UsageError(f"{path}: cannot write: {error.strerror or error}")


def unencodable(error: UnicodeEncodeError, encoding: str) -> str:
    """Why text could not be written in ``encoding``: the first character it has no code for, and the remedy."""
    character = error.object[error.start]
    if "\ud800" <= character <= "\udfff":
        # Python's stand-in for a byte of a command-line word (a file name) that is no UTF-8: no encoding has it.
        return f"a name on the command line is not UTF-8 text (it holds {visible(character)})"
    return (f"its encoding ({encoding}) has no '{visible(character)}' (U+{ord(character):04X}); "
            "set PYTHONIOENCODING=utf-8 or a UTF-8 locale")


# Plain classes, not dataclasses: this module loads with every command, `--help` too, and making a dataclass costs
# half a millisecond of its start-up.
class _Pending:
    """A prepared output: its temporary file, written and ready to be renamed onto ``target``."""

    __slots__ = ("shown", "target", "temporary", "force", "or_stdout")

    def __init__(self, shown: Path, target: Path, temporary: Path, force: bool, or_stdout: bool) -> None:
        self.shown = shown
        """The output as the user named it, for messages."""
        self.target = target
        """Where it goes: ``shown``, or the file its symbolic link points to."""
        self.temporary = temporary
        self.force = force
        self.or_stdout = or_stdout
        """Whether the option that names it also takes ``-`` for standard output, which a refusal then offers."""


class _CommandFiles:
    """The files one command reads and the outputs it has prepared but not yet put in place."""

    __slots__ = ("inputs", "pending")

    def __init__(self) -> None:
        self.inputs: dict[tuple[int, int], Path] = {}
        """(device, inode) of each input: a hard link or a symbolic link to an input is that input."""
        self.pending: list[_Pending] = []


_command_files: ContextVar[_CommandFiles | None] = ContextVar("command_files", default=None)


def register_inputs(paths: Sequence[Path]) -> None:
    """Files this command reads: no output of it may replace them. Outside a command, nothing to protect."""
    files = _command_files.get()
    if files is None:
        return
    for path in paths:
        try:
            status = os.stat(path)
        except (OSError, ValueError):
            continue  # the loader reports a missing or unreadable input
        files.inputs[(status.st_dev, status.st_ino)] = path


def _name_max(folder: Path) -> int:
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        return 255


def is_folder(path: Path) -> bool:
    """Whether ``path`` is a folder; a path the system refuses to look at (too long, no access) is not,
    and the write then says why it cannot be written."""
    try:
        return path.is_dir()
    except OSError:
        return False


def _target(path: Path) -> Path:
    """Where writing ``path`` lands: the file a symbolic link points to, else ``path`` itself."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def check_writable(path: Path, force: bool, or_stdout: bool = False) -> None:
    """Refuse, before anything is computed or written, an output that cannot or must not be written; a device
    refused offers ``-`` where the option also takes it (``or_stdout``: ``-o``, not ``--plot``)."""
    try:
        _check_writable(path, force, or_stdout)
    except (OSError, ValueError) as error:  # stat fails on a name too long, a NUL, a folder without access
        raise cannot_write(path, error if isinstance(error, OSError) else OSError(22, os.strerror(22))) from None


def _check_writable(path: Path, force: bool, or_stdout: bool) -> None:
    target = _target(path)
    if target.is_dir():
        raise UsageError(f"{path}: is a folder; expected a file name")
    try:
        status = os.stat(target)
    except FileNotFoundError:
        status = None
    if status is not None:
        files = _command_files.get()
        protected = files.inputs.get((status.st_dev, status.st_ino)) if files is not None else None
        if protected is not None:
            named = "" if protected == path else f" ({protected})"
            raise UsageError(f"{path}: is an input of this command{named}; write the result to another file")
        if not stat.S_ISREG(status.st_mode):
            raise UsageError(f"{path}: not a regular file (a device, FIFO or socket); name a file"
                             + (", or - for standard output" if or_stdout else ""))
        if not force:
            raise UsageError(f"{path}: file exists; use --force to replace it")
    folder = target.parent
    if not folder.exists():
        raise UsageError(f"{path}: folder {folder} does not exist")
    if not folder.is_dir():
        raise cannot_write(path, NotADirectoryError(20, os.strerror(20)))
    if len(os.fsencode(target.name)) > _name_max(folder):
        raise cannot_write(path, OSError(36, os.strerror(36)))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise cannot_write(path, PermissionError(13, os.strerror(13)))


def check_outputs(paths: Sequence[Path | None], force: bool, inputs: Sequence[Path] = (),
                  files: Sequence[Path | None] = ()) -> None:
    """Every output of one command checked before any is written: each writable, none an input, no two the same file.
    ``paths``: those of options that also take ``-`` for standard output; ``files``: of options that write only a file."""
    register_inputs(inputs)
    given = [(path, or_stdout) for named, or_stdout in ((paths, True), (files, False)) for path in named if path is not None]
    seen: dict[str, Path] = {}
    for path, or_stdout in given:
        check_writable(path, force, or_stdout)
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


class _Signalled(BaseException):
    """SIGTERM or SIGHUP arrived while temporary files existed: unwind, remove them, then end by the signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


_CLEANUP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


@contextmanager
def _signals_unwind() -> Iterator[None]:
    """Within: SIGTERM and SIGHUP unwind like Ctrl-C (so ``finally`` removes temporary files), and the
    process then ends by the same signal, as its parent expects."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def unwind(signum: int, frame: object) -> None:
        raise _Signalled(signum)

    previous = {number: signal.signal(number, unwind) for number in _CLEANUP_SIGNALS}
    try:
        yield
    except _Signalled as signalled:
        for number, handler in previous.items():
            signal.signal(number, handler)
        signal.signal(signalled.signum, signal.SIG_DFL)
        os.kill(os.getpid(), signalled.signum)
        raise SystemExit(128 + signalled.signum) from None  # reached only where the signal is ignored
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _prepare(path: Path, force: bool, write: Callable[[Path], None], or_stdout: bool) -> _Pending:
    import tempfile  # only a command writing a file needs it

    check_writable(path, force, or_stdout)
    target = _target(path)
    try:
        # A short fixed prefix: a name near the 255-byte limit must not overflow in its temporary twin.
        handle, temporary = tempfile.mkstemp(prefix=".aigc-roi.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise cannot_write(path, error) from None
    os.close(handle)
    try:
        write(Path(temporary))
        os.chmod(temporary, _new_file_mode(target, force))
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise cannot_write(path, error) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return _Pending(path, target, Path(temporary), force, or_stdout)


def _put_in_place(pending: _Pending) -> None:
    # Checked again: a file may have appeared, or become a FIFO, since the command started.
    check_writable(pending.shown, pending.force, pending.or_stdout)
    try:
        if pending.force:
            os.replace(pending.temporary, pending.target)
        else:
            # link() refuses an existing target, so a file that appeared since the check is not clobbered either.
            try:
                os.link(pending.temporary, pending.target)
            except FileExistsError:
                raise UsageError(f"{pending.shown}: file exists; use --force to replace it") from None
    except OSError as error:
        raise cannot_write(pending.shown, error) from None


def write_atomically(path: Path, force: bool, write: Callable[[Path], None], or_stdout: bool = False) -> None:
    """Run ``write`` on a temporary file beside ``path``, then rename it into place.

    A reader never sees a half-written file, and a failed write leaves any
    existing file untouched. Any failure of the file system becomes one
    ``FILE: cannot write: reason`` UsageError. Inside ``command_outputs()``
    the rename waits for the command to succeed. ``or_stdout``: as ``check_writable`` takes it.
    """
    files = _command_files.get()
    if files is not None:
        files.pending.append(_prepare(path, force, write, or_stdout))
        return
    with _signals_unwind():
        pending = _prepare(path, force, write, or_stdout)
        try:
            _put_in_place(pending)
        finally:
            pending.temporary.unlink(missing_ok=True)


@contextmanager
def command_outputs() -> Iterator[Callable[[], None]]:
    """One command's outputs, all or none: yields ``commit``, which puts every prepared output in
    place (raising UsageError for one that can no longer be written); whatever is not committed
    when the block ends is removed."""
    files = _CommandFiles()
    token = _command_files.set(files)

    def commit() -> None:
        try:
            for pending in files.pending:
                _put_in_place(pending)
        finally:
            _remove(files)

    try:
        with _signals_unwind():
            try:
                yield commit
            finally:
                _remove(files)
    finally:
        _command_files.reset(token)


def _remove(files: _CommandFiles) -> None:
    for pending in files.pending:
        pending.temporary.unlink(missing_ok=True)
    files.pending.clear()


def write_text(path: Path, text: str, force: bool, or_stdout: bool = False) -> None:
    def write(temporary: Path) -> None:
        temporary.write_text(text, encoding="utf-8")

    try:
        write_atomically(path, force, write, or_stdout)
    except UnicodeEncodeError as error:
        raise UsageError(f"{path}: cannot write: {unencodable(error, 'utf-8')}") from None


def write_bytes(path: Path, data: bytes | Iterable[bytes], force: bool, or_stdout: bool = False) -> None:
    """``data`` whole, or piece by piece as an iterable yields it (a large table, never all in memory at once)."""
    def write(file: BinaryIO) -> None:
        for piece in [data] if isinstance(data, bytes) else data:
            file.write(piece)

    write_through(path, force, write, or_stdout)


def write_through(path: Path, force: bool, write: Callable[[BinaryIO], None], or_stdout: bool = False) -> None:
    """``write`` fills the file through its handle as it makes the output (a table too long to hold, written as
    the samples that make it are evaluated)."""
    def fill(temporary: Path) -> None:
        with temporary.open("wb") as file:
            write(file)

    write_atomically(path, force, fill, or_stdout)
