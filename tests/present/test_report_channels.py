"""The report's channels chart draws amounts per user on one scale and writes each maximum bid in its own unit.

A kol channel's maximum fee is per post; drawn on the axis of CAC and LTV per user it took the whole width and left
every other bar a pixel wide. Hand-derived plan (2 months, churn 0.5, one purchase of 8 per active user a month, no
costs): a user joining in month 1 pays 8 then 4, one joining in month 2 pays 8 (and 4 at age 1, past the horizon,
in its LTV: 12 for every user).

- Bids (cpa, bid 10 then 30, 100 users a month): spend 1,000 + 3,000 = 4,000 for 200 users, CAC 20; contribution
  100 x 12 + 100 x 8 = 2,000, roi -0.5: its bid moves by month, so its ceiling is the factor 1 + roi = 0.50×.
- Posts (kol, 1 post at 1,000, 10,000 views x 1% = 100 users in month 1): CAC 10; contribution 1,200, roi 0.2, max
  fee 1,000 x 1.2 = 1,200.00 per post.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_runner import invoke

PLAN = """\
name: Per user and per post
horizon_months: 2
acquisition:
  - {name: Bids, type: cpa, bid: {by_month: {1: 10, 2: 30}}, users: 100}
  - {name: Posts, type: kol, posts: 1, fee: 1000, views: 10000, view_to_user: 0.01, months: 1}
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: Pack, price: 8, rate: 1}]
"""
PLOT_WIDTH = 720 - 170 - 90
"""svg.WIDTH less the chart's left (names) and right (values) margins."""


def _chart(path: Path, lang: str) -> str:
    result = invoke(["report", str(path), "--samples", "50", "--lang", lang])
    assert result.exit_code == 0, result.stderr
    heading = "Channels" if lang == "en" else "渠道"
    return result.stdout.split(f"<h2>{heading}", 1)[1].split("</figure>", 1)[0]


def _bars(chart: str) -> list[tuple[str, float, float]]:
    """(what the bar's tooltip names, its value, its width) of every bar."""
    return [(title, float(value.replace(",", "")), float(width)) for width, title, value in
            re.findall(r'<rect x="170(?:\.0)?" y="[\d.]+" width="([\d.]+)"[^>]*><title>([^<]*)(?:: |：)([-\d,.]+)</title>', chart)]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_bars_are_per_user_on_one_scale_and_the_max_bid_is_written_in_its_unit(tmp_path: Path, lang: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    chart = _chart(path, lang)
    bars = _bars(chart)
    # CAC 20 and 10, LTV 12 and 12: four bars, the largest (Bids' CAC of 20) the plot's width, each in proportion.
    assert sorted(value for _, value, _ in bars) == [10.0, 12.0, 12.0, 20.0]
    assert all(width <= PLOT_WIDTH for _, _, width in bars)
    assert all(width == pytest.approx(value / 20 * PLOT_WIDTH, abs=0.1) for _, value, width in bars)
    # Per post and per month's factor: written under their channel's bars, never a bar.
    texts = re.findall(r'<text x="170" y="[\d.]+" font-style="italic">([^<]*)</text>', chart)
    if lang == "en":
        assert texts == ["Max bid at ROI = 0 (factor on every month&#x27;s bid): 0.50×",
                         "Max fee at ROI = 0 (fee per post, CNY): 1,200.00"]
    else:
        assert texts == ["ROI = 0 时的最高出价（每月出价的倍数）：0.50×", "ROI = 0 时的最高单条费用（单条费用，CNY）：1,200.00"]
    assert "1,200.00" not in "".join(title for title, _, _ in bars)
    # The bars' legend says the currency and that they are per user.
    assert ("CAC (CNY per user bought)" if lang == "en" else "获客成本（CNY/买来的用户）") in chart


def test_a_bundled_kol_plan_keeps_its_bars_readable() -> None:
    # The finding: video-tool-kol-then-feed's max fee of 46,231.39 per post drew 460 px beside 1 px CACs.
    template = Path(__file__).parents[2] / "aigc_roi" / "templates" / "video-tool-kol-then-feed.yaml"
    bars = _bars(_chart(template, "en"))
    assert min(width for _, _, width in bars) > PLOT_WIDTH / 2  # CACs 15.37 and 15.97 beside LTVs 21.03 and 18.95
