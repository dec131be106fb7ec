"""What moved each figure when two versions differ by more than values (QA F5, docs/formulas.md §13).

An item added or removed, or a field left out, is no value a ``--set`` on the base gives: it is not split, and
what it moves is ``unexplained``, while every value that differs keeps its own share. A list of values (a channel's
``months``) is one value, set whole. Hand values on the spec's worked example (docs/formulas.md §11): 1,000 users
bought in month 1 at bid b, churn 0.5 over 3 months, so 1,000 + 500 + 250 = 1,750 active user-months, each buying
the item at 10 and costing 1 to serve: contribution 15,750, npv = 15,750 - 1,000 b.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke
from spec_example import WORKED_EXAMPLE

from aigc_roi import api
from aigc_roi.whatif.explain import FigureChanges

ITEM = "purchases: [{name: item, price: 10, rate: 1}]"
EXTRA = "purchases: [{name: item, price: 10, rate: 1}, {name: Extra, price: 2, rate: 1}]"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _figure(changes: FigureChanges, name: str) -> tuple[dict[str, float | None], float | None]:
    attribution = next(item for item in changes.explanation.attributions if item.figure == name)
    shares = dict(zip((change.path for change in changes.changes), attribution.shares or (), strict=True))
    return shares, changes.unexplained[name]


@pytest.fixture
def added(tmp_path: Path) -> tuple[Path, Path]:
    """Bid 20 -> 15 and a second purchase, Extra at 2 bought by every user, added."""
    return (_write(tmp_path, "base.yaml", WORKED_EXAMPLE),
            _write(tmp_path, "new.yaml", WORKED_EXAMPLE.replace("bid: 20", "bid: 15").replace(ITEM, EXTRA)))


def test_a_bid_keeps_its_share_beside_an_added_item(added: tuple[Path, Path]) -> None:
    changes = api.explain_change(*added)
    assert [(change.path, change.before, change.after) for change in changes.changes] == [("acquisition[0].bid", "20", "15")]
    assert [(item.path, item.named_path, item.added) for item in changes.not_split] == [
        ("monetization.purchases[1]", "monetization.purchases[Extra]", True)]
    # npv: the bid is worth 1,000 x 5 = +5,000; Extra adds 2 x 1,750 user-months = +3,500, not split.
    shares, rest = _figure(changes, "npv")
    assert shares == {"acquisition[0].bid": pytest.approx(5_000)} and rest == pytest.approx(3_500)
    # roi = (contribution - spend) / spend: -4,250 / 20,000 = -21.25%; at bid 15 750 / 15,000 = 5%; new
    # (19,250 - 15,000) / 15,000 = 28.33%.
    shares, rest = _figure(changes, "roi")
    assert shares["acquisition[0].bid"] == pytest.approx(0.2625) and rest == pytest.approx(0.85 / 3 - 0.05)
    # Payback: never (month 4); at bid 15 the cash -6,000, -1,500, +750 pays back in month 3; with Extra
    # -4,000, +1,500 in month 2.
    shares, rest = _figure(changes, "payback_month")
    assert shares == {"acquisition[0].bid": pytest.approx(-1)} and rest == pytest.approx(-1)
    payback = next(item for item in changes.explanation.attributions if item.figure == "payback_month")
    assert (payback.base, payback.new) == (None, 2)  # NEW's month, not the base's with the bid set


def test_the_table_markdown_and_csv_show_the_added_item_as_the_rest(added: tuple[Path, Path]) -> None:
    args = ["compare", *map(str, added), "--explain"]
    table = invoke(args, env={"COLUMNS": "120"}).stdout
    assert "every change at once" not in table
    npv = table[table.index("│ NPV"):]
    assert "not split: monetization.purchases[Extra] added" in npv.splitlines()[2] and "+3,500.00" in npv.splitlines()[2]
    assert "what it moves is not split, its row is the rest of the change" in " ".join(table.split())
    zh = invoke([*args, "--lang", "zh"], env={"COLUMNS": "120"}).stdout
    assert "无法拆分：新增 monetization.purchases[Extra]" in zh
    markdown = invoke([*args, "--format", "markdown"]).stdout
    assert "| NPV | not split: monetization.purchases[Extra] added | — | — | +3,500.00 |" in markdown
    csv = invoke([*args, "--format", "csv"]).stdout
    assert "npv,acquisition[0].bid,acquisition[0].bid,20,15,5000,20,15,CNY\n" in csv and "npv,unexplained,,,,3500,,,CNY\n" in csv
    data = json.loads(invoke([*args, "--format", "json"]).stdout)["explain"]
    assert data["not_split"] == {"added": [{"path": "monetization.purchases[1]", "base_path": None}], "removed": [],
                                 "changed": []}
    assert data["figures"]["npv"]["unexplained"] == pytest.approx(3_500)


def test_an_item_added_alone_is_all_rest(tmp_path: Path) -> None:
    base = _write(tmp_path, "base.yaml", WORKED_EXAMPLE)
    new = _write(tmp_path, "new.yaml", WORKED_EXAMPLE.replace(ITEM, EXTRA))
    changes = api.explain_change(base, new)
    assert changes.changes == ()
    assert _figure(changes, "npv") == ({}, pytest.approx(3_500))


def test_an_item_removed_is_the_rest_and_the_bid_keeps_its_share(added: tuple[Path, Path]) -> None:
    changes = api.explain_change(added[1], added[0])
    assert [(item.path, item.base_path, item.added) for item in changes.not_split] == [
        (None, "monetization.purchases[1]", False)]
    shares, rest = _figure(changes, "npv")
    assert shares == {"acquisition[0].bid": pytest.approx(-5_000)} and rest == pytest.approx(-3_500)
    table = invoke(["compare", *map(str, added[::-1]), "--explain"], env={"COLUMNS": "120"}).stdout
    assert "not split: monetization.purchases[Extra] removed" in table


def test_a_list_of_months_is_one_value(tmp_path: Path) -> None:
    """Months [1, 2, 3] -> [1, 2] with the bid 20 -> 15: two shares, nothing left over. A cohort bought in month m
    has 4 - m months of the 3: 1,750, 1,500 and 1,000 user-months, each worth 9, so npv = 9 x user-months - spend:
    v(none) = 38,250 - 60,000 = -21,750, v(bid) = 38,250 - 45,000 = -6,750, v(months) = 29,250 - 40,000 = -10,750,
    v(both) = 29,250 - 30,000 = -750; the bid's share (15,000 + 10,000) / 2 = 12,500, the months' (11,000 + 6,000)
    / 2 = 8,500."""
    three = WORKED_EXAMPLE.replace("months: 1}", "months: [1, 2, 3]}")
    base = _write(tmp_path, "base.yaml", three)
    new = _write(tmp_path, "new.yaml", three.replace("[1, 2, 3]", "[1, 2]").replace("bid: 20", "bid: 15"))
    for before, after, sign in ((base, new, 1), (new, base, -1)):
        changes = api.explain_change(before, after)
        assert changes.not_split == ()
        shares, rest = _figure(changes, "npv")
        assert shares == {"acquisition[0].bid": pytest.approx(sign * 12_500), "acquisition[0].months": pytest.approx(sign * 8_500)}
        assert rest == pytest.approx(0)
    months = next(change for change in api.explain_change(base, new).changes if change.path == "acquisition[0].months")
    assert (months.before, months.after) == ("[1, 2, 3]", "[1, 2]")


def test_a_top_level_field_left_out_changes_to_its_default(tmp_path: Path) -> None:
    """discount_rate 0.5 written in the base and left out in NEW is discount_rate 0.5 -> 0.0, a value with its share,
    as the reverse, a default written out, already was."""
    base = _write(tmp_path, "base.yaml", WORKED_EXAMPLE + "discount_rate: 0.5\n")
    new = _write(tmp_path, "new.yaml", WORKED_EXAMPLE)
    changes = api.explain_change(base, new)
    assert [(change.path, change.before, change.after) for change in changes.changes] == [("discount_rate", "0.5", "0.0")]
    assert changes.not_split == ()
    npv = next(item for item in changes.explanation.attributions if item.figure == "npv")
    # The one change carries the whole move to the undiscounted -4,250.
    assert npv.new == pytest.approx(-4_250) and npv.shares == pytest.approx((-4_250 - npv.base,))
