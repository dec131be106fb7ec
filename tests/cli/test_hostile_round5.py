"""QA round 5 (hostile inputs), the findings of low severity: an empty mapping where a number goes, an empty
``--lang``, a refusal of a tiny budget that offered 0, a -0 written back, names told no near spelling, and a channel
that names neither its name nor its type."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke
from spec_example import WORKED_EXAMPLE


def _write(folder: Path, text: str, name: str = "plan.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# --- {} where a number goes: found as an empty mapping (README), not a range missing low and high ------------


@pytest.mark.parametrize(("option", "said"), [
    ("acquisition[0].bid={}", "acquisition[0].bid: expected a number >= 0, found an empty mapping"),
    ("retention.monthly_churn={}", "retention.monthly_churn: expected a number from 0 to 1, found an empty mapping"),
])
def test_an_empty_mapping_where_a_number_goes_is_found_as_one(tmp_path: Path, option: str, said: str) -> None:
    result = invoke(["run", str(_write(tmp_path, WORKED_EXAMPLE)), "--set", option])
    assert result.exit_code == 2
    assert result.stderr == f"--set {option}:1:1: {said}\n"


def test_an_empty_mapping_in_the_file_in_chinese(tmp_path: Path) -> None:
    path = _write(tmp_path, WORKED_EXAMPLE.replace("bid: 20", "bid: {}"))
    result = invoke(["validate", str(path), "--lang", "zh"])
    assert result.exit_code == 2
    assert result.stdout.splitlines()[0].endswith("acquisition[0].bid: 应为 ≥ 0 的数字，实际为空映射")


# --- --lang '' is a value, refused as --lang xx -----------------------------------------------------------------


@pytest.mark.parametrize("where", ["root", "command"])
def test_an_empty_lang_is_refused(tmp_path: Path, where: str) -> None:
    plan = str(_write(tmp_path, WORKED_EXAMPLE))
    args = ["--lang", "", "run", plan] if where == "root" else ["run", plan, "--lang", ""]
    result = invoke(args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == "aigc-roi: --lang: expected one of en, zh, found ''\n"


# --- a budget below the smallest size of a number: 0 is not offered where 0 is refused too ----------------------


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "aigc-roi: --budget: expected a positive amount of at least 1e-09, found '1e-10'\n"),
    ("zh", "aigc-roi: --budget：应为不小于 1e-09 的正数金额，实际为 '1e-10'\n"),
])
def test_a_tiny_budget_is_told_what_is_taken(tmp_path: Path, lang: str, said: str) -> None:
    result = invoke(["allocate", str(_write(tmp_path, WORKED_EXAMPLE)), "--budget", "1e-10", "--lang", lang])
    assert result.exit_code == 2
    assert result.stderr == said


def test_a_cap_that_may_be_0_still_offers_0(tmp_path: Path) -> None:
    result = invoke(["allocate", str(_write(tmp_path, WORKED_EXAMPLE)), "--budget", "100", "--max-cash-need", "1e-10"])
    assert result.exit_code == 2
    assert result.stderr == "aigc-roi: --max-cash-need: expected 0 or a number of at least 1e-09 in size, found '1e-10'\n"


# --- -0 is 0 ------------------------------------------------------------------------------------------------------


def test_a_zero_written_negative_is_written_back_as_0(tmp_path: Path) -> None:
    path = _write(tmp_path, WORKED_EXAMPLE.replace("horizon_months: 3", "horizon_months: 3\nvirality: -0.0\n"
                                                   "discount_rate: '-0%'"))
    result = invoke(["run", str(path), "-f", "csv", "--table", "inputs"])
    assert result.exit_code == 0, result.stderr
    rows = dict(line.split(",", 2)[:2] for line in result.stdout.splitlines()[1:])
    assert (rows["virality"], rows["discount_rate"]) == ("0", "0")


# --- a name told the item it resembles, by case alone too, and in brackets ----------------------------------------


@pytest.mark.parametrize(("option", "meant"), [
    ("CH.bid=5", "acquisition[ch].bid"),
    ("acquisition[CH].bid=5", "acquisition[ch].bid"),
    ("acquisition[Ｃｈ].bid=5", "acquisition[ch].bid"),
    ("acquisition[c].bid=5", "acquisition[ch].bid"),
])
def test_a_name_is_told_the_item_it_resembles(tmp_path: Path, option: str, meant: str) -> None:
    path = _write(tmp_path, WORKED_EXAMPLE.replace("name: CPA,", "name: ch,"))
    result = invoke(["run", str(path), "--set", option])
    assert result.exit_code == 2
    assert result.stderr.endswith(f"; did you mean '{meant}'?\n"), result.stderr
    zh = invoke(["run", str(path), "--set", option, "--lang", "zh"])
    assert zh.stderr.endswith(f"；是否想写 '{meant}'？\n"), zh.stderr


def test_a_bracketed_name_like_none_is_told_so_alone(tmp_path: Path) -> None:
    path = _write(tmp_path, WORKED_EXAMPLE.replace("name: CPA,", "name: ch,"))
    result = invoke(["run", str(path), "--set", "acquisition[zzz].bid=5"])
    assert result.stderr == "--set acquisition[zzz].bid=5:1:1: acquisition[zzz].bid: no item named 'zzz'\n"


# --- a channel of no keys: its name is missing as well as its type -----------------------------------------------


def test_an_empty_channel_misses_its_name_and_its_type(tmp_path: Path) -> None:
    path = _write(tmp_path, "name: a\nretention: {monthly_churn: 0.1}\nacquisition: [{}]\n")
    result = invoke(["validate", str(path)])
    assert result.exit_code == 2
    assert result.stdout == (f"{path}:3:15: acquisition[0].name: missing required key 'name'\n"
                             f"{path}:3:15: acquisition[0].type: missing required key 'type'\n")
