"""``allocate --reach KEY@MONTH=VALUE`` reads its month as a file's milestone month and a month key are read
(reader/numbers.py ``whole_number``): ``subscribers@６=1000`` was refused (found '６') while a file's ``month: ６``
read."""

from __future__ import annotations

import pytest
import typer

from aigc_roi.cli.allocate import parse_reach
from aigc_roi.cli.streams import start_invocation
from aigc_roi.model.scenario import Milestone


@pytest.mark.parametrize("month", ["6", "６", "6.0", "06", "６.０"])
def test_a_month_in_any_form_a_file_takes(month: str) -> None:
    assert parse_reach(f"subscribers@{month}=1000", 12) == Milestone(6, "subscribers", 1000.0)


@pytest.mark.parametrize("month", ["６％", "6%", "6.5", "0", "１３", "x"])
def test_what_is_no_month_of_the_plan_is_still_refused(month: str, capsys: pytest.CaptureFixture[str]) -> None:
    start_invocation(["--lang", "en"])  # as `aigc-roi allocate` starts: the language of an earlier invocation is not this one's
    with pytest.raises(typer.Exit) as exited:
        parse_reach(f"subscribers@{month}=1000", 12)
    assert exited.value.exit_code == 2
    assert capsys.readouterr().err == (f"aigc-roi: --reach: expected a month from 1 to 12 (the horizon), found "
                                       f"'{month}'\n")
