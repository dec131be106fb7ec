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

from aigc_roi.ci.stored import git_directory, run


def submodule_repository(holder: str, commit: str, path: str, recorded: str) -> str | None:
    """A repository that holds ``recorded``, the commit the repository ``holder`` records at ``commit`` for its
    submodule at ``path`` (in ``holder``'s tree there); None where none here does."""
    for candidate in _candidates(holder, commit, path):
        if run(candidate, "cat-file", "-e", f"{recorded}^{{commit}}").returncode == 0:
            return candidate
    return None


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
