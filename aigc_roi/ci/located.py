"""Which repository `check --base REF` reads REF in, for a path given on the command line.

The path is taken as written, not as its real path: ``scenarios/plan.yaml -> /elsewhere/plan.yaml`` is a file of the
repository that holds ``scenarios/``, whose link leads out of it; its real path names a folder the user never gave,
in no repository or in another one whose REF is not the user's (QA). So the written path is walked as the system
walks it, noting each repository around where each step lands, until a link leads out of the innermost one: a link
from outside into the repository (``out/lnk -> repo/scenarios``) or from one of its folders into a submodule of a
submodule (``other/ilink -> ../mid/inner``) enters every repository around its target, so the spelling never
changes the answer (QA).

Of those repositories, REF is read in the outermost one that records the next as its own, starting from the one the
working directory is in: ``check scenarios/shared --base main``, with ``scenarios/shared`` a submodule, compares it
with the commit the outer repository records for it at its ``main``, as ``check scenarios --base main`` does, not
with the submodule's own ``main`` (QA). Run inside the submodule, REF is the submodule's.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import cached_property
from pathlib import Path

from aigc_roi.ci.errors import BaselineError
from aigc_roi.ci.stored import run


class Locator:
    """Answers for the paths of one run, each git question asked once."""

    def __init__(self) -> None:
        self._real: dict[str, str] = {}
        self._tops: dict[str, str | None] = {}
        self._recorded: dict[tuple[str, str, bool], bool] = {}

    @cached_property
    def here(self) -> str | None:
        """The working directory's repository, asked when first needed: a run may make its Locator before it knows
        whether it compares at all."""
        return self.toplevel(os.getcwd())

    def real(self, path: str) -> str:
        if path not in self._real:
            self._real[path] = os.path.realpath(path)
        return self._real[path]

    def toplevel(self, folder: str) -> str | None:
        """``toplevel``'s answer, asked once a run: a nested repository is met by the walk and by the comparison."""
        if folder not in self._tops:
            self._tops[folder] = toplevel(folder)
        return self._tops[folder]

    def repository(self, path: Path) -> tuple[str, str | None]:
        """(the repository REF is read in for ``path``, the repository nested directly in it that ``path`` lies in,
        or None). Raises BaselineError naming the folder as written when the path is in no repository."""
        tops = walked_tops(path, self.real, self.is_top)
        if not tops:
            # No top with a .git on the way (a repository found through GIT_DIR, or a path written in none that
            # leads into one): git's own answer for the real path.
            real = self.real(str(path))
            top = self.toplevel(real if os.path.isdir(real) else os.path.dirname(real))
            if top is None:
                folder = str(path) if os.path.isdir(path) else os.path.dirname(str(path)) or "."
                raise BaselineError(f"{folder} is not inside a git repository")
            return top, None
        # Never above the working directory's repository: run in ~/proj, a home folder kept in git does not swallow
        # the project. A repository is its outer one's where that one records it (a submodule) or, below the working
        # directory's repository, holds it untracked (a clone), as a walk of the folder holding it finds it; run from
        # outside the path's repositories, an untracked one is its own (a home folder kept in git with everything
        # else untracked would otherwise swallow every project below it).
        start = tops.index(self.here) if self.here in tops else 0
        at = len(tops) - 1
        while at > start and self._records(tops[at - 1], tops[at], untracked=self.here in tops):
            at -= 1
        return tops[at], tops[at + 1] if at + 1 < len(tops) else None

    def is_top(self, folder: str) -> bool:
        """Whether the real ``folder`` is the top of a repository: a submodule not checked out is an empty folder,
        with no files to check nor a repository to read them from."""
        return os.path.lexists(os.path.join(folder, ".git")) and self.toplevel(folder) == folder

    def _records(self, outer: str, inner: str, untracked: bool) -> bool:
        """Whether ``outer`` lists ``inner`` as a repository of its own: a submodule (or a repository added) in its
        index, or with ``untracked`` an untracked one, as ci/baseline.py's comparison walks them."""
        key = (outer, inner, untracked)
        if key not in self._recorded:
            name = os.path.relpath(inner, outer)
            staged = run(outer, "ls-files", "-z", "--stage", "--", name).stdout.split(b"\0")
            found = any(entry.startswith(b"160000 ") and entry.split(b"\t", 1)[-1] == os.fsencode(name)
                        for entry in staged)
            if not found and untracked:
                others = run(outer, "ls-files", "-z", "--others", "--exclude-standard", "--", name).stdout
                found = os.fsencode(name + "/") in others.split(b"\0")
            self._recorded[key] = found
        return self._recorded[key]


def toplevel(folder: str) -> str | None:
    """The real top of the repository holding ``folder``, or None outside one (or where it is no folder)."""
    done = run(folder, "rev-parse", "--show-toplevel") if os.path.isdir(folder) else None
    return os.path.realpath(done.stdout.decode().strip()) if done is not None and done.returncode == 0 else None


def walked_tops(path: Path, real: Callable[[str], str], is_top: Callable[[str], bool]) -> list[str]:
    """The repository tops the written ``path`` passes through, outermost first, up to a link (or a ``..``) that
    leads out of the innermost one: what follows it is outside that repository."""
    walked = os.sep
    tops: list[str] = []
    for part in Path(os.path.join(os.getcwd(), path)).parts[1:]:
        if part in ("", os.curdir):
            continue
        following = real(os.path.join(walked, part))
        if tops and not within(following, tops[-1]) and part != os.pardir:
            break
        walked = following
        # Up and out as written (../other/x.yaml) leaves repositories behind; a step, or a link from outside
        # (out/lnk -> repo/scenarios) or within (other/ilink -> ../mid/inner), enters every repository around where
        # it lands, the ones it jumps past included: each is a unit of the one around it.
        tops = [top for top in tops if within(walked, top)]
        tops += [top for top in _around(walked, is_top) if not tops or (top != tops[-1] and within(top, tops[-1]))]
    return tops


def _around(folder: str, is_top: Callable[[str], bool]) -> list[str]:
    """The repository tops holding the real ``folder``, outermost first."""
    found = []
    at = os.sep
    for part in Path(folder).parts[1:]:
        at = os.path.join(at, part)
        if is_top(at):
            found.append(at)
    return found


def within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)
