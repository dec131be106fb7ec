"""``bid: 2..5%`` reads 2 to 0.05, high to low, and is refused. On a rate the % belongs on both ends (``10..20%`` is
told ``10%..20%``); on an amount of money or a count the % is itself the slip (``2%..5%`` would be warned of, reading
0.02 to 0.05: reader/amount_warning.py), so the fix told drops it: ``write 2..5``, which reads 2 to 5 with no
warning (docs/formulas.md §12)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.reader.load import load_text

HEAD = "name: P\nhorizon_months: 12\nretention: {monthly_churn: 0.5}\n"


def _cpa(bid: str) -> str:
    return HEAD + f"acquisition:\n  - name: C\n    type: cpa\n    bid: {bid}\n    budget: 1000\n"


def _kol(views: str) -> str:
    return HEAD + f"acquisition:\n  - name: K\n    type: kol\n    posts: 2\n    fee: 1000\n    views: {views}\n" \
                  "    view_to_user: 1%\n"


def _purchase(rate: str) -> str:
    return HEAD + f"monetization:\n  purchases:\n    - name: B\n      price: 9\n      rate: {rate}\n"


def _validate(tmp_path: Path, text: str, lang: str) -> tuple[int, str]:
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    result = invoke(["validate", str(path), "--lang", lang])
    return result.exit_code, result.stdout.replace(str(path), "p.yaml")


# (plan, field's path, its place, unit's words en/zh, the fix by hand: the % dropped, and what it reads)
AMOUNTS = [
    (_cpa, "acquisition[0].bid", "7:10", "an amount", "金额", "2..5%", "2..0.05", "2..5", (2, 5)),
    (_kol, "acquisition[0].views", "9:12", "a count", "数量", "200..500%", "200..5", "200..500", (200, 500)),
]


@pytest.mark.parametrize(("plan", "path", "place", "unit", "unit_zh", "written", "read", "meant", "ends"), AMOUNTS)
def test_an_amount_run_high_to_low_by_its_percent_is_told_the_range_without_it(
        tmp_path: Path, plan: Callable[[str], str], path: str, place: str, unit: str, unit_zh: str, written: str,
        read: str, meant: str, ends: tuple[int, int]) -> None:
    code, out = _validate(tmp_path, plan(written), "en")
    assert code == 2
    assert out.splitlines()[0] == (f"p.yaml:{place}: {path}: expected low <= high, found {read}; a % on {unit} "
                                   f"divides it by 100: write {meant}")
    code, out = _validate(tmp_path, plan(written), "zh")
    assert out.splitlines()[0] == (f"p.yaml:{place}: {path}: 应为 low <= high，实际为 {read}；在{unit_zh}上写 % 会把它"
                                   f"除以 100：请写 {meant}")
    loaded = load_text(plan(meant), "p.yaml")
    value = loaded.scenario.acquisition[0]
    number = value.bid if path.endswith("bid") else value.views  # type: ignore[union-attr]
    assert (number.low, number.high) == ends
    assert loaded.warnings == ()


def test_a_rate_keeps_its_percent_on_both_ends(tmp_path: Path) -> None:
    """A purchase's rate (purchases per active user a month) is no amount: 2%..5% is what 2..5% meant, 0.02 to 0.05."""
    code, out = _validate(tmp_path, _purchase("2..5%"), "en")
    assert code == 2 and "a suffix scales only the number it is written on: write 2%..5%" in out
    loaded = load_text(_purchase("2%..5%"), "p.yaml")
    rate = loaded.scenario.monetization.purchases[0].rate
    assert (rate.low, rate.high) == (0.02, 0.05)  # type: ignore[union-attr]
    assert loaded.warnings == ()
