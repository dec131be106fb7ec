"""A list in a Chinese message is joined with 、 (``list_separator``), as the tables' and notes' lists are: a gate's
channels, `actuals --map`'s, the choices of a field, the options a typo resembles, a plan's month runs, an export
column's unit and factor, a fit's parameters were joined with ", " under --lang zh. English keeps its ", "."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "scenarios" / "chat-assistant-cpa.yaml"
GATED = """\
name: Gated
horizon_months: 6
acquisition:
  - {name: A, type: cpa, bid: 10, users: 100}
  - {name: B, type: cpa, bid: 10, users: 100}
retention: {monthly_churn: 0.5}
gates:
  - {name: g, after_month: 2, channels: [Z], then: [B], min_roas: 1}
"""


def _gated(tmp_path: Path) -> Path:
    path = tmp_path / "g.yaml"
    path.write_text(GATED, encoding="utf-8")
    return path


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "expected the name of a channel in acquisition (A, B), found 'Z'"),
    ("zh", "应为 acquisition 中的渠道名称（A、B），实际为 'Z'"),
])
def test_a_gates_unknown_channel_lists_the_channels(lang: str, said: str, tmp_path: Path) -> None:
    path = _gated(tmp_path)
    result = invoke(["validate", str(path), "--lang", lang])
    assert result.exit_code == 2
    assert result.stdout == f"{path}:8:42: gates[0].channels[0]: {said}\n"


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "--map Nope=bili_*: expected a channel of the plan (Bilibili CPA (registered user), Douyin activation CPA), "
           "found 'Nope'"),
    ("zh", "--map Nope=bili_*：应为方案中的渠道（Bilibili CPA (registered user)、Douyin activation CPA），实际为 'Nope'"),
])
def test_an_unknown_map_channel_lists_the_channels(lang: str, said: str) -> None:
    result = invoke(["actuals", str(PLAN), str(ROOT / "examples/actuals/bilibili.csv"), "--map", "Nope=bili_*",
                     "--lang", lang])
    assert result.exit_code == 2
    assert result.stderr == f"aigc-roi: {said}\n"


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "expected one of cpa, cpm, kol, flat, found 'bogus'"), ("zh", "应为以下之一：cpa、cpm、kol、flat，实际为 'bogus'"),
])
def test_a_fields_choices_are_listed(lang: str, said: str, tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text("name: T\nacquisition:\n  - {name: A, type: bogus}\nretention: {monthly_churn: 0.5}\n", encoding="utf-8")
    result = invoke(["validate", str(path), "--lang", lang])
    assert result.exit_code == 2
    assert result.stdout == f"{path}:3:21: acquisition[0].type: {said}\n"


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "aigc-roi: --sample: no such option; did you mean --samples, --samples-out?\n"),
    ("zh", "aigc-roi: --sample：没有这个选项；是否想写 --samples、--samples-out？\n"),
])
def test_the_options_a_typo_resembles_are_listed(lang: str, said: str) -> None:
    # Both hold 'sample', the nearest first: --samples by a ratio of 2 x 6 / 13, --samples-out by 2 x 6 / 17.
    result = invoke(["simulate", str(PLAN), "--sample", "1", "--lang", lang])
    assert result.exit_code == 2
    assert result.stderr == said


@pytest.mark.parametrize(("lang", "said"), [("en", "spend=cost (分, ÷100)"), ("zh", "spend=cost (分、÷100)")])
def test_an_export_columns_unit_and_factor_are_listed(lang: str, said: str, tmp_path: Path) -> None:
    export = tmp_path / "tencent.csv"
    export.write_text("date,adgroup_name,cost,view_count\n2025-01-05,gdt_a,100000,100\n", encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    plan.write_text("name: P\nstart: 2025-01\nhorizon_months: 6\nacquisition:\n"
                    "  - {name: Feed, type: cpa, bid: 20, budget: 1000, match: ['gdt_*']}\n"
                    "retention: {monthly_churn: 0.5}\n", encoding="utf-8")
    result = invoke(["actuals", str(plan), str(export), "-f", "markdown", "--samples", "100", "--lang", lang])
    assert result.exit_code == 0, result.stderr
    assert said in result.stdout


def test_a_fits_parameters_are_listed() -> None:
    from aigc_roi.present.fit_data import fit_summary

    fit = {"parameters": {"u": -0.79, "b": 0.38}, "largest_gap": 0.0041}
    assert fit_summary(fit, "en").startswith("u = -0.79, b = 0.38 · largest gap 0.41")
    assert fit_summary(fit, "zh").startswith("u = -0.79、b = 0.38 · 最大偏差 0.41")


def test_months_named_list_their_runs() -> None:
    from aigc_roi.present.month_words import months_named

    assert (months_named([1, 2, 3, 7], "en"), months_named([1, 2, 3, 7], "zh")) == ("months 1-3, 7", "第 1-3、7 月")


def test_calendar_runs_are_listed_in_the_language() -> None:
    from aigc_roi.present.month_words import with_calendar

    labels = [f"2025-{month:02d}" for month in range(1, 13)]
    assert with_calendar("第 1-3、7 月", [1, 2, 3, 7], labels, "zh") == "第 1-3、7 月（2025-01..2025-03、2025-07）"
    assert with_calendar("months 1-3, 7", [1, 2, 3, 7], labels, "en") == "months 1-3, 7 (2025-01..2025-03, 2025-07)"


def test_allocates_channel_months_list_their_runs_and_phases_are_runs() -> None:
    # Bilibili in months 1-3 and 7-9 (2025-03..2025-05 and 2025-09..2025-11 from the plan's start, 2025-03), Douyin in
    # all: its months are a list of runs, and each phase a run of months (1-3, 4-6, 7-9, 10-12).
    args = ["allocate", str(PLAN), "--budget", "300000", "--set", "acquisition[0].months=[1, 2, 3, 7, 8, 9]"]
    zh = invoke([*args, "--lang", "zh", "--format", "markdown"])
    assert zh.exit_code == 0, zh.stderr
    assert "| 1-3、7-9（2025-03..2025-05、2025-09..2025-11） |" in zh.stdout
    assert "| 第 7-9 月（2025-09..2025-11） | Bilibili CPA (registered user) |" in zh.stdout
    assert ("| Bilibili CPA (registered user) [7-9（2025-09..2025-11）] | Douyin activation CPA [7-9（2025-09..2025-11）] |"
            in zh.stdout)
    en = invoke([*args, "--format", "markdown"])
    assert "| 1-3, 7-9 (2025-03..2025-05, 2025-09..2025-11) |" in en.stdout
    assert "| Months 7-9 (2025-09..2025-11) | Bilibili CPA (registered user) |" in en.stdout
