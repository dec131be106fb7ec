"""--grid reads a driver's path as --set reads it (reader/overrides.py ``indexed_path``): each takes the paths the
other takes, as the same value, and refuses the others in the same words; every path either's refusal offers is
taken by --set as written (docs/formulas.md §12). Channels named as numbers (``1``, ``0``), as a key of the file
(``retention``), with brackets (``A[1]``) and with ``=`` (``k=v``) beside the indices they read as."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from channel_name_plans import NAMES, offered_in, written_plans
from cli_runner import invoke

from aigc_roi import api

# Their plans give channels one name on purpose: what api.load warns of them is tested in tests/contract.
pytestmark = pytest.mark.filterwarnings("ignore::aigc_roi.api.ScenarioWarning")

PATHS = ["acquisition[0].bid", "acquisition[1].bid", "acquisition[2].bid", "0.bid", "1.bid", "A.bid", "B.bid",
         "retention.bid", "acquisition[retention].bid", "A[1].bid", "acquisition[A[1]].bid", "A[0].bid",
         "acquisition[A].bid", "acquisition[B].bid", "k=v.bid", "acquisition[k=v].bid", "acquisition[0].bidd",
         "acquisition[1].bidd"]
COLUMN = "Annual.price"


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("grid_reads_as_set")
    return written_plans(folder)


def _set_at(file: Path, path: str) -> str | None:
    """The channel's bid --set puts 7.5 at, by its index path; None where --set refuses the path."""
    try:
        scenario = api.load(file, sets=[f"{path}=7.5"])
    except api.ScenarioInvalid:
        return None
    changed = [f"acquisition[{i}].bid" for i, channel in enumerate(scenario.acquisition) if channel.bid == 7.5]
    assert len(changed) == 1, (path, changed)
    return changed[0]


def _grid_at(file: Path, path: str) -> str | None:
    """The driver --grid moves for ``path``; None where it refuses the path."""
    try:
        return api.sensitivity_grid(api.load(file), path, COLUMN, steps=2).row_driver.path
    except api.WhatIfError:
        return None


@pytest.mark.parametrize("file", list(NAMES))
def test_grid_and_set_take_the_same_paths_as_the_same_value(files: dict[str, Path], file: str) -> None:
    for path in PATHS:
        assert _grid_at(files[file], path) == _set_at(files[file], path), path


def _refusals(file: Path, path: str) -> list[str]:
    """--set's and --grid's last lines of refusal of ``path`` (the message after the location)."""
    lines = []
    for args in (["run", str(file), "--set", f"{path}=7.5"], ["sensitivity", str(file), "--grid", f"{path},{COLUMN}"]):
        result = invoke(args)
        if result.exit_code == 2:
            lines.append(re.split(r"^.*?: (?:--grid: |[^:]*: )", result.stderr.splitlines()[-1], maxsplit=1)[-1])
    return lines


@pytest.mark.parametrize("file", list(NAMES))
def test_every_path_either_refusal_offers_is_taken_by_set_as_written(files: dict[str, Path], file: str) -> None:
    for path in PATHS:
        for refusal in _refusals(files[file], path):
            for offered in offered_in(refusal):
                assert _set_at(files[file], offered) is not None, (path, refusal, offered)
                assert _grid_at(files[file], offered) == _set_at(files[file], offered), (path, refusal, offered)


@pytest.mark.parametrize(("file", "path", "en", "zh"), [
    ("one", "acquisition[1].bid",
     "[1] reads both as index 1 (the item named 'B') and as the item named '1'; write the one meant by its name alone, "
     "B.bid or 1.bid",
     "[1] 既可读作索引 1（名为 'B' 的项），也可读作名为 '1' 的项；请只用名称写明是哪一项：B.bid 或 1.bid"),
    ("key", "acquisition[1].bid",
     "[1] reads both as index 1 (the item named 'retention') and as the item named '1'; write the one meant, "
     "acquisition[retention].bid or 1.bid",
     "[1] 既可读作索引 1（名为 'retention' 的项），也可读作名为 '1' 的项；请写明是哪一项："
     "acquisition[retention].bid 或 1.bid"),
    ("shared", "acquisition[1].bid",
     "[1] reads both as index 1 (the item named 'B') and as the item named '1', and no path names each of them: "
     "give the items names of their own",
     "[1] 既可读作索引 1（名为 'B' 的项），也可读作名为 '1' 的项，且没有路径能分别指明它们：请给各项起各自的名称"),
    ("bracket_one", "acquisition[1].bid",
     "[1] reads both as index 1 (the item named 'A[1]') and as the item named '1', and no path names each of them: "
     "give the items names of their own",
     "[1] 既可读作索引 1（名为 'A[1]' 的项），也可读作名为 '1' 的项，且没有路径能分别指明它们：请给各项起各自的名称"),
    ("bracket", "A[1].bid",
     "a path cannot hold the name 'A[1]', whose brackets read as an index: write acquisition[0].bid",
     "路径中不能写名称 'A[1]'：其中的方括号会被读作索引；请写 acquisition[0].bid"),
    ("bracket", "acquisition[A[1]].bid",
     "a path cannot hold the name 'A[1]', whose brackets read as an index: write acquisition[0].bid",
     "路径中不能写名称 'A[1]'：其中的方括号会被读作索引；请写 acquisition[0].bid"),
    ("bracket_one", "A[1].bid",
     "a path cannot hold the name 'A[1]', whose brackets read as an index, and no path names each item so called: "
     "give each a name of its own",
     "路径中不能写名称 'A[1]'：其中的方括号会被读作索引，且没有路径能分别指明叫这个名称的各项：请给各项起各自的名称"),
    ("plain", "A[1].bid",
     "'A' is an item's name, not a list to hold item [1]: write acquisition[A].bid",
     "'A' 是项的名称，不是可容纳第 [1] 项的列表：请写 acquisition[A].bid"),
    ("equals", "k=v.bid",
     "a path cannot hold the name 'k=v', whose '=' reads as the path's end: write acquisition[0].bid",
     "路径中不能写名称 'k=v'：其中的 '=' 会被读作路径的结尾；请写 acquisition[0].bid"),
    ("equals", "acquisition[k=v].bid",
     "a path cannot hold the name 'k=v', whose '=' reads as the path's end: write acquisition[0].bid",
     "路径中不能写名称 'k=v'：其中的 '=' 会被读作路径的结尾；请写 acquisition[0].bid"),
    ("equals_one", "k=v.bid",
     "a path cannot hold the name 'k=v', whose '=' reads as the path's end, and no path names each item so called: "
     "give each a name of its own",
     "路径中不能写名称 'k=v'：其中的 '=' 会被读作路径的结尾，且没有路径能分别指明叫这个名称的各项：请给各项起各自的名称"),
    # Neither item [0] reads as has a key 'bidd': the key is refused, not the two readings with the slip in each.
    ("zero", "acquisition[0].bidd", "unknown key 'bidd'; did you mean 'bid'?", "未知字段 'bidd'；是否想写 'bid'？"),
    ("both", "acquisition[1].zzz",
     "unknown key 'zzz'; expected one of bid, budget, conversion_index, match, months, name, retention, "
     "saturation_budget, type, users",
     "未知字段 'zzz'；可用字段：bid、budget、conversion_index、match、months、name、retention、saturation_budget、type、users"),
])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_set_and_grid_refuse_in_the_same_words(files: dict[str, Path], file: str, path: str, en: str, zh: str,
                                               lang: str) -> None:
    message = en if lang == "en" else zh
    run = invoke(["run", str(files[file]), "--set", f"{path}=7.5", "--lang", lang])
    assert run.exit_code == 2 and run.stdout == ""
    # The file named B twice warns so first (reader/shared_names.py).
    assert run.stderr.splitlines()[-1] == f"--set {path}=7.5:1:1: {path}: {message}"
    grid = invoke(["sensitivity", str(files[file]), "--grid", f"{path},{COLUMN}", "--lang", lang])
    assert grid.exit_code == 2 and grid.stdout == ""
    assert grid.stderr.splitlines()[-1] == f"aigc-roi: --grid{'：' if lang == 'zh' else ': '}{message}"


def _listed(file: Path) -> list[str]:
    """The drivers --grid lists for a path like none of them."""
    grid = invoke(["sensitivity", str(file), "--grid", f"zzz,{COLUMN}"])
    assert grid.exit_code == 2
    return grid.stderr.splitlines()[-1].split("the drivers are: ", 1)[1].split(", ")


@pytest.mark.parametrize(("file", "bids"), [("one", [0, 1, 2]), ("zero", [0, 1, 2]), ("both", [0, 1, 2]),
                                            ("shared", [0, 2]), ("bracket_one", [0, 2]), ("equals", [0, 1, 2]),
                                            ("equals_one", [0, 2]), ("key", [0, 1, 2])])
def test_every_driver_a_path_names_is_listed_by_one_set_takes(files: dict[str, Path], file: str, bids: list[int]) -> None:
    """Each driver is listed by the first of its spellings --set takes as it (its path by name, its name first, its
    index path), and left out only where none names it: channel 1 of ``both`` is ``0.bid``, as ``acquisition[1].bid``
    reads as two channels and ``acquisition[0].bid`` as the other one."""
    listed = [bid for bid in _listed(files[file]) if bid.endswith(".bid")]
    assert [_set_at(files[file], bid) for bid in listed] == [f"acquisition[{i}].bid" for i in bids], listed
    assert all(_grid_at(files[file], bid) == _set_at(files[file], bid) for bid in listed)


def test_both_listed_by_name_first(files: dict[str, Path]) -> None:
    assert _listed(files["both"])[:5] == ["1.bid", "1.budget", "0.bid", "0.budget", "acquisition[C].bid"]


@pytest.mark.parametrize(("file", "path", "meant"), [("both", "1.bidd", "1.bid"), ("both", "0.budgett", "0.budget"),
                                                     ("equals", "kv.bid", "acquisition[0].bid"),
                                                     ("equals", "B.bidd", "acquisition[B].bid")])
def test_a_misspelt_driver_suggests_the_item_it_names(files: dict[str, Path], file: str, path: str, meant: str) -> None:
    """The suggestion is matched against the spellings taken as each driver, and is one of them (``1.bid``, not
    another channel's path)."""
    grid = invoke(["sensitivity", str(files[file]), "--grid", f"{path},{COLUMN}"])
    assert grid.stderr.splitlines()[-1] == f"aigc-roi: --grid: '{path}' is not a driver; did you mean '{meant}'?"


TYPES = """\
name: t
retention: {monthly_churn: 0.2}
acquisition:
  - {name: "1", type: cpm, cpm: 30, ctr: 2%, cvr: 10%, budget: 9000}
  - {name: B, type: cpa, bid: 12, budget: 5000}
monetization:
  plans:
    - {name: Annual, price: 99, period: year, conversion: 0.04}
"""


@pytest.mark.parametrize(("path", "meant"), [("acquisition[1].cpm", "acquisition[0].cpm"),
                                             ("acquisition[1].bid", "acquisition[1].bid")])
def test_two_readings_narrowed_to_the_one_with_the_rest(tmp_path: Path, path: str, meant: str) -> None:
    """[1] is B's index and channel 0's name; only the cpm channel has a cpm, only B a bid: each path names one
    (docs/formulas.md §12, as a shared name is narrowed), for --set and --grid alike."""
    file = tmp_path / "types.yaml"
    file.write_text(TYPES, encoding="utf-8")
    field = meant.rsplit(".", 1)[1]
    scenario = api.load(file, sets=[f"{path}=7.5"])
    assert [getattr(channel, field, None) == 7.5 for channel in scenario.acquisition] == [meant.startswith("acquisition[0"),
                                                                                          meant.startswith("acquisition[1")]
    assert api.sensitivity_grid(api.load(file), path, COLUMN, steps=2).row_driver.path == meant
