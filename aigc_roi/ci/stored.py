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


def run(folder: str, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", "-C", folder, *args], input=stdin, capture_output=True, check=False)
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


Place = tuple[str, str, str]
"""(a repository's top, a commit of it, a path in its tree there)."""


class TreeWalk:
    """Where a path of a repository's tree at a commit leads, as the system would lead there had that commit been
    checked out with its submodules at the commits it records: links followed relative to their folder (at most 40),
    into a submodule and out of it again (``sub/up.yaml -> ../../shared/p.yaml``), each submodule at its recorded
    commit; ``git cat-file --follow-symlinks`` enters none. One git question per folder, asked once."""

    def __init__(self, top: str, commit: str) -> None:
        self._top = top
        self._commit = commit
        self._folders: dict[tuple[str, ...], tuple[Place, dict[str, tuple[str, str]]] | None] = {}

    def located(self, name: str) -> Place:
        """The place ``name`` (a path in the outer tree) leads to, for ``stored_objects`` to read. Where it leads
        nowhere (nothing there, a loop, a link out of the outer repository), the place of the path, or of the last
        link followed, in the repository holding it: git then gives its own reason (missing, or the link's)."""
        return self._led(name)[0]

    def destination(self, name: str) -> Place | str:
        """What ``name`` names: its place, or where a link leads it out of the outer repository, that path's real
        path now (git stores nothing out there, so two links to one outside file name one file)."""
        place, out = self._led(name)
        return place if out is None else os.path.realpath(out)

    def _led(self, name: str) -> tuple[Place, str | None]:
        """(``located``'s place, the path outside the outer repository a link leads ``name`` to, or None)."""
        parts = name.split("/")
        done: list[str] = []
        link: Place | None = None
        hops = 0
        while parts:
            part = parts.pop(0)
            if part in ("", "."):
                continue
            if part == "..":
                if not done:
                    # Up from the outer top: out of the repository, where only a link followed leads.
                    if link is None:
                        return self._place(done, [name]), None
                    return link, os.path.join(os.path.dirname(self._top), *parts)
                done.pop()
                continue
            entry = self._entry(done, part)
            if entry is None or (entry[0] == "120000" and hops >= 40):
                return link or self._place(done, [part, *parts]), None
            mode, object_id = entry
            if mode == "120000":
                hops += 1
                link = self._place(done, [part])
                text = git(link[0], "cat-file", "blob", object_id).decode("utf-8", "surrogateescape")
                if text.startswith("/"):
                    return link, os.path.join(text, *parts)
                parts = text.split("/") + parts
            else:
                done.append(part)
        return self._place(done[:-1], done[-1:]), None

    def _place(self, folder: list[str], rest: list[str]) -> Place:
        """``folder/rest`` in the repository holding ``folder`` (the outer one where a submodule is not checked
        out, or lacks its recorded commit)."""
        listing = self._listing(tuple(folder))
        (top, commit, inside) = listing[0] if listing is not None else (self._top, self._commit, "/".join(folder))
        return top, commit, "/".join(name for name in (inside, *rest) if name)

    def _entry(self, folder: list[str], name: str) -> tuple[str, str] | None:
        """(mode, object id) of ``name`` in ``folder``, read in the repository holding it."""
        listing = self._listing(tuple(folder))
        return None if listing is None else listing[1].get(name)

    def _listing(self, folder: tuple[str, ...]) -> tuple[Place, dict[str, tuple[str, str]]] | None:
        """(the folder's place, its entries by name), a submodule entered at the commit its folder records;
        None where it is no folder there."""
        if folder not in self._folders:
            place: Place | None = (self._top, self._commit, "")
            if folder:
                outer = self._listing(folder[:-1])
                entry = None if outer is None else outer[1].get(folder[-1])
                place = None
                if outer is not None and entry is not None and entry[0] == "040000":
                    top, commit, inside = outer[0]
                    place = (top, commit, f"{inside}/{folder[-1]}" if inside else folder[-1])
                elif outer is not None and entry is not None and entry[0] == "160000":
                    top = os.path.join(outer[0][0], outer[0][2], folder[-1])
                    if run(top, "cat-file", "-e", f"{entry[1]}^{{commit}}").returncode == 0:
                        place = (top, entry[1], "")
            self._folders[folder] = None if place is None else (place, self._entries(place))
        return self._folders[folder]

    @staticmethod
    def _entries(place: Place) -> dict[str, tuple[str, str]]:
        top, commit, folder = place
        # COMMIT:FOLDER names the folder literally, where a path given to ls-tree is a pattern.
        listed = run(top, "ls-tree", "-z", f"{commit}:{folder}").stdout.decode("utf-8", "surrogateescape")
        entries = {}
        for line in listed.split("\0"):
            if "\t" in line:
                info, name = line.split("\t", 1)
                mode, _, object_id = info.split(" ")
                entries[name] = (mode, object_id)
        return entries
