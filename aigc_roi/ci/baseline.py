"""Scenario files as they were at a git revision, for `check --base REF`.

Git is asked three things: which scenario files under the given paths
differ from REF (``git diff --name-status``, with its rename detection),
which are new and untracked (``git ls-files --others``), and the old bytes
of each changed file (``git cat-file blob``, the stored bytes without
textconv filters). Paths are resolved before they reach git, because git
does not follow a symlinked folder such as ``scenarios/``; results are named
again the way the user wrote the path.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from aigc_roi.ci.discovery import SCENARIO_SUFFIXES
from aigc_roi.ci.errors import BaselineError
from aigc_roi.model.errors import ScenarioError, ScenarioInvalid
from aigc_roi.reader.load import LoadedScenario, decode, load_text
from aigc_roi.reader.overrides import Override

Status = Literal["modified", "new", "removed", "renamed", "copied"]
_STATUS: dict[str, Status] = {"A": "new", "D": "removed", "R": "renamed", "C": "copied"}
"""git's name-status letters; any other letter (M, T, ...) is a modification."""


@dataclass(frozen=True)
class Change:
    """One scenario file that differs from REF."""

    path: str
    """The file as the user would name it: below the path given on the command line."""
    status: Status
    before: LoadedScenario | None
    """The scenario at REF; None when new there or invalid (see ``before_errors``)."""
    before_errors: tuple[ScenarioError, ...] = ()
    was: str | None = None
    """Where a renamed or copied file was at REF, named as ``path`` is (or from the working directory)."""


def _run(folder: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", "-C", folder, *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise BaselineError("git was not found on PATH") from None


def _git(top: str, *args: str) -> bytes:
    done = _run(top, *args)
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise BaselineError(f"git {args[0]} failed: {lines[-1] if lines else f'exit {done.returncode}'}")
    return done.stdout


def _folder(start: str) -> str:
    return start if os.path.isdir(start) else os.path.dirname(start) or "."


def _toplevel(start: str) -> str:
    folder = _folder(start)
    done = _run(folder, "rev-parse", "--show-toplevel")
    if done.returncode != 0:
        raise BaselineError(f"{folder} is not inside a git repository")
    return os.path.realpath(done.stdout.decode().strip())


def _repository(given: Sequence[tuple[Path, str]]) -> str:
    """The top folder of the one repository holding every given path: git compares within one repository."""
    first, first_real = given[0]
    top = _toplevel(first_real)
    seen = {_folder(first_real)}
    for path, real in given[1:]:
        folder = _folder(real)
        if folder not in seen:
            seen.add(folder)
            if _toplevel(folder) != top:
                raise BaselineError(f"{path} is outside the git repository {top} that holds {first}; "
                                    "check each repository on its own")
    return top


def _detection(top: str) -> str:
    """Renames are always followed, so no setting turns the targets on the change off for a renamed file; copies
    where git is set to report them (``diff.renames=copies``)."""
    setting = _run(top, "config", "--get", "diff.renames").stdout.strip().lower()
    return "--find-copies" if setting in (b"copies", b"copy") else "--find-renames"


def _commit(top: str, ref: str) -> str:
    done = _run(top, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}")
    if done.returncode != 0:
        raise BaselineError(f"unknown git revision {ref!r}")
    return done.stdout.decode().strip()


def _names(output: bytes) -> list[str]:
    return [name for name in output.decode("utf-8", "surrogateescape").split("\0") if name]


def _entries(output: bytes) -> list[tuple[Status, str, str]]:
    """(status, path at REF, path now) of each file ``git diff --name-status -z`` lists: a rename or a copy
    (R or C) gives two paths, any other letter one."""
    fields = iter(_names(output))
    entries = []
    for letter in fields:
        old = next(fields)
        entries.append((_STATUS.get(letter[0], "modified"), old, next(fields) if letter[0] in "RC" else old))
    return entries


def _display(real: str, given: Sequence[tuple[Path, str]]) -> str | None:
    """``real`` named below the given path that contains it, or None if none does."""
    for path, root in given:
        if real == root or real.startswith(root.rstrip(os.sep) + os.sep):
            return str(path / os.path.relpath(real, root))
    return None


def _named(real: str, given: Sequence[tuple[Path, str]]) -> str:
    """``real`` as the user would type it: below the given path that contains it, else from the working folder."""
    return _display(real, given) or os.path.relpath(real)


def changes_since(ref: str, paths: Sequence[Path], overrides: tuple[Override, ...] = ()) -> list[Change]:
    """Scenario files under ``paths`` that differ from ``ref``, sorted by path.

    The old version gets the same ``--set`` overrides as the new one, so both
    sides of a comparison answer the same what-if. A file renamed (or copied) since
    ``ref`` is compared with its version there under its old name. Raises
    BaselineError when git is missing, a path is outside a repository (or in
    another one than the first path) or ``ref`` is unknown.
    """
    given = [(path, os.path.realpath(path)) for path in paths]
    top = _repository(given)
    commit = _commit(top, ref)
    # The whole tree, not the given paths: git pairs a rename only when it sees both sides, and a file renamed
    # into the paths may come from anywhere in the repository.
    listed: dict[str, tuple[Status, str]] = {}
    for status, old, new in _entries(_git(top, "diff", "--name-status", _detection(top), "-z", commit)):
        if status == "renamed" and _display(os.path.join(top, new), given) is None:
            # Moved out of the paths checked: gone from them, as `git diff REF -- PATH` lists it.
            status, new = "removed", old
        listed[new] = (status, old)
    pathspecs = [root for _, root in given]
    for name in _names(_git(top, "ls-files", "-z", "--others", "--exclude-standard", "--", *pathspecs)):
        listed[name] = ("new", name)
    changes = []
    for name, (status, old) in listed.items():
        display = _display(os.path.join(top, name), given)
        if display is None or not name.endswith(SCENARIO_SUFFIXES):
            continue
        before: LoadedScenario | None = None
        errors: tuple[ScenarioError, ...] = ()
        was = None if old == name else _named(os.path.join(top, old), given)
        if status != "new":
            label = f"{ref}:{was or display}"
            try:
                before = load_text(decode(_git(top, "cat-file", "blob", f"{commit}:{old}"), label), label, overrides)
            except ScenarioInvalid as invalid:
                errors = tuple(error.applied_to(label) for error in invalid.errors)
        changes.append(Change(display, status, before, errors, was))
    return sorted(changes, key=lambda change: change.path)


def file_commit(path: Path) -> tuple[str | None, bool]:
    """(short hash of HEAD, whether ``path`` differs from it) for the repository holding ``path``;
    (None, False) outside git, or where git is missing."""
    try:
        top = _toplevel(str(path))
        head = _git(top, "rev-parse", "--short", "HEAD").decode().strip()
        status = _git(top, "status", "--porcelain", "--", os.path.realpath(path))
    except BaselineError:
        return None, False
    return head, bool(status.strip())
