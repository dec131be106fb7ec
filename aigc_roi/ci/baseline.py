"""Scenario files as they were at a git revision, for `check --base REF`.

Git is asked three things: which scenario files under the given paths
differ from REF (``git diff --name-status``), which are new and untracked
(``git ls-files --others``), and the old bytes of each changed file
(``git cat-file blob``, the stored bytes without textconv filters). Paths
are resolved before they reach git, because git does not follow a
symlinked folder such as ``scenarios/``; results are named again the way
the user wrote the path.
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

Status = Literal["modified", "new", "removed"]
_STATUS: dict[str, Status] = {"A": "new", "D": "removed"}
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


def _toplevel(start: str) -> str:
    folder = start if os.path.isdir(start) else os.path.dirname(start) or "."
    done = _run(folder, "rev-parse", "--show-toplevel")
    if done.returncode != 0:
        raise BaselineError(f"{folder} is not inside a git repository")
    return os.path.realpath(done.stdout.decode().strip())


def _commit(top: str, ref: str) -> str:
    done = _run(top, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}")
    if done.returncode != 0:
        raise BaselineError(f"unknown git revision {ref!r}")
    return done.stdout.decode().strip()


def _names(output: bytes) -> list[str]:
    return [name for name in output.decode("utf-8", "surrogateescape").split("\0") if name]


def _display(real: str, given: Sequence[tuple[Path, str]]) -> str | None:
    """``real`` named below the given path that contains it, or None if none does."""
    for path, root in given:
        if real == root or real.startswith(root.rstrip(os.sep) + os.sep):
            return str(path / os.path.relpath(real, root))
    return None


def changes_since(ref: str, paths: Sequence[Path], overrides: tuple[Override, ...] = ()) -> list[Change]:
    """Scenario files under ``paths`` that differ from ``ref``, sorted by path.

    The old version gets the same ``--set`` overrides as the new one, so both
    sides of a comparison answer the same what-if. Raises BaselineError when git
    is missing, a path is outside a repository or ``ref`` is unknown.
    """
    given = [(path, os.path.realpath(path)) for path in paths]
    top = _toplevel(given[0][1])
    commit = _commit(top, ref)
    pathspecs = [root for _, root in given]
    diff = _names(_git(top, "diff", "--name-status", "--no-renames", "-z", commit, "--", *pathspecs))
    statuses: dict[str, Status] = {name: _STATUS.get(letter[0], "modified") for letter, name in zip(diff[0::2], diff[1::2], strict=True)}
    for name in _names(_git(top, "ls-files", "-z", "--others", "--exclude-standard", "--", *pathspecs)):
        statuses[name] = "new"
    changes = []
    for name, status in statuses.items():
        display = _display(os.path.join(top, name), given)
        if display is None or not name.endswith(SCENARIO_SUFFIXES):
            continue
        before: LoadedScenario | None = None
        errors: tuple[ScenarioError, ...] = ()
        if status != "new":
            label = f"{ref}:{display}"
            try:
                before = load_text(decode(_git(top, "cat-file", "blob", f"{commit}:{name}"), label), label, overrides)
            except ScenarioInvalid as invalid:
                errors = tuple(error.applied_to(label) for error in invalid.errors)
        changes.append(Change(display, status, before, errors))
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
