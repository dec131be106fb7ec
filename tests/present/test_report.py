"""`aigc-roi report`: the page's content, derived by hand from the spec's worked example, and its safety."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.model.figures import FIGURE_NAMES
from aigc_roi.present.report.formulas import definitions

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
    assert "Peak cash need 11,000.00, in month 1." in verdict
    assert "The file sets no targets." in verdict
    assert html.index('class="verdict"') < html.index("Headline figures")
    # roi = (15,750 - 20,000) / 20,000 = -21.25%; ltv = 9 + 4.5 + 2.25 = 15.75.
    shown = dict(re.findall(r'<tr data-figure="([a-z_]+)">.*?<td class="n">([^<]*)</td>', html))
    assert shown["roi"] == "-21.25%" and shown["ltv"] == "15.75" and shown["payback_month"] == "—"


def test_targets_met_and_missed_are_listed(tmp_path: Path) -> None:
    from spec_example import WORKED_EXAMPLE

    path = tmp_path / "s.yaml"
    # roi -21.25% misses min_roi 0; cac 20 meets max_cac 25.
    path.write_text(WORKED_EXAMPLE + "targets: {min_roi: 0, max_cac: 25}\n", encoding="utf-8")
    html = page(path)
    assert "Targets met: 1 of 2." in text_of(html)
    rows = re.findall(r"<tr><td>(min_roi|max_cac)</td>.*?<td class=\"(met|missed)\">", html)
    assert rows == [("min_roi", "missed"), ("max_cac", "met")]


def test_every_figure_shown_has_its_definition_from_the_reference() -> None:
    known = definitions()
    assert set(FIGURE_NAMES) <= set(known), sorted(set(FIGURE_NAMES) - set(known))


def test_definitions_are_quoted_from_docs_formulas(example: Path) -> None:
    html = page(example)
    assert "<code>ad_spend / paid_users (paid CAC)</code>" in html  # docs/formulas.md, Figures, `cac`


def test_every_input_is_listed_as_written_with_its_range_and_median(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text("name: R\nhorizon_months: 3\nretention: {monthly_churn: 0.5}\n"
                    "acquisition:\n  - {name: C, type: cpa, bid: 10..40, users: {low: 100, high: 400}}\n", encoding="utf-8")
    rows = re.findall(r'<tr><td class="path">([^<]+)</td><td>([^<]*)</td><td class="n">([^<]*)</td><td class="n">([^<]*)</td>',
                      page(path))
    by_path = {row[0]: row[1:] for row in rows}
    # A lognormal range's median is sqrt(low x high): sqrt(10 x 40) = 20, sqrt(100 x 400) = 200.
    assert by_path["acquisition[0].bid"] == ("10..40", "20", "lognormal 10..40")
    assert by_path["acquisition[0].users"] == ("{low: 100, high: 400}", "200", "lognormal 100..400")
    assert by_path["retention.monthly_churn"] == ("0.5", "0.5", "")


def test_names_are_data(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>'
    path.write_text(f"name: '{hostile}'\nhorizon_months: 3\nretention: {{monthly_churn: 0.5}}\n"
                    f"acquisition:\n  - {{name: '{hostile}', type: cpa, bid: 10, users: 100}}\n", encoding="utf-8")
    html = page(path)
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


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
    assert re.search(r"<td>test</td><td>M1</td><td>ROAS</td><td class=n>0.50</td><td class=n>&gt;= 0.50</td><td>pass</td>", html)
    row = re.search(r"<tr><td>milestone new_users@1</td><td>([^<]+)</td><td class=\"n\">([^<]+)</td>"
                    r"<td class=\"n\">([^<]+)</td><td class=\"(met|missed)\">", html)
    assert row is not None and row.groups() == ("New users (Month 1)", "2,000", "1,000", "missed")
