"""Every command whose output holds amounts states the plan's currency in its title, in the terminal and in markdown
(README, "Units and rounding"): `sensitivity` (net cash and the drivers' values), `sensitivity --grid` where either
driver's values are amounts (its cells are ROI: a grid of two rates holds none, as its CSV's currency column says)
and `actuals` in markdown were missing it."""

from __future__ import annotations

import itertools
import re
import shutil
from pathlib import Path

import pytest
from cli_runner import invoke

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "scenarios" / "chat-assistant-cpa.yaml"
EXPORTS = [str(ROOT / "examples" / "actuals" / name) for name in ("douyin-ocean-engine.csv", "bilibili.csv")]
MAPS = ["--map", "Douyin activation CPA=dy_*", "--map", "Bilibili CPA (registered user)=bili_*"]
BID_BY_CONVERSION = "acquisition[1].bid,monetization.plans[2].conversion"
TWO_RATES = "monetization.plans[3].conversion,monetization.plans[2].conversion"


def _plan(tmp_path: Path, currency: str = "USD") -> Path:
    """The bundled plan priced in ``currency``, so that the title's code is the file's, not a default (the exports
    of `actuals` are in CNY, which it converts to nothing else)."""
    path = tmp_path / "plan.yaml"
    shutil.copy(PLAN, path)
    path.write_text(path.read_text(encoding="utf-8").replace("currency: CNY", f"currency: {currency}"), encoding="utf-8")
    return path


def _title(args: list[str], lang: str, format_: str) -> str:
    """The output's title: markdown's first heading, the terminal's lines above its first table (a title wraps at the
    table's width)."""
    result = invoke([*args, "--lang", lang, "-f", format_], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    lines = [line.rstrip() for line in result.stdout.splitlines() if line.strip()]
    if format_ == "markdown":
        return next(line for line in lines if line.startswith("#"))
    return " ".join(itertools.takewhile(lambda line: not line.startswith("┏"), lines))


@pytest.mark.parametrize("format_", ["table", "markdown"])
@pytest.mark.parametrize(("lang", "start", "end"), [("en", "Sensitivity · ", "±20% (USD)"), ("zh", "敏感性 · ", "±20%（USD）")])
def test_sensitivity_title_states_the_currency(tmp_path: Path, format_: str, lang: str, start: str, end: str) -> None:
    title = _title(["sensitivity", str(_plan(tmp_path))], lang, format_)
    assert start in title and title.endswith(end), title


@pytest.mark.parametrize("format_", ["table", "markdown"])
def test_grid_title_states_the_currency_where_a_driver_is_an_amount(tmp_path: Path, format_: str) -> None:
    plan = str(_plan(tmp_path))
    assert _title(["sensitivity", plan, "--grid", BID_BY_CONVERSION], "en", format_).endswith("(USD)")
    # ROI over two conversions: no amount anywhere in the table, so no currency in its title.
    assert "(USD)" not in _title(["sensitivity", plan, "--grid", TWO_RATES], "en", format_)


@pytest.mark.parametrize(("lang", "title"), [
    ("en", "### Plan vs actual · 对话助手 Chat assistant, CPA on video sites · exports through 2025-04-15 (CNY)"),
    ("zh", "### 方案与实际 · 对话助手 Chat assistant, CPA on video sites · 报表截至 2025-04-15（CNY）"),
])
def test_actuals_markdown_title_states_the_currency_as_its_terminal_does(tmp_path: Path, lang: str, title: str) -> None:
    args = ["actuals", str(_plan(tmp_path, "CNY")), *EXPORTS, *MAPS, "-q"]
    assert _title(args, lang, "markdown") == title


@pytest.mark.parametrize("args", [
    ["run"], ["breakeven"], ["sensitivity"], ["sensitivity", "--grid", BID_BY_CONVERSION], ["compare", str(PLAN)],
    ["compare", str(PLAN), "--samples", "100"], ["simulate", "--samples", "100"], ["allocate", "--total", "3000000"],
    ["actuals", *EXPORTS, *MAPS, "-q"],
], ids=lambda args: " ".join(args[:1] + [arg for arg in args[1:] if arg.startswith("--")]))
def test_every_command_with_amounts_states_the_currency_in_its_markdown_title(tmp_path: Path, args: list[str]) -> None:
    currency = "CNY" if args[0] == "actuals" else "USD"
    plan = _plan(tmp_path, currency)
    if args[0] == "compare":
        # compare refuses two currencies: both plans in USD.
        other = tmp_path / "other.yaml"
        shutil.copy(plan, other)
        args = ["compare", str(other), *args[2:]]
    assert f"({currency})" in _title([args[0], str(plan), *args[1:]], "en", "markdown")


@pytest.mark.parametrize("format_", ["table", "markdown"])
def test_grid_markdown_title_names_the_scenario_as_its_terminal_does(tmp_path: Path, format_: str) -> None:
    plan = str(_plan(tmp_path))
    name = "对话助手 Chat assistant, CPA on video sites"
    assert _title(["sensitivity", plan, "--grid", BID_BY_CONVERSION], "en", format_) == (
        f"{'### ' if format_ == 'markdown' else ''}ROI · Douyin activation CPA bid × Annual member conversion · {name} (USD)")
    assert _title(["sensitivity", plan, "--grid", TWO_RATES], "en", format_).endswith(f"conversion · {name}")


@pytest.mark.parametrize("format_", ["table", "markdown"])
@pytest.mark.parametrize(("lang", "titles"), [
    ("en", ["Unmatched spend (no channel's match) (CNY)", "Plan vs re-forecast (CNY)"]),
    ("zh", ["未匹配的广告支出（不属于任何渠道的 match）（CNY）", "方案与重新预测（CNY）"]),
])
def test_actuals_sub_tables_of_amounts_state_the_currency(tmp_path: Path, format_: str, lang: str,
                                                          titles: list[str]) -> None:
    """Unmatched spend is money; the re-forecast's rows hold NPV and the peak cash need."""
    out = tmp_path / "re.yaml"
    args = ["actuals", str(_plan(tmp_path, "CNY")), *EXPORTS, *MAPS, "-q", "--reforecast", str(out)]
    result = invoke([*args, "--lang", lang, "-f", format_], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    lines = [line.strip().removeprefix("### ") for line in result.stdout.splitlines()]
    assert all(title in lines for title in titles), [line for line in lines if "(" in line][:20]


MONEY_SECTIONS = {
    # The report's sections holding amounts, by the words their headings open with, en and zh: each states the
    # currency. The bundled plan's targets include max_cac (an amount); the tornado (ROI in pp), the inputs
    # (as written, the currency field among them) and the definitions hold no amount shown bare.
    "en": ("Verdict", "Headline figures", "From revenue to net cash", "Cumulative cash", "Channels", "Contribution",
           "Break-even"),
    "zh": ("结论", "核心指标", "24 个月内", "逐月累计现金流", "渠道", "各月新增用户", "盈亏平衡"),
}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_report_heading_over_amounts_states_the_currency(tmp_path: Path, lang: str) -> None:
    page = tmp_path / "r.html"
    result = invoke(["report", str(_plan(tmp_path)), "-o", str(page), "--samples", "50", "--lang", lang, "-q"])
    assert result.exit_code == 0, result.stderr
    headings = re.findall(r"<h2>([^<]*)</h2>", page.read_text(encoding="utf-8"))
    money = [heading for heading in headings if heading.startswith(MONEY_SECTIONS[lang])]
    assert len(money) == len(MONEY_SECTIONS[lang]), headings
    assert all(heading.endswith(("USD)", "USD）")) for heading in money), money
    assert not [heading for heading in headings if heading not in money and "USD" in heading], headings


@pytest.mark.parametrize("format_", ["table", "markdown"])
@pytest.mark.parametrize(("lang", "end"), [("en", " (USD)"), ("zh", "（USD）")])
def test_breakeven_title_brackets_the_currency_as_its_language_does(tmp_path: Path, format_: str, lang: str,
                                                                    end: str) -> None:
    """QA zh80 2: breakeven's zh markdown title read ``... (CNY)``, where the terminal's and every other command's read
    ``（CNY）``: both formats share one title."""
    plan = _plan(tmp_path)
    plan.write_text(re.sub(r"(?m)^name: .*$", "name: 方案（测试）", plan.read_text(encoding="utf-8")), encoding="utf-8")
    title = _title(["breakeven", str(plan)], lang, format_)
    assert title.endswith("方案（测试）" + end), title
