"""Files a `check --base` run reaches through a symbolic link inside the repository: a linked folder
(``scenarios/shared -> ../shared``) or a linked file (``scenarios/plan.yaml -> ../shared/plan.yaml``).

git compares paths, not what they lead to: it lists the target a pull request edits under the target's own name,
and a re-pointed link under the link's name, never the path the run checks (``scenarios/shared/plan.yaml``). Such a
file is compared by the path the run reaches it by: its version at REF is what that path names in REF's tree, links
followed there; its version now is the file the working tree's links lead to.

A link leading out of the repository leads to a file git never stored: what the path named at REF is still read
(nothing, or the link's target there, unreadable as outside the repository), but nothing says its target is as it
was then, so the file is a change, never `also missed at REF` (QA).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path


def reached(files: Sequence[Path], top: str) -> dict[Path, tuple[str, str | None]]:
    """Of ``files``, each reached through a link inside the repository ``top``: (its path in ``top`` with the links
    kept, as git names it in a tree; its real path's name there, or None where a link leads out of ``top``). A file
    not below ``top``, and one whose path holds no link below ``top``, is left out: git's own comparison is right
    for it."""
    real_of: dict[str, str] = {}

    def real(path: str) -> str:
        if path not in real_of:
            real_of[path] = os.path.realpath(path)
        return real_of[path]

    found: dict[Path, tuple[str, str | None]] = {}
    for file in files:
        path = os.path.join(os.getcwd(), file)
        if real(path) == os.path.normpath(path) or not os.path.lexists(path):
            # No link on the way (the common case, without a look at each folder above); or gone, which git's
            # comparison names removed. A link to nothing now is in: what its path named at REF says whether it is
            # modified (a file that cannot be read now) or new.
            continue
        kept = _below(path, top, real)
        if kept is None:
            continue
        target = os.path.relpath(real(path), top)
        if _outside(target):
            found[file] = (kept, None)
        elif kept != target.replace(os.sep, "/"):
            found[file] = (kept, target.replace(os.sep, "/"))
    return found


def in_tree(file: Path, top: str) -> str | None:
    """``file``'s path in the repository ``top`` as the system walks it, links below ``top`` kept (as git names it in a
    tree); None when it never enters ``top``."""
    return _below(os.path.join(os.getcwd(), file), top, os.path.realpath)


def _below(path: str, top: str, real: Callable[[str], str]) -> str | None:
    """``path``'s part below ``top`` as the system walks it: the folders up to the repository resolved, the names
    below it kept as written (``..`` taken where met, as the system takes it); None when it never enters ``top``."""
    walked = os.sep
    kept: list[str] | None = None
    for part in Path(path).parts[1:]:
        if part in ("", os.curdir):
            continue
        walked = os.path.join(walked, part)
        if part == os.pardir or kept is None:
            # Not yet in ``top``, or up a level: where the system is (a link from outside may lead in:
            # out/lnk -> repo/scenarios is scenarios/ in it).
            walked = real(walked)
            inside = os.path.relpath(walked, top)
            kept = None if _outside(inside) else [name for name in inside.split(os.sep) if name != os.curdir]
        else:
            kept.append(part)
    return "/".join(kept) if kept else None


def _outside(relative: str) -> bool:
    return relative == os.pardir or relative.startswith(os.pardir + os.sep)
