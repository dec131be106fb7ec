"""present/what_if.py: where a what-if's mark goes in each format, on tables and documents of every shape."""

from __future__ import annotations

import pytest

from aigc_roi import api
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.present.run_data import run_report
from aigc_roi.present.run_presenter import RunPresenter
from aigc_roi.present.what_if import WhatIfPresenter, marked_data, marked_markdown, marked_table

SETS = [("A.bid", "25")]


def test_json_set_follows_the_scenario_or_a_format_version_or_leads() -> None:
    assert list(marked_data({"format_version": 1, "scenario": "x", "figures": {}}, SETS)) == [
        "format_version", "scenario", "set", "figures"]
    assert list(marked_data({"format_version": 1, "figures": {}}, SETS)) == ["format_version", "set", "figures"]
    assert list(marked_data({"scenarios": []}, SETS)) == ["set", "scenarios"]


def test_csv_what_if_goes_before_currency_or_last() -> None:
    assert marked_table((["figure", "value", "currency"], [["a", 1.0, "CNY"]]), SETS) == (
        ["figure", "value", "what_if", "currency"], [["a", 1.0, "A.bid=25", "CNY"]])
    assert marked_table((["curve", "share"], [["retention", 1.0]]), SETS) == (
        ["curve", "share", "what_if"], [["retention", 1.0, "A.bid=25"]])


def test_markdown_without_a_heading_opens_with_the_mark_in_bold() -> None:
    assert marked_markdown("## Plan\n\ntext\n", SETS, "en") == "## Plan · what-if: A.bid=25\n\ntext\n"
    assert marked_markdown("| a |\n", SETS, "en") == "**what-if: A.bid=25**\n\n| a |\n"
    # A value a markdown reader would act on is shown as written.
    assert marked_markdown("## Plan\n", [("name", "[x](y)")], "en") == "## Plan · what-if: name=[x\\](y)\n"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_charts_title_says_what_if(lang: str) -> None:
    pytest.importorskip("matplotlib")
    scenario = api.load("scenarios/starter.yaml")
    style = NumberStyle(lang, scenario.currency)
    figure = WhatIfPresenter(RunPresenter(style), SETS, lang).figure(run_report(scenario, api.run(scenario)), style)
    assert figure.axes[0].get_title().endswith(
        "\nWhat-if: A.bid=25 (--set), not the plan as written" if lang == "en" else "\n假设分析：A.bid=25（--set），并非文件所写的方案")
