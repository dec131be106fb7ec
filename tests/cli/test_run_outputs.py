"""`run --plot` and `run --format xlsx`: files for a deck or a spreadsheet."""

from __future__ import annotations

import io
import warnings
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from cli_runner import invoke
from spec_example import WORKED_EXAMPLE

from aigc_roi.present import chart
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.present.run_data import RunReport

# Pays back in month 2 (cumulative -1500, then 3000, 5250), so the marker is drawn.
PAYS_BACK = WORKED_EXAMPLE.replace("bid: 20", "bid: 10.5").replace("Spec worked example", "Pays back")

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_plot_png_is_a_valid_png(example: Path, tmp_path: Path) -> None:
    image = tmp_path / "cash.png"
    result = invoke(["run", str(example), "--plot", str(image), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = image.read_bytes()
    assert data.startswith(PNG_SIGNATURE)
    assert len(data) > 10_000
    assert list(tmp_path.glob(".*.tmp")) == []  # the temporary file was renamed, not left behind


def test_plot_svg_is_an_svg_with_the_payback_marker(tmp_path: Path) -> None:
    scenario = tmp_path / "pays.yaml"
    scenario.write_text(PAYS_BACK, encoding="utf-8")
    image = tmp_path / "cash.SVG"
    result = invoke(["run", str(scenario), "--plot", str(image), "--lang", "en"])
    assert result.exit_code == 0, result.stderr
    text = image.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml")
    assert "<svg" in text
    # matplotlib keeps each text as a comment beside its glyph paths.
    assert "payback M2" in text
    assert "<text" in text and ">Pays back</text>" in text and ">Cumulative net cash</text>" in text


def test_plot_refuses_to_overwrite_without_force(example: Path, tmp_path: Path) -> None:
    image = tmp_path / "cash.png"
    image.write_bytes(b"keep me")
    result = invoke(["run", str(example), "--plot", str(image)])
    assert result.exit_code == 2
    assert result.stderr == f"aigc-roi: {image}: file exists; use --force to replace it\n"
    assert result.stdout == ""  # refused before anything was computed or printed
    assert image.read_bytes() == b"keep me"

    forced = invoke(["run", str(example), "--plot", str(image), "--force"])
    assert forced.exit_code == 0, forced.stderr
    assert image.read_bytes().startswith(PNG_SIGNATURE)


@pytest.mark.parametrize("name", ["cash.pdf", "cash", "cash.jpg"])
def test_plot_needs_svg_or_png(example: Path, tmp_path: Path, name: str) -> None:
    result = invoke(["run", str(example), "--plot", str(tmp_path / name)])
    assert result.exit_code == 2
    assert result.stderr == f"aigc-roi: --plot: expected a file name ending in .svg or .png, found {tmp_path / name}\n"
    assert not (tmp_path / name).exists()


def _report(name: str, figures: dict[str, Any], months: list[dict[str, Any]]) -> RunReport:
    """A run report with only what the chart reads: the name, the payback month and the cash by month."""
    return RunReport(name, "CNY", len(months), figures, (), tuple(months), [], None, None)


def test_cash_figure_marks_payback_and_uses_report_labels(tmp_path: Path) -> None:
    report = _report("S", {"payback_month": 2}, [
        {"month": 1, "label": "2025-01", "net_cash": -100.0, "cumulative_cash": -100.0},
        {"month": 2, "label": "2025-02", "net_cash": 150.0, "cumulative_cash": 50.0},
    ])
    figure = chart.cash_figure(report, NumberStyle("en"))
    axes = figure.axes[0]
    texts = [text.get_text() for text in axes.texts]
    assert texts == ["payback 2025-02"]
    assert (figure.get_suptitle(), axes.get_title()) == ("S", "Cumulative net cash")
    assert [line.get_xdata()[0] for line in axes.lines if line.get_linestyle() == "--"] == [2]


def test_zh_cash_figure_puts_the_cjk_font_first(monkeypatch: pytest.MonkeyPatch) -> None:
    # No CJK font is installed in CI; any installed name exercises the same path.
    monkeypatch.setattr(chart, "cjk_font", lambda: "DejaVu Sans Mono")
    report = _report("图片社区", {"payback_month": None},
                     [{"month": 1, "label": "M1", "net_cash": -25_000.0, "cumulative_cash": -25_000.0}])
    figure = chart.cash_figure(report, NumberStyle("zh"))
    axes = figure.axes[0]
    assert (figure.get_suptitle(), axes.get_title()) == ("图片社区", "累计净现金流")
    assert axes.title.get_fontfamily() == ["DejaVu Sans Mono", "DejaVu Sans"]
    assert axes.yaxis.get_major_formatter().format_ticks([-25_000.0, 0.0]) == ["-2.5万", "0"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # missing-glyph warnings: DejaVu has no 图
        figure.savefig(io.BytesIO(), format="png")
    assert [label.get_fontfamily()[0] for label in axes.get_yticklabels()] == ["DejaVu Sans Mono"] * len(
        axes.get_yticklabels())


def test_zh_plot_without_a_cjk_font_falls_back_to_english(
    example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(chart, "cjk_font", lambda: None)
    image = tmp_path / "cash.svg"
    result = invoke(["run", str(example), "--plot", str(image), "--lang", "zh", "-f", "json"])
    assert result.exit_code == 0
    assert "未找到可用于图表的中文字体" in result.stderr
    assert "Cumulative net cash" in image.read_text(encoding="utf-8")


def test_xlsx_has_one_sheet_per_table_with_the_worked_example(example: Path, tmp_path: Path) -> None:
    workbook_path = tmp_path / "run.xlsx"
    result = invoke(["run", str(example), "--format", "xlsx", "--output", str(workbook_path)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    workbook = openpyxl.load_workbook(workbook_path, read_only=True)
    assert workbook.sheetnames == ["figures", "channels", "months", "cohorts", "inputs"]

    figures = {row[2]: row[1] for row in workbook["figures"].iter_rows(min_row=2, values_only=True)}
    assert figures["ad_spend"] == 20000
    assert figures["roas"] == pytest.approx(0.875)
    assert figures["roi"] == pytest.approx(-0.2125)
    assert figures["ltv"] == pytest.approx(15.75)
    assert figures["payback_month"] is None  # none is an empty cell, not 0 or "inf"

    channels = list(workbook["channels"].iter_rows(values_only=True))
    assert channels[0] == ("Channel", "Path", "Type", "Spend (CNY)", "Users", "CAC (CNY)", "ROAS (paid revenue / ad spend)",
                           "ROI (paid, after variable, before fixed)", "Gross revenue (CNY)", "Contribution (CNY)",
                           "Max bid (CNY)", "Saturating (max bid is an average)",
                           "Max bid factor (x every month's unit cost)", "Max bid is", "LTV (CNY)", "LTV:CAC", "Note")
    assert channels[1][:6] == ("CPA", "acquisition[0]", "cpa", 20000, 1000, 20)
    assert channels[1][11] is False  # no saturation_budget: the max bid holds for the last user too
    # The spec's worked example: c(a) = 9, 4.5, 2.25, so the channel's own ltv is 15.75 and 15.75 / 20 = 0.7875.
    assert channels[1][12] is None  # a bid written once has a max bid, no factor
    assert channels[1][13] == "Max bid (per new user)"  # a cpa channel's unit cost is its bid per user
    assert channels[1][14:16] == pytest.approx((15.75, 0.7875))
    assert channels[1][16] is None

    months = list(workbook["months"].iter_rows(values_only=True))
    header = months[0]
    column = {name: header.index(text) for name, text in
              (("label", "Month"), ("active_users", "Active users"), ("net_cash", "Net cash (CNY)"),
               ("cumulative_cash", "Cumulative cash (CNY)"))}
    rows = months[1:]
    assert [row[column["label"]] for row in rows] == ["M1", "M2", "M3"]
    assert [row[column["active_users"]] for row in rows] == pytest.approx([1000, 500, 250])
    assert [row[column["net_cash"]] for row in rows] == pytest.approx([-11000, 4500, 2250])
    assert [row[column["cumulative_cash"]] for row in rows] == pytest.approx([-11000, -6500, -4250])


def test_xlsx_needs_output(example: Path) -> None:
    result = invoke(["run", str(example), "--format", "xlsx"])
    assert result.exit_code == 2
    assert result.stderr == "aigc-roi: --format xlsx needs -o FILE.xlsx, or -o - to write the workbook into a pipe\n"
    assert result.stdout == ""


def test_xlsx_needs_output_in_chinese(example: Path) -> None:
    result = invoke(["run", str(example), "--format", "xlsx", "--lang", "zh"])
    assert result.exit_code == 2
    assert result.stderr == "aigc-roi: --format xlsx 需要 -o FILE.xlsx，或用 -o - 把工作簿写入管道\n"


def test_xlsx_refuses_to_overwrite_without_force(example: Path, tmp_path: Path) -> None:
    workbook_path = tmp_path / "run.xlsx"
    workbook_path.write_bytes(b"old")
    result = invoke(["run", str(example), "-f", "xlsx", "-o", str(workbook_path)])
    assert result.exit_code == 2
    assert "file exists; use --force" in result.stderr
    assert workbook_path.read_bytes() == b"old"
    forced = invoke(["run", str(example), "-f", "xlsx", "-o", str(workbook_path), "--force"])
    assert forced.exit_code == 0, forced.stderr
    assert openpyxl.load_workbook(workbook_path).sheetnames == ["figures", "channels", "months", "cohorts", "inputs"]


def test_run_help_lists_xlsx_and_plot() -> None:
    result = invoke(["run", "--help"])
    assert result.exit_code == 0
    assert "xlsx" in result.stdout
    assert "--plot" in result.stdout


def test_invalid_scenario_with_plot_keeps_the_file_line_prefix(tmp_path: Path) -> None:
    scenario = tmp_path / "bad.yaml"
    scenario.write_text("name: Bad\nretention: {monthly_churn: 2}\n", encoding="utf-8")
    image = tmp_path / "cash.png"
    result = invoke(["run", str(scenario), "--plot", str(image), "--lang", "zh"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{scenario}:2:")
    assert not image.exists()


BUNDLED_CJK = Path(__file__).resolve().parents[2] / "aigc_roi" / "templates" / "video-tool-kol-then-feed.yaml"


def _glyph_warnings(report: dict, style: NumberStyle, image_format: str) -> list[str]:
    """Render the chart the way `run --plot` saves it; the missing-glyph warnings matplotlib raised."""
    figure = chart.cash_figure(report, style)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figure.savefig(io.BytesIO(), format=image_format)
    return [str(warning.message) for warning in caught if "missing from" in str(warning.message)]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_bundled_chinese_name_renders_without_missing_glyphs(lang: str) -> None:
    from aigc_roi import api
    from aigc_roi.present.run_data import run_report

    scenario = api.load(BUNDLED_CJK)
    report = run_report(scenario, api.run(scenario))
    assert chart.has_cjk(report.scenario)
    font = chart.cjk_font()
    style = NumberStyle(lang if font else "en", "CNY")
    assert _glyph_warnings(report, style, "png") == []
    title = chart.cash_figure(report, style).get_suptitle()
    if font is None:
        # No CJK font on this machine: the English half of the bilingual name, nothing drawn as boxes.
        assert title == ("Video tool, creators first then feed ads\n"
                         "(Chinese text left out: font Noto Sans CJK SC or another CJK font is not installed)")
    else:
        assert title.startswith("视频工具 Video tool")


def test_without_a_cjk_font_one_line_says_how_to_install_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chart, "cjk_font", lambda: None)
    image = tmp_path / "cash.png"
    result = invoke(["run", str(BUNDLED_CJK), "--plot", str(image), "--lang", "en", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count("\n") == 1 and "apt-get install fonts-noto-cjk" in result.stderr
    assert "Glyph" not in result.stderr and "Warning" not in result.stderr
    assert image.read_bytes().startswith(b"\x89PNG")


def test_readable_keeps_the_latin_half_of_a_bilingual_name() -> None:
    assert chart.readable("视频工具 Video tool, creators first") == "Video tool, creators first"
    assert chart.readable("Feed ads (信息流)") == "Feed ads"
    assert chart.readable("图片社区") == "图片社区"  # nothing else to read: kept
