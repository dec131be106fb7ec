"""A NaN is refused as no number at all, in English and in Chinese: it is not larger than 1e15, nor than anything.

Where a field has no upper bound of its own (``targets.min_roi``, ``bid``, a range's end), the size limit's "no
larger than 1,000,000,000,000,000 (1e15)" used to be the words a NaN was refused with; now it reads the field's own
expectation and "(not a number)". An infinity is still too large there; a bounded field's bounds still say what it
takes of either (tests/reader/test_day_messages.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.reader.exports.cells import Amounts, CellError

PLAN = """name: x
acquisition:
  - {name: a, type: cpa, bid: BID, users: 10}
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: i, price: 10, rate: 1}]
targets: {min_roi: ROI}
"""


def _refusals(tmp_path: Path, lang: str, bid: str = "12", roi: str = "0", *options: str) -> list[str]:
    (tmp_path / "plan.yaml").write_text(PLAN.replace("BID", bid).replace("ROI", roi), encoding="utf-8")
    result = invoke(["validate" if not options else "run", str(tmp_path / "plan.yaml"), *options, "--lang", lang])
    assert result.exit_code == 2
    # validate lists a file's refusals as its results, on stdout; run refuses on stderr.
    lines = (result.stdout + result.stderr).splitlines()
    return [line.split(": ", 1)[1] for line in lines if line.startswith((str(tmp_path), "--set"))]


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", ["targets.min_roi: expected a number, found .NaN (not a number)"]),
    ("zh", ["targets.min_roi: 应为数字，实际为 .NaN（不是数字）"]),
])
def test_a_nan_of_a_field_without_bounds(tmp_path: Path, lang: str, expected: list[str]) -> None:
    assert _refusals(tmp_path, lang, roi=".NaN") == expected


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", ["acquisition[0].bid: expected a number >= 0, found .nan (not a number)"]),
    ("zh", ["acquisition[0].bid: 应为 ≥ 0 的数字，实际为 .nan（不是数字）"]),
])
def test_a_nan_of_a_field_bounded_below_only(tmp_path: Path, lang: str, expected: list[str]) -> None:
    assert _refusals(tmp_path, lang, bid=".nan") == expected


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", ["acquisition[0].bid.low: expected a number, found .NAN (not a number)"]),
    ("zh", ["acquisition[0].bid.low: 应为数字，实际为 .NAN（不是数字）"]),
])
def test_a_nan_at_a_ranges_end(tmp_path: Path, lang: str, expected: list[str]) -> None:
    assert _refusals(tmp_path, lang, bid="{low: .NAN, high: 3}") == expected


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "targets.min_roi: expected a number, found .nan (not a number)"),
    ("zh", "targets.min_roi: 应为数字，实际为 .nan（不是数字）"),
])
def test_a_nan_set_by_an_option(tmp_path: Path, lang: str, expected: str) -> None:
    [refusal] = _refusals(tmp_path, lang, "12", "0", "--set", "targets.min_roi=.nan")
    assert refusal.endswith(expected)


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", ["targets.min_roi: expected a number no larger than 1,000,000,000,000,000 (1e15), found .inf"]),
    ("zh", ["targets.min_roi: 应为绝对值不超过 1,000,000,000,000,000 (1e15) 的数字，实际为 .inf"]),
])
def test_an_infinity_is_still_too_large(tmp_path: Path, lang: str, expected: list[str]) -> None:
    assert _refusals(tmp_path, lang, roi=".inf") == expected


def test_a_nan_cell_of_an_export() -> None:
    with pytest.raises(CellError) as refused:
        Amounts(None, "USD")(float("nan"))
    assert str(refused.value) == "expected a number, found 'nan' (not a number)"
