"""The report as a person sees it: rendered by a real headless Chromium, screenshotted and printed.

.ci/run installs Chromium, the Noto CJK fonts and poppler (pdftotext) from
the distribution's packages when they are missing; outside CI these tests
skip, saying what to install.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from cli_runner import invoke
from test_report_budget_axis import TINY

from aigc_roi.model.figures import FIGURE_NAMES

pytestmark = pytest.mark.slow

BROWSERS = ("chromium-headless-shell", "chromium", "chromium-browser")
BROWSER = next((found for name in BROWSERS if (found := shutil.which(name))), None)
INSTALL = "apt-get install chromium-headless-shell fonts-noto-cjk poppler-utils"
TEMPLATES = Path(__file__).parents[2] / "aigc_roi" / "templates"


def _require(tool: str | None, what: str) -> str:
    if tool is None:
        if os.environ.get("CI"):
            pytest.fail(f"{what} is missing in CI: .ci/run should have installed it ({INSTALL})")
        pytest.skip(f"{what} is not installed: {INSTALL}")
    return tool


def chromium(*args: str) -> subprocess.CompletedProcess[str]:
    browser = _require(BROWSER, "headless Chromium")
    flags = ["--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-pdf-header-footer", "--enable-logging=stderr", "--v=0"]
    return subprocess.run([browser, *flags, *args], capture_output=True, text=True, timeout=120, check=True)


def write_report(tmp_path: Path, template: str, lang: str) -> Path:
    target = tmp_path / f"{template}.{lang}.html"
    result = invoke(["report", str(TEMPLATES / f"{template}.yaml"), "--samples", "500", "--lang", lang, "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    return target


def screenshot(tmp_path: Path, page: Path, height: int = 1600) -> np.ndarray:
    """The page's pixels, one RGB row per pixel."""
    from PIL import Image  # matplotlib's dependency, installed with the test extra

    picture = tmp_path / (page.stem + ".png")
    chromium(f"--screenshot={picture}", f"--window-size=800,{height}", page.as_uri())
    with Image.open(picture) as image:
        return np.frombuffer(image.convert("RGB").tobytes(), dtype=np.uint8).reshape(-1, 3)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_page_renders_with_no_console_error(tmp_path: Path, lang: str) -> None:
    page = write_report(tmp_path, "video-tool-kol-then-feed", lang)
    done = chromium("--dump-dom", page.as_uri())
    assert "Uncaught" not in done.stderr and not re.search(r"CONSOLE.*(error|Error)", done.stderr), done.stderr
    assert 'class="verdict"' in done.stdout  # the browser parsed the page it was given
    pixels = screenshot(tmp_path, page)
    # Not blank: text, rules and charts give many shades; a blank or failed page has one or two.
    assert len(np.unique(pixels, axis=0)) > 50
    assert np.count_nonzero((pixels != 255).any(axis=1)) > len(pixels) // 50


def test_chinese_text_renders_as_glyphs_not_boxes(tmp_path: Path) -> None:
    """Missing glyphs all render as the same box: two different strings of the same length then look alike."""
    from aigc_roi.present.report.page import _CSS

    shots = []
    for text in ("回本月份", "获客成本"):
        page = tmp_path / f"{len(shots)}.html"
        page.write_text(f'<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8"><style>{_CSS}</style>'
                        f'<body><h1 style="font-size:64px">{text}</h1></body></html>', encoding="utf-8")
        shots.append(screenshot(tmp_path, page, 300))
    assert not np.array_equal(shots[0], shots[1])
    assert len(np.unique(shots[0], axis=0)) > 10


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_print_to_pdf_gives_a4_pages_verdict_first(tmp_path: Path, lang: str) -> None:
    pdftotext = _require(shutil.which("pdftotext"), "pdftotext (poppler-utils)")
    page = write_report(tmp_path, "chat-assistant-cpa", lang)
    pdf = tmp_path / "plan.pdf"
    chromium(f"--print-to-pdf={pdf}", page.as_uri())
    data = pdf.read_bytes()
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    # A4 is 595.28 x 841.89 points; Chromium rounds to its own units.
    assert boxes and all(abs(float(w) - 595.3) < 1.5 and abs(float(h) - 841.9) < 1.5 for w, h in boxes)
    pages = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split("\f")
    pages = [text for text in pages if text.strip()]
    # The verdict opens the first page and the last figure's definition closes the last; A4 cannot hold it all.
    assert ("结论" if lang == "zh" else "Verdict") in pages[0]
    opened, closed = ("（", "）") if lang == "zh" else ("(", ")")
    assert f"{opened}{FIGURE_NAMES[-1]}{closed}" in pages[-1].replace("\n", "")
    assert 2 <= len(pages) <= 12


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_budget_curve_fits_bridge_and_split_render_with_no_console_error(tmp_path: Path, lang: str) -> None:
    base = TEMPLATES / "video-tool-kol-then-feed.yaml"
    new = tmp_path / "new.yaml"
    new.write_text(base.read_text(encoding="utf-8").replace("price: 69", "price: 49"), encoding="utf-8")
    page = tmp_path / f"plan.{lang}.html"
    result = invoke(["report", str(new), "--base", str(base), "--allocate", "30万", "--samples", "500", "--lang", lang,
                     "-o", str(page)])
    assert result.exit_code == 0, result.stderr
    html = page.read_text(encoding="utf-8")
    done = chromium("--dump-dom", page.as_uri())
    assert "Uncaught" not in done.stderr and not re.search(r"CONSOLE.*(error|Error)", done.stderr), done.stderr
    # The browser kept every chart and every mark of it: a malformed SVG would be cut short or restructured.
    for mark in ("<svg", "<polyline", "<polygon", "<rect", "<circle"):
        assert done.stdout.count(mark) == html.count(mark) > 0, mark
    # Budget curve, what each of the two moved channels buys, two fitted curves, four waterfalls of the split,
    # the bridge: besides the cash, channel, cohort and tornado charts.
    assert html.count("<svg") == 4 + 1 + 2 + 2 + 4 + 1
    pixels = screenshot(tmp_path, page, 6000)
    assert len(np.unique(pixels, axis=0)) > 50


LONG_NAME_PLAN = """version: 1
name: 渠道名测试
currency: CNY
horizon_months: {horizon}
start: 2025-01
acquisition:
  - {{name: 抖音信息流激活按转化付费投放计划第一期, type: cpa, bid: 12, budget: 5万}}
  - {{name: WWWW MMMM WWWW MMMM WWWW MMMM WWWW, type: cpa, bid: 8..14, budget: 3万}}
retention:
  monthly_churn: 0.3
monetization:
  plans:
    - {{name: 月度会员, price: {price}, period: month, conversion: "3%", renewal: 0.7}}
  revenue_fee: 0.05
costs:
  serving_per_active_user: {serving}
"""

MEASURE = """<script>
const found = [];
// Text boxes are the font's line height, taller than its glyphs: two lines 12 units apart touch without
// overprinting, so text overprints only where it shares more than half its height with the other's.
const shared = (a, b) => Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
const near = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && shared(a, b) > Math.min(a.height, b.height) / 2;
document.querySelectorAll("svg").forEach((chart, n) => {
  const edge = chart.getBoundingClientRect();
  const texts = [...chart.querySelectorAll("text")].filter(t => t.textContent.trim());
  const shown = t => t.firstChild.textContent;
  const boxes = texts.map(t => t.getBoundingClientRect());
  boxes.forEach((box, i) => {
    if (box.left < edge.left - 0.5 || box.right > edge.right + 0.5) found.push(`chart ${n}: "${shown(texts[i])}" leaves the chart`);
    boxes.slice(i + 1).forEach((other, j) => {
      if (near(box, other)) found.push(`chart ${n}: "${shown(texts[i])}" overprints "${shown(texts[i + 1 + j])}"`);
    });
  });
});
document.querySelectorAll("td.path").forEach(cell => cell.childNodes.forEach(part => {
  if (part.nodeType !== Node.TEXT_NODE) return;
  const range = document.createRange();
  range.selectNodeContents(part);
  if (range.getClientRects().length > 1) found.push(`path ${cell.textContent} breaks inside "${part.textContent}"`);
}));
document.body.setAttribute("data-found", JSON.stringify(found));
</script>"""


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("horizon", "price", "serving"), [(12, 29, 0), (120, 29, 0), (24, 2, 5)])
def test_no_chart_text_leaves_its_chart_or_overprints_and_no_path_breaks_inside_a_name(
        tmp_path: Path, lang: str, horizon: int, price: int, serving: int) -> None:
    """Measured in the browser: a long Chinese channel name, a 12- and a 120-month cohort grid (grouped into
    4-month spans), a negative LTV (price 2 less serving 5 a month), and the inputs table's paths at 800 pixels."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(LONG_NAME_PLAN.format(horizon=horizon, price=price, serving=serving), encoding="utf-8")
    page = tmp_path / f"plan.{lang}.html"
    result = invoke(["report", str(plan), "--samples", "200", "--lang", lang, "-o", str(page)])
    assert result.exit_code == 0, result.stderr
    assert measured(page) == "[]"


def measured(page: Path) -> str:
    """What MEASURE finds on the page at 800 pixels wide, as a JSON list."""
    page.write_text(page.read_text(encoding="utf-8").replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    done = chromium("--window-size=800,6000", "--dump-dom", page.as_uri())
    found = re.search(r'data-found="([^"]*)"', done.stdout)
    assert found is not None, done.stderr
    return html.unescape(found.group(1))


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("template", "budget"), [("feed-ads-only", "5000万"), ("chat-assistant-cpa", "10亿")])
def test_the_budget_curve_keeps_its_axis_labels_at_wide_budgets(tmp_path: Path, lang: str, template: str,
                                                               budget: str) -> None:
    """Measured in the browser: the budget curve's NPV of -200,000,000 (feed-ads-only at 5000万) kept its minus sign
    on the chart, and 2,000,000,000 at the end of the axis of budgets (chat-assistant-cpa at 10亿) its last digits,
    as did the NPV labels of billions beside it; the charts of what each channel buys too."""
    page = tmp_path / f"plan.{lang}.html"
    result = invoke(["report", str(TEMPLATES / f"{template}.yaml"), "--allocate", budget, "--samples", "200", "--lang",
                     lang, "-o", str(page)])
    assert result.exit_code == 0, result.stderr
    assert measured(page) == "[]"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_today_beyond_the_budget_curve_keeps_its_budget_on_the_chart(tmp_path: Path, lang: str) -> None:
    """Measured in the browser: a plan spending 300 a month at --allocate 3, whose budget curve ends at 6: today's
    split stands at the axis' end, "300.0 →" beside it on the chart and clear of every other text (one decimal, as
    the curve's budgets 0.75 apart take: 0.8, 1.5, 2.3)."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(TINY, encoding="utf-8")
    page = tmp_path / f"plan.{lang}.html"
    result = invoke(["report", str(plan), "--allocate", "3", "--samples", "200", "--lang", lang, "-o", str(page)])
    assert result.exit_code == 0, result.stderr
    assert "300.0 →</text>" in page.read_text(encoding="utf-8")
    assert measured(page) == "[]"


SIDEWAYS = """<script>
const page = document.documentElement;
const scrolled = [...document.querySelectorAll(".wide")].filter(box => box.scrollWidth > box.clientWidth + 1);
document.body.setAttribute("data-sideways", JSON.stringify({
  page: page.scrollWidth > page.clientWidth + 1,
  tables: scrolled.map(box => box.querySelector("th").textContent)}));
</script>"""


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("template", ["creators-first-gated", "video-tool-kol-then-feed"])
def test_the_page_never_scrolls_sideways_and_its_tables_fit_a_desktop_window(
        tmp_path: Path, template: str, lang: str) -> None:
    """The break-even table's numbers and headers (a flip mark beside a room, 'Room before payback > 18 mo') made
    the page 886 pixels wide, so it scrolled sideways at 800 and cut every table on a phone; now a header wraps, and a
    table wider than a phone scrolls in its own box while the page keeps the screen's width."""
    page = write_report(tmp_path, template, lang)
    page.write_text(page.read_text(encoding="utf-8").replace("</body>", SIDEWAYS + "</body>"), encoding="utf-8")
    for width in (360, 800):
        done = chromium(f"--window-size={width},4000", "--dump-dom", page.as_uri())
        found = re.search(r'data-sideways="([^"]*)"', done.stdout)
        assert found is not None, done.stderr
        sideways = json.loads(html.unescape(found.group(1)))
        assert sideways["page"] is False, (width, sideways)
        if width == 800:
            assert sideways["tables"] == [], sideways
