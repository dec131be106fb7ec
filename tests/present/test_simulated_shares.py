"""Each share a simulated figure is read with, on the base its percentiles are over (QA stats, 3-5 and 7).

The numbers are by hand: a CAC payback defined in 15,750 of 40,000 samples, none for want of a CAC in 10,000 of
them, never pays back in 40,000 - 10,000 - 15,750 = 14,250 of the 30,000 with a CAC: 47.50% of those, though
35.63% of all. Compared figures get a ★ only where each scenario's percentiles are over all its samples.
"""

from __future__ import annotations

import pytest

from aigc_roi.model.sampling import Clipped
from aigc_roi.present.clipped_draws import clipped_draw_warnings
from aigc_roi.present.compare import distribution_rows, risk_best, risk_cell
from aigc_roi.present.labels import label
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.present.simulation import defined_cell, share_fields

EN, ZH = NumberStyle("en"), NumberStyle("zh")


def test_a_cac_payback_states_the_share_without_a_cac_and_the_never_share_of_the_rest() -> None:
    assert defined_cell("cac_payback_months", 15_750 / 40_000, 10_000 / 40_000, 40_000, EN) == \
        "no CAC in 25.00% of all · never 47.50% of the rest"
    assert defined_cell("cac_payback_months", 15_750 / 40_000, 10_000 / 40_000, 40_000, ZH) == \
        "全部样本中无获客成本 25.00% · 其余样本中未回本 47.50%"
    # With a CAC in every sample the never share is of all of them; without one anywhere there is nothing to say.
    assert defined_cell("cac_payback_months", 0.6, 0.0, 100, EN) == "never 40.00%"
    # Without one in any sample the cell says why, as the card's row does, not a bare dash.
    assert defined_cell("cac_payback_months", 0.0, 1.0, 100, EN) == "no CAC in 100.00% of all"
    assert defined_cell("paid_payback_month", 0.0, 1.0, 2_000, ZH) == "全部样本中无广告支出 100.00%"
    assert defined_cell("irr", 0.2241, 0.0, 10_000, EN, worded=True) == "defined in 22.41%"


@pytest.mark.parametrize(("count", "total", "shown"), [
    (3, 100_000, "<0.01%"), (5, 100_000, "0.01%"), (0, 100_000, "0.00%"),
    (99_997, 100_000, ">99.99%"), (100_000, 100_000, "100.00%"), (1, 3, "33.33%"),
])
def test_a_share_of_draws_never_rounds_to_an_end_it_is_not_at(count: int, total: int, shown: str) -> None:
    assert EN.share(count, total) == shown


def test_the_clip_line_of_three_draws_in_100_000_is_no_zero_share() -> None:
    [(path, code, sentence)] = clipped_draw_warnings([Clipped("acquisition[0].bid", 0.0, 1.0, 3, 0, 100_000)], "en")
    assert (path, code) == ("acquisition[0].bid", "draws_clipped")
    assert sentence.startswith("<0.01% of the draws (3 of 100,000) fell below 0 ")
    [(_, _, chinese)] = clipped_draw_warnings([Clipped("acquisition[0].bid", 0.0, 1.0, 0, 3, 100_000)], "zh")
    assert chinese.startswith("<0.01% 的抽样值（100,000 个中的 3 个）高于 1")


def scenario(name: str, figures: dict[str, dict[str, float | None]], samples: int = 100) -> dict[str, object]:
    return {"name": name, "horizon_months": 12, "start": None, "discount_rate": 0.0, "discount_rate_range": None,
            "distribution": {"samples": samples, "payback_target_months": 12, "payback_within_months": 12,
                                           "figures": figures,
                                           "probabilities": {"payback_within_target": 0.5, "roi_positive": 0.5,
                                                             "npv_positive": 0.5}}}


def summary(p50: float | None, defined: float, undefined: float | None = None) -> dict[str, float | None]:
    found: dict[str, float | None] = {"p5": p50, "p50": p50, "p95": p50, "defined_share": defined}
    return found if undefined is None else {**found, "undefined_share": undefined}


def test_no_star_on_medians_over_different_shares_of_the_samples() -> None:
    # An IRR of the 22% of draws that have one is no better or worse than one of 73%: nothing to mark.
    assert risk_best("irr", [summary(-0.9999, 0.2241), summary(-0.4128, 0.7264)]) == set()
    assert risk_best("irr", [summary(-0.9999, 1.0), summary(-0.4128, 1.0)]) == {1}
    # A payback month ranks "never" last: over all samples, so its median is compared.
    assert risk_best("payback_month", [summary(None, 0.3), summary(11, 0.55)]) == {1}
    # A CAC payback leaves out the samples without a CAC.
    assert risk_best("cac_payback_months", [summary(2, 0.5, 0.0), summary(1, 0.5, 0.25)]) == set()


def test_compare_rows_carry_the_defined_share_in_csv_and_beside_the_cell_in_markdown() -> None:
    a = scenario("A", {"roi": summary(0.1, 1.0)})
    b = scenario("B", {"roi": summary(0.5, 0.75)})
    _, rows = distribution_rows([a, b])
    assert ["roi", "p50", 0.1, 0.5, ""] in rows and ["roi", "defined_share", 1.0, 0.75, ""] in rows
    _, styled = distribution_rows([a, b], EN)
    roi = "ROI (paid, after variable, before fixed)"
    assert [roi, "Defined in", "100.00%", "75.00%", ""] in styled
    same = scenario("C", {"roi": summary(0.2, 1.0)})
    _, shown = distribution_rows([a, same], EN)
    assert not any(row[1] == "Defined in" for row in shown)
    assert [roi, "P50", "10.00%", "20.00%", "C"] in shown


@pytest.mark.parametrize(("style", "name"), [(EN, "Never"), (ZH, "未回本")])
def test_a_compared_payback_share_row_is_its_never_share(style: NumberStyle, name: str) -> None:
    # Paying back in 30% and 55% of the samples: never in 70% and 45%, a row named for that, not "Defined in".
    a = scenario("A", {"payback_month": summary(None, 0.3)})
    b = scenario("B", {"payback_month": summary(11, 0.55)})
    _, styled = distribution_rows([a, b], style)
    assert [label("payback_month", style.lang), name, "70.00%", "45.00%", ""] in styled


@pytest.mark.parametrize(("style", "no_cac", "never", "of_rest"), [
    (EN, "No CAC", "Never", "47.50% of the rest"), (ZH, "无获客成本", "未回本", "其余样本中 47.50%")])
def test_a_card_gives_each_share_a_row_named_by_what_it_holds(style: NumberStyle, no_cac: str, never: str,
                                                              of_rest: str) -> None:
    # The module's numbers: no CAC in 10,000 of 40,000; of the other 30,000, 15,750 pay back, 14,250 never do.
    assert share_fields("cac_payback_months", 15_750 / 40_000, 10_000 / 40_000, 40_000, style) == \
        [(no_cac, "25.00%"), (never, of_rest)]
    # With a CAC in every sample the never share is of all of them: one row, the word "never" left to its label.
    assert share_fields("payback_month", 0.6, 0.0, 100, style) == [(never, "40.00%")]
    assert share_fields("irr", 0.2241, 0.0, 10_000, style) == [(label("defined_share", style.lang), "22.41%")]


def test_a_compared_cac_payback_has_a_row_for_each_share_in_every_column() -> None:
    # A has a CAC in all 100 samples (60 pay back), B in 75 of 100 (30 pay back: 45 of the 75 never do), C in none.
    a = scenario("A", {"cac_payback_months": summary(3, 0.6, 0.0)})
    b = scenario("B", {"cac_payback_months": summary(3, 0.3, 0.25)})
    c = scenario("C", {"cac_payback_months": summary(None, 0.0, 1.0)})
    _, styled = distribution_rows([a, b, c], EN)
    figure = "CAC payback per user (≤ ltv_months)"
    shares = [row for row in styled if row[0] == figure and row[1] not in ("P5", "P50", "P95")]
    assert shares == [[figure, "No CAC", "0.00%", "25.00%", "100.00%", ""],
                      [figure, "Never", "40.00%", "60.00% of the rest", "—", ""]]


def test_a_compared_figure_none_at_every_percentile_says_its_none_once() -> None:
    # An IRR defined in no draw, a payback that 97 draws of 100 never reach, a CAC payback with no CAC anywhere.
    irr = scenario("A", {"irr": summary(None, 0.0)})
    assert risk_cell("irr", irr, EN, "never") == "none: no single IRR · defined in 0.00%"
    assert risk_cell("irr", irr, ZH, "未回本") == "无：IRR 不唯一或不存在 · 有定义 0.00%"
    # A payback never at every percentile: its never share says "never" once, as simulate's table cell does.
    never = scenario("B", {"payback_month": summary(None, 0.03)})
    assert risk_cell("payback_month", never, EN, "never") == "never 97.00%"
    assert risk_cell("payback_month", never, ZH, "未回本") == "未回本 97.00%"
    # Samples without a CAC too: 25 of 100 have none; 72 of the other 75 never pay back, 96.00% of them.
    some_cac = scenario("E", {"cac_payback_months": summary(None, 0.03, 0.25)})
    assert risk_cell("cac_payback_months", some_cac, EN, "never") == "no CAC in 25.00% of all · never 96.00% of the rest"
    cac = scenario("C", {"cac_payback_months": summary(None, 0.0, 1.0)})
    assert risk_cell("cac_payback_months", cac, EN, "never") == "no CAC in 100.00% of all"
    _, styled = distribution_rows([cac, cac], EN)
    assert [row[2] for row in styled if row[:2] == ["CAC payback per user (≤ ltv_months)", "P50"]] == ["—"]
    # A median with a spread keeps its brackets.
    spread = scenario("D", {"payback_month": {"p5": 2, "p50": 11, "p95": None, "defined_share": 0.589}}, 1000)
    assert risk_cell("payback_month", spread, EN, "never") == "11 (2 .. never) · never 41.10%"


@pytest.mark.parametrize(("style", "some", "every"), [
    (EN, "a borrowing rate in 18.75%", "a borrowing rate in every draw"),
    (ZH, "借款利率占 18.75%", "每次抽样都是借款利率")])
def test_a_compared_irr_says_in_how_many_draws_it_is_a_borrowing_rate(style: NumberStyle, some: str,
                                                                       every: str) -> None:
    # 750 of 4,000 draws borrow (docs/simulate.md's example, 0.1875); 1,500 have an IRR at all.
    mixed = scenario("M", {"irr": {"p5": -0.5, "p50": 0.3, "p95": 2.0, "defined_share": 0.375,
                                   "borrowing_share": 0.1875}}, 4000)
    prepaid = scenario("P", {"irr": {"p5": 1.0, "p50": 2.0, "p95": 3.0, "defined_share": 1.0, "borrowing_share": 1.0}})
    assert risk_cell("irr", mixed, style, "").endswith(f" · {some}")
    assert risk_cell("irr", prepaid, style, "").endswith(f"(100.00% .. 300.00%) · {every}")
    _, styled = distribution_rows([mixed, prepaid], style)
    assert [label("irr", style.lang), label("borrowing_share_row", style.lang), "18.75%", "100.00%", ""] in styled
    _, plain = distribution_rows([mixed, prepaid])
    assert ["irr", "borrowing_share", 0.1875, 1.0, ""] in plain


def test_a_compared_payback_over_no_ad_spend_says_why_in_its_cell() -> None:
    # QA zh3 F17: the table read "—" where the card and markdown read 无广告支出 100.00%.
    moot = {"p5": None, "p50": None, "p95": None, "defined_share": 0.0, "undefined_share": 1.0}
    compared = scenario("a", {"paid_payback_month": moot}, samples=2_000)
    assert risk_cell("paid_payback_month", compared, ZH, label("never", "zh")) == "全部样本中无广告支出 100.00%"


@pytest.mark.parametrize(("count", "total", "shown", "complement"), [
    # 203 of 20,000 is 1.015%: 1.02% half away, its complement 98.985% is 100% - 1.02% = 98.98%, not 98.99%.
    (203, 20_000, "1.02%", "98.98%"),
    # 9,893 of 20,000 is 49.465%: 49.47%, the rest 50.53%, not 50.54% (QA fin3 F4).
    (9_893, 20_000, "49.47%", "50.53%"),
    # No half: each side rounds to its nearest anyway. Exactly half: 50.00% twice.
    (1, 3, "33.33%", "66.67%"), (10_000, 20_000, "50.00%", "50.00%"),
])
def test_a_share_and_its_complement_read_100_percent_together(count: int, total: int, shown: str, complement: str) -> None:
    assert (EN.share(count, total), EN.share(total - count, total)) == (shown, complement)


def test_every_share_adds_up_with_its_complement() -> None:
    # 20,000 samples: an odd count is a half at two decimals (x.xx5%), where both rounded up read 100.01%.
    total = 20_000
    for count in range(1, total):
        low, high = EN.share(count, total), EN.share(total - count, total)
        if "<" in low + high or ">" in low + high:
            continue
        assert round(float(low[:-1]) + float(high[:-1]), 2) == 100.0, (count, low, high)


def test_compare_samples_shows_the_never_share_beside_its_chance_as_100_percent() -> None:
    # Paybacks never in 19,797 of 20,000 samples, by month 3 in 203: the figure and the chance read as one whole.
    assert defined_cell("payback_month", 203 / 20_000, 0.0, 20_000, EN) == "never 98.98%"
    assert defined_cell("cac_payback_months", 0.0, 10_107 / 20_000, 20_000, ZH).startswith("全部样本中无获客成本 50.53%")
