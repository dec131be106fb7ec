"""A --set of one month of a range written once (``bid: 20..40``) offers a schedule whose range keeps one draw
through the months before the one asked: each key of a by_month is drawn on its own (docs/formulas.md §14), so
``{1: 20..40, 5: 20..40, 6: 20}``, once offered, drew months 1 and 5 apart and blended them over months 2 to 4,
narrowing simulate's CAC though only month 6 was asked. Where the offer must hold a range at two keys (before and
after a span), the refusal says each key is drawn on its own. Every offer is followed and run."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from cli_runner import invoke

FILE = ("version: 1\nname: draws\nhorizon_months: 12\n"
        "acquisition:\n  - {name: D, type: cpa, bid: 20..40, months: 1-5, budget: 10000}\n"
        "retention:\n  points: {1: 0.35, 3: 0.22, 6: 0.15, 12: 0.10}\n"
        "monetization:\n  plans:\n    - {name: M, price: 30, period: month, conversion: 4%, renewal: 0.6}\n"
        "costs:\n  serving_per_active_user: 0.3\n")
MEDIAN = math.sqrt(20 * 40)
"""20..40 is lognormal with 90% in [20, 40] (docs/formulas.md §9): its median, what run uses, is sqrt(20 x 40)."""


def _file(tmp_path: Path) -> str:
    path = tmp_path / "f.yaml"
    path.write_text(FILE, encoding="utf-8")
    return str(path)


def _refused(path: str, setting: str, lang: str = "en") -> str:
    result = invoke(["run", path, "--set", setting, "--lang", lang])
    assert result.exit_code == 2 and result.stdout == "", result.stderr
    return result.stderr


def test_one_month_of_a_range_offers_it_at_the_month_before_alone(tmp_path: Path) -> None:
    path = _file(tmp_path)
    offered = "acquisition[D].bid={by_month: {5: 20..40, 6: 20}}"
    assert _refused(path, "D.bid.by_month.6=20") == (
        "--set D.bid.by_month.6=20:1:1: D.bid.by_month.6: cannot set one month of a value written once; replace it "
        f"whole, such as {offered}\n")
    assert _refused(path, "D.bid.by_month.6=20", "zh") == (
        f"--set D.bid.by_month.6=20:1:1: D.bid.by_month.6: 不能只设置单一取值的某个月；请整体替换，如 {offered}\n")
    # Followed: one draw of the bid for months 1 to 5, so a sample's CAC (spend / users, 10000 / bid each month) is
    # that draw, and CAC's 5th and 95th percentiles are the range's 90% interval, 20 and 40, within sampling noise;
    # two draws blended over months 2 to 4 put them near 22 and 36.
    result = invoke(["simulate", path, "--samples", "4000", "--seed", "7", "-f", "json", "--set", offered])
    assert result.exit_code == 0, result.stderr
    cac = json.loads(result.stdout)["figures"]["cac"]
    assert cac["p5"] == pytest.approx(20, abs=0.8) and cac["p95"] == pytest.approx(40, abs=1.5)
    assert cac["p50"] == pytest.approx(MEDIAN, abs=0.8)


def test_a_range_at_two_keys_is_said_to_be_two_draws(tmp_path: Path) -> None:
    path = _file(tmp_path)
    offered = "acquisition[D].bid={by_month: {2: 20..40, 3: 20, 4: 20, 5: 20..40}}"
    assert _refused(path, "D.bid.by_month.3-4=20") == (
        "--set D.bid.by_month.3-4=20:1:1: D.bid.by_month.3-4: cannot set one month of a value written once; replace it "
        f"whole, such as {offered}; each key of a by_month is drawn on its own (docs/formulas.md §14): a range at two "
        "keys is two draws, where a range written once is one draw for every month\n")
    assert _refused(path, "D.bid.by_month.3-4=20", "zh") == (
        f"--set D.bid.by_month.3-4=20:1:1: D.bid.by_month.3-4: 不能只设置单一取值的某个月；请整体替换，如 {offered}；"
        "by_month 的每个键各自抽样（docs/formulas.md §14）：同一区间写在两个键上就是两次抽样，而只写一次的区间对所有月份只抽样一次\n")
    # Followed: run uses the median, so months 1, 2 and 5 buy 10000 / sqrt(800) users and months 3 and 4 10000 / 20.
    result = invoke(["run", path, "-f", "json", "--set", offered])
    assert result.exit_code == 0, result.stderr
    users = [month["new_users"] for month in json.loads(result.stdout)["months"][:6]]
    assert users == pytest.approx([10000 / MEDIAN] * 2 + [500, 500, 10000 / MEDIAN, 0])
