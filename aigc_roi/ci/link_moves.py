"""One file `check --base REF` reads by another path now than at REF, a symbolic link to a folder on one of the ways
(ci/baseline.py).

git names a file by its real path; a file reached through a link is compared by the path the run checks it by
(ci/linked.py), and what a link to a folder led to at REF that it no longer reaches is removed. Where the same file
stands on both sides, by two paths, those two verdicts said one file twice and wrongly (QA):

- renamed behind a link (``plans -> real/plans``, ``real/plans/a.yaml`` moved to ``c.yaml``), or reached by a link
  added where a re-pointed one reached it at REF: `removed` under the old path and `new` under the new, where the
  same rename read through the real folder, or a plain folder renamed, is `renamed (was ...)`;
- still there and checked by another path (``s/a -> ../x`` re-pointed, ``x`` given or reached by ``s/b``): `removed`
  under the link's path, a file the run still reads.

A link that led to a folder at REF and leads nowhere now, whose files are all still checked by other paths, has no
removal to stand for it: it is the link to a missing path it is without --base, an error.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Status = Literal["modified", "new", "removed", "renamed", "copied"]
Place = tuple[str, str, str]
"""(a repository's top, a commit of it, a path in its tree there)."""


@dataclass(frozen=True)
class Listed:
    """A file that differs from REF, and where its version there is read."""

    status: Status
    top: str
    """The repository that holds it: the outer one or one nested in it."""
    commit: str | None
    """What ``top`` was at REF; None when REF records no such repository (its files are all new)."""
    old: str
    """Its name at ``commit``, as git names it in ``top``."""


Shown = dict[str, tuple[str, Listed]]
"""Each file to report by the name the run checks it by: (the path git names it by, its entry)."""


def _key(entry: Listed) -> Place:
    return entry.top, entry.commit or "", entry.old


def paired(shown: Shown, listed: dict[str, Listed], located: Callable[[str], Place | None],
           name_of: Callable[[str], str | None], at_ref: Callable[[str], Place | None]) -> dict[str, str]:
    """Each file of ``shown`` new by its path that is a file REF held, renamed (or copied) from the path the run read
    it by at REF: a removal of ``shown`` of that file (its path through a link gone), taken out; or the path the given
    paths name git's old name by (``name_of``), where that path led to it at REF (``at_ref``) and, for a rename, is
    gone now. Returns the path each was read by at REF, by its name now. ``listed``: git's verdicts by real path;
    ``located``: a real path's place at REF, as its path names it there."""
    removals = {_key(entry): display for display, (_, entry) in shown.items() if entry.status == "removed"}
    was: dict[str, str] = {}
    for display, (now, entry) in list(shown.items()):
        if entry.status != "new":
            continue
        real = os.path.realpath(display)
        git_said = listed.get(real)
        moved = git_said is not None and git_said.status in ("renamed", "copied")
        if git_said is not None and git_said.status in ("renamed", "copied", "modified"):
            place: Place | None = _key(git_said)
        else:
            place = None if git_said is not None else located(real)
        if place is None:
            continue
        old = removals.pop(place, None)
        status: Status = "renamed"
        if old is not None:
            shown.pop(old)
        elif moved and git_said is not None:
            old = name_of(os.path.join(place[0], place[2]))
            status = git_said.status
            if old is None or at_ref(old) != place or (status == "renamed" and os.path.lexists(old)):
                continue
        else:
            continue
        shown[display] = (now, Listed(status, *place))
        was[display] = old
    return was


def still_checked(shown: Shown, listed: dict[str, Listed], files: Collection[Path]) -> None:
    """Out of ``shown``: each removal of a file that is still there and that the run checks by another path."""
    checked = {os.path.realpath(file) for file in files}
    now_of = {_key(entry): now for now, entry in listed.items() if entry.commit is not None}
    for display, (_, entry) in list(shown.items()):
        if entry.status != "removed":
            continue
        now = now_of.get(_key(entry), os.path.join(entry.top, entry.old))
        if (listed.get(now) is None or listed[now].status != "removed") and os.path.isfile(now) \
                and os.path.realpath(now) in checked:
            shown.pop(display)


def unaccounted(links: Collection[str], shown: Shown) -> list[Path]:
    """Of ``links`` (links to a folder at REF whose files the run read, to nothing now), those below which ``shown``
    removes nothing: their files are all still checked by other paths, so the link is the error it is without
    --base."""
    removed = [Path(display) for display, (_, entry) in shown.items() if entry.status == "removed"]
    return [Path(link) for link in links if not any(Path(link) in path.parents for path in removed)]
