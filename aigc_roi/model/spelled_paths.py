"""A path to read named as its user wrote it, where pathlib would rewrite the name's meaning away.

pathlib drops a folder's ending (``Path("plan.yaml/")`` is ``plan.yaml``, ``Path("plans/.")`` is ``plans``): the
system then opened ``plan.yaml`` where ``cat plan.yaml/`` fails ("Not a directory"), and every message named
``missing`` where the user typed ``missing/``. A ``SpelledPath`` keeps the name as written, for the system and for
the messages alike, so a file named as a folder cannot be read, as a missing file cannot, wherever it is read.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    _SystemPath = Path
else:
    # Before Python 3.12 only Path's class for this system (PosixPath, WindowsPath) can be subclassed.
    _SystemPath = type(Path())


def folder_ending(name: str) -> str | None:
    """The ending that makes ``name`` a folder's name, whether or not there is one (a separator, ``.`` or ``..``),
    or None. pathlib drops it (``Path("newdir/")`` is ``newdir``), so a name is checked for it as typed."""
    if name.endswith(tuple(separator for separator in (os.sep, os.altsep) if separator)):
        return name[-1]
    last = os.path.basename(name)
    return last if last in (".", "..") else None


def file_named_as_folder(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a file's name written as a folder's (``plan.yaml/``), which the system refuses ("Not a
    directory") where realpath, as pathlib, names the file itself. A missing name with the ending is not: it names
    no file either way."""
    if folder_ending(os.fspath(path)) is None:
        return False
    try:
        os.stat(path)
    except NotADirectoryError:
        return True
    except (OSError, ValueError):  # missing, or not to be looked at
        pass
    return False


class SpelledPath(_SystemPath):
    """A path whose text (``str``, ``os.fspath``) is the name as written; a path made from it (its parent, a file
    below it) is written as pathlib writes any."""

    spelling: str | None = None
    """The name as written; None in a path pathlib made from it."""

    def __str__(self) -> str:
        return super().__str__() if self.spelling is None else self.spelling

    def __fspath__(self) -> str:
        return str(self)

    def __reduce__(self) -> tuple[object, tuple[str]]:
        # pathlib pickles the parts, which have lost the ending: check's workers would read plan.yaml.
        return spelled_path, (str(self),)


def spelled_path(name: str) -> Path:
    """``name`` as a Path, kept as written (a ``SpelledPath``) where it ends as a folder's name does."""
    if folder_ending(name) is None:
        return Path(name)
    path = SpelledPath(name)
    path.spelling = name
    return path
