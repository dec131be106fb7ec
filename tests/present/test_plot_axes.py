"""--plot charts (QA visual round): titles fit the figure, tick labels read exactly, the fan's line is the median,
the histogram's 0 line and colours tell gains from losses, the run chart's legend and the budget curve's labels."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("matplotlib")

from cli_runner import invoke
from matplotlib.figure import Figure

from aigc_roi import api
from aigc_roi.present import chart
from aigc_roi.present.allocation_chart import budget_curve_figure
from aigc_roi.present.chart_format import fitted_lines, money_ticks, percent_ticks
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.present.run_data import RunReport
from aigc_roi.present.simulation import fan_line

EN, ZH = NumberStyle("en", "USD"), NumberStyle("zh", "CNY")
TEMPLATE = Path(__file__).resolve().parents[2] / "aigc_roi" / "templates" / "video-tool-kol-then-feed.yaml"

TINY = """\
version: 1
name: {name}
currency: USD
horizon_months: 12
acquisition:
  - {{name: Micro CPA, type: cpa, bid: 0.001..0.003, budget: {budget}}}
retention: {{monthly_churn: 0.2}}
monetization:
  plans: [{{name: Monthly, price: 0.005..0.02, period: month, conversion: "20%", renewal: 0.8}}]
"""
DOOMED = """\
version: 1
name: Doomed
currency: USD
horizon_months: 24
acquisition:
  - {name: Feed CPA, type: cpa, bid: 20..40, budget: 50k}
retention: {monthly_churn: 0.5}
monetization:
  plans: [{name: Monthly, price: 1..3, period: month, conversion: "1%", renewal: 0.3}]
"""
LONG = "超长名称测试 An extremely long scenario name for the board deck, quarterly plan v7 final final"


def _scenario(tmp_path: Path, text: str) -> Any:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return api.load(path)


def _svg_texts(path: Path) -> list[str]:
    import re

    return re.findall(r"<text[^>]*>([^<]*)</text>", path.read_text(encoding="utf-8"))


def _drawn(figure: Figure) -> Any:
    figure.canvas.draw()
    return figure.canvas.get_renderer()  # type: ignore[attr-defined]


# 1. Titles fit the figure.

def test_lines_break_by_rendered_width_a_cjk_character_twice_a_latin_one() -> None:
    def measure(text: str) -> float:
        return sum(2 if "\u4e00" <= char <= "\u9fff" else 1 for char in text)

    # Width 10: "ab cd " + "ef" is 8 wide; "ab cd ef 超长" 12. The second line holds 超长名称 (8) and no more: 称测
    # with the ellipsis is 10, so 超长名称… (9) ends it.
    assert fitted_lines("ab cd ef 超长名称测试", 10, measure) == ["ab cd ef", "超长名称…"]
    assert fitted_lines("ab cd", 10, measure) == ["ab cd"]
    # A word wider than a line is cut with an ellipsis: 9 letters and … make 10.
    assert fitted_lines("abcdefghijklmnop qr", 10, measure, lines=1) == ["abcdefghi…"]


@pytest.mark.parametrize("name", [LONG, LONG + " " + "x" * 30, "测" * 110])
def test_every_title_lies_inside_the_figure_and_clear_of_the_others(tmp_path: Path, name: str) -> None:
    scenario = _scenario(tmp_path, TINY.format(name=name, budget=0.5))
    simulation = api.simulate(scenario, samples=200)
    report = RunReport(name, "USD", 2, {"payback_month": None}, (), (
        {"month": 1, "label": "M1", "net_cash": -5.0, "cumulative_cash": -5.0},
        {"month": 2, "label": "M2", "net_cash": 3.0, "cumulative_cash": -2.0}), [], None, None)
    for figure in (chart.simulation_figure(simulation, scenario, EN), chart.cash_figure(report, EN)):
        renderer = _drawn(figure)
        titles = [text for text in [*figure.texts, *(axes.title for axes in figure.axes)] if text.get_text()]
        boxes = [text.get_window_extent(renderer) for text in titles]
        for box in boxes:
            assert figure.bbox.x0 <= box.x0 and box.x1 <= figure.bbox.x1, (box, figure.bbox)
        for i, box in enumerate(boxes):
            assert not any(box.overlaps(other) for other in boxes[i + 1:])
        assert figure.get_label() == (name[:chart.TITLE_NAME_CHARS - 1] + "…" if len(name) > chart.TITLE_NAME_CHARS else name)


def test_the_image_title_keeps_the_whole_name_the_drawn_one_wraps(tmp_path: Path) -> None:
    name = LONG + ", and more words for the deck"  # 115 characters: none cut
    path = tmp_path / "plan.yaml"
    path.write_text(TINY.format(name=name, budget=0.5), encoding="utf-8")
    image = tmp_path / "c.svg"
    assert invoke(["run", str(path), "--plot", str(image)]).exit_code == 0
    assert f"<title>{name}</title>" in image.read_text(encoding="utf-8")
    if chart.cjk_font() is not None:  # else the title leaves 超长名称测试 out
        lines = [text for text in _svg_texts(image) if text and name.startswith(text[:6]) or text.endswith("the deck")]
        assert " ".join(lines) == name


# 2. and 3. Tick labels read exactly, one unit per axis.

def test_percent_ticks_take_the_decimals_of_their_step() -> None:
    assert percent_ticks().format_ticks([0.0, 0.025, 0.05, 0.075, 0.1]) == ["0.0%", "2.5%", "5.0%", "7.5%", "10.0%"]
    assert percent_ticks().format_ticks([0.0, 0.05, 0.1]) == ["0%", "5%", "10%"]


@pytest.mark.parametrize(("style", "ticks", "texts"), [
    (EN, [0.0, 0.05, 0.1, 0.15], ["0", "0.05", "0.10", "0.15"]),
    (EN, [-0.2, 0.0, 0.2, 0.4], ["-0.2", "0", "0.2", "0.4"]),
    (EN, [0.0, 500_000.0, 1_000_000.0], ["0", "500,000", "1,000,000"]),
    (ZH, [5_000.0, 7_500.0], ["5,000", "7,500"]),
    (ZH, [-20_000_000.0, -10_000_000.0, 0.0], ["-2,000万", "-1,000万", "0"]),
    (ZH, [-25_000.0, 0.0, 25_000.0, 50_000.0], ["-2.5万", "0", "2.5万", "5.0万"]),
    # The largest |tick| is 1.5亿: every tick in 亿, -5,000万 too, with the one decimal 0.5亿 steps need.
    (ZH, [-150_000_000.0, -100_000_000.0, -50_000_000.0, 0.0], ["-1.5亿", "-1.0亿", "-0.5亿", "0"]),
    (ZH, [0.0, 25_000_000_000.0, 175_000_000_000.0], ["0", "250亿", "1,750亿"]),
])
def test_money_ticks_read_exactly_in_one_unit(style: NumberStyle, ticks: list[float], texts: list[str]) -> None:
    assert money_ticks(style).format_ticks(ticks) == texts


def test_small_amounts_get_distinct_ticks_in_the_run_chart(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(TINY.format(name="Tinier", budget=0.01), encoding="utf-8")
    image = tmp_path / "c.svg"
    assert invoke(["run", str(path), "--plot", str(image)]).exit_code == 0
    texts = _svg_texts(image)
    money = texts[texts.index("Month") + 1:texts.index("USD")]
    assert len(money) >= 3 and len(set(money)) == len(money), money


def test_a_terminal_histogram_edge_in_wan_beside_yi_reads_in_tenths(tmp_path: Path) -> None:
    from aigc_roi.present.simulation import histogram_bins

    class Histogram:
        edges = [-105_927_150.0, -102_285_000.0, -98_642_850.0]
        counts = [1, 1]

    simulation: Any = type("S", (), {"net_cash_histogram": Histogram, "samples": 2})()
    assert [span for span, _ in histogram_bins(simulation, ZH)] == ["-1.059亿 .. -1.023亿", "-1.023亿 .. -9,864.3万"]


# 4. The fan's line is the median.

@pytest.mark.parametrize(("percentiles", "line"), [((5, 50, 95), 50), ((10, 90), None), ((10, 30, 90), None),
                                                   ((50,), 50), ((90,), 90), ((10, 50, 60, 90), 50)])
def test_the_fan_line_is_the_median(percentiles: tuple[float, ...], line: float | None) -> None:
    assert fan_line(percentiles) == line


@pytest.mark.parametrize(("percentiles", "legend", "bands", "lines"), [
    ((10, 90), ["P10–P90"], 1, 0), ((50,), ["P50"], 0, 1), ((10, 50, 90), ["P10–P90", "P50"], 1, 1)])
def test_the_fan_draws_a_band_only_between_two_percentiles(tmp_path: Path, percentiles: tuple[float, ...],
                                                            legend: list[str], bands: int, lines: int) -> None:
    scenario = _scenario(tmp_path, TINY.format(name="T", budget=0.5))
    fan = chart.simulation_figure(api.simulate(scenario, samples=200, percentiles=percentiles), scenario, EN).axes[0]
    assert [text.get_text() for text in fan.get_legend().get_texts()] == legend
    assert (len(fan.collections), len([line for line in fan.lines if line.get_linewidth() == 2])) == (bands, lines)


def test_the_terminal_fan_marks_no_middle_of_an_even_list(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(TINY.format(name="T", budget=0.5), encoding="utf-8")
    shown = invoke(["simulate", str(path), "--samples", "200", "--percentiles", "10,90"],
                   env={"COLUMNS": "120", "NO_COLOR": "1"}).stdout
    assert "●" not in shown and "─ from the lowest to the highest percentile shown, │ zero." in shown
    median = invoke(["simulate", str(path), "--samples", "200", "--lang", "zh"], env={"COLUMNS": "120", "NO_COLOR": "1"})
    assert "● P50，│ 零点。" in median.stdout


# 5. and 6. The histogram's 0 line and colours.

def test_all_negative_samples_keep_the_axis_on_them_and_say_so(tmp_path: Path) -> None:
    scenario = _scenario(tmp_path, DOOMED)
    for style, note in ((EN, "All samples below 0"), (ZH, "全部样本均低于 0")):
        histogram = chart.simulation_figure(api.simulate(scenario, samples=500), scenario, style).axes[1]
        assert histogram.get_xlim()[1] < 0
        assert not [line for line in histogram.lines if list(line.get_xdata()) == [0, 0]]
        assert histogram.get_title().endswith(note)


def test_a_bin_across_0_is_red_left_of_0_and_green_right_of_it(tmp_path: Path) -> None:
    from matplotlib.colors import to_hex

    scenario = _scenario(tmp_path, TINY.format(name="T", budget=0.5))
    simulation = api.simulate(scenario, samples=2000)
    edges = [float(edge) for edge in simulation.net_cash_histogram.edges]
    assert any(low < 0 < high for low, high in zip(edges[:-1], edges[1:], strict=True))  # the case under test
    histogram = chart.simulation_figure(simulation, scenario, EN).axes[1]
    for bar in histogram.patches:
        colour = to_hex(bar.get_facecolor(), keep_alpha=False)
        left, right = bar.get_x(), bar.get_x() + bar.get_width()
        assert (colour, left >= 0) in {("#2e7d32", True), ("#c62828", False)}
        assert colour == "#2e7d32" or right <= 0
    assert any(line.get_xdata()[0] == 0 for line in histogram.lines)


# 7. The run chart's legend.

@pytest.mark.parametrize(("net", "legend"), [
    ([5.0, 3.0, -1.0], ["Cumulative cash", "Net cash ≥ 0", "Net cash < 0"]),
    ([5.0, 3.0], ["Cumulative cash", "Net cash ≥ 0"]),
    ([-5.0], ["Cumulative cash", "Net cash < 0"])])
def test_the_run_legend_shows_a_swatch_per_colour_of_the_bars(net: list[float], legend: list[str]) -> None:
    months = tuple({"month": t + 1, "label": f"M{t + 1}", "net_cash": value, "cumulative_cash": value}
                   for t, value in enumerate(net))
    axes = chart.cash_figure(RunReport("S", "USD", len(net), {"payback_month": None}, (), months, [], None, None),
                             EN).axes[0]
    assert [text.get_text() for text in axes.get_legend().get_texts()] == legend


# 8. The budget curve.

@pytest.mark.parametrize(("style", "ylabel"), [(NumberStyle("en", "CNY"), "NPV (CNY)"), (ZH, "净现值（NPV）（CNY）")])
def test_the_budget_curve_says_its_currency_and_its_peak_covers_no_curve(style: NumberStyle, ylabel: str) -> None:
    result = api.allocate(api.load(TEMPLATE), 300_000)
    figure = budget_curve_figure(result, style)
    axes = figure.axes[0]
    assert axes.get_ylabel() == ylabel
    renderer = _drawn(figure)
    (peak,) = [text for text in axes.texts if text.get_text().startswith(("peak", "峰值"))]
    assert peak.get_bbox_patch() is None
    box = peak.get_window_extent(renderer)
    curve = axes.lines[0]
    assert not curve.get_path().transformed(curve.get_transform()).intersects_bbox(box, filled=False)
