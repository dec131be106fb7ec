"""docs/ci.md's pre-commit snippet against this repository, and the hooks run as pre-commit runs them.

pre-commit clones the repository named in the snippet, checks out ``rev`` (a tag or a commit), reads
``.pre-commit-hooks.yaml`` there, installs the package (``language: python``) and runs each hook's
``entry`` with the staged files that match ``files`` and ``types``, split over several processes
unless the hook sets ``require_serial``. pre-commit itself is not a dependency: these tests read the
same files and run the entries the same way.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from aigc_roi.ci.discovery import found_below

ROOT = Path(__file__).resolve().parents[2]
HOOKS_FILE = ".pre-commit-hooks.yaml"


def _hooks(text: str | None = None) -> list[dict[str, object]]:
    hooks: list[dict[str, object]] = yaml.safe_load(text if text is not None else (ROOT / HOOKS_FILE).read_text(encoding="utf-8"))
    return hooks


def _snippet() -> dict[str, object]:
    """The ``.pre-commit-config.yaml`` that docs/ci.md tells a user to write."""
    docs = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    blocks = [block for block in re.findall(r"```yaml\n(.*?)```", docs, re.S) if block.lstrip().startswith("repos:")]
    assert len(blocks) == 1, "docs/ci.md should hold exactly one .pre-commit-config.yaml snippet"
    [repo] = yaml.safe_load(blocks[0])["repos"]
    return repo


def _version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def test_the_snippet_names_hooks_this_repository_defines() -> None:
    snippet = _snippet()
    defined = {hook["id"] for hook in _hooks()}
    used = [hook["id"] for hook in snippet["hooks"]]  # type: ignore[attr-defined]
    assert used == ["aigc-roi-validate", "aigc-roi-check"]
    assert set(used) <= defined


def test_the_snippet_pins_the_release_tag_of_this_version() -> None:
    # The tag the project creates for each release and never moves: v + pyproject's version.
    assert _snippet()["rev"] == f"v{_version()}"


def test_the_tag_exists_and_holds_the_hooks() -> None:
    """What pre-commit does first: check out ``rev`` and read the hooks there. A checkout without the tag (a
    clone of one branch, an archive) skips, saying why: whether a tag was fetched is the checkout's business."""
    rev = str(_snippet()["rev"])
    inside = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--is-inside-work-tree"], capture_output=True, check=False)
    if inside.returncode != 0:
        pytest.skip("not a git checkout: the release tag cannot be looked up")
    found = subprocess.run(["git", "-C", str(ROOT), "show", f"refs/tags/{rev}:{HOOKS_FILE}"], capture_output=True,
                           text=True, check=False)
    if found.returncode != 0:
        pytest.skip(f"tag {rev} is not in this checkout: create it with `git tag -a {rev} -m 'aigc-roi {rev[1:]}'` "
                    "and push it")
    used = {hook["id"] for hook in _snippet()["hooks"]}  # type: ignore[attr-defined]
    assert used <= {hook["id"] for hook in _hooks(found.stdout)}


def test_each_hook_runs_serially_and_its_command_is_installed() -> None:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    for hook in _hooks():
        # One process gets every file: one summary, and check's worker pool (if any) sees them all.
        assert hook["require_serial"] is True, hook["id"]
        assert hook["language"] == "python"
        command, subcommand = str(hook["entry"]).split()
        assert command in scripts and subcommand in ("validate", "check")


PASSING = "name: Fine\nretention: {monthly_churn: 0.5}\ntargets: {min_npv: 0}\n"
# No spend, no revenue: npv 0 meets min_npv 0; min_npv 1 is missed (line 3, column 20).
MISSING = "name: Short\nretention: {monthly_churn: 0.5}\ntargets: {min_npv: 1}\n"


def _staged(folder: Path) -> list[str]:
    files = {"scenarios/a.yaml": PASSING, "scenarios/b.yaml": MISSING, "scenarios/c.yml": PASSING,
             "scenarios/d.yaml": PASSING, "plans/e.yaml": MISSING, "scenarios/notes.txt": "not yaml"}
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return sorted(files)


def _selected(hook: dict[str, object], staged: list[str]) -> list[str]:
    """pre-commit's file filter: ``files`` searched in the path, then ``_typed``."""
    return [name for name in staged if re.search(str(hook["files"]), name) and _typed(hook, {"file", "text"})]


def _typed(hook: dict[str, object], tags: set[str]) -> bool:
    """pre-commit's type filter (``Classifier.by_types``): every tag of ``types`` (default ``[file]``), one of
    ``types_or`` where it names any, none of ``exclude_types``, for a path identify tags ``tags``."""
    types, types_or = set(hook.get("types", ["file"])), set(hook.get("types_or", []))  # type: ignore[call-overload]
    return tags >= types and (not types_or or bool(tags & types_or)) and not tags & set(hook.get("exclude_types", []))  # type: ignore[call-overload]


@pytest.mark.parametrize("hook", _hooks(), ids=lambda hook: str(hook["id"]))
def test_a_hook_takes_a_linked_file_as_the_walk_does(hook: dict[str, object]) -> None:
    """identify tags a symbolic link ``{"symlink"}`` alone, never ``file``: pre-commit's default ``types: [file]`` left
    ``scenarios/plan.yaml -> ../shared/plan.yaml`` unchecked (QA: a broken linked plan passed both hooks, where a
    walk of the folder reads it). No ``yaml`` type either, which identify gives by an extension's ASCII letters and
    would drop ``计划.ｙａｍｌ`` and ``plan.yaml.``. A submodule (``directory``) is no file to read."""
    assert _typed(hook, {"symlink"})
    assert _typed(hook, {"file", "text", "yaml"}) and _typed(hook, {"file", "text"})
    assert not _typed(hook, {"directory"})


def _run(hook: dict[str, object], files: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    _, subcommand = str(hook["entry"]).split()
    env = {key: value for key, value in os.environ.items() if key not in ("GITHUB_ACTIONS", "GITHUB_WORKFLOW")}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run([sys.executable, "-m", "aigc_roi", subcommand, *files], cwd=cwd, capture_output=True,
                          text=True, env=env, check=False)


@pytest.mark.parametrize("hook", _hooks(), ids=lambda hook: str(hook["id"]))
def test_a_hook_takes_the_files_the_folder_walk_finds(hook: dict[str, object]) -> None:
    staged = ["scenarios/Plan.YAML", "scenarios/sub/计划.Yml", "scenarios/notes.txt", "plans/a.YAML"]
    assert _selected(hook, staged) == ["scenarios/Plan.YAML", "scenarios/sub/计划.Yml"]


WALKED = ["Plan.YAML", "plan.Yml", "计划.YAML", "全角.ｙａｍｌ", "sub/a.yaml", ".hidden/X.YAML", ".Dot.YAML", "notes.txt",
          "plan.YAML.bak", "plan.yaml~", "plan.yaml.", "plan.yml .", "Plan.ＹＡＭＬ", "计划．ｙｍｌ", "plan.yaml　", "plan. yaml",
          "sub/.git/x.yaml", ".yaml", "plan.yaml/x.txt", "plan.json", "plan.yaml\n", "plan.yaml\t", "plan.yaml\u00a0",
          "plan.yml\u00a0. "]
"""tests/ci/test_yaml_extensions.py's folder, and the names its rule (model/names.py extension_of) reads past: a newline
or tab at the end is kept (``$`` would match before a final newline), a no-break space dropped."""


@pytest.mark.parametrize("hook", _hooks(), ids=lambda hook: str(hook["id"]))
@pytest.mark.parametrize("name", WALKED)
def test_a_hook_takes_what_a_walk_of_the_folder_takes(hook: dict[str, object], name: str) -> None:
    """A scenario file the walk of `scenarios/` reads is one a commit that touches it has checked, and no other."""
    assert _selected(hook, [f"scenarios/{name}", f"repo/scenarios/{name}"]) == (
        [f"scenarios/{name}", f"repo/scenarios/{name}"] if found_below(name) else [])


REPOSITORY = ["scenarios/p.yaml", "a/b/scenarios/c/p.yaml", ".github/scenarios/p.yaml", ".hidden/x/scenarios/p.yaml",
              "a/.b/scenarios/p.yaml", "scenarios/.x/p.yaml", "scenarios/x/.p.yaml", "a.b/scenarios/p.yaml"]


@pytest.mark.parametrize("hook", _hooks(), ids=lambda hook: str(hook["id"]))
@pytest.mark.parametrize("path", REPOSITORY)
def test_a_hook_takes_what_a_walk_of_the_repository_takes(hook: dict[str, object], path: str) -> None:
    """pre-commit passes paths from the repository's top; a walk of `.` skips every hidden folder on the way, above
    `scenarios/` as well as below it."""
    assert _selected(hook, [path]) == ([path] if found_below(path) else [])


LOOKALIKES = ["plan\ufe52yaml", "plan\u2024yaml", "plan\u2026yaml", "plan.ya\u3396", "plan.y\u1d43ml", "plan.\U0001d432aml",
              "plan.yaml\u2002", "plan.yaml\ufe52"]
"""Names whose NFKC form is a YAML file name (``plan.yaml``, ``plan...yaml``) by characters other than ASCII, full-width
forms and the no-break space: a regex cannot apply NFKC, so, as docs/ci.md says, the hooks leave them to a walk."""


@pytest.mark.parametrize("hook", _hooks(), ids=lambda hook: str(hook["id"]))
@pytest.mark.parametrize("name", LOOKALIKES)
def test_a_hook_leaves_other_lookalikes_to_the_walk(hook: dict[str, object], name: str) -> None:
    assert found_below(name)
    assert _selected(hook, [f"scenarios/{name}"]) == []


@pytest.mark.parametrize("hook", _hooks(), ids=lambda hook: str(hook["id"]))
def test_a_hook_prints_findings_only_however_the_files_are_split(hook: dict[str, object], tmp_path: Path) -> None:
    files = _selected(hook, _staged(tmp_path))
    assert files == ["scenarios/a.yaml", "scenarios/b.yaml", "scenarios/c.yml", "scenarios/d.yaml"]
    whole = _run(hook, files, tmp_path)
    halves = [_run(hook, files[:2], tmp_path), _run(hook, files[2:], tmp_path)]
    if hook["id"] == "aigc-roi-check":
        assert whole.returncode == 1
        assert whole.stdout == "scenarios/b.yaml:3:20: Short: targets.min_npv missed: npv is 0.00, must be >= 1.00\n"
        assert whole.stderr == "4 files, 0 invalid, 4 targets, 1 missed\n"
    else:
        assert (whole.returncode, whole.stdout) == (0, "")
        assert whole.stderr == "4 files, 0 invalid, 0 errors\n"
    # Split as pre-commit splits without require_serial, the findings are the same lines: nothing is
    # printed for a passing file, so no table or header repeats.
    assert "".join(half.stdout for half in halves) == whole.stdout
