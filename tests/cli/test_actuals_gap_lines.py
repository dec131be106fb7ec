"""`actuals --through/--from`: an export that falls well short of the stated day is named on stderr in short lines,
one per thing (the rows' end, how the days past it are read, what to do), each whole on an 80-column terminal."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from actuals_plans import two_channel_plan
from cli_runner import invoke
from rich.cells import cell_len


def _daily(header: str, first: datetime.date, last: datetime.date, row: str) -> str:
    return header + "".join(f"{first + datetime.timedelta(days=n)},{row}\n" for n in range((last - first).days + 1))


THROUGH = {
    "en": ["tencent_0301_0331.csv: rows end 2025-03-31, 30 days before --through 2025-04-30",
           "  read as spending nothing after 2025-03-31, as paused campaigns would",
           "  if it was exported only through 2025-03-31, leave out --through"],
    "zh": ["tencent_0301_0331.csv：数据行止于 2025-03-31，比 --through 2025-04-30 早 30 天",
           "  其广告计划在 2025-03-31 之后按广告支出为零计（如同已暂停）",
           "  如果该报表只导出到 2025-03-31，请去掉 --through"],
}
"""A Tencent export of March alone read --through 04-30: 04-30 - 03-31 = 30 days."""

FROM = {
    "en": ["douyin_0310_0430.csv: rows start 2025-03-10, 9 days after --from 2025-03-01",
           "  read as spending nothing before 2025-03-10, as campaigns yet to start would",
           "  if it was exported only from 2025-03-10, leave out --from"],
    "zh": ["douyin_0310_0430.csv：数据行始于 2025-03-10，比 --from 2025-03-01 晚 9 天",
           "  其广告计划在 2025-03-10 之前按广告支出为零计（如同尚未开始）",
           "  如果该报表只从 2025-03-10 起导出，请去掉 --from"],
}
"""A Douyin export from 03-10 read --from 03-01: 03-10 - 03-01 = 9 days."""


@pytest.fixture
def exports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The plan and two exports in the working directory, named as a user names a month's download."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plan.yaml").write_text(two_channel_plan("Gap lines"), encoding="utf-8")
    (tmp_path / "tencent_0301_0331.csv").write_text(_daily(
        "date,adgroup_name,cost,activated_count\n", datetime.date(2025, 3, 1), datetime.date(2025, 3, 31),
        "gdt_a,200000,130"), encoding="utf-8")
    (tmp_path / "douyin_0310_0430.csv").write_text(_daily(
        "stat_time_day,campaign_name,stat_cost,active\n", datetime.date(2025, 3, 10), datetime.date(2025, 4, 30),
        "dy_a,1000,80"), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("export", "option", "lines"), [
    ("tencent_0301_0331.csv", ["--through", "2025-04-30"], THROUGH),
    ("douyin_0310_0430.csv", ["--from", "2025-03-01"], FROM),
])
def test_a_gap_is_a_few_short_lines_in_either_language(exports: Path, lang: str, export: str, option: list[str],
                                                       lines: dict[str, list[str]]) -> None:
    result = invoke(["actuals", "plan.yaml", export, *option, "--lang", lang], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    stderr = result.stderr.splitlines()
    assert stderr[:3] == lines[lang]
    assert all(cell_len(line) <= 80 for line in stderr), stderr


def test_json_says_the_gap_in_one_sentence_of_the_same_lines(exports: Path) -> None:
    result = invoke(["actuals", "plan.yaml", "tencent_0301_0331.csv", "--through", "2025-04-30", "-f", "json"])
    assert json.loads(result.stdout)["warnings"][0]["message"] == "; ".join(line.strip() for line in THROUGH["en"])
