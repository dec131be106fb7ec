"""simulate's histogram: equal bins read equal (QA zh3 F15).

Bins 1,070.5 wide from -42,658 (QA's partial.yaml) read in 万 with one decimal -4.3万 .. -4.2万, -4.2万 .. -4.1万,
-4.1万 .. -3.9万: the last looks twice as wide. Each edge's last digit must stand for at most a tenth of the width
(107.05): 0.01万 = 100 does, 0.1万 = 1,000 does not, so two decimals: -4.27万, -4.16万, -4.05万, -3.94万.
"""

from __future__ import annotations

from aigc_roi.present.numbers import NumberStyle
from aigc_roi.present.simulation import edge_decimals

ZH, EN = NumberStyle("zh"), NumberStyle("en")
EDGES = [-42_658.0, -41_587.5, -40_517.0, -39_446.5]


def _shown(edges: list[float], style: NumberStyle) -> list[str]:
    return [style.money(edge, places) for edge, places in zip(edges, edge_decimals(edges, style), strict=True)]


def test_bin_edges_in_wan_take_the_decimals_that_tell_a_tenth_of_a_bin() -> None:
    assert _shown(EDGES, ZH) == ["-4.27万", "-4.16万", "-4.05万", "-3.94万"]


def test_plain_amounts_keep_whole_units_when_a_bin_is_wide() -> None:
    assert edge_decimals(EDGES, EN) == [0, 0, 0, 0]  # 1 ≤ 107.05
    assert _shown(EDGES[:2], EN) == ["-42,658", "-41,588"]


def test_narrow_bins_take_decimals() -> None:
    # 0.5 wide: a tenth is 0.05, so 0.01 (two decimals) and not 0.1.
    assert edge_decimals([0.0, 0.5, 1.0], EN) == [2, 2, 2]
    # In 亿 (two decimals at least), bins of 1.5亿 read in 0.01亿 = 1,000,000 ≤ 15,000,000.
    assert edge_decimals([3e8, 4.5e8, 6e8], ZH) == [0, 0, 0]


def test_an_edge_in_wan_beside_edges_in_yi_takes_its_own_decimals() -> None:
    # Bins 3,642,150 wide: a tenth is 364,215. In 亿 three decimals (0.001亿 = 100,000; two give 1,000,000); in 万
    # one (0.1万 = 1,000; 万 never shows fewer). The 亿's three gave -9,764.112万, a tenth of a yuan.
    edges = [-105_927_150.0, -102_285_000.0, -98_642_850.0, -95_000_700.0]
    assert _shown(edges, ZH) == ["-1.059亿", "-1.023亿", "-9,864.3万", "-9,500.1万"]
