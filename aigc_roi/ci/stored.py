"""Running git, and reading files as a git revision stored them, the way reader/load.py reads the working tree's.

A path stored at REF as a symbolic link (mode 120000) holds the link's text, not a scenario: it is followed within
REF's tree to the file it names, relative to the link's folder and through linked folders, as the system follows a
link in the working tree (``git cat-file --follow-symlinks``). A link that names nothing there, loops, or leads out
of the repository is unreadable at REF with the reason the working tree would give. Every file's size is asked
first, in one batch, so a version over the limit is refused without its bytes being read.
"""

from __future__ import annotations

import errno
import os
import stat
import subprocess
from collections.abc import Sequence

from aigc_roi.ci.errors import BaselineError
from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.reader.load import MAX_FILE_BYTES, not_a_regular_file, too_large, unreadable

OUTSIDE = "a symbolic link to a file outside the repository"
"""Why a link that leads out of the repository at REF is not read: its target there is no file of REF's."""

_BROKEN = {b"dangling": errno.ENOENT, b"loop": errno.ELOOP, b"notdir": errno.ENOTDIR}
"""What git says of a link that leads to no object, as the errno opening it in a working tree gives."""


_GIT_DIRS: set[str] = set()
"""Repositories read by their git directory alone (``git_directory``)."""


def git_directory(folder: str) -> str:
    """``folder``, a git directory (a submodule's, kept in ``.git/modules``), as a repository ``run`` reads: its own
    folder given as the working tree, as git would otherwise move to the one its ``core.worktree`` names, which a
    submodule moved or removed since no longer has ('cannot chdir')."""
    _GIT_DIRS.add(folder)
    return folder


def run(folder: str, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    where = ["-C", folder, f"--work-tree={folder}"] if folder in _GIT_DIRS else ["-C", folder]
    try:
        return subprocess.run(["git", *where, *args], input=stdin, capture_output=True, check=False)
    except FileNotFoundError:
        raise BaselineError("git was not found on PATH") from None


def git(top: str, *args: str, stdin: bytes | None = None) -> bytes:
    done = run(top, *args, stdin=stdin)
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise BaselineError(f"git {args[0]} failed: {lines[-1] if lines else f'exit {done.returncode}'}")
    return done.stdout


def stored_objects(top: str, wanted: Sequence[tuple[str, str]]) -> list[str | ScenarioInvalid | None]:
    """For each (``COMMIT:PATH`` of the repository ``top``, its label in errors): the object id of the file it
    names, why it cannot be read, or None where the tree holds no such path. One git process for all."""
    specs = [name.encode("utf-8", "surrogateescape") for name, _ in wanted]
    # -z only for a name holding a newline, which nothing else needs: older git lacks it.
    nul = any(b"\n" in spec for spec in specs)
    out = git(top, "cat-file", "--batch-check", "--follow-symlinks", *(["-z"] if nul else []),
              stdin=b"".join(spec + (b"\0" if nul else b"\n") for spec in specs))
    found: list[str | ScenarioInvalid | None] = []
    at = 0
    for (_, name), spec in zip(wanted, specs, strict=True):
        absent = spec + b" missing\n"
        if out.startswith(absent, at):
            at += len(absent)
            found.append(None)
            continue
        end = out.index(b"\n", at)
        words = out[at:end].split(b" ")
        at = end + 1
        if words[0] in _BROKEN or words[0] == b"symlink":
            at += int(words[1]) + 1  # the name, or the link's text, and its newline
            code = _BROKEN.get(words[0])
            found.append(unreadable(name, OSError(code, os.strerror(code)) if code else OSError(OUTSIDE)))
        elif words[1] != b"blob":
            found.append(not_a_regular_file(name, stat.S_IFDIR))  # a folder, or a submodule's commit (a folder on disk)
        elif int(words[2]) > MAX_FILE_BYTES:
            found.append(too_large(name, int(words[2])))
        else:
            found.append(words[0].decode())
    return found


def missing(name: str) -> ScenarioInvalid:
    """Why a path REF's tree does not hold is not read there: as the working tree says of a missing file."""
    return unreadable(name, OSError(errno.ENOENT, os.strerror(errno.ENOENT)))


def blob(top: str, object_id: str) -> bytes:
    """The stored bytes, without textconv filters."""
    return git(top, "cat-file", "blob", object_id)
