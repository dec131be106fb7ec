"""Numbers on the command line, counts (--samples, --seed, --jobs, --grid-steps) and the others (--target-roas,
--min-payback-probability, --step), read as the file reads numbers and as --budget reads amounts (1e3, 1万, 2k,
1_000, 80%), and a bad one is the project's own "expected X, found Y"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke

TEMPLATES = Path(__file__).resolve().parents[2] / "aigc_roi" / "templates"


@pytest.mark.parametrize(("typed", "count"), [("1e3", 1000), ("1万", 10_000), ("2k", 2000), ("1_500", 1500), ("300.0", 300)])
def test_a_count_takes_the_files_number_grammar(example: Path, typed: str, count: int) -> None:
    result = invoke(["simulate", str(example), "--samples", typed, "--seed", "1e1", "-f", "json", "-q"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["samples"], data["seed"]) == (count, 10)


def _json(args: list[str]) -> dict:
    result = invoke([*args, "-f", "json", "-q"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_a_share_or_a_ratio_takes_the_files_number_grammar(example: Path) -> None:
    chat, video = str(TEMPLATES / "chat-assistant-cpa.yaml"), str(TEMPLATES / "video-tool-kol-then-feed.yaml")
    chance = _json(["allocate", chat, "-b", "1万", "--min-payback-probability", "80%", "--samples", "20"])
    assert chance["constraints"]["min_payback_probability"]["limit"] == 0.8
    assert _json(["allocate", video, "--target-roas", "150%"])["target_roas"] == 1.5
    assert _json(["sensitivity", str(example), "--step", "1e-1"])["step"] == 0.1


@pytest.mark.parametrize(("typed", "step"), [("20%", 0.2), ("0.2", 0.2), ("5%", 0.05), ("1", 1.0)])
def test_a_step_is_a_percentage_or_a_fraction(example: Path, typed: str, step: float) -> None:
    assert _json(["sensitivity", str(example), "--step", typed])["step"] == step


@pytest.mark.parametrize("typed", ["0", "-10%", "150%", "abc", ""])
def test_a_step_outside_0_to_1_is_refused(example: Path, typed: str) -> None:
    result = invoke(["sensitivity", str(example), "--step", typed])
    assert (result.exit_code, result.stderr) == (
        2, f"aigc-roi: --step: expected a step in (0, 1], such as 20% or 0.2, found {typed!r}\n")


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
    (["simulate", "--seed", "x"], "--seed", "a whole number from 0 to 2^128 - 1", "'x'"),
    (["simulate", "--jobs", "0"], "--jobs", "a whole number >= 1", "'0'"),
    (["sensitivity", "--grid", "acquisition[0].bid,acquisition[0].users", "--grid-steps", "1"], "--grid-steps",
     "a whole number from 2 to 41", "'1'"),
    (["allocate", "--target-roas", "0"], "--target-roas", "a positive number", "'0'"),
    (["allocate", "--target-roas", "1.5x"], "--target-roas", "a positive number", "'1.5x'"),
    (["allocate", "-b", "1万", "--min-payback-probability", "-5%"], "--min-payback-probability", "a share in [0, 1]", "'-5%'"),
    (["allocate", "-b", "1万", "--min-payback-probability", "abc"], "--min-payback-probability", "a share in [0, 1]", "'abc'"),
    (["sensitivity", "--step", "0"], "--step", "a step in (0, 1], such as 20% or 0.2", "'0'"),
]


@pytest.mark.parametrize(("words", "option", "expected", "found"), BAD, ids=lambda value: " ".join(value)
                         if isinstance(value, list) else "")
def test_a_bad_count_is_expected_and_found(example: Path, words: list[str], option: str, expected: str, found: str) -> None:
    args = [words[0], str(example), *(str(example) if word == "{file}" else word for word in words[1:])]
    result = invoke(args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"aigc-roi: {option}: expected {expected}, found {found}\n")
    chinese = invoke([*args, "--lang", "zh"]).stderr
    assert chinese.startswith(f"aigc-roi: {option}：应为") and "实际为" in chinese and "expected" not in chinese


def test_a_slip_gets_the_hint_a_file_gets() -> None:
    result = invoke(["simulate", "x.yaml", "--samples", "1w"])
    assert result.stderr == ("aigc-roi: --samples: expected a whole number from 1 to 10,000,000, found '1w'; "
                             "'w' is not a suffix: write 1万\n")


def test_a_share_written_without_its_percent_sign_gets_the_hint_a_file_gets() -> None:
    args = ["allocate", "x.yaml", "-b", "1万", "--min-payback-probability"]
    result = invoke([*args, "80"])
    assert (result.exit_code, result.stderr) == (
        2, "aigc-roi: --min-payback-probability: expected a share in [0, 1], found '80'; did you mean 80%?\n")
    assert invoke([*args, "80", "--lang", "zh"]).stderr.startswith(
        "aigc-roi: --min-payback-probability：应为 [0, 1] 之内的比例，实际为 '80'；是否想写 80%？")
    # Over 100% with its sign already: another would be no number.
    assert invoke([*args, "150%"]).stderr == "aigc-roi: --min-payback-probability: expected a share in [0, 1], found '150%'\n"
