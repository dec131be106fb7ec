"""`aigc-roi report`: the page's content, derived by hand from the spec's worked example, and its safety."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi import api
from aigc_roi.model.figures import FIGURE_NAMES
from aigc_roi.present.fit_data import fits_report
from aigc_roi.present.report.fitted import power_law_points, survival_points
from aigc_roi.present.report.formulas import definitions

INPUT_ROW = re.compile(r'<tr><td class="path">([^<]+)</td><td>([^<]*)</td><td class="n">([^<]*)</td><td class="n range">([^<]*)</td>')
TEMPLATES = sorted(Path(__file__).parents[2].joinpath("aigc_roi", "templates").glob("*.yaml"))


def page(path: Path, *args: str) -> str:
    result = invoke(["report", str(path), "--samples", "200", *args])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def text_of(html: str) -> str:
    """The page as a reader sees it: tags dropped, entities of the escaped names kept as written."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_verdict_comes_first_with_the_hand_derived_figures(example: Path) -> None:
    html = page(example)
    # Cumulative cash -11,000, -6,500, -4,250: never paid back, the low is month 1 (docs/formulas.md, worked example).
    verdict = text_of(html.split('<section class="verdict">', 1)[1].split("</section>", 1)[0])
    assert "Does not pay back within the 3-month horizon." in verdict
    assert "Peak cash need 11,000.00 CNY, in month 1." in verdict
    assert "The file sets no targets." in verdict
    assert html.index('class="verdict"') < html.index("Headline figures")
    # roi = (15,750 - 20,000) / 20,000 = -21.25%; ltv = 9 + 4.5 + 2.25 = 15.75.
    shown = dict(re.findall(r'<tr data-figure="([a-z_]+)">.*?<td class="n">([^<]*)</td>', html))
    assert shown["roi"] == "-21.25%" and shown["ltv"] == "15.75"
    # Never paid back within the 3 months: later than any month of the horizon, as run says (docs/formulas.md §5).
    assert shown["payback_month"] == shown["first_payback_month"] == shown["paid_payback_month"] == "never (≤ 3)"
    # c(0) + c(1) + c(2) = 15.75 < cac 20: the user never earns the CAC back within the 3 ages.
    assert shown["cac_payback_months"] == "never"  # searched over ltv_months, not the horizon


def test_the_page_is_in_the_order_docs_report_md_lists(example: Path) -> None:
    html = page(example)
    # The provenance line heads the page under the title; the definitions close it, after the inputs.
    marks = [html.index(mark) for mark in ("<h1>", '<p class="meta">', "<h2>Verdict", "<h2>Headline figures",
                                           "<h2>Every input as written", "<h2>Definitions (docs/formulas.md)")]
    assert marks == sorted(marks)
    assert re.findall(r"<h2>([^<]*)</h2>", html)[-1] == "Definitions (docs/formulas.md)"


def test_a_payback_that_never_happens_reads_never_in_chinese_and_in_the_targets(tmp_path: Path) -> None:
    from spec_example import WORKED_EXAMPLE

    path = tmp_path / "s.yaml"
    path.write_text(WORKED_EXAMPLE + "targets: {max_payback_months: 3}\n", encoding="utf-8")
    html = page(path, "--lang", "zh")
    shown = dict(re.findall(r'<tr data-figure="([a-z_]+)">.*?<td class="n">([^<]*)</td>', html))
    assert shown["payback_month"] == "未回本 (≤ 3)" and shown["cac_payback_months"] == "未回本"
    assert re.search(r'<tr><td>max_payback_months</td><td>[^<]+</td><td class="n">3</td><td class="n">未回本 \(≤ 3\)</td>', html)
    assert "never (≤ 3)" in text_of(page(path)).split("Headline figures")[0]  # the missed target's actual


def test_a_payback_target_past_the_horizon_says_the_horizon_once(tmp_path: Path) -> None:
    from spec_example import WORKED_EXAMPLE

    # The worked example never pays back in its 3 months; a target of 12 is judged by month 3, the horizon.
    path = tmp_path / "s.yaml"
    path.write_text(WORKED_EXAMPLE + "targets: {max_payback_months: 12}\n", encoding="utf-8")
    row = r'<tr><td>max_payback_months</td><td>[^<]+</td><td class="n">12</td><td class="n">([^<]*)</td>'
    assert re.findall(row, page(path)) == ["never (by month 3, the horizon)"]
    assert re.findall(row, page(path, "--lang", "zh")) == ["未回本（截至第 3 个月，即模拟期末）"]


def test_targets_met_and_missed_are_listed(tmp_path: Path) -> None:
    from spec_example import WORKED_EXAMPLE

    path = tmp_path / "s.yaml"
    # roi -21.25% misses min_roi 0; cac 20 meets max_cac 25.
    path.write_text(WORKED_EXAMPLE + "targets: {min_roi: 0, max_cac: 25}\n", encoding="utf-8")
    html = page(path)
    assert "Targets met: 1 of 2." in text_of(html)
    rows = re.findall(r"<tr><td>(min_roi|max_cac)</td>.*?<td class=\"(met|missed)\">", html)
    assert rows == [("min_roi", "missed"), ("max_cac", "met")]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_figure_shown_has_its_definition_from_the_reference(lang: str) -> None:
    known = definitions(lang)
    assert set(FIGURE_NAMES) <= set(known), sorted(set(FIGURE_NAMES) - set(known))
    # The Chinese table defines the figures the English one does, no more and no fewer.
    assert set(known) == set(definitions("en"))


def test_definitions_are_quoted_from_docs_formulas(example: Path) -> None:
    html = page(example)
    assert "<code>ad_spend / paid_users (paid CAC)</code>" in html  # docs/formulas.md, Figures, `cac`


def test_a_chinese_page_quotes_the_chinese_definitions(example: Path) -> None:
    html = page(example, "--lang", "zh")
    # docs/formulas.md §5, 指标定义（中文）: `cac` and when `ltv_to_cac` is none.
    assert "<code>ad_spend / paid_users（买量 CAC）</code>" in html
    assert "cac 为无或为 0" in html
    assert "(paid CAC)" not in html and "no such t" not in html


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_definitions_show_their_text_not_its_markdown(example: Path, lang: str) -> None:
    html = page(example, "--lang", lang)
    # The reference writes `ltv_months` and links [§4.8](#s4-8): the page shows ltv_months and §4.8, in its
    # footnotes and in their tooltips alike.
    assert "`" not in html and "](" not in html
    if lang == "zh":
        assert 'title="sum_t C(t)，净收入减服务（算力）、交付成本和邀请奖励（§4.8）"' in html
        assert "为空的条件：非零的 F(t) 不是恰好变号一次（irr_none_reason 说明原因）" in html
    else:
        assert "L = ltv_months (default H)" in html


def test_every_input_is_listed_as_written_with_its_range_and_median(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text("name: R\nhorizon_months: 3\nretention: {monthly_churn: 0.5}\n"
                    "acquisition:\n  - {name: C, type: cpa, bid: 10..40, users: {low: 100, high: 400}}\n", encoding="utf-8")
    rows = INPUT_ROW.findall(page(path).replace("<wbr>", ""))
    by_path = {row[0]: row[1:] for row in rows}
    # A lognormal range's median is sqrt(low x high): sqrt(10 x 40) = 20, sqrt(100 x 400) = 200.
    assert by_path["acquisition[0].bid"] == ("10..40", "20", "lognormal: 90% interval 10..40")
    assert by_path["acquisition[0].users"] == ("{low: 100, high: 400}", "200", "lognormal: 90% interval 100..400")
    assert by_path["retention.monthly_churn"] == ("0.5", "0.5", "")


def inputs_of(html: str) -> dict[str, tuple[str, ...]]:
    # A path's <wbr> break points are no text.
    rows = INPUT_ROW.findall(html.replace("<wbr>", ""))
    return {row[0]: row[1:] for row in rows}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_number_of_the_inputs_reads_as_the_other_tables_do(tmp_path: Path, lang: str) -> None:
    path = tmp_path / "s.yaml"
    path.write_text("name: N\nhorizon_months: 3\nvirality: 0.00001\nretention: {monthly_churn: 0.5}\nacquisition:\n"
                    "  - {name: C, type: cpa, bid: 10, budget: 1234567.89, saturation_budget: 2000000}\n"
                    "  - {name: D, type: cpa, bid: 300..1000, budget: 1.5万}\n", encoding="utf-8")
    by_path = inputs_of(page(path, "--lang", lang))
    # Thousands separated and never an exponent, cents kept; a median to 6 significant digits: sqrt(300 x 1000) =
    # 547.7226; a share as the number it is.
    assert by_path["acquisition[0].saturation_budget"] == ("2000000", "2,000,000", "")
    assert by_path["acquisition[0].budget"] == ("1234567.89", "1,234,567.89", "")
    assert by_path["acquisition[1].budget"] == ("1.5万", "15,000", "")
    assert by_path["virality"] == ("0.00001", "0.00001", "")  # as written, where YAML's number prints as 1e-05
    spread = "对数正态：90% 区间 300..1,000" if lang == "zh" else "lognormal: 90% interval 300..1,000"
    assert by_path["acquisition[1].bid"] == ("300..1000", "547.723", spread)


def test_names_are_data(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>'
    path.write_text(f"name: '{hostile}'\nhorizon_months: 3\nretention: {{monthly_churn: 0.5}}\n"
                    f"acquisition:\n  - {{name: '{hostile}', type: cpa, bid: 10, users: 100}}\n", encoding="utf-8")
    html = page(path)
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_control_characters_in_names_are_written_out_as_every_other_output_does(tmp_path: Path, lang: str) -> None:
    """A NUL, BEL, BS or ESC in a name is written ``\\x00``, as the table and markdown do: raw, ``report -o -`` would
    replay the ESC in a CI log, and the inline SVG would not be XML (XML 1.0 holds no NUL)."""
    import xml.dom.minidom

    path = tmp_path / "s.yaml"
    path.write_text('name: "a\\x00b\\x07c\\x1b[2Jd"\nhorizon_months: 3\nretention: {monthly_churn: 0.5}\n'
                    'acquisition:\n  - {name: "c\\x00h\\x08", type: cpa, bid: 20, users: 1000, months: 1}\n'
                    "monetization:\n  purchases: [{name: item, price: 10, rate: 1}]\n", encoding="utf-8")
    html = page(path, "--lang", lang)
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", html)
    assert re.search(r"<title>[^<]*a\\x00b\\x07c\\x1b\[2Jd</title>", html)
    assert re.search(r"<h1>[^<]*a\\x00b\\x07c\\x1b\[2Jd</h1>", html)
    assert "c\\x00h\\x08" in html
    for chart in re.findall(r"<svg.*?</svg>", html, re.S):
        xml.dom.minidom.parseString(chart)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: path.stem)
def test_bundled_reports_are_self_contained_and_small(template: Path, lang: str) -> None:
    html = page(template, "--lang", lang)
    assert len(html.encode("utf-8")) < 1_000_000
    # Nothing fetched: no script, no external stylesheet, font or image.
    assert "<script" not in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)|@import|url\((?!#)""", html)


def test_the_page_is_never_written_over_a_file_without_force(example: Path, tmp_path: Path) -> None:
    target = tmp_path / "plan.html"
    target.write_text("keep", encoding="utf-8")
    result = invoke(["report", str(example), "-o", str(target)])
    assert result.exit_code == 2 and target.read_text(encoding="utf-8") == "keep"
    assert invoke(["report", str(example), "-o", str(target), "--force"]).exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_gates_and_milestones_are_on_the_page(tmp_path: Path) -> None:
    from spec_example import WORKED_EXAMPLE

    path = tmp_path / "s.yaml"
    # Month 1: 1,000 users each buy one item at 10: the test's ROAS is 10,000 / 20,000 = 0.50, which meets 0.5.
    # Month 1 brings 1,000 new users, short of the 2,000 milestone.
    path.write_text(WORKED_EXAMPLE + "gates: [{name: test, after_month: 1, channels: [CPA], min_roas: 0.5}]\n"
                    "targets: {milestones: [{month: 1, new_users: 2000}]}\n", encoding="utf-8")
    html = page(path)
    assert re.search(r"<td>test</td><td>M1</td><td>Test ROAS</td><td class=n>0.50</td><td class=n>&gt;= 0.50</td><td>pass</td>", html)
    row = re.search(r"<tr><td>milestone new_users@1</td><td>([^<]+)</td><td class=\"n\">([^<]+)</td>"
                    r"<td class=\"n\">([^<]+)</td><td class=\"(met|missed)\">", html)
    assert row is not None and row.groups() == ("New users in month 1", "2,000", "1,000", "missed")


@pytest.mark.parametrize(("lang", "figure"), [("en", "New users in month 1 (2025-03)"), ("zh", "第 1 个月（2025-03）新增用户")])
def test_a_milestones_month_has_its_calendar_label(tmp_path: Path, lang: str, figure: str) -> None:
    """With a ``start``, a milestone's month reads as the verdict's months do."""
    from spec_example import WORKED_EXAMPLE

    path = tmp_path / "s.yaml"
    path.write_text(WORKED_EXAMPLE + "start: 2025-03\ntargets: {milestones: [{month: 1, new_users: 2000}]}\n",
                    encoding="utf-8")
    assert re.search(rf"<tr><td>[^<]+</td><td>{re.escape(figure)}</td>", page(path, "--lang", lang))


def section(html: str, heading: str) -> str:
    """The page from the heading that starts with ``heading`` to the next section heading."""
    start = html.index(f"<h2>{heading}")
    return html[start:html.find("<h2>", start + 4)]


def bars(svg: str) -> list[tuple[str, str]]:
    """A waterfall's bars as (name, value shown), top to bottom."""
    return re.findall(r"<rect [^>]*><title>([^<]*): ([^<]*)</title></rect>", svg)


def test_the_cash_bridge_goes_from_gross_revenue_to_net_cash(tmp_path: Path) -> None:
    from spec_example import WORKED_EXAMPLE

    path = tmp_path / "s.yaml"
    path.write_text(WORKED_EXAMPLE.replace("purchases:", "revenue_fee: 0.3\n  purchases:").replace(
        "costs: {serving_per_active_user: 1}", "costs: {serving_per_active_user: 1, fixed: [{name: tools, monthly: 300}]}"),
        encoding="utf-8")
    bridge = section(page(path), "From revenue to net cash over the 3-month horizon")
    # Gross 10,000 + 5,000 + 2,500 = 17,500; the store keeps 30%: net 12,250; serving 1,000 + 500 + 250 = 1,750;
    # contribution 10,500; ad spend 20,000; fixed 3 x 300 = 900; net cash 10,500 - 20,000 - 900 = -10,400.
    assert bars(bridge) == [("Gross revenue", "17,500"), ("Store and payment fees", "-5,250"), ("Net revenue", "12,250"),
                            ("Serving", "-1,750"), ("Contribution", "10,500"), ("Ad spend", "-20,000"),
                            ("Fixed costs", "-900"), ("Net cash", "-10,400")]
    assert "<code>F(t) = C(t) - S_ad(t) - fixed(t)</code>" in bridge  # quoted from docs/formulas.md §4.8


SATURATING = """\
name: One saturating channel
horizon_months: 1
discount_rate: 0
acquisition:
  - {name: Ads, type: cpa, bid: 10, budget: 1000, saturation_budget: 1000}
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: item, price: 30, rate: 1}]
"""


def test_allocate_draws_the_budget_curve_with_the_chosen_split(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(SATURATING, encoding="utf-8")
    curve = section(page(path, "--allocate", "1000"), "Budget curve")
    # One channel takes all of b: users b / 10 x 1000 / (b + 1000), each paying 30, so npv(b) = 3000 b / (b + 1000) - b:
    # 0, 350, 500, 535.71, 500, 416.67, 300, 159.09, 0 at b = 0, 250, ..., 2000 (0 to 2B).
    rows = re.findall(r'<tr(?: class=chosen)?><td class="n">([^<]+)</td><td class="n">[^<]+</td><td class="n">([^<]+)</td>', curve)
    assert rows == [("0", "0"), ("250", "350"), ("500", "500"), ("750", "536"), ("1,000", "500"), ("1,250", "417"),
                    ("1,500", "300"), ("1,750", "159"), ("2,000", "0")]
    assert re.search(r'<tr class=chosen><td class="n">1,000</td>', curve)
    # The chosen split (a diamond) at B, today's (a square) at the file's 1,000, the curve's best budget (a triangle) at 750.
    assert "chosen split at B = 1,000: 1,000 → 500" in curve and "today&#x27;s split: 1,000 → 500" in curve
    assert "best budget on the curve (750): 750 → 536" in curve
    # allocate's own advice: 535.71 - 500 = 35.71 lost against the curve's best budget.
    assert "Spend less: the best NPV on the budget curve is at 750 (536)" in curve and "loses 36 against" in curve
    assert "<code>users = u0 x h / (b + h)</code>" in curve
    bought = section(page(path, "--allocate", "1000"), "What each channel buys")
    # users(1,000) = 100 x 1,000 / 2,000 = 50, today and at the chosen split; the line runs to the curve's 2B.
    assert "today&#x27;s budget: 1,000 → 50" in bought and "chosen budget: 1,000 → 50" in bought
    assert "Ads: <code>users = u0 x h / (b + h)</code>" in bought


MOVING_BID = """name: moving bid
horizon_months: 4
acquisition:
  - {name: A, type: cpa, bid: {by_month: {1: 5, 3: 40}}, budget: 500, months: [1, 3]}
  - {name: B, type: cpa, bid: 12, budget: 800, saturation_budget: 3000}
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: I, price: 10, rate: 1}]
"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_channel_whose_bid_moves_by_month_is_said_not_drawn(tmp_path: Path, lang: str) -> None:
    # A bid of 5 in month 1 and 40 in month 3 buys 8 times the users for one budget: no one line draws both months
    # (it raised a TypeError on the bid by month, an internal error); B's line is still drawn.
    path = tmp_path / "s.yaml"
    path.write_text(MOVING_BID, encoding="utf-8")
    bought = section(page(path, "--allocate", "1000", "--lang", lang), "What each channel buys" if lang == "en"
                     else "各渠道在不同月预算下买到的用户")
    said = {"en": "A: its bid moves by month", "zh": "A：bid 按月变化"}[lang]
    assert said in bought and bought.count("<figure>") == 1 and ("<figcaption>B:" if lang == "en" else "<figcaption>B：") in bought


def test_a_kol_channel_buys_posts_at_their_decayed_views() -> None:
    import numpy as np

    from aigc_roi.present.report.response import users_per_month

    scenario = api.load_source("name: K\nhorizon_months: 1\nretention: {monthly_churn: 0.5}\nacquisition:\n"
                               "  - {name: K, type: kol, posts: 3, fee: 1000, views: 10000, view_to_user: 0.01, views_decay: 0.2}\n")
    # docs/formulas.md §4.1: 3,000 buys 3 posts, E = 1 + 0.8 + 0.64 = 2.44, so 0.01 x 10,000 x 2.44 = 244 users;
    # 2,500 buys 2.5 posts, E = 1 + 0.8 + 0.5 x 0.64 = 2.12: 212 users; 0 buys none.
    users = users_per_month(scenario.acquisition[0], np.array([3000.0, 2500.0, 0.0]))
    assert users.tolist() == pytest.approx([244, 212, 0])


def test_a_refused_allocation_is_one_line(example: Path) -> None:
    result = invoke(["report", str(example), "--allocate", "0"])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1 and "--allocate" in result.stderr


def test_fitted_curves_pass_through_the_observed_points(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text("name: Fits\nhorizon_months: 12\nretention: {days: {1: 45%, 7: 22%, 30: 12%}}\n"
                    "acquisition:\n  - {name: C, type: cpa, bid: 10, users: 100}\nmonetization:\n  plans:\n"
                    "    - {name: Pro, price: 30, period: month, conversion: 5%, renewal: {observed: [60%, 45%, 37%]}}\n",
                    encoding="utf-8")
    fits = section(page(path), "Fitted curves")
    # docs/formulas.md §4.3: u = -0.78701, b = 0.38748, largest gap 0.58 points; §4.9: alpha 0.6523, beta 0.9773.
    assert "<code>D(d) = exp(u) x d^(-b)</code>" in fits and "u = -0.787, b = 0.3875" in fits
    assert "<code>S(k) = B(alpha, beta + k) / B(alpha, beta)</code>" in fits and "alpha = 0.6523, beta = 0.9773" in fits
    assert "observed: D7 → 22.00%" in fits and "observed: 2 → 45.00%" in fits
    retention, renewal = fits_report(api.load(path))
    days = power_law_points(retention)
    # Fitted D(1) = 45.52%, D(30) = 12.19% (docs/formulas.md §4.3).
    assert days[0] == (1, pytest.approx(0.4552, abs=5e-5)) and days[-1] == (30, pytest.approx(0.1219, abs=5e-5))
    # S(0) = 1, then the fitted survival 59.97%, 45.09%, 36.99% (docs/formulas.md §4.9) and one renewal beyond.
    survival = survival_points(renewal)
    assert [share for _, share in survival[:4]] == pytest.approx([1, 0.5997, 0.4509, 0.3699], abs=5e-5)
    assert len(survival) == 5


@pytest.mark.parametrize(("lang", "ends"), [("en", ". Poor fit: "), ("zh", "。拟合较差：")])
def test_a_fits_caption_ends_each_sentence_in_its_language(tmp_path: Path, lang: str, ends: str) -> None:
    """A poor fit's warnings follow its summary as sentences: 。 in Chinese with no space, where an ASCII period
    joined them; a capital after the English period."""
    path = tmp_path / "s.yaml"
    path.write_text("name: Fits\nhorizon_months: 12\nretention: {days: {1: 60%, 3: 15%, 7: 14%, 30: 13%}}\n"
                    "acquisition:\n  - {name: C, type: cpa, bid: 10, users: 100}\nmonetization:\n  plans:\n"
                    "    - {name: Pro, price: 30, period: month, conversion: 5%, renewal: 0.8}\n", encoding="utf-8")
    caption = re.findall(r"<figcaption>([^<]*)<code>D\(d\)[^<]*</code>([^<]*)</figcaption>", page(path, "--lang", lang))
    assert len(caption) == 1
    sentences = caption[0][1]
    assert ends in sentences and sentences.endswith(ends[0])
    if lang == "zh":
        assert ". " not in sentences and not sentences.endswith(".")
    else:
        assert re.search(r"\. [a-z]", sentences) is None


@pytest.mark.parametrize(("lang", "shown"), [("en", "≥ 5,000.00, still falling at month 2"),
                                             ("zh", "≥ 5,000.00，第 2 月仍在下降")])
def test_the_headline_peak_cash_need_is_a_lower_bound_while_cash_still_falls(tmp_path: Path, lang: str,
                                                                            shown: str) -> None:
    """As run's and compare's tables say it: 500 users bought at 5 in each of the two months, and nothing earned,
    leave the cumulative cash at its lowest, -5,000, in the horizon's last month."""
    path = tmp_path / "s.yaml"
    path.write_text("name: Falling\nhorizon_months: 2\nacquisition:\n  - {name: C, type: cpa, bid: 5, users: 500}\n"
                    "retention: {monthly_churn: 0.5}\nmonetization:\n  purchases: [{name: item, price: 1, rate: 0}]\n",
                    encoding="utf-8")
    row = re.search(r'<tr data-figure="peak_cash_need">.*?</tr>', page(path, "--lang", lang))
    assert row is not None and f'<td class="n">{shown}</td>' in row.group(0)


def test_a_base_shows_what_moved_each_figure(tmp_path: Path) -> None:
    plan = ("name: {name}\nhorizon_months: 1\nacquisition:\n  - {{name: CPA, type: cpa, bid: {bid}, users: 1000}}\n"
            "retention: {{monthly_churn: 0.5}}\nmonetization:\n  purchases: [{{name: item, price: {price}, rate: 1}}]\n")
    base, new = tmp_path / "base.yaml", tmp_path / "new.yaml"
    base.write_text(plan.format(name="Base", bid=10, price=30), encoding="utf-8")
    new.write_text(plan.format(name="New", bid=15, price=20), encoding="utf-8")
    moved = section(page(new, "--base", str(base)), "What moved each figure")
    # docs/formulas.md §13's worked example: npv = 1000 (p - b) goes 20,000 -> 5,000, the price's share -10,000 and
    # the bid's -5,000; roi = p / b - 1 goes 2 -> 1/3, each input's share -5/6 (-83.33 points).
    npv = moved.split("<figure>")[2]
    # Inputs by the names of their items, as every view shows them.
    assert bars(npv) == [("base", "20,000.00"), ("monetization.purchases[item].price", "-10,000.00"),
                         ("acquisition[CPA].bid", "-5,000.00"), ("new", "5,000.00")]
    roi = moved.split("<figure>")[1]
    # Shown so that they add up to the change as shown, 33.33% - 200.00% = -166.67 points: -83.33 and -83.34.
    assert [value for _, value in bars(roi)] == ["200.00%", "-83.33 pp", "-83.34 pp", "33.33%"]
    assert "<code>phi_i = sum_{S ⊆ N, i ∉ S} |S|! (n - |S| - 1)! / n! x (v(S + i) - v(S))</code>" in moved
    assert "<td>acquisition[CPA].bid</td><td>10</td><td>15</td>" in moved


def test_a_base_equal_to_the_file_moved_nothing_and_a_broken_base_is_located(example: Path, tmp_path: Path) -> None:
    assert "No input differs from the base." in text_of(page(example, "--base", str(example)))
    broken = tmp_path / "base.yaml"
    broken.write_text("name: B\nhorizon_months: x\n", encoding="utf-8")
    result = invoke(["report", str(example), "--base", str(broken)])
    assert result.exit_code == 2
    assert f"{broken}:2:17: horizon_months: expected a whole number from 1 to 120, found 'x'" in result.stderr.splitlines()


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: path.stem)
def test_every_bridge_adds_up_to_its_subtotals(template: Path) -> None:
    from aigc_roi.present.report.bridge import bridge_steps
    from aigc_roi.present.run_data import run_report

    scenario = api.load(template)
    report = run_report(scenario, api.run(scenario))
    steps = bridge_steps(report, "en")
    # Each outlined subtotal is the last one plus the changes between them: net revenue, contribution (delivery
    # and referral included where a template has them) and net cash are the run's own figures.
    running = steps[0].amount
    for step in steps[1:]:
        if step.total:
            assert step.amount == pytest.approx(running, rel=1e-9, abs=1e-6), step.name
        running = step.amount if step.total else running + step.amount
    assert [step.name for step in steps if step.total] == ["Gross revenue", "Net revenue", "Contribution", "Net cash"]


def test_a_milestone_reads_in_chinese_order(tmp_path: Path) -> None:
    """第 1 个月新增用户, as check's line words it, not 新增用户（月份 1）."""
    from spec_example import WORKED_EXAMPLE

    path = tmp_path / "s.yaml"
    path.write_text(WORKED_EXAMPLE + "targets: {milestones: [{month: 1, new_users: 2000}]}\n", encoding="utf-8")
    html = page(path, "--lang", "zh")
    assert "<tr><td>new_users@1 里程碑</td><td>第 1 个月新增用户</td>" in html
    assert "（月份 1）" not in html
