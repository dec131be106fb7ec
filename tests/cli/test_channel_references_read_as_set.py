"""allocate's --lock, --min and --max and actuals' --map read a channel as --set reads the channel part of a path
(reader/overrides.py ``channel_at``): each takes the references ``--set 'REF.budget=...'`` takes, as the same channel,
and refuses the others in --set's words, the rest of the path left out; every reference a refusal offers, or an
unknown channel's list names, is taken as written (docs/formulas.md §12). Channels named as numbers (``1``, ``0``), as
a key of the file (``retention``), with brackets (``A[1]``), with ``=`` (``k=v``) and two of one name (``B``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from channel_name_plans import NAMES, offered_in, written_plans
from cli_runner import invoke

from aigc_roi import api

# Their plans give channels one name on purpose: what api.load warns of them is tested in tests/contract.
pytestmark = pytest.mark.filterwarnings("ignore::aigc_roi.api.ScenarioWarning")

REFERENCES = ["acquisition[0]", "acquisition[1]", "acquisition[2]", "0", "1", "A", "B", "C", "retention",
              "acquisition[retention]", "A[1]", "acquisition[A[1]]", "A[0]", "acquisition[A]", "acquisition[B]",
              " B ", "acquisition[ B ]", "k=v", "acquisition[k=v]", "k"]
EXPORT = "date,campaign,spend,new_users\n2025-01-06,zz_c,4000,200\n"
"""One campaign no channel's match takes: the channel --map gives it is the one with spend."""
OPTIONS = ("--lock", "--min", "--max", "--map")


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("channel_references")
    written = {"export": folder / "export.csv"}
    written["export"].write_text(EXPORT, encoding="utf-8")
    return written | written_plans(folder)


def _set_at(file: Path, reference: str) -> int | None:
    """The channel whose budget ``--set 'REF.budget=7777'`` sets; None where --set refuses it."""
    try:
        scenario = api.load(file, sets=[f"{reference}.budget=7777"])
    except api.ScenarioInvalid:
        return None
    changed = [index for index, channel in enumerate(scenario.acquisition) if channel.budget == 7777]
    assert len(changed) == 1, (reference, changed)
    return changed[0]


def _option_at(files: dict[str, Path], file: str, option: str, reference: str) -> int | None:
    """The channel the library's argument of ``option`` takes ``reference`` as; None where it refuses it."""
    scenario = api.load(files[file])
    try:
        if option == "--map":
            compared = api.actuals(scenario, files["export"], [f"{reference}=zz_*"], samples=100)
            return next(index for index, channel in enumerate(compared.channels)
                        if any(month.actual.spend for month in channel.months))
        given = {"--lock": {"locks": [reference]}, "--min": {"minimums": {reference: 1000.0}},
                 "--max": {"maximums": {reference: 3000.0}}}[option]
        allocation = api.allocate(scenario, 20_000, **given)  # type: ignore[arg-type]
    except api.WhatIfError:
        return None
    field = {"--lock": "status", "--min": "minimum", "--max": "maximum"}[option]
    meant = {"--lock": "locked", "--min": 1000.0, "--max": 3000.0}[option]
    return next(index for index, channel in enumerate(allocation.channels) if getattr(channel, field) == meant)


@pytest.mark.parametrize("file", list(NAMES))
@pytest.mark.parametrize("option", OPTIONS)
def test_each_option_takes_the_channel_set_takes(files: dict[str, Path], file: str, option: str) -> None:
    for reference in REFERENCES:
        assert _option_at(files, file, option, reference) == _set_at(files[file], reference), reference


def _refusal(files: dict[str, Path], file: str, option: str, reference: str, lang: str = "en") -> str | None:
    """The option's refusal of ``reference`` after its location, or None where it names no channel (the option's own
    error of an unknown channel)."""
    plan = str(files[file])
    args = {"--map": ["actuals", plan, str(files["export"]), "--map", f"{reference}=zz_*"],
            "--lock": ["allocate", plan, "--budget", "20000", "--lock", reference]}.get(option) or \
        ["allocate", plan, "--budget", "20000", option, f"{reference}=1000"]
    result = invoke([*args, "--lang", lang])
    assert result.exit_code == 2 and result.stdout == "", (option, reference)
    line = result.stderr.splitlines()[-1]
    shown = re.escape(reference.strip()) + (r"=zz_\*" if option == "--map" else "")
    located = re.match(rf"aigc-roi: {re.escape(option)} \s*{shown}\s*(?::|：) ?(.*)$", line)
    # --map says an unknown channel after its text too, in words of its own.
    return located[1] if located and not located[1].startswith(("expected a channel", "应为方案中的渠道")) else None


UNKNOWN = ("no channel, plan, purchase", "no item named", "no list ", "expected PATH=VALUE", "unknown key")
"""--set's errors of a path that names nothing, where each option has its own error of an unknown channel."""


def _set_refusal(file: Path, reference: str, lang: str = "en") -> str:
    result = invoke(["run", str(file), "--set", f"{reference}.budget=7777", "--lang", lang])
    assert result.exit_code == 2
    # The refusal's line (the file's own warnings follow it: two channels named B), after the location and the path
    # refused (``k`` of ``k=v.budget=7777`` where no channel is named k=v).
    line = next(line for line in result.stderr.splitlines() if line.startswith("--set "))
    return line.split(":1:1: ", 1)[1].split(": ", 1)[1]


@pytest.mark.parametrize("file", list(NAMES))
def test_each_option_refuses_in_the_words_of_set(files: dict[str, Path], file: str) -> None:
    """Where --set refuses a reference's channel part as able to mean several channels, or as no reference of its form
    names the channel, each option refuses it in those words, each offered path without the rest (``.budget``)."""
    for reference in REFERENCES:
        if _set_at(files[file], reference) is not None:
            continue
        said = _set_refusal(files[file], reference)
        # --set sets retention.budget in the file's retention, whose key it is: there the options say so themselves.
        if said.startswith(UNKNOWN) or (file, reference) == ("key", "retention"):
            expected = None if said.startswith(UNKNOWN) and (file, reference) != ("key", "retention") else \
                "'retention' is a key of the file, not a channel's name: write acquisition[retention]"
        else:
            expected = said.replace(".budget", "")
        for option in OPTIONS:
            assert _refusal(files, file, option, reference) == expected, (option, reference)


@pytest.mark.parametrize("file", list(NAMES))
def test_every_reference_a_refusal_offers_is_taken_as_written(files: dict[str, Path], file: str) -> None:
    """Each path a refusal offers, and each an unknown channel's list names, is taken by every option and by --set
    (with ``.budget``) as the same channel."""
    plan = str(files[file])
    offered: set[str] = set()
    for reference in REFERENCES:
        if _set_at(files[file], reference) is not None:
            continue
        refused = _refusal(files, file, "--lock", reference)
        if refused is None:
            unknown = invoke(["allocate", plan, "--budget", "20000", "--lock", reference])
            refused = unknown.stderr.splitlines()[-1]
        offered.update(offered_in(refused))
    assert offered
    for reference in offered:
        taken = _set_at(files[file], reference)
        assert taken is not None, reference
        for option in OPTIONS:
            assert _option_at(files, file, option, reference) == taken, (option, reference)


@pytest.mark.parametrize(("file", "reference", "en", "zh"), [
    ("one", "acquisition[1]",
     "[1] reads both as index 1 (the item named 'B') and as the item named '1'; write the one meant by its name alone, "
     "B or 1",
     "[1] 既可读作索引 1（名为 'B' 的项），也可读作名为 '1' 的项；请只用名称写明是哪一项：B 或 1"),
    ("key", "acquisition[1]",
     "[1] reads both as index 1 (the item named 'retention') and as the item named '1'; write the one meant, "
     "acquisition[retention] or 1",
     "[1] 既可读作索引 1（名为 'retention' 的项），也可读作名为 '1' 的项；请写明是哪一项：acquisition[retention] 或 1"),
    ("key", "retention",
     "'retention' is a key of the file, not a channel's name: write acquisition[retention]",
     "'retention' 是文件的字段，不是渠道的名称：请写 acquisition[retention]"),
    ("shared", "B",
     "'B' names 2 items and no path names each of them: give the items names of their own",
     "'B' 是 2 项的名称，且没有路径能分别指明它们：请给各项起各自的名称"),
    ("shared", "acquisition[1]",
     "[1] reads both as index 1 (the item named 'B') and as the item named '1', and no path names each of them: "
     "give the items names of their own",
     "[1] 既可读作索引 1（名为 'B' 的项），也可读作名为 '1' 的项，且没有路径能分别指明它们：请给各项起各自的名称"),
    ("bracket", "A[1]",
     "a path cannot hold the name 'A[1]', whose brackets read as an index: write acquisition[0]",
     "路径中不能写名称 'A[1]'：其中的方括号会被读作索引；请写 acquisition[0]"),
    ("bracket_one", "acquisition[A[1]]",
     "a path cannot hold the name 'A[1]', whose brackets read as an index, and no path names each item so called: "
     "give each a name of its own",
     "路径中不能写名称 'A[1]'：其中的方括号会被读作索引，且没有路径能分别指明叫这个名称的各项：请给各项起各自的名称"),
    ("plain", "A[1]",
     "'A' is an item's name, not a list to hold item [1]: write acquisition[A]",
     "'A' 是项的名称，不是可容纳第 [1] 项的列表：请写 acquisition[A]"),
    ("equals", "k=v",
     "a path cannot hold the name 'k=v', whose '=' reads as the path's end: write acquisition[0]",
     "路径中不能写名称 'k=v'：其中的 '=' 会被读作路径的结尾；请写 acquisition[0]"),
    ("equals", "acquisition[k=v]",
     "a path cannot hold the name 'k=v', whose '=' reads as the path's end: write acquisition[0]",
     "路径中不能写名称 'k=v'：其中的 '=' 会被读作路径的结尾；请写 acquisition[0]"),
    ("equals_one", "k=v",
     "a path cannot hold the name 'k=v', whose '=' reads as the path's end, and no path names each item so called: "
     "give each a name of its own",
     "路径中不能写名称 'k=v'：其中的 '=' 会被读作路径的结尾，且没有路径能分别指明叫这个名称的各项：请给各项起各自的名称"),
])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_option_refuses_so_in_either_language(files: dict[str, Path], file: str, reference: str, en: str,
                                                   zh: str, lang: str) -> None:
    for option in OPTIONS:
        assert _refusal(files, file, option, reference, lang) == (en if lang == "en" else zh), option


@pytest.mark.parametrize(("file", "listed"), [("shared", "'1', 'acquisition[2]'"), ("bracket", "'acquisition[0]', 'B', 'C'"),
                                              ("key", "'1', 'acquisition[retention]', 'C'"),
                                              ("equals", "'acquisition[0]', 'B', 'C'"), ("equals_one", "'1', 'C'")])
def test_an_unknown_channel_lists_each_by_a_reference_taken(files: dict[str, Path], file: str, listed: str) -> None:
    """The B of [1] in ``shared`` has no reference (its name is shared and its index the other's name): left out."""
    result = invoke(["allocate", str(files[file]), "--budget", "20000", "--lock", "Z"])
    assert result.stderr.splitlines()[-1] == f"aigc-roi: --lock: no channel named 'Z'; channels: {listed}"
    mapped = invoke(["actuals", str(files[file]), str(files["export"]), "--map", "Z=zz_*"])
    assert mapped.stderr.splitlines()[-1] == (f"aigc-roi: --map Z=zz_*: expected a channel of the plan "
                                              f"({listed.replace(chr(39), '')}), found 'Z'")
