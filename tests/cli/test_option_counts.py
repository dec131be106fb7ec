"""Counts on the command line (--samples, --seed, --jobs, --grid-steps) read as the file reads numbers and as
--budget reads amounts (1e3, 1万, 2k, 1_000), and a bad one is the project's own "expected X, found Y"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke


@pytest.mark.parametrize(("typed", "count"), [("1e3", 1000), ("1万", 10_000), ("2k", 2000), ("1_500", 1500), ("300.0", 300)])
def test_a_count_takes_the_files_number_grammar(example: Path, typed: str, count: int) -> None:
    result = invoke(["simulate", str(example), "--samples", typed, "--seed", "1e1", "-f", "json", "-q"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["samples"], data["seed"]) == (count, 10)


SAMPLES = "a whole number from 1 to {most}"
BAD = [
    (["simulate", "--samples", "abc"], "--samples", SAMPLES.format(most="10,000,000"), "'abc'"),
    (["simulate", "--samples", "1.5"], "--samples", SAMPLES.format(most="10,000,000"), "'1.5'"),
    (["simulate", "--samples", "5%"], "--samples", SAMPLES.format(most="10,000,000"), "'5%'"),
    (["simulate", "--samples", "2e7"], "--samples", SAMPLES.format(most="10,000,000"), "'2e7'"),
    (["compare", "{file}", "--samples", "abc"], "--samples", SAMPLES.format(most="1,000,000"), "'abc'"),
    (["allocate", "-b", "1万", "--objective", "p10_npv", "--samples", "0"], "--samples", SAMPLES.format(most="1,000,000"), "'0'"),
    (["check", "--samples", "many"], "--samples", SAMPLES.format(most="1,000,000"), "'many'"),
    (["report", "--samples", "-3"], "--samples", SAMPLES.format(most="1,000,000"), "'-3'"),
    (["simulate", "--seed", "x"], "--seed", "a whole number >= 0", "'x'"),
    (["simulate", "--jobs", "0"], "--jobs", "a whole number >= 1", "'0'"),
    (["sensitivity", "--grid", "acquisition[0].bid,acquisition[0].users", "--grid-steps", "1"], "--grid-steps",
     "a whole number from 2 to 41", "'1'"),
]


@pytest.mark.parametrize(("words", "option", "expected", "found"), BAD, ids=lambda value: " ".join(value)
                         if isinstance(value, list) else "")
def test_a_bad_count_is_expected_and_found(example: Path, words: list[str], option: str, expected: str, found: str) -> None:
    args = [words[0], str(example), *(str(example) if word == "{file}" else word for word in words[1:])]
    result = invoke(args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"aigc-roi: {option}: expected {expected}, found {found}\n")
    chinese = invoke([*args, "--lang", "zh"]).stderr
    assert chinese.startswith(f"aigc-roi: {option}: 应为") and "实际为" in chinese and "expected" not in chinese


def test_a_slip_gets_the_hint_a_file_gets() -> None:
    result = invoke(["simulate", "x.yaml", "--samples", "1w"])
    assert result.stderr == ("aigc-roi: --samples: expected a whole number from 1 to 10,000,000, found '1w'; "
                             "'w' is not a suffix: write 1万\n")
