"""``fee: 3-6万`` means 3万 to 6万 in Chinese (``30-60k``, ``10-20%`` the same in English): a suffix there scales
both ends. The format's ``low..high`` reads a suffix on its own number only, so the hint for the dashed range writes
the high end's unit on the bare low end (``3万..6万``), and a valid range whose bare low end may have lost that unit
(``3..6万``, read 3 to 60,000) is warned of at the value, exit unchanged; one whose low end with the unit would be
above its high end (``500..1万``) is not (docs/formulas.md §12)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.ci.rules import warning_rule_of
from aigc_roi.reader.load import load_text

HEAD = "name: P\nhorizon_months: 12\nretention: {monthly_churn: 0.5}\n"


def _kol(fee: str) -> str:
    return HEAD + f"acquisition:\n  - name: K\n    type: kol\n    posts: 2\n    fee: {fee}\n    views: 1000\n" \
                  "    view_to_user: 1%\n"


def _plan(conversion: str) -> str:
    return HEAD + f"monetization:\n  plans:\n    - name: M\n      price: 9\n      period: month\n" \
                  f"      conversion: {conversion}\n"


def _run(tmp_path: Path, text: str, lang: str = "en") -> tuple[int, str, str]:
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    result = invoke(["validate", str(path), "--lang", lang])
    return result.exit_code, result.stdout.replace(str(path), "p.yaml"), result.stderr.replace(str(path), "p.yaml")


# (written, hint's range, low and high the hint's range reads as, by hand: 3万 = 30,000, 30k = 30,000, ...)
DASHED = [
    ("3-6万", "3万..6万", 30_000, 60_000),
    ("30-60k", "30k..60k", 30_000, 60_000),
    ("1-2亿", "1亿..2亿", 100_000_000, 200_000_000),
    ("2-3M", "2M..3M", 2_000_000, 3_000_000),
    ("500-1万", "500..1万", 500, 10_000),  # 500万 is above 1万: 500 to 10,000 is what it says
    ("3万-6万", "3万..6万", 30_000, 60_000),
]


@pytest.mark.parametrize(("written", "hinted", "low", "high"), DASHED)
def test_a_dashed_range_is_told_with_the_unit_on_both_ends_and_the_hint_means_it(
        tmp_path: Path, written: str, hinted: str, low: float, high: float) -> None:
    code, out, _ = _run(tmp_path, _kol(written))
    assert code == 2
    assert f"a range is written low..high: {hinted}" in out
    code, out, _ = _run(tmp_path, _kol(written), "zh")
    assert f"区间写作 low..high：{hinted}" in out
    loaded = load_text(_kol(hinted), "p.yaml")
    fee = loaded.scenario.acquisition[0].fee
    assert (fee.low, fee.high) == (low, high)
    assert loaded.warnings == ()


def test_a_percent_range_written_with_one_sign_is_told_both(tmp_path: Path) -> None:
    """``10-20%`` is told ``10%..20%``; ``10..20%``, 10 to 0.2, is refused with the same fix, which reads 0.1..0.2."""
    code, out, _ = _run(tmp_path, _plan("10-20%"))
    assert code == 2 and "a range is written low..high: 10%..20%" in out
    code, out, _ = _run(tmp_path, _plan("10..20%"))
    assert code == 2
    assert out.splitlines()[0] == ("p.yaml:9:19: monetization.plans[0].conversion: expected low <= high, found "
                                   "10..0.2; a suffix scales only the number it is written on: write 10%..20%")
    code, out, _ = _run(tmp_path, _plan("10..20%"), "zh")
    assert "后缀只作用于紧挨它的数字：请写 10%..20%" in out
    conversion = load_text(_plan("10%..20%"), "p.yaml").scenario.monetization.plans[0].conversion
    assert (conversion.low, conversion.high) == (0.1, 0.2)


@pytest.mark.parametrize(("written", "read", "meant"), [
    ("3..6万", "3..60,000", "3万..6万"),
    ("30..60k", "30..60,000", "30k..60k"),
    ("0.5..2亿", "0.5..200,000,000", "0.5亿..2亿"),
    ("1..1万", "1..10,000", "1万..1万"),
])
def test_a_valid_range_whose_low_end_may_lack_the_unit_is_warned_of(
        tmp_path: Path, written: str, read: str, meant: str) -> None:
    code, out, err = _run(tmp_path, _kol(written))
    assert code == 0, out
    assert err.splitlines()[:1] == [f"p.yaml:8:10: acquisition[0].fee: {written} reads as {read}; "
                                f"if {meant.split('..')[0]} was meant, write {meant}"]
    code, _, err = _run(tmp_path, _kol(written), "zh")
    assert code == 0
    assert err.splitlines()[:1] == [f"p.yaml:8:10: acquisition[0].fee: {written} 读作 {read}（后缀只作用于紧挨它的数字）；"
                                f"若下限指 {meant.split('..')[0]}，请写 {meant}"]
    (warning,) = load_text(_kol(written), "p.yaml").warnings
    assert warning_rule_of(warning) == "range-low-without-unit"


@pytest.mark.parametrize("written", ["500..1万", "3万..6万", "3..6", "30000..60000", "3万..60000", "20001..3万"])
def test_no_warning_where_the_unit_could_not_have_been_meant_or_is_written(written: str) -> None:
    """500万 and 20001万 are above 1万 and 3万; both ends suffixed, neither, or the low end's alone: nothing lost."""
    assert load_text(_kol(written), "p.yaml").warnings == ()


@pytest.mark.parametrize("written", ["0.05..15%", "0.1..20%"])
def test_no_warning_where_a_bare_fraction_sits_below_a_percentage(written: str) -> None:
    """A rate's bare number is the format's fraction: 0.05..15% is 5% to 15%, the reading the field defines (0.05% is
    the unlikely one); a percent makes its number smaller, so the other reading is no lost unit."""
    (plan,) = load_text(_plan(written), "p.yaml").scenario.monetization.plans
    assert load_text(_plan(written), "p.yaml").warnings == ()
    assert plan.conversion.low == float(written.split("..")[0])  # type: ignore[union-attr]


def _cpa(bid: str) -> str:
    return HEAD + f"acquisition:\n  - name: C\n    type: cpa\n    bid: {bid}\n    budget: 1000\n"


@pytest.mark.parametrize(("written", "low", "high"), [("0..1万", 0, 10_000), ("-1..2万", -1, 20_000)])
def test_no_warning_where_the_unit_would_change_nothing_or_leave_the_fields_bounds(
        tmp_path: Path, written: str, low: float, high: float) -> None:
    """0万 is 0: the same number either way; a bid is >= 0, so -1万 is no reading of a lost unit, only a low end
    further below what the bid is drawn from (docs/formulas.md §12). In a file and in a --set alike."""
    loaded = load_text(_cpa(written), "p.yaml")
    bid = loaded.scenario.acquisition[0].bid
    assert (bid.low, bid.high) == (low, high)  # type: ignore[union-attr]
    assert loaded.warnings == ()
    path = tmp_path / "p.yaml"
    path.write_text(_cpa("10"), encoding="utf-8")
    for lang in ("en", "zh"):
        result = invoke(["run", str(path), "--set", f"C.bid={written}", "--lang", lang])
        assert result.exit_code == 0, result.stdout
        assert "acquisition[0].bid" not in result.stderr


def test_a_dashed_range_from_0_is_told_with_a_bare_0(tmp_path: Path) -> None:
    """``0-1万``: 0 and 0万 are one number, so the hint writes 0 as it was written, and the range it gives reads
    0 to 10,000 with no warning."""
    code, out, _ = _run(tmp_path, _kol("0-1万"))
    assert code == 2 and "a range is written low..high: 0..1万" in out
    fee = load_text(_kol("0..1万"), "p.yaml").scenario.acquisition[0].fee
    assert (fee.low, fee.high) == (0, 10_000)  # type: ignore[union-attr]
