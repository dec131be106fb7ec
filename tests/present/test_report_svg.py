"""The report's SVG charts, as geometry: names fitted by display width, negative bars left of 0, heatmap labels apart.

Widths are the charts' estimate at their 11-unit font (svg.py ``text_width``): a wide character 11 units, a Latin
capital 8, any other character 6.5.
"""

from __future__ import annotations

import re

from aigc_roi.present.report import svg

CJK = "抖音信息流激活按转化付费投放计划第一期"
"""19 wide characters: 209 units."""


def money(value: float) -> str:
    return f"{value:.2f}"


def names_shown(chart: str) -> list[str]:
    """The text of each name (a <text> with its whole name on hover), as shown."""
    return re.findall(r'text-anchor="end">([^<]*)<title>', chart)


def test_a_chinese_channel_name_is_shortened_to_the_room_left_of_the_bars() -> None:
    chart = svg.bar_groups([(CJK, [12.0, 2.86])], [("CAC", "solid"), ("LTV", "hatch")], money, "t", lang="en")
    # The name ends at x = 170 - 8 = 162 and keeps 4 from the edge: 158 units, less 6.5 for "…" is 151.5, which
    # holds 13 wide characters (143), not 14 (154). By count its 19 characters were under the limit of 26.
    assert names_shown(chart) == [CJK[:13] + "…"]
    assert f"<title>{CJK}</title>" in chart


def test_a_driver_name_in_the_tornado_is_shortened_by_display_width() -> None:
    name = f"{CJK} budget per month"
    chart = svg.tornado([(name, -0.1, 0.1), ("Monthly price", -0.05, 0.05)], money, "t", "legend", lang="en")
    # Room 250 - 8 - 4 = 238: the 19 wide characters take 209, leaving 29; less "…" 22.5, which holds " bu" (19.5).
    # By count its 37 characters were under the limit of 38, and it ran off the chart's left edge.
    assert names_shown(chart) == [f"{CJK} bu…", "Monthly price"]


def test_a_latin_name_that_fits_is_kept_whole() -> None:
    chart = svg.waterfall([svg.Step("Gross revenue", 10.0, total=True)], money, "t", ["a", "b", "c"], lang="en")
    assert names_shown(chart) == ["Gross revenue"]


def bars(chart: str) -> list[tuple[float, float]]:
    """Each bar's left and right edge."""
    return [(float(x), float(x) + float(w)) for x, w in re.findall(r'<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"', chart)]


def test_a_negative_ltv_is_drawn_left_of_the_zero_line() -> None:
    chart = svg.bar_groups([("Feed CPA", [20.0, -0.37])], [("CAC", "solid"), ("LTV", "hatch")], money, "t", lang="en")
    (cac_left, cac_right), (ltv_left, ltv_right) = bars(chart)[-2:]
    zero = float(re.search(r'<line x1="([\d.]+)" x2="\1"', chart).group(1))  # type: ignore[union-attr]
    assert cac_left == zero and ltv_right == zero and ltv_left < zero
    # One scale either side of 0: the bars' lengths are as 20 to 0.37, to the 0.1 units they are written to.
    assert abs((ltv_right - ltv_left) - (cac_right - cac_left) * 0.37 / 20) <= 0.2
    # The axis says where 0 is, and the loss's amount is written left of its bar, right-aligned.
    assert re.search(rf'<text x="{zero:.1f}" y="[\d.]+" text-anchor="middle">0</text>', chart)
    assert re.search(rf'<text x="{ltv_left - 4:.1f}" y="[\d.]+" text-anchor="end">-0.37</text>', chart)


def test_bars_of_positive_values_start_at_the_left_edge_with_no_zero_label() -> None:
    chart = svg.bar_groups([("A", [10.0, 5.0])], [("CAC", "solid"), ("LTV", "hatch")], money, "t", lang="en")
    assert [left for left, _ in bars(chart)[-2:]] == [170.0, 170.0]
    assert ">0</text>" not in chart


def column_labels(chart: str) -> list[tuple[float, str]]:
    return [(float(x), text) for x, text in re.findall(r'<text x="([\d.]+)" y="[\d.]+" text-anchor="middle">([^<]*)</text>', chart)]


def test_heatmap_labels_of_thirty_four_month_groups_do_not_overprint() -> None:
    labels = [f"{2025 + i // 3}-{1 + 4 * (i % 3):02d}" for i in range(30)]
    spans = [f"{label}–…" for label in labels]
    chart = svg.heatmap(labels, spans, [[1.0] * 30] * 30, money, "t", lang="en")
    # "2025-01" is 7 characters, 45.5 units: the left margin 45.5 + 12 = 57.5 holds it, the right half of it,
    # 22.75; 30 cells in 720 - 57.5 - 22.75 = 639.75 are 21.325 wide, so a label and its 8-unit gap take 3 cells.
    shown = column_labels(chart)
    assert [text for _, text in shown] == labels[::3]
    assert all(b - a >= 45.5 + 8 for (a, _), (b, _) in zip(shown, shown[1:], strict=False))
    assert shown[-1][0] + 45.5 / 2 <= svg.WIDTH
    rows = re.findall(r'<text x="([\d.]+)" y="([\d.]+)" text-anchor="end">([^<]*)</text>', chart)
    assert {float(x) for x, _, _ in rows} == {51.5}  # 57.5 - 6: right-aligned, 45.5 wide, it starts at 6
    # A row label is 13 units high: every row's of 21.325.
    assert [text for _, _, text in rows] == labels
    assert "<title>2025-01–… → 2025-05–…" in chart


def test_twelve_month_labels_skip_every_other_column() -> None:
    labels = [f"M{t}" for t in range(1, 13)]
    chart = svg.heatmap(labels, labels, [[1.0] * 12] * 12, money, "t", lang="en")
    # "M12" is 8 + 6.5 + 6.5 = 21 units, with its gap 29: more than a 24-unit cell, so every second column.
    assert [text for _, text in column_labels(chart)] == labels[::2]


def test_a_field_path_breaks_only_between_its_parts() -> None:
    from aigc_roi.present.report.page import path_html  # here: the other charts' tests run without it

    assert path_html("monetization.plans[0].price") == "monetization.<wbr>plans<wbr>[0].<wbr>price"
    assert path_html("acquisition[0].name") == "acquisition<wbr>[0].<wbr>name"
    assert path_html("a<b") == "a&lt;b"
