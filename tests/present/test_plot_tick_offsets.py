"""--plot money ticks read differently whenever they differ: as many decimals as their step needs (2.5e-7 apart read
0.00000025, not 0.000000 beside 0), and an axis whose span is tiny beside its amounts reads from an offset written at
its end (+10,000亿, then 0, 0.2, ...), where six ticks from 1e12 to 1e12 + 1 all read 10,000亿."""

from __future__ import annotations

import re
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest

pytest.importorskip("matplotlib")

from cli_runner import invoke
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure
from matplotlib.ticker import AutoLocator

from aigc_roi.present.chart_format import money_ticks
from aigc_roi.present.numbers import NumberStyle

EN, ZH = NumberStyle("en", "USD"), NumberStyle("zh", "CNY")


def _ticks(style: NumberStyle, ticks: list[float]) -> tuple[list[str], str]:
    formatter = money_ticks(style)
    return formatter.format_ticks(ticks), formatter.get_offset()


def test_ticks_a_quarter_millionth_apart_read_apart_and_zero_reads_0() -> None:
    ticks = [-1e-6, -7.5e-7, -5e-7, -2.4999999999999994e-07, 0.0, 2.4999999999999994e-07, 5e-7, 7.5e-7, 1e-6]
    assert _ticks(EN, ticks) == (["-0.00000100", "-0.00000075", "-0.00000050", "-0.00000025", "0",
                                  "0.00000025", "0.00000050", "0.00000075", "0.00000100"], "")


def test_a_tick_within_float_noise_of_zero_reads_0_as_zero_does() -> None:
    assert _ticks(EN, [-0.2, 1e-17, 0.2]) == (["-0.2", "0", "0.2"], "")
    assert _ticks(EN, [-0.2, -0.0, 0.2]) == (["-0.2", "0", "0.2"], "")


@pytest.mark.parametrize(("style", "offset"), [(ZH, "+10,000亿"), (EN, "+1,000,000,000,000")])
def test_a_span_of_one_at_a_trillion_reads_from_an_offset(style: NumberStyle, offset: str) -> None:
    # In full 1,000,000,000,000.2 takes 14 digits: the offset is the middle (1e12 + 0.5) rounded to tens.
    ticks = [1e12 + step / 5 for step in range(6)]
    assert _ticks(style, ticks) == (["0", "0.2", "0.4", "0.6", "0.8", "1.0"], offset)


def test_ticks_beyond_fifteen_digits_read_from_an_offset_not_rounded() -> None:
    # 1e15 + 25 has 16 digits: read at 15 it was 1,000,000,000,000,020. The middle is 1e15, rounded to 10^(2 + 2).
    ticks = [1e15 + 25.0 * k for k in range(-4, 5)]
    assert _ticks(EN, ticks) == (["-100", "-75", "-50", "-25", "0", "25", "50", "75", "100"],
                                 "+1,000,000,000,000,000")
    assert _ticks(EN, [-t for t in ticks])[1] == "-1,000,000,000,000,000"


def test_an_ordinary_axis_has_no_offset() -> None:
    assert _ticks(ZH, [-20_000_000.0, -10_000_000.0, 0.0]) == (["-2,000万", "-1,000万", "0"], "")


def test_a_drawn_axis_shows_the_offset_at_its_end() -> None:
    figure = Figure()
    axes = figure.subplots()
    axes.set_ylim(1e12, 1e12 + 1)
    axes.yaxis.set_major_formatter(money_ticks(EN))
    figure.savefig(BytesIO(), format="png")
    labels = [text.get_text() for text in axes.get_yticklabels()]
    assert len(set(labels)) == len(labels) and "0.2" in labels
    assert axes.yaxis.get_offset_text().get_text() == "+1,000,000,000,000"


@settings(max_examples=150, deadline=None)
@given(st.integers(-12, 18), st.integers(-14, 0), st.sampled_from([EN, ZH]), st.booleans())
def test_distinct_ticks_read_distinct_and_offset_plus_label_is_the_tick(magnitude: int, span: int,
                                                                      style: NumberStyle, negative: bool) -> None:
    low = (-1 if negative else 1) * 1.2345 * 10.0 ** magnitude
    high = low + abs(low) * 10.0 ** span
    ticks = [float(t) for t in AutoLocator().tick_values(low, high)]
    labels, offset = _ticks(style, ticks)
    assert len(set(labels)) == len(set(ticks))
    assert "0" not in labels or not any(re.fullmatch(r"-?0\.0+", label) for label in labels)
    for tick, label in zip(ticks, labels, strict=True):
        assert abs(_read(offset) + _read(label) - Decimal(tick)) <= Decimal(abs(tick)) * Decimal("1e-14") + \
            Decimal(ticks[1] - ticks[0]) * Decimal("1e-6")


def _read(text: str) -> Decimal:
    if not text:
        return Decimal(0)
    scale = {"万": Decimal(10) ** 4, "亿": Decimal(10) ** 8}.get(text[-1], Decimal(1))
    return Decimal(text.rstrip("万亿").replace(",", "")) * scale


def test_a_run_chart_of_millionths_reads_each_tick_apart(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("""\
version: 1
name: Tiniest
currency: USD
horizon_months: 12
acquisition:
  - {name: Micro CPA, type: cpa, bid: 0.001..0.003, budget: 0.00000005}
retention: {monthly_churn: 0.2}
monetization:
  plans: [{name: Monthly, price: 0.005..0.02, period: month, conversion: "20%", renewal: 0.8}]
""", encoding="utf-8")
    for lang in ("en", "zh"):
        image = tmp_path / f"c.{lang}.svg"
        assert invoke(["run", str(path), "--lang", lang, "--plot", str(image)]).exit_code == 0
        texts = re.findall(r"<text[^>]*>([^<]*)</text>", image.read_text(encoding="utf-8"))
        money = texts[texts.index("USD") - 8:texts.index("USD")]
        # Cumulative cash to 0.00000175 in 0.00000025 steps; at 6 decimals they read 0.000000, 0.000001 (3 times) ...
        assert money == ["0", "0.00000025", "0.00000050", "0.00000075", "0.00000100", "0.00000125", "0.00000150",
                         "0.00000175"]
