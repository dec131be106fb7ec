"""Two broken links to one missing file are two problems, each reported under its own name (ci/discovery.py
``_identity``): by their real path they were one file, and the second went unsaid, so CI needed a run per fix (QA).
A file named twice is still read once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from cli_runner import invoke


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symbolic links")
def test_each_broken_link_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "t1"
    folder.mkdir()
    for name, target in (("b1.yaml", "a.yaml"), ("b2.yaml", "a.yaml"), ("b3.yaml", "c.yaml")):
        (folder / name).symlink_to(tmp_path / "nowhere" / target)
    done = invoke(["validate", str(folder)])
    assert done.exit_code == 2
    assert [line.split(":")[0] for line in done.stdout.splitlines()] == [str(folder / f"b{i}.yaml") for i in (1, 2, 3)]
    assert done.stderr.endswith("3 files, 3 invalid, 3 errors\n")
    # The same broken link named twice, and by another spelling of its path: one file.
    twice = invoke(["validate", str(folder / "b1.yaml"), str(folder / ".." / "t1" / "b1.yaml")])
    assert twice.stderr.endswith("1 file, 1 invalid, 1 error\n")


@pytest.mark.parametrize("command", ["validate", "check"])
@pytest.mark.parametrize(("given", "lang", "why"), [
    (["missing", "missing/"], "en", "No such file or directory"),
    (["missing/", "missing", "./missing/."], "en", "No such file or directory"),
    (["missing/", "missing"], "zh", "没有该文件或目录"),
])
def test_one_missing_name_in_two_spellings_is_one_problem_under_the_first(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str, given: list[str], lang: str, why: str) -> None:
    """A link is a name of its own (above); ``missing`` and ``missing/`` are one name with and without its ending, the
    same path made absolute: one missing file, said once as first typed (docs/ci.md)."""
    monkeypatch.chdir(tmp_path)
    done = invoke([command, *given, "--lang", lang])
    assert done.exit_code == 2
    cannot = "cannot read file: " if lang == "en" else "无法读取文件："
    assert done.stdout == f"{given[0]}:1:1: {cannot}{why}\n"
    assert done.stderr.startswith("1 file, 1 invalid, " if lang == "en" else "1 个文件，1 个无效，")
