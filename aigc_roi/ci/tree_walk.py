"""Where a path of REF's tree leads, links followed there and into submodules at the commits REF records, for
`check --base REF` to read its version there (ci/baseline.py).

A submodule REF records is read where its repository is now (ci/submodule_store.py), moved or not checked out
since; where no repository here holds the commit REF records for it, the walk stops the run (BaselineError, exit 2),
as a nested repository lacking its commit does in ci/baseline.py: a path through it read as unreadable at REF made
every miss of the file `new since REF`, which nothing read at REF said (QA). The message says what brings the commit:
``git submodule update --init`` for a submodule not checked out (a clone made without ``--recurse-submodules``),
a fetch in one checked out.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from aigc_roi.ci.stored import git, run
from aigc_roi.ci.submodule_store import lacking_commit, submodule_repository

Place = tuple[str, str, str]
"""(a repository's top, a commit of it, a path in its tree there)."""


@dataclass(frozen=True)
class _Led:
    """Where a walk of a path ended."""

    place: Place
    out: str | None
    """The path outside the outer repository a link leads to, or None."""
    missing: str | None
    """The path in the outer tree found missing on the way, or None."""
    text: str | None
    """What the path's own last name holds where it is a link."""
    folder: Place | None = None
    """The folder it ends at, in the repository holding it, or None."""
    names: tuple[str, ...] = ()
    """That folder's entries, sorted by name."""


class TreeWalk:
    """Where a path of a repository's tree at a commit leads, as the system would lead there had that commit been
    checked out with its submodules at the commits it records: links followed relative to their folder (at most 40),
    into a submodule and out of it again (``sub/up.yaml -> ../../shared/p.yaml``), each submodule at its recorded
    commit; ``git cat-file --follow-symlinks`` enters none. One git question per folder, asked once."""

    def __init__(self, top: str, commit: str, ref: str) -> None:
        self.top = top
        self._commit = commit
        self._ref = ref
        """The revision as the user named it, for the message of a submodule lacking its commit."""
        self._folders: dict[tuple[str, ...], tuple[Place, dict[str, tuple[str, str]]] | None] = {}

    def located(self, name: str) -> Place:
        """The place ``name`` (a path in the outer tree) leads to, for ``stored_objects`` to read. Where it leads
        nowhere (nothing there, a loop, a link out of the outer repository), the place of the path, or of the last
        link followed where the path is itself a link that leads nowhere, in the repository holding it: git then
        gives its own reason (missing, or the link's). A path whose rest past a link names nothing is missing."""
        return self._led(name).place

    def destination(self, name: str) -> Place | str:
        """What ``name`` names: its place, or where a link leads it out of the outer repository, that path's real
        path now (git stores nothing out there, so two links to one outside file name one file)."""
        led = self._led(name)
        return led.place if led.out is None else os.path.realpath(led.out)

    def missing(self, name: str) -> str | None:
        """Where ``name`` leads to nothing at the commit, the path (in the outer tree, ``..`` after the missing name
        taken as written, as ``os.path.realpath`` takes it in the working tree) that is not there; None where it
        leads to something, loops or leads out of the outer repository. A link unchanged since whose target is
        missing then and now leads to the same missing path: no change (QA)."""
        return self._led(name).missing

    def link_text(self, name: str) -> str | None:
        """What ``name`` holds at the commit where it is a link itself (its folders followed), as ``os.readlink``
        reads it in the working tree; None where it is no link."""
        return self._led(name).text

    def folder(self, name: str) -> Place | None:
        """The folder ``name`` leads to at the commit, in the repository holding it (a submodule at its recorded
        commit); None where it leads to no folder."""
        return self._led(name).folder

    def names(self, name: str) -> tuple[str, ...]:
        """The entries of the folder ``name`` leads to at the commit, sorted; none where it leads to no folder."""
        return self._led(name).names

    def _led(self, name: str) -> _Led:
        """Where ``name`` leads: ``located``'s place, and what the other questions read of the walk."""
        parts = name.split("/")
        done: list[str] = []
        link: Place | None = None
        text: str | None = None
        hops = 0
        while parts:
            part = parts.pop(0)
            if part in ("", "."):
                continue
            if part == "..":
                if not done:
                    # Up from the outer top: out of the repository, where only a link followed leads.
                    if link is None:
                        return _Led(self._place(done, [name]), None, None, text)
                    return _Led(link, os.path.join(os.path.dirname(self.top), *parts), None, text)
                done.pop()
                continue
            entry = self._entry(done, part)
            if entry is None or (entry[0] == "120000" and hops >= 40):
                gone = None if entry is not None else os.path.normpath("/".join([*done, part, *parts]))
                if gone is not None and text is None:
                    # The path is no dangling link itself: what follows a link on its way (s/lf/new.yaml through
                    # s/lf -> ../shared) names nothing, so the path names nothing at the commit. The missing path's
                    # place, which git reads as missing, not the link's, which it reads as the folder it leads to:
                    # a file added since was `modified`, its REF side `is a folder` (QA).
                    return _Led(self._place(done, [part, *parts]), None, gone, text)
                return _Led(link or self._place(done, [part, *parts]), None, gone, text)
            mode, object_id = entry
            if mode == "120000":
                hops += 1
                link = self._place(done, [part])
                linked = git(link[0], "cat-file", "blob", object_id).decode("utf-8", "surrogateescape")
                if not parts and text is None:
                    # The path's own last name, as readlink reads it: the first link met with nothing after it.
                    text = linked
                if linked.startswith("/"):
                    return _Led(link, os.path.join(linked, *parts), None, text)
                parts = linked.split("/") + parts
            else:
                done.append(part)
        listing = self._listing(tuple(done))
        return _Led(self._place(done[:-1], done[-1:]), None, None, text, None if listing is None else listing[0],
                    () if listing is None else tuple(sorted(listing[1])))

    def _place(self, folder: list[str], rest: list[str]) -> Place:
        """``folder/rest`` in the repository holding ``folder`` (the outer one where ``folder`` is no folder at the
        commit)."""
        listing = self._listing(tuple(folder))
        (top, commit, inside) = listing[0] if listing is not None else (self.top, self._commit, "/".join(folder))
        return top, commit, "/".join(name for name in (inside, *rest) if name)

    def _entry(self, folder: list[str], name: str) -> tuple[str, str] | None:
        """(mode, object id) of ``name`` in ``folder``, read in the repository holding it."""
        listing = self._listing(tuple(folder))
        return None if listing is None else listing[1].get(name)

    def _listing(self, folder: tuple[str, ...]) -> tuple[Place, dict[str, tuple[str, str]]] | None:
        """(the folder's place, its entries by name), a submodule entered at the commit its folder records;
        None where it is no folder there. Raises BaselineError for a submodule whose commit no repository here
        holds."""
        if folder not in self._folders:
            place: Place | None = (self.top, self._commit, "")
            if folder:
                outer = self._listing(folder[:-1])
                entry = None if outer is None else outer[1].get(folder[-1])
                place = None
                if outer is not None and entry is not None and entry[0] == "040000":
                    top, commit, inside = outer[0]
                    place = (top, commit, f"{inside}/{folder[-1]}" if inside else folder[-1])
                elif outer is not None and entry is not None and entry[0] == "160000":
                    holder, commit, inside = outer[0]
                    found = submodule_repository(holder, commit, f"{inside}/{folder[-1]}" if inside else folder[-1],
                                                 entry[1])
                    if found is None:
                        folder_now = os.path.join(self.top, *folder)
                        raise lacking_commit(folder_now, os.path.relpath(folder_now), self._ref, entry[1])
                    place = (found, entry[1], "")
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
