"""Names are shortened between grapheme clusters only (present/graphemes.py): in the report's SVG charts, the --plot
titles' width fitting and their cut to TITLE_NAME_CHARS. A cut by code point left a family emoji ending in a
zero-width joiner, a flag as one regional indicator and an "é" (e + U+0301) without its accent.

SVG widths by hand at the charts' 11-unit font: a wide character, emoji or flag 11 units, a Latin capital 8, another
character 6.5, a mark, joiner or variation selector 0.
"""

from __future__ import annotations

import re

from aigc_roi.present.chart import title_name
from aigc_roi.present.chart_format import fitted_lines
from aigc_roi.present.graphemes import clusters
from aigc_roi.present.report import svg

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"
FLAG = "\U0001f1e8\U0001f1f3"
ACUTE = "e\u0301"


def test_clusters_keep_joined_marked_and_paired_characters_together() -> None:
    assert clusters(FAMILY * 2) == [FAMILY, FAMILY]
    assert clusters(FLAG * 3 + "\U0001f1e8") == [FLAG, FLAG, FLAG, "\U0001f1e8"]
    assert clusters(ACUTE * 2 + "x") == [ACUTE, ACUTE, "x"]
    thumbs, keycap, heart = "\U0001f44d\U0001f3fd", "1\ufe0f\u20e3", "\u2764\ufe0f"
    assert clusters(thumbs + keycap + heart) == [thumbs, keycap, heart]
    # A joiner between two letters stays with the first; it joins only pictographs.
    assert clusters("ab\u200dcd") == ["a", "b\u200d", "c", "d"]
    assert clusters("한국어") == ["한", "국", "어"]


def names_shown(chart: str) -> list[str]:
    return re.findall(r'text-anchor="end">([^<]*)<title>', chart)


def shown(name: str) -> str:
    chart = svg.bar_groups([(name, [12.0, 2.86])], [("CAC", "solid"), ("LTV", "hatch")], str, "t", lang="en")
    return names_shown(chart)[0]


def test_a_name_of_emoji_flags_or_accents_is_cut_between_clusters_by_their_drawn_width() -> None:
    # The room left of the bars is 158 units, 151.5 less the "…".
    # 12 families are 12 wide characters, 132: whole (by code point 4 emoji and 3 joiners each, 63.5, cut it).
    assert shown(FAMILY * 12) == FAMILY * 12
    # 20 are 220: 13 fit (143), with the ellipsis.
    assert shown(FAMILY * 20) == FAMILY * 13 + "…"
    # 20 flags are 220: 13 whole flags (by code point 11 and a lone regional indicator, 🇨🇳…🇨).
    assert shown(FLAG * 20) == FLAG * 13 + "…"
    # 40 é are 260: 151.5 / 6.5 holds 23, each with its accent.
    assert shown(ACUTE * 40) == ACUTE * 23 + "…"
    # A zero-width space costs nothing: "ab" 13 units, 12 of them are 156.
    assert shown("ab\u200b" * 12) == "ab\u200b" * 12


def test_svg_text_width_costs_a_cluster_once() -> None:
    assert svg.text_width(FAMILY) == 11.0
    assert svg.text_width(FLAG) == 11.0
    assert svg.text_width(ACUTE + "E\u0301") == 6.5 + 8.0
    assert svg.text_width("\u2764\ufe0f") == 11.0


def test_a_plot_title_is_fitted_between_clusters() -> None:
    # A measure of one per code point, so that every cut between code points is a candidate: 6 wide holds 5 and "…".
    assert fitted_lines(ACUTE * 10, 6, len, lines=1) == [ACUTE * 2 + "…"]
    assert fitted_lines(FLAG * 10, 6, len, lines=1) == [FLAG * 2 + "…"]
    assert fitted_lines(FAMILY * 3, 10, len, lines=1) == [FAMILY + "…"]


def test_a_plot_title_cut_to_its_most_characters_keeps_whole_flags() -> None:
    # 70 flags are 140 code points, over 120: 119 would end in half a flag; 59 flags (118) and "…".
    assert title_name(FLAG * 70) == FLAG * 59 + "…"
