"""A span written as one ``by_month`` key (``前6个月: 20``, ``3-6月: 20``) was told ``write keys 1 and 6; the same value
at both holds between them, reached linearly from the key before``: true between the keys, but by_month holds its
last key to the end (docs/formulas.md §14), so ``{1: 20, 6: 20}`` is 20 after month 6 too, where "the first six
months" says otherwise. The hint now says what by_month makes of the months around the span and which keys give them
their own values (reader/key_holds.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.reader.load import load_text

PLAN = """name: P
horizon_months: 12
retention: {{monthly_churn: 0.5}}
acquisition:
  - {{name: A, type: cpa, bid: {{by_month: {{{keys}}}}}, budget: 1万}}
"""


def _told(tmp_path: Path, keys: str, lang: str = "en") -> str:
    path = tmp_path / "p.yaml"
    path.write_text(PLAN.format(keys=keys), encoding="utf-8")
    result = invoke(["validate", str(path), "--lang", lang])
    assert result.exit_code == 2, result.stdout
    return result.stdout.splitlines()[0]


def at_month(points: tuple[tuple[int, float], ...], month: int) -> float:
    """By hand, as §14 says: the first value before the first key, linear between keys, the last after the last."""
    if month <= points[0][0]:
        return points[0][1]
    for (m0, v0), (m1, v1) in zip(points, points[1:], strict=False):
        if m0 <= month <= m1:
            return v0 + (v1 - v0) * (month - m0) / (m1 - m0)
    return points[-1][1]


@pytest.mark.parametrize(("key", "note"), [
    # The first six of 12: nothing before month 1, month 7 the first after; key 1 is the file's already (12).
    ("前6个月", "write keys 1 and 6; the same value at both holds between them; key 1 is written already: write one "
               "value there; by_month holds its last key to the end, so write the value after at key 7"),
    # Months 3 to 6: month 2 keeps the value before (else month 2 is halfway up a ramp from key 1), 7 the one after.
    ("3-6月", "write keys 3 and 6; the same value at both holds between them; by_month runs linearly from the key "
             "before and holds its last key to the end, so write the value before at key 2 and the one after at key 7"),
    # The plan's last six, 7 to 12: nothing after the horizon.
    ("后6个月", "write keys 7 and 12; the same value at both holds between them; by_month runs linearly from the key "
               "before, so write the value before at key 6"),
])
def test_the_hint_says_what_holds_around_the_span(tmp_path: Path, key: str, note: str) -> None:
    assert _told(tmp_path, f"1: 12, {key}: 20").endswith(
        f"found '{key}'; a by_month key is one month, not a span: {note}")


def test_following_it_keeps_the_value_after_the_first_six_months(tmp_path: Path) -> None:
    """{1: 20, 6: 20} alone is 20 in month 8; with key 7 at 12, month 8 is 12 and months 1 to 6 are 20."""
    bid = load_text(PLAN.format(keys="1: 20, 6: 20, 7: 12"), "p.yaml").scenario.acquisition[0].bid
    assert [at_month(bid.points, month) for month in (1, 3, 6, 7, 8, 12)] == [20, 20, 20, 12, 12, 12]
    alone = load_text(PLAN.format(keys="1: 20, 6: 20"), "p.yaml").scenario.acquisition[0].bid
    assert at_month(alone.points, 8) == 20


def test_in_chinese(tmp_path: Path) -> None:
    assert _told(tmp_path, "1: 12, 前6个月: 20", "zh").endswith(
        "实际为 '前6个月'；by_month 的键是一个月，不是区间：请写键 1 和 6；两个键取同一个值，其间各月即为该值；"
        "键 1 已写过：此处只写一个值；by_month 最后一个键的值保持到期末：请把之后的值写在键 7")
    assert _told(tmp_path, "1: 12, 3-6月: 20", "zh").endswith(
        "by_month 从前一个键线性过渡，最后一个键的值保持到期末：请把之前的值写在键 2、之后的值写在键 7")
