"""A list key misspelt before ``[i]`` in a ``--set`` is told the list of the file it resembles, as a misspelt key
without brackets is told the key it resembles."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

PLAN = ("name: H\nhorizon_months: 12\nretention: {monthly_churn: 0.5}\n"
        "acquisition: [{name: A, type: cpa, bid: 10, users: 100}]\n"
        "monetization: {plans: [{name: P, price: 10, period: month, conversion: 0.1}]}\n")


def _plan(folder: Path) -> Path:
    path = folder / "s.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


@pytest.mark.parametrize(("option", "meant"), [
    ("acqusition[0].bid=5", "acquisition[0].bid"),
    ("acquisiton[A].bid=5", "acquisition[A].bid"),
    ("monetization.plan[0].price=5", "monetization.plans[0].price"),
])
def test_a_misspelt_list_before_an_index_is_told_the_list_meant(tmp_path: Path, option: str, meant: str) -> None:
    path = _plan(tmp_path)
    where = f"--set {option}:1:1: {option.partition('=')[0]}: "
    key, _, rest = option.partition("[")
    key, item = key.rpartition(".")[2], "[" + rest.partition("]")[0] + "]"
    english = invoke(["run", str(path), "--set", option])
    assert english.exit_code == 2
    assert english.stderr == f"{where}no list '{key}' here to hold item {item}; did you mean '{meant}'?\n"
    chinese = invoke(["run", str(path), "--set", option, "--lang", "zh"])
    assert chinese.stderr == f"{where}此处没有列表 '{key}' 可容纳第 {item} 项；是否想写 '{meant}'？\n"


def test_a_list_the_file_has_nothing_like_is_still_to_be_added(tmp_path: Path) -> None:
    result = invoke(["run", str(_plan(tmp_path)), "--set", "costs.fixed[0].amount=5"])
    assert result.stderr == ("--set costs.fixed[0].amount=5:1:1: costs.fixed[0].amount: "
                             "no list 'fixed' here to hold item [0]; add it to the file first\n")


def test_an_indexed_first_key_like_nothing_is_a_list_to_add_not_an_item_name(tmp_path: Path) -> None:
    # zzz[0] names a list, never an item: the hint was "such as acquisition[0].0].bid", the path cut at its "[".
    result = invoke(["run", str(_plan(tmp_path)), "--set", "zzz[0].bid=5"])
    assert result.exit_code == 2
    assert result.stderr == "--set zzz[0].bid=5:1:1: zzz[0].bid: no list 'zzz' here to hold item [0]; add it to the file first\n"
