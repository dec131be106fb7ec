"""The zh/80-column QA sweep's findings on what a table's legend and cells say (docs/architecture.md: present/)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

ROOT = Path(__file__).resolve().parents[2]


def flat(text: str) -> str:
    """The output without its line breaks and the padding a wrapped caption leaves, so a sentence reads whole."""
    return "".join(line.strip() for line in text.splitlines())


@pytest.mark.parametrize(("lang", "words"), [
    ("en", ["lower is better for CAC, blended CAC, peak cash need and every payback month",
            "not ranked: ad spend, peak cash month."]),
    ("zh", ["获客成本、综合获客成本、最大资金需求和各回本月份越低越好", "不参与排名：广告支出、资金缺口最大月份。"]),
])
def test_the_compare_legend_names_every_figure_ranked_lower_and_every_one_not_ranked(lang: str, words: list[str]) -> None:
    # Peak cash need is starred at its lowest value (model/figures.py better="lower"): the legend must say so.
    scenarios = [str(ROOT / "scenarios" / name) for name in ("starter.yaml", "chat-assistant-cpa.yaml")]
    result = invoke(["compare", *scenarios, "--lang", lang], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    text = flat(result.stdout).replace("  ", "")
    for sentence in words:
        assert sentence.replace(" ", "") in text.replace(" ", "")


NO_ADS = """\
version: 1
name: No ads
horizon_months: 6
organic_users: "800..1200"
retention: {monthly_churn: "0.2..0.4"}
monetization:
  purchases: [{name: pack, price: "10..30", rate: 0.1}]
costs: {fixed: [{name: team, monthly: 1000}]}
"""


@pytest.fixture
def no_ads(tmp_path: Path) -> Path:
    path = tmp_path / "noad.yaml"
    path.write_text(NO_ADS, encoding="utf-8")
    return path


def test_a_variance_share_the_significance_rule_zeroed_reads_below_its_threshold(no_ads: Path) -> None:
    # Churn drives ~5% of net cash's variance (20,000 samples), too little to tell at 2,000: its share is zeroed.
    # The threshold for a normal-ish net cash is 2.326 sqrt(37/63 / 2,000) = 3.99% at least (more with a heavier
    # tail): it must read "< x%" with x >= 3.99, never 0.00%.
    data = invoke(["simulate", str(no_ads), "--samples", "2000", "--format", "json"]).stdout
    import json

    found = json.loads(data)
    assert found["variance_shares"]["net_cash"]["retention.monthly_churn"] == 0.0
    threshold = found["variance_share_thresholds"]["net_cash"]
    assert threshold >= 2.326 * (37 / 63 / 2000) ** 0.5
    assert "roi" not in found["variance_share_thresholds"]  # ROI is defined in no sample: not split, no threshold
    shown = f"< {100 * threshold:.2f}%"
    for lang, note in (("en", "< x: a share too small to tell from no effect at 2,000 samples"),
                       ("zh", "< x：在 2,000 次抽样下无法与无影响区分的占比")):
        for fmt in ("table", "markdown"):
            text = invoke(["simulate", str(no_ads), "--samples", "2000", "--format", fmt, "--lang", lang],
                          env={"COLUMNS": "200"}).stdout
            churn = next(line for line in text.splitlines() if "retention.monthly_churn" in line)
            assert shown in churn and "0.00%" not in churn
            assert note.replace(" ", "") in flat(text).replace(" ", "")
    csv = invoke(["simulate", str(no_ads), "--samples", "2000", "--format", "csv"]).stdout
    row = next(line for line in csv.splitlines() if line.startswith("variance_share_thresholds,net_cash,threshold,"))
    assert float(row.split(",")[3]) == pytest.approx(threshold, rel=1e-12)  # the value column; a share has no currency


def test_chinese_notes_join_without_a_space_and_headers_without_spaces_between_chinese_words(no_ads: Path) -> None:
    text = invoke(["simulate", str(no_ads), "--samples", "2000", "--lang", "zh"], env={"COLUMNS": "200"}).stdout
    assert "占净现金流方差" in text and "占 ROI 方差" in text
    assert not [line for line in text.splitlines() if "。 " in line.rstrip()]
