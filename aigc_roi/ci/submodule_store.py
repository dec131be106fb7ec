"""Where `check --base REF` reads a submodule that REF records, walking REF's tree (ci/tree_walk.py).

Its folder is where the working tree has it checked out now; REF may record it where the working tree no longer
holds it (moved since, ``git mv sub sub2``, or removed), or the folder may be an empty one (not checked out). git keeps
a submodule's own repository in the outer one's ``modules/NAME``, NAME as REF's ``.gitmodules`` calls it, wherever
its working tree is: that is read next, then the folder the working tree's ``.gitmodules`` gives the name now (a
submodule cloned before git kept them there carries its repository with it).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from aigc_roi.ci.errors import BaselineError
from aigc_roi.ci.located import toplevel
from aigc_roi.ci.stored import git_directory, run


def submodule_repository(holder: str, commit: str, path: str, recorded: str) -> str | None:
    """A repository that holds ``recorded``, the commit the repository ``holder`` records at ``commit`` for its
    submodule at ``path`` (in ``holder``'s tree there); None where none here does."""
    for candidate in _candidates(holder, commit, path):
        if run(candidate, "cat-file", "-e", f"{recorded}^{{commit}}").returncode == 0:
            return candidate
    return None


def lacking_commit(folder: str, named: str, ref: str, recorded: str) -> BaselineError:
    """Why `check --base REF` stops where no repository here holds ``recorded``, the commit REF records for the
    submodule whose folder is ``folder`` now (``named`` as the user would type it), with what brings the commit: a
    fetch in a submodule checked out (a shallow one); ``git submodule update --init`` in one that the working tree
    records but has not checked out (a clone made without ``--recurse-submodules``), where a fetch has nowhere to
    go (QA); neither where the working tree no longer records it (removed, its repository deleted too)."""
    short = recorded[:12]
    if os.path.lexists(os.path.join(folder, ".git")) and toplevel(folder) == os.path.realpath(folder):
        return BaselineError(f"{named}, a repository of its own, lacks its commit at {ref} ({short}); "
                             "fetch its history there")
    parent, name = os.path.split(folder)
    holder = toplevel(parent)
    if holder is not None and _gitlink(parent, name):
        # Named from the working directory where its repository is the one recording the submodule, else from that
        # repository (a submodule of a submodule: git -C sub submodule update --init inner).
        inside = os.path.relpath(os.path.join(os.path.realpath(parent), name), holder)
        command = (f"git submodule update --init {named}" if toplevel(os.getcwd()) == holder else
                   f"git -C {os.path.relpath(holder)} submodule update --init {inside}")
        return BaselineError(f"the submodule {named} is not checked out, so its commit at {ref} ({short}) is not "
                             f"here; run {command}")
    return BaselineError(f"no repository here holds the commit {ref} records for the submodule {named} ({short})")


def _gitlink(parent: str, name: str) -> bool:
    """Whether the index of the repository holding the folder ``parent`` records ``name`` in it as a submodule."""
    staged = run(parent, "ls-files", "-z", "--stage", "--", name).stdout.split(b"\0")
    return any(entry.startswith(b"160000 ") and entry.split(b"\t", 1)[-1] == os.fsencode(name) for entry in staged)


def _candidates(holder: str, commit: str, path: str) -> Iterator[str]:
    yield os.path.join(holder, path)
    name = _name(run(holder, "config", "--blob", f"{commit}:.gitmodules", "-z", "--get-regexp",
                     r"^submodule\..*\.path$").stdout, path)
    if name is None:
        return
    kept = run(holder, "rev-parse", "--git-path", f"modules/{name}")
    if kept.returncode == 0:
        yield git_directory(os.path.join(holder, kept.stdout.decode("utf-8", "surrogateescape").rstrip("\n")))
    listed = os.path.join(holder, ".gitmodules")
    if os.path.isfile(listed):
        now = run(holder, "config", "--file", listed, "-z", "--get", f"submodule.{name}.path").stdout
        if now.rstrip(b"\0") not in (b"", os.fsencode(path)):
            yield os.path.join(holder, os.fsdecode(now.rstrip(b"\0")))


def _name(listed: bytes, path: str) -> str | None:
    """The name ``.gitmodules`` (``git config -z --get-regexp``'s ``submodule.NAME.path\\nPATH`` records) gives the
    submodule at ``path``."""
    for record in listed.split(b"\0"):
        key, _, value = record.partition(b"\n")
        if value == os.fsencode(path) and key.startswith(b"submodule.") and key.endswith(b".path"):
            return os.fsdecode(key[len(b"submodule."):-len(b".path")])
    return None
