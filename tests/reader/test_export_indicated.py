"""A count read as its indicator says (Meta's Results beside Result indicator, 百度's 目标转化量 beside 目标转化): an empty
indicator is a row of no results only where its count is none or 0; beside a count, what it counted no one can tell,
so the export is refused at that indicator cell, once, in English and Chinese. Every sum below is by hand."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from export_files import export_errors, write_export

from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.exports import Horizon, read_report

HORIZON = Horizon.of((2025, 3), 12)
META_HINT = ("Results counts what each row's ad set is optimised for: export the App installs column, which counts new "
             "users whatever the goal")


def test_meta_results_beside_an_empty_indicator_are_refused_at_the_indicator(tmp_path: Path) -> None:
    # The 100 was read as new users: 3 + 100 = 103 where only the 3 are installs.
    path = write_export(tmp_path, "meta.csv", "Campaign name,Day,Amount spent,Results,Result indicator\n"
                                              "m_a,2025-03-01,10,3,actions:mobile_app_install\n"
                                              "m_a,2025-03-03,10,100,\n"
                                              "m_a,2025-03-04,10,7,\n"
                                              "m_a,2025-03-05,10,50,N/A\n")
    errors = export_errors([path], HORIZON)
    # Once, at the first such row's indicator cell (line 3, column 5): the fix is one for every row.
    # N/A beside 50 (line 5) is the same problem, an indicator of nothing beside a count: not said again.
    assert errors == [f"{path}:3:5: Result indicator: expected actions:mobile_app_install, the indicator of new users, "
                      f"found an empty cell beside '100' in Results; {META_HINT}"]
    assert translate(errors[0].split(": ", 2)[2]) == (
        "应为 actions:mobile_app_install（新增用户的成效指标），实际为空单元格，而同一行的 Results 为 '100'；Results "
        "计的是各行广告组各自的优化目标：请导出 App installs 列，无论目标为何它都计新增用户")


@pytest.mark.parametrize("row", ["m_a,2025-03-02,0,,", "m_a,2025-03-02,0,0,", "m_a,2025-03-02,0,-,-",
                                 "m_a,2025-03-02,0,0,--", "m_a,2025-03-02,0,,N/A"])
def test_an_empty_indicator_beside_no_results_is_a_row_of_none(tmp_path: Path, row: str) -> None:
    path = write_export(tmp_path, "meta.csv", "Campaign name,Day,Amount spent (USD),Results,Result indicator\n"
                                              f"m_a,2025-03-01,10,3,actions:mobile_app_install\n{row}\n")
    report = read_report([path], HORIZON, currency="USD")
    # 3 installs on 03-01; nothing on 03-02 (spend 0, no results).
    assert [(row.day, row.spend, row.users) for row in report.rows] == [
        (datetime.date(2025, 3, 1), 10.0, 3.0), (datetime.date(2025, 3, 2), 0.0, 0.0)]


def test_an_indicator_of_nothing_beside_a_count_is_refused_as_written(tmp_path: Path) -> None:
    path = write_export(tmp_path, "meta.csv", "Campaign name,Day,Amount spent,Results,Result indicator\n"
                                              "m_b,2025-03-03,10,50,N/A\n")
    assert export_errors([path], HORIZON) == [
        f"{path}:2:5: Result indicator: expected actions:mobile_app_install, the indicator of new users, found 'N/A' "
        f"beside '50' in Results; {META_HINT}"]


def test_baidu_target_conversions_beside_an_empty_target_are_refused_at_the_target(tmp_path: Path) -> None:
    # The 70 was read as new users: 5 + 70 = 75 where only the 5 are activations.
    path = write_export(tmp_path, "baidu.csv", "日期,推广计划,消费,目标转化,目标转化量\n"
                                               "2025-03-01,bd_a,100,APP激活,5\n"
                                               "2025-03-02,bd_a,100,,70\n", encoding="gbk")
    errors = export_errors([path], HORIZON)
    assert errors == [f"{path}:3:4: 目标转化: expected APP激活, the indicator of new users, found an empty cell beside "
                      "'70' in 目标转化量; 目标转化量 counts what each row's unit is optimised for: export the 激活人数 "
                      "column, which counts new users whatever the goal"]
    assert translate(errors[0].split(": ", 2)[2]) == (
        "应为 APP激活（新增用户的成效指标），实际为空单元格，而同一行的 目标转化量 为 '70'；目标转化量 计的是各行推广单元"
        "各自的优化目标：请导出 激活人数 列，无论目标为何它都计新增用户")
