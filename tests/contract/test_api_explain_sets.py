"""A set one of explain_change's two files refuses names that file (``ScenarioError.scenario``), as `check` names the
file a set failed on: the one set goes to both files, and the set alone does not say which refused it.

QA: ``api.explain_change(a, b, ["acquisition[1].bid=5"])`` raised ``sets[0]:1:1: acquisition[1].bid: no item 1: the
list has 1 item`` with ``errors[0].scenario`` None, where `compare A B --explain --set` says ``(in B)``; `report A
--base B --set ...` named no file either."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke
from feed_search_plans import ONE, TWO

from aigc_roi import api

REFUSED = "acquisition[1].bid: no item 1: the list has 1 item"


def files(tmp_path: Path) -> tuple[Path, Path]:
    one, two = tmp_path / "one.yaml", tmp_path / "two.yaml"
    one.write_text(ONE, encoding="utf-8")
    two.write_text(TWO, encoding="utf-8")
    return one, two


@pytest.mark.parametrize("one_is_base", [False, True], ids=["new refuses", "base refuses"])
def test_the_file_that_refused_a_set_is_named(tmp_path: Path, one_is_base: bool) -> None:
    one, two = files(tmp_path)
    with pytest.raises(api.ScenarioInvalid) as invalid:
        api.explain_change(*((one, two) if one_is_base else (two, one)), ["acquisition[1].bid=5"])
    [error] = invalid.value.errors
    assert (error.scenario, error.file, error.line, error.column) == (str(one), "sets[0]", 1, 1)
    assert str(error) == f"{one}: sets[0]:1:1: {REFUSED}"
    with pytest.raises(api.ScenarioInvalid) as invalid:
        api.explain_change(two, one, "acquisition[1].bid=5", set_option="--set")
    assert str(invalid.value) == f"{one}: --set acquisition[1].bid=5:1:1: {REFUSED}"


def test_an_error_of_the_file_itself_is_located_in_it_alone(tmp_path: Path) -> None:
    one, two = files(tmp_path)
    one.write_text(ONE.replace("bid: 12", "bid: -12"), encoding="utf-8")
    with pytest.raises(api.ScenarioInvalid) as invalid:
        api.explain_change(two, one)
    [error] = invalid.value.errors
    assert (error.file, error.scenario, error.line) == (str(one), None, 4)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_report_names_the_base_that_refused_a_set(tmp_path: Path, lang: str) -> None:
    one, two = files(tmp_path)
    page = tmp_path / "r.html"
    result = invoke(["report", str(two), "--base", str(one), "--set", "acquisition[1].bid=5", "-o", str(page),
                     "--lang", lang])
    assert result.exit_code == 2
    assert not page.exists()
    refused = {"en": REFUSED, "zh": "acquisition[1].bid: 没有第 1 项：列表只有 1 项"}[lang]
    assert result.stderr == f"{one}: --set acquisition[1].bid=5:1:1: {refused}\n"
