"""`check` over many files in worker processes gives what one process gives, in the same order."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke
from test_validate_and_check import BROKEN, LOSING, WINNING, example, write

from aigc_roi.ci import checks, parallel
from aigc_roi.ci.parallel import validate_and_check
from aigc_roi.reader.yamltree import find_node


def test_workers_find_what_one_process_finds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [LOSING, WINNING, BROKEN, example(price=12, targets="min_roi: 0"), example(targets="max_cac: 19"), LOSING]
    write(tmp_path, {f"s{i}.yaml": text for i, text in enumerate(texts)})
    files = sorted(tmp_path.iterdir()) + [tmp_path / "missing.yaml"]
    monkeypatch.setattr(checks, "POOL_FROM", 2)
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    alone = validate_and_check(files, (), 100, 0, workers=1)
    pooled = validate_and_check(files, (), 100, 0, workers=2)
    assert [(r.path, r.errors) for r in pooled[0]] == [(r.path, r.errors) for r in alone[0]]
    assert [(c.path, c.figures, c.outcomes) for c in pooled[1]] == [(c.path, c.figures, c.outcomes) for c in alone[1]]
    # Worked example: roi -21.25% misses min_roi 0 (s0, s5); price 12 gives -3.75% (s3); cac 20 > 19 (s4).
    missed = [(Path(c.path).name, o.name) for c in pooled[1] for o in c.outcomes if not o.passed]
    assert missed == [("s0.yaml", "min_roi"), ("s3.yaml", "min_roi"), ("s4.yaml", "max_cac"), ("s5.yaml", "min_roi")]
    assert [Path(r.path).name for r in pooled[0] if r.errors] == ["s2.yaml", "missing.yaml"]
    # Each target's position is found in the worker, where the file's tree is: the same as in one process.
    located = [[c.target_location(o) for o in c.outcomes] for c in pooled[1]]
    assert located == [[c.target_location(o) for o in c.outcomes] for c in alone[1]]
    assert located[0][:2] == [(11, 12, None), (12, 12, None)]  # LOSING: "  min_roi: 0" on line 11, "  max_cac: 25" on 12


def test_a_worker_sends_a_tree_back_only_where_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # `check --base` reads the trees of the files it compares; the rest stay in the worker (a fifth of the pickle).
    write(tmp_path, {f"s{i}.yaml": LOSING for i in range(4)})
    files = sorted(tmp_path.iterdir())
    monkeypatch.setattr(checks, "POOL_FROM", 2)
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    results, checked = validate_and_check(files, (), 100, 0, workers=2, trees=frozenset(files[1:2]))
    kept = [find_node(r.loaded.tree, "targets.min_roi") is not None for r in results if r.loaded is not None]
    assert kept == [False, True, False, False]
    assert all(c.loaded is r.loaded for c, r in zip(checked, results, strict=True))
    assert all(c.target_location(c.outcomes[0]) == (11, 12, None) for c in checked)


def test_a_few_files_stay_in_this_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"a.yaml": LOSING})

    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a pool was started for one file")

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", no_pool)
    results, checked = validate_and_check([tmp_path / "a.yaml"], (), 100, 0, workers=8)
    assert len(results) == 1 and len(checked) == 1


@pytest.mark.parametrize(("cores", "files", "workers", "processes"), [
    (2, 1000, 40, 2),  # `-j 40` on 2 cores: 2 processes, not 40
    (2, 1000, 10**20, 2),  # `-j 99999999999999999999`
    (2, 1000, None, 2),  # one per core
    (8, 1000, 3, 3),
    (2, 1000, 1, 1),  # 1: this process
    (1, 1000, 4, 1),  # one core: this process
    (8, checks.POOL_FROM - 1, 8, 1),  # too few files to pay for a pool
    (8, checks.POOL_FROM, 8, 8),
])
def test_workers_are_held_to_the_cores(monkeypatch: pytest.MonkeyPatch, cores: int, files: int, workers: int | None,
                                       processes: int) -> None:
    monkeypatch.setattr(parallel, "cores", lambda: cores)
    assert parallel.pool_size(files, workers) == processes


def test_check_jobs_past_the_cores_starts_one_worker_a_core(tmp_path: Path, thread_pools: list[int]) -> None:
    """The pool `check -j 40` starts on 2 cores (on threads: conftest.py ``thread_pools``)."""
    write(tmp_path, {f"s{i:02}.yaml": LOSING if i % 3 else WINNING for i in range(checks.POOL_FROM)})
    started = thread_pools
    pooled = invoke(["check", "--format", "json", "-j", "40", str(tmp_path)])
    assert started == [2]
    alone = invoke(["check", "--format", "json", "-j", "1", str(tmp_path)])
    assert started == [2]
    assert pooled.exit_code == alone.exit_code == 1
    assert pooled.stdout == alone.stdout
