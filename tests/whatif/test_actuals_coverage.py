"""`actuals`: the days the exports cover, from the rows or stated by --from/--through."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from actuals_plans import two_channel_plan
from cli_runner import invoke

from aigc_roi import api
from aigc_roi.whatif.actuals import Actuals
from aigc_roi.whatif.errors import WhatIfError

PLAN = two_channel_plan("Coverage test")

PAUSED = "stat_time_day,campaign_name,stat_cost,active\n" + "".join(
    f"{datetime.date(2025, 3, 1) + datetime.timedelta(days=n)},dy_a,3000,250\n" for n in range(51))
"""dy_a spends 3,000 a day from 2025-03-01 to 2025-04-20 (31 + 20 = 51 days), then is paused: the platform
exports no row for 04-21..04-30 (the QA report's G1_paused_0420.csv)."""


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    export = tmp_path / "paused.csv"
    export.write_text(PAUSED, encoding="utf-8")
    return plan, export


def _april(result: Actuals) -> tuple[float, float, float | None]:
    april = result.channels[0].months[1]
    assert april.label == "2025-04"
    assert april.plan.spend is not None
    return april.covered, april.plan.spend, april.actual.spend


def test_the_rows_last_day_ends_the_coverage_unless_through_states_the_exports_end(files: tuple[Path, Path]) -> None:
    plan, export = files
    scenario = api.load(plan)
    from_rows = api.actuals(scenario, [export])
    # April from the rows: 20 of its 30 days, the plan 100,000 x 20/30 = 66,666.67 against 20 x 3,000 = 60,000.
    assert _april(from_rows) == (pytest.approx(20 / 30), pytest.approx(66_666.6667), 60_000)
    assert from_rows.past_months == (1,)
    stated = api.actuals(scenario, [export], through=datetime.date(2025, 4, 30))
    # The export was run through 04-30: April is whole, its plan 100,000 against the same 60,000.
    assert _april(stated) == (1.0, 100_000, 60_000)
    assert stated.past_months == (1, 2) and stated.through == datetime.date(2025, 4, 30)
    # --through in May: May is compared, covered 1 of its 31 days, nothing spent.
    may = api.actuals(scenario, [export], through=datetime.date(2025, 5, 1)).channels[0].months[2]
    assert (may.covered, may.plan.spend, may.actual.spend) == (pytest.approx(1 / 31), pytest.approx(100_000 / 31), 0.0)


def test_from_states_the_exports_first_day(tmp_path: Path, files: tuple[Path, Path]) -> None:
    plan, _ = files
    export = tmp_path / "late.csv"
    export.write_text("stat_time_day,campaign_name,stat_cost,active\n2025-03-10,dy_a,1000,80\n2025-03-31,dy_a,1000,80\n",
                      encoding="utf-8")
    scenario = api.load(plan)
    # From the rows March runs 03-10..03-31, 22 of 31 days; stated from 03-01, all of it.
    assert api.actuals(scenario, [export]).channels[0].months[0].covered == pytest.approx(22 / 31)
    march = api.actuals(scenario, [export], from_day=datetime.date(2025, 3, 1)).channels[0].months[0]
    assert (march.covered, march.plan.spend, march.actual.spend) == (1.0, 100_000, 2_000)


@pytest.mark.parametrize(("argument", "day", "option", "problem"), [
    ("through", datetime.date(2025, 4, 19), "--through",
     "expected a date on or after 2025-04-20, the last day the exports report, found 2025-04-19"),
    ("through", datetime.date(2026, 3, 1), "--through",
     "expected a date within 2025-03-01..2026-02-28 (the plan's months 1-12), found 2026-03-01"),
    ("from_day", datetime.date(2025, 3, 2), "--from",
     "expected a date on or before 2025-03-01, the first day the exports report, found 2025-03-02"),
    ("from_day", datetime.date(2025, 2, 28), "--from",
     "expected a date within 2025-03-01..2026-02-28 (the plan's months 1-12), found 2025-02-28"),
])
def test_a_stated_range_must_hold_the_rows_within_the_plan(files: tuple[Path, Path], argument: str, day: datetime.date,
                                                           option: str, problem: str) -> None:
    """Named as each caller gave the day: the library's keyword argument (it said --through to a script that passed
    through=), the command's option."""
    plan, export = files
    with pytest.raises(WhatIfError) as raised:
        api.actuals(api.load(plan), [export], **{argument: day})  # type: ignore[arg-type]
    assert str(raised.value) == f"{argument}: {problem}"
    result = invoke(["actuals", str(plan), str(export), option, day.isoformat()])
    assert result.exit_code == 2 and result.stderr == f"aigc-roi: {option}: {problem}\n"


def test_the_output_says_which_coverage_was_used(files: tuple[Path, Path]) -> None:
    plan, export = files
    data = json.loads(invoke(["actuals", str(plan), str(export), "-f", "json"]).stdout)
    assert data["coverage"] == {"from": "2025-03-01", "through": "2025-04-20", "stated": []}
    result = invoke(["actuals", str(plan), str(export), "-f", "json", "--through", "2025-04-30"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["coverage"] == {"from": "2025-03-01", "through": "2025-04-30", "stated": ["through"]}
    # The rows end 10 days before --through: said (a paused campaign, or an export run only that far), then read.
    assert result.stderr.splitlines() == [
        f"{export}: rows end 2025-04-20, 10 days before --through 2025-04-30",
        "  read as spending nothing after 2025-04-20, as paused campaigns would",
        "  if it was exported only through 2025-04-20, leave out --through",
        "51 rows from 1 export through 2025-04-30 (--through)", "every campaign matched a channel"]
    table = invoke(["actuals", str(plan), str(export), "--through", "2025-04-30", "--from", "2025-03-01"],
                   env={"COLUMNS": "200"}).stdout
    assert "days covered: 2025-03-01 (--from) to 2025-04-30 (--through)" in table
    rows = invoke(["actuals", str(plan), str(export), "-f", "markdown", "--lang", "zh"]).stdout
    assert "- 覆盖日期：2025-03-01 至 2025-04-20，首行至末行（或用 --from/--through）" in rows


def test_a_stated_day_that_is_no_date_or_outside_the_rows_is_refused(files: tuple[Path, Path]) -> None:
    plan, export = files
    result = invoke(["actuals", str(plan), str(export), "--through", "2025/4/30"])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == "aigc-roi: --through: expected a date YYYY-MM-DD, found '2025/4/30'\n"
    result = invoke(["actuals", str(plan), str(export), "--through", "2025-04-19", "--lang", "zh"])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == "aigc-roi: --through：应为不早于 2025-04-20（报表中的最后一天）的日期，实际为 2025-04-19\n"


def test_markdown_has_a_legend_for_every_month_mark_and_a_mark_column(tmp_path: Path, files: tuple[Path, Path]) -> None:
    """As the terminal's captions: Douyin's April holds 20 of its 30 days (67%), Tencent's export ends on 03-31, so
    its April is not in its exports (†); a plan without ranges puts an actual off it outside P5-P95 (!). The * is
    escaped as every markdown text's is (present/text.py), shown as *."""
    plan, export = files
    march = tmp_path / "gdt.csv"
    march.write_text("stat_time_day,campaign_name,stat_cost,active\n2025-03-01,gdt_a,1000,80\n2025-03-31,gdt_a,1000,80\n",
                     encoding="utf-8")
    for lang, header, lines in (
            ("en", "| Channel | Month | Label | Mark | Spend plan |",
             ["- Douyin CPA: \\* partial month: 2025-04 67% of its days",
              "- Tencent CPA: † not in this channel's exports (they end earlier): 2025-04",
              "- ! outside the plan's P5–P95 (percentile among 2,000 draws, seed 0)"]),
            ("zh", "| 渠道 | 月份 | 标签 | 标记 | 广告支出 方案 |",
             ["- Douyin CPA: \\* 不完整月份：2025-04 覆盖其 67% 的天数",
              "- Tencent CPA: † 此渠道的报表未覆盖（报表更早结束）：2025-04",
              "- ! 超出方案的 P5–P95（在 2,000 次抽样中的分位，种子 0）"])):
        out = invoke(["actuals", str(plan), str(export), str(march), "-f", "markdown", "--lang", lang]).stdout.splitlines()
        assert out[2].startswith(header), out[2]
        assert "| Tencent CPA | 2 | 2025-04 | † |" in "\n".join(out)
        assert all(line in out for line in lines), [line for line in lines if line not in out]


class _Timestamp(datetime.datetime):
    """What pandas.Timestamp is to this library: a datetime subclass (pandas is no dependency)."""


@pytest.mark.parametrize("moment", [datetime.datetime(2025, 4, 30), datetime.datetime(2025, 4, 30, 23, 59, 59),
                                    _Timestamp(2025, 4, 30, 12, tzinfo=datetime.UTC)])
def test_a_datetime_states_its_day(files: tuple[Path, Path], moment: datetime.datetime) -> None:
    # Compared with a date it raised a TypeError; the exports report days, so it states the day it falls on.
    plan, export = files
    scenario = api.load(plan)
    stated = api.actuals(scenario, [export], from_day=datetime.datetime(2025, 3, 1, 9), through=moment)
    assert (stated.first_day, stated.through, stated.stated) == (datetime.date(2025, 3, 1), datetime.date(2025, 4, 30),
                                                                 ("from", "through"))
    assert type(stated.through) is datetime.date
    # As through=date(2025, 4, 30): April whole, its plan 100,000 against 20 x 3,000 = 60,000.
    assert _april(stated) == (1.0, 100_000, 60_000)


@pytest.mark.parametrize(("stated", "message"), [
    ({"through": "2025-04-30"}, "through: expected a date, found '2025-04-30' (str)"),
    ({"from_day": 20250301}, "from_day: expected a date, found 20250301 (int)"),
])
def test_a_stated_day_that_is_no_date_is_refused(files: tuple[Path, Path], stated: dict[str, object], message: str) -> None:
    plan, export = files
    with pytest.raises(WhatIfError) as raised:
        api.actuals(api.load(plan), [export], **stated)  # type: ignore[arg-type]
    assert str(raised.value) == message
