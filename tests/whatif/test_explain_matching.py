"""compare --explain and check --base match list items by name (docs/formulas.md §13), not by place.

Hand values on the spec's worked example (docs/formulas.md §11): 1,000 users bought in month 1 at bid 20, churn 0.5
over 3 months, so 1,000 + 500 + 250 = 1,750 active user-months, each costing 1 to serve. A purchase at price p bought
by every user is worth p x 1,750; with ``item`` at 10 npv is 9 x 1,750 - 20,000 = -4,250, and ``Extra`` at 2 adds
3,500.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke
from spec_example import WORKED_EXAMPLE
from test_check_zh import commit_all

from aigc_roi import api
from aigc_roi.whatif.explain import FigureChanges

ITEM = "purchases: [{name: item, price: 10, rate: 1}]"
EXTRA = "{name: Extra, price: 2, rate: 1}"


def _plan(purchases: str, bid: float = 20) -> str:
    return WORKED_EXAMPLE.replace(ITEM, f"purchases: [{purchases}]").replace("bid: 20", f"bid: {bid}")


def _explain(tmp_path: Path, base: str, new: str) -> FigureChanges:
    (tmp_path / "base.yaml").write_text(base, encoding="utf-8")
    (tmp_path / "new.yaml").write_text(new, encoding="utf-8")
    return api.explain_change(tmp_path / "base.yaml", tmp_path / "new.yaml")


def _npv(changes: FigureChanges) -> tuple[dict[str, float], float | None]:
    npv = next(item for item in changes.explanation.attributions if item.figure == "npv")
    return dict(zip((change.path for change in changes.changes), npv.shares or (), strict=True)), changes.unexplained["npv"]


def test_removing_the_first_of_two_items_removes_it(tmp_path: Path) -> None:
    """Not Extra renamed into item at price 10 and item removed: Extra removed (-3,500) beside the bid 20 -> 15
    (+1,000 x 5 = +5,000)."""
    changes = _explain(tmp_path, _plan(f"{EXTRA}, {{name: item, price: 10, rate: 1}}"),
                       _plan("{name: item, price: 10, rate: 1}", bid=15))
    assert [(change.path, change.before, change.after) for change in changes.changes] == [("acquisition[0].bid", "20", "15")]
    assert [(item.path, item.base_path, item.named_path, item.added) for item in changes.not_split] == [
        (None, "monetization.purchases[0]", "monetization.purchases[Extra]", False)]
    assert _npv(changes) == ({"acquisition[0].bid": pytest.approx(5_000)}, pytest.approx(-3_500))


def test_adding_an_item_first_adds_it(tmp_path: Path) -> None:
    changes = _explain(tmp_path, _plan("{name: item, price: 10, rate: 1}"),
                       _plan(f"{EXTRA}, {{name: item, price: 10, rate: 1}}"))
    assert changes.changes == ()
    assert [(item.path, item.added) for item in changes.not_split] == [("monetization.purchases[0]", True)]
    assert _npv(changes) == ({}, pytest.approx(3_500))


def test_reordered_items_keep_their_values(tmp_path: Path) -> None:
    """Extra moved first and its price 2 -> 3: one change worth 1 x 1,750, where NEW writes it; nothing is left."""
    changes = _explain(tmp_path, _plan(f"{{name: item, price: 10, rate: 1}}, {EXTRA}"),
                       _plan(f"{EXTRA.replace('price: 2', 'price: 3')}, {{name: item, price: 10, rate: 1}}"))
    assert [(change.path, change.named_path, change.before, change.after) for change in changes.changes] == [
        ("monetization.purchases[0].price", "monetization.purchases[Extra].price", "2", "3")]
    assert changes.not_split == ()
    assert _npv(changes) == ({"monetization.purchases[0].price": pytest.approx(1_750)}, pytest.approx(0))


def test_repeated_names_fall_back_to_place(tmp_path: Path) -> None:
    """Two items both named item: the second's price 2 -> 3 is a change of the second, worth 1 x 1,750."""
    # Each file's shared name is told, naming its file (api.explain_change).
    with pytest.warns(api.ScenarioWarning) as told:
        changes = _explain(tmp_path, _plan("{name: item, price: 10, rate: 1}, {name: item, price: 2, rate: 1}"),
                           _plan("{name: item, price: 10, rate: 1}, {name: item, price: 3, rate: 1}"))
    assert sorted(Path(str(warning.message).split(":")[0]).name for warning in told) == ["base.yaml", "new.yaml"]
    assert [(change.path, change.before, change.after) for change in changes.changes] == [
        ("monetization.purchases[1].price", "2", "3")]
    assert _npv(changes) == ({"monetization.purchases[1].price": pytest.approx(1_750)}, pytest.approx(0))


@pytest.mark.parametrize("base", [f"{EXTRA}, {{name: item, price: 10, rate: 1}}",
                                  f"{{name: item, price: 10, rate: 1}}, {EXTRA}"])
def test_check_base_explains_a_file_that_only_removes_an_item(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              base: str) -> None:
    (tmp_path / "scenarios").mkdir()
    plan = tmp_path / "scenarios" / "plan.yaml"
    plan.write_text(_plan(base), encoding="utf-8")
    commit_all(tmp_path, monkeypatch)
    plan.write_text(_plan("{name: item, price: 10, rate: 1}"), encoding="utf-8")
    out = invoke(["check", "scenarios", "--base", "HEAD", "--format", "markdown"]).stdout
    explained = out.split("### What moved each figure: scenarios/plan.yaml", 1)[1]
    assert "| NPV | not split: monetization.purchases[Extra] removed | — | — | -3,500.00 |" in explained
    assert ".price" not in explained and ".name" not in explained


GATED = """\
name: Gated
horizon_months: 3
acquisition:
  - {name: CPA, type: cpa, bid: BID, users: 1000, months: 1}
  - {name: Later, type: cpa, bid: 20, users: 1000, months: 2}
ADDED
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: item, price: 10, rate: 1}]
costs: {serving_per_active_user: 1}
gates:
  - {name: CPA works, after_month: 1, channels: [CPA], min_roas: 0, then: THEN}
"""
SEARCH = "  - {name: Search, type: cpa, bid: 20, users: 1000, months: 2}"


def test_a_gate_naming_an_added_channel_leaves_the_rest_split(tmp_path: Path) -> None:
    """The gate (ROAS >= 0) always passes. Later and Search, bought in month 2, have 1,000 + 500 user-months at 9,
    so each is worth 13,500 - 20,000 = -6,500: base npv -4,250 - 6,500 = -10,750; new, CPA at bid 15, 750 - 6,500
    - 6,500 = -12,250. The bid's share +5,000; Search added with the gate's list naming it, -6,500, not split."""
    base = GATED.replace("BID", "20").replace("ADDED\n", "").replace("THEN", "[Later]")
    new = GATED.replace("BID", "15").replace("ADDED", SEARCH).replace("THEN", "[Later, Search]")
    changes = _explain(tmp_path, base, new)
    assert [(change.path, change.before, change.after) for change in changes.changes] == [("acquisition[0].bid", "20", "15")]
    assert [(item.path, item.added, item.change) for item in changes.not_split] == [
        ("acquisition[2]", True, None), ("gates[0].then", False, ("[Later]", "[Later, Search]"))]
    assert _npv(changes) == ({"acquisition[0].bid": pytest.approx(5_000)}, pytest.approx(-6_500))
    args = ["compare", str(tmp_path / "base.yaml"), str(tmp_path / "new.yaml"), "--explain"]
    markdown = invoke([*args, "--format", "markdown"]).stdout
    assert ("| NPV | not split: acquisition[Search] added, gates[CPA works].then [Later] → [Later, Search] "
            "| — | — | -6,500.00 |") in markdown
    data = json.loads(invoke([*args, "--format", "json"]).stdout)["explain"]["not_split"]
    assert data == {"added": [{"path": "acquisition[2]", "base_path": None}], "removed": [],
                    "changed": [{"path": "gates[0].then", "base_path": "gates[0].then"}]}
    zh = invoke([*args, "--format", "markdown", "--lang", "zh"]).stdout
    assert "无法拆分：新增 acquisition[Search]、gates[CPA works].then [Later] → [Later, Search]" in zh


E2_BASE = """version: 1
name: E2 base
horizon_months: 4
acquisition:
  - {name: T, type: cpa, bid: 10, users: 100}
  - {name: U, type: cpa, bid: 5, users: 200, months: 2-4}
retention: {monthly_churn: 0.5}
monetization:
  purchases: [{name: Item, price: 10, rate: 1}]
costs: {serving_per_active_user: 1}
gates:
  - {name: cacgate, after_month: 1, channels: [T], max_cac: 12, then: [U]}
"""
E2_NEW = (E2_BASE.replace("E2 base", "E2 new").replace("bid: 10", "bid: 11").replace("name: U,", "name: U2,")
          .replace("acquisition:\n", "acquisition:\n  - {name: S, type: cpa, bid: 8, users: 50, months: 3-4}\n")
          .replace("then: [U]", "then: [U2, S]"))


def test_json_and_csv_name_each_index_in_its_own_version(tmp_path: Path) -> None:
    """QA fin3 F6: T is BASE's acquisition[0] and NEW's acquisition[1], which in BASE is U (removed); no path may
    read as both. By hand (churn 0.5 over 4 months, 9 net per active user-month, the gate passes at CAC 10 and 11):
    T buys 100 a month for 4 months, 100 x (1.875 + 1.75 + 1.5 + 1) = 612.5 user-months; U (and U2) 200 a month in
    months 2-4, 850; S 50 in months 3-4, 125. BASE npv 1,462.5 x 9 - (4,000 + 3,000) = 6,162.5; T's bid 10 -> 11
    alone costs 400 more: -400; NEW 1,587.5 x 9 - 8,200 = 6,087.5, so not split is S's 125 x 9 - 800 = +325.
    roi = npv / spend: 6,162.5 / 7,000 -> 5,762.5 / 7,400 with the bid, then 6,087.5 / 8,200."""
    base, new = _write(tmp_path, "base.yaml", E2_BASE), _write(tmp_path, "new.yaml", E2_NEW)
    args = ["compare", str(base), str(new), "--explain"]
    data = json.loads(invoke([*args, "--format", "json"]).stdout)["explain"]
    npv, roi = data["figures"]["npv"], data["figures"]["roi"]
    assert npv["contributions"] == [{"path": "acquisition[1].bid", "base_path": "acquisition[0].bid", "from": 10,
                                     "to": 11, "from_text": "10", "to_text": "11",
                                     "change": pytest.approx(-400)}]
    assert npv["unexplained"] == pytest.approx(325)
    assert roi["contributions"][0]["change"] == pytest.approx(5_762.5 / 7_400 - 6_162.5 / 7_000)
    assert roi["unexplained"] == pytest.approx(6_087.5 / 8_200 - 5_762.5 / 7_400)
    assert data["not_split"] == {
        "added": [{"path": "acquisition[0]", "base_path": None}, {"path": "acquisition[2]", "base_path": None}],
        "removed": [{"path": None, "base_path": "acquisition[1]"}],
        "changed": [{"path": "gates[0].then", "base_path": "gates[0].then"}]}
    csv = invoke([*args, "--format", "csv"]).stdout.splitlines()
    assert csv[0] == "figure,path,base_path,from,to,change,from_text,to_text,currency"
    assert "npv,acquisition[1].bid,acquisition[0].bid,10,11,-400,10,11,CNY" in csv and "npv,unexplained,,,,325,,,CNY" in csv
    markdown = invoke([*args, "--format", "markdown"]).stdout
    assert "| NPV | acquisition[T].bid | 10 | 11 | -400.00 |" in markdown
    assert "acquisition[U] removed" in markdown


def _write(folder: Path, name: str, text: str) -> Path:
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name
