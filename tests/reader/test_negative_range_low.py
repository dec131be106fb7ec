"""A dashed range with a negative low end (``bid: -1-2万``) was offered ``-1万..2万``: the low end given the high end's
unit though -1万 is no value of a bid (>= 0), further below the 0 its draws are clipped to, which range_unit_warning.py
already declines to call a lost unit. The unit is now carried only where the field takes the low end so scaled
(``-1..2万``), and a range the field refuses (its median below 0: ``-5-2``) is never offered: it is told why instead
(docs/formulas.md §12)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.reader.load import load_text

PLAN = """name: P
horizon_months: 12
retention: {{monthly_churn: 0.5}}
acquisition:
  - {{name: A, type: cpa, bid: {bid}, budget: 1万}}
monetization:
  plans: [{{name: M, price: 9, period: month, conversion: {conversion}}}]
"""


def _told(tmp_path: Path, bid: str = "12", conversion: str = "5%", lang: str = "en") -> str:
    path = tmp_path / "p.yaml"
    path.write_text(PLAN.format(bid=bid, conversion=conversion), encoding="utf-8")
    result = invoke(["validate", str(path), "--lang", lang])
    assert result.exit_code == 2, result.stdout
    return result.stdout.splitlines()[0]


@pytest.mark.parametrize(("written", "offered", "low", "high"), [
    # -1 to 20,000 (median 9,999.5, a bid's draws below 0 clipped); -1万 is no bid.
    ("-1-2万", "-1..2万", -1, 20_000),
    ("-3-6万", "-3..6万", -3, 60_000),
    ("-1万-2万", "-1万..2万", -10_000, 20_000),  # its own unit, written so: kept
    ("1-2万", "1万..2万", 10_000, 20_000),  # a bid takes 1万: the unit is carried as before
])
def test_the_offer_is_a_range_the_bid_takes(tmp_path: Path, written: str, offered: str, low: float,
                                           high: float) -> None:
    assert _told(tmp_path, bid=written).endswith(f"found '{written}'; a range is written low..high: {offered}")
    bid = load_text(PLAN.format(bid=offered, conversion="5%"), "p.yaml").scenario.acquisition[0].bid
    assert (bid.low, bid.high) == (low, high)


def test_a_range_the_field_refuses_is_not_offered(tmp_path: Path) -> None:
    """-5 to 2 is a normal range of median (-5 + 2) / 2 = -1.5, below the 0 a bid is drawn from."""
    told = _told(tmp_path, bid="-5-2")
    assert told.endswith("found '-5-2'; a range is written low..high, and -5..2 is no range of this field: "
                         "its median -1.5 is under 0")
    path = tmp_path / "q.yaml"
    path.write_text(PLAN.format(bid="-5..2", conversion="5%"), encoding="utf-8")
    assert "median" in invoke(["validate", str(path)]).stdout  # the field does refuse it
    # -1%, -0.01, is no conversion: -1 to 3% is (-1 + 0.03) / 2 = -0.485, below 0 too.
    assert _told(tmp_path, conversion="-1-3%").endswith(
        "found '-1-3%'; a range is written low..high, and -1..3% is no range of this field: its median -0.485 is under 0")
    assert _told(tmp_path, bid="-5-2", lang="zh").endswith(
        "实际为 '-5-2'；区间写作 low..high，但 -5..2 不是本字段可取的区间：其中位数 -1.5 低于 0")


def test_set_is_told_the_same(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(PLAN.format(bid="12", conversion="5%"), encoding="utf-8")
    result = invoke(["run", str(path), "--set", "acquisition[0].bid=-1-2万"])
    assert result.exit_code == 2
    assert result.stderr.strip().endswith("found '-1-2万'; a range is written low..high: -1..2万")
