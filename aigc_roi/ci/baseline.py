"""Scenario files as they were at a git revision, for `check --base REF`.

Git is asked three things: which scenario files under the given paths
differ from REF (``git diff --name-status``, with its rename detection),
which are new and untracked (``git ls-files --others``), and the old bytes
of each changed file (``git cat-file``, the stored bytes without textconv
filters, a symbolic link followed and the size checked first: ci/stored.py). Paths are resolved before they reach git, because git
does not follow a symlinked folder such as ``scenarios/``; results are named
again the way the user wrote the path.

A repository nested below the given paths, or holding one (a submodule, a repository added
inside another, or an untracked clone) is a unit to the outer one's git,
which lists none of its files: each is asked the same three things against
the commit the outer repository records for it at REF, so its files are
compared as the outer repository's are. Which repository is the outer one, REF's, is ci/located.py's answer.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from aigc_roi.ci.discovery import found_below
from aigc_roi.ci.errors import BaselineError
from aigc_roi.ci.link_moves import Listed as _Listed
from aigc_roi.ci.link_moves import Status, paired, still_checked, unaccounted
from aigc_roi.ci.linked import in_tree, reached
from aigc_roi.ci.located import Locator, toplevel, walked_tops, within
from aigc_roi.ci.stored import blob, git, missing, run, stored_objects
from aigc_roi.ci.submodule_store import lacking_commit
from aigc_roi.ci.tree_walk import Place, TreeWalk
from aigc_roi.model.errors import ScenarioError, ScenarioInvalid
from aigc_roi.model.spelled_paths import file_named_as_folder
from aigc_roi.reader.load import LoadedScenario, decode, load_text
from aigc_roi.reader.opening import missing_target
from aigc_roi.reader.overrides import Override

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


def _folder(start: str) -> str:
    return start if os.path.isdir(start) else os.path.dirname(start) or "."


def _repository(given: Sequence[tuple[Path, str]], locator: Locator) -> tuple[str, list[str | None]]:
    """The top folder of the one repository holding every given path as written (ci/located.py), git comparing within
    one repository; and what to ask its git about: each given path in its own tree, or the repository nested in it
    that the path lies in, for each given path; None for one whose real path is outside it (reached through a link
    leading out), which no git is asked about: ``_through_links`` compares it."""
    first = given[0][0]
    top, _ = locator.repository(first)
    pathspecs: list[str | None] = []
    for path, real in given:
        holder, nested = locator.repository(path)
        if holder != top:
            raise BaselineError(f"{path} is outside the git repository {top} that holds {first}; "
                                "check each repository on its own")
        pathspecs.append(nested if nested is not None else real if within(real, top) else None)
    return top, pathspecs


def _detection(top: str) -> str:
    """Renames are always followed, so no setting turns the targets on the change off for a renamed file; copies
    where git is set to report them (``diff.renames=copies``)."""
    setting = run(top, "config", "--get", "diff.renames").stdout.strip().lower()
    return "--find-copies" if setting in (b"copies", b"copy") else "--find-renames"


def _commit(top: str, ref: str, here: str | None) -> str:
    """``ref``'s commit in the repository ``top``; refused naming ``top`` where the command does not run in it
    (``here``, the working directory's repository): REF read in the repository that records the path's own as a
    submodule is no revision of the repository the path names (QA)."""
    done = run(top, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}")
    if done.returncode != 0:
        # A shallow clone (actions/checkout's default depth of 1) holds neither the base branch nor HEAD~1.
        shallow = run(top, "rev-parse", "--is-shallow-repository").stdout.strip() == b"true"
        raise BaselineError(f"unknown git revision {ref!r}" + ("" if top == here else f" in the repository {top}")
                            + ("; this clone is shallow: fetch the history (actions/checkout fetch-depth: 0)" if shallow else ""))
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


def _display(real: str, given: Sequence[tuple[Path, str]], plain: Collection[Path] = ()) -> str | None:
    """``real`` named below the given path that contains it, or None if none does; of several, the first that is
    ``plain``, a file the run checks by a path through no link: git lists ``real`` by its own path, and a path through
    a link is compared by what it named at REF, which may be another file (``check b.yaml a.yaml``, ``b.yaml ->
    a.yaml`` re-pointed since). Where the run checks ``real`` by one path alone, that path names it."""
    names = [path / os.path.relpath(real, root) for path, root in given
             if real == root or real.startswith(root.rstrip(os.sep) + os.sep)]
    name = next((name for name in names if name in plain), names[0] if names else None)
    return None if name is None else str(name)


def _read(real: str, given: Sequence[tuple[Path, str]]) -> bool:
    """Whether the run reads ``real``, now or at REF, as ci/discovery.py finds files: a file given by name whatever
    its extension, and below a given folder a YAML file outside hidden folders. A folder given is none of its files:
    git lists a submodule given (scenarios/shared) as one entry of that name."""
    return any((real == root and not os.path.isdir(real))
               or (real.startswith(root.rstrip(os.sep) + os.sep) and found_below(os.path.relpath(real, root)))
               for _, root in given)


def _named(real: str, given: Sequence[tuple[Path, str]]) -> str:
    """``real`` as the user would type it: below the given path that contains it, else from the working folder."""
    return _display(real, given) or os.path.relpath(real)


def changes_since(ref: str, paths: Sequence[Path], overrides: tuple[Override, ...] = (),
                  files: Sequence[Path] = (), locator: Locator | None = None,
                  dangling: list[Path] | None = None) -> list[Change]:
    """Scenario files under ``paths`` that differ from ``ref``, sorted by path.

    The old version gets the same ``--set`` overrides as the new one, so both
    sides of a comparison answer the same what-if. A file renamed (or copied) since
    ``ref`` is compared with its version there under its old name; a file in a
    repository nested below ``paths`` with its version at the commit ``ref`` records
    for that repository. Of ``files`` (the files the run checks), one reached through
    a link is compared by that path (ci/linked.py). Raises BaselineError when git is missing, a path is outside
    a repository (or in another one than the first path), ``ref`` is unknown or a
    nested repository lacks the commit ``ref`` records for it. ``locator``: the run's (ci/located.py), each git
    question of where a folder's repository is asked once, here and in ``named_at_ref``. One file by two paths,
    at REF and now, is one change (ci/link_moves.py): renamed, or none where it is still checked; into ``dangling``,
    each link below a given folder that led to a folder at REF and to nothing now, whose files are all still checked
    by other paths: the run reads it, an error, as without --base.
    """
    given = [(path, os.path.realpath(path)) for path in paths]
    locator = locator or Locator()
    top, pathspecs = _repository(given, locator)
    listed: dict[str, _Listed] = {}
    commit = _commit(top, ref, locator.here)
    # A file named as a folder (plan.yaml/) names nothing to compare, where its real path is the file's.
    named = [(path, real, spec) for (path, real), spec in zip(given, pathspecs, strict=True) if not file_named_as_folder(path)]
    if not named:
        return []
    given = [(path, real) for path, real, _ in named]
    links = reached(files, top)
    # A file reached through a link into a repository nested in this one, not below the given paths
    # (other/link -> ../scenarios/shared): that repository is compared too, or its edit went unseen (QA).
    nested = {file: found for file, (_, target) in links.items() if target is not None
              and (found := _nested_top(os.path.join(top, target), top, locator)) is not None}
    moved_out: dict[str, _Listed] = {}
    _list(top, commit, [spec for _, _, spec in named if spec is not None] + sorted(set(nested.values())), given, ref,
          listed, [root for _, root in given] + [os.path.join(top, links[file][1] or "") for file in nested], locator,
          moved_out)
    # By the name shown, so that a file reached through a link replaces what git says of the path it leads to.
    plain = frozenset(files) - frozenset(links)
    shown = {display: (now, entry) for now, entry in listed.items()
             if (display := _display(now, given, plain)) is not None and _read(now, given)}
    walk = TreeWalk(top, commit, ref)
    _through_links(shown, links, walk, listed)
    broken: list[str] = []
    _gone_behind_links(shown, [real for _, real, _ in named], given, top, commit, walk, broken)
    was = paired(shown, {**listed, **moved_out}, lambda real: walk.located(os.path.relpath(real, top)) if within(real, top) else None,
                 lambda real: _display(real, given),
                 lambda name: None if (kept := in_tree(Path(name), top)) is None else walk.located(kept))
    still_checked(shown, listed, files)
    if dangling is not None:
        dangling += unaccounted(broken, shown)
    labels = {display: f"{ref}:{was.get(display) or _was(now, entry, given) or display}"
              for display, (now, entry) in shown.items() if entry.status != "new"}
    stored = _stored(labels, {display: entry for display, (_, entry) in shown.items()}, walk, top)
    changes = []
    for display, (now, entry) in shown.items():
        before: LoadedScenario | None = None
        errors: tuple[ScenarioError, ...] = ()
        if display in labels:
            label, read = labels[display], stored[display]
            try:
                if isinstance(read, ScenarioInvalid):
                    raise read
                before = load_text(decode(blob(*read), label), label, overrides)
            except ScenarioInvalid as invalid:
                errors = tuple(error.applied_to(label) for error in invalid.errors)
        changes.append(Change(display, entry.status, before, errors, was.get(display) or _was(now, entry, given)))
    return sorted(changes, key=lambda change: change.path)


def named_at_ref(ref: str, paths: Sequence[Path],
                 locator: Locator) -> Callable[[Sequence[Path]], list[Place | str | None]]:
    """What each of some spellings of files under ``paths`` named at ``ref``: the place its path leads to in REF's
    tree, links followed there and into submodules, or the file out of the repository a link there leads it to
    (ci/tree_walk.py's ``destination``); None for one that never enters the repository. Two spellings of one file
    now are one path with one history only where they named the same at REF too: ``b.yaml -> a.yaml`` re-pointed or
    added since REF is a change of its own, which a run that checked ``a.yaml b.yaml`` once under ``a.yaml`` left
    unsaid (QA). The repository and REF are read as ``changes_since`` reads them, and raise as it does."""
    def places(files: Sequence[Path]) -> list[Place | str | None]:
        given = [(path, os.path.realpath(path)) for path in paths]
        top, _ = _repository(given, locator)
        walk = TreeWalk(top, _commit(top, ref, locator.here), ref)
        return [None if (kept := in_tree(file, top)) is None else walk.destination(kept) for file in files]
    return places


def _was(now: str, entry: _Listed, given: Sequence[tuple[Path, str]]) -> str | None:
    """Where a renamed or copied file was at REF, named as the user would; None for a file that stayed put."""
    old = os.path.join(entry.top, entry.old)
    return None if old == now else _named(old, given)


def _stored(labels: dict[str, str], entries: dict[str, _Listed], walk: TreeWalk,
            top: str) -> dict[str, tuple[str, str] | ScenarioInvalid]:
    """(the repository, the object id) of each labelled file's version at REF, or why it is not read: asked of each
    repository once, for all its files. One git cannot read, a link at REF alone (``scenarios/s.yaml ->
    ../sub/plan.yaml`` now a copy), is followed as ``walk`` follows REF's tree (into a submodule at the commit REF
    records, which git's own ``--follow-symlinks`` never enters), and read where it leads when it leads to a file;
    a submodule on the way whose recorded commit no repository here holds is the reason given (QA)."""
    by_top: dict[str, list[str]] = {}
    for shown in labels:
        by_top.setdefault(entries[shown].top, []).append(shown)
    found: dict[str, tuple[str, str] | ScenarioInvalid] = {}
    for repository, files in by_top.items():
        wanted = [(f"{entries[shown].commit}:{entries[shown].old}", labels[shown]) for shown in files]
        for shown, object_id in zip(files, stored_objects(repository, wanted), strict=True):
            found[shown] = (missing(labels[shown]) if object_id is None else
                            (repository, object_id) if isinstance(object_id, str) else object_id)
    for shown, answer in found.items():
        if isinstance(answer, ScenarioInvalid):
            found[shown] = _walked(entries[shown], labels[shown], walk, top) or _dangling(
                entries[shown], labels[shown], walk, top, answer)
    return found


def _dangling(entry: _Listed, label: str, walk: TreeWalk, top: str, answer: ScenarioInvalid) -> ScenarioInvalid:
    """``answer``, or where ``entry``'s path at REF is a link itself that leads nowhere, the working tree's words for
    one: `a symbolic link to a missing file (gone.yaml)`, not `No such file or directory` beside a path that was
    there (QA)."""
    if not within(entry.top, top):
        return answer
    name = _outer(entry, top)
    text = walk.link_text(name) if walk.missing(name) is not None else None
    return answer if text is None else ScenarioInvalid([ScenarioError(label, 1, 1, "", missing_target(text))])


def _outer(entry: _Listed, top: str) -> str:
    """``entry``'s path at REF named in the outer repository's tree, ``top``'s."""
    inner = os.path.relpath(entry.top, top)
    return entry.old if inner == os.curdir else "/".join([*Path(inner).parts, entry.old])


def _walked(entry: _Listed, label: str, walk: TreeWalk, top: str) -> tuple[str, str] | None:
    """Where ``walk`` leads ``entry``'s path at REF, a file read there; None where it leads nowhere git did not
    already say. A submodule on the way that lacks its recorded commit stops the run (ci/tree_walk.py)."""
    place = (entry.top, entry.commit or "", entry.old)
    if within(entry.top, top):
        # From the outer repository's top, so that a link in a submodule may lead out of it (../../shared/p.yaml).
        inner = os.path.relpath(entry.top, top)
        place = walk.located(entry.old if inner == os.curdir else "/".join([*Path(inner).parts, entry.old]))
    [object_id] = stored_objects(place[0], [(f"{place[1]}:{place[2]}", label)])
    return (place[0], object_id) if isinstance(object_id, str) else None


def _through_links(shown: dict[str, tuple[str, _Listed]], links: dict[Path, tuple[str, str | None]], walk: TreeWalk,
                   listed: dict[str, _Listed]) -> None:
    """Each file reached through a link in ``walk``'s repository (``links``: ci/linked.py's), into ``shown`` under the name it is
    checked by when what that path names now differs from what it named at REF, and out of it otherwise: a link
    added, re-pointed or removed and an edited target are changes of every path that reaches them, and a link
    re-pointed to the same bytes is none. The path at REF is followed through REF's tree, into a submodule at the
    commit REF records for it (ci/tree_walk.py), so a link into a submodule is compared as one within the repository.
    One whose link leads out of it is always in: git holds no version of its target to say it is unchanged."""
    places = {file: (walk.located(kept),
                     None if target is None or os.path.join(walk.top, target) in listed else walk.located(target))
              for file, (kept, target) in links.items()}
    # Each repository's git asked once, for all its files.
    by_top: dict[str, list[tuple[str, str, str]]] = {}
    for place in {place for pair in places.values() for place in pair if place is not None}:
        by_top.setdefault(place[0], []).append(place)
    ids = {place: found for repository, wanted in by_top.items() for place, found in zip(
        wanted, stored_objects(repository, [(f"{commit_}:{name}", name) for _, commit_, name in wanted]), strict=True)}
    for file, (was, target_was) in places.items():
        at_ref = ids[was]
        # A link that leads nowhere now (its target deleted, in a submodule too) is a path of the working tree all
        # the same, modified where it named a file at REF, as a file edited into one that cannot be read is: its
        # error says the target is missing, and it is no removal, whether its folder or the link is given (QA).
        shown.pop(str(file), None)
        if target_was is not None and isinstance(at_ref, str) and at_ref == ids[target_was]:
            continue
        kept, target = links[file]
        if not os.path.exists(file) and not isinstance(at_ref, str) and (
                (target is not None and walk.missing(kept) == os.path.normpath(target))
                or walk.folder(kept) is not None):
            # Broken now and at REF alike, to the same missing path (unchanged: git lists nothing, QA); or a link
            # that named a folder at REF: no scenario itself, its files there are removed now, as git lists them
            # below the link given (or the link is a path that cannot be read, where REF's folder held none).
            continue
        entry = _Listed("new" if at_ref is None else "modified", *was)
        shown[str(file)] = (os.path.join(entry.top, entry.old), entry)


def _gone_behind_links(shown: dict[str, tuple[str, _Listed]], roots: Sequence[str], given: Sequence[tuple[Path, str]],
                       top: str, commit: str, walk: TreeWalk, broken: list[str]) -> None:
    """Into ``shown`` as removed: each scenario file a given folder held at REF through a link to a folder in it
    (``s/lf -> ../shared``) that the path no longer reaches: its target deleted, the file deleted there, or the link
    removed. git lists the deletion under the target's own name (``shared/p.yaml``), outside the folder given, so
    `check s` said nothing of it, where `check s/lf` said removed (QA). The link's own entry, git's for a link
    removed, is no scenario: its files stand for it. Links within the linked folder at REF are not followed.

    A path given that is gone now is what it named at REF, as its folder given reads it: ``s/lf`` re-pointed at a
    missing path, or ``s/lf/p.yaml`` through it, is removed with the files REF's ``s/lf`` held, where its real path
    now leads git to none (QA: `cannot read file`, `No scenario changed`, exit 2, where `check s` said removed).
    One file at REF reached by several such paths (``s/lf`` and ``s/up -> ..``) is removed once, under the name the
    walk of the folder gave it at REF (``_first_names``), as one file is checked once when it is there (QA). Into
    ``broken``: each such link, named as shown, that leads nowhere now, where the run read files through it at REF."""
    found: list[tuple[str, str, _Listed]] = []
    specs = [os.path.relpath(root, top) for root in roots if within(root, top)]
    listed = git(top, "ls-tree", "-r", "-z", commit, "--", *specs).decode("utf-8", "surrogateescape") if specs else ""
    for line in listed.split("\0"):
        info, _, name = line.partition("\t")
        place = walk.folder(name) if info.startswith("120000 ") else None
        if place is None:
            continue
        link = os.path.join(top, name)
        own = _display(link, given)
        read = False
        for file in _files_at(place):
            now, real = os.path.join(link, file), os.path.join(place[0], place[2], file)
            display = _display(now, given)
            # A file below a given path by its own name (a link up, s/up -> ..) is git's to list, under that name.
            if display is None or not _read(now, given) or os.path.exists(now):
                continue
            read = True
            if _display(real, given) is not None:
                continue
            found.append((display, real, _Listed("removed", place[0], place[1], f"{place[2]}/{file}".lstrip("/"))))
        if read and own is not None and os.path.lexists(link) and not os.path.exists(link):
            broken.append(own)
        if own is not None and own in shown and shown[own][1].status == "removed":
            shown.pop(own)
    found += _gone_given(given, top, walk)
    # git's own removals and renames name their file at REF already.
    taken = {(entry.top, entry.commit or "", entry.old) for _, entry in shown.values() if entry.status in ("removed", "renamed")}
    groups: dict[Place, list[tuple[str, str, _Listed]]] = {}
    for display, real, entry in found:
        key = (entry.top, entry.commit or "", entry.old)
        if display not in shown and key not in taken:
            groups.setdefault(key, []).append((display, real, entry))
    first = _first_names(given, top, walk) if any(len(group) > 1 for group in groups.values()) else {}
    for key, group in groups.items():
        chosen = next((item for item in group if item[0] == first.get(key)), group[0])
        shown.setdefault(chosen[0], (chosen[1], chosen[2]))


def _files_at(place: Place) -> list[str]:
    """The files below the folder ``place`` at its commit, in the repository holding it (a submodule's too)."""
    return _names(run(place[0], "ls-tree", "-r", "-z", "--name-only", f"{place[1]}:{place[2]}").stdout)


def _gone_given(given: Sequence[tuple[Path, str]], top: str, walk: TreeWalk) -> list[tuple[str, str, _Listed]]:
    """(name, real path, entry) of each scenario file a given path gone now named at REF, through the path as written
    (its links followed in REF's tree): a folder's files that are gone too, or the file itself where nothing is
    there now (a link to a missing file is still there, and modified: ``_through_links``)."""
    found = []
    for path, _ in given:
        kept = None if os.path.exists(path) else in_tree(path, top)
        if kept is None:
            continue
        place = walk.folder(kept)
        if place is not None:
            for file in _files_at(place):
                if found_below(file) and not os.path.exists(path / file):
                    found.append((str(path / file), os.path.join(place[0], place[2], file),
                                  _Listed("removed", place[0], place[1], f"{place[2]}/{file}".lstrip("/"))))
        elif not os.path.lexists(path) and walk.missing(kept) is None and not isinstance(
                at := walk.destination(kept), str):
            found.append((str(path), os.path.join(at[0], at[2]), _Listed("removed", *at)))
    return found


def _first_names(given: Sequence[tuple[Path, str]], top: str, walk: TreeWalk) -> dict[tuple[str, str, str], str]:
    """The name each file below the given folders had at REF as ci/discovery.py's walk names it there: folders in
    the order os.walk meets them, each real folder walked once (claimed as its parent is listed), hidden ones
    skipped; then of a file's names the first sorted, each given folder in turn."""
    names: dict[tuple[str, str, str], str] = {}
    for path, _ in given:
        kept = in_tree(path, top)
        start = None if kept is None else walk.folder(kept)
        if kept is None or start is None:
            continue
        files: list[tuple[Path, Place]] = []
        _walk_at_ref(walk, kept, path, {start}, files)
        for file, place in sorted(files):
            names.setdefault(place, str(file))
    return names


def _walk_at_ref(walk: TreeWalk, name: str, shown: Path, claimed: set[Place], files: list[tuple[Path, Place]]) -> None:
    """Into ``files``: (its name, its place) of each scenario file the walk meets below the folder ``name`` at REF,
    shown as ``shown``; a folder's subfolders are claimed as it is listed, then walked in turn (os.walk's order)."""
    subfolders = []
    for entry in walk.names(name):
        inner = f"{name}/{entry}"
        try:
            place = walk.folder(inner)
            if place is None and found_below(entry):
                files.append((shown / entry, walk.located(inner)))
        except BaselineError:
            # A submodule lacking its commit: not walked here; the comparison says so where it matters.
            continue
        if place is not None and not entry.startswith(".") and place not in claimed:
            claimed.add(place)
            subfolders.append(entry)
    for entry in subfolders:
        _walk_at_ref(walk, f"{name}/{entry}", shown / entry, claimed, files)


def _nested_top(real: str, top: str, locator: Locator) -> str | None:
    """The repository nested directly in ``top`` that holds the file ``real``, by its name in ``top``; None for a
    file of ``top`` itself."""
    tops = walked_tops(Path(real), locator.real, locator.is_top)
    inner = tops[tops.index(top) + 1] if top in tops and tops[-1] != top else None
    return None if inner is None else os.path.relpath(inner, top)


def removed_since(files: Sequence[Path], changes: Sequence[Change]) -> frozenset[Path]:
    """The ``files`` named that are gone from the working tree, and that ``changes`` lists as removed since REF (a
    file, or a folder with files below it): of these, `check --base` reports the removal, not a file it cannot read
    (``git diff --name-only REF | xargs aigc-roi check --base REF`` names the files a pull request deletes). A path
    that exists neither now nor at REF is not among them. A file renamed since REF is among them where its new name
    is checked too (``check b.yaml c.yaml``, b.yaml renamed c.yaml): the rename, reported under the new name, says
    where it went. A link given whose target is missing (``s/lf -> ../shared``, shared deleted) is among them where
    it named a folder at REF whose files are removed: the folder is gone, as a folder deleted is (QA); a link to a
    missing file is not, its path being still there, modified (``changes_since``)."""
    removed = _removed(changes)
    return frozenset(file for file in files if not os.path.exists(file) and _within(file, removed))


def removes_within(folder: Path, changes: Sequence[Change]) -> bool:
    """Whether ``changes`` removes ``folder`` or a file below it since REF (a rename's old name among them): a folder
    given that holds no scenario file now and held some then was emptied, its files removed, as a folder deleted is
    (docs/ci.md); one that held none is the mistyped path it is without --base."""
    return _within(folder, _removed(changes))


def _removed(changes: Sequence[Change]) -> list[Path]:
    """The paths ``changes`` lists as gone since REF: the removed, and the old names of the renamed."""
    removed = [Path(change.path) for change in changes if change.status == "removed"]
    return removed + [Path(change.was) for change in changes if change.status == "renamed" and change.was is not None]


def _within(path: Path, removed: Sequence[Path]) -> bool:
    return any(gone == path or path in gone.parents for gone in removed)


def removed_through(files: Sequence[Path], gone: frozenset[Path], changes: Sequence[Change],
                    at_ref: Callable[[Sequence[Path]], Sequence[Place | str | None]]) -> frozenset[Path]:
    """The ``files`` gone now, not ``gone`` already, that named at REF a folder holding a file ``changes`` removes
    under another name, or that file itself: ``check s/z s/a/b``, both links to shared/ deleted, reports shared/p.yaml removed once, as
    s/z/p.yaml; s/a/b is that same removal, not a file to read (QA: `cannot read file`, exit 2). A link to a missing
    file is not among them: its path is still there, modified (``changes_since``)."""
    asked = [file for file in files if file not in gone and not os.path.exists(file)]
    removed = [Path(change.path) for change in changes if change.status == "removed"]
    if not asked or not removed:
        return frozenset()
    places = list(at_ref([*asked, *removed]))
    folders, files_removed = places[:len(asked)], places[len(asked):]
    return frozenset(file for file, named in zip(asked, folders, strict=True) if isinstance(named, tuple)
                     and any(_holds(named, place, not os.path.lexists(file)) for place in files_removed))


def _holds(named: Place, place: Place | str | None, itself: bool) -> bool:
    """Whether ``place`` is below the folder ``named`` at REF, or (``itself``: nothing there now, no link to a missing
    file) is ``named`` itself (``s/z/p.yaml`` and ``s/a/b/p.yaml`` given, one file through two links)."""
    return isinstance(place, tuple) and place[:2] == named[:2] and (
        place[2].startswith(named[2].rstrip("/") + "/") or (itself and place[2] == named[2]))


def _list(top: str, commit: str | None, pathspecs: Sequence[str] | None, given: Sequence[tuple[Path, str]], ref: str,
          listed: dict[str, _Listed], reach: Sequence[str], locator: Locator,
          moved_out: dict[str, _Listed] | None = None) -> None:
    """Into ``listed`` by real path: the files of the repository ``top`` that differ from ``commit`` (all of them
    when None), then those of each repository nested in it below or around the given paths. ``pathspecs``: where in
    ``top`` to look for new files and nested repositories; None for the whole repository, none for nowhere (every
    path given leads out of it through a link). ``reach``: the real paths whose nested repositories are compared,
    below a given folder or holding a given path or a file reached through a link. ``locator``: the run's, which
    has met most nested repositories already, as it found where the paths lie. ``moved_out``: by the real path now,
    each file renamed out of the given paths, listed removed."""
    specs = () if pathspecs is None else tuple(pathspecs)
    asks = pathspecs is None or bool(specs)
    entries: list[tuple[Status, str, str]]
    if commit is None:
        entries = ([("new", name, name) for name in _names(git(top, "ls-files", "-z", "--cached", "--", *specs))]
                   if asks else [])
    else:
        # The whole tree, not the given paths: git pairs a rename only when it sees both sides, and a file renamed
        # into the paths may come from anywhere in the repository.
        entries = _entries(git(top, "diff", "--name-status", _detection(top), "-z", commit))
    for status, old, new in entries:
        if status == "renamed" and _display(os.path.join(top, new), given) is None:
            # Moved out of the paths checked: gone from them, as `git diff REF -- PATH` lists it; the move kept in
            # ``moved_out``, for a path through a link that reaches it now (ci/link_moves.py).
            if moved_out is not None:
                moved_out[os.path.join(top, new)] = _Listed(status, top, commit, old)
            status, new = "removed", old
        _add(listed, os.path.join(top, new), _Listed(status, top, commit, old))
    if not asks:
        return
    untracked = _names(git(top, "ls-files", "-z", "--others", "--exclude-standard", "--", *specs))
    for name in untracked:
        if not name.endswith("/"):
            _add(listed, os.path.join(top, name), _Listed("new", top, None, name))
    # git lists an untracked repository as its folder, NAME/, and a tracked one as a commit (mode 160000).
    nested = [name[:-1] for name in untracked if name.endswith("/")]
    nested += [entry.split("\t", 1)[1] for entry in _names(git(top, "ls-files", "-z", "--stage", "--", *specs))
               if entry.startswith("160000 ")]
    for name in nested:
        inner = os.path.join(top, name)
        # Below a given folder, or holding a given path (check scenarios/shared/plan.yaml, shared a submodule).
        if any(within(inner, root) or within(root, inner) for root in reach) and locator.is_top(locator.real(inner)):
            _list(inner, _recorded(top, commit, name, inner, ref, given), None, given, ref, listed, reach, locator,
                  moved_out)


def _recorded(top: str, commit: str | None, name: str, inner: str, ref: str,
              given: Sequence[tuple[Path, str]]) -> str | None:
    """The commit of the repository ``inner`` (at ``name`` in ``top``) that ``top`` records at ``commit``; None
    when it records none (the repository came after REF, or is untracked)."""
    if commit is None:
        return None
    entry = git(top, "ls-tree", "-z", commit, "--", name).decode("utf-8", "surrogateescape").rstrip("\0")
    if not entry.startswith("160000 "):
        return None
    recorded = entry.split()[2]
    if run(inner, "cat-file", "-e", f"{recorded}^{{commit}}").returncode != 0:
        raise lacking_commit(inner, _named(inner, given), ref, recorded)
    return recorded


def _add(listed: dict[str, _Listed], now: str, entry: _Listed) -> None:
    """``entry`` listed at ``now``; a file new in a nested repository where the outer one removed it since REF is
    one file, modified: its folder became a repository of its own, and the file stayed put."""
    earlier = listed.get(now)
    if entry.status == "new" and earlier is not None and earlier.status == "removed" and earlier.top != entry.top:
        entry = dataclasses.replace(earlier, status="modified")
    listed[now] = entry


def file_commit(path: Path) -> tuple[str | None, bool]:
    """(short hash of HEAD, whether ``path`` differs from it) for the repository holding ``path``;
    (None, False) outside git, or where git is missing."""
    try:
        top = toplevel(_folder(str(path)))
        if top is None:
            return None, False
        head = git(top, "rev-parse", "--short", "HEAD").decode().strip()
        status = git(top, "status", "--porcelain", "--", os.path.realpath(path))
    except BaselineError:
        return None, False
    return head, bool(status.strip())
