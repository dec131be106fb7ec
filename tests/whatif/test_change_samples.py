"""Combinations of number changes as samples of one engine call (aigc_roi/whatif/change_samples.py, docs/formulas.md §13)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from spec_example import EXPLAIN_EXAMPLE

from aigc_roi import api
from aigc_roi.model.engine import FigureBatch
from aigc_roi.model.scenario import Scenario
from aigc_roi.reader.load import load_text
from aigc_roi.whatif import change_samples
from aigc_roi.whatif.change_samples import number_changes
from aigc_roi.whatif.explain import FigureChanges

PURCHASES = 12


def shop(name: str, bid: float, prices: list[float]) -> str:
    items = ", ".join(f"{{name: item {i}, price: {price}, rate: 0.{i + 1:02d}}}" for i, price in enumerate(prices))
    return EXPLAIN_EXAMPLE.format(name=name, bid=bid, purchases=items)


BASE_PRICES = [10.0 + i for i in range(PURCHASES)]
NEW_PRICES = [price + 2.0 * (i + 1) for i, price in enumerate(BASE_PRICES)]


def test_more_changes_than_every_subset_still_split_an_additive_figure_by_hand(tmp_path: Path) -> None:
    base, new = tmp_path / "base.yaml", tmp_path / "new.yaml"
    base.write_text(shop("Base", 10, BASE_PRICES), encoding="utf-8")
    new.write_text(shop("New", 12, NEW_PRICES), encoding="utf-8")
    changes = api.explain_change(base, new)
    assert not changes.explanation.exact  # 13 changes: 200 sampled orders
    npv = next(item for item in changes.explanation.attributions if item.figure == "npv")
    # One month of 1,000 users, discount rate 0 (the default): npv = 1000 (sum_i rate_i price_i - bid).
    # Each change's own effect, whatever the order: the bid -1000 x 2, price i +1000 x rate_i x 2 (i + 1).
    own = [-2_000.0] + [1000 * (i + 1) / 100 * 2.0 * (i + 1) for i in range(PURCHASES)]
    assert [change.path for change in changes.changes] == (
        ["acquisition[0].bid"] + [f"monetization.purchases[{i}].price" for i in range(PURCHASES)])
    assert npv.shares is not None and npv.base is not None and npv.new is not None
    assert npv.shares == pytest.approx(own, rel=1e-12)
    assert sum(npv.shares) == pytest.approx(npv.new - npv.base, rel=1e-12)


def test_the_batch_gives_what_running_each_combination_gives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    base, new = tmp_path / "base.yaml", tmp_path / "new.yaml"
    base.write_text(shop("Base", 10, BASE_PRICES[:4]), encoding="utf-8")
    new.write_text(shop("New", 14, NEW_PRICES[:4]), encoding="utf-8")
    batched = api.explain_change(base, new)
    monkeypatch.setattr("aigc_roi.ci.changes.batched_values", lambda *_: None)
    one_by_one = api.explain_change(base, new)
    assert batched.explanation.exact and one_by_one.explanation.exact
    for fast, slow in zip(batched.explanation.attributions, one_by_one.explanation.attributions, strict=True):
        assert fast.figure == slow.figure and (fast.base, fast.new) == (slow.base, slow.new)
        # roi = sum_i rate_i price_i / bid - 1 is not additive: interactions are split, by the same subsets.
        assert fast.shares == pytest.approx(slow.shares, rel=1e-12, abs=1e-12)


def test_a_batch_that_disagrees_with_the_runs_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    base, new = tmp_path / "base.yaml", tmp_path / "new.yaml"
    base.write_text(shop("Base", 10, [30.0]), encoding="utf-8")
    new.write_text(shop("New", 15, [20.0]), encoding="utf-8")
    real = change_samples.evaluate_batch

    def off_by_one_percent(scenario: Scenario, **kwargs: bool) -> FigureBatch:
        result = real(scenario, **kwargs)
        for values in result.figures.values():
            values *= 1.01
        return result

    monkeypatch.setattr(change_samples, "evaluate_batch", off_by_one_percent)
    npv = next(item for item in api.explain_change(base, new).explanation.attributions if item.figure == "npv")
    # npv = 1000 (0.01 p - b): 3000 - 10000 -> 2000 - 15000; the bid's own effect -5000, the price's -10 x 1000 x 0.01.
    assert npv.shares == pytest.approx((-5_000.0, -100.0))


def _read(text: str) -> Scenario:
    return load_text(text, "plan.yaml").scenario


def test_number_changes_are_the_numbers_set_and_nothing_else() -> None:
    base = _read(shop("Base", 10, [30.0, 40.0]))
    assert number_changes(base, _read(shop("Base", 10, [30.0, 45.0]))) == {
        ("monetization", "purchases", 1, "price"): 45.0}
    assert number_changes(base, base) == {}
    # A name, an item more, a range: not numbers set on the base.
    assert number_changes(base, _read(shop("Other", 10, [30.0, 40.0]))) is None
    assert number_changes(base, _read(shop("Base", 10, [30.0, 40.0, 50.0]))) is None
    ranged = shop("Base", 10, [30.0, 40.0]).replace("bid: 10", "bid: 9..11")
    assert number_changes(base, _read(ranged)) is None


SCENARIOS = sorted((Path(__file__).resolve().parents[2] / "scenarios").glob("*.yaml"))
MONEY = re.compile(r"\b(?:price|bid|budget|cpm|fee|monthly|cost): (\d+(?:\.\d+)?)(?=[,} \n])")


@pytest.mark.parametrize("bundled", SCENARIOS, ids=lambda path: path.stem)
def test_every_bundled_scenario_splits_the_same_in_one_call_as_run_by_run(bundled: Path, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    # The first three money amounts written 10% higher (fewer changes where one is a comment's): gates, sources,
    # values by month and ranges all go through the batch.
    text = bundled.read_text(encoding="utf-8")
    base, new = _versions(text, list(MONEY.finditer(text))[:3], tmp_path)
    calls: list[int] = []
    real = change_samples.evaluate_batch

    def counted(scenario: Scenario, **kwargs: bool) -> FigureBatch:
        calls.append(1)
        return real(scenario, **kwargs)

    monkeypatch.setattr(change_samples, "evaluate_batch", counted)
    batched = api.explain_change(base, new)
    assert calls, "the combinations were not one engine call"
    monkeypatch.setattr("aigc_roi.ci.changes.batched_values", lambda *_: None)
    _same_split(batched, api.explain_change(base, new), 1e-12)


def _versions(text: str, numbers: list[re.Match[str]], folder: Path) -> tuple[Path, Path]:
    """The file as it is and with each of ``numbers`` written 10% higher."""
    raised = text
    for match in reversed(numbers):
        raised = raised[:match.start(1)] + repr(round(float(match[1]) * 1.1, 6)) + raised[match.end(1):]
    base, new = folder / "base.yaml", folder / "new.yaml"
    base.write_text(text, encoding="utf-8")
    new.write_text(raised, encoding="utf-8")
    return base, new


def _same_split(fast_changes: FigureChanges, slow_changes: FigureChanges, relative: float) -> None:
    """The same changes, figures and shares (within ``relative``), the same unexplained rest."""
    assert fast_changes.changes == slow_changes.changes and fast_changes.changes
    for fast, slow in zip(fast_changes.explanation.attributions, slow_changes.explanation.attributions, strict=True):
        assert (fast.figure, fast.base, fast.new) == (slow.figure, slow.base, slow.new)
        assert (fast.shares is None) == (slow.shares is None)
        if fast.shares is not None and slow.shares is not None:
            assert fast.shares == pytest.approx(slow.shares, rel=relative, abs=1e-9)
    assert fast_changes.unexplained == slow_changes.unexplained


PRICE = re.compile(r"\bprice: (\d+(?:\.\d+)?)(?=[,} \n])")


@pytest.mark.parametrize("bundled", SCENARIOS, ids=lambda path: path.stem)
def test_price_changes_of_distinct_items_add_up_to_what_each_combination_gives(bundled: Path, tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    # Every item's price written 10% higher: without gates each combination is the base plus the changes' own
    # differences (FigureInputs.combined); with them a gate reads every item's revenue, and the batch runs them all.
    text = bundled.read_text(encoding="utf-8")
    matches = list(PRICE.finditer(text))
    assert matches, "every bundled scenario sells something"
    base, new = _versions(text, matches, tmp_path)
    added: list[int] = []
    real = change_samples._added

    def counted(*args: object) -> object:
        added.append(1)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(change_samples, "_added", counted)
    batched = api.explain_change(base, new)
    assert bool(added) == ("gates:" not in text and "conversion_index: 1." not in text)
    monkeypatch.setattr("aigc_roi.ci.changes.batched_values", lambda *_: None)
    _same_split(batched, api.explain_change(base, new), 1e-9)


def test_changes_add_only_when_each_moves_items_of_its_own() -> None:
    base = _read(shop("Base", 10, [30.0, 40.0]))
    price = ("monetization", "purchases", 0, "price")
    rate = ("monetization", "purchases", 0, "rate")
    other = ("monetization", "purchases", 1, "price")
    assert change_samples._items_apart(base, [{price: 33.0}, {other: 44.0}])
    assert change_samples._items_apart(base, [{price: 33.0, rate: 0.5}, {other: 44.0}])
    # One item moved by two changes: a price times a rate does not add.
    assert not change_samples._items_apart(base, [{price: 33.0}, {rate: 0.5}])
    # A channel's number moves every user, so every item's amounts.
    assert not change_samples._items_apart(base, [{price: 33.0}, {("acquisition", 0, "bid"): 12.0}])
